"""Turning a notice into an e-mail: absolute links, the rendered text and HTML, the
one-click unsubscribe headers (RFC 2369 and RFC 8058) and the calendar invitation."""

from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .tokens import unsubscribe_token


def base_url() -> str:
    """The portal's address for links in e-mails: the worker has no request to ask."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


def page_link(page) -> str:
    return absolute(page.get_url() or page.url or "/")


def unsubscribe_url(subscription) -> str:
    return absolute(reverse("follow_unsubscribe", args=[unsubscribe_token(subscription)]))


def render(template: str, context: dict) -> tuple[str, str]:
    """The plain text and the HTML of an e-mail: `<template>.txt` and `<template>.html`."""
    context = {"portal_url": base_url(), **context}
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    return text, html


def build_message(notice) -> EmailMultiAlternatives:
    # The kind lets people (and tests) sort the e-mails; it says nothing about anyone.
    headers = {"Auto-Submitted": "auto-generated", "X-Ehelse-Nordland-Varsel": notice.kind}
    if notice.subscription_id:
        headers["List-Unsubscribe"] = f"<{unsubscribe_url(notice.subscription)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        headers["Precedence"] = "bulk"
    message = EmailMultiAlternatives(
        notice.subject, notice.text, None, [notice.email], headers=headers
    )
    if notice.html:
        message.attach_alternative(notice.html, "text/html")
    if notice.calendar:
        # method= on the part is what makes calendar programs update the existing event.
        part = MIMEText(notice.calendar, "calendar", "utf-8")
        part.set_param("method", notice.calendar_method or "PUBLISH")
        part.add_header("Content-Disposition", "attachment", filename="invitasjon.ics")
        message.attach(part)
    return message
