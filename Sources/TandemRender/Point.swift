/// A point in the plane: world units (y up) or pixels (y down), by context.
///
/// In pixel space, (0, 0) is the top-left corner of the image and pixel
/// `(i, j)` covers the unit square from `(i, j)` to `(i + 1, j + 1)`, so its
/// centre is at `(i + 0.5, j + 0.5)`.
public struct Point: Hashable, Sendable {
  /// The horizontal coordinate.
  public var x: Double
  /// The vertical coordinate.
  public var y: Double

  /// Creates a point from its coordinates.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }

  /// Creates a point from unlabelled coordinates, `Point(3, 4)`.
  public init(_ x: Double, _ y: Double) {
    self.init(x: x, y: y)
  }

  /// The Euclidean distance to `other`.
  public func distance(to other: Point) -> Double {
    ((x - other.x) * (x - other.x) + (y - other.y) * (y - other.y)).squareRoot()
  }
}
