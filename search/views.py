"""The search page (/sok/) and the title suggestions behind the search field
(/sok/?format=forslag&q=…, JSON)."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

from .engine import MIN_QUERY_LENGTH, SiteSearch, clean_query, search_terms
from .popular import approved_popular_queries, log_search, may_log

SUGGESTIONS_PER_SOURCE = 5
MAX_SUGGESTIONS = 8
# Parameters the page reads; anything else in the address is ignored.
PARAMETERS = ("q", "type", "tag", "htm", "page", "format")
MAX_PARAMETER_LENGTH = 200


def first_values(query_dict) -> dict:
    """One clean value per parameter: the first when repeated, cut to a sane length, with
    control characters (NUL among them) removed, so odd addresses give a normal page."""
    values = {}
    for name in PARAMETERS:
        raw = query_dict.getlist(name)
        if raw:
            values[name] = clean_query(raw[0])[:MAX_PARAMETER_LENGTH]
    return values


@require_GET
def search(request):
    """Full-text search across pages, published contact persons and documents.

    The query stays in the field; filters and page numbers are plain GET parameters, so the
    page works without JavaScript. Bad parameters (?page=abc, ?type=nonsense) are ignored.
    """
    params = first_values(request.GET)
    if params.get("format") == "forslag":
        return suggest(request, params)
    engine = SiteSearch(request)
    outcome = engine.run(params.get("q", ""), params)
    new_search = outcome.results is not None and not outcome.filtered
    if (
        new_search
        and params.get("page", "1") == "1"
        and may_log(request, outcome.query, outcome.found_people)
    ):
        # Counted once per search (not per page or filter): Wagtail's «Populære søk» report.
        log_search(outcome.query)
    context = {
        "search_query": outcome.query,
        "search_params": params,
        "outcome": outcome,
        "results": outcome.results,
    }
    if outcome.query and not outcome.too_short and not outcome.total and not outcome.promotions:
        context["popular_queries"] = approved_popular_queries(exclude=outcome.query)
    return TemplateResponse(request, "search/search.html", context)


def suggest(request, params):
    """Titles that start like what is typed, for the autocomplete list (JSON)."""
    query = params.get("q", "")
    terms = search_terms(query)
    results = []
    if len("".join(terms)) >= MIN_QUERY_LENGTH:
        engine = SiteSearch(request)
        text = " ".join(terms)
        for page in (
            engine.pages().only("id", "title", "url_path", "path", "locale").autocomplete(text)
        )[:SUGGESTIONS_PER_SOURCE]:
            url = page.get_url(request)
            if url:
                results.append({"title": page.title, "url": url, "type": "Side"})
        for document in (
            engine.documents().defer("extracted_text").autocomplete(text)[:SUGGESTIONS_PER_SOURCE]
        ):
            results.append({"title": document.title, "url": document.url, "type": "Materiell"})
    response = JsonResponse({"query": query, "results": results[:MAX_SUGGESTIONS]})
    response["Cache-Control"] = "private, max-age=60"
    return response
