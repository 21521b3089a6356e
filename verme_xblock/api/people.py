"""Course staff add people to groups by username or e-mail: one, many pasted, or a CSV file.

Every line is resolved first (who it names, whether they are enrolled in the course, which group
and role, whether the group has a seat) and any bad line refuses the whole batch with one message
per line: nothing is half-applied. Names come from the people directory, never typed ids.
"""
import csv
import io
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from ..errors import Refusal, forbidden, not_found
from ..models import Facilitator, Membership, MentoringGroup
from ..people import EnrolmentsUnknown

MEMBER = "member"
FACILITATOR = "facilitator"
ROLES = (MEMBER, FACILITATOR)
MAX_LINES = 500
# Role words a CSV file may use, in the three interface languages (case ignored).
ROLE_WORDS = {
    MEMBER: {"member", "participant", "jäsen", "osallistuja", "medlem", "deltagare"},
    FACILITATOR: {"facilitator", "ohjaaja", "handledare"},
}
# A first CSV row whose first cell is one of these is a header, not a person.
HEADER_WORDS = {"username", "user", "email", "e-mail", "username or email", "käyttäjätunnus", "sähköposti",
                "användarnamn", "e-post"}


@dataclass(frozen=True)
class Entry:
    """One line of input: who (username or e-mail), and optionally the group's name and the role."""

    line: int
    text: str
    group: str = ""
    role: str = ""


@dataclass(frozen=True)
class Placement:
    """One person placed: shown back to staff by name."""

    user_id: str
    name: str
    group_id: int
    group_name: str
    role: str


def pasted_entries(text, first_line=1):
    """One entry per non-empty line of pasted text."""
    return [Entry(number, line.strip()) for number, line in enumerate(text.splitlines(), first_line)
            if line.strip()]


def csv_entries(text):
    """Entries of a CSV file: username or e-mail, then optional group and role columns.

    The delimiter is a comma, a semicolon (spreadsheets in Finnish and Swedish) or a tab; a header
    row is recognised by its first cell and skipped.
    """
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count) if any(d in first for d in ";,\t") else ","
    entries = []
    for number, row in enumerate(csv.reader(io.StringIO(text), delimiter=delimiter), 1):
        cells = [cell.strip() for cell in row] + ["", "", ""]
        if not cells[0]:
            continue
        if number == 1 and cells[0].casefold() in HEADER_WORDS:
            continue
        entries.append(Entry(number, cells[0], cells[1], cells[2]))
    return entries


def role_of(word, default):
    """The role a CSV cell names (any of the three languages), the default when blank, else None."""
    word = word.strip().casefold()
    if not word:
        return default
    for role, words in ROLE_WORDS.items():
        if word in words or word == role_label(role).casefold():
            return role
    return None


def role_label(role):
    return _("member") if role == MEMBER else _("facilitator")


def add_people(block_key, course_key, viewer, directory, entries, *, default_group_id=None, default_role=MEMBER):
    """Resolve every entry, then place them all in one transaction, or refuse with every bad line."""
    if not viewer.is_course_staff:
        raise forbidden(_("Only course staff can add people to groups."))
    if not entries:
        raise Refusal("required", _("Enter at least one username or e-mail address."), field="people")
    if len(entries) > MAX_LINES:
        raise Refusal("too_many", _("Add at most {limit} people at a time.").format(limit=MAX_LINES),
                      field="people")
    groups = {group.id: group for group in MentoringGroup.objects.filter(block_key=block_key)}
    if default_group_id is not None and default_group_id not in groups:
        raise not_found(_("That group does not exist in this course component."))
    resolved, errors = _resolve(course_key, directory, entries, groups, default_group_id, default_role)
    _refuse_if(errors)
    with transaction.atomic():
        _check_seats(block_key, resolved)
        return _write(block_key, resolved)


def _resolve(course_key, directory, entries, groups, default_group_id, default_role):
    by_name = {group.name.casefold(): group for group in groups.values()}
    people = directory.find_many([entry.text for entry in entries])
    try:
        enrolled = directory.enrolled_ids(course_key, [person.user_id for person in people.values()])
    except EnrolmentsUnknown:
        raise Refusal("enrolments_unknown", _("Add people in the course in the LMS, where its enrolments are known."),
                      status=409) from None
    resolved, errors, seen = [], [], {}
    for entry in entries:
        person = people.get(entry.text.casefold())
        group = by_name.get(entry.group.casefold()) if entry.group else groups.get(default_group_id)
        role = role_of(entry.role, default_role)
        if person is None:
            message = _("Nobody in this course has that username or e-mail address.")
        elif person.user_id not in enrolled:
            message = _("{name} is not enrolled in this course.").format(name=person.display_name)
        elif entry.group and group is None:
            message = _("There is no group called {group}.").format(group=entry.group)
        elif group is None:
            message = _("Choose a group, or give one in the file's second column.")
        elif role is None:
            message = _("Give the role as member or facilitator.")
        elif group.archived:
            message = _("{group} is archived and takes no new members.").format(group=group.name)
        elif _key(person, group, role) in seen:
            message = _("{name} is already on line {line}.").format(
                name=person.display_name, line=seen[_key(person, group, role)])
        else:
            seen[_key(person, group, role)] = entry.line
            resolved.append((entry, person, group, role))
            continue
        errors.append({"line": entry.line, "text": entry.text, "message": message})
    return resolved, errors


def _key(person, group, role):
    """A person is a member of one group per block, and facilitates each group at most once."""
    return (person.user_id, MEMBER) if role == MEMBER else (person.user_id, FACILITATOR, group.id)


def _refuse_if(errors):
    if errors:
        raise Refusal(
            "people_unresolved",
            _("Nothing was changed: correct the lines below and try again."),
            field="people",
            lines=sorted(errors, key=lambda error: error["line"]),
        )


def _check_seats(block_key, resolved):
    """Inside the transaction, with the groups locked: every joining member needs a free seat."""
    members = [(entry, person, group) for entry, person, group, role in resolved if role == MEMBER]
    if not members:
        return
    group_ids = sorted({group.id for _entry, _person, group in members})
    locked = {group.id: group for group in MentoringGroup.objects.select_for_update().filter(id__in=group_ids)
              .order_by("id")}
    current = dict(Membership.objects.select_for_update().filter(
        block_key=block_key, user_id__in=[person.user_id for _entry, person, _group in members],
    ).values_list("user_id", "group_id"))
    counts = Counter(dict(Membership.objects.filter(group_id__in=group_ids).values("group_id")
                          .annotate(n=Count("id")).values_list("group_id", "n")))
    for _entry, person, group in members:
        if current.get(person.user_id) in counts and current.get(person.user_id) != group.id:
            counts[current[person.user_id]] -= 1  # a move frees a seat in the group they leave
    errors = []
    for entry, person, group in members:
        if current.get(person.user_id) == group.id:
            continue
        counts[group.id] += 1
        if counts[group.id] > locked[group.id].max_size:
            errors.append({"line": entry.line, "text": entry.text, "message": _(
                "{group} has no seat left for {name} (at most {limit} members).").format(
                group=group.name, name=person.display_name, limit=locked[group.id].max_size)})
    _refuse_if(errors)


def _write(block_key, resolved):
    placements = []
    for _entry, person, group, role in resolved:
        name = person.display_name
        if role == FACILITATOR:
            Facilitator.objects.update_or_create(group=group, user_id=person.user_id, defaults={"display_name": name})
        else:
            updated = Membership.objects.filter(block_key=block_key, user_id=person.user_id).update(
                group=group, display_name=name)
            if not updated:
                Membership.objects.create(block_key=block_key, group=group, user_id=person.user_id, display_name=name)
        placements.append(Placement(person.user_id, name, group.id, group.name, role))
    return tuple(placements)
