"""The Studio editor's handlers through runtimes with Studio's and the LMS's services."""
import datetime

import pytest
from django.utils import timezone, translation
from xblock.fields import Scope

from tests.helpers import call_handler, count_rows
from tests.runtimes import make_block
from tests.studio.test_settings import valid_payload
from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer
from verme_xblock.models import MentoringSession

pytestmark = pytest.mark.django_db

COURSE = "course-v1:Verme+Demo+2026"


def author(**fields):
    return make_block(9, username="author", studio_writable=(COURSE,), fields=fields)


def field_values(block):
    return {name: getattr(block, name) for name, field in block.fields.items() if field.scope == Scope.settings}


def test_author_saves_every_setting():
    block = author()
    payload = valid_payload()
    payload.update(display_name="Kevät 2027", max_group_size="8", session_count="4", enrolment_mode="staff_assigned",
                   default_post_visibility="group", anonymity_threshold="4", weight="2,5", tags=["Yksi", "Kaksi"])
    payload["session_templates"] = payload["session_templates"][:4]
    status, answer = call_handler(block, "studio_save", payload)
    assert status == 200 and answer["saved"] is True and answer["warnings"] == []
    config = block.config("en")
    assert (block.display_name, config.max_group_size, config.session_count) == ("Kevät 2027", 8, 4)
    assert (config.enrolment_mode, config.default_post_visibility, config.weight) == ("staff_assigned", "group", 2.5)
    assert config.tags == ("Yksi", "Kaksi") and len(config.session_templates) == 4
    assert 'data-verme-studio-form' in answer["html"] and 'value="Kevät 2027"' in answer["html"]


def test_an_invalid_save_writes_nothing_and_names_each_field():
    block = author()
    before = field_values(block)
    payload = valid_payload()
    payload.update(display_name="", min_group_size="9", max_group_size="4")
    status, answer = call_handler(block, "studio_save", payload)
    assert status == 400
    assert {error["field"] for error in answer["error"]["errors"]} == {"display_name", "max_group_size"}
    assert field_values(block) == before


@pytest.mark.parametrize("make", [
    lambda: make_block(9, username="teacher", studio_writable=("course-v1:Other+Course+1",)),  # no write access
    lambda: make_block(9, username="staff", is_staff=True),  # the LMS, even for staff
    lambda: make_block(42, username="aino"),
    lambda: make_block(None),
])
def test_only_studio_authors_may_use_the_editor_handlers(make):
    block = make()
    before = (field_values(block), count_rows())
    for handler, payload in (("studio_save", valid_payload()), ("studio_preview", {"introduction": "x"}),
                             ("studio_defaults", {"list": "tags"})):
        status, answer = call_handler(block, handler, payload)
        assert status == 403 and answer["error"]["code"] == "forbidden"
    assert (field_values(block), count_rows()) == before


def test_the_first_save_keeps_the_defaults_in_the_authors_language():
    block = author()
    assert block.tags == [] and block.config("sv").tags[0] == "Undervisning och handledning"
    with translation.override("fi"):
        html = block.studio_view().body_html()
        assert 'value="Opetus ja ohjaus"' in html
        payload = valid_payload("fi")
        status, _ = call_handler(block, "studio_save", payload)
    assert status == 200
    assert block.config("sv").tags[0] == "Opetus ja ohjaus"  # the author's language now, for everyone
    assert block.likert_items[0] == {"id": "learned", "text": defaults_for_fi_first_likert()}


def defaults_for_fi_first_likert():
    return "Olen oppinut muilta ryhmäläisiltä uusia ajatuksia tai toimintatapoja."


def test_reset_returns_the_list_with_the_defaults_of_the_authors_language():
    block = author(tags=["Only mine"])
    with translation.override("sv"):
        status, answer = call_handler(block, "studio_defaults", {"list": "tags"})
    assert status == 200
    assert 'value="Digitala verktyg"' in answer["html"] and "Only mine" not in answer["html"]
    assert block.tags == ["Only mine"]  # nothing is saved until the author saves
    status, answer = call_handler(block, "studio_defaults", {"list": "display_name"})
    assert (status, answer["error"]["field"]) == (400, "list")


def test_preview_is_rendered_and_sanitised_by_the_server():
    status, answer = call_handler(author(), "studio_preview", {"introduction": "**Hi** <script>x</script>"})
    assert status == 200
    assert "<strong>Hi</strong>" in answer["html"] and "<script>" not in answer["html"]
    status, answer = call_handler(author(), "studio_preview", {"introduction": "x" * 10_001})
    assert (status, answer["error"]["field"]) == (400, "introduction")


def test_removed_reflection_items_are_archived_and_new_ones_get_fresh_ids():
    block = author()
    payload = valid_payload()
    payload["likert_items"] = [item for item in payload["likert_items"] if item["id"] != "network"]
    payload["likert_items"].append({"id": "", "text": "My professional network has grown."})
    payload["open_prompts"] = payload["open_prompts"][:2]
    assert call_handler(block, "studio_save", payload)[0] == 200
    config = block.config("en")
    assert [item["id"] for item in config.archived_likert_items] == ["network"]
    assert [item["id"] for item in config.archived_open_prompts] == ["learned_from", "next_step"]
    new = config.likert_items[-1]
    assert new["id"] not in {"network"} and new["id"].startswith("my_professional_network")
    # Putting the defaults back brings the old id (and its answers) back from the archive.
    payload = valid_payload()
    assert call_handler(block, "studio_save", payload)[0] == 200
    assert [item["id"] for item in block.config("en").archived_likert_items] == [new["id"]]
    assert [item["id"] for item in block.config("en").archived_open_prompts] == []


def test_existing_ids_never_change_when_items_are_edited_or_moved():
    block = author()
    payload = valid_payload()
    payload["likert_items"] = list(reversed(payload["likert_items"]))
    payload["likert_items"][0]["text"] = "Everyone's voice is heard, always."
    call_handler(block, "studio_save", payload)
    assert [item["id"] for item in block.likert_items][:2] == ["heard", "safety"]
    assert block.likert_items[0]["text"] == "Everyone's voice is heard, always."


def test_changing_settings_leaves_existing_groups_and_their_sessions_as_they_are():
    block = author()
    staff = Viewer("9", "Author", roles.STAFF, True, None)
    group_id = groups.create_group(block.block_key, staff, name="Ryhmä", target_group="experienced")
    MentoringSession.objects.create(
        group_id=group_id, number=1, title="Aloitus ja yhteinen suunta", agenda=[{"minute": 0, "text": "Kierros"}],
        starts_at=timezone.now() + datetime.timedelta(days=7), duration_minutes=180,
    )
    rows_before = count_rows()
    session_before = MentoringSession.objects.values().get()
    payload = valid_payload()
    payload.update(session_length_minutes="120", min_group_size="3", max_group_size="6")
    payload["target_groups"] = [{"id": "", "label": "Everyone"}]
    payload["session_templates"] = [{"title": "New plan", "goal": "", "methods": "", "agenda": []}]
    assert call_handler(block, "studio_save", payload)[0] == 200
    assert count_rows() == rows_before
    assert MentoringSession.objects.values().get() == session_before
    group = groups.list_groups(block.block_key)[0]
    assert (group.target_group, group.min_size, group.max_size) == ("experienced", 5, 9)


def test_validate_shows_unwise_settings_in_the_authors_language():
    assert author().validate().messages == []
    block = author(max_group_size=14, session_count=2, anonymity_threshold=1)
    with translation.override("fi"):
        texts = [message.text for message in block.validate().messages]
    assert len(texts) == 4 and all(message.type == "warning" for message in block.validate().messages)
    assert texts[0].startswith("Yli 12 hengen ryhmä on vertaismentoroinnille suuri")


def test_author_view_shows_the_configuration_at_a_glance():
    block = author(max_group_size=14)
    with translation.override("fi"):
        html = block.render("author_view").body_html()
    assert "Aloitus ja yhteinen suunta" in html and "<time>1.25</time> Tauko" in html
    assert "Perehdytys" in html and "Opinto-ohjaajat" in html and "5–14" in html
    assert "Ryhmässä jokaisen ääni tulee kuulluksi." in html
    assert "verme-advice" in html


def test_the_editor_renders_every_setting():
    html = author().studio_view().body_html()
    for name in ("display_name", "introduction", "min_group_size", "max_group_size", "enrolment_mode",
                 "session_count", "session_length_minutes", "session_interval_weeks", "default_post_visibility",
                 "anonymity_threshold", "weight"):
        assert f'name="{name}"' in html
    for name in ("target_groups", "session_templates", "likert_items", "open_prompts", "tags", "agenda"):
        assert f'data-list="{name}"' in html


def test_the_editor_speaks_finnish_and_swedish():
    with translation.override("fi"):
        html = author().studio_view().body_html()
    assert "Lisää tapaamispohja" in html and 'value="Kuulumiskierros (asteikko 0–10)"' in html
    assert 'aria-label="Siirrä ylös: Tapaaminen 2"' in html
    with translation.override("sv"):
        html = author().render("author_view").body_html()
    assert "Framgångsberättelser" in html and "<time>2.50</time>" in html and "Träffar" in html


class PlatformI18n:
    """Open edX's i18n service (Redwood and later) knows the URL of a compiled JS catalogue."""

    def __init__(self, url):
        self.url = url

    def get_javascript_i18n_catalog_url(self, block):
        assert block.i18n_js_namespace == "VermeI18N"
        return self.url


def test_the_platforms_javascript_catalogue_is_used_when_it_has_one():
    block = author()
    block.runtime._services["i18n"] = PlatformI18n("/static/js/xblock.v1-verme/fi.js")
    with translation.override("fi"):
        urls = [resource.data for resource in block.studio_view().resources]
    assert urls.index("/static/js/xblock.v1-verme/fi.js") < urls.index("/resource/verme/static/js/verme.js")
    assert not any("translations/fi/text.js" in url for url in urls)
    block.runtime._services["i18n"] = PlatformI18n(None)
    with translation.override("fi"):
        urls = [resource.data for resource in block.studio_view().resources]
    assert "/resource/verme/static/js/translations/fi/text.js" in urls


def test_the_editor_and_author_view_read_nothing_from_the_database(django_assert_num_queries):
    block = author()
    with django_assert_num_queries(0):
        block.studio_view()
        block.render("author_view")
        block.validate()
    with django_assert_num_queries(1):  # the handler contract's viewer lookup (one query); settings live in fields
        assert call_handler(block, "studio_save", valid_payload())[0] == 200
