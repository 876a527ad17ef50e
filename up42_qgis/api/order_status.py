"""An order's status as an enum, and the groups every face compares and colours by (contract
§7.5, revision 2): final, failed, problem (not final: UP42 may resolve it), open, cancellable."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "CANCELLABLE_STATUSES",
    "DECISION_SUB_STATUSES",
    "FAILED_STATUSES",
    "FINAL_STATUSES",
    "OPEN_STATUSES",
    "PROBLEM_STATUSES",
    "OrderStatus",
    "OrderSubStatus",
]


class OrderStatus(StrEnum):
    """An order's status as UP42 names it (contract §7.5). A status this list does not know
    is kept verbatim as a plain string and counts as open: it is shown as UP42 wrote it and
    polled on."""

    CREATED = "CREATED"
    BEING_PLACED = "BEING_PLACED"
    PLACED = "PLACED"
    BEING_FULFILLED = "BEING_FULFILLED"
    DOWNLOADED = "DOWNLOADED"
    FULFILLED = "FULFILLED"
    PLACEMENT_FAILED = "PLACEMENT_FAILED"
    DOWNLOAD_FAILED = "DOWNLOAD_FAILED"
    DELIVERY_INITIALIZATION_FAILED = "DELIVERY_INITIALIZATION_FAILED"
    FAILED_PERMANENTLY = "FAILED_PERMANENTLY"
    FAILED = "FAILED"
    CANCELED = "CANCELED"

    @classmethod
    def parse(cls, value: object) -> OrderStatus | str:
        """The enum member, or the text verbatim when UP42 sent a status we do not know."""
        text = str(value or "UNKNOWN")
        try:
            return cls(text)
        except ValueError:
            return text


# The groups every face compares with. Final: never moves again, so polling stops there.
FINAL_STATUSES = frozenset(
    {
        OrderStatus.FULFILLED,
        OrderStatus.FAILED_PERMANENTLY,
        OrderStatus.FAILED,
        OrderStatus.CANCELED,
    }
)
# Failed for good: no delivery, no credits charged.
FAILED_STATUSES = frozenset({OrderStatus.FAILED_PERMANENTLY, OrderStatus.FAILED})
# Problems UP42 says to wait out ("please wait until it is resolved"): not final, still
# polled, shown as a problem; PLACEMENT_FAILED may also be cancelled.
PROBLEM_STATUSES = frozenset(
    {
        OrderStatus.PLACEMENT_FAILED,
        OrderStatus.DOWNLOAD_FAILED,
        OrderStatus.DELIVERY_INITIALIZATION_FAILED,
    }
)
# In progress as planned (unknown statuses count as open too: see Order.is_open).
OPEN_STATUSES = frozenset(
    {
        OrderStatus.CREATED,
        OrderStatus.BEING_PLACED,
        OrderStatus.PLACED,
        OrderStatus.BEING_FULFILLED,
        OrderStatus.DOWNLOADED,
    }
)
CANCELLABLE_STATUSES = frozenset({OrderStatus.CREATED, OrderStatus.PLACEMENT_FAILED})


class OrderSubStatus(StrEnum):
    """Where a tasking order's feasibility study and quotation stand (``orderDetails.
    subStatus``, contract §7.5; the SDK's ``OrderSubStatus``). ``*_WAITING_UPLOAD``: UP42
    prepares it; ``*_WAITING_RESPONSE``: it waits for the user's decision."""

    FEASIBILITY_WAITING_UPLOAD = "FEASIBILITY_WAITING_UPLOAD"
    FEASIBILITY_WAITING_RESPONSE = "FEASIBILITY_WAITING_RESPONSE"
    QUOTATION_WAITING_UPLOAD = "QUOTATION_WAITING_UPLOAD"
    QUOTATION_WAITING_RESPONSE = "QUOTATION_WAITING_RESPONSE"
    QUOTATION_ACCEPTED = "QUOTATION_ACCEPTED"
    QUOTATION_REJECTED = "QUOTATION_REJECTED"

    @classmethod
    def parse(cls, value: object) -> OrderSubStatus | str | None:
        """None when absent (archive orders), the member, or the text verbatim."""
        if value is None or value == "":
            return None
        text = str(value)
        try:
            return cls(text)
        except ValueError:
            return text


# The sub-statuses in which UP42 waits for the user (accept an option, decide a quotation).
DECISION_SUB_STATUSES = frozenset(
    {OrderSubStatus.FEASIBILITY_WAITING_RESPONSE, OrderSubStatus.QUOTATION_WAITING_RESPONSE}
)
