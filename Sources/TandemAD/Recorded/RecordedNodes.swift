/// The storage of the trajectory tape: five flat arrays, one entry per
/// recorded node, held in manually managed buffers.
///
/// A node is a value, up to two parent nodes (−1 where there is none) and the
/// local partial derivative with respect to each parent: 32 bytes in all.
/// Buffers grow by doubling and keep their capacity across ``reset()``, so a
/// loop that records the same amount of work at every iteration allocates
/// nothing after its first.
///
/// The buffers are raw pointers rather than arrays so that recording an
/// operation costs no uniqueness check, no exclusivity check and no
/// reference counting: the whole hot path is a bounds check and five stores.
@usableFromInline
struct RecordedNodes {
  /// The number of recorded nodes.
  @usableFromInline var count = 0
  /// The number of nodes the buffers can hold.
  @usableFromInline var capacity = 0
  /// Each node's value.
  @usableFromInline var values: UnsafeMutablePointer<Double>
  /// Each node's first parent, or −1.
  @usableFromInline var firstParents: UnsafeMutablePointer<Int32>
  /// Each node's second parent, or −1.
  @usableFromInline var secondParents: UnsafeMutablePointer<Int32>
  /// ∂node/∂(first parent).
  @usableFromInline var firstPartials: UnsafeMutablePointer<Double>
  /// ∂node/∂(second parent).
  @usableFromInline var secondPartials: UnsafeMutablePointer<Double>
  /// Adjoints, filled by a backward pass for nodes `0..<adjointCount`.
  @usableFromInline var adjoints: UnsafeMutablePointer<Double>
  /// The number of adjoints the adjoint buffer can hold.
  @usableFromInline var adjointCapacity = 0
  /// How many adjoints the last backward pass filled; 0 when none is valid.
  @usableFromInline var adjointCount = 0
  /// Whether a backward pass has run since the last reset.
  @usableFromInline var hasAdjoints = false

  /// The bytes one node takes: a value, two parents, two partials.
  @usableFromInline static let bytesPerNode =
    3 * MemoryLayout<Double>.stride + 2 * MemoryLayout<Int32>.stride

  /// Empty buffers with room for `capacity` nodes.
  init(capacity: Int) {
    self.capacity = capacity
    values = .allocate(capacity: capacity)
    firstParents = .allocate(capacity: capacity)
    secondParents = .allocate(capacity: capacity)
    firstPartials = .allocate(capacity: capacity)
    secondPartials = .allocate(capacity: capacity)
    adjoints = .allocate(capacity: capacity)
    adjointCapacity = capacity
  }

  /// Records one node and returns its index.
  @inlinable
  @inline(__always)
  mutating func append(
    _ value: Double, _ first: Int32, _ firstPartial: Double, _ second: Int32,
    _ secondPartial: Double
  ) -> Int32 {
    if count == capacity { grow() }
    let index = count
    values[index] = value
    firstParents[index] = first
    firstPartials[index] = firstPartial
    secondParents[index] = second
    secondPartials[index] = secondPartial
    count = index + 1
    return Int32(truncatingIfNeeded: index)
  }

  /// Doubles every node buffer, keeping the recorded nodes.
  @usableFromInline
  mutating func grow() {
    let newCapacity = Swift.max(2 * capacity, 1024)
    precondition(
      newCapacity <= Int(Int32.max),
      "the trajectory tape is full (\(count) nodes): reset it, or record a shorter trajectory")
    func moved<Element>(_ old: UnsafeMutablePointer<Element>) -> UnsafeMutablePointer<Element> {
      let new = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
      new.moveInitialize(from: old, count: count)
      old.deallocate()
      return new
    }
    values = moved(values)
    firstParents = moved(firstParents)
    secondParents = moved(secondParents)
    firstPartials = moved(firstPartials)
    secondPartials = moved(secondPartials)
    capacity = newCapacity
  }

  /// Makes room for `needed` adjoints, keeping the first `kept` of the old
  /// ones (none by default).
  @usableFromInline
  mutating func reserveAdjoints(_ needed: Int, keeping kept: Int = 0) {
    guard needed > adjointCapacity else { return }
    let old = adjoints
    adjointCapacity = Swift.max(needed, capacity)
    adjoints = .allocate(capacity: adjointCapacity)
    if kept > 0 { adjoints.update(from: old, count: kept) }
    old.deallocate()
  }
}

/// The one trajectory tape of the process. See ``RecordedTape``.
///
/// `nonisolated(unsafe)`: the pointer itself never changes, and what it
/// points to is mutated by every ``Recorded`` operation without
/// synchronisation. Recording is single-threaded by contract:
/// ``RecordedTape/record(_:)`` holds a process-wide lock so that two threads
/// recording at once wait for each other instead of corrupting the tape.
@usableFromInline
nonisolated(unsafe) let recordedNodes: UnsafeMutablePointer<RecordedNodes> = {
  let pointer = UnsafeMutablePointer<RecordedNodes>.allocate(capacity: 1)
  pointer.initialize(to: RecordedNodes(capacity: 1024))
  return pointer
}()
