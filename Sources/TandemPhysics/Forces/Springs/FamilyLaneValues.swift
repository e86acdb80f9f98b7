/// A per-spring quantity (stiffness, rest length) laid out for the family
/// kernel: for each of the ``SpringFamilies/families``, either one value
/// that every spring of the family shares, or one per lane.
///
/// A value is a scalar's `Double` components (the value, then the
/// tangents). Per lane, component j of lane l is at `start + j·lanes + l`,
/// and an empty lane holds 0. A shared value is `components` doubles at
/// `start`; the kernel multiplies it by the lanes' ``SpringFamilies/presence``,
/// so an empty lane gets 0 all the same. Sharing is decided by comparing
/// every component bit for bit, so it is exact: a cloth's families each share
/// one stiffness and one rest length, and the kernel then reads two values
/// per family instead of two per spring.
public struct FamilyLaneValues: Sendable {
  /// The doubles of every family, family after family.
  public let doubles: [Double]
  /// For each family, where its values start in ``doubles``.
  public let starts: [Int]
  /// For each family, whether all its springs share one value.
  public let isShared: [Bool]

  /// Lays out `values` (one per spring, each `components` contiguous
  /// doubles) for `families`.
  public init<T>(of values: [T], components: Int, families: SpringFamilies) {
    precondition(
      MemoryLayout<T>.stride == components * MemoryLayout<Double>.stride,
      "\(T.self) is not \(components) doubles")
    var doubles: [Double] = []
    var starts: [Int] = []
    var isShared: [Bool] = []
    values.withUnsafeBytes { raw in
      let all = raw.assumingMemoryBound(to: Double.self)
      func value(of spring: Int) -> Slice<UnsafeBufferPointer<Double>> {
        all[(components * spring)..<(components * (spring + 1))]
      }
      for family in families.families {
        let springs = families.laneSprings[family.base..<(family.base + family.lanes)]
        let present = springs.filter { $0 >= 0 }
        let first = value(of: present[0])
        let shared = present.allSatisfy { spring in
          zip(value(of: spring), first).allSatisfy { $0.bitPattern == $1.bitPattern }
        }
        starts.append(doubles.count)
        isShared.append(shared)
        if shared {
          doubles += first
          continue
        }
        var lanes = [Double](repeating: 0, count: components * family.lanes)
        for (lane, spring) in springs.enumerated() where spring >= 0 {
          for (j, value) in value(of: spring).enumerated() {
            lanes[j * family.lanes + lane] = value
          }
        }
        doubles += lanes
      }
    }
    (self.doubles, self.starts, self.isShared) = (doubles, starts, isShared)
  }

  /// No values, for a layout without families.
  public init() { (doubles, starts, isShared) = ([], [], []) }
}
