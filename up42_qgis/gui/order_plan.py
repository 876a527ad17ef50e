"""The order bar's "Order plan…": a coverage plan layer's parts ordered through the same
estimate, confirmation and exactly-once placement as any order (one order per part, each
over its own polygon; ``layers.plan_parts`` reads the parts, as Processing does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt import sip
from qgis.PyQt.QtWidgets import QPushButton

from ..api.ordering import SceneRef
from ..i18n import tr

if TYPE_CHECKING:
    from ..api.scenes import Scene
    from ..context import PluginContext

__all__ = ["PlanOrdering"]


class PlanOrdering:
    """Mixed into OrderBar (which owns the attributes declared here)."""

    plan_button: QPushButton
    plan_refs: list[SceneRef] | None
    plan_name: str
    scenes: list[Scene]
    context: PluginContext | None
    _placing: bool

    def _show_problem(self, text: str) -> None:
        raise NotImplementedError

    def _rebuild_products(self) -> None:
        raise NotImplementedError

    def order(self) -> None:
        raise NotImplementedError

    @staticmethod
    def project_plan_layer() -> QgsVectorLayer | None:
        """The plan to order: the active layer when it is a plan, else the newest plan layer
        of the project."""
        from ..layers.plan_parts import is_plan_layer

        candidates = [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if isinstance(layer, QgsVectorLayer) and is_plan_layer(layer.fields())
        ]
        try:
            from qgis.utils import iface

            active = iface.activeLayer() if iface is not None else None
        except Exception:  # no interface (tests without one): the newest plan
            active = None
        if active is not None and active in candidates:
            return active
        return candidates[-1] if candidates else None

    def _update_plan_button(self, *_args) -> None:
        if sip.isdeleted(self):
            return
        self.plan_button.setVisible(self.project_plan_layer() is not None)

    def order_project_plan(self) -> None:
        layer = self.project_plan_layer()
        if layer is not None:
            self.order_plan(layer)

    def order_plan(self, layer: QgsVectorLayer) -> bool:
        """Orders the plan's parts (its selected parts, if any) through the same estimate,
        confirmation and exactly-once placement as any order; False when it has none."""
        from ..layers.plan_parts import plan_layer_refs

        if self._placing or self.context is None:
            return False
        refs = plan_layer_refs(layer, QgsProject.instance().transformContext())
        if not refs:
            self._show_problem(tr("The plan layer has no part to order."))
            return False
        self.scenes = []
        self.plan_refs = refs
        self.plan_name = layer.name()
        self._rebuild_products()
        self.order()
        return True
