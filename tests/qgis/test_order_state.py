"""The order state store: tracked orders, per-order notes and pending downloads in one file,
written atomically, read back by the next session, migrated once from the QgsSettings keys
older versions used."""

from __future__ import annotations

import json

from qgis.core import QgsSettings

from up42_qgis.services.order_state import (
    LEGACY_NOTES_KEY,
    LEGACY_PENDING_KEY,
    LEGACY_TRACKED_KEY,
    OrderNote,
    OrderStateStore,
    PendingDownload,
)


def test_state_survives_a_restart(tmp_path):
    path = tmp_path / "state" / "order_state.json"
    store = OrderStateStore(path)
    store.set_tracked(["o-1", "o-2", "o-1", ""])
    store.set_note("o-1", credits=12.5)
    store.set_note("o-1", auto_download=True)
    store.add_pending("o-2", "Berlin", add_to_project=False)

    again = OrderStateStore(path)  # the next QGIS session
    assert again.tracked_ids() == ["o-1", "o-2"]
    assert again.note("o-1") == OrderNote(auto_download=True, credits=12.5)
    assert again.note("unknown") == OrderNote()
    assert again.pending_downloads() == {"o-2": PendingDownload("o-2", "Berlin", False)}

    again.remove_pending("o-2")
    again.set_note("o-1", auto_download=False, credits=None)  # an empty note is dropped
    final = json.loads(path.read_text())
    assert final["pending"] == {}
    assert final["notes"] == {}
    assert final["tracked"] == ["o-1", "o-2"]


def test_writes_leave_no_temporary_file_behind(tmp_path):
    store = OrderStateStore(tmp_path / "order_state.json")
    for number in range(5):
        store.set_tracked([f"o-{number}"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["order_state.json"]


def test_an_unreadable_file_starts_empty_and_is_replaced_whole(tmp_path):
    path = tmp_path / "order_state.json"
    path.write_text('{"tracked": ["o-1"', encoding="utf-8")  # cut off mid-write by a crash
    store = OrderStateStore(path)
    assert store.tracked_ids() == []
    store.set_tracked(["o-2"])
    assert json.loads(path.read_text())["tracked"] == ["o-2"]


def test_old_settings_keys_are_migrated_once_and_removed(tmp_path, clean_settings):
    settings = QgsSettings()
    settings.setValue(LEGACY_TRACKED_KEY, json.dumps(["o-1", "o-2"]))
    settings.setValue(
        LEGACY_NOTES_KEY,
        json.dumps({"o-1": {"auto_download": True, "credits": 40}, "o-2": {"credits": "x"}}),
    )
    settings.setValue(LEGACY_PENDING_KEY, json.dumps({"o-3": {"name": "Paris", "add": False}}))
    path = tmp_path / "order_state.json"

    store = OrderStateStore(path)

    assert store.tracked_ids() == ["o-1", "o-2"]
    assert store.note("o-1") == OrderNote(auto_download=True, credits=40.0)
    assert store.note("o-2") == OrderNote()  # a garbled note is dropped, not a crash
    assert store.pending_downloads() == {"o-3": PendingDownload("o-3", "Paris", False)}
    assert path.exists()
    for key in (LEGACY_TRACKED_KEY, LEGACY_NOTES_KEY, LEGACY_PENDING_KEY):
        assert settings.value(key, None) is None
    # Once migrated, the file rules: a stale key written by an old version is not read again.
    settings.setValue(LEGACY_TRACKED_KEY, json.dumps(["stale"]))
    assert OrderStateStore(path).tracked_ids() == ["o-1", "o-2"]


def test_a_native_list_in_the_old_key_is_migrated_too(tmp_path, clean_settings):
    QgsSettings().setValue(LEGACY_TRACKED_KEY, ["a", "b"])  # a hand-written INI
    assert OrderStateStore(tmp_path / "order_state.json").tracked_ids() == ["a", "b"]


def test_nothing_to_migrate_writes_no_file(tmp_path, clean_settings):
    path = tmp_path / "order_state.json"
    assert OrderStateStore(path).tracked_ids() == []
    assert not path.exists()


def test_a_quoted_price_is_kept_beside_the_estimate(tmp_path):
    path = tmp_path / "order_state.json"
    store = OrderStateStore(path)
    store.set_note("t-1", quoted_credits=1250)
    store.set_note("o-1", credits=12.5)
    again = OrderStateStore(path)
    assert again.note("t-1") == OrderNote(quoted_credits=1250.0)
    assert again.note("o-1") == OrderNote(credits=12.5)  # an estimate alone: unchanged
    assert "quoted_credits" not in json.loads(path.read_text())["notes"]["o-1"]
    again.set_note("t-1", quoted_credits=None)  # nothing left: the note goes
    notes = json.loads(path.read_text())["notes"]
    assert notes == {"o-1": {"auto_download": False, "credits": 12.5}}
