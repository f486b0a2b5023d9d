#!/usr/bin/env bash
# A user's first drags in a new demo window, with and without the window's warm-up (the drags it
# makes unseen while the user reads the first figure): a new JVM for each measurement, the demo's
# first figure, 3.5 s of reading, then ten drags of one slider, timed as `bagu bench` times drags.
# `bagu bench` cannot see this: it times drags in a JVM that has run every demo.
# Usage: bench/first_drags.sh [ID SLIDER]...   (default: the sliders below)
set -euo pipefail
cd "$(dirname "$0")/.."
./bagu list >/dev/null   # builds the jar if a source changed
jar=demos/target/bagu.jar
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [ $# -eq 0 ]; then
  set -- multi-head vocab gqa heads weight-init lr layer-norm seq moe-routing top-k \
    attention-depth heads softmax-scaling dk vae-latent beta kmeans seeds head-dimension tokens
fi
if [ $(( $# % 2 )) -ne 0 ]; then
  echo "first_drags.sh: give pairs of ID SLIDER, got $#" >&2
  exit 2
fi
while [ $# -gt 0 ]; do
  for mode in no-warm-up warm-up; do
    "$java_cmd" -Djava.awt.headless=true -cp "$jar" dev.bagu.bench.FirstDrags "$1" "$2" "$mode"
  done
  shift 2
done
