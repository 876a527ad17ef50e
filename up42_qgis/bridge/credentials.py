"""The UP42 account in the QGIS authentication database (a Basic config: user name and password).

QgsSettings keeps only the config's id. Headless runs without a configured id may take the
account from ``UP42_USERNAME``/``UP42_PASSWORD`` instead.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsAuthMethodConfig

from ..api.endpoints import Credentials, credentials_from_env
from ..api.errors import AuthenticationError
from ..i18n import tr

BASIC_METHOD = "Basic"


class CredentialStoreError(AuthenticationError):
    """The auth database refused to store or read the account (e.g. no master password)."""


def store_credentials(
    username: str, password: str, name: str = "UP42", authcfg: str | None = None
) -> str:
    """Save the account as a Basic auth config and return its id.

    With ``authcfg`` the existing config is updated in place (its id stays valid); without,
    a new config is created.
    """
    username = username.strip()
    if not username or not password:
        raise CredentialStoreError(tr("Enter both the e-mail address and the password."))
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig(BASIC_METHOD)
    if authcfg:
        if not manager.loadAuthenticationConfig(authcfg, config, True):
            raise CredentialStoreError(
                tr("The authentication configuration {id} could not be read.").format(id=authcfg)
            )
        if config.method() != BASIC_METHOD:
            raise CredentialStoreError(
                tr("The authentication configuration {id} is not a Basic one.").format(id=authcfg)
            )
    config.setName(name)
    config.setConfig("username", username)
    config.setConfig("password", password)
    config.setConfig("realm", "")
    stored = (
        manager.updateAuthenticationConfig(config)
        if authcfg
        else manager.storeAuthenticationConfig(config)
    )
    if not stored or not config.id():
        raise CredentialStoreError(
            tr(
                "QGIS could not save the account in its authentication database. "
                "Check that the master password is set."
            )
        )
    return config.id()


def load_credentials(authcfg: str | None) -> Credentials | None:
    """The account of ``authcfg``; without one, the ``UP42_USERNAME``/``UP42_PASSWORD`` pair.

    None when nothing usable is configured. A configured id that is missing, not Basic, or
    empty is reported as None too: the caller says "no account configured".
    """
    if not authcfg:
        return credentials_from_environment()
    config = QgsAuthMethodConfig()
    if not QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, True):
        return None
    if config.method() != BASIC_METHOD:
        return None
    username = config.config("username", "").strip()
    password = config.config("password", "")
    if not username or not password:
        return None
    return Credentials(username, password)


def configured_username(authcfg: str | None) -> str:
    """The user name alone (for labels); empty when there is none."""
    credentials = load_credentials(authcfg)
    return credentials.username if credentials else ""


def credentials_from_environment() -> Credentials | None:
    """``UP42_USERNAME``/``UP42_PASSWORD`` (read by the api layer, the one place for them)."""
    return credentials_from_env()
