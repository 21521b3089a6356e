"""The races: who opens the page and then writes what, and a check that no successful write was lost.

Each entry of RACES: (name, scenario, usage id, build(spec, people, round) -> [(user_id, handler,
payload)], verify(figures) -> dict). A race runs in rounds; each round takes the next people of the
dataset (as many as the size has), so nobody repeats a write that the previous round made.
xblock-poll's vote runs on the same stack when it is installed (requirements/bench.txt), as the
comparison the issue asks for.
"""
import json

from .datasets import BLOCK_KEY, SCENARIO, member_ids

# xblock-poll's default poll in a unit (a vertical), as the component is in its scenario and every
# component is in the LMS: both races open a page of the same shape.
POLL_SCENARIO, POLL_KEY = "bench.poll", "bench-xblock-poll-in-a-unit.poll.d0.u0"
POLL_XML = "<vertical_demo><poll/></vertical_demo>"


def load_poll_scenario():
    """Register the poll's scenario in this process (the benchmark's and the server's)."""
    from workbench.scenarios import SCENARIOS, add_xml_scenario, get_scenarios

    get_scenarios()
    if POLL_SCENARIO not in SCENARIOS:
        add_xml_scenario(POLL_SCENARIO, "Bench: xblock-poll in a unit", POLL_XML)


def _turn(user_ids, people, round_index):
    """`people` of `user_ids`, from where the previous round stopped (around again when there are fewer)."""
    start = (round_index * people) % len(user_ids) if user_ids else 0
    return (user_ids[start:] + user_ids[:start])[:people]


def _people(spec, people, round_index):
    return _turn(member_ids(spec), people, round_index)


def _useful_calls(spec, people, round_index):
    """Participants mark one new post useful."""
    from verme_xblock import models

    post = models.Post.objects.create(block_key=BLOCK_KEY, author_id="staff_sanna", author_name="Sanna",
                                      visibility="course", title="Everyone mark this", body="Useful?")
    _useful_calls.post_id = post.id
    return [(user_id, "bank_useful", {"post_id": post.id}) for user_id in _people(spec, people, round_index)]


def _useful_verify(figures):
    from verme_xblock import models

    post = models.Post.objects.get(id=_useful_calls.post_id)
    marks = models.Reaction.objects.filter(post=post).count()
    return {"lost_writes": figures["write"]["ok"] - marks, "count_matches_rows": post.useful_count == marks}


def _join_calls(_spec, people, round_index):
    """Newcomers, far more than there are seats, open the group list and try to join one group."""
    from verme_xblock import models

    group = models.MentoringGroup.objects.create(block_key=BLOCK_KEY, name=f"Open seats {round_index + 1}",
                                                 min_size=5, max_size=9)
    _join_calls.group_id = group.id
    return [(f"newcomer{round_index}-{index}", "group_join", {"group_id": group.id}) for index in range(people)]


def _join_verify(figures):
    from verme_xblock import models

    members = models.Membership.objects.filter(group_id=_join_calls.group_id).count()
    return {"lost_writes": figures["write"]["ok"] - members, "seats_taken": members,
            "over_capacity": max(members - 9, 0)}


def _post_calls(spec, people, round_index):
    """Participants share one good practice each."""
    _post_calls.prefix = f"Concurrent practice {round_index}."
    return [(user_id, "bank_create", {"title": f"{_post_calls.prefix}{index}", "body": "Tried and shared.",
                                      "tags": ["Networks"], "visibility": "course"})
            for index, user_id in enumerate(_people(spec, people, round_index))]


def _post_verify(figures):
    from verme_xblock import models

    created = models.Post.objects.filter(title__startswith=_post_calls.prefix).count()
    return {"lost_writes": figures["write"]["ok"] - created}


def _reflection_calls(spec, people, round_index):
    """Participants who have not submitted their baseline reflection save a draft of it (a later
    round, where the size has too few people, saves some of those drafts again)."""
    from verme_xblock import models

    submitted = set(models.Reflection.objects.filter(block_key=BLOCK_KEY, slot=0, status=models.Reflection.SUBMITTED)
                    .values_list("user_id", flat=True))
    free = [user_id for user_id in member_ids(spec) if user_id not in submitted]
    writers = _turn(free, people, round_index)
    _reflection_calls.users = writers
    return [(user_id, "reflection_save", {"submit": False, "answers": {"wellbeing": 4, "next_step": "Ask."}})
            for user_id in writers]


def _reflection_verify(figures):
    from verme_xblock import models

    saved = models.Reflection.objects.filter(user_id__in=_reflection_calls.users, slot=0).count()
    return {"lost_writes": figures["write"]["ok"] - saved}


def poll_available():
    from xblock.core import XBlock

    try:
        XBlock.load_class("poll")
    except Exception:  # any failure means: not installed for this run
        return False
    load_poll_scenario()
    return True


def _poll_tally():
    from workbench.runtime import WorkbenchRuntime
    from workbench.scenarios import get_scenarios

    get_scenarios()
    load_poll_scenario()
    return sum(WorkbenchRuntime("bench").get_block(POLL_KEY).tally.values())


def _poll_calls(spec, people, round_index):
    """The same people vote in xblock-poll's default poll (its tally is one shared field)."""
    _poll_calls.before = _poll_tally()
    voters = _people(spec, people, round_index)
    return [(user_id, "vote", {"choice": "RBGO"[index % 4]}) for index, user_id in enumerate(voters)]


def _poll_verify(figures):
    accepted = sum(1 for body in figures["bodies"] if json.loads(body or b"{}").get("success"))
    counted = _poll_tally() - _poll_calls.before
    return {"accepted_votes": accepted, "lost_writes": accepted - counted}


RACES = {
    "useful": ("bank: open, mark one post useful", SCENARIO, BLOCK_KEY, _useful_calls, _useful_verify),
    "join": ("groups: open, join one group", SCENARIO, BLOCK_KEY, _join_calls, _join_verify),
    "post": ("bank: open, share a practice", SCENARIO, BLOCK_KEY, _post_calls, _post_verify),
    "reflection": ("reflections: open, save a draft", SCENARIO, BLOCK_KEY, _reflection_calls, _reflection_verify),
    "poll": ("xblock-poll: open, vote", POLL_SCENARIO, POLL_KEY, _poll_calls, _poll_verify),
}
