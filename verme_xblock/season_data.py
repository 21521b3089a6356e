"""Frozen objects of the season in depth: the plan written together at session 1 and travel."""
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GoalInfo:
    id: int
    text: str
    author_id: str
    author_name: str


@dataclass(frozen=True)
class PersonalGoalInfo:
    user_id: str
    display_name: str
    text: str


@dataclass(frozen=True)
class RuleAgreementInfo:
    user_id: str
    display_name: str
    agreed: bool
    agreed_at: object = None  # aware datetime once agreed


@dataclass(frozen=True)
class SeasonPlan:
    """What the group wrote together at session 1, as its members, facilitators and staff see it."""

    group_id: int
    goals: tuple  # of GoalInfo, in the order added
    personal_goals: tuple  # of PersonalGoalInfo, one per member who wrote one
    agreements: tuple  # of RuleAgreementInfo, one per member (agreed or not)
    themes: tuple  # of (session id, number, title, theme) for the sessions after the first
    can_edit: bool  # a member or facilitator of the group (staff too)
    is_member: bool
    viewer_id: str

    @property
    def my_personal_goal(self):
        return next((goal.text for goal in self.personal_goals if goal.user_id == self.viewer_id), "")

    @property
    def i_agreed(self):
        return any(a.agreed and a.user_id == self.viewer_id for a in self.agreements)

    @property
    def agreed_count(self):
        return sum(1 for a in self.agreements if a.agreed)


@dataclass(frozen=True)
class TravelInfo:
    """One member's travel to one session."""

    session_id: int
    user_id: str
    kilometres: object  # Decimal or None
    amount: object  # Decimal or None
    note: str

    def cost(self, rate):
        """Money owed: the amount plus kilometres at the per-kilometre rate (when the course sets one)."""
        total = self.amount or Decimal(0)
        if rate is not None and self.kilometres is not None:
            total += self.kilometres * rate
        return total


@dataclass(frozen=True)
class DirectoryCardInfo:
    id: int
    user_id: str
    display_name: str
    organisation: str
    role: str
    expertise: str
    contact: str
    group_name: str = ""  # the person's group in this component, if any
