"""The "UP42" dock: a tab per activity. The panels are thin; tasks do the work."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QTabWidget, QWidget

from ..i18n import tr


class Up42DockWidget(QgsDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("UP42"), parent)
        self.setObjectName("Up42DockWidget")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("Up42Tabs")
        self.setWidget(self.tabs)

    def add_panel(self, panel: QWidget, title: str) -> None:
        self.tabs.addTab(panel, title)
