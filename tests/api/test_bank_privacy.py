"""Retirement and export cover the bank: names become the neutral label, shared posts stay readable."""
import pytest
from django.utils import translation

from tests.api.bank_world import make_world, share
from verme_xblock.api import bank, bank_moderation, bank_useful, privacy
from verme_xblock.models import Comment, ModerationAction, Post, Report

pytestmark = pytest.mark.django_db


def test_retirement_replaces_names_keeps_shared_posts_and_is_idempotent():
    world = make_world()
    post_id = share(world, "aino", title="Exit tickets", body="Three questions")
    gone_id = share(world, "aino", title="Second thoughts", body="Private musing")
    bank.delete_post(world.block, world.person("aino"), gone_id)
    other_id = share(world, "helena", title="Counselling walk")
    bank.add_comment(world.block, world.person("aino"), other_id, body="Lovely idea")
    bank_useful.toggle_useful(world.block, world.person("aino"), other_id)
    bank_moderation.report(world.block, world.person("aino"), other_id, reason="Link broken")
    reader = world.person("helena")

    privacy.retire_user("aino")
    privacy.retire_user("aino")

    post = bank.get_post(world.block, reader, post_id)
    assert (post.title, post.body, post.author_name, post.author_organisation) == (
        "Exit tickets", "Three questions", "Former participant", "")
    with translation.override("fi"):
        from verme_xblock import i18n

        with i18n.active_catalogue("fi"):
            assert bank.get_post(world.block, reader, post_id).author_name == "Entinen osallistuja"
    other = bank.get_post(world.block, reader, other_id)
    assert other.useful_count == 1
    assert [(c.author_name, c.body) for c in other.comments] == [("Former participant", "Lovely idea")]
    assert (Post.objects.get(id=gone_id).title, Post.objects.get(id=gone_id).body) == ("", "")
    assert Report.objects.get().reporter_name == "Former participant"
    assert ModerationAction.objects.get().actor_name == "Former participant"
    for name in ("Aino", "Virtanen", "Harbour"):
        assert not Post.objects.filter(author_name__contains=name).exists()
        assert not Comment.objects.filter(author_name__contains=name).exists()


def test_export_holds_the_users_posts_comments_reactions_and_reports():
    world = make_world()
    post_id = share(world, "mikko", title="Group secret", visibility="group", tags=("Networks",))
    other_id = share(world, "aino", title="Exit tickets")
    bank.add_comment(world.block, world.person("mikko"), other_id, body="Nice")
    bank_useful.toggle_useful(world.block, world.person("mikko"), other_id)
    bank_moderation.report(world.block, world.person("mikko"), other_id, reason="Typo")
    data = privacy.export_user("mikko")
    assert [(p["id"], p["title"], p["tags"], p["visibility"]) for p in data["posts"]] == [
        (post_id, "Group secret", ["Networks"], "group")]
    assert [(c["post_id"], c["body"]) for c in data["comments"]] == [(other_id, "Nice")]
    assert [r["post_id"] for r in data["reactions"]] == [other_id]
    assert [(r["post_id"], r["reason"]) for r in data["reports"]] == [(other_id, "Typo")]
    helena = privacy.export_user("helena")
    assert [helena[key] for key in ("posts", "comments", "reactions", "reports")] == [[], [], [], []]
