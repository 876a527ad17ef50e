#!/usr/bin/env bash
# Screenshot of the Search tab: starts the sandbox on a free port, stages the plugin, runs QGIS
# under Xvfb on a throwaway profile with search_shot.py and writes
# resources/screenshots/search.png (or $1).
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
exec bash "$root/tests/tools/screenshots/shot.sh" search_shot \
  "${1:-$root/resources/screenshots/search.png}"
