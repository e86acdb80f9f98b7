import Foundation

/// One axis of a laid-out plot: its value range, its ticks and their labels,
/// and the map from values to pixel positions along it.
struct PlotAxis {
  let scale: AxisScale
  /// The range in axis coordinates (logarithms on a log axis).
  let lowCoordinate: Double
  let highCoordinate: Double
  /// Pixel positions of `lowCoordinate` and `highCoordinate`.
  var lowPixel: Double = 0
  var highPixel: Double = 1
  var ticks: [Double] = []
  var labels: [String] = []
  var minorTicks: [Double] = []

  /// An axis over `range` (in data values), which must be valid for `scale`.
  init(scale: AxisScale, range: ClosedRange<Double>) {
    self.scale = scale
    lowCoordinate = scale.axisCoordinate(of: range.lowerBound)
    highCoordinate = scale.axisCoordinate(of: range.upperBound)
  }

  var lowValue: Double { scale.value(atAxisCoordinate: lowCoordinate) }
  var highValue: Double { scale.value(atAxisCoordinate: highCoordinate) }

  /// The pixel position of `value`, or NaN if the axis cannot show it.
  func pixel(for value: Double) -> Double {
    let coordinate = scale.axisCoordinate(of: value)
    let span = highCoordinate - lowCoordinate
    guard span > 0 else { return (lowPixel + highPixel) / 2 }
    return lowPixel + (coordinate - lowCoordinate) / span * (highPixel - lowPixel)
  }

  /// Chooses the densest nice ticks whose labels, measured along the axis by
  /// `extent`, keep at least `gap` pixels apart, starting from `maxCount`.
  mutating func chooseTicks(maxCount: Int, gap: Double, extent: (String) -> Double) {
    let low = lowValue
    let high = highValue
    var best: ([Double], [String]) = ([], [])
    for count in stride(from: max(maxCount, 1), through: 1, by: -1) {
      let values: [Double]
      let texts: [String]
      switch scale {
      case .linear:
        values = AxisTicks.linear(from: low, to: high, targetCount: count)
        let step =
          values.count > 1
          ? values[1] - values[0] : AxisTicks.niceStep(for: high - low, targetCount: count)
        texts = AxisTicks.labels(for: values, step: step)
      case .log10:
        values = AxisTicks.logarithmic(from: low, to: high, maxCount: count)
        let isDecimalFallback = values.count > 1 && !values.allSatisfy(Self.isOneTwoFive)
        texts =
          isDecimalFallback
          ? AxisTicks.labels(for: values, step: values[1] - values[0])
          : values.map(AxisTicks.logarithmicLabel)
      }
      best = (values, texts)
      if labelsFit(values, texts, gap: gap, extent: extent) { break }
    }
    (ticks, labels) = best
    if scale == .log10 {
      let decades = highCoordinate - lowCoordinate
      minorTicks = decades <= 8 ? AxisTicks.logarithmicMinor(from: low, to: high) : []
    }
  }

  private func labelsFit(
    _ values: [Double], _ texts: [String], gap: Double, extent: (String) -> Double
  )
    -> Bool
  {
    guard values.count > 1 else { return true }
    for index in 1..<values.count {
      let distance = abs(pixel(for: values[index]) - pixel(for: values[index - 1]))
      let needed = (extent(texts[index]) + extent(texts[index - 1])) / 2 + gap
      if distance < needed { return false }
    }
    return true
  }

  /// Whether `value` is 1, 2 or 5 times a power of ten (a log-axis tick
  /// rather than a linear fallback tick such as 1.2).
  private static func isOneTwoFive(_ value: Double) -> Bool {
    guard value > 0, value.isFinite else { return false }
    let mantissa = value / pow(10, Foundation.log10(value).rounded(.down))
    let whole = mantissa.rounded()
    return abs(mantissa - whole) < 1e-9 * mantissa && [1, 2, 5, 10].contains(whole)
  }
}
