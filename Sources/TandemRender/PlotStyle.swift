/// Colours and text size of a ``LinePlot``.
public struct PlotStyle: Sendable, Equatable {
  /// The whole image's background.
  public var background: Color
  /// Titles, axis labels, tick labels and legend text.
  public var text: Color
  /// The frame around the plot area and the tick marks.
  public var axis: Color
  /// Grid lines at the major ticks.
  public var grid: Color
  /// Grid lines at minor ticks (log axes).
  public var minorGrid: Color
  /// The legend box's fill (usually slightly translucent).
  public var legendBackground: Color
  /// The legend box's border.
  public var legendBorder: Color
  /// The integer scale of tick labels, axis labels and legend text; the title
  /// is one step larger when it fits. nil picks one from the image size
  /// (1 at 400 × 300, 2 at 800 × 600, 4 at 1600 × 1200).
  public var textScale: Int?

  /// Creates a style; every colour must be given.
  public init(
    background: Color, text: Color, axis: Color, grid: Color, minorGrid: Color,
    legendBackground: Color, legendBorder: Color, textScale: Int? = nil
  ) {
    self.background = background
    self.text = text
    self.axis = axis
    self.grid = grid
    self.minorGrid = minorGrid
    self.legendBackground = legendBackground
    self.legendBorder = legendBorder
    self.textScale = textScale
  }

  /// Dark text on white with a light grey grid.
  public static let light = PlotStyle(
    background: .white, text: Color(white: 0.12), axis: Color(white: 0.3),
    grid: Color(white: 0.88), minorGrid: Color(white: 0.95),
    legendBackground: Color(white: 1, alpha: 0.88), legendBorder: Color(white: 0.75))

  /// Light text on a near-black background with a dim grid.
  public static let dark = PlotStyle(
    background: Color(hex: 0x16181D), text: Color(white: 0.9), axis: Color(white: 0.65),
    grid: Color(white: 0.25), minorGrid: Color(white: 0.18),
    legendBackground: Color(hex: 0x16181D, alpha: 0.88), legendBorder: Color(white: 0.4))
}
