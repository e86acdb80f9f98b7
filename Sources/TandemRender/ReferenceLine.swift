/// A horizontal dashed line across a ``LinePlot`` at a fixed y value, e.g. a
/// target loss or the true value of a parameter.
public struct ReferenceLine: Sendable, Equatable {
  /// The y value the line marks.
  public var y: Double
  /// A short label written at the right end of the line, above it.
  public var label: String?
  /// The line colour.
  public var color: Color
  /// The line width in pixels.
  public var lineWidth: Double

  /// Creates a reference line at `y`.
  public init(y: Double, label: String? = nil, color: Color = .gray, lineWidth: Double = 1.5) {
    self.y = y
    self.label = label
    self.color = color
    self.lineWidth = lineWidth
  }
}
