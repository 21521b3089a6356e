"""Verme: peer-group mentoring for Open edX, as one XBlock with its own Django app."""

__version__ = "0.1.0"
