"""Who people are: names, usernames, e-mail addresses and languages, looked up when needed, never stored.

Inside the LMS the block runs in the platform's own process, so its user table (Django's
`get_user_model()`, `common/djangoapps/student/models` in openedx-platform) and the language
preference (`pref-lang`, read through `compat`) are the source. The workbench has no such table:
its directory is `VERME_WORKBENCH_PEOPLE` in the demo settings, behind the same interface, so the
demo and the tests resolve people the same way.
"""
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model

from . import compat


@dataclass(frozen=True)
class Person:
    user_id: str
    username: str
    full_name: str
    email: str
    language: str  # the person's preferred interface language ("" when none is set)

    @property
    def display_name(self):
        return self.full_name or self.username


def directory(runtime_kind):
    """The directory for a runtime kind ("lms", "studio" or "workbench")."""
    return WorkbenchDirectory() if runtime_kind == "workbench" else PlatformDirectory()


class WorkbenchDirectory:
    """The demo's people, from `VERME_WORKBENCH_PEOPLE` (username = workbench user id)."""

    def _people(self):
        return {
            user_id: Person(user_id, user_id, entry.get("name", ""), entry.get("email", ""), entry.get("language", ""))
            for user_id, entry in getattr(settings, "VERME_WORKBENCH_PEOPLE", {}).items()
        }

    def by_ids(self, user_ids):
        people = self._people()
        return {user_id: people[user_id] for user_id in user_ids if user_id in people}

    def find(self, text):
        """The person whose username or e-mail address is `text` (case ignored), or None."""
        wanted = text.strip().casefold()
        for person in self._people().values():
            if wanted in (person.username.casefold(), person.email.casefold()):
                return person
        return None


class PlatformDirectory:
    """The LMS's users: one query for any number of ids."""

    def by_ids(self, user_ids):
        numeric = [int(user_id) for user_id in user_ids if str(user_id).isdigit()]
        if not numeric:
            return {}
        users = get_user_model().objects.filter(id__in=numeric).values("id", "username", "email", "first_name",
                                                                        "last_name")
        languages = compat.language_preferences(numeric)
        full_names = compat.profile_names(numeric)
        return {
            str(user["id"]): Person(
                user_id=str(user["id"]),
                username=user["username"],
                full_name=full_names.get(user["id"]) or f"{user['first_name']} {user['last_name']}".strip(),
                email=user["email"],
                language=languages.get(user["id"], ""),
            )
            for user in users
        }

    def find(self, text):
        wanted = text.strip()
        if not wanted:
            return None
        field = "email__iexact" if "@" in wanted else "username__iexact"
        user_id = get_user_model().objects.filter(**{field: wanted}).values_list("id", flat=True).first()
        if user_id is None:
            return None
        return self.by_ids([str(user_id)]).get(str(user_id))
