"""The store's schema, as an ordered set of migrations. Never edit a shipped step: add one."""

from __future__ import annotations

from vznews.store.sqlite_lib import Database, Migrations

migrations = Migrations("vznews")


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE feeds (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            tags TEXT NOT NULL DEFAULT '[]',          -- JSON list
            lang TEXT,
            title TEXT,                                -- the feed's own title
            site_url TEXT,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            moved_to TEXT,                             -- permanent redirect target
            checked_at TEXT,
            ok_at TEXT,
            status INTEGER,                            -- last HTTP status
            error TEXT,                                -- last error, one line
            error_count INTEGER NOT NULL DEFAULT 0,
            retry_after TEXT,                          -- do not fetch before (UTC ISO)
            gone INTEGER NOT NULL DEFAULT 0            -- 410: the publisher removed it
        );

        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
            guid TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL DEFAULT '',
            author TEXT,
            published TEXT NOT NULL,                   -- UTC ISO 8601
            updated TEXT,
            summary TEXT NOT NULL DEFAULT '',
            summary_html TEXT,
            content TEXT NOT NULL DEFAULT '',
            content_html TEXT,
            fulltext TEXT,                             -- main text extracted from the page
            fulltext_status TEXT,                      -- NULL pending, 'ok', 'failed', 'skipped'
            fulltext_error TEXT,
            fulltext_attempts INTEGER NOT NULL DEFAULT 0,
            fulltext_url TEXT,                         -- the link the fulltext came from
            lang TEXT,
            content_hash TEXT NOT NULL,
            extracted_version INTEGER NOT NULL DEFAULT 0,
            is_read INTEGER NOT NULL DEFAULT 0,        -- user state: a sync never writes it
            is_starred INTEGER NOT NULL DEFAULT 0,     -- user state: a sync never writes it
            first_seen TEXT NOT NULL,
            UNIQUE (feed_id, guid)
        );
        CREATE INDEX idx_articles_published ON articles (published DESC, id DESC);
        CREATE INDEX idx_articles_feed ON articles (feed_id, published DESC, id DESC);
        CREATE INDEX idx_articles_unread ON articles (is_read, published DESC, id DESC);
        CREATE INDEX idx_articles_starred ON articles (is_starred, published DESC, id DESC);
        CREATE INDEX idx_articles_extracted ON articles (extracted_version);

        CREATE TABLE entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('person', 'org', 'place', 'other')),
            key TEXT NOT NULL UNIQUE,                  -- normalized name (lowercase, no accents)
            hidden INTEGER NOT NULL DEFAULT 0,
            article_count INTEGER NOT NULL DEFAULT 0,  -- denormalized for ranking
            mention_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_entities_rank ON entities (hidden, article_count DESC);
        CREATE INDEX idx_entities_kind ON entities (kind, hidden, article_count DESC);

        CREATE TABLE entity_aliases (
            alias_key TEXT PRIMARY KEY,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
        );
        CREATE INDEX idx_entity_aliases_entity ON entity_aliases (entity_id);

        CREATE TABLE mentions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
            count INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (article_id, entity_id)
        );
        CREATE INDEX idx_mentions_entity ON mentions (entity_id, article_id);

        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            text TEXT NOT NULL,
            speaker TEXT,                              -- resolved full name, else as written
            speaker_as_written TEXT,
            role TEXT,
            entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
            cue TEXT,
            kind TEXT NOT NULL DEFAULT 'direct' CHECK (kind IN ('direct', 'mixed', 'indirect')),
            start INTEGER NOT NULL,                    -- offsets into the article's body text
            "end" INTEGER NOT NULL,
            paragraph INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0        -- order within the article
        );
        CREATE INDEX idx_quotes_article ON quotes (article_id, position);
        CREATE INDEX idx_quotes_entity ON quotes (entity_id);
        CREATE INDEX idx_quotes_kind ON quotes (kind, article_id);

        CREATE TABLE sync_runs (
            id INTEGER PRIMARY KEY,
            started TEXT NOT NULL,
            finished TEXT,
            feeds_ok INTEGER NOT NULL DEFAULT 0,
            feeds_unchanged INTEGER NOT NULL DEFAULT 0,
            feeds_failed INTEGER NOT NULL DEFAULT 0,
            new_articles INTEGER NOT NULL DEFAULT 0,
            updated_articles INTEGER NOT NULL DEFAULT 0
        );
        """
    )


@migrations()
def m002_fts(db: Database) -> None:
    # Hand-written triggers: they fire only when indexed text changes, so marking an
    # article read or starred never rewrites its full-text index row.
    db.executescript(
        """
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, summary, content, fulltext,
            content='articles', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, summary, content, fulltext)
            VALUES (new.id, new.title, new.summary, new.content, coalesce(new.fulltext, ''));
        END;
        CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, summary, content, fulltext)
            VALUES ('delete', old.id, old.title, old.summary, old.content, coalesce(old.fulltext, ''));
        END;
        CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, summary, content, fulltext ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, summary, content, fulltext)
            VALUES ('delete', old.id, old.title, old.summary, old.content, coalesce(old.fulltext, ''));
            INSERT INTO articles_fts (rowid, title, summary, content, fulltext)
            VALUES (new.id, new.title, new.summary, new.content, coalesce(new.fulltext, ''));
        END;

        CREATE VIRTUAL TABLE quotes_fts USING fts5(
            text, speaker,
            content='quotes', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER quotes_fts_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, coalesce(new.speaker, ''));
        END;
        CREATE TRIGGER quotes_fts_ad AFTER DELETE ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
            VALUES ('delete', old.id, old.text, coalesce(old.speaker, ''));
        END;
        CREATE TRIGGER quotes_fts_au AFTER UPDATE OF text, speaker ON quotes BEGIN
            INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker)
            VALUES ('delete', old.id, old.text, coalesce(old.speaker, ''));
            INSERT INTO quotes_fts (rowid, text, speaker) VALUES (new.id, new.text, coalesce(new.speaker, ''));
        END;

        CREATE VIRTUAL TABLE entities_fts USING fts5(
            name, content='entities', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER entities_fts_ai AFTER INSERT ON entities BEGIN
            INSERT INTO entities_fts (rowid, name) VALUES (new.id, new.name);
        END;
        CREATE TRIGGER entities_fts_ad AFTER DELETE ON entities BEGIN
            INSERT INTO entities_fts (entities_fts, rowid, name) VALUES ('delete', old.id, old.name);
        END;
        CREATE TRIGGER entities_fts_au AFTER UPDATE OF name ON entities BEGIN
            INSERT INTO entities_fts (entities_fts, rowid, name) VALUES ('delete', old.id, old.name);
            INSERT INTO entities_fts (rowid, name) VALUES (new.id, new.name);
        END;
        """
    )


@migrations()
def m003_mention_kind(db: Database) -> None:
    # The kind the extractor gave an entity in each article: the entity's kind is decided
    # from all its articles ("Maduro" is an organisation in one, a person in ten).
    db.executescript("ALTER TABLE mentions ADD COLUMN kind TEXT;")
