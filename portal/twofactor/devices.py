"""The user's devices: the authenticator app (TOTP) and the recovery codes (static tokens).

The models are django-otp's; this module is the only place that creates or deletes them.
"""

import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp import devices_for_user, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Autentiseringsapp"
RECOVERY_NAME = "Reservekoder"
TOTP_CODE = re.compile(r"^\d{6}$")


@dataclass
class CheckResult:
    device: object | None = None
    locked_until: datetime | None = None

    @property
    def is_recovery_code(self) -> bool:
        return isinstance(self.device, StaticDevice)


def authenticator(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def pending_authenticator(user) -> TOTPDevice:
    """The app being set up: kept unconfirmed between showing the QR code and the first code,
    so that reloading the page shows the same secret."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(device: TOTPDevice) -> None:
    """The first right code confirms the app; any older app of the user stops working."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Ten fresh one-time codes; the old ones stop working. Shown to the user once."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining_recovery_codes(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def reset(user) -> int:
    """Removes every device of the user (an administrator's reset); returns how many."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)


def normalise(code: str) -> str:
    """Codes may be typed with spaces or dashes, recovery codes in either case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def check_code(user, code: str) -> CheckResult:
    """Tries the code on the app (six digits) or on the recovery codes (anything else).

    django-otp throttles each device: after n wrong codes in a row it refuses every code,
    right or wrong, for 2^(n-1) seconds; locked_until says until when."""
    code = normalise(code)
    if TOTP_CODE.match(code):
        device = authenticator(user)
    else:
        device = StaticDevice.objects.devices_for_user(user, confirmed=True).first()
    if device is None:
        return CheckResult()
    return try_code(user, device, code)


def try_code(user, device, code: str) -> CheckResult:
    """The code checked on one device, unless the device is locked after wrong codes."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        return CheckResult(locked_until=(details or {}).get("locked_until"))
    return CheckResult(device=verify_token(user, device.persistent_id, normalise(code)))


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> SafeString:
    """The app's setup address as an inline SVG QR code (no script, no style attribute)."""
    # Imported here: only the set-up page draws a code, and every worker would otherwise
    # hold qrcode (about 2 MiB) from start.
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=10,
        border=2,
    )
    svg = image.to_string(encoding="unicode")
    svg = svg.replace(
        "<svg ",
        '<svg role="img" aria-label="QR-kode for autentiseringsappen" class="twofactor-qr" ',
        1,
    )
    # The SVG is built by qrcode from our own data, not from user input.
    return mark_safe(svg)  # noqa: S308
