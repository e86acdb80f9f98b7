/// An operation recorded on the trajectory tape as one group of output
/// nodes with a hand-written vector-Jacobian product, instead of as the
/// scalar operations that compute it: what a bulk node is to ``Tape``.
///
/// The operation keeps what its pull-back needs (its inputs' node indices,
/// from ``Recorded/nodeIndex``, and whatever values it saved). Record it with
/// ``RecordedTape/record(_:outputs:)``; every sweep back over the tape calls
/// ``pullBack(outputAdjoints:adjoints:)`` once, when it reaches the last
/// output, whose adjoints are then complete.
public protocol RecordedOperation: AnyObject {
  /// Adds each input's adjoint: `outputAdjoints[k]` is ∂result/∂output k;
  /// `adjoints` is indexed by node (add to `adjoints[node]` for an input's
  /// node; a constant input, node −1, gets nothing).
  func pullBack(outputAdjoints: UnsafePointer<Double>, adjoints: UnsafeMutablePointer<Double>)
}

extension Recorded {
  /// The node on the trajectory tape, or −1 for a constant: what a
  /// ``RecordedOperation`` keeps of its inputs.
  @inlinable public var nodeIndex: Int32 { node }
}

/// The operations recorded since the last reset, with the index of each
/// one's last output node (`nonisolated(unsafe)`: recording is
/// single-threaded, see ``RecordedTape``).
@usableFromInline @exclusivity(unchecked)
nonisolated(unsafe) var recordedOperations:
  [(first: Int, last: Int, operation: any RecordedOperation)] = []

extension RecordedTape {
  /// Records `operation` with outputs of the given values, and returns them:
  /// new nodes whose only way back to the inputs is the operation's pull-back.
  public static func record(_ operation: some RecordedOperation, outputs values: [Double])
    -> [Recorded]
  {
    guard !values.isEmpty else { return [] }
    let first = recordedNodes.pointee.count
    var outputs: [Recorded] = []
    outputs.reserveCapacity(values.count)
    let nodes = recordedNodes
    for value in values.dropLast() {
      outputs.append(Recorded(value: value, node: nodes.pointee.append(value, -1, 0, -1, 0)))
    }
    // The last output carries the mark: first parent −2, second the operation.
    let last = nodes.pointee.append(
      values[values.count - 1], -2, 0, Int32(recordedOperations.count), 0)
    outputs.append(Recorded(value: values[values.count - 1], node: last))
    recordedOperations.append((first, Int(last), operation))
    return outputs
  }

  /// Calls the pull-back of operation `number` (its last output is marked
  /// by first parent −2 and the operation's number as second parent).
  @usableFromInline
  static func pullBackOperation(number: Int, adjoints: UnsafeMutablePointer<Double>) {
    let (first, _, operation) = recordedOperations[number]
    operation.pullBack(outputAdjoints: adjoints + first, adjoints: adjoints)
  }

  /// Forgets the operations whose outputs are at or past `position`.
  static func dropOperations(from position: Int) {
    while let last = recordedOperations.last, last.last >= position {
      recordedOperations.removeLast()
    }
  }
}
