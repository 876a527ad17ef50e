"""Tasks for tasking (a new acquisition): the TASKING data products, a product's order form,
the decisions waiting on orders (feasibility studies and quotations), deciding them, and an
order's coverage. Placing goes through ``services.order_flow.OrderFlow.place`` like archive
orders (POSTed once, then tracked).

Every decision task sends exactly what the user chose, once; none decides by itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..api.models import Collection, DataProduct
from ..api.order_schema import OrderSchema
from ..api.tasking_models import Decision, FeasibilityStudy, OrderCoverage, Quotation
from ..i18n import tr
from .base import Up42Task

if TYPE_CHECKING:
    from ..api.client import Up42Client


@dataclass(frozen=True)
class TaskingProduct:
    collection: Collection
    product: DataProduct

    @property
    def title(self) -> str:
        return f"{self.collection.title} · {self.product.title}"


class TaskingProductsTask(Up42Task):
    """``result``: the orderable data products of the TASKING collections, by title."""

    def __init__(self, client: Up42Client) -> None:
        super().__init__(tr("UP42: reading the tasking products"))
        self.client = client

    def work(self) -> list[TaskingProduct]:
        found = [
            TaskingProduct(collection, product)
            for collection in self.client.collections()
            if collection.type.upper() == "TASKING"
            for product in collection.orderable_products
            if product.id
        ]
        return sorted(found, key=lambda p: p.title.casefold())


class OrderSchemaTask(Up42Task):
    """``result``: the data product's order form (OrderSchema)."""

    def __init__(self, client: Up42Client, data_product_id: str) -> None:
        super().__init__(tr("UP42: reading the order form"))
        self.client = client
        self.data_product_id = data_product_id

    def work(self) -> OrderSchema:
        return self.client.order_schema(self.data_product_id)


@dataclass
class Decisions:
    """The feasibility studies and quotations of some orders, by order id."""

    studies: dict[str, list[FeasibilityStudy]] = field(default_factory=dict)
    quotations: dict[str, list[Quotation]] = field(default_factory=dict)

    def pending_study(self, order_id: str) -> FeasibilityStudy | None:
        return next((s for s in self.studies.get(order_id, ()) if s.is_pending), None)

    def pending_quotation(self, order_id: str) -> Quotation | None:
        return next((q for q in self.quotations.get(order_id, ()) if q.is_pending), None)

    def latest_quotation(self, order_id: str) -> Quotation | None:
        found = self.quotations.get(order_id) or []
        return found[0] if found else None


class DecisionsTask(Up42Task):
    """``result``: Decisions for ``order_ids`` (reads only)."""

    def __init__(self, client: Up42Client, order_ids: Sequence[str]) -> None:
        super().__init__(tr("UP42: reading quotations and feasibility studies"))
        self.client = client
        self.order_ids = list(order_ids)

    def work(self) -> Decisions:
        found = Decisions()
        for study in self.client.feasibility_studies(self.order_ids):
            found.studies.setdefault(study.order_id, []).append(study)
        self.check_cancelled()
        for quotation in self.client.quotations(self.order_ids):
            found.quotations.setdefault(quotation.order_id, []).append(quotation)
        return found


class DecideQuotationTask(Up42Task):
    """The user's decision on one quotation, sent once; ``result`` the decided Quotation.
    An accept carries the price the user confirmed (a higher one: PriceChangedError)."""

    def __init__(
        self,
        client: Up42Client,
        quotation_id: str,
        decision: Decision,
        confirmed_credits: float | None = None,
    ) -> None:
        super().__init__(tr("UP42: sending the quotation decision"), can_cancel=False)
        self.client = client
        self.quotation_id = quotation_id
        self.decision = decision
        self.confirmed_credits = confirmed_credits

    def work(self) -> Quotation:
        return self.client.decide_quotation(
            self.quotation_id, self.decision, confirmed_credits=self.confirmed_credits
        )


class AcceptOptionTask(Up42Task):
    """The feasibility option the user chose, accepted once; ``result`` the decided study."""

    def __init__(self, client: Up42Client, study_id: str, option_id: str) -> None:
        super().__init__(tr("UP42: accepting a feasibility option"), can_cancel=False)
        self.client = client
        self.study_id = study_id
        self.option_id = option_id

    def work(self) -> FeasibilityStudy:
        return self.client.accept_feasibility_option(self.study_id, self.option_id)


class CoverageTask(Up42Task):
    """``result``: what the order's delivered imagery covers of its AOI (OrderCoverage)."""

    def __init__(self, client: Up42Client, order_id: str) -> None:
        super().__init__(tr("UP42: reading the order's coverage"))
        self.client = client
        self.order_id = order_id

    def work(self) -> OrderCoverage:
        return self.client.order_coverage(self.order_id)
