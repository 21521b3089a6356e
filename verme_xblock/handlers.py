"""The contract every JSON handler keeps: validate, call `api`, answer JSON or one error shape.

    @json_api
    def join_group(self, payload, viewer):
        group_id = validation.integer(payload, "group_id", minimum=1)
        return api_groups.join(self.block_key, viewer, group_id)

A refused call (a `Refusal` from validation or `api`) answers with its 4xx status and
`{"error": {"code", "message", "field"}}`; the message is translated. Writes happen only in `api`,
after validation, so a refusal writes nothing.
"""
import functools
import json
import logging

from django.utils.translation import gettext as _
from webob import Response
from xblock.core import XBlock

from . import formatting, i18n, roles, unavailable, validation
from .errors import Refusal

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 256 * 1024


def json_response(data, status=200):
    return Response(
        body=json.dumps(data, default=str).encode("utf-8"),
        status=status,
        content_type="application/json",
        charset="utf-8",
    )


def json_api(method="POST", writes=None):
    """Make a block method a JSON handler: `func(self, payload, viewer)` returns JSON-ready data.

    `writes` (default: any method but GET) marks a handler that writes rows: it is refused, before it
    runs, in a read-only context (a masquerade, Studio, a library; see `roles`).
    """
    writes = method != "GET" if writes is None else writes

    def decorate(func):
        @XBlock.handler
        @functools.wraps(func)
        def handler(self, request, suffix=""):  # noqa: ARG001 (XBlock handler signature)
            with i18n.active_catalogue(), formatting.reader_time_zone(self), unavailable.watch_commits() as watch:
                try:
                    if request.method != method:
                        raise Refusal("method_not_allowed", i18n_message("method"), status=405)
                    payload = _payload(request, method)
                    viewer = self.viewer()
                    if viewer.is_anonymous:  # the LMS sends no user id for them: nothing here is theirs
                        raise Refusal("forbidden", _("Sign in to take part."), status=403)
                    if writes:
                        refuse_if_read_only(viewer)
                        refuse_if_retired(viewer)
                    return json_response(func(self, payload, viewer))
                except Refusal as refusal:
                    log.info("Refused %s: %s (user %s)", func.__name__, refusal.code, self.scope_ids.user_id)
                    return json_response(refusal.as_json(), status=refusal.status)
                except unavailable.OUTAGES:
                    log.warning("Database unavailable in %s", func.__name__, exc_info=True)
                    if watch.committed:
                        return json_response({"saved": True, "reload": True, "message": unavailable.saved_message()})
                    return unavailable_response()

        return handler

    return decorate


def unavailable_response():
    """503 with the error shape and Retry-After, in the active language."""
    response = json_response(unavailable.refusal().as_json(), status=503)
    response.headers.update(unavailable.headers())
    return response


def refuse_if_retired(viewer):
    """A retired account's requests still in flight write nothing (read with the viewer's seats)."""
    if viewer.retired:
        raise Refusal("retired", _("This account has been closed."), status=403)


def refuse_if_read_only(viewer):
    """A translated 403 for any write in a context that writes nothing."""
    if viewer.read_only:
        raise Refusal("read_only", read_only_message(viewer), status=403)


def read_only_message(viewer):
    """The notice of a read-only context, also shown at the top of the view."""
    if viewer.read_only == roles.MASQUERADE:
        return _("You are viewing as {name} — changes are switched off.").format(name=viewer.display_name)
    if viewer.read_only == roles.PREVIEW:
        return _("This is a preview — changes are switched off. Groups, posts and reflections are "
                 "written in the course itself.")
    return ""


def download_handler(func):
    """A plain handler (CSV, .ics, JSON files, print pages): a database outage answers 503 JSON too."""

    @XBlock.handler
    @functools.wraps(func)
    def handler(self, request, suffix=""):
        try:
            return func(self, request, suffix)
        except unavailable.OUTAGES:
            log.warning("Database unavailable in %s", func.__name__, exc_info=True)
            with i18n.active_catalogue():
                return unavailable_response()

    return handler


def _payload(request, method):
    if method == "GET":
        return dict(request.GET.items())
    if request.content_length and request.content_length > MAX_BODY_BYTES:
        raise Refusal("too_large", i18n_message("too_large"), status=413)
    try:
        payload = json.loads(request.body.decode("utf-8") or "{}")
    except (UnicodeDecodeError, ValueError, RecursionError):  # deep nesting exhausts the parser's stack
        raise Refusal("invalid_json", i18n_message("invalid_json")) from None
    if not isinstance(payload, dict) or not validation.depth_within(payload):
        raise Refusal("invalid_json", i18n_message("invalid_json"))
    return payload


def i18n_message(key):
    """Messages of the transport layer itself (translated in the active catalogue)."""
    return {
        "method": _("This action does not accept that kind of request."),
        "too_large": _("The request is too large."),
        "invalid_json": _("The request could not be read. Reload the page and try again."),
    }[key]
