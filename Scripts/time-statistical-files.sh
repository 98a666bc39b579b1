#!/usr/bin/env bash
# Times reading a 1,000,000-row × 7-variable SAS transport file through StatisticalFiles, and the
# same data as CSV through ClinicalData, in a release build. A manual check, not part of the tests.
# Needs Rscript with haven to write the data (once) into Output/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH:-.build}
[ -f Output/bench/timing-1m.xpt ] || Rscript Scripts/write-timing-data.R Output/bench
swift build -c release --scratch-path "$scratch" --product statistical-files-timing
"$scratch"/release/statistical-files-timing Output/bench/timing-1m.xpt Output/bench/timing-1m.csv
