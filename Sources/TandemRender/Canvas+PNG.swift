import CPNGShim
import Foundation

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

  /// Writes the canvas as a PNG file at `url`, atomically.
  ///
  /// The image is encoded into a hidden temporary file in the same folder
  /// (`.<name>.tmp-<pid>`), which is then renamed over `url`. Readers see
  /// either the previous file or the complete new one, never a partial PNG;
  /// on failure the temporary file is removed and `url` is left untouched.
  /// The folder must already exist: this never creates folders (use
  /// ``FrameSequence/createDirectory(at:)``).
  ///
  /// - Throws: ``RenderError/encodingFailed(path:reason:)`` when the file
  ///   cannot be created or encoded (with libpng's message), or
  ///   ``RenderError/replacingFailed(path:reason:)`` when the rename fails.
  public func writePNG(to url: URL) throws {
    let destination = url.path
    let folder = url.deletingLastPathComponent().path
    let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
    let failure = rgba.withUnsafeBufferPointer { pixels in
      callPNGShim { message, capacity in
        tandem_png_write_file(
          temporary, pixels.baseAddress, UInt32(width), UInt32(height), message, capacity)
      }
    }
    if let failure {
      unlink(temporary)  // libpng removes it itself; this is belt and braces.
      throw RenderError.encodingFailed(path: destination, reason: failure)
    }
    if rename(temporary, destination) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw RenderError.replacingFailed(path: destination, reason: reason)
    }
  }
}
