import ArgumentParser
import Foundation
import TandemBenchmarks

/// `tandem bench` (the `tandem-bench` executable, which `tandem bench` runs):
/// the benchmark problems of `bench/SPEC.md` (B1, B2, B3) and the AD
/// micro-benchmarks. Build in release (`make build`): debug builds run
/// dual-number code about 150× slower.
///
/// A separate executable because it links the allocation counter, which
/// interposes `malloc` for the whole process: the `tandem` that users run
/// for `run`, `tune` and `check` must not carry it.
@main
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tandem bench",
    abstract:
      "Time the benchmark problems (B1 cloth, B2 training, B3 cloth in 3-D, B4 a stiffness per spring) and the AD core.",
    discussion: """
      b1 to b4 print the loss and its hypergradient to 15 significant digits (b4 a summary of \
      its 932 entries), seconds per step (median and minimum of the repeats, each a whole run \
      with its set-up), peak resident memory and heap allocations per step in steady state. \
      --mode reverse is checkpointed (memory bounded by --snapshots); reverse-full records the \
      whole trajectory on one tape.
      """,
    subcommands: [
      ClothBench.self, TrainingBench.self, Cloth3DBench.self, ClothSpringsBench.self, ADBench.self,
    ]
  )
}

/// Options shared by `bench b1`, `bench b2` and `bench b3`.
struct ProblemBenchOptions: ParsableArguments {
  @Option(
    help:
      "forward (dual over reverse), reverse (checkpointed, through the trajectory), reverse-full (the whole trajectory on one tape) or primal."
  )
  var mode: BenchmarkMode = .forward

  @Option(help: "Snapshots the checkpointed reverse mode may hold at once (at least 2).")
  var snapshots: Int = 2048

  @Option(help: "Timed runs; the median and the minimum are reported.")
  var `repeat`: Int = 5

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  func validate() throws {
    guard self.repeat > 0 else {
      throw ValidationError("--repeat must be at least 1, not \(self.repeat).")
    }
    guard snapshots >= 2 else {
      throw ValidationError("--snapshots must be at least 2, not \(snapshots).")
    }
  }
}

extension BenchmarkMode: ExpressibleByArgument {}

/// The size of a cloth problem, shared by `bench b1` and `bench b3`.
struct ClothSizeOptions: ParsableArguments {
  @Option(help: "Cloth side: n×n particles.")
  var n: Int = 16

  @Option(help: "Steps T.")
  var steps: Int = 1000

  func validate() throws {
    guard n >= 2 else { throw ValidationError("--n must be at least 2, not \(n).") }
    guard steps > 0 else { throw ValidationError("--steps must be positive, not \(steps).") }
  }
}

/// `tandem bench b1`.
struct ClothBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "b1", abstract: "B1: the hanging cloth (hypergradient of k, c, dt).")

  @OptionGroup var size: ClothSizeOptions
  @OptionGroup var options: ProblemBenchOptions

  func run() throws {
    let result = try benchmarkCloth(
      n: size.n, steps: size.steps, mode: options.mode, snapshots: options.snapshots,
      repeats: options.repeat)
    print(options.json ? benchJSON(result) : benchText(result))
  }
}

/// `tandem bench b3`.
struct Cloth3DBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "b3",
    abstract: "B3: the cloth hanging in 3-D, with bending springs (hypergradient of k, kb, c, dt).")

  @OptionGroup var size: ClothSizeOptions
  @OptionGroup var options: ProblemBenchOptions

  func run() throws {
    let result = try benchmarkCloth3D(
      n: size.n, steps: size.steps, mode: options.mode, snapshots: options.snapshots,
      repeats: options.repeat)
    print(options.json ? benchJSON(result) : benchText(result))
  }
}

/// `tandem bench b4`.
struct ClothSpringsBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "b4",
    abstract:
      "B4: B1 with one stiffness per spring (932 parameters), by checkpointed reverse mode.",
    discussion: """
      Prints the loss and the specification's summary of the gradient: dloss/dc, dloss/ddt, \
      dloss/dk_0, dloss/dk_last, the sum and the 2-norm of dloss/dk, and the check sum \
      Σ sin(s+1)·dloss/dk_s. Forward mode needs one tangent per parameter here (runs of 8 \
      tangents, 117 of them): reverse mode is the default.
      """)

  @OptionGroup var size: ClothSizeOptions

  @Option(help: "reverse (checkpointed), reverse-full, forward or primal.")
  var mode: BenchmarkMode = .reverse

  @Option(help: "Snapshots the checkpointed reverse mode may hold at once (at least 2).")
  var snapshots: Int = 2048

  @Option(help: "Timed runs; the median and the minimum are reported.")
  var `repeat`: Int = 5

  @Flag(help: "Print one JSON object instead of text.")
  var json = false

  func validate() throws {
    guard self.repeat > 0 else {
      throw ValidationError("--repeat must be at least 1, not \(self.repeat).")
    }
    guard snapshots >= 2 else {
      throw ValidationError("--snapshots must be at least 2, not \(snapshots).")
    }
  }

  func run() throws {
    let result = try benchmarkClothSprings(
      n: size.n, steps: size.steps, mode: mode, snapshots: snapshots, repeats: self.repeat)
    print(json ? benchJSON(result) : benchText(result))
  }
}

/// `tandem bench b2`.
struct TrainingBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "b2",
    abstract: "B2: SGD with momentum on an MLP (hypergradient of rate, momentum).")

  @Option(help: "Training examples N (as many again for validation).")
  var samples: Int = 1024

  @Option(help: "Hidden width H.")
  var hidden: Int = 64

  @Option(help: "Steps T.")
  var steps: Int = 500

  @OptionGroup var options: ProblemBenchOptions

  func validate() throws {
    guard samples > 0, hidden > 0 else {
      throw ValidationError("--samples and --hidden must be positive.")
    }
    guard steps > 0 else { throw ValidationError("--steps must be positive, not \(steps).") }
  }

  func run() throws {
    let result = try benchmarkTraining(
      samples: samples, hidden: hidden, steps: steps, mode: options.mode,
      snapshots: options.snapshots, repeats: options.repeat)
    print(options.json ? benchJSON(result) : benchText(result))
  }
}

/// `tandem bench ad`.
struct ADBench: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ad",
    abstract:
      "AD micro-benchmarks: ns per tape node on Double and Dual<3>, gradient/eval ratio, allocations."
  )

  @Flag(help: "Small sizes, for a quick check.")
  var quick = false

  func run() throws {
    for result in runADBenchmarks(quick: quick) { print(result, terminator: "\n\n") }
  }
}

/// 15 significant digits, as the specification asks.
private func digits(_ x: Double) -> String { String(format: "%.14e", x) }

private func benchText(_ r: ProblemBenchmarkResult) -> String {
  var lines = [
    "problem       \(r.problem)", "mode          \(r.mode.rawValue)", "size          \(r.size)",
    "loss          \(digits(r.loss))",
  ]
  for (name, value) in r.gradient {
    lines.append(
      "dloss/d\(name)".padding(toLength: max(14, name.count + 8), withPad: " ", startingAt: 0)
        + digits(value))
  }
  lines.append(
    String(
      format: "s_per_step    %.4e  (median of %d; min %.4e)", r.medianSecondsPerStep,
      r.secondsPerStep.count,
      r.minimumSecondsPerStep))
  lines.append(String(format: "peak_rss_mib  %.1f", Double(r.peakResidentBytes) / 1_048_576))
  if let a = r.allocationsPerStep { lines.append("allocs/step   \(a) (steady state)") }
  if let schedule = r.checkpointing, let snapshot = r.snapshotBytes {
    lines.append(
      "checkpoints   \(schedule.peakSnapshots) snapshots at most, of \(snapshot) bytes; every \(schedule.spacing) steps, then binomial"
    )
    lines.append(
      "steps         \(schedule.forwardSteps) forward, \(schedule.recomputedSteps) recomputed, \(schedule.reverseSteps) reversed"
    )
    if let bytes = r.trajectoryBytes {
      lines.append(
        String(
          format: "step tape     %.2f MiB at most (cut back after every step)",
          Double(bytes) / 1_048_576))
    }
  } else if let bytes = r.trajectoryBytes {
    lines.append(
      String(format: "trajectory    %.1f MiB on the Recorded tape", Double(bytes) / 1_048_576))
  }
  return lines.joined(separator: "\n")
}

/// What `--json` prints, one key per field (non-finite numbers as null),
/// through Foundation's encoder.
private struct BenchReport: Encodable {
  let result: ProblemBenchmarkResult

  enum Key: String, CodingKey {
    case problem, mode, loss, gradient, steps, repeats
    case secondsPerStep = "seconds_per_step", secondsPerStepMinimum = "seconds_per_step_min"
    case peakResidentBytes = "peak_rss_bytes", allocationsPerStep = "allocations_per_step"
    case trajectoryBytes = "trajectory_bytes"
    case snapshots, snapshotBytes = "snapshot_bytes", recomputedSteps = "recomputed_steps"
  }

  /// A number, or nil when it is not finite (JSON has no NaN).
  static func finite(_ x: Double) -> Double? { x.isFinite ? x : nil }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(result.problem, forKey: .problem)
    try container.encode(result.mode.rawValue, forKey: .mode)
    try container.encode(Self.finite(result.loss), forKey: .loss)
    try container.encode(
      Dictionary(uniqueKeysWithValues: result.gradient.map { ($0.name, Self.finite($0.value)) }),
      forKey: .gradient)
    try container.encode(Self.finite(result.medianSecondsPerStep), forKey: .secondsPerStep)
    try container.encode(Self.finite(result.minimumSecondsPerStep), forKey: .secondsPerStepMinimum)
    try container.encode(result.peakResidentBytes, forKey: .peakResidentBytes)
    try container.encode(result.steps, forKey: .steps)
    try container.encode(result.secondsPerStep.count, forKey: .repeats)
    if let allocations = result.allocationsPerStep {
      try container.encode(Self.finite(allocations), forKey: .allocationsPerStep)
    }
    try container.encodeIfPresent(result.trajectoryBytes, forKey: .trajectoryBytes)
    if let schedule = result.checkpointing {
      try container.encode(schedule.peakSnapshots, forKey: .snapshots)
      try container.encode(schedule.recomputedSteps, forKey: .recomputedSteps)
      try container.encodeIfPresent(result.snapshotBytes, forKey: .snapshotBytes)
    }
  }
}

private func benchJSON(_ r: ProblemBenchmarkResult) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.sortedKeys]
  return String(decoding: try! encoder.encode(BenchReport(result: r)), as: UTF8.self)
}
