"""The fixed lists of choices of the portal app."""

from django.db import models


class TextExtraction(models.TextChoices):
    PENDING = "venter", "Venter"
    DONE = "ferdig", "Tekst hentet ut"
    FAILED = "feilet", "Kunne ikke lese teksten"
    UNSUPPORTED = "ikke-støttet", "Filtypen støttes ikke"
