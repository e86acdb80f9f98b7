/// Where a text box sits along its reading direction relative to the anchor.
public enum TextAlignment: Hashable, Sendable {
  /// The text starts at the anchor.
  case left
  /// The text is centred on the anchor.
  case center
  /// The text ends at the anchor.
  case right
}

/// Where a text box sits across its reading direction relative to the anchor.
public enum VerticalTextAlignment: Hashable, Sendable {
  /// The tops of the capitals touch the anchor.
  case top
  /// The box is centred on the anchor (digits look vertically centred).
  case center
  /// The baseline of the last line passes through the anchor.
  case baseline
}

/// The reading direction of drawn text.
public enum TextOrientation: Hashable, Sendable {
  /// Left to right, the usual way.
  case horizontal
  /// Bottom to top, rotated 90° anticlockwise, as for a y-axis label.
  case upward
}
