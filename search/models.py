"""What the search keeps of its own: editors' synonyms (abbreviations and their long forms)
and, on PostgreSQL, one row per page to search in."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel

from .analysis import words

MAX_ALTERNATIVES = 10


class SearchSynonym(models.Model):
    """A term and what it also goes by («PLL» and «Pasientens legemiddelliste»). A search for
    any of them finds what mentions any of them."""

    term = models.CharField(
        "ord eller forkortelse",
        max_length=100,
        unique=True,
        help_text="For eksempel «PLL».",
    )
    alternatives = models.TextField(
        "betyr det samme som",
        help_text="Ett ord eller uttrykk per linje, for eksempel «Pasientens legemiddelliste». "
        "Et søk på ett av dem finner også treff på de andre.",
    )

    panels = [FieldPanel("term"), FieldPanel("alternatives")]

    class Meta:
        ordering = ["term"]
        verbose_name = "synonym i søket"
        verbose_name_plural = "synonymer i søket"

    def __str__(self):
        return f"{self.term} = {' = '.join(self.alternative_list())}"

    def alternative_list(self) -> list[str]:
        return [line.strip() for line in self.alternatives.splitlines() if line.strip()]

    def expressions(self) -> list[str]:
        return [self.term.strip(), *self.alternative_list()]

    def clean(self):
        super().clean()
        self.term = " ".join(self.term.split())
        errors = {}
        if self.term and not words(self.term):
            errors["term"] = "Skriv et ord eller en forkortelse med bokstaver eller tall."
        alternatives = self.alternative_list()
        if not alternatives:
            errors["alternatives"] = "Skriv minst ett ord eller uttrykk som betyr det samme."
        elif len(alternatives) > MAX_ALTERNATIVES:
            errors["alternatives"] = f"Skriv høyst {MAX_ALTERNATIVES} uttrykk, ett per linje."
        elif any(not words(line) or len(line) > 100 for line in alternatives):
            errors["alternatives"] = (
                "Hver linje må ha bokstaver eller tall og være høyst 100 tegn lang."
            )
        duplicate = SearchSynonym.objects.filter(term__iexact=self.term).exclude(pk=self.pk).first()
        if self.term and duplicate is not None:
            errors["term"] = f"«{duplicate.term}» har allerede synonymer."
        if errors:
            raise ValidationError(errors)
        self.alternatives = "\n".join(alternatives)


class PageRecord(models.Model):
    """A page as the search reads it on PostgreSQL: its index vectors beside the fields a
    result shows and the visibility rules test, in one row per page.

    Searching Wagtail's index means joining every match to the page table by a text id and
    ranking the match in that join; with ten thousand pages, that join was most of a
    search's time. The row is written with the page's index entry (search/backends), and a
    moved or renamed page's subtree is brought up to date (search/signals.py). SQLite
    searches its own full-text table and leaves this one empty.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    content_type_id = models.IntegerField()
    path = models.CharField(max_length=255)
    depth = models.PositiveIntegerField()
    url_path = models.TextField(blank=True)
    locale_id = models.IntegerField()
    live = models.BooleanField()
    title = models.CharField(max_length=255)
    title_norm = models.FloatField(default=1.0)
    title_vector = SearchVectorField()
    body_vector = SearchVectorField()

    class Meta:
        verbose_name = "side i søket"
        verbose_name_plural = "sider i søket"

    def __str__(self):
        return self.title
