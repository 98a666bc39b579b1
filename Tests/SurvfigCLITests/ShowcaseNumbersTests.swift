import Foundation
import Testing

/// The headline numbers each showcase template names (`numbers:`), as its build writes them.
@Suite("The showcase templates' named numbers", .serialized)
struct ShowcaseNumbersTests {
  static let expected: [(template: String, numbers: [String: String])] = [
    (
      "lung",
      [
        "n_patients": "228", "n_deaths": "165", "os_median_male": "8.9", "os_median_female": "14.0",
        "os_p_sex": "P = 0.001", "os12_female": "52.6 (42.1–65.8)", "hr_female_multivariable": "0.56 (0.40–0.79)",
        "hr_ecog2_multivariable": "2.73 (1.66–4.48)",
      ]
    ),
    (
      "hnmm",
      [
        "n_patients": "262", "n_deaths": "127", "follow_up_median": "34.2", "os60_stage_iii": "71.2 (59.6–85.0)",
        "os60_stage_iva": "17.4 (10.4–29.0)", "hr_nasal_cavity_os": "0.44 (0.25–0.78)",
        "shr_nasal_cavity_dm": "0.71 (0.32–1.62)",
      ]
    ),
    (
      "imt",
      [
        "orr_all": "47.7 (32.5–63.3)", "orr_anthracycline": "47.6 (25.7–70.2)", "orr_mtxv": "53.8 (25.1–80.8)",
        "dcr_all": "72.7 (57.2–85.0)", "pfs_median_anthracycline": "6.9 (4.0–14.3)",
        "pfs12_mtxv": "77.8 (54.9–100.0)",
      ]
    ),
  ]

  @Test("Each showcase template's numbers file holds its headline numbers", arguments: [0, 1, 2])
  func numbers(_ index: Int) throws {
    let (template, expected) = Self.expected[index]
    let folder = try ScratchFolder()
    let result = try Survfig.run(
      ["build", "Templates/\(template).yaml", "--out", folder.path, "--quiet", "--documents", "numbers"])
    #expect(result.status == 0, "\(result.standardError)")
    let json =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/\(template)-numbers.json"))) as? [String: Any]
    #expect((json?["numbers"] as? [String: String]) == expected)
    let csv = try String(contentsOfFile: folder.path + "/\(template)-numbers.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == expected.count + 1)
    let tex = try String(contentsOfFile: folder.path + "/\(template)-numbers.tex", encoding: .utf8)
    #expect(tex.contains("\\newcommand{\\"))
  }
}
