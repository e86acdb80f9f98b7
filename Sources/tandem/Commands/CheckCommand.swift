import ArgumentParser
import Foundation
import Tandem

/// `tandem check`: the gradient of a scene's objective by three independent routes.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Compare the hypergradient from forward mode, finite differences and reverse mode.",
    discussion: """
      Computes the gradient of the scene's objective with respect to its tuned parameters by \
      forward mode (dual numbers over reverse-mode inner gradients, the route `tandem tune` \
      uses), by central finite differences (the step for each parameter is printed), and by \
      reverse mode through the whole trajectory (every operation recorded, one backward pass). \
      The peak memory of each route is its own (the high-water mark is reset before each): \
      forward mode's stays flat as the number of steps grows, reverse mode's grows with it.
      """
  )

  @OptionGroup var sceneOptions: SceneOptions

  @Option(
    name: .customLong("reverse-limit"),
    help: ArgumentHelp(
      "Skip reverse mode when its recording would exceed this many MiB.", valueName: "MiB"))
  var reverseLimit = 8192

  /// Kept so that scripts that pass it still run: every route runs in this
  /// process now, each with its own peak memory.
  @Flag(help: .hidden)
  var inProcess = false

  @Flag(help: "Print the results as one JSON object on standard output.")
  var json = false

  func validate() throws {
    guard reverseLimit > 0 else { throw ValidationError("--reverse-limit must be positive.") }
  }

  func run() throws {
    let scene = try sceneOptions.load()
    guard !scene.tunedParameterList.isEmpty else {
      throw CommandFailure(TuningError.nothingToTune.description)
    }
    let check = SceneCheck(scene: scene, reverseByteLimit: reverseLimit << 20)
    let results = try check.run { route in
      if !json { printError("computing the gradient by \(route.title)…") }
    }
    let steps = check.scene.process.stepCount
    let tuned = scene.tunedParameterList
    let parameters = scene.parameterVector
    if json {
      print(jsonText(CheckReport(scene: scene, steps: steps, results: results)))
      return
    }
    printTable(
      scene: scene, steps: steps, tuned: tuned, parameters: parameters, results: results
    )
  }

  func printTable(
    scene: SceneDescription, steps: Int, tuned: [TunedParameter], parameters: [Double],
    results: [GradientRouteResult]
  ) {
    let (forward, difference, reverse) = (results[0], results[1], results[2])
    print("scene \(scene.name): \(steps) steps, loss \(String(format: "%.15g", forward.loss))")
    print("")
    let header = [
      "parameter", "value", "forward", "finite difference", "reverse", "|fd−fwd|/|fwd|",
      "|rev−fwd|/|fwd|",
    ]
    var rows: [[String]] = []
    for (k, p) in tuned.enumerated() {
      let f = forward.gradient[k]
      rows.append([
        p.name, format(parameters[p.index]), format(f), format(difference.gradient[k]),
        reverse.failure == nil ? format(reverse.gradient[k]) : "—",
        relative(difference.gradient[k], f),
        reverse.failure == nil ? relative(reverse.gradient[k], f) : "—",
      ])
    }
    printAligned([header] + rows)
    print("")
    if let steps = difference.steps {
      let list = zip(tuned, steps).map { "\($0.name): \(String(format: "%.3g", $1))" }.joined(
        separator: ", ")
      print("finite-difference steps h = ∛ε·|value| (∛ε where the value is 0): \(list)")
    }
    if let failure = reverse.failure { print("reverse mode skipped: \(failure)") }
    print("")
    var costs = [["route", "wall time (s)", "peak memory (MiB)", "recorded (MiB)"]]
    for result in results {
      costs.append([
        result.route.title, String(format: "%.3f", result.seconds),
        String(format: "%.1f", Double(result.peakResidentBytes) / 1_048_576),
        result.recordedBytes.map { String(format: "%.1f", Double($0) / 1_048_576) } ?? "—",
      ])
    }
    printAligned(costs)
  }

  func format(_ value: Double) -> String { String(format: "%.12g", value) }

  /// |value − reference| / |reference|; "inf" when the reference is 0 and
  /// the value is not (a route that lost a derivative shows up that way).
  func relative(_ value: Double, _ reference: Double) -> String {
    if reference == 0 { return value == 0 ? "0" : "inf" }
    return String(format: "%.2e", abs(value - reference) / abs(reference))
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
