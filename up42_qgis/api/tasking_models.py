"""Tasking's nouns as typed frozen dataclasses (the SDK's ``tasking.py`` shapes): quotation,
feasibility study and its options, an order's coverage. Parsing tolerates extra fields and
missing optional ones; a price that is not a price is kept as ``price_error``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .json_values import JSON, float_or_none, parse_timestamp, price_of

__all__ = [
    "CoverageArea",
    "Decision",
    "FeasibilityOption",
    "FeasibilityStudy",
    "OrderCoverage",
    "Quotation",
]


class Decision(StrEnum):
    """A quotation's (NOT_DECIDED, ACCEPTED, REJECTED) or a feasibility study's (NOT_DECIDED,
    ACCEPTED) decision. Only ACCEPTED and REJECTED may be sent."""

    NOT_DECIDED = "NOT_DECIDED"
    ACCEPTED = "ACCEPTED"
    REJECTED = "REJECTED"

    @classmethod
    def parse(cls, value: object) -> Decision | str:
        text = str(value or "NOT_DECIDED").upper()
        try:
            return cls(text)
        except ValueError:
            return text


def _price(value: Any) -> tuple[float | None, str | None]:
    """The estimate's rules (``json_values.price_of``): NaN, negatives, text are no prices."""
    if value is None:
        return None, "UP42 sent no price."
    return price_of(value)


@dataclass(frozen=True)
class _Decided:
    """What a quotation and a feasibility study share: the order, the user's decision on it,
    the workspace and the times (these keyword-only)."""

    id: str
    order_id: str
    decision: Decision | str
    workspace_id: str = field(default="", kw_only=True)
    account_id: str = field(default="", kw_only=True)
    created_at: datetime | None = field(default=None, kw_only=True)
    updated_at: datetime | None = field(default=None, kw_only=True)
    decided_at: datetime | None = field(default=None, kw_only=True)

    @property
    def is_pending(self) -> bool:
        return self.decision == Decision.NOT_DECIDED

    @staticmethod
    def common_fields(data: JSON) -> dict[str, Any]:
        """The shared fields of UP42's JSON, as keyword arguments."""
        return {
            "id": str(data.get("id") or ""),
            "order_id": str(data.get("orderId") or ""),
            "decision": Decision.parse(data.get("decision")),
            "workspace_id": str(data.get("workspaceId") or ""),
            "account_id": str(data.get("accountId") or ""),
            "created_at": parse_timestamp(data.get("createdAt")),
            "updated_at": parse_timestamp(data.get("updatedAt")),
            "decided_at": parse_timestamp(data.get("decisionAt")),
        }


@dataclass(frozen=True)
class Quotation(_Decided):
    """UP42's price for a tasking order (``GET /v2/tasking/quotation``). ``credits_price`` is
    None when UP42 sent none or an impossible one (``price_error`` says which): such a
    quotation is never accepted."""

    credits_price: float | None = None
    price_error: str | None = None

    @property
    def can_accept(self) -> bool:
        return self.is_pending and self.credits_price is not None

    @classmethod
    def from_json(cls, data: JSON) -> Quotation:
        credits, error = _price(data.get("creditsPrice"))
        return cls(**cls.common_fields(data), credits_price=credits, price_error=error)


@dataclass(frozen=True)
class FeasibilityOption:
    """One way UP42 can fulfil the order; ``details`` keeps the option's other keys as UP42
    sent them (shown as plain text)."""

    id: str
    description: str = ""
    details: JSON = field(default_factory=dict, compare=False)

    @classmethod
    def from_json(cls, data: Any) -> FeasibilityOption:
        if not isinstance(data, dict):
            return cls(id="", description=str(data or ""))
        return cls(
            id=str(data.get("id") or ""),
            description=str(data.get("description") or ""),
            details={k: v for k, v in data.items() if k not in ("id", "description")},
        )


@dataclass(frozen=True)
class FeasibilityStudy(_Decided):
    """UP42's study of whether and how a tasking order can be acquired
    (``GET /v2/tasking/feasibility-studies``): options to accept one of."""

    options: tuple[FeasibilityOption, ...] = ()
    decision_option: FeasibilityOption | None = None

    def option(self, option_id: str) -> FeasibilityOption | None:
        return next((o for o in self.options if o.id and o.id == option_id), None)

    @classmethod
    def from_json(cls, data: JSON) -> FeasibilityStudy:
        chosen = data.get("decisionOption")
        return cls(
            **cls.common_fields(data),
            options=tuple(FeasibilityOption.from_json(o) for o in data.get("options") or ()),
            decision_option=FeasibilityOption.from_json(chosen) if chosen else None,
        )


@dataclass(frozen=True)
class CoverageArea:
    """A part of the order's area: its size, its share of the AOI and its geometry."""

    sq_km_area: float | None = None
    percentage: float | None = None
    geometry: JSON | None = None

    @classmethod
    def from_json(cls, data: Any) -> CoverageArea:
        if not isinstance(data, dict):
            return cls()
        geometry = data.get("geometry")
        return cls(
            sq_km_area=float_or_none(data.get("sqKmArea")),
            percentage=float_or_none(data.get("percentage")),
            geometry=geometry if isinstance(geometry, dict) and geometry.get("type") else None,
        )


@dataclass(frozen=True)
class OrderCoverage:
    """``GET /v2/coverage/orders/{orderId}``: what the delivered imagery covers of the AOI,
    and what remains."""

    order_id: str
    covered: CoverageArea
    remainder: CoverageArea

    @classmethod
    def from_json(cls, order_id: str, data: JSON) -> OrderCoverage:
        return cls(
            order_id=order_id,
            covered=CoverageArea.from_json(data.get("covered")),
            remainder=CoverageArea.from_json(data.get("remainder")),
        )
