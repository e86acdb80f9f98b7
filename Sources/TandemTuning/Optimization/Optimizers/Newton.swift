import TandemAD

/// Newton's method with the exact Hessian from dual numbers of dual numbers
/// (up to ``TandemAD/TangentWidth/nestedMaximum`` parameters), saddle-free
/// (negative curvature is flipped, so every step goes downhill), at most
/// one unit long in the optimizer's coordinates, and monotone like gradient
/// descent. Needs the full horizon: a Hessian is not read during a run.
public struct Newton: GradientStepOptimizer {
  /// The optimizer.
  public init() {}
  /// "newton".
  public var name: String { "newton" }
  /// "Newton's method".
  public var title: String { "Newton's method" }
  /// The Hessian.
  public var needs: OptimizerNeeds { .hessian }
  /// No.
  public var usesRate: Bool { false }
  /// No.
  public var stepsDuringRuns: Bool { false }
  /// The widest dual of duals.
  public var parameterLimit: Int? { TangentWidth.nestedMaximum }

  /// Newton keeps no state.
  public func makeStepper(count: Int) -> any OuterStepper { Stepper() }

  /// A loss no larger than the current one.
  public func accepts(_ loss: Double, comparedTo current: Double) -> Bool {
    loss.isFinite && loss <= current
  }

  struct Stepper: OuterStepper {
    mutating func step(from point: StepPoint) -> [Double] {
      let (tuned, values) = (point.tuned, point.values)
      guard let hessian = point.valueHessian else {
        preconditionFailure("a Newton step without the Hessian")
      }
      // H_u = J·H_v·J + diag(g_v·d²v/du²), J = diag(dv/du); d²v/du² = v on the log scale.
      let n = tuned.count
      let jacobian = tuned.map { $0.valuePerCoordinate(at: values[$0.index]) }
      var h = (0..<n).map { i in (0..<n).map { j in jacobian[i] * hessian[i][j] * jacobian[j] } }
      for i in 0..<n where tuned[i].scale == .log {
        h[i][i] += point.valueGradient[i] * values[tuned[i].index]
      }
      // Newton on the free parameters only: a held one's row and column
      // become the identity's, and its gradient (already) zero.
      for i in point.held {
        for j in 0..<n { (h[i][j], h[j][i]) = (0, 0) }
        h[i][i] = 1
      }
      let step = saddleFreeNewtonStep(hessian: h, gradient: point.gradient)
      // A trust region of one unit in the optimizer's coordinates (a factor
      // of e on a log scale); the halving then takes it from there.
      let longest = step.map(abs).max() ?? 0
      return longest > 1 ? step.map { $0 / longest } : step
    }
  }
}

extension TuningMethod {
  /// Newton's method (``Newton``).
  public static let newton = TuningMethod(Newton())
}
