import TandemAD

/// A system's springs as the force field reads them: grouped into
/// ``SpringFamilies`` with their stiffnesses and rest lengths in lane order,
/// and the rest (the ``SpringFamilies/others``) as lists in the system's
/// order for the edge loop.
///
/// Families are formed only on scalars whose `Double` components the family
/// kernel reads (``TandemAD/Tape/realComponents``: `Double` and duals over
/// it); on other scalars (nested duals, `Recorded`) every spring is an
/// other. Built with the system, so the lanes always hold its values.
public struct SpringLayout<T: Scalar> {
  /// The families and the springs in none.
  public let families: SpringFamilies
  /// The families' stiffnesses.
  public let laneStiffness: FamilyLaneValues
  /// The families' rest lengths.
  public let laneRestLength: FamilyLaneValues
  /// The ends of the springs in no family.
  public let otherEnds: (first: [Int], second: [Int])
  /// The stiffness of each spring in no family.
  public let otherStiffness: [T]
  /// The rest length of each spring in no family.
  public let otherRestLength: [T]

  /// Lays out springs with `ends`, `stiffness` and `restLength` (one entry
  /// per spring).
  public init(ends: (first: [Int], second: [Int]), stiffness: [T], restLength: [T]) {
    if let components = Tape<T>.realComponents {
      families = SpringFamilies(first: ends.first, second: ends.second)
      laneStiffness = FamilyLaneValues(
        of: stiffness, components: components, families: families)
      laneRestLength = FamilyLaneValues(
        of: restLength, components: components, families: families)
    } else {
      families = SpringFamilies(unfamiliedCount: ends.first.count)
      (laneStiffness, laneRestLength) = (FamilyLaneValues(), FamilyLaneValues())
    }
    let others = families.others
    otherEnds = (others.map { ends.first[$0] }, others.map { ends.second[$0] })
    otherStiffness = others.map { stiffness[$0] }
    otherRestLength = others.map { restLength[$0] }
  }
}
