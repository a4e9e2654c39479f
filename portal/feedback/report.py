"""The editors' report: answers per page (yes, no, comments), one page's answers, and the
export of all answers. Read in a fixed number of queries, however many pages have answers."""

from django.db.models import Count, Q
from django.utils import timezone

from portal.export import Sheet

from .models import PageFeedback

HEADER = ["Side", "Adresse", "Tidspunkt", "Nyttig", "Kommentar"]


def page_summaries() -> list[dict]:
    from wagtail.models import Page

    counts = list(
        PageFeedback.objects.values("page")
        .annotate(
            yes=Count("pk", filter=Q(helpful=True)),
            no=Count("pk", filter=Q(helpful=False)),
            comments=Count("pk", filter=~Q(comment="")),
        )
        .order_by()
    )
    pages = Page.objects.in_bulk([row["page"] for row in counts])
    rows = []
    for row in counts:
        page = pages.get(row["page"])
        if page is None:
            continue
        total = row["yes"] + row["no"]
        rows.append(
            {
                "page": page,
                "yes": row["yes"],
                "no": row["no"],
                "total": total,
                "comments": row["comments"],
                "share_yes": round(100 * row["yes"] / total) if total else 0,
            }
        )
    # The pages with most «Nei» first: those are the ones to improve.
    rows.sort(key=lambda r: (-r["no"], -r["total"], r["page"].title))
    return rows


def answer_rows(page=None):
    answers = PageFeedback.objects.select_related("page").order_by("page__path", "-created_at")
    if page is not None:
        answers = answers.filter(page=page)
    for answer in answers:
        yield [
            answer.page.title,
            answer.page.url,
            timezone.localtime(answer.created_at).strftime("%d.%m.%Y %H:%M"),
            "Ja" if answer.helpful else "Nei",
            answer.comment,
        ]


def summary_sheet(summaries) -> Sheet:
    rows = [["Side", "Ja", "Nei", "Andel ja (%)", "Kommentarer"]]
    rows += [[s["page"].title, s["yes"], s["no"], s["share_yes"], s["comments"]] for s in summaries]
    return Sheet("Per side", rows, widths={"A": 50}, freeze="A2")


def answers_sheet() -> Sheet:
    return Sheet(
        "Svar", [HEADER, *answer_rows()], widths={"A": 40, "B": 40, "C": 18, "E": 80}, freeze="A2"
    )
