"""Wiring: what QGIS loads and unloads. Everything created here is removed in ``unload``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .i18n import tr
from .paths import i18n_dir, icon_path

if TYPE_CHECKING:
    from .context import PluginContext
    from .gui.dock import Up42DockWidget
    from .gui.orders_panel import OrdersPanel
    from .gui.search_panel import SearchPanel
    from .gui.settings_page import Up42OptionsFactory
    from .processing.provider import Up42Provider


class Up42Plugin:
    def __init__(self, iface) -> None:
        # qgis_process builds the plugin with iface=None and only calls initProcessing().
        self.iface = iface
        self.provider: Up42Provider | None = None
        self.action: QAction | None = None
        self.dock: Up42DockWidget | None = None
        self.search_panel: SearchPanel | None = None
        self.orders_panel: OrdersPanel | None = None
        self.context: PluginContext | None = None  # the services it owns, built in initGui
        self.options_factory: Up42OptionsFactory | None = None  # Settings > Options > UP42
        self.translator: QTranslator | None = None
        self._install_translator()

    # --- Processing (also headless) ---------------------------------------------------------
    def initProcessing(self) -> None:
        from .processing.provider import Up42Provider

        if self.provider is None:
            self.provider = Up42Provider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    # --- desktop ----------------------------------------------------------------------------
    def initGui(self) -> None:
        self.initProcessing()
        self.action = QAction(QIcon(icon_path("up42.svg")), tr("UP42"), self.iface.mainWindow())
        self.action.setObjectName("Up42ToggleDock")
        self.action.setCheckable(True)
        self.action.setToolTip(tr("Search, order and download UP42 imagery"))
        self.action.toggled.connect(self._set_dock_visible)
        self.iface.addToolBarIcon(self.action)
        self.iface.addPluginToWebMenu(tr("&UP42"), self.action)
        self._start_order_services()
        self._register_options_page()

    def _register_options_page(self) -> None:
        from .gui.settings_page import register_options_page

        if self.context is None:  # initGui starts the services first
            raise RuntimeError("The UP42 services must start before the options page.")
        self.options_factory = register_options_page(
            self.iface, self.context.clients, self.context.runner
        )

    def _start_order_services(self) -> None:
        """Every service, before any panel: the tracker and the download queue live as long
        as the plugin, not the dock."""
        from .context import PluginContext

        if self.context is None:
            self.context = PluginContext.build(self.iface)
        self.context.downloads.resume_interrupted()

    def _ensure_dock(self) -> Up42DockWidget:
        if self.dock is None:
            if self.context is None:  # initGui starts the services before any panel
                raise RuntimeError("The UP42 services must start before the dock.")
            from .gui.account_header import AccountHeader
            from .gui.dock import Up42DockWidget
            from .gui.orders_panel import OrdersPanel
            from .gui.search_panel import SearchPanel

            dock = self.dock = Up42DockWidget(self.iface.mainWindow())
            dock.visibilityChanged.connect(self._sync_action)
            dock.set_header(AccountHeader(self.context, dock))
            self.search_panel = SearchPanel(self.context, dock)
            dock.add_panel(self.search_panel, tr("Search"))
            orders = self.orders_panel = OrdersPanel(self.context, dock)
            search = self.search_panel
            orders.search_aoi = lambda: search.aoi_widget.aoi  # tasking takes the same area
            dock.add_panel(orders, tr("Orders"))
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return self.dock

    def _set_dock_visible(self, visible: bool) -> None:
        if visible:
            dock = self._ensure_dock()
            dock.show()
            dock.raise_()
        elif self.dock is not None:
            self.dock.hide()

    def _sync_action(self, visible: bool) -> None:
        if self.action is not None and self.action.isChecked() != visible:
            self.action.blockSignals(True)
            self.action.setChecked(visible)
            self.action.blockSignals(False)

    def unload(self) -> None:
        if self.options_factory is not None:
            from .gui.settings_page import unregister_options_page

            unregister_options_page(self.iface, self.options_factory)
            self.options_factory = None
        if self.context is not None:
            self.context.stop()
            if any(not task.can_cancel for task in self.context.runner.running):
                # An order placement runs on to its answer: closing its client would abort
                # the POST in flight. Forgotten instead; the garbage collector closes it.
                self.context.clients.invalidate()
            else:
                self.context.clients.close()  # the shared client's pooled connections
        if self.search_panel is not None:
            self.search_panel.unload()  # AOI outline and draw tool off the canvas
            self.search_panel = None
        if self.orders_panel is not None:
            self.orders_panel.unload()  # a tasking dialog's outline and map tools too
            self.orders_panel = None
        if self.dock is not None:
            self.dock.visibilityChanged.disconnect(self._sync_action)
            self.iface.removeDockWidget(self.dock)
            self.dock.close()
            self.dock.deleteLater()
            self.dock = None
        if self.action is not None:
            self.action.toggled.disconnect(self._set_dock_visible)
            menus = [w for w in self.action.associatedWidgets() if isinstance(w, QMenu)]
            self.iface.removePluginWebMenu(tr("&UP42"), self.action)
            # QGIS takes the emptied "UP42" submenu out of the Web menu but never deletes it:
            # without this, every unload would leak a QMenu.
            for menu in menus:
                if not menu.actions():
                    menu.deleteLater()
            self.iface.removeToolBarIcon(self.action)
            self.action.deleteLater()
            self.action = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        self.context = None  # the next initGui builds fresh services

    # --- i18n -------------------------------------------------------------------------------
    def _install_translator(self) -> None:
        locale = str(QgsSettings().value("locale/userLocale", QLocale().name()) or "")[:2]
        qm_file = i18n_dir() / f"up42_qgis_{locale}.qm"
        if locale and qm_file.exists():
            translator = QTranslator()
            if translator.load(str(qm_file)):
                QCoreApplication.installTranslator(translator)
                self.translator = translator
