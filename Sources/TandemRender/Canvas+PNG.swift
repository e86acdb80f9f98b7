import CPNGShim
import Foundation
import TandemFiles

extension Canvas {
  /// The canvas encoded as a PNG file's bytes (8-bit RGBA).
  ///
  /// - Throws: ``RenderError/encodingFailed(path:reason:)`` with path `"<memory>"`.
  public func pngData() throws -> Data {
    var bytes: UnsafeMutablePointer<UInt8>?
    var count = 0
    let failure = rgba.withUnsafeBufferPointer { pixels in
      callPNGShim { message, capacity in
        tandem_png_write_memory(
          pixels.baseAddress, UInt32(width), UInt32(height), &bytes, &count, message, capacity)
      }
    }
    defer { tandem_png_free(bytes) }
    if let failure { throw RenderError.encodingFailed(path: "<memory>", reason: failure) }
    guard let bytes else { return Data() }
    return Data(bytes: bytes, count: count)
  }

  /// Writes the canvas as a PNG file at `url`, atomically (``AtomicFile``):
  /// readers see either the previous file or the complete new one, a file or
  /// symlink planted in the folder is never written through, and on failure
  /// `url` is left untouched. The folder must already exist: this never
  /// creates folders (use ``FrameSequence/createDirectory(at:)``).
  ///
  /// - Throws: ``RenderError/encodingFailed(path:reason:)`` when libpng
  ///   cannot encode the image, or ``FileError/replacingFailed(path:reason:)``
  ///   when the file cannot be written (a full disk, no permission).
  public func writePNG(to url: URL) throws {
    try AtomicFile.write(to: url) { descriptor in
      let failure = rgba.withUnsafeBufferPointer { pixels in
        callPNGShim { message, capacity in
          tandem_png_write_descriptor(
            descriptor, pixels.baseAddress, UInt32(width), UInt32(height), message, capacity)
        }
      }
      if let failure { throw FileError.writingFailed(path: url.path, reason: failure) }
    }
  }
}
