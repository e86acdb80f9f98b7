import RealModule
/// A coordinate axis of the plane.
public enum Axis: String, Sendable, CaseIterable {
  /// The horizontal axis.
  case x
  /// The vertical axis, pointing up.
  case y
}
