"""Concurrent write scenarios: the calls to send, and a check that no successful write was lost."""

# Each entry: (name, build(spec) -> list of (user_id, handler, payload), verify(results) -> dict).
WRITE_SCENARIOS = []
