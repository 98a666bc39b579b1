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
    let prefix = "{{%CONTENT_TYPE:TEXT}}"
    do {
      return try MustacheTemplate(string: prefix + template).render(context)
    } catch let error as MustacheTemplate.ParserError {
      // Where, in the caption as written (the first line carries the content-type prefix).
      let line = error.context.lineNumber
      // Mustache stops after the offending tag: point at the tag's '{{'.
      let text = Array(error.context.line)
      var start = min(max(error.context.columnNumber - 1, 0), max(text.count - 1, 0))
      while start > 0 && !(text[start] == "{" && start + 1 < text.count && text[start + 1] == "{") { start -= 1 }
      let column = start + 1 - (line == 1 ? prefix.count : 0)
      let place = line == 1 ? "at character \(max(column, 1))" : "on its line \(line), character \(max(column, 1))"
      throw FigureCaptionError(message: "the caption cannot be read \(place): \(Self.sentence(error.error))")
    } catch {
      throw FigureCaptionError(message: "the caption cannot be rendered: \(error)")
    }
  }

  /// What a Mustache parse error means for a caption's author.
  static func sentence(_ error: Error) -> String {
    switch error as? MustacheTemplate.Error {
    case .sectionCloseNameIncorrect?:
      return "a section is closed with another name than it was opened with ('{{#groups}}…{{/groups}}')"
    case .unfinishedName?:
      return "a '{{' is not closed by '}}', or the name inside it is not a value name (letters, digits, '_' and '.')"
    case .expectedSectionEnd?:
      return "a section opened with '{{#name}}' or '{{^name}}' is not closed with '{{/name}}'"
    case .invalidSetDelimiter?:
      return "a '{{=' tag that changes the delimiters is malformed; captions use '{{' and '}}'"
    case .invalidConfigVariableSyntax?, .unrecognisedConfigVariable?:
      return "a '{{%' tag is not supported in captions"
    case .transformAppliedToInheritanceSection?, .illegalTokenInsideInheritSection?, .textInsideInheritSection?:
      return "partials and inheritance ('{{>' and '{{<') are not supported in captions"
    case nil:
      return "\(error)"
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
