import TandemScene

/// Why a sweep cannot be planned, run or merged; each message says what to do.
public enum SweepError: Error, Equatable, CustomStringConvertible {
  /// A `--grid` argument that is not `name=lo:hi:n`, and what is wrong with it.
  case malformedAxis(String, String)
  /// An axis names no parameter (or entry) of the scene; the names it has.
  case unknownParameter(String, defined: [String])
  /// Two axes name the same parameter.
  case sweptTwice(String)
  /// A parameter both set with `--set` and swept.
  case setAndSwept(String)
  /// Random points or starts on a scene with no `tune: true` parameter.
  case nothingTuned
  /// More tasks than ``SweepPlan/maximumTasks``: the counts asked for.
  case tooManyTasks([Int])
  /// A `--shard` argument that is not `I/N` with 0 ≤ I < N.
  case malformedShard(String)
  /// The shard from the environment is inconsistent: the variables' text.
  case environmentShard(String)
  /// The folder already holds a sweep of other tasks (its folder).
  case otherSweep(String)
  /// A shard file or the sweep's description cannot be read: file, line, problem.
  case unreadable(String, line: Int?, String)
  /// No sweep in the folder.
  case noSweep(String)

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .malformedAxis(let argument, let problem):
      return "--grid \(argument): \(problem). Write name=lo:hi:n, such as --grid k=100:800:8."
    case .unknownParameter(let name, let defined):
      let base = SceneDescription.splitEntry(name).name
      let hint =
        NearestName.suggestion(for: base, among: defined, listing: "parameters")
        ?? "the scene defines no parameters"
      return "--grid \(name): the scene has no parameter or entry of that name; \(hint)."
    case .sweptTwice(let name):
      return "--grid \(name) is given twice; give each parameter one axis."
    case .setAndSwept(let name):
      return "`\(name)` is both set (--set) and swept; drop one of them."
    case .nothingTuned:
      return
        "random points and starts are drawn in the bounds of the parameters marked `tune: true`, "
        + "and the scene marks none; mark some (with min and max), or sweep with --grid."
    case .tooManyTasks(let counts):
      return "the sweep would have \(counts.map(String.init).joined(separator: " × ")) tasks, "
        + "more than \(SweepPlan.maximumTasks); sweep fewer values, or split the sweep."
    case .malformedShard(let argument):
      return "--shard \(argument): write I/N with 0 ≤ I < N, such as --shard 3/8."
    case .environmentShard(let problem):
      return problem
    case .otherSweep(let folder):
      return "\(folder) holds the shards of another sweep (another scene, settings or tasks); "
        + "use another --out, or delete the folder."
    case .unreadable(let file, let line, let problem):
      return "\(file)\(line.map { ":\($0)" } ?? ""): \(problem)"
    case .noSweep(let folder):
      return "\(folder) holds no sweep (no \(SweepFolder.manifestName)); "
        + "run `tandem sweep SCENE` with --out first, and merge the folder it names."
    }
  }
}
