import RealModule
import TandemAD

/// One scheme's step on `T`: closures compiled for `T`, over scratch the
/// scheme keeps (see ``IntegrationScheme/stepper(for:)``).
public struct Stepper<T: Scalar> {
  /// Advances the state by dt.
  public let step: (_ state: inout ParticleState<T>, _ system: ParticleSystem<T>, _ dt: T) -> Void
  /// Forgets anything cached from the previous step (call after changing the
  /// state or the system other than by stepping).
  public let invalidate: () -> Void

  /// A stepper from its parts.
  public init(
    step: @escaping (_ state: inout ParticleState<T>, _ system: ParticleSystem<T>, _ dt: T) -> Void,
    invalidate: @escaping () -> Void = {}
  ) {
    self.step = step
    self.invalidate = invalidate
  }
}

/// The scratch a stepper's closures keep from step to step: buffers of the
/// state's shape. A step moves them out into locals (``take()``) and back
/// (``keep(_:)``), so that its loops run on uniquely held arrays, not on a
/// class's properties (which the optimiser must assume may alias).
public final class StepScratch<T: Scalar> {
  /// The buffers.
  public struct Buffers {
    /// The acceleration at the last evaluated state, axis-major.
    public var acceleration: [T]
    /// A second state (a Runge–Kutta stage).
    public var stage: ParticleState<T>
    /// A third state (a Runge–Kutta sum).
    public var sum: ParticleState<T>

    /// Buffers from their parts.
    @inlinable
    public init(acceleration: [T], stage: ParticleState<T>, sum: ParticleState<T>) {
      self.acceleration = acceleration
      self.stage = stage
      self.sum = sum
    }

    /// Evaluates a(x, v) of `state` into ``acceleration``.
    @inlinable
    public mutating func evaluate(_ system: ParticleSystem<T>, _ state: ParticleState<T>) {
      _ = system.field.accelerations(of: system, at: state, into: &acceleration)
    }
  }

  @usableFromInline var buffers: Buffers
  /// Whether the acceleration buffer holds the acceleration at the current state.
  public var hasCachedAcceleration = false

  /// Scratch for `system`.
  @inlinable
  public init(for system: ParticleSystem<T>) {
    let stage = ParticleState<T>(dimension: system.dimension, zerosFor: system.count)
    buffers = Buffers(acceleration: stage.positions, stage: stage, sum: stage)
  }

  /// Moves the buffers out (leaving empty ones, which allocate nothing).
  @inlinable
  public func take() -> Buffers {
    let empty = ParticleState<T>(dimension: buffers.stage.dimension, positions: [], velocities: [])
    var taken = Buffers(acceleration: [], stage: empty, sum: empty)
    swap(&taken, &buffers)
    return taken
  }

  /// Puts the buffers back.
  @inlinable
  public func keep(_ taken: consuming Buffers) { buffers = taken }
}
