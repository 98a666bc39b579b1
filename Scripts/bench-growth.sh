#!/usr/bin/env bash
# How time and peak memory grow with the number of patients: the first 10,000, 100,000,
# 1,000,000 and 10,000,000 rows of the 10,000,000-patient cohort (survfig-bench generate-cox,
# seed 20261124), each path a whole process timed with /usr/bin/time (best of RUNS runs below
# 10,000,000 rows, best of two at 10,000,000: on a virtual machine the first process to touch a
# gigabyte after other work often waits for the host to hand the memory back), printed as a
# Markdown table.
#
#   Scripts/bench-growth.sh SURVFIG SURVFIG_BENCH FOLDER
#
# survfig's 10,000,000-row targets (KM figure ≤ 3 s and ≤ 1.2 GB, Cox ≤ 15 s)
# are printed after the table.
set -euo pipefail
survfig=$1
generator=$2
folder=$3
runs=${RUNS:-3}
model="Surv(time, status) ~ arm + age + sex + ecog + biomarker"
timing=$folder/time.txt
big=$folder/cox-10m.csv
[ -f "$big" ] || "$generator" generate-cox 10000000 20261124 "$big"

measure() { # measure RUNS COMMAND...: "seconds megabytes" of the fastest run
  local count=$1
  shift
  local result=
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %M" -o "$timing" "$@" >/dev/null
    result=$(awk -v best="$result" '{ print (best == "" || $1 < best + 0) ? $1 " " int($2 / 1024) : best }' "$timing")
  done
  echo "$result"
}
cell() { awk '{ printf "%.2f s, %d MB", $1, $2 }' <<<"$1"; }

echo "| rows | CSV | KM + log-rank → PDF | → --json (every row) | Cox, 5 covariates |"
echo "| ---: | ---: | --- | --- | --- |"
for rows in 10000 100000 1000000 10000000; do
  data=$folder/growth-$rows.csv
  [ "$rows" = 10000000 ] && data=$big
  [ -f "$data" ] || head -n $((rows + 1)) "$big" >"$data"
  count=$runs
  [ "$rows" = 10000000 ] && count=2
  km=$(measure "$count" "$survfig" km --data "$data" --time time --event status --group arm --out "$folder/growth.pdf")
  json=$(measure "$count" sh -c "exec \"\$0\" \"\$@\" > '$folder/growth.json'" "$survfig" km --data "$data" \
    --time time --event status --group arm --json)
  cox=$(measure "$count" sh -c "exec \"\$0\" \"\$@\" > '$folder/growth-cox.json'" "$survfig" cox --data "$data" \
    --model "$model" --json)
  printf '| %s | %s MB | %s | %s | %s |\n' "$rows" "$(awk -v b="$(wc -c <"$data")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
    "$(cell "$km")" "$(cell "$json")" "$(cell "$cox")"
  [ "$rows" = 10000000 ] && { big_km=$km; big_cox=$cox; }
done
awk -v km="$big_km" -v cox="$big_cox" 'BEGIN {
  split(km, k, " "); split(cox, c, " ")
  printf "10,000,000 rows: KM figure %.2f s, %d MB (target ≤ 3 s, ≤ 1,200 MB); Cox %.2f s, %d MB (target ≤ 15 s)\n", k[1], k[2], c[1], c[2]
}'
rm -f "$timing" "$folder/growth.pdf" "$folder/growth.json" "$folder/growth-cox.json"
