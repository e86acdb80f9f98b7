import TandemAD

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
}

extension SteppedProcess {
  /// Runs the process once on dual numbers, updating the tuned parameters
  /// during the run as `horizon` says (see ``InRunTuningDriver``): every
  /// `K` steps for `.online(every: K)`, every step with tangents reset for
  /// `.greedy`, never for `.full` (which then just reads the hypergradient).
  ///
  /// All tuned parameters share one run, so at most 8 can be tuned; this
  /// picks the smallest of 1, 2, 3, 4 or 8 tangent directions that fits.
  public func tuneDuringRun(
    parameters: [Double], tuned: [TunedParameter], horizon: Horizon,
    method: TuningMethod = .gradientDescent,
    rate: Double, recordsUpdates: Bool = true
  ) throws -> InRunTuning {
    switch tuned.count {
    case 0: throw TuningError.nothingToTune
    case 1:
      try inRun(Dual<1, Double>.self, parameters, tuned, horizon, method, rate, recordsUpdates)
    case 2:
      try inRun(Dual<2, Double>.self, parameters, tuned, horizon, method, rate, recordsUpdates)
    case 3:
      try inRun(Dual<3, Double>.self, parameters, tuned, horizon, method, rate, recordsUpdates)
    case 4:
      try inRun(Dual<4, Double>.self, parameters, tuned, horizon, method, rate, recordsUpdates)
    default:
      try inRun(Dual<8, Double>.self, parameters, tuned, horizon, method, rate, recordsUpdates)
    }
  }

  func inRun<let N: Int>(
    _: Dual<N, Double>.Type, _ parameters: [Double], _ tuned: [TunedParameter], _ horizon: Horizon,
    _ method: TuningMethod, _ rate: Double, _ recordsUpdates: Bool
  ) throws -> InRunTuning {
    var driver = try InRunTuningDriver<N>(
      values: parameters, tuned: tuned, horizon: horizon, method: method, rate: rate)
    driver.recordsUpdates = recordsUpdates
    try start(&driver, parameters: driver.seededValues)
    return InRunTuning(
      values: driver.values, loss: driver.finalLoss!, gradient: driver.finalGradient,
      updates: driver.updates)
  }
}
