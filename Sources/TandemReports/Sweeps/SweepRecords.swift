import Foundation

/// What one task of a sweep found: a line of a shard file.
///
/// Numbers are written as JSON's shortest text that reads back to the same
/// `Double`, so a result read from a file is bit for bit the one computed.
public struct SweepResult: Codable, Sendable, Equatable {
  /// The task's number in the plan.
  public var task: Int
  /// The loss: at the point (run, check), or the best found (tune); `null`
  /// when the task failed or the loss is not finite.
  public var loss: JSONNumber
  /// The swept entries' and the tuned entries' values: the point's, or for
  /// a tune the best iteration's.
  public var parameters: [String: JSONNumber]
  /// For a tune, its iterations.
  public var iterations: Int?
  /// For a tune, why it stopped (``TuningStop/name``).
  public var stop: String?
  /// For a check, `passed` or `failed`.
  public var check: String?
  /// Why the task failed, when it did (the loss is then `null`).
  public var failure: String?
  /// How long the task took, in seconds: the one field that differs
  /// between two runs of the same task.
  public var seconds: Double?

  /// A result from its parts.
  public init(
    task: Int, loss: Double?, parameters: [String: Double], iterations: Int? = nil,
    stop: String? = nil, check: String? = nil, failure: String? = nil, seconds: Double? = nil
  ) {
    self.task = task
    self.loss = JSONNumber(loss)
    self.parameters = parameters.mapValues(JSONNumber.init)
    (self.iterations, self.stop, self.check) = (iterations, stop, check)
    (self.failure, self.seconds) = (failure, seconds)
  }

  /// The result without how long it took: what two runs of the task share.
  public var withoutTime: SweepResult {
    var result = self
    result.seconds = nil
    return result
  }

  /// Whether `other` found the same, ignoring how long it took.
  public func sameOutcome(as other: SweepResult) -> Bool { withoutTime == other.withoutTime }

  /// The loss, when finite.
  public var finiteLoss: Double? { loss.value.flatMap { $0.isFinite ? $0 : nil } }
}

/// A sweep's description (`sweep.json`), written by every shard: what
/// merging needs to know (how many tasks, which entries, the axes), and
/// what tells two sweeps apart, so shards of different sweeps are never
/// mixed in one folder.
public struct SweepManifest: Codable, Sendable, Equatable {
  /// The scene's name.
  public var scene: String
  /// A digest of the scene file's text: a shard of an edited scene is
  /// another sweep.
  public var sceneDigest: String
  /// The `--set` values every task starts from.
  public var settings: [String: Double]
  /// What every task does.
  public var task: SweepTaskKind
  /// Where the points come from.
  public var points: SweepPoints
  /// The entries each task sets.
  public var entries: [String]
  /// The tuned entries (reported beside the swept ones).
  public var tuned: [String]
  /// The number of tasks.
  public var tasks: Int
  /// The tuner's settings given on the command line (iterations, method,
  /// rate), for tune tasks.
  public var tuning: [String: String]

  enum CodingKeys: String, CodingKey {
    case scene, settings, task, points, entries, tuned, tasks, tuning
    case sceneDigest = "scene_digest"
  }

  /// The manifest as written: sorted keys, one line per key, a final newline.
  public var text: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
  }

  /// Reads a manifest's ``text``.
  public static func reading(_ data: Data) throws -> SweepManifest {
    try JSONDecoder().decode(SweepManifest.self, from: data)
  }

  /// The 64-bit FNV-1a digest of `text`'s UTF-8 bytes, in hexadecimal: not a
  /// cryptographic hash, only a way to notice an edited scene.
  public static func digest(of text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
