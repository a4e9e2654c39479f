"""`manage.py erase_person --email …`: erase a person for an operator (the same rule as the
admin's «Slett person»; members/privacy.py)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from network.members.privacy import erase_person, find_person


class Command(BaseCommand):
    help = (
        "Sletter alt portalen har om en person under en e-postadresse: brukerkonto med "
        "medlemskap og innlogginger, oppføring som kontaktperson med alle versjoner, og "
        "påmeldinger til møter (kommende avmeldes, tidligere slettes). Det personen har "
        "registrert for en kommune, blir stående uten navnet."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True, help="Personens e-postadresse.")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vis hva som ville blitt slettet, uten å slette noe.",
        )

    def handle(self, *args, email, dry_run=False, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError:
            raise CommandError(f"«{email}» er ikke en gyldig e-postadresse.") from None
        # An operator may erase any account, administrators included.
        records = find_person(email, may_erase_admins=True)
        if not records.erasable:
            self.stdout.write(f"Portalen har ingenting lagret under {email}.")
            return
        for line in records.summary():
            self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write("Prøvekjøring: ingenting er slettet.")
            return
        erase_person(records)
        self.stdout.write(self.style.SUCCESS(f"Slettet personopplysningene under {email}."))
