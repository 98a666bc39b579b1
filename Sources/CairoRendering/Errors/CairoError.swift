internal import CCairo

/// A failure reported by Cairo, naming the C operation that reported it.
///
/// Cairo errors are sticky: once a surface or context is in an error state every later call is a
/// no-op, so the status is checked after creating each object, after drawing and after finishing.
/// The description reads like `cairo_surface_finish: error while writing to output stream
/// (Output/km.pdf)`.
public struct CairoError: Error, Hashable, Sendable, CustomStringConvertible {
  /// A Cairo status code.
  public struct Status: RawRepresentable, Hashable, Sendable {
    /// The C `cairo_status_t` value.
    public let rawValue: UInt32

    /// The status with the C value `rawValue`.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Out of memory.
    ///
    /// The corresponding C value is `CAIRO_STATUS_NO_MEMORY`.
    public static let noMemory = Status(CAIRO_STATUS_NO_MEMORY)

    /// `cairo_restore` without matching `cairo_save`.
    ///
    /// The corresponding C value is `CAIRO_STATUS_INVALID_RESTORE`.
    public static let invalidRestore = Status(CAIRO_STATUS_INVALID_RESTORE)

    /// Writing to an output stream failed.
    ///
    /// The corresponding C value is `CAIRO_STATUS_WRITE_ERROR`.
    public static let writeError = Status(CAIRO_STATUS_WRITE_ERROR)

    /// A dash pattern with a negative length, or with all lengths zero.
    ///
    /// The corresponding C value is `CAIRO_STATUS_INVALID_DASH`.
    public static let invalidDash = Status(CAIRO_STATUS_INVALID_DASH)

    /// A surface size Cairo cannot handle.
    ///
    /// The corresponding C value is `CAIRO_STATUS_INVALID_SIZE`.
    public static let invalidSize = Status(CAIRO_STATUS_INVALID_SIZE)

    /// A PostScript DSC comment that does not begin with '%' or is longer than 255 bytes (an EPS
    /// title that is too long).
    ///
    /// The corresponding C value is `CAIRO_STATUS_INVALID_DSC_COMMENT`.
    public static let invalidDSCComment = Status(CAIRO_STATUS_INVALID_DSC_COMMENT)

    /// An operation on a surface that was already finished.
    ///
    /// The corresponding C value is `CAIRO_STATUS_SURFACE_FINISHED`.
    public static let surfaceFinished = Status(CAIRO_STATUS_SURFACE_FINISHED)

    init(_ status: cairo_status_t) { self.rawValue = status.rawValue }
  }

  /// What went wrong.
  public var status: Status
  /// The C function that reported the status, for example `cairo_surface_finish`.
  public var operation: String
  /// The file being written, when there is one.
  public var path: String?

  /// An error reported by `operation`, optionally while writing `path`.
  public init(status: Status, operation: String, path: String? = nil) {
    self.status = status
    self.operation = operation
    self.path = path
  }

  /// Cairo's own text for the status (`cairo_status_to_string`).
  public var reason: String {
    String(cString: cairo_status_to_string(cairo_status_t(rawValue: status.rawValue)))
  }

  /// `operation: reason (path)`.
  public var description: String {
    "\(operation): \(reason)" + (path.map { " (\($0))" } ?? "")
  }

  /// The same error with the output path attached.
  func at(_ path: String?) -> CairoError {
    var copy = self
    if copy.path == nil { copy.path = path }
    return copy
  }
}

/// Throws a `CairoError` naming `operation` unless `status` is success: the single choke point
/// through which every Cairo status passes.
func check(_ status: cairo_status_t, _ operation: String) throws(CairoError) {
  guard status == CAIRO_STATUS_SUCCESS else {
    throw CairoError(status: .init(status), operation: operation)
  }
}
