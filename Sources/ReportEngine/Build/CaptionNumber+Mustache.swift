import Analyses
import ClinicalData
import Mustache

/// Caption numbers render as their text and take the number helpers as Mustache transforms.
extension CaptionNumber: MustacheTransformable, MustacheCustomRenderable {
  public var renderText: String { text }
  public var isNull: Bool { false }
  public func transform(_ name: String) -> Any? { applying(name) }
}
