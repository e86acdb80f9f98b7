extension LinePlot {
  /// The x range shown: ``xRange`` if valid for the scale, else the data's.
  func shownXRange() -> ClosedRange<Double> {
    if let xRange, Self.isValid(xRange, for: xScale) { return xRange }
    let values =
      series.flatMap { $0.points.map(\.x) } + cells.flatMap { [$0.x.lowerBound, $0.x.upperBound] }
    return Self.fittedRange(values, scale: xScale, padding: cells.isEmpty ? 0.02 : 0)
  }

  /// The y range shown: ``yRange`` if valid for the scale, else the data's
  /// and the reference lines'.
  func shownYRange() -> ClosedRange<Double> {
    if let yRange, Self.isValid(yRange, for: yScale) { return yRange }
    let values =
      series.flatMap { $0.points.map(\.y) } + referenceLines.map(\.y)
      + cells.flatMap { [$0.y.lowerBound, $0.y.upperBound] }
    return Self.fittedRange(values, scale: yScale, padding: cells.isEmpty ? 0.05 : 0)
  }

  static func isValid(_ range: ClosedRange<Double>, for scale: AxisScale) -> Bool {
    scale.canShow(range.lowerBound) && scale.canShow(range.upperBound)
      && range.upperBound > range.lowerBound
  }

  /// The range of the values the scale can show, widened by `padding` of its
  /// span on each side (in axis coordinates, so decades on a log axis). A
  /// single value gets a range of ±10% around it (±0.5 around 0, a decade
  /// on a log axis), so a flat curve of tiny values is not drawn at 0 on an
  /// axis of ±0.5; no value gets 0…1 (or 1…10 on a log axis).
  static func fittedRange(_ values: [Double], scale: AxisScale, padding: Double)
    -> ClosedRange<Double>
  {
    let coordinates = values.filter(scale.canShow).map(scale.axisCoordinate)
    guard var low = coordinates.min(), var high = coordinates.max() else {
      return scale == .linear ? 0...1 : 1...10
    }
    if high - low <= max(abs(high), abs(low)) * 1e-12 {
      let half = scale == .log10 ? 0.5 : (low == 0 ? 0.5 : abs(low) * 0.1)
      low -= half
      high += half
    } else {
      let margin = (high - low) * padding
      low -= margin
      high += margin
    }
    return scale.value(atAxisCoordinate: low)...scale.value(atAxisCoordinate: high)
  }
}
