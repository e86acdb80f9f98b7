/// Tandem's built-in 5 × 7 pixel font for ASCII text, drawn at integer scales.
///
/// Each character occupies a cell 6 pixels wide (5 of ink, 1 of spacing) and
/// 9 tall (7 above the baseline, 2 for descenders), multiplied by the scale.
/// Lines are ``lineHeight`` apart. Characters outside printable ASCII draw as
/// `?`, and a tab as a space.
///
/// A text *box* is what alignment refers to: as wide as the ink of the
/// longest line, and from the top of the first line's capitals to the
/// baseline of the last line (descenders hang below it).
public enum BitmapFont {
  /// Ink columns per glyph at scale 1.
  public static let glyphWidth = 5
  /// Horizontal distance between consecutive characters at scale 1.
  public static let advance = 6
  /// Height of capitals and digits above the baseline at scale 1.
  public static let capHeight = 7
  /// Rows stored per glyph at scale 1 (capitals plus descenders).
  public static let cellHeight = 9
  /// Distance between the tops of consecutive lines at scale 1.
  public static let lineHeight = 11

  /// The size in pixels of the text box of `text` at `scale` (see ``BitmapFont``).
  /// An empty string has zero width.
  public static func size(of text: String, scale: Int = 1) -> PixelSize {
    let lines = lines(of: text)
    let s = max(scale, 1)
    let longest = lines.map(\.count).max() ?? 0
    let width = longest == 0 ? 0 : (longest * advance - 1) * s
    let height = ((lines.count - 1) * lineHeight + capHeight) * s
    return PixelSize(width: width, height: height)
  }

  /// The rectangle the text box of `text` occupies when drawn with these
  /// options; see ``Canvas/drawText(_:at:color:scale:alignment:verticalAlignment:orientation:)``.
  public static func boxRect(
    for text: String, at anchor: Point, scale: Int = 1, alignment: TextAlignment = .left,
    verticalAlignment: VerticalTextAlignment = .top, orientation: TextOrientation = .horizontal
  ) -> PixelRect {
    let size = size(of: text, scale: scale)
    let along = Double(size.width)
    let across = Double(size.height)
    // Offsets of the box start along and across the reading direction.
    let alongOffset: Double
    switch alignment {
    case .left: alongOffset = 0
    case .center: alongOffset = -(along / 2).rounded(.down)
    case .right: alongOffset = -along
    }
    let acrossOffset: Double
    switch verticalAlignment {
    case .top: acrossOffset = 0
    case .center: acrossOffset = -(across / 2).rounded(.down)
    case .baseline: acrossOffset = -across
    }
    let x = anchor.x.rounded()
    let y = anchor.y.rounded()
    switch orientation {
    case .horizontal:
      return PixelRect(x: x + alongOffset, y: y + acrossOffset, width: along, height: across)
    case .upward:
      // Reading bottom to top: "along" points up the screen, "across" (from
      // the tops of the letters to the baseline) points right.
      return PixelRect(
        x: x + acrossOffset, y: y - alongOffset - along, width: across, height: along)
    }
  }

  /// The rows of the glyph for `character`, `cellHeight` bytes.
  static func glyph(for character: Character) -> ArraySlice<UInt8> {
    var code = character.asciiValue.map(Int.init) ?? 63
    if code == 9 { code = 32 }
    if code < 32 || code > 126 { code = 63 }
    let start = (code - 32) * cellHeight
    return glyphRows[start..<(start + cellHeight)]
  }

  static func lines(of text: String) -> [Substring] {
    text.split(separator: "\n", omittingEmptySubsequences: false)
  }
}
