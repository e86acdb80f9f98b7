/// Doubles per cache line (64 bytes).
public let cacheLineDoubles = 8

/// The doubles from `p` to the next cache-line boundary (0 when on one).
/// Bulk nodes keep the planes their kernels stream over on boundaries
/// (``Tape/reserveSaved(_:)`` does for the saved buffer), so that a 16-lane
/// load covers two lines instead of straddling three.
@inlinable
public func cacheLinePadding(at p: UnsafePointer<Double>) -> Int {
  let misalignment = Int(bitPattern: p) & (cacheLineDoubles * 8 - 1)
  return misalignment == 0 ? 0 : (cacheLineDoubles * 8 - misalignment) / 8
}
