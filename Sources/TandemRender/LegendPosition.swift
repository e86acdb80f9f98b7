/// Where a legend box sits: a corner of the plot area, or beside it.
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
  /// To the right of the plot area, outside it (the plot narrows to make
  /// room), so it never covers a curve however many entries it has.
  case outsideRight
}
