import Foundation

/// A parameter the tuner may change, with its bounds and the scale the
/// optimizer works on.
///
/// Positive quantities (a step size, a stiffness, a rate) are best tuned on
/// a log scale: the optimizer moves u = log(value), so it can never make the
/// value negative and its steps are relative. Bounds are enforced by
/// projection: after every step the value is clamped into [min, max].
public struct TunedParameter: Sendable, Equatable {
  /// How the optimizer sees a parameter.
  public enum Scale: String, Sendable {
    /// The optimizer moves the value itself.
    case linear
    /// The optimizer moves the logarithm of the value (which must be positive).
    case log
  }

  /// The parameter's name.
  public var name: String
  /// Its index in the process's parameter list.
  public var index: Int
  /// The least value allowed, if any.
  public var minimum: Double?
  /// The greatest value allowed, if any.
  public var maximum: Double?
  /// The scale the optimizer works on.
  public var scale: Scale
  /// The name of the vector parameter this is an entry of (`k` for `k[3]`),
  /// or `nil` for a scalar parameter. Reports group a vector's entries.
  public var vector: String?

  /// Creates a tuned parameter.
  public init(
    name: String, index: Int, minimum: Double? = nil, maximum: Double? = nil,
    scale: Scale = .linear,
    vector: String? = nil
  ) {
    self.vector = vector
    self.name = name
    self.index = index
    self.minimum = minimum
    self.maximum = maximum
    self.scale = scale
  }

  /// The optimizer's coordinate u for a value.
  public func coordinate(of value: Double) -> Double {
    scale == .log ? Foundation.log(value) : value
  }

  /// The value for an optimizer coordinate u, clamped into the bounds.
  public func value(at coordinate: Double) -> Double {
    var value = scale == .log ? Foundation.exp(coordinate) : coordinate
    if let minimum { value = Swift.max(value, minimum) }
    if let maximum { value = Swift.min(value, maximum) }
    return value
  }

  /// dvalue/du at a value: 1 on the linear scale, the value itself on the log scale.
  public func valuePerCoordinate(at value: Double) -> Double { scale == .log ? value : 1 }
}

/// The tuned entries of one scene parameter: a scalar parameter's one entry,
/// or a vector parameter's entries in order.
public struct TunedParameterGroup: Sendable, Equatable {
  /// The parameter's name (`k`, for the entries `k[0]` … `k[929]`).
  public var name: String
  /// Its tuned entries.
  public var entries: [TunedParameter]
  /// Whether it is a vector parameter.
  public var isVector: Bool { entries.first?.vector != nil }

  /// The entries' values in `parameters` (the process's parameter vector).
  public func values(in parameters: [Double]) -> [Double] { entries.map { parameters[$0.index] } }
}

extension [TunedParameter] {
  /// The entries gathered by parameter, in order: what reports show one line,
  /// one legend entry or one key per.
  public var groups: [TunedParameterGroup] {
    var groups: [TunedParameterGroup] = []
    for parameter in self {
      if let vector = parameter.vector, groups.last?.name == vector {
        groups[groups.count - 1].entries.append(parameter)
      } else {
        groups.append(
          TunedParameterGroup(name: parameter.vector ?? parameter.name, entries: [parameter]))
      }
    }
    return groups
  }
}
