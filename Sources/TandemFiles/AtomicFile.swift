import Foundation

/// Writing a file so that readers see the old file or the whole new one,
/// never part of one, and nothing outside the folder is ever touched.
///
/// The bytes go to a temporary file in the destination's folder, created by
/// `mkstemp`: an unpredictable name, opened exclusively, so a file or symlink
/// planted under the name cannot be written through. The file is then renamed
/// over the destination; `rename` replaces a symlink at the destination
/// itself, not what it points to. On any failure the temporary file is
/// removed and the destination is left as it was. (There is no `fsync`: the
/// promise is about interrupted and failed runs, not power loss, and a sync
/// per frame would make writing thousands of frames slow.)
public enum AtomicFile {
  /// The prefix of every temporary file, so a later run can remove the ones
  /// a crash left behind (see ``isTemporary(_:)``).
  public static let temporaryPrefix = ".tandem-tmp-"

  /// Whether `name` is a temporary file this type creates.
  public static func isTemporary(_ name: String) -> Bool { name.hasPrefix(temporaryPrefix) }

  /// Writes `bytes` to `url` atomically.
  ///
  /// - Throws: As ``write(to:_:)``.
  public static func write(_ bytes: Data, to url: URL) throws {
    try write(to: url) { try write(bytes, through: $0, naming: url) }
  }

  /// Writes all of `bytes` to the open file `descriptor` (inside the body
  /// of ``write(to:_:)``, to write a file in pieces); errors name `url`.
  public static func write(_ bytes: Data, through descriptor: Int32, naming url: URL) throws {
    try bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(
          descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          throw failure(url, "cannot write")
        }
        offset += written
      }
    }
  }

  /// Writes `url` atomically: `body` writes the contents to the open file
  /// descriptor of the temporary file.
  ///
  /// - Throws: What `body` throws, ``FileError/writingFailed(path:reason:)``
  ///   naming `url` with the system's reason (a full disk, a missing folder,
  ///   no permission), or ``FileError/replacingFailed(path:reason:)`` when
  ///   the rename fails.
  public static func write(to url: URL, _ body: (Int32) throws -> Void) throws {
    let folder = url.deletingLastPathComponent().path
    var template = Array((folder + "/" + temporaryPrefix + "XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw failure(url, "cannot create a temporary file there") }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var closed = false
    defer {
      if !closed { close(descriptor) }
    }
    do {
      try body(descriptor)
      // Readable by others, as a file created by a plain open would be.
      fchmod(descriptor, 0o644)
      closed = true
      guard close(descriptor) == 0 else { throw failure(url, "cannot close") }
      guard rename(temporary, url.path) == 0 else {
        throw FileError.replacingFailed(path: url.path, reason: String(cString: strerror(errno)))
      }
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// The error for `url`, with `errno`'s reason.
  static func failure(_ url: URL, _ what: String) -> FileError {
    .writingFailed(path: url.path, reason: "\(what): \(String(cString: strerror(errno)))")
  }
}
