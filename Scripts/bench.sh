#!/usr/bin/env bash
# The speed benchmark behind `make bench`: each whole-process path of survfig on the
# 1,000,000-patient, 7-column cohort (Output/bench/cox.csv), timed with /usr/bin/time (best wall
# time of RUNS runs, with that run's peak memory), next to R doing the same work on the same
# file in the same run (one run: R takes seconds), with the ratio and survfig's target.
#
#   Scripts/bench.sh SURVFIG FOLDER        (RUNS=3 by default; R is skipped when Rscript with
#                                           survival is missing)
#
# The R scripts are whole processes as a user would run them: read.csv, the model, the figure.
set -euo pipefail
survfig=$1
folder=$2
runs=${RUNS:-3}
cohort=$folder/cox.csv
model="Surv(time, status) ~ arm + age + sex + ecog + biomarker"
timing=$folder/time.txt

# best RUNS COMMAND...: prints "seconds kilobytes" of the fastest run.
best() {
  local count=$1
  shift
  local result=
  for _ in $(seq "$count"); do
    /usr/bin/time -f "%e %M" -o "$timing" "$@" >/dev/null
    result=$(awk -v best="$result" '{ print (best == "" || $1 < best + 0) ? $1 " " $2 : best }' "$timing")
  done
  echo "$result"
}

# report LABEL "SURVFIG_SECONDS KB" "R_SECONDS KB" TARGET
report() {
  local label=$1 ours=$2 theirs=$3 target=$4
  awk -v label="$label" -v ours="$ours" -v theirs="$theirs" -v target="$target" 'BEGIN {
    split(ours, s, " "); line = sprintf("%-48s survfig %6.2f s %6.0f MB", label, s[1], s[2] / 1024)
    if (theirs != "") {
      split(theirs, r, " ")
      line = line sprintf(" | R %6.2f s %5.0f MB | %5.1f× faster", r[1], r[2] / 1024, r[1] / s[1])
    } else {
      line = line sprintf(" | R %19s |", "—")
    }
    print line "  (target: " target ")"
  }'
}

has_r=
if Rscript -e 'library(survival)' >/dev/null 2>&1; then has_r=yes; fi
rscript() { # rscript NAME CODE: writes FOLDER/NAME.R
  printf '%s\n' "$2" >"$folder/$1.R"
}
rscript km 'suppressMessages(library(survival))
d <- read.csv(commandArgs(TRUE)[1])
f <- survfit(Surv(time, status) ~ arm, d)
s <- survdiff(Surv(time, status) ~ arm, d)
pdf(commandArgs(TRUE)[2], width = 120 / 25.4, height = 120 / 25.4)
plot(f, col = 1:3, mark.time = TRUE)
legend("topright", levels(factor(d$arm)), col = 1:3, lty = 1)
text(40, 0.9, sprintf("Log-rank p = %.3g", 1 - pchisq(s$chisq, length(s$n) - 1)))
invisible(dev.off())'
rscript cox 'suppressMessages(library(survival))
d <- read.csv(commandArgs(TRUE)[1])
f <- coxph(Surv(time, status) ~ arm + age + sex + ecog + biomarker, d)
s <- summary(f)
cat(sprintf("%.6f", coef(f)), "\n", file = commandArgs(TRUE)[2])'

km=(km --data "$cohort" --time time --event status --group arm)
echo "== whole processes on $cohort ($(($(wc -l <"$cohort") - 1)) rows × 7 columns); survfig best of $runs, R one run"
ours=$(best "$runs" "$survfig" "${km[@]}" --out "$folder/km.pdf")
theirs=$([ -n "$has_r" ] && best 1 Rscript "$folder/km.R" "$cohort" "$folder/km-r.pdf" || true)
report "KM + log-rank by arm → figure PDF" "$ours" "$theirs" "≥ 40× faster than R, ≤ 150 MB"

ours=$(best "$runs" sh -c "exec \"\$0\" \"\$@\" > '$folder/km.json'" "$survfig" "${km[@]}" --json)
report "the same → --json with every table row" "$ours" "" "≤ 1 s, ≤ 300 MB"
echo "   ($(($(wc -c <"$folder/km.json") / 1000000)) MB of JSON)"

ours=$(best "$runs" sh -c "exec \"\$0\" \"\$@\" > '$folder/cox.json'" "$survfig" cox --data "$cohort" --model "$model" --json)
theirs=$([ -n "$has_r" ] && best 1 Rscript "$folder/cox.R" "$cohort" "$folder/cox-r.txt" || true)
report "Cox (Efron), arm + age + sex + ecog + biomarker" "$ours" "$theirs" "≥ 15× faster than R, ≤ 250 MB"
python3 -c "import json; print('   survfig coefficients ' + ' '.join('%.6f' % t['coef'] for t in json.load(open('$folder/cox.json'))['terms']))"
if [ -n "$has_r" ]; then echo "   R coefficients       $(cat "$folder/cox-r.txt")"; fi
rm -f "$timing"
