#!/usr/bin/env bash
# How coarse check's transitions are (issue 15, item 1): for each example on one CPU, the
# depth of the breadth-first search (the longest of the shortest runs, in transitions) with
# no reduction, with the default set less cpu-local, with the default set, and with
# private-data added; and how many unreduced steps (visible operations) one transition
# covers, the unreduced depth over the reduced one. Prints a markdown table for docs/check.md.
# Minutes, not hours: every search here is one CPU.
#   bench/granularity.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=bench/scenarios.sh
source bench/scenarios.sh
scenarios+=("one ioctl writer|examples/irq-vs-process/irqdemo.c w1:examples/irq-vs-process/writer.c -DWRITES=1 -DUSE_IRQSAVE")
reductions=(
  "none"
  "user-steps,interrupts,interleavings,sleep-sets,read-only"
  "all"
  "all,private-data"
)
depth_of() {
  # shellcheck disable=SC2086
  { ./spinlab check $1 --cpus 1 --threads 1 --reductions "$2" 2>/dev/null || true; } | head -1 \
    | sed -E 's/.* — ([0-9]+) states, [0-9]+ transitions, depth ([0-9]+).*/\2 (\1 states)/'
}
echo "| scenario | none | default less cpu-local | default | default + private-data | steps per transition: default less cpu-local / default / + private-data |"
echo "| --- | --- | --- | --- | --- | --- |"
for entry in "${scenarios[@]}"; do
  name=${entry%%|*}
  args=${entry#*|}
  row="| $name"
  depths=()
  for r in "${reductions[@]}"; do
    d=$(depth_of "$args" "$r")
    depths+=("${d%% *}")
    row="$row | $d"
  done
  ratios=$(awk -v n="${depths[0]}" -v a="${depths[1]}" -v b="${depths[2]}" -v c="${depths[3]}" \
    'BEGIN { printf "%.2f / %.2f / %.2f", n / a, n / b, n / c }')
  echo "$row | $ratios |"
done
