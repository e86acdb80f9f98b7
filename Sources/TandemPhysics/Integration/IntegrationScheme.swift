import RealModule
import TandemAD

/// A time-stepping scheme: one new file conforming to this protocol (and a
/// static member on ``Integrator``, and its entry in
/// ``Integrator/allCases``) adds an integrator.
///
/// Its stepper runs specialised for the scalar (see
/// ``TandemAD/ScalarSpecialised``): schemes are held as `any
/// IntegrationScheme`, and a step's loops over the state would otherwise
/// run unspecialised.
public protocol IntegrationScheme: ScalarSpecialised, Sendable {
  /// The name a scene writes (`semi-implicit-euler`).
  var name: String { get }
  /// The global order of accuracy.
  var order: Int { get }
  /// A stepper for `system`, holding the scratch the scheme needs, so that
  /// a step allocates nothing.
  func stepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T>
}

/// A scheme whose step can be reversed by hand on `Double`, for systems
/// whose every force is a ``HandReversibleForce``: checkpointed reverse mode
/// then reverses each step without recording it.
public protocol HandReversibleScheme: IntegrationScheme {
  /// Carries `adjoint` (of the positions, then the velocities, after a step
  /// of `dt` from `state`) back through that step, and adds the step's
  /// adjoints of the system's quantities to `quantityAdjoints` (the inverse
  /// masses, the masses, every force's quantities, then dt; see
  /// ``Simulation/realisedQuantities``). `scratch` is kept from step to step.
  func reverseStep(
    from state: ParticleState<Double>, of system: ParticleSystem<Double>, dt: Double,
    reversals: [HandReversal], adjoint: inout [Double], quantityAdjoints: inout [Double],
    scratch: inout [Double])
}

extension IntegrationScheme {
  /// Makes the stepper on `S` for the ``ParticleSystem`` argument
  /// (``ScalarSpecialised``'s body).
  @inlinable
  public func specialisedBody<S: Scalar>(_ argument: Any, on scalar: S.Type) -> Any {
    stepper(for: argument as! ParticleSystem<S>)
  }

  /// ``stepper(for:)`` compiled for `T` when it is a fast scalar.
  @inlinable
  public func specialisedStepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T> {
    specialised(system, on: T.self) as! Stepper<T>
  }
}
