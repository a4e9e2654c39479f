"""A member's own data: «Mine data» (what the portal holds, as a page and as a JSON
download) and deleting their own account; and, in the Wagtail admin, erasing a person by
e-mail address. The rules are in members/privacy.py."""

import datetime
import json
import logging

from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import dateformat, timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from network.organisation.access import to_login

from ..forms import DeleteAccountForm, ErasePersonForm
from ..privacy import (
    erase_person,
    erase_user,
    find_person,
    has_admin_access,
    personal_data,
)

TEMPLATES = "network/members/privacy/"
ERASE_PERMISSIONS = (
    "network.delete_contactperson",
    "network.delete_membership",
    "network.delete_meetingregistration",
)

# How the keys of the download read on the page.
LABELS = {
    "e_post": "E-post",
    "invitert_av": "Invitert av",
    "side_eller_dokument": "Side eller dokument",
    "markert_av_deg": "Markert av deg",
    "sist_endret_av_deg": "Sist endret av deg",
    "sist_endret": "Sist endret",
    "fra_status": "Fra status",
    "til_status": "Til status",
    "mote": "Møte",
    "tidspunkt_for_motet": "Tidspunkt for møtet",
    "pameldt": "Påmeldt",
    "samtykker_til_publisering": "Samtykker til publisering",
    "ip_adresse": "IP-adresse",
}

logger = logging.getLogger(__name__)


def readable_value(value) -> str:
    if value is True or value is False:
        return "Ja" if value else "Nei"
    if isinstance(value, list):
        return ", ".join(value) or "–"
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        try:
            moment = datetime.datetime.fromisoformat(value)
        except ValueError:
            return value
        return dateformat.format(moment, "j. F Y \\k\\l. H.i")
    return str(value) if value not in (None, "") else "–"


def readable(rows: list[dict]) -> list[list[tuple[str, str]]]:
    """The records of a section as (label, text) pairs for the page."""
    return [
        [
            (LABELS.get(key, key.replace("_", " ").capitalize()), readable_value(value))
            for key, value in row.items()
        ]
        for row in rows
    ]


def private(response):
    """Personal data: never kept by a browser cache or a proxy."""
    patch_cache_control(response, private=True, no_store=True)
    return response


@require_http_methods(["GET", "HEAD"])
def my_data_view(request):
    if not request.user.is_authenticated:
        return to_login(request)
    data = personal_data(request.user)
    context = {
        "account": readable([data.pop("konto")])[0],
        "sections": {key: readable(rows) for key, rows in data.items()},
        "can_delete": not has_admin_access(request.user),
    }
    return private(TemplateResponse(request, TEMPLATES + "my_data.html", context))


@require_http_methods(["GET", "HEAD"])
def my_data_download_view(request):
    if not request.user.is_authenticated:
        return to_login(request)
    data = {
        "kilde": "E-helse Nordland",
        "hentet": timezone.localtime().isoformat(),
        **personal_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mine-data-e-helse-nordland.json"'
    return private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def delete_account_view(request):
    if not request.user.is_authenticated:
        return to_login(request)
    user = request.user
    if has_admin_access(user):
        # Editors' and administrators' accounts are closed by an administrator, so the
        # admin never loses its last administrator by a click on the public site.
        raise PermissionDenied(
            "Kontoer med tilgang til administrasjonen slettes av en administrator."
        )
    form = DeleteAccountForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user_id = user.pk
        erase_user(user)
        logout(request)
        logger.info("Account %s deleted by its owner", user_id)
        return redirect("privacy_account_deleted")
    return private(TemplateResponse(request, TEMPLATES + "delete_account.html", {"form": form}))


def account_deleted_view(request):
    return TemplateResponse(request, TEMPLATES + "account_deleted.html", {})


# In the Wagtail admin ----------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def erase_person_admin_view(request):
    """«Slett person»: find everything under an e-mail address, show it, erase on confirm."""
    if not request.user.has_perms(ERASE_PERMISSIONS):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else request.GET
    form = ErasePersonForm(data if "email" in data else None)
    records = None
    if form.is_valid():
        records = find_person(
            form.cleaned_data["email"], may_erase_admins=request.user.is_superuser
        )
        if request.user in records.users:
            records.users.remove(request.user)
            records.protected_users.append(request.user)
        if request.method == "POST" and records.erasable:
            erase_person(records)
            logger.info("Person erased by user %s", request.user.pk)
            # Counts only: the message travels in a cookie, and names do not belong there.
            messages.success(
                request,
                f"Personopplysningene er slettet: {len(records.users)} brukerkontoer, "
                f"{len(records.contact_persons)} kontaktpersoner, "
                f"{records.upcoming_registrations} påmeldinger avmeldt og "
                f"{records.past_registrations} tidligere påmeldinger slettet.",
            )
            return redirect("network_erase_person")
    context = {"form": form, "records": records}
    return private(TemplateResponse(request, TEMPLATES + "admin/erase_person.html", context))
