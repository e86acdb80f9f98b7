import TandemAD
import TandemProcess

/// One update of the tuned parameters during a run (online and greedy
/// horizons).
public struct InRunUpdate: Sendable, Equatable {
  /// The steps taken when the tangents were read.
  public var step: Int
  /// The loss read then.
  public var loss: Double
  /// dL/dvalue for each tuned parameter, in the tuner's order, as read.
  public var gradient: [Double]
  /// Each tuned parameter's value after the update, in the tuner's order.
  public var values: [Double]
}

/// Drives one run on `Dual<N, Double>` with the tuned parameters seeded,
/// updating them during the run: the online and greedy horizons.
///
/// Every `K` steps (K = 1 for `.greedy`, K for `.online(every: K)`, never for
/// `.full`) the driver reads the loss's tangents — dL/dθ along the horizon —
/// turns them into a gradient in each parameter's optimizer coordinate (see
/// ``TunedParameter``), takes one step of the method's optimizer on it (a
/// ``GradientStepOptimizer`` that ``OuterOptimizer/stepsDuringRuns``), maps back to values clamped into the bounds, and hands the
/// new values, seeded again, to the run with
/// ``ProcessRun/updateParameters(_:)``. With `.greedy` it also stops the
/// state's tangents before every step, so each update sees only the last
/// step. Updates happen after the last step too, so the values the run ends
/// with can seed the next run.
public struct InRunTuningDriver<let N: Int>: RunDriver {
  /// The scalar the run uses.
  public typealias Value = Dual<N, Double>

  /// Every parameter's current value, tuned or not, in the process's order.
  public private(set) var values: [Double]
  /// The parameters tuned (at most `N`); parameter i is seeded along
  /// direction i.
  public let tuned: [TunedParameter]
  /// When tangents are reset and updates happen.
  public let horizon: Horizon
  /// The method: one whose optimizer steps during runs (its state, Adam's
  /// moments, starts afresh each run).
  public let method: TuningMethod
  /// The outer learning rate β.
  public let rate: Double
  /// Every update so far.
  public private(set) var updates: [InRunUpdate] = []
  /// The loss at the end of the run, once driven.
  public private(set) var finalLoss: Double?
  /// dL/dvalue at the end of the run (tangents along the horizon), once
  /// driven.
  public private(set) var finalGradient: [Double] = []
  /// Whether to keep every update in ``updates`` (off for long runs that
  /// only need the end).
  public var recordsUpdates = true
  var stepper: any OuterStepper

  /// Creates a driver; `values` holds every parameter's starting value.
  public init(
    values: [Double], tuned: [TunedParameter], horizon: Horizon, method: TuningMethod, rate: Double
  ) throws {
    guard tuned.count <= N else {
      throw TuningError.tooManyParametersForInRunTuning(count: tuned.count, limit: N)
    }
    guard method.optimizer.stepsDuringRuns,
      let optimizer = method.optimizer as? any GradientStepOptimizer
    else { throw TuningError.needsFullHorizon(method) }
    if case .online(let every) = horizon {
      precondition(every > 0, "an online horizon of \(every) steps")
    }
    self.values = values
    for p in tuned { self.values[p.index] = p.value(at: p.coordinate(of: values[p.index])) }
    self.tuned = tuned
    self.horizon = horizon
    self.method = method
    self.rate = rate
    stepper = optimizer.makeStepper(count: tuned.count)
  }

  /// The current values as dual numbers, tuned parameter i seeded along
  /// direction i and every other parameter constant.
  public var seededValues: [Value] {
    var seeded = values.map { Value(constant: $0) }
    for (direction, p) in tuned.enumerated() {
      seeded[p.index] = Value(values[p.index], seed: direction)
    }
    return seeded
  }

  /// Steps between updates, or nil when there are none.
  @usableFromInline var interval: Int? {
    switch horizon {
    case .full: nil
    case .online(let every): every
    case .greedy: 1
    }
  }

  /// Runs `run` to its end, updating the parameters along the way.
  @inlinable
  public mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Value {
    let interval = self.interval
    let greedy = horizon == .greedy
    while !run.isFinished {
      if greedy { run.stopTangents() }
      try run.advance()
      if let interval, run.stepsTaken % interval == 0 {
        try update(reading: run.loss(), at: run.stepsTaken)
        run.updateParameters(seededValues)
      }
    }
    finish(with: run.loss())
  }

  /// Keeps the loss at the end of the run and its tangents.
  @usableFromInline
  mutating func finish(with loss: Value) {
    finalLoss = loss.value
    finalGradient = (0..<tuned.count).map { loss.tangents[$0] }
  }

  /// One outer step from the tangents of `loss`.
  @usableFromInline
  mutating func update(reading loss: Value, at stepsTaken: Int) throws {
    guard loss.value.isFinite else {
      throw TuningError.nonFiniteDuringRun(step: stepsTaken, loss: loss.value, parameter: nil)
    }
    let gradient = (0..<tuned.count).map { loss.tangents[$0] }
    if let bad = gradient.firstIndex(where: { !$0.isFinite }) {
      throw TuningError.nonFiniteDuringRun(
        step: stepsTaken, loss: loss.value, parameter: tuned[bad].name)
    }
    let g = zip(tuned, gradient).map { p, d in d * p.valuePerCoordinate(at: values[p.index]) }
    let step = stepper.step(
      from: StepPoint(
        gradient: g, valueGradient: gradient, valueHessian: nil, values: values, tuned: tuned,
        held: [], rate: rate))
    for (i, p) in tuned.enumerated() {
      values[p.index] = p.value(at: p.coordinate(of: values[p.index]) + step[i])
    }
    if recordsUpdates {
      updates.append(
        InRunUpdate(
          step: stepsTaken, loss: loss.value, gradient: gradient,
          values: tuned.map { values[$0.index] }))
    }
  }
}
