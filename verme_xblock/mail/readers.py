"""The people a message goes to: address, language and time zone, looked up at send time.

Addresses come from `people.py` (the platform's user table, or the demo's people) and are never
stored. A retired account gets nothing: retirement removes the person's memberships and
preferences, and the platform rewrites a retired user's address into the reserved `.invalid`
domain (openedx-platform `lms/envs/common.py` RETIRED_EMAIL_DOMAIN "retired.invalid").
"""
import zoneinfo
from dataclasses import dataclass

from django.conf import settings

from .. import compat, people
from ..i18n import supported_language


@dataclass(frozen=True)
class Reader:
    user_id: str
    name: str
    email: str
    language: str  # en, fi or sv
    time_zone: zoneinfo.ZoneInfo


def can_receive(person):
    domain = person.email.rpartition("@")[2].lower()
    return bool(person.email) and "@" in person.email and not domain.endswith(".invalid")


def readers(runtime, user_ids):
    """{user id: Reader} for those of `user_ids` who have an address and an active account."""
    user_ids = sorted(set(user_ids))
    if not user_ids:
        return {}
    found = people.directory(runtime).by_ids(user_ids)
    zones = _time_zones(runtime, list(found))
    return {
        user_id: Reader(user_id, person.display_name, person.email, supported_language(person.language),
                        _zone(zones.get(user_id)))
        for user_id, person in found.items() if can_receive(person)
    }


def _time_zones(runtime, user_ids):
    if runtime == "workbench":
        directory = getattr(settings, "VERME_WORKBENCH_PEOPLE", {})
        return {user_id: directory.get(user_id, {}).get("time_zone", "") for user_id in user_ids}
    numeric = [int(user_id) for user_id in user_ids if str(user_id).isdigit()]
    return {str(user_id): name for user_id, name in compat.time_zone_preferences(numeric).items()} if numeric else {}


def _zone(name):
    try:
        return zoneinfo.ZoneInfo(name or settings.TIME_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(settings.TIME_ZONE)
