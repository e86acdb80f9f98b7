extension Canvas {
  /// Draws `shape` centred on `center`, `size` pixels across.
  ///
  /// Outlined shapes (circle, cross, plus) use strokes `lineWidth` pixels wide.
  public mutating func drawMarker(
    _ shape: MarkerShape, at center: Point, size: Double = 7, color: Color, lineWidth: Double = 1.5
  ) {
    let half = size / 2
    switch shape {
    case .disc:
      fillDisc(center: center, radius: half, color: color)
    case .circle:
      strokeCircle(center: center, radius: half, color: color, width: lineWidth)
    case .square:
      fillRect(
        PixelRect(
          minX: center.x - half, minY: center.y - half, maxX: center.x + half, maxY: center.y + half
        ),
        color: color)
    case .cross:
      // The diagonal arms span the same box as the other shapes.
      let arm = max(half - lineWidth / 2, 0) * 0.85
      drawLine(
        from: Point(center.x - arm, center.y - arm), to: Point(center.x + arm, center.y + arm),
        color: color, width: lineWidth)
      drawLine(
        from: Point(center.x - arm, center.y + arm), to: Point(center.x + arm, center.y - arm),
        color: color, width: lineWidth)
    case .plus:
      let arm = max(half - lineWidth / 2, 0)
      drawLine(
        from: Point(center.x - arm, center.y), to: Point(center.x + arm, center.y),
        color: color, width: lineWidth)
      drawLine(
        from: Point(center.x, center.y - arm), to: Point(center.x, center.y + arm),
        color: color, width: lineWidth)
    }
  }

  /// Draws a target: two concentric rings and a centre cross, `radius` pixels
  /// in outer radius — the goal a launched particle should reach.
  public mutating func drawTarget(
    at center: Point, radius: Double, color: Color, lineWidth: Double = 2
  ) {
    strokeCircle(center: center, radius: radius, color: color, width: lineWidth)
    strokeCircle(center: center, radius: radius * 0.55, color: color, width: lineWidth)
    fillDisc(center: center, radius: max(radius * 0.15, lineWidth * 0.75), color: color)
  }
}
