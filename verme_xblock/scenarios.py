"""Workbench scenarios: an English and a Finnish course component."""
from xml.sax.saxutils import quoteattr

ENGLISH_INTRO = (
    "Welcome to **peer-group mentoring**. Colleagues in the same position meet five times, "
    "three hours each, to learn from each other and share good practices across organisations.\n\n"
    "What is shared in the group stays in the group."
)
FINNISH_INTRO = (
    "Tervetuloa **vertaisryhmämentorointiin**. Samassa asemassa olevat kollegat tapaavat viisi kertaa, "
    "kolme tuntia kerrallaan, oppivat toisiltaan ja jakavat hyviä käytäntöjä yli organisaatiorajojen.\n\n"
    "Ryhmässä jaettu jää ryhmään."
)

SCENARIOS = (
    ("Verme: peer-group mentoring (English)", "Peer-group mentoring, autumn season", ENGLISH_INTRO),
    ("Verme: vertaisryhmämentorointi (suomi)", "Vertaisryhmämentorointi, syyskausi", FINNISH_INTRO),
)


def workbench_scenarios():
    return [
        (
            title,
            f"<vertical_demo><verme display_name={quoteattr(name)} introduction={quoteattr(intro)}/></vertical_demo>",
        )
        for title, name, intro in SCENARIOS
    ]
