"""The group section's lists one page at a time: course staff's "Groups and people" (searched by
name, filtered by target group and status) and the newcomer's "Choose a group" (filtered by target
group); and the groups with a free seat that staff move or place people in, offered in a select
while they fit in one and typed by name (with suggestions) when there are more.

The page a person is on travels with every form of the section (`list_*` fields), so a reply to a
create, edit, archive or move shows that same page again.
"""
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .. import rendering, validation
from ..api import group_pages
from ..errors import Refusal
from ..handlers import json_api

PAGE_MAX = 100_000


@dataclass(frozen=True)
class ListState:
    """Which page of the list, searched and filtered how."""

    page: int = 1
    query: str = ""
    target: str = ""
    status: str = group_pages.ALL


def list_state(payload, targets, *, strict):
    """The list state a payload names. `strict` (the paging handler) refuses bad input; a write's
    reply reads it as a hint only, like the open group, and falls back to the first page."""
    fields = ("list_page", "list_query", "list_target", "list_status")
    given = {field: payload[field] for field in fields if payload.get(field) not in (None, "")}  # empty: default
    try:
        return ListState(
            page=validation.integer(given, "list_page", minimum=1, maximum=PAGE_MAX, required=False, default=1),
            query=validation.text(given, "list_query", max_length=group_pages.QUERY_MAX, required=False,
                                  allow_blank=True),
            target=validation.choice(given, "list_target", list(targets), required=False, default="") or "",
            status=validation.choice(given, "list_status", group_pages.STATUSES, required=False,
                                     default=group_pages.ALL),
        )
    except Refusal:
        if strict:
            raise
        return ListState()


def page_message(page):
    return _("Page {page} of {pages}. Groups: {total}.").format(page=page.page, pages=page.pages, total=page.total)


class GroupListsMixin:
    """Paging, searching and filtering the group lists; the groups with a free seat."""

    def group_list_page(self, viewer, state):
        """The page of groups the viewer's list shows: staff's management list, or the list to choose
        from for a person in no group; None for members and facilitators, who have no such list."""
        if viewer.is_course_staff:
            return group_pages.manage_page(self.block_key, viewer, query=state.query, target=state.target,
                                           status=state.status, page=state.page)
        if viewer.group_id is None and not viewer.facilitated_group_ids:
            return group_pages.choose_page(self.block_key, target=state.target, page=state.page)
        return None

    def chosen_group_id(self, viewer, payload, *, required=True):
        """The group a move or placement names: its id (a select) or its name (typed, when there are
        too many groups with a free seat for a select). None when neither is given and none is required."""
        if payload.get("group_id") not in (None, ""):
            return validation.integer(payload, "group_id", minimum=1, maximum=2**53)
        name = validation.text(payload, "group_name", max_length=group_pages.QUERY_MAX, required=False)
        if name:
            return group_pages.group_named(self.block_key, viewer, name)
        if required:
            raise Refusal("required", _("Choose a group."), field="group_name" if "group_name" in payload
                          else "group_id")
        return None

    # Handlers

    @json_api(writes=False)
    def groups_page(self, payload, viewer):
        """Another page of the viewer's list of groups, searched or filtered: the list alone, re-rendered."""
        from .groups import target_labels  # the group views import this module

        state = list_state(payload, target_labels(self.current_config()), strict=True)
        page = self.group_list_page(viewer, state)
        if page is None:
            raise Refusal("no_list", _("You are in a group already: its space shows what you need."), status=409)
        focus = str(payload.get("focus_group_id") or "")
        context = {**self.group_list_context(viewer, page), "focus_id": int(focus) if focus.isdigit() else None}
        template = "verme/groups/manage_list.html" if viewer.is_course_staff else "verme/groups/list.html"
        html = rendering.render(template, {"ctx": context}, block=self)
        return {"html": html, "message": page_message(page)}

    @json_api(writes=False)
    def group_search(self, payload, viewer):
        """Groups with a free seat whose name matches what staff type (staff only)."""
        query = validation.text(payload, "q", max_length=group_pages.QUERY_MAX, required=False, allow_blank=True)
        found = group_pages.seat_choices(self.block_key, viewer, query, limit=group_pages.SUGGESTIONS)
        return {"groups": [{"name": group["name"], "label": f"{group['member_count']} / {group['max_size']}"}
                           for group in found.groups]}
