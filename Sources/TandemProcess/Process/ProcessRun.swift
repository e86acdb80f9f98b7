import TandemAD

/// A process in progress on scalar type `Value`: a state advanced by steps,
/// with an end-state loss that depends on the process's parameters.
///
/// Both halves of Tandem conform: a physics ``Simulation`` and a training
/// run. Each step takes its inner gradient by reverse mode; running on
/// `Dual` numbers carries the derivatives of the state with respect to the
/// parameters through every step, so the loss's tangents are the
/// hypergradient and nothing of the trajectory is stored.
public protocol ProcessRun<Value> {
  /// The scalar the process runs on.
  associatedtype Value: Scalar

  /// Whether every step has been taken (or the process stopped early).
  var isFinished: Bool { get }

  /// Steps taken so far.
  var stepsTaken: Int { get }

  /// Takes one step.
  mutating func advance() throws

  /// The loss of the current state.
  func loss() -> Value

  /// Removes every forward-mode tangent from the state, so that derivatives
  /// from here on ignore how the state was reached: the horizon restarts.
  mutating func stopTangents()

  /// Replaces the parameters' values for the steps still to come, keeping
  /// the state (and its tangents). Used by the online horizon.
  mutating func updateParameters(_ parameters: [Value])

  /// The continuous state, in the order of ``ProcessSnapshot/values``.
  var stateValues: [Value] { get }

  /// Writes the current state into `snapshot`, reusing its storage.
  func save(into snapshot: inout ProcessSnapshot)

  /// Puts the run back in the state of `snapshot` (saved by a run of the
  /// same process with the same parameters, on any scalar type), each
  /// continuous value made a `Value` by `make`: `Recorded.variable`, to
  /// differentiate what follows with respect to the state. The run then
  /// advances exactly as the saved one did from there.
  mutating func restore(from snapshot: ProcessSnapshot, making make: (Double) -> Value)

  /// The realised numbers a step reads that may depend on the parameters
  /// (a simulation's masses, stiffnesses, step size, …), in the order of
  /// `quantityAdjoints` in ``reverseStepByHand(adjoint:quantityAdjoints:)``;
  /// empty for a run that reverses no step by hand.
  var realisedQuantities: [Value] { get }

  /// Reverses the step from the current state by hand, if the run can:
  /// carries `adjoint` (of the ``stateValues`` after the step) back to the
  /// current state, and adds the step's adjoints of the
  /// ``realisedQuantities`` to `quantityAdjoints`. Returns `false`, changing
  /// nothing, when the run cannot (checkpointed reverse mode then records
  /// the step instead). The state does not change.
  mutating func reverseStepByHand(adjoint: inout [Double], quantityAdjoints: inout [Double])
    -> Bool

  /// Starts keeping the residuals whose squares sum to the loss, before the
  /// first step; `false` when the loss is not such a sum (a least-squares
  /// tuner then cannot work on it).
  mutating func keepResiduals() -> Bool

  /// The residuals kept, those of the end state included: the loss is the
  /// sum of their squares. Their tangents are rows of the residuals'
  /// Jacobian.
  func residuals() -> [Value]
}

extension ProcessRun {
  /// Not a sum of squares.
  @inlinable public mutating func keepResiduals() -> Bool { false }

  /// None.
  @inlinable public func residuals() -> [Value] { [] }

  /// None: every step is recorded to be reversed.
  @inlinable public var realisedQuantities: [Value] { [] }

  /// Reverses nothing by hand.
  @inlinable
  public mutating func reverseStepByHand(
    adjoint: inout [Double], quantityAdjoints: inout [Double]
  ) -> Bool { false }
}
