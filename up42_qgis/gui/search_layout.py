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
    QSizePolicy,
    QToolButton,
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
from .search_thumbnails import ThumbnailLoader

try:  # written by the orders engineer; the panel works without it
    from .order_bar import OrderBar
except ImportError:  # pragma: no cover - depends on the tree's state
    OrderBar = None  # type: ignore[assignment,misc]


class SearchPanelLayout(QWidget):
    """Results first: the area and the filters take a few compact lines at the top (one
    collapsible box, no scroll area), the results table takes every pixel left, and the
    quicklook opens on demand (the table's thumbnails preview the scenes)."""

    # --- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.aoi_widget = AoiWidget(self.iface, self)
        self.filters = FiltersWidget(self)
        self.query_box = QgsCollapsibleGroupBox(tr("Area and filters"), self)
        self.query_box.setObjectName("Up42SearchQueryBox")
        query_layout = QVBoxLayout(self.query_box)
        query_layout.setContentsMargins(4, 2, 4, 4)
        query_layout.setSpacing(3)
        query_layout.addWidget(self.aoi_widget)
        query_layout.addWidget(self.filters)

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
        self.thumbnails = ThumbnailLoader(self.context.start, parent=self)
        self.results.set_thumbnails(self.thumbnails)
        self.count_label = plain_label(QLabel(self))
        # The count gives way (elided by its width) so the row never widens the dock.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
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

        # The quicklook opens on demand below the order bar: the thumbnails preview every
        # row, and the table keeps the height. (A collapsed QgsCollapsibleGroupBox around it
        # hung QGIS 3.22 in the label's layout once a quicklook arrived.)
        self.quicklook = QuicklookWidget(self.context, self)
        self.quicklook.setObjectName("Up42QuicklookPanel")
        self.quicklook.hide()
        self.quicklook_button = QToolButton(self)
        self.quicklook_button.setObjectName("Up42QuicklookToggle")
        self.quicklook_button.setText(tr("Quicklook"))
        self.quicklook_button.setToolTip(tr("Show the current scene's quicklook below"))
        self.quicklook_button.setCheckable(True)
        self.quicklook_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.quicklook_button.setArrowType(Qt.ArrowType.RightArrow)
        self.quicklook_button.toggled.connect(self._toggle_quicklook)
        more_row.insertWidget(1, self.quicklook_button)

        # The coverage planner (gui/search_plan.py), on demand like the quicklook.
        self.plan_box = PlanCoverageBox(self, self)
        self.plan_box.setObjectName("Up42PlanPanel")
        self.plan_box.hide()
        self.plan_toggle = QToolButton(self)
        self.plan_toggle.setObjectName("Up42PlanToggle")
        self.plan_toggle.setText(tr("Plan"))
        self.plan_toggle.setToolTip(
            tr("Coverage plan: the fewest scenes and credits that cover the area of interest")
        )
        self.plan_toggle.setCheckable(True)
        self.plan_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.plan_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.plan_toggle.toggled.connect(self._toggle_plan)
        more_row.insertWidget(2, self.plan_toggle)
        # Pinning keeps this search's footprints layer when the next search runs: beside the
        # results it belongs to, not hidden in the plan box.
        more_row.insertWidget(3, self.plan_box.pin_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.query_box)
        layout.addLayout(search_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.settings_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.results, 1)
        layout.addLayout(more_row)
        if self.order_bar is not None:
            layout.addWidget(self.order_bar)
        layout.addWidget(self.quicklook)
        layout.addWidget(self.plan_box)

    def show_results(self, shown: bool) -> None:
        """The table when there are rows; otherwise the state line takes the free height, so
        the boxes above and the bars below keep their own."""
        self.results.setVisible(shown)
        layout = self.layout()
        layout.setStretchFactor(self.results, 1 if shown else 0)
        layout.setStretchFactor(self.state_label, 0 if shown else 1)

    def _toggle_quicklook(self, shown: bool) -> None:
        self.quicklook.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.quicklook_button.setArrowType(arrow)

    def _toggle_plan(self, shown: bool) -> None:
        self.plan_box.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.plan_toggle.setArrowType(arrow)
