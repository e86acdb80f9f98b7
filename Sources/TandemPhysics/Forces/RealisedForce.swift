import RealModule
import TandemAD

/// A force realised on `T` (``Force/realise(in:)``): the numbers it read
/// from the parameters, and how it acts, as closures compiled for `T`.
public struct RealisedForce<T: Scalar> {
  /// The realised numbers the force reads that may depend on the
  /// parameters, in the order its hand reversal writes their adjoints
  /// (``QuantityAdjoints/own``). Checkpointed reverse mode seeds their
  /// adjoints into the recorded realisation, so a force that reads a
  /// number the list omits has a wrong gradient on the hand path (and the
  /// equivalence test says so).
  public var quantities: [T]
  /// Adds the force's potential energy at the recorded axis-major
  /// positions to `total` (nil for the first term); nil for a force with no
  /// potential. F = −∇U follows by reverse mode over the tape.
  public var addEnergy: ((_ positions: TracedVector<T>, _ total: inout Traced<T>?) -> Void)?
  /// Adds the force's velocity-dependent acceleration at a state to
  /// `acceleration` (axis-major); nil for a force that depends on the
  /// positions only. Pinned particles' accelerations are zeroed after.
  public var addAcceleration: ((_ state: ParticleState<T>, _ acceleration: inout [T]) -> Void)?
  /// The coefficient c when the velocity-dependent part is a linear drag,
  /// −c·v on every particle, whatever its mass: an opt-in fast path, which
  /// ``ForceField`` applies in its pass over −∇U/m instead of calling
  /// ``addAcceleration`` (which must add the same). Nil otherwise.
  public var linearDrag: T?
  /// The hand-written reversal, on `Double` for a ``HandReversibleForce``.
  public var handReversal: HandReversal?
  /// What a reader that knows the force's type may show of it (the
  /// springs' ends and rest lengths for drawing); nil otherwise.
  public var shape: Any?

  /// A realised force from its parts.
  @inlinable
  public init(
    quantities: [T] = [],
    addEnergy: ((_ positions: TracedVector<T>, _ total: inout Traced<T>?) -> Void)? = nil,
    addAcceleration: ((_ state: ParticleState<T>, _ acceleration: inout [T]) -> Void)? = nil,
    shape: Any? = nil
  ) {
    self.quantities = quantities
    self.addEnergy = addEnergy
    self.addAcceleration = addAcceleration
    self.shape = shape
  }
}

extension Traced {
  /// `total + term`, or `term` when there is no total yet.
  @inlinable
  public static func adding(_ term: Traced, to total: Traced?) -> Traced {
    guard let total else { return term }
    return total + term
  }
}
