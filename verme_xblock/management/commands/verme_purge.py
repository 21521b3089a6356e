"""`manage.py verme_purge [--dry-run] [--course COURSE_KEY]`: remove the data of components that no
longer exist.

Retention rule: a component's data (groups, sessions, attendance, plans, reflections, posts, visits)
is kept while the component exists in its course, in the draft or the published version. Studio's
deletion events remove it at once; this command removes what they cannot see (a component deleted
with its unit or section, or deleted while the plugin was not installed). Blocks the modulestore
cannot check (the workbench's, or any key it cannot read) are kept.
"""
from django.core.management.base import BaseCommand

from verme_xblock import compat
from verme_xblock.api import lifecycle


class Command(BaseCommand):
    help = "List (--dry-run) or remove the Verme data of components that no longer exist in their course."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="list what would be removed, remove nothing")
        parser.add_argument("--course", default=None, help="check only the components of this course key")

    def handle(self, *_args, dry_run=False, course=None, **_options):
        blocks = lifecycle.stored_blocks(course_key=course)
        gone, unknown = [], []
        for block_key in sorted(blocks):
            exists = compat.block_exists(block_key)
            if exists is None:
                unknown.append(block_key)
            elif not exists:
                gone.append(block_key)
        for block_key in gone:
            if dry_run:
                self.stdout.write(f"would remove {block_key}")
            else:
                counts = lifecycle.purge_blocks([block_key])
                summary = ", ".join(f"{label.split('.')[-1]}: {number}" for label, number in sorted(counts.items()))
                self.stdout.write(f"removed {block_key} ({summary})")
        for block_key in unknown:
            self.stdout.write(f"kept {block_key}: the modulestore cannot check it here")
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(f"{len(blocks)} components with data; {verb} {len(gone)}; kept {len(blocks) - len(gone)}.")
