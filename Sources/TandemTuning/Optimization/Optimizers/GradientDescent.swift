/// Gradient descent: u ← u − rate·∇L, monotone (a step that raises the loss
/// is retried at half the length). Steps during runs too.
public struct GradientDescent: GradientStepOptimizer {
  /// The optimizer.
  public init() {}
  /// "gd".
  public var name: String { "gd" }
  /// "gradient descent".
  public var title: String { "gradient descent" }
  /// The gradient.
  public var needs: OptimizerNeeds { .gradient }
  /// Yes.
  public var usesRate: Bool { true }
  /// Yes.
  public var stepsDuringRuns: Bool { true }

  /// −rate·g.
  public func makeStepper(count: Int) -> any OuterStepper { Stepper() }

  /// A loss no larger than the current one.
  public func accepts(_ loss: Double, comparedTo current: Double) -> Bool {
    loss.isFinite && loss <= current
  }

  struct Stepper: OuterStepper {
    mutating func step(from point: StepPoint) -> [Double] {
      point.gradient.map { -point.rate * $0 }
    }
  }
}

extension TuningMethod {
  /// Gradient descent (``GradientDescent``).
  public static let gradientDescent = TuningMethod(GradientDescent())
}
