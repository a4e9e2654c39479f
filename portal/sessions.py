"""Sessions end after an idle time, and the admin asks for the password again a day after
the login, however active the session has been.

SESSION_IDLE_TIMEOUT (seconds): a logged-in session without a request for that long is logged
out, for members and editors alike. It slides: each request moves the end forward. The
timestamp is written at most once a minute, so an active user's session is saved about once
a minute rather than on every request (which SESSION_SAVE_EVERY_REQUEST would do).
SESSION_COOKIE_AGE is set to the same time, so the stored session and the cookie expire too.

ADMIN_REAUTHENTICATE_AFTER (seconds): the Wagtail and Django admins log out a login older
than this, and their login page asks for the password (and the two-factor code) again.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.urls import NoReverseMatch, reverse

LAST_SEEN_KEY = "portal_last_seen"
LOGIN_TIME_KEY = "portal_login_time"
IDLE_MESSAGE = "Du ble logget ut fordi du ikke har vært aktiv på en stund. Logg inn igjen."
REAUTH_MESSAGE = (
    "Det er mer enn et døgn siden du logget inn. Logg inn på nytt for å bruke administrasjonen."
)


def stamp_login(sender, request=None, **kwargs):
    session = getattr(request, "session", None)
    if session is not None:
        now = int(time.time())
        session[LOGIN_TIME_KEY] = now
        session[LAST_SEEN_KEY] = now


def connect_signals() -> None:
    user_logged_in.connect(stamp_login, dispatch_uid="portal.sessions.stamp_login")


def admin_prefixes() -> tuple[str, ...]:
    prefixes = []
    for name in ("wagtailadmin_home", "admin:index"):
        try:
            prefixes.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(prefixes)


def refresh_interval(idle: int) -> int:
    return max(1, min(60, idle // 10))


def end_session(request, message: str) -> None:
    logout(request)
    messages.info(request, message)


class SessionTimeoutMiddleware:
    """Install after AuthenticationMiddleware and MessageMiddleware, before django_otp's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and SESSION_KEY in session:
            self.check(request, session, int(time.time()))
        return self.get_response(request)

    def check(self, request, session, now: int) -> None:
        idle = settings.SESSION_IDLE_TIMEOUT
        last_seen = session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > idle:
            end_session(request, IDLE_MESSAGE)
            return
        if request.path_info.startswith(admin_prefixes()):
            login_time = session.get(LOGIN_TIME_KEY)
            if login_time is None or now - login_time > settings.ADMIN_REAUTHENTICATE_AFTER:
                end_session(request, REAUTH_MESSAGE)
                return
        if last_seen is None or now - last_seen >= refresh_interval(idle):
            session[LAST_SEEN_KEY] = now
