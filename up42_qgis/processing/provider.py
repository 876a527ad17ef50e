"""The ``up42`` Processing provider. Never imports the GUI."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path


class Up42Provider(QgsProcessingProvider):
    def id(self) -> str:
        return "up42"

    def name(self) -> str:
        return tr("UP42")

    def icon(self) -> QIcon:
        return QIcon(icon_path("up42.svg"))

    def loadAlgorithms(self) -> None:
        pass
