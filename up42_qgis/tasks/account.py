"""Who am I: the signed-in account, its workspace and credit balance, off the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..api.errors import AuthenticationError, CancelledError
from ..api.models import Account
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client

log = logging.getLogger("up42_qgis.tasks")


@dataclass(frozen=True)
class AccountSummary:
    account: Account
    balance: float | None  # None: UP42 did not say (or the call failed)


class AccountTask(Up42Task):
    """``result`` is an AccountSummary. Signing in (userinfo) decides success; the balance is
    a nicety: when reading it fails for another reason than the sign-in, it is None."""

    def __init__(self, client: Up42Client) -> None:
        super().__init__(tr("UP42: reading the account"))
        self.client = client

    def work(self) -> AccountSummary:
        account = self.client.account()
        self.check_cancelled()
        try:
            balance = self.client.credits_balance()
        except (AuthenticationError, CancelledError):
            raise
        except Exception as error:  # the balance is shown as unknown, the account stands
            log.info("reading the credit balance failed: %s", error)
            balance = None
        return AccountSummary(account, balance)
