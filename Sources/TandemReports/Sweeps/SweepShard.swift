/// One of N equal parts of a sweep: shard I runs the tasks t with
/// t mod N = I, so every task belongs to exactly one shard of a split.
public struct SweepShard: Sendable, Hashable, CustomStringConvertible {
  /// I, from 0.
  public let index: Int
  /// N, at least 1.
  public let count: Int

  /// Shard `index` of `count`.
  public init(index: Int, of count: Int) {
    precondition(count >= 1 && (0..<count).contains(index), "shard \(index) of \(count)")
    (self.index, self.count) = (index, count)
  }

  /// The whole sweep as one shard.
  public static let whole = SweepShard(index: 0, of: 1)

  /// Reads `I/N`, as `--shard 3/8` gives it.
  ///
  /// - Throws: ``SweepError/malformedShard(_:)``.
  public init(argument: String) throws {
    let parts = argument.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (0..<count).contains(index)
    else { throw SweepError.malformedShard(argument) }
    self.init(index: index, of: count)
  }

  /// The shard a scheduler gave this process through `environment`, if any:
  ///
  /// - Slurm job arrays: with `shards`, `SLURM_ARRAY_TASK_ID` is the shard's
  ///   number, so that re-running one index (`sbatch --array=3`) is still
  ///   shard 3 of N; without, the task's place in the array, counted from
  ///   `SLURM_ARRAY_TASK_MIN` in steps of `SLURM_ARRAY_TASK_STEP`, of
  ///   `SLURM_ARRAY_TASK_COUNT` (so `--array=1-8` and `--array=0-14:2` give
  ///   shards 0 to 7 of 8);
  /// - Kubernetes Indexed Jobs: `JOB_COMPLETION_INDEX`, with `shards` (the
  ///   Job's `completions`, which the pod is not told) as N.
  ///
  /// - Throws: ``SweepError/environmentShard(_:)`` when the variables do not
  ///   make a shard, or `shards` is given without either index.
  public static func fromEnvironment(_ environment: [String: String], shards: Int?) throws
    -> SweepShard?
  {
    func number(_ name: String) throws -> Int? {
      guard let text = environment[name] else { return nil }
      guard let value = Int(text) else {
        throw SweepError.environmentShard("\(name)=\(text) is not a whole number.")
      }
      return value
    }
    if let id = try number("SLURM_ARRAY_TASK_ID") {
      if let shards {
        guard (0..<shards).contains(id) else {
          throw SweepError.environmentShard(
            "array task \(id) is not below --shards \(shards); number the array's tasks from 0, as --array=0-\(shards - 1)."
          )
        }
        return SweepShard(index: id, of: shards)
      }
      guard let count = try number("SLURM_ARRAY_TASK_COUNT"), count >= 1 else {
        throw SweepError.environmentShard(
          "SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; run the shards as one job array (sbatch --array=0-7), or give --shards N."
        )
      }
      let first = try number("SLURM_ARRAY_TASK_MIN") ?? 0
      let step = try number("SLURM_ARRAY_TASK_STEP") ?? 1
      let offset = id - first
      guard step >= 1, offset >= 0, offset % step == 0, offset / step < count else {
        throw SweepError.environmentShard(
          "array task \(id) is not one of \(count) tasks from \(first) in steps of \(step); give the array a plain range, such as --array=0-\(count - 1), or give --shards N."
        )
      }
      return SweepShard(index: offset / step, of: count)
    }
    if let index = try number("JOB_COMPLETION_INDEX") {
      guard let shards else {
        throw SweepError.environmentShard(
          "JOB_COMPLETION_INDEX=\(index) is set (a Kubernetes Indexed Job) but --shards is not; pass the Job's completions as --shards N."
        )
      }
      guard (0..<shards).contains(index) else {
        throw SweepError.environmentShard(
          "JOB_COMPLETION_INDEX=\(index) is not below --shards \(shards); pass the Job's completions as --shards."
        )
      }
      return SweepShard(index: index, of: shards)
    }
    if let shards {
      throw SweepError.environmentShard(
        "--shards \(shards) takes the shard's number from JOB_COMPLETION_INDEX (a Kubernetes Indexed Job), which is not set; elsewhere give --shard I/\(shards)."
      )
    }
    return nil
  }

  /// This shard's tasks among `total`, in order.
  public func tasks(of total: Int) -> [Int] { Array(stride(from: index, to: total, by: count)) }

  /// The file the shard writes: `shard-I-of-N.jsonl`.
  public var fileName: String { "shard-\(index)-of-\(count).jsonl" }

  /// The shard a file of ``fileName``'s form holds, or `nil` for another name.
  public init?(fileName: String) {
    guard fileName.hasPrefix("shard-"), fileName.hasSuffix(".jsonl") else { return nil }
    let middle = fileName.dropFirst(6).dropLast(6).split(separator: "-")
    guard middle.count == 3, middle[1] == "of", let index = Int(middle[0]),
      let count = Int(middle[2]), count >= 1, (0..<count).contains(index)
    else { return nil }
    self.init(index: index, of: count)
  }

  /// `I/N`.
  public var description: String { "\(index)/\(count)" }
}
