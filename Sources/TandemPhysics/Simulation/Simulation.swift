import RealModule
import TandemAD
import TandemProcess

/// A simulation in progress on scalar type `T`: the realised system, its
/// state, and the stepper. Only the current state (and, with a stop
/// condition, the previous one) is kept, so memory does not grow with the
/// number of steps.
public struct Simulation<T: Scalar> {
  /// What is being simulated.
  public let description: SimulationDescription
  /// The parameters' values on `T`.
  public private(set) var parameters: [T]
  /// The realised system.
  public private(set) var system: ParticleSystem<T>
  /// The current state.
  @inlinable public var state: ParticleState<T> { currentState }
  @usableFromInline var currentState: ParticleState<T>
  /// The step size.
  public private(set) var timeStep: T
  /// Steps taken so far.
  @inlinable public var stepsTaken: Int { stepCount }
  @usableFromInline var stepCount = 0
  /// The fraction of the last step at which the stop condition was met, if it was.
  @inlinable public var stoppedAtFraction: T? { stopFraction }
  @usableFromInline var stopFraction: T?
  @usableFromInline var stepper: TimeStepper<T>
  @usableFromInline var previous: ParticleState<T>
  /// The observation terms' weighted sum so far (see ``ObservationTerm``).
  @usableFromInline var observed = T.zero
  /// For each observation term, its first row not yet observed.
  @usableFromInline var nextObservation: [Int]
  /// The observation terms' weighted sum so far: part of ``loss()``.
  @inlinable public var observedSoFar: T { observed }
  /// Whether every residual is kept (see ``keepResiduals()``).
  @usableFromInline var keepsResiduals = false
  /// For each observation term, its residuals so far, when kept.
  @usableFromInline var observationResiduals: [[T]] = []
  /// Scratch for ``reverseStepByHand(adjoint:quantityAdjoints:)``.
  @usableFromInline let workspace = ReverseWorkspace()
  /// The integrator's scheme when the description lets steps be reversed by
  /// hand (``SimulationDescription/integratorReversesByHand``), read once.
  @usableFromInline let reversibleScheme: (any HandReversibleScheme)?

  /// Whether the previous state is kept for the step after: for a stop
  /// condition's crossing, or to interpolate observations between steps.
  @inlinable var keepsPrevious: Bool {
    description.stop != nil || !description.observations.isEmpty
  }

  /// Realises `description` with `parameters` and prepares the first step.
  ///
  /// Inlinable, so that the system is realised specialised for the scalar
  /// (see ``ParticleSystem/realise(_:parameters:)``).
  @inlinable
  public init(_ description: SimulationDescription, parameters: [T]) {
    self.init(
      description, parameters: parameters,
      realised: ParticleSystem.realise(description.system, parameters: parameters))
  }

  /// Prepares the first step of `description` with `parameters`, realised.
  @usableFromInline
  init(
    _ description: SimulationDescription, parameters: [T],
    realised: (system: ParticleSystem<T>, state: ParticleState<T>)
  ) {
    self.description = description
    self.parameters = parameters
    (system, currentState) = realised
    timeStep = description.timeStep.value(in: parameters)
    stepper = TimeStepper(description.integrator, for: system)
    reversibleScheme =
      description.integratorReversesByHand
      ? description.integrator.scheme as? any HandReversibleScheme : nil
    previous = currentState
    nextObservation = description.observations.map { _ in 0 }
    try? observe(since: nil)  // the rows at time 0; throws only when the run is over
  }

  /// Whether the run is over: all steps taken, or the stop condition met.
  @inlinable
  public var isFinished: Bool { stepsTaken >= description.steps || stoppedAtFraction != nil }

  /// Simulated time so far: steps taken times dt, less the unused part of a
  /// step cut short by the stop condition.
  public var time: T {
    let whole = T(Double(stepsTaken)) * timeStep
    guard let fraction = stoppedAtFraction else { return whole }
    return whole - (1 - fraction) * timeStep
  }

  /// Takes one step, then applies the stop condition.
  ///
  /// - Throws: ``SimulationError/nonFinite(step:particle:quantity:)`` when a
  ///   position or velocity stops being finite, naming the step and particle;
  ///   ``SimulationError/observationAfterEnd(file:line:time:end:)`` when the
  ///   run ends before an observed time.
  ///
  /// Inlinable, like the tuning entry points that drive it, so that the run
  /// is specialised for its scalar wherever the process's type is known.
  @inlinable
  public mutating func advance() throws {
    guard !isFinished else { return }
    if keepsPrevious { previous.copy(from: currentState) }
    stepper.step(&currentState, of: system, dt: timeStep)
    stepCount += 1
    if let (particle, quantity) = currentState.firstNonFinite() {
      throw SimulationError.nonFinite(
        step: stepsTaken, particle: description.system.particles[particle].name, quantity: quantity)
    }
    if let stop = description.stop { applyStop(stop) }
    if !description.observations.isEmpty {
      try observe(since: T(Double(stepsTaken - 1)) * timeStep)
    }
  }

  /// Ends the run at the crossing, if this step crossed the threshold.
  @inlinable
  mutating func applyStop(_ stop: StopCondition) {
    let threshold = stop.threshold.value(in: parameters)
    let before = previous.coordinate(stop.particle, stop.axis)
    let after = currentState.coordinate(stop.particle, stop.axis)
    let crossed = stop.crossing == .below ? after < threshold : after > threshold
    guard crossed else { return }
    let startedPast = stop.crossing == .below ? before < threshold : before > threshold
    if startedPast || before == after {
      stopFraction = 1
      return
    }
    let fraction = (before - threshold) / (before - after)
    currentState = ParticleState.interpolating(previous, currentState, at: fraction)
    stopFraction = fraction
  }

  /// Runs every remaining step.
  @inlinable
  public mutating func run() throws {
    while !isFinished { try advance() }
  }

  /// The loss: the sum of the objective's weighted terms on the current
  /// state, plus the observation terms' sums so far (0 when there are none).
  @inlinable
  public func loss() -> T {
    var total = observed
    for term in description.objective {
      total += term.value(on: state, of: system, parameters: parameters)
    }
    return total
  }

  /// The potential energy of the current state.
  public func potentialEnergy() -> T {
    system.field.potentialEnergy(positions: state.positions)
  }

  /// The total mechanical energy (kinetic plus potential) of the current state.
  public func energy() -> T { system.kineticEnergy(of: state) + potentialEnergy() }

  /// Replaces the parameters for the steps to come, keeping the state: the
  /// system is realised again (rest lengths that default to the initial
  /// distance are measured on the initial positions with the new values).
  public mutating func updateParameters(_ parameters: [T]) {
    self.parameters = parameters
    system = ParticleSystem.realise(description.system, parameters: parameters).system
    timeStep = description.timeStep.value(in: parameters)
    stepper.invalidateCache()
  }

  /// Puts the run back at `state` after `steps` steps (the stop condition
  /// not yet met), with `observed` the observation terms' sum by then:
  /// checkpointed reverse mode restores saved states this way. The next
  /// ``advance()`` computes from `state` alone, as the run that reached it
  /// did (a cached acceleration is dropped, and recomputed to the same
  /// value); the rows still to observe are those after the time reached.
  @inlinable
  public mutating func restart(
    from state: ParticleState<T>, afterSteps steps: Int, observed: T = .zero
  ) {
    precondition(
      state.dimension == currentState.dimension && state.count == currentState.count,
      "a state of another system")
    currentState = state
    stepCount = steps
    stopFraction = nil
    stepper.invalidateCache()
    self.observed = observed
    let reached = time.doubleValue + observationTolerance
    // By bisection: checkpointed reverse mode restarts at every step it
    // reverses, and a scan would cost the rows at each.
    for t in nextObservation.indices {
      nextObservation[t] = description.observations[t].data.firstRow(after: reached)
    }
    for t in observationResiduals.indices { observationResiduals[t].removeAll() }
  }

  /// Removes every forward-mode tangent from the state, so derivatives
  /// taken from here on ignore how the state was reached (a truncated horizon).
  public mutating func stopTangents() {
    currentState = currentState.tangentStopped
    observed = observed.tangentStopped
    stepper.invalidateCache()
  }
}
