import Foundation

/// A number as JSON writes it: `null` when it is missing or not finite
/// (JSON has no NaN or infinity).
public struct JSONNumber: Encodable, Sendable, Equatable {
  /// The number, if any.
  public var value: Double?

  /// `value` as JSON will write it.
  public init(_ value: Double?) { self.value = value }

  /// Writes the number, or `null`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    if let value, value.isFinite { try container.encode(value) } else { try container.encodeNil() }
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

/// Values keyed by the names of the tuned parameters they belong to.
public func named(_ values: [Double], by names: [String]) -> [String: JSONNumber] {
  Dictionary(uniqueKeysWithValues: zip(names, values.map(JSONNumber.init)))
}

/// `value` as pretty-printed JSON with sorted keys, through Foundation's encoder.
public func jsonText(_ value: some Encodable) -> String {
  let encoder = JSONEncoder()
  encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
  // The reports hold only strings, whole numbers and JSONNumbers, which
  // always encode.
  return String(decoding: try! encoder.encode(value), as: UTF8.self)
}
