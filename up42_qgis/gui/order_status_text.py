"""An order's status as the Orders tab says it: labels, explanations, filters, alarm."""

from __future__ import annotations

from collections.abc import Callable

from ..api.models import Order, OrderStatus, PlacedOrder
from ..api.order_status import OrderSubStatus
from ..i18n import tr
from ..toolbelt.messages import placement_failure


def is_alarming(order: Order) -> bool:
    """Shown in the failure colour: failed for good, or a problem UP42 may still resolve."""
    return order.has_failed or order.has_problem


def status_filters() -> tuple[tuple[str, Callable[[Order], bool] | None], ...]:
    """The filter choices: label and which orders they show (None = all). Problems UP42 may
    still resolve (PLACEMENT_FAILED) show under "Failed", where a user looks for trouble."""
    return (
        (tr("All orders"), None),
        (tr("Open"), lambda order: order.is_open),
        (tr("Fulfilled"), lambda order: order.is_fulfilled),
        (tr("Failed"), lambda order: order.has_failed or order.has_problem),
        (tr("Cancelled"), lambda order: order.status == OrderStatus.CANCELED),
    )


def column_titles() -> list[str]:
    return [tr("Name"), tr("Status"), tr("Created"), tr("Product"), tr("Credits")]


def status_label(status: OrderStatus | str) -> str:
    labels = {
        OrderStatus.CREATED: tr("Created"),
        OrderStatus.BEING_PLACED: tr("Being placed"),
        OrderStatus.PLACED: tr("Placed"),
        OrderStatus.BEING_FULFILLED: tr("Being fulfilled"),
        OrderStatus.DOWNLOADED: tr("Downloaded by UP42"),
        OrderStatus.FULFILLED: tr("Fulfilled"),
        OrderStatus.PLACEMENT_FAILED: tr("Placement failed"),
        OrderStatus.DOWNLOAD_FAILED: tr("Download failed at UP42"),
        OrderStatus.DELIVERY_INITIALIZATION_FAILED: tr("Delivery could not start"),
        OrderStatus.FAILED_PERMANENTLY: tr("Failed permanently"),
        OrderStatus.FAILED: tr("Failed"),
        OrderStatus.CANCELED: tr("Cancelled"),
    }
    # Unknown statuses verbatim, as UP42 names them.
    known = status if isinstance(status, OrderStatus) else None
    return labels[known] if known in labels else str(status)


def sub_status_label(sub_status: OrderSubStatus | str | None) -> str:
    """A tasking order's sub-status (``orderDetails.subStatus``) in words; "" for none, an
    unknown one verbatim."""
    if not sub_status:
        return ""
    labels = {
        OrderSubStatus.FEASIBILITY_WAITING_UPLOAD: tr("Feasibility study in preparation"),
        OrderSubStatus.FEASIBILITY_WAITING_RESPONSE: tr("Feasibility study: your decision"),
        OrderSubStatus.QUOTATION_WAITING_UPLOAD: tr("Quotation in preparation"),
        OrderSubStatus.QUOTATION_WAITING_RESPONSE: tr("Quotation: your decision"),
        OrderSubStatus.QUOTATION_ACCEPTED: tr("Quotation accepted"),
        OrderSubStatus.QUOTATION_REJECTED: tr("Quotation rejected"),
    }
    known = sub_status if isinstance(sub_status, OrderSubStatus) else None
    return labels[known] if known in labels else str(sub_status)


def full_status_label(order: Order) -> str:
    """The status, with a tasking order's sub-status after it ("Created · Quotation: your
    decision")."""
    sub = sub_status_label(order.sub_status)
    return f"{status_label(order.status)} · {sub}" if sub else status_label(order.status)


def status_explanation(order: Order) -> str:
    if order.awaits_decision:
        if order.sub_status == OrderSubStatus.FEASIBILITY_WAITING_RESPONSE:
            return tr(
                "UP42 studied how this area can be acquired and offers options: choose one "
                "(here or in the UP42 console). Nothing is chosen without you."
            )
        return tr(
            "UP42 sent the price of this acquisition: accept or reject the quotation (here "
            "or in the UP42 console). Nothing is accepted without you."
        )
    if order.status == OrderStatus.PLACEMENT_FAILED:
        return tr(
            "UP42 could not place this order with the provider yet and may still resolve it; "
            "the plugin keeps checking. No credits are charged. Cancel it to close it, then "
            "order the scene again if you still need it."
        )
    if order.has_problem:
        return tr(
            "UP42 reports a problem ({status}) and may still resolve it; the plugin keeps "
            "checking."
        ).format(status=status_label(order.status))
    if order.has_failed:
        return tr(
            "The provider could not deliver this order. No credits are charged. "
            "Contact UP42 support with the order id {id} if you need to know why."
        ).format(id=order.id)
    if order.status == OrderStatus.CANCELED:
        return tr("This order was cancelled.")
    if order.is_fulfilled:
        return tr("Fulfilled: the files are ready to download.")
    return tr("In progress ({status}). The plugin checks it regularly.").format(
        status=status_label(order.status)
    )


def placement_result(result: PlacedOrder) -> str:
    """One placement's outcome for the confirmation's "Result" column."""
    if result.order_id:
        if result.recovered:
            return tr("Placed (confirmed after a lost answer): {id}").format(id=result.order_id)
        return tr("Placed: {id}").format(id=result.order_id)
    if not result.sent:
        return placement_failure(result)
    return tr("Failed: {error}").format(error=placement_failure(result))
