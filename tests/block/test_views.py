"""The block's views, rendered through a runtime with the LMS's and Studio's service shapes."""
import pytest
from django.utils import translation

from tests.helpers import first_view, whole_view
from tests.runtimes import course_usage_key, make_block
from verme_xblock import roles
from verme_xblock.api import groups
from verme_xblock.data import Viewer

pytestmark = pytest.mark.django_db

STAFF = Viewer("1", "Staff", roles.STAFF, True, None)


def test_learner_view_shows_introduction_role_and_empty_group_state():
    block = make_block(42, username="aino", full_name="Aino Virtanen",
                       fields={"introduction": "Welcome **all**\n\n<script>alert(1)</script>"})
    html = whole_view(block)
    assert "Signed in as Aino Virtanen · Participant" in html
    assert "<strong>all</strong>" in html
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "You are not in a mentoring group yet." in html


def test_member_view_says_they_are_in_a_group():
    block = make_block(42, username="aino")
    group_id = groups.create_group(block.block_key, STAFF, name="Night owls")
    groups.assign_member(block.block_key, STAFF, group_id, user_id="42", display_name="Aino")
    html = whole_view(block)
    assert "Night owls" in html and "Progress plan" in html
    assert "You are not in a mentoring group yet." not in html


def test_staff_role_is_shown():
    html = whole_view(make_block(7, username="sanna", full_name="Sanna", is_staff=True))
    assert "Course staff" in html


def test_user_text_in_names_is_escaped():
    html = make_block(42, username="x", full_name='<img src=x onerror="alert(1)">').render("student_view").body_html()
    assert "<img" not in html
    assert "&lt;img" in html


def test_anonymous_gets_the_public_view():
    html = whole_view(make_block(None))
    assert "Sign in to take part" in html


def test_views_speak_finnish_and_swedish():
    block = make_block(42, username="aino", full_name="Aino")
    with translation.override("fi"):
        assert "Et ole vielä missään mentorointiryhmässä." in whole_view(block)
    with translation.override("sv-se"):
        assert "Du är ännu inte med i någon mentorgrupp." in whole_view(block)
    with translation.override("de"):
        assert "You are not in a mentoring group yet." in whole_view(block)


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


def _held_session(group_id):
    import datetime

    from django.utils import timezone

    from verme_xblock.api import reflections

    reflections.ensure_session(group_id, 1, title="S1", starts_at=timezone.now() - datetime.timedelta(days=1))


def _grow(block_key, groups_count, posts_per_group):
    """More groups, members, sessions and posts: the first view must not notice."""
    import datetime

    from django.utils import timezone

    from verme_xblock.api import bank, reflections

    for n in range(groups_count):
        group_id = groups.create_group(block_key, STAFF, name=f"Grown {groups_count}-{n}")
        for m in range(3):
            user_id = f"g{groups_count}-{n}-{m}"
            groups.assign_member(block_key, STAFF, group_id, user_id=user_id, display_name=user_id)
            member = Viewer(user_id, user_id, roles.LEARNER, False, group_id)
            for p in range(posts_per_group):
                bank.create_post(block_key, member, title=f"P{p}", body="B", tags=[], visibility="course")
        reflections.ensure_session(group_id, 1, title="S1", starts_at=timezone.now() - datetime.timedelta(days=1))


# The learner's first view (the home): the viewer (1), the season of the group (1), plan changes (1),
# new posts (1); a facilitator adds the open reports; staff read the open reports instead of a
# season, and their two counts (groups below the minimum, people waiting) come from the cache, read
# again (two queries) once after a change. The target is at most 12 for a learner.
# The very first view checks that the e-mail sender has its copy of the component's settings and
# writes it; later views in the same process know it is there.
@pytest.mark.parametrize(("user_id", "staff", "expected"), [("42", False, 4), ("21", False, 5), ("7", True, 3)])
def test_first_view_queries_stay_few_and_flat_as_data_grows(user_id, staff, expected, django_assert_num_queries,
                                                            django_capture_on_commit_callbacks):
    block = make_block(user_id, is_staff=staff)
    group_id = groups.create_group(block.block_key, STAFF, name="Night owls")
    groups.assign_member(block.block_key, STAFF, group_id, user_id="42", display_name="Aino")
    groups.add_facilitator(block.block_key, STAFF, group_id, user_id="21", display_name="Maija")
    _grow(block.block_key, 1, 1)
    _held_session(group_id)
    first_view(make_block(user_id, is_staff=staff))
    with django_assert_num_queries(expected):
        make_block(user_id, is_staff=staff).render("student_view")
    with django_capture_on_commit_callbacks(execute=True):
        _grow(block.block_key, 6, 4)
    if staff:
        with django_assert_num_queries(expected + 2):
            make_block(user_id, is_staff=staff).render("student_view")
    with django_assert_num_queries(expected):
        html = make_block(user_id, is_staff=staff).render("student_view").body_html()
    assert len(html.encode()) < 60 * 1024
