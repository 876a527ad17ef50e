"""The "UP42" page in Settings > Options: region or custom origins, the account, downloads,
polling, and a "Test connection" button that signs in off the GUI thread.

The page saves only in ``apply()`` (QGIS calls it on OK). "Test connection" tests what the
form shows now, saved or not, so a user can check before committing to it.
"""

from __future__ import annotations

from typing import Any

from qgis.gui import (
    QgsAuthConfigSelect,
    QgsFileWidget,
    QgsOptionsPageWidget,
    QgsOptionsWidgetFactory,
    QgsPasswordLineEdit,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Account
from ..bridge.clients import ClientProvider, client_provider
from ..i18n import tr
from ..paths import icon_path
from ..settings import MAX_PARALLEL_DOWNLOADS, PluginSettings, SettingsStore, origin_problem
from ..tasks.base import TaskRunner, Up42Task
from ..tasks.connection import TestConnectionTask
from ..toolbelt import colours
from ..toolbelt.constants import MIN_POLL_INTERVAL_S
from ..toolbelt.notify import log
from ..toolbelt.plain_text import plain_label
from .settings_account import PendingAccount, pending_account

_fallback_runner = TaskRunner()  # module-level: a page closed mid-test must not drop its task


def region_labels() -> tuple[tuple[str, str], ...]:
    return (
        ("eu", tr("Europe (EU)")),
        ("sa", tr("South America (SA)")),
        ("custom", tr("Custom origins (e.g. the sandbox)")),
    )


class Up42SettingsPage(QgsOptionsPageWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        provider: ClientProvider | None = None,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Up42SettingsPage")
        self._provider = provider or client_provider()
        self._runner = runner or _fallback_runner
        self._test_task: TestConnectionTask | None = None
        self._pending: PendingAccount | None = None  # saved to the auth DB on OK only
        self._build()
        self.load(SettingsStore.load())

    # --- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_endpoints())
        layout.addWidget(self._build_account())
        layout.addWidget(self._build_downloads())
        layout.addStretch(1)

    def _build_endpoints(self) -> QGroupBox:
        box = QGroupBox(tr("Region"), self)
        form = QFormLayout(box)
        self.region_combo = QComboBox(box)
        for key, label in region_labels():
            self.region_combo.addItem(label, key)
        self.api_url_edit = QLineEdit(box)
        self.api_url_edit.setPlaceholderText("https://api.up42.com")
        self.auth_url_edit = QLineEdit(box)
        self.auth_url_edit.setPlaceholderText(tr("Same as the API origin"))
        self.url_problem_label = plain_label(QLabel(box))
        self.url_problem_label.setWordWrap(True)
        self.url_problem_label.setStyleSheet(colours.ERROR_STYLE)
        form.addRow(tr("UP42 region"), self.region_combo)
        form.addRow(tr("API origin"), self.api_url_edit)
        form.addRow(tr("Auth origin"), self.auth_url_edit)
        form.addRow(self.url_problem_label)
        self.region_combo.currentIndexChanged.connect(self._update_url_fields)
        self.api_url_edit.textChanged.connect(self._update_url_fields)
        self.auth_url_edit.textChanged.connect(self._update_url_fields)
        return box

    def _build_account(self) -> QGroupBox:
        box = QGroupBox(tr("Account"), self)
        layout = QVBoxLayout(box)
        hint = QLabel(
            tr(
                "The account is kept in the QGIS authentication database (a Basic "
                "configuration with your e-mail and password); only its id is saved in the "
                "settings."
            ),
            box,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.auth_select = QgsAuthConfigSelect(box)
        layout.addWidget(self.auth_select)

        buttons = QHBoxLayout()
        self.sign_in_button = QPushButton(tr("Sign in…"), box)
        self.sign_in_button.setCheckable(True)
        self.sign_in_button.setToolTip(
            tr(
                "Add an account from e-mail and password (saved when you press OK; other "
                "configurations are never overwritten)"
            )
        )
        self.test_button = QPushButton(tr("Test connection"), box)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.sign_in_form = QWidget(box)
        form = QFormLayout(self.sign_in_form)
        form.setContentsMargins(0, 0, 0, 0)
        self.email_edit = QLineEdit(self.sign_in_form)
        self.email_edit.setPlaceholderText("name@example.com")
        self.password_edit = QgsPasswordLineEdit(self.sign_in_form)
        self.save_account_button = QPushButton(tr("Save account"), self.sign_in_form)
        form.addRow(tr("E-mail"), self.email_edit)
        form.addRow(tr("Password"), self.password_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_account_button)
        save_row.addStretch(1)
        form.addRow("", save_row)
        self.sign_in_form.setVisible(False)
        layout.addWidget(self.sign_in_form)

        self.status_label = plain_label(QLabel(box))
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)

        self.sign_in_button.toggled.connect(self.sign_in_form.setVisible)
        self.save_account_button.clicked.connect(self.save_account)
        self.test_button.clicked.connect(self.test_connection)
        self.auth_select.selectedConfigIdChanged.connect(self._selection_changed)
        return box

    def _build_downloads(self) -> QGroupBox:
        box = QGroupBox(tr("Orders and downloads"), self)
        form = QFormLayout(box)
        self.download_folder_widget = QgsFileWidget(box)
        self.download_folder_widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.download_folder_widget.setDialogTitle(tr("Folder for UP42 downloads"))
        self.poll_interval_spin = QSpinBox(box)
        self.poll_interval_spin.setRange(MIN_POLL_INTERVAL_S, 24 * 3600)
        self.poll_interval_spin.setSuffix(tr(" s"))
        self.poll_interval_spin.setToolTip(tr("How often open orders are checked"))
        self.parallel_spin = QSpinBox(box)
        self.parallel_spin.setRange(1, MAX_PARALLEL_DOWNLOADS)
        self.auto_download_check = QCheckBox(
            tr("Download and add to the project when an order is fulfilled"), box
        )
        form.addRow(tr("Download folder"), self.download_folder_widget)
        form.addRow(tr("Check orders every"), self.poll_interval_spin)
        form.addRow(tr("Parallel downloads"), self.parallel_spin)
        form.addRow(self.auto_download_check)
        return box

    # --- values ------------------------------------------------------------------------------
    def load(self, plugin_settings: PluginSettings) -> None:
        index = self.region_combo.findData(plugin_settings.region)
        self.region_combo.setCurrentIndex(max(0, index))
        self.api_url_edit.setText(plugin_settings.api_url)
        self.auth_url_edit.setText(plugin_settings.auth_url)
        self.auth_select.setConfigId(plugin_settings.authcfg)
        self.download_folder_widget.setFilePath(plugin_settings.download_folder)
        self.poll_interval_spin.setValue(plugin_settings.poll_interval_s)
        self.parallel_spin.setValue(plugin_settings.max_parallel_downloads)
        self.auto_download_check.setChecked(plugin_settings.auto_download)
        self._update_url_fields()

    def form_values(self) -> dict[str, Any]:
        """The page's fields as SettingsStore.update() arguments."""
        return {
            "region": self.region_combo.currentData(),
            "api_url": self.api_url_edit.text().strip(),
            "auth_url": self.auth_url_edit.text().strip(),
            "authcfg": self.auth_select.configId(),
            "download_folder": self.download_folder_widget.filePath().strip(),
            "poll_interval_s": self.poll_interval_spin.value(),
            "max_parallel_downloads": self.parallel_spin.value(),
            "auto_download": self.auto_download_check.isChecked(),
        }

    def apply(self) -> None:
        """Called by QGIS on OK: save (a typed-in account first) and let every panel
        rebuild its client. Nothing was written before: Cancel leaves everything as it was."""
        values = self.form_values()
        pending, self._pending = self._pending, None
        if pending is not None:
            try:
                authcfg = pending.store()
            except Exception as error:  # the auth DB's refusal: keep the previous account
                log(f"The UP42 account could not be saved: {error}")
                self._show_status(str(error), ok=False)
                values.pop("authcfg")
            else:
                values["authcfg"] = authcfg
                self.auth_select.blockSignals(True)
                self.auth_select.setConfigId(authcfg)
                self.auth_select.blockSignals(False)
                self._show_status(tr("Account saved."), ok=True)
        SettingsStore.update(**values)
        self._provider.notify_changed()

    def _update_url_fields(self) -> None:
        custom = self.region_combo.currentData() == "custom"
        self.api_url_edit.setEnabled(custom)
        self.auth_url_edit.setEnabled(custom)
        self.url_problem_label.setText(self.url_problem() or "")
        self.url_problem_label.setVisible(bool(self.url_problem()))

    def url_problem(self) -> str | None:
        if self.region_combo.currentData() != "custom":
            return None
        api = self.api_url_edit.text().strip()
        auth = self.auth_url_edit.text().strip()
        if not api:
            return tr("Enter the API origin of the custom UP42 installation.")
        for label, origin in ((tr("API origin"), api), (tr("Auth origin"), auth)):
            problem = origin and origin_problem(origin)
            if problem:
                return f"{label}: {problem}"
        return None

    # --- account -----------------------------------------------------------------------------
    def save_account(self) -> None:
        """Keeps the sign-in form's account for OK (nothing is written to the auth DB yet):
        a new configuration, or the selected one when it is the same user's."""
        try:
            pending = pending_account(
                self.email_edit.text(), self.password_edit.text(), self.auth_select.configId()
            )
        except Exception as error:  # an empty field, an unreadable auth DB: the user's to read
            self._show_status(str(error), ok=False)
            return
        self._pending = pending
        self.password_edit.clear()
        self.sign_in_button.setChecked(False)
        self._show_status(pending.describe(), ok=None)

    @property
    def pending_account(self) -> PendingAccount | None:
        """The account OK will save, if one was typed in."""
        return self._pending

    def _selection_changed(self, _authcfg: str = "") -> None:
        """Another configuration picked: the typed-in account is not what the user wants."""
        if self._pending is not None:
            self._pending = None
            self._show_status(tr("The account typed in was discarded."), ok=None)

    # --- test connection ---------------------------------------------------------------------
    def test_connection(self) -> TestConnectionTask | None:
        """Sign in with what the form shows; the result arrives in the status label."""
        problem = self.url_problem()
        if problem:
            self._show_status(problem, ok=False)
            return None
        values = self.form_values()
        form_settings = PluginSettings(
            region=values["region"],
            api_url=values["api_url"],
            auth_url=values["auth_url"],
            authcfg=values["authcfg"],
        )
        try:
            # Read on the main thread, by the provider that builds every client; only the
            # client crosses into the task.
            pending = self._pending.credentials if self._pending else None
            client = self._provider.build_client(form_settings, pending)
        except Exception as error:
            self._show_status(str(error), ok=False)
            return None
        task = TestConnectionTask(client, owns_client=True)
        self._test_task = task
        self.test_button.setEnabled(False)
        self._show_status(
            tr("Connecting to {origin}…").format(origin=client.endpoints.api), ok=None
        )
        self._runner.start(task, self._connection_tested)
        return task

    def _connection_tested(self, task: Up42Task) -> None:
        if sip.isdeleted(self):  # the Options dialog was closed meanwhile
            return
        self._test_task = None
        self.test_button.setEnabled(True)
        if task.was_cancelled:
            self._show_status(tr("Connection test cancelled."), ok=None)
        elif task.error is not None:
            self._show_status(
                tr("Connection failed: {message}").format(message=str(task.error)), ok=False
            )
        else:
            account: Account = task.result
            self._show_status(
                tr("Connected as {email}, workspace {workspace}").format(
                    email=account.email or account.name or "?", workspace=account.workspace_id
                ),
                ok=True,
            )

    def _show_status(self, text: str, ok: bool | None) -> None:
        style = {True: colours.SUCCESS_STYLE, False: colours.ERROR_STYLE, None: ""}[ok]
        self.status_label.setStyleSheet(style)
        self.status_label.setText(text)

    def status_text(self) -> str:
        return self.status_label.text()


class Up42OptionsFactory(QgsOptionsWidgetFactory):
    def __init__(self, provider: ClientProvider | None = None, runner: TaskRunner | None = None):
        super().__init__(tr("UP42"), QIcon(icon_path("up42.svg")))
        self._provider = provider
        self._runner = runner

    def icon(self) -> QIcon:
        return QIcon(icon_path("up42.svg"))

    def createWidget(self, parent: QWidget | None = None) -> Up42SettingsPage:
        return Up42SettingsPage(parent, self._provider, self._runner)


def register_options_page(
    iface: Any, provider: ClientProvider | None = None, runner: TaskRunner | None = None
) -> Up42OptionsFactory:
    factory = Up42OptionsFactory(provider, runner)
    iface.registerOptionsWidgetFactory(factory)
    return factory


def unregister_options_page(iface: Any, factory: Up42OptionsFactory | None) -> None:
    if factory is not None:
        iface.unregisterOptionsWidgetFactory(factory)
