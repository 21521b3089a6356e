"""The block's views, rendered through a runtime with the LMS's and Studio's service shapes."""
import pytest
from django.utils import translation

from tests.runtimes import course_usage_key, make_block
from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer

pytestmark = pytest.mark.django_db

STAFF = Viewer("1", "Staff", roles.STAFF, True, None)


def test_learner_view_shows_introduction_role_and_empty_group_state():
    block = make_block(42, username="aino", full_name="Aino Virtanen",
                       fields={"introduction": "Welcome **all**\n\n<script>alert(1)</script>"})
    html = block.render("student_view").body_html()
    assert "Signed in as Aino Virtanen · Participant" in html
    assert "<strong>all</strong>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "You are not in a mentoring group yet." in html


def test_member_view_says_they_are_in_a_group():
    block = make_block(42, username="aino")
    group_id = groups.create_group(block.block_key, STAFF, name="Night owls")
    groups.assign_member(block.block_key, STAFF, group_id, user_id="42", display_name="Aino")
    html = block.render("student_view").body_html()
    assert "Night owls" in html and "Progress plan" in html
    assert "You are not in a mentoring group yet." not in html


def test_staff_role_is_shown():
    html = make_block(7, username="sanna", full_name="Sanna", is_staff=True).render("student_view").body_html()
    assert "Course staff" in html


def test_user_text_in_names_is_escaped():
    html = make_block(42, username="x", full_name='<img src=x onerror="alert(1)">').render("student_view").body_html()
    assert "<img" not in html
    assert "&lt;img" in html


def test_anonymous_gets_the_public_view():
    html = make_block(None).render("student_view").body_html()
    assert "Sign in to take part" in html


def test_views_speak_finnish_and_swedish():
    block = make_block(42, username="aino", full_name="Aino")
    with translation.override("fi"):
        assert "Et ole vielä missään mentorointiryhmässä." in block.render("student_view").body_html()
    with translation.override("sv-se"):
        assert "Du är ännu inte med i någon mentorgrupp." in block.render("student_view").body_html()
    with translation.override("de"):
        assert "You are not in a mentoring group yet." in block.render("student_view").body_html()


def test_fragment_loads_the_language_catalogue_before_the_code():
    block = make_block(42, username="aino")
    with translation.override("fi"):
        frag = block.student_view()
    urls = [resource.data for resource in frag.resources]
    assert urls.index("/resource/verme/static/js/translations/fi/text.js") < urls.index(
        "/resource/verme/static/js/verme.js"
    )
    assert frag.js_init_fn == "VermeXBlock"


def test_author_and_studio_views_render():
    block = make_block(9, username="author", studio_writable=("course-v1:Verme+Demo+2026",),
                       usage_key=course_usage_key(), fields={"introduction": "Hello"})
    assert "Hello" in block.render("author_view").body_html()
    studio = block.studio_view()
    assert 'name="display_name"' in studio.body_html()
    assert studio.js_init_fn == "VermeStudioEditor"


def test_static_resources_are_served_from_the_package():
    from verme_xblock.block import VermeXBlock

    assert b"VermeXBlock" in VermeXBlock.open_local_resource("static/js/verme.js").read()
