"""Test connection: sign in and read the account, off the GUI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..api.models import Account
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


class TestConnectionTask(Up42Task):
    """Signs in with ``client`` and returns the Account.

    The settings page passes a fresh client (``ClientProvider.build_client``), not the shared
    one: it proves the credentials as the form shows them now, not a token cached from before
    the user changed them, and ``owns_client`` closes it afterwards (never the shared one).
    """

    __test__ = False  # not a pytest test class despite the name

    def __init__(self, client: Up42Client, owns_client: bool = False) -> None:
        super().__init__(tr("UP42: testing the connection"), can_cancel=True)
        self.client = client
        self._owns_client = owns_client

    def work(self) -> Account:
        try:
            self.check_cancelled()
            account = self.client.account()
        finally:
            if self._owns_client:
                self.client.close()
        self.setProgress(100)
        return account
