/// Maps world coordinates (y up) to pixel coordinates (y down) with one
/// uniform scale, so circles stay circles.
///
/// ```swift
/// let camera = Camera.fitting(WorldRect(minX: -1, minY: 0, maxX: 3, maxY: 2),
///                             in: PixelSize(width: 800, height: 600), margin: 20)
/// let p = camera.pixel(for: Point(0.5, 1.0))
/// canvas.fillDisc(center: p, radius: camera.pixelLength(for: 0.05), color: .blue)
/// ```
public struct Camera: Hashable, Sendable {
  /// The world point drawn at the centre of the image.
  public var center: Point
  /// Pixels per world unit, in both directions.
  public var scale: Double
  /// The image the camera draws into.
  public var size: PixelSize

  /// Creates a camera looking at `center` with `scale` pixels per world unit.
  public init(center: Point, scale: Double, size: PixelSize) {
    self.center = center
    self.scale = scale
    self.size = size
  }

  /// Creates a camera showing the view rectangle `view` as large as possible,
  /// centred, leaving at least `margin` pixels on every side.
  ///
  /// The aspect ratio is preserved: when `view` and the image differ in shape,
  /// the world shown is wider (or taller) than `view` so that it is centred.
  public init(view: WorldRect, size: PixelSize, margin: Double = 0) {
    self = Camera.fitting(view, in: size, margin: margin)
  }

  /// The camera showing `bounds` as large as possible in an image of `size`,
  /// centred, with at least `margin` pixels between `bounds` and every edge.
  ///
  /// A degenerate bounds (zero width or height) is fitted by its other side;
  /// a single point gets a scale of one pixel per world unit.
  public static func fitting(_ bounds: WorldRect, in size: PixelSize, margin: Double = 0)
    -> Camera
  {
    let availableWidth = max(Double(size.width) - 2 * margin, 1)
    let availableHeight = max(Double(size.height) - 2 * margin, 1)
    let scaleX = bounds.width > 0 ? availableWidth / bounds.width : .infinity
    let scaleY = bounds.height > 0 ? availableHeight / bounds.height : .infinity
    var scale = min(scaleX, scaleY)
    if !scale.isFinite { scale = 1 }
    return Camera(center: bounds.center, scale: scale, size: size)
  }

  /// The pixel position of the world point `world`.
  public func pixel(for world: Point) -> Point {
    Point(
      x: Double(size.width) / 2 + (world.x - center.x) * scale,
      y: Double(size.height) / 2 - (world.y - center.y) * scale)
  }

  /// The world position shown at pixel position `pixel` (inverse of ``pixel(for:)``).
  public func world(for pixel: Point) -> Point {
    Point(
      x: center.x + (pixel.x - Double(size.width) / 2) / scale,
      y: center.y - (pixel.y - Double(size.height) / 2) / scale)
  }

  /// The length in pixels of `worldLength` world units (for radii and widths).
  public func pixelLength(for worldLength: Double) -> Double {
    worldLength * scale
  }

  /// The world rectangle covered by the whole image.
  public var visibleWorld: WorldRect {
    let bottomLeft = world(for: Point(x: 0, y: Double(size.height)))
    let topRight = world(for: Point(x: Double(size.width), y: 0))
    return WorldRect(minX: bottomLeft.x, minY: bottomLeft.y, maxX: topRight.x, maxY: topRight.y)
  }
}
