#!/usr/bin/env python3
"""Give the demo members passwords for a load test, on the database the environment names.

    DJANGO_SETTINGS_MODULE=portal.settings.production … .venv/bin/python bench/prepare.py

With DEBUG off the demo members have no usable password (they would be invited); the load test
logs in as them. Writes the passwords to var/bench/members.json (readable only by its owner).
Never run it against a real site's database: it sets passwords of the demo accounts only, and
refuses when they do not exist.
"""

import json
import os
import secrets
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))


def main() -> int:
    from portal.env import load_dotenv

    load_dotenv()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from network.members.demo import MEMBERS

    members = []
    for email, *_ in MEMBERS:
        user = get_user_model().objects.filter(username=email).first()
        if user is None:
            print(f"Fant ikke demomedlemmet {email}; last demoinnholdet først.", file=sys.stderr)
            return 1
        password = secrets.token_urlsafe(18)
        user.set_password(password)
        user.save(update_fields=["password"])
        members.append({"username": email, "password": password})
    target = BASE_DIR / "var" / "bench" / "members.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch(mode=0o600)
    target.write_text(json.dumps(members, indent=1))
    print(f"{len(members)} demomedlemmer har fått passord for lasttesten ({target}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
