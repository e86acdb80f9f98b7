/// Levenberg–Marquardt, for a loss that is a sum of squared residuals
/// (observations of recorded motion, targets): the residuals' exact
/// Jacobian J from one run, the step solving (JᵀJ + μ·diag(JᵀJ))·δ = −Jᵀr in
/// the optimizer's coordinates, μ raised after a rejected step and lowered
/// after a good one (Nielsen's rule: after an accepted step with gain ratio
/// ϱ, actual over predicted decrease, μ ← μ·max(1/3, 1 − (2ϱ − 1)³); after a
/// rejected one μ ← μ·ν and ν doubles). No rate; full horizon only.
public struct LevenbergMarquardt: LeastSquaresOptimizer {
  /// The optimizer.
  public init() {}
  /// "levenberg-marquardt".
  public var name: String { "levenberg-marquardt" }
  /// "Levenberg–Marquardt".
  public var title: String { "Levenberg–Marquardt" }
  /// The residuals and their Jacobian.
  public var needs: OptimizerNeeds { .residualJacobian }
  /// No: the damping sets the step's length.
  public var usesRate: Bool { false }
  /// No: its Jacobian is read at the end of a run.
  public var stepsDuringRuns: Bool { false }

  /// μ = 10⁻³, ν = 2.
  public func makeSolver() -> any LeastSquaresSolver { Damping() }

  /// Marquardt's damping μ with Nielsen's update.
  struct Damping: LeastSquaresSolver {
    var mu = 1e-3
    var growth = 2.0

    var retryLimit: Int { 30 }

    func trialStep(_ equations: NormalEquations) -> [Double]? { equations.dampedStep(mu) }

    mutating func accept(actualDecrease: Double, predictedDecrease: Double, of step: [Double]) {
      let ratio = predictedDecrease > 0 ? actualDecrease / predictedDecrease : 1
      let factor = 1 - (2 * ratio - 1) * (2 * ratio - 1) * (2 * ratio - 1)
      mu *= max(1.0 / 3, factor)
      mu = max(mu, 1e-15)
      growth = 2
    }

    mutating func reject() {
      mu *= growth
      growth *= 2
    }

    func exhausted(retries: Int, anyFinite: Bool) -> TuningStop {
      anyFinite ? .dampingLimit(damping: mu, retries: retries) : .nonFinite(halvings: retries)
    }
  }
}

extension TuningMethod {
  /// Levenberg–Marquardt (``LevenbergMarquardt``).
  public static let levenbergMarquardt = TuningMethod(LevenbergMarquardt())
}
