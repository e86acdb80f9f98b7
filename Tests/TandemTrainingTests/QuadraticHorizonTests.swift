import Foundation
import TandemAD
import TandemTraining
import TandemTuning
import Testing

/// Gradient descent on f(w) = ½·Σ aᵢ·wᵢ², with a = (1, 10), w₀ = (1, 1): the
/// full horizon against its closed form, the greedy horizon against
/// hypergradient descent computed by hand, and the two horizons' different
/// step sizes.
@Suite struct QuadraticHorizonTests {
  let diagonal = [1.0, 10.0]
  let start = [1.0, 1.0]

  func descent(steps: Int) -> TrainingDescription {
    TrainingDescription(
      problem: .quadratic(QuadraticProblem(diagonal: diagonal, start: start)),
      optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)), steps: steps)
  }

  /// L(α) = Σ ½·aᵢ·wᵢ₀²·(1 − α·aᵢ)^(2T), dL/dα = −Σ T·aᵢ²·wᵢ₀²·(1 − α·aᵢ)^(2T−1).
  func closedForm(_ alpha: Double, steps t: Int) -> (loss: Double, derivative: Double) {
    var loss = 0.0
    var derivative = 0.0
    for (a, w) in zip(diagonal, start) {
      let c = 1 - alpha * a
      loss += 0.5 * a * w * w * Foundation.pow(c, Double(2 * t))
      derivative -= Double(t) * a * a * w * w * Foundation.pow(c, Double(2 * t - 1))
    }
    return (loss, derivative)
  }

  @Test(arguments: [0.01, 0.05, 0.15, 0.19])
  func fullHorizonMatchesClosedForm(alpha: Double) throws {
    let (loss, gradient) = try descent(steps: 30).lossWithGradient(parameters: [alpha], tuned: [0])
    let expected = closedForm(alpha, steps: 30)
    #expect(relativeError(loss, expected.loss) < 1e-12)
    #expect(relativeError(gradient[0], expected.derivative) < 1e-12)
  }

  @Test func greedyHorizonIsHypergradientDescent() throws {
    let (alpha0, beta, steps) = (0.02, 0.001, 40)
    let rate = TunedParameter(name: "rate", index: 0)
    let run = try descent(steps: steps).tuneDuringRun(
      parameters: [alpha0], tuned: [rate], horizon: .greedy, method: .gradientDescent, rate: beta)

    // Hypergradient descent (Baydin et al. 2018) by hand:
    // w ← w − α·gₜ; then α ← α + β·gₜ₊₁·gₜ with gₜ = ∇f(wₜ) = a∘wₜ.
    var w = start
    var alpha = alpha0
    var expected: [Double] = []
    for _ in 0..<steps {
      let g = zip(diagonal, w).map { $0 * $1 }
      w = zip(w, g).map { $0 - alpha * $1 }
      let next = zip(diagonal, w).map { $0 * $1 }
      alpha += beta * zip(next, g).map { $0 * $1 }.reduce(0, +)
      expected.append(alpha)
    }
    #expect(run.updates.count == steps)
    for (update, value) in zip(run.updates, expected) {
      #expect(relativeError(update.values[0], value) < 1e-13, "step \(update.step)")
    }
    #expect(relativeError(run.values[0], expected.last!) < 1e-13)
    #expect(expected.last! > alpha0, "hypergradient descent should raise a too-small step size")
  }

  @Test func onlineUpdateAtTheEndReadsTheFullHypergradient() throws {
    // With one update after the last step, the online horizon's tangent is
    // the full-horizon hypergradient.
    let process = descent(steps: 25)
    let run = try process.tuneDuringRun(
      parameters: [0.05], tuned: [TunedParameter(name: "rate", index: 0)],
      horizon: .online(every: 25), rate: 0.01)
    let full = closedForm(0.05, steps: 25)
    #expect(run.updates.count == 1)
    #expect(relativeError(run.updates[0].gradient[0], full.derivative) < 1e-12)
    #expect(relativeError(run.updates[0].values[0], 0.05 - 0.01 * full.derivative) < 1e-12)
  }

  /// The root of `derivative` in `bracket` (negative at its start,
  /// positive at its end), by bisection.
  func root(in bracket: ClosedRange<Double>, of derivative: (Double) throws -> Double) rethrows
    -> Double
  {
    var (low, high) = (bracket.lowerBound, bracket.upperBound)
    for _ in 0..<60 {
      let middle = (low + high) / 2
      if try derivative(middle) < 0 { low = middle } else { high = middle }
    }
    return (low + high) / 2
  }

  @Test func longAndGreedyHorizonsSettleOnDifferentStepSizes() throws {
    let steps = 50
    let process = descent(steps: steps)
    // The full horizon settles where the hypergradient vanishes: bisect on
    // the sign of the forward-mode dL/dα, and compare with the closed form.
    let alphaFull = try root(in: 0.05...0.199) { alpha in
      try process.lossWithGradient(parameters: [alpha], tuned: [0]).gradient[0]
    }
    let closedFormRoot = root(in: 0.05...0.199) { closedForm($0, steps: steps).derivative }
    #expect(relativeError(alphaFull, closedFormRoot) < 1e-9)
    // And the tuner, descending on log α, heads there from 0.05.
    let rate = TunedParameter(name: "rate", index: 0, minimum: 1e-4, maximum: 0.199, scale: .log)
    let tuner = Tuner(
      process: process, initialValues: [0.05], tuned: [rate], method: .newton, iterations: 60,
      rate: 1)
    let tuned = try tuner.run().last!.parameters[0]

    // The greedy horizon: hypergradient descent inside each run, four runs.
    var greedy = Tuner(
      process: process, initialValues: [0.05], tuned: [rate], method: .gradientDescent,
      iterations: 4, rate: 0.01)
    greedy.horizon = .greedy
    let alphaGreedy = try greedy.run().last!.parameters[0]
    print(
      "quadratic a = \(diagonal), T = \(steps): full horizon α = \(alphaFull) (Newton tuner: \(tuned)), greedy α = \(alphaGreedy)"
    )

    // The long horizon balances the two modes' contractions, near
    // |1 − α| = |1 − 10α| (α = 2/11) and just below the stability limit 0.2;
    // the greedy one chases one-step progress and stays well below.
    #expect(abs(alphaFull - 2.0 / 11.0) < 0.01)
    #expect(abs(tuned - alphaFull) < 1e-3)
    #expect(alphaGreedy < 0.5 * alphaFull)
    #expect(
      closedForm(alphaFull, steps: steps).loss < 1e-3 * closedForm(alphaGreedy, steps: steps).loss)
  }
}
