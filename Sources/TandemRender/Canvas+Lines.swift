extension Canvas {
  /// Draws a straight line `width` pixels wide with round caps.
  ///
  /// Each pixel's coverage comes from the distance between its centre and the
  /// segment. Lines thinner than one pixel are drawn one pixel wide with their
  /// opacity scaled by the width. A zero-length line draws a dot.
  public mutating func drawLine(from start: Point, to end: Point, color: Color, width: Double = 1) {
    guard start.x.isFinite, start.y.isFinite, end.x.isFinite, end.y.isFinite else { return }
    guard width.isFinite, width > 0 else { return }
    var paint = Paint(color)
    paint.alpha *= Float(min(width, 1))
    let reach = max(width, 1) / 2 + 0.5
    let rows = rows(from: min(start.y, end.y) - reach, to: max(start.y, end.y) + reach)
    guard !rows.isEmpty else { return }
    let canvasWidth = self.width
    let columnLimits = (clipX0, clipX1)
    rgba.withUnsafeMutableBufferPointer { bytes in
      Self.forEachPixel(near: start, end, within: reach, rows: rows, columnLimits: columnLimits) {
        row, column, coverage in
        Self.blend(paint, coverage: coverage, into: bytes, at: (row * canvasWidth + column) * 4)
      }
    }
  }

  /// Calls `body(row, column, coverage)` for every pixel in `rows` (and within
  /// `columnLimits`) whose centre is closer than `reach` to the segment, with
  /// coverage `reach − distance` clamped to 0…1.
  ///
  /// Per row, only the part of the segment within `reach` of that row can
  /// cover it, so the column span is that part's x-extent widened by `reach`:
  /// a diagonal line visits a thin band of pixels, not its bounding box.
  @inline(__always)
  static func forEachPixel(
    near start: Point, _ end: Point, within reach: Double, rows: Range<Int>,
    columnLimits: (Int, Int), _ body: (Int, Int, Float) -> Void
  ) {
    let dx = end.x - start.x
    let dy = end.y - start.y
    let lengthSquared = dx * dx + dy * dy
    let inverseLengthSquared = lengthSquared > 0 ? 1 / lengthSquared : 0
    for row in rows {
      let centreY = Double(row) + 0.5
      var low = min(start.x, end.x)
      var high = max(start.x, end.x)
      if dy != 0 {
        let t0 = min(max((centreY - reach - start.y) / dy, 0), 1)
        let t1 = min(max((centreY + reach - start.y) / dy, 0), 1)
        let x0 = start.x + t0 * dx
        let x1 = start.x + t1 * dx
        low = min(x0, x1)
        high = max(x0, x1)
      }
      let columns = indices(
        from: low - reach, to: high + reach, lower: columnLimits.0, upper: columnLimits.1)
      let qy = centreY - start.y
      for column in columns {
        let qx = Double(column) + 0.5 - start.x
        let t = min(max((qx * dx + qy * dy) * inverseLengthSquared, 0), 1)
        let ex = qx - t * dx
        let ey = qy - t * dy
        let coverage = unitCoverage(reach - (ex * ex + ey * ey).squareRoot())
        if coverage > 0 { body(row, column, coverage) }
      }
    }
  }

  /// Draws a dashed line: dashes `dash` pixels long separated by gaps of `gap`,
  /// starting with a dash at `start`. Caps are round, as in
  /// ``drawLine(from:to:color:width:)``, and fit within each dash.
  public mutating func drawDashedLine(
    from start: Point, to end: Point, color: Color, width: Double = 1,
    dash: Double = 6, gap: Double = 4
  ) {
    let length = start.distance(to: end)
    guard length.isFinite, dash > 0, gap >= 0 else { return }
    guard length > 0 else { return drawLine(from: start, to: end, color: color, width: width) }
    let cap = min(max(width, 1) / 2, dash / 2)
    let ux = (end.x - start.x) / length
    let uy = (end.y - start.y) / length
    var position = 0.0
    while position < length {
      let from = position + cap
      let to = max(min(position + dash, length) - cap, from)
      drawLine(
        from: Point(start.x + ux * from, start.y + uy * from),
        to: Point(start.x + ux * to, start.y + uy * to), color: color, width: width)
      position += dash + gap
    }
  }
}
