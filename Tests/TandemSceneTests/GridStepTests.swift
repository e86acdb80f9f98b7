import Foundation
import TandemAD
import TandemPhysics
import TandemScene
import Testing

/// Grids placed by `column-step` and `row-step` vectors, and their bending springs.
@Suite struct GridStepTests {
  func grid(_ keys: String, rows: Int = 4, columns: Int = 5) throws -> SceneDescription {
    try SceneFile.parse(
      """
      parameters:
        kb: { value: 40, tune: true, min: 0.1 }
      grids:
        - { id: g, rows: \(rows), columns: \(columns), origin: [1, 2], stiffness: 100, damping: 0.5, \(keys) }
      simulation: { dt: 0.01, steps: 10 }
      """, fileName: "grid.yaml")
  }

  /// The positions of every particle, evaluated at the scene's parameters.
  func positions(_ scene: SceneDescription) throws -> [[Double]] {
    let system = try #require(scene.simulation).system
    return system.particles.map { $0.position.map { $0.value(in: scene.parameterVector) } }
  }

  @Test func spacingGivesTheDefaultSteps() throws {
    let spaced = try grid("spacing: 0.1")
    let stepped = try grid("column-step: [0.1, 0], row-step: [0, -0.1]")
    #expect(try positions(spaced) == positions(stepped))
    // Row 0 at the top, columns to the right: (2, 3) is 3 right of and 2 below the origin.
    let p = try positions(spaced)[2 * 5 + 3]
    #expect(abs(p[0] - 1.3) < 1e-15 && abs(p[1] - 1.8) < 1e-15)
  }

  @Test func slantedStepsPlaceEveryParticle() throws {
    let scene = try grid("column-step: [0.1, 0.05], row-step: [0.02, -0.1]")
    let all = try positions(scene)
    for r in 0..<4 {
      for c in 0..<5 {
        let expected = [
          1 + Double(c) * 0.1 + Double(r) * 0.02, 2 + Double(c) * 0.05 - Double(r) * 0.1,
        ]
        #expect(abs(all[r * 5 + c][0] - expected[0]) < 1e-14)
        #expect(abs(all[r * 5 + c][1] - expected[1]) < 1e-14)
      }
    }
    // One step given: the other comes from the spacing.
    let one = try positions(grid("spacing: 0.2, row-step: [0.02, -0.1]"))
    #expect(abs(one[1][0] - 1.2) < 1e-15 && one[1][1] == 2)
  }

  @Test func bendingSpringsFollowTheShearSprings() throws {
    let scene = try grid("spacing: 0.1, shear: true, bending: $kb")
    let springs = try #require(scene.simulation).system.springs
    let (structural, shear) = (4 * 4 + 3 * 5, 2 * 3 * 4)
    let bending = 4 * 3 + 2 * 5
    #expect(springs.count == structural + shear + bending)
    let first = springs[structural + shear]
    #expect(first.between == (0, 2))  // (0,0)–(0,2)
    #expect(springs[structural + shear + 4 * 3 - 1].between == (3 * 5 + 2, 3 * 5 + 4))
    #expect(springs[structural + shear + 4 * 3].between == (0, 2 * 5))  // (0,0)–(2,0)
    #expect(springs.last!.between == (1 * 5 + 4, 3 * 5 + 4))  // (1,4)–(3,4)
    let kb = try #require(scene.parameters.firstIndex { $0.name == "kb" })
    for spring in springs[(structural + shear)...] {
      #expect(spring.stiffness == .parameter(kb))
      #expect(spring.damping.value(in: scene.parameterVector) == 0)
    }
    // No bending without the key; a grid too small for any is fine.
    #expect(try #require(grid("spacing: 0.1").simulation).system.springs.count == structural)
    let thin = try grid("spacing: 0.1, bending: 10", rows: 1, columns: 2)
    #expect(try #require(thin.simulation).system.springs.count == 1)
  }

  @Test func stepsAndSpacingMustAgree() {
    #expect {
      try grid("spacing: 0.1, column-step: [0.1, 0], row-step: [0, -0.1]")
    } throws: { error in
      "\(error)".contains(
        "grids[0].spacing: `spacing` has no effect when both `column-step` and `row-step` are given (remove it)"
      )
    }
    #expect {
      try grid("column-step: [0.1, 0]")
    } throws: { error in
      "\(error)".contains("missing required key `spacing` (the distance between neighbours; or give both `column-step` and `row-step`)")
    }
    #expect {
      try grid("spacing: 0.1, bending: -1")
    } throws: { error in
      "\(error)".contains("grids[0].bending")
    }
  }
}
