"""Words that mean the same to the search: abbreviations and their long forms, kept by editors."""

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
