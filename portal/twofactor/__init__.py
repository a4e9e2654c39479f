"""Two-factor authentication for everyone who can reach the Wagtail admin.

A time-based code from an authenticator app (django-otp's TOTP devices) with ten one-time
recovery codes (django-otp's static devices). The middleware keeps a user who can reach the
admin away from every page until the code is given, or until an authenticator app is set up
when TWO_FACTOR_REQUIRED is on.
"""
