import RealModule
import TandemAD

/// Advances a ``ParticleState`` by one step of an ``Integrator``: the
/// scheme's ``Stepper``, compiled for `T`, with the scratch it keeps, so a
/// step allocates nothing once the stepper exists.
public struct TimeStepper<T: Scalar> {
  /// The scheme.
  public let integrator: Integrator
  /// The scheme's stepper, in a box so that a copy of the stepper that
  /// steps gets its own (its scratch, and a cached acceleration, belong to
  /// one run): value semantics, as for the state.
  @usableFromInline var box: Box

  /// Holds a ``Stepper``.
  @usableFromInline
  final class Box {
    @usableFromInline let stepper: Stepper<T>
    @inlinable init(_ stepper: Stepper<T>) { self.stepper = stepper }
  }

  /// Creates a stepper for `system`.
  @inlinable
  public init(_ integrator: Integrator, for system: ParticleSystem<T>) {
    self.integrator = integrator
    box = Box(integrator.scheme.specialisedStepper(for: system))
  }

  /// Forgets any cached acceleration; call after changing the state or the
  /// system other than by ``step(_:of:dt:)``.
  @inlinable
  public mutating func invalidateCache() { box.stepper.invalidate() }

  /// Advances `state` by `dt`.
  @inlinable
  public mutating func step(_ state: inout ParticleState<T>, of system: ParticleSystem<T>, dt: T) {
    if !isKnownUniquelyReferenced(&box) {
      box = Box(integrator.scheme.specialisedStepper(for: system))
    }
    box.stepper.step(&state, system, dt)
  }
}
