/// A system's springs grouped for force loops that run eight springs at a
/// time without gathers: a *family* is every spring whose ends' indices
/// differ by one offset o, and holds one lane per first-end index p in a
/// range (the other end is p + o), so the lanes read both ends' coordinates
/// as contiguous runs. A cloth's structural, shear and bending springs are a
/// handful of families; a spring in no family (an irregular mesh, a
/// pendulum) is one of the ``others``, for the edge loop.
///
/// A spring's ends are swapped where that makes o positive: its energy and
/// the forces on its ends do not depend on which end is first. A lane that
/// holds no spring has ``presence`` 0 and stiffness 0 (``FamilyLaneValues``),
/// so it adds nothing. The grouping depends on the ends only, never on a value.
public struct SpringFamilies: Sendable, Equatable {
  /// One family: the springs p — p + `offset` for lanes p from `start`.
  public struct Family: Sendable, Equatable {
    /// The second end's index minus the first's, at least 1.
    public let offset: Int
    /// The first end's index in lane 0, a multiple of ``SpringFamilies/width``.
    public let start: Int
    /// The number of lanes, a multiple of ``SpringFamilies/width``.
    public let lanes: Int
    /// The family's first lane in ``SpringFamilies/laneSprings``.
    public let base: Int
  }

  /// The lanes a vector holds, and the multiple every family is padded to.
  public static let width = 8
  /// The fewest springs worth a family: one whole vector.
  static let smallestFamily = width

  /// The families, by increasing offset.
  public let families: [Family]
  /// The spring in each lane, family after family, or −1 for an empty lane.
  public let laneSprings: [Int]
  /// The springs in no family, in the system's order.
  public let others: [Int]
  /// 1 for each lane that holds a spring, 0 for an empty lane, in the order
  /// of ``laneSprings``.
  public let presence: [Double]
  /// The largest offset of any family (0 without families).
  public let widestOffset: Int
  /// The most lanes of any family (0 without families).
  public let mostLanes: Int
  /// The largest point index any lane reads, at either end, padding
  /// included (−1 without families): the coordinate streams must reach it.
  public let reach: Int

  /// No families: every one of `count` springs is in ``others``, as for a
  /// scalar the family kernel does not run on.
  public init(unfamiliedCount count: Int) {
    (families, laneSprings, others, presence) = ([], [], Array(0..<count), [])
    (widestOffset, mostLanes, reach) = (0, 0, -1)
  }

  /// Groups the springs with ends `first[s]` and `second[s]`.
  ///
  /// A family is kept when it has at least eight springs and fills at least
  /// half of its lanes; a second spring at the same lane (two springs between
  /// the same particles) stays among the others.
  public init(first: [Int], second: [Int]) {
    precondition(first.count == second.count, "\(first.count) first ends, \(second.count) second")
    var byOffset: [Int: [(low: Int, spring: Int)]] = [:]
    for s in first.indices {
      let (low, high) = (min(first[s], second[s]), max(first[s], second[s]))
      if high > low { byOffset[high - low, default: []].append((low, s)) }
    }
    let width = Self.width
    var families: [Family] = []
    var laneSprings: [Int] = []
    var inFamily = [Bool](repeating: false, count: first.count)
    for offset in byOffset.keys.sorted() {
      let members = byOffset[offset]!
      let lows = members.map(\.low)
      let start = lows.min()! / width * width
      let lanes = (lows.max()! + 1 - start + width - 1) / width * width
      guard members.count >= Self.smallestFamily, 2 * members.count >= lanes else { continue }
      var lane = [Int](repeating: -1, count: lanes)
      for (low, spring) in members where lane[low - start] < 0 {
        lane[low - start] = spring
        inFamily[spring] = true
      }
      families.append(Family(offset: offset, start: start, lanes: lanes, base: laneSprings.count))
      laneSprings += lane
    }
    self.families = families
    self.laneSprings = laneSprings
    others = first.indices.filter { !inFamily[$0] }
    presence = laneSprings.map { $0 < 0 ? 0 : 1 }
    widestOffset = families.map(\.offset).max() ?? 0
    mostLanes = families.map(\.lanes).max() ?? 0
    reach = families.map { $0.start + $0.lanes - 1 + $0.offset }.max() ?? -1
  }

}
