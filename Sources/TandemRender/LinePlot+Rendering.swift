extension LinePlot {
  /// Draws the plot into a new canvas of `size`.
  ///
  /// Sizes from about 320 × 240 upwards give readable results; text scales
  /// with the image unless ``PlotStyle/textScale`` fixes it.
  public func render(size: PixelSize) -> Canvas {
    var canvas = Canvas(size: size, background: style.background)
    let layout = PlotLayout(plot: self, size: size)
    let area = layout.plotRect
    if showsGrid { drawGrid(on: &canvas, layout: layout) }
    canvas.withClip(to: area) { canvas in
      for cell in cells { draw(cell, on: &canvas, layout: layout) }
      for line in referenceLines { drawReferenceLine(line, on: &canvas, layout: layout) }
      for entry in series { draw(entry, on: &canvas, layout: layout) }
    }
    drawFrameAndTicks(on: &canvas, layout: layout)
    drawLabels(on: &canvas, layout: layout)
    if let legend { drawLegend(at: legend, on: &canvas, layout: layout) }
    return canvas
  }

  /// `value` moved to the nearest pixel centre, for crisp one-pixel lines.
  static func crisp(_ value: Double) -> Double { value.rounded(.down) + 0.5 }

  private func drawGrid(on canvas: inout Canvas, layout: PlotLayout) {
    let area = layout.plotRect
    for value in layout.x.minorTicks {
      let px = Self.crisp(layout.x.pixel(for: value))
      canvas.drawLine(from: Point(px, area.minY), to: Point(px, area.maxY), color: style.minorGrid)
    }
    for value in layout.y.minorTicks {
      let py = Self.crisp(layout.y.pixel(for: value))
      canvas.drawLine(from: Point(area.minX, py), to: Point(area.maxX, py), color: style.minorGrid)
    }
    for value in layout.x.ticks {
      let px = Self.crisp(layout.x.pixel(for: value))
      canvas.drawLine(from: Point(px, area.minY), to: Point(px, area.maxY), color: style.grid)
    }
    for value in layout.y.ticks {
      let py = Self.crisp(layout.y.pixel(for: value))
      canvas.drawLine(from: Point(area.minX, py), to: Point(area.maxX, py), color: style.grid)
    }
  }

  private func drawReferenceLine(_ line: ReferenceLine, on canvas: inout Canvas, layout: PlotLayout)
  {
    let py = layout.y.pixel(for: line.y)
    guard py.isFinite else { return }
    let area = layout.plotRect
    let s = Double(layout.textScale)
    canvas.drawDashedLine(
      from: Point(area.minX, py), to: Point(area.maxX, py), color: line.color,
      width: line.lineWidth, dash: 5 * s, gap: 3 * s)
    if let label = line.label, !label.isEmpty {
      // Above the line, or below it when the plot's top edge is too close.
      let clearance = line.lineWidth / 2 + 3 * s
      let above = py - clearance - Double(BitmapFont.capHeight * layout.textScale) >= area.minY + s
      canvas.drawText(
        label, at: Point(area.maxX - 3 * s, above ? py - clearance : py + clearance),
        color: line.color, scale: layout.textScale, alignment: .right,
        verticalAlignment: above ? .baseline : .top)
    }
  }

  private func draw(_ cell: PlotCell, on canvas: inout Canvas, layout: PlotLayout) {
    let low = layout.pixel(x: cell.x.lowerBound, y: cell.y.lowerBound)
    let high = layout.pixel(x: cell.x.upperBound, y: cell.y.upperBound)
    guard low.x.isFinite, low.y.isFinite, high.x.isFinite, high.y.isFinite else { return }
    // Whole pixels, so that neighbouring cells meet without a seam.
    canvas.fillRect(
      PixelRect(
        minX: min(low.x, high.x).rounded(), minY: min(low.y, high.y).rounded(),
        maxX: max(low.x, high.x).rounded(), maxY: max(low.y, high.y).rounded()), color: cell.color)
  }

  private func draw(_ entry: PlotSeries, on canvas: inout Canvas, layout: PlotLayout) {
    let points = entry.points.map { layout.pixel(x: $0.x, y: $0.y) }
    if entry.lineWidth > 0 && entry.dashed {
      let s = Double(layout.textScale)
      for (a, b) in zip(points, points.dropFirst())
      where a.x.isFinite && a.y.isFinite && b.x.isFinite && b.y.isFinite {
        canvas.drawDashedLine(
          from: a, to: b, color: entry.color, width: entry.lineWidth, dash: 6 * s, gap: 4 * s)
      }
    } else if entry.lineWidth > 0 {
      canvas.drawPolyline(points, color: entry.color, width: entry.lineWidth)
    }
    if let marker = entry.marker {
      for point in points where point.x.isFinite && point.y.isFinite {
        canvas.drawMarker(marker, at: point, size: entry.markerSize, color: entry.color)
      }
    }
  }

  private func drawFrameAndTicks(on canvas: inout Canvas, layout: PlotLayout) {
    let area = layout.plotRect
    canvas.strokeRect(area.insetBy(-0.5), color: style.axis, width: 1)
    for value in layout.x.ticks {
      let px = Self.crisp(layout.x.pixel(for: value))
      canvas.drawLine(
        from: Point(px, area.maxY), to: Point(px, area.maxY + layout.tickLength), color: style.axis)
    }
    for value in layout.y.ticks {
      let py = Self.crisp(layout.y.pixel(for: value))
      canvas.drawLine(
        from: Point(area.minX - layout.tickLength, py), to: Point(area.minX, py), color: style.axis)
    }
  }

  private func drawLabels(on canvas: inout Canvas, layout: PlotLayout) {
    let area = layout.plotRect
    let s = layout.textScale
    let labelTop = area.maxY + layout.tickLength + layout.tickGap
    for (value, label) in zip(layout.x.ticks, layout.x.labels) {
      canvas.drawText(
        label, at: Point(layout.x.pixel(for: value), labelTop), color: style.text, scale: s,
        alignment: .center)
    }
    for (value, label) in zip(layout.y.ticks, layout.y.labels) {
      canvas.drawText(
        label,
        at: Point(area.minX - layout.tickLength - layout.tickGap, layout.y.pixel(for: value)),
        color: style.text, scale: s, alignment: .right, verticalAlignment: .center)
    }
    if !xLabel.isEmpty {
      let top = labelTop + Double(BitmapFont.capHeight * s) + layout.padding
      let text = BitmapFont.truncated(xLabel, toWidth: area.width, scale: s)
      canvas.drawText(
        text, at: Point(area.center.x, top), color: style.text, scale: s, alignment: .center)
    }
    if !yLabel.isEmpty {
      let text = BitmapFont.truncated(yLabel, toWidth: area.height, scale: s)
      canvas.drawText(
        text, at: Point(layout.padding, area.center.y), color: style.text, scale: s,
        alignment: .center, verticalAlignment: .top, orientation: .upward)
    }
    if !title.isEmpty {
      let width = Double(canvas.width) - 2 * layout.padding
      let text = BitmapFont.truncated(title, toWidth: width, scale: layout.titleScale)
      // Centred over the plot area, but shifted if that would cut it off.
      let half = Double(BitmapFont.size(of: text, scale: layout.titleScale).width) / 2
      let centre = min(
        max(area.center.x, layout.padding + half), Double(canvas.width) - layout.padding - half)
      canvas.drawText(
        text, at: Point(centre, layout.padding), color: style.text,
        scale: layout.titleScale, alignment: .center)
    }
  }
}
