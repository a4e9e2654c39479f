#!/usr/bin/env bash
# Serve the portal with production settings: gunicorn and the task worker side by side, after
# checking the environment, collecting static files and migrating. Ctrl-C or TERM stops both;
# if either stops on its own, the other is stopped too and the script exits with its status.
#
#   HOST=127.0.0.1 PORT=8000 WEB_CONCURRENCY=3 scripts/run_prod.sh
#
# Everything else comes from the environment or .env (see .env.example and DEPLOYMENT.md).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
if [ ! -x "$PY" ]; then
  echo "Fant ikke $PY. Kjør «make install» først." >&2
  exit 1
fi
# The settings of this script may come from .env too (the environment wins, as for Django).
eval "$("$PY" -c '
import os, shlex
from portal.env import load_dotenv
load_dotenv()
for name in ("HOST", "PORT", "WEB_CONCURRENCY", "GUNICORN_THREADS", "GUNICORN_TIMEOUT",
             "FORWARDED_ALLOW_IPS"):
    if os.environ.get(name):
        print(f"{name}={shlex.quote(os.environ[name])}")
')"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Two workers per core is gunicorn's usual advice; each also has GUNICORN_THREADS threads.
WEB_CONCURRENCY="${WEB_CONCURRENCY:-$(($(nproc) * 2 + 1))}"
GUNICORN_THREADS="${GUNICORN_THREADS:-2}"
export DJANGO_SETTINGS_MODULE=portal.settings.production

# A clear message instead of a traceback when something is missing or unreachable.
"$PY" scripts/check_environment.py --connect || exit 1

echo "Samler statiske filer og migrerer databasen…"
"$PY" manage.py collectstatic --no-input -v 0
"$PY" manage.py migrate --no-input -v 0

pids=()
stop() {
  trap - INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop; exit 130' INT
trap 'stop; exit 143' TERM

.venv/bin/gunicorn portal.wsgi \
  --bind "$HOST:$PORT" \
  --workers "$WEB_CONCURRENCY" \
  --threads "$GUNICORN_THREADS" \
  --timeout "${GUNICORN_TIMEOUT:-60}" \
  --graceful-timeout 30 \
  --max-requests 2000 --max-requests-jitter 200 \
  --forwarded-allow-ips "${FORWARDED_ALLOW_IPS:-127.0.0.1}" \
  --limit-request-line 8190 &
pids+=("$!")
"$PY" manage.py db_worker --queue-name default &
pids+=("$!")
echo "E-helse Nordland (produksjon): http://$HOST:$PORT/  helse: http://$HOST:$PORT/helse/"

# Whichever stops first takes the other with it.
status=0
wait -n "${pids[@]}" || status=$?
stop
exit "$status"
