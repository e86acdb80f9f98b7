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
}
