import ArgumentParser
import Foundation
import Tandem

/// `tandem demo`: built-in demonstrations that need no scene file.
struct DemoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Run a built-in demonstration.",
    subcommands: [QuadraticDemo.self],
    defaultSubcommand: QuadraticDemo.self
  )
}

/// `tandem demo quadratic`: the hypergradient of gradient descent on a quadratic.
struct QuadraticDemo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "quadratic",
    abstract:
      "Differentiate T steps of gradient descent on ½·Σ hᵢ·wᵢ² with respect to the step size.",
    discussion: """
      Runs the whole descent on dual numbers, taking each step's gradient on a reverse-mode \
      tape, prints the loss and dL/dα beside the closed form and a central finite difference, \
      then tunes α by hypergradient descent.
      """
  )

  @Option(
    name: .customLong("curvature"), parsing: .upToNextOption,
    help: "The diagonal hᵢ of the Hessian.")
  var curvatures: [Double] = [1, 10]

  @Option(
    name: .customLong("start"), parsing: .upToNextOption,
    help: "The starting point w₀ (one value per hᵢ).")
  var start: [Double] = [1, 1]

  @Option(name: .shortAndLong, help: "The number of descent steps T.")
  var steps: Int = 20

  @Option(name: [.customShort("a"), .long], help: "The step size α to differentiate at.")
  var stepSize: Double = 0.05

  @Option(help: "Iterations of hypergradient descent on α (0 to skip).")
  var iterations: Int = 15

  @Option(help: "Rate of hypergradient descent on log α.")
  var rate: Double = 0.1

  func validate() throws {
    guard curvatures.count == start.count else {
      throw ValidationError(
        "--curvature has \(curvatures.count) values but --start has \(start.count): give one start value per curvature."
      )
    }
    guard !curvatures.isEmpty else {
      throw ValidationError("--curvature needs at least one value.")
    }
    guard steps > 0 else { throw ValidationError("--steps must be positive, not \(steps).") }
    guard stepSize > 0 else {
      throw ValidationError("--step-size must be positive, not \(stepSize).")
    }
    guard iterations >= 0 else { throw ValidationError("--iterations cannot be negative.") }
  }

  func run() throws {
    let problem = QuadraticDescent(curvatures: curvatures, start: start, steps: steps)
    let (loss, hypergradient) = problem.lossWithHypergradient(stepSize: stepSize)
    let exact = problem.closedForm(stepSize: stepSize)
    let h = 1e-6 * stepSize
    let finiteDifference =
      (problem.loss(stepSize: stepSize + h) - problem.loss(stepSize: stepSize - h)) / (2 * h)

    print(
      "Gradient descent on f(w) = ½·Σ hᵢ·wᵢ², h = \(curvatures), w₀ = \(start), T = \(steps), α = \(stepSize)"
    )
    print("")
    print("                       loss L(α)                dL/dα")
    print(row("dual over reverse", loss, hypergradient))
    print(row("closed form", exact.loss, exact.derivative))
    print(row("finite difference", problem.loss(stepSize: stepSize), finiteDifference))
    print("")
    guard iterations > 0 else { return }
    print("Hypergradient descent on α (log α ← log α − \(rate)·α·L′/L):")
    print("  iter           α              loss            dL/dα")
    for (i, step) in problem.tuneStepSize(from: stepSize, iterations: iterations, rate: rate)
      .enumerated()
    {
      print(
        String(
          format: "  %4d  %12.6f  %16.9e  %16.9e", i, step.stepSize, step.loss, step.hypergradient))
    }
  }

  private func row(_ label: String, _ loss: Double, _ derivative: Double) -> String {
    label.padding(toLength: 18, withPad: " ", startingAt: 0)
      + String(format: "  %22.15e  %22.15e", loss, derivative)
  }
}
