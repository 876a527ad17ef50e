"""One exception hierarchy for everything UP42 or the network can answer.

The message is the server's own text (read from any of the contract's error body shapes).
No message may ever contain a token or a password: the client builds messages only from
response bodies and URLs without query strings. The GUI turns the type into a translated hint.
"""

from __future__ import annotations

from typing import Any


class Up42Error(Exception):
    """Base class. ``status`` is the HTTP status when there was a response.

    ``maybe_sent`` is False only when the request certainly never reached the server (the
    connection could not be opened, or signing in failed first): that is what decides
    whether a failed order POST is ambiguous.
    """

    maybe_sent: bool = True

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def __str__(self) -> str:
        return self.message


class AuthenticationError(Up42Error):
    """Wrong credentials, or a token UP42 refused even after signing in again (401)."""


class PermissionDeniedError(Up42Error):
    """Signed in, but not allowed (403)."""


class NotFoundError(Up42Error):
    """Unknown order, asset, collection or path (404)."""


class ValidationError(Up42Error):
    """The request was refused as invalid (400, 422)."""


class ConflictError(Up42Error):
    """The request conflicts with the current state, e.g. cancelling a placed order (409)."""


class RateLimitError(Up42Error):
    """Too many requests (429) and the retries ran out."""

    def __init__(self, message: str, status: int | None = 429, retry_after: float | None = None):
        super().__init__(message, status)
        self.retry_after = retry_after


class LicenceError(Up42Error):
    """451: the data product's EULA was not accepted, or the collection is restricted. This
    base class itself means the server did not say which of the two."""


class EulaNotAcceptedError(LicenceError):
    """451 because the data product's licence (EULA) is not accepted yet: accept it in the
    UP42 console."""


class AccessRestrictedError(LicenceError):
    """451 because access to the collection is restricted (approval needed): not a licence
    problem; request access in the UP42 console."""


class BudgetError(Up42Error):
    """UP42 refused an estimate or order because of the workspace's budgets.

    ``kind`` is ``required`` (enforcement is on and no budget was sent), ``exceeded`` (the
    chosen budget has too few credits left) or ``invalid`` (the chosen budget is unknown or
    inactive). ``budgets`` are the workspace's active budgets to choose from, ``budget`` the
    chosen one (with its usage, when it could be read) and ``remaining_credits`` what that
    one has left.
    """

    def __init__(
        self,
        message: str,
        status: int | None = None,
        *,
        kind: str = "required",
        budgets: tuple[Any, ...] = (),
        budget: Any = None,
        remaining_credits: float | None = None,
        server_message: str = "",
    ) -> None:
        super().__init__(message, status)
        self.kind = kind
        self.budgets = budgets
        self.budget = budget
        self.remaining_credits = remaining_credits
        self.server_message = server_message


class ForeignOriginError(Up42Error):
    """An authenticated call was asked for a URL outside UP42's API and auth origins: the
    sign-in token never leaves UP42, so the call was not made."""

    maybe_sent = False


class ServerError(Up42Error):
    """5xx after the retries ran out."""


class NetworkError(Up42Error):
    """No usable answer: DNS, refused or dropped connection, TLS, proxy, timeout."""

    def __init__(self, message: str, status: int | None = None, maybe_sent: bool = True):
        super().__init__(message, status)
        self.maybe_sent = maybe_sent


class AmbiguousPlacementError(Up42Error):
    """An order POST failed in a way that leaves open whether the order exists, and the
    lookup by display name and tag could not settle it. Never place again blindly."""


class PlacementInProgressError(Up42Error):
    """The placement journal holds a placement of the same scene, product and AOI that
    started moments ago (another dialog, thread or Processing run) and has no order yet:
    placing now could order it twice. Wait, then check the order list."""

    maybe_sent = False


class DownloadError(Up42Error):
    """A download could not complete (size mismatch, unsafe archive, disk)."""


class CancelledError(Up42Error):
    """The user cancelled; partial work is kept for resuming."""

    def __init__(self, message: str = "Cancelled", maybe_sent: bool = True) -> None:
        super().__init__(message)
        self.maybe_sent = maybe_sent


class ForeignAssetError(ForeignOriginError, DownloadError):
    """The asset's href is not on ``{API}``: its signed URL is never asked for with the
    token (contract §8.1; the SDK skips such assets too)."""


class OrderFormError(ValidationError):
    """The order form's values break the data product's schema (checked before anything is
    sent). ``problems`` are ``order_schema.Problem`` objects, each turned into words by the
    faces (``toolbelt.messages.form_problem_text``)."""

    maybe_sent = False

    def __init__(self, message: str, problems: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


class DecisionClosedError(ConflictError):
    """A quotation or feasibility study can no longer be decided here: it was decided already
    (in another dialog, run, or the UP42 console) or it expired. Nothing was decided now.

    ``kind`` is ``decided`` or ``expired``; ``decision`` is what UP42 holds now, when known."""

    maybe_sent = False

    def __init__(
        self, message: str, status: int | None = None, *, kind: str = "decided", decision: str = ""
    ) -> None:
        super().__init__(message, status)
        self.kind = kind
        self.decision = decision


class DecisionUnknownError(Up42Error):
    """A decision PATCH (accepting a quotation or an option) failed in a way that leaves open
    whether UP42 took it, and reading it again failed too: check it before deciding again."""


class PriceChangedError(Up42Error):
    """The quotation's price is above what the user confirmed: nothing was accepted.
    ``credits`` is UP42's price now, ``confirmed`` what the user said yes to."""

    maybe_sent = False

    def __init__(self, message: str, *, credits: float | None, confirmed: float) -> None:
        super().__init__(message)
        self.credits = credits
        self.confirmed = confirmed
