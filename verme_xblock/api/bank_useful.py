"""The bank's "useful" marks: one row per person and post, and the count stored on the post, kept
equal to the rows by the transaction that changes them (the "most useful" order pages along it)."""
from django.db import IntegrityError, transaction
from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import Post, Reaction
from .bank import visible_post


def toggle_useful(block_key, viewer, post_id):
    """Mark or unmark a post useful; returns whether it is now marked. One row per person and post."""
    return toggle_useful_counted(block_key, viewer, post_id)[0]


def toggle_useful_counted(block_key, viewer, post_id):
    """(marked now, the post's count now) after marking or unmarking it.

    Every path moves `useful_count` first, which locks the post's row, and then adds or removes the
    mark in the same transaction: the stored count always equals the rows, concurrent marks on one
    post queue on that row, and the lock is held for two statements only. Taking the post's lock
    before the mark's insert also avoids MySQL's deadlock between the foreign key's shared lock
    and the count's update.
    """
    visible_post(block_key, viewer, post_id)  # the gate: a post this person may read, or 404
    counted = Post.objects.filter(id=post_id)
    try:
        with transaction.atomic():
            counted.update(useful_count=F("useful_count") + 1)
            Reaction.objects.create(post_id=post_id, user_id=viewer.user_id)
        marked = True
    except IntegrityError:  # already marked (or a simultaneous click of the same person): take it back
        with transaction.atomic():
            counted.select_for_update().values_list("id", flat=True).get()  # the post's lock, first as above
            removed, _ = Reaction.objects.filter(post_id=post_id, user_id=viewer.user_id).delete()
            if removed:  # another click of the same person may have taken it back already
                counted.update(useful_count=F("useful_count") - removed)
        marked = False
    return marked, counted.values_list("useful_count", flat=True).get()


def recount_useful(posts):
    """Set `useful_count` of these posts from their Reaction rows (for rows written in bulk)."""
    marks = Reaction.objects.filter(post=OuterRef("pk")).order_by().values("post").annotate(n=Count("id")).values("n")
    return posts.update(useful_count=Coalesce(Subquery(marks, output_field=IntegerField()), Value(0)))
