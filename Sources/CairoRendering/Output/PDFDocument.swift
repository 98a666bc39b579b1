import FigureCore

/// A multi-page PDF: pages of any sizes, page labels and an outline (bookmarks).
public struct PDFDocument: Hashable, Sendable {
  /// The pages in order.
  public var pages: [PDFPage]
  /// Top-level bookmarks, in order.
  public var outline: [PDFOutlineItem]

  /// A document of `pages` with bookmarks `outline`.
  public init(pages: [PDFPage], outline: [PDFOutlineItem] = []) {
    self.pages = pages
    self.outline = outline
  }
}

/// One page of a `PDFDocument`.
public struct PDFPage: Hashable, Sendable {
  /// The page's content; its size is the page size.
  public var scene: Scene
  /// The label viewers show instead of the page number ("F1", "S2"); nil keeps the number.
  public var label: String?

  /// A page showing `scene`, optionally labelled.
  public init(scene: Scene, label: String? = nil) {
    self.scene = scene
    self.label = label
  }
}

/// A bookmark pointing at a page, possibly with nested bookmarks.
public struct PDFOutlineItem: Hashable, Sendable {
  /// The text shown in the viewer's bookmark list.
  public var title: String
  /// Index into `PDFDocument.pages`, from 0.
  public var pageIndex: Int
  /// Nested bookmarks.
  public var children: [PDFOutlineItem]
  /// Whether viewers show the children expanded.
  public var isOpen: Bool

  /// A bookmark titled `title` pointing at the page with index `pageIndex`.
  public init(
    title: String, pageIndex: Int, children: [PDFOutlineItem] = [], isOpen: Bool = true
  ) {
    self.title = title
    self.pageIndex = pageIndex
    self.children = children
    self.isOpen = isOpen
  }
}
