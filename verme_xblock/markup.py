"""User-written Markdown to safe HTML: a maintained parser with raw HTML off, then a sanitiser."""
import functools

import nh3
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")

ALLOWED_TAGS = {
    "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "ol", "p", "pre", "strong", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LINK_REL = "noopener noreferrer nofollow"


def render_markdown(text):
    """HTML for a Markdown text, safe to insert in a page: no raw HTML, no scripts, no unsafe URLs."""
    return _rendered(text or "")


# The same texts come back on every view (the introduction, the posts of the first page), and the
# result depends on the text alone; 256 texts of at most 10,000 characters stay a few megabytes.
@functools.lru_cache(maxsize=256)
def _rendered(text):
    html = _PARSER.render(text)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        set_tag_attribute_values={"a": {"target": "_blank"}},
    )
    return mark_safe(cleaned)  # noqa: S308 (sanitised just above)
