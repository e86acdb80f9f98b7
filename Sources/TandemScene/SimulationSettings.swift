import TandemPhysics

/// The `simulation:` block: how the physics is stepped.
public struct SimulationSettings: Hashable, Sendable {
  /// The integrator (the engine's own type); default `semi-implicit-euler`.
  public var integrator: Integrator
  /// The time step (required; positive at the current parameter values).
  public var dt: SceneNumber
  /// The number of steps (a plain whole number ≥ 1); the maximum when `stop` is set.
  public var steps: Int
  /// An early stop, if any.
  public var stop: SceneStopCondition?

  /// Settings from their fields.
  public init(
    integrator: Integrator = .semiImplicitEuler, dt: SceneNumber, steps: Int,
    stop: SceneStopCondition? = nil
  ) {
    self.integrator = integrator
    self.dt = dt
    self.steps = steps
    self.stop = stop
  }
}

/// `stop: { particle: probe, axis: y, below: 0 }`: the run ends at the first
/// step whose new state has the particle's coordinate past `value`; the end
/// state is the linear interpolation between the last two states at the
/// crossing, so the loss stays differentiable.
public struct SceneStopCondition: Hashable, Sendable {
  /// The watched particle: a selector naming exactly one particle.
  public var particle: ParticleSelector
  /// The watched coordinate.
  public var axis: Axis
  /// The direction of the crossing (the key used: `below` or `above`).
  public var crossing: StopCondition.Crossing
  /// The threshold.
  public var value: SceneNumber

  /// A stop condition from its fields.
  public init(
    particle: ParticleSelector, axis: Axis, crossing: StopCondition.Crossing, value: SceneNumber
  ) {
    self.particle = particle
    self.axis = axis
    self.crossing = crossing
    self.value = value
  }
}
