import Tandem
import Testing

/// The seed example against its closed form, L(α) = Σ ½·hᵢ·wᵢ₀²·(1 − α·hᵢ)^(2T).
@Suite struct QuadraticDescentTests {
  @Test(arguments: [
    ([2.0], [1.5], 10, 0.1),
    ([1.0, 10.0], [1.0, 1.0], 20, 0.05),
    ([0.5, 3.0, 7.0], [-1.0, 2.0, 0.25], 50, 0.12),
    ([4.0], [1.0], 1, 0.3),
  ])
  func hypergradientMatchesClosedForm(
    curvatures: [Double], start: [Double], steps: Int, alpha: Double
  ) {
    let problem = QuadraticDescent(curvatures: curvatures, start: start, steps: steps)
    let (loss, derivative) = problem.lossWithHypergradient(stepSize: alpha)
    let exact = problem.closedForm(stepSize: alpha)
    #expect(abs(loss - exact.loss) <= 1e-12 * abs(exact.loss))
    #expect(abs(derivative - exact.derivative) <= 1e-10 * abs(exact.derivative))
  }

  @Test func hypergradientDescentImprovesTheStepSize() {
    let problem = QuadraticDescent(curvatures: [1, 10], start: [1, 1], steps: 20)
    let history = problem.tuneStepSize(from: 0.05, iterations: 15, rate: 0.1)
    #expect(history.count == 15)
    // Losses never rise (rejected steps are retried shorter) and fall by >100×.
    for (before, after) in zip(history, history.dropFirst()) { #expect(after.loss <= before.loss) }
    #expect(history.last!.loss < history.first!.loss / 100)
    // At the optimum the hypergradient vanishes: check against the closed form.
    let last = history.last!
    #expect(abs(problem.closedForm(stepSize: last.stepSize).derivative) < 1e-6)
  }
}
