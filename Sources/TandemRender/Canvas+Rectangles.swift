extension Canvas {
  /// Fills the axis-aligned rectangle `rect` with `color`.
  ///
  /// Coverage is the exact fraction of each pixel's square inside `rect`, so
  /// a rectangle on whole-pixel edges has crisp edges and one on fractional
  /// edges has a one-pixel blended border.
  public mutating func fillRect(_ rect: PixelRect, color: Color) {
    drawRectangle(outer: rect, inner: nil, paint: Paint(color))
  }

  /// Strokes the outline of `rect` with a line `width` pixels wide, centred on
  /// the rectangle's edges, with square corners.
  public mutating func strokeRect(_ rect: PixelRect, color: Color, width: Double = 1) {
    guard width.isFinite, width > 0 else { return }
    let inner = rect.insetBy(width / 2)
    drawRectangle(
      outer: rect.insetBy(-width / 2), inner: inner.width > 0 && inner.height > 0 ? inner : nil,
      paint: Paint(color))
  }

  /// Blends `paint` over the area of `outer` minus the area of `inner`.
  private mutating func drawRectangle(outer: PixelRect, inner: PixelRect?, paint: Paint) {
    guard outer.width > 0, outer.height > 0 else { return }
    let rows = rows(from: outer.minY - 0.5, to: outer.maxY + 0.5)
    let columns = columns(from: outer.minX - 0.5, to: outer.maxX + 0.5)
    guard !rows.isEmpty, !columns.isEmpty else { return }
    let canvasWidth = self.width
    rgba.withUnsafeMutableBufferPointer { bytes in
      for row in rows {
        let outerY = Self.overlap(outer.minY, outer.maxY, pixel: row)
        guard outerY > 0 else { continue }
        let innerY = inner.map { Self.overlap($0.minY, $0.maxY, pixel: row) } ?? 0
        for column in columns {
          var coverage = outerY * Self.overlap(outer.minX, outer.maxX, pixel: column)
          if let inner, innerY > 0 {
            coverage -= innerY * Self.overlap(inner.minX, inner.maxX, pixel: column)
          }
          guard coverage > 0 else { continue }
          Self.blend(
            paint, coverage: Float(coverage), into: bytes, at: (row * canvasWidth + column) * 4)
        }
      }
    }
  }

  /// The length of `low...high` inside the pixel interval `[pixel, pixel + 1]`.
  @inline(__always)
  static func overlap(_ low: Double, _ high: Double, pixel: Int) -> Double {
    let start = max(low, Double(pixel))
    let end = min(high, Double(pixel) + 1)
    return max(end - start, 0)
  }
}
