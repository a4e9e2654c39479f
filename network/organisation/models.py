"""Who is in the network: municipalities, cohorts, contact persons, and the memberships that
tie a user account to a municipality.

Membership lives here, beside the municipalities, because every room's access rule reads it
(organisation/access.py); the accounts, invitations and marks of members are in members/.
"""

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.images import get_image_model
from wagtail.models import LockableMixin, ModelLogEntry, RevisionMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from network.choices import ContactRole, MemberRole, OrganisationType
from portal.text import norwegian_slug


class Municipality(index.Indexed, models.Model):
    name = models.CharField("navn", max_length=100)
    slug = models.SlugField(
        "adressenavn",
        max_length=100,
        unique=True,
        help_text="Brukes i adressen til kommunesiden, for eksempel «vefsn». Uten æ, ø og å.",
    )
    number = models.CharField(
        "kommunenummer",
        max_length=4,
        unique=True,
        help_text="Fire sifre, som i Kartverkets og SSBs register.",
    )
    sami_name = models.CharField(
        "samisk parallellnavn",
        max_length=100,
        blank=True,
        help_text="Offisielt samisk navn, der kommunen har et.",
    )
    website = models.URLField("nettsted", blank=True)
    note = models.CharField(
        "merknad",
        max_length=255,
        blank=True,
        help_text="For eksempel at kommunen heter noe annet i nasjonale lister.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("number"),
        FieldPanel("sami_name"),
        FieldPanel("website"),
        FieldPanel("note"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("sami_name"),
        index.AutocompleteField("name"),
        index.FilterField("number"),
    ]

    class Meta:
        verbose_name = "kommune"
        verbose_name_plural = "kommuner"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = norwegian_slug(self.name)
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        """The name with the Sami parallel name, as the municipality writes it."""
        return f"{self.name} – {self.sami_name}" if self.sami_name else self.name


class Cohort(models.Model):
    name = models.CharField("navn", max_length=100, help_text="For eksempel «Pulje 1».")
    slug = models.SlugField("adressenavn", max_length=100, unique=True)
    year = models.PositiveSmallIntegerField("år")
    programme = models.CharField(
        "program",
        max_length=200,
        help_text="Programmet puljen hører til, for eksempel «Felles kompetanseløft …».",
    )
    description = models.TextField("beskrivelse", blank=True)
    municipalities = models.ManyToManyField(
        Municipality, verbose_name="kommuner", related_name="cohorts", blank=True
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("year"),
        FieldPanel("programme"),
        FieldPanel("description"),
        FieldPanel("municipalities", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        verbose_name = "pulje"
        verbose_name_plural = "puljer"
        ordering = ["year", "name"]

    def __str__(self) -> str:
        return f"{self.name} {self.year}"


class ContactPersonQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """Only the persons who agreed to be shown on the public site."""
        return self.filter(publish=True)

    def visible(self, include_unpublished: bool):
        """Everybody for readers who may see unpublished persons (access.visible_contacts
        decides who that is), otherwise the published only."""
        return self if include_unpublished else self.published()

    def with_details(self):
        """With what a contact card shows, in a fixed number of queries: the photos come
        with all their renditions (the card's AVIF, WebP and JPEG sizes) in two queries,
        and in none when no person shown has a photo."""
        photos = Prefetch("photo", queryset=get_image_model().objects.prefetch_renditions())
        return self.select_related("municipality").prefetch_related(
            photos,
            *(
                Prefetch(name, queryset=live_pages_of(name).order_by("path"))
                for name in ("rollouts", "htm_areas")
            ),
        )


def live_pages_of(relation: str):
    """The live, public pages a contact person's page relation may point at (rollouts,
    HTM areas): read from the relation itself, so this module need not import those apps."""
    return ContactPerson._meta.get_field(relation).related_model.objects.live().public()


# What the admin's history shows for a person who has been deleted: the name is gone.
ERASED_CONTACT_LABEL = "Slettet kontaktperson"
ERASED_USER_LABEL = "Slettet bruker"


def forget_log_entries(model, pks, label: str) -> int:
    """Replace the name in the admin's history of these objects with a neutral label.

    Wagtail copies an object's name into every log entry about it; after an erasure the
    entries stay (what was done, and when) but no longer say who it was about."""
    if not pks:
        return 0
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    return ModelLogEntry.objects.filter(
        content_type=content_type, object_id__in=[str(pk) for pk in pks]
    ).update(label=label, data={})


class ContactPerson(LockableMixin, RevisionMixin, index.Indexed, models.Model):
    """A contact person of the network. Personal data: shown publicly only with consent.

    Every save in the admin is kept as a revision (who and when, with the consent field), so
    the history shows when consent was given or withdrawn and by whom it was recorded.
    Consent takes effect on save, as before: no draft step stands between withdrawing
    consent and the person disappearing from the public site."""

    name = models.CharField("navn", max_length=150)
    role = models.CharField("rolle", max_length=40, choices=ContactRole.choices)
    title = models.CharField(
        "stillingstittel", max_length=150, blank=True, help_text="Valgfri, for eksempel «Rådgiver»."
    )
    organisation_type = models.CharField(
        "organisasjonstype",
        max_length=30,
        choices=OrganisationType.choices,
        default=OrganisationType.MUNICIPALITY,
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name="kommune",
        null=True,
        blank=True,
        # A municipality with contact persons is not deleted by accident.
        on_delete=models.PROTECT,
        related_name="contact_persons",
        help_text="Fyll ut når personen arbeider i en kommune.",
    )
    organisation_name = models.CharField(
        "organisasjon",
        max_length=150,
        blank=True,
        help_text="Navnet på organisasjonen når det ikke er en kommune, for eksempel "
        "«Helgelandssykehuset».",
    )
    email = models.EmailField("e-post", blank=True)
    phone = models.CharField("telefon", max_length=40, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="bilde",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Valgfritt. Bruk bare bilde personen har godkjent.",
    )
    rollouts = models.ManyToManyField(
        "network.RolloutPage",
        verbose_name="ansvar for innføringsløp",
        blank=True,
        related_name="contact_persons",
    )
    htm_areas = models.ManyToManyField(
        "htm.TaskAreaPage",
        verbose_name="ansvar for oppgaveområder i HTM",
        blank=True,
        related_name="contact_persons",
        help_text="Oppgaveområder i Helhetlig tjenestemodell personen kan svare på.",
    )
    regional_team = models.BooleanField(
        "med i det regionale teamet",
        default=False,
        help_text="Vises under «Regionalt team» på siden Nettverket.",
    )
    publish = models.BooleanField(
        "samtykker til publisering",
        default=False,
        help_text="Kryss av bare når personen har samtykket. Uten samtykke vises personen "
        "bare for innloggede medlemmer av nettverket.",
    )

    objects = ContactPersonQuerySet.as_manager()
    # Deleting a person deletes their revisions too (they hold the name and contact details).
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="contactperson")

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldPanel("organisation_type"),
                FieldPanel("municipality"),
                FieldPanel("organisation_name"),
            ],
            heading="Arbeidssted",
        ),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("photo"),
        FieldPanel("rollouts", widget=forms.CheckboxSelectMultiple),
        FieldPanel("htm_areas"),
        FieldPanel("regional_team"),
        FieldPanel("publish"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("title"),
        index.SearchField("organisation_name"),
        index.FilterField("publish"),
        index.FilterField("role"),
        index.FilterField("regional_team"),
    ]

    class Meta:
        verbose_name = "kontaktperson"
        verbose_name_plural = "kontaktpersoner"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(organisation_type="kommune") | Q(municipality__isnull=False),
                name="contact_person_municipality_when_kommune",
                violation_error_message="Velg kommunen personen arbeider i.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"

    @property
    def revisions(self):
        return self._revisions

    @property
    def organisation(self) -> str:
        """Where the person works, as shown to readers (needs municipality selected)."""
        if self.municipality_id and self.organisation_type == OrganisationType.MUNICIPALITY:
            return f"{self.municipality.name} kommune"
        return self.organisation_name or self.get_organisation_type_display()


class Membership(models.Model):
    """A user (a front-end account, not an editor) in a municipality, with a role in it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="bruker",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name="kommune",
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        "rolle",
        max_length=30,
        choices=MemberRole.choices,
        default=MemberRole.MEMBER,
        help_text="Kommunekoordinatoren kan også oppdatere kommunens status i HTM og i "
        "innføringsløpene.",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="invitert av",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("opprettet", auto_now_add=True)

    panels = [FieldPanel("user"), FieldPanel("municipality"), FieldPanel("role")]

    class Meta:
        verbose_name = "medlemskap"
        verbose_name_plural = "medlemskap"
        ordering = ["municipality__name", "user__last_name", "user__first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"],
                name="one_membership_per_user_and_municipality",
                violation_error_message="Brukeren er allerede medlem for denne kommunen.",
            )
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} – {self.municipality} ({self.get_role_display()})"

    @property
    def is_coordinator(self) -> bool:
        return self.role == MemberRole.COORDINATOR


# Deleting a person, in any way (the admin, a bulk action, erasure), removes their name from
# the admin's history; the entries themselves stay. A contact person's revisions go with them
# (the GenericRelation above).


@receiver(post_delete, sender=ContactPerson)
def forget_deleted_contact_person(sender, instance, **kwargs):
    forget_log_entries(ContactPerson, [instance.pk], ERASED_CONTACT_LABEL)


@receiver(post_delete, sender=Membership)
def forget_deleted_membership(sender, instance, **kwargs):
    forget_log_entries(Membership, [instance.pk], ERASED_USER_LABEL)


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def forget_deleted_user(sender, instance, **kwargs):
    forget_log_entries(sender, [instance.pk], ERASED_USER_LABEL)
