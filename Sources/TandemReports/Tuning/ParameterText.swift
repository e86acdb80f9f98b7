import Foundation
import TandemTuning

/// Tuned values as the command line prints them: a scalar parameter as
/// `k=412.5`, a vector parameter summarised (`k[930]: mean 412.5, 398 to 430`)
/// rather than hundreds of numbers on a line.
public enum ParameterText {
  /// One item per parameter of `tuned`, its values read from `parameters`.
  public static func assignments(
    _ tuned: [TunedParameter], in parameters: [Double], digits: Int = 6
  ) -> [String] {
    tuned.groups.map { group in
      let values = group.values(in: parameters)
      guard group.isVector else { return "\(group.name)=\(format(values[0], digits))" }
      return "\(group.name)[\(values.count)]: \(summary(values, digits))"
    }
  }

  /// `mean m, least to greatest`, for a vector's values.
  public static func summary(_ values: [Double], _ digits: Int = 6) -> String {
    let mean = values.reduce(0, +) / Double(max(values.count, 1))
    return
      "mean \(format(mean, digits)), \(format(values.min() ?? .nan, digits)) to \(format(values.max() ?? .nan, digits))"
  }

  /// A value as YAML reads it back: a number, or a vector's flow list.
  public static func yamlValue(_ group: TunedParameterGroup, in parameters: [Double]) -> String {
    let values = group.values(in: parameters).map { "\($0)" }
    return group.isVector ? "[" + values.joined(separator: ", ") + "]" : values[0]
  }

  static func format(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)g", value)
  }
}
