/// What an outer optimizer needs from each evaluation of the process.
public enum OptimizerNeeds: Sendable, Hashable {
  /// The loss and its gradient (forward mode, or checkpointed reverse).
  case gradient
  /// The loss, its gradient and its Hessian (duals of duals).
  case hessian
  /// The residuals whose squares sum to the loss, and their Jacobian.
  case residualJacobian
}

/// An outer optimizer: one new file conforming to ``GradientStepOptimizer``
/// or ``LeastSquaresOptimizer`` (and a static member on ``TuningMethod``,
/// and its entry in ``TuningMethod/allCases``) adds a method.
///
/// It declares what it needs (``needs``), and whether it can step during a
/// run (``stepsDuringRuns``): a method that cannot is refused with the
/// online and greedy horizons, never replaced by another.
public protocol OuterOptimizer: Sendable {
  /// The name a scene writes (`gd`).
  var name: String { get }
  /// The name a sentence uses (`gradient descent`, `Newton's method`).
  var title: String { get }
  /// What each evaluation must give it.
  var needs: OptimizerNeeds { get }
  /// Whether it can update the parameters during a run from the loss's
  /// tangents (the online and greedy horizons).
  var stepsDuringRuns: Bool { get }
  /// The most parameters it can tune at once, when it has a limit of its own.
  var parameterLimit: Int? { get }
  /// Whether its steps scale with the learning rate (`rate`).
  var usesRate: Bool { get }
}

extension OuterOptimizer {
  /// No limit of its own.
  public var parameterLimit: Int? { nil }
}

/// Where a step is taken from, in the optimizer's coordinates u (see
/// ``TunedParameter``).
public struct StepPoint {
  /// dL/du less the part that pushes a parameter past its bound.
  public var gradient: [Double]
  /// dL/dvalue, as the process gave it.
  public var valueGradient: [Double]
  /// d²L/dvalue², when the optimizer needs it.
  public var valueHessian: [[Double]]?
  /// Every parameter's value, tuned or not.
  public var values: [Double]
  /// The parameters tuned.
  public var tuned: [TunedParameter]
  /// The positions (in `tuned`) of the parameters held at a bound: they do
  /// not move.
  public var held: [Int]
  /// The learning rate.
  public var rate: Double

  /// A point from its parts.
  public init(
    gradient: [Double], valueGradient: [Double], valueHessian: [[Double]]?, values: [Double],
    tuned: [TunedParameter], held: [Int], rate: Double
  ) {
    self.gradient = gradient
    self.valueGradient = valueGradient
    self.valueHessian = valueHessian
    self.values = values
    self.tuned = tuned
    self.held = held
    self.rate = rate
  }
}

/// An optimizer that proposes a step from the gradient (and the Hessian,
/// when it needs one), retried at half the length until the loss is
/// acceptable.
public protocol GradientStepOptimizer: OuterOptimizer {
  /// A stepper for `count` tuned parameters, with the state it keeps from
  /// step to step (Adam's moments).
  func makeStepper(count: Int) -> any OuterStepper
  /// Whether a trial loss is accepted against the current one.
  func accepts(_ loss: Double, comparedTo current: Double) -> Bool
}

/// The state of a ``GradientStepOptimizer`` over one tuning (or one run,
/// during a run).
public protocol OuterStepper {
  /// The step in the optimizer's coordinates, before any halving.
  mutating func step(from point: StepPoint) -> [Double]
}
