import Testing
import TandemRender

@Suite struct CameraTests {
  @Test func fittingMapsCornersAndPreservesAspect() {
    // A 4 × 2 world into 800 × 600 with a 50 px margin: width-limited,
    // scale = 700 / 4 = 175 px per unit, centred vertically.
    let bounds = WorldRect(minX: -1, minY: 0, maxX: 3, maxY: 2)
    let camera = Camera.fitting(bounds, in: PixelSize(width: 800, height: 600), margin: 50)
    #expect(camera.scale == 175)
    let bottomLeft = camera.pixel(for: Point(-1, 0))
    let topRight = camera.pixel(for: Point(3, 2))
    #expect(bottomLeft == Point(50, 300 + 175))
    #expect(topRight == Point(750, 300 - 175))
    #expect(camera.pixel(for: bounds.center) == Point(400, 300))
    // Uniform scale: one world unit is the same length both ways.
    let right = camera.pixel(for: Point(1, 1)).x - camera.pixel(for: Point(0, 1)).x
    let up = camera.pixel(for: Point(0, 0)).y - camera.pixel(for: Point(0, 1)).y
    #expect(right == up)
    #expect(camera.pixelLength(for: 0.1) == 17.5)
  }

  @Test func tallBoundsAreHeightLimitedAndCentredHorizontally() {
    let camera = Camera(
      view: WorldRect(minX: 0, minY: 0, maxX: 1, maxY: 4), size: PixelSize(width: 400, height: 400))
    #expect(camera.scale == 100)
    #expect(camera.pixel(for: Point(0, 4)) == Point(150, 0))
    #expect(camera.pixel(for: Point(1, 0)) == Point(250, 400))
  }

  @Test func worldIsTheInverseOfPixel() {
    let camera = Camera(center: Point(2, -1), scale: 37.5, size: PixelSize(width: 640, height: 480))
    let p = Point(2.75, 0.4)
    let back = camera.world(for: camera.pixel(for: p))
    #expect(abs(back.x - p.x) < 1e-12 && abs(back.y - p.y) < 1e-12)
    let visible = camera.visibleWorld
    #expect(abs(visible.width - 640 / 37.5) < 1e-12)
    #expect(abs(visible.height - 480 / 37.5) < 1e-12)
  }

  @Test func viewRectanglesReadFromArrays() {
    #expect(WorldRect([-1, 0, 3, 2]) == WorldRect(minX: -1, minY: 0, maxX: 3, maxY: 2))
    #expect(WorldRect([0, 0, 1]) == nil)
    #expect(WorldRect([1, 0, 0, 1]) == nil)
    #expect(WorldRect([0, 0, .infinity, 1]) == nil)
  }
}
