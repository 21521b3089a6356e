"""The staff reports as rows of CSV cells, with headers in the reader's language.

Finnish and Swedish spreadsheets expect a semicolon between cells and a decimal comma, English
ones a comma and a decimal point; figures we computed are written as numbers of that language.
Dates are ISO 8601 (2026-09-15, in the reader's time zone): every spreadsheet recognises and
sorts them, whatever its language.
"""
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from .csv_files import Number, stream_csv


def iso_date(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d")


def iso_datetime(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def delimiter(language):
    return "," if language == "en" else ";"


def _decimal(value, language):
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return Number(text if language == "en" else text.replace(".", ","))


def _money(value, language):
    """Money to the cent, half up as accountants round (25.125 -> 25.13)."""
    return _decimal(Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), language)


def hours(minutes, language):
    return _decimal(minutes / 60, language)


def _rate(value):
    return Number("" if value is None else value)


def travel_cost(kilometres, amount, km_rate):
    """Money for the employer: the amounts, plus kilometres at the course's rate when it sets one."""
    return amount + (kilometres * km_rate if km_rate is not None else 0)


def hours_rows(rows, totals, language, target_labels=None, currency="EUR", km_rate=None):
    """The participants section, a blank line, then the totals per organisation; travel in the last columns."""
    labels = target_labels or {}
    travel_headers = [_("Kilometres travelled"), _("Travel amounts ({currency})").format(currency=currency),
                      _("Travel costs ({currency})").format(currency=currency)]

    def travel(row):
        return [_decimal(row.kilometres, language), _money(row.travel_amount, language),
                _money(travel_cost(row.kilometres, row.travel_amount, km_rate), language)]

    yield [_("Name"), _("Organisation"), _("Role"), _("Group"), _("Target group"), _("Sessions attended"),
           _("Sessions excused"), _("Hours attended"), _("Dates of sessions attended"), *travel_headers]
    for row in rows:
        yield [row.name, row.organisation, row.role, row.group, labels.get(row.target_group, row.target_group),
               Number(row.attended),
               Number(row.excused), hours(row.minutes, language),
               ", ".join(iso_date(when) for when in row.dates), *travel(row)]
    yield []
    yield [_("Totals per organisation")]
    yield [_("Organisation"), _("Participants"), _("Sessions attended"), _("Hours attended"), *travel_headers]
    for total in totals:
        yield [total.organisation or _("(no organisation given)"), Number(total.participants),
               Number(total.attended), hours(total.minutes, language), *travel(total)]


def groups_rows(figures, target_labels):
    yield [_("Group"), _("Target group"), _("Facilitators"), _("Members"), _("Minimum size"), _("Maximum size"),
           _("Below the minimum size"), _("Sessions held"), _("Sessions planned"), _("Next session"),
           _("Attendance rate (%)"), _("Reflections submitted"), _("Reflections expected"),
           _("Reflection rate (%)"), _("Posts"), _("Open reports"), _("Archived")]
    for group in figures:
        yield [group.name, target_labels.get(group.target_group, group.target_group),
               ", ".join(group.facilitator_names), Number(group.member_count), Number(group.min_size),
               Number(group.max_size), _("Yes") if group.below_minimum else _("No"), Number(group.sessions_held),
               Number(group.sessions_planned),
               iso_datetime(group.next_session_at),
               _rate(group.attendance_rate), Number(group.reflections_submitted),
               Number(group.reflections_expected), _rate(group.reflection_rate), Number(group.posts),
               Number(group.open_reports), _("Yes") if group.archived else _("No")]


def practices_rows(posts, link):
    """`link(post_id)` gives the address of a post in the course."""
    visibility = {"group": _("Own group"), "course": _("Whole course")}
    yes, no = _("Yes"), _("No")
    yield [_("Title"), _("Tags"), _("Author"), _("Author's organisation"), _("Group"), _("Visibility"), _("Date"),
           _("Useful marks"), _("Comments"), _("Link"), _("Hidden"), _("Deleted")]
    for post in posts:
        yield [post.title, ", ".join(post.tags), post.author_name, post.author_organisation, post.group,
               visibility.get(post.visibility, post.visibility), iso_date(post.created_at),
               Number(post.reactions), Number(post.comments), link(post.id),
               yes if post.hidden else no, yes if post.deleted else no]


def csv_chunks(rows, language):
    return stream_csv(rows, delimiter=delimiter(language))
