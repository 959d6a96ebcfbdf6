#!/usr/bin/env bash
# The README's "try it" command: installs what is missing, builds a release build, indexes the
# sample collection in corpus/ into the default database and runs three example searches.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
index=build/indexer/newsdex-index
search=build/searcher/newsdex-search
db=${NEWSDEX_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/newsdex/db}
export NEWSDEX_DB=$db

echo; echo "== Indexing the sample collection (corpus/text, corpus/html, corpus/export) into $db"
"$index" corpus/text corpus/html corpus/export

echo; echo "== newsdex-search 'harbour strike'"
"$search" "harbour strike"

echo; echo "== newsdex-search 'strike place:valdermoor date:2024-09..2024-12' --facet person,org,date"
"$search" "strike place:valdermoor date:2024-09..2024-12" --facet person,org,date

echo; echo "== the same as JSON"
"$search" "strike place:valdermoor date:2024-09..2024-12" --facet person,org,date --json --limit 2
