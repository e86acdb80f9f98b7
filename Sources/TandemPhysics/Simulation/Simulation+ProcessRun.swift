import TandemAD
import TandemProcess

extension Simulation: ProcessRun {
  /// The positions, then the velocities, each axis-major; then, when the
  /// objective observes recorded motion, the observation terms' sum so far
  /// (a running total the loss reads, so its adjoint flows through the steps).
  @inlinable
  public var stateValues: [T] {
    let values = state.positions + state.velocities
    return description.observations.isEmpty ? values : values + [observedSoFar]
  }

  /// Saves what ``stateValues`` lists, and the steps taken.
  @inlinable
  public func save(into snapshot: inout ProcessSnapshot) {
    let state = self.state
    snapshot.values.removeAll(keepingCapacity: true)
    for value in state.positions { snapshot.values.append(value.doubleValue) }
    for value in state.velocities { snapshot.values.append(value.doubleValue) }
    if !description.observations.isEmpty { snapshot.values.append(observedSoFar.doubleValue) }
    snapshot.counters.removeAll(keepingCapacity: true)
    snapshot.counters.append(stepsTaken)
  }

  /// Restores what ``save(into:)`` saved.
  @inlinable
  public mutating func restore(from snapshot: ProcessSnapshot, making make: (Double) -> T) {
    let coordinates = state.positions.count
    let values = snapshot.values
    let restored = ParticleState(
      dimension: state.dimension, positions: values[..<coordinates].map(make),
      velocities: values[coordinates..<(2 * coordinates)].map(make))
    restart(
      from: restored, afterSteps: snapshot.counters[0],
      observed: values.count > 2 * coordinates ? make(values[2 * coordinates]) : .zero)
  }

  /// Reverses the step by hand when the run is on `Double` and its scheme and
  /// every force opt in (see ``Simulation/reversesStepsByHand``); any other
  /// step, or a run on another scalar, is left to be recorded.
  @inlinable
  public mutating func reverseStepByHand(
    adjoint: inout [Double], quantityAdjoints: inout [Double]
  ) -> Bool {
    guard
      let run = FastScalars.value(
        self, on: T.self, as: Simulation<Double>.self, ifScalarIs: Double.self),
      run.reversesStepsByHand
    else { return false }
    run.reverseStepByHand(adjoint: &adjoint, quantityAdjoints: &quantityAdjoints)
    return true
  }
}
