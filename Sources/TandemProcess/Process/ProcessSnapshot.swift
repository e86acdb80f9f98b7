import TandemAD
/// A process run's state at one step, as plain numbers: what checkpointed
/// reverse mode stores, so that a run can be restored there and advanced
/// again (see ``ProcessRun/save(into:)`` and ``ProcessRun/restore(from:making:)``).
///
/// `values` is the continuous state every step reads and writes — a
/// simulation's positions and velocities, a training run's weights and its
/// optimizer's moments — in the order of ``ProcessRun/stateValues``.
/// `counters` is the rest, which no derivative flows through: the steps
/// taken, a training run's batch order and shuffler state.
public struct ProcessSnapshot: Sendable {
  /// The continuous state's values.
  public var values: [Double] = []
  /// The discrete state: step counts, a batch order, a generator's state.
  public var counters: [Int] = []

  /// An empty snapshot, to be filled by ``ProcessRun/save(into:)``.
  public init() {}

  /// The bytes the snapshot's numbers take.
  public var byteCount: Int { 8 * (values.count + counters.count) }
}
