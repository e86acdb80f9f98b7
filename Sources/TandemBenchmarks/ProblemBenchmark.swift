import Foundation
import TandemAD
import TandemPhysics
import TandemProcess
import TandemTraining
import TandemTuning

/// How a benchmark problem is differentiated.
public enum BenchmarkMode: String, Sendable, CaseIterable {
  /// Dual over reverse: the inner gradient by the tape at every step, the
  /// hypergradient of every parameter by forward mode in one run. Memory is
  /// constant in the number of steps.
  case forward
  /// Reverse mode through the process with checkpointing: a bounded number
  /// of snapshots, each step reversed on a tape cut back after it. Memory
  /// does not grow with the number of steps.
  case reverse
  /// Backpropagation through the whole trajectory on `Recorded` (one
  /// trajectory tape of every step): memory grows with the number of steps.
  case reverseFull = "reverse-full"
  /// The plain run on `Double`, no hypergradient.
  case primal
}

/// What one problem benchmark measured.
public struct ProblemBenchmarkResult: Sendable {
  /// "b1", "b2" or "b3".
  public var problem: String
  /// The mode.
  public var mode: BenchmarkMode
  /// The problem's size, for display ("n=16 T=1000").
  public var size: String
  /// The steps of one run.
  public var steps: Int
  /// The loss at the end of the run.
  public var loss: Double
  /// The hypergradient, one (name, value) per parameter; empty in primal mode.
  public var gradient: [(name: String, value: Double)]
  /// Seconds per step of every repeat (a whole run, set-up included, over its steps).
  public var secondsPerStep: [Double]
  /// Peak resident memory of the process, in bytes (getrusage's ru_maxrss).
  public var peakResidentBytes: Int
  /// Heap allocations per step in steady state (after the first steps have
  /// sized every buffer), or nil when allocation counting is inactive or
  /// the mode is reverse (whose trajectory tape grows by design).
  public var allocationsPerStep: Double?
  /// Bytes on the trajectory tape at the end (whole-trajectory reverse mode)
  /// or its most for one step (checkpointed reverse mode).
  public var trajectoryBytes: Int?
  /// What the checkpointing schedule did (checkpointed reverse mode only).
  public var checkpointing: CheckpointSchedule.Statistics?
  /// The bytes of one snapshot (checkpointed reverse mode only).
  public var snapshotBytes: Int?

  /// The median of the per-step times (the upper middle one for an even count).
  public var medianSecondsPerStep: Double { secondsPerStep.sorted()[secondsPerStep.count / 2] }
  /// The fastest per-step time.
  public var minimumSecondsPerStep: Double { secondsPerStep.min()! }
}

/// Times `run` (which performs a whole run and returns its loss and
/// hypergradient) `repeats` times, returning the last result and the seconds per step.
func timeRuns(
  repeats: Int, steps: Int, _ run: () throws -> (Double, [Double])
) rethrows -> (loss: Double, gradient: [Double], secondsPerStep: [Double]) {
  var result: (Double, [Double]) = (0, [])
  var times: [Double] = []
  for _ in 0..<max(repeats, 1) {
    let start = DispatchTime.now().uptimeNanoseconds
    result = try run()
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
    times.append(elapsed / Double(max(steps, 1)))
  }
  return (result.0, result.1, times)
}

/// Counts the heap allocations of `count` calls of `step` after `warmUp`
/// calls, per call.
func allocationsPerCall(warmUp: Int = 3, count: Int = 20, _ step: () throws -> Void) rethrows
  -> Double?
{
  guard AllocationCounting.isActive else { return nil }
  for _ in 0..<warmUp { try step() }
  let total = try AllocationCounting.allocations { for _ in 0..<count { try step() } }!
  return Double(total) / Double(count)
}

/// Benchmark B1, the hanging cloth, built from its scene text.
public func benchmarkCloth(
  n: Int = 16, steps: Int = 1000, mode: BenchmarkMode = .forward, snapshots: Int = 2048,
  repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let (description, parameters, names) = try BenchmarkProblems.cloth(n: n, steps: steps)
  return try benchmark(
    description, parameters: parameters, names: names, problem: "b1", size: "n=\(n) T=\(steps)",
    mode: mode, repeats: repeats)
}

/// Benchmark B4, B1 with one stiffness per spring, built from its scene
/// text. Its gradient is summarised as the specification asks: ∂/∂c, ∂/∂dt,
/// ∂/∂k_0, ∂/∂k_{S−1}, Σ ∂/∂k_s, ‖∂/∂k‖₂ and Σ sin(s+1)·∂/∂k_s.
public func benchmarkClothSprings(
  n: Int = 16, steps: Int = 1000, mode: BenchmarkMode = .reverse, snapshots: Int = 2048,
  repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let (description, parameters, names) = try BenchmarkProblems.clothSprings(n: n, steps: steps)
  var result = try benchmark(
    description, parameters: parameters, names: names, problem: "b4", size: "n=\(n) T=\(steps)",
    mode: mode, repeats: repeats, snapshots: snapshots)
  if mode != .primal {
    let stiffness = result.gradient.dropLast(2).map(\.value)
    let (c, dt) = (result.gradient[result.gradient.count - 2], result.gradient.last!)
    result.gradient = [
      ("c", c.value), ("dt", dt.value), ("k_0", stiffness.first!), ("k_last", stiffness.last!),
      ("k_sum", stiffness.reduce(0, +)),
      ("k_norm", stiffness.map { $0 * $0 }.reduce(0, +).squareRoot()),
      ("k_check", stiffness.enumerated().map { sin(Double($0 + 1)) * $1 }.reduce(0, +)),
    ]
  }
  return result
}

/// Benchmark B3, the cloth hanging in 3-D with bending springs, built from
/// its scene text.
public func benchmarkCloth3D(
  n: Int = 16, steps: Int = 1000, mode: BenchmarkMode = .forward, snapshots: Int = 2048,
  repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let (description, parameters, names) = try BenchmarkProblems.cloth3D(n: n, steps: steps)
  return try benchmark(
    description, parameters: parameters, names: names, problem: "b3", size: "n=\(n) T=\(steps)",
    mode: mode, repeats: repeats)
}

/// Benchmark B2, the training loop, built with TandemTraining.
public func benchmarkTraining(
  samples: Int = 1024, hidden: Int = 64, steps: Int = 500, mode: BenchmarkMode = .forward,
  snapshots: Int = 2048, repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let description = BenchmarkProblems.training(samples: samples, hidden: hidden, steps: steps)
  return try benchmark(
    description, parameters: BenchmarkProblems.trainingParameters, names: ["rate", "momentum"],
    problem: "b2", size: "N=\(samples) H=\(hidden) T=\(steps)", mode: mode, repeats: repeats,
    snapshots: snapshots)
}

/// Runs one benchmark problem through the entry points `tandem tune` and
/// `tandem check` use: forward mode by `lossWithGradient` (every parameter a
/// tangent direction, one run), the plain run by `loss`, reverse mode by
/// `checkpointedReverseGradient` (`snapshots` snapshots) and by
/// `reverseGradient` (the whole trajectory recorded).
func benchmark<Process: SteppedProcess>(
  _ process: Process, parameters: [Double], names: [String], problem: String, size: String,
  mode: BenchmarkMode, repeats: Int, snapshots: Int = 2048
) throws -> ProblemBenchmarkResult {
  let steps = process.stepCount
  let everyParameter = Array(parameters.indices)
  var result = ProblemBenchmarkResult(
    problem: problem, mode: mode, size: size, steps: steps, loss: 0, gradient: [],
    secondsPerStep: [], peakResidentBytes: 0)
  let timed: (loss: Double, gradient: [Double], secondsPerStep: [Double])
  switch mode {
  case .forward:
    timed = try timeRuns(repeats: repeats, steps: steps) {
      try process.lossWithGradient(parameters: parameters, tuned: everyParameter)
    }
    switch parameters.count {
    case 2:
      result.allocationsPerStep = try allocationsPerStep(
        process, Dual<2, Double>.seeding(parameters))
    case 3:
      result.allocationsPerStep = try allocationsPerStep(
        process, Dual<3, Double>.seeding(parameters))
    case 4:
      result.allocationsPerStep = try allocationsPerStep(
        process, Dual<4, Double>.seeding(parameters))
    default: break
    }
  case .primal:
    timed = try timeRuns(repeats: repeats, steps: steps) {
      (try process.loss(parameters: parameters), [])
    }
    result.allocationsPerStep = try allocationsPerStep(process, parameters)
  case .reverse:
    var last: CheckpointedGradient?
    timed = try timeRuns(repeats: repeats, steps: steps) {
      let reverse = try process.checkpointedReverseGradient(
        parameters: parameters, tuned: everyParameter, snapshots: snapshots)
      last = reverse
      return (reverse.loss, reverse.gradient)
    }
    result.checkpointing = last?.statistics
    result.snapshotBytes = last?.snapshotBytes
    result.trajectoryBytes = last?.tapeBytes
  case .reverseFull:
    var bytes = 0
    timed = try timeRuns(repeats: repeats, steps: steps) {
      let reverse = try process.reverseGradient(
        parameters: parameters, tuned: everyParameter, byteLimit: .max)
      bytes = reverse.recordedBytes
      return (reverse.loss, reverse.gradient)
    }
    result.trajectoryBytes = bytes
  }
  (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
  result.gradient = zip(names, timed.gradient).map { ($0, $1) }
  result.peakResidentBytes = PeakMemory.residentBytes()
  return result
}

/// Heap allocations per step of `process` run on `parameters`' scalar type,
/// counted over steps after the first few have sized every buffer.
func allocationsPerStep<Process: SteppedProcess, T: Scalar>(
  _ process: Process, _ parameters: [T]
) throws -> Double? {
  var driver = AllocationCountingDriver<T>()
  try process.start(&driver, parameters: parameters)
  return driver.allocationsPerStep
}

/// Takes a few steps of a run, then counts the allocations of the next ten.
struct AllocationCountingDriver<Value: Scalar>: RunDriver {
  var allocationsPerStep: Double?

  mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Value {
    allocationsPerStep = try allocationsPerCall(count: 10) { try run.advance() }
  }
}
