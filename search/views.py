"""The search page (/sok/) and the title suggestions behind the search field
(/sok/?format=forslag&q=…, JSON)."""

from datetime import timedelta

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from wagtail.contrib.search_promotions.models import Query

from .engine import MIN_QUERY_LENGTH, SiteSearch, clean_query, search_terms

POPULAR_DAYS = 30
POPULAR_COUNT = 6
SUGGESTIONS_PER_SOURCE = 5
MAX_SUGGESTIONS = 8


@require_GET
def search(request):
    """Full-text search across pages, published contact persons and documents.

    The query stays in the field; filters and page numbers are plain GET parameters, so the
    page works without JavaScript. Bad parameters (?page=abc, ?type=nonsense) are ignored.
    """
    if request.GET.get("format") == "forslag":
        return suggest(request)
    engine = SiteSearch(request)
    outcome = engine.run(request.GET.get("q", ""), request.GET)
    new_search = outcome.results is not None and not outcome.filtered
    if new_search and request.GET.get("page", "1") == "1" and len(outcome.query) <= 100:
        # Counted once per search (not per page or filter): Wagtail's «Populære søk» report.
        Query.get(outcome.query).add_hit()
    context = {"search_query": outcome.query, "outcome": outcome, "results": outcome.results}
    if outcome.query and not outcome.too_short and not outcome.total and not outcome.promotions:
        context["popular_queries"] = popular_queries(exclude=outcome.query)
    return TemplateResponse(request, "search/search.html", context)


def popular_queries(exclude: str = "") -> list[str]:
    since = timezone.now().date() - timedelta(days=POPULAR_DAYS)
    queries = Query.get_most_popular(date_since=since).exclude(query_string=exclude.lower())
    return [query.query_string for query in queries[:POPULAR_COUNT]]


def suggest(request):
    """Titles that start like what is typed, for the autocomplete list (JSON)."""
    query = clean_query(request.GET.get("q", ""))
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
