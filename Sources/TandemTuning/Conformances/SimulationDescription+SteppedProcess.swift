import TandemAD
import TandemPhysics

extension SimulationDescription: SteppedProcess {
  /// The maximum number of steps.
  public var stepCount: Int { steps }

  /// Positions and velocities, and the steps taken.
  public var snapshotBytes: Int { 8 * (2 * system.dimension * system.particles.count + 1) }

  /// Realises the system with `parameters` and hands the simulation to `driver`.
  @inlinable
  public func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var simulation = Simulation(self, parameters: parameters)
    try driver.drive(&simulation)
  }
}
