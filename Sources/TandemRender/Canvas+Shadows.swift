/// A soft shadow: an ellipse darkest at its centre and fading to nothing at
/// its edge (see ``Canvas/fillSoftShadows(_:color:)``).
public struct SoftShadow: Hashable, Sendable {
  /// The centre, in pixels.
  public var center: Point
  /// The horizontal radius, in pixels.
  public var radiusX: Double
  /// The vertical radius, in pixels.
  public var radiusY: Double
  /// The opacity at the centre, in [0, 1].
  public var darkness: Double

  /// Creates a shadow.
  public init(center: Point, radiusX: Double, radiusY: Double, darkness: Double) {
    self.center = center
    self.radiusX = radiusX
    self.radiusY = radiusY
    self.darkness = darkness
  }
}

extension Canvas {
  /// Darkens the canvas under `shadows` as one layer of `color`: where
  /// shadows overlap, the darker counts, not their sum, so that the
  /// particles of a cloth cast one shadow rather than a black pool. Each
  /// shadow alone darkens as ``fillSoftEllipse(center:radii:color:)`` does
  /// with `color` at its darkness.
  public mutating func fillSoftShadows(_ shadows: [SoftShadow], color: Color = .black) {
    let usable = shadows.filter {
      $0.center.x.isFinite && $0.center.y.isFinite && $0.radiusX > 0 && $0.radiusY > 0
        && $0.radiusX.isFinite && $0.radiusY.isFinite && $0.darkness > 0
    }
    guard !usable.isEmpty else { return }
    let rowRange = rows(
      from: usable.map { $0.center.y - $0.radiusY }.min()!,
      to: usable.map { $0.center.y + $0.radiusY }.max()!)
    let columnRange = columns(
      from: usable.map { $0.center.x - $0.radiusX }.min()!,
      to: usable.map { $0.center.x + $0.radiusX }.max()!)
    guard !rowRange.isEmpty, !columnRange.isEmpty else { return }
    var mask = [Double](repeating: 0, count: rowRange.count * columnRange.count)
    for shadow in usable {
      let (c, rx, ry) = (shadow.center, shadow.radiusX, shadow.radiusY)
      for row in rows(from: c.y - ry, to: c.y + ry) {
        for column in columns(from: c.x - rx, to: c.x + rx) {
          let dx = (Double(column) + 0.5 - c.x) / rx
          let dy = (Double(row) + 0.5 - c.y) / ry
          let d2 = dx * dx + dy * dy
          guard d2 < 1 else { continue }
          let k = (row - rowRange.lowerBound) * columnRange.count + column - columnRange.lowerBound
          mask[k] = max(mask[k], min(shadow.darkness, 1) * (1 - d2) * (1 - d2))
        }
      }
    }
    for row in rowRange {
      for column in columnRange {
        let m = mask[(row - rowRange.lowerBound) * columnRange.count + column - columnRange.lowerBound]
        if m > 0 { blend(color, atX: column, y: row, coverage: m) }
      }
    }
  }
}
