"""Prints one line over the suites' JUnit reports: ``total: N passed, N failed, N skipped``.

``make test`` runs the three suite targets (test-unit, test-api, test-qgis), each writing its
report into the folder given here, then calls this.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(folder: str) -> int:
    totals = dict(tests=0, failures=0, errors=0, skipped=0)
    reports = sorted(Path(folder).glob("*.xml"))
    for path in reports:
        for suite in ET.parse(path).getroot().iter("testsuite"):
            for key in totals:
                totals[key] += int(suite.get(key, 0))
    failed = totals["failures"] + totals["errors"]
    passed = totals["tests"] - failed - totals["skipped"]
    print(f"total: {passed} passed, {failed} failed, {totals['skipped']} skipped")
    return 0 if reports else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
