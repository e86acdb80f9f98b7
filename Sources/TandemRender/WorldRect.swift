/// An axis-aligned rectangle in world coordinates (y grows upwards).
///
/// Scene files give view rectangles as `[xmin, ymin, xmax, ymax]`; use
/// ``init(_:)`` to read one.
public struct WorldRect: Hashable, Sendable {
  /// The left edge.
  public var minX: Double
  /// The bottom edge.
  public var minY: Double
  /// The right edge.
  public var maxX: Double
  /// The top edge.
  public var maxY: Double

  /// Creates a rectangle from its edges.
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// Reads `[xmin, ymin, xmax, ymax]`; returns nil unless there are exactly four
  /// finite numbers with `xmin < xmax` and `ymin < ymax`.
  public init?(_ bounds: [Double]) {
    guard bounds.count == 4, bounds.allSatisfy(\.isFinite),
      bounds[0] < bounds[2], bounds[1] < bounds[3]
    else { return nil }
    self.init(minX: bounds[0], minY: bounds[1], maxX: bounds[2], maxY: bounds[3])
  }

  /// The smallest rectangle holding every finite point in `points`, or nil if
  /// there is none.
  public init?(enclosing points: [Point]) {
    var result: WorldRect?
    for point in points where point.x.isFinite && point.y.isFinite {
      if var r = result {
        r.minX = min(r.minX, point.x)
        r.minY = min(r.minY, point.y)
        r.maxX = max(r.maxX, point.x)
        r.maxY = max(r.maxY, point.y)
        result = r
      } else {
        result = WorldRect(minX: point.x, minY: point.y, maxX: point.x, maxY: point.y)
      }
    }
    guard let result else { return nil }
    self = result
  }

  /// The horizontal extent.
  public var width: Double { maxX - minX }
  /// The vertical extent.
  public var height: Double { maxY - minY }
  /// The centre point.
  public var center: Point { Point(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

  /// The rectangle grown by `amount` world units on every side.
  public func expanded(by amount: Double) -> WorldRect {
    WorldRect(minX: minX - amount, minY: minY - amount, maxX: maxX + amount, maxY: maxY + amount)
  }

  /// The smallest rectangle holding both `self` and `other`.
  public func union(_ other: WorldRect) -> WorldRect {
    WorldRect(
      minX: min(minX, other.minX), minY: min(minY, other.minY),
      maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
  }
}
