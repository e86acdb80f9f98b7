import TandemAD

/// Writes numbers the way a person would type them in a scene file.
enum SceneNumberFormat {
  /// `400` rather than `400.0`; `1.0e-05` rather than `1e-05`, because YAML 1.1
  /// readers (PyYAML among them) only read a float with a decimal point.
  static func string(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value))
    }
    var text = "\(value)"
    if let exponent = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
      !text[..<exponent].contains(".")
    {
      text.insert(contentsOf: ".0", at: exponent)
    }
    return text
  }

  /// A quantity as a scene file would write it (`0.5`, `$k`), or as a formula
  /// for derived values (`$x0 + 3 * $s`), naming parameter i `names[i]`.
  static func formula(_ quantity: Quantity, names: [String]) -> String {
    switch quantity {
    case .constant(let value): return string(value)
    case .parameter(let index): return "$" + names[index]
    case let .sum(first, second):
      return "\(formula(first, names: names)) + \(formula(second, names: names))"
    case let .scaled(inner, factor):
      if case .sum = inner { return "\(string(factor)) * (\(formula(inner, names: names)))" }
      return "\(string(factor)) * \(formula(inner, names: names))"
    }
  }
}
