"""The fixed lists of choices of the HTM app."""

from django.db import models


class Responsibility(models.TextChoices):
    RESPONSIBLE = "ansvarlig", "Ansvarlig"
    INVOLVED = "involvert", "Involvert"
