import Foundation
import TandemFiles
import TandemRender

/// A scene's own output folder (`output/<name>/`), held by one process at a
/// time while it writes.
///
/// Opening one creates the folder if needed, refuses a folder that is a
/// symbolic link (writing and cleaning up through it would touch files
/// elsewhere), takes an exclusive lock on it so that a second run into the
/// same folder refuses clearly instead of mixing its frames with the
/// first's, and removes the temporary files and staging folders a crashed or
/// killed run left. The lock is released when the value is deinitialised or
/// the process ends.
public final class OutputFolder {
  /// The folder.
  public let url: URL
  private let lock: Int32

  /// The name of the hidden lock file inside the folder.
  public static let lockName = ".tandem-lock"

  /// Opens and locks `url`, creating it and its parents if missing.
  ///
  /// - Throws: ``OutputFolderError`` when the folder is a symbolic link or
  ///   not a folder, cannot be created, or another process holds it.
  public init(_ url: URL) throws {
    self.url = url
    var status = stat()
    if lstat(url.path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFLNK { throw OutputFolderError.symbolicLink(url.path) }
      if status.st_mode & S_IFMT != S_IFDIR { throw OutputFolderError.notAFolder(url.path) }
    } else {
      do {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      } catch {
        throw OutputFolderError.cannotCreate(url.path, String(cString: strerror(errno)))
      }
    }
    let path = url.appendingPathComponent(Self.lockName).path
    let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else {
      throw OutputFolderError.cannotCreate(path, String(cString: strerror(errno)))
    }
    guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
      close(descriptor)
      throw OutputFolderError.busy(url.path)
    }
    lock = descriptor
    removeLeftovers()
  }

  deinit { close(lock) }

  /// Removes what an interrupted run left: temporary files (``AtomicFile``'s,
  /// and `.frame-NNNNN.png.tmp-<pid>` from earlier versions) and staging
  /// folders (``FrameWriter``'s). Safe because this process holds the lock.
  func removeLeftovers() {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    for name in names
    where AtomicFile.isTemporary(name) || name.hasPrefix(FrameWriter.stagingPrefix)
      || (name.hasPrefix(".frame-") && name.contains(".png.tmp-"))
    {
      try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
    }
  }
}

/// Why a scene's output folder cannot be written.
public enum OutputFolderError: Error, CustomStringConvertible {
  /// The folder is a symbolic link.
  case symbolicLink(String)
  /// Something other than a folder has the folder's name.
  case notAFolder(String)
  /// The folder or its lock file cannot be created.
  case cannotCreate(String, String)
  /// Another process is writing into the folder.
  case busy(String)

  /// What happened and what to do.
  public var description: String {
    switch self {
    case .symbolicLink(let path):
      "\(path) is a symbolic link; output is never written through one. Remove it, or choose another folder with --out."
    case .notAFolder(let path):
      "\(path) exists but is not a folder. Move it away, or choose another folder with --out."
    case .cannotCreate(let path, let reason):
      "cannot create \(path): \(reason)."
    case .busy(let path):
      "another tandem process is writing into \(path). Wait for it to finish, or write elsewhere with --out."
    }
  }
}
