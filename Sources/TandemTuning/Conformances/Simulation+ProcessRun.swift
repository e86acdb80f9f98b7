import TandemAD
import TandemPhysics

extension Simulation: ProcessRun {
  /// The positions, then the velocities, each axis-major.
  @inlinable
  public var stateValues: [T] { state.positions + state.velocities }

  /// Saves the positions and velocities, and the steps taken.
  @inlinable
  public func save(into snapshot: inout ProcessSnapshot) {
    let state = self.state
    snapshot.values.removeAll(keepingCapacity: true)
    for value in state.positions { snapshot.values.append(value.doubleValue) }
    for value in state.velocities { snapshot.values.append(value.doubleValue) }
    snapshot.counters.removeAll(keepingCapacity: true)
    snapshot.counters.append(stepsTaken)
  }

  /// Restores the positions, velocities and steps taken.
  @inlinable
  public mutating func restore(from snapshot: ProcessSnapshot, making make: (Double) -> T) {
    let half = snapshot.values.count / 2
    let restored = ParticleState(
      dimension: state.dimension, positions: snapshot.values[..<half].map(make),
      velocities: snapshot.values[half...].map(make))
    restart(from: restored, afterSteps: snapshot.counters[0])
  }

  /// Reverses a semi-implicit Euler step of springs, gravity and drag by hand
  /// (see ``Simulation/reverseStepByHand(adjoint:quantityAdjoints:)``); any
  /// other step, or a run on another scalar, is left to be recorded.
  @inlinable
  public mutating func reverseStepByHand(
    adjoint: inout [Double], quantityAdjoints: inout [Double]
  ) -> Bool {
    guard T.self == Double.self else { return false }
    let run = unsafeBitCast(self, to: Simulation<Double>.self)
    guard run.reversesStepsByHand else { return false }
    run.reverseStepByHand(adjoint: &adjoint, quantityAdjoints: &quantityAdjoints)
    return true
  }
}
