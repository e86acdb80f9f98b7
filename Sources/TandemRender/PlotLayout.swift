/// Where everything of a ``LinePlot`` goes in an image of a given size.
///
/// Margins are measured from the text they hold, in an order that resolves
/// their dependencies: the vertical margins fix the plot height, which fixes
/// the y ticks, whose widest label fixes the left margin, which fixes the
/// plot width and so the x ticks.
struct PlotLayout {
  let textScale: Int
  let titleScale: Int
  let padding: Double
  let tickLength: Double
  let tickGap: Double
  let plotRect: PixelRect
  let x: PlotAxis
  let y: PlotAxis

  init(plot: LinePlot, size: PixelSize) {
    let s =
      plot.style.textScale
      ?? Int(min(Double(size.width) / 380, Double(size.height) / 280).rounded())
    textScale = max(s, 1)
    padding = Double(6 * textScale)
    let titleWidth = Double(BitmapFont.size(of: plot.title, scale: textScale + 1).width)
    titleScale = titleWidth <= Double(size.width) - 2 * padding ? textScale + 1 : textScale
    tickLength = Double(3 * textScale)
    tickGap = Double(3 * textScale)
    let textHeight = Double(BitmapFont.capHeight * textScale)
    let width = Double(size.width)
    let height = Double(size.height)

    var top =
      plot.title.isEmpty
      ? padding + textHeight / 2
      : padding + Double(BitmapFont.capHeight * titleScale) + 1.5 * padding
    top = top.rounded()
    var bottom = tickLength + tickGap + textHeight + padding
    if !plot.xLabel.isEmpty { bottom += textHeight + padding }
    bottom = bottom.rounded()
    let plotTop = top
    let plotBottom = max(height - bottom, plotTop + 1)

    let scale = textScale
    func textWidth(_ text: String) -> Double {
      Double(BitmapFont.size(of: text, scale: scale).width)
    }

    var yAxis = PlotAxis(scale: plot.yScale, range: plot.shownYRange())
    yAxis.lowPixel = plotBottom
    yAxis.highPixel = plotTop
    yAxis.chooseTicks(
      maxCount: max(2, Int((plotBottom - plotTop) / (textHeight * 3.5))), gap: textHeight,
      extent: { _ in textHeight })
    let widestYLabel = yAxis.labels.map(textWidth).max() ?? 0

    var left = padding + widestYLabel + tickGap + tickLength
    if !plot.yLabel.isEmpty { left += textHeight + padding }
    left = left.rounded()

    // The last x tick label may stick out past the plot's right edge: leave
    // room for half of the widest label the range's end could produce.
    var xAxis = PlotAxis(scale: plot.xScale, range: plot.shownXRange())
    var right = padding
    if plot.legend == .outsideRight {
      let legend = plot.legendWidth(scale: scale)
      if legend > 0 { right += legend + Double(6 * scale) }
    }
    for _ in 0..<2 {
      xAxis.lowPixel = left
      xAxis.highPixel = max(width - right, left + 1)
      xAxis.chooseTicks(
        maxCount: max(2, Int((xAxis.highPixel - left) / Double(45 * scale))),
        gap: Double(4 * BitmapFont.advance * scale), extent: textWidth)
      guard let last = xAxis.ticks.last, let label = xAxis.labels.last else { break }
      let overhang = xAxis.pixel(for: last) + textWidth(label) / 2 - (width - padding / 2)
      if overhang <= 0 { break }
      right = (right + overhang).rounded(.up)
    }
    x = xAxis
    y = yAxis
    plotRect = PixelRect(
      minX: left, minY: plotTop, maxX: xAxis.highPixel.rounded(), maxY: plotBottom.rounded())
  }

  /// The pixel position of the data point (x, y), NaN where an axis cannot show it.
  func pixel(x value: Double, y other: Double) -> Point {
    Point(x: x.pixel(for: value), y: y.pixel(for: other))
  }
}
