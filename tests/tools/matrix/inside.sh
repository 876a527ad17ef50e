#!/usr/bin/env bash
# Runs inside a matrix chroot, in its fresh copy of the working tree: the whole suite (`make
# test`, all three runs) and `make demo`, as a developer on that Debian would run them. Leaves
# build/matrix-result (QGIS version and both exit codes) for matrix.sh.
set -u
cd "$(dirname "$0")/../../.."
mkdir -p build
version=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION.split("-")[0])' \
  2>/dev/null) || version=unknown
echo "qgis_version=$version" >build/matrix-result

echo "--- make test (QGIS $version)"
make test
echo "test_status=$?" >>build/matrix-result

echo "--- make demo (QGIS $version)"
make demo
echo "demo_status=$?" >>build/matrix-result
