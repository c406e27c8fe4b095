#!/usr/bin/env bash
# check's growth with the number of CPUs: states, depth and the search's own seconds for
# 1..4 CPUs on the examples issue 15 names, exhaustive (all reductions) and, where asked,
# preemption-bounded. Prints a markdown table for docs/check.md. Long: minutes per row at
# 3 and 4 CPUs; every search stops at --max-states (default 5,000,000 here too).
#   bench/scaling.sh [MAX_STATES] [PREEMPTIONS]      e.g. bench/scaling.sh 2000000 2
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-5000000}
bound=${2:-}
# shellcheck source=bench/scenarios.sh
source bench/scenarios.sh
echo "| scenario | CPUs | result | states | depth | search s |"
echo "| --- | --- | --- | --- | --- | --- |"
for entry in "${scenarios[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  for cpus in 1 2 3 4; do
    extra=()
    if [ -n "$bound" ]; then extra=(--preemptions "$bound"); fi
    # shellcheck disable=SC2086
    line=$(./spinlab check $args --cpus "$cpus" --max-states "$max" "${extra[@]}" 2>/dev/null | head -1 || true)
    verdict=$(sed -E 's/^spinlab check: (.*) — .*/\1/' <<<"$line")
    states=$(sed -E 's/.* — ([0-9]+) states.*/\1/' <<<"$line")
    depth=$(sed -E 's/.*depth ([0-9]+).*/\1/' <<<"$line")
    secs=$(sed -E 's/.*states\/s, ([0-9.]+) s .*/\1/' <<<"$line")
    echo "| $name | $cpus | $verdict | $states | $depth | $secs |"
  done
done
