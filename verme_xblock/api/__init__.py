"""The domain operations: every read and write, each permission check, each transaction.

One module per capability (`groups`, `sessions`, `bank`, `reflections`, `reports`, `privacy`);
`access` turns a runtime Caller into a Viewer with a role. Only this package touches `models`, and
it returns the frozen objects of `data`.
"""
