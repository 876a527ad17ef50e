#!/usr/bin/env bash
# make demo: the whole chain headless, no display needed. Starts the sandbox (short dwells) on
# a free port, then runs search -> estimate -> order -> download through qgis_process.bin with
# the staged plugin (QGIS_PLUGINPATH) enabled in a throwaway profile, and the coverage chain
# search -> plan_coverage -> estimate -> order -> download (one order per part of the plan).
# Leaves the footprints, the plan, the estimate and order tables and the rasters in
# build/demo/ and prints a short summary.
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
# The coverage chain plans a larger area: several scenes share it, each ordered for its part.
plan_extent="13.3,13.5,52.4,52.6 [EPSG:4326]"

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

# --- the coverage chain: each part of the plan is one order over its own polygon ----------
step_as() {  # step_as <name> <algorithm> PARAM=VALUE...: like step, kept under <name>
  local name=$1 algorithm=$2
  shift 2
  echo "demo: up42:$algorithm ($name) ..."
  if ! "$qgis_process" --json run "up42:$algorithm" -- "$@" >"$work/$name.json" \
    2>"$work/$name.log"; then
    echo "demo: up42:$algorithm ($name) failed:" >&2
    quiet "$work/$name.log"
    exit 1
  fi
}
step_as plan_search search EXTENT="$plan_extent" LIMIT=6 OUTPUT="$out/plan_footprints.gpkg"
step_as plan plan_coverage SCENES="$out/plan_footprints.gpkg" EXTENT="$plan_extent" \
  OUTPUT="$out/plan.gpkg"
covered=$(result plan COVERED_PERCENT)
step_as plan_estimate estimate SCENES="$out/plan.gpkg" OUTPUT="$out/plan_estimate.csv"
plan_total=$(result plan_estimate TOTAL_CREDITS)
step_as plan_order order SCENES="$out/plan.gpkg" MAX_CREDITS="$plan_total" \
  OUTPUT="$out/plan_orders.csv"
plan_ids=$(result plan_order ORDER_IDS)
step_as plan_download download ORDER_IDS="$plan_ids" WAIT=true TIMEOUT=600 POLL_INTERVAL=5 \
  FOLDER="$out/plan_rasters"
plan_files=$(result plan_download FILES)

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
plan_orders=$(tr ',' '\n' <<<"$plan_ids" | grep -c .)
plan_rasters=$(grep -c . <<<"$plan_files" || true)
printf '  %-9s %-22s -> %s\n' \
  plan "$(printf "%.4g" "$covered") % covered" "$rel/plan.gpkg" \
  estimate "$(printf "%.10g" "$plan_total") credits" "$rel/plan_estimate.csv" \
  order "$plan_orders orders (parts)" "$rel/plan_orders.csv" \
  download "$plan_rasters rasters" "$rel/plan_rasters/"
