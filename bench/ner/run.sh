#!/usr/bin/env bash
# Entity extraction speed on Reuters-21578 bodies, one core, against a tokenizer-only pass over the same
# text in the same run. Usage: bench/ner/run.sh [BUILD_DIR [ner-speed options...]]
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${1:-build-ner}
shift || true
reuters=../shared/corpora/reuters21578
if [ ! -d "$reuters" ]; then
  echo "bench/ner/run.sh: $reuters is missing (the shared data sets live next to the repository)" >&2
  exit 2
fi
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target ner-speed -j "$(nproc)" >/dev/null
"$build_dir/bench/ner/ner-speed" --reuters "$reuters" "$@"
