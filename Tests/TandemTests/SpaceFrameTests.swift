import Foundation
import Tandem
import Testing

/// 3-D frames: the fitted camera shows the whole motion, particles and their
/// shadows are drawn where the camera puts them, the camera orbits as the
/// settings say, and the floor's grid covers the motion.
@Suite struct SpaceFrameTests {
  func drawing(_ name: String, size: PixelSize = PixelSize(width: 320, height: 240)) throws -> (
    SceneDrawing, Trajectory
  ) {
    let scene = try ExampleScenes.load(name)
    let simulation = try #require(scene.simulation)
    let trajectory = try Trajectory.record(simulation, parameters: scene.parameterVector, every: 10)
    return (
      SceneDrawing(simulation, parameters: scene.parameterVector, size: size, render: scene.render),
      trajectory
    )
  }

  @Test(arguments: ["throw-3d", "cloth-3d", "bench-cloth-3d"])
  func theFittedCameraShowsEveryParticleAtEveryFrame(name: String) throws {
    let (drawing, trajectory) = try drawing(name)
    #expect(drawing.isSpatial)
    let view = drawing.view(fitting: trajectory.samples)
    for sample in trajectory.samples {
      let pixels = drawing.pixels(of: sample.positions, view: view)
      #expect(pixels.count == drawing.system.count)
      #expect(pixels.allSatisfy { $0.x >= 0 && $0.x <= 320 && $0.y >= 0 && $0.y <= 240 })
    }
  }

  /// The ball is drawn where the camera projects it, in its own colour, and
  /// its shadow darkens the floor straight below it.
  @Test func theBallAndItsShadowAreWhereTheCameraPutsThem() throws {
    let (drawing, trajectory) = try drawing("throw-3d")
    let view = drawing.view(fitting: trajectory.samples)
    guard case .space(let camera, let floor) = view else {
      Issue.record("a 3-D scene has a perspective view")
      return
    }
    let sample = trajectory.samples[trajectory.samples.count / 2]
    var canvas = drawing.backdrop(view: view)
    let empty = canvas
    drawing.draw(sample.positions, on: &canvas, view: view)
    let ball = SIMD3(sample.positions[0], sample.positions[1], sample.positions[2])
    #expect(ball.y > floor.height + 0.5)  // in the air at mid-flight
    let centre = try #require(camera.project(ball)).pixel
    let drawn = canvas.pixel(atX: Int(centre.x), y: Int(centre.y))
    #expect(drawn.blue > drawn.red + 30)  // the blue ball, not the background
    let foot = try #require(camera.project(SIMD3(ball.x, floor.height, ball.z))).pixel
    func brightness(_ canvas: Canvas) -> Int {
      let p = canvas.pixel(atX: Int(foot.x), y: Int(foot.y))
      return Int(p.red) + Int(p.green) + Int(p.blue)
    }
    #expect(brightness(canvas) < brightness(empty) - 5)
  }

  /// `camera.orbit` turns the camera by that many degrees over the run.
  @Test func theCameraOrbitsOverTheRun() throws {
    let (drawing, trajectory) = try drawing("cloth-3d")
    #expect(drawing.orbits)
    let view = drawing.view(fitting: trajectory.samples)
    guard case .space(let start, _) = drawing.view(view, turnedBy: 0),
      case .space(let end, _) = drawing.view(view, turnedBy: 1)
    else {
      Issue.record("a 3-D scene has a perspective view")
      return
    }
    #expect(start.azimuth == 35 && end.azimuth == 75)
    #expect(start.elevation == 20 && end.elevation == 20)
  }

  /// The floor lies on the ground when there is one, otherwise just under
  /// the motion, and its grid covers the motion's footprint in round steps.
  @Test func theFloorCoversTheMotion() {
    let points: [SIMD3<Double>] = [[0, 1, 0], [2, 3, 1], [1, 2, -1]]
    let reference = SpaceFloor.enclosing(points, ground: nil)
    #expect(!reference.isGround)
    #expect(reference.span == 2)
    #expect(abs(reference.height - 0.9) < 1e-12)  // 5% of the span below the lowest point
    #expect(reference.x.lowerBound <= -0.4 && reference.x.upperBound >= 2.4)
    #expect(reference.z.lowerBound <= -1.4 && reference.z.upperBound >= 1.4)
    let steps = (reference.x.upperBound - reference.x.lowerBound) / reference.step
    #expect(abs(steps - steps.rounded()) < 1e-9)
    let ground = SpaceFloor.enclosing(points, ground: -0.5)
    #expect(ground.isGround && ground.height == -0.5)
  }
}
