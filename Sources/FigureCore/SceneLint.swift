/// A problem a production editor would reject, found on a laid-out scene.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: String, Hashable, Sendable {
    case smallText = "small-text"
    case overlappingText = "overlapping-text"
    case clippedText = "clipped-text"
    /// A plot area too small to read, squeezed by tables, legends or insets.
    case crampedPlot = "cramped-plot"
    /// A figure taller than the journal it is made for prints.
    case tooTall = "too-tall"
  }

  public var kind: Kind
  /// The texts concerned.
  public var texts: [String]
  public var message: String

  public var description: String { message }

  public init(kind: Kind, texts: [String], message: String) {
    self.kind = kind
    self.texts = texts
    self.message = message
  }
}

extension Scene {
  /// Checks the texts of the scene at final print size: type below `minimumFontSize` points,
  /// texts overlapping each other (by more than `tolerance` points; super- and subscripts are
  /// judged by their run's size), and texts leaving the page.
  ///
  /// - Complexity: O(t²) in the number of texts.
  public func lint(measurer: some TextMeasuring, minimumFontSize: Double, tolerance: Double = 0.25)
    -> [LintFinding]
  {
    var findings: [LintFinding] = []
    let runs = texts
    let page = Rect(origin: .zero, size: size)
    let boxes = runs.map { measurer.bounds(of: $0.0, at: $0.1) }
    for (index, (run, _)) in runs.enumerated() {
      let text = run.text.plainText
      // Superscripts and subscripts are set smaller by design; the run's size is what counts.
      let smallest = run.font.size
      if smallest < minimumFontSize - 1e-9 {
        findings.append(
          LintFinding(
            kind: .smallText, texts: [text],
            message:
              "text '\(text)' is set in \(Self.points(smallest)) pt, below the minimum of \(Self.points(minimumFontSize)) pt"
          ))
      }
      if !page.contains(boxes[index], tolerance: tolerance) {
        findings.append(
          LintFinding(kind: .clippedText, texts: [text], message: "text '\(text)' runs off the page"))
      }
    }
    for i in boxes.indices {
      let a = boxes[i].insetBy(dx: tolerance, dy: tolerance)
      for j in boxes.indices where j > i && a.intersects(boxes[j].insetBy(dx: tolerance, dy: tolerance)) {
        let pair = [runs[i].0.text.plainText, runs[j].0.text.plainText]
        findings.append(
          LintFinding(
            kind: .overlappingText, texts: pair, message: "texts '\(pair[0])' and '\(pair[1])' overlap"))
      }
    }
    return Self.capped(findings)
  }

  /// The most findings of one kind reported one by one; the rest are counted in one more.
  public static let maximumFindingsPerKind = 10

  /// `findings` with at most ``maximumFindingsPerKind`` of each kind, and for a kind with more,
  /// one finding that counts the others, so that a broken figure gives a readable report.
  static func capped(_ findings: [LintFinding]) -> [LintFinding] {
    var kept: [LintFinding] = []
    var reported: [LintFinding.Kind: Int] = [:]
    var extra: [LintFinding.Kind: Int] = [:]
    for finding in findings {
      if reported[finding.kind, default: 0] < maximumFindingsPerKind {
        kept.append(finding)
        reported[finding.kind, default: 0] += 1
      } else {
        extra[finding.kind, default: 0] += 1
      }
    }
    for (kind, count) in extra.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let what: String
      switch kind {
      case .smallText: what = "texts set below the minimum size"
      case .clippedText: what = "texts that run off the page"
      case .overlappingText: what = "pairs of overlapping texts"
      case .crampedPlot: what = "cramped plot areas"
      case .tooTall: what = "figures taller than the journal prints"
      }
      kept.append(LintFinding(kind: kind, texts: [], message: "and \(count) more \(what)"))
    }
    return kept
  }

  private static func points(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String((value * 10).rounded() / 10)
  }
}
