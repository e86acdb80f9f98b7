extension Canvas {
  /// Draws `text` in the built-in ``BitmapFont`` at an integer `scale`.
  ///
  /// The anchor is rounded to whole pixels so glyphs stay crisp. `alignment`
  /// places the text box along the reading direction and `verticalAlignment`
  /// across it; for ``TextOrientation/upward`` text, `.left` therefore puts
  /// the *bottom* of the text at the anchor and `.top` puts the tops of the
  /// letters (which face left) at the anchor. Lines are split at `"\n"` and
  /// aligned individually.
  ///
  /// ```swift
  /// canvas.drawText("t = 1.23 s", at: Point(10, 10), color: .black, scale: 2)
  /// canvas.drawText("loss", at: Point(14, 300), color: .black,
  ///                 alignment: .center, verticalAlignment: .top, orientation: .upward)
  /// ```
  public mutating func drawText(
    _ text: String, at anchor: Point, color: Color, scale: Int = 1,
    alignment: TextAlignment = .left, verticalAlignment: VerticalTextAlignment = .top,
    orientation: TextOrientation = .horizontal
  ) {
    guard anchor.x.isFinite, anchor.y.isFinite, !text.isEmpty else { return }
    let s = max(scale, 1)
    let box = BitmapFont.boxRect(
      for: text, at: anchor, scale: s, alignment: alignment,
      verticalAlignment: verticalAlignment, orientation: orientation)
    let boxAlong = orientation == .horizontal ? box.width : box.height
    let paint = Paint(color)
    for (number, line) in BitmapFont.lines(of: text).enumerated() {
      let lineWidth = Double(BitmapFont.size(of: String(line), scale: s).width)
      let indent: Double
      switch alignment {
      case .left: indent = 0
      case .center: indent = ((boxAlong - lineWidth) / 2).rounded(.down)
      case .right: indent = boxAlong - lineWidth
      }
      let lineTop = number * BitmapFont.lineHeight * s
      for (position, character) in line.enumerated() {
        let glyphStart = Int(indent) + position * BitmapFont.advance * s
        drawGlyph(
          BitmapFont.glyph(for: character), along: glyphStart, across: lineTop, scale: s,
          box: box, orientation: orientation, paint: paint)
      }
    }
  }

  /// Draws text over a filled box with `padding` pixels around the text box,
  /// e.g. for a caption that must stay legible over a busy frame.
  public mutating func drawLabel(
    _ text: String, at anchor: Point, color: Color, background: Color, padding: Double = 4,
    scale: Int = 1, alignment: TextAlignment = .left,
    verticalAlignment: VerticalTextAlignment = .top
  ) {
    let box = BitmapFont.boxRect(
      for: text, at: anchor, scale: scale, alignment: alignment,
      verticalAlignment: verticalAlignment)
    // Extend below the baseline so descenders sit inside the background.
    let descender = Double((BitmapFont.cellHeight - BitmapFont.capHeight) * max(scale, 1))
    fillRect(
      PixelRect(
        minX: box.minX - padding, minY: box.minY - padding,
        maxX: box.maxX + padding, maxY: box.maxY + descender + padding),
      color: background)
    drawText(
      text, at: anchor, color: color, scale: scale, alignment: alignment,
      verticalAlignment: verticalAlignment)
  }

  /// Blends one glyph whose cell starts `along` pixels into the text box along
  /// the reading direction and `across` pixels from its top edge.
  private mutating func drawGlyph(
    _ rows: ArraySlice<UInt8>, along: Int, across: Int, scale s: Int, box: PixelRect,
    orientation: TextOrientation, paint: Paint
  ) {
    let boxX = Int(box.minX)
    let boxY = Int(box.minY)
    let boxHeight = Int(box.height)
    let canvasWidth = width
    let clip = (clipX0, clipY0, clipX1, clipY1)
    rgba.withUnsafeMutableBufferPointer { bytes in
      for (rowNumber, bits) in rows.enumerated() where bits != 0 {
        for column in 0..<BitmapFont.glyphWidth where bits & (0b10000 >> column) != 0 {
          // The glyph pixel's square, in text-box coordinates (u along, v across).
          let u = along + column * s
          let v = across + rowNumber * s
          let x0: Int
          let y0: Int
          switch orientation {
          case .horizontal:
            x0 = boxX + u
            y0 = boxY + v
          case .upward:
            x0 = boxX + v
            y0 = boxY + boxHeight - u - s
          }
          for y in max(y0, clip.1)..<max(min(y0 + s, clip.3), max(y0, clip.1)) {
            for x in max(x0, clip.0)..<max(min(x0 + s, clip.2), max(x0, clip.0)) {
              Self.blend(paint, coverage: 1, into: bytes, at: (y * canvasWidth + x) * 4)
            }
          }
        }
      }
    }
  }
}
