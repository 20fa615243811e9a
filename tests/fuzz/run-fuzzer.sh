#!/usr/bin/env bash
# Runs one libFuzzer target for a while from its seed corpus.
#   run-fuzzer.sh FUZZER SEED_DIR SECONDS WORK_DIR [LIBFUZZER_ARGS…]
# New interesting inputs go to WORK_DIR/corpus (the seeds are never
# changed), a crashing input to WORK_DIR/artifacts/. Exits non-zero when the
# fuzzer found a crash, a leak or a timeout.
set -euo pipefail

fuzzer=$1 seeds=$2 seconds=$3 work=$4
shift 4

mkdir -p "$work/corpus" "$work/artifacts"
# SQLite syncs every commit; on a RAM disk that costs nothing.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$(cd "$(dirname "$0")/.." && pwd)/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# libFuzzer would otherwise cap inputs at the largest seed (4 KB at least),
# and never try a bundle entry or model nested hundreds of thousands deep.
# libFuzzer reports a finding with exit status 77 by default, which meson
# counts as a skipped test: a finding must fail it.
exec "$fuzzer" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 -max_len=1048576 \
  -error_exitcode=1 -timeout_exitcode=1 \
  -print_final_stats=1 -artifact_prefix="$work/artifacts/" "$@" \
  "$work/corpus" "$seeds"
