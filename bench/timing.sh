# Sourced by the benchmark scripts: time_ms CMD... prints the wall time of one run of CMD in
# milliseconds (its output discarded); median reads numbers, one a line, and prints their median.
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
