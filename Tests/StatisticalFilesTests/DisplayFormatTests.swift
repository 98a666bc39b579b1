import Testing

@testable import StatisticalFiles

/// Each date and datetime display format (`make-fixtures.R`, "dates"): row 1 2020-02-29
/// (13:14:15.25), row 2 1959-12-31 (23:59:59.5), row 3 missing.
///
/// R: `as.numeric(as.Date(c("2020-02-29", "1959-12-31")))` is 18321, -3654;
/// `as.numeric(as.POSIXct(c("2020-02-29 13:14:15.25", "1959-12-31 23:59:59.5"), tz = "UTC"))` is
/// 1582982055.25, -315619200.5.
@Suite("Date and datetime display formats")
struct DisplayFormatTests {
  static let days: [Int?] = [18321, -3654, nil]
  static let moments: [Double?] = [1_582_982_055.25, -315_619_200.5, nil]

  @Test("SAS formats", arguments: ["dates-v5.xpt", "dates.sas7bdat"])
  func sas(file: String) throws {
    let data = try read(file)
    for name in [
      "DATE", "E8601DA", "IS8601DA", "YYMMDD", "YYMMDDN", "MMDDYY", "DDMMYY", "WORDDATE", "MONYY",
    ] {
      #expect(data.dates(name) == Self.days, "\(name)")
    }
    for name in ["DATETIME", "E8601DT", "IS8601DT", "DATEAMPM"] {
      #expect(data.dateTimes(name) == Self.moments, "\(name)")
    }
    #expect(data.numbers("TIME") == [47655.25, 86399.5, nil])
    #expect(data.numbers("BEST") == [21974, -1, nil])
    #expect(data.numbers("PLAIN") == [21974, -1, nil])
    #expect(
      data.variables.map(\.format) == [
        "DATE9.", "E8601DA10.", "IS8601DA.", "YYMMDD10.", "YYMMDDN8.", "MMDDYY10.", "DDMMYY10.",
        "WORDDATE18.", "MONYY7.", "DATETIME22.2", "E8601DT19.", "IS8601DT.", "DATEAMPM22.",
        "TIME8.", "BEST12.", nil,
      ])
  }

  @Test("Stata formats: %td, %d, %tc and %tC (leap seconds removed); %tm stays a number")
  func stata() throws {
    let data = try read("dates.dta")
    for name in ["td", "d", "tdiso"] { #expect(data.dates(name) == Self.days, "\(name)") }
    for name in ["tc", "tciso"] { #expect(data.dateTimes(name) == Self.moments, "\(name)") }
    // 1898601282250 ms is the %tc value of 2020-02-29 13:14:15.25 plus the 27 leap seconds
    // inserted since 1972; -500 ms precedes the first leap second.
    #expect(data.dateTimes("tC") == Self.moments)
    #expect(data.numbers("tm") == [721, -1, nil])
    #expect(data.numbers("g") == [21974, -1, nil])
    #expect(
      data.variables.map(\.format) == [
        "%td", "%d", "%tdCCYY-NN-DD", "%tc", "%tcCCYY-NN-DD!THH:MM:SS.sss", "%tC", "%tm", "%9.0g",
      ])
  }

  @Test("SPSS formats: dates and datetimes from 1582-10-14; TIME and DTIME stay numbers")
  func spss() throws {
    let data = try read("dates.sav")
    for name in ["DATE", "ADATE", "EDATE", "SDATE", "JDATE", "MOYR"] {
      #expect(data.dates(name) == Self.days, "\(name)")
    }
    for name in ["DATETIME", "YMDHMS"] {
      #expect(data.dateTimes(name) == Self.moments, "\(name)")
    }
    #expect(data.numbers("TIME") == [47655.25, 86399.5, nil])
    #expect(data.numbers("DTIME") == [90000, 0, nil])
    #expect(data.numbers("F") == [13_802_313_600, 0, nil])
  }
}

@Suite("Recognising display formats")
struct TemporalFormatTests {
  @Test("The name of a SAS or SPSS format drops its width and decimals")
  func formatNames() {
    #expect(_TemporalFormat.formatName("DATE9.") == "DATE")
    #expect(_TemporalFormat.formatName("E8601DT19.3") == "E8601DT")
    #expect(_TemporalFormat.formatName("IS8601DA.") == "IS8601DA")
    #expect(_TemporalFormat.formatName("yymmddn8") == "YYMMDDN")
    #expect(_TemporalFormat.formatName("8.2") == "")
    #expect(_TemporalFormat.formatName("$CHAR20.") == "$CHAR")
  }

  @Test("Date, datetime and other formats of each program")
  func classification() {
    func kind(_ format: String, _ file: StatisticalDataFile.Format) -> _TemporalFormat? {
      _TemporalFormat(format: format, in: file)
    }
    #expect(kind("DATE9.", .sas7bdat) == .days1960)
    #expect(kind("ddmmyys10.", .sasTransport) == .days1960)
    #expect(kind("B8601DA.", .sas7bdat) == .days1960)
    #expect(kind("DTDATE9.", .sas7bdat) == .seconds1960)
    #expect(kind("E8601DZ25.", .sas7bdat) == .seconds1960)
    #expect(kind("TIME8.", .sas7bdat) == nil)
    #expect(kind("E8601TM.", .sas7bdat) == nil)
    #expect(kind("$DATE.", .sas7bdat) == nil)
    #expect(kind("%-td", .stata) == .days1960)
    #expect(kind("%dD_m_Y", .stata) == .days1960)
    #expect(kind("%tcHH:MM", .stata) == .milliseconds1960)
    #expect(kind("%tC", .stata) == .millisecondsWithLeapSeconds1960)
    #expect(kind("%tw", .stata) == nil)
    #expect(kind("%tq", .stata) == nil)
    #expect(kind("%ty", .stata) == nil)
    #expect(kind("%tbmycal", .stata) == nil)
    #expect(kind("%9.0g", .stata) == nil)
    #expect(kind("DATE", .stata) == nil)
    #expect(kind("QYR6", .spss) == .dateSeconds1582)
    #expect(kind("WKYR10", .spss) == .dateSeconds1582)
    #expect(kind("DATETIME17", .spss) == .seconds1582)
    #expect(kind("MTIME", .spss) == nil)
    #expect(kind("WKDAY", .spss) == nil)
  }

  @Test("Epochs: day 0 and second 0 of each program")
  func epochs() {
    #expect(_TemporalFormat.days1960.days(0) == -3653)
    #expect(_TemporalFormat.dateSeconds1582.days(0) == -141_428)
    #expect(_TemporalFormat.seconds1960.seconds(0) == -315_619_200)
    #expect(_TemporalFormat.milliseconds1960.seconds(0) == -315_619_200)
    #expect(_TemporalFormat.seconds1582.seconds(0) == -12_219_379_200)
    // A date with a fraction, or an SPSS date with a time of day, falls on its day.
    #expect(_TemporalFormat.days1960.days(3653.75) == 0)
    #expect(_TemporalFormat.days1960.days(3652.25) == -1)
    #expect(_TemporalFormat.dateSeconds1582.days(12_219_379_200 + 86_399) == 0)
    #expect(_TemporalFormat.days1960.days(0x1p31 + 3653) == nil)
    #expect(_TemporalFormat.days1960.days(-0x1p31 + 3653) == nil)
    #expect(_TemporalFormat.days1960.days(-0x1p31 + 3654) == -2_147_483_647)
  }

  /// Stata: `Cofc(clock("31dec2016 23:59:59", "DMYhms"))` is `tC(31dec2016 23:59:59)`, 26 leap
  /// seconds after its %tc value; one second later comes 23:59:60, then midnight with 27.
  @Test("Stata %tC counts the 27 leap seconds from 1972 to 2016")
  func leapSeconds() {
    let tC = _TemporalFormat.millisecondsWithLeapSeconds1960
    let lastLeapMidnight = 17167.0 * 86_400  // 2017-01-01 in seconds since 1970
    func milliseconds(_ unixSeconds: Double, leaps: Double) -> Double {
      (unixSeconds + 315_619_200 + leaps) * 1000
    }
    #expect(tC.seconds(milliseconds(lastLeapMidnight - 1, leaps: 26)) == lastLeapMidnight - 1)
    #expect(tC.seconds(milliseconds(lastLeapMidnight, leaps: 27)) == lastLeapMidnight)
    // 1972-06-30 23:59:59 has none yet; 1972-07-01 has one.
    #expect(tC.seconds(milliseconds(912 * 86_400 - 1, leaps: 0)) == 912 * 86_400 - 1)
    #expect(tC.seconds(milliseconds(912 * 86_400, leaps: 1)) == 912 * 86_400)
    #expect(_leapSecondDays.count == 27)
  }
}
