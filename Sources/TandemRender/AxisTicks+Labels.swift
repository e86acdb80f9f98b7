import Foundation

extension AxisTicks {
  /// Labels for linear-axis `ticks` spaced `step` apart, all with the same
  /// number of decimals (0, 0.5, 1.0 → "0.0", "0.5", "1.0"). Very large or
  /// very small magnitudes use a compact exponent form, "2e5", "1.5e-4".
  public static func labels(for ticks: [Double], step: Double) -> [String] {
    let largest = ticks.map(abs).max() ?? 0
    guard step > 0, step.isFinite, largest.isFinite else { return ticks.map { "\($0)" } }
    let stepExponent = Int(Foundation.log10(step).rounded(.down))
    if largest >= 1e5 || largest < 1e-3 {
      let exponent = largest > 0 ? Int(Foundation.log10(largest).rounded(.down)) : 0
      let decimals = min(max(exponent - stepExponent, 0), 6)
      return ticks.map { value in
        if value == 0 { return "0" }
        let mantissa = value / pow(10, Double(exponent))
        return String(format: "%.\(decimals)f", mantissa) + "e\(exponent)"
      }
    }
    let decimals = min(max(-stepExponent, 0), 10)
    return ticks.map { value in
      let text = String(format: "%.\(decimals)f", value)
      return text.allSatisfy({ "-0.".contains($0) }) ? String(format: "%.\(decimals)f", 0.0) : text
    }
  }

  /// The label for a tick on a log axis: plain decimals from 0.001 to 1000,
  /// exponent form beyond ("1e-4", "2e5").
  public static func logarithmicLabel(for value: Double) -> String {
    guard value > 0, value.isFinite else { return "" }
    let exponent = Int(Foundation.log10(value).rounded(.down))
    let mantissa = (value / pow(10, Double(exponent))).rounded()
    // log10 may land a hair below a whole decade; carry 10 × 10^e to 1 × 10^(e+1).
    let (m, e) = mantissa >= 10 ? (mantissa / 10, exponent + 1) : (mantissa, exponent)
    if e >= -3 && e <= 3 {
      return String(format: "%.\(max(-e, 0))f", m * pow(10, Double(e)))
    }
    return "\(Int(m))e\(e)"
  }
}
