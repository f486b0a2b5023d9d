#!/usr/bin/env bash
# The clustering benchmark: `bagu run dbscan|kmeans --input` against scikit-learn + matplotlib
# on the same CSV of 2-D points (8 Gaussian blobs), end to end (process start to PNG written),
# with the answers checked: DBSCAN's labels identical up to renaming the clusters (noise the same
# points), k-means' inertia within 1% of scikit-learn's KMeans(n_init=10).
#
#   bench/clustering.sh [POINTS ...]          default: 100000
#
# Needs a JDK 17+, GNU time (/usr/bin/time, for peak memory) and Python 3 with numpy,
# scikit-learn and matplotlib (Debian/Ubuntu: apt-get install python3-sklearn python3-matplotlib;
# elsewhere: pip install scikit-learn matplotlib). PYTHON=... picks the interpreter. Files go to
# bench/out/ (not committed). Prints a Markdown table: wall seconds and peak resident memory
# (the whole process: JVM or Python) for ours and the peer, and ours / peer.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out="$here/out"
mkdir -p "$out"
# shellcheck source=bench/python.sh
. "$here/python.sh"
python_with clustering.sh sklearn matplotlib
[ -x /usr/bin/time ] || { echo "clustering.sh: needs GNU time at /usr/bin/time" >&2; exit 2; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000)

"$root/bagu" list >/dev/null # build the jar and its start-up archive before timing anything

# timed NAME CMD...: runs CMD, leaves "wall_seconds peak_kb" in $out/NAME.time
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$out/$name.time" "$@" >"$out/$name.log" 2>&1
}
cell() { # "12.3 s, 456 MB"
  awk '{printf "%.1f s, %.0f MB", $1, $2 / 1024}' "$out/$1.time"
}
ratio() {
  paste "$out/$1.time" "$out/$2.time" | awk '{printf "%.2f", $1 / $3}'
}

echo "| task | ours (bagu) | scikit-learn + matplotlib | ours / peer, wall | check |"
echo "|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  csv="$out/blobs-$n.csv"
  [ -f "$csv" ] || java "$here/BlobsCsv.java" "$n" "$csv"
  label=$(printf "%'d" "$n" 2>/dev/null || echo "$n")

  timed "ours-dbscan-$n" env JAVA_TOOL_OPTIONS=-Xmx2g "$root/bagu" run dbscan --input "$csv" \
    -p eps=0.1 -p min-samples=10 --out "$out/ours-dbscan-$n"
  timed "peer-dbscan-$n" "$python" "$here/peers/dbscan_sklearn.py" "$csv" 0.1 10 \
    "$out/peer-dbscan-$n"
  check=$("$python" "$here/peers/compare.py" labels "$out/ours-dbscan-$n/dbscan.json" \
    "$out/peer-dbscan-$n/labels.txt" || true)
  echo "| DBSCAN eps 0.1, min-samples 10, $label points | $(cell "ours-dbscan-$n") |" \
    "$(cell "peer-dbscan-$n") | $(ratio "ours-dbscan-$n" "peer-dbscan-$n") | $check |"

  if [ "$n" -le 200000 ]; then # k-means' teaching panels are not meant for millions
    timed "ours-kmeans-$n" env JAVA_TOOL_OPTIONS=-Xmx2g "$root/bagu" run kmeans --input "$csv" \
      -p k=8 --out "$out/ours-kmeans-$n"
    timed "peer-kmeans-$n" "$python" "$here/peers/kmeans_sklearn.py" "$csv" 8 \
      "$out/peer-kmeans-$n"
    check=$("$python" "$here/peers/compare.py" inertia "$out/ours-kmeans-$n/kmeans.json" \
      "$out/peer-kmeans-$n/inertia.txt" || true)
    echo "| k-means k = 8 (ours: its 6 panels, 10 restarts per seeding; peer: n_init=10), $label points |" \
      "$(cell "ours-kmeans-$n") | $(cell "peer-kmeans-$n") |" \
      "$(ratio "ours-kmeans-$n" "peer-kmeans-$n") | $check |"
  fi
done
echo
echo "Machine: $(nproc) cores, $(uname -m), Java $(java -version 2>&1 | head -1 | cut -d'"' -f2)," \
  "scikit-learn $("$python" -c 'import sklearn; print(sklearn.__version__)');" \
  "load average while running: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)."
