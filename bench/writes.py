"""Concurrent write scenarios: the calls to send, and a check that no successful write was lost."""

# Each entry: (name, build(spec) -> list of (user_id, handler, payload), verify(results) -> dict).
WRITE_SCENARIOS = []


def _useful_calls(spec):
    """Every participant marks one new post useful at once."""
    from verme_xblock import models

    from .datasets import BLOCK_KEY, member_ids

    post = models.Post.objects.create(block_key=BLOCK_KEY, author_id="staff_sanna", author_name="Sanna",
                                      visibility="course", title="Everyone mark this", body="Useful?")
    _useful_calls.post_id = post.id
    return [(user_id, "bank_useful", {"post_id": post.id}) for user_id in member_ids(spec)]


def _useful_verify(figures):
    from verme_xblock import models

    counted = models.Reaction.objects.filter(post_id=_useful_calls.post_id).count()
    return {"lost_writes": figures["ok"] - counted}


WRITE_SCENARIOS.append(("bank: useful on one post", _useful_calls, _useful_verify))
