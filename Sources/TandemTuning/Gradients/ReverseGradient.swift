import TandemAD
import TandemProcess

extension SteppedProcess {
  /// The loss and its gradient with respect to the parameters at `tuned` by
  /// reverse mode through the whole trajectory ("backpropagation through
  /// time"): the process runs once on ``Recorded`` numbers, every operation
  /// of every step — including each step's own inner reverse pass — is
  /// recorded, and one backward pass gives the gradient.
  ///
  /// This is the independent reference for the forward hypergradient. Its
  /// memory grows linearly with the number of steps (see `recordedBytes`):
  /// when the recording is projected, from the steps taken so far, to
  /// exceed `byteLimit`, the run stops and throws
  /// ``TuningError/recordingTooLarge(projectedBytes:limit:)`` before the
  /// machine runs out of memory.
  @inlinable
  public func reverseGradient(
    parameters: [Double], tuned: [Int], byteLimit: Int = 8 << 30
  ) throws -> (loss: Double, gradient: [Double], recordedBytes: Int) {
    try RecordedTape.record {
      var inputs = parameters.map { Recorded(constant: $0) }
      for index in tuned { inputs[index] = Recorded.variable(parameters[index]) }
      var driver = BudgetedRecordingDriver(byteLimit: byteLimit, plannedSteps: stepCount)
      try start(&driver, parameters: inputs)
      let loss = driver.loss!
      let bytes = RecordedTape.recordedByteCount
      RecordedTape.backward(from: loss)
      return (loss.value, tuned.map { RecordedTape.adjoint(of: inputs[$0]) }, bytes)
    }
  }
}

/// Runs a process on ``Recorded`` numbers to its end, stopping early when
/// the trajectory tape is on course to outgrow a byte budget
/// (``RecordingBudget``).
@usableFromInline
struct BudgetedRecordingDriver: RunDriver {
  @usableFromInline typealias Value = Recorded
  @usableFromInline var budget: RecordingBudget
  @usableFromInline var loss: Recorded?

  @inlinable
  init(byteLimit: Int, plannedSteps: Int) {
    budget = RecordingBudget(byteLimit: byteLimit, plannedSteps: plannedSteps)
  }

  @inlinable
  mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Recorded {
    while !run.isFinished {
      try run.advance()
      try budget.check(stepsTaken: run.stepsTaken)
    }
    loss = run.loss()
  }
}

/// Watches the trajectory tape grow, step by step, against a byte budget.
///
/// The projection is the bytes recorded so far plus the recent rate per
/// step (between the last two checks) times the steps still planned, not
/// the average since the start: the first step records less than the later
/// ones (the state starts as constants, so less of it is recorded), and the
/// average underestimated the cloth scene's 1189 MiB as 511 MiB. So the
/// first check is after the second step (two steps may record past a tiny
/// limit), and as the rate is steady from then on, the estimate hardly
/// depends on which check first crosses the limit.
@usableFromInline
struct RecordingBudget {
  @usableFromInline let byteLimit: Int
  @usableFromInline let plannedSteps: Int
  @usableFromInline var previous: (steps: Int, bytes: Int)?

  @inlinable
  init(byteLimit: Int, plannedSteps: Int) {
    (self.byteLimit, self.plannedSteps) = (byteLimit, plannedSteps)
  }

  /// Throws ``TuningError/recordingTooLarge(projectedBytes:limit:)`` when
  /// the recording is on course to outgrow the budget.
  @inlinable
  mutating func check(stepsTaken steps: Int) throws {
    // Check at powers of two, so the projection costs nothing measurable.
    guard steps & (steps - 1) == 0 else { return }
    let bytes = RecordedTape.recordedByteCount
    if let previous {
      let rate = Double(bytes - previous.bytes) / Double(steps - previous.steps)
      let projected = Double(bytes) + rate * Double(max(plannedSteps - steps, 0))
      if projected > Double(byteLimit) {
        throw TuningError.recordingTooLarge(projectedBytes: Int(projected), limit: byteLimit)
      }
    }
    previous = (steps, bytes)
  }
}
