#!/usr/bin/env bash
# make test-matrix: the whole suite (`make test`, all three runs) and `make demo` on the newer
# QGIS of Debian trixie (3.40) and sid (3.44), each in a Debian chroot built with debootstrap
# from the mirror the host's apt uses. The chroots are cached outside the repository
# ($MATRIX_CACHE) under a hash of their package list, so they are rebuilt only when missing or
# when that list (the Makefile's DEB_PACKAGES plus EXTRA_PACKAGES below) changes. Each run
# copies the working tree afresh into the chroot. Prints one line per QGIS version and a
# closing total; exits non-zero when a test or a demo fails on any version or anything else
# goes wrong. A chroot that cannot be built because the Debian archive does not answer is
# reported as "not built" and does not fail the run.
#
# usage (as root; the Makefile passes DEB_PACKAGES): matrix.sh [suite...]   (default: trixie sid)
# environment: MATRIX_CACHE (default /var/cache/up42-qgis/chroots), MATRIX_MIRROR (default: the
#   host's Debian mirror), MATRIX_TIMEOUT (per version, default 45m)
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cache=${MATRIX_CACHE:-/var/cache/up42-qgis/chroots}
limit=${MATRIX_TIMEOUT:-45m}
suites=("$@")
[ ${#suites[@]} -gt 0 ] || suites=(trixie sid)
# Besides what the plugin's own `make system` installs: the tools a bare minbase lacks, and
# Open Sans (QGIS >= 3.40 tries to download it at start when it is missing; offline that logs
# a warning into the message log).
EXTRA_PACKAGES="make git ca-certificates openssl fonts-open-sans"
# Bump when the way a chroot is built changes, so cached chroots are rebuilt.
RECIPE=1
NETWORK_FAILURE=75

die() { echo "test-matrix: $*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || die "needs root (debootstrap, chroot, mount): run it through make test-matrix"
[ -n "${DEB_PACKAGES:-}" ] || die "DEB_PACKAGES is not set: run it through make test-matrix"
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || die "$repo is not a git working tree"
for tool in unshare chroot findmnt flock timeout curl; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
if ! command -v debootstrap >/dev/null; then
  echo "test-matrix: installing debootstrap"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      debootstrap; } >/dev/null || die "could not install debootstrap"
fi

# The Debian mirror of the host's apt: the URIs of the deb822 stanza (or the `deb` line) that
# serves the host's own release.
host_mirror() {
  local codename
  codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
  awk -v codename="$codename" '
    /^[ \t]*$/ { if (uri != "" && suites ~ "(^| )" codename "( |$)" && deb) { print uri; exit }
                 uri = ""; suites = ""; deb = 0; next }
    /^URIs:/ { uri = $2 }
    /^Suites:/ { $1 = ""; suites = $0 " " }
    /^Types:/ { for (i = 2; i <= NF; i++) if ($i == "deb") deb = 1 }
    END { if (uri != "" && suites ~ "(^| )" codename "( |$)" && deb) print uri }
  ' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 | grep . ||
    awk -v codename="$codename" '$1 == "deb" && $3 == codename { for (i = 2; i < NF; i++)
      if ($i !~ /^\[/ && $i !~ /\]$/) { print $i; exit } }' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1 | grep . ||
    echo http://deb.debian.org/debian
}
mirror=${MATRIX_MIRROR:-$(host_mirror)}
mirror=${mirror%/}

packages=$(tr ' \t' '\n\n' <<<"$DEB_PACKAGES $EXTRA_PACKAGES" | grep . | sort -u | tr '\n' ' ')
packages=${packages% }
hash=$(printf 'recipe %s\npackages %s\n' "$RECIPE" "$packages" | sha256sum | cut -c1-12)

mkdir -p "$cache" "$repo/build/matrix"
cache=$(cd "$cache" && pwd)
exec 9>"$cache/.lock"
if ! flock -n 9; then
  echo "test-matrix: another matrix run holds $cache/.lock; waiting for it"
  flock 9
fi

mounts_below() { findmnt -rn -o TARGET | awk -v r="$1" 'index($0, r "/") == 1 || $0 == r'; }

processes_in() {
  local pid link
  for pid in /proc/[0-9]*; do
    link=$(readlink "$pid/root" 2>/dev/null) || continue
    if [ "$link" = "$1" ] || [[ "$link" == "$1"/* ]]; then echo "${pid#/proc/}"; fi
  done
}

# Removing a chroot while /dev (or anything) is mounted below it would delete the host's
# files: refuse then, and never cross into another file system anyway.
safe_remove() {
  local dir=$1
  [ -e "$dir" ] || return 0
  if [ -n "$(mounts_below "$dir")" ] || [ -n "$(processes_in "$dir")" ]; then
    echo "test-matrix: NOT removing $dir: something is mounted or running below it" >&2
    return 1
  fi
  rm -rf --one-file-system "$dir"
}

duration() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

lines=()
failures=()
sum_passed=0 sum_failed=0 sum_skipped=0 ran=0 not_built=0 status=0

for suite in "${suites[@]}"; do
  root="$cache/$suite-$hash"
  log="$repo/build/matrix/$suite.log"
  : >"$log"
  build_time=""
  if [ -f "$root/etc/up42-matrix.stamp" ]; then
    echo "--- $suite: chroot $root (cached)"
  else
    # Half-built chroots of killed runs and chroots of an older package list go first.
    for old in "$cache/.build-$suite-"* "$cache/$suite-"*; do
      [ -e "$old" ] && [ "$old" != "$root" ] && { echo "test-matrix: removing $old"; safe_remove "$old"; }
    done
    [ -e "$root" ] && { echo "test-matrix: removing the incomplete $root"; safe_remove "$root"; }
    new="$cache/.build-$suite-$hash.$$"
    reason_file=$(mktemp)
    echo "--- $suite: building the chroot $root (debootstrap from $mirror)"
    started=$(date +%s)
    MATRIX_REASON_FILE=$reason_file unshare --mount --propagation private \
      "$here/chroot.sh" build "$suite" "$new" "$mirror" $packages 2>&1 | tee -a "$log"
    rc=${PIPESTATUS[0]}
    build_time=$(duration $(($(date +%s) - started)))
    reason=$(cat "$reason_file")
    rm -f "$reason_file"
    if [ "$rc" = 0 ]; then
      printf 'suite %s\nhash %s\npackages %s\nbuilt %s\n' "$suite" "$hash" "$packages" "$(date -u +%FT%TZ)" \
        >"$new/etc/up42-matrix.stamp"
      if [ -n "$(mounts_below "$new")" ]; then
        echo "test-matrix: something is still mounted below $new" >&2
        lines+=("QGIS $suite: chroot build failed (mounts left below $new)")
        sum_failed=$((sum_failed + 1)) status=1
        continue
      fi
      mv "$new" "$root"
      echo "--- $suite: chroot built in $build_time"
    else
      safe_remove "$new"
      if [ "$rc" = "$NETWORK_FAILURE" ]; then
        lines+=("QGIS $suite: not built (${reason:-the Debian archive does not answer})")
        not_built=$((not_built + 1))
      else
        lines+=("QGIS $suite: chroot build failed (exit $rc, see build/matrix/$suite.log)")
        sum_failed=$((sum_failed + 1)) status=1
      fi
      continue
    fi
  fi

  # No result of an earlier run may be taken for this one's.
  if ! safe_remove "$root/root/up42-qgis"; then
    lines+=("QGIS $suite: could not remove the previous copy of the tree in $root")
    sum_failed=$((sum_failed + 1)) status=1
    continue
  fi
  started=$(date +%s)
  unshare --mount --propagation private "$here/chroot.sh" run "$root" "$repo" "$limit" \
    bash tests/tools/matrix/inside.sh 2>&1 | tee -a "$log"
  rc=${PIPESTATUS[0]}
  run_time=$(duration $(($(date +%s) - started)))
  ran=$((ran + 1))
  result="$root/root/up42-qgis/build/matrix-result"
  value() { sed -n "s/^$1=//p" "$result" 2>/dev/null | tail -n 1; }
  version=$(value qgis_version)
  test_status=$(value test_status)
  demo_status=$(value demo_status)
  name="QGIS ${version:-?} ($suite)"
  times="${build_time:+built in $build_time, }ran in $run_time"
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    lines+=("$name: timed out after $limit ($times)")
    sum_failed=$((sum_failed + 1)) status=1
    continue
  fi
  if report=$(/usr/bin/python3 "$here/report.py" "$root/root/up42-qgis/build/test-reports"); then
    read -r passed failed skipped <<<"$(head -n 1 <<<"$report")"
    while IFS= read -r failure; do
      [ -n "$failure" ] && failures+=("  $name: $failure")
    done < <(tail -n +2 <<<"$report")
    if [ "$test_status" != 0 ] && [ "$failed" = 0 ]; then
      failed=1  # make test failed without a failing test (a run that stopped early): still a failure
    fi
    summary="$passed passed, $failed failed, $skipped skipped"
  else
    passed=0 skipped=0 failed=1
    summary="make test failed before any test ran (exit ${test_status:-$rc})"
  fi
  if [ "$demo_status" = 0 ]; then
    demo="demo ok"
    passed=$((passed + 1))
  else
    demo="demo FAILED (exit ${demo_status:-?})"
    failed=$((failed + 1))
  fi
  [ "$rc" = 0 ] || [ "$failed" != 0 ] || failed=1  # the run itself failed (e.g. copying the tree)
  sum_passed=$((sum_passed + passed)) sum_failed=$((sum_failed + failed)) sum_skipped=$((sum_skipped + skipped))
  [ "$failed" = 0 ] || status=1
  lines+=("$name: $summary; $demo ($times)")
done

echo
echo "--- matrix"
printf '%s\n' "${lines[@]}"
if [ ${#failures[@]} -gt 0 ]; then
  echo "failing tests:"
  printf '%s\n' "${failures[@]}"
fi
echo "matrix: $ran of ${#suites[@]} QGIS versions run ($not_built not built); each demo counts as one test"
echo "total: $sum_passed passed, $sum_failed failed, $sum_skipped skipped"
exit $status
