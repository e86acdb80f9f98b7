import TandemAD
import RealModule

/// A number in a model's description that is either a constant or one of
/// the process's parameters, looked up when the model is realised on a
/// scalar type.
///
/// Descriptions of simulations and training runs hold `Quantity` values
/// instead of numbers, so the same description realises on `Double` for a
/// plain run and on `Dual` numbers, with the parameters seeded, for tuning.
public indirect enum Quantity: Sendable, Hashable {
  /// A fixed number.
  case constant(Double)
  /// The parameter at this index of the parameter list.
  case parameter(Int)
  /// The sum of two quantities (for derived values, such as a grid
  /// particle's position from a parameterised origin and spacing).
  case sum(Quantity, Quantity)
  /// A quantity times a constant factor.
  case scaled(Quantity, by: Double)

  /// Whether the quantity is zero whatever the parameters' values: a
  /// constant 0, a quantity scaled by 0, or a sum of constants that is 0.
  ///
  /// Engines decide from this, when a system is built, whether a term
  /// contributes at all. They must never decide it by comparing a realised
  /// value with zero: on a dual number that compares the primal only, so a
  /// parameter tuned from exactly 0 would silently lose its derivative.
  @inlinable
  public var isIdenticallyZero: Bool {
    switch self {
    case .constant(let value): value == 0
    case .parameter: false
    case let .scaled(quantity, factor): factor == 0 || quantity.isIdenticallyZero
    case let .sum(first, second):
      first.isConstant && second.isConstant && value(in: [Double]()) == 0
    }
  }

  /// Whether the quantity depends on no parameter.
  @inlinable
  public var isConstant: Bool {
    switch self {
    case .constant: true
    case .parameter: false
    case let .scaled(quantity, _): quantity.isConstant
    case let .sum(first, second): first.isConstant && second.isConstant
    }
  }

  /// The quantity's value on scalar type `T`, given the parameters' values.
  @inlinable
  public func value<T: Scalar>(in parameters: [T]) -> T {
    switch self {
    case .constant(let value): T(value)
    case .parameter(let index): parameters[index]
    case let .sum(first, second): first.value(in: parameters) + second.value(in: parameters)
    case let .scaled(quantity, factor): quantity.value(in: parameters) * T(factor)
    }
  }

  /// The quantity's value given plain `Double` parameter values.
  @inlinable
  public func value(in parameters: [Double]) -> Double {
    switch self {
    case .constant(let value): value
    case .parameter(let index): parameters[index]
    case let .sum(first, second): first.value(in: parameters) + second.value(in: parameters)
    case let .scaled(quantity, factor): quantity.value(in: parameters) * factor
    }
  }
}
