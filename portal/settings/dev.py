"""Development: debug on, a fixed local secret, e-mail printed to the console."""

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-for-e-helse-nordland"  # noqa: F405, S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],0.0.0.0")
# Two-factor is optional here: an editor who has set up an app is asked for its code, others
# are not. TWO_FACTOR_REQUIRED=true tries the production behaviour.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", default=False)
# E-mail: printed to the console unless EMAIL_URL is set (base.py).
# `make run` starts no task worker, so tasks run at the end of the request that queues them: an
# uploaded file is searchable at once (its text is still read in a bounded child process).
# TASKS_WORKER=true queues them in the database for `manage.py db_worker`, as in production.
if not env_bool("TASKS_WORKER"):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# The manifest storage needs collectstatic; development serves files straight from the finders.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
