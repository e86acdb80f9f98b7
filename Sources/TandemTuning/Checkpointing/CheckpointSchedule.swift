/// A run that checkpointed reverse mode drives: advanced step by step,
/// saved into and restored from numbered snapshot slots, and reversed one
/// step at a time. ``CheckpointSchedule`` decides when to do which.
public protocol CheckpointedRun {
  /// Whether the run has ended (its last step taken, or a stop event met).
  var isFinished: Bool { get }
  /// Steps taken from the start to the current state.
  var stepsTaken: Int { get }
  /// Takes one step forwards (no derivatives).
  mutating func advance() throws
  /// Saves the current state into `slot`.
  mutating func save(toSlot slot: Int)
  /// Makes the state saved in `slot` the current one.
  mutating func restore(fromSlot slot: Int)
  /// Called once, with the run ended: starts the adjoint at the loss.
  mutating func seedLoss() throws
  /// Carries the adjoint back through the step from the current state:
  /// from the adjoint of the state after it to that of the current state.
  /// The current state does not change.
  mutating func reverseStep() throws
}

/// A checkpointing schedule for reverse mode through a run whose number of
/// steps T is not known in advance (a stop event may end it), with memory
/// bounded by `slots` snapshots whatever T is.
///
/// **Forward sweep.** The run goes to its end once, keeping a snapshot every
/// L steps in at most ⌊slots/2⌋ slots; L starts at 1 and doubles (every
/// other snapshot dropped) whenever the slots fill, so at the end L is the
/// smallest power of two with ⌈T/L⌉ ≤ ⌊slots/2⌋.
///
/// **Reverse sweep.** Segment by segment from the last, each segment of at
/// most L steps is reversed from its snapshot with the other
/// s = slots − ⌊slots/2⌋ slots by binomial checkpointing (Griewank's
/// *revolve* schedule, recursively): with r the least whole number for which
/// β(s, r) = C(s + r, r) ≥ L, every step of a segment is recomputed at most
/// r times. With L ≤ s + 1, r = 1: each step is recomputed once.
///
/// So the work is T forward steps, at most r·T recomputed steps and T
/// reverse steps, and at most `slots` snapshots are held at any time
/// (``Statistics`` counts all four).
public struct CheckpointSchedule: Sendable {
  /// The snapshots that may be held at once (at least 2).
  public let slots: Int

  /// What a reversal did.
  public struct Statistics: Sendable, Equatable {
    /// The steps of the run, T.
    public var steps = 0
    /// Steps taken by the forward sweep (T).
    public var forwardSteps = 0
    /// Steps taken again, from snapshots, during the reverse sweep.
    public var recomputedSteps = 0
    /// Steps reversed (T).
    public var reverseSteps = 0
    /// The most snapshots held at once.
    public var peakSnapshots = 0
    /// The spacing L of the forward sweep's snapshots.
    public var spacing = 1
    /// The bound r on recomputations per step (see ``CheckpointSchedule``).
    public var recomputationBound = 0

    /// Statistics of nothing yet.
    @inlinable public init() {}
  }

  /// A schedule holding at most `slots` snapshots (at least 2).
  @inlinable
  public init(slots: Int) {
    precondition(slots >= 2, "checkpointing needs at least 2 snapshot slots")
    self.slots = slots
  }

  /// The slots the forward sweep keeps its snapshots in.
  @inlinable public var sweepSlots: Int { slots / 2 }

  /// β(s, r) = C(s + r, r): the longest segment that s free snapshots
  /// reverse with at most r recomputations per step (saturating).
  @inlinable
  public static func reach(slots s: Int, repetitions r: Int) -> Int {
    var result = 1.0
    for i in 0..<min(s, r) { result = result * Double(s + r - i) / Double(i + 1) }
    return result >= Double(Int.max / 2) ? Int.max / 2 : Int(result.rounded())
  }

  /// The least r with β(s, r) ≥ `length`.
  @inlinable
  public static func repetitions(for length: Int, slots s: Int) -> Int {
    guard length > 1 else { return 0 }
    guard s > 0 else { return length - 1 }
    var r = 1
    while reach(slots: s, repetitions: r) < length { r += 1 }
    return r
  }

  /// Runs `run` to its end, seeds the loss, and reverses every step from
  /// the last to the first.
  ///
  /// Inlinable, so that the run's steps are specialised for its type (called
  /// through the protocol, a simulation's steps ran unspecialised, 4× slower).
  @inlinable
  public func reverse<Run: CheckpointedRun>(_ run: inout Run) throws -> Statistics {
    var state = Sweep(slots: slots)
    var top: [(step: Int, slot: Int)] = []
    var spacing = 1
    top.append((run.stepsTaken, state.take()))
    run.save(toSlot: top[0].slot)
    while !run.isFinished {
      try run.advance()
      state.statistics.forwardSteps += 1
      let step = run.stepsTaken
      if run.isFinished || step % spacing != 0 { continue }
      if top.count == sweepSlots {
        let kept = top.filter { $0.step % (2 * spacing) == 0 }
        for entry in top where entry.step % (2 * spacing) != 0 { state.release(entry.slot) }
        top = kept
        spacing *= 2
        if step % spacing != 0 { continue }
      }
      top.append((step, state.take()))
      run.save(toSlot: top[top.count - 1].slot)
    }
    let steps = run.stepsTaken
    state.statistics.steps = steps
    state.statistics.spacing = spacing
    state.statistics.recomputationBound = Self.repetitions(
      for: spacing, slots: slots - sweepSlots)
    try run.seedLoss()
    var current = steps
    var end = steps
    for entry in top.reversed() {
      try state.reverseSegment(
        from: entry.step, to: end, base: entry.slot, run: &run, current: &current)
      state.release(entry.slot)
      end = entry.step
    }
    return state.statistics
  }

  /// The slots in use and what has been done: the reverse sweep's recursion.
  @usableFromInline
  struct Sweep {
    @usableFromInline var free: [Int]
    @usableFromInline var held = 0
    @usableFromInline var statistics = Statistics()

    @inlinable
    init(slots: Int) { free = Array((0..<slots).reversed()) }

    @inlinable
    mutating func take() -> Int {
      held += 1
      statistics.peakSnapshots = max(statistics.peakSnapshots, held)
      return free.removeLast()
    }

    @inlinable
    mutating func release(_ slot: Int) {
      held -= 1
      free.append(slot)
    }

    /// Reverses steps `start..<end`, the state at `start` saved in `base`;
    /// `current` is the step of the run's current state.
    @inlinable
    mutating func reverseSegment<Run: CheckpointedRun>(
      from start: Int, to end: Int, base: Int, run: inout Run, current: inout Int
    ) throws {
      var end = end
      while end > start {
        let length = end - start
        if current != start {
          run.restore(fromSlot: base)
          current = start
        }
        if length == 1 {
          try run.reverseStep()
          statistics.reverseSteps += 1
          return
        }
        let s = free.count
        if s == 0 {
          // No slot left: recompute from the base for every step.
          for _ in 0..<(length - 1) { try run.advance() }
          statistics.recomputedSteps += length - 1
          current = end - 1
          try run.reverseStep()
          statistics.reverseSteps += 1
          end -= 1
          continue
        }
        // Binomial split: the part after the new snapshot is reversed with
        // one slot fewer at the same repetition number r, the part before
        // with the same slots at r − 1.
        let r = CheckpointSchedule.repetitions(for: length, slots: s)
        let after = min(CheckpointSchedule.reach(slots: s - 1, repetitions: r), length - 1)
        let split = end - after
        for _ in 0..<(split - start) { try run.advance() }
        statistics.recomputedSteps += split - start
        current = split
        let slot = take()
        run.save(toSlot: slot)
        try reverseSegment(from: split, to: end, base: slot, run: &run, current: &current)
        release(slot)
        end = split
      }
    }
  }
}
