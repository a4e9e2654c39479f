"""`{% follow_button page %}` on a followable page and `{% my_subscriptions municipality %}`
on Min kommune (the follow room)."""

from django import template

from network.follow.models import Subscription, TargetKind
from network.follow.targets import is_followable

register = template.Library()


@register.inclusion_tag("network/follow/includes/follow_button.html", takes_context=True)
def follow_button(context, page):
    request = context.get("request")
    user = getattr(request, "user", None)
    member = bool(user is not None and user.is_authenticated and user.email)
    following = None
    if member and is_followable(page):
        following = (
            Subscription.objects.filter(user=user, kind=TargetKind.PAGE, page_id=page.pk)
            .only("pk")
            .first()
        )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "follow": {"member": member, "page": page, "following": following},
    }


@register.inclusion_tag("network/follow/includes/my_subscriptions.html", takes_context=True)
def my_subscriptions(context, municipality=None):
    request = context.get("request")
    subscriptions = list(
        Subscription.objects.filter(user=request.user).select_related("page", "tag", "municipality")
    )
    follows_municipality = any(
        s.kind == TargetKind.MUNICIPALITY and s.municipality_id == getattr(municipality, "pk", None)
        for s in subscriptions
    )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "subscriptions": subscriptions,
        "municipality": municipality,
        "follows_municipality": follows_municipality,
    }
