"""The benchmark: `make bench` (python -m bench). Numbers, never timed assertions in tests."""
