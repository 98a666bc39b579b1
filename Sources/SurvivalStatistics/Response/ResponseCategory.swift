/// A tumour response category of RECIST 1.1, at one assessment or as a patient's best overall
/// response.
///
/// Cases are declared from best to worst; `<` means "worse than", so `max` of a sequence is the
/// best response. NE (not evaluable) ranks below PD: any evaluable assessment beats it.
///
/// Reference: Eisenhauer et al., New response evaluation criteria in solid tumours: revised
/// RECIST guideline (version 1.1), Eur J Cancer 45 (2009) 228–247, §4.3–4.4.
public enum ResponseCategory: String, Hashable, Sendable, CaseIterable, Comparable {
  /// Complete response: disappearance of all target lesions.
  case completeResponse = "CR"
  /// Partial response: at least a 30 % decrease in the sum of diameters.
  case partialResponse = "PR"
  /// Stable disease: neither PR nor PD.
  case stableDisease = "SD"
  /// Non-CR/non-PD: persistence of non-target lesions in a patient with non-measurable disease
  /// only (RECIST 1.1 §4.3.2, CDISC `NON-CR/NON-PD`); counts towards disease control as SD does.
  case nonCompleteNonProgressive = "NON-CR/NON-PD"
  /// Progressive disease: at least a 20 % (and 5 mm) increase, or new lesions.
  case progressiveDisease = "PD"
  /// Not evaluable.
  case notEvaluable = "NE"
  /// No assessment (CDISC ADaM `MISSING`): not evaluable.
  case missing = "MISSING"

  /// The RECIST abbreviation ("CR", …, "NE").
  public var code: String { rawValue }

  /// The category of an abbreviation, ignoring letter case and surrounding spaces; nil for
  /// anything else.
  public init?(code: String) {
    let trimmed = code.trimmingCharacters(in: .whitespaces).uppercased()
    self.init(rawValue: trimmed)
  }

  /// Whether the category is an objective response (CR or PR).
  public var isObjectiveResponse: Bool { self == .completeResponse || self == .partialResponse }

  /// Whether the category counts towards disease control (CR, PR, SD or NON-CR/NON-PD).
  public var isDiseaseControl: Bool {
    isObjectiveResponse || self == .stableDisease || self == .nonCompleteNonProgressive
  }

  /// Whether the category is an evaluated response (not NE or MISSING).
  public var isEvaluable: Bool { self != .notEvaluable && self != .missing }

  /// The categories a table of `responses` lists: CR, PR, SD, PD and NE always, NON-CR/NON-PD
  /// and MISSING when one of the responses is one.
  public static func listed(in responses: some Sequence<ResponseCategory>) -> [ResponseCategory] {
    let present = Set(responses)
    return allCases.filter { ![.nonCompleteNonProgressive, .missing].contains($0) || present.contains($0) }
  }

  /// Rank from worst (0, NE and MISSING) to best (4, CR); NON-CR/NON-PD ranks with SD.
  var rank: Int {
    switch self {
    case .notEvaluable, .missing: 0
    case .progressiveDisease: 1
    case .stableDisease, .nonCompleteNonProgressive: 2
    case .partialResponse: 3
    case .completeResponse: 4
    }
  }

  public static func < (a: ResponseCategory, b: ResponseCategory) -> Bool { a.rank < b.rank }
}

#if canImport(Foundation)
  import Foundation
#endif
