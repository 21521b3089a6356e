"""E-mail reminders and notices: what is due, who gets it, and sending each message exactly once.

`run.send_due_messages()` is the one entry point, used by the `verme_send_messages` command and the
Celery task alike.
"""
