#!/usr/bin/env bash
# make demo: the whole chain headless, no display needed. Starts the sandbox (short dwells) on
# a free port, then runs search -> estimate -> order -> download through qgis_process.bin with
# the staged plugin (QGIS_PLUGINPATH) enabled in a throwaway profile. Leaves the footprints,
# the estimate and order tables and the rasters in build/demo/ and prints a short summary.
#
# usage: demo.sh <repository root> <staged plugin folder, e.g. build/plugin>
set -euo pipefail

root=$(cd "${1:?usage: demo.sh <repo root> <staged plugin folder>}" && pwd)
stage=$(cd "${2:?usage: demo.sh <repo root> <staged plugin folder>}" && pwd)
out="$root/build/demo"
qgis_process=${QGIS_PROCESS:-qgis_process.bin}
python=${SANDBOX_PYTHON:-/usr/bin/python3}
username=sandbox@up42.local
password=sandbox
# Central Berlin (one of the sandbox's cities): every scene found covers it, and it is cheap.
extent="13.38,13.42,52.49,52.51 [EPSG:4326]"

[ -d "$stage/up42_qgis" ] || { echo "demo: no plugin in $stage (run make stage)" >&2; exit 1; }
command -v "$qgis_process" >/dev/null || { echo "demo: $qgis_process not found" >&2; exit 1; }

. "$root/tests/tools/sandbox.sh"
trap 'exit 130' INT TERM

rm -rf "$out"
mkdir -p "$out" "$work/profile"

# --- the sandbox, on a free port ----------------------------------------------------------
start_sandbox demo --dwell CREATED=0.5,BEING_PLACED=0.5,PLACED=0.5,BEING_FULFILLED=1

# --- qgis_process with the plugin, in a throwaway profile ---------------------------------
export QT_QPA_PLATFORM=offscreen
export QGIS_PLUGINPATH="$stage"
export QGIS_CUSTOM_CONFIG_PATH="$work/profile"
export UP42_USERNAME="$username" UP42_PASSWORD="$password"
export UP42_API_URL="$url" UP42_AUTH_URL="$url"
unset DISPLAY

quiet() { grep -v -E 'XDG_RUNTIME_DIR|setapi\(\) is deprecated' "$1" | tail -n 5 >&2 || true; }

if ! "$qgis_process" plugins enable up42_qgis >"$work/enable.log" 2>&1; then
  echo "demo: could not enable the plugin up42_qgis:" >&2
  quiet "$work/enable.log"
  exit 1
fi

step() {  # step <algorithm> PARAM=VALUE...: runs up42:<algorithm>, keeps its JSON answer
  local name=$1
  shift
  echo "demo: up42:$name ..."
  if ! "$qgis_process" --json run "up42:$name" -- "$@" >"$work/$name.json" 2>"$work/$name.log"
  then
    echo "demo: up42:$name failed:" >&2
    quiet "$work/$name.log"
    exit 1
  fi
}

result() {  # result <algorithm> <output>: one output of a step (lists one item per line)
  "$python" - "$work/$1.json" "$2" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
value = json.loads(text[text.index("{"):])["results"][sys.argv[2]]
print("\n".join(map(str, value)) if isinstance(value, list) else value)
PY
}

step search EXTENT="$extent" LIMIT=3 OUTPUT="$out/footprints.gpkg"
step estimate SCENES="$out/footprints.gpkg" EXTENT="$extent" OUTPUT="$out/estimate.csv"
total=$(result estimate TOTAL_CREDITS)
step order SCENES="$out/footprints.gpkg" EXTENT="$extent" MAX_CREDITS="$total" \
  OUTPUT="$out/orders.csv"
order_ids=$(result order ORDER_IDS)
step download ORDER_IDS="$order_ids" WAIT=true TIMEOUT=600 POLL_INTERVAL=5 \
  FOLDER="$out/rasters"
files=$(result download FILES)

# --- summary ------------------------------------------------------------------------------
scenes=$("$python" -c 'import sys
from osgeo import ogr
dataset = ogr.Open(sys.argv[1])  # kept in a variable: GDAL frees a dropped dataset
print(dataset.GetLayer(0).GetFeatureCount())' "$out/footprints.gpkg")
rel=${out#"$root"/}
orders=$(tr ',' '\n' <<<"$order_ids" | grep -c .)
rasters=$(grep -c . <<<"$files" || true)
echo
echo "UP42 demo against the sandbox at $url"
printf '  %-9s %-22s -> %s\n' \
  search "$scenes scenes" "$rel/footprints.gpkg" \
  estimate "$(printf "%.10g" "$total") credits" "$rel/estimate.csv" \
  order "$orders orders placed" "$rel/orders.csv" \
  download "$rasters rasters" "$rel/rasters/"
while IFS= read -r file; do
  [ -n "$file" ] && printf '            %s (%s)\n' "${file#"$root"/}" "$(du -h "$file" | cut -f1)"
done <<<"$files"
