import RealModule
import TandemAD
import TandemProcess

/// Everything needed to run a simulation: the system, how to integrate it,
/// for how long, when to stop early, and the end-state loss.
public struct SimulationDescription: Sendable {
  /// The particle system.
  public var system: SystemDescription
  /// The time-stepping scheme.
  public var integrator: Integrator
  /// The step size dt, positive.
  public var timeStep: Quantity
  /// The number of steps (the maximum, when ``stop`` is set).
  public var steps: Int
  /// An optional early stop.
  public var stop: StopCondition?
  /// The end-state loss; empty when the scene has none.
  public var objective: [ObjectiveTerm]
  /// The terms of the loss measured along the run: distances from recorded
  /// motion, added to the end-state terms.
  public var observations: [ObservationTerm]

  /// Whether the scene has a loss: an end-state or an observation term.
  public var hasObjective: Bool { !objective.isEmpty || !observations.isEmpty }

  /// The same simulation cut to its first `steps` steps (at most), its
  /// observations kept up to the new end at the step size `dt`.
  public func shortened(to steps: Int, dt: Double) -> SimulationDescription {
    var result = self
    result.steps = min(self.steps, steps)
    let end = Double(result.steps) * dt * (1 + 1e-12)
    result.observations = observations.map {
      ObservationTerm($0.data.prefix(through: end), weight: $0.weight)
    }
    return result
  }

  /// Creates a simulation description.
  public init(
    system: SystemDescription, integrator: Integrator = .semiImplicitEuler, timeStep: Quantity,
    steps: Int, stop: StopCondition? = nil, objective: [ObjectiveTerm] = [],
    observations: [ObservationTerm] = []
  ) {
    self.system = system
    self.integrator = integrator
    self.timeStep = timeStep
    self.steps = steps
    self.stop = stop
    self.objective = objective
    self.observations = observations
  }
}

/// Ends a run at the first step whose new state has a particle's coordinate
/// past a threshold. The end state is then interpolated linearly between the
/// last two states at the crossing, so the loss stays differentiable with
/// respect to every parameter (including those that move the crossing).
public struct StopCondition: Sendable {
  /// Which way the coordinate crosses the threshold.
  public enum Crossing: String, Sendable, CaseIterable {
    /// The run stops when the coordinate falls below the threshold.
    case below
    /// The run stops when the coordinate rises above the threshold.
    case above
  }

  /// The particle watched.
  public var particle: Int
  /// The coordinate watched.
  public var axis: Axis
  /// The threshold.
  public var threshold: Quantity
  /// The direction of the crossing.
  public var crossing: Crossing

  /// Creates a stop condition.
  public init(particle: Int, axis: Axis, crossing: Crossing, threshold: Quantity) {
    self.particle = particle
    self.axis = axis
    self.crossing = crossing
    self.threshold = threshold
  }
}
