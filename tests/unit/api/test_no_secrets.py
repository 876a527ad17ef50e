"""After a full flow — sign-in, search, preview, estimate, order, a token dying, errors of
every kind, a cut and an expired download — neither the password nor any access token
appears in any log record or exception text, and no signed-URL query in our own logs."""

from __future__ import annotations

import logging

import pytest

from tests.unit.api.conftest import (
    BERLIN,
    berlin_scene,
    fulfilled_order,
    make_client,
    order_request,
)
from tests.unit.api.test_download_sandbox import StaleFirstUrl
from up42_qgis.api import errors
from up42_qgis.api.delivery import deliver_order
from up42_qgis.api.download import DownloadEngine
from up42_qgis.api.models import OrderRequest, SearchRequest


def test_no_secret_in_any_log_record_or_exception_text(sandbox, up42, sleeps, tmp_path, caplog):
    caplog.set_level(logging.DEBUG)
    password = sandbox.password
    tokens: set[str] = set()
    failures: list[BaseException] = []

    def expect_failure(call, *args):
        with pytest.raises(errors.Up42Error) as caught:
            call(*args)
        failures.append(caught.value)

    up42.account()
    tokens.add(up42.tokens.token())
    scene = berlin_scene(up42)
    up42.preview(scene)
    pages = list(up42.search(SearchRequest(aoi=BERLIN, page_size=50), max_scenes=120))
    assert pages
    sandbox.expire_tokens()  # the next call gets 401 and signs in again
    request = order_request(up42)
    tokens.add(up42.tokens.token())
    assert up42.estimate(request).ok
    sandbox.configure(
        asset_size_bytes=2_000_000, drop_download_after_bytes=500_000, drop_download_count=1
    )
    order = fulfilled_order(up42)
    assert deliver_order(up42, order.id, tmp_path)

    expect_failure(up42.order, "no-such-order")
    expect_failure(up42.cancel_order, order.id)
    sandbox.configure(eula_refused=[request.data_product_id])
    expect_failure(up42.estimate, request)
    expect_failure(up42.estimate, OrderRequest("bad-product", scene.id, request.aoi, "x"))
    with make_client(sandbox, sleeps, password=password + "-wrong") as wrong:
        expect_failure(wrong.collections)
    sandbox.configure(faults=[{"method": "GET", "path": "/v2/orders", "status": 500, "count": 20}])
    expect_failure(up42.orders)
    sandbox.configure(faults=[], signed_url_ttl_s=0)
    asset = next(a for a in up42.delivery(order.id).assets if a.is_raster)
    expect_failure(DownloadEngine(up42).download_asset, asset, tmp_path / "expired")
    sandbox.configure(signed_url_ttl_s=300)
    stale = StaleFirstUrl(up42.endpoints, up42.tokens._credentials, up42.network, up42.retry)
    stale.sandbox = sandbox
    DownloadEngine(stale).download_asset(asset, tmp_path / "refreshed")
    stale.close()
    tokens.add(up42.tokens.token())

    assert len(failures) == 7
    assert len(tokens) >= 2
    secrets = {password, *tokens}
    texts = [record.getMessage() for record in caplog.records]
    texts += [f"{e} {e!r} {e.args}" for e in failures]
    assert len(caplog.records) > 50  # the flow did log, at DEBUG
    for text in texts:
        for secret in secrets:
            assert secret not in text
    own = [r.getMessage() for r in caplog.records if r.name.startswith("up42_qgis")]
    assert own
    assert not [m for m in own if "X-Signature" in m or "X-Expires" in m]
