/// A piecewise-linear map from numbers to colours, e.g. spring strain to colour.
///
/// A colormap holds colour stops at increasing values; a value between two
/// stops gets the linear interpolation of their colours, and a value beyond the
/// first or last stop gets that stop's colour (it saturates). NaN maps to the
/// colour of the stop nearest zero, so a broken value is drawn neutrally rather
/// than as an extreme.
///
/// ```swift
/// let strainColors = Colormap.strain(saturatingAt: 0.1)   // ±10% strain
/// canvas.drawLine(from: a, to: b, color: strainColors.color(for: strain), width: 2)
/// ```
public struct Colormap: Sendable, Equatable {
  /// One colour stop: `color` is used exactly at `value`.
  public struct Stop: Sendable, Equatable {
    /// Where the stop sits on the number line.
    public var value: Double
    /// The colour at that value.
    public var color: Color

    /// Creates a stop.
    public init(value: Double, color: Color) {
      self.value = value
      self.color = color
    }
  }

  /// The stops, sorted by value.
  public let stops: [Stop]

  /// Creates a colormap from stops in any order; at least one stop is required.
  public init(stops: [Stop]) {
    precondition(!stops.isEmpty, "a Colormap needs at least one stop")
    self.stops = stops.sorted { $0.value < $1.value }
  }

  /// The diverging map for spring strain `(length − rest) / rest`.
  ///
  /// Compressed springs (negative strain) are blue, unstrained ones grey and
  /// stretched ones red; the colour saturates at `±magnitude`.
  public static func strain(
    saturatingAt magnitude: Double,
    compressed: Color = Color(hex: 0x2166AC),
    neutral: Color = Color(white: 0.6),
    stretched: Color = Color(hex: 0xB2182B)
  ) -> Colormap {
    let m = abs(magnitude) > 0 ? abs(magnitude) : 1
    return Colormap(stops: [
      Stop(value: -m, color: compressed),
      Stop(value: 0, color: neutral),
      Stop(value: m, color: stretched),
    ])
  }

  /// A two-stop map from `low` to `high` colours over `range`.
  public static func linear(from low: Color, to high: Color, over range: ClosedRange<Double>)
    -> Colormap
  {
    Colormap(stops: [
      Stop(value: range.lowerBound, color: low), Stop(value: range.upperBound, color: high),
    ])
  }

  /// The colour for `value` (saturating outside the stops).
  public func color(for value: Double) -> Color {
    guard !value.isNaN else {
      return stops.min { abs($0.value) < abs($1.value) }!.color
    }
    if value <= stops[0].value { return stops[0].color }
    for index in 1..<stops.count where value <= stops[index].value {
      let lower = stops[index - 1]
      let upper = stops[index]
      let span = upper.value - lower.value
      let t = span > 0 ? (value - lower.value) / span : 1
      return lower.color.interpolated(to: upper.color, by: t)
    }
    return stops[stops.count - 1].color
  }
}
