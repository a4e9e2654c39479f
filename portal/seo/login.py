"""The «Logg inn» link and the login's `next`: never a login page that sends back to a login
page, which made every login page link to one with a longer `?next=` without end."""

from urllib.parse import urlencode, urlsplit

from django.urls import NoReverseMatch, reverse

# The pages that only make sense before logging in or when leaving: after a login, going
# back to one of them would show the login again (or log out).
LOGIN_PAGES = ("accounts_login", "accounts_logout", "accounts_password_reset")


def _login_paths() -> tuple[str, ...]:
    paths = []
    for name in LOGIN_PAGES:
        try:
            paths.append(reverse(name))
        except NoReverseMatch:
            continue
    return tuple(paths)


def leads_to_login(url: str) -> bool:
    """True when url is the login page or another page of logging in and out, whatever its
    query string (a `next` there is what made the loop)."""
    if not url:
        return False
    path = urlsplit(url).path
    return any(path.startswith(login_path) for login_path in _login_paths())


def login_href(request) -> str:
    """The login link for the header: back to this page afterwards, except from the home page
    (where a login lands anyway) and from the pages about logging in and out, whose links
    would grow a `next` in a `next` in a `next`."""
    login = reverse("accounts_login")
    if request is None:
        return login
    here = request.get_full_path()
    account_root = "/" + login.strip("/").split("/")[0] + "/"
    if request.path == "/" or request.path.startswith(account_root) or leads_to_login(here):
        return login
    return f"{login}?{urlencode({'next': here})}"
