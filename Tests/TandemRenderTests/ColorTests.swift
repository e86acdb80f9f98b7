import Testing
import TandemRender

@Suite struct ColorTests {
  @Test func hexComponentsAndPixelRounding() {
    let color = Color(hex: 0xFF8000, alpha: 0.5)
    #expect(color.red == 1)
    #expect(abs(color.green - 128.0 / 255) < 1e-12)
    #expect(color.blue == 0)
    #expect(color.pixel == Pixel(red: 255, green: 128, blue: 0, alpha: 128))
  }

  @Test func withAlphaKeepsTheColour() {
    let faint = Color.blue.withAlpha(0.25)
    #expect(faint.red == Color.blue.red && faint.blue == Color.blue.blue)
    #expect(faint.alpha == 0.25)
  }

  @Test func interpolationIsLinearInEveryComponent() {
    let a = Color(red: 0, green: 0.2, blue: 1, alpha: 0)
    let b = Color(red: 1, green: 0.6, blue: 0, alpha: 1)
    let mid = a.interpolated(to: b, by: 0.25)
    #expect(abs(mid.red - 0.25) < 1e-12)
    #expect(abs(mid.green - 0.3) < 1e-12)
    #expect(abs(mid.blue - 0.75) < 1e-12)
    #expect(abs(mid.alpha - 0.25) < 1e-12)
    #expect(a.interpolated(to: b, by: 0) == a)
    #expect(a.interpolated(to: b, by: 1) == b)
  }

  @Test func strainColormapIsBlueGreyRedAndSaturates() {
    let compressed = Color(hex: 0x0000FF)
    let neutral = Color(white: 0.5)
    let stretched = Color(hex: 0xFF0000)
    let map = Colormap.strain(
      saturatingAt: 0.1, compressed: compressed, neutral: neutral, stretched: stretched)
    #expect(map.color(for: 0) == neutral)
    #expect(map.color(for: 0.1) == stretched)
    #expect(map.color(for: 5) == stretched)
    #expect(map.color(for: -0.1) == compressed)
    #expect(map.color(for: -5) == compressed)
    let halfway = map.color(for: 0.05)
    #expect(abs(halfway.red - 0.75) < 1e-12 && abs(halfway.blue - 0.25) < 1e-12)
    #expect(map.color(for: .nan) == neutral)
  }
}
