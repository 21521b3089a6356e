"""Organisations in the bank: which one a post or comment shows, and the filter's list.

A member's organisation (from their group profile) stays within their group. On a post the whole
course can read it is shown only when the author chose so while sharing (the choice is remembered
for the next post); a group-only post shows it to the group. A comment shows it only on a group-only
post of the commenter's own group. The filter lists the organisations shown on posts the reader can
read, from `ShownOrganisation` counts kept in the same transaction as the posts.
"""
from django.db import IntegrityError, transaction
from django.db.models import F

from ..models import Post, ShownOrganisation


def audience(visibility, group_id):
    return group_id or 0 if visibility == Post.GROUP else ShownOrganisation.COURSE


def on_post(organisation, visibility, shows_course_wide):
    """The organisation a post carries: always to its own group, course-wide only by choice."""
    return organisation if visibility == Post.GROUP or shows_course_wide else ""


def on_comment(post, membership):
    """A comment shows the organisation only inside the commenter's own group."""
    if post.visibility == Post.GROUP and post.group_id and post.group_id == membership.get("group_id"):
        return membership.get("organisation", "")
    return ""


def count(block_key, audience_id, organisation, delta):
    """Add `delta` live posts showing `organisation` to an audience (inside the caller's transaction)."""
    if not organisation or not delta:
        return
    rows = ShownOrganisation.objects.filter(block_key=block_key, audience=audience_id, organisation=organisation)
    if rows.update(posts=F("posts") + delta) or delta < 0:
        return
    try:
        with transaction.atomic():
            ShownOrganisation.objects.create(
                block_key=block_key, audience=audience_id, organisation=organisation, posts=delta
            )
    except IntegrityError:  # another post created the row at the same moment
        rows.update(posts=F("posts") + delta)


def ensure(block_key, audience_id, organisation):
    """Create the count's row ahead of the post's transaction (committed at once, repeats do nothing).

    Creating it inside the transaction would make simultaneous first posts of one organisation
    deadlock on MySQL (both take the gap lock of the missing row, then both insert); with the row
    in place, the transaction only adds to it.
    """
    if organisation:
        ShownOrganisation.objects.bulk_create(
            [ShownOrganisation(block_key=block_key, audience=audience_id, organisation=organisation)],
            ignore_conflicts=True,
        )


def count_post(post, delta):
    count(post.block_key, audience(post.visibility, post.group_id), post.author_organisation, delta)


def filter_choices(block_key, viewer):
    """The organisations shown on posts this viewer can read (one small query)."""
    rows = ShownOrganisation.objects.filter(block_key=block_key, posts__gt=0)
    if not viewer.is_course_staff:
        own_groups = {viewer.group_id, *viewer.facilitated_group_ids} - {None}
        rows = rows.filter(audience__in=(ShownOrganisation.COURSE, *own_groups))
    return tuple(rows.order_by("organisation").values_list("organisation", flat=True).distinct())
