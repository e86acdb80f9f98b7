extension LinePlot {
  /// The width in pixels of the legend box at text scale `scale`, or 0
  /// when no series is named.
  func legendWidth(scale s: Int) -> Double {
    let names = series.compactMap(\.name).filter { !$0.isEmpty }
    guard let widest = names.map({ Double(BitmapFont.size(of: $0, scale: s).width) }).max() else {
      return 0
    }
    let unit = Double(s)
    return (4 * unit + 12 * unit + 4 * unit + widest + 4 * unit).rounded(.up)
  }

  /// Draws a box listing the named series (line sample, marker, name) at
  /// `position`. Does nothing if no series is named. Beside the plot, the
  /// entries that do not fit its height are summed up in a last row.
  func drawLegend(at position: LegendPosition, on canvas: inout Canvas, layout: PlotLayout) {
    var entries = series.filter { !($0.name ?? "").isEmpty }
    guard !entries.isEmpty else { return }
    let s = layout.textScale
    let unit = Double(s)
    let inset = 4 * unit
    let sampleLength = 12 * unit
    let rowHeight = Double(BitmapFont.lineHeight * s) + 2 * unit
    let area = layout.plotRect
    let margin = 6 * unit
    var hiddenCount = 0
    if position == .outsideRight {
      let rows = max(Int((area.height - inset) / rowHeight), 1)
      if entries.count > rows {
        hiddenCount = entries.count - (rows - 1)
        entries.removeLast(hiddenCount)
      }
    }
    let rowCount = entries.count + (hiddenCount > 0 ? 1 : 0)
    let boxWidth = legendWidth(scale: s)
    let boxHeight = (Double(rowCount) * rowHeight + inset).rounded(.up)
    func box(at corner: LegendPosition) -> PixelRect {
      if corner == .outsideRight {
        return PixelRect(x: area.maxX + margin, y: area.minY, width: boxWidth, height: boxHeight)
      }
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
      if entry.lineWidth > 0 && entry.dashed {
        canvas.drawDashedLine(
          from: sampleStart, to: sampleEnd, color: color, width: entry.lineWidth,
          dash: 4 * unit, gap: 2 * unit)
      } else if entry.lineWidth > 0 {
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
    if hiddenCount > 0 {
      let centreY = top + inset / 2 + (Double(entries.count) + 0.5) * rowHeight
      canvas.drawText(
        "... and \(hiddenCount) more", at: Point(left + inset, centreY), color: style.text,
        scale: s,
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
