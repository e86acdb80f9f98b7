import TandemAD
import Foundation

/// The process's peak resident memory, and a way to measure it afresh for
/// one piece of work (so `tandem check` can report each route's own peak
/// without running it in a process of its own).
public enum PeakMemory {
  /// Bytes: the kernel's high-water mark VmHWM from `/proc/self/status`
  /// (which ``resetPeak()`` resets), or `getrusage`'s maximum resident set
  /// where that file cannot be read.
  public static func residentBytes() -> Int {
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "")
    {
      return kibibytes * 1024
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024  // Linux reports kibibytes
  }

  /// Returns freed heap memory to the system, then resets the high-water
  /// mark to the current resident size (Linux: `5` written to
  /// `/proc/self/clear_refs`), so that a following ``residentBytes()`` is
  /// the peak of what runs in between. Returns false where the mark cannot
  /// be reset; ``residentBytes()`` is then the peak since the process began.
  @discardableResult
  public static func resetPeak() -> Bool {
    trimHeap()
    guard let file = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
    defer { try? file.close() }
    return (try? file.write(contentsOf: Data("5".utf8))) != nil
  }

  /// glibc's `malloc_trim(0)`, looked up at run time (Swift's Glibc module
  /// does not declare it); nothing where it is missing.
  static func trimHeap() {
    guard let symbol = dlsym(nil, "malloc_trim") else { return }
    typealias Trim = @convention(c) (Int) -> Int32
    _ = unsafeBitCast(symbol, to: Trim.self)(0)
  }
}
