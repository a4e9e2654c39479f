"""WSGI entry point (gunicorn portal.wsgi). Production settings unless
DJANGO_SETTINGS_MODULE says otherwise: a server started without it must never run with
DEBUG on and the development secret key."""

import os

from django.core.wsgi import get_wsgi_application

from portal.env import load_dotenv

load_dotenv()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_wsgi_application()

from portal.startup import settle  # noqa: E402 - needs the settings configured above

settle()
