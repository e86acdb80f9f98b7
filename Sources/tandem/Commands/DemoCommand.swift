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
      tape (a training run of the quadratic with SGD, as a training scene would run it), prints \
      the loss and dL/dα beside the closed form and a central finite difference, then tunes α \
      (Newton's method on log α by default).
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

  @Option(help: "Iterations of tuning α (0 to skip).")
  var iterations: Int = 15

  @Option(help: "How α is tuned (on log α): gd, adam or newton.")
  var method: TuningMethod = .newton

  @Option(help: "The outer step size of gd and adam (newton takes full steps).")
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
    guard rate > 0 else { throw ValidationError("--rate must be positive, not \(rate).") }
  }

  func run() throws {
    // The general path: a training run of the quadratic with SGD whose rate
    // is parameter 0, differentiated and tuned as any scene's training is.
    let problem = QuadraticProblem(diagonal: curvatures, start: start)
    let descent = TrainingDescription(
      problem: .quadratic(problem),
      optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)),
      steps: steps)
    let (loss, hypergradient) = try descent.lossWithGradient(parameters: [stepSize], tuned: [0])
    let exact = problem.gradientDescentInClosedForm(stepSize: stepSize, steps: steps)
    let (difference, _) = try descent.finiteDifferenceGradient(parameters: [stepSize], tuned: [0])

    print(
      "Gradient descent on f(w) = ½·Σ hᵢ·wᵢ², h = \(curvatures), w₀ = \(start), T = \(steps), α = \(stepSize)"
    )
    print("")
    print("                       loss L(α)                dL/dα")
    print(row("dual over reverse", loss, hypergradient[0]))
    print(row("closed form", exact.loss, exact.derivative))
    print(row("finite difference", try descent.loss(parameters: [stepSize]), difference[0]))
    print("")
    guard iterations > 0 else { return }
    let tuner = Tuner(
      process: descent, initialValues: [stepSize],
      tuned: [TunedParameter(name: "α", index: 0, scale: .log)], method: method,
      iterations: iterations, rate: rate)
    print("Tuning α by \(method.rawValue) on log α:")
    print("  iter           α              loss            dL/dα")
    for step in try tuner.run() {
      print(
        String(
          format: "  %4d  %12.6f  %16.9e  %16.9e", step.iteration, step.parameters[0], step.loss,
          step.gradient[0]))
    }
  }

  private func row(_ label: String, _ loss: Double, _ derivative: Double) -> String {
    label.padding(toLength: 18, withPad: " ", startingAt: 0)
      + String(format: "  %22.15e  %22.15e", loss, derivative)
  }
}
