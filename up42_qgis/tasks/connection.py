"""Test connection: sign in and read the account, off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..api.models import Account
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


class TestConnectionTask(Up42Task):
    """Signs in with the given client (or the provider's) and returns the Account.

    ``client_factory`` runs on the worker thread: building a client reads the auth DB, and a
    fresh client (not the shared one) proves the credentials as they are now, not a token
    cached from before the user changed them.
    """

    __test__ = False  # not a pytest test class despite the name

    def __init__(self, client_factory: Callable[[], Up42Client], owns_client: bool = False) -> None:
        super().__init__(tr("UP42: testing the connection"), can_cancel=True)
        self._client_factory = client_factory
        self._owns_client = owns_client  # close a throw-away client, never the shared one

    def work(self) -> Account:
        client = self._client_factory()
        try:
            self.check_cancelled()
            account = client.account()
        finally:
            if self._owns_client:
                client.close()
        self.setProgress(100)
        return account
