"""The order bar's data product per collection: one drop-down for each collection in the
selection, filled from the glossary, the last choice remembered in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import Qgis
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout

from ..i18n import tr
from ..toolbelt.notify import log
from ..toolbelt.plain_text import tooltip as plain_tooltip

if TYPE_CHECKING:
    from ..api.models import Collection
    from ..api.ordering import SceneRef

__all__ = ["ProductChoice"]


class ProductChoice:
    """Mixed into OrderBar (which owns the attributes declared here)."""

    products_form: QFormLayout
    _combos: dict[str, QComboBox]
    collections: dict[str, Collection]

    def refs(self) -> list[SceneRef]:
        raise NotImplementedError

    def _refresh(self) -> None:
        raise NotImplementedError

    def _selection_changed(self) -> None:
        raise NotImplementedError

    def collection(self, name: str) -> Collection | None:
        return self.collections.get((name or "").lower())

    def _remembered_products(self) -> dict[str, str]:
        try:
            from ..settings import SettingsStore

            return dict(SettingsStore.load().last_products or {})
        except Exception:
            return {}

    def _rebuild_products(self) -> None:
        wanted = list(dict.fromkeys(ref.collection for ref in self.refs()))
        current = {name: self.product_id(name) for name in self._combos}
        while self.products_form.rowCount():
            self.products_form.removeRow(0)
        self._combos.clear()
        remembered = self._remembered_products()
        for name in wanted:
            collection = self.collection(name)
            combo = QComboBox()
            combo.setObjectName(f"Up42Product_{name}")
            products = collection.orderable_products if collection else ()
            for product in products:
                combo.addItem(product.title or product.name, product.id)
                tip = plain_tooltip(product.description)
                combo.setItemData(combo.count() - 1, tip, 3)  # ToolTipRole
            if not products:
                combo.addItem(tr("No orderable data product"), None)
                combo.setEnabled(False)
            choice = current.get(name) or remembered.get(name)
            index = combo.findData(choice) if choice else -1
            combo.setCurrentIndex(max(0, index))
            combo.currentIndexChanged.connect(lambda _i, n=name: self._product_changed(n))
            title = collection.title if collection else name
            self.products_form.addRow(tr("{collection}:").format(collection=title), combo)
            self._combos[name] = combo
        self._refresh()
        self._selection_changed()

    def product_id(self, collection: str) -> str | None:
        combo = self._combos.get(collection)
        return combo.currentData() if combo is not None else None

    def set_product(self, collection: str, product_id: str) -> None:
        combo = self._combos.get(collection)
        if combo is not None and combo.findData(product_id) >= 0:
            combo.setCurrentIndex(combo.findData(product_id))

    def _remember_products(self) -> None:
        """The product chosen per collection becomes the default next time."""
        chosen = {name: self.product_id(name) for name in self._combos}
        remembered = self._remembered_products()
        changed = {name: pid for name, pid in chosen.items() if pid and remembered.get(name) != pid}
        if not changed:
            return
        try:
            from ..settings import SettingsStore

            SettingsStore.update(last_products={**remembered, **changed})
        except Exception as error:  # remembering is a convenience; the choice still applies
            log(
                f"Could not remember the chosen data products: {error}",
                Qgis.MessageLevel.Warning,
            )

    def _product_changed(self, collection: str) -> None:
        self._remember_products()
        self._refresh()
        self._selection_changed()
