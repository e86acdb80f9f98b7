/// The trajectory tape: one global, flat record of every operation on
/// ``Recorded`` numbers, for reverse mode through a whole long process
/// ("backpropagation through time").
///
/// A process written generically over ``Scalar`` runs on `Recorded` as it
/// would on `Double`; every operation appends a node here. One backward pass
/// then gives the derivative of the final loss with respect to every input.
/// Memory grows linearly with the number of operations (32 bytes a node, see
/// ``recordedByteCount``), which is exactly what forward hypergradients avoid:
/// this is the reference they are checked against.
///
/// Because a `Tape<Recorded>` records its own backward pass onto this tape as
/// ordinary operations, a process whose steps take inner gradients on a tape
/// is differentiated reverse-over-reverse with no extra code.
///
/// ```swift
/// let (loss, gradient) = RecordedTape.valueWithGradient(at: [0.1]) { inputs in
///   let alpha = inputs[0]
///   return descentLoss(stepSize: alpha)  // generic over Scalar
/// }
/// ```
///
/// **Recording is single-threaded.** The tape is a process-wide global without
/// synchronisation per operation. ``record(_:)`` (and the conveniences built
/// on it) hold a process-wide lock for the whole recording, so recordings on
/// different threads run one after another. Recording outside `record`, by
/// creating ``Recorded/variable(_:)`` values directly, is only safe when no
/// other thread records at the same time. `record` calls do not nest.
public enum RecordedTape {
  /// Resets the tape, then runs `body`, which records on it, holding the
  /// process-wide recording lock. Call ``backward(from:)`` and read adjoints
  /// inside `body`: the next recording resets the tape.
  public static func record<Result>(_ body: () throws -> Result) rethrows -> Result {
    try withRecordingLock {
      reset()
      return try body()
    }
  }

  /// Forgets every recorded node, keeping the buffers' capacity. Every
  /// ``Recorded`` value made before is invalid afterwards, except constants.
  public static func reset() {
    recordedOperations.removeAll(keepingCapacity: true)
    recordedNodes.pointee.count = 0
    recordedNodes.pointee.adjointCount = 0
    recordedNodes.pointee.hasAdjoints = false
  }

  /// The number of nodes recorded since the last reset.
  public static var recordedNodeCount: Int { recordedNodes.pointee.count }

  /// The bytes the recorded nodes take (32 a node), not counting adjoints:
  /// the memory that backpropagation through time needs for this trajectory.
  public static var recordedByteCount: Int {
    recordedNodes.pointee.count * RecordedNodes.bytesPerNode
  }

  /// The bytes the tape holds reserved: node buffers at their capacity plus
  /// the adjoint buffer. This only grows, until the process ends.
  public static var reservedByteCount: Int {
    let nodes = recordedNodes.pointee
    return nodes.capacity * RecordedNodes.bytesPerNode
      + nodes.adjointCapacity * MemoryLayout<Double>.stride
  }

  /// The value of `f` and its gradient at `point`, by one recording and one
  /// backward pass on the trajectory tape (under the recording lock).
  public static func valueWithGradient(
    at point: [Double], of f: ([Recorded]) throws -> Recorded
  ) rethrows -> (value: Double, gradient: [Double]) {
    try record {
      let inputs = point.map(Recorded.variable)
      let output = try f(inputs)
      backward(from: output)
      return (output.value, inputs.map(adjoint(of:)))
    }
  }

  /// The value of a scalar function and its derivative at `x`, by reverse
  /// mode on the trajectory tape (under the recording lock).
  public static func valueWithDerivative(
    at x: Double, of f: (Recorded) throws -> Recorded
  ) rethrows -> (value: Double, derivative: Double) {
    let (value, gradient) = try valueWithGradient(at: [x]) { try f($0[0]) }
    return (value, gradient[0])
  }
}
