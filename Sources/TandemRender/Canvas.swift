/// A width × height image of RGBA pixels that primitives draw into.
///
/// Storage is 8-bit sRGB with straight alpha, rows top to bottom, exactly what
/// a PNG holds. Drawing blends *source over* the existing pixels, weighted by
/// each pixel's coverage: the fraction of the pixel the shape covers,
/// estimated from the distance between the pixel's centre and the shape's
/// edge. That gives anti-aliased edges about one pixel wide.
///
/// Pixel `(i, j)` covers the square from `(i, j)` to `(i + 1, j + 1)`; its
/// centre is `(i + 0.5, j + 0.5)`. Every primitive only visits the pixels of
/// its own bounding box (intersected with ``clipRect``), so drawing cost grows
/// with the shape's area, not with the canvas.
///
/// ```swift
/// var canvas = Canvas(width: 800, height: 600, background: .white)
/// canvas.fillDisc(center: Point(400, 300), radius: 20, color: .blue)
/// canvas.drawLine(from: Point(100, 100), to: Point(700, 500), color: .red, width: 2)
/// try canvas.writePNG(to: URL(fileURLWithPath: "/tmp/frame.png"))
/// ```
public struct Canvas: Sendable {
  /// The number of pixel columns.
  public let width: Int
  /// The number of pixel rows.
  public let height: Int
  /// The pixels, 4 bytes (R, G, B, A) each, row by row from the top.
  public internal(set) var rgba: [UInt8]
  /// The integer clip box, half-open: columns `clipX0..<clipX1`, rows `clipY0..<clipY1`.
  var clipX0: Int
  var clipY0: Int
  var clipX1: Int
  var clipY1: Int

  /// Creates a canvas filled with `background` (white unless given).
  ///
  /// - Precondition: `width` and `height` are at least 1.
  public init(width: Int, height: Int, background: Color = .white) {
    precondition(width > 0 && height > 0, "a Canvas needs a positive width and height")
    self.width = width
    self.height = height
    let p = background.pixel
    var bytes = [UInt8](repeating: 0, count: width * height * 4)
    for index in stride(from: 0, to: bytes.count, by: 4) {
      bytes[index] = p.red
      bytes[index + 1] = p.green
      bytes[index + 2] = p.blue
      bytes[index + 3] = p.alpha
    }
    self.rgba = bytes
    clipX0 = 0
    clipY0 = 0
    clipX1 = width
    clipY1 = height
  }

  /// Creates a canvas of `size` filled with `background`.
  public init(size: PixelSize, background: Color = .white) {
    self.init(width: size.width, height: size.height, background: background)
  }

  /// Creates a canvas holding a decoded PNG image's pixels.
  public init(_ image: PNGImage) {
    self.init(width: image.width, height: image.height, background: .clear)
    rgba = image.rgba
  }

  /// The canvas size.
  public var size: PixelSize { PixelSize(width: width, height: height) }

  /// The whole canvas as a rectangle, `(0, 0)` to `(width, height)`.
  public var bounds: PixelRect {
    PixelRect(minX: 0, minY: 0, maxX: Double(width), maxY: Double(height))
  }

  /// Replaces every pixel (ignoring the clip) with `color`, without blending.
  public mutating func fill(with color: Color) {
    let p = color.pixel
    rgba.withUnsafeMutableBufferPointer { bytes in
      for index in stride(from: 0, to: bytes.count, by: 4) {
        bytes[index] = p.red
        bytes[index + 1] = p.green
        bytes[index + 2] = p.blue
        bytes[index + 3] = p.alpha
      }
    }
  }

  /// The pixel in column `x`, row `y` (0-based from the top-left).
  ///
  /// - Precondition: the position is inside the canvas.
  public func pixel(atX x: Int, y: Int) -> Pixel {
    precondition(
      x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the canvas")
    let index = (y * width + x) * 4
    return Pixel(
      red: rgba[index], green: rgba[index + 1], blue: rgba[index + 2], alpha: rgba[index + 3])
  }

  /// Overwrites the pixel in column `x`, row `y` with `pixel` (no blending, no clip).
  ///
  /// - Precondition: the position is inside the canvas.
  public mutating func setPixel(_ pixel: Pixel, atX x: Int, y: Int) {
    precondition(
      x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the canvas")
    let index = (y * width + x) * 4
    rgba[index] = pixel.red
    rgba[index + 1] = pixel.green
    rgba[index + 2] = pixel.blue
    rgba[index + 3] = pixel.alpha
  }
}
