/// A chart of curves against shared axes, rendered to a ``Canvas``: loss
/// curves, parameter trajectories, energy over time.
///
/// ```swift
/// var plot = LinePlot(title: "Training loss", xLabel: "outer step", yLabel: "loss",
///                     yScale: .log10)
/// plot.add(PlotSeries(name: "Adam", y: adamLosses, color: .blue))
/// plot.add(PlotSeries(name: "SGD", y: sgdLosses, color: .orange, marker: .disc))
/// plot.referenceLines.append(ReferenceLine(y: 1e-3, label: "target"))
/// try plot.render(size: PixelSize(width: 800, height: 600)).writePNG(to: url)
/// ```
///
/// Axis ranges default to the data (with a small margin) and can be fixed
/// with ``xRange`` and ``yRange``. Ticks are "nice" values (see ``AxisTicks``),
/// thinned until their labels do not overlap.
public struct LinePlot: Sendable, Equatable {
  /// The title above the plot; empty for none.
  public var title: String
  /// The label under the x axis; empty for none.
  public var xLabel: String
  /// The label beside the y axis, drawn reading upwards; empty for none.
  public var yLabel: String
  /// How x values are spaced.
  public var xScale: AxisScale
  /// How y values are spaced.
  public var yScale: AxisScale
  /// A fixed x range, or nil to fit the data.
  public var xRange: ClosedRange<Double>?
  /// A fixed y range, or nil to fit the data and reference lines.
  public var yRange: ClosedRange<Double>?
  /// The curves, drawn in order (later ones on top).
  public var series: [PlotSeries]
  /// Horizontal dashed lines, drawn under the curves.
  public var referenceLines: [ReferenceLine]
  /// Filled rectangles, drawn first (a heat map's cells).
  public var cells: [PlotCell] = []
  /// Where the legend goes, or nil for no legend. It is drawn only when at
  /// least one series has a name.
  public var legend: LegendPosition?
  /// Whether grid lines are drawn at the ticks.
  public var showsGrid: Bool
  /// Colours and text size.
  public var style: PlotStyle

  /// Creates an empty plot.
  public init(
    title: String = "", xLabel: String = "", yLabel: String = "",
    xScale: AxisScale = .linear, yScale: AxisScale = .linear, style: PlotStyle = .light
  ) {
    self.title = title
    self.xLabel = xLabel
    self.yLabel = yLabel
    self.xScale = xScale
    self.yScale = yScale
    self.xRange = nil
    self.yRange = nil
    self.series = []
    self.referenceLines = []
    self.legend = .automatic
    self.showsGrid = true
    self.style = style
  }

  /// Appends a series.
  public mutating func add(_ series: PlotSeries) {
    self.series.append(series)
  }

  /// Appends curves that show a progression, from faint and thin (the first)
  /// to opaque and bold (the last) — e.g. the loss curve of every outer
  /// iteration of a tuning run. Only the last curve carries `name` into the
  /// legend.
  ///
  /// - Parameters:
  ///   - curves: The y values of each curve, oldest first.
  ///   - x: Shared x values, or nil to plot each curve against its index.
  public mutating func addProgression(
    _ curves: [[Double]], x: [Double]? = nil, color: Color, name: String? = nil
  ) {
    for (index, values) in curves.enumerated() {
      let progress = curves.count > 1 ? Double(index) / Double(curves.count - 1) : 1
      let isLast = index == curves.count - 1
      let faded = color.withAlpha(color.alpha * (0.12 + 0.88 * progress * progress))
      let width = isLast ? 2.5 : 1 + 0.8 * progress
      add(
        PlotSeries(
          name: isLast ? name : nil, x: x ?? values.indices.map(Double.init), y: values,
          color: faded, lineWidth: width))
    }
  }
}
