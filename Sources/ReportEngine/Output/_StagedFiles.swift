import Foundation
import Synchronization

/// The temporary files of every stage being written, kept where a signal handler can remove them.
///
/// A signal handler may call only async-signal-safe functions: no allocation, no locks, no Swift
/// strings. So each path is registered as a C string (`strdup`, in normal code) whose address sits
/// in an atomic slot; the handler takes each address with an atomic exchange and `unlink`s it,
/// nothing else. Slots live in chunks of `slotsPerChunk` that are never freed; a chunk's first
/// word holds the address of the next chunk, so there is no limit on the number of files while no
/// lock is ever taken.
///
/// A file is registered before it is created and unregistered after it was renamed or removed,
/// so a handler that runs at any moment finds every temporary file that may exist (and perhaps a
/// name that no longer does, which `unlink` ignores).
enum _StagedFiles {
  /// One registered path: the slot that holds it.
  struct Registration {
    fileprivate let slot: UnsafeMutablePointer<Atomic<Int>>
  }

  static let slotsPerChunk = 128

  /// The first chunk of slots.
  nonisolated(unsafe) private static let first = makeChunk()

  private static func makeChunk() -> UnsafeMutablePointer<Atomic<Int>> {
    let chunk = UnsafeMutablePointer<Atomic<Int>>.allocate(capacity: slotsPerChunk + 1)
    for index in 0...slotsPerChunk { (chunk + index).initialize(to: Atomic(0)) }
    return chunk
  }

  /// Makes sure the slots exist, so that a signal handler never initialises them.
  static func prepare() { _ = first }

  /// Records `path` as a file to remove on a signal.
  static func register(_ path: String) -> Registration {
    let address = Int(bitPattern: strdup(path))
    var chunk = first
    while true {
      for index in 1...slotsPerChunk
      where (chunk + index).pointee.compareExchange(
        expected: 0, desired: address, ordering: .sequentiallyConsistent
      ).exchanged {
        return Registration(slot: chunk + index)
      }
      var next = chunk.pointee.load(ordering: .sequentiallyConsistent)
      if next == 0 {
        let fresh = makeChunk()
        let (exchanged, current) = chunk.pointee.compareExchange(
          expected: 0, desired: Int(bitPattern: fresh), ordering: .sequentiallyConsistent)
        if exchanged {
          next = Int(bitPattern: fresh)
        } else {
          fresh.deinitialize(count: slotsPerChunk + 1)
          fresh.deallocate()
          next = current
        }
      }
      chunk = UnsafeMutablePointer(bitPattern: next)!
    }
  }

  /// Forgets a path: it was renamed into place or removed.
  static func unregister(_ registration: Registration) {
    let address = registration.slot.pointee.exchange(0, ordering: .sequentiallyConsistent)
    // Zero: a signal handler took the path and the process is ending.
    if address != 0 { free(UnsafeMutableRawPointer(bitPattern: address)) }
  }

  /// Removes every registered file. Async-signal-safe: atomic exchanges and `unlink` only.
  static func removeAll() {
    var chunk: UnsafeMutablePointer<Atomic<Int>>? = first
    while let current = chunk {
      for index in 1...slotsPerChunk {
        let address = (current + index).pointee.exchange(0, ordering: .sequentiallyConsistent)
        if address != 0, let path = UnsafePointer<CChar>(bitPattern: address) { unlink(path) }
      }
      chunk = UnsafeMutablePointer(bitPattern: current.pointee.load(ordering: .sequentiallyConsistent))
    }
  }
}
