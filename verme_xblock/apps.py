"""The Django app, registered in Open edX as a plugin app (no settings edits needed)."""
from django.apps import AppConfig


class VermeConfig(AppConfig):
    """Installs the models and migrations, and connects the account-retirement and course-event receivers."""

    name = "verme_xblock"
    label = "verme_xblock"
    verbose_name = "Verme peer-group mentoring"
    default_auto_field = "django.db.models.BigAutoField"

    # Read by edx-django-utils' plugin framework in the LMS and Studio.
    plugin_app = {
        "signals_config": {
            "lms.djangoapp": {
                "relative_path": "signals",
                "receivers": [
                    {
                        "receiver_func_name": "erase_retired_user",
                        "signal_path": "openedx.core.djangoapps.user_api.accounts.signals.USER_RETIRE_LMS_MISC",
                    },
                ],
            },
        },
    }

    def ready(self):
        # Outside the platform (workbench, tests) connect the receiver to our fallback signal.
        from . import course_events, signals

        signals.connect_fallback()
        # Unenrolment, deleted components and deleted courses (openedx-events and the modulestore).
        course_events.connect()
        # Course staff's counts on the home are cached and counted again when groups change.
        from .api import staff_counts

        staff_counts.connect()
