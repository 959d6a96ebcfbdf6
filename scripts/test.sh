#!/usr/bin/env bash
# The README's "test" command: installs what is missing, builds, runs the whole suite through ctest
# and exits non-zero on any failure. Warnings are errors when CI is set (as in .ci/run).
# Usage: scripts/test.sh [BUILD_DIR [cmake options...]]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build_dir=${1:-build}
shift || true
werror=OFF
if [ -n "${CI:-}" ]; then werror=ON; fi
scripts/build.sh "$build_dir" -DNEWSDEX_WERROR=$werror "$@"
cd "$build_dir"
ctest --output-on-failure -j "$(nproc)" --timeout 900
