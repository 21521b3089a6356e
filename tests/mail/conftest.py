import pytest

from tests.mail.smtp import start_server
from tests.mail.world import PEOPLE


@pytest.fixture
def inbox(settings):
    """A real SMTP server on a free local port, with Django's SMTP backend pointed at it."""
    server_inbox, controller = start_server()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.DEFAULT_FROM_EMAIL = "mentoring@example.org"
    settings.VERME_WORKBENCH_PEOPLE = PEOPLE
    yield server_inbox
    controller.stop()
