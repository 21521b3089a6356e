"""Template rendering and static resources from the package's own `templates/` and `static/`."""
import functools
from pathlib import Path

from django.template import Context, Engine
from django.utils.text import slugify
from web_fragments.fragment import Fragment

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = PACKAGE_DIR / "templates"
STATIC_DIR = PACKAGE_DIR / "static"


@functools.lru_cache(maxsize=1)
def engine():
    """A Django template engine of our own, so the host's template settings never change our pages."""
    return Engine(
        dirs=[str(TEMPLATES_DIR)],
        app_dirs=False,
        autoescape=True,
        libraries={
            "verme": "verme_xblock.templatetags",
            "i18n": "django.templatetags.i18n",
            "l10n": "django.templatetags.l10n",
            "tz": "django.templatetags.tz",
        },
    )


def render(template_name, context, block=None):
    """Render one of our templates (inside `i18n.active_catalogue()`); `uid` makes DOM ids unique per block."""
    if block is not None:
        context = {"block": block, "uid": dom_id(block), **context}
    return engine().get_template(template_name).render(Context(context, autoescape=True))


def dom_id(block):
    """A string safe in HTML ids, unique to the block on the page."""
    return slugify(str(block.scope_ids.usage_id))



def fragment(block, html, css=(), js=(), init_fn=None, init_args=None, language=None):
    """A Fragment with our CSS and JS files added as package resources, and the JS init function.

    With JavaScript, the language's JS catalogue comes first so `Verme.gettext` can read it: the one
    the platform's i18n service compiled for the block's `i18n_js_namespace` when it has one (Open edX
    Redwood and later), else the catalogue bundled with the package.
    """
    frag = Fragment(html)
    if js and language:
        platform_catalogue = javascript_catalogue_url(block)
        if platform_catalogue:
            frag.add_javascript_url(platform_catalogue)
        else:
            js = (f"js/translations/{language}/text.js", *js)
    for path in css:
        frag.add_css_url(block.runtime.local_resource_url(block, f"static/{path}"))
    for path in js:
        frag.add_javascript_url(block.runtime.local_resource_url(block, f"static/{path}"))
    if init_fn:
        frag.initialize_js(init_fn, init_args or {})
    return frag


def javascript_catalogue_url(block):
    """The URL of the platform's JavaScript catalogue for this block, or None (the workbench has none)."""
    service = block.runtime.service(block, "i18n")
    url_for = getattr(service, "get_javascript_i18n_catalog_url", None) if service is not None else None
    return url_for(block) if callable(url_for) else None
