#!/bin/sh
# Body-extraction F1 of the HTML reader on the article-extraction benchmark (see README.md).
# usage: bench/body_extraction/run.sh [--with-lede]    env: BUILD_DIR (default build), SHARED (default ../shared)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${BUILD_DIR:-$repo/build}
shared=${SHARED:-$repo/../shared}
corpus=$shared/corpora/article-extraction-benchmark
if [ ! -d "$corpus/html" ]; then
  echo "run.sh: $corpus is missing" >&2
  exit 5
fi
cmake --build "$build" --target newsdex-extract-bodies -j2 >/dev/null
out=${OUT:-$build/bench/body_extraction/predictions.json}
"$build/bench/body_extraction/newsdex-extract-bodies" "$@" "$corpus/html" "$out"
python3 "$shared/tools/body_score.py" "$corpus/ground-truth.json" "$out"
