"""One module per `vznews` subcommand; each is imported only when it runs."""
