"""Removes a user's authenticator app and recovery codes, for a lost phone when no
administrator can log in to do it in the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.twofactor import devices


class Command(BaseCommand):
    help = "Tilbakestill totrinnsbekreftelsen til en bruker (brukernavn eller e-post)."

    def add_arguments(self, parser):
        parser.add_argument("user", help="Brukernavn eller e-postadresse")

    def handle(self, *args, **options):
        model = get_user_model()
        name = options["user"].strip()
        users = model.objects.filter(**{model.USERNAME_FIELD: name})
        if not users.exists():
            users = model.objects.filter(email__iexact=name)
        if users.count() != 1:
            raise CommandError(f"Fant ingen entydig bruker «{name}».")
        user = users.get()
        count = devices.reset(user)
        self.stdout.write(
            f"Totrinnsbekreftelsen til {user.get_username()} er tilbakestilt "
            f"({count} enheter fjernet). Brukeren setter opp en ny app ved neste innlogging."
        )
