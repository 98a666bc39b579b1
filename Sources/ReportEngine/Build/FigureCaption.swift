import Mustache

/// A figure's caption: a Mustache template rendered as plain text over the figure's values
/// (``BuiltFigure`` builds it; the fuzz target of captions calls it as the build does).
package enum FigureCaption {
  /// `template` rendered over `context`, once it is within ``CaptionLimits``.
  /// - Throws: ``FigureCaptionError`` for a caption past a limit or one Mustache cannot read.
  package static func render(_ template: String, context: [String: Any]) throws(FigureCaptionError) -> String {
    if let problem = CaptionLimits.problem(in: template, context: context) {
      throw FigureCaptionError(message: problem)
    }
    do {
      return try MustacheTemplate(string: "{{%CONTENT_TYPE:TEXT}}" + template).render(context)
    } catch {
      throw FigureCaptionError(message: "invalid caption template: \(error)")
    }
  }
}

/// A caption that cannot be rendered, as a sentence.
package struct FigureCaptionError: Error, Hashable, Sendable {
  package var message: String
}

extension FigureCaption {
  /// The names of `template` that `context` does not define or leaves empty, as
  /// ``BuiltFigure`` reports them.
  package static func undefinedNames(in template: String, context: [String: Any]) -> [String] {
    CaptionNameCheck.unknownNames(in: template, context: context).map(\.name)
  }
}
