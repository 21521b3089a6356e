"""People in groups: course staff add members and facilitators by username or e-mail (one typed
with suggestions by name, many pasted one per line, or a CSV file), and see the learners not yet
in a group. Every person is resolved through the people directory and must be enrolled; names are
shown, never ids.
"""
from django.utils.translation import gettext as _

from .. import people, rendering, roles, validation
from ..api import people as api_people
from ..api import teams as api_teams
from ..api import waiting
from ..errors import Refusal
from ..handlers import json_api

PEOPLE_TEXT_MAX = 50_000
CSV_MAX = 200_000
PERSON_MAX = 254  # the longest e-mail address
QUERY_MAX = 100
SUGGESTIONS = 10
USER_ID_MAX = 64


def enrolments_unknown():
    return Refusal("enrolments_unknown", _("Add people in the course in the LMS, where its enrolments are known."),
                   status=409)


class PeopleMixin:
    """The add-people form, the name suggestions and the waiting list."""

    def people_directory(self):
        return people.directory(roles.identify(self).runtime, enrollments=self.runtime.service(self, "enrollments"))

    def course_key(self):
        return roles.context_key(self)

    def person_from(self, viewer, payload, *, id_field="user_id", text_field="person"):
        """The enrolled person a form names: by id (a roster's hidden field) or as typed (username or e-mail).

        Staff only, before anything is looked up: whether a username exists is not for everyone to learn.
        """
        if not viewer.is_course_staff:
            raise Refusal("forbidden", _("Only course staff can add people to groups."), status=403)
        directory = self.people_directory()
        user_id = validation.text(payload, id_field, max_length=USER_ID_MAX, required=False)
        if user_id:
            field, person = id_field, directory.by_ids([user_id]).get(user_id)
        else:
            field = text_field
            text = validation.text(payload, text_field, max_length=PERSON_MAX)
            person = directory.find(text)
        if person is None:
            raise Refusal("unknown_person", _("Nobody in this course has that username or e-mail address."),
                          field=field)
        try:
            enrolled = directory.enrolled_ids(self.course_key(), [person.user_id])
        except people.EnrolmentsUnknown:
            raise enrolments_unknown() from None
        if not enrolled:
            raise Refusal("not_enrolled", _("{name} is not enrolled in this course.").format(
                name=person.display_name), field=field)
        return person

    def waiting_context(self, viewer, query="", page=1):
        return waiting.waiting_list(self.block_key, self.course_key(), viewer, self.people_directory(), query, page)

    # Handlers

    @json_api()
    def people_add(self, payload, viewer):
        pasted = validation.text(payload, "people", max_length=PEOPLE_TEXT_MAX, required=False, allow_blank=True)
        csv_text = validation.text(payload, "csv", max_length=CSV_MAX, required=False, allow_blank=True)
        group_id = self.chosen_group_id(viewer, payload, required=False)
        role = validation.choice(payload, "role", list(api_people.ROLES), required=False, default=api_people.MEMBER)
        if pasted and csv_text:
            raise Refusal("invalid", _("Paste the people or choose a file, not both."), field="people")
        entries = api_people.csv_entries(csv_text) if csv_text else api_people.pasted_entries(pasted)
        if any(api_people.role_of(entry.role, role) != api_people.FACILITATOR for entry in entries):
            api_teams.refuse_in_teams_mode(self.teamset_id)  # members come from the teams
        placed = api_people.add_people(self.block_key, self.course_key(), viewer, self.people_directory(), entries,
                                       default_group_id=group_id, default_role=role)
        self.runtime.publish(self, "xblock.verme.people.added", {
            "user_ids": [p.user_id for p in placed], "group_ids": sorted({p.group_id for p in placed}),
        })
        names = ", ".join(p.name for p in placed)
        message = _("Added ({count}): {names}.").format(count=len(placed), names=names)
        return self.groups_reply(payload, message, focus_group_id=group_id or placed[0].group_id)

    @json_api(writes=False)
    def people_search(self, payload, viewer):
        """Enrolled learners matching what staff type, by name, username or e-mail (staff only)."""
        if not viewer.is_course_staff:
            raise Refusal("forbidden", _("Only course staff can add people to groups."), status=403)
        query = validation.text(payload, "q", max_length=QUERY_MAX, required=False, allow_blank=True)
        if len(query) < 2:
            return {"people": []}
        try:
            found = self.people_directory().search(self.course_key(), query, SUGGESTIONS)
        except people.EnrolmentsUnknown:
            found = ()
        return {"people": [{"username": p.username, "name": p.display_name} for p in found]}

    @json_api(writes=False)
    def waiting_list_page(self, payload, viewer):
        if not viewer.is_course_staff:  # the list is staff's, to place people
            raise Refusal("forbidden", _("Only course staff can add people to groups."), status=403)
        query = validation.text(payload, "q", max_length=QUERY_MAX, required=False, allow_blank=True)
        page = validation.integer(payload, "page", minimum=1, maximum=100_000, required=False, default=1)
        context = {**self.dashboard_context(viewer, waiting_query=query, waiting_page=page)}
        html = rendering.render("verme/people/waiting_list.html", {"ctx": context}, block=self)
        total = context["waiting"].total + len(context["waiting"].visitors)
        return {"html": html, "message": _("Learners not yet in a group: {count}.").format(count=total)}
