"""The wheel carries everything the block needs, and the block renders from the installed files alone."""
import shutil
import subprocess
import sys
import textwrap
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # Build from a copy, so the build leaves no build/ folder in the checkout (a stale one misleads later builds).
    source = tmp_path_factory.mktemp("source") / "verme"
    shutil.copytree(ROOT, source, symlinks=True,
                    ignore=shutil.ignore_patterns(".venv", "var", "build", "dist", "*.egg-info", ".git", "__pycache__",
                                                  ".pytest_cache", ".ruff_cache"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(source)],
        check=True,
    )
    (path,) = out.glob("verme_xblock-*.whl")
    return path


def test_wheel_contains_templates_static_migrations_translations_and_entry_points(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(archive.read(n).decode() for n in names if n.endswith("entry_points.txt"))
    for required in (
        "verme_xblock/templates/verme/student_view.html",
        "verme_xblock/static/js/verme.js",
        "verme_xblock/static/css/verme.css",
        "verme_xblock/static/js/translations/fi/text.js",
        "verme_xblock/migrations/0001_initial.py",
        "verme_xblock/translations/fi/LC_MESSAGES/text.mo",
        "verme_xblock/translations/sv/LC_MESSAGES/text.mo",
    ):
        assert required in names, required
    assert "verme = verme_xblock.block:VermeXBlock" in entry_points
    assert entry_points.count("verme_xblock = verme_xblock.apps:VermeConfig") == 2
    assert "[lms.djangoapp]" in entry_points and "[cms.djangoapp]" in entry_points


RENDER_FROM_INSTALLED = textwrap.dedent(
    """
    import importlib.metadata, sys
    import django
    from django.conf import settings
    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "verme_xblock"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        USE_I18N=True, LANGUAGE_CODE="en", USE_TZ=True,
    )
    django.setup()
    from django.core.management import call_command
    call_command("migrate", verbosity=0)
    import verme_xblock
    assert sys.prefix in verme_xblock.__file__, verme_xblock.__file__
    for group in ("xblock.v1", "lms.djangoapp", "cms.djangoapp"):
        (entry,) = [e for e in importlib.metadata.entry_points(group=group) if e.value.startswith("verme_xblock")]
        entry.load()
    from django.utils import translation
    from xblock.field_data import DictFieldData
    from xblock.fields import ScopeIds
    from xblock.reference.user_service import UserService, XBlockUser
    from xblock.runtime import Runtime
    from verme_xblock.block import VermeXBlock

    class LmsUser(UserService):
        def get_current_user(self):
            user = XBlockUser(is_current_user=True, full_name="Aino Virtanen")
            user.opt_attrs = {"edx-platform.user_id": 5, "edx-platform.username": "aino",
                              "edx-platform.is_authenticated": True}
            return user

    class R(Runtime):
        def handler_url(self, *a, **k): return "/h"
        def local_resource_url(self, block, uri): return "/r/" + uri
        def resource_url(self, r): return r
        def publish(self, *a): pass

    runtime = R(None, None, services={"user": LmsUser(), "i18n": translation,
                                      "field-data": DictFieldData({"introduction": "Hei **kaikki**"})})
    scope_ids = ScopeIds(5, "verme", "d", "block-v1:X+Y+Z+type@verme+block@1")
    block = runtime.construct_xblock_from_class(VermeXBlock, scope_ids)
    with translation.override("fi"):
        html = block.student_view().body_html()
    assert "Kirjautuneena: Aino Virtanen" in html, html
    assert "<strong>kaikki</strong>" in html, html
    assert b"VermeXBlock" in VermeXBlock.open_local_resource("static/js/verme.js").read()
    print("RENDERED-FROM", verme_xblock.__file__)
    """
)


def test_block_renders_from_a_wheel_installed_in_a_fresh_virtualenv(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-c", str(ROOT / "requirements" / "base.txt"), str(wheel)],
        check=True, cwd=tmp_path,
    )
    script = tmp_path / "render.py"
    script.write_text(RENDER_FROM_INSTALLED)
    result = subprocess.run([str(python), str(script)], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert f"RENDERED-FROM {env_dir}" in result.stdout
