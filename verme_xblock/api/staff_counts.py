"""Course staff's two counts on the home: the groups below their minimum size and the people
waiting for a group. Counting reads every group and visitor of the block, so the counts are kept
in Django's cache (memcached or Redis in Open edX, shared by every LMS process) and counted again
after a change.

The invalidation is exact: a change to a block's groups, memberships or visitors moves the block's
generation once its transaction has committed (`changed`), and the counts are cached under the
generation read before counting. A count that read the data from before a change is stored under
the generation that change left behind, so no one reads it after. Model saves and deletes move the
generation through Django's signals (`connect`); bulk inserts and updates call `changed` themselves.
"""
import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F
from django.db.models.signals import post_delete, post_save

from ..models import Membership, MentoringGroup, Visitor

# On a cache that each process keeps for itself (Django's default local memory) a change made in
# another process is seen after this long at the latest; on a shared cache, at once.
TIMEOUT_SECONDS = 600
NAMES_SHOWN = 3


def _key(block_key, part):
    digest = hashlib.sha256(block_key.encode()).hexdigest()[:32]  # a block key may be long for memcached
    return f"verme:staff-counts:{digest}:{part}"


def counts(block_key):
    """(number of groups below their minimum, the first of their names by name, people waiting)."""
    generation = cache.get(_key(block_key, "generation"))
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(_key(block_key, "generation"), generation, TIMEOUT_SECONDS):
            generation = cache.get(_key(block_key, "generation")) or generation
    key = _key(block_key, generation)
    found = cache.get(key)
    if found is None:
        found = _count(block_key)
        cache.set(key, found, TIMEOUT_SECONDS)
    return found


def _count(block_key):
    below = list(
        MentoringGroup.objects.filter(block_key=block_key, archived=False)
        .annotate(members=Count("memberships"))
        .filter(members__lt=F("min_size"))
        .order_by("name")
        .values_list("name", flat=True)
    )
    placed = Membership.objects.filter(block_key=block_key).values("user_id")
    waiting = Visitor.objects.filter(block_key=block_key).exclude(user_id__in=placed).count()
    return len(below), tuple(below[:NAMES_SHOWN]), waiting


def changed(block_key):
    """The block's groups, memberships or visitors changed: counted again after the commit."""
    transaction.on_commit(lambda: cache.set(_key(block_key, "generation"), uuid.uuid4().hex, TIMEOUT_SECONDS))


def _row_changed(sender, instance, **kwargs):  # noqa: ARG001 (signal signature)
    changed(instance.block_key)


def connect():
    for model in (MentoringGroup, Membership, Visitor):
        uid = f"verme_xblock.staff_counts.{model.__name__}"
        post_save.connect(_row_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_row_changed, sender=model, dispatch_uid=uid)
