/// The size of an image in whole pixels.
public struct PixelSize: Hashable, Sendable {
  /// The number of pixel columns.
  public var width: Int
  /// The number of pixel rows.
  public var height: Int

  /// Creates a size; both dimensions must be at least 1 when used for a canvas.
  public init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// The width divided by the height.
  public var aspectRatio: Double { Double(width) / Double(height) }
}
