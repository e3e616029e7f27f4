#!/usr/bin/env bash
# ab.sh OUT_PREFIX ROUNDS BIN_A BIN_B: alternating whole-process runs of
# byline print on the reference article, as benchmark lines (wall ns/op and
# task-clock CPU ms) for benchstat.
set -euo pipefail
out=$1 rounds=$2 a=$3 b=$4
R=/work/shared/samples/000_65ddc96782ead899.txt
: > "$out-a.txt"; : > "$out-b.txt"
one() { # file bin name args...
  local f=$1 bin=$2 name=$3; shift 3
  local t0 t1 cpu
  t0=$(date +%s%N)
  cpu=$(perf stat -x, -e task-clock "$bin" "$@" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}')
  t1=$(date +%s%N)
  echo "Benchmark$name-2 1 $((t1 - t0)) ns/op $cpu cpu-ms/op" >> "$f"
}
for i in $(seq "$rounds"); do
  for side in a b; do
    bin=$a; [ $side = b ] && bin=$b
    one "$out-$side.txt" "$bin" RefPlain print --width 80 "$R"
    one "$out-$side.txt" "$bin" RefColor print --color always --width 80 "$R"
  done
done
