import ArgumentParser
import Foundation
import Tandem

/// `tandem sweep`: many runs, tunes or checks of one scene, split into
/// shards for a scheduler's job array, and merged.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Run a scene over a grid of values, random points or tuning starts, in shards.",
    discussion: """
      `tandem sweep SCENE` defines a numbered list of tasks from its arguments and runs them: \
      every shard of a split agrees on what task t is. `tandem sweep merge DIR` puts the \
      shards' results together. See `tandem help sweep run` and `tandem help sweep merge`.
      """,
    subcommands: [SweepRunCommand.self, SweepMergeCommand.self],
    defaultSubcommand: SweepRunCommand.self
  )
}

/// `tandem sweep SCENE …`: plan the tasks, run this shard's, write its file.
struct SweepRunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a sweep's tasks, or one shard of them (the default subcommand).",
    discussion: """
      The tasks come from one of --grid (every combination of the axes' values, the first \
      axis slowest; evenly spaced on a log scale for a `scale: log` parameter), --random N \
      (points drawn in the tuned parameters' bounds, log-uniformly on a log scale) or \
      --starts N (the scene's values, then N − 1 points drawn as --random draws them). Each \
      task does --task: run (the loss at the point), tune (tune from the point, as `tandem \
      tune` does) or check (forward mode, central differences and reverse mode at the point, \
      as `tandem check` does); tune by default for --starts, run otherwise. A task's result \
      is its loss, its parameters (the swept ones and the tuned ones: tuned values for a \
      tune), and for a tune its iterations and stop reason. A task that fails is a result \
      too, with its reason.

      Shards: shard I of N runs the tasks t with t mod N = I. The shard is --shard I/N, else \
      the environment's: in a Slurm job array (sbatch --array=0-7) SLURM_ARRAY_TASK_ID of \
      --shards N (or, without --shards, the task's place among SLURM_ARRAY_TASK_COUNT); in a \
      Kubernetes Indexed Job JOB_COMPLETION_INDEX of --shards N. With neither, every task \
      runs here, --jobs at a time. The results do not depend on the split: the same task \
      gives the same numbers, bit for bit, anywhere.

      Writes the sweep's folder (--dir, by default DIR/<scene name>/sweep with DIR from \
      --out): sweep.json (what the sweep is, written \
      by every shard; a folder holding another sweep is refused) and shard-I-of-N.jsonl (one \
      JSON line per task, written whole when the shard ends, so a re-run shard replaces its \
      own file and nothing else). On SIGINT or SIGTERM (a scheduler's time limit) the \
      finished tasks are written, with those of the shard's earlier file that did not run \
      again, and the exit status is 130 or 143; merge names the tasks still missing. Without \
      shards it then merges at once (see `tandem sweep merge`).
      """
  )

  @OptionGroup var sceneOptions: SceneOptions
  @OptionGroup var output: OutputOptions

  @Option(
    name: .customLong("grid"),
    help: ArgumentHelp(
      "Sweep a parameter over n values from lo to hi, both included (repeatable; e.g. k=100:800:8, or k[3]=… for one entry).",
      valueName: "name=lo:hi:n"))
  var axes: [String] = []

  @Option(help: ArgumentHelp("Draw N points in the tuned parameters' bounds.", valueName: "N"))
  var random: Int?

  @Option(
    help: ArgumentHelp(
      "Tune from N starting points: the scene's values, then N − 1 drawn in the bounds.",
      valueName: "N"))
  var starts: Int?

  @Option(help: ArgumentHelp("The seed random points and starts are drawn with.", valueName: "S"))
  var seed: UInt64 = 0

  @Option(
    name: .customLong("task"),
    help: ArgumentHelp(
      "What each task does: run, tune or check (default: tune for --starts, run otherwise).",
      valueName: "kind"))
  var kind: SweepTaskKind?

  @Option(
    help: ArgumentHelp("Run only shard I of N (overrides the environment).", valueName: "I/N"))
  var shard: String?

  @Option(
    help: ArgumentHelp(
      "The number of shards N: with it the shard's number is SLURM_ARRAY_TASK_ID (so sbatch --array=3 re-runs shard 3) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job).",
      valueName: "N"))
  var shards: Int?

  @Option(
    name: .customLong("dir"),
    help: ArgumentHelp(
      "The sweep's own folder, where the shards write and merge reads (default: DIR/<scene name>/sweep, DIR from --out).",
      valueName: "folder"))
  var folder: String?

  @Option(
    help: ArgumentHelp(
      "Tasks run at once, each on its own core (default: the machine's cores); the results do not depend on it.",
      valueName: "K"))
  var jobs = ProcessInfo.processInfo.activeProcessorCount

  @Option(help: "A tune's outer iterations (default: the scene's tune.iterations, else 30).")
  var iterations: Int?

  @Option(
    help: "A tune's optimizer: gd, adam, newton or levenberg-marquardt (default: the scene's).")
  var method: TuningMethod?

  @Option(help: "A tune's learning rate for gd and adam (default: the scene's, else 0.05).")
  var rate: Double?

  func validate() throws {
    let sources = [!axes.isEmpty, random != nil, starts != nil].filter { $0 }.count
    guard sources == 1 else {
      throw ValidationError(
        sources == 0
          ? "Say which points to sweep: --grid name=lo:hi:n (repeatable), --random N or --starts N."
          : "Give one of --grid, --random and --starts, not several.")
    }
    for (name, value) in [("--random", random), ("--starts", starts)] {
      if let value, value < 1 { throw ValidationError("\(name) must be at least 1, not \(value).") }
    }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
    if let shards, shards < 1 {
      throw ValidationError("--shards must be at least 1, not \(shards).")
    }
    if let iterations, iterations < 1 {
      throw ValidationError("--iterations must be at least 1, not \(iterations).")
    }
    if let rate, !(rate > 0 && rate.isFinite) {
      throw ValidationError("--rate must be a positive, finite number, not \(rate).")
    }
  }

  func run() throws {
    let file = try sceneOptions.file()
    let points: SweepPoints
    if let random {
      points = .random(count: random, seed: seed)
    } else if let starts {
      points = .starts(count: starts, seed: seed)
    } else {
      points = .grid(axes: try axes.map(SweepAxis.init(argument:)))
    }
    var sweep = try SceneSweep(
      text: SceneFile.text(of: file), file: file, settings: sceneOptions.settings(),
      limits: SceneLimits().setting(sceneOptions.limits), points: points, kind: kind)
    (sweep.iterations, sweep.method, sweep.rate) = (iterations, method, rate)
    let shard =
      try shard.map(SweepShard.init(argument:))
      ?? SweepShard.fromEnvironment(ProcessInfo.processInfo.environment, shards: shards)
      ?? .whole
    let folder = SweepFolder(
      self.folder.map { URL(fileURLWithPath: $0) }
        ?? output.folder(for: sweep.scene.name).appendingPathComponent("sweep"))
    try folder.claim(for: sweep.manifest)
    let tasks = shard.tasks(of: sweep.plan.count)
    let plan = sweep.plan
    printError(
      "sweep of \(sweep.scene.name): \(plan.count) \(plan.kind.rawValue) tasks over "
        + plan.entries.joined(separator: ", ")
        + (shard == .whole ? "" : "; shard \(shard): \(tasks.count) tasks")
        + ", \(min(jobs, max(tasks.count, 1))) at a time")
    let total = tasks.count
    // On SIGINT or SIGTERM (a scheduler's time limit), the finished tasks
    // are written with the shard's earlier results, and merge names the rest.
    let finished = InterruptGuard<[SweepResult]>([])
    finished.onInterrupt { results in
      guard !results.isEmpty else { return }
      if let file = try? folder.write(results, keepingEarlierOf: shard) {
        printError(
          "interrupted: \(results.count) of \(total) tasks finished, written with any earlier "
            + "results to \(file.path); run the shard again for the rest")
      }
    }
    let results = sweep.run(tasks: tasks, jobs: jobs) { result in
      var done = 0
      finished.update {
        $0.append(result)
        done = $0.count
      }
      printError(Self.line(for: result, done: done, of: total))
    }
    // An interrupt that came first is writing, and exits.
    guard finished.beginWriting() else { while true { pause() } }
    let written = try folder.write(results, as: shard)
    printError("written    \(written.path)")
    let failures = results.filter { $0.failure != nil }.count
    if failures > 0 {
      printError("warning: \(failures) of \(total) tasks failed (see their failure)")
    }
    guard shard == .whole else {
      print("shard \(shard): \(total) tasks written to \(written.path)")
      print("merge, once every shard has run: tandem sweep merge \(folder.url.path)")
      return
    }
    try SweepMergeCommand.report(SweepMerge(folder: folder), json: false)
  }

  /// One line per finished task: its number, loss, values and time.
  static func line(for result: SweepResult, done: Int, of total: Int) -> String {
    let head = "[\(done)/\(total)] task \(result.task)".padding(
      toLength: 18, withPad: " ", startingAt: 0)
    let seconds = String(format: "(%.3g s)", result.seconds ?? 0)
    if let failure = result.failure { return head + "failed: \(failure) " + seconds }
    let values = result.parameters.keys.sorted().map {
      "\($0)=\(String(format: "%.6g", result.parameters[$0]?.value ?? .nan))"
    }
    var text = head + String(format: "loss %.6e  ", result.loss.value ?? .nan)
    text += values.joined(separator: " ")
    if let iterations = result.iterations { text += "  \(iterations) iterations" }
    if let stop = result.stop { text += ", \(stop)" }
    if let check = result.check { text += "  check \(check)" }
    return text + "  " + seconds
  }
}

extension SweepTaskKind: ExpressibleByArgument {}
