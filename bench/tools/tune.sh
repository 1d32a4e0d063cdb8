#!/bin/bash
# tune.sh CPU_S BUNDLE OUT -- "config args" ... : every config on every instance of $FILES, 2 at a time
T=$1; B=$2; OUT=$3; shift 3; shift
CONFIGS=("$@")
: > $OUT
jobs=()
for f in $FILES; do for c in "${CONFIGS[@]}"; do jobs+=("$f|$c"); done; done
i=0
for j in "${jobs[@]}"; do
  f=${j%%|*}; c=${j#*|}
  node bench/tools/cpu-run.mjs $B $f $T $c >> $OUT &
  i=$((i+1)); if [ $((i % 2)) -eq 0 ]; then wait; fi
done
wait
