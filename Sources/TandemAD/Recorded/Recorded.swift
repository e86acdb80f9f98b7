/// A `Double` whose every operation is recorded on the global trajectory
/// tape, ``RecordedTape``: reverse mode for a whole long process.
///
/// `Recorded` is a ``Scalar``, so any process written generically runs on it
/// unchanged; ``RecordedTape/backward(from:)`` then gives the derivative of a
/// final value with respect to every ``variable(_:)`` made along the way.
/// It is the backpropagation-through-time reference that forward
/// hypergradients (`Dual`) are checked against, and it nests under a
/// `Tape<Recorded>`, whose backward pass is recorded too (reverse over
/// reverse).
///
/// A value is a `Double` and a 32-bit node index: no class reference, so no
/// reference counting on any operation. Constants (literals, `init(_:)`) have
/// no node and cost nothing to record; an operation whose operands are all
/// constants records nothing either.
///
/// Equality and ordering compare ``value`` only; branching on them
/// differentiates the branch taken.
///
/// Values are valid until the next ``RecordedTape/reset()``. Recording is
/// single-threaded: see ``RecordedTape``. A value is plain data and may cross
/// threads (`Sendable`); the tape it refers to may not be recorded on from two
/// threads at once.
@frozen
public struct Recorded: Sendable {
  /// The value.
  public let value: Double
  /// The node on the trajectory tape, or −1 for a constant.
  @usableFromInline let node: Int32

  /// A handle to an already recorded node.
  @inlinable
  init(value: Double, node: Int32) {
    self.value = value
    self.node = node
  }

  /// A constant: nothing is recorded, and its derivative is zero.
  @inlinable
  public init(constant value: Double) {
    self.value = value
    self.node = -1
  }

  /// Records an independent variable: an input whose adjoint can be read
  /// after a backward pass.
  @inlinable
  public static func variable(_ value: Double) -> Recorded {
    Recorded(value: value, node: recordedNodes.pointee.append(value, -1, 0, -1, 0))
  }

  /// Whether this value is a constant (has no node on the tape).
  @inlinable
  public var isConstant: Bool { node < 0 }

  /// ∂output/∂self after ``RecordedTape/backward(from:)``.
  public var adjoint: Double { RecordedTape.adjoint(of: self) }

  /// Records a function of this value given its value and derivative.
  @inlinable
  @inline(__always)
  public func applying(value newValue: Double, derivative: Double) -> Recorded {
    guard node >= 0 else { return Recorded(constant: newValue) }
    return Recorded(
      value: newValue, node: recordedNodes.pointee.append(newValue, node, derivative, -1, 0))
  }

  /// Records a function of two values given its value and its partial
  /// derivatives; a constant operand gets no parent edge.
  @inlinable
  @inline(__always)
  public static func combining(
    _ lhs: Recorded, _ rhs: Recorded, value: Double, partials: (lhs: Double, rhs: Double)
  ) -> Recorded {
    if rhs.node < 0 { return lhs.applying(value: value, derivative: partials.lhs) }
    if lhs.node < 0 { return rhs.applying(value: value, derivative: partials.rhs) }
    let node = recordedNodes.pointee.append(value, lhs.node, partials.lhs, rhs.node, partials.rhs)
    return Recorded(value: value, node: node)
  }
}
