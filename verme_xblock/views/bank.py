"""The good-practice bank in the learner view: its section and its JSON handlers.

Thin: read and validate the request, call `api.bank` / `api.bank_moderation`, render the fragment
from the same templates as the first paint, publish a tracking event that carries ids only.
"""
from django.utils import translation
from django.utils.translation import gettext as _

from .. import i18n, rendering, validation
from ..api import bank, bank_moderation, bank_useful, directory
from ..bank_data import Filters
from ..errors import Refusal
from ..handlers import json_api
from .sections import Section

LIMITS = {"title": bank.TITLE_MAX, "body": bank.BODY_MAX, "tags": bank.TAGS_MAX, "comment": bank.COMMENT_MAX,
          "reason": bank.REASON_MAX, "search": bank.SEARCH_MAX}
EVENT = "xblock.verme.{}"


class BankMixin:
    """Posts, filters, reactions, comments, reports and moderation of the bank."""

    def bank_section(self, viewer):
        page = bank.list_posts(self.block_key, viewer)
        options = self._bank_options(viewer, page.posts)
        context = {"bank": options, "page": page, "filters": Filters(),
                   "choices": bank.filter_choices(self.block_key, viewer)}
        if options["moderator"]:
            context["queue"] = bank_moderation.queue(self.block_key, viewer)
            context["log"] = bank_moderation.log(self.block_key, viewer)
        return Section("verme/bank/section.html", context, js=("js/bank.js",))

    # Reading

    @json_api(writes=False)
    def bank_list(self, payload, viewer):
        filters = self._bank_filters(payload)
        cursor = validation.text(payload, "cursor", max_length=40, required=False)
        page = bank.list_posts(self.block_key, viewer, filters, cursor=cursor)
        html = self._bank_render("verme/bank/posts.html", viewer, page.posts, page=page, more=bool(cursor))
        summary = _("No posts match.")
        if page.posts:
            summary = _("More posts shown.") if cursor else _("Posts updated.")
        return {"html": html, "next_cursor": page.next_cursor, "summary": summary}

    # Writing

    @json_api()
    def bank_create(self, payload, viewer):
        fields = self._bank_post_fields(payload, viewer)
        post = bank.create_post(self.block_key, viewer, rate_limit=self.bank_rate_limit(), **fields)
        self._bank_event("post.created", post_id=post.id, visibility=fields["visibility"])
        html = self._bank_render("verme/bank/post.html", viewer, (post,), post=post)
        return {"post_id": post.id, "html": html, "message": _("Your post is shared.")}

    @json_api()
    def bank_edit(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        fields = self._bank_post_fields(payload, viewer)
        bank.edit_post(self.block_key, viewer, post_id, **fields)
        self._bank_event("post.edited", post_id=post_id, visibility=fields["visibility"])
        return {"post_id": post_id, "html": self._bank_post_html(viewer, post_id),
                "message": _("Your changes are saved.")}

    @json_api()
    def bank_delete(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        bank.delete_post(self.block_key, viewer, post_id)
        self._bank_event("post.deleted", post_id=post_id)
        return {"post_id": post_id, "message": _("Your post is deleted.")}

    @json_api()
    def bank_useful(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        marked, count = bank_useful.toggle_useful_counted(self.block_key, viewer, post_id)
        self._bank_event("post.reacted" if marked else "post.unreacted", post_id=post_id)
        message = _("Marked as useful.") if marked else _("No longer marked as useful.")
        # Only the button changes: the answer carries it alone, so a mark costs no page of reads.
        button = rendering.render("verme/bank/useful_button.html",
                                  {"post": {"useful_by_viewer": marked, "useful_count": count}}, block=self)
        return {"useful": marked, "count": count, "html": button, "message": message}

    @json_api()
    def bank_comment(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        body = validation.text(payload, "body", max_length=bank.COMMENT_MAX)
        comment_id = bank.add_comment(self.block_key, viewer, post_id, body=body)
        self._bank_event("comment.created", post_id=post_id, comment_id=comment_id)
        return {"comment_id": comment_id, "html": self._bank_post_html(viewer, post_id),
                "message": _("Your comment is added.")}

    # Moderation

    @json_api()
    def bank_report(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        comment_id = validation.integer(payload, "comment_id", minimum=1, required=False)
        reason = validation.text(payload, "reason", max_length=bank.REASON_MAX)
        report_id = bank_moderation.report(self.block_key, viewer, post_id, comment_id=comment_id, reason=reason)
        self._bank_event("post.reported", post_id=post_id, comment_id=comment_id, report_id=report_id)
        return {"report_id": report_id, "message": _("Thank you. A moderator will look at it.")}

    @json_api()
    def bank_moderate(self, payload, viewer):
        post_id = validation.integer(payload, "post_id", minimum=1)
        comment_id = validation.integer(payload, "comment_id", minimum=1, required=False)
        action = validation.choice(payload, "action", bank_moderation.ACTIONS)
        reason = validation.text(payload, "reason", max_length=bank.REASON_MAX, required=False)
        bank_moderation.moderate(self.block_key, viewer, post_id, action=action, reason=reason, comment_id=comment_id)
        done = {"hide": "hidden", "restore": "restored", "dismiss": "reports_dismissed"}[action]
        self._bank_event(f"{'comment' if comment_id else 'post'}.{done}", post_id=post_id, comment_id=comment_id)
        messages = {"hide": _("Hidden. The author sees your reason."), "restore": _("Shown again."),
                    "dismiss": _("The reports are dismissed.")}
        return {"html": self._bank_post_html(viewer, post_id),
                "queue_html": self._bank_render("verme/bank/queue.html", viewer, (),
                                                queue=bank_moderation.queue(self.block_key, viewer),
                                                log=bank_moderation.log(self.block_key, viewer)),
                "message": messages[action]}

    # Settings

    def bank_rate_limit(self):
        """XBLOCK_SETTINGS["VermeXBlock"]["POST_RATE_LIMIT"] = {"posts": 10, "minutes": 10} (the default)."""
        service = self.runtime.service(self, "settings")
        bucket = (service.get_settings_bucket(self) if service is not None else None) or {}
        limit = bucket.get("POST_RATE_LIMIT") or {}
        if not isinstance(limit, dict):
            return dict(bank.DEFAULT_RATE_LIMIT)
        return {key: value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default
                for key, default in bank.DEFAULT_RATE_LIMIT.items() for value in (limit.get(key),)}

    # Helpers

    def _bank_options(self, viewer, posts):
        """What the bank's templates read beside the posts shown (`posts`, whose authors' cards link)."""
        language = i18n.supported_language(translation.get_language())
        tags, default_visibility = self.bank_settings(language)
        return {
            "tags": tags,
            "default_visibility": default_visibility,
            "has_group": viewer.group_id is not None,
            "organisation": viewer.organisation,
            "shows_organisation": viewer.shows_organisation,
            "sessions": bank.session_choices(self.block_key, viewer),
            "moderator": bool(viewer.is_course_staff or viewer.facilitated_group_ids),
            "limits": LIMITS,
            "cards": directory.card_ids(self.block_key, [post.author_id for post in posts]),
            "language": language,
        }

    def _bank_filters(self, payload):
        language = i18n.supported_language(translation.get_language())
        group_id = None
        if payload.get("group_id") not in ("", None):
            group_id = validation.integer(payload, "group_id", minimum=1)
        return Filters(
            sort=validation.choice(payload, "sort", bank.SORTS, required=False, default="newest"),
            tag=validation.choice(payload, "tag", ("", *self.bank_settings(language)[0]), required=False, default=""),
            group_id=group_id,
            organisation=validation.text(payload, "organisation", max_length=200, required=False),
            author=validation.choice(payload, "author", ("", "me"), required=False, default=""),
            search=validation.text(payload, "search", max_length=bank.SEARCH_MAX, required=False),
        )

    def _bank_post_fields(self, payload, viewer):
        language = i18n.supported_language(translation.get_language())
        tag_choices, default_visibility = self.bank_settings(language)
        title = validation.text(payload, "title", max_length=bank.TITLE_MAX)
        body = validation.text(payload, "body", max_length=bank.BODY_MAX)
        tags = payload.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(tag, str) and tag in tag_choices for tag in tags):
            raise Refusal("invalid_choice", _("Choose tags from the list."), field="tags")
        tags = list(dict.fromkeys(tags))
        if len(tags) > bank.TAGS_MAX:
            raise Refusal("too_many", _("Choose at most {limit} tags.").format(limit=bank.TAGS_MAX), field="tags")
        default_visibility = default_visibility if viewer.group_id else "course"
        visibility = validation.choice(payload, "visibility", ("group", "course"), required=False,
                                       default=default_visibility)
        session_id = None
        if payload.get("session_id") not in ("", None):
            session_id = validation.integer(payload, "session_id", minimum=1)
        shows = validation.choice(payload, "show_organisation", ("yes", "no"), required=False)
        return {"title": title, "body": body, "tags": tags, "visibility": visibility, "session_id": session_id,
                "show_organisation": None if shows is None else shows == "yes"}

    def _bank_render(self, template, viewer, posts, **context):
        return rendering.render(template, {"bank": self._bank_options(viewer, posts), **context}, block=self)

    def _bank_post_html(self, viewer, post_id):
        post = bank.get_post(self.block_key, viewer, post_id)
        return self._bank_render("verme/bank/post.html", viewer, (post,), post=post)

    def _bank_event(self, name, **ids):
        self.runtime.publish(self, EVENT.format(name), {"block": self.block_key, **ids})
