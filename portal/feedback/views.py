"""Where «Var denne siden nyttig?» posts to.

Public pages are served from the page cache, so the form carries no CSRF token and this view
is exempt from the CSRF check. It protects itself instead: it accepts only a page id, an
answer and a short comment, ties nothing to a session or a person, ignores what a robot
fills into the honeypot, and counts requests per client address and for everyone."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited
from wagtail.models import Page

from portal.ratelimits import address_key

from .forms import FeedbackForm
from .models import PageFeedback

RATES = {"address": "10/10m", "global": "600/h"}
ANCHOR = "#tilbakemelding"


def is_limited(request) -> bool:
    if is_ratelimited(
        request, group="feedback:address", key=address_key, rate=RATES["address"], increment=True
    ):
        return True
    return is_ratelimited(
        request,
        group="feedback:global",
        key=lambda group, request: "everyone",
        rate=RATES["global"],
        increment=True,
    )


def thanks_url(page) -> str:
    return f"{page.url}?takk=1{ANCHOR}"


def refused(request, message: str, page=None, status: int = 400) -> TemplateResponse:
    """A Norwegian page saying why, with the form again and what was typed in it."""
    return TemplateResponse(
        request,
        "portal/feedback/refused.html",
        {
            "message": message,
            "back_url": page.url if page else "/",
            "feedback_page": page,
            "answer": request.POST.get("answer", ""),
            "comment": request.POST.get("comment", ""),
        },
        status=status,
    )


@csrf_exempt
@require_POST
def submit_view(request):
    form = FeedbackForm(request.POST)
    page_id = form.data.get("page", "")
    page = None
    if str(page_id).isdigit():
        page = Page.objects.live().public().filter(pk=int(page_id)).first()
    if page is None:
        return refused(request, "Vi fant ikke siden svaret gjaldt.", status=404)
    if is_limited(request):
        return refused(
            request,
            "Det har kommet svært mange svar på kort tid. Vent noen minutter og prøv igjen.",
            page,
            status=429,
        )
    if form.is_robot():
        # Told the same as a person, so a robot learns nothing; nothing is stored.
        return HttpResponseRedirect(thanks_url(page))
    if not form.is_valid():
        message = " ".join(error for errors in form.errors.values() for error in errors)
        return refused(request, message, page)
    PageFeedback.objects.create(
        page=page, helpful=form.helpful, comment=form.cleaned_data["comment"].strip()
    )
    return HttpResponseRedirect(thanks_url(page))
