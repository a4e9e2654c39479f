#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    from portal.env import load_dotenv

    # Development settings unless DJANGO_SETTINGS_MODULE (or .env) says otherwise.
    load_dotenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
