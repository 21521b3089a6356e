"""`manage.py seed_demo`: put the sample data in place (once) and print the demo URLs."""
from django.core.management.base import BaseCommand

from demo.seed import seed


class Command(BaseCommand):
    help = "Seed the demo's sample data (safe to run again) and print the URLs to open."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *_args, base_url, **_options):
        seeded = seed()
        self.stdout.write(f"Seeded {len(seeded)} block(s); existing data left as it was.")
        self.stdout.write("Open the demo as:")
        for label, student in (
            ("a learner", "learner_aino"),
            ("a facilitator", "facilitator_maija"),
            ("course staff", "staff_sanna"),
            ("a learner not yet in a group", "learner_new"),
        ):
            self.stdout.write(f"  {label:30} {base_url}/scenario/verme.0/?student={student}")
        self.stdout.write(f"  {'in Finnish':30} {base_url}/scenario/verme.1/?student=learner_tuula&lang=fi")
        self.stdout.write(f"  {'in Swedish':30} {base_url}/scenario/verme.0/?student=learner_aino&lang=sv")
        studio = f"{base_url}/scenario/verme.0/studio_view/?student=staff_sanna"
        self.stdout.write(f"  {'Studio editor (staff)':30} {studio}")
