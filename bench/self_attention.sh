#!/usr/bin/env bash
# Whole-process time of `bagu run self-attention --out DIR` against a matplotlib script drawing the
# same four annotated heatmaps (bench/peers/self_attention_matplotlib.py), median of N runs each.
# Needs Python 3 with numpy and matplotlib (Debian: apt-get install python3-matplotlib); set
# PYTHON if the one on PATH lacks them. Usage: bench/self_attention.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
# shellcheck source=bench/python.sh
. bench/python.sh
# shellcheck source=bench/timing.sh
. bench/timing.sh
python_with self_attention.sh numpy matplotlib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
./bagu run self-attention --out "$work/warmup" --no-window >/dev/null   # builds the jar and the CDS archive once
# Both sides must draw before anything is timed (a failing script would time its error).
"$python" bench/peers/self_attention_matplotlib.py "$work/check.png" >/dev/null
[ -s "$work/check.png" ] || { echo "self_attention.sh: the matplotlib peer wrote no PNG" >&2; exit 1; }
ours=$(for i in $(seq "$runs"); do time_ms ./bagu run self-attention --out "$work/ours" --no-window; done | median)
peer=$(for i in $(seq "$runs"); do time_ms "$python" bench/peers/self_attention_matplotlib.py "$work/peer.png"; done | median)
echo "self-attention, whole process, median of $runs: bagu ${ours} ms, matplotlib ${peer} ms, ratio $(awk "BEGIN {printf \"%.2f\", $ours / $peer}")"
