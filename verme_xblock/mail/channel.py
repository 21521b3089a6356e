"""An edx-ace e-mail channel that can attach files.

edx-ace's own `DjangoEmailChannel` (edx_ace/channel/django_email.py) builds an
`EmailMultiAlternatives` with the text and HTML parts only: it has no way to add the session's
`.ics`. This channel follows the same `Channel` interface and e-mail mixin (subject, sender, the
HTML wrapper) and adds the attachments a message carries in `options["attachments"]`. Unlike
`ace.send`, which logs delivery errors and returns, the sender calls `deliver` itself, so a failure
reaches it and the message is released for the next run.
"""
import smtplib
from email.mime.text import MIMEText
from email.utils import formataddr

from django.core.mail import EmailMultiAlternatives
from edx_ace.channel import Channel
from edx_ace.channel.mixins import EmailChannelMixin
from edx_ace.errors import ChannelError

ATTACHMENTS = "attachments"


def attachment(filename, content, subtype, **params):
    """An attachment for `options["attachments"]`: a text part such as text/calendar; method=REQUEST."""
    return {"filename": filename, "content": content, "subtype": subtype, "params": params}


class AttachingEmailChannel(EmailChannelMixin, Channel):
    """Send through Django's e-mail backend: text, HTML and attachments in one message."""

    def deliver(self, message, rendered_message):
        mail = EmailMultiAlternatives(
            subject=self.get_subject(rendered_message),
            body=rendered_message.body,
            from_email=self._from(message, rendered_message),
            to=[message.recipient.email_address],
            headers=message.headers,
        )
        mail.attach_alternative(
            self.make_simple_html_template(rendered_message.head_html, rendered_message.body_html), "text/html"
        )
        for item in message.options.get(ATTACHMENTS, ()):
            mail.attach(_mime_part(item))
        try:
            mail.send()
        except (smtplib.SMTPException, OSError) as error:
            raise ChannelError(f"Sending failed: {error}") from error

    def _from(self, message, rendered_message):
        address = self.get_from_address(message)
        name = " ".join(rendered_message.from_name.split())
        return formataddr((name, address)) if name and "<" not in address else address


def _mime_part(item):
    part = MIMEText(item["content"], item["subtype"], "utf-8")
    for key, value in item["params"].items():
        part.set_param(key, value)
    part.add_header("Content-Disposition", "attachment", filename=item["filename"])
    return part
