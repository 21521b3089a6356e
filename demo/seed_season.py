"""Demo data of the season plan written at session 1 and of travel (fictional people, idempotent)."""
from decimal import Decimal

from verme_xblock import roles
from verme_xblock.api import season_plan, travel
from verme_xblock.data import Viewer
from verme_xblock.models import GroupGoal, Membership, MentoringSession

GOALS = {
    "en": ["Everyone tries one new practice between sessions", "Share our tools for the first weeks"],
    "fi": ["Jokainen kokeilee yhtä uutta käytäntöä tapaamisten välillä", "Jaetaan työkalumme alkuviikoille"],
}
THEMES = {"en": ["Feedback that helps", "Coping in busy weeks"], "fi": ["Palaute, joka auttaa", "Jaksaminen kiireessä"]}
PERSONAL = {"en": "Calmer starts to my lessons", "fi": "Rauhallisemmat oppituntien aloitukset"}


def seed_season(block_key, language):
    """The first group of the block gets goals, two themes, one personal goal, one agreement and travel."""
    first = Membership.objects.filter(block_key=block_key).order_by("group_id", "display_name").first()
    if first is None or GroupGoal.objects.filter(group_id=first.group_id).exists():
        return
    member = Viewer(first.user_id, first.display_name, roles.LEARNER, False, first.group_id)
    for text in GOALS[language]:
        season_plan.add_goal(block_key, member, first.group_id, text)
    later = MentoringSession.objects.filter(group_id=first.group_id, number__in=(4, 5)).order_by("number")
    for session, theme in zip(later, THEMES[language], strict=False):
        season_plan.set_theme(block_key, member, session.id, theme)
    season_plan.set_personal_goal(block_key, member, PERSONAL[language])
    season_plan.agree_to_rules(block_key, member)
    held = MentoringSession.objects.filter(group_id=first.group_id, number=2).first()
    if held is not None:
        travel.record_travel(block_key, member, held.id, member.user_id, kilometres=Decimal("24"), amount=None,
                             note="")
