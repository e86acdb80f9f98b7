/// The corner of the plot area a legend box sits in.
public enum LegendPosition: Hashable, Sendable, CaseIterable {
  /// Whichever corner covers the fewest data points (upper right on a tie).
  case automatic
  /// Upper right.
  case topRight
  /// Upper left.
  case topLeft
  /// Lower right.
  case bottomRight
  /// Lower left.
  case bottomLeft
}
