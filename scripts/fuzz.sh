#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer (test/fuzz/README.md).
#
#   scripts/fuzz.sh [--merge] [SECONDS] [TARGET...]
#
# Builds the targets in build-asan (clang, ASan + UBSan + coverage: make asan) if needed, then runs each target (default: every
# test/fuzz/targets/*.cpp) for SECONDS (default 60), FUZZ_PARALLEL at a time (default 1), on its seed corpus
# test/fuzz/corpus/<target>/ with test/fuzz/corpus/<target>.dict when there is one. New inputs
# go to build-asan/fuzz-out/<target>/corpus, not into the repository, unless --merge is given
# (then the ones that add coverage are merged into test/fuzz/corpus/<target>/ at the end).
# Reports per target: executions, coverage (cov: edges, ft: features), corpus size, findings
# (crash-*, timeout-*, oom-*, leak-* files in build-asan/fuzz-out/<target>/artifacts/).
# Exits 1 when any target has a finding (or the fuzzer failed without one), 2 on usage errors.
#
# Environment: FUZZ_BUILD (default build-asan), FUZZ_JOBS (build parallelism, default 1),
# FUZZ_TIMEOUT (seconds one input may take, default 30: the instrumented build runs 30-40 times
# slower than a release one, and the largest legal numeric results, 100,000 digits and more,
# take a tenth of a second in release as in PostgreSQL), FUZZ_NO_BUILD=1 (run the targets as last built), FUZZ_ARGS (extra libFuzzer flags, e.g. "-max_len=8192"), TUSK_FUZZ_LAX=1 (targets print
# round-trip mismatches instead of stopping on them).
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${FUZZ_BUILD:-build-asan}
JOBS=${FUZZ_JOBS:-1}
TIMEOUT=${FUZZ_TIMEOUT:-30}
MERGE=0
if [ "${1:-}" = "--merge" ]; then MERGE=1; shift; fi
SECONDS_PER_TARGET=60
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then SECONDS_PER_TARGET=$1; shift; fi
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  for f in test/fuzz/targets/*.cpp; do TARGETS+=("$(basename "$f" .cpp)"); done
fi
for t in "${TARGETS[@]}"; do
  if [ ! -f "test/fuzz/targets/$t.cpp" ]; then
    echo "fuzz.sh: no target $t (test/fuzz/targets/$t.cpp)" >&2
    exit 2
  fi
done

# Build (a no-op when up to date; FUZZ_NO_BUILD=1 runs the targets as they were last built).
if [ "${FUZZ_NO_BUILD:-0}" = 1 ]; then
  :
elif [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTUSK_SANITIZE=address -DTUSK_FUZZ=ON \
    -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang >/dev/null || exit 1
fi
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  build_targets=()
  for t in "${TARGETS[@]}"; do build_targets+=("fuzz_$t"); done
  cmake --build "$BUILD" -j"$JOBS" --target "${build_targets[@]}" || exit 1
fi

# Sanitizer reports stop the fuzzer (libFuzzer saves the input); UBSan with a stack.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/test/fuzz/lsan.supp}
if command -v llvm-symbolizer >/dev/null; then export ASAN_SYMBOLIZER_PATH=$(command -v llvm-symbolizer); fi

# One target's run; its summary line goes to fuzz-out/<target>/summary.
fuzz_one() {
  local t=$1 status=0
  local out="$ROOT/$BUILD/fuzz-out/$t"
  mkdir -p "$out/corpus" "$out/artifacts" "$out/tmp"
  rm -f "$out/artifacts"/* "$out/tmp"/* 2>/dev/null
  rm -rf "$out/tmp"/* "$out/cwd"; mkdir -p "$out/cwd"
  seeds="$ROOT/test/fuzz/corpus/$t"
  mkdir -p "$seeds"
  dict=()
  [ -f "$ROOT/test/fuzz/corpus/$t.dict" ] && dict=(-dict="$ROOT/test/fuzz/corpus/$t.dict")
  # What the target found before is read with the seeds: a fix that regresses shows at once.
  findings_dir=()
  [ -d "$ROOT/test/fuzz/findings/$t" ] && findings_dir=("$ROOT/test/fuzz/findings/$t")
  echo "== fuzz_$t: ${SECONDS_PER_TARGET}s, log $out/log"
  # Run from a scratch directory (files a statement writes, e.g. COPY TO, land there) with the
  # targets' temporary data directories under $out/tmp. The first corpus directory receives the
  # new inputs.
  (cd "$out/cwd" && TMPDIR="$out/tmp" "$ROOT/$BUILD/fuzz_$t" -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$out/artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} \
    "$out/corpus" "$seeds" "${findings_dir[@]}") >"$out/log" 2>&1
  rc=$?
  rm -rf "$out/tmp"/*
  last=$(grep -E '^#[0-9]+' "$out/log" | tail -1)
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$out/log" | grep -oE '[0-9]+$')
  [ -z "$runs" ] && runs=$(echo "$last" | grep -oE '^#[0-9]+' | tr -d '#')
  cov=$(echo "$last" | grep -oE 'cov: [0-9]+' | grep -oE '[0-9]+')
  ft=$(echo "$last" | grep -oE 'ft: [0-9]+' | grep -oE '[0-9]+')
  corp=$(echo "$last" | grep -oE 'corp: [0-9]+/[0-9A-Za-z]+' | cut -d' ' -f2)
  findings=$(find "$out/artifacts" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) | sort)
  nfind=$(echo -n "$findings" | grep -c . || true)
  line=$(printf '%-13s runs %-9s cov %-6s ft %-7s corpus %-12s findings %s' "$t" "${runs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$nfind")
  if [ "$nfind" -gt 0 ]; then
    status=1
    line+=$'\n'"$(echo "$findings" | sed 's/^/    /')"
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|FINDING' "$out/log" | sed 's/^/    /' >&2
  elif [ $rc -ne 0 ]; then
    status=1
    line+=" (fuzzer exited $rc without an artifact: see $out/log)"
  fi
  echo "$line"
  if [ $MERGE -eq 1 ]; then
    (cd "$out/cwd" && TMPDIR="$out/tmp" "$ROOT/$BUILD/fuzz_$t" -merge=1 -timeout="$TIMEOUT" -rss_limit_mb=4096 "$seeds" "$out/corpus") \
      >"$out/merge.log" 2>&1 || { echo "  merge failed: $out/merge.log"; status=1; }
    rm -rf "$out/tmp"/*
    echo "  merged: $(ls "$seeds" | wc -l) inputs in test/fuzz/corpus/$t"
  fi
  printf '%s\n' "$line" > "$out/summary"
  echo "$status" > "$out/status"
}

# FUZZ_PARALLEL targets run at once (default 1; each libFuzzer process uses one core).
PARALLEL=${FUZZ_PARALLEL:-1}
for t in "${TARGETS[@]}"; do
  rm -f "$ROOT/$BUILD/fuzz-out/$t/summary" "$ROOT/$BUILD/fuzz-out/$t/status"
  while [ "$(jobs -rp | wc -l)" -ge "$PARALLEL" ]; do wait -n; done
  fuzz_one "$t" &
done
wait
status=0
summary=()
for t in "${TARGETS[@]}"; do
  summary+=("$(cat "$ROOT/$BUILD/fuzz-out/$t/summary" 2>/dev/null || echo "$t: no summary")")
  [ "$(cat "$ROOT/$BUILD/fuzz-out/$t/status" 2>/dev/null)" = 0 ] || status=1
done
echo "== summary (${SECONDS_PER_TARGET}s per target)"
printf '%s\n' "${summary[@]}"
exit $status
