import Foundation
import TandemRender
import Testing

/// The perspective camera against closed-form projections.
@Suite struct PerspectiveCameraTests {
  let size = PixelSize(width: 800, height: 600)

  func near(_ a: Point, _ b: Point, _ tolerance: Double = 1e-9) -> Bool {
    abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance
  }

  /// From the front (azimuth 0, elevation 0) the camera looks down −z: +x
  /// right, +y up, the target at the centre, and a point at the top of the
  /// field of view at the top edge.
  @Test func fromTheFrontItLooksLikeTwoD() throws {
    let camera = PerspectiveCamera(
      target: [1, 2, 3], distance: 5, fieldOfView: 90, size: size)
    #expect(camera.eye == [1, 2, 8])
    let (centre, depth) = try #require(camera.project([1, 2, 3]))
    #expect(near(centre, Point(400, 300)) && abs(depth - 5) < 1e-12)
    // tan(45°) = 1: a point 5 above the target at depth 5 is at the top edge.
    let top = try #require(camera.project([1, 7, 3]))
    #expect(near(top.pixel, Point(400, 0)))
    // 300 pixels per unit at depth 1, so at depth 5 one unit right is 60 pixels.
    let right = try #require(camera.project([2, 2, 3]))
    #expect(near(right.pixel, Point(460, 300)))
    #expect(abs(camera.pixelLength(1, atDepth: 5) - 60) < 1e-12)
    // Nearer is bigger: the same offset at depth 2.5 is twice as far from the centre.
    let nearer = try #require(camera.project([2, 2, 5.5]))
    #expect(near(nearer.pixel, Point(520, 300)) && abs(nearer.depth - 2.5) < 1e-12)
  }

  /// Turned 90° in azimuth, the eye is on +x looking towards −x, with −z
  /// to the right; raised 90° it would look straight down (held at 89.9°).
  @Test func azimuthAndElevationTurnTheEye() throws {
    let side = PerspectiveCamera(target: .zero, distance: 4, azimuth: 90, size: size)
    #expect(abs(side.eye.x - 4) < 1e-12 && abs(side.eye.z) < 1e-12)
    let onTheLeft = try #require(side.project([0, 0, 1]))
    #expect(onTheLeft.pixel.x < 400 && abs(onTheLeft.pixel.y - 300) < 1e-9)
    let above = PerspectiveCamera(target: .zero, distance: 4, elevation: 30, size: size)
    #expect(abs(above.eye.y - 2) < 1e-12 && abs(above.eye.z - 4 * cos(.pi / 6)) < 1e-12)
    // The ground's near edge is lower in the image than its far edge.
    let nearEdge = try #require(above.project([0, 0, 1]))
    let farEdge = try #require(above.project([0, 0, -1]))
    #expect(nearEdge.pixel.y > farEdge.pixel.y)
    #expect(
      PerspectiveCamera(target: .zero, distance: 1, elevation: 90, size: size).elevation == 89.9)
    // Behind the eye nothing is drawn.
    #expect(above.project(above.eye + (above.eye - above.target)) == nil)
  }

  /// The fitted camera shows every point inside the image, with a margin.
  @Test func fittingShowsEveryPoint() throws {
    // A sagging 16×16 sheet in the x–z plane.
    var points: [SIMD3<Double>] = []
    for r in 0..<16 {
      for c in 0..<16 {
        let (x, z) = (Double(c) * 0.1, Double(r) * 0.1)
        points.append(SIMD3(x, -0.02 * Double(r * r), z))
      }
    }
    let views: [(Double, Double)] = [(0, 0), (30, 20), (135, 60), (-60, -10)]
    for (azimuth, elevation) in views {
      let camera = PerspectiveCamera.fitting(
        points, azimuth: azimuth, elevation: elevation, size: size)
      var (minX, maxX) = (Double.infinity, -Double.infinity)
      for p in points {
        let pixel = try #require(camera.project(p)).pixel
        #expect(pixel.x > 0 && pixel.x < 800 && pixel.y > 0 && pixel.y < 600)
        (minX, maxX) = (min(minX, pixel.x), max(maxX, pixel.x))
      }
      // Not lost in the middle either: it spans a good part of the width.
      #expect(maxX - minX > 150, "azimuth \(azimuth), elevation \(elevation)")
    }
  }
}
