"""Every fixed list of choices in the network app, in one place."""

from django.db import models


class ContactRole(models.TextChoices):
    REGIONAL_CONTACT = "regional-kontaktperson", "Regional kontaktperson e-helse"
    CONTACT = "kontaktperson-e-helse", "Kontaktperson e-helse"
    ROLLOUT_LEAD = "innforingsleder", "Innføringsleder"
    NETWORK_RESOURCE = "nettverksressurs", "Nettverksressurs e-helse"
    COORDINATION_GROUP = "koordineringsgruppen", "Representant i koordineringsgruppen"
    ADVISER = "radgiver", "Rådgiver"


class OrganisationType(models.TextChoices):
    MUNICIPALITY = "kommune", "Kommune"
    KS = "ks", "KS"
    NHN = "nhn", "Norsk helsenett"
    HDIR = "helsedirektoratet", "Helsedirektoratet"
    USHT = "usht", "USHT"
    HEALTH_TRUST = "helseforetak", "Helseforetak"
    OTHER = "annen", "Annen organisasjon"


class RolloutOwner(models.TextChoices):
    NHN = "nhn", "Norsk helsenett"
    HDIR = "helsedirektoratet", "Helsedirektoratet"
    KS = "ks", "KS"
    OTHER = "annen", "Annen"


class StatusColour(models.TextChoices):
    """Designsystemet's colour roles. Each is shown with the status's text, never alone;
    the tag colours of Designsystemet meet WCAG AA contrast for their text."""

    NEUTRAL = "neutral", "Grå (nøytral)"
    INFO = "info", "Blå (informasjon)"
    WARNING = "warning", "Gul (pågår)"
    SUCCESS = "success", "Grønn (ferdig)"
    ACCENT = "accent", "Mørkeblå (aksent)"
    DANGER = "danger", "Rød (problem)"


class Scope(models.TextChoices):
    NATIONAL = "nasjonalt", "Nasjonalt"
    REGIONAL = "regionalt", "Regionalt"


class ProjectStatus(models.TextChoices):
    PLANNED = "planlagt", "Planlagt"
    ACTIVE = "pagar", "Pågår"
    FINISHED = "avsluttet", "Avsluttet"


class MeetingFormat(models.TextChoices):
    NATIONAL_THEME = "nasjonalt-temamote", "Nasjonale temamøter"
    REGIONAL_WORK = "regionalt-arbeidsmote", "Regionale arbeidsmøter"
    LOCAL = "lokal-arbeidsgruppe", "Lokale arbeidsgrupper"
    OTHER = "annet", "Annet"


class MeetingType(models.TextChoices):
    FAGDAG = "fagdag", "Fagdag"
    NATIONAL_THEME = "nasjonalt-temamote", "Nasjonalt temamøte"
    REGIONAL_WORK = "regionalt-arbeidsmote", "Regionalt arbeidsmøte"
    NETWORK = "nettverksmote", "Nettverksmøte"
    WORKSHOP = "workshop", "Workshop"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "pameldt", "Påmeldt"
    WAITING = "venteliste", "Venteliste"
    # An anonymous registration until its e-mail address is confirmed: takes no seat.
    PENDING = "venter-bekreftelse", "Venter på bekreftelse"


class MemberRole(models.TextChoices):
    MEMBER = "medlem", "Medlem"
    COORDINATOR = "kommunekoordinator", "Kommunekoordinator"
