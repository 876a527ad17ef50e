"""The dock's header, "who am I": the signed-in account, its workspace and credit balance, or
a clear state when nobody is signed in or the sign-in fails. It reads again whenever the
account changes (the settings page's OK, the auth DB), so a message never outlives its cause,
and after an order is fulfilled (credits are charged then)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsApplication
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ..api.errors import AuthenticationError, CancelledError
from ..bridge.clients import NotConfiguredError
from ..i18n import tr
from ..settings import SettingsStore
from ..tasks.account import AccountSummary, AccountTask
from ..tasks.base import Up42Task
from ..toolbelt import colours
from ..toolbelt.formatting import format_credits
from ..toolbelt.messages import error_text
from ..toolbelt.plain_text import tooltip

if TYPE_CHECKING:
    from ..context import PluginContext

SETTINGS_PAGE = "Up42SettingsPage"  # the options page's object name


def sentence(text: str) -> str:
    """``text`` ending like a sentence (servers' messages often have no full stop)."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else f"{text}."


def short_id(value: str) -> str:
    return value[:8] if len(value) > 12 else value


class AccountHeader(QWidget):
    """``state`` is one of "loading", "signed_in", "signed_out", "failed"."""

    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42AccountHeader")
        self.context = context
        self.state = "loading"
        self.summary: AccountSummary | None = None
        self._generation = 0
        self._task: Up42Task | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(0)
        top = QHBoxLayout()
        top.setSpacing(4)
        self.icon = QLabel(self)
        self.icon.setFixedSize(16, 16)
        self.account_label = QLabel(self)
        self.account_label.setObjectName("Up42AccountName")
        self.account_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.account_label.font()
        font.setBold(True)
        self.account_label.setFont(font)
        self.account_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("Up42AccountBalance")
        self.balance_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refresh_button = QToolButton(self)
        self.refresh_button.setObjectName("Up42AccountRefresh")
        self.refresh_button.setIcon(QgsApplication.getThemeIcon("/mActionRefresh.svg"))
        self.refresh_button.setToolTip(tr("Read the account and the credit balance again"))
        self.refresh_button.setAutoRaise(True)
        self.settings_button = QToolButton(self)
        self.settings_button.setObjectName("Up42AccountSettings")
        self.settings_button.setIcon(QgsApplication.getThemeIcon("/mActionOptions.svg"))
        self.settings_button.setToolTip(tr("UP42 account and settings (Settings ▸ Options ▸ UP42)"))
        self.settings_button.setAutoRaise(True)
        top.addWidget(self.icon)
        top.addWidget(self.account_label, 1)
        top.addWidget(self.balance_label)
        top.addWidget(self.refresh_button)
        top.addWidget(self.settings_button)
        layout.addLayout(top)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("Up42AccountDetail")
        self.detail_label.setTextFormat(Qt.TextFormat.PlainText)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detail_label)

        self.refresh_button.clicked.connect(self.refresh)
        self.settings_button.clicked.connect(self.open_settings)
        context.clients.changed.connect(self.refresh)
        context.tracker.order_fulfilled.connect(self._order_fulfilled)
        self.refresh()

    # --- reading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reads the account again; an answer for an earlier account is dropped."""
        if sip.isdeleted(self):
            return
        self._generation += 1
        generation = self._generation
        missing = self._missing_account()
        if missing is not None:  # no account: said here, no task, no log noise
            self._task = None
            self._signed_out(missing)
            return
        if self.summary is None:
            self._show("loading", tr("Signing in…"), "", "")
        self.refresh_button.setEnabled(False)
        self._task = self.context.start(
            AccountTask, lambda task: self._on_read(task, generation)
        )

    def _missing_account(self) -> NotConfiguredError | None:
        """Why there is no account, read on the main thread like every task's client."""
        try:
            self.context.clients.configuration()
        except NotConfiguredError as error:
            return error
        except Exception:  # a bad custom origin, …: the task fails with it and says so
            return None
        return None

    def _order_fulfilled(self, _order: object) -> None:
        if self.state == "signed_in":
            self.refresh()

    def _on_read(self, task: Up42Task, generation: int) -> None:
        if sip.isdeleted(self) or generation != self._generation:
            return
        self._task = None
        self.refresh_button.setEnabled(True)
        error = task.error
        if task.was_cancelled or isinstance(error, CancelledError):
            return
        if isinstance(error, NotConfiguredError):
            self._signed_out(error)
        elif isinstance(error, AuthenticationError):
            self.summary = None
            self._show(
                "failed",
                tr("Sign-in failed"),
                "",
                tr(
                    "UP42 refused the sign-in: {error} Correct the e-mail or password under "
                    "Settings ▸ Options ▸ UP42."
                ).format(error=sentence(str(error))),
            )
        elif error is not None or task.result is None:
            self._show(
                "failed",
                self.account_label.text() if self.summary else tr("Not connected"),
                self.balance_label.text() if self.summary else "",
                error_text(error) if error else tr("No answer."),
            )
        else:
            self._show_summary(task.result)

    # --- display -----------------------------------------------------------------------------
    def _signed_out(self, error: Exception) -> None:
        self.summary = None
        self.refresh_button.setEnabled(True)
        configured = self._configured_id()
        detail = (
            str(error)  # an account is chosen but cannot be read: say which and why
            if configured
            else tr("Sign in to search, order and download: Settings ▸ Options ▸ UP42.")
        )
        self._show("signed_out", tr("Not signed in"), "", detail, error=bool(configured))

    @staticmethod
    def _configured_id() -> str:
        return SettingsStore.load().authcfg

    def _show_summary(self, summary: AccountSummary) -> None:
        self.summary = summary
        account = summary.account
        who = account.email or account.name or tr("unknown user")
        balance = (
            tr("{credits} credits").format(credits=format_credits(summary.balance))
            if summary.balance is not None
            else ""
        )
        workspace = tr("Workspace {id}").format(id=short_id(account.workspace_id))
        self._show("signed_in", who, balance, workspace, error=False)
        tooltip = "\n".join(
            part
            for part in (
                account.name if account.name and account.name != who else "",
                account.email,
                tr("Workspace {id}").format(id=account.workspace_id),
                "" if summary.balance is not None else tr("Credit balance unknown"),
            )
            if part
        )
        self.setToolTip(tooltip)

    def _show(self, state: str, who: str, balance: str, detail: str, error: bool = True) -> None:
        self.state = state
        self.account_label.setText(who)
        self.account_label.setToolTip(tooltip(who))
        self.balance_label.setText(balance)
        self.balance_label.setVisible(bool(balance))
        self.balance_label.setToolTip(tr("Credit balance of the account"))
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        alarming = state == "failed" or (state == "signed_out")
        self.detail_label.setStyleSheet(
            colours.ERROR_STYLE if error and alarming else f"color: {colours.MUTED};"
        )
        icon = {
            "signed_in": "/mIconSuccess.svg",
            "failed": "/mIconWarning.svg",
            "signed_out": "/mIconInfo.svg",
        }.get(state)
        if icon:
            self.icon.setPixmap(QgsApplication.getThemeIcon(icon).pixmap(16, 16))
        else:
            self.icon.clear()
        # Signed out or refused: the way to fix it is a labelled button, not just a wrench.
        needs_sign_in = state in ("signed_out", "failed") and self.summary is None
        self.settings_button.setText(tr("Sign in…") if needs_sign_in else "")
        self.settings_button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if needs_sign_in
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        self.setToolTip("")

    def text(self) -> str:
        """Everything the header says, for tests and screen readers."""
        parts = (self.account_label.text(), self.balance_label.text(), self.detail_label.text())
        return " · ".join(p for p in parts if p)

    def open_settings(self) -> None:
        iface = self.context.iface
        if iface is not None:
            iface.showOptionsDialog(iface.mainWindow(), currentPage=SETTINGS_PAGE)
