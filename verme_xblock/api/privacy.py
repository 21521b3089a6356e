"""Personal data: erase it when an account is retired, export it when a person asks.

Retirement, keyed on the user id, in one transaction and idempotent:
- private data goes: group memberships (with organisation and role), facilitator seats, reflections,
  personal goals and agreements to the ground rules;
- shared content stays readable for the others: posts, comments, plan revisions, moderation entries,
  reports and the group's goals keep their text, under the neutral name "Former participant";
- counts stay right: attendance and travel rows and "useful" reactions are kept, so hours, travel and
  reaction counts still add up, but the user id in them is replaced by a random token that links
  them to nobody (one token per retirement, so the per-session and per-post uniqueness holds).

`PERSONAL_DATA` lists every model that holds a user id or a name; a test fails when a model with
such a field is missing from it.
"""
import uuid

from django.db import transaction
from django.utils.translation import gettext_noop

from ..mail.models import MessagePreference, SentMessage
from ..models import (
    ActionPoint,
    Attendance,
    Comment,
    DirectoryCard,
    EndedMembership,
    Facilitator,
    GroupGoal,
    LiveNoteRevision,
    LiveSession,
    Membership,
    ModerationAction,
    PersonalGoal,
    PlanRevision,
    Post,
    ProgressPlan,
    Reaction,
    Reflection,
    ReflectionAnswer,
    Report,
    RetiredUser,
    RuleAgreement,
    SeasonFeedbackAnswer,
    ShownOrganisation,
    TravelRecord,
    Visitor,
)
from . import bank_organisations

# Stored untranslated; shown through the catalogue wherever names are displayed.
FORMER_PARTICIPANT = gettext_noop("Former participant")

# Model -> what retirement does with its rows of the user.
PERSONAL_DATA = {
    Membership: "deleted",
    Facilitator: "deleted",
    Reflection: "deleted",
    ReflectionAnswer: "deleted with its reflection",
    Attendance: "kept for the hours, user id replaced by a token, name neutral",
    ProgressPlan: "kept, last editor neutral",
    PlanRevision: "kept, author neutral",
    Post: "kept, author token and neutral name; text of deleted posts erased",
    Comment: "kept, author token and neutral name",
    Reaction: "kept for the counts, user id replaced by a token",
    Report: "kept, reporter token and neutral name",
    ModerationAction: "kept, actor token and neutral name",
    Visitor: "deleted",
    PersonalGoal: "deleted",
    DirectoryCard: "deleted",
    SeasonFeedbackAnswer: "deleted",
    RuleAgreement: "deleted",
    GroupGoal: "kept for the group, author neutral",
    LiveSession: "kept, last editor of the notes neutral",
    LiveNoteRevision: "kept, author neutral",
    ActionPoint: "kept for the group, owner token and neutral name",
    TravelRecord: "kept for the employer's totals, user id replaced by the attendance token, name neutral, note erased",
    EndedMembership: "deleted",
    MessagePreference: "deleted",
    SentMessage: "deleted (the log of messages sent to the user)",
    ShownOrganisation: "no person in it: the retired author's posts stop counting towards their organisation",
    RetiredUser: "added: the bare id, so requests still in flight write nothing under it",
}


def _token():
    return f"retired-{uuid.uuid4().hex[:16]}"


@transaction.atomic
def retire_user(user_id):
    """Erase or anonymise one user's data in every block; running it again erases what a race left."""
    user_id = str(user_id)
    token = _token()
    # First, so a request still in flight finds the id retired and writes nothing more; a write that
    # slipped past the check is erased by the next run (the receiver may run again at any time).
    RetiredUser.objects.bulk_create([RetiredUser(user_id=user_id)], ignore_conflicts=True)
    Membership.objects.filter(user_id=user_id).delete()
    Facilitator.objects.filter(user_id=user_id).delete()
    Reflection.objects.filter(user_id=user_id).delete()  # answers go with them (cascade)
    Visitor.objects.filter(user_id=user_id).delete()
    PersonalGoal.objects.filter(user_id=user_id).delete()
    DirectoryCard.objects.filter(user_id=user_id).delete()
    SeasonFeedbackAnswer.objects.filter(user_id=user_id).delete()
    RuleAgreement.objects.filter(user_id=user_id).delete()
    GroupGoal.objects.filter(author_id=user_id).update(author_id=token, author_name=FORMER_PARTICIPANT)
    TravelRecord.objects.filter(user_id=user_id).update(user_id=token, display_name=FORMER_PARTICIPANT, note="")
    TravelRecord.objects.filter(recorded_by=user_id).update(recorded_by="")
    LiveSession.objects.filter(notes_updated_by_id=user_id).update(notes_updated_by_id="",
                                                                    notes_updated_by_name=FORMER_PARTICIPANT)
    LiveNoteRevision.objects.filter(author_id=user_id).update(author_id="", author_name=FORMER_PARTICIPANT)
    ActionPoint.objects.filter(owner_id=user_id).update(owner_id=token, owner_name=FORMER_PARTICIPANT)
    ActionPoint.objects.filter(created_by=user_id).update(created_by="")
    EndedMembership.objects.filter(user_id=user_id).delete()
    MessagePreference.objects.filter(user_id=user_id).delete()
    SentMessage.objects.filter(user_id=user_id).delete()
    Attendance.objects.filter(user_id=user_id).update(user_id=token, display_name=FORMER_PARTICIPANT)
    Attendance.objects.filter(recorded_by=user_id).update(recorded_by="")
    PlanRevision.objects.filter(author_id=user_id).update(author_id="", author_name=FORMER_PARTICIPANT)
    ProgressPlan.objects.filter(updated_by_id=user_id).update(updated_by_id="", updated_by_name=FORMER_PARTICIPANT)
    shown = Post.objects.filter(author_id=user_id, deleted_at__isnull=True).exclude(author_organisation="")
    for post in shown.only("block_key", "visibility", "group_id", "author_organisation"):
        bank_organisations.count_post(post, -1)
    Post.objects.filter(author_id=user_id, deleted_at__isnull=False).update(body="", title="")
    Post.objects.filter(author_id=user_id).update(
        author_id=token, author_name=FORMER_PARTICIPANT, author_organisation=""
    )
    Comment.objects.filter(author_id=user_id).update(
        author_id=token, author_name=FORMER_PARTICIPANT, author_organisation=""
    )
    Reaction.objects.filter(user_id=user_id).update(user_id=token)
    Report.objects.filter(reporter_id=user_id).update(reporter_id=token, reporter_name=FORMER_PARTICIPANT)
    ModerationAction.objects.filter(actor_id=user_id).update(actor_id=token, actor_name=FORMER_PARTICIPANT)


def export_user(user_id, block_key=None):
    """Everything held about one user (in one block, or in all), as JSON-ready data."""
    user_id = str(user_id)

    def rows(queryset, block_path, *fields):
        if block_key is not None:
            queryset = queryset.filter(**{block_path: block_key})
        return list(queryset.order_by("id").values(*fields))

    return {
        "user_id": user_id,
        "memberships": rows(Membership.objects.filter(user_id=user_id), "block_key",
                            "block_key", "group__name", "display_name", "organisation", "role", "joined_at"),
        "facilitating": rows(Facilitator.objects.filter(user_id=user_id), "group__block_key",
                             "group__block_key", "group__name", "display_name"),
        "attendance": rows(Attendance.objects.filter(user_id=user_id), "session__group__block_key",
                           "session__group__block_key", "session__group__name", "session__number",
                           "session__starts_at", "status", "minutes"),
        "plan_revisions": rows(PlanRevision.objects.filter(author_id=user_id), "plan__group__block_key",
                               "plan__group__block_key", "plan__group__name", "version", "text", "created_at"),
        "posts": _posts(user_id, block_key),
        "comments": rows(Comment.objects.filter(author_id=user_id), "post__block_key",
                         "id", "post_id", "post__block_key", "author_name", "author_organisation", "body",
                         "created_at", "hidden", "hidden_reason"),
        "reactions": rows(Reaction.objects.filter(user_id=user_id), "post__block_key",
                          "post_id", "post__block_key", "created_at"),
        "reports": rows(Report.objects.filter(reporter_id=user_id), "post__block_key",
                        "post_id", "comment_id", "post__block_key", "reason", "created_at", "resolved_at"),
        "moderation_actions": rows(ModerationAction.objects.filter(actor_id=user_id), "post__block_key",
                                   "post_id", "comment_id", "post__block_key", "action", "reason", "created_at"),
        "reflections": _reflections(user_id, block_key),
        "visits": rows(Visitor.objects.filter(user_id=user_id), "block_key", "block_key", "display_name", "first_seen"),
        "group_goals": rows(GroupGoal.objects.filter(author_id=user_id), "group__block_key",
                            "group__block_key", "group__name", "text", "created_at"),
        "personal_goals": rows(PersonalGoal.objects.filter(user_id=user_id), "group__block_key",
                               "group__block_key", "group__name", "display_name", "text", "updated_at"),
        "ground_rules_agreed": rows(RuleAgreement.objects.filter(user_id=user_id), "group__block_key",
                                    "group__block_key", "group__name", "agreed_at"),
        "season_feedback": rows(SeasonFeedbackAnswer.objects.filter(user_id=user_id), "group__block_key",
                                "group__block_key", "group__name", "item_id", "value", "answered_at"),
        "directory_card": rows(DirectoryCard.objects.filter(user_id=user_id), "block_key", "block_key",
                               "display_name", "organisation", "role", "expertise", "contact", "updated_at"),
        "action_points": rows(ActionPoint.objects.filter(owner_id=user_id), "session__group__block_key",
                              "session__group__block_key", "session__group__name", "session__number", "text",
                              "done", "created_at"),
        "session_notes": rows(LiveNoteRevision.objects.filter(author_id=user_id), "live__session__group__block_key",
                              "live__session__group__block_key", "live__session__group__name",
                              "live__session__number", "version", "text", "created_at"),
        "travel": rows(TravelRecord.objects.filter(user_id=user_id), "session__group__block_key",
                       "session__group__block_key", "session__group__name", "session__number",
                       "session__starts_at", "kilometres", "amount", "note", "updated_at"),
        "ended_memberships": rows(EndedMembership.objects.filter(user_id=user_id), "block_key", "block_key",
                                  "group__name", "display_name", "organisation", "role", "joined_at", "ended_at"),
        "message_preferences": rows(MessagePreference.objects.filter(user_id=user_id), "block_key",
                                    "block_key", "kind", "enabled", "updated_at"),
        "messages_sent": rows(SentMessage.objects.filter(user_id=user_id), "block_key",
                              "block_key", "kind", "subject", "status", "sent_at"),
    }


def export_user_for_staff(user_id, block_key):
    """One participant as course staff see them in the interface: no reflection text, no drafts.

    Staff see who submitted which reflection (never what), rosters, attendance, the plan and the bank;
    the complete export stays with the person's own download and the operators' command.
    """
    data = export_user(user_id, block_key=block_key)
    data.pop("reactions")  # staff see how many marked a post useful, never who
    data["reflections"] = list(
        Reflection.objects.filter(user_id=str(user_id), block_key=block_key, status=Reflection.SUBMITTED)
        .order_by("slot", "id")
        .values("group__name", "session__number", "session__title", "submitted_at")
    )
    return data


def _posts(user_id, block_key):
    posts = Post.objects.filter(author_id=user_id).prefetch_related("tags").order_by("id")
    if block_key is not None:
        posts = posts.filter(block_key=block_key)
    return [
        {
            "id": post.id, "block_key": post.block_key, "title": post.title, "body": post.body,
            "tags": [tag.tag for tag in post.tags.all()], "visibility": post.visibility,
            "author_name": post.author_name, "author_organisation": post.author_organisation,
            "created_at": post.created_at, "edited_at": post.edited_at, "deleted_at": post.deleted_at,
            "hidden": post.hidden, "hidden_reason": post.hidden_reason,
        }
        for post in posts
    ]


def _reflections(user_id, block_key):
    reflections = Reflection.objects.filter(user_id=user_id)
    if block_key is not None:
        reflections = reflections.filter(block_key=block_key)
    answers = {}
    for answer in ReflectionAnswer.objects.filter(reflection__in=reflections).values(
        "reflection_id", "item_id", "kind", "value", "text"
    ):
        answers.setdefault(answer.pop("reflection_id"), []).append(answer)
    fields = ("id", "block_key", "group__name", "session__number", "session__title", "status",
              "shared_with_facilitators", "created_at", "updated_at", "submitted_at")
    return [{**row, "answers": answers.get(row["id"], [])} for row in reflections.order_by("id").values(*fields)]
