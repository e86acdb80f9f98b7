/// The glyph drawn at a data point or a position of interest.
public enum MarkerShape: Hashable, Sendable, CaseIterable {
  /// A filled disc.
  case disc
  /// An unfilled circle.
  case circle
  /// A filled square.
  case square
  /// A diagonal cross, ×.
  case cross
  /// An upright cross, +.
  case plus
}
