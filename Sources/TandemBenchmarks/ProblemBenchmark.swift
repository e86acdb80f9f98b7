import Foundation
import TandemAD
import TandemPhysics
import TandemTraining

/// How a benchmark problem is differentiated.
public enum BenchmarkMode: String, Sendable, CaseIterable {
  /// Dual over reverse: the inner gradient by the tape at every step, the
  /// hypergradient of every parameter by forward mode in one run. Memory is
  /// constant in the number of steps.
  case forward
  /// Backpropagation through the whole trajectory on `Recorded` (a `Double`
  /// trajectory tape): memory grows with the number of steps.
  case reverse
  /// The plain run on `Double`, no hypergradient.
  case primal
}

/// What one problem benchmark measured.
public struct ProblemBenchmarkResult: Sendable {
  /// "b1" or "b2".
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
  /// Nodes on the trajectory tape at the end (reverse mode only).
  public var trajectoryBytes: Int?

  /// The median of the per-step times (the upper middle one for an even count).
  public var medianSecondsPerStep: Double { secondsPerStep.sorted()[secondsPerStep.count / 2] }
  /// The fastest per-step time.
  public var minimumSecondsPerStep: Double { secondsPerStep.min()! }
}

/// Peak resident memory of this process so far, in bytes.
public func peakResidentBytes() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Int(usage.ru_maxrss) * 1024  // KiB on Linux
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
  n: Int = 16, steps: Int = 1000, mode: BenchmarkMode = .forward, repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let (description, parameters, names) = try BenchmarkProblems.cloth(n: n, steps: steps)
  var result = ProblemBenchmarkResult(
    problem: "b1", mode: mode, size: "n=\(n) T=\(steps)", steps: steps, loss: 0, gradient: [],
    secondsPerStep: [], peakResidentBytes: 0)
  switch mode {
  case .forward:
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      var simulation = Simulation(description, parameters: Dual<3, Double>.seeding(parameters))
      try simulation.run()
      let loss = simulation.loss()
      return (loss.value, (0..<3).map { loss.tangents[$0] })
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    result.gradient = zip(names, timed.gradient).map { ($0, $1) }
    var simulation = Simulation(description, parameters: Dual<3, Double>.seeding(parameters))
    result.allocationsPerStep = try allocationsPerCall { try simulation.advance() }
  case .primal:
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      var simulation = Simulation(description, parameters: parameters)
      try simulation.run()
      return (simulation.loss(), [])
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    var simulation = Simulation(description, parameters: parameters)
    result.allocationsPerStep = try allocationsPerCall { try simulation.advance() }
  case .reverse:
    var bytes = 0
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      let (value, gradient) = try RecordedTape.valueWithGradient(at: parameters) { inputs in
        var simulation = Simulation(description, parameters: inputs)
        try simulation.run()
        let loss = simulation.loss()
        bytes = RecordedTape.recordedByteCount
        return loss
      }
      return (value, gradient)
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    result.gradient = zip(names, timed.gradient).map { ($0, $1) }
    result.trajectoryBytes = bytes
  }
  result.peakResidentBytes = peakResidentBytes()
  return result
}

/// Benchmark B2, the training loop, built with TandemTraining.
public func benchmarkTraining(
  samples: Int = 1024, hidden: Int = 64, steps: Int = 500, mode: BenchmarkMode = .forward,
  repeats: Int = 5
) throws -> ProblemBenchmarkResult {
  let description = BenchmarkProblems.training(samples: samples, hidden: hidden, steps: steps)
  let parameters = BenchmarkProblems.trainingParameters
  let names = ["rate", "momentum"]
  var result = ProblemBenchmarkResult(
    problem: "b2", mode: mode, size: "N=\(samples) H=\(hidden) T=\(steps)", steps: steps, loss: 0,
    gradient: [], secondsPerStep: [], peakResidentBytes: 0)
  switch mode {
  case .forward:
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      var training = Training(description, parameters: Dual<2, Double>.seeding(parameters))
      try training.run()
      let loss = training.loss()
      return (loss.value, [loss.tangents[0], loss.tangents[1]])
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    result.gradient = zip(names, timed.gradient).map { ($0, $1) }
    var training = Training(description, parameters: Dual<2, Double>.seeding(parameters))
    result.allocationsPerStep = try allocationsPerCall(count: 10) { try training.advance() }
  case .primal:
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      var training = Training(description, parameters: parameters)
      try training.run()
      return (training.loss(), [])
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    var training = Training(description, parameters: parameters)
    result.allocationsPerStep = try allocationsPerCall(count: 10) { try training.advance() }
  case .reverse:
    var bytes = 0
    let timed = try timeRuns(repeats: repeats, steps: steps) {
      let (value, gradient) = try RecordedTape.valueWithGradient(at: parameters) { inputs in
        var training = Training(description, parameters: inputs)
        try training.run()
        let loss = training.loss()
        bytes = RecordedTape.recordedByteCount
        return loss
      }
      return (value, gradient)
    }
    (result.loss, result.secondsPerStep) = (timed.loss, timed.secondsPerStep)
    result.gradient = zip(names, timed.gradient).map { ($0, $1) }
    result.trajectoryBytes = bytes
  }
  result.peakResidentBytes = peakResidentBytes()
  return result
}
