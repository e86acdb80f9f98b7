import Foundation
import Tandem
import Testing

/// The hypergradient through bending springs (and a grid on slanted
/// steps), three ways: forward mode, central differences and reverse mode,
/// at a bending stiffness of 40 and of exactly 0 (where the springs exert
/// no force but their stiffness still has a derivative).
@Suite struct BendingGradientTests {
  func scene(kb: Double) throws -> SceneDescription {
    try SceneFile.parse(
      """
      parameters:
        k:  { value: 300, tune: true, min: 1 }
        kb: { value: \(kb), tune: true, min: 0 }
      world: { gravity: [0, -9.81], drag: 0.2 }
      grids:
        - { id: sheet, rows: 5, columns: 5, column-step: [0.1, 0.01], row-step: [0.01, -0.1],
            mass: 1, stiffness: $k, shear: true, bending: $kb, pinned: [[0, 0], [0, -1]] }
      simulation: { integrator: semi-implicit-euler, dt: 0.002, steps: 300 }
      objective:
        - coordinate: { particles: "sheet[-1,*]", axis: y, target: -0.8 }
      """, fileName: "bending.yaml")
  }

  @Test(arguments: [40.0, 0.0])
  func threeRoutesAgree(kb: Double) throws {
    let scene = try scene(kb: kb)
    let process = try #require(scene.simulation)
    let parameters = scene.parameterVector
    let tuned = scene.tunedParameterList.map(\.index)
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(
      parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(
      parameters: parameters, tuned: tuned)
    #expect(abs(reverseLoss - loss) <= 1e-13 * abs(loss))
    for k in tuned.indices {
      #expect(forward[k] != 0, "parameter \(k) has a derivative")
      #expect(abs(reverse[k] - forward[k]) <= 1e-9 * abs(forward[k]), "reverse, parameter \(k)")
      #expect(
        abs(difference[k] - forward[k]) <= 1e-5 * abs(forward[k]),
        "differences, parameter \(k): \(difference[k]) against \(forward[k])")
    }
  }
}
