#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang++, ASan and UBSan, and runs each for a bounded time,
# printing the executions per target. New inputs go to BUILD/fuzz-corpus (the committed seeds in
# fuzz/corpus stay as written); a crash leaves its input in BUILD/fuzz-crashes and fails the script.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET [TARGET...]]   (default: 60 s each, every target)
#        NEWSDEX_FUZZ_BUILD=dir picks the build folder (default build-fuzz).
#        NEWSDEX_FUZZ_SEED=n fixes libFuzzer's random seed, so that a run tries the same inputs in the
#        same order each time (CI sets it: a CI run then repeats what a longer local run already tried).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all_targets=(text_reader html_reader json_reader dates entities query stored_data)
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=("${all_targets[@]}"); fi

scripts/install-deps.sh clang libclang-rt-14-dev
build_dir=${NEWSDEX_FUZZ_BUILD:-build-fuzz}
cmake -S . -B "$build_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNEWSDEX_FUZZ=ON -DNEWSDEX_BUILD_TESTS=OFF >"$build_dir.configure.log" 2>&1 ||
  { cat "$build_dir.configure.log"; exit 1; }
cmake --build "$build_dir" --target fuzz_targets -j "$(nproc)"

failed=0
for target in "${targets[@]}"; do
  corpus="$build_dir/fuzz-corpus/$target"
  crashes="$build_dir/fuzz-crashes/$target"
  log="$build_dir/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  status=ok
  seed_option=()
  if [ -n "${NEWSDEX_FUZZ_SEED:-}" ]; then seed_option=(-seed="$NEWSDEX_FUZZ_SEED"); fi
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: runaway memory is a bug too.
  if ! "$build_dir/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=16384 "${seed_option[@]}" -print_final_stats=1 -artifact_prefix="$crashes/" \
      "$corpus" "fuzz/corpus/$target" >"$log" 2>&1; then
    status="FAILED (see $log; inputs in $crashes)"
    failed=1
  fi
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf 'fuzz_%-12s %10s executions in %ss  %s\n' "$target" "${executions:-?}" "$seconds" "$status"
  if [ "$status" != ok ]; then grep -m 20 -E 'ERROR|SUMMARY|runtime error|#[0-9]+ 0x' "$log" || true; fi
done
exit $failed
