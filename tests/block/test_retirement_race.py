"""Once an account is retired its id writes nothing more, and a repeated receiver erases what a race left."""
import types

import pytest

from tests.block.test_handler_matrix import LEARNER, SHAPES, World, call, payloads
from tests.helpers import count_rows
from tests.runtimes import make_block
from verme_xblock import compat, roles
from verme_xblock.api import access, bank, bank_useful, privacy
from verme_xblock.models import Comment, Reaction, RetiredUser

pytestmark = pytest.mark.django_db

WRITES = ("bank_create", "bank_comment", "bank_useful", "bank_report", "profile_update", "reflection_save",
          "plan_save", "group_leave")


@pytest.mark.parametrize("name", WRITES)
def test_a_retired_id_writes_nothing(name):
    world = World()
    privacy.retire_user(LEARNER)
    before = count_rows()
    response = call(make_block(**SHAPES["learner"]), name, *payloads(world)[name])
    assert response.status_code == 403
    assert response.json["error"]["code"] == "retired"
    assert count_rows() == before


def test_a_repeated_receiver_erases_what_a_request_in_flight_left():
    world = World()
    learner = access.viewer_for(world.block, roles.Caller(LEARNER, "aino", "Aino Virtanen", False, "lms"))
    user = types.SimpleNamespace(id=int(LEARNER))
    compat.retirement_signal().send(sender=None, user=user)
    # A request that passed its checks before the retirement committed writes afterwards:
    bank.add_comment(world.block, learner, world.other_post, body="Late words")
    bank_useful.toggle_useful(world.block, learner, world.other_post)
    assert Comment.objects.filter(author_id=LEARNER).exists() and Reaction.objects.filter(user_id=LEARNER).exists()
    compat.retirement_signal().send(sender=None, user=user)
    assert not Comment.objects.filter(author_id=LEARNER).exists()
    assert not Reaction.objects.filter(user_id=LEARNER).exists()
    assert Comment.objects.get(body="Late words").author_name == "Former participant"
    assert list(RetiredUser.objects.values_list("user_id", flat=True)) == [LEARNER]
