#!/usr/bin/env bash
# Screenshot of a coverage plan in the Search tab: starts the sandbox on a free port, stages the plugin, runs QGIS
# under Xvfb on a throwaway profile with plan_shot.py and writes
# resources/screenshots/plan.png (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
exec bash "$root/tests/tools/screenshots/shot.sh" plan_shot \
  "${1:-$root/resources/screenshots/plan.png}"
