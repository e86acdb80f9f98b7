/// A rectangle of a ``LinePlot`` filled in data coordinates, under the
/// curves: one cell of a heat map.
public struct PlotCell: Sendable, Equatable {
  /// The x values it covers.
  public var x: ClosedRange<Double>
  /// The y values it covers.
  public var y: ClosedRange<Double>
  /// Its colour.
  public var color: Color

  /// A cell over `x` × `y` in `color`.
  public init(x: ClosedRange<Double>, y: ClosedRange<Double>, color: Color) {
    (self.x, self.y, self.color) = (x, y, color)
  }
}
