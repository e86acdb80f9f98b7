import Foundation

/// Adam on the optimizer coordinates (bias-corrected moments, β₁ = 0.9,
/// β₂ = 0.999, ε = 1e-8); a step that makes the loss non-finite or more than
/// 1.5 times larger is retried at half the length. Steps during runs too
/// (its moments start at zero each run).
public struct Adam: GradientStepOptimizer {
  /// The optimizer.
  public init() {}
  /// "adam".
  public var name: String { "adam" }
  /// "Adam".
  public var title: String { "Adam" }
  /// The gradient.
  public var needs: OptimizerNeeds { .gradient }
  /// Yes.
  public var usesRate: Bool { true }
  /// Yes.
  public var stepsDuringRuns: Bool { true }

  /// Moments for `count` parameters, at zero.
  public func makeStepper(count: Int) -> any OuterStepper { Moments(count: count) }

  /// A finite loss at most 1.5 times the current one: Adam's steps are not
  /// descent steps, and holding them to monotone descent stalls it.
  public func accepts(_ loss: Double, comparedTo current: Double) -> Bool {
    loss.isFinite && loss <= 1.5 * current + 1e-300
  }

  /// Adam's first and second moment estimates, with their step count.
  struct Moments: OuterStepper {
    var first: [Double]
    var second: [Double]
    var steps = 0

    init(count: Int) {
      first = Array(repeating: 0, count: count)
      second = Array(repeating: 0, count: count)
    }

    mutating func step(from point: StepPoint) -> [Double] {
      let (g, rate) = (point.gradient, point.rate)
      steps += 1
      let (beta1, beta2, epsilon) = (0.9, 0.999, 1e-8)
      let correction1 = 1 - Foundation.pow(beta1, Double(steps))
      let correction2 = 1 - Foundation.pow(beta2, Double(steps))
      return g.indices.map { i in
        first[i] = beta1 * first[i] + (1 - beta1) * g[i]
        second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i]
        return -rate * (first[i] / correction1) / ((second[i] / correction2).squareRoot() + epsilon)
      }
    }
  }
}

extension TuningMethod {
  /// Adam (``Adam``).
  public static let adam = TuningMethod(Adam())
}
