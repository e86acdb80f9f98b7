/// A named number of a scene, referenced elsewhere in the file as `$name`.
///
/// Written either as a plain number (`c: 0.5`, a fixed parameter) or as a
/// mapping (`k: { value: 400, tune: true, min: 1, scale: log }`). Tuned
/// parameters are the ones `tandem tune` changes; every parameter can be
/// overridden with `--set name=value`.
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
  /// The current value.
  public var value: Double
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
    self.name = name
    self.value = value
    self.tune = tune
    self.min = min
    self.max = max
    self.scale = scale
  }

  /// The first broken rule among: finite value, `min < max`, value within the
  /// bounds, and for `scale: log` a positive value and a positive `min`.
  /// `nil` when the parameter is consistent.
  public var problem: String? {
    if !value.isFinite { return "value \(format(value)) is not a finite number" }
    if let min, let max, !(min < max) {
      return "`min` (\(format(min))) must be less than `max` (\(format(max)))"
    }
    if let min, value < min { return "value \(format(value)) is below `min` (\(format(min)))" }
    if let max, value > max { return "value \(format(value)) is above `max` (\(format(max)))" }
    if scale == .log {
      if value <= 0 { return "`scale: log` needs a positive value, not \(format(value))" }
      if let min, min <= 0 { return "`scale: log` needs a positive `min`, not \(format(min))" }
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
