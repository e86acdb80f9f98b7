import Testing
import TandemRender

@Suite struct LinePlotTests {
  let red = Pixel(red: 255, green: 0, blue: 0)
  let green = Pixel(red: 0, green: 255, blue: 0)
  let blue = Pixel(red: 0, green: 0, blue: 255)

  /// Three flat, opaque, 3-pixel-wide series in pure colours at the given heights.
  func flatLines(_ heights: [Double], scale: AxisScale, yRange: ClosedRange<Double>?) -> Canvas {
    var plot = LinePlot(title: "Flat", xLabel: "step", yLabel: "value", yScale: scale)
    plot.yRange = yRange
    plot.legend = nil
    let colors = [Color(hex: 0xFF0000), Color(hex: 0x00FF00), Color(hex: 0x0000FF)]
    for (height, color) in zip(heights, colors) {
      plot.add(PlotSeries(y: Array(repeating: height, count: 20), color: color, lineWidth: 3))
    }
    return plot.render(size: PixelSize(width: 400, height: 300))
  }

  /// The middle row of the pixels of `color` in column `x`.
  func row(of color: Pixel, in canvas: Canvas, column x: Int) -> Double? {
    let rows = canvas.rows(inColumn: x, matching: color)
    guard let first = rows.first, let last = rows.last else { return nil }
    return Double(first + last) / 2
  }

  @Test func renderHasTheRequestedSize() {
    let canvas = LinePlot().render(size: PixelSize(width: 321, height: 123))
    #expect(canvas.width == 321 && canvas.height == 123)
  }

  @Test func linearAxisSpacesEqualDifferencesEqually() throws {
    let canvas = flatLines([2.5, 5, 7.5], scale: .linear, yRange: 0...10)
    let r = try #require(row(of: red, in: canvas, column: 200))
    let g = try #require(row(of: green, in: canvas, column: 200))
    let b = try #require(row(of: blue, in: canvas, column: 200))
    #expect(r > g && g > b)  // larger values are higher up
    #expect(abs((r - g) - (g - b)) <= 1)
    #expect(r - g > 40)
  }

  @Test func logAxisSpacesEqualRatiosEqually() throws {
    let canvas = flatLines([0.01, 0.1, 1], scale: .log10, yRange: nil)
    let r = try #require(row(of: red, in: canvas, column: 200))
    let g = try #require(row(of: green, in: canvas, column: 200))
    let b = try #require(row(of: blue, in: canvas, column: 200))
    #expect(abs((r - g) - (g - b)) <= 1)
    #expect(r - g > 40)
  }

  /// A heat map's cells: each fills its own part of the plot, in order of
  /// its values, and two neighbours meet without a seam of background.
  @Test func cellsFillTheirRangesAndMeetWithoutASeam() throws {
    var plot = LinePlot(xScale: .log10)
    plot.legend = nil
    plot.showsGrid = false
    plot.cells = [
      PlotCell(x: 1...10, y: 0...1, color: Color(hex: 0xFF0000)),
      PlotCell(x: 10...100, y: 0...1, color: Color(hex: 0x0000FF)),
    ]
    let canvas = plot.render(size: PixelSize(width: 400, height: 300))
    let y = canvas.height / 2
    let reds = (0..<canvas.width).filter { canvas.pixel(atX: $0, y: y) == red }
    let blues = (0..<canvas.width).filter { canvas.pixel(atX: $0, y: y) == blue }
    let (lastRed, firstBlue) = (try #require(reds.last), try #require(blues.first))
    #expect(lastRed + 1 == firstBlue, "a seam between the cells")
    // Equal decades on the log axis: equal widths, to a pixel.
    #expect(abs(reds.count - blues.count) <= 1)
    #expect(reds.count == lastRed - reds.first! + 1 && blues.count == blues.last! - firstBlue + 1)
    // The cells set the range: they fill the plot from edge to edge.
    #expect(reds.count + blues.count > canvas.width / 2)
  }

  @Test func logAxisSkipsNonPositiveValues() {
    var plot = LinePlot(yScale: .log10)
    plot.add(PlotSeries(y: [1, 0.5, 0, -2, 0.1, 0.05], color: Color(hex: 0xFF0000), lineWidth: 3))
    plot.add(PlotSeries(y: [0, -1], color: Color(hex: 0x0000FF), lineWidth: 3))
    let canvas = plot.render(size: PixelSize(width: 400, height: 300))
    let inked = canvas.inkedPixels(background: Pixel(red: 255, green: 255, blue: 255))
    #expect(inked.contains { canvas.pixel(atX: $0.x, y: $0.y) == red })
    #expect(!inked.contains { canvas.pixel(atX: $0.x, y: $0.y) == blue })
  }

  @Test func titleAndLabelsInkTheMargins() {
    var plot = LinePlot(title: "Loss", xLabel: "step", yLabel: "loss")
    plot.add(PlotSeries(y: [3, 2, 1], color: .blue))
    let canvas = plot.render(size: PixelSize(width: 400, height: 300))
    let white = Pixel(red: 255, green: 255, blue: 255)
    let ink = canvas.inkedPixels(background: white)
    #expect(ink.contains { $0.y < 12 })  // title band
    #expect(ink.contains { $0.x < 12 })  // y label band
    #expect(ink.contains { $0.y > 285 })  // x label band
  }

  @Test func progressionFadesFromFaintToBold() {
    var plot = LinePlot()
    plot.addProgression([[1, 2], [2, 3], [3, 4]], color: .blue, name: "runs")
    #expect(plot.series.count == 3)
    #expect(plot.series[0].color.alpha < plot.series[1].color.alpha)
    #expect(plot.series[2].color.alpha == 1)
    #expect(plot.series[0].lineWidth < plot.series[2].lineWidth)
    #expect(plot.series.map(\.name) == [nil, nil, "runs"])
  }

  @Test func referenceLineIsDashed() {
    var plot = LinePlot()
    plot.yRange = 0...2
    plot.legend = nil
    plot.showsGrid = false
    plot.referenceLines.append(ReferenceLine(y: 1, color: Color(hex: 0xFF0000), lineWidth: 3))
    let canvas = plot.render(size: PixelSize(width: 400, height: 300))
    let reds = (0..<canvas.width).filter { x in
      (0..<canvas.height).contains { canvas.pixel(atX: x, y: $0) == red }
    }
    // Dashes and gaps: several separate runs of red columns.
    let runs = zip(reds, reds.dropFirst()).filter { $1 != $0 + 1 }.count + 1
    #expect(runs > 10)
  }
}

/// A legend beside the plot covers no curve: every one of many horizontal
/// lines keeps its whole length, where a legend in a corner cut the top ones.
@Suite struct OutsideLegendTests {
  func plot(_ legend: LegendPosition) -> LinePlot {
    var plot = LinePlot(title: "legend")
    for k in 0..<8 {
      plot.add(
        PlotSeries(
          name: "series number \(k): a long name", x: [0, 1], y: [Double(k), Double(k)],
          color: Color.palette[k], lineWidth: 3))
    }
    plot.legend = legend
    return plot
  }

  /// The number of pixels of exactly `color` in the row where it is most common.
  func longestRow(of color: Color, in canvas: Canvas) -> Int {
    let pixel = color.pixel
    var best = 0
    for y in 0..<canvas.height {
      var count = 0
      for x in 0..<canvas.width where canvas.pixel(atX: x, y: y) == pixel { count += 1 }
      best = max(best, count)
    }
    return best
  }

  @Test func noCurveIsCovered() {
    for (legend, covers) in [(LegendPosition.outsideRight, false), (.topRight, true)] {
      let canvas = plot(legend).render(size: PixelSize(width: 900, height: 600))
      let lengths = (0..<8).map { longestRow(of: Color.palette[$0], in: canvas) }
      let longest = lengths.max()!
      let cut = lengths.filter { Double($0) < 0.9 * Double(longest) }.count
      #expect((cut > 0) == covers, "\(legend): row lengths \(lengths)")
    }
  }
}
