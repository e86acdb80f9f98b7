import TandemProcess
import TandemTuning
import Testing

/// The checkpointing schedule on a counting stand-in for a run: its state is
/// the step number, so every restore, recomputation and reversal can be
/// checked, and the work counted against the bounds the schedule states.
@Suite struct CheckpointScheduleTests {
  /// A run of `length` steps whose state is its step count.
  struct CountingRun: CheckpointedRun {
    let length: Int
    var stepsTaken = 0
    var slots: [Int?]
    var held = 0
    var peak = 0
    var advances = 0
    var reversed: [Int] = []
    var seeded = false

    init(length: Int, slots: Int) {
      self.length = length
      self.slots = Array(repeating: nil, count: slots)
    }

    var isFinished: Bool { stepsTaken >= length }
    mutating func advance() throws {
      precondition(!isFinished)
      stepsTaken += 1
      advances += 1
    }
    mutating func save(toSlot slot: Int) {
      if slots[slot] == nil { held += 1 }
      slots[slot] = stepsTaken
      peak = max(peak, held)
    }
    mutating func restore(fromSlot slot: Int) { stepsTaken = slots[slot]! }
    mutating func seedLoss() throws {
      #expect(stepsTaken == length && reversed.isEmpty)
      seeded = true
    }
    mutating func reverseStep() throws {
      #expect(seeded)
      reversed.append(stepsTaken)
    }
  }

  @Test(arguments: [2, 3, 4, 5, 8, 16, 64])
  func everyStepIsReversedOnceFromItsOwnStateWithinTheBounds(slots: Int) throws {
    let schedule = CheckpointSchedule(slots: slots)
    for length in Array(1...70) + [127, 128, 129, 500, 1000, 4097] {
      var run = CountingRun(length: length, slots: slots)
      let statistics = try schedule.reverse(&run)
      #expect(run.reversed == Array((0..<length).reversed()), "T = \(length), \(slots) slots")
      #expect(statistics.steps == length && statistics.forwardSteps == length)
      #expect(statistics.reverseSteps == length)
      #expect(statistics.forwardSteps + statistics.recomputedSteps == run.advances)
      // The spacing is the least power of two with ⌈T/L⌉ ≤ ⌊slots/2⌋.
      let spacing = statistics.spacing
      #expect(spacing & (spacing - 1) == 0)
      #expect((length + spacing - 1) / spacing <= slots / 2)
      #expect(spacing == 1 || (length + spacing / 2 - 1) / (spacing / 2) > slots / 2)
      // Each step is recomputed at most r times, r the least with β(s, r) ≥ L.
      let r = CheckpointSchedule.repetitions(for: spacing, slots: slots - slots / 2)
      #expect(statistics.recomputationBound == r)
      #expect(statistics.recomputedSteps <= r * length, "T = \(length), \(slots) slots")
      #expect(statistics.peakSnapshots <= slots && run.peak <= slots)
    }
  }

  @Test func theBinomialReachIsPascalsTriangle() {
    #expect(CheckpointSchedule.reach(slots: 3, repetitions: 2) == 10)
    #expect(CheckpointSchedule.reach(slots: 64, repetitions: 2) == 2145)
    #expect(CheckpointSchedule.reach(slots: 0, repetitions: 5) == 1)
    for s in 1...6 {
      for r in 1...6 {
        #expect(
          CheckpointSchedule.reach(slots: s, repetitions: r)
            == CheckpointSchedule.reach(slots: s - 1, repetitions: r)
            + CheckpointSchedule.reach(slots: s, repetitions: r - 1))
      }
    }
    #expect(CheckpointSchedule.repetitions(for: 2048, slots: 64) == 2)
    #expect(CheckpointSchedule.repetitions(for: 65, slots: 64) == 1)
    #expect(CheckpointSchedule.repetitions(for: 66, slots: 64) == 2)
  }

  /// With enough slots for every step, nothing is recomputed beyond one
  /// pass per segment step; with many steps, memory stays at the slots.
  @Test func aLongRunStaysWithinItsSlots() throws {
    let schedule = CheckpointSchedule(slots: 128)
    var short = CountingRun(length: 1000, slots: 128)
    let a = try schedule.reverse(&short)
    var long = CountingRun(length: 100_000, slots: 128)
    let b = try schedule.reverse(&long)
    #expect(a.spacing == 16 && a.recomputationBound == 1)
    #expect(b.spacing == 2048 && b.recomputationBound == 2)
    #expect(a.peakSnapshots <= 128 && b.peakSnapshots <= 128)
    #expect(b.recomputedSteps <= 2 * 100_000)
  }
}
