"""`manage.py verme_export_user USER_ID [--block BLOCK_KEY]`: everything Verme holds about one user, as JSON."""
import json

from django.core.management.base import BaseCommand

from verme_xblock.api import privacy


class Command(BaseCommand):
    help = "Print, as JSON, everything the Verme XBlock holds about one user (the LMS user id)."

    def add_arguments(self, parser):
        parser.add_argument("user_id")
        parser.add_argument("--block", default=None, help="limit the export to one block's usage key")

    def handle(self, *_args, user_id, block, **_options):
        data = privacy.export_user(user_id, block_key=block)
        self.stdout.write(json.dumps(data, default=str, ensure_ascii=False, indent=2))
