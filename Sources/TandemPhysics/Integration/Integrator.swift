import RealModule
import TandemAD

/// A time-stepping scheme for the particle state (x, v) with a(x, v) = F/m,
/// as a scene names it (`simulation: { integrator: NAME }`).
///
/// A value type that identifies a scheme by its name; the scheme itself is
/// any ``IntegrationScheme``. Each scheme's file declares its static member
/// (``euler``, ``semiImplicitEuler``, ``velocityVerlet``, ``rk4``), and
/// ``allCases`` lists them for the scene reader, its error messages and the
/// equivalence test.
public struct Integrator: Sendable, Hashable, RawRepresentable, CaseIterable,
  CustomStringConvertible
{
  /// The scheme.
  public let scheme: any IntegrationScheme

  /// The integrator running `scheme`.
  public init(_ scheme: any IntegrationScheme) { self.scheme = scheme }

  /// The integrator named `name` (its ``rawValue``), if there is one.
  public init?(rawValue name: String) {
    guard let found = Self.allCases.first(where: { $0.rawValue == name }) else { return nil }
    self = found
  }

  /// Every integrator Tandem ships, in the order the docs list them.
  public static let allCases: [Integrator] = [.euler, .semiImplicitEuler, .velocityVerlet, .rk4]

  /// The scheme's name, as a scene writes it.
  public var rawValue: String { scheme.name }
  /// The scheme's name.
  public var description: String { rawValue }
  /// The global order of accuracy: the error at a fixed time shrinks like dtᵖ.
  public var order: Int { scheme.order }

  /// Two integrators are equal when they name the same scheme.
  public static func == (lhs: Integrator, rhs: Integrator) -> Bool { lhs.rawValue == rhs.rawValue }
  /// Hashes the name.
  public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

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
