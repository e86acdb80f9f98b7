/// Why encoding or decoding a PNG failed. Every case names the file (writing
/// one fails with TandemFiles' `FileError`).
public enum RenderError: Error, Hashable, Sendable {
  /// libpng could not encode the image, or could not create the file it was
  /// writing to (for example, the folder is missing or not writable).
  /// `path` is the destination; `reason` is libpng's own message.
  case encodingFailed(path: String, reason: String)
  /// libpng could not read or decode the PNG at `path` (`"<memory>"` for bytes).
  case decodingFailed(path: String, reason: String)
}
