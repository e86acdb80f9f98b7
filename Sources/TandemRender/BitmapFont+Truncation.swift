extension BitmapFont {
  /// `text` shortened with a trailing `...` so that its single line fits in
  /// `width` pixels at `scale`; unchanged if it already fits. Returns an
  /// empty string if not even the dots fit.
  public static func truncated(_ text: String, toWidth width: Double, scale: Int = 1) -> String {
    let s = max(scale, 1)
    func fits(_ count: Int) -> Bool { Double((count * advance - 1) * s) <= width }
    let characters = Array(text)
    if fits(characters.count) { return text }
    var keep = characters.count
    while keep > 0 && !fits(keep + 3) { keep -= 1 }
    return fits(keep + 3) ? String(characters.prefix(keep)) + "..." : ""
  }
}
