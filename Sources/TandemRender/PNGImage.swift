import CPNGShim
import Foundation

/// A decoded PNG: its size and its pixels as 8-bit RGBA (straight alpha), rows
/// top to bottom. Any PNG colour type is converted to RGBA on reading.
public struct PNGImage: Hashable, Sendable {
  /// The number of pixel columns.
  public let width: Int
  /// The number of pixel rows.
  public let height: Int
  /// The pixels, 4 bytes (R, G, B, A) each, row by row from the top.
  public let rgba: [UInt8]

  /// Creates an image from raw RGBA bytes.
  ///
  /// - Precondition: `rgba.count == 4 * width * height`.
  public init(width: Int, height: Int, rgba: [UInt8]) {
    precondition(rgba.count == 4 * width * height, "RGBA byte count does not match the size")
    self.width = width
    self.height = height
    self.rgba = rgba
  }

  /// Reads and decodes the PNG file at `url`.
  ///
  /// - Throws: ``RenderError/decodingFailed(path:reason:)`` with libpng's message.
  public static func read(from url: URL) throws -> PNGImage {
    let path = url.path
    return try decode(path: path) { width, height, rgba, message, capacity in
      tandem_png_read_file(path, width, height, rgba, message, capacity)
    }
  }

  /// Decodes PNG bytes held in memory.
  ///
  /// - Throws: ``RenderError/decodingFailed(path:reason:)`` with path `"<memory>"`.
  public init(pngData: Data) throws {
    self = try pngData.withUnsafeBytes { raw in
      try Self.decode(path: "<memory>") { width, height, rgba, message, capacity in
        tandem_png_read_memory(raw.baseAddress, raw.count, width, height, rgba, message, capacity)
      }
    }
  }

  /// The pixel in column `x`, row `y`.
  ///
  /// - Precondition: the position is inside the image.
  public func pixel(atX x: Int, y: Int) -> Pixel {
    precondition(
      x >= 0 && x < width && y >= 0 && y < height, "pixel (\(x), \(y)) is outside the image")
    let index = (y * width + x) * 4
    return Pixel(
      red: rgba[index], green: rgba[index + 1], blue: rgba[index + 2], alpha: rgba[index + 3])
  }

  private typealias Reader = (
    UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<UInt32>,
    UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, UnsafeMutablePointer<CChar>, Int
  ) -> Int32

  private static func decode(path: String, _ reader: Reader) throws -> PNGImage {
    var width: UInt32 = 0
    var height: UInt32 = 0
    var pixels: UnsafeMutablePointer<UInt8>?
    let failure = callPNGShim { message, capacity in
      reader(&width, &height, &pixels, message, capacity)
    }
    defer { tandem_png_free(pixels) }
    if let failure { throw RenderError.decodingFailed(path: path, reason: failure) }
    guard let pixels else { throw RenderError.decodingFailed(path: path, reason: "no pixels") }
    let count = Int(width) * Int(height) * 4
    let bytes = Array(UnsafeBufferPointer(start: pixels, count: count))
    return PNGImage(width: Int(width), height: Int(height), rgba: bytes)
  }
}
