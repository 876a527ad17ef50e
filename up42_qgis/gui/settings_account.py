"""The account typed into the settings page's sign-in form, kept until the user presses OK.

Nothing is written to the QGIS auth DB before ``apply()``: Cancel on the Options dialog leaves
every configuration as it was. On OK the account becomes a NEW Basic configuration, unless the
configuration the user selected in the page is a Basic one for the same user name: then only
that one gets the new password. No other configuration is ever touched (a second UP42 account,
or the one ``make run`` made, stays as it is).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..api.endpoints import Credentials
from ..bridge.credentials import BASIC_METHOD, CredentialStoreError, store_credentials
from ..i18n import tr

SIGN_IN_CONFIG_PREFIX = "UP42"


@dataclass(frozen=True)
class PendingAccount:
    """E-mail and password from the form; ``target`` the selected config to update, or None
    for a new configuration named ``name``."""

    username: str
    password: str
    target: str | None
    name: str

    @property
    def credentials(self) -> Credentials:
        return Credentials(self.username, self.password)

    def describe(self) -> str:
        if self.target:
            return tr(
                "When you press OK, the password of “{name}” will be updated (the selected "
                "configuration). Nothing is saved before that."
            ).format(name=self.name)
        return tr(
            "When you press OK, the account {email} will be saved as a new authentication "
            "configuration “{name}”. Nothing is saved before that."
        ).format(email=self.username, name=self.name)

    def store(self) -> str:
        """Writes it to the auth DB (on OK); returns the config id."""
        return store_credentials(
            self.username, self.password, name=self.name, authcfg=self.target
        )


def pending_account(username: str, password: str, selected: str | None) -> PendingAccount:
    """What OK will do with the form's account; CredentialStoreError when a field is empty."""
    username = username.strip()
    if not username or not password:
        raise CredentialStoreError(tr("Enter both the e-mail address and the password."))
    config = _basic_config(selected)
    if config is not None and config.config("username", "").strip().lower() == username.lower():
        return PendingAccount(username, password, config.id(), config.name())
    return PendingAccount(username, password, None, _free_name(username))


def _basic_config(authcfg: str | None) -> QgsAuthMethodConfig | None:
    if not authcfg:
        return None
    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    if not manager.loadAuthenticationConfig(authcfg, config, True):
        return None
    return config if config.method() == BASIC_METHOD else None


def _free_name(username: str) -> str:
    """"UP42 (email)", or "UP42 (email) 2", … when a configuration has that name already."""
    manager = QgsApplication.authManager()
    taken = {config.name() for config in manager.availableAuthMethodConfigs().values()}
    base = f"{SIGN_IN_CONFIG_PREFIX} ({username})"
    name, number = base, 1
    while name in taken:
        number += 1
        name = f"{base} {number}"
    return name
