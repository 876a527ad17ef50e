"""The "UP42" dock: who is signed in on top, then a tab per activity. The panels are thin;
tasks do the work."""

from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..i18n import tr


class Up42DockWidget(QgsDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("UP42"), parent)
        self.setObjectName("Up42DockWidget")
        body = QWidget(self)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.header: QWidget | None = None
        self.tabs = QTabWidget(body)
        self.tabs.setObjectName("Up42Tabs")
        self._layout.addWidget(self.tabs, 1)
        self.setWidget(body)

    def set_header(self, header: QWidget) -> None:
        """The account header above the tabs (one; a second replaces the first)."""
        if self.header is not None:
            self._layout.removeWidget(self.header)
            self.header.deleteLater()
        self.header = header
        header.setParent(self.widget())
        self._layout.insertWidget(0, header)

    def add_panel(self, panel: QWidget, title: str) -> None:
        self.tabs.addTab(panel, title)
