import TandemAD
import TandemProcess

extension SimulationDescription: SteppedProcess {
  /// The maximum number of steps.
  public var stepCount: Int { steps }

  /// 2 for steps reversed by hand (measured 1.5 on B4: the adjoint step
  /// beside a plain step of 13 µs), 100 for steps recorded on the trajectory
  /// tape (measured 68 on B4 before the hand-written step).
  public var reverseStepCost: Double { stepsReverseByHand ? 2 : 100 }

  /// Every observation row's components, then the end-state terms'
  /// residuals (see ``ObjectiveTerm/appendResiduals(on:of:parameters:to:)``).
  public var residualCount: Int? {
    var count = observations.reduce(0) { $0 + $1.data.residualCount }
    for term in objective {
      switch term.kind {
      case .coordinate(let particles, _, _): count += particles.count
      case .position(let particles, _), .kineticEnergy(let particles):
        count += particles.count * system.dimension
      case .distance: count += 1
      }
    }
    return count
  }

  /// Positions and velocities, the observation terms' sum (when there are
  /// any), and the steps taken.
  public var snapshotBytes: Int {
    8 * (2 * system.dimension * system.particles.count + (observations.isEmpty ? 1 : 2))
  }

  /// Realises the system with `parameters` and hands the simulation to `driver`.
  @inlinable
  public func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var simulation = Simulation(self, parameters: parameters)
    try driver.drive(&simulation)
  }
}
