"""Manage the Ed25519 keys that sign Open Badges credentials.

  credential_keys            list the keys (the first one signs)
  credential_keys --create   make the first key if there is none (embedded profile; `make run` does this)
  credential_keys --rotate   put a new signing key first; older keys keep verifying what they signed
  credential_keys --retire=THUMBPRINT
                             stop publishing an old key (credentials it signed no longer verify)

With CREDENTIAL_KEYS set in the environment (scale-out), nothing is written: the new key set is printed for
the operator to put in CREDENTIAL_KEYS on every node."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certificates import keys


class Command(BaseCommand):
    help = "List, create, rotate or retire the keys that sign Open Badges credentials."
    requires_system_checks = []  # the check warns about missing keys, which this command makes

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--create", action="store_true", help="Create a first key if none exists.")
        action.add_argument("--rotate", action="store_true", help="Add a new signing key before the others.")
        action.add_argument(
            "--retire",
            metavar="THUMBPRINT",
            help="Remove a key that no longer signs (write --retire=THUMBPRINT: a thumbprint may start with '-').",
        )

    def handle(self, *args, create=False, rotate=False, retire=None, **options):
        current = [key.private_jwk() for key in keys.all_keys()]
        if create:
            if current:
                self.stdout.write("A signing key exists already; nothing to do.")
                return
            self._save([keys.new_private_jwk()])
        elif rotate:
            self._save([keys.new_private_jwk(), *current])
        elif retire:
            remaining = [jwk for jwk in current if keys.thumbprint(jwk) != retire]
            if len(remaining) == len(current):
                raise CommandError(f"No key with thumbprint {retire}.")
            if keys.thumbprint(current[0]) == retire:
                raise CommandError("That key signs new credentials: rotate first, then retire it.")
            self._save(remaining)
        else:
            if not current:
                raise CommandError("No signing key: run `manage.py credential_keys --create`.")
        for position, key in enumerate(keys.all_keys()):
            role = "signs and verifies" if position == 0 else "verifies only"
            self.stdout.write(f"{key.thumbprint}  {role}")

    def _save(self, private_jwks):
        if settings.CREDENTIAL_KEYS:
            self.stdout.write("CREDENTIAL_KEYS is set: put this value in it on every node, then restart:")
            self.stdout.write(json.dumps({"keys": private_jwks}, separators=(",", ":")))
            raise SystemExit(0)
        keys.write_key_file(settings.CREDENTIAL_KEYS_FILE, private_jwks)
        self.stdout.write(f"Wrote {settings.CREDENTIAL_KEYS_FILE}")
