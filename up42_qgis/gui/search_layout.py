"""The search panel's widgets and their arrangement, kept apart from its behaviour.

``SearchPanelLayout._build`` creates every child widget as an attribute of the panel; the panel
(``search_panel.SearchPanel``) connects them to what they do.
"""

from __future__ import annotations

from qgis.core import Qgis
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..toolbelt.notify import log
from ..toolbelt.plain_text import plain_label
from .search_aoi import ERROR_STYLE, AoiWidget
from .search_filters import FiltersWidget
from .search_plan import PlanCoverageBox
from .search_quicklook import QuicklookWidget
from .search_results import ResultsView

try:  # written by the orders engineer; the panel works without it
    from .order_bar import OrderBar
except ImportError:  # pragma: no cover - depends on the tree's state
    OrderBar = None  # type: ignore[assignment,misc]


class SearchPanelLayout(QWidget):
    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.aoi_widget = AoiWidget(self.iface, self)
        aoi_box = QgsCollapsibleGroupBox(tr("Area of interest"), self)
        QVBoxLayout(aoi_box).addWidget(self.aoi_widget)

        self.filters = FiltersWidget(self)
        filters_box = QgsCollapsibleGroupBox(tr("Filters"), self)
        QVBoxLayout(filters_box).addWidget(self.filters)

        self.search_button = QPushButton(tr("Search"), self)
        self.search_button.setObjectName("Up42SearchButton")
        self.search_button.setDefault(True)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: one request, no meaningful percentage
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress.hide()
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_button, 1)
        search_row.addWidget(self.cancel_button)

        self.message_label = plain_label(QLabel(self))
        self.message_label.setObjectName("Up42SearchMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        self.state_label = plain_label(QLabel(self))
        self.state_label.setObjectName("Up42SearchState")
        self.state_label.setWordWrap(True)
        self.state_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.settings_button = QPushButton(tr("Open UP42 settings…"), self)
        self.settings_button.hide()

        self.results = ResultsView(self.iface.mapCanvas(), self)
        self.count_label = plain_label(QLabel(self))
        self.load_more_button = QPushButton(tr("Load more"), self)
        self.load_more_button.setEnabled(False)
        more_row = QHBoxLayout()
        more_row.addWidget(self.count_label, 1)
        more_row.addWidget(self.load_more_button)

        self.order_bar = None
        if OrderBar is not None:
            try:
                self.order_bar = OrderBar(self.context, self)
                self.order_bar.estimates_ready.connect(self.results.model.set_estimates)
            except Exception as error:  # a broken order bar must not take search down
                log(f"Order bar unavailable: {error}", Qgis.MessageLevel.Warning)
                self.order_bar = None

        self.quicklook = QuicklookWidget(self.context, self)
        quicklook_box = QgsCollapsibleGroupBox(tr("Quicklook"), self)
        QVBoxLayout(quicklook_box).addWidget(self.quicklook)
        # The map side: plan the coverage, pin the search (gui/search_plan.py).
        self.plan_box = PlanCoverageBox(self, self)
        plan_group = QgsCollapsibleGroupBox(tr("Coverage plan"), self)
        QVBoxLayout(plan_group).addWidget(self.plan_box)
        map_side = QWidget(self)
        map_layout = QVBoxLayout(map_side)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.addWidget(quicklook_box)
        map_layout.addWidget(plan_group)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(aoi_box)
        top_layout.addWidget(filters_box)
        top_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(top)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addLayout(search_row)
        middle_layout.addWidget(self.progress)
        middle_layout.addWidget(self.message_label)
        middle_layout.addWidget(self.state_label)
        middle_layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignHCenter)
        middle_layout.addWidget(self.results, 1)
        middle_layout.addLayout(more_row)
        if self.order_bar is not None:
            middle_layout.addWidget(self.order_bar)

        # Three parts the user can resize: filters, results, quicklook.
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(map_side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([330, 430, 190])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
