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

    def longName(self) -> str:
        return tr("UP42 satellite imagery: search, estimate, order, task, download")

    def loadAlgorithms(self) -> None:
        from .alg_download import DownloadAlgorithm
        from .alg_estimate import EstimateAlgorithm
        from .alg_order import OrderAlgorithm
        from .alg_plan import PlanCoverageAlgorithm
        from .alg_quotations import QuotationsAlgorithm
        from .alg_search import SearchAlgorithm
        from .alg_task import TaskAlgorithm

        for algorithm in (
            SearchAlgorithm(),
            PlanCoverageAlgorithm(),
            EstimateAlgorithm(),
            OrderAlgorithm(),
            DownloadAlgorithm(),
            TaskAlgorithm(),
            QuotationsAlgorithm(),
        ):
            self.addAlgorithm(algorithm)
