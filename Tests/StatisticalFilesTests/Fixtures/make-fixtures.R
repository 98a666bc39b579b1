# Writes the StatisticalFiles test fixtures into this directory.
#
#   cd Tests/StatisticalFilesTests/Fixtures && Rscript make-fixtures.R
#
# Made with R 4.2.2 and haven 2.5.1 (which writes through ReadStat 1.1.8). The files carry the time
# they were written, so a rerun changes their bytes but not their values; the tests never run R.
# phuse-tdf-adtte.xpt is not made here: it is a published file, copied unchanged (see README.md).

suppressMessages(library(haven))
stopifnot(packageVersion("haven") == "2.5.1")

labelled_as <- function(x, label) { attr(x, "label") <- label; x }
formatted <- function(x, attribute, format) { attr(x, attribute) <- format; x }
utc <- function(...) as.POSIXct(c(...), tz = "UTC")

# --- kinds: text, numbers, missing and special missing values, labels, a date, a datetime, a time.
# The same six rows in every format. Row 3 of USUBJID is "" and row 4 is NA: both are blank in SAS.
# AVAL row 4 is a special missing value: .A in SAS, .a in Stata, the user-missing -9 in SPSS.
kinds <- function(special) {
  data.frame(
    USUBJID = labelled_as(
      c("01-701-1015", "01-701-1023", "", NA, "Zo\u00eb \u2013 na\u00efve \u2713", "  indented"),
      "Unique Subject Identifier"),
    AVAL = labelled_as(special, "Analysis Value"),
    CNSR = labelled_as(c(0L, 1L, 0L, 1L, NA, 0L), "Censor"),
    ADT = labelled_as(
      as.Date(c("2014-01-02", NA, "1960-01-01", "1959-12-31", "2020-02-29", "1970-01-01")),
      "Analysis Date"),
    ADTM = labelled_as(
      utc("2014-01-02 08:30:00", NA, "1960-01-01 00:00:00", "1959-12-31 23:59:59",
          "2020-02-29 13:14:15.25", "1970-01-01 00:00:00"),
      "Analysis Datetime"),
    ATM = labelled_as(hms::hms(c(30600, NA, 0, 86399, 47655, 0)), "Analysis Time"))
}
aval <- function(tag) c(1.5, -2.25, NA, tagged_na(tag), 1e10, 0)
sas_kinds <- kinds(aval("A"))
write_xpt(sas_kinds, "kinds-v5.xpt", version = 5, name = "KINDS", label = "Kinds of values")
write_xpt(sas_kinds, "kinds-v8.xpt", version = 8, name = "KINDS", label = "Kinds of values")
write_sas(sas_kinds, "kinds.sas7bdat")
stata_kinds <- kinds(aval("a"))
# Value labels are written, and ignored by the reader: CNSR stays numeric.
stata_kinds$CNSR <- labelled(stata_kinds$CNSR, c(Event = 0L, Censored = 1L), "Censor")
write_dta(stata_kinds, "kinds.dta", label = "Kinds of values")
spss_kinds <- kinds(labelled_spss(c(1.5, -2.25, NA, -9, 1e10, 0), na_values = -9,
                                  label = "Analysis Value"))
spss_kinds$CNSR <- labelled_spss(spss_kinds$CNSR, c(Event = 0L, Censored = 1L), label = "Censor")
write_sav(spss_kinds, "kinds.sav")

# --- dates: each date and datetime display format; row 1 2020-02-29 (13:14:15.25), row 2
# 1959-12-31 (23:59:59.5, before the SAS and Stata epoch), row 3 missing.
days <- as.Date(c("2020-02-29", "1959-12-31", NA))
moments <- utc("2020-02-29 13:14:15.25", "1959-12-31 23:59:59.5", NA)
sas_dates <- data.frame(
  DATE = formatted(days, "format.sas", "DATE9."),
  E8601DA = formatted(days, "format.sas", "E8601DA10."),
  IS8601DA = formatted(days, "format.sas", "IS8601DA."),
  YYMMDD = formatted(days, "format.sas", "YYMMDD10."),
  YYMMDDN = formatted(days, "format.sas", "YYMMDDN8."),
  MMDDYY = formatted(days, "format.sas", "MMDDYY10."),
  DDMMYY = formatted(days, "format.sas", "DDMMYY10."),
  WORDDATE = formatted(days, "format.sas", "WORDDATE18."),
  MONYY = formatted(days, "format.sas", "MONYY7."),
  DATETIME = formatted(moments, "format.sas", "DATETIME22.2"),
  E8601DT = formatted(moments, "format.sas", "E8601DT19."),
  IS8601DT = formatted(moments, "format.sas", "IS8601DT."),
  DATEAMPM = formatted(moments, "format.sas", "DATEAMPM22."),
  TIME = formatted(c(47655.25, 86399.5, NA), "format.sas", "TIME8."),
  BEST = formatted(c(21974, -1, NA), "format.sas", "BEST12."),
  PLAIN = c(21974, -1, NA))
write_xpt(sas_dates, "dates-v5.xpt", version = 5, name = "DATES")
write_sas(sas_dates, "dates.sas7bdat")

# Stata: %td days and %tc milliseconds since 1960-01-01; %tC milliseconds with leap seconds (27
# inserted from 1972 to 2016); %tm months since 1960-01 is not a date and stays a number.
stata_dates <- data.frame(
  td = formatted(days, "format.stata", "%td"),
  d = formatted(days, "format.stata", "%d"),
  tdiso = formatted(days, "format.stata", "%tdCCYY-NN-DD"),
  tc = formatted(moments, "format.stata", "%tc"),
  tciso = formatted(moments, "format.stata", "%tcCCYY-NN-DD!THH:MM:SS.sss"),
  tC = formatted(c(1898601282250, -500, NA), "format.stata", "%tC"),
  tm = formatted(c(721, -1, NA), "format.stata", "%tm"),
  g = formatted(c(21974, -1, NA), "format.stata", "%9.0g"))
write_dta(stata_dates, "dates.dta")

# SPSS: seconds since 1582-10-14; TIME and DTIME are durations and stay numbers.
spss_dates <- data.frame(
  DATE = formatted(days, "format.spss", "DATE11"),
  ADATE = formatted(days, "format.spss", "ADATE10"),
  EDATE = formatted(days, "format.spss", "EDATE10"),
  SDATE = formatted(days, "format.spss", "SDATE10"),
  JDATE = formatted(days, "format.spss", "JDATE7"),
  MOYR = formatted(days, "format.spss", "MOYR8"),
  DATETIME = formatted(moments, "format.spss", "DATETIME23.2"),
  YMDHMS = formatted(moments, "format.spss", "YMDHMS22.2"),
  TIME = formatted(c(47655.25, 86399.5, NA), "format.spss", "TIME11.2"),
  DTIME = formatted(c(90000, 0, NA), "format.spss", "DTIME12"),
  F = formatted(c(13802313600, 0, NA), "format.spss", "F12.0"))
write_sav(spss_dates, "dates.sav")

# --- SPSS user-defined missing values: three discrete values; a range and a value; a string.
write_sav(data.frame(
  DISCRETE = labelled_spss(c(1, -9, 98, 99, 100), na_values = c(-9, 98, 99)),
  RANGE = labelled_spss(c(1, -9, 900, 950, 999.5), na_values = -9, na_range = c(900, 999)),
  TEXT = labelled_spss(c("a", "NA", "b", "", "NA "), na_values = "NA")), "user-missing.sav")

# --- long names and values: SAS transport v8 allows 32-character names, 256-character labels and
# text longer than 200 characters (v5 allows 8, 40 and 200).
long_value <- paste0(strrep("0123456789", 29), "\u00e9t\u00e9 \u2713")
write_xpt(data.frame(
  SUBJECT_IDENTIFIER_LONG_NAME_32 = labelled_as(c(long_value, "short"), strrep("Label ", 20)),
  N = c(1, 2)), "long-v8.xpt", version = 8, name = "LONG")

# --- zero rows, in every format.
empty <- data.frame(USUBJID = character(), AVAL = numeric(), ADT = as.Date(character()))
write_xpt(empty, "empty-v5.xpt", version = 5, name = "EMPTY")
write_sas(empty, "empty.sas7bdat")
write_dta(empty, "empty.dta")
write_sav(empty, "empty.sav")

# --- text that is not UTF-8: row 2 of NAME is "caf\xe9" in Latin-1. haven writes only valid
# UTF-8, so the file is written with "caf\u00e9" (bytes C3 A9 for the accent) and those two bytes
# are then replaced by Latin-1's E9 and a blank, which the reader trims.
write_latin1 <- function(writer, path, ...) {
  writer(data.frame(ID = c(1, 2, 3), NAME = c("plain", "caf\u00e9", "ok")), path, ...)
  bytes <- readBin(path, "raw", file.size(path))
  at <- which(bytes[-length(bytes)] == as.raw(0xc3) & bytes[-1] == as.raw(0xa9))
  stopifnot(length(at) == 1)
  bytes[c(at, at + 1)] <- as.raw(c(0xe9, 0x20))
  writeBin(bytes, path)
}
write_latin1(write_xpt, "latin1.xpt", version = 5, name = "LATIN1")
write_latin1(write_dta, "latin1.dta")

# --- Stata 12 (format 115, before Stata 14's UTF-8): text in Windows-1252, as Stata 12 wrote it;
# haven writes UTF-8 bytes, so the two bytes of "\u00eb" (C3 AB) become 1252's EB and a NUL pad.
# In bad-cp1252.dta row 2 holds the byte 81, which Windows-1252 leaves undefined.
write_stata12 <- function(path, replacement) {
  write_dta(data.frame(name = c("Zo\u00eb", "Zo\u00eb"),
                       day = formatted(as.Date(c("2020-02-29", NA)), "format.stata", "%td")),
            path, version = 12)
  bytes <- readBin(path, "raw", file.size(path))
  at <- which(bytes[-length(bytes)] == as.raw(0xc3) & bytes[-1] == as.raw(0xab))
  stopifnot(length(at) == 2)
  bytes[c(at[1], at[1] + 1)] <- as.raw(c(0xeb, 0x00))
  bytes[c(at[2], at[2] + 1)] <- as.raw(c(replacement, 0x00))
  writeBin(bytes, path)
}
write_stata12("stata12.dta", 0xeb)
write_stata12("bad-cp1252.dta", 0x81)

# --- an SPSS file compressed with zlib (ZSAV, signature $FL3) under a .sav name.
write_sav(data.frame(ID = c(1, 2), NAME = c("a", "b")), "zlib.sav", compress = "zsav")

# --- a date no calendar holds: 1e15 days after 1960-01-01 in row 2.
write_xpt(data.frame(ADT = formatted(c(0, 1e15), "format.sas", "DATE9.")), "bad-date.xpt",
          version = 5, name = "BADDATE")

# --- a transport file holding two data sets: the second data set's records (from its member
# header on) appended to the first file. SAS writes such files; the reader refuses them.
write_xpt(data.frame(A = c(1, 2)), "member1.tmp", version = 5, name = "FIRST")
write_xpt(data.frame(B = c("x", "y", "z")), "member2.tmp", version = 5, name = "SECOND")
first <- readBin("member1.tmp", "raw", file.size("member1.tmp"))
second <- readBin("member2.tmp", "raw", file.size("member2.tmp"))
writeBin(c(first, second[-(1:240)]), "two-members.xpt")
invisible(file.remove("member1.tmp", "member2.tmp"))

# --- damaged files.
head_bytes <- function(from, to, count) {
  writeBin(readBin(from, "raw", file.size(from))[seq_len(count)], to)
}
# Cut inside a data row and inside an 80-byte record.
head_bytes("kinds-v5.xpt", "truncated.xpt", file.size("kinds-v5.xpt") - 100)
head_bytes("kinds.sas7bdat", "truncated.sas7bdat", 6000)
head_bytes("kinds.dta", "truncated.dta", file.size("kinds.dta") %/% 2)
head_bytes("kinds.sav", "truncated.sav", file.size("kinds.sav") - 40)
# Random bytes, and random bytes after each format's signature.
set.seed(20261204)
noise <- function(n) as.raw(sample.int(256, n, replace = TRUE) - 1)
writeBin(noise(4096), "random.sav")
sas7bdat_magic <- as.raw(c(rep(0, 12), 0xc2, 0xea, 0x81, 0x60, 0xb3, 0x14, 0x11, 0xcf, 0xbd, 0x92,
                           0x08, 0x00, 0x09, 0xc7, 0x31, 0x8c, 0x18, 0x1f, 0x10, 0x11))
writeBin(c(sas7bdat_magic, noise(8192)), "noise.sas7bdat")
writeBin(c(charToRaw("<stata_dta>"), noise(4096)), "noise.dta")
writeBin(c(charToRaw("$FL2"), noise(4096)), "noise.sav")
writeBin(c(readBin("kinds-v5.xpt", "raw", 400), noise(1200)), "noise.xpt")
# A comma-separated file named .xpt, and a transport file named .dta.
writeLines(c("USUBJID,AVAL,CNSR", "01-701-1015,1.5,0", "01-701-1023,2.25,1"), "csv.xpt")
invisible(file.copy("kinds-v5.xpt", "transport.dta", overwrite = TRUE))
