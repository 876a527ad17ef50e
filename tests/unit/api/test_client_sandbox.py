"""Every call of the client against the sandbox, over real HTTP."""

from __future__ import annotations

import math

import pytest

from tests.unit.api.conftest import (
    BERLIN,
    aoi_inside,
    berlin_scene,
    fulfilled_order,
    make_client,
    order_request,
    phr_product_id,
    wait_for_status,
)
from up42_qgis.api import errors
from up42_qgis.api.catalog import search_body
from up42_qgis.api.models import OrderRequest, OrderStatus, SearchRequest, SortField
from up42_qgis.api.orders import REQUEST_TAG_PREFIX


def api_calls(sandbox, method: str, path: str) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == method and e["path"] == path]


# --- account ---------------------------------------------------------------------------------
def test_sign_in_once_and_the_workspace_comes_from_userinfo(sandbox, up42):
    account = up42.account()
    assert account.workspace_id == sandbox.workspace_id
    assert account.email == sandbox.username
    up42.collections()
    up42.account()
    assert up42.tokens.sign_ins == 1
    token_posts = api_calls(sandbox, "POST", "/realms/public/protocol/openid-connect/token")
    assert len(token_posts) == 1


def test_a_wrong_password_is_an_authentication_error_with_the_servers_text(sandbox, sleeps):
    with (
        make_client(sandbox, sleeps, password="not-the-password") as client,
        pytest.raises(errors.AuthenticationError) as caught,
    ):
        client.account()
    assert caught.value.message == "Invalid user credentials"
    assert caught.value.status == 401


# --- glossary --------------------------------------------------------------------------------
def test_collections_and_their_products(sandbox, up42):
    collections = {c.name: c for c in up42.collections()}
    assert {"phr", "pneo", "spot", "capella-sar"} <= set(collections)
    phr = collections["phr"]
    assert phr.searchable
    assert phr.type == "ARCHIVE"
    assert phr.orderable_products
    assert all(p.id for p in phr.orderable_products)
    spot = collections["spot"]
    assert len(spot.orderable_products) < len(spot.data_products)  # one product without id
    gets = api_calls(sandbox, "GET", "/v2/collections")
    assert [g["params"].get("page") for g in gets] == [["0"]]


# --- catalog ---------------------------------------------------------------------------------
def test_search_yields_every_page_and_exactly_the_matching_scenes(sandbox, up42):
    request = SearchRequest(aoi=BERLIN, collections=("phr",), page_size=20)
    expected = sandbox.count_scenes(search_body(request))
    assert expected > 40  # several pages
    pages = list(up42.search(request))
    ids = [s.id for page in pages for s in page.scenes]
    assert len(ids) == expected
    assert len(set(ids)) == expected
    assert len(pages) == math.ceil(expected / 20)
    assert pages[0].number_matched == expected
    assert not pages[-1].has_more
    assert len(api_calls(sandbox, "POST", "/v2/catalog/search")) == len(pages)


def test_search_page_continues_from_the_next_request(sandbox, up42):
    request = SearchRequest(aoi=BERLIN, collections=("phr",), page_size=5)
    first = up42.search_page(request)
    assert first.has_more
    assert first.next_request["body"]["token"].startswith("next:")
    second = up42.search_page(request, first.next_request)
    assert not {s.id for s in first.scenes} & {s.id for s in second.scenes}
    assert len(second.scenes) == 5


def test_search_stops_at_max_scenes(sandbox, up42):
    request = SearchRequest(aoi=BERLIN, collections=("phr",), page_size=5)
    scenes = [s for page in up42.search(request, max_scenes=12) for s in page.scenes]
    assert len(scenes) == 12
    assert len(api_calls(sandbox, "POST", "/v2/catalog/search")) == 3


def test_search_filters_and_sorting_are_sent(sandbox, up42):
    from datetime import date

    request = SearchRequest(
        aoi=BERLIN,
        collections=("phr", "spot"),
        start=date(2022, 1, 1),
        end=date(2024, 12, 31),
        max_cloud=20,
        sort=SortField.CLOUD,
        ascending=True,
        page_size=100,
    )
    scenes = [s for page in up42.search(request) for s in page.scenes]
    assert scenes
    assert len(scenes) == sandbox.count_scenes(search_body(request))
    assert all(s.cloud_cover is not None and s.cloud_cover <= 20 for s in scenes)
    assert all(s.collection in ("phr", "spot") for s in scenes)
    assert all(2022 <= s.acquired.year <= 2024 for s in scenes)
    clouds = [s.cloud_cover for s in scenes]
    assert clouds == sorted(clouds)


def test_an_empty_search_has_no_next_page(sandbox, up42):
    ocean = {
        "type": "Polygon",
        "coordinates": [[[-30, 0], [-29.9, 0], [-29.9, 0.1], [-30, 0.1], [-30, 0]]],
    }
    page = up42.search_page(SearchRequest(aoi=ocean))
    assert page.scenes == ()
    assert not page.has_more


def test_a_bad_search_is_a_validation_error_with_the_servers_text(sandbox, up42):
    with pytest.raises(errors.ValidationError) as caught:
        up42.search_page(SearchRequest(aoi=BERLIN, page_size=100_000))
    assert caught.value.status == 400
    assert "limit" in caught.value.message.lower()


@pytest.mark.parametrize(("kind", "magic"), [("quicklook", b"\xff\xd8"), ("thumbnail", b"\x89PNG")])
def test_previews_are_image_bytes(sandbox, up42, kind, magic):
    data = up42.preview(berlin_scene(up42), kind)
    assert data.startswith(magic)


# --- estimate --------------------------------------------------------------------------------
def test_estimate_prices_one_scene(sandbox, up42):
    estimate = up42.estimate(order_request(up42))
    assert estimate.ok
    assert estimate.credits > 0
    assert estimate.unit == "SQ_KM"
    assert estimate.size > 0


def test_a_per_scene_refusal_is_the_estimates_error(sandbox, up42):
    request = order_request(up42)
    sandbox.configure(estimate_errors={request.scene_id: "Scene no longer available"})
    estimate = up42.estimate(request)
    assert not estimate.ok
    assert "Scene no longer available" in estimate.error


def test_an_aoi_outside_the_scene_is_a_per_scene_error(sandbox, up42):
    request = order_request(up42)
    far = OrderRequest(
        request.data_product_id,
        request.scene_id,
        {"type": "Polygon", "coordinates": [[[0, 0], [0.1, 0], [0.1, 0.1], [0, 0.1], [0, 0]]]},
        "far away",
    )
    estimate = up42.estimate(far)
    assert estimate.error
    assert estimate.credits is None


def test_a_refused_eula_is_a_licence_error(sandbox, up42):
    request = order_request(up42)
    sandbox.configure(eula_refused=[request.data_product_id])
    with pytest.raises(errors.LicenceError) as caught:
        up42.estimate(request)
    assert caught.value.status == 451
    assert caught.value.message


def test_an_unknown_product_is_a_validation_error(sandbox, up42):
    request = order_request(up42)
    unknown = OrderRequest(
        "00000000-0000-0000-0000-000000000000", request.scene_id, request.aoi, "x"
    )
    with pytest.raises(errors.ValidationError) as caught:
        up42.estimate(unknown)
    assert caught.value.status == 400


def test_a_bad_display_name_never_reaches_the_server(sandbox, up42):
    request = order_request(up42)
    sandbox.clear_log()
    with pytest.raises(errors.ValidationError, match="1 to 200"):
        up42.estimate(OrderRequest(request.data_product_id, request.scene_id, request.aoi, "  "))
    assert sandbox.request_log() == []


# --- orders ----------------------------------------------------------------------------------
def test_place_creates_one_order_with_a_unique_request_tag(sandbox, up42):
    request = order_request(up42, "Berlin PHR once")
    placed = up42.place_order(request)
    assert placed.order_id
    assert not placed.recovered
    order = up42.order(placed.order_id)
    assert order.display_name == "Berlin PHR once"
    assert "qgis" in order.tags
    request_tags = [t for t in order.tags if t.startswith(REQUEST_TAG_PREFIX)]
    assert len(request_tags) == 1
    assert [o.id for o in up42.find_orders("Berlin PHR once", request_tags)] == [order.id]
    posts = api_calls(sandbox, "POST", "/v2/orders")
    assert len(posts) == 1
    assert posts[0]["params"]["workspaceId"] == [sandbox.workspace_id]


def test_insufficient_credits_is_the_placed_orders_error(sandbox, up42):
    sandbox.configure(credits=0)
    placed = up42.place_order(order_request(up42))
    assert placed.order_id is None
    assert "Insufficient credits" in placed.error


def test_get_an_unknown_order_is_not_found(sandbox, up42):
    with pytest.raises(errors.NotFoundError) as caught:
        up42.order("7c1d0000-0000-0000-0000-000000000000")
    assert "7c1d0000" in caught.value.message


def test_orders_list_filters_and_many_ids_in_one_call(sandbox, up42):
    sandbox.configure(dwell={"CREATED": 600})
    request = order_request(up42)
    ids = []
    for n in range(3):
        placed = up42.place_order(
            OrderRequest(request.data_product_id, request.scene_id, request.aoi, f"List test {n}")
        )
        ids.append(placed.order_id)
    everything = up42.orders()
    assert set(ids) <= {o.id for o in everything}
    sandbox.clear_log()
    picked = up42.orders(order_ids=ids[:2])
    assert {o.id for o in picked} == set(ids[:2])
    gets = api_calls(sandbox, "GET", "/v2/orders")
    assert len(gets) == 1
    assert gets[0]["params"]["orderIds"] == [f"{ids[0]},{ids[1]}"]
    assert {o.status for o in up42.orders(statuses=["CREATED"])} == {"CREATED"}
    assert up42.orders(statuses=["FULFILLED"]) == []
    assert len(up42.orders(max_orders=2)) == 2
    page = up42.orders_page(0, 2)
    assert len(page.orders) == 2
    assert page.total == 3
    assert not page.is_last
    assert up42.orders_page(1, 2).is_last


def test_cancel_a_created_order_and_a_conflict_for_a_fulfilled_one(sandbox, up42):
    sandbox.configure(dwell={"CREATED": 600})
    placed = up42.place_order(order_request(up42))
    assert up42.cancel_order(placed.order_id) == "CANCELED"
    assert up42.order(placed.order_id).status == "CANCELED"
    sandbox.configure(dwell={"CREATED": 0.05})
    done = fulfilled_order(up42)
    with pytest.raises(errors.ConflictError) as caught:
        up42.cancel_order(done.id)
    assert caught.value.status == 409
    assert caught.value.message


def test_placement_failed_is_a_problem_not_final_and_can_be_cancelled(sandbox, up42):
    request = order_request(up42)
    sandbox.configure(force_status={request.scene_id: "PLACEMENT_FAILED"})
    placed = up42.place_order(request)
    order = wait_for_status(up42, placed.order_id, "PLACEMENT_FAILED")
    assert order.status is OrderStatus.PLACEMENT_FAILED
    assert not order.is_final  # UP42 may still resolve it: polling goes on
    assert order.has_problem
    assert not order.has_failed
    assert order.can_cancel
    assert up42.cancel_order(order.id) == "CANCELED"


# --- delivery --------------------------------------------------------------------------------
def test_delivery_lists_items_and_the_original_delivery_zip(sandbox, up42):
    order = fulfilled_order(up42)
    delivery = up42.delivery(order.id)
    assert delivery.items
    assert all(i.order_id == order.id for i in delivery.items)
    assert any(a.is_zip for a in delivery.collection_assets)
    assert any(a.is_raster for a in delivery.assets)
    assert all(a.href.startswith(sandbox.url + "/v2/assets/") for a in delivery.assets)
    search = api_calls(sandbox, "POST", "/v2/assets/stac/search")
    assert len(search) == 1


def test_signed_url_for_an_unknown_asset_is_not_found(sandbox, up42):
    with pytest.raises(errors.NotFoundError):
        up42.signed_url(f"{sandbox.url}/v2/assets/00000000-0000-0000-0000-000000000000")


def test_the_aoi_helper_lies_inside_the_scene(up42):
    scene = berlin_scene(up42)
    from shapely.geometry import shape

    assert shape(scene.geometry).contains(shape(aoi_inside(scene)))
    assert phr_product_id(up42)
