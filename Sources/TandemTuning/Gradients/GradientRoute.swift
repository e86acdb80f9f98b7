import Foundation
import TandemAD
import TandemProcess

/// One of the three independent ways `tandem check` computes a gradient.
public enum GradientRoute: String, Sendable, CaseIterable {
  /// Forward mode: one run on dual numbers, every tuned parameter a tangent
  /// direction, each step's inner gradient by reverse mode (dual over reverse).
  case forward
  /// Central finite differences of plain runs, two per parameter.
  case finiteDifference = "finite-difference"
  /// Reverse mode through the whole process, checkpointed or on one tape
  /// of the whole trajectory (see ``ReverseRoute``).
  case reverse

  /// What the route's column is called in the table, reverse mode taken as `reverse`.
  public func title(reverse: ReverseRoute) -> String {
    switch self {
    case .forward: "forward (dual over reverse)"
    case .finiteDifference: "central differences"
    case .reverse:
      switch reverse {
      case .checkpointed: "reverse (checkpointed)"
      case .wholeTape: "reverse (whole trajectory)"
      }
    }
  }
}

/// How the reverse route goes through a process.
public enum ReverseRoute: Sendable, Hashable {
  /// Checkpointed, holding at most `snapshots` saved states: memory does not
  /// grow with the steps.
  case checkpointed(snapshots: Int)
  /// Every operation of every step recorded on one tape, then one backward
  /// pass; refused (with the projected size) past `byteLimit` bytes.
  case wholeTape(byteLimit: Int)
}

/// What one route computed, and what it cost.
public struct GradientRouteResult: Sendable {
  /// The route.
  public var route: GradientRoute
  /// The loss at the parameters.
  public var loss: Double
  /// dL/dp for each tuned parameter.
  public var gradient: [Double]
  /// Wall-clock seconds.
  public var seconds: Double
  /// Peak resident memory while it was computed, in bytes.
  public var peakResidentBytes: Int
  /// For central differences, the step used for each parameter.
  public var steps: [Double]?
  /// The steps the run took (fewer than planned when a stop event fired),
  /// from the plain run of central differences.
  public var stepsTaken: Int?
  /// For reverse mode, the bytes the trajectory tape recorded (the whole
  /// trajectory's, or checkpointed, the most for one step).
  public var recordedBytes: Int?
  /// For checkpointed reverse mode, what the schedule did.
  public var checkpointing: CheckpointSchedule.Statistics?
  /// For checkpointed reverse mode, the bytes of one snapshot.
  public var snapshotBytes: Int?
  /// Why the route could not run, if it could not.
  public var failure: String?

  /// Creates a result.
  public init(
    route: GradientRoute, loss: Double, gradient: [Double], seconds: Double, peakResidentBytes: Int,
    steps: [Double]? = nil, recordedBytes: Int? = nil, failure: String? = nil
  ) {
    self.route = route
    self.loss = loss
    self.gradient = gradient
    self.seconds = seconds
    self.peakResidentBytes = peakResidentBytes
    self.steps = steps
    self.recordedBytes = recordedBytes
    self.failure = failure
  }

  /// Computes `route` for `process` at `parameters`, timing it and
  /// measuring its peak resident memory (see ``PeakMemory/resetPeak()``).
  @inlinable
  public static func compute<Process: SteppedProcess>(
    _ route: GradientRoute, process: Process, parameters: [Double], tuned: [Int],
    reverse: ReverseRoute
  ) -> GradientRouteResult {
    // The route's own peak, not the previous route's: freed memory goes back
    // and the high-water mark restarts here (where the system allows it).
    PeakMemory.resetPeak()
    let clock = ContinuousClock()
    let start = clock.now
    var result = GradientRouteResult(
      route: route, loss: .nan, gradient: tuned.map { _ in .nan }, seconds: 0, peakResidentBytes: 0)
    do {
      switch route {
      case .forward:
        (result.loss, result.gradient) = try process.lossWithGradient(
          parameters: parameters, tuned: tuned)
      case .finiteDifference:
        var plain = LossDriver<Double>()
        try process.start(&plain, parameters: parameters)
        (result.loss, result.stepsTaken) = (plain.loss!, plain.stepsTaken)
        let (gradient, steps) = try process.finiteDifferenceGradient(
          parameters: parameters, tuned: tuned)
        (result.gradient, result.steps) = (gradient, steps)
      case .reverse:
        switch reverse {
        case .checkpointed(let snapshots):
          let reversed = try process.checkpointedReverseGradient(
            parameters: parameters, tuned: tuned, snapshots: snapshots)
          (result.loss, result.gradient) = (reversed.loss, reversed.gradient)
          (result.recordedBytes, result.checkpointing, result.snapshotBytes) = (
            reversed.tapeBytes, reversed.statistics, reversed.snapshotBytes
          )
        case .wholeTape(let byteLimit):
          let (loss, gradient, bytes) = try process.reverseGradient(
            parameters: parameters, tuned: tuned, byteLimit: byteLimit)
          (result.loss, result.gradient, result.recordedBytes) = (loss, gradient, bytes)
        }
      }
    } catch {
      result.failure = "\(error)"
    }
    let elapsed = clock.now - start
    result.seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    result.peakResidentBytes = PeakMemory.residentBytes()
    return result
  }
}
