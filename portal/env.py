"""The environment the portal runs in: a `.env` file in the project root, when present.

Read by the entry points (manage.py, portal/wsgi.py, portal/asgi.py and scripts/), before the
settings module is chosen, so a `.env` can choose it too. Variables already set in the process
environment win over the file. The test suite does not read it, so tests run the same on
every machine.
"""

from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
DOTENV = BASE_DIR / ".env"


def load_dotenv(path: Path = DOTENV) -> bool:
    """Read `path` into os.environ without overriding what is set; True when it was read."""
    if not path.is_file():
        return False
    environ.Env.read_env(path, overwrite=False)
    return True
