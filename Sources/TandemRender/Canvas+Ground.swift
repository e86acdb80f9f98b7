extension Canvas {
  /// Draws the ground at pixel row `y`: a solid line across the clip rectangle
  /// with diagonal hatching below it, as in engineering drawings.
  ///
  /// - Parameters:
  ///   - y: The ground surface, in pixels from the top.
  ///   - color: The colour of the line and the hatching.
  ///   - lineWidth: The width of the surface line.
  ///   - hatchSpacing: Horizontal distance between hatch strokes, in pixels.
  ///   - hatchDepth: How far below the surface the hatching reaches.
  public mutating func drawGround(
    atPixelY y: Double, color: Color, lineWidth: Double = 2,
    hatchSpacing: Double = 10, hatchDepth: Double = 10
  ) {
    guard y.isFinite else { return }
    let left = clipRect.minX
    let right = clipRect.maxX
    if hatchSpacing > 0, hatchDepth > 0 {
      let hatch = color.withAlpha(color.alpha * 0.6)
      let top = y + lineWidth / 2
      // Strokes go down and to the left, starting on a grid anchored at x = 0
      // so the pattern does not shimmer when the clip changes.
      var x = (left / hatchSpacing).rounded(.down) * hatchSpacing
      while x < right + hatchDepth {
        drawLine(
          from: Point(x, top), to: Point(x - hatchDepth, top + hatchDepth), color: hatch, width: 1)
        x += hatchSpacing
      }
    }
    drawLine(from: Point(left, y), to: Point(right, y), color: color, width: lineWidth)
  }

  /// Draws the ground at world height `height` as seen by `camera`.
  /// See ``drawGround(atPixelY:color:lineWidth:hatchSpacing:hatchDepth:)``.
  public mutating func drawGround(
    atHeight height: Double, camera: Camera, color: Color, lineWidth: Double = 2,
    hatchSpacing: Double = 10, hatchDepth: Double = 10
  ) {
    let y = camera.pixel(for: Point(camera.center.x, height)).y
    drawGround(
      atPixelY: y, color: color, lineWidth: lineWidth, hatchSpacing: hatchSpacing,
      hatchDepth: hatchDepth)
  }
}
