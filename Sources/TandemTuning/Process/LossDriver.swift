import TandemAD
import TandemProcess

/// Runs a process to its end and reads the final loss, resetting tangents
/// after every step when the horizon is greedy.
public struct LossDriver<Value: Scalar>: RunDriver {
  /// The horizon. This driver never updates parameters: `.online` drives
  /// like `.full`, and `.greedy` gives the derivative through the last step
  /// only. ``InRunTuningDriver`` updates them during the run.
  public var horizon: Horizon
  /// Called after every step with the number of steps taken.
  public var progress: ((Int) -> Void)?
  /// The loss at the end, once driven.
  public var loss: Value?
  /// The number of steps the run took.
  public var stepsTaken = 0

  /// Creates a driver.
  public init(horizon: Horizon = .full, progress: ((Int) -> Void)? = nil) {
    self.horizon = horizon
    self.progress = progress
  }

  /// Runs every step, then reads the loss.
  @inlinable
  public mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Value {
    while !run.isFinished {
      if horizon == .greedy { run.stopTangents() }
      try run.advance()
      progress?(run.stepsTaken)
    }
    loss = run.loss()
    stepsTaken = run.stepsTaken
  }
}

extension SteppedProcess {
  /// The final loss of a run with `parameters`, on their scalar type.
  @inlinable
  public func loss<T: Scalar>(parameters: [T], horizon: Horizon = .full) throws -> T {
    var driver = LossDriver<T>(horizon: horizon)
    try start(&driver, parameters: parameters)
    return driver.loss!
  }
}
