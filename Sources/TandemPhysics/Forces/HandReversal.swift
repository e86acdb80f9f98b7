import RealModule
/// A force's part of a step reversed by hand, on `Double`, on axis-major
/// coordinate buffers (``ParticleState``'s layout): what
/// ``HandReversibleForce`` supplies.
///
/// A step reads a force through U's gradient g = ∇U(x) (conservative part)
/// and an acceleration a_f(x, v) (velocity-dependent part). Reversing it, the
/// integrator hands each force the adjoint ḡ of its gradient and ā of the
/// acceleration; the force adds what they pull back to x̄ and v̄, and the
/// adjoints of the quantities it read.
public struct HandReversal {
  /// A read-only coordinate buffer.
  public typealias Values = UnsafePointer<Double>
  /// A coordinate buffer to add into.
  public typealias Adjoints = UnsafeMutablePointer<Double>

  /// Adds ∇U(x) to `gradient`; nil when the force has no potential.
  public var addGradient: ((_ x: Values, _ gradient: Adjoints) -> Void)?
  /// Adds (∂∇U/∂x)ᵀ·ḡ to x̄, and ∂(ḡ·∇U)/∂q to the adjoints of the force's
  /// quantities q (and of the masses, when ∇U reads them).
  public var pullBackGradient:
    (
      (_ x: Values, _ gradientAdjoint: Values, _ xBar: Adjoints, _ adjoints: QuantityAdjoints) ->
        Void
    )?
  /// Adds a_f(x, v) to `acceleration`; nil when the force has no
  /// velocity-dependent part.
  public var addAcceleration: ((_ x: Values, _ v: Values, _ acceleration: Adjoints) -> Void)?
  /// Adds the pull-back of ā through a_f(x, v) to x̄ and v̄, and the adjoints
  /// of the force's quantities.
  public var pullBackAcceleration:
    (
      (
        _ x: Values, _ v: Values, _ accelerationAdjoint: Values, _ xBar: Adjoints, _ vBar: Adjoints,
        _ adjoints: QuantityAdjoints
      ) -> Void
    )?

  /// A hand reversal from its parts.
  public init(
    addGradient: ((_ x: Values, _ gradient: Adjoints) -> Void)? = nil,
    pullBackGradient: (
      (_ x: Values, _ gradientAdjoint: Values, _ xBar: Adjoints, _ adjoints: QuantityAdjoints) ->
        Void
    )? = nil,
    addAcceleration: ((_ x: Values, _ v: Values, _ acceleration: Adjoints) -> Void)? = nil,
    pullBackAcceleration: (
      (
        _ x: Values, _ v: Values, _ accelerationAdjoint: Values, _ xBar: Adjoints,
        _ vBar: Adjoints, _ adjoints: QuantityAdjoints
      ) -> Void
    )? = nil
  ) {
    self.addGradient = addGradient
    self.pullBackGradient = pullBackGradient
    self.addAcceleration = addAcceleration
    self.pullBackAcceleration = pullBackAcceleration
  }
}

/// Where a force's hand reversal adds the adjoints of what it read: its own
/// ``RealisedForce/quantities`` and the system's masses.
public struct QuantityAdjoints {
  /// The adjoints of the force's own quantities, in their order.
  public let own: UnsafeMutablePointer<Double>
  /// The adjoints of the particles' masses.
  public let masses: UnsafeMutablePointer<Double>

  /// Adjoint buffers from their parts.
  public init(own: UnsafeMutablePointer<Double>, masses: UnsafeMutablePointer<Double>) {
    self.own = own
    self.masses = masses
  }
}
