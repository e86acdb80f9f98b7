import Foundation
import Tandem
import Testing

/// Shard files in a folder, merged: every task once, the missing and the
/// twice-run named, the table and summary read back to the same numbers.
@Suite struct SweepMergeTests {
  func temporaryFolder() throws -> SweepFolder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-sweep-\(UUID().uuidString)")
    return SweepFolder(url)
  }

  func projectileSweep() throws -> SceneSweep {
    try SweepRunTests.sweep(
      SweepRunTests.projectile,
      .grid(axes: [try SweepAxis(argument: "vx=2:12:3"), try SweepAxis(argument: "vy=1:20:3")]))
  }

  /// Runs and writes every shard of a split of `sweep` into `folder`.
  func writeShards(_ sweep: SceneSweep, _ count: Int, to folder: SweepFolder) throws {
    try folder.claim(for: sweep.manifest)
    for index in 0..<count {
      let shard = SweepShard(index: index, of: count)
      try folder.write(sweep.run(tasks: shard.tasks(of: sweep.plan.count), jobs: 1), as: shard)
    }
  }

  @Test func mergedShardsAreTheWholeSweepAndTheBestIsTheLeastLoss() throws {
    let sweep = try projectileSweep()
    let whole = sweep.run(tasks: Array(0..<9), jobs: 2)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    try writeShards(sweep, 4, to: folder)
    let merge = try SweepMerge(folder: folder)
    #expect(merge.isComplete && merge.missing.isEmpty && merge.duplicated.isEmpty)
    #expect(merge.results.count == 9)
    for (a, b) in zip(merge.results, whole) { #expect(a.sameOutcome(as: b)) }
    let best = try #require(merge.best)
    #expect(best.finiteLoss == whole.compactMap(\.finiteLoss).min())
    // The table reads back to the same numbers, bit for bit.
    let rows = merge.csv.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
    #expect(rows[0] == ["task", "vx", "vy", "loss"])
    for (row, result) in zip(rows.dropFirst(), whole) {
      #expect(Int(row[0]) == result.task)
      #expect(Double(row[1]) == result.parameters["vx"]?.value)
      #expect(Double(row[3]) == result.loss.value)
    }
    let written = try merge.write()
    #expect(written == ["sweep.csv", "summary.json", "sweep.png"])
    let summary = try #require(
      JSONSerialization.jsonObject(
        with: Data(contentsOf: folder.url.appendingPathComponent("summary.json")))
        as? [String: Any])
    #expect(summary["tasks"] as? Int == 9)
    #expect((summary["missing"] as? [Int]) == [])
    #expect((summary["best"] as? [String: Any])?["task"] as? Int == best.task)
    #expect((summary["results"] as? [[String: Any]])?.count == 9)
    let png = try Data(contentsOf: folder.url.appendingPathComponent("sweep.png"))
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func aMissingShardIsNamedAndARerunFillsIt() throws {
    let sweep = try projectileSweep()
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    try writeShards(sweep, 4, to: folder)
    let lost = folder.url.appendingPathComponent("shard-2-of-4.jsonl")
    try FileManager.default.removeItem(at: lost)
    let partial = try SweepMerge(folder: folder)
    #expect(!partial.isComplete)
    #expect(partial.missing == [2, 6])
    #expect(partial.missingShards == [SweepShard(index: 2, of: 4)])
    let shard = SweepShard(index: 2, of: 4)
    try folder.write(sweep.run(tasks: shard.tasks(of: 9), jobs: 1), as: shard)
    #expect(try SweepMerge(folder: folder).isComplete)
  }

  @Test func tasksRunTwiceAreNamedAndDisagreementsAreErrors() throws {
    let sweep = try projectileSweep()
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    try writeShards(sweep, 3, to: folder)
    // A second split of the same sweep: every task twice, the same results.
    try writeShards(sweep, 2, to: folder)
    let twice = try SweepMerge(folder: folder)
    #expect(twice.isComplete && twice.duplicated == Array(0..<9) && twice.conflicting.isEmpty)
    #expect(twice.splits == [2, 3] && twice.missingShards.isEmpty)
    // A shard whose numbers differ is not merged quietly.
    var wrong = sweep.run(tasks: [4], jobs: 1)
    wrong[0].loss = JSONNumber(1.5)
    try folder.write(wrong, as: SweepShard(index: 0, of: 9))
    let conflicting = try SweepMerge(folder: folder)
    #expect(conflicting.conflicting == [4] && !conflicting.isComplete)
  }

  @Test func aFolderOfAnotherSweepIsRefusedAndUnreadableLinesAreNamed() throws {
    let sweep = try projectileSweep()
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder.url) }
    try folder.claim(for: sweep.manifest)
    try folder.claim(for: sweep.manifest)  // the same sweep: fine
    let other = try SweepRunTests.sweep(
      SweepRunTests.projectile, .grid(axes: [try SweepAxis(argument: "vx=2:12:4")]))
    #expect(throws: SweepError.otherSweep(folder.url.path)) {
      try folder.claim(for: other.manifest)
    }
    let edited = try SweepRunTests.sweep(
      SweepRunTests.projectile + "\n# edited\n",
      .grid(axes: [try SweepAxis(argument: "vx=2:12:3"), try SweepAxis(argument: "vy=1:20:3")]))
    #expect(throws: SweepError.otherSweep(folder.url.path)) {
      try folder.claim(for: edited.manifest)
    }
    try Data("{\"task\": 0, \"loss\": 1, \"parameters\": {}}\nnot json\n".utf8).write(
      to: folder.url.appendingPathComponent("shard-0-of-1.jsonl"))
    do {
      _ = try SweepMerge(folder: folder)
      Issue.record("a broken line merged")
    } catch {
      #expect("\(error)".contains("shard-0-of-1.jsonl:2"), "\(error)")
    }
    #expect(throws: SweepError.noSweep("/nonexistent")) {
      try SweepMerge(folder: SweepFolder(URL(fileURLWithPath: "/nonexistent")))
    }
  }
}
