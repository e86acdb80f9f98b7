import Foundation

/// "Nice" tick values for plot axes: round numbers a reader can interpolate.
///
/// Linear axes step by 1, 2 or 5 times a power of ten; logarithmic axes put
/// ticks on whole decades (every second or third decade when there are many),
/// adding 2× and 5× ticks when the range spans less than a decade or two.
public enum AxisTicks {
  /// The 1-2-5 step closest to `span / targetCount` (never smaller than
  /// `span / (2.5 · targetCount)`), or 1 for an empty or invalid span.
  public static func niceStep(for span: Double, targetCount: Int) -> Double {
    guard span.isFinite, span > 0 else { return 1 }
    let raw = span / Double(max(targetCount, 1))
    let magnitude = pow(10, (Foundation.log10(raw)).rounded(.down))
    let residual = raw / magnitude
    let mantissa: Double = residual < 1.5 ? 1 : residual < 3.5 ? 2 : residual < 7.5 ? 5 : 10
    return mantissa * magnitude
  }

  /// Ticks at multiples of a 1-2-5 step inside `low...high`, aiming for about
  /// `targetCount` intervals. `0...1` with 5 gives 0, 0.2, 0.4, 0.6, 0.8, 1.
  ///
  /// Values are computed as an integer times a power of ten, so they print
  /// exactly as the decimals they stand for (0.6, not 0.6000000000000001).
  public static func linear(from low: Double, to high: Double, targetCount: Int = 5) -> [Double] {
    guard low.isFinite, high.isFinite, low <= high else { return [] }
    guard high > low else { return [low] }
    let step = niceStep(for: high - low, targetCount: targetCount)
    let exponent = Int((Foundation.log10(step)).rounded(.down))
    let mantissa = (step / pow(10, Double(exponent))).rounded()
    let tolerance = step * 1e-9
    let first = ((low - tolerance) / step).rounded(.up)
    let last = ((high + tolerance) / step).rounded(.down)
    guard first <= last, last - first < 10_000 else { return [] }
    return stride(from: first, through: last, by: 1).map { k in
      let units = k * mantissa
      let value =
        exponent >= 0 ? units * pow(10, Double(exponent)) : units / pow(10, Double(-exponent))
      return value == 0 ? 0 : value  // no negative zero
    }
  }

  /// Ticks for a base-10 logarithmic axis over `low...high` (both > 0), at
  /// most about `maxCount` of them.
  ///
  /// Whole decades inside the range come first (`3e-4...2` gives 0.001,
  /// 0.01, 0.1, 1); with more than `maxCount` decades only every second,
  /// third, … decade is kept (always multiples of that stride, so 1 stays).
  /// With fewer than three decades, 2× and 5× ticks are added; if even those
  /// give fewer than two ticks, the range is narrow enough for linear ticks.
  public static func logarithmic(from low: Double, to high: Double, maxCount: Int = 8) -> [Double] {
    guard low.isFinite, high.isFinite, low > 0, high >= low else { return [] }
    let tolerance = 1e-9
    let firstDecade = Int((Foundation.log10(low) - tolerance).rounded(.up))
    let lastDecade = Int((Foundation.log10(high) + tolerance).rounded(.down))
    let decadeCount = max(lastDecade - firstDecade + 1, 0)
    if decadeCount >= 3 {
      let stride = max(1, Int((Double(decadeCount) / Double(max(maxCount, 1))).rounded(.up)))
      return (firstDecade...lastDecade).filter { $0 % stride == 0 }.map { decade($0) }
    }
    var ticks: [Double] = []
    let lowest = Int(Foundation.log10(low).rounded(.down))
    let highest = Int(Foundation.log10(high).rounded(.down))
    for exponent in lowest...highest {
      for mantissa in [1.0, 2.0, 5.0] {
        let value =
          exponent >= 0
          ? mantissa * decade(exponent) : mantissa / decade(-exponent)
        if value >= low * (1 - tolerance) && value <= high * (1 + tolerance) { ticks.append(value) }
      }
    }
    if ticks.count >= 2 { return ticks }
    return linear(from: low, to: high, targetCount: 4).filter { $0 > 0 }
  }

  /// Minor ticks for a log axis: 2×…9× each decade, inside `low...high`.
  public static func logarithmicMinor(from low: Double, to high: Double) -> [Double] {
    guard low.isFinite, high.isFinite, low > 0, high > low else { return [] }
    let lowest = Int(Foundation.log10(low).rounded(.down))
    let highest = Int(Foundation.log10(high).rounded(.down))
    guard highest - lowest < 40 else { return [] }
    var ticks: [Double] = []
    for exponent in lowest...highest {
      for mantissa in 2...9 {
        let value = Double(mantissa) * pow(10, Double(exponent))
        if value >= low && value <= high { ticks.append(value) }
      }
    }
    return ticks
  }

  /// 10 to the power `exponent`, exact for the decades a double represents
  /// as decimals (10^-3 is the same double as the literal 0.001).
  static func decade(_ exponent: Int) -> Double {
    exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
  }
}
