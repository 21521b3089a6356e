"""Template filters of the package (loaded with `{% load verme %}`)."""
from django import template

from .markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """User-written Markdown as sanitised HTML."""
    return render_markdown(text)


@register.filter(name="dict_get")
def dict_get(mapping, key):
    """mapping[key] in a template, or None."""
    return mapping.get(key) if hasattr(mapping, "get") else None
