extension Canvas {
  /// Draws connected line segments through `points`, `width` pixels wide,
  /// with round joins and caps.
  ///
  /// The whole polyline is blended once: coverage is first gathered in a mask
  /// (the maximum over segments), so a translucent curve has no darker beads
  /// where its segments overlap. A non-finite point breaks the line; the
  /// pieces on either side are drawn separately, and an isolated point draws
  /// a dot.
  public mutating func drawPolyline(_ points: [Point], color: Color, width: Double = 1) {
    guard width.isFinite, width > 0 else { return }
    let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
    guard let box = WorldRect(enclosing: finite) else { return }
    var paint = Paint(color)
    paint.alpha *= Float(min(width, 1))
    let reach = max(width, 1) / 2 + 0.5
    let rows = rows(from: box.minY - reach, to: box.maxY + reach)
    let columns = columns(from: box.minX - reach, to: box.maxX + reach)
    guard !rows.isEmpty, !columns.isEmpty else { return }

    let maskWidth = columns.count
    var mask = [Float](repeating: 0, count: maskWidth * rows.count)
    var touchedLow = [Int](repeating: Int.max, count: rows.count)
    var touchedHigh = [Int](repeating: Int.min, count: rows.count)
    mask.withUnsafeMutableBufferPointer { mask in
      func cover(_ a: Point, _ b: Point) {
        let segmentRows = Self.indices(
          from: min(a.y, b.y) - reach, to: max(a.y, b.y) + reach,
          lower: rows.lowerBound, upper: rows.upperBound)
        Self.forEachPixel(
          near: a, b, within: reach, rows: segmentRows,
          columnLimits: (columns.lowerBound, columns.upperBound)
        ) { row, column, coverage in
          let r = row - rows.lowerBound
          let c = column - columns.lowerBound
          let index = r * maskWidth + c
          if coverage > mask[index] { mask[index] = coverage }
          if c < touchedLow[r] { touchedLow[r] = c }
          if c > touchedHigh[r] { touchedHigh[r] = c }
        }
      }
      var previous: Point?
      var runLength = 0
      for point in points {
        guard point.x.isFinite, point.y.isFinite else {
          if runLength == 1, let lone = previous { cover(lone, lone) }
          previous = nil
          runLength = 0
          continue
        }
        if let previous { cover(previous, point) }
        previous = point
        runLength += 1
      }
      if runLength == 1, let lone = previous { cover(lone, lone) }
    }

    let canvasWidth = self.width
    rgba.withUnsafeMutableBufferPointer { bytes in
      for r in 0..<rows.count where touchedLow[r] <= touchedHigh[r] {
        let row = rows.lowerBound + r
        for c in touchedLow[r]...touchedHigh[r] {
          let coverage = mask[r * maskWidth + c]
          guard coverage > 0 else { continue }
          let column = columns.lowerBound + c
          Self.blend(paint, coverage: coverage, into: bytes, at: (row * canvasWidth + column) * 4)
        }
      }
    }
  }
}
