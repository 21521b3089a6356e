"""The Verme defaults exist in English, Finnish and Swedish with the same ids and shapes."""
import pytest
from django.utils import translation

from tests.runtimes import make_block
from verme_xblock.defaults import LIST_SETTINGS, defaults_for

LANGUAGES = ("en", "fi", "sv")


def ids(items):
    return [item["id"] for item in items]


@pytest.mark.parametrize("language", LANGUAGES)
def test_defaults_have_the_domain_shape(language):
    defaults = defaults_for(language)
    assert len(defaults["target_groups"]) == 5
    assert len(defaults["session_templates"]) == 5
    assert len(defaults["likert_items"]) == 8
    assert len(defaults["open_prompts"]) == 4
    assert len(defaults["tags"]) == 8 == len(set(defaults["tags"]))
    for template in defaults["session_templates"]:
        assert template["title"] and template["goal"] and template["methods"]
        assert [line["minute"] for line in template["agenda"]] == [0, 15, 25, 85, 100, 150, 170]
        assert all(line["text"] for line in template["agenda"])


def test_ids_are_stable_across_languages():
    english, finnish, swedish = (defaults_for(language) for language in LANGUAGES)
    for name in LIST_SETTINGS:
        if name == "tags":
            continue
        assert ids(english[name]) == ids(finnish[name]) == ids(swedish[name])


def test_texts_differ_per_language():
    english, finnish, swedish = (defaults_for(language) for language in LANGUAGES)
    assert finnish["session_templates"][0]["title"] == "Aloitus ja yhteinen suunta"
    assert swedish["session_templates"][0]["title"] == "Start och en gemensam riktning"
    assert finnish["tags"][-1] == "Perehdytys"
    assert len({english["likert_items"][0]["text"], finnish["likert_items"][0]["text"],
                swedish["likert_items"][0]["text"]}) == 3


def test_region_codes_and_unknown_languages():
    assert defaults_for("fi-FI") == defaults_for("fi")
    assert defaults_for("sv_SE") == defaults_for("sv")
    assert defaults_for("de") == defaults_for("en")
    assert defaults_for(None) == defaults_for("en")


def test_defaults_are_fresh_copies():
    defaults_for("fi")["tags"].append("x")
    assert "x" not in defaults_for("fi")["tags"]


def test_an_unconfigured_block_reads_defaults_in_the_readers_language():
    block = make_block(1)
    assert block.config("fi").tags[0] == "Opetus ja ohjaus"
    assert block.config("sv").session_templates[2]["title"] == "Fallkonsultation"
    assert block.config().likert_items[0]["id"] == "learned"
    with translation.override("fi"):
        assert block.config("fi").open_prompts[3]["text"] == "Mikä on pienin seuraava askeleesi?"


@pytest.mark.parametrize("language", LANGUAGES)
def test_default_agendas_link_the_templates_method_cards(language):
    defaults = defaults_for(language)
    library = {card["id"] for card in defaults["method_cards"]}
    cards = {template["id"]: [line.get("card") for line in template["agenda"]]
             for template in defaults["session_templates"]}
    assert cards == {
        "start": ["scaling", None, "dialogue_rules", None, "dialogue_rules", None, None],
        "success_stories": ["scaling", None, "success_stories", None, "success_stories", None, None],
        "case_clinic": ["scaling", None, "dialogue_rules", None, "reflecting_team", None, None],
        "wellbeing": ["scaling", None, "miracle_question", None, "resource_map", None, None],
        "future_recall": ["scaling", None, None, None, None, None, None],  # its only card is scaling
    }
    assert {card for line in cards.values() for card in line if card} <= library


def test_an_agenda_stored_before_lines_had_cards_still_loads():
    old = [{"id": "start", "title": "Start", "goal": "", "methods": "", "agenda": [{"minute": 0, "text": "Hello"}]}]
    block = make_block(1, fields={"session_templates": old})
    assert block.config("en").session_templates[0]["agenda"] == [{"minute": 0, "text": "Hello"}]
    assert "card" not in block.settings_values("en")["session_templates"][0]["agenda"][0]
    html = block.studio_view().body_html()
    assert 'data-key="card"' in html
