import Foundation
import TandemTuning

/// A number as JSON writes it: `null` when it is missing or not finite
/// (JSON has no NaN or infinity).
public struct JSONNumber: Codable, Sendable, Equatable {
  /// The number, if any.
  public var value: Double?

  /// `value` as JSON will write it.
  public init(_ value: Double?) { self.value = value }

  /// Writes the number, or `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value, value.isFinite { try container.encode(value) } else { try container.encodeNil() }
  }

  /// Reads a number, or `null` as a missing one.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    value = container.decodeNil() ? nil : try container.decode(Double.self)
  }
}

/// A value that JSON writes as `null` when it is missing (a plain optional
/// property is left out of the object instead).
public struct Nullable<Wrapped: Encodable>: Encodable {
  /// The value, if any.
  public var value: Wrapped?

  /// `value` as JSON will write it.
  public init(_ value: Wrapped?) { self.value = value }

  /// Writes the value, or `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value { try container.encode(value) } else { try container.encodeNil() }
  }
}

/// One value, or a vector parameter's list of values: how reports key
/// values by parameter (`"k": 412.5`, or `"k": [400, 412.5, …]`).
public enum OneOrMany<Element: Encodable>: Encodable {
  /// A scalar parameter's value.
  case one(Element)
  /// A vector parameter's entries, in order.
  case many([Element])

  /// Writes the value, or the list.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .one(let value): try container.encode(value)
    case .many(let values): try container.encode(values)
    }
  }
}

/// Values (one per tuned entry, in `tuned`'s order) keyed by the parameter
/// they belong to: a vector parameter's entries gathered into one list.
public func named<Element: Encodable>(_ values: [Element], by tuned: [TunedParameter])
  -> [String: OneOrMany<Element>]
{
  var scalars: [String: Element] = [:]
  var vectors: [String: [Element]] = [:]
  for (parameter, value) in zip(tuned, values) {
    if let vector = parameter.vector {
      vectors[vector, default: []].append(value)
    } else {
      scalars[parameter.name] = value
    }
  }
  return scalars.mapValues { .one($0) }.merging(vectors.mapValues { .many($0) }) { one, _ in one }
}

/// Numbers (one per tuned entry) keyed by parameter, as ``named(_:by:)-(_,[TunedParameter])`` does.
public func named(_ values: [Double], by tuned: [TunedParameter])
  -> [String: OneOrMany<JSONNumber>]
{
  named(values.map(JSONNumber.init), by: tuned)
}

/// `value` as pretty-printed JSON with sorted keys, through Foundation's encoder.
public func jsonText(_ value: some Encodable) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  // The reports hold only strings, whole numbers and JSONNumbers, which
  // always encode.
  return String(decoding: try! encoder.encode(value), as: UTF8.self)
}
