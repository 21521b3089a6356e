"""Small helpers shared by the tests."""
import json

from django.apps import apps
from webob import Request


def count_rows():
    """Rows in every table of the Verme app, by model: a refused call must leave this unchanged."""
    return {model.__name__: model.objects.count() for model in apps.get_app_config("verme_xblock").get_models()}


def call_handler(block, name, payload=None, method="POST", raw_body=None):
    """Call a block handler through its runtime, as the LMS does; returns (status, json)."""
    body = raw_body if raw_body is not None else json.dumps(payload or {}).encode()
    request = Request.blank("/", method=method, body=body if method != "GET" else None,
                            content_type="application/json")
    response = block.runtime.handle(block, name, request)
    return response.status_code, json.loads(response.body.decode() or "null")


def first_view(block, context=None):
    """The component's very first view, which stores the e-mail sender's copy of its settings, as a
    request that commits: the process then knows the copy is there, as after any first view."""
    from django.test import TestCase

    with TestCase.captureOnCommitCallbacks(execute=True):
        return block.render("student_view", context)


def whole_view(block, context=None):
    """The first view and every section of the viewer's menu, each rendered by the student view as a
    link to it would: what this person can reach in the component, as one string of HTML."""
    from verme_xblock import i18n

    first = block.render("student_view", context).body_html()
    with i18n.active_catalogue():
        names = [name for name, _label in block.nav_sections(block.viewer()) if name != "home"]
    return first + "".join(block.render("student_view", {"section": name}).body_html() for name in names)
