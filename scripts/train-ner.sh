#!/usr/bin/env bash
# The one reproducible training command for the entity tagger (docs/entities.md):
#   1. derives the gazetteer lists, aliases and demonyms in data/ner/ from ../shared/gazetteers,
#   2. builds newsdex-ner-train and newsdex-ner-eval,
#   3. trains on CoNLL-2003 eng.train, keeping the epoch that scores best on eng.testa, and writes
#      data/ner/model.bin (fixed shuffle seed: the same inputs give the same bytes),
#   4. prints the evaluation on eng.testa.
# Usage: scripts/train-ner.sh [BUILD_DIR]   (NEWSDEX_SHARED_DIR overrides ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${NEWSDEX_SHARED_DIR:-../shared}
build_dir=${1:-build-ner}
conll=$shared/corpora/conll2003
for needed in "$shared/gazetteers" "$conll/eng.train" "$conll/eng.testa"; do
  if [ ! -e "$needed" ]; then
    echo "train-ner.sh: $needed is missing (set NEWSDEX_SHARED_DIR to the shared data sets)" >&2
    exit 2
  fi
done
python3 ner/build_lists.py "$shared/gazetteers"
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" --target newsdex-ner-train newsdex-ner-eval -j "$(nproc)" >/dev/null
"$build_dir/ner/newsdex-ner-train" --train "$conll/eng.train" --dev "$conll/eng.testa" \
  --lists data/ner/lists --out data/ner/model.bin
"$build_dir/ner/newsdex-ner-eval" "$conll/eng.testa" --data data/ner
