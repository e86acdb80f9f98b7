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
    if let rate, !(rate > 0) { throw ValidationError("--rate must be positive, not \(rate).") }
  }

  func run() throws {
    let scene = try sceneOptions.load()
    let tuned = scene.tunedParameterList
    let folder = output.folder(for: scene.name)
    let history: [TuningIteration]
    let written: String
    if scene.training != nil {
      let training = try scene.trainingDescription()
      history = try tune(training, scene: scene)
      try writeReports(scene: scene, history: history, tuned: tuned, folder: folder)
      try writeCurves(scene: scene, training: training, history: history, folder: folder)
      written = "tuned.yaml, loss.png, parameters.png, curves.png"
    } else {
      let (simulation, _) = try scene.simulation()
      history = try tune(simulation, scene: scene)
      try writeReports(scene: scene, history: history, tuned: tuned, folder: folder)
      try writeOverlay(scene: scene, simulation: simulation, history: history, folder: folder)
      written = "tuned.yaml, loss.png, parameters.png, overlay.png\(noFrames ? "" : ", frames")"
    }
    let best = history.min { $0.loss < $1.loss }!

    if json {
      print(
        jsonString([
          "loss": best.loss,
          "parameters": named(tuned.map { best.parameters[$0.index] }, by: tuned),
          "history": history.map { iteration -> [String: Any] in
            [
              "iteration": iteration.iteration, "loss": iteration.loss,
              "parameters": named(tuned.map { iteration.parameters[$0.index] }, by: tuned),
              "gradient": named(iteration.gradient, by: tuned),
            ]
          },
        ]))
    } else {
      print(
        "loss       \(String(format: "%.9g", history[0].loss)) -> \(String(format: "%.9g", best.loss)) (best, at iteration \(best.iteration) of \(history.last!.iteration))"
      )
      for p in tuned {
        print(
          "\(p.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%.9g", history[0].parameters[p.index])) -> \(String(format: "%.9g", best.parameters[p.index]))"
        )
      }
      print("written    \(folder.path)/ (\(written))")
    }
  }

  /// Runs the tuner on `process` with the scene's settings and the flags,
  /// printing one line per iteration on standard error.
  func tune<Process: SteppedProcess>(_ process: Process, scene: SceneDescription) throws
    -> [TuningIteration]
  {
    let tuned = scene.tunedParameterList
    let settings = scene.tune
    let method = self.method ?? settings.map { TuningMethod(sceneMethod: $0.method) } ?? .adam
    let rate = self.rate ?? (self.method == nil ? settings?.rate : nil) ?? 0.05
    var tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: tuned, method: method,
      iterations: iterations ?? settings?.iterations ?? 30, rate: rate)
    tuner.horizon = horizon ?? settings?.horizon.tunerHorizon ?? .full

    printError(
      "tuning \(tuned.map(\.name).joined(separator: ", ")) of \(scene.name) with \(method.rawValue)"
        + (method == .newton ? "" : ", rate \(rate)")
        + (tuner.horizon == .full ? "" : ", \(tuner.horizon) horizon"))
    return try tuner.run { iteration in
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
  }

  /// Writes tuned.yaml and the loss and parameter plots.
  func writeReports(
    scene: SceneDescription, history: [TuningIteration], tuned: [TunedParameter], folder: URL
  ) throws {
    try FrameSequence.createDirectory(at: folder)
    let best = history.min { $0.loss < $1.loss }!
    // A relative CSV path must still name the same file from the output folder.
    let text = try SceneFile.rewritingDataPath(
      in: try String(contentsOfFile: sceneOptions.scene, encoding: .utf8), of: scene,
      movingTo: folder)
    var values: [String: Double] = [:]
    for p in tuned { values[p.name] = best.parameters[p.index] }
    for (name, value) in try SceneDescription.parameterAssignments(sceneOptions.assignments)
    where values[name] == nil {
      values[name] = value
    }
    let rewritten = try SceneFile.rewritingParameters(
      in: text, with: values, fileName: sceneOptions.scene)
    try Data(rewritten.utf8).write(
      to: folder.appendingPathComponent("tuned.yaml"), options: .atomic)

    let size = PixelSize(width: 900, height: 600)
    try TuningPlots.loss(history, title: scene.name).render(size: size).writePNG(
      to: folder.appendingPathComponent("loss.png"))
    try TuningPlots.parameters(history, tuned: tuned, title: scene.name).render(size: size)
      .writePNG(to: folder.appendingPathComponent("parameters.png"))
  }

  /// Writes the overlay of selected iterations' trajectories and the final frames.
  func writeOverlay(
    scene: SceneDescription, simulation: SimulationDescription, history: [TuningIteration],
    folder: URL
  ) throws {
    let pixels = PixelSize(width: scene.render.width, height: scene.render.height)
    let view = scene.render.view.map {
      WorldRect(minX: $0.xMin, minY: $0.yMin, maxX: $0.xMax, maxY: $0.yMax)
    }
    let selected = Overlay.selectIterations(history.count)
    var trajectories: [Trajectory] = []
    var drawings: [SceneDrawing] = []
    for index in selected {
      let parameters = history[index].parameters
      trajectories.append(
        try Trajectory.record(simulation, parameters: parameters, every: scene.render.every))
      drawings.append(SceneDrawing(simulation, parameters: parameters, size: pixels, view: view))
    }
    let labels = selected.map {
      "iteration \(history[$0].iteration): loss \(String(format: "%.4g", history[$0].loss))"
    }
    try Overlay.draw(trajectories, drawings: drawings, labels: labels, title: scene.name)
      .writePNG(to: folder.appendingPathComponent("overlay.png"))

    if !noFrames, let final = trajectories.last, let drawing = drawings.last {
      try FrameWriter(directory: folder, trails: scene.render.trails).write(
        final, drawing: drawing, title: scene.name)
    }
  }
}

extension TuningMethod: ExpressibleByArgument {
  /// Maps the scene file's `tune.method` to the tuner's.
  init(sceneMethod: TuneSettings.Method) {
    switch sceneMethod {
    case .gd: self = .gradientDescent
    case .adam: self = .adam
    case .newton: self = .newton
    }
  }
}

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
