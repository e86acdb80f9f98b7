import Foundation
import Testing

/// `tandem sweep` as a user runs it: shards from `--shard` and from the
/// schedulers' environment variables, merged to the numbers of one
/// process, a missing shard named and re-run.
extension CommandLineTests {
  /// The results of `tandem sweep merge DIR --json`, and its exit status.
  func merged(_ folder: String) throws -> (status: Int32, json: [String: Any], error: String) {
    let outcome = try tandem("sweep", "merge", folder, "--json")
    return (outcome.status, try outcome.json(), outcome.error)
  }

  @Test func sweepShardsMergeToTheNumbersOfOneProcess() throws {
    let grid = ["scenes/quadratic.yaml", "--grid", "rate=0.001:0.19:9"]
    let whole = try temporaryFolder()
    let one = try tandem(["sweep"] + grid + ["--jobs", "1", "--out", whole])
    #expect(one.status == 0, "\(one.error)")
    let reference = try merged(whole + "/quadratic/sweep")
    #expect(reference.status == 0)
    let results = try #require(reference.json["results"] as? [[String: Any]])
    #expect(results.count == 9)
    // Three shards: one by --shard, one as a Slurm array task, one as a
    // Kubernetes Indexed Job's pod.
    let split = try temporaryFolder()
    let first = try tandem(["sweep"] + grid + ["--shard", "0/3", "--out", split])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("merge, once every shard has run: tandem sweep merge"))
    let slurm = try tandem(
      ["sweep"] + grid + ["--out", split],
      environment: ["SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
    #expect(slurm.status == 0, "\(slurm.error)")
    #expect(slurm.error.contains("shard 1/3: 3 tasks"))
    let kubernetes = try tandem(
      ["sweep"] + grid + ["--shards", "3", "--out", split],
      environment: ["JOB_COMPLETION_INDEX": "2"])
    #expect(kubernetes.status == 0, "\(kubernetes.error)")
    let folder = split + "/quadratic/sweep"
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(
      names == ["shard-0-of-3.jsonl", "shard-1-of-3.jsonl", "shard-2-of-3.jsonl", "sweep.json"])
    let merge = try merged(folder)
    #expect(merge.status == 0, "\(merge.error)")
    #expect(Set(merge.json.keys).isSuperset(of: ["tasks", "missing", "best", "results"]))
    #expect(merge.json["tasks"] as? Int == 9)
    #expect((merge.json["missing"] as? [Int]) == [])
    // Bit for bit: JSON's shortest round-trip text of each Double.
    #expect(
      NSArray(array: try #require(merge.json["results"] as? [[String: Any]]))
        == NSArray(array: results))
    let best = try #require(merge.json["best"] as? [String: Any])
    #expect(Set(best.keys) == ["task", "loss", "parameters"])
    // The best is the least of the closed form ½((1 − r)⁸⁰ + 10(1 − 10r)⁸⁰)
    // over the grid: at r ≈ 0.099, not at the largest rate 0.19.
    let rates = results.map { ($0["parameters"] as? [String: Double])?["rate"] ?? .nan }
    let closed = rates.map { 0.5 * (pow(1 - $0, 80) + 10 * pow(1 - 10 * $0, 80)) }
    let least = closed.indices.min { closed[$0] < closed[$1] }!
    #expect(least == 7 && best["task"] as? Int == least)
    #expect(one.output.contains("best       task 7: loss"))

    // A lost shard is named with the shard to re-run; re-running fills it.
    try FileManager.default.removeItem(atPath: folder + "/shard-1-of-3.jsonl")
    let partial = try merged(folder)
    #expect(partial.status == 1)
    #expect((partial.json["missing"] as? [Int]) == [1, 4, 7])
    #expect(
      partial.error.contains("3 tasks missing: 1, 4, 7; re-run --shard 1/3"), "\(partial.error)")
    let rerun = try tandem(["sweep"] + grid + ["--shard", "1/3", "--out", split])
    #expect(rerun.status == 0, "\(rerun.error)")
    #expect(try merged(folder).status == 0)
    for name in ["sweep.csv", "summary.json", "sweep.png"] {
      #expect(FileManager.default.fileExists(atPath: folder + "/" + name), "\(name)")
    }
  }

  @Test func sweepMistakesAreRefusedBeforeAnyWork() throws {
    let out = try temporaryFolder()
    for (arguments, says) in [
      (["scenes/quadratic.yaml"], "--grid name=lo:hi:n"),
      (["scenes/quadratic.yaml", "--grid", "rat=0.01:0.1:3"], "did you mean `rate`?"),
      (["scenes/quadratic.yaml", "--grid", "rate=0.01:0.5:3"], "above `max`"),
      (["scenes/quadratic.yaml", "--grid", "rate=0.01:0.1"], "not three"),
      (["scenes/quadratic.yaml", "--random", "3", "--starts", "2"], "not several"),
      (["scenes/quadratic.yaml", "--random", "3", "--shard", "3/3"], "0 ≤ I < N"),
      (["scenes/quadratic.yaml", "--random", "3", "--shards", "4"], "JOB_COMPLETION_INDEX"),
      (["scenes/nonexistent.yaml", "--random", "3"], "no scene file"),
    ] {
      let outcome = try tandem(["sweep"] + arguments + ["--out", out])
      #expect(outcome.status != 0, "\(arguments)")
      #expect(outcome.error.contains(says), "\(arguments): \(outcome.error)")
    }
    #expect(!FileManager.default.fileExists(atPath: out + "/quadratic"))
    // A folder that holds another sweep is not mixed with this one.
    #expect(try tandem("sweep", "scenes/quadratic.yaml", "--random", "2", "--out", out).status == 0)
    let other = try tandem("sweep", "scenes/quadratic.yaml", "--random", "3", "--out", out)
    #expect(other.status != 0)
    #expect(other.error.contains("holds the shards of another sweep"), "\(other.error)")
    let none = try tandem("sweep", "merge", out)
    #expect(none.status != 0 && none.error.contains("holds no sweep"), "\(none.error)")
  }

  /// The list items of the YAML block after `key:` (`- item` lines, quotes removed).
  static func items(after key: String, in text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard
      let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == key + ":" })
    else { return [] }
    return lines[(start + 1)...].prefix { $0.trimmingCharacters(in: .whitespaces).hasPrefix("- ") }
      .map {
        $0.trimmingCharacters(in: .whitespaces).dropFirst(2).trimmingCharacters(
          in: CharacterSet(charactersIn: "\""))
      }
  }

  /// The Kubernetes example run as its pods would run it: every index of the
  /// Indexed Job with JOB_COMPLETION_INDEX set, then the merge Job's command.
  @Test func theKubernetesExampleRunsAsAnIndexedJobWould() throws {
    let folder = Self.repository.appendingPathComponent("examples/kubernetes")
    let job = try String(
      contentsOf: folder.appendingPathComponent("sweep-job.yaml"), encoding: .utf8)
    let merge = try String(
      contentsOf: folder.appendingPathComponent("merge-job.yaml"), encoding: .utf8)
    #expect(job.contains("completionMode: Indexed"))
    let completions = try #require(
      job.split(separator: "\n").first { $0.contains("completions:") }.flatMap {
        Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
      })
    let command = Self.items(after: "command", in: job)
    #expect(command.first == "tandem" && command.count > 3)
    let shards = try #require(command.firstIndex(of: "--shards")).advanced(by: 1)
    #expect(Int(command[shards]) == completions, "--shards must equal the Job's completions")
    // The image's paths, here: the scene from the repository, the volume a temporary folder.
    let volume = try temporaryFolder()
    func local(_ argument: String) -> String {
      argument.replacingOccurrences(of: "/opt/tandem/", with: Self.repository.path + "/")
        .replacingOccurrences(of: "/results", with: volume)
    }
    for index in 0..<completions {
      let pod = try tandem(
        command.dropFirst().map(local), environment: ["JOB_COMPLETION_INDEX": "\(index)"])
      #expect(pod.status == 0, "pod \(index): \(pod.error)")
    }
    let mergeCommand = try #require(
      merge.split(separator: "\n").first { $0.contains("command:") }.map { line in
        line.split(separator: "[")[1].split(separator: "]")[0].split(separator: ",").map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      })
    #expect(Array(mergeCommand.prefix(3)) == ["tandem", "sweep", "merge"])
    let dir = try #require(command.firstIndex(of: "--dir")).advanced(by: 1)
    #expect(mergeCommand[3] == command[dir], "the merge reads the folder the shards write")
    let merged = try tandem(["sweep", "merge", local(mergeCommand[3]), "--json"])
    #expect(merged.status == 0, "\(merged.error)")
    let json = try merged.json()
    #expect(json["tasks"] as? Int == 64 && (json["missing"] as? [Int]) == [])
  }

  /// Starts `tandem` with `arguments`, waits until it has finished a task
  /// (a `[1/` line on standard error), sends `signal`, and returns its exit
  /// status and standard error.
  func interrupted(_ arguments: [String], with signal: Int32) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = Self.repository
    let (output, error) = (Pipe(), Pipe())
    (process.standardOutput, process.standardError) = (output, error)
    try process.run()
    var text = ""
    let reader = error.fileHandleForReading
    while !text.contains("[1/") {
      let data = reader.availableData
      if data.isEmpty { break }  // the process ended first
      text += String(decoding: data, as: UTF8.self)
    }
    kill(process.processIdentifier, signal)
    text += String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
    _ = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, text)
  }

  /// A shard stopped by a scheduler (SIGTERM at a time limit) or by Ctrl-C
  /// writes what it finished, and never loses what an earlier run wrote.
  @Test func anInterruptedShardKeepsWhatItFinished() throws {
    let folder = try temporaryFolder() + "/sweep"
    let sweep = [
      "sweep", "scenes/cloth.yaml", "--grid", "k=100:1600:16", "--grid", "c=0.1:2:16", "--jobs",
      "1", "--dir", folder,
    ]
    let file = folder + "/shard-0-of-1.jsonl"
    func lines() throws -> Int {
      try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count
    }
    let (status, error) = try interrupted(sweep, with: SIGTERM)
    #expect(status == 143, "\(error)")
    #expect(error.contains("interrupted: "), "\(error)")
    let kept = try lines()
    #expect(kept >= 1 && kept < 256)
    let partial = try tandem("sweep", "merge", folder)
    #expect(partial.status == 1)
    #expect(partial.error.contains("\(256 - kept) tasks missing"), "\(partial.error)")
    #expect(partial.error.contains("run the sweep again"), "\(partial.error)")
    // A whole run, then an interrupted one: the file still holds every task.
    #expect(try tandem(Array(sweep.dropLast(4)) + ["--dir", folder]).status == 0)
    #expect(try lines() == 256)
    let (again, _) = try interrupted(sweep, with: SIGINT)
    #expect(again == 130)
    #expect(try lines() == 256)
    #expect(try tandem("sweep", "merge", folder).status == 0)
  }
}
