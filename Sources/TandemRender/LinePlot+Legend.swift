extension LinePlot {
  /// Draws a box listing the named series (line sample, marker, name) in the
  /// `position` corner of the plot area. Does nothing if no series is named.
  func drawLegend(at position: LegendPosition, on canvas: inout Canvas, layout: PlotLayout) {
    let entries = series.filter { !($0.name ?? "").isEmpty }
    guard !entries.isEmpty else { return }
    let s = layout.textScale
    let unit = Double(s)
    let inset = 4 * unit
    let sampleLength = 12 * unit
    let rowHeight = Double(BitmapFont.lineHeight * s) + 2 * unit
    let textWidth = entries.map { Double(BitmapFont.size(of: $0.name!, scale: s).width) }.max()!
    let boxWidth = (inset + sampleLength + inset + textWidth + inset).rounded(.up)
    let boxHeight = (Double(entries.count) * rowHeight + inset).rounded(.up)
    let area = layout.plotRect
    let margin = 6 * unit
    func box(at corner: LegendPosition) -> PixelRect {
      let isLeft = corner == .topLeft || corner == .bottomLeft
      let isTop = corner == .topLeft || corner == .topRight || corner == .automatic
      let left = isLeft ? area.minX + margin : area.maxX - margin - boxWidth
      let top = isTop ? area.minY + margin : area.maxY - margin - boxHeight
      return PixelRect(x: left, y: top, width: boxWidth, height: boxHeight)
    }
    let box = box(
      at: position == .automatic ? leastCrowdedCorner(layout: layout, box: box) : position)
    let left = box.minX
    let top = box.minY
    canvas.fillRect(box, color: style.legendBackground)
    canvas.strokeRect(box.insetBy(0.5), color: style.legendBorder, width: 1)
    for (row, entry) in entries.enumerated() {
      let centreY = top + inset / 2 + (Double(row) + 0.5) * rowHeight
      let sampleStart = Point(left + inset, centreY)
      let sampleEnd = Point(left + inset + sampleLength, centreY)
      // Legends show the colour at full strength so faint series stay findable.
      let color = entry.color.withAlpha(max(entry.color.alpha, 0.85))
      if entry.lineWidth > 0 {
        canvas.drawLine(from: sampleStart, to: sampleEnd, color: color, width: entry.lineWidth)
      }
      if let marker = entry.marker {
        canvas.drawMarker(
          marker, at: Point((sampleStart.x + sampleEnd.x) / 2, centreY), size: entry.markerSize,
          color: color)
      }
      canvas.drawText(
        entry.name!, at: Point(sampleEnd.x + inset, centreY), color: style.text, scale: s,
        verticalAlignment: .center)
    }
  }

  /// The corner whose legend box would hide the fewest data points, counting
  /// the points of every series and the midpoints between them.
  private func leastCrowdedCorner(layout: PlotLayout, box: (LegendPosition) -> PixelRect)
    -> LegendPosition
  {
    let corners: [LegendPosition] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
    var hidden = [Int](repeating: 0, count: corners.count)
    let boxes = corners.map(box)
    for entry in series {
      let points = entry.points.map { layout.pixel(x: $0.x, y: $0.y) }
      var samples = points
      for (a, b) in zip(points, points.dropFirst()) {
        samples.append(Point((a.x + b.x) / 2, (a.y + b.y) / 2))
      }
      for point in samples where point.x.isFinite && point.y.isFinite {
        for (index, rect) in boxes.enumerated() where rect.insetBy(-4).contains(point) {
          hidden[index] += 1
        }
      }
    }
    let best = hidden.indices.min { hidden[$0] < hidden[$1] }!
    return corners[best]
  }
}
