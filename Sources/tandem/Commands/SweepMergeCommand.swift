import ArgumentParser
import Foundation
import Tandem

/// `tandem sweep merge DIR`: check the shards, write the table, the
/// summary and the picture.
struct SweepMergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Put a sweep's shard files together: check, tabulate, picture, best task.",
    discussion: """
      Reads DIR/sweep.json and every DIR/shard-I-of-N.jsonl, checks that every task ran \
      exactly once (naming the missing ones and the shard to re-run for them, and the tasks \
      found twice), writes DIR/sweep.csv (one row per task), DIR/summary.json and \
      DIR/sweep.png (the loss along one swept parameter, a heat map over two, or each \
      task's loss; the best task marked), and prints the best task. Exits with status 1 \
      when a task is missing or two shards disagree on one. --json prints {"tasks", \
      "missing", "duplicated", "conflicting", "failed", "best": {"task", "loss", \
      "parameters"}, "results": [{"task", "loss", "parameters", …}, …], "task_seconds"}.
      """
  )

  @Argument(
    help: "The sweep's folder, e.g. output/cloth/sweep.", completion: .directory)
  var directory: String

  @Flag(help: "Print the merged sweep as one JSON object on standard output.")
  var json = false

  func run() throws {
    try Self.report(SweepMerge(folder: SweepFolder(URL(fileURLWithPath: directory))), json: json)
  }

  /// Writes `merge`'s files and reports it; exits with status 1 when a task
  /// is missing or conflicting.
  static func report(_ merge: SweepMerge, json: Bool) throws {
    let written = try merge.write()
    let manifest = merge.manifest
    if json {
      print(jsonText(merge.summary))
    } else {
      print(
        "tasks      \(manifest.tasks) (\(manifest.task.rawValue)): \(merge.results.count) ran, "
          + "\(merge.missing.count) missing, \(merge.failed.count) failed")
      if let best = merge.best {
        let values = best.parameters.keys.sorted().map {
          "\($0)=\(String(format: "%.9g", best.parameters[$0]?.value ?? .nan))"
        }
        print(
          "best       task \(best.task): loss \(String(format: "%.9g", best.finiteLoss!))  "
            + values.joined(separator: " "))
      }
      print("written    \(merge.folder.url.path)/ (\(written.joined(separator: ", ")))")
    }
    if !merge.duplicated.isEmpty {
      printError("note: tasks \(list(merge.duplicated)) ran more than once, with the same results")
    }
    if !merge.conflicting.isEmpty {
      printError(
        "error: tasks \(list(merge.conflicting)) ran more than once with different results; "
          + "delete the shard files of the run that is wrong and merge again")
    }
    if !merge.missing.isEmpty {
      let shards = merge.missingShards
      printError(
        "error: \(merge.missing.count) tasks missing: \(list(merge.missing))"
          + (shards.isEmpty
            ? ""
            : shards == [.whole]
              ? "; run the sweep again"
              : "; re-run " + shards.map { "--shard \($0)" }.joined(separator: ", ")))
    }
    if !merge.isComplete { throw ExitCode(1) }
  }

  /// At most 20 task numbers, then how many more.
  static func list(_ tasks: [Int]) -> String {
    let shown = tasks.prefix(20).map(String.init).joined(separator: ", ")
    return tasks.count > 20 ? shown + " and \(tasks.count - 20) more" : shown
  }
}
