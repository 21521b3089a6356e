"""A real SMTP server for the tests (aiosmtpd on a free local port) that keeps what it receives."""
import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """The aiosmtpd handler: every accepted message, parsed; addresses in `refuse` are turned away."""

    def __init__(self):
        self.messages = []
        self.refuse = set()
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self.lock:
            self.messages.extend(Received(address, parsed) for address in envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for message in self.messages if message.address == address]


class Received:
    def __init__(self, address, parsed):
        self.address = address
        self.parsed = parsed
        self.subject = str(parsed["subject"]).strip()  # a folded encoded header parses with a leading space
        self.text = self._part("text/plain")
        self.html = self._part("text/html")
        calendars = [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]
        self.calendar = calendars[0] if calendars else None

    def _part(self, content_type):
        for part in self.parsed.walk():
            if part.get_content_type() == content_type and not part.get_filename():
                return part.get_content()
        return ""

    def __repr__(self):
        return f"<mail to {self.address}: {self.subject}>"


def start_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    return inbox, controller
