"""The tables of shared, multi-user data, one row per fact.

Rows are keyed by the block's usage key (`block_key`, with its `course_key`) and the user id the
runtime gives (`user_id`, a string: a number in the LMS, a name in the workbench). Names are the
display snapshot at the time of the action; account retirement replaces them (see `api.privacy`).
"""
from django.db import models
from django.db.models import F, Q

from .constraints import check_constraint
from .keys import course_key_of

BLOCK_KEY_LENGTH = 255
USER_ID_LENGTH = 64
NAME_LENGTH = 255


class CourseKeyedQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for obj in objs:
            obj.fill_course_key()
        return super().bulk_create(objs, *args, **kwargs)


class CourseKeyed(models.Model):
    """Block-keyed rows carry their course key too (indexed, for unenrolment and course deletion),
    filled from the block key when rows are saved or bulk-created."""

    course_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True, blank=True, default="")

    objects = CourseKeyedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_course_key()
        super().save(*args, **kwargs)

    def fill_course_key(self):
        if not self.course_key and self.block_key:
            self.course_key = course_key_of(self.block_key)


class MentoringGroup(CourseKeyed):
    """A peer-mentoring group of one block: 5–9 staff members with one or more facilitators."""

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    name = models.CharField(max_length=120)
    target_group = models.CharField(max_length=64, blank=True)
    description = models.TextField(blank=True)
    place = models.CharField(max_length=255, blank=True)
    meeting_url = models.CharField(max_length=500, blank=True)
    min_size = models.PositiveSmallIntegerField(default=5)
    max_size = models.PositiveSmallIntegerField(default=9)
    archived = models.BooleanField(default=False)
    # The Open edX team this group follows (Teams mode), or "" for a group managed in the block.
    team_id = models.CharField(max_length=255, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["block_key", "name"], name="verme_group_unique_name"),
            check_constraint("verme_group_min_le_max", Q(min_size__lte=F("max_size"))),
            check_constraint("verme_group_max_positive", Q(max_size__gte=1)),
        ]

    def __str__(self):
        return self.name


class Facilitator(models.Model):
    """A user who facilitates one group (a group may have several)."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="facilitators")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user_id"], name="verme_facilitator_once"),
        ]


class Membership(CourseKeyed):
    """A participant's seat in a group; at most one group per user per block."""

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="memberships")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)
    shows_organisation = models.BooleanField(default=False)  # last answer: show it on course-wide posts?

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["block_key", "user_id"], name="verme_one_group_per_block"),
        ]


class MentoringSession(models.Model):
    """One meeting of a group: when, where, and its plan (title, goal, methods, timed agenda)."""

    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    goal = models.TextField(blank=True)
    methods = models.TextField(blank=True)
    # A list of {"minute": int, "text": str}: the timed agenda lines of the session's plan.
    agenda = models.JSONField(default=list, blank=True)
    starts_at = models.DateTimeField()
    duration_minutes = models.PositiveSmallIntegerField(default=180)
    place = models.CharField(max_length=255, blank=True)
    cancelled = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    theme = models.CharField(max_length=200, blank=True)  # chosen by the group at session 1
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["group_id", "starts_at", "number"]
        constraints = [
            models.UniqueConstraint(fields=["group", "number"], name="verme_session_number_once"),
        ]


class Reflection(CourseKeyed):
    """One participant's private self-assessment after a session (or the baseline before the first).

    `slot` is the session's id, or 0 for the baseline: a non-null column, so "one reflection per
    user and session, and one baseline" is a plain unique constraint that MySQL enforces too
    (it has no partial unique indexes for a null session).
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    BASELINE_SLOT = 0

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    group = models.ForeignKey(MentoringGroup, on_delete=models.CASCADE, related_name="reflections")
    session = models.ForeignKey(
        MentoringSession, null=True, blank=True, on_delete=models.CASCADE, related_name="reflections"
    )
    slot = models.PositiveIntegerField()
    status = models.CharField(max_length=16, default=DRAFT, choices=[(DRAFT, DRAFT), (SUBMITTED, SUBMITTED)])
    shared_with_facilitators = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["block_key", "user_id", "slot"]
        constraints = [
            models.UniqueConstraint(fields=["block_key", "user_id", "slot"], name="verme_reflection_once_per_slot"),
            check_constraint(
                "verme_reflection_slot_matches_session",
                Q(session__isnull=True, slot=0) | Q(session__isnull=False, slot__gt=0),
            ),
        ]


class ReflectionAnswer(models.Model):
    """One answer of a reflection, keyed by the item's stable id (a Likert value 1–5 or an open text).

    One row per answer keeps group figures a single GROUP BY in the database; answers to items an
    instructor later removed stay here and are shown as archived.
    """

    LIKERT = "likert"
    OPEN = "open"

    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="answers")
    item_id = models.CharField(max_length=64)
    kind = models.CharField(max_length=8, choices=[(LIKERT, LIKERT), (OPEN, OPEN)])
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["reflection_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["reflection", "item_id"], name="verme_reflection_answer_once"),
            check_constraint(
                "verme_reflection_answer_value",
                Q(kind="open", value__isnull=True) | Q(kind="likert", value__gte=1, value__lte=5),
            ),
        ]
class Post(CourseKeyed):
    """A good practice shared in the bank: for the author's group only, or for the whole course.

    Deleting sets `deleted_at` (the row stays for the moderation log and the posting rate limit);
    every reader filters deleted posts out.
    """

    GROUP = "group"
    COURSE = "course"

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    author_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    author_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    author_organisation = models.CharField(max_length=200, blank=True)
    # The author's group when posting: decides who sees a group-only post and who moderates it.
    # (If the group is ever deleted, its group-only posts are left for course staff alone.)
    group = models.ForeignKey(MentoringGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts")
    session = models.ForeignKey(
        MentoringSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    visibility = models.CharField(max_length=10, choices=[(GROUP, GROUP), (COURSE, COURSE)], default=COURSE)
    title = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)
    # The number of Reaction rows of the post, changed in the transaction that adds or removes one
    # (`api.bank_useful.toggle_useful`), so "most useful" pages along an index instead of counting.
    useful_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["block_key", "deleted_at", "id"], name="verme_post_block_newest"),
            models.Index(fields=["block_key", "deleted_at", "useful_count", "id"], name="verme_post_block_useful"),
            models.Index(fields=["block_key", "author_id", "created_at"], name="verme_post_author_recent"),
        ]
        constraints = [
            check_constraint("verme_post_visibility_known", Q(visibility__in=["group", "course"])),
        ]


class PostTag(models.Model):
    """One tag of a post (the tags come from the block's configured list)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="tags")
    tag = models.CharField(max_length=100)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["tag", "post"], name="verme_posttag_by_tag")]
        constraints = [models.UniqueConstraint(fields=["post", "tag"], name="verme_posttag_once")]


class Comment(models.Model):
    """A comment on a post (one level, shown in time order)."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    author_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    author_organisation = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    hidden = models.BooleanField(default=False)
    hidden_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["created_at", "id"]


class Reaction(models.Model):
    """A "useful" mark: one per person per post; `Post.useful_count` is kept equal to their number."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reactions")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user_id"], name="verme_reaction_once")]


class Report(models.Model):
    """A participant's report of a post or a comment; open until a moderator acts on it."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="reports")
    reporter_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    reporter_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]


class ModerationAction(CourseKeyed):
    """The moderation log: who did what to which post or comment, when and why."""

    HIDE = "hide"
    RESTORE = "restore"
    DISMISS = "dismiss"
    DELETE = "delete"

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH, db_index=True)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="moderation_actions")
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="moderation_actions"
    )
    action = models.CharField(
        max_length=10, choices=[(HIDE, HIDE), (RESTORE, RESTORE), (DISMISS, DISMISS), (DELETE, DELETE)]
    )
    actor_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    actor_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]


class Attendance(models.Model):
    """A member's attendance at one session, with the minutes that count as paid meeting time."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"
    STATUSES = (PRESENT, ABSENT, EXCUSED)

    session = models.ForeignKey(MentoringSession, on_delete=models.CASCADE, related_name="attendance")
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    status = models.CharField(max_length=16, choices=[(s, s) for s in STATUSES])
    minutes = models.PositiveSmallIntegerField(default=0)
    recorded_by = models.CharField(max_length=USER_ID_LENGTH, blank=True)
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["session_id", "display_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["session", "user_id"], name="verme_attendance_once"),
        ]


class ProgressPlan(models.Model):
    """The group's shared progress plan (Markdown); `version` rises by one with every save."""

    group = models.OneToOneField(MentoringGroup, on_delete=models.CASCADE, related_name="plan")
    text = models.TextField(blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by_id = models.CharField(max_length=USER_ID_LENGTH, blank=True)
    updated_by_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    updated_at = models.DateTimeField(auto_now=True)


class PlanRevision(models.Model):
    """One saved version of a progress plan: who saved it, when, and the text."""

    plan = models.ForeignKey(ProgressPlan, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    author_id = models.CharField(max_length=USER_ID_LENGTH, blank=True, db_index=True)
    author_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan_id", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "version"], name="verme_plan_version_once"),
        ]


class Visitor(CourseKeyed):
    """A learner who opened the block while in no group: how staff find people still to be placed.

    Written only for learners without a group (one row per person and block); it holds nothing but
    who and since when, and retirement deletes it.
    """

    block_key = models.CharField(max_length=BLOCK_KEY_LENGTH)
    user_id = models.CharField(max_length=USER_ID_LENGTH, db_index=True)
    display_name = models.CharField(max_length=NAME_LENGTH, blank=True)
    first_seen = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["display_name", "id"]
        constraints = [models.UniqueConstraint(fields=["block_key", "user_id"], name="verme_visitor_once")]


from .mail.models import MessageBlock, MessagePreference, SentMessage, SessionAnnouncement  # noqa: E402, F401 (tables of mail/)
from .models_lifecycle import EndedMembership  # noqa: E402, F401
from .models_privacy import RetiredUser, ShownOrganisation  # noqa: E402, F401
from .season_models import *  # noqa: E402, F403 (the season's tables: importing them registers them)
