"""The plan a group writes together at session 1, and travel to attended sessions.

Both live inside the group's space: each handler answers with that section re-rendered
(`groups_reply`), so the forms work through the same script as the rest of the space.
"""
from django.utils.translation import gettext as _

from .. import validation
from ..api import season_feedback, season_plan, travel
from ..errors import Refusal
from ..handlers import json_api
from .groups import object_id

THEME_MAX = 200
KILOMETRES_MAX = 10_000
AMOUNT_MAX = 100_000


class SeasonMixin:
    """Handlers of the season plan (goals, themes, personal goals, ground rules) and of travel."""

    def season_context(self, viewer, space):
        """What the group space shows of the season plan and travel (four queries), or None."""
        if space is None:
            return None
        config = self.current_config()
        return {
            "plan": season_plan.season_plan(space.summary.id, viewer, space.members, space.sessions),
            "travel": travel.travel_of(space.summary.id, viewer),
            "live_url": self.live_url_prefix() if space.can_facilitate else "",
            "close": self.close_urls(space, viewer),  # views/close.py: certificates and the method kit
            "feedback": self.feedback_context(viewer, space, config),
            "currency": config.travel_currency,
            "km_rate": config.travel_km_rate,
            "limits": {"goal": season_plan.GOAL_MAX, "theme": THEME_MAX, "note": travel.NOTE_MAX},
        }

    def feedback_context(self, viewer, space, config):
        """The end-of-season feedback form (members) and its k-anonymous figures (facilitators, staff)."""
        items, k = config.feedback_items, config.anonymity_threshold
        group_id = space.summary.id
        return {
            "items": items,
            "mine": season_feedback.my_answers(viewer) if space.is_member else {},
            "group": season_feedback.figures(self.block_key, viewer, items, k, group_id)
            if space.can_facilitate else (),
            "overall": season_feedback.figures(self.block_key, viewer, items, k) if viewer.is_course_staff else (),
            "k": max(k, season_feedback.MIN_K),
        }

    @json_api()
    def season_feedback_submit(self, payload, viewer):
        config = self.current_config()
        raw = payload.get("answers")
        if raw is None:  # the form sends one radio group per statement: answers.<item id>
            raw = {key[len("answers."):]: value for key, value in payload.items() if key.startswith("answers.")}
        if not isinstance(raw, dict):
            raise Refusal("incomplete", _("Answer every statement."), field="answers")
        answers = {str(item_id)[:64]: validation.integer(raw, item_id, minimum=1, maximum=5) for item_id in raw}
        group_id = season_feedback.submit(self.block_key, viewer, config.feedback_items, answers)
        self.runtime.publish(self, "xblock.verme.season_feedback.submitted", {"group_id": group_id})
        return self.groups_reply(payload, _("Thank you for your feedback."), group_id)

    @json_api()
    def season_goal_add(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        text = validation.text(payload, "text", max_length=season_plan.GOAL_MAX)
        season_plan.add_goal(self.block_key, viewer, group_id, text)
        return self.groups_reply(payload, _("Goal added."), group_id)

    @json_api()
    def season_goal_remove(self, payload, viewer):
        goal_id = object_id(payload, "goal_id")
        group_id = season_plan.remove_goal(self.block_key, viewer, goal_id)
        return self.groups_reply(payload, _("Goal removed."), group_id)

    @json_api()
    def season_theme_save(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        theme = validation.text(payload, "theme", max_length=THEME_MAX, required=False, allow_blank=True)
        group_id = season_plan.set_theme(self.block_key, viewer, session_id, theme)
        return self.groups_reply(payload, _("Theme saved."), group_id)

    @json_api()
    def season_personal_goal(self, payload, viewer):
        text = validation.text(payload, "text", max_length=season_plan.GOAL_MAX, required=False, allow_blank=True)
        group_id = season_plan.set_personal_goal(self.block_key, viewer, text)
        return self.groups_reply(payload, _("Your personal goal was saved."), group_id)

    @json_api()
    def season_agree_rules(self, payload, viewer):
        group_id = season_plan.agree_to_rules(self.block_key, viewer)
        self.runtime.publish(self, "xblock.verme.ground_rules.agreed", {"group_id": group_id})
        return self.groups_reply(payload, _("You agreed to the ground rules."), group_id)

    @json_api()
    def travel_record(self, payload, viewer):
        session_id = object_id(payload, "session_id")
        user_id = validation.text(payload, "user_id", max_length=64, required=False, default=viewer.user_id)
        kilometres = validation.decimal_value(payload, "kilometres", places=1, maximum=KILOMETRES_MAX)
        amount = validation.decimal_value(payload, "amount", places=2, maximum=AMOUNT_MAX)
        note = validation.text(payload, "note", max_length=travel.NOTE_MAX, required=False, allow_blank=True)
        group_id = travel.record_travel(self.block_key, viewer, session_id, user_id, kilometres=kilometres,
                                        amount=amount, note=note)
        self.runtime.publish(self, "xblock.verme.travel.recorded", {"group_id": group_id, "session_id": session_id})
        return self.groups_reply(payload, _("Travel saved."), group_id)
