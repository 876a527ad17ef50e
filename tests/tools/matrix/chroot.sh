#!/usr/bin/env bash
# One Debian chroot of the test matrix: build it, or run a command in it. matrix.sh calls this
# under `unshare --mount --propagation private`, so every mount made here lives in a private
# mount namespace: it never shows on the host and dies with the namespace even if the trap
# below could not run. The trap unmounts all the same, in reverse order (umount -l as fallback).
#
# usage: chroot.sh build <suite> <new root> <mirror> <package>...
#          debootstrap into <new root> (a temporary folder; matrix.sh renames it into place when
#          this succeeds). Exit 75 when the Debian archive did not answer, other non-zero on any
#          other error.
#        chroot.sh run <root> <source tree> <timeout> <command>
#          copies the source tree's files (tracked and untracked, minus git-ignored) into
#          <root>/root/up42-qgis, then runs <command> there with a clean environment.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

NETWORK_FAILURE=75
# What apt, debootstrap and curl say when the archive does not answer (as opposed to a missing
# package or a broken dependency, which are errors of ours).
NETWORK_PATTERN='Temporary failure resolving|Could not resolve|Could not connect|Connection timed out'
NETWORK_PATTERN+='|Connection refused|Network is unreachable|No route to host|Failed to fetch'
NETWORK_PATTERN+="|Couldn't download|Failed getting release file|Unable to connect|Connection failed"
NETWORK_PATTERN+='|Cannot initiate the connection|Unable to fetch|Connection reset'
CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

mounted=()
root=""

mount_one() {  # mount_one <target below $root> <mount arguments...>
  local target="$root$1"
  shift
  mkdir -p "$target"
  mount "$@" "$target"
  mounted+=("$target")
}

mount_all() {
  mount_one /proc -t proc proc
  mount_one /sys -t sysfs sysfs
  mount_one /dev --bind /dev
  mount_one /dev/pts --bind /dev/pts
  mount_one /dev/shm -t tmpfs -o mode=1777 tmpfs
}

# Processes whose root is the chroot (a sandbox or Xvfb a test left behind) would keep the
# mounts busy: they are ours, end them.
kill_chroot_processes() {
  local signal pid link found
  for signal in TERM KILL; do
    found=0
    for pid in /proc/[0-9]*; do
      link=$(readlink "$pid/root" 2>/dev/null) || continue
      if [ "$link" = "$root" ] || [[ "$link" == "$root"/* ]]; then
        kill -s "$signal" "${pid#/proc/}" 2>/dev/null && found=1
      fi
    done
    [ "$found" = 1 ] || return 0
    sleep 2
  done
}

unmount_all() {
  local i target
  [ -n "$root" ] || return 0
  kill_chroot_processes
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
    target=${mounted[i]}
    umount "$target" 2>/dev/null || umount -l "$target" || echo "chroot: could not unmount $target" >&2
  done
  mounted=()
  # Anything still mounted below the root (debootstrap mounts proc and sys itself)?
  findmnt -rn -o TARGET | awk -v r="$root" 'index($0, r "/") == 1 || $0 == r' | sort -r |
    while read -r target; do
      umount "$target" 2>/dev/null || umount -l "$target" || echo "chroot: could not unmount $target" >&2
    done
}
trap unmount_all EXIT
trap 'exit 130' INT TERM

# The host's view of the network, its pip configuration and its extra CA certificates, so apt
# and pip inside reach the registries as the host does. Again after apt ran: the ca-certificates
# trigger rebuilds the bundle.
copy_host_config() {
  cp -L /etc/resolv.conf "$root/etc/resolv.conf"
  if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    mkdir -p "$root/usr/local/share/ca-certificates"
    cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
    if [ -x "$root/usr/sbin/update-ca-certificates" ]; then
      in_chroot update-ca-certificates >/dev/null
    fi
  fi
  local file
  if [ -d /etc/xdg/pip ]; then
    mkdir -p "$root/etc/xdg" && rm -rf "$root/etc/xdg/pip" && cp -r /etc/xdg/pip "$root/etc/xdg/pip"
  fi
  for file in /etc/pip.conf /etc/xdg/pip/pip.conf "$HOME/.config/pip/pip.conf"; do
    if [ -f "$file" ]; then
      /usr/bin/python3 "$here/pip_config.py" "$file" "$root${file/#"$HOME"//root}"
    fi
  done
  return 0
}

in_chroot() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH="$CHROOT_PATH" LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

not_built() {  # not_built <reason>: the archive did not answer; matrix.sh reports it, CI goes on
  echo "$1" >&2
  if [ -n "${MATRIX_REASON_FILE:-}" ]; then echo "$1" >"$MATRIX_REASON_FILE"; fi
  exit $NETWORK_FAILURE
}

network_failure_in() {  # network_failure_in <log>: prints the first line that says so
  grep -m 1 -E "$NETWORK_PATTERN" "$1"
}

build() {
  local suite=$1 mirror=$3 log
  root=$2
  shift 3
  log=$(mktemp)
  # The archive answers at all? No answer or a server error: not built. Any other answer that
  # is not the Release file (404: no such suite) is an error of ours.
  local code
  code=$(curl -sS --max-time 60 --retry 2 --retry-connrefused -o /dev/null -w '%{http_code}' \
    "$mirror/dists/$suite/Release" 2>"$log") || true
  case "$code" in
    200) ;;
    000 | 5??) not_built "the Debian archive at $mirror does not answer: $(tail -n 1 "$log") (HTTP $code)" ;;
    *) echo "chroot: $mirror/dists/$suite/Release answers HTTP $code" >&2; exit 1 ;;
  esac
  echo "chroot: debootstrap $suite from $mirror"
  if ! debootstrap --variant=minbase --include=ca-certificates "$suite" "$root" "$mirror" \
      >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    if line=$(network_failure_in "$log"); then
      not_built "debootstrap: $line"
    fi
    echo "debootstrap failed" >&2
    exit 1
  fi
  # sid's Release file on the mirror is expired (the host has the same setting).
  printf '%s\n' 'Acquire::Check-Valid-Until "false";' 'Acquire::Check-Date "false";' \
    'Acquire::Retries "3";' >"$root/etc/apt/apt.conf.d/99up42-matrix"
  mount_all
  copy_host_config
  echo "chroot: apt-get install $*"
  if ! { in_chroot apt-get update -q && in_chroot apt-get install -y -q --no-install-recommends "$@"; } \
      >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    if line=$(network_failure_in "$log"); then
      not_built "apt-get: $line"
    fi
    echo "apt-get failed" >&2
    exit 1
  fi
  in_chroot apt-get clean
  copy_host_config
  rm -f "$log"
}

copy_tree() {  # copy_tree <source tree> <destination>: what git sees, not venvs or build output
  local src=$1 dest=$2
  rm -rf --one-file-system "$dest"
  mkdir -p "$dest"
  git -C "$src" ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' file; do
      if [ -e "$src/$file" ] || [ -L "$src/$file" ]; then printf '%s\0' "$file"; fi
    done |
    tar -C "$src" --null -T - -cf - | tar -C "$dest" -xf -
  # The tools that ask git for the file list (update_translations.py) see the same files.
  in_chroot git -C "${dest#"$root"}" init -q
  in_chroot git -C "${dest#"$root"}" add -A
}

run() {
  local src=$2 limit=$3
  root=$1
  shift 3
  mount_all
  copy_host_config
  copy_tree "$src" "$root/root/up42-qgis"
  local status=0
  timeout --kill-after=30 "$limit" chroot "$root" /usr/bin/env -i HOME=/root PATH="$CHROOT_PATH" \
    LANG=C.UTF-8 bash -lc "cd /root/up42-qgis && $*" || status=$?
  exit $status
}

case "${1:-}" in
  build) shift; build "$@" ;;
  run) shift; run "$@" ;;
  *) echo "usage: chroot.sh build <suite> <root> <mirror> <package>... | run <root> <source> <timeout> <command>" >&2
     exit 2 ;;
esac
