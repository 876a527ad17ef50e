#!/usr/bin/env bash
# The whole suite in three runs: Qt-free (unit, shapely 2, SDK), the API tests again on the
# system's requests and shapely 1.8, then the QGIS tests. Prints one total line at the end.
set -u
cd "$(dirname "$0")/../.."
reports=build/test-reports
rm -rf "$reports" && mkdir -p "$reports"
export QT_QPA_PLATFORM=offscreen
status=0

run() {
  local name=$1; shift
  echo "=== $name"
  "$@" --junitxml="$reports/$name.xml" || status=1
}

run unit-noqt .venv-noqt/bin/python -m pytest -c tests/pytest.ini tests/unit
run api-system .venv/bin/python -m pytest -c tests/pytest.ini -p no:pytest_qgis -p no:pytest-qt tests/unit/api
run qgis .venv/bin/python -m pytest -c tests/pytest.ini tests/qgis

/usr/bin/python3 - "$reports" <<'PY'
import sys, pathlib, xml.etree.ElementTree as ET
totals = dict(tests=0, failures=0, errors=0, skipped=0)
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.xml")):
    for suite in ET.parse(path).getroot().iter("testsuite"):
        for key in totals:
            totals[key] += int(suite.get(key, 0))
failed = totals["failures"] + totals["errors"]
passed = totals["tests"] - failed - totals["skipped"]
print(f"total: {passed} passed, {failed} failed, {totals['skipped']} skipped")
PY
exit $status
