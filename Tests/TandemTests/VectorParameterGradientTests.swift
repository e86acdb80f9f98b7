import Foundation
import Tandem
import TandemTestSupport
import Testing

/// The hypergradient with respect to vector parameters: one stiffness per
/// spring, one rest length per spring, one mass per particle. Forward mode,
/// reverse mode and central differences agree on every entry, and the
/// entries' derivatives add up to the derivative of the one shared value.
@Suite struct VectorParameterGradientTests {
  /// A 3×3 sheet (12 structural and 8 shear springs) and a chain of 3
  /// springs, with vectors where `vectors` is true and the same values as
  /// scalars otherwise.
  static func scene(vectors: Bool) -> String {
    let sheetK = vectors ? "$ks" : "$k"
    let ropeRest = vectors ? "$rest" : "$r"
    let ropeMass = vectors ? "$m" : "$mass"
    return """
      parameters:
        k: { value: 300, tune: true }
        ks: { value: [300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300], tune: true }
        r: { value: 0.15, tune: true }
        rest: { value: 0.15, count: 3, tune: true }
        mass: { value: 0.7, tune: true }
        m: { value: 0.7, count: 4, tune: true }
      world: { gravity: [0, -9.81], drag: 0.2 }
      grids:
        - { id: sheet, rows: 3, columns: 3, origin: [0.5, 0], spacing: 0.1, stiffness: \(sheetK),
            damping: 0.3, shear: true, pinned: [[0, 0], [0, 2]] }
      chains:
        - { id: rope, from: [-0.5, 0.5], to: [-0.5, 0.1], segments: 3, stiffness: 200,
            rest: \(ropeRest), mass: \(ropeMass), pinned: [0] }
      simulation: { integrator: velocity-verlet, dt: 0.002, steps: 200 }
      objective:
        - coordinate: { particles: "sheet[-1,*]", axis: y, target: -0.4 }
        - coordinate: { particles: "rope[-1]", axis: y, target: -0.2 }
      """
  }

  @Test func everyEntryAgreesThreeWaysAndTheEntriesAddUp() throws {
    let vectors = try SceneFile.parse(Self.scene(vectors: true), fileName: "vectors.yaml")
    let process = try #require(vectors.simulation)
    let parameters = vectors.parameterVector
    let tuned = vectors.tunedParameterList.map(\.index)
    #expect(tuned.count == 1 + 20 + 1 + 3 + 1 + 4)
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(
      parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(parameters: parameters, tuned: tuned)
    #expect(abs(reverseLoss - loss) <= 1e-13 * abs(loss))
    let names = vectors.tunedParameterList.map(\.name)
    for (k, name) in names.enumerated() {
      let scale = max(abs(forward[k]), 1e-6)
      #expect(abs(reverse[k] - forward[k]) <= 1e-10 * scale, "\(name): reverse")
      #expect(abs(difference[k] - forward[k]) <= 1e-5 * scale, "\(name): differences")
    }
    // The scalars k, r and mass are not used in this form of the scene.
    for name in ["k", "r", "mass"] { #expect(forward[names.firstIndex(of: name)!] == 0) }
    // The same scene with scalars gives the same loss, and each scalar's
    // derivative is the sum of its entries' derivatives.
    let scalars = try SceneFile.parse(Self.scene(vectors: false), fileName: "scalars.yaml")
    let (scalarLoss, scalarGradient) = try #require(scalars.simulation).lossWithGradient(
      parameters: scalars.parameterVector, tuned: tuned)
    #expect(scalarLoss == loss)
    func sum(_ prefix: String) -> Double {
      zip(names, forward).filter { $0.0.hasPrefix(prefix + "[") }.map(\.1).reduce(0, +)
    }
    for (scalar, vector) in [("k", "ks"), ("r", "rest"), ("mass", "m")] {
      let expected = scalarGradient[names.firstIndex(of: scalar)!]
      #expect(abs(sum(vector) - expected) <= 1e-11 * abs(expected), "\(vector)")
    }
    // Different entries really differ (the sheet is not symmetric about
    // every spring): a vector is not a disguised scalar.
    let sheet = zip(names, forward).filter { $0.0.hasPrefix("ks[") }.map(\.1)
    #expect(Set(sheet.map { ($0 * 1e6).rounded() }).count > 5)
  }
}
