import Foundation
import Tandem

/// Serialises a JSON-compatible value (dictionaries, arrays, strings,
/// numbers, booleans) with sorted keys; non-finite numbers become null.
func jsonString(_ value: Any) -> String {
  let data = try! JSONSerialization.data(
    withJSONObject: sanitised(value), options: [.sortedKeys, .prettyPrinted])
  return String(decoding: data, as: UTF8.self)
}

private func sanitised(_ value: Any) -> Any {
  switch value {
  case let number as Double: number.isFinite ? number : NSNull()
  case let dictionary as [String: Any]: dictionary.mapValues(sanitised)
  case let array as [Any]: array.map(sanitised)
  default: value
  }
}

/// Values keyed by the names of the tuned parameters they belong to.
func named(_ values: [Double], by tuned: [TunedParameter]) -> [String: Double] {
  Dictionary(uniqueKeysWithValues: zip(tuned.map(\.name), values))
}
