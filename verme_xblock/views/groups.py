"""Groups in the learner view: the group list, joining and leaving, the group's own space, and the
staff's tools to create, edit and archive groups and to add, move and remove members.

Every handler answers with the section re-rendered from the same template as the first paint.
"""
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import formatting, i18n, rendering, validation
from ..api import group_pages, spaces
from ..api import groups as api_groups
from ..api import people as api_people
from ..api import teams as api_teams
from ..errors import Refusal
from ..group_data import ATTENDANCE_STATUSES
from ..handlers import json_api
from .group_lists import ListState, list_state
from .sections import Section

NAME_MAX = 120
TEXT_MAX = 5000
PLACE_MAX = 255
URL_MAX = 500
PERSON_MAX = 200
USER_ID_MAX = 64
DISPLAY_NAME_MAX = 255
SIZE_MAX = 50
ID_MAX = 2**53
PARTS = ("all", "space", "plan", "season")
PERSON_TEXT_MAX = 254  # a username or an e-mail address


def target_labels(config):
    """{id: label} of the configured target groups (entries are {"id", "label"} or plain text)."""
    labels = {}
    for entry in config.target_groups:
        if isinstance(entry, dict):
            labels[str(entry.get("id", ""))] = str(entry.get("label", entry.get("id", "")))
        else:
            labels[str(entry)] = str(entry)
    return labels


def list_statuses():
    """(value, label) of the management list's status filter."""
    return [(group_pages.ALL, _("Active and archived")), (group_pages.ACTIVE, _("Active")),
            (group_pages.ARCHIVED, _("Archived")), (group_pages.BELOW_MINIMUM, _("Below the minimum size"))]


def object_id(payload, field):
    """A row id: a positive whole number small enough for every database."""
    return validation.integer(payload, field, minimum=1, maximum=ID_MAX)


def blank_to_none(payload, *fields):
    """Empty form inputs (a select's "none" option, an empty date) count as not given."""
    return {**payload, **{field: None for field in fields if payload.get(field) == ""}}


def meeting_url(payload, field="meeting_url"):
    value = validation.text(payload, field, max_length=URL_MAX, required=False, allow_blank=True)
    if value and not value.lower().startswith(("https://", "http://")):
        raise Refusal("invalid_url", _("Enter a web address that starts with https://."), field=field)
    return value


class GroupsMixin:
    """The group section of the learner view and the handlers of groups and members."""

    def current_config(self):
        return self.config(self.current_language())

    @staticmethod
    def current_language():
        return i18n.supported_language(translation.get_language())

    def time_zone_label(self):
        """The reader's time zone by its readable CLDR name ("Finland Time"), not its id."""
        return formatting.zone_name(timezone.get_current_timezone(), self.current_language())

    def group_section(self, viewer, focus_group_id=None, part="all", open_session=None, state=None):
        """The groups section; `part` shows the group's space without its plan ("space"), only the
        progress plan ("plan"), or everything ("all", course staff's "Groups and people")."""
        context = {**self.groups_context(viewer, focus_group_id, state), "part": part,
                   "open_session": str(open_session or "")}
        js = ("js/groups.js", "js/people.js") if viewer.is_course_staff else ("js/groups.js",)
        return Section("verme/groups/section.html", context, js=js)

    def group_list_context(self, viewer, page):
        """What a list of groups needs, alone (the paging handler) or inside the section."""
        config = self.current_config()
        labels = target_labels(config)
        return {
            "viewer": viewer,
            "config": config,
            "self_select": config.enrolment_mode == api_groups.SELF_SELECT and not config.teamset_id,
            "teams_mode": bool(config.teamset_id),
            "target_groups": list(labels.items()),
            "target_labels": labels,
            "list_page": page,
            "list_statuses": list_statuses(),
            "language": i18n.supported_language(translation.get_language()),
            "limits": {"name": NAME_MAX, "text": TEXT_MAX, "place": PLACE_MAX, "url": URL_MAX,
                       "person": PERSON_MAX, "user_id": USER_ID_MAX, "display_name": DISPLAY_NAME_MAX,
                       "username_or_email": PERSON_TEXT_MAX, "query": group_pages.QUERY_MAX},
        }

    def groups_context(self, viewer, focus_group_id=None, state=None):
        """What the section shows this viewer: a constant number of queries, whatever the data.

        Course staff and a person in no group see one page of their list (`state`); a facilitator
        their own groups; a member their group. Staff may open any group, on the page or not."""
        page = self.group_list_page(viewer, state or ListState())
        group_list = list(page.groups) if page else api_groups.groups_for(self.block_key, viewer)
        visible = {g.id for g in group_list if viewer.can_see_group(g.id)} | {viewer.group_id}
        if viewer.is_course_staff and focus_group_id:
            visible.add(focus_group_id)
        if focus_group_id not in visible - {None}:
            focus_group_id = viewer.group_id or next(iter(viewer.facilitated_group_ids), None)
        space = None
        if focus_group_id:
            try:
                space = spaces.group_space(self.block_key, viewer, focus_group_id)
            except Refusal:  # staff's hint of a group that is gone: show the list alone
                if not viewer.is_course_staff:
                    raise
        if space and not group_list:  # a member: their own group is the one to show
            group_list = [space.summary]
        staff = viewer.is_course_staff
        choices = group_pages.seat_choices(self.block_key, viewer) if staff else None
        focus_id = space.summary.id if space else None
        return {
            **self.group_list_context(viewer, page),
            "groups": [g for g in group_list if not g.archived],
            "all_groups": group_list,
            "my_groups": [g for g in group_list
                          if g.id == viewer.group_id or g.id in viewer.facilitated_group_ids],
            # Staff find the groups below their minimum with the list's filter; a facilitator sees theirs here.
            "flagged": [] if staff else [g for g in group_list
                                         if not g.archived and g.below_minimum and viewer.facilitates(g.id)],
            "seat_choices": choices,
            "move_choices": group_pages.SeatChoices(  # a member moves to another group than their own
                tuple(g for g in choices.groups if g["id"] != focus_id), choices.more) if choices else None,
            "focus_id": focus_id,
            "roles": api_people.ROLES,
            "space": space,
            "season": self.season_context(viewer, space),  # views/season.py: session-1 plan and travel
            "ics_url": self.runtime.handler_url(self, "calendar_ics", query=f"group_id={space.summary.id}")
            if space else "",
            "print_url": self.print_url_prefix(),
            "time_zone": self.time_zone_label(),
            "statuses": ATTENDANCE_STATUSES,
        }

    def groups_reply(self, payload, message, focus_group_id=None):
        """The section's new HTML (for the same viewer, who may now have another role) and a message,
        on the page of the list the person was on."""
        viewer = self.viewer()
        if focus_group_id is None:  # only a hint of what was open: never a reason to refuse
            focus = str(payload.get("focus_group_id") or "")
            focus_group_id = int(focus) if focus.isdigit() else None
        part = payload.get("part") if payload.get("part") in PARTS else "all"
        open_session = str(payload.get("session_id") or "")  # the session being edited stays open
        state = list_state(payload, target_labels(self.current_config()), strict=False)
        section = self.group_section(viewer, focus_group_id, part, open_session if open_session.isdigit() else None,
                                     state=state)
        html = rendering.render("verme/groups/body.html", {"ctx": section.context}, block=self)
        return {"html": html, "message": message}

    def _group_fields(self, payload):
        payload = blank_to_none(payload, "target_group", "min_size", "max_size")
        config = self.current_config()
        fields = {
            "name": validation.text(payload, "name", max_length=NAME_MAX),
            "target_group": validation.choice(payload, "target_group", list(target_labels(config)),
                                              required=False, default="") or "",
            "description": validation.text(payload, "description", max_length=TEXT_MAX, required=False,
                                           allow_blank=True),
            "place": validation.text(payload, "place", max_length=PLACE_MAX, required=False, allow_blank=True),
            "meeting_url": meeting_url(payload),
            "min_size": validation.integer(payload, "min_size", minimum=1, maximum=SIZE_MAX, required=False,
                                           default=config.min_group_size),
            "max_size": validation.integer(payload, "max_size", minimum=1, maximum=SIZE_MAX, required=False,
                                           default=config.max_group_size),
        }
        return config, fields

    # Handlers

    @json_api(writes=False)
    def groups_show(self, payload, viewer):  # noqa: ARG002 (the reply reads the viewer again)
        group_id = object_id(payload, "group_id")
        return self.groups_reply(payload, "", focus_group_id=group_id)

    @json_api()
    def group_create(self, payload, viewer):
        api_teams.refuse_in_teams_mode(self.teamset_id)
        config, fields = self._group_fields(payload)
        first = validation.datetime_value(blank_to_none(payload, "first_session_at"), "first_session_at",
                                          required=False)
        facilitators = []
        if validation.text(payload, "facilitator_person", max_length=PERSON_TEXT_MAX, required=False):
            person = self.person_from(viewer, payload, id_field="facilitator_user_id", text_field="facilitator_person")
            facilitators.append((person.user_id, person.display_name))
        group_id = api_groups.create_group(self.block_key, viewer, **fields, facilitators=facilitators,
                                           first_session_at=first, config=config)
        return self.groups_reply(payload, _("Group {name} created.").format(name=fields["name"]), group_id)

    @json_api()
    def group_update(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        _config, fields = self._group_fields(payload)
        api_groups.update_group(self.block_key, viewer, group_id, **fields)
        return self.groups_reply(payload, _("Group saved."), group_id)

    @json_api()
    def group_archive(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        archived = validation.boolean(payload, "archived", default=True)
        api_groups.set_archived(self.block_key, viewer, group_id, archived)
        return self.groups_reply(payload, _("Group archived.") if archived else _("Group restored."))

    @json_api()
    def facilitator_add(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        person = self.person_from(viewer, payload)
        name = person.display_name
        api_groups.add_facilitator(self.block_key, viewer, group_id, user_id=person.user_id, display_name=name)
        return self.groups_reply(payload, _("Facilitator {name} added.").format(name=name))

    @json_api()
    def facilitator_remove(self, payload, viewer):
        group_id = object_id(payload, "group_id")
        user_id = validation.text(payload, "user_id", max_length=USER_ID_MAX)
        api_groups.remove_facilitator(self.block_key, viewer, group_id, user_id=user_id)
        return self.groups_reply(payload, _("Facilitator removed."))

    @json_api()
    def group_join(self, payload, viewer):
        api_teams.refuse_in_teams_mode(self.teamset_id)
        group_id = object_id(payload, "group_id")
        organisation = validation.text(payload, "organisation", max_length=PERSON_MAX, required=False,
                                       allow_blank=True)
        role = validation.text(payload, "role", max_length=PERSON_MAX, required=False, allow_blank=True)
        api_groups.join(self.block_key, viewer, group_id, enrolment_mode=self.enrolment_mode,
                        organisation=organisation, role=role)
        self.runtime.publish(self, "xblock.verme.group.joined", {"group_id": group_id})
        return self.groups_reply(payload, _("You joined the group."), group_id)

    @json_api()
    def group_leave(self, payload, viewer):
        api_teams.refuse_in_teams_mode(self.teamset_id)
        api_groups.leave(self.block_key, viewer)
        self.runtime.publish(self, "xblock.verme.group.left", {"group_id": viewer.group_id})
        return self.groups_reply(payload, _("You left the group."))

    @json_api()
    def profile_update(self, payload, viewer):
        organisation = validation.text(payload, "organisation", max_length=PERSON_MAX, required=False,
                                       allow_blank=True)
        role = validation.text(payload, "role", max_length=PERSON_MAX, required=False, allow_blank=True)
        api_groups.update_profile(self.block_key, viewer, organisation=organisation, role=role)
        return self.groups_reply(payload, _("Your details were saved."))

    @json_api()
    def member_assign(self, payload, viewer):
        api_teams.refuse_in_teams_mode(self.teamset_id)
        group_id = self.chosen_group_id(viewer, payload)
        person = self.person_from(viewer, payload)
        name = person.display_name
        api_groups.assign_member(self.block_key, viewer, group_id, user_id=person.user_id, display_name=name)
        return self.groups_reply(payload, _("{name} is now in the group.").format(name=name))

    @json_api()
    def member_remove(self, payload, viewer):
        api_teams.refuse_in_teams_mode(self.teamset_id)
        group_id = object_id(payload, "group_id")
        user_id = validation.text(payload, "user_id", max_length=USER_ID_MAX)
        api_groups.remove_member(self.block_key, viewer, group_id, user_id=user_id)
        return self.groups_reply(payload, _("Member removed from the group."))
