"""Course export and import (OLX): every setting as readable XML, read back through the same schema
as the Studio editor, so an import can never store what the editor would refuse.

    <verme display_name="…" min_group_size="5" max_group_size="9" session_count="5" …>
      <introduction>Markdown text</introduction>
      <target_groups><target_group id="new_teachers">New teachers …</target_group></target_groups>
      <session_templates>
        <session_template id="start">
          <title>…</title><goal>…</goal><methods>…</methods>
          <agenda><line minute="0" card="scaling">Check-in round</line> …</agenda>
        </session_template>
      </session_templates>
      <likert_items><statement id="learned">…</statement></likert_items>
      <open_prompts><question id="went_well">…</question></open_prompts>
      <tags><tag>Networks</tag></tags>
      <archived_likert_items>…</archived_likert_items> <archived_open_prompts>…</archived_open_prompts>
    </verme>

Numbers and choices are attributes; a list that is missing means "the Verme defaults" (in the
reader's language), so `<verme/>` imports as a new block. Learner data never goes into OLX.
"""
import copy

from lxml import etree

from . import studio_settings
from .config import SCALAR_SETTINGS
from .defaults import LIST_SETTINGS, defaults_for

# list setting -> (container element, item element, the item's text key)
ID_LISTS = {
    "target_groups": ("target_groups", "target_group", "label"),
    "likert_items": ("likert_items", "statement", "text"),
    "open_prompts": ("open_prompts", "question", "text"),
    "feedback_items": ("feedback_items", "statement", "text"),
    "archived_likert_items": ("archived_likert_items", "statement", "text"),
    "archived_open_prompts": ("archived_open_prompts", "question", "text"),
}
TEMPLATE_TEXTS = ("title", "goal", "methods")
ATTRIBUTE_SETTINGS = tuple(name for name in SCALAR_SETTINGS if name != "introduction")
OWN_ELEMENTS = {"introduction", "session_templates", "tags", "method_cards", *ID_LISTS}


class OlxError(ValueError):
    """A Verme element that cannot be imported; the message names the element and what is wrong."""


def _where(element):
    line = getattr(element, "sourceline", None)
    return f"<{etree.QName(element).localname}>" + (f" (line {line})" if line else "")


def _text(element):
    if len(element):
        raise OlxError(f"{_where(element)} must contain text only, not <{etree.QName(element[0]).localname}>.")
    return element.text or ""


def _children(container, item_tag):
    items = []
    for child in container:
        if child.tag is etree.Comment:
            continue
        if etree.QName(child).localname != item_tag:
            raise OlxError(f"{_where(child)} is not allowed inside {_where(container)}; expected <{item_tag}>.")
        items.append(child)
    return items


def _template(element):
    template = {"id": element.get("id", "")}
    agenda = []
    for child in element:
        if child.tag is etree.Comment:
            continue
        tag = etree.QName(child).localname
        if tag in TEMPLATE_TEXTS:
            template[tag] = _text(child)
        elif tag == "agenda":
            agenda = [_line(line) for line in _children(child, "line")]
        else:
            raise OlxError(f"{_where(child)} is not allowed inside {_where(element)}.")
    template.setdefault("title", "")
    template["agenda"] = agenda
    return template


def _line(element):
    """<line minute="25" card="dialogue_rules">Theme, part 1</line>; no card attribute: no method card."""
    line = {"minute": element.get("minute"), "text": _text(element)}
    if element.get("card") is not None:
        line["card"] = element.get("card")
    return line


def _card(element):
    """<method_card id= minutes= templates="start case_clinic"><title/><purpose/><step/>…<question/>…"""
    card = {"id": element.get("id", ""), "minutes": element.get("minutes"), "title": "", "purpose": "",
            "steps": [], "questions": [], "templates": (element.get("templates") or "").split()}
    for child in element:
        if child.tag is etree.Comment:
            continue
        tag = etree.QName(child).localname
        if tag in ("title", "purpose"):
            card[tag] = _text(child)
        elif tag in ("step", "question"):
            card[f"{tag}s"].append(_text(child))
        else:
            raise OlxError(f"{_where(child)} is not allowed inside {_where(element)}.")
    return card


def read(node):
    """The settings written in a <verme> node: {field name: raw value}, only those present."""
    found = {name: node.get(name) for name in ATTRIBUTE_SETTINGS if node.get(name) is not None}
    if not (found.get("display_name") or "").strip():
        found.pop("display_name", None)  # an empty name keeps the default rather than failing an import
    if node.get("introduction") is not None:
        found["introduction"] = node.get("introduction")
    for child in node:
        if child.tag is etree.Comment or etree.QName(child).namespace:
            continue
        tag = etree.QName(child).localname
        if tag in found and tag != "introduction":
            raise OlxError(f"{_where(child)} appears twice.")
        if tag == "introduction":
            found["introduction"] = _text(child)
        elif tag in ID_LISTS:
            _, item_tag, key = ID_LISTS[tag]
            found[tag] = [{"id": item.get("id", ""), key: _text(item)} for item in _children(child, item_tag)]
        elif tag == "tags":
            found["tags"] = [_text(item) for item in _children(child, "tag")]
        elif tag == "session_templates":
            found["session_templates"] = [_template(item) for item in _children(child, "session_template")]
        elif tag == "method_cards":
            found["method_cards"] = [_card(item) for item in _children(child, "method_card")]
        else:
            raise OlxError(f"{_where(child)} is not a Verme setting.")
    return found


def without_settings(node):
    """A copy of the node without the settings read here, for the XBlock's own parser (url_name, …)."""
    rest = copy.deepcopy(node)
    for name in (*ATTRIBUTE_SETTINGS, "introduction"):
        rest.attrib.pop(name, None)
    for child in list(rest):
        if child.tag is not etree.Comment and not etree.QName(child).namespace:
            rest.remove(child)
    return rest


def clean(found, field_defaults):
    """Validate the settings found with the editor's schema; errors name the element they concern."""
    payload = {**field_defaults, **defaults_for("en"), **found}
    archived_ids = {
        name: {item["id"] for item in found.get(f"archived_{name}", [])} for name in ("likert_items", "open_prompts")
    }
    try:
        values = studio_settings.clean(payload, archived_ids)
    except studio_settings.SettingsInvalid as invalid:
        problems = "".join(f"\n- {describe(error['field'])}: {error['message']}" for error in invalid.errors)
        raise OlxError(f"Invalid Verme settings in OLX:{problems}") from None
    for name in ("archived_likert_items", "archived_open_prompts"):
        values[name] = _archived(found.get(name, []), name)
    return {name: value for name, value in values.items() if name in found}


def _archived(items, name):
    seen = set()
    for number, item in enumerate(items, start=1):
        tag = ID_LISTS[name][1]
        if not studio_settings.ID_PATTERN.match(item["id"] or "") or item["id"] in seen:
            raise OlxError(f"<{name}>/<{tag}> {number}: give each item a unique id of lowercase letters, "
                           "digits, - and _.")
        seen.add(item["id"])
    return [dict(item) for item in items]


def describe(path):
    """'session_templates.1.agenda.2.minute' -> '<session_template> 2/<line> 3, attribute "minute"'."""
    if not path:
        return "<verme>"
    parts = path.split(".")
    if parts[0] in ATTRIBUTE_SETTINGS:
        return f'<verme> attribute "{parts[0]}"'
    item_tags = {"tags": "tag", "session_templates": "session_template", "agenda": "line",
                 **{name: spec[1] for name, spec in ID_LISTS.items()}}
    words, container = [], None
    for part in parts:
        if part.isdigit():
            words[-1] = f"<{item_tags[container]}> {int(part) + 1}"
        elif part in item_tags:
            container = part
            words.append(f"<{part}>")
        elif part in ("id", "minute", "card"):
            return "/".join(words) + f', attribute "{part}"'
        else:
            words.append(f"<{part}>")
    return "/".join(words)


def write(block, node):
    """Add the settings to an exported node: lists and the introduction as elements, not JSON."""
    for name in (*LIST_SETTINGS, "introduction", "archived_likert_items", "archived_open_prompts"):
        node.attrib.pop(name, None)
    if block.introduction:
        etree.SubElement(node, "introduction").text = block.introduction
    if block.target_groups:
        _write_id_list(node, "target_groups", block.target_groups)
    if block.session_templates:
        _write_templates(node, block.session_templates)
    for name in ("likert_items", "open_prompts", "feedback_items"):
        if getattr(block, name):
            _write_id_list(node, name, getattr(block, name))
    if block.tags:
        container = etree.SubElement(node, "tags")
        for tag in block.tags:
            etree.SubElement(container, "tag").text = tag
    for name in ("archived_likert_items", "archived_open_prompts"):
        if getattr(block, name):
            _write_id_list(node, name, getattr(block, name))
    if block.method_cards:
        _write_cards(node, block.method_cards)


def _write_cards(node, cards):
    container = etree.SubElement(node, "method_cards")
    for card in cards:
        element = etree.SubElement(container, "method_card", id=card["id"], minutes=str(card["minutes"]))
        if card.get("templates"):
            element.set("templates", " ".join(card["templates"]))
        etree.SubElement(element, "title").text = card["title"]
        if card.get("purpose"):
            etree.SubElement(element, "purpose").text = card["purpose"]
        for key in ("step", "question"):
            for text in card.get(f"{key}s", []):
                etree.SubElement(element, key).text = text


def _write_templates(node, templates):
    container = etree.SubElement(node, "session_templates")
    for template in templates:
        element = etree.SubElement(container, "session_template")
        if template.get("id"):
            element.set("id", template["id"])
        for key in TEMPLATE_TEXTS:
            etree.SubElement(element, key).text = template.get(key, "")
        agenda = etree.SubElement(element, "agenda")
        for line in template.get("agenda", []):
            element_line = etree.SubElement(agenda, "line", minute=str(line["minute"]))
            if line.get("card"):
                element_line.set("card", line["card"])
            element_line.text = line["text"]


def _write_id_list(node, name, items):
    container_tag, item_tag, key = ID_LISTS[name]
    container = etree.SubElement(node, container_tag)
    for item in items:
        element = etree.SubElement(container, item_tag)
        if item.get("id"):
            element.set("id", item["id"])
        element.text = item.get(key, "")


class OlxSettingsMixin:
    """The block's OLX: parse_xml and add_xml_to_node with the settings as readable elements."""

    @classmethod
    def parse_xml(cls, node, runtime, keys):
        found = read(node)
        field_defaults = {name: cls.fields[name].default for name in SCALAR_SETTINGS}
        values = clean(found, field_defaults)
        block = super().parse_xml(without_settings(node), runtime, keys)
        for name, value in values.items():
            setattr(block, name, value)
        return block

    def add_xml_to_node(self, node):
        super().add_xml_to_node(node)
        write(self, node)
