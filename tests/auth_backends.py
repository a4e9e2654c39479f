"""Authentication for the test settings only."""

from axes.backends import AxesStandaloneBackend


class TestAxesBackend(AxesStandaloneBackend):
    """Axes as in production for every request, but a login without a request (the test
    client's `client.login`) passes on to ModelBackend instead of failing. Login through the
    pages still goes through Axes, and the lockout tests use the pages."""

    def authenticate(self, request, *args, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, *args, **kwargs)
