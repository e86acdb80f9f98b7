import Foundation
import TandemAD
import TandemFiles
import TandemPhysics
import TandemScene
import Testing

/// A scene's dimension comes from its vectors: two components in 2-D, three
/// in 3-D, the same throughout; defaults follow it.
@Suite struct DimensionTests {
  func parse(_ yaml: String) throws -> SimulationDescription {
    try #require(try SceneFile.parse(yaml, fileName: "scene.yaml").simulation)
  }

  func readingError(_ yaml: String) -> SceneError? {
    do {
      _ = try SceneFile.parse(yaml, fileName: "scene.yaml")
      return nil
    } catch let error as SceneError {
      return error
    } catch {
      return nil
    }
  }

  @Test func threeComponentVectorsMakeA3DScene() throws {
    let simulation = try parse(
      """
      particles:
        - { id: ball, position: [0, 1, 2], velocity: [3, 4, 5] }
      simulation: { dt: 0.01, steps: 1 }
      objective:
        - position: { particles: ball, target: [1, 0, -1] }
        - coordinate: { particles: ball, axis: z, target: 2 }
      """)
    let system = simulation.system
    #expect(system.dimension == 3)
    #expect(system.particles[0].position == [0, 1, 2])
    #expect(system.particles[0].velocity == [3, 4, 5])
    // The default gravity is 9.81 down y, with a z component in 3-D.
    #expect(system.gravity == [0, -9.81, 0])
    if case let .position(_, target) = simulation.objective[0].kind {
      #expect(target == [1, 0, -1])
    } else {
      Issue.record("a position term")
    }
  }

  @Test func defaultsTakeTheDimension() throws {
    let simulation = try parse(
      """
      world: { gravity: [0, -1, 0] }
      particles:
        - { id: ball, position: [0, 1, 2] }
      grids:
        - { id: g, rows: 2, columns: 2, spacing: 0.5, stiffness: 1 }
      simulation: { dt: 0.01, steps: 1 }
      """)
    let particles = simulation.system.particles
    #expect(particles[0].velocity == [0, 0, 0])
    // Origin [0, 0, 0], column step [s, 0, 0], row step [0, −s, 0].
    #expect(particles[1].position.map { $0.value(in: []) } == [0, 0, 0])
    #expect(particles[2].position.map { $0.value(in: []) } == [0.5, 0, 0])
    #expect(particles[3].position.map { $0.value(in: []) } == [0, -0.5, 0])
  }

  @Test func vectorsThatDisagreeNameBothPlaces() throws {
    let error = try #require(
      readingError(
        """
        world: { gravity: [0, -9.81] }
        particles:
          - { id: ball, position: [0, 1, 2] }
        simulation: { dt: 0.01, steps: 1 }
        """))
    #expect(error.location == SourceLocation(line: 3, column: 27))
    #expect(error.path == "particles[0].position")
    #expect(
      error.message
        == "this vector has 3 components, but world.gravity (line 1, column 19) has 2: a scene is 2-D or 3-D throughout"
    )
  }

  @Test func axisZNeedsA3DScene() throws {
    let error = try #require(
      readingError(
        """
        particles:
          - { id: ball, position: [0, 1] }
        simulation:
          dt: 0.01
          steps: 10
          stop: { particle: ball, axis: z, below: 0 }
        """))
    #expect(error.path == "simulation.stop.axis")
    #expect(error.location == SourceLocation(line: 6, column: 33))
    #expect(error.message == "axis `z` in a 2-D scene (its vectors have two components)")
  }

  @Test func chainsRunBetween3DEnds() throws {
    let simulation = try parse(
      """
      chains:
        - { id: rope, from: [0, 0, 0], to: [2, 0, 4], segments: 2, stiffness: 10 }
      simulation: { dt: 0.01, steps: 1 }
      """)
    #expect(
      simulation.system.particles.map { $0.position.map { $0.value(in: []) } } == [
        [0, 0, 0], [1, 0, 2], [2, 0, 4],
      ])
  }
}

/// `render.camera` in 3-D, `render.view` in 2-D.
@Suite struct CameraSettingsTests {
  let space = """
    particles:
      - { id: ball, position: [0, 1, 2] }
    simulation: { dt: 0.01, steps: 1 }
    """

  @Test func cameraKeysAreRead() throws {
    let scene = try SceneFile.parse(
      space
        + "\nrender: { camera: { azimuth: -20, elevation: 60, distance: 5, target: [1, 2, 3], fov: 30, orbit: 90 } }"
    )
    #expect(
      scene.render.camera
        == CameraSettings(
          azimuth: -20, elevation: 60, distance: 5, target: [1, 2, 3], fieldOfView: 30, orbit: 90))
    #expect(try SceneFile.parse(space).render.camera == CameraSettings())
  }

  @Test func cameraAndViewBelongToTheirDimension() throws {
    func message(_ text: String) -> String? {
      do {
        _ = try SceneFile.parse(text)
        return nil
      } catch {
        return (error as? SceneError)?.message
      }
    }
    #expect(
      message(space + "\nrender: { view: [0, 0, 1, 1] }")
        == "`view` sets the rectangle of 2-D frames, but this scene is 3-D")
    #expect(
      message(
        "particles: [{ id: ball, position: [0, 1] }]\nsimulation: { dt: 0.01, steps: 1 }\nrender: { camera: { azimuth: 10 } }"
      ) == "`camera` sets the view of 3-D frames, but this scene is 2-D")
    #expect(
      message(space + "\nrender: { camera: { elevation: 95 } }")
        == "`elevation` must be between -89 and 89 degrees, not 95")
    #expect(
      message(space + "\nrender: { camera: { distance: 0 } }")
        == "`distance` must be positive, not 0")
  }
}
