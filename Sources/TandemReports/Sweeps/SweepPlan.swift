import TandemScene
import TandemTuning

/// What each task of a sweep does with its point.
public enum SweepTaskKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Runs the scene once at the point and reads its loss.
  case run
  /// Tunes the scene's tuned parameters from the point, as `tandem tune` does.
  case tune
  /// Compares forward mode, central differences and reverse mode at the
  /// point, as `tandem check` does.
  case check
}

/// Where a sweep's points come from.
public enum SweepPoints: Sendable, Hashable, Codable {
  /// Every combination of the axes' values, the first axis slowest.
  case grid(axes: [SweepAxis])
  /// `count` points drawn in the tuned parameters' bounds with `seed`.
  case random(count: Int, seed: UInt64)
  /// The scene's own values, then `count − 1` points drawn as `random` does
  /// (the starting points of `tandem tune --starts`).
  case starts(count: Int, seed: UInt64)

  /// The task a sweep of these points does unless told: `tune` for starts,
  /// `run` otherwise.
  public var defaultKind: SweepTaskKind {
    if case .starts = self { return .tune }
    return .run
  }
}

/// A sweep's tasks, numbered from 0: the same scene and arguments always
/// give the same tasks in the same order, so shards run anywhere agree on
/// what task t is.
public struct SweepPlan: Sendable {
  /// What every task does.
  public let kind: SweepTaskKind
  /// Where the points come from.
  public let points: SweepPoints
  /// The entries each task sets (`k`, `k[3]`), in order.
  public let entries: [String]
  /// Each task's values, one per entry.
  public let values: [[Double]]

  /// The tasks of `points` on `scene`, each doing `kind` (by default
  /// ``SweepPoints/defaultKind``).
  ///
  /// - Throws: ``SweepError`` for an axis naming no parameter (with the
  ///   nearest name), naming one twice, or a log-scale axis through values
  ///   that are not positive; random points or starts on a scene that tunes
  ///   nothing.
  public init(scene: SceneDescription, points: SweepPoints, kind: SweepTaskKind? = nil) throws {
    self.kind = kind ?? points.defaultKind
    switch points {
    case .grid(let axes):
      var resolved: [SweepAxis] = []
      for var axis in axes {
        let (name, entry) = SceneDescription.splitEntry(axis.name)
        guard let parameter = scene.parameters.first(where: { $0.name == name }) else {
          throw SweepError.unknownParameter(
            axis.name, defined: scene.parameters.map(\.name))
        }
        if let entry, !(parameter.isVector && parameter.values.indices.contains(entry)) {
          throw SweepError.unknownParameter(axis.name, defined: scene.entryNames)
        }
        guard !resolved.contains(where: { $0.name == axis.name }) else {
          throw SweepError.sweptTwice(axis.name)
        }
        axis.isLogarithmic = parameter.scale == .log
        if axis.isLogarithmic, !(axis.low > 0 && axis.high > 0) {
          throw SweepError.malformedAxis(
            axis.argument, "`\(name)` has `scale: log`, so its values must be positive")
        }
        resolved.append(axis)
      }
      var tasks = 1
      for axis in resolved {
        let (product, overflow) = tasks.multipliedReportingOverflow(by: axis.count)
        guard !overflow, product <= Self.maximumTasks else {
          throw SweepError.tooManyTasks(resolved.map(\.count))
        }
        tasks = product
      }
      self.points = .grid(axes: resolved)
      entries = resolved.map(\.name)
      values = Self.combinations(of: resolved.map(\.values))
    case .random(let count, let seed), .starts(let count, let seed):
      let tuned = scene.tunedParameterList
      guard !tuned.isEmpty else { throw SweepError.nothingTuned }
      guard count >= 1, count <= Self.maximumTasks else { throw SweepError.tooManyTasks([count]) }
      // Random points are the starts after the scene's own values.
      let isRandom = if case .random = points { true } else { false }
      let drawn = tuned.startingPoints(
        from: scene.parameterVector, count: isRandom ? count + 1 : count, seed: seed
      ).dropFirst(isRandom ? 1 : 0)
      self.points = points
      entries = tuned.map(\.name)
      values = drawn.map { point in tuned.map { point[$0.index] } }
    }
  }

  /// The most tasks a sweep may have (a grid's product of counts, or
  /// random points and starts), checked before any is built.
  public static let maximumTasks = 1_000_000

  /// The number of tasks.
  public var count: Int { values.count }

  /// What task `task` sets, as `--set` would: entry name to value.
  public func assignments(of task: Int) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: zip(entries, values[task]))
  }

  /// Every combination of one value from each list, the first list slowest.
  static func combinations(of lists: [[Double]]) -> [[Double]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
  }
}
