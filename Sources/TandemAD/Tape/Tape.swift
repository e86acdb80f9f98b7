import RealModule

/// A reverse-mode tape: a flat record of the operations of one evaluation,
/// replayed backwards to give the gradient of one output with respect to
/// every recorded value.
///
/// The tape is generic over its scalar. On `Double` it is ordinary
/// backpropagation. On `Dual<N, Double>` its adjoints are dual numbers, so the
/// gradient it returns carries the derivatives of the gradient along `N`
/// directions: reverse mode inside, forward mode outside ("dual over reverse").
///
/// Storage is a struct of flat arrays addressed by integer offsets, with
/// bulk operations (elementwise maps, sums, dots, gathers, scatters, matrix
/// products) recorded as single nodes with hand-written vector-Jacobian
/// products. Other modules add bulk nodes of their own through
/// ``BulkNode`` (Tape+BulkNodes.swift). ``reset()`` keeps every array's capacity, so a loop that records,
/// differentiates and resets the tape at each step allocates nothing once the
/// first step has sized the arrays.
///
/// ``Traced``, ``TracedVector`` and ``TracedMatrix`` are handles into a tape.
/// They hold an unowned, unretained reference to it (no reference counting on
/// every operation), so they are valid only while the tape is alive and until
/// its next ``reset()``: do not let them escape the computation that made them.
///
/// The arrays are declared `@exclusivity(unchecked)`: every access to them
/// goes through the tape's own methods, which never overlap two accesses to
/// one array, and the dynamic exclusivity checks a class property otherwise
/// gets (`swift_beginAccess` on every append and every adjoint read) took
/// about a fifth of the tape's time in a profile.
public final class Tape<T: Scalar> {
  /// Every recorded value, scalars and vector elements alike.
  @exclusivity(unchecked) @usableFromInline var values: [T] = []
  /// Local partial derivatives saved while recording.
  @exclusivity(unchecked) @usableFromInline var partials: [T] = []
  /// The recorded operations, in order.
  @exclusivity(unchecked) @usableFromInline var operations: [TapeOperation] = []
  /// Adjoints, one per value, filled by ``backward(from:)``; meaningful
  /// only after it (``reset()`` leaves the previous pass's).
  @exclusivity(unchecked) @usableFromInline var adjoints: [T] = []
  /// Scratch doubles for bulk nodes' kernels (``reserveRealScratch(_:)``);
  /// grows to the largest node's need and is kept.
  @exclusivity(unchecked) @usableFromInline var realScratch: [Double] = []
  /// What bulk nodes keep for their backward pass as doubles
  /// (``reserveSaved(_:)``); the first ``realSavedCount`` are in use. Only
  /// grows.
  @exclusivity(unchecked) @usableFromInline var realSaved: [Double] = []
  /// The doubles of ``realSaved`` in use since the last ``reset()``.
  @usableFromInline var realSavedCount = 0
  /// The arguments of the bulk nodes recorded since the last ``reset()``
  /// (``appendNodeArgument(_:)``): offsets, counts, layouts, flags.
  @exclusivity(unchecked) @usableFromInline var nodeArguments: [Int] = []
  /// The identities of the ``BulkNode`` kinds registered by ``kind(of:)``,
  /// kept across resets; parallel to ``bulkNodePullBacks``.
  @exclusivity(unchecked) @usableFromInline var bulkNodeKeys: [ObjectIdentifier] = []
  /// The vector-Jacobian products of the registered kinds, each formed
  /// where the kind's scalar is concrete (so it runs specialised code).
  @exclusivity(unchecked) @usableFromInline var bulkNodePullBacks:
    [(Int, TapeBackwardBuffers<T>) -> Void] = []
  /// Zeros for ``appendZeros(_:)``, as many as its largest call; kept.
  @exclusivity(unchecked) @usableFromInline var zeros: [T] = []
  /// Index lists registered with ``register(indices:)``; kept across resets.
  @exclusivity(unchecked) @usableFromInline var indexStore: [Int] = []

  /// Creates an empty tape.
  public init() {}

  /// Forgets every recorded value and operation, keeping the arrays'
  /// capacity and the registered index lists.
  @inlinable
  public func reset() {
    values.removeAll(keepingCapacity: true)
    partials.removeAll(keepingCapacity: true)
    operations.removeAll(keepingCapacity: true)
    nodeArguments.removeAll(keepingCapacity: true)
    realSavedCount = 0
    // The adjoints are kept: backward(from:) zeroes them in place.
  }

  /// The number of recorded operations (nodes).
  @inlinable
  public var operationCount: Int { operations.count }

  /// The number of recorded values (a vector of n elements counts n).
  @inlinable
  public var valueCount: Int { values.count }

  /// Appends one value and returns its offset.
  @inlinable
  func append(_ value: T) -> Int {
    values.append(value)
    return values.count - 1
  }

  /// Appends `count` zero values to be overwritten by a bulk node, and
  /// returns the offset of the first. Bulk nodes fill them inside one
  /// `withUnsafeMutableBufferPointer`, so a node costs one exclusivity check
  /// and one uniqueness check, not one per element.
  @inlinable
  func appendZeros(_ count: Int) -> Int { append(zeros: count, to: &values) }

  /// Appends `count` zero partials to be overwritten by a bulk node, and
  /// returns the offset of the first.
  @inlinable
  func appendZeroPartials(_ count: Int) -> Int { append(zeros: count, to: &partials) }

  /// Appends `count` zeros to `array` and returns the offset of the first,
  /// copied from a kept array of zeros (a memcpy): appending a repeated
  /// element goes element by element, 6% of a B2 step.
  @inlinable
  func append(zeros count: Int, to array: inout [T]) -> Int {
    let start = array.count
    if zeros.count < count { zeros = [T](repeating: .zero, count: count) }
    array.append(contentsOf: zeros[0..<count])
    return start
  }

  /// Reserves `count` doubles of the saved buffer for a bulk node recorded
  /// now and returns the offset of the first, which is on a cache line (the
  /// buffer is grown first, with room for the padding, then the offset is
  /// rounded for its base). Nothing is initialised: the node writes them
  /// all, in ``withRecordingBuffers(_:)``, and reads them back in its
  /// vector-Jacobian product (``TapeBackwardBuffers/saved``).
  @inlinable
  public func reserveSaved(_ count: Int) -> Int {
    let needed = realSavedCount + count + cacheLineDoubles
    if realSaved.count < needed {
      realSaved.append(contentsOf: repeatElement(0, count: needed - realSaved.count))
    }
    let start =
      realSavedCount
      + realSaved.withUnsafeBufferPointer { cacheLinePadding(at: $0.baseAddress! + realSavedCount) }
    realSavedCount = start + count
    return start
  }

  /// Appends one partial derivative and returns its offset.
  @inlinable
  func appendPartial(_ partial: T) -> Int {
    partials.append(partial)
    return partials.count - 1
  }

  // MARK: Leaves

  /// Records an input: a value whose adjoint can be read after
  /// ``backward(from:)``.
  @inlinable
  public func variable(_ value: T) -> Traced<T> {
    Traced(tape: self, index: append(value))
  }

  /// Records a vector of inputs.
  @inlinable
  public func variables<C: Collection>(_ elements: C) -> TracedVector<T> where C.Element == T {
    let start = values.count
    values.append(contentsOf: elements)
    return TracedVector(tape: self, start: start, count: values.count - start)
  }

  /// Records a vector of `count` inputs, the i-th being `element(i)`; unlike
  /// ``variables(_:)`` this needs no array of its own.
  @inlinable
  public func variables(count: Int, _ element: (Int) -> T) -> TracedVector<T> {
    let start = values.count
    for i in 0..<count { values.append(element(i)) }
    return TracedVector(tape: self, start: start, count: count)
  }

  /// Records a row-major `rows × columns` matrix of inputs.
  @inlinable
  public func variables<C: Collection>(_ elements: C, rows: Int, columns: Int) -> TracedMatrix<T>
  where C.Element == T {
    precondition(
      elements.count == rows * columns,
      "a \(rows)×\(columns) matrix needs \(rows * columns) elements")
    return TracedMatrix(variables(elements), rows: rows, columns: columns)
  }

  /// A value through which no adjoint flows back (stop-gradient). Tangents
  /// of a `Dual` value still flow: see ``stopTangent(_:)`` for the converse.
  @inlinable
  public func stopGradient(_ x: Traced<T>) -> Traced<T> { variable(x.value) }

  // MARK: Index lists

  /// Registers a list of indices for ``TracedVector/gathering(_:)`` and
  /// ``TracedVector/scatteringAdd(into:at:)``. Registered lists survive
  /// ``reset()``, so a loop registers its indices once, before it starts.
  public func register(indices: [Int]) -> TapeIndices {
    let start = indexStore.count
    indexStore.append(contentsOf: indices)
    return TapeIndices(start: start, count: indices.count, bound: (indices.max() ?? -1) + 1)
  }
}

/// A list of indices registered on a tape with ``Tape/register(indices:)``.
public struct TapeIndices: Sendable, Hashable {
  /// Offset of the first index in the tape's index store.
  public let start: Int
  /// The number of indices.
  public let count: Int
  /// One more than the largest index: the least vector length it can address.
  public let bound: Int
}
