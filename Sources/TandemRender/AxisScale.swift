import Foundation

/// How data values are spaced along a plot axis.
public enum AxisScale: Hashable, Sendable {
  /// Equal distances for equal differences.
  case linear
  /// Equal distances for equal ratios (base 10). Values ≤ 0 cannot be shown
  /// and are skipped: a curve is broken where it leaves the positive numbers.
  case log10

  /// The value in axis units: itself on a linear axis, its base-10 logarithm
  /// on a log axis (NaN for values ≤ 0 and non-finite values).
  public func axisCoordinate(of value: Double) -> Double {
    guard value.isFinite else { return .nan }
    switch self {
    case .linear: return value
    case .log10: return value > 0 ? Foundation.log10(value) : .nan
    }
  }

  /// The data value at axis coordinate `coordinate` (inverse of ``axisCoordinate(of:)``).
  public func value(atAxisCoordinate coordinate: Double) -> Double {
    switch self {
    case .linear: return coordinate
    case .log10: return pow(10, coordinate)
    }
  }

  /// Whether `value` can be placed on this axis.
  public func canShow(_ value: Double) -> Bool {
    value.isFinite && (self == .linear || value > 0)
  }
}
