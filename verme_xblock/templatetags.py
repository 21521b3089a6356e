"""Template filters of the package (loaded with `{% load verme %}`)."""
from django import template

from .markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text):
    """User-written Markdown as sanitised HTML."""
    return render_markdown(text)
