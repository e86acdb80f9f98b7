import Foundation
import TandemRender
import Testing

/// The 3-D frame primitives: shaded discs and soft shadows.
@Suite struct ShadingTests {
  func brightness(_ canvas: Canvas, _ x: Int, _ y: Int) -> Double {
    let p = canvas.pixel(atX: x, y: y)
    return Double(p.red) + Double(p.green) + Double(p.blue)
  }

  /// Lit from the upper left: brighter there than at the lower right, never
  /// brighter than white, and nothing drawn outside the disc.
  @Test func aShadedDiscIsLitFromTheUpperLeft() {
    var canvas = Canvas(size: PixelSize(width: 100, height: 100), background: .black)
    canvas.fillShadedDisc(
      center: Point(50, 50), radius: 30, color: Color(red: 0.2, green: 0.4, blue: 0.8))
    #expect(brightness(canvas, 38, 38) > brightness(canvas, 62, 62) + 100)
    #expect(brightness(canvas, 50, 50) > 0)
    // Outside the disc the background is untouched.
    #expect(canvas.pixel(atX: 50, y: 15) == Color.black.pixel)
    #expect(canvas.pixel(atX: 85, y: 50) == Color.black.pixel)
    // The lower right is the ambient floor: dimmer than the colour, not black.
    let dark = canvas.pixel(atX: 70, y: 70)
    #expect(dark.blue > 40 && dark.blue < 204)
  }

  /// A soft shadow is darkest at its centre, fades to nothing at its edge,
  /// and is symmetric.
  @Test func aSoftShadowFadesFromItsCentre() {
    var canvas = Canvas(size: PixelSize(width: 100, height: 60), background: .white)
    canvas.fillSoftEllipse(
      center: Point(50, 30), radii: (x: 40, y: 12), color: Color(white: 0, alpha: 0.5))
    let centre = brightness(canvas, 49, 29)
    let halfway = brightness(canvas, 69, 29)
    #expect(centre < halfway && halfway < 765)
    #expect(abs(centre - 3 * 127.5) < 6)  // half black over white at the centre
    #expect(canvas.pixel(atX: 50, y: 45) == Color.white.pixel)  // outside the radii
    #expect(brightness(canvas, 30, 29) == brightness(canvas, 69, 29))
  }

  /// A disc or shadow far larger than the canvas (a particle next to the
  /// camera) costs no more than the canvas and does not trap.
  @Test func hugeShapesAreClippedToTheCanvas() {
    var canvas = Canvas(size: PixelSize(width: 40, height: 30), background: .black)
    canvas.fillShadedDisc(center: Point(20, 15), radius: 1e30, color: .blue)
    canvas.fillSoftEllipse(center: Point(20, 15), radii: (x: 1e30, y: 1e30), color: .red)
    #expect(canvas.pixel(atX: 20, y: 15) != Color.black.pixel)
  }

  /// One soft shadow alone darkens as a soft ellipse of the same darkness;
  /// two overlapping shadows darken their overlap as the darker of the two,
  /// not as their sum.
  @Test func softShadowsTakeTheDarkerWhereTheyOverlap() {
    let size = PixelSize(width: 120, height: 60)
    var alone = Canvas(size: size, background: .white)
    alone.fillSoftShadows([SoftShadow(center: Point(50, 30), radiusX: 30, radiusY: 10, darkness: 0.5)])
    var ellipse = Canvas(size: size, background: .white)
    ellipse.fillSoftEllipse(
      center: Point(50, 30), radii: (x: 30, y: 10), color: Color(white: 0, alpha: 0.5))
    for (x, y) in [(50, 30), (65, 30), (50, 36), (79, 30), (10, 10)] {
      #expect(isClose(alone.pixel(atX: x, y: y), ellipse.pixel(atX: x, y: y)))
    }
    var pair = Canvas(size: size, background: .white)
    pair.fillSoftShadows([
      SoftShadow(center: Point(50, 30), radiusX: 30, radiusY: 10, darkness: 0.5),
      SoftShadow(center: Point(52, 30), radiusX: 30, radiusY: 10, darkness: 0.2),
    ])
    // At the first centre the first shadow is the darker: the second adds nothing.
    #expect(isClose(pair.pixel(atX: 50, y: 30), alone.pixel(atX: 50, y: 30)))
    var summed = Canvas(size: size, background: .white)
    summed.fillSoftEllipse(
      center: Point(50, 30), radii: (x: 30, y: 10), color: Color(white: 0, alpha: 0.5))
    summed.fillSoftEllipse(
      center: Point(52, 30), radii: (x: 30, y: 10), color: Color(white: 0, alpha: 0.2))
    #expect(brightness(summed, 50, 30) < brightness(pair, 50, 30) - 20)
  }
}
