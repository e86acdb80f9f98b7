import TandemAD
import TandemPhysics

extension SimulationDescription: SteppedProcess {
  /// The maximum number of steps.
  public var stepCount: Int { steps }

  /// Realises the system with `parameters` and hands the simulation to `driver`.
  @inlinable
  public func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var simulation = Simulation(self, parameters: parameters)
    try driver.drive(&simulation)
  }
}
