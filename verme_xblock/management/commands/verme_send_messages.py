"""`manage.py verme_send_messages`: send the reminders and notices that are due, each exactly once.

Safe to run from cron or a scheduled job every few minutes, and while another run is still busy:
every message is claimed in the database before it is sent.
"""
import datetime

from django.core.management.base import BaseCommand, CommandError

from verme_xblock.mail.run import send_due_messages


class Command(BaseCommand):
    help = "Send the Verme e-mail reminders and notices that are due (each exactly once)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Act as if it were this ISO 8601 time (to try the demo's schedule).")

    def handle(self, *_args, now=None, **_options):
        moment = None
        if now:
            try:
                moment = datetime.datetime.fromisoformat(now)
            except ValueError:
                raise CommandError("--now takes an ISO 8601 time with its zone, e.g. 2027-01-11T09:00+02:00") from None
            if moment.tzinfo is None:
                raise CommandError("--now needs a time zone, e.g. 2027-01-11T09:00+02:00")
        outcome = send_due_messages(moment)
        self.stdout.write(f"Verme messages: {outcome}.")
