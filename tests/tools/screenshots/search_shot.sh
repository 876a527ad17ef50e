#!/usr/bin/env bash
# Screenshot of the Search tab: starts the sandbox on a free port, stages the plugin, runs QGIS
# under Xvfb on a throwaway profile with search_shot.py and writes
# resources/screenshots/search.png (or $1).
# With a locale as $2 (`search_shot.sh resources/screenshots/search_de.png de`) QGIS runs in
# that language and number format.
set -euo pipefail

root=$(cd "$(dirname "$0")/../../.." && pwd)
export SHOT_LOCALE=${2:-${SHOT_LOCALE:-}}  # e.g. de: QGIS in German (see shot.sh)
exec bash "$root/tests/tools/screenshots/shot.sh" search_shot \
  "${1:-$root/resources/screenshots/search.png}"
