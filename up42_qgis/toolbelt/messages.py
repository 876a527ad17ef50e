"""The one place that turns an error into the sentence a user reads: what went wrong in the
server's own words, and a translated hint of what to do about it. The dock's labels and
message bar and Processing's one-line failures all read it from here."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ..api import errors
from ..api.models import PlacedOrder
from ..api.order_schema import FieldKind, Problem, ProblemKind
from ..i18n import tr
from .formatting import format_credits, format_limit


def one_line(text: str) -> str:
    """A message as one readable line (Processing shows the exception text as the reason)."""
    return " ".join(str(text).split())


def is_sign_in_problem(error: BaseException) -> bool:
    return isinstance(error, errors.AuthenticationError)


def error_title(error: BaseException) -> str:
    """What kind of failure, in a few words."""
    if isinstance(error, errors.AuthenticationError):
        return tr("UP42 sign-in failed")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("UP42 refused access")
    if isinstance(error, errors.AccessRestrictedError):
        return tr("Access to the collection needed")
    if isinstance(error, errors.LicenceError):
        return tr("Licence or access needed")
    if isinstance(error, errors.OrderFormError):
        return tr("The order form does not fit the data product")
    if isinstance(error, errors.DecisionClosedError):
        if error.kind == "expired":
            return tr("The quotation expired")
        return tr("Decided already")
    if isinstance(error, errors.PriceChangedError):
        return tr("The price is above the confirmed one")
    if isinstance(error, errors.RateLimitError):
        return tr("UP42 is limiting requests")
    if isinstance(error, errors.ServerError):
        return tr("UP42 server error")
    if isinstance(error, errors.NetworkError):
        return tr("Could not reach UP42")
    if isinstance(error, errors.NotFoundError):
        return tr("Not found on UP42")
    if isinstance(error, errors.ValidationError):
        return tr("UP42 refused the request")
    if isinstance(error, errors.AmbiguousPlacementError):
        return tr("The order may exist")
    if isinstance(error, errors.DownloadError):
        return tr("Download failed")
    if isinstance(error, errors.Up42Error):
        return tr("UP42 error")
    return tr("Error")


def error_hint(error: BaseException) -> str:
    """What the user can do about it ("" when there is nothing to add)."""
    if isinstance(error, errors.AuthenticationError):
        return tr(
            "Check the UP42 account in Settings ▸ Options ▸ UP42 (outside QGIS: UP42_USERNAME "
            "and UP42_PASSWORD)."
        )
    if isinstance(error, errors.NetworkError):
        return tr("Check the internet connection and the proxy in Settings ▸ Options ▸ Network.")
    if isinstance(error, errors.RateLimitError):
        return tr("UP42 is receiving too many requests; wait a moment and try again.")
    if isinstance(error, errors.ServerError):
        return tr("UP42 has a problem right now; try again in a few minutes.")
    if isinstance(error, errors.PermissionDeniedError):
        return tr("Check the account's permissions in the UP42 console.")
    if isinstance(error, errors.AccessRestrictedError):
        return tr(
            "Request access to this collection in the UP42 console (Settings ▸ Access "
            "requests); UP42 usually answers within a few days."
        )
    if isinstance(error, errors.EulaNotAcceptedError):
        return tr("Accept the data product's licence (EULA) in the UP42 console first.")
    if isinstance(error, errors.LicenceError):
        return tr(
            "Accept the data product's licence (EULA) in the UP42 console, or request access "
            "to the collection there."
        )
    if isinstance(error, errors.OrderFormError):
        return tr("Nothing was sent; correct the form and try again.")
    if isinstance(error, errors.DecisionClosedError):
        if error.kind == "expired":
            return tr("Nothing was decided; ask UP42 support for a new quotation.")
        return tr("Nothing was changed; refresh the orders to see the decision UP42 holds.")
    if isinstance(error, errors.PriceChangedError):
        return tr("Nothing was accepted; look at the new price before deciding again.")
    if isinstance(error, errors.ValidationError):
        return tr("Please check the AOI and the filters.")
    if isinstance(error, errors.AmbiguousPlacementError):
        return tr("Check the Orders tab before ordering again.")
    if isinstance(error, errors.Up42Error):
        return ""
    return tr("An unexpected error; the UP42 tab of the Log Messages panel has the details.")


def error_text(error: BaseException) -> str:
    """ "<title>: <server message>. <hint>" on one line, never a traceback."""
    if isinstance(error, errors.CancelledError):
        return tr("Cancelled.")
    message = one_line(str(error)).rstrip(".") or type(error).__name__
    if isinstance(error, errors.OrderFormError) and error.problems:
        message = "; ".join(
            form_problem_text(p).rstrip(".") for p in error.problems if isinstance(p, Problem)
        )
    if isinstance(error, errors.PriceChangedError):
        message = tr("UP42 asks {credits} credits, {confirmed} were confirmed").format(
            credits=format_credits(error.credits), confirmed=format_credits(error.confirmed)
        )
    text = tr("{title}: {message}.").format(title=error_title(error), message=message)
    hint = error_hint(error)
    return one_line(f"{text} {hint}" if hint else text)


def failure_text(failure: BaseException | None, fallback: str | None) -> str:
    """A step's per-request failure as text: the hinted sentence when the exception is
    there, else the step's plain text."""
    if failure is not None:
        return error_text(failure)
    return one_line(fallback or "")


def placement_failure(result: PlacedOrder) -> str:
    """Why one request was not placed: stopped before it was sent, or UP42's refusal."""
    reason = failure_text(result.failure, result.error)
    if result.sent:
        return reason
    if isinstance(result.failure, errors.CancelledError):
        return tr("Not ordered: cancelled.")
    return tr("Not sent: {reason}").format(reason=reason)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if isinstance(value, int | float):
        return format_limit(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return one_line(str(value))[:80]


def form_problem_text(problem: Problem) -> str:
    """One problem of the order form as the user reads it (``api.order_schema.Problem``)."""
    name = problem.title or problem.field
    kind, limit = problem.kind, problem.limit
    if kind == ProblemKind.MISSING:
        return tr("{name} is required.").format(name=name)
    if kind == ProblemKind.OUT_OF_RANGE:
        low, high = limit if isinstance(limit, tuple) else (None, None)
        if low is not None and high is not None:
            return tr("{name} must be from {low} to {high}, not {value}.").format(
                name=name,
                low=format_limit(low),
                high=format_limit(high),
                value=_shown(problem.value),
            )
        if low is not None:
            return tr("{name} must be at least {low}.").format(name=name, low=format_limit(low))
        return tr("{name} must be at most {high}.").format(name=name, high=format_limit(high))
    if kind == ProblemKind.LENGTH:
        low, high = limit if isinstance(limit, tuple) else (None, None)
        return tr("{name} must have {low} to {high} characters.").format(
            name=name, low=low or 0, high=high if high is not None else "∞"
        )
    if kind == ProblemKind.PATTERN:
        return tr("{name} does not have the expected form.").format(name=name)
    if kind == ProblemKind.NOT_A_CHOICE:
        choices = ", ".join(_shown(c) for c in limit or ())
        return tr("{name} must be one of {choices}, not {value}.").format(
            name=name, choices=choices, value=_shown(problem.value)
        )
    if kind == ProblemKind.NOT_A_DATE:
        return tr("{name} is not a date (use YYYY-MM-DD): {value}.").format(
            name=name, value=_shown(problem.value)
        )
    if kind == ProblemKind.IN_THE_PAST:
        return tr("{name} is in the past: {value} is before today ({today}).").format(
            name=name, value=_shown(problem.value), today=_shown(limit)
        )
    if kind == ProblemKind.REVERSED:
        return tr("{name} must be after {start}.").format(name=name, start=limit)
    if kind == ProblemKind.WRONG_GEOMETRY:
        allowed = tr(" or ").join(str(t) for t in limit or ())
        return tr("This data product takes a {allowed} as its area, not {value}.").format(
            allowed=allowed, value=_shown(problem.value or tr("that geometry"))
        )
    if kind == ProblemKind.UNKNOWN_FIELD:
        return tr("{name} is not a field of this data product's order form.").format(name=name)
    kinds = {
        FieldKind.INTEGER: tr("a whole number"),
        FieldKind.NUMBER: tr("a number"),
        FieldKind.BOOLEAN: tr("yes or no"),
        FieldKind.STRING: tr("text"),
    }
    return tr("{name} must be {kind}, not {value}.").format(
        name=name, kind=kinds.get(limit, tr("a valid value")), value=_shown(problem.value)
    )


def skipped_note(skipped: int, reasons: tuple[str, ...] | list[str] = ()) -> str:
    """What a search says about the malformed scenes it left out ("" when none): how many
    and why, in one line (the dock's results and Processing's log)."""
    if skipped <= 0:
        return ""
    why = "; ".join(one_line(reason) for reason in reasons) or tr("malformed")
    return one_line(
        tr("%Ln scene(s) skipped: UP42 sent them malformed ({why}).", "", skipped).format(
            why=why
        )
    )
