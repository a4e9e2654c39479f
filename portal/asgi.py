"""ASGI entry point. Production settings unless DJANGO_SETTINGS_MODULE says otherwise, as
portal/wsgi.py."""

import os

from django.core.asgi import get_asgi_application

from portal.env import load_dotenv

load_dotenv()
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
application = get_asgi_application()
