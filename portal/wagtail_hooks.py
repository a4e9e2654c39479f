"""The portal's own rooms in the Wagtail admin: each admin module registers its hooks when
imported here."""

from portal.feedback import admin as feedback_admin  # noqa: F401  (its hooks)
