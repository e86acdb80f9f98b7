import Foundation

/// The most a scene may ask for, checked while it is read, before any work
/// or allocation: a typo such as `rows: 100000` fails at once with the limit
/// named, instead of exhausting memory or running for days.
///
/// The defaults suit a machine with 24 GiB of memory. Raise one with
/// `--limit name=value` (``SceneLimits/setting(_:)``), or in code.
public struct SceneLimits: Hashable, Sendable {
  /// Particles in a physics scene (explicit, grid and chain particles together).
  public var particles = 1_000_000
  /// Springs in a physics scene (declared, grid and chain springs together).
  public var springs = 4_000_000
  /// The width of one layer of a model.
  public var layerWidth = 16_384
  /// A model's parameters (weights and biases).
  public var modelParameters = 50_000_000
  /// Training plus validation examples (synthetic or read from a CSV file).
  public var examples = 10_000_000
  /// Rows of recorded motion in one `observations:` term's file.
  public var observations = 10_000_000
  /// Pixels in one frame (width × height); 16,777,216 is 4096 × 4096.
  public var pixels = 16_777_216
  /// Frames one run writes.
  public var frames = 100_000
  /// Particle positions kept for drawing frames at once: frames × particles,
  /// times the runs an overlay draws (16 bytes each: 250,000,000 is 4 GB).
  public var samples = 250_000_000
  /// The work of one run: steps × (particles + springs) for a simulation,
  /// steps × examples per step × model parameters for a training run.
  /// 10¹¹ is about an hour of forward mode with a few tuned parameters.
  public var work = 100_000_000_000
  /// Parameter entries (a vector parameter counts each of its entries).
  public var parameters = 10_000_000
  /// YAML nodes after aliases are expanded (a file of a few hundred bytes can
  /// otherwise expand to billions, "billion laughs").
  public var yamlNodes = 1_000_000

  /// The default limits.
  public init() {}

  /// Every limit's name, as `--limit` spells it.
  public static let names = [
    "particles", "springs", "layer-width", "model-parameters", "examples", "observations", "pixels",
    "frames", "samples", "work", "parameters", "yaml-nodes",
  ]

  /// The limit called `name`.
  ///
  /// - Precondition: `name` is one of ``names``.
  public subscript(name: String) -> Int {
    get {
      switch name {
      case "particles": particles
      case "springs": springs
      case "layer-width": layerWidth
      case "model-parameters": modelParameters
      case "examples": examples
      case "observations": observations
      case "pixels": pixels
      case "frames": frames
      case "samples": samples
      case "work": work
      case "parameters": parameters
      case "yaml-nodes": yamlNodes
      default: preconditionFailure("no limit is called `\(name)`")
      }
    }
    set {
      switch name {
      case "particles": particles = newValue
      case "springs": springs = newValue
      case "layer-width": layerWidth = newValue
      case "model-parameters": modelParameters = newValue
      case "examples": examples = newValue
      case "observations": observations = newValue
      case "pixels": pixels = newValue
      case "frames": frames = newValue
      case "samples": samples = newValue
      case "work": work = newValue
      case "parameters": parameters = newValue
      case "yaml-nodes": yamlNodes = newValue
      default: preconditionFailure("no limit is called `\(name)`")
      }
    }
  }

  /// The limits with `--limit name=value` arguments applied (`value` a whole
  /// number, with optional `_` separators or an exponent: `work=1e12`).
  ///
  /// - Throws: ``SceneError`` for text without `=`, an unknown name (with the
  ///   nearest), or a value that is not a positive whole number.
  public func setting(_ arguments: [String]) throws -> SceneLimits {
    var limits = self
    let names = Self.names
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "=") else {
        throw SceneError(
          message: "`\(argument)` is not a limit assignment",
          suggestion: "write `name=value`, such as `particles=2000000`")
      }
      let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
      let text = argument[argument.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        .replacingOccurrences(of: "_", with: "")
      guard names.contains(name) else {
        throw SceneError(
          message: "unknown limit `\(name)`",
          suggestion: NearestName.suggestion(for: name, among: names, listing: "limits"))
      }
      guard let value = Self.wholeNumber(text), value > 0 else {
        throw SceneError(
          message: "the limit `\(name)` must be a positive whole number, not `\(text.prefix(40))`")
      }
      limits[name] = value
    }
    return limits
  }

  /// `text` as a whole number that fits an `Int`, read as an integer or as
  /// a floating-point number that is whole (`1e12`).
  static func wholeNumber(_ text: String) -> Int? {
    if let value = Int(text) { return value }
    guard let number = Double(text), number == number.rounded(), abs(number) < 0x1p62 else {
      return nil
    }
    return Int(number)
  }

  /// The error for `count` over the limit `name` (`what` says what was counted).
  public func exceeded(_ name: String, _ what: String, count: Int?) -> SceneError {
    let limit = self[name]
    let message =
      count.map { "\(Self.grouped($0)) \(what) exceed the limit of \(Self.grouped(limit))" }
      ?? "the number of \(what) is too large to count (the limit is \(Self.grouped(limit)))"
    return SceneError(
      message: message,
      suggestion: "ask for fewer, or raise the limit with `--limit \(name)=N`")
  }

  /// Checks, before a run, the frames of `runs` trajectories of `steps`
  /// steps sampled every `every` steps (the first and the last state too),
  /// of `particles` particles each, all kept at once for drawing; an error
  /// names the scene file `file`.
  public func checkFrames(
    steps: Int, every: Int, particles: Int, runs: Int = 1, file: String?
  ) throws(SceneError) {
    let frames = steps / every + 2
    if frames > self.frames {
      var error = exceeded("frames", "frames", count: frames)
      error.file = file
      error.suggestion =
        "write fewer with `--every K` (or `render.every`), or raise the limit with `--limit frames=N`"
      throw error
    }
    let samples = Self.product(Self.product(frames, particles) ?? .max, runs)
    if samples.map({ $0 > self.samples }) ?? true {
      var error = exceeded(
        "samples",
        "particle positions kept for the frames (frames × particles"
          + (runs > 1 ? " × \(runs) runs)" : ")"), count: samples)
      error.file = file
      error.suggestion =
        "write fewer frames with `--every K` (or `render.every`), use `--no-render` (`--no-frames` for tune), or raise the limit with `--limit samples=N`"
      throw error
    }
  }

  /// `1234567` as `1,234,567`.
  static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (i, digit) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(digit)
    }
    return value < 0 ? "-" + out : out
  }
}

/// Counting against limits without overflow.
extension SceneLimits {
  /// `a · b`, or `nil` when it overflows.
  static func product(_ a: Int, _ b: Int) -> Int? {
    let (value, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? nil : value
  }

  /// `a + b`, or `nil` when it overflows.
  static func sum(_ a: Int?, _ b: Int?) -> Int? {
    guard let a, let b else { return nil }
    let (value, overflow) = a.addingReportingOverflow(b)
    return overflow ? nil : value
  }
}
