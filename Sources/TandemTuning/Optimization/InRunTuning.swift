import TandemAD
import TandemProcess

/// The outcome of one run that tuned its parameters as it went.
public struct InRunTuning: Sendable {
  /// Every parameter's value at the end of the run, tuned or not.
  public var values: [Double]
  /// The loss at the end of the run.
  public var loss: Double
  /// dL/dvalue at the end of the run along the horizon, in the tuner's order.
  public var gradient: [Double]
  /// Every update made during the run.
  public var updates: [InRunUpdate]

  @usableFromInline
  init(values: [Double], loss: Double, gradient: [Double], updates: [InRunUpdate]) {
    (self.values, self.loss, self.gradient, self.updates) = (values, loss, gradient, updates)
  }
}

extension SteppedProcess {
  /// Runs the process once on dual numbers, updating the tuned parameters
  /// during the run as `horizon` says (see ``InRunTuningDriver``): every
  /// `K` steps for `.online(every: K)`, every step with tangents reset for
  /// `.greedy`, never for `.full` (which then just reads the hypergradient).
  ///
  /// All tuned parameters share one run, so at most
  /// ``TangentWidth/maximum`` can be tuned; ``TangentWidth/withWidth(fitting:_:)``
  /// picks the width.
  @inlinable
  public func tuneDuringRun(
    parameters: [Double], tuned: [TunedParameter], horizon: Horizon,
    method: TuningMethod = .gradientDescent,
    rate: Double, recordsUpdates: Bool = true
  ) throws -> InRunTuning {
    guard !tuned.isEmpty else { throw TuningError.nothingToTune }
    guard tuned.count <= TangentWidth.maximum else {
      throw TuningError.tooManyParametersForInRunTuning(
        count: tuned.count, limit: TangentWidth.maximum)
    }
    return try TangentWidth.withWidth(
      fitting: tuned.count,
      InRun(
        process: self, parameters: parameters, tuned: tuned, horizon: horizon, method: method,
        rate: rate, recordsUpdates: recordsUpdates))
  }
}

/// One run on `Dual<N, Double>` driven by an ``InRunTuningDriver``.
@usableFromInline
struct InRun<Process: SteppedProcess>: TangentWidthComputation {
  @usableFromInline let process: Process
  @usableFromInline let parameters: [Double]
  @usableFromInline let tuned: [TunedParameter]
  @usableFromInline let horizon: Horizon
  @usableFromInline let method: TuningMethod
  @usableFromInline let rate: Double
  @usableFromInline let recordsUpdates: Bool

  @inlinable
  init(
    process: Process, parameters: [Double], tuned: [TunedParameter], horizon: Horizon,
    method: TuningMethod, rate: Double, recordsUpdates: Bool
  ) {
    self.process = process
    self.parameters = parameters
    self.tuned = tuned
    self.horizon = horizon
    self.method = method
    self.rate = rate
    self.recordsUpdates = recordsUpdates
  }

  @inlinable
  func run<let N: Int>(_: Dual<N, Double>.Type) throws -> InRunTuning {
    var driver = try InRunTuningDriver<N>(
      values: parameters, tuned: tuned, horizon: horizon, method: method, rate: rate)
    driver.recordsUpdates = recordsUpdates
    try process.start(&driver, parameters: driver.seededValues)
    return InRunTuning(
      values: driver.values, loss: driver.finalLoss!, gradient: driver.finalGradient,
      updates: driver.updates)
  }
}
