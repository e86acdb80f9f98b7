import RealModule

// The extension point for bulk nodes defined outside TandemAD (a physical
// system's energy in TandemPhysics, a whole model in TandemTraining):
// a node kind records its forward pass itself, through the accessors below,
// and the tape calls its vector-Jacobian product when the backward pass
// reaches the node.
//
// Dispatch costs one indirect call per node per backward pass: a kind is
// registered once per tape (``Tape/kind(of:)``), as a closure formed where
// the kind's scalar is concrete, so the closure runs the kind's specialised
// code; the recorded operation is a two-word enum case (the kind's index and
// the offset of the node's arguments in the tape's Int side buffer), so
// recording a node allocates nothing. A protocol existential or a class
// method would also be one indirect call, but the witness or vtable entry of
// a generic type is its unspecialised implementation: generic numeric code
// run that way is tens of times slower.

/// A kind of bulk node recorded on a ``Tape`` by code outside TandemAD: its
/// vector-Jacobian product, which the tape's backward pass calls once per
/// recorded node of this kind.
///
/// The node's forward pass is the recording code's own: it reserves the
/// node's output values (``Tape/reserveValues(_:)``), partials, saved doubles
/// and scratch, computes them in ``Tape/withRecordingBuffers(_:)``, appends its
/// arguments (``Tape/appendNodeArgument(_:)``) and records the node with
/// ``Tape/record(_:arguments:)``. Conforming types are usually caseless enums
/// generic over the scalar; nothing is instantiated.
public protocol BulkNode {
  /// The scalar of the tapes this kind of node is recorded on.
  associatedtype Value: Scalar

  /// Adds the vector-Jacobian product of one recorded node into the adjoints
  /// of its inputs: `buffers.arguments[arguments...]` are the arguments the
  /// node was recorded with. Must not record on the tape.
  ///
  /// Declare it `@inlinable` (with `@usableFromInline` types), so that the
  /// closure ``Tape/kind(of:)`` forms runs specialised code.
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<Value>)
}

/// A kind of ``BulkNode`` registered on one tape by ``Tape/kind(of:)``.
@frozen
public struct BulkNodeKind: Sendable, Hashable {
  /// The kind's position in the tape's list of registered kinds.
  public let index: Int

  /// Wraps a position in a tape's list of kinds.
  @inlinable
  init(index: Int) { self.index = index }
}

/// The tape's storage as a bulk node's forward pass sees it, inside
/// ``Tape/withRecordingBuffers(_:)``. Offsets are those the tape returned
/// (``Tape/reserveValues(_:)`` and friends); the pointers are valid only
/// inside the call.
@frozen
public struct TapeRecordingBuffers<T: Scalar> {
  /// Every recorded value; a node writes its reserved outputs.
  public let values: UnsafeMutableBufferPointer<T>
  /// Every saved partial derivative; a node writes its reserved partials.
  public let partials: UnsafeMutableBufferPointer<T>
  /// The registered index lists (``TapeIndices/start`` is an offset here).
  public let indices: UnsafeBufferPointer<Int>
  /// The saved doubles (``Tape/reserveSaved(_:)``).
  public let saved: UnsafeMutableBufferPointer<Double>
  /// The scratch doubles (``Tape/reserveRealScratch(_:)``), for this call only.
  public let scratch: UnsafeMutableBufferPointer<Double>
  /// The node arguments appended since the last reset.
  public let arguments: UnsafeBufferPointer<Int>

  /// Bundles the tape's buffers.
  @inlinable
  init(
    values: UnsafeMutableBufferPointer<T>, partials: UnsafeMutableBufferPointer<T>,
    indices: UnsafeBufferPointer<Int>, saved: UnsafeMutableBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>, arguments: UnsafeBufferPointer<Int>
  ) {
    (self.values, self.partials, self.indices) = (values, partials, indices)
    (self.saved, self.scratch, self.arguments) = (saved, scratch, arguments)
  }
}

/// The tape's storage as a bulk node's vector-Jacobian product sees it
/// (``BulkNode/pullBack(arguments:buffers:)``), during the backward pass.
@frozen
public struct TapeBackwardBuffers<T: Scalar> {
  /// Every recorded value.
  public let values: UnsafeBufferPointer<T>
  /// Every saved partial derivative.
  public let partials: UnsafeBufferPointer<T>
  /// The registered index lists.
  public let indices: UnsafeBufferPointer<Int>
  /// The adjoints, one per value: a node adds into those of its inputs.
  public let adjoints: UnsafeMutableBufferPointer<T>
  /// The saved doubles, as the forward passes left them.
  public let saved: UnsafeBufferPointer<Double>
  /// The scratch doubles: at least as many as any node reserved while
  /// recording, overwritten freely.
  public let scratch: UnsafeMutableBufferPointer<Double>
  /// The node arguments.
  public let arguments: UnsafeBufferPointer<Int>

  /// Bundles the tape's buffers.
  @inlinable
  init(
    values: UnsafeBufferPointer<T>, partials: UnsafeBufferPointer<T>,
    indices: UnsafeBufferPointer<Int>, adjoints: UnsafeMutableBufferPointer<T>,
    saved: UnsafeBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>,
    arguments: UnsafeBufferPointer<Int>
  ) {
    (self.values, self.partials, self.indices, self.adjoints) = (
      values, partials, indices, adjoints
    )
    (self.saved, self.scratch, self.arguments) = (saved, scratch, arguments)
  }
}

extension Tape {
  /// The kind `Node` registered on this tape, registered now if it is not
  /// yet. Kinds survive ``reset()``; a tape holds a handful, so the lookup
  /// is a short scan.
  @inlinable
  public func kind<Node: BulkNode>(of _: Node.Type) -> BulkNodeKind where Node.Value == T {
    let key = ObjectIdentifier(Node.self)
    for i in bulkNodeKeys.indices where bulkNodeKeys[i] == key { return BulkNodeKind(index: i) }
    bulkNodeKeys.append(key)
    // Formed here, where `Node` is concrete once specialised: the closure
    // calls the specialised pull-back directly and captures nothing.
    bulkNodePullBacks.append { Node.pullBack(arguments: $0, buffers: $1) }
    return BulkNodeKind(index: bulkNodeKeys.count - 1)
  }

  /// Records one node of `kind` whose arguments start at `arguments` in the
  /// node-argument buffer (the offset ``appendNodeArgument(_:)`` returned for
  /// the first). The node's outputs, partials and saved doubles must have
  /// been written.
  @inlinable
  public func record(_ kind: BulkNodeKind, arguments: Int) {
    operations.append(.bulk(kind: kind.index, arguments: arguments))
  }

  /// Appends one argument of a bulk node to the tape's Int side buffer
  /// (emptied by ``reset()``) and returns its offset.
  @inlinable @discardableResult
  public func appendNodeArgument(_ value: Int) -> Int {
    nodeArguments.append(value)
    return nodeArguments.count - 1
  }

  /// The number of node arguments appended since the last ``reset()``: the
  /// offset the next ``appendNodeArgument(_:)`` returns.
  @inlinable
  public var nodeArgumentCount: Int { nodeArguments.count }

  /// Calls `body` with the node arguments appended since the last reset
  /// (for a node that reads its own layout before reserving its buffers).
  @inlinable
  public func withNodeArguments<R>(_ body: (UnsafeBufferPointer<Int>) throws -> R) rethrows -> R {
    try nodeArguments.withUnsafeBufferPointer(body)
  }

  /// Appends one value, a bulk node's output, and returns its offset.
  @inlinable
  public func appendValue(_ value: T) -> Int { append(value) }

  /// Appends `count` zero values, a bulk node's outputs to be written in
  /// ``withRecordingBuffers(_:)``, and returns the offset of the first.
  @inlinable
  public func reserveValues(_ count: Int) -> Int { appendZeros(count) }

  /// Appends `count` zero partials, a bulk node's saved derivatives to be
  /// written in ``withRecordingBuffers(_:)``, and returns the offset of the
  /// first.
  @inlinable
  public func reservePartials(_ count: Int) -> Int { appendZeroPartials(count) }

  /// Calls `body` with the tape's storage open for a bulk node's forward
  /// pass: one exclusivity and uniqueness check per array for the whole
  /// node. Reserve everything the node writes first; `body` must not record
  /// on the tape or reserve.
  @inlinable
  public func withRecordingBuffers<R>(_ body: (TapeRecordingBuffers<T>) throws -> R) rethrows -> R {
    try values.withUnsafeMutableBufferPointer { values in
      try partials.withUnsafeMutableBufferPointer { partials in
        try indexStore.withUnsafeBufferPointer { indices in
          try realSaved.withUnsafeMutableBufferPointer { saved in
            try realScratch.withUnsafeMutableBufferPointer { scratch in
              try nodeArguments.withUnsafeBufferPointer { arguments in
                try body(
                  TapeRecordingBuffers(
                    values: values, partials: partials, indices: indices, saved: saved,
                    scratch: scratch, arguments: arguments))
              }
            }
          }
        }
      }
    }
  }
}
