/// Why rendering to or reading from a file failed. Every case names the file.
public enum RenderError: Error, Hashable, Sendable {
  /// libpng could not encode the image, or could not create the file it was
  /// writing to (for example, the folder is missing or not writable).
  /// `path` is the destination; `reason` is libpng's own message.
  case encodingFailed(path: String, reason: String)
  /// libpng could not read or decode the PNG at `path` (`"<memory>"` for bytes).
  case decodingFailed(path: String, reason: String)
  /// The encoded file could not be moved into place at `path`.
  case replacingFailed(path: String, reason: String)
  /// The file at `path` could not be written (its temporary file could not be
  /// created, written or flushed: a missing folder, no permission, a full disk).
  case writingFailed(path: String, reason: String)
  /// The folder at `path` could not be created.
  case directoryCreationFailed(path: String, reason: String)
}
