import Foundation
import Tandem
import Testing

/// Every part of the engine in 3-D: springs with dashpots, a pair
/// potential, drag, gravity, a damped ground, pinned particles, a grid with
/// bending springs, a chain, every integrator, a stop event and every
/// objective term; its hypergradient three ways (forward, reverse, central
/// differences), and against the 2-D engine: a 3-D scene lying in the plane
/// z = 0 is the 2-D scene bit for bit, and turning a scene about the
/// vertical axis changes nothing but rounding.
@Suite struct ThreeDimensionGradientTests {
  /// A scene using every physics feature, `point(x, y, z)` writing each
  /// position and velocity (so that the same scene can be written in 2-D,
  /// in 3-D, or turned).
  static func scene(
    integrator: String = "semi-implicit-euler", damping: Double = 0.3, stop: Bool = false,
    point: (Double, Double, Double) -> String
  ) -> String {
    let stopLine =
      stop ? "\n  stop: { particle: ball, axis: y, below: 0.05 }" : ""
    return """
      parameters:
        k:  { value: 200, tune: true, min: 1 }
        d:  { value: \(damping), tune: true, min: 0 }
        c:  { value: 0.1, tune: true, min: 0 }
        vx: { value: 1.5, tune: true }
      world: { gravity: \(point(0, -9.81, 0)), drag: $c, ground: { height: -0.3, stiffness: 2000, damping: 5 } }
      particles:
        - { id: anchor, position: \(point(0, 0.5, 0)), pinned: true }
        - { id: ball, position: \(point(0.2, 0.4, 0.1)), velocity: \(point(1, 0.5, -0.5)), mass: 0.5 }
        - { id: other, position: \(point(-0.1, 0.2, 0.3)) }
      springs:
        - { between: [anchor, ball], stiffness: $k, damping: $d }
        - { between: [ball, other], stiffness: 50, rest: 0.2, damping: $d }
      potentials:
        - { kind: inverse-distance, between: [ball, other], strength: 0.01 }
      grids:
        - { id: sheet, rows: 3, columns: 3, origin: \(point(0.5, 0, 0)), column-step: \(point(0.1, 0, 0.02)),
            row-step: \(point(0, -0.02, 0.1)), stiffness: $k, damping: $d, shear: true, bending: 10,
            pinned: [[0, 0]] }
      chains:
        - { id: rope, from: \(point(-0.5, 0.5, 0)), to: \(point(-0.5, 0.1, 0.2)), segments: 3, stiffness: $k, pinned: [0] }
      simulation:
        integrator: \(integrator)
        dt: 0.002
        steps: 150\(stopLine)
      objective:
        - coordinate: { particles: "sheet[-1,*]", axis: y, target: -0.4 }
        - distance: { between: [ball, "rope[-1]"], target: 0.3 }
        - { kinetic-energy: { particles: other }, weight: 0.1 }
        - coordinate: { particles: ball, axis: y, target: 0.2 }
      """
  }

  /// The scene with `vx` (a parameter) as the ball's launch speed along x.
  static func spaceScene(integrator: String = "semi-implicit-euler", damping: Double = 0.3, stop: Bool = false)
    -> String
  {
    scene(integrator: integrator, damping: damping, stop: stop) { x, y, z in "[\(x), \(y), \(z)]" }
      .replacingOccurrences(of: "velocity: [1.0, 0.5, -0.5]", with: "velocity: [$vx, 0.5, -0.5]")
  }

  func gradients(_ text: String) throws -> (
    loss: Double, forward: [Double], reverse: [Double], difference: [Double]
  ) {
    let scene = try SceneFile.parse(text, fileName: "space.yaml")
    let process = try #require(scene.simulation)
    let parameters = scene.parameterVector
    let tuned = scene.tunedParameterList.map(\.index)
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(parameters: parameters, tuned: tuned)
    #expect(abs(reverseLoss - loss) <= 1e-13 * abs(loss))
    return (loss, forward, reverse, difference)
  }

  /// Every parameter has a derivative, and reverse mode and central
  /// differences agree with forward mode on it.
  func expectAgreement(_ text: String) throws {
    let (_, forward, reverse, difference) = try gradients(text)
    for k in forward.indices {
      #expect(forward[k] != 0, "parameter \(k) has a derivative")
      #expect(abs(reverse[k] - forward[k]) <= 1e-9 * abs(forward[k]), "reverse, parameter \(k)")
      #expect(
        abs(difference[k] - forward[k]) <= 1e-5 * abs(forward[k]),
        "differences, parameter \(k): \(difference[k]) against \(forward[k])")
    }
  }

  @Test(arguments: ["euler", "semi-implicit-euler", "velocity-verlet", "rk4"])
  func threeRoutesAgreeIn3D(integrator: String) throws {
    try expectAgreement(Self.spaceScene(integrator: integrator))
  }

  /// At a dashpot damping of exactly 0 its derivative is still there, and a
  /// stop event (the ball falling through a height) moves with the parameters.
  @Test(arguments: [false, true])
  func edgeValuesAndStopsIn3D(stop: Bool) throws {
    try expectAgreement(Self.spaceScene(damping: 0, stop: stop))
  }

  /// Written with z = 0 throughout, a 3-D scene is its 2-D scene: the same
  /// loss and hypergradient, bit for bit.
  @Test func aFlat3DSceneIsThe2DScene() throws {
    let flat = try gradients(Self.scene { x, y, _ in "[\(x), \(y), 0]" })
    let plane = try gradients(Self.scene { x, y, _ in "[\(x), \(y)]" })
    #expect(flat.loss.bitPattern == plane.loss.bitPattern)
    #expect(flat.forward.map(\.bitPattern) == plane.forward.map(\.bitPattern))
    #expect(flat.reverse.map(\.bitPattern) == plane.reverse.map(\.bitPattern))
  }

  /// Gravity and the ground are along y, and every objective term above
  /// measures y or distances or speeds: turning the whole scene about the
  /// vertical axis changes the loss and its gradient only by rounding.
  @Test func turningAboutTheVerticalChangesNothing() throws {
    let angle = 0.7
    let turned = try gradients(
      Self.scene { x, y, z in
        "[\(cos(angle) * x + sin(angle) * z), \(y), \(-sin(angle) * x + cos(angle) * z)]"
      })
    let straight = try gradients(Self.scene { x, y, z in "[\(x), \(y), \(z)]" })
    #expect(abs(turned.loss - straight.loss) <= 1e-11 * abs(straight.loss))
    for k in straight.forward.indices {
      #expect(
        abs(turned.forward[k] - straight.forward[k]) <= 1e-8 * abs(straight.forward[k]),
        "parameter \(k): \(turned.forward[k]) against \(straight.forward[k])")
    }
  }
}
