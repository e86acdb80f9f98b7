/// A coordinate axis: x and z horizontal, y vertical and pointing up (the
/// ground is the plane y = height). A 2-D scene has x and y only.
public enum Axis: String, Sendable, CaseIterable {
  /// The first horizontal axis.
  case x
  /// The vertical axis, pointing up.
  case y
  /// The second horizontal axis, in 3-D only.
  case z

  /// The axis's position in a vector: 0, 1 or 2.
  @inlinable
  public var index: Int {
    switch self {
    case .x: 0
    case .y: 1
    case .z: 2
    }
  }

  /// The axes of a space of `dimension` (2 or 3) dimensions, in order.
  public static func axes(of dimension: Int) -> ArraySlice<Axis> { allCases.prefix(dimension) }
}
