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
      number of steps. With many tuned parameters (a vector parameter), reverse mode through \
      the process is cheaper: it stores a bounded number of snapshots (--memory) and \
      recomputes from them. --mode auto (the default) estimates both costs and prints its \
      choice and why; Newton and the online and greedy horizons use forward mode. Defaults come from the scene's `tune:` block; flags override them. \
      Prints one progress line per iteration on standard error and writes DIR/<scene name>/: \
      tuned.yaml (the scene with the tuned values written in), loss.png, parameters.png, \
      overlay.png (selected iterations, faint to bold, the best boldest) and the frames of the \
      best run: tuned.yaml holds the best iteration's values, not the last one's. For a \
      training scene, curves.png replaces the overlay and the frames: the loss curves (the \
      objective against the inner step) of selected iterations, faint to bold, the best boldest. \
      The scene's \
      tune.horizon (full, online, greedy) sets when the hypergradient's tangent is reset.

      --method levenberg-marquardt fits a loss that is a sum of squared residuals, such as an \
      objective's `observations:` of recorded motion (see `tandem run --record`): every \
      residual's exact Jacobian from one forward-mode run an iteration (by reverse mode through \
      the whole trajectory when the residuals are few and the parameters many). After the fit it \
      prints each parameter's standard error, the correlations, the eigenvalues of the scaled \
      JᵀJ and any combination of parameters the data do not determine (in --json: \
      standard_errors, correlation, eigenvalues, unidentifiable), and writes fit.png (observed \
      points against the fitted trajectories) and residuals.png (each residual against time).

      A result is never lost: on SIGINT or SIGTERM, or when an iteration fails after others \
      ran, the best values found so far are written (exit status 130 or 143 after an \
      interrupt). When the scene's text cannot be edited in place (an anchor or alias on a \
      value), the values go to tuned-values.yaml instead of tuned.yaml, with a warning. The \
      summary says why the tuner stopped.
      """
  )

  @OptionGroup var sceneOptions: SceneOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Outer iterations (default: the scene's tune.iterations, else 30).")
  var iterations: Int?

  @Option(
    help:
      "The outer optimizer: gd, adam, newton or levenberg-marquardt (default: the scene's tune.method, else adam)."
  )
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

  @Option(
    help: ArgumentHelp(
      "Converged when the gradient's norm falls to this fraction of its starting norm "
        + "(default: the scene's tune.gradient-tolerance, else 1e-10).", valueName: "fraction"))
  var gradientTolerance: Double?

  @Option(
    help: ArgumentHelp(
      "Stalled when a step changes no tuned value by more than this fraction of its size "
        + "(default: the scene's tune.step-tolerance, else 1e-12).", valueName: "fraction"))
  var stepTolerance: Double?

  @Option(
    help: ArgumentHelp(
      "How the hypergradient is computed: auto (the cheaper by an estimate, printed), forward or reverse "
        + "(checkpointed) (default: the scene's tune.mode, else auto).", valueName: "mode"))
  var mode: GradientModeRequest?

  @Option(
    help: ArgumentHelp(
      "Memory reverse mode may keep in snapshots of the process's state.", valueName: "MiB"))
  var memory = 256

  @Flag(
    help:
      "Do not write frames of the final trajectory (plots and tuned.yaml are still written; training scenes write no frames)."
  )
  var noFrames = false

  @Option(
    help: ArgumentHelp(
      "Tune from N starting points: the scene's values, then N − 1 drawn in the bounds (log-uniformly on a log scale); the best is kept.",
      valueName: "N"))
  var starts = 1

  @Option(help: ArgumentHelp("The seed the starting points are drawn with.", valueName: "S"))
  var seed: UInt64 = 0

  @Option(
    help: ArgumentHelp(
      "Starts run at once, each on its own core (default: the machine's cores); the results do not depend on it.",
      valueName: "K"))
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Flag(help: "Print the result and history as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if let iterations, iterations < 1 {
      throw ValidationError("--iterations must be at least 1, not \(iterations).")
    }
    guard memory > 0 else { throw ValidationError("--memory must be positive, not \(memory).") }
    guard starts >= 1 else { throw ValidationError("--starts must be at least 1, not \(starts).") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
    if let rate, !(rate > 0 && rate.isFinite) {
      throw ValidationError("--rate must be a positive, finite number, not \(rate).")
    }
    for (name, value) in [
      ("--gradient-tolerance", gradientTolerance), ("--step-tolerance", stepTolerance),
    ] {
      if let value, !TuneSettings.tolerances.contains(value) {
        throw ValidationError("\(name) is a fraction, at least 0 and below 1, not \(value).")
      }
    }
  }

  func run() throws {
    var tuning = try sceneOptions.tuning()
    let scene = tuning.scene
    (tuning.iterations, tuning.method, tuning.rate, tuning.horizon) = (
      iterations, method, rate, horizon
    )
    (tuning.gradientTolerance, tuning.stepTolerance) = (gradientTolerance, stepTolerance)
    tuning.writesFrames = !noFrames
    (tuning.mode, tuning.memoryBytes) = (mode, memory << 20)
    (tuning.starts, tuning.seed, tuning.jobs) = (starts, seed, jobs)
    let choice = try tuning.modeChoice()
    // Held from before the first iteration, so a second run into the same
    // folder is refused at once rather than after its work.
    let held = try OutputFolder(output.folder(for: scene.name))
    defer { withExtendedLifetime(held) {} }
    let folder = held.url
    let tuned = tuning.tuned
    let method = tuning.resolvedMethod
    printError(
      "tuning \(tuned.groups.map { $0.isVector ? "\($0.name)[\($0.entries.count)]" : $0.name }.joined(separator: ", ")) of \(scene.name) with \(method.rawValue)"
        + (method.optimizer.usesRate ? ", rate \(tuning.resolvedRate)" : "")
        + (tuning.resolvedHorizon == .full ? "" : ", \(tuning.resolvedHorizon) horizon"))
    printError("mode \(choice.mode.name): \(choice.reason)")
    // Whatever happens after the first iteration, the best values found are written.
    let safeguard = TuningGuard()
    nonisolated(unsafe) let interrupted = tuning
    safeguard.onInterrupt { history in
      guard !history.isEmpty else { return }
      printError("interrupted: writing the best values found so far")
      if let written = try? interrupted.write(history, to: folder) {
        printError("written    \(folder.path)/ (\(written.joined(separator: ", ")))")
      }
    }
    let history: [TuningIteration]
    var startResults: [TuningStart]?
    do {
      if starts > 1 {
        printError("from \(starts) starts (seed \(seed)), \(min(jobs, starts)) at a time")
        let results = try tuning.runStarts { start in
          safeguard.keepIfBetter(start.history)
          printError(Self.summary(of: start, starts: starts, tuned: tuned))
        }
        guard let best = SceneTuning.best(of: results) else {
          throw ValidationError(
            "every start failed; the first: \(results.first?.failure ?? "unknown")")
        }
        printError("best       start \(best.number) of \(starts)")
        (history, startResults) = (best.history, results)
      } else {
        history = try tuning.run { iteration in
          safeguard.record(iteration)
          let values = ParameterText.assignments(tuned, in: iteration.parameters)
          printError(
            String(
              format: "iter %3d  loss %.6e  |grad| %.3e  ", iteration.iteration, iteration.loss,
              iteration.gradientNorm)
              + values.joined(separator: " ")
              + (iteration.halvings > 0 ? "  (step halved \(iteration.halvings)×)" : ""))
        }
      }
    } catch {
      let sofar = safeguard.snapshot
      if sofar.count > 1, safeguard.beginWriting(),
        let written = try? tuning.write(sofar, to: folder)
      {
        printError(
          "tuning failed after \(sofar.count - 1) iterations; the best values found so far are in \(folder.path)/ (\(written.joined(separator: ", ")))"
        )
      }
      throw error
    }
    _ = safeguard.beginWriting()
    let written = try tuning.write(history, to: folder)
    if written.contains(SceneTuning.valuesFileName) {
      printError(
        "warning: \(sceneOptions.scene) could not be edited in place, so the tuned values are in \(folder.path)/\(SceneTuning.valuesFileName)"
      )
    }
    let best = SceneTuning.best(of: history)
    // What a person fitting a model needs: how well each value is determined.
    let statistics =
      method.optimizer.needs == .residualJacobian
      ? try tuning.fitStatistics(at: best.parameters) : nil

    if json {
      print(
        jsonText(
          TuneReport(
            history: history, tuned: tuned, mode: choice, statistics: statistics,
            starts: startResults)))
    } else {
      print(
        "loss       \(String(format: "%.9g", history[0].loss)) -> \(String(format: "%.9g", best.loss)) (best, at iteration \(best.iteration) of \(history.last!.iteration))"
      )
      for group in tuned.groups {
        let (start, end) = (
          group.values(in: history[0].parameters), group.values(in: best.parameters)
        )
        let name = group.isVector ? "\(group.name)[\(start.count)]" : group.name
        let change =
          group.isVector
          ? "\(ParameterText.summary(start, 9)) -> \(ParameterText.summary(end, 9))"
          : "\(String(format: "%.9g", start[0])) -> \(String(format: "%.9g", end[0]))"
        print("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(change)")
      }
      if let statistics {
        for line in FitReport.lines(
          statistics, tuned: tuned, values: tuned.map { best.parameters[$0.index] })
        {
          print(line)
        }
      }
      print("mode       \(choice.mode.name) (\(choice.reason))")
      if let stop = history.last?.stop { print("stopped    \(stop)") }
      print("written    \(folder.path)/ (\(written.joined(separator: ", ")))")
    }
  }
}

extension TuneCommand {
  /// One line per finished start: its number, its loss from start to best,
  /// its iterations and why it stopped, and its best values.
  static func summary(of start: TuningStart, starts: Int, tuned: [TunedParameter]) -> String {
    let number = "start \(start.number)/\(starts)".padding(
      toLength: 11, withPad: " ", startingAt: 0)
    guard let best = start.best, let first = start.history.first else {
      return number + "failed: " + (start.failure ?? "unknown")
    }
    return number
      + String(format: "loss %.6e -> %.6e  ", first.loss, best.loss)
      + "(\(start.history.count - 1) iterations, \(start.history.last?.stop?.name ?? "?"))  "
      + ParameterText.assignments(tuned, in: best.parameters).joined(separator: " ")
  }
}

extension TuningMethod: ExpressibleByArgument {}

extension GradientModeRequest: ExpressibleByArgument {}

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
