import Foundation
import TandemAD
import TandemProcess

/// The outer loop: runs a process on dual numbers to get the loss and its
/// hypergradient, and updates the tuned parameters with an outer optimizer
/// (``TuningMethod``: gradient descent, Adam, Newton's method,
/// Levenberg–Marquardt, or any ``OuterOptimizer``), within their bounds and
/// scales.
public struct Tuner<Process: SteppedProcess> {
  /// The process tuned.
  public var process: Process
  /// The starting values of every parameter, tuned or not.
  public var initialValues: [Double]
  /// The parameters tuned.
  public var tuned: [TunedParameter]
  /// The outer optimizer.
  public var method: TuningMethod
  /// Outer iterations at most (each is one evaluation, plus retries).
  public var iterations: Int
  /// The learning rate of gradient descent and Adam (Newton takes full steps).
  public var rate: Double
  /// Stop when the gradient's norm in the optimizer's coordinates (less any
  /// part that pushes a parameter past its bound) falls to this fraction of
  /// its norm at the start. Relative, so it means the same whatever the
  /// loss's scale: an absolute 1e-10 stopped a loss of order 1e-12 at once.
  public var gradientTolerance: Double = 1e-10
  /// Stop when a step changes no tuned value by more than this fraction of
  /// its size.
  public var stepTolerance: Double = 1e-12
  /// The horizon of the hypergradient.
  public var horizon: Horizon = .full
  /// How the hypergradient is computed (reverse mode with the full horizon
  /// and gradient descent or Adam only; see ``GradientModeChoice``).
  public var mode: GradientMode = .forward
  /// The bytes reverse mode through the whole trajectory may record: the
  /// Levenberg–Marquardt Jacobian's reverse route (``residualJacobian(at:)``).
  public var recordingLimit = 8 << 30

  /// Creates a tuner.
  public init(
    process: Process, initialValues: [Double], tuned: [TunedParameter], method: TuningMethod,
    iterations: Int, rate: Double
  ) {
    self.process = process
    self.initialValues = initialValues
    self.tuned = tuned
    self.method = method
    self.iterations = iterations
    self.rate = rate
  }

  /// The loss, dL/dvalue and, for a method that needs it
  /// (``OptimizerNeeds/hessian``), d²L/dvalue² at `values`.
  @inlinable
  func evaluate(_ values: [Double]) throws -> (
    loss: Double, gradient: [Double], hessian: [[Double]]?
  ) {
    let indices = tuned.map(\.index)
    if method.optimizer.needs == .hessian {
      let (loss, gradient, hessian) = try process.lossWithHessian(
        parameters: values, tuned: indices)
      return (loss, gradient, hessian)
    }
    if case .reverse(let snapshots) = mode, horizon == .full {
      let result = try process.checkpointedReverseGradient(
        parameters: values, tuned: indices, snapshots: snapshots)
      return (result.loss, result.gradient, nil)
    }
    let (loss, gradient) = try process.lossWithGradient(
      parameters: values, tuned: indices, horizon: horizon)
    return (loss, gradient, nil)
  }

  /// Runs the optimizer; `progress` sees the starting point and every
  /// accepted iteration. Returns the history, starting point first.
  ///
  /// With the `.online` and `.greedy` horizons the parameters change during
  /// each run instead (see ``runUpdatingDuringRuns(progress:)``).
  ///
  /// Inlinable, with ``evaluate(_:)``, so that a caller that knows the
  /// process's type specialises every run for it.
  @inlinable
  public func run(progress: (TuningIteration) -> Void = { _ in }) throws -> [TuningIteration] {
    guard !tuned.isEmpty else { throw TuningError.nothingToTune }
    if horizon != .full { return try runUpdatingDuringRuns(progress: progress) }
    if let limit = method.optimizer.parameterLimit, tuned.count > limit {
      throw TuningError.tooManyParameters(method, count: tuned.count, limit: limit)
    }
    switch method.optimizer {
    case let optimizer as any LeastSquaresOptimizer:
      return try runLeastSquares(optimizer, progress: progress)
    case let optimizer as any GradientStepOptimizer:
      return try runSteps(optimizer, progress: progress)
    default:
      throw TuningError.unsupportedMethod(method)
    }
  }

  /// The loop of a ``GradientStepOptimizer``: a step from the gradient (and
  /// the Hessian), halved until the optimizer accepts the loss.
  @inlinable
  func runSteps(_ optimizer: any GradientStepOptimizer, progress: (TuningIteration) -> Void)
    throws -> [TuningIteration]
  {
    var values = initialValues
    for p in tuned { values[p.index] = p.value(at: p.coordinate(of: values[p.index])) }
    var current = try evaluate(values)
    guard current.loss.isFinite else {
      throw TuningError.nonFiniteStart(loss: current.loss, parameter: nil)
    }
    if let bad = current.gradient.firstIndex(where: { !$0.isFinite }) {
      throw TuningError.nonFiniteStart(loss: current.loss, parameter: tuned[bad].name)
    }
    var history = [record(0, current, values, halvings: 0, stepLength: 0)]
    progress(history[0])
    var stepper = optimizer.makeStepper(count: tuned.count)
    let startingNorm = norm(freeGradient(coordinateGradient(current.gradient, values), values).free)

    var stop = TuningStop.iterationLimit(iterations)
    for iteration in 1..<max(iterations + 1, 1) {
      let (free, bounded, converged) = convergence(
        of: current.gradient, at: values, startingNorm: startingNorm)
      if let converged {
        stop = converged
        break
      }
      // Parameters pushed against a bound sit this step out: their step
      // would only be clamped back, and Newton's step for the others must
      // not count on them moving.
      var step = stepper.step(
        from: StepPoint(
          gradient: free, valueGradient: current.gradient, valueHessian: current.hessian,
          values: values, tuned: tuned, held: bounded, rate: rate))
      for i in bounded { step[i] = 0 }  // Adam's moments would still move them
      var accepted:
        (values: [Double], result: (loss: Double, gradient: [Double], hessian: [[Double]]?))?
      var halvings = 0
      var anyFinite = false
      while halvings <= 12 {
        let candidate = applying(step, to: values)
        if let result = try? evaluate(candidate), result.loss.isFinite,
          result.gradient.allSatisfy(\.isFinite)
        {
          anyFinite = true
          if optimizer.accepts(result.loss, comparedTo: current.loss) {
            accepted = (candidate, result)
            break
          }
        }
        step = step.map { $0 / 2 }
        halvings += 1
      }
      guard let (newValues, result) = accepted else {
        stop =
          anyFinite ? .stepRejected(halvings: halvings - 1) : .nonFinite(halvings: halvings - 1)
        break
      }
      let moved =
        zip(tuned, zip(newValues.indices(of: tuned), values.indices(of: tuned)))
        .map { p, pair in abs(p.coordinate(of: pair.0) - p.coordinate(of: pair.1)) }.max() ?? 0
      let change = largestRelativeChange(from: values, to: newValues)
      values = newValues
      current = result
      history.append(record(iteration, current, values, halvings: halvings, stepLength: moved))
      progress(history.last!)
      if change <= stepTolerance {
        stop = .stalled(change: change, tolerance: stepTolerance)
        break
      }
    }
    history[history.count - 1].stop = stop
    return history
  }

  /// The coordinate gradient of `gradient` (dL/dvalue) at `values` less
  /// its part pushing parameters past their bounds (see
  /// ``freeGradient(_:_:)``), the positions of those held, and the stop if
  /// that free part's norm is 0 or at most ``gradientTolerance`` times
  /// `startingNorm`.
  @usableFromInline
  func convergence(of gradient: [Double], at values: [Double], startingNorm: Double) -> (
    free: [Double], bounded: [Int], stop: TuningStop?
  ) {
    let (free, bounded) = freeGradient(coordinateGradient(gradient, values), values)
    let freeNorm = norm(free)
    guard freeNorm == 0 || freeNorm <= gradientTolerance * startingNorm else {
      return (free, bounded, nil)
    }
    let stop: TuningStop =
      bounded.isEmpty
      ? .converged(
        gradientNorm: freeNorm, startingNorm: startingNorm, tolerance: gradientTolerance)
      : .convergedAtBound(
        bounded: bounded.map { tuned[$0].name }, gradientNorm: freeNorm,
        startingNorm: startingNorm, tolerance: gradientTolerance)
    return (free, bounded, stop)
  }

  /// dL/du from dL/dvalue.
  @usableFromInline
  func coordinateGradient(_ gradient: [Double], _ values: [Double]) -> [Double] {
    zip(tuned, gradient).map { p, g in g * p.valuePerCoordinate(at: values[p.index]) }
  }

  /// The coordinate gradient `g` without the components that push a
  /// parameter past the bound it sits at (descent there would only be
  /// clamped back), and the positions, in the tuner's order, of those held.
  @usableFromInline
  func freeGradient(_ g: [Double], _ values: [Double]) -> (free: [Double], bounded: [Int]) {
    var free = g
    var bounded: [Int] = []
    for (i, p) in tuned.enumerated() {
      let value = values[p.index]
      // Descent moves u by −g: down when g > 0, up when g < 0.
      let pushedBelow = p.minimum.map { value <= $0 && g[i] > 0 } ?? false
      let pushedAbove = p.maximum.map { value >= $0 && g[i] < 0 } ?? false
      if pushedBelow || pushedAbove {
        free[i] = 0
        bounded.append(i)
      }
    }
    return (free, bounded)
  }

  /// The largest change of a tuned value from `old` to `new`, relative to
  /// the larger of its two sizes (0 when it did not change).
  @usableFromInline
  func largestRelativeChange(from old: [Double], to new: [Double]) -> Double {
    tuned.map { p in
      let (a, b) = (old[p.index], new[p.index])
      return a == b ? 0 : abs(a - b) / Swift.max(abs(a), abs(b))
    }.max() ?? 0
  }

  /// The values after moving the tuned coordinates by `step`.
  @usableFromInline
  func applying(_ step: [Double], to values: [Double]) -> [Double] {
    var result = values
    for (p, s) in zip(tuned, step) {
      result[p.index] = p.value(at: p.coordinate(of: values[p.index]) + s)
    }
    return result
  }

  /// The iteration's entry in the history.
  @usableFromInline
  func record(
    _ iteration: Int, _ result: (loss: Double, gradient: [Double], hessian: [[Double]]?),
    _ values: [Double],
    halvings: Int, stepLength: Double
  ) -> TuningIteration {
    TuningIteration(
      iteration: iteration, loss: result.loss, parameters: values, gradient: result.gradient,
      gradientNorm: norm(coordinateGradient(result.gradient, values)), halvings: halvings,
      stepLength: stepLength)
  }
}

/// The Euclidean norm.
@usableFromInline
func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }

extension Array where Element == Double {
  /// The values of the tuned parameters, in the tuner's order.
  @usableFromInline
  func indices(of tuned: [TunedParameter]) -> [Double] { tuned.map { self[$0.index] } }
}

/// Every stored property but the process is a value of a `Sendable` type.
extension Tuner: Sendable where Process: Sendable {}
