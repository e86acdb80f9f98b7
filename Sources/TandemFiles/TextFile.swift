import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file a user named (a scene, a CSV data file) as UTF-8 text, with
/// a reason a person can act on when it cannot: a folder, a named pipe or a
/// device is named as such (a pipe is never opened, so reading cannot
/// hang), a missing file or a permission problem says so, and bytes that are
/// not UTF-8 are located by line and column. Foundation's own messages
/// (`NSCocoaErrorDomain error 256`, "the file isn't in the correct format",
/// "you don't have permission" for a pipe) never reach the user.
public enum TextFile {
  /// Why a file could not be read as text.
  public struct Unreadable: Error, Equatable, CustomStringConvertible {
    /// What is wrong, as a sentence fragment: "it is a folder, not a file".
    public var reason: String
    /// Where the first byte that is not UTF-8 is, when that is the reason.
    public var location: SourceLocation?

    /// Why, and where when the reason is a place in the file.
    public init(reason: String, location: SourceLocation? = nil) {
      (self.reason, self.location) = (reason, location)
    }

    /// The reason, with its location when it has one.
    public var description: String {
      location.map { "line \($0.line), column \($0.column): \(reason)" } ?? reason
    }
  }

  /// The most ``read(_:limit:)`` reads by default: 1 GiB.
  public static let defaultLimit = 1 << 30

  /// The text of the file at `url`, refused past `limit` bytes (a file in
  /// /proc may claim any size, or none and never end).
  public static func read(_ url: URL, limit: Int = defaultLimit) throws(Unreadable) -> String {
    let path = url.path
    var info = stat()
    guard stat(path, &info) == 0 else { throw Unreadable(reason: reason(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw Unreadable(reason: "it is a folder, not a file")
    case S_IFIFO: throw Unreadable(reason: "it is a named pipe (FIFO), not a regular file")
    case S_IFCHR, S_IFBLK: throw Unreadable(reason: "it is a device, not a regular file")
    case S_IFSOCK: throw Unreadable(reason: "it is a socket, not a regular file")
    default: throw Unreadable(reason: "it is not a regular file")
    }
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw Unreadable(reason: reason(errno)) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(Int(info.st_size), limit))
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { readBytes(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Unreadable(reason: reason(errno))
      }
      if count == 0 { break }
      guard bytes.count + count <= limit else {
        throw Unreadable(
          reason: "it is larger than \(limit >> 20) MiB, the most a scene or data file may be")
      }
      bytes += chunk[0..<count]
    }
    return try text(of: bytes)
  }

  /// `bytes` as UTF-8 text, or where the first byte that is not UTF-8 is.
  public static func text(of bytes: [UInt8]) throws(Unreadable) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    // The first bad byte: the end of the longest valid prefix.
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while case .scalarValue(let scalar) = decoder.decode(&iterator) {
      offset += UTF8.width(scalar)
    }
    let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
    throw Unreadable(
      reason: String(
        format: "byte 0x%02X is not UTF-8 text; save the file as UTF-8", Int(bytes[offset])),
      location: SourceLocation(ofByte: offset, in: prefix[...]))
  }

  /// A sentence fragment for a system error number.
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT: "there is no such file"
    case EACCES, EPERM: "permission denied (you may not read it; see its mode with `ls -l`)"
    case ENOTDIR: "a part of its path is not a folder"
    case ELOOP: "its path has too many symbolic links (a loop?)"
    case ENAMETOOLONG: "its path is too long"
    case EISDIR: "it is a folder, not a file"
    case ENOMEM: "there is not enough memory to read it"
    default: String(cString: strerror(code)).lowercased()
    }
  }
}

/// The system's `read(2)`, named apart from ``TextFile/read(_:)``.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int
{
  read(descriptor, buffer, count)
}
