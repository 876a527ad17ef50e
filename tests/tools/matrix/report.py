"""Totals and failing test ids of one matrix run, from the JUnit reports `make test` wrote.

usage: report.py <reports folder>   prints "<passed> <failed> <skipped>" on the first line, then
one failing test per line: [run] classname::name, the run being unit-noqt, api-system or qgis
"""
import pathlib
import sys
import xml.etree.ElementTree as ET


def main(folder: pathlib.Path) -> int:
    totals = dict(tests=0, failures=0, errors=0, skipped=0)
    failures: list[str] = []
    reports = sorted(folder.glob("*.xml"))
    if not reports:
        return 1
    for path in reports:
        root = ET.parse(path).getroot()
        # Counted as tests/tools/run_suites.sh counts them, so the numbers match its total line.
        for suite in root.iter("testsuite"):
            for key in totals:
                totals[key] += int(suite.get(key, 0))
        for case in root.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failures.append(f"[{path.stem}] {case.get('classname')}::{case.get('name')}")
    failed = totals["failures"] + totals["errors"]
    passed = totals["tests"] - failed - totals["skipped"]
    print(passed, failed, totals["skipped"])
    print("\n".join(failures))
    return 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1])))
