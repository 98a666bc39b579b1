internal import CReadStat

/// An owned `readstat_parser_t`, freed with the object, with the input handlers of `_MemoryInput`
/// and the callbacks of `_DataSetBuilder` installed.
///
/// A callback that meets an error stores it in the builder and returns `READSTAT_HANDLER_ABORT`;
/// ReadStat then stops and returns `READSTAT_ERROR_USER_ABORT`, and the stored error is thrown.
final class _ReadStatParser {
  let pointer: UnsafeMutablePointer<readstat_parser_t>

  init(file: String) throws(StatisticalFileError) {
    guard let pointer = readstat_parser_init() else {
      throw StatisticalFileError(file: file, reason: .outOfMemory)
    }
    self.pointer = pointer
    let statuses = _MemoryInput.install(on: pointer) + installCallbacks()
    // Setting a handler cannot fail in ReadStat 1.1.8; a later version that could would say so.
    if let failed = statuses.first(where: { $0 != READSTAT_OK }) {
      throw StatisticalFileError(
        file: file, reason: .damaged(String(cString: readstat_error_message(failed))))
    }
  }

  deinit { readstat_parser_free(pointer) }

  /// Parses the input of `state` as `format`, calling back into `state`.
  func parse(_ format: StatisticalDataFile.Format, state: UnsafeMutablePointer<_ReadState>)
    -> readstat_error_t
  {
    let context = UnsafeMutableRawPointer(state)
    readstat_set_io_ctx(pointer, context)
    // The path reaches only the open handler, which ignores it.
    let path = state.pointee.dataSet.file
    return switch format {
    case .sasTransport: readstat_parse_xport(pointer, path, context)
    case .sas7bdat: readstat_parse_sas7bdat(pointer, path, context)
    case .stata: readstat_parse_dta(pointer, path, context)
    case .spss: readstat_parse_sav(pointer, path, context)
    }
  }

  private func installCallbacks() -> [readstat_error_t] {
    [
      readstat_set_metadata_handler(pointer) { metadata, context in
        let state = _ReadState.from(context)
        do throws(StatisticalFileError) {
          try state.pointee.dataSet.setMetadata(metadata.unsafelyUnwrapped)
          return Int32(READSTAT_HANDLER_OK)
        } catch {
          state.pointee.dataSet.failure = error
          return Int32(READSTAT_HANDLER_ABORT)
        }
      },
      readstat_set_variable_handler(pointer) { index, variable, _, context in
        let state = _ReadState.from(context)
        do throws(StatisticalFileError) {
          try state.pointee.dataSet.addVariable(
            index: Int(index), variable.unsafelyUnwrapped, position: state.pointee.input.position)
          return Int32(READSTAT_HANDLER_OK)
        } catch {
          state.pointee.dataSet.failure = error
          return Int32(READSTAT_HANDLER_ABORT)
        }
      },
      readstat_set_value_handler(pointer) { row, variable, value, context in
        let state = _ReadState.from(context)
        let variable = variable.unsafelyUnwrapped
        do throws(StatisticalFileError) {
          try state.pointee.dataSet.addValue(
            row: Int(row), index: Int(readstat_variable_get_index(variable)), value, variable,
            position: state.pointee.input.position)
          return Int32(READSTAT_HANDLER_OK)
        } catch {
          state.pointee.dataSet.failure = error
          return Int32(READSTAT_HANDLER_ABORT)
        }
      },
      readstat_set_error_handler(pointer) { message, context in
        guard let message else { return }
        let bytes = Array(UnsafeRawBufferPointer(start: message, count: strlen(message)))
        _ReadState.from(context).pointee.dataSet.messages.append(_escaped(bytes, limit: 200))
      },
    ]
  }
}
