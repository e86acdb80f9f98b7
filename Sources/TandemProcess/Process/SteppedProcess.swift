import TandemAD

/// A description of a process that can be started on any scalar type with
/// any parameter values: the one abstraction shared by simulations and
/// training loops.
///
/// Starting a process hands its run to a ``RunDriver`` rather than returning
/// it, so the driver sees the run's concrete type and every step is
/// statically dispatched and specialised — no existential on the hot path.
public protocol SteppedProcess {
  /// The maximum number of steps a run takes.
  var stepCount: Int { get }

  /// The bytes one ``ProcessSnapshot`` of a run takes: what checkpointed
  /// reverse mode stores per saved state.
  var snapshotBytes: Int { get }

  /// About what reversing one step costs, in plain steps: what
  /// ``GradientModeChoice`` weighs against forward mode's tangents.
  var reverseStepCost: Double { get }

  /// The number of residuals whose squares sum to the loss, or `nil` when
  /// the loss is not such a sum: what a least-squares tuner's Jacobian has
  /// as rows.
  var residualCount: Int? { get }

  /// Starts a run with `parameters` (one value per parameter, in order) and
  /// hands it to `driver`.
  func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws
}

/// Drives a run of a ``SteppedProcess``: decides when to step, when to stop
/// tangents, and what to read at the end.
public protocol RunDriver {
  /// The scalar the driver wants the process to run on.
  associatedtype Value: Scalar

  /// Drives `run` (usually to its end).
  mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Value
}
