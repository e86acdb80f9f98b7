/// A named number of a scene, referenced elsewhere in the file as `$name`.
///
/// Written either as a plain number (`c: 0.5`, a fixed parameter) or as a
/// mapping (`k: { value: 400, tune: true, min: 1, scale: log }`). Tuned
/// parameters are the ones `tandem tune` changes; every parameter can be
/// overridden with `--set name=value`.
///
/// A *vector* parameter (`k: { value: 400, count: 930 }`, or `value` a list)
/// has several entries, referenced one at a time as `$k[3]`, or all at once
/// where a grid or chain takes one number per spring or particle. Its entries
/// take consecutive places in the process's parameter vector; `min`, `max`
/// and `scale` apply to each of them.
public struct SceneParameter: Hashable, Sendable {
  /// How a tuner steps a parameter.
  public enum Scale: String, Hashable, Sendable, CaseIterable {
    /// Steps on the value itself.
    case linear
    /// Steps on log(value): for positive quantities that range over orders of
    /// magnitude (stiffness, step size, learning rate). Needs a positive value.
    case log
  }

  /// The name, without `$`: a letter or `_`, then letters, digits or `_`.
  public var name: String
  /// The current value of every entry: one for a scalar parameter.
  public var values: [Double]
  /// Whether the parameter is a vector (written with `count` or a list of
  /// values), referenced as `$name[i]`, even when it has a single entry.
  public var isVector: Bool
  /// Whether `tandem tune` adjusts this parameter.
  public var tune: Bool
  /// The smallest value a tuner may reach, if any.
  public var min: Double?
  /// The largest value a tuner may reach, if any.
  public var max: Double?
  /// How a tuner steps the parameter.
  public var scale: Scale

  /// A parameter from its fields; a plain number in a file is
  /// `SceneParameter(name:value:)`, fixed and unbounded.
  public init(
    name: String, value: Double, tune: Bool = false, min: Double? = nil, max: Double? = nil,
    scale: Scale = .linear
  ) {
    self.init(
      name: name, values: [value], isVector: false, tune: tune, min: min, max: max, scale: scale)
  }

  /// A vector parameter (or, with `isVector: false` and one value, a scalar one).
  public init(
    name: String, values: [Double], isVector: Bool = true, tune: Bool = false, min: Double? = nil,
    max: Double? = nil, scale: Scale = .linear
  ) {
    self.name = name
    self.values = values
    self.isVector = isVector
    self.tune = tune
    self.min = min
    self.max = max
    self.scale = scale
  }

  /// The value of a scalar parameter (the first entry of a vector); setting
  /// it sets every entry.
  public var value: Double {
    get { values[0] }
    set { values = Array(repeating: newValue, count: values.count) }
  }

  /// The number of entries: 1 for a scalar parameter.
  public var count: Int { values.count }

  /// What `$…` names entry `i`: `k` for a scalar parameter, `k[3]` for a vector's entry 3.
  public func entryName(_ i: Int) -> String { isVector ? "\(name)[\(i)]" : name }

  /// Every entry's name, in order.
  public var entryNames: [String] { values.indices.map(entryName) }

  /// The first broken rule among: finite values, `min < max`, values within
  /// the bounds, and for `scale: log` positive values and a positive `min`.
  /// `nil` when the parameter is consistent. A vector's message names the entry.
  public var problem: String? {
    if let min, let max, !(min < max) {
      return "`min` (\(format(min))) must be less than `max` (\(format(max)))"
    }
    if scale == .log, let min, min <= 0 {
      return "`scale: log` needs a positive `min`, not \(format(min))"
    }
    for (i, value) in values.enumerated() {
      let what = isVector ? "entry \(i) (\(format(value)))" : "value \(format(value))"
      if !value.isFinite { return "\(what) is not a finite number" }
      if let min, value < min { return "\(what) is below `min` (\(format(min)))" }
      if let max, value > max { return "\(what) is above `max` (\(format(max)))" }
      if scale == .log, value <= 0 {
        return isVector
          ? "`scale: log` needs positive values, but \(what) is not"
          : "`scale: log` needs a positive value, not \(format(value))"
      }
    }
    return nil
  }

  private func format(_ value: Double) -> String { SceneNumberFormat.string(value) }

  /// Whether `name` can name a parameter: a letter or `_`, then letters, digits or `_`.
  public static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first else { return false }
    func isLetter(_ c: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }
    return isLetter(first)
      && name.unicodeScalars.allSatisfy { isLetter($0) || ("0"..."9").contains($0) }
  }
}
