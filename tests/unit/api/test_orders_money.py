"""Money rules of the order path against the sandbox and the hostile server: budgets
(15.1), 451 at placement (15.8), prices that are not prices (14.2), one Polygon per order
(15.9), the placement journal after a crash and the duplicate lookup (14.3), and the
region's auth origin (15.10)."""

from __future__ import annotations

import dataclasses
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.sandbox.orders import BUDGETS
from tests.unit.api.conftest import SQUARE, SQUARE_ORDER, hostile_client, make_client, order_request
from tests.unit.api.hostile_server import json_answer
from up42_qgis.api import errors
from up42_qgis.api.endpoints import Endpoints, endpoints_from_env
from up42_qgis.api.http_errors import message_from_body
from up42_qgis.api.placement_journal import PlacementJournal

ACTIVE, INACTIVE = BUDGETS[0]["id"], BUDGETS[1]["id"]
REPO = Path(__file__).resolve().parents[3]


# --- 15.1 budgets ----------------------------------------------------------------------------
def test_without_a_budget_the_refusal_names_the_active_budgets(sandbox, up42):
    request = order_request(up42, "Needs a budget")
    sandbox.configure(budget_enforcement=True)
    assert up42.budget_enforcement() is True
    with pytest.raises(errors.BudgetError) as caught:
        up42.estimate(request)
    assert caught.value.kind == "required"
    assert "Default budget" in caught.value.message
    assert "500,000 credits left" in caught.value.message
    assert "Pilot project" not in caught.value.message
    assert [b.id for b in caught.value.budgets] == [ACTIVE]
    with pytest.raises(errors.BudgetError):
        up42.place_order(request)
    assert sandbox.orders() == []
    chosen = dataclasses.replace(request, budget_id=ACTIVE)
    assert up42.estimate(chosen).ok
    assert up42.place_order(chosen).order_id
    posts = [
        e
        for e in sandbox.request_log()
        if e["path"] in ("/v2/orders", "/v2/orders/estimate")
        and e["method"] == "POST"
        and e["status"] == 200
    ]
    assert posts


def test_over_the_budget_the_refusal_says_what_is_left(sandbox, up42):
    request = dataclasses.replace(order_request(up42, "Too dear"), budget_id=ACTIVE)
    sandbox.configure(budget_limits={ACTIVE: 10})
    with pytest.raises(errors.BudgetError) as caught:
        up42.place_order(request)
    assert caught.value.kind == "exceeded"
    assert caught.value.remaining_credits == 10
    assert "10 credits left" in caught.value.message
    assert "Default budget" in caught.value.message
    assert sandbox.orders() == []


def test_an_inactive_budget_is_refused_with_the_active_ones_to_choose(sandbox, up42):
    request = dataclasses.replace(order_request(up42, "Old budget"), budget_id=INACTIVE)
    with pytest.raises(errors.BudgetError) as caught:
        up42.place_order(request)
    assert caught.value.kind == "invalid"
    assert "Default budget" in caught.value.message


def test_budgets_never_offers_an_inactive_one_even_if_the_server_ignores_the_filter(hostile):
    budgets = [
        {"id": f"b{i}", "name": f"B{i}", "status": "ACTIVE" if i % 2 else "INACTIVE"}
        for i in range(150)
    ]

    def page(handler):
        number = int(handler.server.hostile.seen[-1]["query"]["page"][0])
        content = budgets[number * 100 : (number + 1) * 100]
        return json_answer(200, {"content": content, "totalPages": 2, "number": number})

    hostile.route("GET", "/v2/budgets", page)
    with hostile_client(hostile) as client:
        found = client.budgets()
    assert len(found) == 75
    assert all(b.active for b in found)


# --- 15.8 451 at placement -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("kind", "error_class"),
    [("eula", errors.EulaNotAcceptedError), ("restricted", errors.AccessRestrictedError)],
)
def test_451_at_placement_says_which(sandbox, up42, kind, error_class):
    request = order_request(up42, f"Licence {kind}")
    sandbox.configure(licence_refused_at_placement={request.data_product_id: kind})
    assert up42.estimate(request).ok
    with pytest.raises(error_class) as caught:
        up42.place_order(request)
    if kind == "restricted":
        assert not isinstance(caught.value, errors.EulaNotAcceptedError)
        assert "EULA" not in caught.value.message
    assert (
        len(
            [
                e
                for e in sandbox.request_log()
                if e["path"] == "/v2/orders" and e["method"] == "POST"
            ]
        )
        == 1
    )


# --- 14.2 prices that are not prices ----------------------------------------------------------
@pytest.mark.parametrize("credits", [math.nan, math.inf, -math.inf, -5, "abc", None, True])
def test_a_price_that_is_not_a_price_is_an_error(hostile, credits):
    body = json.dumps(
        {
            "summary": {},
            "results": [{"index": 0, "credits": credits, "size": 1, "unit": "SQ_KM"}],
            "errors": [],
        }
    )
    hostile.route(
        "POST",
        "/v2/orders/estimate",
        lambda h: (200, {"Content-Type": "application/json"}, body.encode()),
    )
    with hostile_client(hostile) as client:
        estimate = client.estimate(SQUARE_ORDER)
    assert not estimate.ok
    assert estimate.credits is None
    assert estimate.error


def test_a_zero_price_is_marked(hostile):
    hostile.route(
        "POST",
        "/v2/orders/estimate",
        lambda h: json_answer(
            200,
            {"results": [{"index": 0, "credits": 0, "size": 3.2, "unit": "SQ_KM"}], "errors": []},
        ),
    )
    with hostile_client(hostile) as client:
        estimate = client.estimate(SQUARE_ORDER)
    assert estimate.ok
    assert estimate.zero_price


# --- 15.9 one Polygon per order ---------------------------------------------------------------
def test_a_multipolygon_is_refused_before_anything_is_sent(hostile):
    multi = {"type": "MultiPolygon", "coordinates": [SQUARE["coordinates"]]}
    request = dataclasses.replace(SQUARE_ORDER, aoi=multi)
    with hostile_client(hostile) as client:
        for call in (client.estimate, client.place_order):
            with pytest.raises(errors.ValidationError, match="one Polygon per order"):
                call(request)
    assert not [r for r in hostile.seen if r["path"].startswith("/v2/orders")]


# --- 14.3 crash between POST and answer, duplicates ------------------------------------------
CRASHING_RUN = """
import sys
from tests.unit.api.conftest import make_client
from tests.sandbox.control import SandboxControl
from up42_qgis.api.models import OrderRequest
from up42_qgis.api.placement_journal import PlacementJournal
import json
sandbox = SandboxControl(sys.argv[1])
request = OrderRequest(**json.loads(sys.argv[2]))
client = make_client(sandbox, [], timeout=60)
print("placing", flush=True)
client.place_order(request, PlacementJournal(sys.argv[3]))
"""


def test_a_rerun_after_a_crash_between_post_and_answer_finds_the_order(sandbox, sleeps, tmp_path):
    journal_path = tmp_path / "placements.json"
    with make_client(sandbox, sleeps) as client:
        request = order_request(client, "Crash test")
    sandbox.configure(placement_fault="delay", placement_delay_s=30, placement_fault_count=1)
    fields = dataclasses.asdict(request)
    child = subprocess.Popen(
        [sys.executable, "-c", CRASHING_RUN, sandbox.url, json.dumps(fields), str(journal_path)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    try:
        deadline = time.monotonic() + 20
        while not sandbox.orders() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sandbox.orders(), "the child never placed"
        child.kill()  # kill -9 while the POST waits for its answer
    finally:
        child.wait(10)
    assert PlacementJournal(journal_path).pending(request)
    with make_client(sandbox, sleeps) as client:
        placed = client.place_order(request, PlacementJournal(journal_path))
    assert placed.recovered
    orders = sandbox.orders()
    assert len(orders) == 1
    assert placed.order_id == orders[0]["id"]
    assert PlacementJournal(journal_path).pending() == []


def test_open_orders_like_finds_the_same_scene_product_and_aoi(sandbox, up42):
    sandbox.configure(dwell={"CREATED": 600})
    request = order_request(up42, "Duplicate check")
    assert up42.open_orders_like(request) == []
    placed = up42.place_order(request)
    (found,) = up42.open_orders_like(request)
    assert found.id == placed.order_id
    other_aoi = dataclasses.replace(request, aoi={**SQUARE})
    assert up42.open_orders_like(other_aoi) == []
    up42.cancel_order(placed.order_id)
    assert up42.open_orders_like(request) == []


def test_the_journal_is_written_before_the_post(hostile, tmp_path):
    journal = PlacementJournal(tmp_path / "j.json")
    seen_pending: list[int] = []

    def answer(handler):
        seen_pending.append(len(journal.pending()))
        return json_answer(200, {"results": [{"index": 0, "id": "o-1"}], "errors": []})

    hostile.route("POST", "/v2/orders", answer)
    with hostile_client(hostile) as client:
        assert client.place_order(SQUARE_ORDER, journal).order_id == "o-1"
    assert seen_pending == [1]
    assert journal.pending() == []


# --- 15.10 error words, regions ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            {"code": 404, "message": "No glossary", "details": "phr is unknown"},
            "No glossary: phr is unknown",
        ),
        ({"details": "only details"}, "only details"),
        ({"schema-error": "params.id is required"}, "params.id is required"),
        ({"errors": [{"message": "bad geometry"}, {"message": "second"}]}, "bad geometry"),
    ],
)
def test_error_words_from_details_schema_error_and_errors(body, expected):
    assert message_from_body(body, "", "Bad Request", 400) == expected


@pytest.mark.parametrize(
    ("api", "auth"),
    [
        ("https://api.up42.com", "https://auth.up42.com"),
        ("https://api.sa.up42.com/", "https://auth.sa.up42.com"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
    ],
)
def test_only_the_api_url_keeps_the_regions_auth_origin(api, auth):
    default = Endpoints.for_region("eu")
    assert endpoints_from_env(default, {"UP42_API_URL": api}).auth == auth
    assert Endpoints.custom(api).auth == auth


def test_a_second_placement_while_the_first_waits_for_its_answer_is_refused(hostile, tmp_path):
    """Two dialogs or two Processing runs 0.2 s apart: the second sees the first's entry."""
    journal = PlacementJournal(tmp_path / "j.json")
    journal.begin(SQUARE_ORDER, "qgis-req:first", "Hostile order")  # sent, no answer, no order yet
    with hostile_client(hostile) as client, pytest.raises(errors.PlacementInProgressError):
        client.place_order(SQUARE_ORDER, journal)
    assert hostile.orders == []
    assert hostile.requests_to("GET", "/v2/orders")  # it looked for the first one's order


def test_a_stale_entry_without_an_order_does_not_block_forever(hostile, tmp_path):
    journal = PlacementJournal(tmp_path / "j.json")
    journal.begin(SQUARE_ORDER, "qgis-req:old", "Hostile order")
    data = json.loads((tmp_path / "j.json").read_text())
    data["qgis-req:old"]["started"] -= 3600  # an hour ago: died before UP42 made anything
    (tmp_path / "j.json").write_text(json.dumps(data))
    with hostile_client(hostile) as client:
        assert client.place_order(SQUARE_ORDER, journal).order_id
    assert len(hostile.orders) == 1
    assert journal.pending() == []


def test_a_clean_refusal_leaves_no_journal_entry_so_a_second_try_is_not_blocked(
    sandbox, up42, tmp_path
):
    journal = PlacementJournal(tmp_path / "placements.json")
    request = dataclasses.replace(order_request(up42, "Too dear again"), budget_id=ACTIVE)
    sandbox.configure(budget_limits={ACTIVE: 10})
    for _ in range(2):  # the second try is refused by UP42 again, not by the journal
        with pytest.raises(errors.BudgetError):
            up42.place_order(request, journal)
        assert journal.pending() == []
    sandbox.configure(budget_limits={})
    assert up42.place_order(request, journal).order_id
