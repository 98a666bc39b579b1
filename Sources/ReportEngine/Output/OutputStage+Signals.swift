import Foundation
import Synchronization

extension OutputStage {
  /// Signals on which the staged files of a running write are removed before the process ends.
  static let cleanupSignals: [Int32] = [SIGHUP, SIGINT, SIGTERM]

  /// Installs the handlers of SIGHUP, SIGINT and SIGTERM that remove the temporary files of the
  /// stages being written and then end the process by the same signal, so that the shell or make
  /// sees it interrupted (status 128 + the signal: 130 for SIGINT, 143 for SIGTERM). Call once,
  /// at the start of the program, before any thread is started.
  ///
  /// A signal that arrives while a stage renames its files into place waits until the renames
  /// are done (or undone), so that the folder holds either every new file or every old one.
  /// A signal ignored when the program started (`nohup`, a background job) stays ignored; one
  /// blocked by the mask the program inherited is unblocked.
  /// SIGXFSZ is ignored, so that a file over the size limit (`ulimit -f`) fails with `EFBIG`, is
  /// reported and cleaned up, instead of ending the process with a core dump.
  public static func installSignalHandlers() {
    _StagedFiles.prepare()
    _ = _Interruption.state.load(ordering: .relaxed)
    var handled = sigset_t()
    sigemptyset(&handled)
    for number in cleanupSignals {
      var previous = sigaction()
      guard sigaction(number, nil, &previous) == 0, !_Interruption.isIgnored(previous) else { continue }
      _ = signal(number) { _Interruption.received($0) }
      sigaddset(&handled, number)
    }
    // A mask inherited from the parent (a thread of a test runner, say) would hold them back.
    pthread_sigmask(SIG_UNBLOCK, &handled, nil)
    _ = signal(SIGXFSZ, SIG_IGN)
  }
}

/// What the signal handler and the stages being committed agree on, in one atomic word.
///
/// Bits 0–31 count the stages renaming their files into place; bit 32 says the process is ending
/// (its staged files are being removed); bits 40–47 hold a signal that arrived during a rename and
/// waits for it to finish. One word, changed only by compare-and-exchange, so that a handler and a
/// stage never both believe they may go on.
enum _Interruption {
  static let state = Atomic<Int>(0)

  private static let committingMask = (1 << 32) - 1
  private static let endingBit = 1 << 32
  private static let pendingShift = 40
  private static let pendingMask = 0xFF << 40

  /// Whether the process is ending: a stage that sees it creates no more files.
  static var isEnding: Bool { state.load(ordering: .sequentiallyConsistent) & endingBit != 0 }

  /// The signal handler: removes the staged files and ends the process, or, while a stage
  /// renames its files, leaves the signal for `endCommitting` to act on.
  static func received(_ number: Int32) {
    var current = state.load(ordering: .sequentiallyConsistent)
    while true {
      // Another thread is already ending the process.
      if current & endingBit != 0 { return }
      let isCommitting = current & committingMask != 0
      let desired =
        isCommitting ? (current & ~pendingMask) | (Int(number) << pendingShift) : current | endingBit
      let (exchanged, original) = state.compareExchange(
        expected: current, desired: desired, ordering: .sequentiallyConsistent)
      if exchanged {
        if !isCommitting { end(by: number) }
        return
      }
      current = original
    }
  }

  /// A stage starts renaming its files into place; a signal now waits until it is done.
  static func beginCommitting() {
    var current = state.load(ordering: .sequentiallyConsistent)
    while true {
      if current & endingBit != 0 { waitForTheEnd() }
      let (exchanged, original) = state.compareExchange(
        expected: current, desired: current + 1, ordering: .sequentiallyConsistent)
      if exchanged { return }
      current = original
    }
  }

  /// A stage has renamed its files (or put the old ones back); a signal that arrived meanwhile
  /// now ends the process.
  static func endCommitting() {
    var current = state.load(ordering: .sequentiallyConsistent)
    while true {
      var desired = current - 1
      let pending = Int32((current & pendingMask) >> pendingShift)
      let ends = desired & committingMask == 0 && pending != 0
      if ends { desired = (desired & ~pendingMask) | endingBit }
      let (exchanged, original) = state.compareExchange(
        expected: current, desired: desired, ordering: .sequentiallyConsistent)
      if exchanged {
        if ends { end(by: pending) }
        return
      }
      current = original
    }
  }

  /// Removes every staged file and ends the process by the signal `number` with its default
  /// action.
  /// Async-signal-safe.
  static func end(by number: Int32) -> Never {
    _StagedFiles.removeAll()
    _ = signal(number, SIG_DFL)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    sigaddset(&unblocked, number)
    pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    raise(number)
    _exit(128 + number)
  }

  /// Waits, creating nothing, for the thread that ends the process.
  static func waitForTheEnd() -> Never {
    while true { pause() }
  }

  static func isIgnored(_ action: sigaction) -> Bool {
    #if canImport(Darwin)
      return unsafeBitCast(action.__sigaction_u.__sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    #else
      return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    #endif
  }
}
