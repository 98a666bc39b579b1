# Writes the ADaM fixtures of the command-line tests from the public data sets described in
# README.md (R 4.2.2, haven 2.5.1). Run from this folder: Rscript make-fixtures.R <folder of the
# original .xpt files>.
library(haven)
source <- commandArgs(trailingOnly = TRUE)[1]

# CDISC pilot ADTTE, unchanged, and copies in the other formats.
adtte <- read_xpt(file.path(source, "phuse-tdf-adtte.xpt"))
file.copy(file.path(source, "phuse-tdf-adtte.xpt"), "phuse-tdf-adtte.xpt", overwrite = TRUE)
write_sas(adtte, "phuse-tdf-adtte.sas7bdat")
write_dta(adtte, "phuse-tdf-adtte.dta")
write_sav(adtte, "phuse-tdf-adtte.sav")

# pharmaverse oncology ADTTE (OS, PFS, RSD): a few columns of every row.
onco <- read_xpt(file.path(source, "pharmaverse-adtte.xpt"))
write_xpt(
  onco[, c("USUBJID", "ARM", "AGE", "SEX", "PARAMCD", "PARAM", "AVAL", "CNSR")], "pharmaverse-adtte.xpt",
  version = 5, name = "ADTTE")

# pharmaverse ADSL: the columns of a Table 1 by arm.
adsl <- read_xpt(file.path(source, "pharmaverse-adsl.xpt"))
write_xpt(
  adsl[, c("USUBJID", "ARM", "TRT01P", "SAFFL", "AGE", "SEX", "RACE", "TRTSDT", "TRTEDT")], "pharmaverse-adsl.xpt",
  version = 5, name = "ADSL")

# pharmaverse oncology ADRS: the best overall response (BOR) and confirmed BOR records.
adrs <- read_xpt(file.path(source, "pharmaverse-adrs.xpt"))
bor <- adrs[
  adrs$PARAMCD %in% c("BOR", "CBOR"),
  c("USUBJID", "ARM", "SAFFL", "PARAMCD", "PARAM", "AVALC", "TRTSDT", "TRTEDT", "ADT")]
write_xpt(bor, "pharmaverse-adrs-bor.xpt", version = 5, name = "ADRS")
