"""Celery task for sites that run Celery beat: the same code as `manage.py verme_send_messages`."""
from celery import shared_task

from .mail.run import send_due_messages


@shared_task(name="verme_xblock.send_due_messages", ignore_result=True)
def send_messages_task():
    """Send the Verme e-mail reminders and notices that are due (each exactly once)."""
    outcome = send_due_messages()
    return {"sent": outcome.sent, "failed": outcome.failed, "skipped": outcome.skipped}
