/// Everything ReadStat's callbacks reach during one parse: the input they read from and the data
/// set they fill.
///
/// It lives in `withUnsafeMutablePointer(to:)` for the length of the parse, and both of ReadStat's
/// context pointers (the input's and the callbacks') point at it. Going through a pointer rather
/// than a class keeps the per-value callbacks free of reference counting and exclusivity checks.
struct _ReadState {
  var input: _MemoryInput
  var dataSet: _DataSetBuilder

  /// The state behind one of ReadStat's context pointers.
  @inline(__always)
  static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<_ReadState> {
    context.unsafelyUnwrapped.assumingMemoryBound(to: _ReadState.self)
  }
}
