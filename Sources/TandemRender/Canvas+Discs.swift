extension Canvas {
  /// Fills the disc of `radius` pixels around `center` with `color`.
  ///
  /// Discs smaller than one pixel across are drawn as a one-pixel disc whose
  /// opacity is scaled by the area ratio, so tiny particles fade rather than
  /// vanish or flicker.
  public mutating func fillDisc(center: Point, radius: Double, color: Color) {
    drawDisc(center: center, radius: radius, fill: color, outline: nil)
  }

  /// Strokes the circle of `radius` around `center`: a ring `width` pixels
  /// wide lying just inside the radius.
  public mutating func strokeCircle(center: Point, radius: Double, color: Color, width: Double = 1)
  {
    drawDisc(center: center, radius: radius, fill: nil, outline: color, outlineWidth: width)
  }

  /// Draws a disc with an optional fill and an optional outline.
  ///
  /// The outline is a ring `outlineWidth` pixels wide just inside `radius`, so
  /// the disc's overall size does not depend on whether it is outlined. Fill
  /// and outline are mixed per pixel before blending, leaving no seam.
  public mutating func drawDisc(
    center: Point, radius: Double, fill: Color?, outline: Color?, outlineWidth: Double = 1
  ) {
    guard center.x.isFinite, center.y.isFinite, radius.isFinite, radius > 0 else { return }
    guard fill != nil || outline != nil else { return }
    // Sub-pixel discs: draw at half a pixel radius, fading by area.
    let drawnRadius = max(radius, 0.5)
    let fade = Float(min(1, (radius / 0.5) * (radius / 0.5)))
    var fillPaint = Paint(fill ?? .clear)
    var outlinePaint = Paint(outline ?? .clear)
    fillPaint.alpha *= fade
    outlinePaint.alpha *= fade
    let ringWidth = outline == nil ? 0 : min(max(outlineWidth, 0), drawnRadius)
    let innerRadius = drawnRadius - ringWidth
    let reach = drawnRadius + 0.5
    let rows = rows(from: center.y - reach, to: center.y + reach)
    guard !rows.isEmpty else { return }
    let width = self.width
    let clip = (clipX0, clipX1)
    rgba.withUnsafeMutableBufferPointer { bytes in
      for row in rows {
        let dy = Double(row) + 0.5 - center.y
        let span = reach * reach - dy * dy
        guard span > 0 else { continue }
        let halfWidth = span.squareRoot()
        let columns = Self.indices(
          from: center.x - halfWidth, to: center.x + halfWidth, lower: clip.0, upper: clip.1)
        for column in columns {
          let dx = Double(column) + 0.5 - center.x
          let distance = (dx * dx + dy * dy).squareRoot()
          let outer = unitCoverage(drawnRadius + 0.5 - distance)
          guard outer > 0 else { continue }
          let index = (row * width + column) * 4
          if ringWidth == 0 {
            Self.blend(fillPaint, coverage: outer, into: bytes, at: index)
          } else {
            let inner = unitCoverage(innerRadius + 0.5 - distance)
            let paint = Paint.mix(fillPaint, covering: inner, outlinePaint, covering: outer - inner)
            Self.blend(paint, coverage: 1, into: bytes, at: index)
          }
        }
      }
    }
  }
}
