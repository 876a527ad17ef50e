"""The zip from ``make package`` is what the plugin repository expects, and QGIS loads it.

The zip is built by the real Makefile target (into a temporary folder) and unpacked into an
empty plugins folder; from there qgis_process (headless: classFactory(None) and
initProcessing) and the real QGIS desktop (under Xvfb: initGui, ten unload/load cycles) load it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from configparser import ConfigParser
from pathlib import Path

import pytest

from tests.tools import qgis_desktop

ROOT = Path(__file__).resolve().parents[2]
PLUGIN = "up42_qgis"
# Nothing may reach UP42 from a test: whatever the fresh profile says, the API is a dead port.
OFFLINE_ENV = {"UP42_API_URL": "http://127.0.0.1:9", "UP42_AUTH_URL": "http://127.0.0.1:9"}
GERMAN_TOOLTIP = "UP42-Bilddaten suchen, bestellen und herunterladen"


def _metadata(text: str) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read_string(text)
    return dict(parser["general"])


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("package")
    completed = subprocess.run(
        [
            "make",
            "--no-print-directory",
            "package",
            f"DIST={out / 'dist'}",
            f"PACKAGE_BUILD={out / 'build'}",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    zips = sorted((out / "dist").glob("*.zip"))
    assert len(zips) == 1
    assert completed.stdout.strip().endswith(str(zips[0]))
    return zips[0]


@pytest.fixture(scope="module")
def names(package: Path) -> list[str]:
    with zipfile.ZipFile(package) as archive:
        assert archive.testzip() is None
        return archive.namelist()


@pytest.fixture(scope="module")
def plugins_folder(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty plugins folder with nothing in it but the unpacked zip."""
    folder = tmp_path_factory.mktemp("plugins")
    assert list(folder.iterdir()) == []
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder


def test_zip_is_named_after_the_version(package: Path) -> None:
    version = _metadata((ROOT / "metadata.txt").read_text("utf-8"))["version"]
    assert package.name == f"{PLUGIN}-{version}.zip"


def test_zip_has_one_top_folder(names: list[str]) -> None:
    assert {name.split("/")[0] for name in names} == {PLUGIN}


def test_zip_holds_what_qgis_needs(package: Path, names: list[str]) -> None:
    with zipfile.ZipFile(package) as archive:
        metadata = _metadata(archive.read(f"{PLUGIN}/metadata.txt").decode("utf-8"))
    expected = {
        f"{PLUGIN}/__init__.py",
        f"{PLUGIN}/metadata.txt",
        f"{PLUGIN}/{metadata['icon']}",
        f"{PLUGIN}/resources/styles/footprints.qml",
        f"{PLUGIN}/LICENSE",  # plugins.qgis.org refuses a package without one
    }
    expected |= {f"{PLUGIN}/i18n/{ts.stem}.qm" for ts in (ROOT / "i18n").glob("*.ts")}
    assert expected - set(names) == set()
    assert any(name.endswith("_de.qm") for name in names)


def test_zip_ships_every_module_of_the_tree(names: list[str]) -> None:
    modules = {
        f"{PLUGIN}/{path.relative_to(ROOT / PLUGIN).as_posix()}"
        for path in (ROOT / PLUGIN).rglob("*.py")
    }
    assert modules - set(names) == set()


def test_zip_ships_no_tests_caches_or_sources_of_generated_files(names: list[str]) -> None:
    unwanted = re.compile(
        r"(^|/)(tests?|__pycache__|screenshots|\.[^/]+)(/|$)|\.(pyc|pyo|ts|pro|part|orig)$"
    )
    assert [name for name in names if unwanted.search(name)] == []


def test_qgis_process_loads_the_unpacked_plugin(plugins_folder: Path, tmp_path: Path) -> None:
    """Headless QGIS builds the plugin with iface=None and registers its Processing provider."""
    env = {
        **os.environ,
        **OFFLINE_ENV,
        "QT_QPA_PLATFORM": "offscreen",
        "QGIS_PLUGINPATH": str(plugins_folder),
        "QGIS_CUSTOM_CONFIG_PATH": str(tmp_path),
    }

    def qgis_process(*args: str) -> dict:
        completed = subprocess.run(
            ["qgis_process.bin", "--json", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert completed.returncode == 0, completed.stderr
        return json.loads(completed.stdout)

    assert qgis_process("plugins")["plugins"][PLUGIN]["loaded"] is False
    subprocess.run(
        ["qgis_process.bin", "plugins", "enable", PLUGIN],
        env=env,
        capture_output=True,
        timeout=300,
        check=True,
    )
    assert qgis_process("plugins")["plugins"][PLUGIN]["loaded"] is True
    provider = qgis_process("list")["providers"]["up42"]
    assert provider["is_active"]
    assert provider["algorithms"]


# --- the real QGIS desktop -----------------------------------------------------------------
@pytest.fixture(scope="module")
def desktop_record(plugins_folder: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """QGIS (German locale) starts with the unpacked plugin enabled; the driver cycles it."""
    work = tmp_path_factory.mktemp("desktop")
    profiles = work / "profiles"
    qgis_desktop.prepare_profile(profiles, locale="de")
    result = work / "record.json"
    completed = qgis_desktop.run_qgis(
        profiles,
        plugins_folder,
        ROOT / "tests" / "tools" / "desktop_plugin_cycles.py",
        {**OFFLINE_ENV, "QGIS_DRIVER_RESULT": str(result)},
    )
    assert result.exists(), f"QGIS exited {completed.returncode}:\n{completed.stderr[-4000:]}"
    record = json.loads(result.read_text("utf-8"))
    assert "crash" not in record, record["crash"]
    record["exit_code"] = completed.returncode
    record["stderr"] = completed.stderr[-4000:]
    return record


def _assert_visible_while_loaded(loaded: dict) -> None:
    assert loaded["in_plugins"]
    assert loaded["toolbar"] == ["Up42ToggleDock"]
    assert loaded["web_menu"] == [{"menu": "&UP42", "actions": ["Up42ToggleDock"]}]
    assert loaded["provider"]
    assert loaded["docks"] == [{"name": "Up42DockWidget", "title": "UP42", "visible": True}]


def test_desktop_loads_the_plugin_from_the_unpacked_zip(
    desktop_record: dict, plugins_folder: Path
) -> None:
    startup = desktop_record["startup"]
    assert startup["active"]
    assert startup["loaded"]["module_file"] == str(plugins_folder / PLUGIN / "__init__.py")
    _assert_visible_while_loaded(startup["loaded"])
    assert startup["unloaded"]


def test_desktop_shows_the_plugin_in_the_qgis_locale(desktop_record: dict) -> None:
    tooltips = [cycle["loaded"]["tooltip"] for cycle in desktop_record["cycles"]]
    assert tooltips
    assert all(GERMAN_TOOLTIP in tooltip for tooltip in tooltips), tooltips


def test_ten_unload_load_cycles_leave_nothing_behind(desktop_record: dict) -> None:
    cycles = desktop_record["cycles"]
    assert [cycle["number"] for cycle in cycles] == list(range(1, 11))
    baseline = desktop_record["baseline"]
    for state in (baseline, *(cycle["leftovers"] for cycle in cycles), desktop_record["after_all"]):
        assert state["docks"] == []
        assert state["web_menu"] == []
        assert state["toolbar"] == []
        assert state["up42_actions"] == []
        assert state["provider"] is False
        assert not (state["map_tool"] or "").startswith(PLUGIN)
        assert state["tasks"] == []
        assert state["layers"] == []
    for cycle in cycles:
        assert (cycle["load"], cycle["start"], cycle["unload"]) == (True, True, True)
        _assert_visible_while_loaded(cycle["loaded"])
        # No growth: every widget, action, menu, timer and dock made while loaded is gone.
        assert cycle["leftovers"]["counts"] == baseline["counts"], cycle["number"]
        assert cycle["leftovers"]["modules"] == baseline["modules"], cycle["number"]


def test_no_warning_or_error_in_the_message_log(desktop_record: dict) -> None:
    assert desktop_record["problems_in_log"] == []


def test_qgis_quits_cleanly_after_the_cycles(desktop_record: dict) -> None:
    # Quit with the plugin loaded, as users do: QGIS unloads it and shuts down without a crash.
    assert desktop_record["final_start"] is True
    assert desktop_record["exit_code"] == 0, desktop_record["stderr"]
