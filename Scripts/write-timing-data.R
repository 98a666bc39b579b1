# Writes a synthetic ADTTE-like data set of 1,000,000 rows and 7 variables as a SAS transport file
# (v5) and as CSV, for timing the StatisticalFiles and ClinicalData readers by hand:
#
#   Rscript Scripts/write-timing-data.R Output/bench   # then Scripts/time-statistical-files.sh
#
# Variables: USUBJID (unique text), TRTP (3 treatments), PARAMCD ("OS"), AVAL (days, with
# fractions), CNSR (0/1), AGE (whole years, 1% missing), ADT (a date, DATE9.).
suppressMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
directory <- if (length(args) > 0) args[[1]] else "Output/bench"
dir.create(directory, recursive = TRUE, showWarnings = FALSE)
set.seed(20261204)
n <- 1e6
d <- data.frame(
  USUBJID = sprintf("01-%03d-%06d", sample.int(999, n, replace = TRUE), seq_len(n)),
  TRTP = sample(c("Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"), n, replace = TRUE),
  PARAMCD = "OS",
  AVAL = round(rexp(n, 1 / 400), 2),
  CNSR = rbinom(n, 1, 0.3),
  AGE = ifelse(runif(n) < 0.01, NA, sample(18:90, n, replace = TRUE)),
  ADT = as.Date("2014-01-01") + sample.int(2000, n, replace = TRUE))
attr(d$ADT, "format.sas") <- "DATE9."
write_xpt(d, file.path(directory, "timing-1m.xpt"), version = 5, name = "ADTTE")
write.csv(d, file.path(directory, "timing-1m.csv"), row.names = FALSE, na = "")
