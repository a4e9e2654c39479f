"""Security settings shared by every environment: the Content-Security-Policy of the site and
of the Wagtail admin, Permissions-Policy, the members' private addresses, security.txt, how
people log in and are locked out, and the rate limits. Read by base.py; safe for production.
"""

import os

# Content-Security-Policy on the public site: no inline script or style anywhere in our
# templates. The Wagtail admin has a policy of its own (below, set by
# portal.middleware.PortalCSPMiddleware); the Django admin (superusers only) is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "script-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# The Wagtail admin's policy, found by loading its pages in Chromium and reading the console:
# Wagtail's own date, time and inline-panel widgets start with inline <script> (with ids that
# differ per form, so no hash can allow them), its templates and Draftail set inline styles,
# image uploads preview as blob: and data: images, and previews load in a same-origin frame.
# Scripts still come only from the site itself; nothing may be loaded from elsewhere.
ADMIN_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# No avatars from gravatar.com in the admin: they would tell a third party who is editing.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Permissions-Policy (django-permissions-policy) on every response: the portal uses none of
# these browser features, so no page, and nothing embedded in one, may ask for them. (Only
# features Chromium knows: it warns on every page about one it does not.)
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
PERMISSIONS_POLICY["fullscreen"] = ["self"]

# Every members' address (Cache-Control: private even before the login, so no shared cache
# keeps a login form or a redirect that differs per person).
MEMBER_URL_PREFIXES = ("/konto/", "/relevant/", "/min-kommune/", "/htm-status/")
CSRF_FAILURE_VIEW = "portal.views.csrf_failure"
# /.well-known/security.txt (RFC 9116): where to report a vulnerability (comma-separated
# mailto: or https: URIs; default the regional contact's e-mail in the site settings), and
# until when the file holds (ISO 8601, e.g. 2027-06-30T00:00:00Z; default 180 days ahead).
SECURITY_TXT_CONTACT = os.environ.get("SECURITY_TXT_CONTACT", "")
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Members log in on the public site (network/members/views/accounts.py); editors use the same
# account in the Wagtail admin, which has its own login page.
LOGIN_URL = "accounts_login"
LOGIN_REDIRECT_URL = "min_kommune"
LOGOUT_REDIRECT_URL = None  # the «Du er logget ut» page
# Failed logins are counted by django-axes (network/members/views/accounts.py): after
# AXES_FAILURE_LIMIT failures for the same username from the same address, or from one
# address over any usernames (a password spray), logins from there are refused for
# AXES_COOLOFF_TIME hours and the Norwegian lockout page is shown. Behind a proxy, set
# AXES_IPWARE_PROXY_COUNT so the client's address is read from X-Forwarded-For: axes and the
# rate limits read it with portal.ratelimits.client_ip.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, reading whether the user is a regional editor with the user.
    "network.organisation.backends.NetworkModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.ratelimits.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "network.members.views.accounts.lockout"
if os.environ.get("AXES_IPWARE_PROXY_COUNT"):
    AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_IPWARE_PROXY_COUNT"])
# Where Wagtail sends a visitor who must log in to read a members-only document or page
# (collection and page privacy): the members' login page, as LOGIN_URL.
WAGTAIL_FRONTEND_LOGIN_URL = os.environ.get("WAGTAIL_FRONTEND_LOGIN_URL", "/konto/logg-inn/")

# Registrations for meetings are personal data: `manage.py delete_old_registrations` (run it
# daily) deletes them this many days after the meeting has ended.
MEETING_REGISTRATION_RETENTION_DAYS = int(
    os.environ.get("MEETING_REGISTRATION_RETENTION_DAYS", "30")
)
# An anonymous registration takes a seat only once its e-mail address is confirmed by the
# link sent there; the link works this many hours, and unconfirmed ones are then deleted.
MEETING_REGISTRATION_CONFIRMATION_HOURS = int(
    os.environ.get("MEETING_REGISTRATION_CONFIRMATION_HOURS", "48")
)

# Rate limits (portal/ratelimits.py), counted in the default cache: "count/period" per client
# address, per e-mail address typed in the form, and for everyone together. Over a limit, the
# form comes back with status 429 and a Norwegian message.
RATELIMITS = {
    "registration": {
        "address": os.environ.get("RATELIMIT_REGISTRATION_PER_ADDRESS", "10/10m"),
        "email": os.environ.get("RATELIMIT_REGISTRATION_PER_EMAIL", "3/h"),
        "global": os.environ.get("RATELIMIT_REGISTRATION_GLOBAL", "300/h"),
    },
    "password_reset": {
        "address": os.environ.get("RATELIMIT_PASSWORD_RESET_PER_ADDRESS", "5/h"),
        "email": os.environ.get("RATELIMIT_PASSWORD_RESET_PER_EMAIL", "3/h"),
        "global": os.environ.get("RATELIMIT_PASSWORD_RESET_GLOBAL", "100/h"),
    },
    "login": {
        "address": os.environ.get("RATELIMIT_LOGIN_PER_ADDRESS", "30/10m"),
        "global": os.environ.get("RATELIMIT_LOGIN_GLOBAL", "600/10m"),
    },
}
RATELIMIT_IP_META_KEY = "portal.ratelimits.limiter_ip"
