import Foundation
import TandemFiles
import TandemRender

/// A sweep's shard files put together, as `tandem sweep merge` does:
/// every task's result once, what is missing or came twice, and the best.
public struct SweepMerge {
  /// The folder merged.
  public let folder: SweepFolder
  /// The sweep's description.
  public let manifest: SweepManifest
  /// One result per task found, in task order.
  public let results: [SweepResult]
  /// The tasks no shard file holds.
  public let missing: [Int]
  /// The tasks held more than once with the same outcome (shards of two
  /// splits of the sweep): merged, and named.
  public let duplicated: [Int]
  /// The tasks held more than once with different outcomes: an error.
  public let conflicting: [Int]
  /// The shard counts N of the files found.
  public let splits: [Int]

  /// The file names ``write()`` writes.
  public static let csvName = "sweep.csv", summaryName = "summary.json", pictureName = "sweep.png"

  /// Reads `folder`'s manifest and shard files.
  ///
  /// - Throws: ``SweepError`` when the folder holds no sweep, or a file or
  ///   line cannot be read, or a result names a task the sweep does not have.
  public init(folder: SweepFolder) throws {
    self.folder = folder
    manifest = try folder.manifest()
    var byTask: [Int: SweepResult] = [:]
    var (duplicated, conflicting) = (Set<Int>(), Set<Int>())
    var splits = Set<Int>()
    for (shard, results) in try folder.shards() {
      splits.insert(shard.count)
      for result in results {
        guard (0..<manifest.tasks).contains(result.task) else {
          throw SweepError.unreadable(
            folder.url.appendingPathComponent(shard.fileName).path, line: nil,
            "holds task \(result.task), but the sweep has tasks 0 to \(manifest.tasks - 1); "
              + "it belongs to another sweep: delete it")
        }
        if let earlier = byTask[result.task] {
          if earlier.sameOutcome(as: result) {
            duplicated.insert(result.task)
          } else {
            conflicting.insert(result.task)
          }
        } else {
          byTask[result.task] = result
        }
      }
    }
    results = byTask.keys.sorted().map { byTask[$0]! }
    missing = (0..<manifest.tasks).filter { byTask[$0] == nil }
    self.duplicated = duplicated.sorted()
    self.conflicting = conflicting.sorted()
    self.splits = splits.sorted()
  }

  /// Whether every task ran exactly once, or twice with the same outcome.
  public var isComplete: Bool { missing.isEmpty && conflicting.isEmpty }

  /// The task with the lowest finite loss (the first of equals), if any.
  public var best: SweepResult? {
    results.filter { $0.finiteLoss != nil }.min {
      ($0.finiteLoss!, $0.task) < ($1.finiteLoss!, $1.task)
    }
  }

  /// The tasks that failed.
  public var failed: [SweepResult] { results.filter { $0.failure != nil } }

  /// What to run for the missing tasks: the shards of the split the files
  /// use that would run them (`--shard 3/8`), or the tasks themselves.
  public var missingShards: [SweepShard] {
    guard let split = splits.last, splits.count == 1 else { return [] }
    return Set(missing.map { $0 % split }).sorted().map { SweepShard(index: $0, of: split) }
  }

  /// The entries the results report, swept ones first.
  public var columns: [String] {
    manifest.entries + manifest.tuned.filter { !manifest.entries.contains($0) }
  }

  /// `sweep.csv`: one row per task found, in task order: the task, each
  /// entry's value, the loss, then the iterations, stop, check and failure
  /// where any task has them. Numbers read back to the same `Double`.
  public var csv: String {
    let extras: [(String, (SweepResult) -> String?)] = [
      ("iterations", { $0.iterations.map(String.init) }), ("stop", \.stop),
      ("check", \.check), ("failure", \.failure),
    ].filter { name, field in results.contains { field($0) != nil } }
    func number(_ value: JSONNumber?) -> String { value?.value.map { "\($0)" } ?? "" }
    func quoted(_ text: String) -> String {
      text.contains(where: { ",\"\n\r".contains($0) })
        ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
    var lines = [
      (["task"] + columns + ["loss"] + extras.map(\.0)).map(quoted).joined(separator: ",")
    ]
    for result in results {
      let fields =
        [String(result.task)] + columns.map { number(result.parameters[$0]) }
        + [number(result.loss)] + extras.map { quoted($0.1(result) ?? "") }
      lines.append(fields.joined(separator: ","))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `summary.json` and `tandem sweep merge --json`.
  public var summary: SweepSummary { SweepSummary(self) }

  /// Writes `sweep.csv`, `summary.json` and `sweep.png` into the folder,
  /// each whole or not at all, and returns their names.
  @discardableResult
  public func write() throws -> [String] {
    try AtomicFile.write(Data(csv.utf8), to: folder.url.appendingPathComponent(Self.csvName))
    try AtomicFile.write(
      Data((jsonText(summary) + "\n").utf8), to: folder.url.appendingPathComponent(Self.summaryName)
    )
    try SweepPlots.picture(self).render(size: PixelSize(width: 900, height: 700)).writePNG(
      to: folder.url.appendingPathComponent(Self.pictureName))
    return [Self.csvName, Self.summaryName, Self.pictureName]
  }
}

/// A merged sweep as JSON: `{"tasks", "missing", "duplicated", "best",
/// "results", …}`; each result has its task, loss and parameters, and a
/// tune's iterations and stop, a check's verdict, a failure's reason —
/// never its time, so that two runs of one sweep compare equal.
public struct SweepSummary: Encodable {
  /// The scene.
  public var scene: String
  /// What each task did.
  public var task: SweepTaskKind
  /// The number of tasks in the sweep.
  public var tasks: Int
  /// The tasks no shard ran.
  public var missing: [Int]
  /// The tasks run more than once, with the same outcome.
  public var duplicated: [Int]
  /// The tasks run more than once with different outcomes.
  public var conflicting: [Int]
  /// The tasks that failed.
  public var failed: [Int]
  /// The best task, if any has a finite loss.
  public var best: Nullable<SweepResult>
  /// Every task's outcome, in task order, without its time.
  public var results: [SweepResult]
  /// The seconds the tasks took, summed.
  public var taskSeconds: Double

  init(_ merge: SweepMerge) {
    scene = merge.manifest.scene
    task = merge.manifest.task
    tasks = merge.manifest.tasks
    (missing, duplicated, conflicting) = (merge.missing, merge.duplicated, merge.conflicting)
    failed = merge.failed.map(\.task)
    best = Nullable(merge.best.map(\.withoutTime))
    results = merge.results.map(\.withoutTime)
    taskSeconds = merge.results.compactMap(\.seconds).reduce(0, +)
  }

  enum CodingKeys: String, CodingKey {
    case scene, task, tasks, missing, duplicated, conflicting, failed, best, results
    case taskSeconds = "task_seconds"
  }
}
