import ArgumentParser
import Foundation
import Tandem

/// `tandem check`: the gradient of a scene's objective by three independent routes.
struct CheckCommand: ParsableCommand {
  /// How `--reverse` goes through the process.
  enum ReverseChoice: String, ExpressibleByArgument, CaseIterable {
    case checkpointed, full
  }

  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Compare the hypergradient from forward mode, finite differences and reverse mode.",
    discussion: """
      Computes the gradient of the scene's objective with respect to its tuned parameters by \
      forward mode (dual numbers over reverse-mode inner gradients, the route `tandem tune` \
      uses), by central finite differences (the step for each parameter is printed), and by \
      reverse mode through the process: checkpointed by default (a bounded number of snapshots, \
      each step reversed on a tape of its own), or with --reverse full the whole trajectory \
      recorded on one tape and one backward pass. The peak memory of each route is its own \
      (the high-water mark is reset before each): forward mode's and checkpointed reverse \
      mode's stay flat as the number of steps grows, the whole tape's grows with it.

      Gives a verdict: central differences are compared with the reference mode's gradient \
      (--mode: auto takes the mode `tandem tune` would use, printed with why), and the two modes \
      with each other, parameter by \
      parameter, and passes when the absolute difference is at most --atol or the symmetric \
      relative difference |a − b| / max(|a|, |b|) is at most --rtol (defaults: 1e-5 and 1e-10 \
      for finite differences, 1e-9 and 1e-12 for reverse mode). A non-finite value fails. The \
      exit status is 1 when any route that ran disagrees, 0 when all agree; a skipped route is \
      shown as skipped.
      """
  )

  @OptionGroup var sceneOptions: SceneOptions

  @Option(
    help: ArgumentHelp(
      "How reverse mode goes through the process: checkpointed (memory bounded by --memory) or full (the whole trajectory on one tape).",
      valueName: "checkpointed|full"))
  var reverse: ReverseChoice = .checkpointed

  @Option(
    help: ArgumentHelp(
      "Memory checkpointed reverse mode may keep in snapshots of the process's state.",
      valueName: "MiB"))
  var memory = 256

  @Option(
    help: ArgumentHelp(
      "The mode whose gradient central differences are compared with: auto (by an estimate of each one's cost for the scene's method and horizon), forward or reverse. Default: the scene's `tune: { mode }`, else auto: the mode `tandem tune` uses.",
      valueName: "mode"))
  var mode: GradientModeRequest?

  @Option(
    name: .customLong("reverse-limit"),
    help: ArgumentHelp(
      "With --reverse full, skip reverse mode when its recording would exceed this many MiB.",
      valueName: "MiB"))
  var reverseLimit = 8192

  @Option(help: "The relative tolerance of every route (default: each route's own).")
  var rtol: Double?

  @Option(help: "The absolute tolerance of every route (default: each route's own).")
  var atol: Double?

  @Flag(help: "Print the results as one JSON object on standard output.")
  var json = false

  func validate() throws {
    guard reverseLimit > 0 else { throw ValidationError("--reverse-limit must be positive.") }
    guard memory > 0 else { throw ValidationError("--memory must be positive, not \(memory).") }
    for (name, value) in [("--rtol", rtol), ("--atol", atol)] {
      if let value, !(value >= 0 && value.isFinite) {
        throw ValidationError("\(name) must be a finite number ≥ 0, not \(value).")
      }
    }
  }

  /// `tolerance` with the flags that were given.
  func overriding(_ tolerance: CheckVerdict.Tolerance) -> CheckVerdict.Tolerance {
    CheckVerdict.Tolerance(
      relative: rtol ?? tolerance.relative, absolute: atol ?? tolerance.absolute)
  }

  func run() throws {
    let scene = try sceneOptions.load()
    guard !scene.tunedParameterList.isEmpty else {
      throw CommandFailure(TuningError.nothingToTune.description)
    }
    let choice = try scene.gradientModeChoice(mode, memoryBytes: memory << 20)
    let snapshots = max(choice.snapshots, 2)
    let route: ReverseRoute =
      reverse == .full
      ? .wholeTape(byteLimit: reverseLimit << 20) : .checkpointed(snapshots: snapshots)
    let check = SceneCheck(scene: scene, reverse: route)
    if !json { printError("reference: \(choice.mode.name) mode (\(choice.reason))") }
    let results = try check.run { step in
      if !json { printError("computing the gradient by \(step.title(reverse: route))…") }
    }
    // The steps taken, not the scene's `steps`: a stop event may end the run early.
    let steps = results[1].stepsTaken ?? check.scene.process.stepCount
    let tuned = scene.tunedParameterList
    let parameters = scene.parameterVector
    let verdict = CheckVerdict(
      results, tuned: tuned, reference: choice.mode == .forward ? .forward : .reverse,
      finiteDifference: overriding(.finiteDifference),
      reverse: overriding(.reverse))
    if json {
      print(
        jsonText(
          CheckReport(
            scene: scene, steps: steps, results: results, verdict: verdict, mode: choice)))
    } else {
      printTable(
        scene: scene, steps: steps, tuned: tuned, parameters: parameters, results: results,
        verdict: verdict, reverse: route, referenceIsReverse: choice.mode != .forward)
    }
    if !verdict.passed { throw ExitCode(1) }
  }

  func printTable(
    scene: SceneDescription, steps: Int, tuned: [TunedParameter], parameters: [Double],
    results: [GradientRouteResult], verdict: CheckVerdict, reverse route: ReverseRoute,
    referenceIsReverse: Bool
  ) {
    let (forward, difference, reverse) = (results[0], results[1], results[2])
    let planned = scene.process.stepCount
    let stepsText =
      steps < planned
      ? "\(steps) steps (a stop event ended it; at most \(planned))" : "\(steps) steps"
    print("scene \(scene.name): \(stepsText), loss \(String(format: "%.15g", forward.loss))")
    print("")
    let header = [
      "parameter", "value", "forward", "finite difference", "reverse",
      referenceIsReverse ? "fd vs rev" : "fd vs fwd", "rev vs fwd",
    ]
    var rows: [[String]] = []
    for k in shownEntries(tuned, results: results, verdict: verdict) {
      guard k >= 0 else {
        rows.append(["…"] + Array(repeating: "", count: header.count - 1))
        continue
      }
      let p = tuned[k]
      let f = forward.gradient[k]
      rows.append([
        p.name, format(parameters[p.index]), format(f), format(difference.gradient[k]),
        reverse.failure == nil ? format(reverse.gradient[k]) : "skipped",
        compared(
          difference.gradient[k],
          referenceIsReverse && reverse.failure == nil ? reverse.gradient[k] : f,
          verdict.finiteDifference[k]),
        reverse.failure == nil ? compared(reverse.gradient[k], f, verdict.reverse[k]) : "skipped",
      ])
    }
    printAligned([header] + rows)
    if rows.contains(where: { $0[0] == "…" }) {
      print(
        "(a vector parameter's entries are shown in part: the first three, the one that agrees worst, the last; --json lists all)"
      )
    }
    print("")
    if let steps = difference.steps {
      let list = zip(tuned, steps).prefix(12).map { "\($0.name): \(String(format: "%.3g", $1))" }
        .joined(separator: ", ")
      print(
        "finite-difference steps h = ∛ε·|value| (∛ε where the value is 0): \(list)\(tuned.count > 12 ? ", …" : "")"
      )
    }
    if let failure = reverse.failure { print("reverse mode skipped: \(failure)") }
    print("")
    var costs = [["route", "wall time (s)", "peak memory (MiB)", "recorded (MiB)"]]
    for result in results {
      costs.append([
        result.route.title(reverse: route), String(format: "%.3f", result.seconds),
        String(format: "%.1f", Double(result.peakResidentBytes) / 1_048_576),
        result.recordedBytes.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "—",
      ])
    }
    printAligned(costs)
    if let schedule = reverse.checkpointing, let bytes = reverse.snapshotBytes {
      print(
        "reverse mode held at most \(schedule.peakSnapshots) snapshots of \(bytes) bytes (a snapshot every \(schedule.spacing) steps, then binomial): \(schedule.forwardSteps) steps forward, \(schedule.recomputedSteps) recomputed, \(schedule.reverseSteps) reversed; recorded is one step's tape"
      )
    }
    print("")
    print(
      verdict.passed
        ? "verdict: PASS (every route that ran agrees with the \(referenceIsReverse ? "reverse" : "forward") mode's gradient)"
        : "verdict: FAIL (a route disagrees with the \(referenceIsReverse ? "reverse" : "forward") mode's gradient, or a value is not finite)"
    )
  }

  func format(_ value: Double) -> String { String(format: "%.12g", value) }

  /// The entries the table shows, in order, with -1 for a row of `…`: every
  /// scalar parameter, and of a vector with more than eight entries the
  /// first three, the one whose routes disagree most, and the last.
  func shownEntries(
    _ tuned: [TunedParameter], results: [GradientRouteResult], verdict: CheckVerdict
  ) -> [Int] {
    var shown: [Int] = []
    var start = 0
    for group in tuned.groups {
      let range = start..<(start + group.entries.count)
      start = range.upperBound
      guard group.entries.count > 8 else {
        shown += range
        continue
      }
      func disagreement(_ k: Int) -> Double {
        let reference = results[0].gradient[k]
        let others =
          [results[1].gradient[k]] + (results[2].failure == nil ? [results[2].gradient[k]] : [])
        let failed = verdict.finiteDifference[k] == .fail || verdict.reverse[k] == .fail
        return (failed ? 1e300 : 0) + others.map { CheckVerdict.difference($0, reference) }.max()!
      }
      let worst = range.max { disagreement($0) < disagreement($1) }!
      let picked = Set([
        range.lowerBound, range.lowerBound + 1, range.lowerBound + 2, worst, range.upperBound - 1,
      ])
      var previous = range.lowerBound - 1
      for k in picked.sorted() {
        if k > previous + 1 { shown.append(-1) }
        shown.append(k)
        previous = k
      }
    }
    return shown
  }

  /// The symmetric relative difference and the outcome, such as `3.1e-11 PASS`.
  func compared(_ value: Double, _ reference: Double, _ outcome: CheckVerdict.Outcome) -> String {
    String(format: "%.1e ", CheckVerdict.difference(value, reference)) + outcome.rawValue
  }

  /// Prints rows as left-aligned columns two spaces apart.
  func printAligned(_ rows: [[String]]) {
    let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
    for row in rows {
      print(
        zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(
          separator: "  "))
    }
  }
}
