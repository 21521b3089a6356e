"""Downloads of one's own reflections: a CSV table and a readable Markdown file.

Self-contained on purpose (only the reflection data objects come in), so it sits beside other
export builders without sharing state with them.
"""
import csv
import io
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from .csv_files import neutralise


def _when(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def _status_label(view):
    return _("Submitted") if view.is_submitted else _("Draft")


def _rows(view, label):
    for answer in (*view.likert, *view.open, *view.archived):
        if answer.value is None and not answer.text:
            continue
        prompt = answer.prompt if not answer.archived else _("(archived question)")
        yield [
            label(view.slot),
            view.slot.title,
            _status_label(view),
            _when(view.submitted_at),
            _when(view.updated_at),
            _("Yes") if view.shared else _("No"),
            answer.item_id,
            prompt,
            answer.value if answer.value is not None else "",
            answer.text,
        ]


def reflections_csv(views, label):
    """UTF-8 with a byte-order mark (so spreadsheets pick the encoding), one row per answer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([
        _("Session"), _("Title"), _("Status"), _("Submitted"), _("Last updated"), _("Shared with facilitators"),
        _("Item id"), _("Question"), _("Value (1–5)"), _("Answer"),
    ])
    for view in views:
        for row in _rows(view, label):
            writer.writerow([neutralise(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


INLINE_MARKUP = set("\\`*_[]<>#|~")
LINE_START = re.compile(r"^(\s*\d*)([-+=]|(?<=\d)[.)])")


def _markdown_escape(text):
    """Keep user text literal in Markdown: escape inline markup and what would start a list or heading."""
    lines = []
    for raw in text.splitlines() or [""]:
        inline = "".join("\\" + char if char in INLINE_MARKUP else char for char in raw)
        lines.append(LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), inline))
    return "  \n".join(lines)


def reflections_markdown(views, label, title):
    lines = [f"# {_markdown_escape(title)}", ""]
    for view in views:
        lines += [f"## {_markdown_escape(label(view.slot))}: {_markdown_escape(view.slot.title)}", ""]
        status = _status_label(view)
        if view.submitted_at:
            status += " · " + _("submitted {when}").format(when=_when(view.submitted_at))
        if view.updated_at:
            status += " · " + _("last updated {when}").format(when=_when(view.updated_at))
        lines += [f"*{status}*", ""]
        for answer in (*view.likert, *view.archived):
            if answer.value is not None:
                prompt = answer.prompt if not answer.archived else _("(archived question)") + f" {answer.item_id}"
                lines.append(f"- {_markdown_escape(prompt)} — **{answer.value}** / 5")
        lines.append("")
        for answer in (*view.open, *view.archived):
            if answer.text:
                prompt = answer.prompt if not answer.archived else _("(archived question)") + f" {answer.item_id}"
                lines += [f"### {_markdown_escape(prompt)}", "", _markdown_escape(answer.text), ""]
    return "\n".join(lines).encode("utf-8")
