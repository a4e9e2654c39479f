from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site


def navigation(request):
    """Main navigation: the live, public children of the site's root page shown in menus.

    Lazy, so responses that never render the header pay no query.
    """

    def menu_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(
            Page.objects.child_of(site.root_page).live().public().in_menu().order_by("path")
        )

    return {"main_menu": SimpleLazyObject(menu_pages)}
