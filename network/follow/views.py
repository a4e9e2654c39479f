"""The follow pages: following (a member's POST from an item's page, or a visitor's own page
with the address to confirm), confirming, managing and leaving; and a registration's page
for changing or cancelling it by the signed link in its e-mails.

The links in e-mails open a page with a button (mail scanners follow links and must not
act); the one-click unsubscribe (RFC 8058) posts to the same address without a CSRF token,
which the signed token in the address replaces.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from network.meetings import lifecycle
from network.meetings import registration as registrations
from network.meetings.forms import RegistrationChangeForm
from portal import ratelimits

from . import notify
from .forms import FrequencyForm, VisitorFollowForm
from .mail import absolute
from .models import Frequency, Subscription
from .targets import follow_as_member, follow_as_visitor, target_from
from .tokens import LinkError, opt_in_token, subscription_to_confirm, subscription_to_unsubscribe

TEMPLATES = "network/follow/"


def _back(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback or "/"


def _is_member_user(user) -> bool:
    return user.is_authenticated and bool(user.email)


@never_cache
def follow_view(request):
    """GET: the page to follow something (a visitor's address form, or a member's button);
    POST: follow it."""
    params = request.POST if request.method == "POST" else request.GET
    target = target_from(params, request.user)
    if target is None:
        raise Http404("Det finnes ikke noe å følge her.")
    back = _back(request, target.back_url)
    member = _is_member_user(request.user)
    form_class = FrequencyForm if member else VisitorFollowForm
    form = form_class(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            frequency = form.cleaned_data["frequency"]
            if member:
                _, created = follow_as_member(target, request.user, frequency)
                messages.success(
                    request,
                    f"Du følger nå {target.label}. Du finner det du følger på Min kommune."
                    if created
                    else f"Du følger allerede {target.label}.",
                )
                return HttpResponseRedirect(back)
            email = form.cleaned_data["email"]
            if ratelimits.is_limited(request, "registration", email):
                # Shares the budget of the other e-mails to addresses nobody has confirmed.
                ratelimits.refuse_form(form)
                status = 429
            else:
                _visitor_follows(request, target, email, frequency)
                return TemplateResponse(
                    request,
                    TEMPLATES + "follow_sent.html",
                    {"target": target, "email": email, "back": back},
                )
        else:
            status = 400
    return TemplateResponse(
        request,
        TEMPLATES + "follow.html",
        {"target": target, "form": form, "member": member, "back": back},
        status=status,
    )


def _visitor_follows(request, target, email, frequency) -> None:
    subscription = follow_as_visitor(target, email, frequency)
    if subscription.is_confirmed:
        return  # the page says the same either way: whether an address follows stays private
    confirm_url = absolute(reverse("follow_confirm", args=[opt_in_token(subscription)]))
    notify.queue(
        event=f"opt-in:{subscription.pk}:{int(subscription.created_at.timestamp())}",
        kind="opt-in",
        email=email,
        subject=f"Bekreft at du vil følge {target.label}",
        template="network/follow/email/opt_in",
        context={"target": target, "confirm_url": confirm_url},
    )


@never_cache
def confirm_view(request, token):
    try:
        subscription = subscription_to_confirm(Subscription.objects.all(), token)
    except LinkError as error:
        return TemplateResponse(
            request, TEMPLATES + "link_error.html", {"error": str(error)}, status=400
        )
    if request.method == "POST" and not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return TemplateResponse(
        request,
        TEMPLATES + "confirm.html",
        {"subscription": subscription, "confirmed": subscription.is_confirmed},
    )


@never_cache
@csrf_exempt
def unsubscribe_view(request, token):
    """GET shows a button; POST (the button, or a mail program's one-click) ends the
    subscription. Exempt from CSRF: the signed token is the proof, and it only removes."""
    try:
        subscription = subscription_to_unsubscribe(Subscription.objects.all(), token)
    except LinkError as error:
        return TemplateResponse(
            request, TEMPLATES + "link_error.html", {"error": str(error)}, status=400
        )
    done = subscription is None
    label = subscription.target_label if subscription else ""
    if request.method == "POST" and subscription is not None:
        subscription.delete()
        done = True
    return TemplateResponse(
        request, TEMPLATES + "unsubscribe.html", {"done": done, "label": label, "token": token}
    )


@login_required
@require_POST
def unfollow_view(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    label = subscription.target_label
    subscription.delete()
    messages.success(request, f"Du følger ikke lenger {label}.")
    return HttpResponseRedirect(_back(request, reverse("min_kommune")))


@login_required
@require_POST
def frequency_view(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk, user=request.user)
    form = FrequencyForm(request.POST)
    if form.is_valid():
        subscription.frequency = form.cleaned_data["frequency"]
        subscription.save(update_fields=["frequency"])
        label = Frequency(subscription.frequency).label.lower()
        messages.success(request, f"Du får nå e-post om {subscription.target_label}: {label}.")
    else:
        messages.error(request, "Velg «Straks» eller «Ukentlig oppsummering».")
    return HttpResponseRedirect(_back(request, reverse("min_kommune")))


# A registration, by the link in its e-mails -----------------------------------------------


@never_cache
def registration_view(request, token):
    try:
        registration = lifecycle.registration_for_manage_token(token)
    except registrations.LinkError as error:
        return TemplateResponse(
            request, TEMPLATES + "link_error.html", {"error": str(error)}, status=400
        )
    meeting = registration.meeting
    form = RegistrationChangeForm(instance=registration)
    status = 200
    if request.method == "POST":
        if request.POST.get("action") == "avmeld":
            lifecycle.cancel(registration)
            lifecycle.send_cancelled(registration)
            messages.success(request, f"Du er avmeldt fra {meeting.title}.")
            return HttpResponseRedirect(meeting.url)
        form = RegistrationChangeForm(request.POST, instance=registration)
        if form.is_valid():
            form.save()
            messages.success(request, "Endringene er lagret.")
            return HttpResponseRedirect(request.path)
        status = 400
    return TemplateResponse(
        request,
        TEMPLATES + "registration.html",
        {"registration": registration, "meeting": meeting, "form": form},
        status=status,
    )
