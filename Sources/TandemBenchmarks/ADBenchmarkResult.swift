/// What one AD benchmark measured: timings of a plain evaluation and of
/// gradient steps on the tape, on `Double` and on `Dual<3, Double>`, and
/// the heap allocations of a step in steady state.
///
/// A *step* is what a training or simulation loop does every iteration:
/// reset the tape, record the computation, run the backward pass.
public struct ADBenchmarkResult: Sendable, CustomStringConvertible {
  /// The workload's name.
  public var name: String
  /// Tape nodes (operations) recorded per step.
  public var nodesPerStep: Int
  /// Tape values (scalars, vector elements included) recorded per step.
  public var valuesPerStep: Int
  /// Evaluating the computation on plain `Double`s, nothing recorded.
  public var plainEvaluation: TimingSummary
  /// Recording alone on a `Tape<Double>` (reset + record).
  public var recordOnDouble: TimingSummary
  /// A whole step on a `Tape<Double>` (reset + record + backward).
  public var stepOnDouble: TimingSummary
  /// Recording alone on a `Tape<Dual<3, Double>>`.
  public var recordOnDual3: TimingSummary
  /// A whole step on a `Tape<Dual<3, Double>>`.
  public var stepOnDual3: TimingSummary
  /// A whole step on `Recorded` (record + backward on the trajectory tape),
  /// where the workload is written over scalars.
  public var stepOnRecorded: TimingSummary?
  /// Heap allocations per step in steady state, on `Double` and on
  /// `Dual<3, Double>` (and on `Recorded` where measured); `nil` when
  /// allocation counting is not active in this process.
  public var allocationsPerStep: (double: Double, dual3: Double, recorded: Double?)?
  /// Whether the tape's value equals the plain evaluation's bit for bit.
  public var valuesMatchPlainEvaluation: Bool

  /// Nanoseconds per recorded node of a timing's median (and minimum).
  public func nanosecondsPerNode(_ timing: TimingSummary) -> (median: Double, minimum: Double) {
    let n = Double(max(nodesPerStep, 1))
    return (
      TimingSummary.nanoseconds(timing.median) / n, TimingSummary.nanoseconds(timing.minimum) / n
    )
  }

  /// Nanoseconds per recorded value (scalar or vector element).
  public func nanosecondsPerValue(_ timing: TimingSummary) -> (median: Double, minimum: Double) {
    let n = Double(max(valuesPerStep, 1))
    return (
      TimingSummary.nanoseconds(timing.median) / n, TimingSummary.nanoseconds(timing.minimum) / n
    )
  }

  /// (record + backward on `Double`) / (plain evaluation on `Double`), of the
  /// medians and of the minima.
  public var gradientToPlainRatio: (median: Double, minimum: Double) {
    (
      TimingSummary.nanoseconds(stepOnDouble.median)
        / TimingSummary.nanoseconds(plainEvaluation.median),
      TimingSummary.nanoseconds(stepOnDouble.minimum)
        / TimingSummary.nanoseconds(plainEvaluation.minimum)
    )
  }

  /// A small table, one line per measurement.
  public var description: String {
    func rounded(_ x: Double) -> String { "\((x * 100).rounded() / 100)" }
    func perNode(_ timing: TimingSummary) -> String {
      let node = nanosecondsPerNode(timing)
      let value = nanosecondsPerValue(timing)
      return "\(timing); per node \(rounded(node.median)) ns (min \(rounded(node.minimum)))"
        + (valuesPerStep > nodesPerStep
          ? ", per value \(rounded(value.median)) ns (min \(rounded(value.minimum)))" : "")
    }
    var lines = [
      "\(name): \(nodesPerStep) nodes, \(valuesPerStep) values per step",
      "  plain evaluation, Double:        \(plainEvaluation)",
      "  record, Tape<Double>:            \(perNode(recordOnDouble))",
      "  record+backward, Tape<Double>:   \(perNode(stepOnDouble))",
      "  record, Tape<Dual<3>>:           \(perNode(recordOnDual3))",
      "  record+backward, Tape<Dual<3>>:  \(perNode(stepOnDual3))",
    ]
    if let recorded = stepOnRecorded {
      lines.append("  record+backward, Recorded:       \(perNode(recorded))")
    }
    let ratio = gradientToPlainRatio
    lines.append(
      "  (record+backward)/plain, Double: \(rounded(ratio.median))× median, \(rounded(ratio.minimum))× min"
    )
    if let allocations = allocationsPerStep {
      var text =
        "  heap allocations per step:       \(rounded(allocations.double)) on Double, \(rounded(allocations.dual3)) on Dual<3>"
      if let recorded = allocations.recorded { text += ", \(rounded(recorded)) on Recorded" }
      lines.append(text)
    } else {
      lines.append("  heap allocations per step:       not counted (allocation counting inactive)")
    }
    lines.append(
      "  tape value equals plain value:   \(valuesMatchPlainEvaluation ? "yes, bit for bit" : "NO")"
    )
    return lines.joined(separator: "\n")
  }
}
