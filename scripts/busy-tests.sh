#!/usr/bin/env bash
# Run the tests that drive a browser or a server N times (default 10) with every core kept busy,
# to show that none of them depends on the machine's speed (issue 23: wait for conditions, never
# for a number of seconds).
#
#   bash scripts/busy-tests.sh [N]        # e.g. nohup bash scripts/busy-tests.sh 10 > /tmp/busy.log 2>&1 &
#
# What runs: the browser tier (`-m browser`, tiers are set in tests/conftest.py), the serve tests
# (tests/test_serve_rebuild.py) and the live-preview test of tests/test_benchmark.py, in one pytest
# session per run. Meanwhile one `yes > /dev/null` per core (nproc) burns CPU at the same priority;
# a trap stops them on exit. One line per run (number, passed/failed/errors, duration), then a
# summary; the exit status is 1 when any run had a failure or an error. Each run's full output
# is kept in BUSY_LOGS (default /tmp/busy-tests).
set -uo pipefail

runs="${1:-10}"
cd "$(dirname "$0")/.."
python=.venv/bin/python
logs="${BUSY_LOGS:-/tmp/busy-tests}"
mkdir -p "$logs"
pytest=("$python" -m pytest -q -p no:cacheprovider -rfE)
slowest=(--durations=10)  # in each run's log: where the time went

# The tests, by node id, collected before the machine is made busy: one session can then run the
# browser tier together with the serve and live-preview tests (a `-m browser` would deselect those).
ids="$logs/ids.txt"
{
  "${pytest[@]}" --collect-only -m browser tests/
  "${pytest[@]}" --collect-only tests/test_serve_rebuild.py
  "${pytest[@]}" --collect-only tests/test_benchmark.py -k "preview or live"
} | grep '::' > "$ids"
mapfile -t tests < "$ids"
if ! grep -q '^tests/test_benchmark.py::' "$ids" || ! grep -q '^tests/test_serve_rebuild.py::' "$ids"; then
  echo "busy-tests: the serve or the live-preview test was not found (see $ids)" >&2
  exit 2
fi
echo "busy-tests: ${#tests[@]} tests, $runs runs, $(nproc) cores busy; logs in $logs"

burners=()
stop_burners() {
  if ((${#burners[@]})); then kill "${burners[@]}" 2>/dev/null; wait "${burners[@]}" 2>/dev/null; fi
  burners=()
}
trap stop_burners EXIT
trap 'exit 130' INT TERM
for _ in $(seq "$(nproc)"); do
  yes > /dev/null &
  burners+=("$!")
done

count() {  # count WORD LINE: the number pytest's summary line gives for WORD (0 when absent)
  local n
  n=$(grep -oE "[0-9]+ $1" <<<"$2" | head -1 | cut -d' ' -f1)
  echo "${n:-0}"
}

bad=0
total_start=$(date +%s)
for run in $(seq "$runs"); do
  log="$logs/run-$run.log"
  start=$(date +%s)
  "${pytest[@]}" "${slowest[@]}" "${tests[@]}" > "$log" 2>&1
  code=$?
  seconds=$(( $(date +%s) - start ))
  summary=$(grep -E '^=*.*[0-9]+ (passed|failed|error)' "$log" | tail -1)
  passed=$(count passed "$summary"); failed=$(count failed "$summary"); errors=$(count error "$summary")
  verdict=ok
  if ((code != 0 || failed || errors)); then verdict=FAILED; bad=$((bad + 1)); fi
  printf 'run %2d/%d: %s  passed=%s failed=%s errors=%s  %ds  (exit %d, %s)\n' \
    "$run" "$runs" "$verdict" "$passed" "$failed" "$errors" "$seconds" "$code" "$log"
  grep -E '^(FAILED|ERROR) ' "$log" | sed 's/^/    /'
done
echo "busy-tests: $((runs - bad)) of $runs runs passed under load in $(( $(date +%s) - total_start ))s"
((bad == 0))
