/// A colour with red, green, blue and alpha components, each in 0…1.
///
/// Components are sRGB-encoded and alpha is straight (not premultiplied), which
/// is what PNG files store. Values outside 0…1 are clamped when drawn.
///
/// ```swift
/// let faintBlue = Color.blue.withAlpha(0.2)
/// let mid = Color.red.interpolated(to: .blue, by: 0.5)
/// ```
public struct Color: Hashable, Sendable {
  /// Red, from 0 (none) to 1 (full).
  public var red: Double
  /// Green, from 0 (none) to 1 (full).
  public var green: Double
  /// Blue, from 0 (none) to 1 (full).
  public var blue: Double
  /// Opacity, from 0 (transparent) to 1 (opaque).
  public var alpha: Double

  /// Creates a colour from components in 0…1; alpha defaults to opaque.
  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// Creates an opaque grey: 0 is black, 1 is white.
  public init(white: Double, alpha: Double = 1) {
    self.init(red: white, green: white, blue: white, alpha: alpha)
  }

  /// Creates a colour from a 24-bit `0xRRGGBB` literal, e.g. `Color(hex: 0x1F77B4)`.
  public init(hex: UInt32, alpha: Double = 1) {
    self.init(
      red: Double((hex >> 16) & 0xFF) / 255,
      green: Double((hex >> 8) & 0xFF) / 255,
      blue: Double(hex & 0xFF) / 255,
      alpha: alpha)
  }

  /// Creates a colour from 8-bit components, as stored in a canvas or a PNG.
  public init(_ pixel: Pixel) {
    self.init(
      red: Double(pixel.red) / 255, green: Double(pixel.green) / 255,
      blue: Double(pixel.blue) / 255, alpha: Double(pixel.alpha) / 255)
  }

  /// The same colour with its alpha replaced by `alpha`.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// The colour rounded to 8-bit components (clamped to 0…255).
  public var pixel: Pixel {
    Pixel(
      red: Self.byte(red), green: Self.byte(green), blue: Self.byte(blue),
      alpha: Self.byte(alpha))
  }

  static func byte(_ component: Double) -> UInt8 {
    guard component.isFinite else { return 0 }
    return UInt8(min(max(component, 0), 1) * 255 + 0.5)
  }
}
