"""OLX import and export: readable XML, lossless round trips, defaults for <verme/>, clear errors."""
import io
from pathlib import Path

import pytest
from lxml import etree
from workbench.runtime import WorkbenchRuntime

from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.config import SCALAR_SETTINGS
from verme_xblock.data import Viewer
from verme_xblock.defaults import LIST_SETTINGS, defaults_for
from verme_xblock.olx import OlxError

pytestmark = pytest.mark.django_db

HERE = Path(__file__).parent
FILES = sorted(path.name for path in HERE.glob("*.xml"))
STORED = (*SCALAR_SETTINGS, *LIST_SETTINGS, "archived_likert_items", "archived_open_prompts")


def load(xml):
    runtime = WorkbenchRuntime()
    return runtime.get_block(runtime.parse_xml_string(xml))


def export(block):
    out = io.BytesIO()
    block.runtime.export_to_xml(block, out)
    return out.getvalue().decode("utf-8").split("?>", 1)[1].strip()  # without the XML declaration


def stored(block):
    return {name: (block.fields[name].is_set_on(block), getattr(block, name)) for name in STORED}


@pytest.mark.parametrize("name", FILES)
def test_round_trip_gives_identical_settings(name):
    first = load((HERE / name).read_text(encoding="utf-8"))
    exported = export(first)
    second = load(exported)
    assert stored(second) == stored(first)
    assert second.config("fi") == first.config("fi")
    assert export(second) == exported


def test_only_verme_imports_with_the_defaults():
    block = load("<verme/>")
    assert not any(block.fields[name].is_set_on(block) for name in STORED)
    assert block.config("sv").tags == tuple(defaults_for("sv")["tags"])
    assert block.config("en").session_count == 5
    assert etree.fromstring(export(block)).attrib == {"xblock-family": "xblock.v1"}


def test_every_setting_file_sets_every_setting_to_something_else_than_the_default():
    block = load((HERE / "every_setting.xml").read_text(encoding="utf-8"))
    for name in STORED:
        assert block.fields[name].is_set_on(block), name
        assert getattr(block, name) != block.fields[name].default, name
    config = block.config("en")
    assert config.session_templates[0]["agenda"][1] == {"minute": 20, "text": "Ground rules", "card": "company_walk"}
    assert config.session_templates[0]["agenda"][0] == {"minute": 0, "text": "Check-in"}  # no card: no key
    assert config.session_templates[0]["goal"] == "Get to know each other & agree the ground rules."
    assert config.weight == 2.5 and config.enrolment_mode == "staff_assigned"
    assert block.introduction.startswith("# Welcome\n\nThree sessions")


def test_finnish_and_swedish_text_survives():
    block = load((HERE / "finnish_swedish.xml").read_text(encoding="utf-8"))
    assert block.display_name == "Vertaismentorointi – Kamratmentorskap"
    assert block.tags == ["Työhyvinvointi", "Välbefinnande i arbetet", "Perehdytys"]
    assert block.session_templates[1]["title"] == "Framgångsberättelser"
    assert "Framgångsberättelser" in export(block)


def test_export_is_readable_xml_not_json():
    block = load((HERE / "every_setting.xml").read_text(encoding="utf-8"))
    root = etree.fromstring(export(block).encode())
    assert all("[" not in value and "{" not in value for value in root.attrib.values())
    assert [element.tag for element in root] == [
        "introduction", "target_groups", "session_templates", "likert_items", "open_prompts", "feedback_items",
        "tags", "archived_likert_items", "archived_open_prompts", "method_cards",
    ]
    assert root.find("session_templates/session_template/agenda/line").get("minute") == "0"
    lines = root.findall("session_templates/session_template/agenda/line")
    assert [line.get("card") for line in lines[:2]] == [None, "company_walk"]


def test_agenda_lines_link_method_cards_of_the_library_being_imported():
    finnish = load((HERE / "finnish_swedish.xml").read_text(encoding="utf-8"))
    assert finnish.session_templates[0]["agenda"][0]["card"] == "scaling"  # a default card: no library in the file
    assert 'card="scaling"' in export(finnish)


def test_learner_data_is_not_exported():
    block = load((HERE / "finnish_swedish.xml").read_text(encoding="utf-8"))
    staff = Viewer("s", "Staff", roles.STAFF, True, None)
    group_id = groups.create_group(str(block.scope_ids.usage_id), staff, name="Salainen ryhmä")
    groups.assign_member(str(block.scope_ids.usage_id), staff, group_id, user_id="u1", display_name="Aino Virtanen")
    xml = export(block)
    assert "Salainen" not in xml and "Aino" not in xml and "u1" not in xml


def test_the_introduction_attribute_of_older_olx_is_read():
    assert load('<verme introduction="Hei **kaikki**"/>').introduction == "Hei **kaikki**"


@pytest.mark.parametrize(("xml", "message"), [
    ("<verme><groups/></verme>", "<groups> (line 1) is not a Verme setting."),
    ("<verme><tags><label>x</label></tags></verme>", "<label> (line 1) is not allowed inside <tags> (line 1); "
                                                     "expected <tag>."),
    ("<verme><tags><tag>a<b>b</b></tag></tags></verme>", "<tag> (line 1) must contain text only, not <b>."),
    ("<verme><tags><tag>a</tag></tags><tags><tag>b</tag></tags></verme>", "<tags> (line 1) appears twice."),
    ("<verme><session_templates><session_template><title>T</title><notes/></session_template>"
     "</session_templates></verme>", "<notes> (line 1) is not allowed inside <session_template> (line 1)."),
    ('<verme><session_templates><session_template><title>T</title><agenda><line minute="ten">a</line>'
     "</agenda></session_template></session_templates></verme>",
     '<session_template> 1/<line> 1, attribute "minute": Enter a whole number.'),
    ('<verme><likert_items><statement id="a">x</statement><statement id="a">y</statement></likert_items></verme>',
     '<statement> 2, attribute "id": Another item already uses this id.'),
    ('<verme min_group_size="8" max_group_size="6"/>',
     '<verme> attribute "max_group_size": The maximum group size must be at least the minimum (8).'),
    ('<verme session_count="0"/>', '<verme> attribute "session_count": Enter 1 or more.'),
    ("<verme><session_templates><session_template><title> </title></session_template></session_templates></verme>",
     "<session_template> 1/<title>: This field is required."),
    ("<verme><tags/></verme>", "<tags>: Add at least one item, or reset the list to the defaults."),
    ('<verme><session_templates><session_template><title>T</title><agenda><line minute="0" card="walk">a</line>'
     '</agenda></session_template></session_templates><method_cards><method_card id="talk" minutes="5">'
     "<title>Talk</title></method_card></method_cards></verme>",
     '<session_template> 1/<line> 1, attribute "card": This method card is not in the library.'),
    ('<verme><archived_open_prompts><question id="Bad id">x</question></archived_open_prompts></verme>',
     "<archived_open_prompts>/<question> 1: give each item a unique id"),
])
def test_malformed_olx_names_the_element(xml, message):
    with pytest.raises(OlxError) as caught:
        load(xml)
    assert message in str(caught.value)


def test_templates_stored_before_they_had_ids_export_and_get_ids_on_import():
    block = load("<verme/>")
    block.session_templates = [{"title": "Old plan", "goal": "", "methods": "", "agenda": []}]
    xml = export(block)
    assert "<session_template>" in xml
    assert load(xml).session_templates[0]["id"] == "old_plan"
