import TandemAD
import TandemPhysics
import TandemRender

/// States of a plain `Double` run sampled every few steps: what the frames
/// show. Memory grows with the number of frames, not of steps.
public struct Trajectory: Sendable {
  /// One sampled state.
  public struct Sample: Sendable {
    /// Steps taken when it was sampled.
    public var step: Int
    /// Simulated time.
    public var time: Double
    /// Every particle's position, axis-major as in ``ParticleState``.
    public var positions: [Double]
    /// The number of particles.
    public var count: Int

    /// Every particle's position in the x–y plane (a 2-D frame's view).
    public var planarPoints: [Point] {
      (0..<count).map { Point(positions[$0], positions[count + $0]) }
    }
  }

  /// The samples, the initial state first and the final state last.
  public var samples: [Sample]
  /// The final state.
  public var finalState: ParticleState<Double>
  /// The number of steps taken.
  public var steps: Int
  /// The simulated time.
  public var time: Double
  /// The end-state loss.
  public var loss: Double
  /// Whether the stop condition ended the run.
  public var stoppedEarly: Bool

  /// Runs `description` with `parameters` on `Double`, sampling the state
  /// every `every` steps (and always the first and last).
  ///
  /// - Parameters:
  ///   - progress: Called after every step with the steps taken.
  ///   - visit: Called with the simulation at the start and after every step.
  /// - Throws: ``SimulationError`` when the state stops being finite, and
  ///   what `visit` throws.
  public static func record(
    _ description: SimulationDescription, parameters: [Double], every: Int,
    progress: (Int) -> Void = { _ in }, visit: (Simulation<Double>) throws -> Void = { _ in }
  ) throws -> Trajectory {
    var simulation = Simulation(description, parameters: parameters)
    try visit(simulation)
    func sample() -> Sample {
      Sample(
        step: simulation.stepsTaken, time: simulation.time,
        positions: simulation.state.positions, count: simulation.state.count)
    }
    var samples = [sample()]
    while !simulation.isFinished {
      try simulation.advance()
      progress(simulation.stepsTaken)
      try visit(simulation)
      if simulation.stepsTaken % max(every, 1) == 0 || simulation.isFinished {
        samples.append(sample())
      }
    }
    return Trajectory(
      samples: samples, finalState: simulation.state, steps: simulation.stepsTaken,
      time: simulation.time,
      loss: simulation.loss(), stoppedEarly: simulation.stoppedAtFraction != nil)
  }
}
