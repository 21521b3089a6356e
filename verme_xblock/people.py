"""Who people are: names, usernames, e-mail addresses, languages and course enrolment, looked up
when needed, never stored.

Inside the LMS the block runs in the platform's own process. People come from its user table
(Django's `get_user_model()`, `common/djangoapps/student/models` in openedx-platform), names from
`UserProfile` and languages from the `pref-lang` preference (both read through `compat`).
Enrolments come from the `enrollments` service that the LMS gives every XBlock
(`lms/djangoapps/courseware/block_render.py`, `prepare_runtime_for_user`:
`'enrollments': EnrollmentsService()`; the service is
`openedx/core/djangoapps/enrollments/services.py`, whose `get_active_enrollments_by_course(course_id)`
returns the course's active `CourseEnrollment` rows). Studio gives no such service: there the
directory can name people but cannot say who is enrolled.

The workbench has no such tables: its people are `VERME_WORKBENCH_PEOPLE` in the demo settings and
its "enrolments" are those people who are not workbench staff (or `VERME_WORKBENCH_ENROLLED`),
behind the same interface, so the demo and the tests resolve people the same way.
"""
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import IntegerField, Q
from django.db.models.functions import Cast

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


class EnrolmentsUnknown(Exception):
    """The runtime offers no way to read the course's enrolments (Studio, content libraries)."""


def directory(runtime_kind, enrollments=None):
    """The directory for a runtime kind ("lms", "studio" or "workbench").

    `enrollments` is the LMS's `enrollments` service (None where the runtime has none).
    """
    return WorkbenchDirectory() if runtime_kind == "workbench" else PlatformDirectory(enrollments)


def _words(text):
    return [word for word in text.casefold().split() if word]


class WorkbenchDirectory:
    """The demo's people, from `VERME_WORKBENCH_PEOPLE` (username = workbench user id)."""

    lists_enrolments = True

    def _people(self):
        return {
            user_id: Person(user_id, user_id, entry.get("name", ""), entry.get("email", ""), entry.get("language", ""))
            for user_id, entry in getattr(settings, "VERME_WORKBENCH_PEOPLE", {}).items()
        }

    def _enrolled(self):
        people = self._people()
        enrolled = getattr(settings, "VERME_WORKBENCH_ENROLLED", None)
        if enrolled is None:
            staff = set(getattr(settings, "VERME_WORKBENCH_STAFF", ()))
            enrolled = [user_id for user_id in people if user_id not in staff]
        return {user_id: people[user_id] for user_id in enrolled if user_id in people}

    def by_ids(self, user_ids):
        people = self._people()
        return {user_id: people[user_id] for user_id in user_ids if user_id in people}

    def find(self, text):
        """The person whose username or e-mail address is `text` (case ignored), or None."""
        return self.find_many([text]).get(text.strip().casefold())

    def find_many(self, texts):
        """{text as typed, stripped and case-folded: Person} for those that name someone."""
        wanted = {text.strip().casefold() for text in texts if text.strip()}
        found = {}
        for person in self._people().values():
            for key in (person.username.casefold(), person.email.casefold()):
                if key in wanted:
                    found[key] = person
        return found

    def enrolled_ids(self, course_key, user_ids):  # noqa: ARG002 (one demo course)
        enrolled = self._enrolled()
        return {user_id for user_id in user_ids if user_id in enrolled}

    def search(self, course_key, text, limit):  # noqa: ARG002 (one demo course)
        """Enrolled learners whose name, username or e-mail contains every word of `text`."""
        return tuple(self._matching(self._enrolled().values(), text)[:limit])

    def enrolled_page(self, course_key, excluded_ids, text, offset, limit, placed=()):  # noqa: ARG002 (one demo course)
        """(people, total): enrolled learners not in `excluded_ids` nor in the `placed` querysets (of
        user ids, e.g. a block's memberships) matching `text`, by name. The demo's few people are
        looked up in `placed`, so the read stays the size of the demo's directory."""
        enrolled = self._enrolled()
        excluded = set(excluded_ids)
        for query in placed:
            excluded.update(query.filter(user_id__in=list(enrolled)).values_list("user_id", flat=True))
        people = self._matching([p for p in enrolled.values() if p.user_id not in excluded], text)
        return tuple(people[offset:offset + limit]), len(people)

    @staticmethod
    def _matching(people, text):
        words = _words(text)
        matches = [
            person for person in people
            if all(word in f"{person.full_name} {person.username} {person.email}".casefold() for word in words)
        ]
        return sorted(matches, key=lambda person: (person.display_name.casefold(), person.username))


class PlatformDirectory:
    """The LMS's users (one query for any number of ids) and the course's active enrolments."""

    def __init__(self, enrollments=None):
        self.enrollments = enrollments

    @property
    def lists_enrolments(self):
        return self.enrollments is not None

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
        return self.find_many([text]).get(text.strip().casefold())

    def find_many(self, texts):
        """{text, stripped and case-folded: Person}: one query for the ids, then `by_ids`."""
        wanted = {text.strip().casefold() for text in texts if text.strip()}
        if not wanted:
            return {}
        condition = Q()
        for text in wanted:
            condition |= Q(email__iexact=text) if "@" in text else Q(username__iexact=text)
        rows = get_user_model().objects.filter(condition).values_list("id", "username", "email")
        keys = {}
        for user_id, username, email in rows:
            for key in (username.casefold(), (email or "").casefold()):
                if key in wanted:
                    keys[key] = str(user_id)
        people = self.by_ids(list(set(keys.values())))
        return {key: people[user_id] for key, user_id in keys.items() if user_id in people}

    def _enrolled_users(self, course_key):
        """The users with an active enrolment in the course, as a lazy queryset (a subquery)."""
        if self.enrollments is None:
            raise EnrolmentsUnknown
        enrolled = self.enrollments.get_active_enrollments_by_course(course_key).values("user_id")
        return get_user_model().objects.filter(id__in=enrolled)

    def enrolled_ids(self, course_key, user_ids):
        numeric = [int(user_id) for user_id in user_ids if str(user_id).isdigit()]
        if not numeric:
            return set()
        return {str(user_id) for user_id in
                self._enrolled_users(course_key).filter(id__in=numeric).values_list("id", flat=True)}

    def search(self, course_key, text, limit):
        users = self._matching(self._enrolled_users(course_key), text)
        ids = [str(user_id) for user_id in users.order_by("username").values_list("id", flat=True)[:limit]]
        return self._in_order(ids)

    def enrolled_page(self, course_key, excluded_ids, text, offset, limit, placed=()):
        """`placed`: querysets of user ids (a block's members and facilitators) left out inside the
        database, so the page never carries every placed person's id (the LMS stores ids as text)."""
        excluded = [int(user_id) for user_id in excluded_ids if str(user_id).isdigit()]
        users = self._enrolled_users(course_key).exclude(id__in=excluded)
        for query in placed:
            numeric = query.annotate(numeric_id=Cast("user_id", IntegerField())).values("numeric_id")
            users = users.exclude(id__in=numeric)
        users = self._matching(users, text)
        total = users.count()
        page = users.order_by("username").values_list("id", flat=True)[offset:offset + limit]
        ids = [str(user_id) for user_id in page]
        return self._in_order(ids), total

    def _in_order(self, ids):
        people = self.by_ids(ids)
        return tuple(people[user_id] for user_id in ids if user_id in people)

    @staticmethod
    def _matching(users, text):
        profile_name = compat.PROFILE_NAME_LOOKUP if compat.has_user_profiles() else None
        for word in _words(text):
            condition = (Q(username__icontains=word) | Q(email__icontains=word) | Q(first_name__icontains=word)
                         | Q(last_name__icontains=word))
            if profile_name:
                condition |= Q(**{f"{profile_name}__icontains": word})
            users = users.filter(condition)
        return users
