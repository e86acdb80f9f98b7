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
}
