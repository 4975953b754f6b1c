"""Closed word classes the speaker and attribution rules test words against (English and Spanish)."""

from __future__ import annotations

DETERMINERS = frozenset("the a an one another some el la los las un una unos unas lo".split())
PREPOSITIONS = frozenset("of for at from in on with to by about into over under de del en con por para a al".split())
CONNECTORS = frozenset("de del la las los van von der den da di du le bin ibn al y st.".split())
NAME_LINKS = frozenset("por para de of for".split())
SUFFIXES = frozenset("Jr. Sr. Jr Sr II III IV".split())
HEAD_FOLLOWERS = PREPOSITIONS | frozenset("who whose which and or himself herself quien que".split())
NON_NAMES = frozenset(
    """The A An But And Or So Yet When While If As In On At After Before Since Then Now This That These Those
    It He She They We I His Her Their Its Our My Your There Here Asked Speaking According Meanwhile However
    Still Also Later Earlier Today Yesterday Tonight Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    January February March April May June July August September October November December Last Next Both
    Many Some Most Several Few Other Others One Two Three Four Five Such Every Each No Not Yes Even Just Only
    Why What Who How Where Which Whether Because Although Though Despite During Under Over With Without Through
    Behind Beyond Inside Outside Across Along Among Around Near Until Upon Within Against Between From Into
    Like Unlike Throughout Toward Towards Via For To By Of About Above Below Instead Later Once Meanwhile
    Desde Entre Hasta Hacia Contra Bajo Durante Mientras Tras Ante Luego Además Así Aquí Allí
    El La Los Las Un Una Pero Y Según En Con Por Para Al Del Este Esta Ese Esa Estos Estas Ellos Ellas Él Ella
    Lunes Martes Miércoles Jueves Viernes Sábado Domingo Enero Febrero Marzo Abril Mayo Junio Julio Agosto
    Septiembre Octubre Noviembre Diciembre Ayer Hoy Mañana Sin Sobre Tras Ante Cuando Como Si""".split()
)
ORG_WORDS = frozenset(
    """House Party Department Ministry Committee Council Post Times News Journal Network Campaign Foundation
    Institute University Center Centre Agency Commission Court Congress Senate Administration Office
    Association Union Bank Fund Group Inc. Corp. Co. Company Press Watch Organization Organisation Service
    Services Police Army Force Forces Guard Board Bureau Reuters Club Coalition Alliance Movement Front Caucus
    Government Assembly Parliament Republic States Nations Tribune Herald Gazette Magazine Radio Television TV
    Channel Review Daily Weekly Post-Dispatch Globe Examiner Chronicle Agency Ministerio Consejo Partido
    Gobierno Asamblea Tribunal Comisión Fundación Universidad Instituto Frente Unidad Mesa""".split()
)
CLAUSE_WORDS = frozenset(
    """that which is are was were be been being has have had will would could should can may might must not
    do does did if because when while although though since where what how why there also only just even
    que es son fue era ha han había será sería no si porque cuando aunque""".split()
)
TITLE_COMPLEMENTS = frozenset(
    """State Defense Defence Justice Treasury Homeland Security Commerce Labor Labour Energy Education Health
    Interior Agriculture Transportation Foreign Affairs Finance Economy Veterans Housing War Information
    Communications Communication Exterior Exteriores Defensa Hacienda Economía Interior Justicia""".split()
)
INTRO = frozenset(
    """when while after before as in on at during since if although speaking asked responding following
    despite with without for by from to meanwhile however still earlier later then now also but and yet so or
    behind beyond inside outside across along among around near until upon within against between into
    like unlike throughout toward towards via about instead once
    en durante tras al ante por para con sin además luego desde entre hasta hacia contra bajo mientras así""".split()
)
BOUNDARY = frozenset(
    """as when while because after before that if since although though where whereas until unless cuando
    mientras porque aunque donde""".split()
)
RELATIVES = frozenset("who which that whom quien que".split())
