import CAllocationCounter

/// Heap allocations counted by the CAllocationCounter target, which
/// interposes malloc and friends (forwarding each call to glibc unchanged).
public enum AllocationCounting {
  /// Whether counts mean anything: the interposer is supported on this
  /// platform *and* the process's allocations actually reach it (an
  /// allocation made from Swift moves the counter).
  public static let isActive: Bool = {
    guard tandem_allocation_counter_is_supported() != 0 else { return false }
    let before = tandem_allocation_counts_this_thread().allocations
    let probe = [Int](repeating: 7, count: 64)
    let after = tandem_allocation_counts_this_thread().allocations
    return probe.count == 64 && after > before
  }()

  /// Allocations made by the calling thread so far (exact even while other
  /// threads allocate).
  public static var allocationsOnThisThread: UInt64 {
    tandem_allocation_counts_this_thread().allocations
  }

  /// Runs `body` and returns how many heap allocations the calling thread
  /// made during it, or `nil` when counting is not active.
  public static func allocations(during body: () throws -> Void) rethrows -> UInt64? {
    guard isActive else {
      try body()
      return nil
    }
    let before = allocationsOnThisThread
    try body()
    return allocationsOnThisThread - before
  }
}
