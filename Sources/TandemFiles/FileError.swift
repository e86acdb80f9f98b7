/// Why writing a file or a folder failed. Every case names the path.
public enum FileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file at `path` could not be written (its temporary file could not be
  /// created, written or flushed: a missing folder, no permission, a full disk).
  case writingFailed(path: String, reason: String)
  /// The finished file could not be moved into place at `path`.
  case replacingFailed(path: String, reason: String)
  /// The folder at `path` could not be created.
  case directoryCreationFailed(path: String, reason: String)

  /// A sentence saying which file failed, why, and that nothing was changed.
  public var description: String {
    switch self {
    case .writingFailed(let path, let reason):
      "could not write '\(path)': \(reason). Nothing was changed there."
    case .replacingFailed(let path, let reason):
      "could not move the finished file into place at '\(path)': \(reason). "
        + "Nothing was written there."
    case .directoryCreationFailed(let path, let reason):
      "could not create the folder '\(path)': \(reason)."
    }
  }
}
