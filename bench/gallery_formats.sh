#!/usr/bin/env bash
# What the gallery's default formats cost over PNG alone: `bagu gallery` (PNG + SVG + GIF) against
# `bagu gallery --format png`, whole process, in PAIRS pairs run back to back (the machine's
# speed drifts, so each ratio compares runs made a few seconds apart), then the median ratio.
# Usage: bench/gallery_formats.sh [PAIRS]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-5}
case "$pairs" in
  '' | *[!0-9]* | 0) echo "gallery_formats.sh: PAIRS must be a positive integer, got '$pairs'" >&2
    exit 2 ;;
esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./bagu list >/dev/null   # builds the jar and the class-data archive once, untimed
# shellcheck source=bench/timing.sh
. bench/timing.sh
ratios=()
for i in $(seq "$pairs"); do
  rm -rf "$work/png" "$work/all"
  png=$(time_ms ./bagu gallery --out "$work/png" --format png)
  all=$(time_ms ./bagu gallery --out "$work/all")
  ratio=$(awk -v a="$all" -v p="$png" 'BEGIN { printf "%.2f", a / p }')
  ratios+=("$ratio")
  echo "pair $i: png only $png ms, png+svg+gif $all ms, ratio $ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | median)
echo "median ratio over $pairs pairs: $median (target: at most 1.3)"
