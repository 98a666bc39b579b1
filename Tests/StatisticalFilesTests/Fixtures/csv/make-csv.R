# Writes each transport fixture's data as CSV, for the tests that compare a table read from a
# transport file with the same data read from CSV (ClinicalDataTests/TransportTableTests.swift).
#
#   cd Tests/StatisticalFilesTests/Fixtures/csv && Rscript make-csv.R
#
# R 4.2.2, haven 2.5.1. Numbers (and times of day, in seconds) as sprintf("%.17g"), which read
# back as the same double; dates as YYYY-MM-DD; datetimes as YYYY-MM-DDTHH:MM:SS (UTC); missing
# values and empty text empty; only text quoted.
suppressMessages(library(haven))
stopifnot(packageVersion("haven") == "2.5.1")

files <- c(
  "../kinds-v5.xpt", "../phuse-tdf-adtte.xpt",
  "../../../SurvfigCLITests/Fixtures/adam/pharmaverse-adsl.xpt",
  "../../../SurvfigCLITests/Fixtures/adam/pharmaverse-adtte.xpt",
  "../../../SurvfigCLITests/Fixtures/adam/pharmaverse-adrs-bor.xpt")

as_text <- function(x) {
  text <- if (inherits(x, "POSIXct")) {
    format(x, "%Y-%m-%dT%H:%M:%S", tz = "UTC")
  } else if (inherits(x, "Date")) {
    format(x, "%Y-%m-%d")
  } else if (is.numeric(x) || inherits(x, "difftime")) {
    sprintf("%.17g", as.numeric(x))
  } else {
    as.character(x)
  }
  text[is.na(x)] <- NA
  text
}

for (file in files) {
  data <- read_xpt(file)
  text <- as.data.frame(lapply(data, as_text), stringsAsFactors = FALSE, optional = TRUE)
  out <- sub("\\.xpt$", ".csv", basename(file))
  quoted <- which(vapply(data, is.character, logical(1)))
  write.csv(text, out, row.names = FALSE, na = "", quote = quoted, fileEncoding = "UTF-8")
}
