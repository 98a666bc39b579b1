import Testing

@testable import ClinicalData

@Suite("Spelling suggestions")
struct SpellingSuggestionTests {
  let lung = ["inst", "time", "status", "age", "sex", "ph.ecog", "ph.karno", "pat.karno"]

  @Test("Transpositions, case and small edits are suggested")
  func nearMisses() {
    #expect(SpellingSuggestion.closest(to: "tmie", among: lung) == "time")
    #expect(SpellingSuggestion.closest(to: "statsu", among: lung) == "status")
    #expect(SpellingSuggestion.closest(to: "STATUS", among: lung) == "status")
    #expect(SpellingSuggestion.closest(to: "ph.karn", among: lung) == "ph.karno")
    #expect(SpellingSuggestion.closest(to: "ph_ecog", among: lung) == "ph.ecog")
  }

  @Test("Distant names get no suggestion")
  func farMisses() {
    #expect(SpellingSuggestion.closest(to: "arm", among: lung) == nil)
    #expect(SpellingSuggestion.closest(to: "survival", among: lung) == nil)
    #expect(SpellingSuggestion.closest(to: "x", among: []) == nil)
  }

  @Test("The distance is the optimal string alignment distance")
  func distance() {
    func d(_ a: String, _ b: String) -> Int {
      _alignmentDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }
    #expect(d("", "abc") == 3)
    #expect(d("kitten", "sitting") == 3)
    #expect(d("tmie", "time") == 1)
    #expect(d("ca", "abc") == 3)
  }
}
