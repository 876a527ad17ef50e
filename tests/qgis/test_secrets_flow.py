"""After a full flow (sign in, search, estimate, place, download; plus failures), no secret is
found in QgsSettings, the QGIS message log, the Python log or any exception text."""

from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import QgsApplication, QgsSettings

from tests.qgis.support import run_task
from up42_qgis.api.delivery import deliver_order
from up42_qgis.api.errors import Up42Error
from up42_qgis.api.models import OrderRequest, SearchRequest
from up42_qgis.bridge.credentials import store_credentials
from up42_qgis.settings import SettingsStore
from up42_qgis.tasks.connection import TestConnectionTask

SMALL_AOI = {
    "type": "Polygon",
    "coordinates": [
        [[13.38, 52.49], [13.42, 52.49], [13.42, 52.52], [13.38, 52.52], [13.38, 52.49]]
    ],
}


def settings_texts() -> list[str]:
    QgsSettings().sync()
    root = Path(QgsApplication.qgisSettingsDirPath())
    files = {Path(QgsSettings().fileName()), *root.rglob("*.ini"), *root.rglob("*.json")}
    return [p.read_text(encoding="utf-8", errors="replace") for p in files if p.is_file()]


def full_flow(client, sandbox, download_root: Path) -> tuple[list[str], set[str]]:
    """Sign in, search, estimate, place, download; returns the error texts it met and every
    token the client held."""
    errors: list[str] = []
    client.account()
    tokens = {client.tokens.token()}
    searchable = [c for c in client.collections() if c.searchable and c.orderable_products]
    page = client.search_page(
        SearchRequest(aoi=SMALL_AOI, collections=tuple(c.name for c in searchable))
    )
    assert page.scenes
    scene = page.scenes[0]
    collection = next(c for c in searchable if c.name == scene.collection)
    product = collection.orderable_products[0]
    request = OrderRequest(
        data_product_id=str(product.id),
        scene_id=scene.id,
        aoi=SMALL_AOI,
        display_name=f"secrets flow {scene.id[:8]}",
    )
    assert client.estimate(request).ok

    sandbox.expire_tokens()  # a token that expires in the middle of the flow
    placed = client.place_order(request)
    assert placed.order_id, placed.error
    tokens.add(client.tokens.token())
    sandbox.force_order_status(placed.order_id, "FULFILLED")
    files = deliver_order(client, placed.order_id, download_root)
    assert files

    for failing in (
        lambda: client.order("00000000-0000-0000-0000-000000000000"),
        lambda: client.cancel_order(placed.order_id),
    ):
        try:
            failing()
        except Up42Error as error:
            errors.append(f"{type(error).__name__}: {error} {error!r}")
    assert len(errors) == 2, "both calls should have failed"
    return errors, tokens


def test_no_secret_anywhere_after_a_full_flow(
    sandbox_account, envless_provider, qtbot, message_log, caplog, auth_manager, tmp_path
):
    caplog.set_level(logging.DEBUG)
    client = envless_provider.client()
    texts, tokens = full_flow(client, sandbox_account, tmp_path)
    assert len(tokens) == 2  # signed in again after the tokens expired

    # The failures a user meets: a wrong password, through the task that logs its errors.
    authcfg = SettingsStore.load().authcfg
    store_credentials(sandbox_account.username, "wrong-Passw0rd", authcfg=authcfg)
    failed = run_task(qtbot, TestConnectionTask(envless_provider.client()))
    assert failed.error is not None
    texts.append(f"{failed.error} {failed.error!r}")
    assert any("Invalid user credentials" in line for line in message_log)

    secrets = {sandbox_account.password, "wrong-Passw0rd", *tokens}
    assert all(len(secret) >= 6 for secret in secrets)
    places = {
        "settings": settings_texts(),
        "QGIS message log": message_log,
        "Python log": [record.getMessage() for record in caplog.records],
        "exception texts": texts,
    }
    assert places["QGIS message log"]
    assert places["exception texts"]
    for where, lines in places.items():
        for secret in secrets:
            leaks = [line for line in lines if secret in line]
            assert not leaks, f"a secret leaked into the {where}: {leaks[:1]}"
