from django.utils.functional import SimpleLazyObject

from .layout import frame_for


def navigation(request):
    """The page frame: the main menu (the live, public children of the site's root page shown
    in menus) and the footer's contact and links, from the cache (portal/layout.py).

    Lazy, so responses that never render the frame pay nothing.
    """
    frame = SimpleLazyObject(lambda: frame_for(request))
    return {"site_frame": frame, "main_menu": SimpleLazyObject(lambda: frame.menu)}
