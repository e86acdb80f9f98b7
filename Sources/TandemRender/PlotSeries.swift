/// One curve of a ``LinePlot``: points joined by a line, optionally marked.
///
/// Non-finite y values (and, on a log axis, values ≤ 0) break the line
/// rather than being drawn. Colour alpha makes a series translucent, which is
/// how many overlaid curves stay readable (see ``LinePlot/addProgression(_:x:color:name:)``).
public struct PlotSeries: Sendable, Equatable {
  /// The legend entry; unnamed series are left out of the legend.
  public var name: String?
  /// Horizontal positions, one per y value.
  public var x: [Double]
  /// Vertical positions.
  public var y: [Double]
  /// Line and marker colour, including its alpha.
  public var color: Color
  /// Line width in pixels; 0 draws markers only.
  public var lineWidth: Double
  /// The marker drawn at each point, or nil for none.
  public var marker: MarkerShape?
  /// Marker size in pixels.
  public var markerSize: Double
  /// Whether the line is dashed, which tells apart series that share a colour.
  public var dashed = false

  /// Creates a series from matching x and y values (extra values of the
  /// longer array are ignored).
  public init(
    name: String? = nil, x: [Double], y: [Double], color: Color, lineWidth: Double = 2,
    marker: MarkerShape? = nil, markerSize: Double = 7
  ) {
    self.name = name
    self.x = x
    self.y = y
    self.color = color
    self.lineWidth = lineWidth
    self.marker = marker
    self.markerSize = markerSize
  }

  /// Creates a series plotted against its index, x = 0, 1, 2, …
  /// (iterations, epochs, steps).
  public init(
    name: String? = nil, y: [Double], color: Color, lineWidth: Double = 2,
    marker: MarkerShape? = nil, markerSize: Double = 7
  ) {
    self.init(
      name: name, x: y.indices.map(Double.init), y: y, color: color, lineWidth: lineWidth,
      marker: marker, markerSize: markerSize)
  }

  /// The (x, y) pairs, up to the shorter array's length.
  var points: [(x: Double, y: Double)] {
    Array(zip(x, y))
  }
}
