import TandemAD
import TandemProcess

/// The loss and gradient from checkpointed reverse mode, and what it cost.
public struct CheckpointedGradient: Sendable {
  /// The loss.
  public var loss: Double
  /// dL/dp for each tuned parameter.
  public var gradient: [Double]
  /// What the schedule did: steps, recomputations, snapshots.
  public var statistics: CheckpointSchedule.Statistics
  /// The bytes one snapshot takes.
  public var snapshotBytes: Int
  /// The most bytes the per-step tape held (the tape is cut back after
  /// every step, so this is one step's recording plus the prefix).
  public var tapeBytes: Int

  /// A result from its parts.
  public init(
    loss: Double, gradient: [Double], statistics: CheckpointSchedule.Statistics,
    snapshotBytes: Int, tapeBytes: Int
  ) {
    self.loss = loss
    self.gradient = gradient
    self.statistics = statistics
    self.snapshotBytes = snapshotBytes
    self.tapeBytes = tapeBytes
  }
}

extension SteppedProcess {
  /// The loss and its gradient with respect to the parameters at `tuned` by
  /// reverse mode through the whole process, with memory bounded by
  /// `snapshots` saved states however many steps it takes
  /// (``CheckpointSchedule`` states the schedule and its cost).
  ///
  /// The plain run goes forwards on `Double`, saving snapshots; each step is
  /// then reversed from its saved (or recomputed) state — by hand where the
  /// run can (``ProcessRun/reverseStepByHand(adjoint:quantityAdjoints:)``:
  /// a semi-implicit Euler step of springs, gravity and drag), the adjoints
  /// of the realised quantities it read seeded into the prefix at the end;
  /// otherwise the step is recorded
  /// from that state on the trajectory tape after the parameters' own
  /// recording (the *prefix*), swept back to give the adjoint of the state
  /// before it, and cut off again (``RecordedTape/sweepBack(seeding:with:downTo:)``).
  /// The parameters' adjoints accumulate in the prefix, which one last sweep
  /// turns into the gradient. A stop event is met in the forward sweep, and
  /// the last step's reversal goes through its interpolation.
  ///
  /// Equal to ``reverseGradient(parameters:tuned:byteLimit:)`` up to the
  /// order of additions, without its memory growing with the steps.
  @inlinable
  public func checkpointedReverseGradient(
    parameters: [Double], tuned: [Int], snapshots: Int = 128
  ) throws -> CheckpointedGradient {
    var driver = CheckpointedReverseDriver(
      process: self, parameters: parameters, tuned: tuned, snapshots: snapshots)
    try start(&driver, parameters: parameters)
    return driver.result!
  }
}

/// Receives the plain run and starts the recorded one beside it.
@usableFromInline
struct CheckpointedReverseDriver<Process: SteppedProcess>: RunDriver {
  @usableFromInline typealias Value = Double
  @usableFromInline let process: Process
  @usableFromInline let parameters: [Double]
  @usableFromInline let tuned: [Int]
  @usableFromInline let snapshots: Int
  @usableFromInline var result: CheckpointedGradient?

  @inlinable
  init(process: Process, parameters: [Double], tuned: [Int], snapshots: Int) {
    self.process = process
    self.parameters = parameters
    self.tuned = tuned
    self.snapshots = snapshots
  }

  @inlinable
  mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Double {
    let (process, parameters, tuned, snapshots) = (
      self.process, self.parameters, self.tuned, self.snapshots
    )
    result = try RecordedTape.record {
      var inputs = parameters.map { Recorded(constant: $0) }
      for index in tuned { inputs[index] = Recorded.variable(parameters[index]) }
      var adjoint = AdjointDriver(primal: run, snapshots: snapshots)
      try process.start(&adjoint, parameters: inputs)
      var result = adjoint.result!
      result.gradient = tuned.map { RecordedTape.adjoint(of: inputs[$0]) }
      return result
    }
  }
}

/// Holds both runs — the plain one and one on ``Recorded`` numbers, realised
/// from the recorded parameters — and reverses the process.
@usableFromInline
struct AdjointDriver<Primal: ProcessRun>: RunDriver where Primal.Value == Double {
  @usableFromInline typealias Value = Recorded
  @usableFromInline var primal: Primal
  @usableFromInline let snapshots: Int
  @usableFromInline var result: CheckpointedGradient?

  @inlinable
  init(primal: Primal, snapshots: Int) {
    self.primal = primal
    self.snapshots = snapshots
  }

  @inlinable
  mutating func drive<Run: ProcessRun>(_ recorded: inout Run) throws where Run.Value == Recorded {
    // The initial state, as recorded from the parameters (the prefix).
    let initial = recorded.stateValues
    let prefix = RecordedTape.position
    RecordedTape.beginAccumulating()
    var sweep = AdjointSweep(primal: primal, recorded: recorded, prefix: prefix, slots: snapshots)
    let statistics = try CheckpointSchedule(slots: snapshots).reverse(&sweep)
    // The adjoints of the initial state and of the quantities the steps
    // reversed by hand read, into the prefix, and the prefix swept.
    var seeds = initial
    var weights = sweep.adjoint
    if sweep.quantityAdjoints.contains(where: { $0 != 0 }) {
      seeds += sweep.recorded.realisedQuantities
      weights += sweep.quantityAdjoints
    }
    RecordedTape.sweepBack(seeding: seeds, with: weights, downTo: 0)
    result = CheckpointedGradient(
      loss: sweep.loss, gradient: [], statistics: statistics,
      snapshotBytes: sweep.pool.first?.byteCount ?? 0, tapeBytes: sweep.tapeBytes)
  }
}

/// The two runs seen as one ``CheckpointedRun``: the plain run advances,
/// saves and restores; a reverse step records the step on the recorded run
/// from the plain run's current state.
@usableFromInline
struct AdjointSweep<Primal: ProcessRun, Reversed: ProcessRun>: CheckpointedRun
where Primal.Value == Double, Reversed.Value == Recorded {
  @usableFromInline var primal: Primal
  @usableFromInline var recorded: Reversed
  /// Where the tape's prefix ends.
  @usableFromInline let prefix: Int
  /// The snapshot slots.
  @usableFromInline var pool: [ProcessSnapshot]
  /// The state being reversed from, saved for the recorded run.
  @usableFromInline var scratch = ProcessSnapshot()
  /// The adjoint of the state after the step being reversed.
  @usableFromInline var adjoint: [Double] = []
  /// The adjoints of the primal run's ``ProcessRun/realisedQuantities``
  /// from the steps it reversed by hand.
  @usableFromInline var quantityAdjoints: [Double]
  @usableFromInline var loss = Double.nan
  @usableFromInline var tapeBytes = 0

  @inlinable
  init(primal: Primal, recorded: Reversed, prefix: Int, slots: Int) {
    self.primal = primal
    self.recorded = recorded
    self.prefix = prefix
    pool = Array(repeating: ProcessSnapshot(), count: slots)
    quantityAdjoints = Array(repeating: 0, count: primal.realisedQuantities.count)
  }

  @inlinable var isFinished: Bool { primal.isFinished }
  @inlinable var stepsTaken: Int { primal.stepsTaken }
  @inlinable mutating func advance() throws { try primal.advance() }
  @inlinable mutating func save(toSlot slot: Int) { primal.save(into: &pool[slot]) }
  @inlinable mutating func restore(fromSlot slot: Int) {
    primal.restore(from: pool[slot], making: { $0 })
  }

  /// Records `body` on the recorded run from the plain run's state, sweeps
  /// back from what it returns weighted by `weights`, and makes the adjoint
  /// that of the state it started from.
  @inlinable
  mutating func reverse(_ body: (inout Reversed) throws -> ([Recorded], [Double])) rethrows {
    primal.save(into: &scratch)
    recorded.restore(from: scratch, making: Recorded.variable)
    let inputs = recorded.stateValues
    let (outputs, weights) = try body(&recorded)
    tapeBytes = max(tapeBytes, RecordedTape.recordedByteCount)
    RecordedTape.sweepBack(seeding: outputs, with: weights, downTo: prefix)
    adjoint = inputs.map { RecordedTape.adjoint(of: $0) }
    RecordedTape.truncate(to: prefix)
  }

  @inlinable
  mutating func seedLoss() throws {
    loss = primal.loss()
    reverse { run in ([run.loss()], [1]) }
  }

  @inlinable
  mutating func reverseStep() throws {
    if primal.reverseStepByHand(adjoint: &adjoint, quantityAdjoints: &quantityAdjoints) { return }
    let after = adjoint
    try reverse { run in
      try run.advance()
      return (run.stateValues, after)
    }
  }
}
