import Analyses
import SurvivalFigures
import SurvivalStatistics

extension MethodsFacts {
  typealias Piece = MethodsParagraph.Piece

  /// "a", "a and b", "a, b and c".
  static func list(_ items: [String]) -> String {
    items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
  }

  static func threshold(_ value: Double) -> String { JournalFormat.tick(value) }

  /// The sentences, each a list of pieces, in the order a methods section reads.
  var sentences: [[Piece]] {
    var out: [[Piece]] = []
    let level = confidenceLevels.isEmpty ? "95" : Self.list(confidenceLevels)
    if characteristics {
      out.append([
        .text(
          "Patient characteristics are summarised as counts with percentages of the patients with a known value and as medians with interquartile ranges."
        )
      ])
    }
    if kaplanMeier {
      let scales = confidenceScales.map { scale -> String in
        switch scale {
        case "log": return "the log scale"
        case "log-log": return "the log–log scale"
        case "plain": return "the linear scale"
        case "arcsin": return "the arcsine–square-root scale"
        case "logit": return "the logit scale"
        default: return "the \(scale) scale"
        }
      }
      out.append([
        .text("Survival was estimated by the Kaplan–Meier method"), .cite([.kaplanMeier]),
        .text(" with Greenwood's variance"), .cite([.greenwood]),
        .text(
          "; pointwise \(level)% confidence intervals were computed on \(Self.list(scales.isEmpty ? ["the log scale"] : scales)), and medians are reported as not reached when the curve stays above 0.5."
        ),
      ])
      if reverseFollowUp {
        out.append([
          .text("Median follow-up was estimated by the reverse Kaplan–Meier method"), .cite([.schemper]), .text("."),
        ])
      }
      if !logRankRhos.isEmpty {
        var sentence: [Piece] = [.text("Survival curves were compared by the log-rank test"), .cite([.mantel])]
        let weighted = logRankRhos.filter { $0 != 0 }
        if !weighted.isEmpty {
          sentence += [
            .text(
              " and by the Harrington–Fleming G-rho test with ρ = \(Self.list(weighted.map { JournalFormat.tick($0) }))"
            ), .cite([.harringtonFleming]),
          ]
        }
        out.append(sentence + [.text(".")])
      }
    }
    if cox || groupHazardRatios {
      var sentence: [Piece] = [
        .text(
          "Hazard ratios with \(level)% Wald confidence intervals were estimated by Cox proportional hazards models"),
        .cite([.cox]),
      ]
      let tieTexts: [(String, MethodsReference?)] = (ties.isEmpty ? [.efron] : ties).map { tie in
        switch tie {
        case .efron: return ("Efron's approximation", .efron)
        case .breslow: return ("Breslow's approximation", .breslow)
        default: return ("the exact partial likelihood", nil)
        }
      }
      sentence.append(.text(", with tied event times handled by "))
      for (index, tie) in tieTexts.enumerated() {
        if index > 0 { sentence.append(.text(index == tieTexts.count - 1 ? " and " : ", ")) }
        sentence.append(.text(tie.0))
        if let reference = tie.1 { sentence.append(.cite([reference])) }
      }
      out.append(sentence + [.text(".")])
      for selection in selections {
        out.append([
          .text("The multivariable model was selected by backward elimination: variables with a univariable "), .p,
          .text(
            " below \(Self.threshold(selection.entry)) entered, and the variable with the largest \(selection.isWald ? "Wald" : "likelihood-ratio") "
          ), .p,
          .text(" above \(Self.threshold(selection.stay)) was removed, one at a time, until every variable stayed."),
        ])
      }
      if proportionalHazardsTest {
        out.append([
          .text("Proportional hazards were tested on scaled Schoenfeld residuals"), .cite([.grambschTherneau]),
          .text("."),
        ])
      }
    }
    if aalenJohansen {
      var sentence: [Piece] = [
        .text("The cumulative incidence of events with competing risks was estimated by the Aalen–Johansen estimator"),
        .cite([.aalenJohansen]),
      ]
      if grayTest { sentence += [.text(" and compared by Gray's test"), .cite([.gray])] }
      if fineGray {
        sentence += [.text("; subdistribution hazard ratios were estimated by Fine–Gray models"), .cite([.fineGray])]
      }
      out.append(sentence + [.text(".")])
    }
    if !responseMethods.isEmpty {
      var sentence: [Piece] = [
        .text(
          "Best overall response was classified by RECIST 1.1\(confirmation.isEmpty ? "" : ", complete and partial responses confirmed at least \(Self.list(confirmation.map { JournalFormat.tick($0) })) weeks later");"
        ),
        .text(
          " objective response (complete or partial response) and disease control (also stable disease) rates are given with "
        ),
      ]
      let methods = responseMethods.reduce(into: [ProportionInterval.Method]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      for (index, method) in methods.enumerated() {
        if index > 0 { sentence.append(.text(" or ")) }
        switch method {
        case .clopperPearson: sentence += [.text("exact Clopper–Pearson"), .cite([.clopperPearson])]
        case .wilson: sentence += [.text("Wilson score"), .cite([.wilson])]
        }
      }
      sentence.append(.text(" \(level)% confidence intervals"))
      if fisher { sentence += [.text(" and compared between groups by Fisher's exact test"), .cite([.fisher])] }
      out.append(sentence + [.text(".")])
    }
    out.append([
      .text("All "), .p,
      .text(
        " values are two-sided. Analyses, figures and tables were produced with survfig \(SurvfigVersion.string)."
      ),
    ])
    return out
  }
}
