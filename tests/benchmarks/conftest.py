"""Benchmark collection: every test names its rows with ``@pytest.mark.bench_rows(...)``; the
``bench`` fixture records values; at session end every selected row is written to
``bench-results.json`` and ``bench-results.md`` at the repository root. A row whose test was
skipped or failed is written with value null and met false, so a missing measurement shows.

Benchmarks never fail on a missed target (``met: false``); they do fail on real errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.benchmarks.harness import (
    ROW_SPECS,
    Row,
    fetch_search_pages,
    world_search_body,
    write_results,
)
from tests.benchmarks.support import require_sandbox

# The QGIS suite's fixtures (iface with the missing methods patched, auth DB, sandbox account).
from tests.qgis.conftest import (  # noqa: F401
    auth_manager,
    clean_settings,
    iface,
    sandbox_account,
)

ROOT = Path(__file__).resolve().parents[2]
JSON_PATH = ROOT / "bench-results.json"
MARKDOWN_PATH = ROOT / "bench-results.md"

_rows: dict[str, Row] = {}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "bench_rows(*keys): the result rows a benchmark records")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for marker in item.iter_markers("bench_rows"):
            for key in marker.args:
                if key not in ROW_SPECS:
                    raise pytest.UsageError(f"{item.nodeid}: unknown benchmark row {key!r}")
                _rows.setdefault(key, Row(key))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    outcome = yield
    report = outcome.get_result()
    keys = [key for marker in item.iter_markers("bench_rows") for key in marker.args]
    if report.skipped and keys:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        for key in keys:
            _rows[key].notes.append(f"skipped: {reason.removeprefix('Skipped: ')}")
    elif report.failed and keys:
        for key in keys:
            _rows[key].notes.append(f"error in {report.when}: see the pytest output")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _rows:
        write_results(list(_rows.values()), JSON_PATH, MARKDOWN_PATH)


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    if _rows:
        terminalreporter.write_sep("-", "benchmark results")
        terminalreporter.write(MARKDOWN_PATH.read_text() if MARKDOWN_PATH.exists() else "")
        terminalreporter.write_line(f"written: {JSON_PATH.name}, {MARKDOWN_PATH.name}")


class Bench:
    """What a test uses to record its rows."""

    def record(self, key: str, value: float | None, baseline: float | None = None) -> Row:
        row = _rows.setdefault(key, Row(key))
        row.value = value
        row.baseline = baseline
        return row

    def note(self, key: str, text: str) -> None:
        _rows.setdefault(key, Row(key)).notes.append(text)


@pytest.fixture(scope="session")
def bench() -> Bench:
    return Bench()


@pytest.fixture(scope="session")
def world_features(request: pytest.FixtureRequest) -> list[dict]:
    """Every scene of the sandbox's world as raw STAC features (fetched once)."""
    require_sandbox()
    sandbox = request.getfixturevalue("sandbox_server")
    pages = fetch_search_pages(sandbox.url, sandbox.username, sandbox.password,
                               world_search_body())
    features = [feature for page in pages for feature in page["features"]]
    assert features, "the sandbox's world search returned no scenes"
    return features
