"""Check constraints that Django 4.2 and 5.x both accept."""
import django
from django.db import models


def check_constraint(name, condition):
    """A CheckConstraint for Django 4.2 (`check=`) and 5.1+ (`condition=`) alike."""
    keyword = "condition" if django.VERSION >= (5, 1) else "check"
    return models.CheckConstraint(name=name, **{keyword: condition})
