"""Retirement erases or anonymises a user everywhere; export holds all of theirs and nothing of others'."""
import json
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models as django_models
from django.db.models import Sum

from demo.seed import STAFF, scenario_block_keys, seed
from verme_xblock import roles
from verme_xblock.api import access, bank, bank_moderation, privacy
from verme_xblock.models import Attendance, Post, Reaction, RetiredUser

pytestmark = pytest.mark.django_db

# Fields that hold who someone is: a user id, a name snapshot, an organisation.
PERSONAL_FIELD = re.compile(r"(^|_)(user_id|author_id|actor_id|reporter_id|recorded_by|updated_by_id)$"
                            r"|(^|_)name$|organisation$")
IDENTITY_FIELDS = ("user_id", "author_id", "actor_id", "reporter_id", "recorded_by", "updated_by_id")
NAME_FIELDS = ("display_name", "author_name", "actor_name", "reporter_name", "updated_by_name")


def personal_fields(model):
    return [field.name for field in model._meta.get_fields()
            if isinstance(field, django_models.CharField) and PERSONAL_FIELD.search(field.name)
            and not (model.__name__ == "MentoringGroup" and field.name == "name")]


def test_every_model_with_a_user_or_name_field_is_covered_by_retirement():
    models_with_people = {model for model in apps.get_app_config("verme_xblock").get_models() if personal_fields(model)}
    assert models_with_people, "the pattern finds the personal fields"
    uncovered = models_with_people - set(privacy.PERSONAL_DATA)
    assert uncovered == set(), f"add these to privacy.PERSONAL_DATA and retire_user: {uncovered}"


def english_block():
    keys = scenario_block_keys()
    return keys["en"].replace(".vertical_demo.d0.u0", ".verme.d0.u0")


def everything_of(user_id, name):
    """Rows (model, field) that still hold the user's id or name (the retired-ids list keeps the bare id
    on purpose, so requests still in flight write nothing: it is checked on its own)."""
    found = []
    for model in apps.get_app_config("verme_xblock").get_models():
        if model is RetiredUser:
            assert model.objects.filter(user_id=user_id).count() <= 1
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, (django_models.CharField, django_models.TextField)):
                continue
            if field.name in IDENTITY_FIELDS and model.objects.filter(**{field.name: user_id}).exists():
                found.append((model.__name__, field.name))
            if model.objects.filter(**{f"{field.name}__contains": name}).exists():
                found.append((model.__name__, field.name))
    return found


def test_retirement_leaves_no_trace_keeps_others_content_and_reports_add_up():
    seed()
    block = english_block()
    aino = access.viewer_for(block, roles.Caller("learner_aino", "aino", "Aino Virtanen", False, "workbench"))
    maija = access.viewer_for(block, roles.Caller("facilitator_maija", "m", "Maija Koskinen", False, "workbench"))
    others_post = Post.objects.filter(block_key=block).exclude(author_id="learner_aino").first()
    bank_moderation.report(block, aino, others_post.id, reason="Link does not open")
    own_post = Post.objects.filter(block_key=block, author_id="learner_aino").first()
    bank_moderation.moderate(block, maija, own_post.id, action="hide", reason="Names a student")
    exported = privacy.export_user("learner_aino")
    kinds = [key for key, value in exported.items() if isinstance(value, list) and value]
    assert set(kinds) >= {"memberships", "attendance", "plan_revisions", "posts", "comments", "reactions",
                          "reports", "reflections"}, kinds
    hours_before = Attendance.objects.aggregate(total=Sum("minutes"))["total"]
    reactions_before = Reaction.objects.count()
    others_titles = sorted(Post.objects.exclude(author_id="learner_aino").values_list("title", flat=True))

    privacy.retire_user("learner_aino")
    privacy.retire_user("facilitator_maija")

    assert everything_of("learner_aino", "Aino Virtanen") == []
    assert everything_of("facilitator_maija", "Maija Koskinen") == []
    assert Attendance.objects.aggregate(total=Sum("minutes"))["total"] == hours_before
    assert Reaction.objects.count() == reactions_before
    assert sorted(Post.objects.exclude(author_name=privacy.FORMER_PARTICIPANT)
                  .values_list("title", flat=True)) == others_titles
    shared = bank.get_post(block, access.viewer_for(block, STAFF_CALLER), own_post.id)
    assert shared.author_name == "Former participant" and shared.body

    snapshot = {model.__name__: list(model.objects.order_by("pk").values())
                for model in apps.get_app_config("verme_xblock").get_models()}
    privacy.retire_user("learner_aino")  # a second retirement changes nothing
    assert snapshot == {model.__name__: list(model.objects.order_by("pk").values())
                        for model in apps.get_app_config("verme_xblock").get_models()}


STAFF_CALLER = roles.Caller(STAFF.user_id, STAFF.user_id, STAFF.display_name, True, "workbench")


def test_export_holds_every_kind_of_the_users_data_and_nothing_of_anyone_else():
    seed()
    data = privacy.export_user("learner_aino")
    text = json.dumps(data, default=str)
    for other in ("learner_mikko", "Mikko Nieminen", "learner_helena", "Helena Salo"):
        assert other not in text
    for row in data["memberships"] + data["posts"] + data["comments"]:
        assert "Aino" in json.dumps(row, default=str) or row.get("author_name", "").startswith("Aino")
    assert all(reflection["answers"] for reflection in data["reflections"])


def test_export_can_be_limited_to_one_block():
    seed()
    block = english_block()
    whole = privacy.export_user("learner_aino")
    one = privacy.export_user("learner_aino", block_key=block)
    assert one["posts"] and all(post["block_key"] == block for post in one["posts"])
    assert privacy.export_user("learner_aino", block_key="no-such-block")["posts"] == []
    assert len(one["memberships"]) <= len(whole["memberships"])


def test_management_command_prints_the_export(capsys):
    seed()
    call_command("verme_export_user", "learner_aino")
    printed = json.loads(capsys.readouterr().out)
    assert printed["user_id"] == "learner_aino"
    assert printed["posts"] == json.loads(json.dumps(privacy.export_user("learner_aino")["posts"], default=str))


def test_retirement_signal_erases_the_user():
    from django.contrib.auth import get_user_model

    from verme_xblock import compat

    seed()
    user = get_user_model().objects.create(username="retiree", id=4242)
    block = english_block()
    staff = access.viewer_for(block, STAFF_CALLER)
    from verme_xblock.api import groups

    group_id = groups.list_groups(block)[0].id
    groups.assign_member(block, staff, group_id, user_id="4242", display_name="Retiring Person")
    compat.retirement_signal().send(sender=None, user=user, email="x@example.com", new_email="y@example.com")
    assert everything_of("4242", "Retiring Person") == []
