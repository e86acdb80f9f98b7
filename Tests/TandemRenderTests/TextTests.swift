import Testing
import TandemRender

@Suite struct TextTests {
  let white = Pixel(red: 255, green: 255, blue: 255)

  @Test func textSizeFollowsTheFontMetrics() {
    #expect(BitmapFont.size(of: "abc", scale: 1) == PixelSize(width: 17, height: 7))
    #expect(BitmapFont.size(of: "abc", scale: 3) == PixelSize(width: 51, height: 21))
    #expect(BitmapFont.size(of: "ab\nc", scale: 1) == PixelSize(width: 11, height: 18))
    #expect(BitmapFont.size(of: "", scale: 2).width == 0)
  }

  @Test func inkStaysInsideTheBoxForEveryAlignment() {
    let alignments: [TextAlignment] = [.left, .center, .right]
    let verticals: [VerticalTextAlignment] = [.top, .center, .baseline]
    for alignment in alignments {
      for vertical in verticals {
        var canvas = Canvas(width: 300, height: 100, background: .white)
        let anchor = Point(150, 50)
        canvas.drawText(
          "Tandem 0.5", at: anchor, color: .black, scale: 2, alignment: alignment,
          verticalAlignment: vertical)
        let box = BitmapFont.boxRect(
          for: "Tandem 0.5", at: anchor, scale: 2, alignment: alignment,
          verticalAlignment: vertical)
        let ink = canvas.inkedPixels(background: white)
        #expect(ink.count > 100)
        #expect(box.width == 118 && box.height == 14)
        // No descenders in this text, so all ink lies inside the box.
        #expect(ink.allSatisfy { box.contains(Point(Double($0.x) + 0.5, Double($0.y) + 0.5)) })
        // The ink reaches the box's left and right edges and its top and bottom.
        #expect(ink.map(\.x).min()! == Int(box.minX) && ink.map(\.x).max()! == Int(box.maxX) - 1)
        #expect(ink.map(\.y).min()! == Int(box.minY) && ink.map(\.y).max()! == Int(box.maxY) - 1)
      }
    }
  }

  @Test func upwardTextIsTallAndReadsBottomToTop() {
    var canvas = Canvas(width: 60, height: 120, background: .white)
    canvas.drawText(
      "LOSS", at: Point(10, 60), color: .black, alignment: .center, verticalAlignment: .top,
      orientation: .upward)
    let box = BitmapFont.boxRect(
      for: "LOSS", at: Point(10, 60), alignment: .center, verticalAlignment: .top,
      orientation: .upward)
    #expect(box.width == 7 && box.height == 23)
    #expect(box.minX == 10)
    let ink = canvas.inkedPixels(background: white)
    #expect(ink.allSatisfy { box.contains(Point(Double($0.x) + 0.5, Double($0.y) + 0.5)) })
    // "L" comes first, at the bottom: its foot runs along the box's right edge
    // (the baseline side), i.e. the bottom 5 pixels of the rightmost column.
    let rightColumn = ink.filter { $0.x == Int(box.maxX) - 1 }.map(\.y)
    #expect(rightColumn.contains(Int(box.maxY) - 1))
    // The L's vertical stroke becomes a row along the bottom of the box.
    let bottomRow = ink.filter { $0.y == Int(box.maxY) - 1 }.map(\.x)
    #expect(bottomRow.count == 7)
  }

  @Test func scaledGlyphsAreSolidBlocks() {
    var canvas = Canvas(width: 20, height: 20, background: .white)
    canvas.drawText(".", at: Point(0, 0), color: .black, scale: 2)
    // "." has ink in columns 1–2 of rows 5–6; at scale 2 that is a 4 × 4 block.
    let ink = canvas.inkedPixels(background: white)
    #expect(ink.count == 16)
    #expect(Set(ink.map(\.x)) == [2, 3, 4, 5] && Set(ink.map(\.y)) == [10, 11, 12, 13])
  }

  @Test func unknownCharactersDrawAsQuestionMarks() {
    var a = Canvas(width: 10, height: 12, background: .white)
    var b = Canvas(width: 10, height: 12, background: .white)
    a.drawText("é", at: Point(1, 1), color: .black)
    b.drawText("?", at: Point(1, 1), color: .black)
    #expect(a.rgba == b.rgba)
  }

  @Test func truncationAddsDotsToFit() {
    #expect(BitmapFont.truncated("short", toWidth: 100) == "short")
    let cut = BitmapFont.truncated("a rather long title", toWidth: 60)
    #expect(cut == "a rathe...")
    #expect(Double(BitmapFont.size(of: cut).width) <= 60)
    #expect(BitmapFont.truncated("anything", toWidth: 5) == "")
  }
}
