import Dispatch

/// Runs three independent pieces of work at once, on as many cores as the machine gives
/// (reading three columns of a million rows each takes a core for tens of milliseconds), and
/// returns their results in order. Errors are results too, so that the caller throws them in
/// the order it would have met them one after the other.
func _concurrently<A: Sendable, B: Sendable, C: Sendable>(
  _ first: @Sendable () -> A, _ second: @Sendable () -> B, _ third: @Sendable () -> C
) -> (A, B, C) {
  let slots = _ResultSlots<A, B, C>()
  DispatchQueue.concurrentPerform(iterations: 3) { index in
    switch index {
    case 0: slots.first = first()
    case 1: slots.second = second()
    default: slots.third = third()
    }
  }
  // concurrentPerform returns after every iteration has finished: each slot is written.
  return (slots.first!, slots.second!, slots.third!)
}

/// Runs two independent pieces of work at once and returns their results in order.
func _concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
  let (a, b, _) = _concurrently(first, second, {})
  return (a, b)
}

/// One slot per piece of work, each written by one thread and read after all have finished.
private final class _ResultSlots<A, B, C>: @unchecked Sendable {
  var first: A?
  var second: B?
  var third: C?
}

/// `body(0) … body(count − 1)` on as many cores as the machine gives, results in index order.
/// Errors are results too, so that the caller throws the first in index order, as it would
/// have met it one after the other.
func _concurrentMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
  let slots = _MapSlots<T>(count: count)
  DispatchQueue.concurrentPerform(iterations: count) { index in slots.values[index] = body(index) }
  // concurrentPerform returns after every iteration has finished: each slot is written once.
  return slots.values.map { $0! }
}

/// One slot per index, each written by one thread and read after all have finished.
private final class _MapSlots<T>: @unchecked Sendable {
  var values: [T?]

  init(count: Int) { values = Array(repeating: nil, count: count) }
}
