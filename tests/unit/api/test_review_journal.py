"""The placement journal's disk failing must not hide an order UP42 accepted (review fix)."""

from __future__ import annotations

import pytest

from tests.unit.api.conftest import SQUARE_ORDER as REQUEST
from tests.unit.api.conftest import hostile_client
from tests.unit.api.hostile_server import HostileServer, json_answer
from up42_qgis.api import errors
from up42_qgis.api.ordering import place_all
from up42_qgis.api.placement_journal import PlacementJournal


class SettleFails(PlacementJournal):
    """The profile's disk fills up between the journal entry and the answer."""

    def settle(self, request_tag: str) -> None:
        raise OSError(28, "No space left on device")


class BeginFails(PlacementJournal):
    def begin(self, request, request_tag, display_name) -> None:
        raise OSError(30, "Read-only file system")


@pytest.fixture
def hostile():
    server = HostileServer()
    server.route(
        "POST",
        "/v2/orders",
        lambda handler: json_answer(200, {"results": [{"index": 0, "id": "o-1"}], "errors": []}),
    )
    yield server
    server.close()


def test_an_accepted_order_is_reported_even_when_the_journal_cannot_be_settled(
    hostile, tmp_path
):
    journal = SettleFails(tmp_path / "j.json")
    heard = []
    with hostile_client(hostile) as client:
        placed = place_all(
            client, [REQUEST], journal=journal, on_result=lambda r, p: heard.append(p)
        )
    assert [p.order_id for p in placed] == ["o-1"]
    assert [p.order_id for p in heard] == ["o-1"]  # the dock records it from here
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1


def test_a_journal_that_cannot_be_written_sends_nothing_and_says_so_per_order(
    hostile, tmp_path
):
    journal = BeginFails(tmp_path / "j.json")
    with hostile_client(hostile) as client:
        placed = place_all(client, [REQUEST, REQUEST], journal=journal)
    assert [p.order_id for p in placed] == [None, None]
    assert all(isinstance(p.failure, errors.Up42Error) for p in placed)
    assert not placed[0].failure.maybe_sent
    assert "journal" in (placed[0].error or "")
    assert hostile.requests_to("POST", "/v2/orders") == []


def test_an_order_post_cancelled_mid_flight_is_ambiguous_and_stays_journaled(tmp_path):
    """Cancel in Processing while an order POST waits for its answer: UP42 may have made the
    order, so the outcome is "check the order list" (AmbiguousPlacementError) and the journal
    keeps the tag for the next run's lookup; it ended as a plain "Cancelled" with the journal
    entry forgotten."""
    import threading

    from up42_qgis.api.http_flight import cancel_scope

    server = HostileServer()
    server.route("POST", "/v2/orders", lambda handler: handler.hang())
    journal = PlacementJournal(tmp_path / "j.json")
    cancel = threading.Event()
    try:
        with hostile_client(server, timeout=60.0, deadline=60.0) as client:
            threading.Timer(0.3, cancel.set).start()
            with cancel_scope(cancel.is_set), pytest.raises(errors.AmbiguousPlacementError):
                client.place_order(REQUEST, journal)
    finally:
        server.close()
    assert len(journal.pending()) == 1


def test_a_quotation_accept_cancelled_mid_flight_is_not_reported_as_not_decided():
    """Cancel in Processing while the accept PATCH waits for its answer: the quotation may
    be accepted (credits spent), so the error must say the outcome is unknown; it was a
    plain "Cancelled" that up42:quotations listed as "not decided"."""
    import threading

    from up42_qgis.api.http_flight import cancel_scope

    quotation = {"id": "q-1", "orderId": "o-1", "decision": "NOT_DECIDED", "creditsPrice": 50}
    server = HostileServer()
    server.route(
        "GET",
        "/v2/tasking/quotation",
        lambda handler: json_answer(200, {"content": [quotation], "totalPages": 1}),
    )
    server.route("PATCH", "/v2/tasking/quotation/q-1", lambda handler: handler.hang())
    cancel = threading.Event()
    try:
        with hostile_client(server, timeout=60.0, deadline=60.0) as client:
            threading.Timer(0.3, cancel.set).start()
            with cancel_scope(cancel.is_set), pytest.raises(errors.DecisionUnknownError):
                client.decide_quotation("q-1", "ACCEPTED", confirmed_credits=50)
    finally:
        server.close()
