from wagtail import hooks

SERVED_PAGE = "_pagecache_page"


@hooks.register("before_serve_page")
def note_served_page(page, request, serve_args, serve_kwargs):
    """The page a response shows: only such responses are stored (middleware.py), tagged
    with the page and its children (tags.py)."""
    setattr(request, SERVED_PAGE, page)
