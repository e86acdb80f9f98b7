import Foundation
import TandemAD

/// How a hypergradient is computed.
public enum GradientMode: Sendable, Hashable {
  /// Forward mode: every tuned parameter a tangent direction (in runs of up
  /// to ``TangentWidth/maximum``). Cost grows with the number of parameters.
  case forward
  /// Checkpointed reverse mode through the whole process, with at most
  /// `snapshots` saved states (``SteppedProcess/checkpointedReverseGradient(parameters:tuned:snapshots:)``).
  /// Cost does not grow with the number of parameters.
  case reverse(snapshots: Int)

  /// `forward` or `reverse`.
  public var name: String {
    switch self {
    case .forward: "forward"
    case .reverse: "reverse"
    }
  }
}

/// What `--mode` asks for: a mode, or `auto` to let ``GradientModeChoice`` decide.
public enum GradientModeRequest: String, Sendable, Hashable, CaseIterable {
  /// Choose by the estimated cost (see ``GradientModeChoice``).
  case auto
  /// Forward mode.
  case forward
  /// Checkpointed reverse mode.
  case reverse
}

/// The mode a tuning or a check uses, and why: an estimate of each mode's
/// cost in units of one plain step of the process.
///
/// - Forward mode takes ⌈P / 8⌉ runs for P tuned parameters, a step with w
///   tangents costing about 1 + 0.35·w plain steps (B1: a plain step 19 µs,
///   three tangents 37 µs).
/// - Reverse mode takes one forward sweep, at most r recomputations of each
///   step (r from ``CheckpointSchedule`` for the snapshots that fit the memory
///   budget) and one reverse step, which costs the process's
///   ``SteppedProcess/reverseStepCost`` plain steps (2 for a simulation step
///   reversed by hand, 100 or 200 for one recorded on the trajectory tape).
///
/// For Levenberg–Marquardt, which needs the Jacobian of m residuals rather
/// than one gradient, reverse mode records the whole trajectory once (about
/// 1 + reverseStepCost) and sweeps it back once per residual (about half of
/// reverseStepCost each, on average); it pays only for few residuals and
/// many parameters.
///
/// `auto` takes the cheaper; forward mode whenever reverse mode cannot serve
/// (Newton's second derivatives come from duals of duals; online and greedy
/// horizons update parameters during the run; fewer than 2 snapshots fit).
public struct GradientModeChoice: Sendable {
  /// The mode chosen.
  public var mode: GradientMode
  /// Why, in a sentence.
  public var reason: String
  /// Forward mode's estimated cost, in plain steps per step of the process.
  public var forwardCost: Double
  /// Reverse mode's estimated cost, in plain steps per step of the process.
  public var reverseCost: Double
  /// The snapshots that fit the memory budget.
  public var snapshots: Int
  /// The bytes of one snapshot.
  public var snapshotBytes: Int

  /// Chooses for `parameterCount` tuned parameters of a process of `steps`
  /// steps, `snapshotBytes`-byte snapshots and reverse steps of
  /// `reverseStepCost` plain steps, with `memoryBytes` for snapshots, as
  /// `request` asks.
  ///
  /// - Throws: ``TuningError/modeUnavailable(_:)`` when `reverse` is asked
  ///   for where it cannot serve.
  public static func choose(
    _ request: GradientModeRequest, parameterCount: Int, steps: Int, snapshotBytes: Int,
    reverseStepCost: Double, memoryBytes: Int, method: TuningMethod? = nil,
    horizon: Horizon = .full, residualCount: Int? = nil
  ) throws -> GradientModeChoice {
    let width = min(max(parameterCount, 1), TangentWidth.maximum)
    let runs = (max(parameterCount, 1) + TangentWidth.maximum - 1) / TangentWidth.maximum
    let forwardCost = Double(runs) * (1 + 0.35 * Double(width))
    // Room for every step's snapshot at most; at least the 2 a schedule needs.
    let fitting = memoryBytes / max(snapshotBytes, 1)
    let snapshots = min(fitting, 2 * steps + 2, 1 << 16)
    var spacing = 1
    while (steps + spacing - 1) / spacing > max(snapshots / 2, 1) { spacing *= 2 }
    let repetitions = CheckpointSchedule.repetitions(
      for: spacing, slots: max(snapshots - snapshots / 2, 0))
    let needs = method?.optimizer.needs
    let jacobianRows = needs == .residualJacobian ? residualCount : nil
    let reverseCost =
      jacobianRows.map { 1 + reverseStepCost + Double($0) * reverseStepCost / 2 }
      ?? 1 + Double(repetitions) + reverseStepCost
    var choice = GradientModeChoice(
      mode: .forward, reason: "", forwardCost: forwardCost, reverseCost: reverseCost,
      snapshots: snapshots, snapshotBytes: snapshotBytes)
    let estimate =
      jacobianRows.map { rows in
        String(
          format:
            "Jacobian by forward ≈ %.0f plain steps a step (%d run%@ of %d tangent%@), by reverse ≈ %.0f (the whole trajectory recorded, within %@, and swept back once from each of %d residuals)",
          forwardCost, runs, runs == 1 ? "" : "s", width, width == 1 ? "" : "s", reverseCost,
          byteText(memoryBytes), rows)
      }
      ?? String(
        format:
          "forward ≈ %.0f plain steps a step (%d run%@ of %d tangent%@), reverse ≈ %.0f (%d snapshots of %@ in %@, each step recomputed at most %d×)",
        forwardCost, runs, runs == 1 ? "" : "s", width, width == 1 ? "" : "s", reverseCost,
        snapshots, byteText(snapshotBytes), byteText(memoryBytes), repetitions)
    let obstacle: String? =
      if needs == .hessian, let method {
        "\(method.optimizer.title) needs second derivatives, from duals of duals (forward mode)"
      } else if horizon != .full {
        "the \(horizon) horizon updates the parameters during the run (forward mode)"
      } else if needs == .residualJacobian && residualCount == nil {
        "the loss is not a sum of squared residuals"
      } else if snapshots < 2 && jacobianRows == nil {
        "fewer than 2 snapshots of \(byteText(snapshotBytes)) fit in \(byteText(memoryBytes)) (raise --memory)"
      } else {
        nil
      }
    switch request {
    case .forward:
      choice.reason = "asked for; \(estimate)"
    case .reverse:
      if let obstacle {
        throw TuningError.modeUnavailable("reverse mode cannot serve: \(obstacle)")
      }
      choice.mode = .reverse(snapshots: snapshots)
      choice.reason = "asked for; \(estimate)"
    case .auto:
      if let obstacle {
        choice.reason = "\(parameterCount) tuned, and \(obstacle)"
      } else if reverseCost < forwardCost {
        choice.mode = .reverse(snapshots: snapshots)
        choice.reason = "\(parameterCount) tuned: \(estimate)"
      } else {
        choice.reason = "\(parameterCount) tuned: \(estimate)"
      }
    }
    return choice
  }

  /// `8.0 KiB`, `1.5 MiB`.
  static func byteText(_ bytes: Int) -> String {
    bytes < 1 << 20
      ? String(format: "%.1f KiB", Double(bytes) / 1024)
      : String(format: "%.1f MiB", Double(bytes) / 1_048_576)
  }
}
