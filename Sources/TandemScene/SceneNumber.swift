/// A number written in a scene file: a constant, or a `$name` reference to one
/// of the scene's parameters, kept symbolic.
///
/// A scene is turned into a physics system or a training problem generic over
/// its scalar type (`Double` for a plain run, dual numbers while tuning), so a
/// reference must stay a reference until the scalar type is known. Call
/// ``evaluate(_:constant:)`` with the scalar type of the run, or
/// ``value(in:)`` for a plain `Double`.
///
/// Two further cases appear only in values the library derives itself, never
/// in what a file says directly: the position of a grid or chain particle is
/// `origin + c·spacing`, which is a ``sum(_:_:)`` of ``scaled(_:by:)``
/// numbers when `origin` or `spacing` is a parameter. Arithmetic on constants
/// folds, so a scene without references expands to constants only.
public indirect enum SceneNumber: Hashable, Sendable {
  /// A number written as is, such as `0.5`.
  case constant(Double)
  /// A reference `$name` to the parameter called `name` (stored without `$`).
  case parameter(String)
  /// The sum of two numbers (derived values only).
  case sum(SceneNumber, SceneNumber)
  /// A number multiplied by a constant factor (derived values only).
  case scaled(SceneNumber, by: Double)

  /// The number's value as a `Double`, reading references from `values`.
  ///
  /// - Precondition: Every parameter the number refers to has a value in
  ///   `values` (``SceneDescription/parameterValues`` always qualifies for a
  ///   scene that loaded without errors).
  public func value(in values: [String: Double]) -> Double {
    switch self {
    case .constant(let value): return value
    case .parameter(let name):
      guard let value = values[name] else {
        preconditionFailure("no value for the scene parameter `$\(name)`")
      }
      return value
    case .sum(let first, let second): return first.value(in: values) + second.value(in: values)
    case .scaled(let number, let factor): return number.value(in: values) * factor
    }
  }

  /// The value if the number refers to no parameter, otherwise `nil`.
  public var constantValue: Double? {
    switch self {
    case .constant(let value): return value
    case .parameter: return nil
    case .sum(let first, let second):
      guard let a = first.constantValue, let b = second.constantValue else { return nil }
      return a + b
    case .scaled(let number, let factor):
      return number.constantValue.map { $0 * factor }
    }
  }

  /// The names of the parameters the number refers to, in order of appearance.
  public var parameterNames: [String] {
    switch self {
    case .constant: return []
    case .parameter(let name): return [name]
    case .sum(let first, let second): return first.parameterNames + second.parameterNames
    case .scaled(let number, _): return number.parameterNames
    }
  }

  /// The sum of two numbers, folded to a constant when both are constants.
  public static func + (lhs: SceneNumber, rhs: SceneNumber) -> SceneNumber {
    if let a = lhs.constantValue, let b = rhs.constantValue { return .constant(a + b) }
    if lhs == .constant(0) { return rhs }
    if rhs == .constant(0) { return lhs }
    return .sum(lhs, rhs)
  }

  /// A number multiplied by a constant, folded to a constant when possible.
  public static func * (factor: Double, number: SceneNumber) -> SceneNumber {
    if let value = number.constantValue { return .constant(factor * value) }
    if factor == 1 { return number }
    if factor == 0 { return .constant(0) }
    return .scaled(number, by: factor)
  }

  /// The difference of two numbers, folded to a constant when both are constants.
  public static func - (lhs: SceneNumber, rhs: SceneNumber) -> SceneNumber {
    lhs + (-1) * rhs
  }
}

extension SceneNumber: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
  /// A constant written as a floating-point literal.
  public init(floatLiteral value: Double) { self = .constant(value) }
  /// A constant written as an integer literal.
  public init(integerLiteral value: Int) { self = .constant(Double(value)) }
}

extension SceneNumber: CustomStringConvertible {
  /// The number as a scene file would write it (`0.5`, `$k`), or as a formula
  /// for derived numbers (`$x0 + 3 * $s`).
  public var description: String {
    switch self {
    case .constant(let value): return SceneNumberFormat.string(value)
    case .parameter(let name): return "$" + name
    case .sum(let first, let second): return "\(first) + \(second)"
    case .scaled(let number, let factor):
      if case .sum = number { return "\(SceneNumberFormat.string(factor)) * (\(number))" }
      return "\(SceneNumberFormat.string(factor)) * \(number)"
    }
  }
}
