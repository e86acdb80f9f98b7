import ArgumentParser
import Foundation
import Tandem

/// `tandem tune`: optimise a scene's tuned parameters against its objective.
struct TuneCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tune",
    abstract: "Tune the parameters marked `tune: true` to minimise the scene's objective.",
    discussion: """
      Every iteration runs the whole process once on dual numbers, all tuned parameters seeded \
      at once, and reads the hypergradient from the loss's tangents; memory stays flat in the \
      number of steps. Defaults come from the scene's `tune:` block; flags override them. \
      Prints one progress line per iteration on standard error and writes DIR/<scene name>/: \
      tuned.yaml (the scene with the tuned values written in), loss.png, parameters.png, \
      overlay.png (selected iterations, faint to bold) and the frames of the final run. For a \
      training scene, curves.png replaces the overlay and the frames: the loss curves (the \
      objective against the inner step) of selected iterations, faint to bold. The scene's \
      tune.horizon (full, online, greedy) sets when the hypergradient's tangent is reset.
      """
  )

  @OptionGroup var sceneOptions: SceneOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Outer iterations (default: the scene's tune.iterations, else 30).")
  var iterations: Int?

  @Option(
    help: "The outer optimizer: gd, adam or newton (default: the scene's tune.method, else adam).")
  var method: TuningMethod?

  @Option(
    help:
      "Learning rate of gd and adam (default: the scene's tune.rate, else 0.05); newton takes full steps."
  )
  var rate: Double?

  @Option(
    help: ArgumentHelp(
      "When the hypergradient's tangent is reset: full, online:K (update every K inner steps) or greedy "
        + "(default: the scene's tune.horizon, else full).", valueName: "horizon"))
  var horizon: Horizon?

  @Flag(
    help:
      "Do not write frames of the final trajectory (plots and tuned.yaml are still written; training scenes write no frames)."
  )
  var noFrames = false

  @Flag(help: "Print the result and history as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if let iterations, iterations < 1 {
      throw ValidationError("--iterations must be at least 1, not \(iterations).")
    }
    if let rate, !(rate > 0 && rate.isFinite) {
      throw ValidationError("--rate must be a positive, finite number, not \(rate).")
    }
  }

  func run() throws {
    let scene = try sceneOptions.load()
    var tuning = try SceneTuning(
      scene: scene, file: URL(fileURLWithPath: sceneOptions.scene),
      assignments: SceneDescription.parameterAssignments(sceneOptions.assignments))
    (tuning.iterations, tuning.method, tuning.rate, tuning.horizon) = (
      iterations, method, rate, horizon
    )
    tuning.writesFrames = !noFrames
    // Held from before the first iteration, so a second run into the same
    // folder is refused at once rather than after its work.
    let folder = try OutputFolder(output.folder(for: scene.name)).url
    let tuned = tuning.tuned
    let method = tuning.resolvedMethod
    printError(
      "tuning \(tuned.map(\.name).joined(separator: ", ")) of \(scene.name) with \(method.rawValue)"
        + (method == .newton ? "" : ", rate \(tuning.resolvedRate)")
        + (tuning.resolvedHorizon == .full ? "" : ", \(tuning.resolvedHorizon) horizon"))
    let history = try tuning.run { iteration in
      let values = tuned.map {
        "\($0.name)=\(String(format: "%.6g", iteration.parameters[$0.index]))"
      }
      printError(
        String(
          format: "iter %3d  loss %.6e  |grad| %.3e  ", iteration.iteration, iteration.loss,
          iteration.gradientNorm)
          + values.joined(separator: " ")
          + (iteration.halvings > 0 ? "  (step halved \(iteration.halvings)×)" : ""))
    }
    let written = try tuning.write(history, to: folder)
    let best = SceneTuning.best(of: history)

    if json {
      print(jsonText(TuneReport(history: history, tuned: tuned)))
    } else {
      print(
        "loss       \(String(format: "%.9g", history[0].loss)) -> \(String(format: "%.9g", best.loss)) (best, at iteration \(best.iteration) of \(history.last!.iteration))"
      )
      for p in tuned {
        print(
          "\(p.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%.9g", history[0].parameters[p.index])) -> \(String(format: "%.9g", best.parameters[p.index]))"
        )
      }
      if let stop = history.last?.stop { print("stopped    \(stop)") }
      print("written    \(folder.path)/ (\(written.joined(separator: ", ")))")
    }
  }
}

extension TuningMethod: ExpressibleByArgument {}

extension Horizon: ExpressibleByArgument {
  /// Parses `full`, `greedy` or `online:K`.
  public init?(argument: String) {
    switch argument {
    case "full": self = .full
    case "greedy": self = .greedy
    default:
      guard argument.hasPrefix("online:"), let every = Int(argument.dropFirst(7)), every > 0 else {
        return nil
      }
      self = .online(every: every)
    }
  }
}
