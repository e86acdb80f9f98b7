import Testing
import TandemRender

@Suite struct CanvasShapeTests {
  let white = Pixel(red: 255, green: 255, blue: 255)
  let black = Pixel(red: 0, green: 0, blue: 0)

  @Test func discHasSolidCentreBlendedEdgeAndUntouchedOutside() {
    var canvas = Canvas(width: 40, height: 40, background: .white)
    canvas.fillDisc(center: Point(20, 20), radius: 8, color: .black)
    #expect(canvas.pixel(atX: 20, y: 20) == black)
    #expect(canvas.pixel(atX: 19, y: 19) == black)
    #expect(canvas.pixel(atX: 20, y: 31) == white)  // centre 11.5 px away
    #expect(canvas.pixel(atX: 2, y: 2) == white)
    // Pixel (27, 22) is centred sqrt(7.5² + 2.5²) ≈ 7.906 px from the centre,
    // so it is covered 8.5 − 7.906 ≈ 0.594 of the way.
    let edge = canvas.pixel(atX: 27, y: 22)
    let distance: Double = (7.5 * 7.5 + 2.5 * 2.5).squareRoot()
    let coverage: Double = 8.5 - distance
    let expected = Int((255 * (1 - coverage)).rounded())
    #expect(abs(Int(edge.red) - expected) <= 1)
    #expect(edge.red > 50 && edge.red < 200)
  }

  @Test func discOutlineSurroundsTheFill() {
    var canvas = Canvas(width: 40, height: 40, background: .white)
    canvas.drawDisc(
      center: Point(20, 20), radius: 10, fill: Color(hex: 0xFF0000), outline: Color(hex: 0x0000FF),
      outlineWidth: 2)
    #expect(canvas.pixel(atX: 20, y: 20) == Pixel(red: 255, green: 0, blue: 0))
    // The ring spans radii 8…10; pixel (28, 19) is centred 8.5 px from the centre.
    #expect(canvas.pixel(atX: 28, y: 19) == Pixel(red: 0, green: 0, blue: 255))
    #expect(canvas.pixel(atX: 20, y: 33) == white)
  }

  @Test func subPixelDiscFadesByArea() {
    var canvas = Canvas(width: 5, height: 5, background: .white)
    canvas.fillDisc(center: Point(2.5, 2.5), radius: 0.25, color: .black)
    // Drawn at radius 0.5 with opacity (0.25 / 0.5)² = 0.25.
    #expect(abs(Int(canvas.pixel(atX: 2, y: 2).red) - 191) <= 1)
  }

  @Test func horizontalLineOnPixelCentresIsCrisp() {
    var canvas = Canvas(width: 30, height: 20, background: .white)
    canvas.drawLine(from: Point(5, 10.5), to: Point(25, 10.5), color: .black, width: 1)
    #expect(canvas.pixel(atX: 15, y: 10) == black)
    #expect(canvas.pixel(atX: 15, y: 9) == white)
    #expect(canvas.pixel(atX: 15, y: 11) == white)
    // Round caps: the pixel centred 0.5 px beyond the end is half covered.
    #expect(abs(Int(canvas.pixel(atX: 25, y: 10).red) - 128) <= 1)
    #expect(canvas.pixel(atX: 27, y: 10) == white)
  }

  @Test func lineBetweenPixelRowsBlendsBothHalfway() {
    var canvas = Canvas(width: 30, height: 20, background: .white)
    canvas.drawLine(from: Point(5, 10), to: Point(25, 10), color: .black, width: 1)
    #expect(abs(Int(canvas.pixel(atX: 15, y: 9).red) - 128) <= 1)
    #expect(abs(Int(canvas.pixel(atX: 15, y: 10).red) - 128) <= 1)
  }

  @Test func diagonalLineCoversOnlyItsBand() {
    var canvas = Canvas(width: 60, height: 60, background: .white)
    canvas.drawLine(from: Point(5, 5), to: Point(55, 55), color: .black, width: 3)
    #expect(canvas.pixel(atX: 30, y: 30) == black)
    #expect(canvas.pixel(atX: 50, y: 10) == white)
    #expect(canvas.pixel(atX: 10, y: 50) == white)
    // Every inked pixel lies within half the width plus one pixel of the diagonal.
    for (x, y) in canvas.inkedPixels(background: white) {
      let distance = abs(Double(x) - Double(y)) / 2.0.squareRoot()
      #expect(distance <= 1.5 + 1)
    }
  }

  @Test func dashedLineAlternatesInkAndGaps() {
    var canvas = Canvas(width: 100, height: 10, background: .white)
    canvas.drawDashedLine(
      from: Point(0, 5.5), to: Point(100, 5.5), color: .black, width: 1, dash: 10, gap: 10)
    #expect(canvas.pixel(atX: 5, y: 5) == black)
    #expect(canvas.pixel(atX: 15, y: 5) == white)
    #expect(canvas.pixel(atX: 25, y: 5) == black)
    #expect(canvas.pixel(atX: 35, y: 5) == white)
  }

  @Test func translucentPolylineHasNoBeadsAtJoints() {
    var canvas = Canvas(width: 60, height: 20, background: .white)
    let points = (0...10).map { Point(5 + Double($0) * 5, 10.5) }
    canvas.drawPolyline(points, color: Color.black.withAlpha(0.5), width: 2)
    let atJoint = canvas.pixel(atX: 30, y: 10)
    let midSegment = canvas.pixel(atX: 32, y: 10)
    #expect(atJoint == midSegment)
    #expect(abs(Int(atJoint.red) - 128) <= 1)
  }

  @Test func polylineBreaksAtNonFinitePoints() {
    var canvas = Canvas(width: 60, height: 20, background: .white)
    let points = [
      Point(5, 10.5), Point(20, 10.5), Point(.nan, 0), Point(40, 10.5), Point(55, 10.5),
    ]
    canvas.drawPolyline(points, color: .black, width: 1)
    #expect(canvas.pixel(atX: 10, y: 10) == black)
    #expect(canvas.pixel(atX: 30, y: 10) == white)
    #expect(canvas.pixel(atX: 50, y: 10) == black)
  }

  @Test func rectangleCoverageIsExactArea() {
    var canvas = Canvas(width: 20, height: 20, background: .white)
    canvas.fillRect(PixelRect(minX: 2, minY: 2, maxX: 6.5, maxY: 6), color: .black)
    #expect(canvas.pixel(atX: 2, y: 2) == black)
    #expect(canvas.pixel(atX: 5, y: 5) == black)
    #expect(abs(Int(canvas.pixel(atX: 6, y: 3).red) - 128) <= 1)  // half covered
    #expect(canvas.pixel(atX: 7, y: 3) == white)
    #expect(canvas.pixel(atX: 3, y: 6) == white)
  }

  @Test func strokedRectangleLeavesItsInsideAlone() {
    var canvas = Canvas(width: 20, height: 20, background: .white)
    canvas.strokeRect(
      PixelRect(minX: 2.5, minY: 2.5, maxX: 15.5, maxY: 15.5), color: .black, width: 1)
    #expect(canvas.pixel(atX: 2, y: 8) == black)
    #expect(canvas.pixel(atX: 15, y: 8) == black)
    #expect(canvas.pixel(atX: 8, y: 2) == black)
    #expect(canvas.pixel(atX: 2, y: 2) == black)  // corner, drawn once
    #expect(canvas.pixel(atX: 8, y: 8) == white)
    #expect(canvas.pixel(atX: 1, y: 8) == white)
  }

  @Test func sourceOverBlendingOnOpaqueAndTransparentBackgrounds() {
    var opaque = Canvas(width: 4, height: 4, background: .white)
    opaque.fillRect(opaque.bounds, color: Color(red: 1, green: 0, blue: 0, alpha: 0.5))
    #expect(isClose(opaque.pixel(atX: 1, y: 1), Pixel(red: 255, green: 128, blue: 128)))

    var clear = Canvas(width: 4, height: 4, background: .clear)
    clear.fillRect(clear.bounds, color: Color(red: 1, green: 0, blue: 0, alpha: 0.5))
    #expect(isClose(clear.pixel(atX: 1, y: 1), Pixel(red: 255, green: 0, blue: 0, alpha: 128)))
    clear.fillRect(clear.bounds, color: Color(red: 0, green: 0, blue: 1, alpha: 0.5))
    // out alpha = 0.5 + 0.5·0.5 = 0.75; colour = (blue·0.5 + red·0.25) / 0.75.
    #expect(isClose(clear.pixel(atX: 1, y: 1), Pixel(red: 85, green: 0, blue: 170, alpha: 191)))
  }

  @Test func clippingConfinesDrawingAndIsRestored() {
    var canvas = Canvas(width: 20, height: 20, background: .white)
    canvas.withClip(to: PixelRect(minX: 0, minY: 0, maxX: 10, maxY: 20)) { canvas in
      canvas.fillRect(canvas.bounds, color: .black)
    }
    #expect(canvas.pixel(atX: 9, y: 5) == black)
    #expect(canvas.pixel(atX: 10, y: 5) == white)
    #expect(canvas.clipRect == canvas.bounds)
  }

  @Test func markersAndTargetInkTheirCentres() {
    for shape in MarkerShape.allCases {
      var canvas = Canvas(width: 21, height: 21, background: .white)
      canvas.drawMarker(shape, at: Point(10.5, 10.5), size: 11, color: .black, lineWidth: 2)
      let ink = canvas.inkedPixels(background: white)
      #expect(!ink.isEmpty, "\(shape)")
      #expect(ink.allSatisfy { abs($0.x - 10) <= 6 && abs($0.y - 10) <= 6 }, "\(shape)")
    }
    var canvas = Canvas(width: 41, height: 41, background: .white)
    canvas.drawTarget(at: Point(20.5, 20.5), radius: 15, color: .black)
    #expect(canvas.pixel(atX: 20, y: 20) == black)
    #expect(canvas.pixel(atX: 20 + 14, y: 20) == black)
  }

  @Test func groundLineSpansTheCanvasWithHatchBelow() {
    var canvas = Canvas(width: 100, height: 40, background: .white)
    canvas.drawGround(atPixelY: 20, color: .black, lineWidth: 2, hatchSpacing: 10, hatchDepth: 10)
    #expect(canvas.pixel(atX: 0, y: 19) == black && canvas.pixel(atX: 99, y: 20) == black)
    let hatchRows = canvas.inkedPixels(background: white).map(\.y)
    #expect(hatchRows.max()! > 25)
    #expect(hatchRows.min()! >= 18)
  }
}
