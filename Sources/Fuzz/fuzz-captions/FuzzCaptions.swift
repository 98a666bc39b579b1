import Analyses
import Foundation
import FuzzSupport
import ReportEngine

/// libFuzzer target: a caption template rendered over the values of a two-group Kaplan–Meier
/// figure, and its names checked, as `survfig build` does.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  testOne(fuzzInput(data, size))
  return 0
}

nonisolated(unsafe) let context: [String: Any] = [
  "n": 23, "events": 18, "title": "Remission by maintenance", "missing_test": NSNull(),
  "logrank": ["p": CaptionNumber(value: 0.0653, text: "0.065"), "p_text": "P = 0.065", "chisq": "3.4"],
  "groups": [
    [
      "label": "Maintained", "code": "1", "n": 11, "events": 7, "median_reached": true,
      "median": CaptionNumber(value: 31, text: "31"), "median_ci": "18–NR",
      "rates": [
        ["time": "12", "survival": CaptionNumber(value: 0.909, text: "90.9%"), "text": "90.9% (95% CI 75.3–100%)"],
        ["time": "24", "survival": CaptionNumber(value: nil, text: "NE"), "text": "not estimable"],
      ],
    ],
    [
      "label": "Not maintained", "code": "2", "n": 12, "events": 11, "median_reached": false,
      "median": CaptionNumber(value: 23, text: "23"), "median_ci": "8–NR", "rates": [[String: Any]](),
    ],
  ],
  "group": ["1": ["median": "31"], "2": ["median": "23"]],
  "follow_up": ["text": "161 (45–NR)", "median": CaptionNumber(value: 161, text: "161")],
]

func testOne(_ bytes: [UInt8]) {
  let template = String(decoding: bytes, as: UTF8.self)
  _ = try? FigureCaption.render(template, context: context)
  _ = FigureCaption.undefinedNames(in: template, context: context)
}

#if !FUZZING
  @main
  enum Replay {
    static func main() { replayFuzzInputs(CommandLine.arguments, testOne) }
  }
#endif
