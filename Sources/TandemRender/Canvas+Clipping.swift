extension Canvas {
  /// The rectangle drawing is confined to; the whole canvas by default.
  ///
  /// Setting it rounds the edges outwards to whole pixels and intersects the
  /// result with the canvas. Only pixels whose centres lie inside are touched.
  public var clipRect: PixelRect {
    get {
      PixelRect(
        minX: Double(clipX0), minY: Double(clipY0), maxX: Double(clipX1), maxY: Double(clipY1))
    }
    set {
      clipX0 = Self.clampedIndex(newValue.minX.rounded(.down), limit: width)
      clipY0 = Self.clampedIndex(newValue.minY.rounded(.down), limit: height)
      clipX1 = max(clipX0, Self.clampedIndex(newValue.maxX.rounded(.up), limit: width))
      clipY1 = max(clipY0, Self.clampedIndex(newValue.maxY.rounded(.up), limit: height))
    }
  }

  /// Runs `body` with drawing clipped to `rect` (within the current clip),
  /// then restores the previous clip.
  public mutating func withClip(to rect: PixelRect, _ body: (inout Canvas) throws -> Void) rethrows
  {
    let saved = (clipX0, clipY0, clipX1, clipY1)
    defer { (clipX0, clipY0, clipX1, clipY1) = saved }
    let current = clipRect
    clipRect = PixelRect(
      minX: max(rect.minX, current.minX), minY: max(rect.minY, current.minY),
      maxX: min(rect.maxX, current.maxX), maxY: min(rect.maxY, current.maxY))
    try body(&self)
  }

  static func clampedIndex(_ value: Double, limit: Int) -> Int {
    guard !value.isNaN else { return 0 }
    return Int(min(max(value, 0), Double(limit)))
  }

  /// The clipped columns whose pixel centres lie in `minX...maxX`.
  @inline(__always)
  func columns(from minX: Double, to maxX: Double) -> Range<Int> {
    Self.indices(from: minX, to: maxX, lower: clipX0, upper: clipX1)
  }

  /// The clipped rows whose pixel centres lie in `minY...maxY`.
  @inline(__always)
  func rows(from minY: Double, to maxY: Double) -> Range<Int> {
    Self.indices(from: minY, to: maxY, lower: clipY0, upper: clipY1)
  }

  @inline(__always)
  static func indices(from low: Double, to high: Double, lower: Int, upper: Int) -> Range<Int> {
    // Centre i + 0.5 in [low, high]  <=>  i in [low - 0.5, high - 0.5].
    let first = max((low - 0.5).rounded(.up), Double(lower))
    let last = min((high - 0.5).rounded(.down) + 1, Double(upper))
    guard first < last else { return 0..<0 }  // also false for NaN
    return Int(first)..<Int(last)
  }
}
