"""The search filters: collections (grouped by product type, with resolution and data
products), date range, maximum cloud cover, sort and page size. Remembers the last values."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, time

from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
    QWidgetAction,
)

from ..api.models import JSON, Collection, SearchRequest, SortField, cloudless_collections
from ..i18n import tr
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.constants import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from ..toolbelt.formatting import format_count, format_decimal
from ..toolbelt.plain_text import plain_label, tooltip

COLLECTION_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_MONTHS = 12  # with nothing remembered, the date range is the last 12 months
ISO_DATE = "yyyy-MM-dd"


def _today() -> QDate:
    """Today's date (one place, so tests can move the clock)."""
    return QDate.currentDate()


def remembered_range(
    start: str, end: str, end_is_today: bool, today: QDate
) -> tuple[QDate, QDate] | None:
    """The date range to show for a remembered one; None when nothing usable is remembered.

    A range whose end was the day of the search follows today: it ends today and keeps its
    length in days. Any other range comes back as it was.
    """
    first, last = QDate.fromString(start, ISO_DATE), QDate.fromString(end, ISO_DATE)
    if not (first.isValid() and last.isValid()) or first > last:
        return None
    if end_is_today:
        return today.addDays(-first.daysTo(last)), today
    return first, last


def _load_settings():
    try:
        from ..settings import SettingsStore

        return SettingsStore.load()
    except Exception:  # settings must never stop the panel from opening
        return None


def _group_title(product_type: str | None) -> str:
    titles = {
        "OPTICAL": tr("Optical"),
        "SAR": tr("Radar (SAR)"),
        "ELEVATION": tr("Elevation"),
        "HYPERSPECTRAL": tr("Hyperspectral"),
    }
    if not product_type:
        return tr("Other")
    return titles.get(product_type.upper(), product_type.title())


def _resolution_text(value: float | None) -> str:
    if value is None:
        return ""
    return tr("{value} m").format(value=format_decimal(value))


class FiltersWidget(QWidget):
    changed = pyqtSignal()
    retry_requested = pyqtSignal()  # the user wants the failed collections loaded again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._collections: dict[str, Collection] = {}
        self._remembered_collections: list[str] = []

        self.collections_tree = QTreeWidget(self)
        self.collections_tree.setObjectName("Up42CollectionsTree")
        self.collections_tree.setColumnCount(2)
        self.collections_tree.setHeaderLabels([tr("Collection"), tr("Resolution")])
        self.collections_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.collections_tree.header().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.collections_tree.header().setStretchLastSection(False)
        self.collections_tree.setMinimumHeight(200)
        self.collections_tree.itemChanged.connect(self._item_changed)
        self.collections_status = plain_label(
            QLabel(tr("Collections load once you are signed in."), self)
        )
        self.collections_status.setObjectName("Up42CollectionsStatus")
        self.collections_status.setWordWrap(True)
        self.collections_status.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.retry_button = QPushButton(tr("Retry"), self)
        self.retry_button.setObjectName("Up42CollectionsRetry")
        self.retry_button.setToolTip(tr("Load the collections again"))
        self.retry_button.hide()
        self.retry_button.clicked.connect(self.retry_requested)

        # The tree lives in a drop-down: checked collections take one line, not the tab.
        self.collections_button = QToolButton(self)
        self.collections_button.setObjectName("Up42CollectionsButton")
        self.collections_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.collections_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.collections_button.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        menu = QMenu(self.collections_button)
        holder = QWidgetAction(menu)
        self.collections_tree.setMinimumWidth(300)
        holder.setDefaultWidget(self.collections_tree)
        menu.addAction(holder)
        self.collections_button.setMenu(menu)
        self._update_collections_button()

        today = _today()
        self.start_date = QDateEdit(today.addMonths(-DEFAULT_MONTHS), self)
        self.end_date = QDateEdit(today, self)
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(ISO_DATE)
            edit.dateChanged.connect(self.changed)

        self.max_cloud = QSpinBox(self)
        self.max_cloud.setRange(0, 100)
        self.max_cloud.setPrefix(tr("Cloud ≤ "))
        self.max_cloud.setSuffix(" %")
        self.max_cloud.setValue(100)
        self.max_cloud.setToolTip(tr("Maximum cloud cover; 100 % means no cloud filter"))

        self.sort_field = QComboBox(self)
        self.sort_field.addItem(tr("Date"), SortField.DATE.value)
        self.sort_field.addItem(tr("Cloud cover"), SortField.CLOUD.value)
        self.sort_field.addItem(tr("Resolution"), SortField.RESOLUTION.value)
        self.sort_field.setToolTip(tr("Sort by"))
        self.sort_order = QComboBox(self)
        self.sort_order.addItem(tr("Descending"), False)
        self.sort_order.addItem(tr("Ascending"), True)

        self.page_size = QSpinBox(self)
        self.page_size.setRange(1, MAX_PAGE_SIZE)
        self.page_size.setSingleStep(10)
        self.page_size.setValue(DEFAULT_PAGE_SIZE)
        self.page_size.setSuffix(tr(" per page"))
        self.page_size.setToolTip(tr("Scenes per page; “Load more” fetches the next page"))

        # Three compact rows, no scroll area: the results table gets the height.
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(3)
        grid.addWidget(self.collections_button, 0, 0, 1, 3)
        grid.addWidget(self.max_cloud, 0, 3)
        grid.addWidget(self.start_date, 1, 0)
        grid.addWidget(QLabel("–", self), 1, 1)
        grid.addWidget(self.end_date, 1, 2)
        grid.addWidget(self.page_size, 1, 3)
        grid.addWidget(self.sort_field, 2, 0)
        grid.addWidget(self.sort_order, 2, 2, 1, 2)
        status_row = QHBoxLayout()
        status_row.addWidget(self.collections_status, 1)
        status_row.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(status_row, 3, 0, 1, 4)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.restore()

    # --- collections ---------------------------------------------------------------------
    def set_collections(self, collections: Sequence[Collection]) -> None:
        """Shows the searchable archive collections, grouped by product type; re-checks the
        ones checked before (or remembered from last time)."""
        checked = self.selected_collections() or self._remembered_collections
        if not checked:  # first use: search everything rather than demand a choice
            checked = [c.name for c in collections]
        searchable = [
            c for c in collections if c.searchable and c.type.upper() != "TASKING" and c.name
        ]
        self._collections = {c.name: c for c in searchable}
        tree = self.collections_tree
        tree.blockSignals(True)
        tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for collection in sorted(searchable, key=lambda c: (c.resolution or 1e9, c.title)):
            title = _group_title(collection.product_type)
            group = groups.get(title)
            if group is None:
                group = QTreeWidgetItem(tree, [title])
                group.setFlags(
                    group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
                )
                group.setCheckState(0, Qt.CheckState.Unchecked)
                group.setExpanded(True)
                groups[title] = group
            item = QTreeWidgetItem(
                group, [collection.title, _resolution_text(collection.resolution)]
            )
            item.setData(0, COLLECTION_ROLE, collection.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                0, Qt.CheckState.Checked if collection.name in checked else Qt.CheckState.Unchecked
            )
            item.setToolTip(0, tooltip(collection.description or collection.name))
            for product in collection.data_products:
                child = QTreeWidgetItem(item, [product.title])
                child.setFlags(Qt.ItemFlag.ItemIsEnabled)
                child.setToolTip(0, tooltip(product.description or product.name))
                if not product.orderable:
                    child.setDisabled(True)
        tree.blockSignals(False)
        self._update_collections_button()
        # The drop-down names what is checked; the status line only speaks up when needed.
        self.set_collections_message(
            "" if searchable else tr("No searchable collections in this account.")
        )
        self.changed.emit()

    def set_collections_message(self, text: str) -> None:
        self.collections_status.setStyleSheet("")
        self.collections_status.setText(text)
        self.collections_status.setVisible(bool(text))
        self.retry_button.hide()

    def set_collections_error(self, text: str) -> None:
        """The collections did not load: the error in red, with Retry beside it."""
        self.collections_status.setStyleSheet(ERROR_STYLE)
        self.collections_status.setText(text)
        self.collections_status.show()
        self.retry_button.show()

    @property
    def collections_failed(self) -> bool:
        return self.retry_button.isVisibleTo(self)

    def collections(self) -> dict[str, Collection]:
        return dict(self._collections)

    def _collection_items(self) -> list[QTreeWidgetItem]:
        items = []
        root = self.collections_tree.invisibleRootItem()
        for g in range(root.childCount()):
            group = root.child(g)
            items += [group.child(i) for i in range(group.childCount())]
        return items

    def selected_collections(self) -> list[str]:
        return [
            str(item.data(0, COLLECTION_ROLE))
            for item in self._collection_items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_selected_collections(self, names: Sequence[str]) -> None:
        self._remembered_collections = list(names)
        for item in self._collection_items():
            wanted = item.data(0, COLLECTION_ROLE) in names
            item.setCheckState(0, Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        self._update_collections_button()

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == 0:
            self._update_collections_button()
            self.changed.emit()

    def _update_collections_button(self) -> None:
        checked = self.selected_collections()
        total = len(self._collections)
        titles = [self._collections[name].title for name in checked if name in self._collections]
        if not total:
            text = tr("Collections ▾")
        elif len(checked) == total:
            text = tr("All %Ln collection(s) ▾", "", total)
        elif not checked:
            text = tr("No collection checked ▾")
        elif len(titles) <= 2:
            text = tr("{names} ▾").format(names=", ".join(titles))
        else:
            text = tr("{n} of %Ln collection(s) ▾", "", total).format(
                n=format_count(len(checked))
            )
        self.collections_button.setText(text)
        self.collections_button.setToolTip(
            tooltip("\n".join(titles) or tr("Choose the collections"))
        )

    # --- the request ---------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What stops a search, in the user's words (empty when the filters are fine)."""
        problems = []
        if not self._collections:
            problems.append(tr("The collections have not loaded yet."))
        elif not self.selected_collections():
            problems.append(tr("Check at least one collection."))
        if self.start_date.date() > self.end_date.date():
            problems.append(tr("The start date is after the end date."))
        return problems

    def build_request(self, aoi_geojson: JSON) -> SearchRequest:
        start = self.start_date.date().toPyDate()
        end = self.end_date.date().toPyDate()
        return SearchRequest(
            aoi=aoi_geojson,
            collections=tuple(self.selected_collections()),
            start=datetime.combine(start, time.min, tzinfo=UTC),
            end=datetime.combine(end, time(23, 59, 59), tzinfo=UTC),
            max_cloud=None if self.max_cloud.value() >= 100 else float(self.max_cloud.value()),
            sort=SortField(self.sort_field.currentData()),
            ascending=bool(self.sort_order.currentData()),
            page_size=self.page_size.value(),
            cloudless_collections=cloudless_collections(self._collections.values()),
        )

    # --- memory --------------------------------------------------------------------------
    def restore(self) -> None:
        saved = _load_settings()
        if saved is None:
            return
        self._remembered_collections = list(saved.last_collections)
        self.max_cloud.setValue(int(saved.last_max_cloud))
        index = self.sort_field.findData(saved.last_sort)
        self.sort_field.setCurrentIndex(max(0, index))
        self.sort_order.setCurrentIndex(1 if saved.last_ascending else 0)
        self.page_size.setValue(int(saved.page_size or DEFAULT_PAGE_SIZE))
        dates = remembered_range(
            saved.last_start, saved.last_end, saved.last_end_is_today, _today()
        )
        if dates is not None:  # otherwise the last 12 months set in __init__ stay
            self.start_date.setDate(dates[0])
            self.end_date.setDate(dates[1])

    def remember(self) -> None:
        try:
            from ..settings import SettingsStore

            SettingsStore.update(
                last_collections=self.selected_collections(),
                last_max_cloud=self.max_cloud.value(),
                last_sort=str(self.sort_field.currentData()),
                last_ascending=bool(self.sort_order.currentData()),
                page_size=self.page_size.value(),
                last_start=self.start_date.date().toString(ISO_DATE),
                last_end=self.end_date.date().toString(ISO_DATE),
                last_end_is_today=self.end_date.date() == _today(),
            )
        except Exception:  # remembering is a convenience; never fail a search over it
            return
        self._remembered_collections = self.selected_collections()
