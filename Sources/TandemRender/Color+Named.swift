extension Color {
  /// Opaque black.
  public static let black = Color(white: 0)
  /// Opaque white.
  public static let white = Color(white: 1)
  /// Fully transparent black.
  public static let clear = Color(white: 0, alpha: 0)
  /// A neutral mid grey.
  public static let gray = Color(white: 0.5)
  /// A light grey, suitable for grids on a white background.
  public static let lightGray = Color(white: 0.85)
  /// A dark grey, suitable for text and axes on a white background.
  public static let darkGray = Color(white: 0.25)
  /// A saturated but not garish red.
  public static let red = Color(hex: 0xD62728)
  /// A medium green.
  public static let green = Color(hex: 0x2CA02C)
  /// A medium blue.
  public static let blue = Color(hex: 0x1F77B4)
  /// An orange.
  public static let orange = Color(hex: 0xFF7F0E)
  /// A purple.
  public static let purple = Color(hex: 0x9467BD)
  /// A brown.
  public static let brown = Color(hex: 0x8C564B)
  /// A pink.
  public static let pink = Color(hex: 0xE377C2)
  /// An olive yellow-green.
  public static let olive = Color(hex: 0xBCBD22)
  /// A teal cyan.
  public static let cyan = Color(hex: 0x17BECF)
  /// A warm yellow.
  public static let yellow = Color(hex: 0xF2C12E)

  /// Ten distinct colours for plot series (the Tableau 10 palette).
  ///
  /// Index with `palette[i % palette.count]` to colour any number of series.
  public static let palette: [Color] = [
    .blue, .orange, .green, .red, .purple, .brown, .pink, .gray, .olive, .cyan,
  ]
}
