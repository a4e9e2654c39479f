"""Password rules with Norwegian messages.

Django 5.2 changed the wording of the minimum-length error and its Norwegian translation no
longer matches, so that one message appears in English; the other validators' messages are
translated (checked in tests/security/test_accounts.py)."""

from django.contrib.auth import password_validation


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return f"Passordet er for kort. Det må bestå av minst {self.min_length} tegn."

    def get_help_text(self):
        return f"Passordet ditt må bestå av minst {self.min_length} tegn."
