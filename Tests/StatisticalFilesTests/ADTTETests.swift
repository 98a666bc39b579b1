import Testing

@testable import StatisticalFiles

/// The CDISC pilot ADTTE (PHUSE Test Data Factory; see `Fixtures/README.md`) against R:
///
/// ```r
/// d <- haven::read_xpt("phuse-tdf-adtte.xpt")   # haven 2.5.1
/// dim(d); table(d$TRTP); tapply(d$CNSR == 0, d$TRTP, sum)
/// sprintf("%.17g", sum(d$AVAL)); sum(is.na(d$SRCSEQ)); sum(d$CNSR)
/// d$USUBJID[c(1, 254)]; as.numeric(d$ADT[c(1, 254)]); as.numeric(d$TRTSDT[c(1, 254)])
/// d$AVAL[c(1, 254)]; range(as.numeric(d$ADT)); sum(as.numeric(d$ADT)); sum(as.numeric(d$STARTDT))
/// table(d$EVNTDESC); d$TRTAN[c(1, 3, 4)]
/// ```
@Suite("CDISC pilot ADTTE, checked against haven::read_xpt")
struct ADTTETests {
  let data: StatisticalDataFile

  init() throws { data = try read("phuse-tdf-adtte.xpt") }

  @Test("254 rows, 26 variables, member ADTTE")
  func shape() {
    #expect(data.rowCount == 254)
    #expect(data.variables.count == 26)
    #expect(data.name == "ADTTE")
    #expect(data.label == nil)
    #expect(data.variables.allSatisfy { $0.values.count == 254 })
    #expect(
      data.variables.map(\.name) == [
        "STUDYID", "SITEID", "USUBJID", "AGE", "AGEGR1", "AGEGR1N", "RACE", "RACEN", "SEX",
        "TRTSDT", "TRTEDT", "TRTDUR", "TRTP", "TRTA", "TRTAN", "PARAM", "PARAMCD", "AVAL",
        "STARTDT", "ADT", "CNSR", "EVNTDESC", "SRCDOM", "SRCVAR", "SRCSEQ", "SAFFL",
      ])
  }

  @Test("Counts and events by planned treatment: 86/84/84 subjects, 29/61/62 events")
  func countsByTreatment() throws {
    let treatment = try #require(data.texts("TRTP"))
    let censor = try #require(data.numbers("CNSR"))
    var subjects: [String: Int] = [:]
    var events: [String: Int] = [:]
    for (arm, cnsr) in zip(treatment, censor) {
      let arm = try #require(arm)
      subjects[arm, default: 0] += 1
      if cnsr == 0 { events[arm, default: 0] += 1 }
    }
    #expect(
      subjects == ["Placebo": 86, "Xanomeline High Dose": 84, "Xanomeline Low Dose": 84])
    #expect(events == ["Placebo": 29, "Xanomeline High Dose": 61, "Xanomeline Low Dose": 62])
  }

  @Test("Sums, missing values, first and last rows")
  func values() throws {
    let aval = try #require(data.numbers("AVAL"))
    #expect(aval.reduce(0) { $0 + $1! } == 16853)
    #expect(aval.first == 2)
    #expect(aval.last == 42)
    #expect(data.numbers("CNSR")?.reduce(0) { $0 + $1! } == 102)
    #expect(data.numbers("SRCSEQ")?.count { $0 == nil } == 102)
    #expect(data.numbers("TRTAN").map { [$0[0], $0[2], $0[3]] } == [0, 81, 54])

    let usubjid = try #require(data.texts("USUBJID"))
    #expect(usubjid.first == "01-701-1015")
    #expect(usubjid.last == "01-718-1427")

    let adt = try #require(data.dates("ADT")).map { $0! }
    #expect(adt.first == 16073)
    #expect(adt.last == 15732)
    #expect(adt.min() == 15559)
    #expect(adt.max() == 16499)
    #expect(adt.reduce(0, +) == 4_048_473)
    #expect(data.dates("STARTDT")?.reduce(0) { $0 + $1! } == 4_031_874)
    #expect(data.dates("TRTSDT").map { [$0.first!, $0.last!] } == [16072, 15691])

    let descriptions = try #require(data.texts("EVNTDESC"))
    #expect(descriptions.count { $0 == "Dematologic Event Occured" } == 152)
    #expect(descriptions.count { $0 == "Study Completion Date" } == 102)
    #expect(data.texts("SAFFL")?.allSatisfy { $0 == "Y" } == true)
  }

  @Test("Labels and display formats")
  func metadata() throws {
    let aval = try #require(data.variable(named: "AVAL"))
    #expect(aval.label == "Analysis Value")
    #expect(aval.format == nil)
    let adt = try #require(data.variable(named: "ADT"))
    #expect(adt.label == "Analysis Date")
    #expect(adt.format == "DATE9.")
    #expect(data.variable(named: "STUDYID")?.format == "$12.")
    #expect(data.variable(named: "AGE")?.format == "3.")
    #expect(data.variable(named: "CNSR")?.label == "Censor")
  }
}
