import Foundation
import Tandem
import Testing

/// `tandem sweep`'s tasks: the axes' values, the order of a grid, random
/// points and starts, and how shards divide the tasks.
@Suite struct SweepPlanTests {
  static let scene = """
    parameters:
      k: { value: 400, tune: true, min: 10, max: 4000, scale: log }
      c: { value: 0.5, tune: true, min: 0, max: 2 }
      m: 1
      w: { value: [1, 2, 3] }
    world: { gravity: [0, -9.81], drag: $c }
    particles:
      - { id: a, position: [0, 0], mass: $m }
      - { id: b, position: [1, 0], mass: "$w[1]" }
    springs:
      - { between: [a, b], stiffness: $k }
    simulation: { dt: 0.01, steps: 10 }
    objective:
      - position: { particles: b, target: [1, -1] }
    """

  @Test func axesIncludeBothEndsExactlyAndSpaceEvenly() throws {
    let linear = try SweepAxis(argument: "c=0.1:0.7:4")
    #expect(linear.values.count == 4)
    for (i, value) in linear.values.enumerated() {
      #expect(abs(value - (0.1 + 0.2 * Double(i))) < 1e-15)
    }
    #expect(linear.values.first == 0.1 && linear.values.last == 0.7)
    var log = try SweepAxis(argument: "k=10:10000:4")
    log.isLogarithmic = true
    let values = log.values
    #expect(values.first == 10 && values.last == 10000)
    for (a, b) in zip(values, values.dropFirst()) { #expect(abs(b / a - 10) < 1e-12) }
    #expect(try SweepAxis(argument: "m=2:2:1").values == [2])
  }

  @Test func malformedAxesSayWhatToWrite() {
    for (argument, problem) in [
      ("k", "no `=`"), ("=1:2:3", "names no parameter"), ("k=1:2", "not three"),
      ("k=a:2:3", "`a` is not a finite number"), ("k=1:inf:3", "not a finite number"),
      ("k=1:2:0", "at least 1"), ("k=1:2:1", "at least 2"),
    ] {
      #expect(throws: SweepError.self) { try SweepAxis(argument: argument) }
      do {
        _ = try SweepAxis(argument: argument)
      } catch {
        #expect("\(error)".contains(problem), "\(argument): \(error)")
        #expect("\(error)".contains("name=lo:hi:n"))
      }
    }
  }

  @Test func aGridRunsTheFirstAxisSlowestOnTheParametersScale() throws {
    let scene = try SceneFile.parse(Self.scene)
    let plan = try SweepPlan(
      scene: scene,
      points: .grid(axes: [
        try SweepAxis(argument: "k=10:1000:3"), try SweepAxis(argument: "c=0:1:2"),
      ]))
    #expect(plan.kind == .run)
    #expect(plan.entries == ["k", "c"])
    #expect(plan.count == 6)
    // k has `scale: log`: 10, 100, 1000 (the middle one to rounding).
    let k = plan.values.map { $0[0] }
    #expect(k[0] == 10 && k[1] == 10 && abs(k[2] / 100 - 1) < 1e-14 && k[3] == k[2])
    #expect(k[4] == 1000 && k[5] == 1000)
    #expect(plan.values.map { $0[1] } == [0, 1, 0, 1, 0, 1])
    #expect(plan.assignments(of: 5) == ["k": 1000, "c": 1])
  }

  @Test func aGridOfAnUnknownOrDoubledParameterIsRefusedWithTheNearestName() throws {
    let scene = try SceneFile.parse(Self.scene)
    let wrong = try SweepAxis(argument: "kk=1:2:2")
    #expect(throws: SweepError.self) { try SweepPlan(scene: scene, points: .grid(axes: [wrong])) }
    do {
      _ = try SweepPlan(scene: scene, points: .grid(axes: [wrong]))
    } catch {
      #expect("\(error)".contains("did you mean `k`?"))
    }
    let entry = try SweepAxis(argument: "w[3]=1:2:2")
    #expect(throws: SweepError.self) { try SweepPlan(scene: scene, points: .grid(axes: [entry])) }
    let twice = [try SweepAxis(argument: "c=0:1:2"), try SweepAxis(argument: "c=0:2:2")]
    #expect(throws: SweepError.sweptTwice("c")) {
      try SweepPlan(scene: scene, points: .grid(axes: twice))
    }
    let negative = try SweepAxis(argument: "k=-1:10:2")
    #expect(throws: SweepError.self) {
      try SweepPlan(scene: scene, points: .grid(axes: [negative]))
    }
    // A vector's entry, and a vector whole, are fine.
    let whole = try SweepPlan(
      scene: scene, points: .grid(axes: [try SweepAxis(argument: "w=1:2:2")]))
    #expect(whole.assignments(of: 1) == ["w": 2])
  }

  @Test func randomPointsAreTheStartsAfterTheScenesOwn() throws {
    let scene = try SceneFile.parse(Self.scene)
    let starts = try SweepPlan(scene: scene, points: .starts(count: 6, seed: 9))
    let random = try SweepPlan(scene: scene, points: .random(count: 5, seed: 9))
    #expect(starts.kind == .tune && random.kind == .run)
    #expect(starts.entries == ["k", "c"] && random.entries == ["k", "c"])
    #expect(starts.values[0] == [400, 0.5])
    #expect(Array(starts.values.dropFirst()) == random.values)
    // The same draws as `tandem tune --starts`.
    let points = scene.tunedParameterList.startingPoints(
      from: scene.parameterVector, count: 6, seed: 9)
    #expect(starts.values == points.map { [$0[0], $0[1]] })
    #expect(random.values.allSatisfy { (10...4000).contains($0[0]) && (0...2).contains($0[1]) })
    let untuned = try SceneFile.parse(
      Self.scene.replacingOccurrences(of: "tune: true", with: "tune: false"))
    #expect(throws: SweepError.nothingTuned) {
      try SweepPlan(scene: untuned, points: .random(count: 3, seed: 0))
    }
  }

  @Test func tooManyTasksAreRefusedBeforeAnyIsBuilt() throws {
    let scene = try SceneFile.parse(Self.scene)
    let huge = [
      try SweepAxis(argument: "k=10:20:1000"), try SweepAxis(argument: "c=0:1:1000"),
      try SweepAxis(argument: "m=1:2:1000"),
    ]
    #expect(throws: SweepError.tooManyTasks([1000, 1000, 1000])) {
      try SweepPlan(scene: scene, points: .grid(axes: huge))
    }
  }

  @Test func shardsDivideTheTasksExactlyOnce() throws {
    for count in [1, 3, 8, 13] {
      var seen = [Int](repeating: 0, count: 50)
      for index in 0..<count {
        for task in SweepShard(index: index, of: count).tasks(of: 50) {
          #expect(task % count == index)
          seen[task] += 1
        }
      }
      #expect(seen.allSatisfy { $0 == 1 })
    }
    #expect(try SweepShard(argument: "3/8") == SweepShard(index: 3, of: 8))
    for bad in ["8/8", "-1/4", "1", "a/2", "1/0", "1/2/3"] {
      #expect(throws: SweepError.malformedShard(bad)) { try SweepShard(argument: bad) }
    }
    let shard = SweepShard(index: 3, of: 8)
    #expect(shard.fileName == "shard-3-of-8.jsonl")
    #expect(SweepShard(fileName: shard.fileName) == shard)
    #expect(SweepShard(fileName: "shard-8-of-8.jsonl") == nil)
    #expect(SweepShard(fileName: "summary.json") == nil)
  }

  @Test func schedulersGiveTheShardThroughTheEnvironment() throws {
    func shard(_ environment: [String: String], shards: Int? = nil) throws -> SweepShard? {
      try SweepShard.fromEnvironment(environment, shards: shards)
    }
    #expect(try shard([:]) == nil)
    #expect(
      try shard(["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_COUNT": "8"])
        == SweepShard(index: 5, of: 8))
    // --array=1-8 and --array=0-14:2 are shards 0 to 7 of 8 too.
    #expect(
      try shard([
        "SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "1",
      ]) == SweepShard(index: 0, of: 8))
    #expect(
      try shard([
        "SLURM_ARRAY_TASK_ID": "14", "SLURM_ARRAY_TASK_COUNT": "8", "SLURM_ARRAY_TASK_MIN": "0",
        "SLURM_ARRAY_TASK_STEP": "2",
      ]) == SweepShard(index: 7, of: 8))
    #expect(try shard(["JOB_COMPLETION_INDEX": "2"], shards: 4) == SweepShard(index: 2, of: 4))
    // With --shards the array index is the shard, so that one index run
    // again (sbatch --array=3, a count of 1) is still shard 3 of 8.
    #expect(
      try shard(
        [
          "SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "1", "SLURM_ARRAY_TASK_MIN": "3",
        ], shards: 8) == SweepShard(index: 3, of: 8))
    // Slurm's variables win over a stray JOB_COMPLETION_INDEX.
    #expect(
      try shard(
        ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "2", "JOB_COMPLETION_INDEX": "1"])
        == SweepShard(index: 0, of: 2))
    for (environment, shards, says) in [
      (["SLURM_ARRAY_TASK_ID": "3"], nil, "SLURM_ARRAY_TASK_COUNT"),
      (["SLURM_ARRAY_TASK_ID": "9", "SLURM_ARRAY_TASK_COUNT": "8"], nil, "--array=0-7"),
      (["SLURM_ARRAY_TASK_ID": "x", "SLURM_ARRAY_TASK_COUNT": "8"], nil, "not a whole number"),
      (["JOB_COMPLETION_INDEX": "2"], nil, "--shards"),
      (["JOB_COMPLETION_INDEX": "4"], 4, "not below --shards 4"),
      (["SLURM_ARRAY_TASK_ID": "8"], 8, "--array=0-7"),
      ([:], 4, "JOB_COMPLETION_INDEX"),
    ] as [([String: String], Int?, String)] {
      do {
        _ = try shard(environment, shards: shards)
        Issue.record("\(environment) gave a shard")
      } catch {
        #expect("\(error)".contains(says), "\(environment): \(error)")
      }
    }
  }
}
