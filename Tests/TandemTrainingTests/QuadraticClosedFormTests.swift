import Foundation
import TandemAD
import TandemTraining
import TandemTuning
import Testing

/// Gradient descent on a diagonal quadratic, as `tandem demo quadratic` runs
/// it (a training run with SGD whose rate is parameter 0), against its closed
/// form L(α) = Σ ½·hᵢ·wᵢ₀²·(1 − α·hᵢ)^(2T) and against central differences.
@Suite struct QuadraticClosedFormTests {
  static func descent(_ problem: QuadraticProblem, steps: Int) -> TrainingDescription {
    TrainingDescription(
      problem: .quadratic(problem),
      optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)),
      steps: steps)
  }

  @Test(arguments: [
    ([2.0], [1.5], 10, 0.1),
    ([1.0, 10.0], [1.0, 1.0], 20, 0.05),
    ([0.5, 3.0, 7.0], [-1.0, 2.0, 0.25], 50, 0.12),
    ([4.0], [1.0], 1, 0.3),
  ])
  func hypergradientMatchesClosedForm(
    curvatures: [Double], start: [Double], steps: Int, alpha: Double
  ) throws {
    let problem = QuadraticProblem(diagonal: curvatures, start: start)
    let process = Self.descent(problem, steps: steps)
    let (loss, derivative) = try process.lossWithGradient(parameters: [alpha], tuned: [0])
    let exact = problem.gradientDescentInClosedForm(stepSize: alpha, steps: steps)
    #expect(abs(loss - exact.loss) <= 1e-12 * abs(exact.loss))
    #expect(abs(derivative[0] - exact.derivative) <= 1e-10 * abs(exact.derivative))
    // The closed form itself, against central differences of itself.
    let h = 1e-6 * alpha
    let difference =
      (problem.gradientDescentInClosedForm(stepSize: alpha + h, steps: steps).loss
        - problem.gradientDescentInClosedForm(stepSize: alpha - h, steps: steps).loss) / (2 * h)
    #expect(abs(difference - exact.derivative) <= 1e-6 * abs(exact.derivative))
  }

  /// What the demonstration does after printing the derivatives: Newton on
  /// log α reaches the step size where the closed form's derivative vanishes.
  @Test func tuningTheStepSizeReachesTheClosedFormOptimum() throws {
    let problem = QuadraticProblem(diagonal: [1, 10], start: [1, 1])
    let history = try Tuner(
      process: Self.descent(problem, steps: 20), initialValues: [0.05],
      tuned: [TunedParameter(name: "α", index: 0, scale: .log)], method: .newton, iterations: 15,
      rate: 1
    ).run()
    for (before, after) in zip(history, history.dropFirst()) { #expect(after.loss <= before.loss) }
    #expect(history.last!.loss < history.first!.loss / 100)
    let last = history.last!.parameters[0]
    #expect(abs(problem.gradientDescentInClosedForm(stepSize: last, steps: 20).derivative) < 1e-6)
  }
}
