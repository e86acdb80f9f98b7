import Foundation

/// The process's peak resident memory so far.
public enum PeakMemory {
  /// Bytes, from `getrusage` (Linux reports kibibytes).
  public static func residentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024
  }
}
