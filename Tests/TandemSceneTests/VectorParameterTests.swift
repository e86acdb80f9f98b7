import TandemAD
import TandemPhysics
import TandemScene
import Testing

@Suite("Vector parameters")
struct VectorParameterTests {
  /// A chain of three springs, each with its own stiffness, and a declared
  /// spring using one entry.
  static let chain = """
    parameters:
      c: 0.5
      k: { value: [100, 200, 300], tune: true, min: 1, scale: log }
      m: { value: 2, count: 4 }
    chains:
      - { id: rope, from: [0, 0], to: [3, 0], segments: 3, stiffness: $k, mass: $m, pinned: [0] }
    particles:
      - { id: weight, position: [3, -1] }
    springs:
      - { between: ["rope[-1]", weight], stiffness: "$k[-1]", damping: $c }
    simulation: { dt: 0.01, steps: 10 }
    """

  @Test func entriesTakeConsecutivePlacesAndGoToTheirElements() throws {
    let scene = try SceneFile.parse(Self.chain, fileName: "test.yaml")
    #expect(scene.parameterVector == [0.5, 100, 200, 300, 2, 2, 2, 2])
    #expect(scene.entryNames == ["c", "k[0]", "k[1]", "k[2]", "m[0]", "m[1]", "m[2]", "m[3]"])
    #expect(scene.parameterValues["k[1]"] == 200)
    let tuned = scene.tunedParameterList
    #expect(tuned.map(\.name) == ["k[0]", "k[1]", "k[2]"])
    #expect(tuned.map(\.index) == [1, 2, 3])
    #expect(tuned.allSatisfy { $0.vector == "k" && $0.scale == .log && $0.minimum == 1 })
    #expect(tuned.groups.map(\.name) == ["k"])
    let system = try #require(scene.simulation).system
    // The declared spring comes first in the engine's order, then the chain's.
    #expect(
      system.springs.map(\.stiffness) == [
        .parameter(3), .parameter(1), .parameter(2), .parameter(3),
      ])
    let rope = system.particles.filter { $0.name.hasPrefix("rope") }.map(\.mass)
    #expect(rope == [.parameter(4), .parameter(5), .parameter(6), .parameter(7)])
  }

  @Test func aGridGivesEachSpringAndParticleItsEntryInTheDocumentedOrder() throws {
    // 2×3 grid: 4 springs along rows, 3 along columns, 4 shear; 3 bending
    // springs along rows (columns > 2), none along columns (rows = 2).
    let text = """
      parameters:
        k: { value: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }
        kb: { value: 50, count: 2 }
        rest: { value: 0.1, count: 11 }
        m: { value: [1, 2, 3, 4, 5, 6] }
      grids:
        - { id: g, rows: 2, columns: 3, spacing: 0.1, stiffness: $k, rest: $rest, mass: $m,
            shear: true, bending: $kb }
      simulation: { dt: 0.01, steps: 1 }
      """
    let scene = try SceneFile.parse(text, fileName: "test.yaml")
    let system = try #require(scene.simulation).system
    let values = scene.parameterVector
    #expect(
      system.springs.map { $0.stiffness.value(in: values) } == [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 50, 50,
      ])
    #expect(system.springs.prefix(11).allSatisfy { $0.restLength?.value(in: values) == 0.1 })
    #expect(system.springs.suffix(2).allSatisfy { $0.restLength == nil })
    // Row by row: g[0,0], g[0,1], g[0,2], g[1,0], …
    #expect(system.particles.map { $0.mass.value(in: values) } == [1, 2, 3, 4, 5, 6])
    // Spring 4 (the first along columns) joins g[0,0] and g[1,0].
    #expect(system.springs[4].between.0 == 0 && system.springs[4].between.1 == 3)
  }

  @Test func aCountThatDoesNotMatchNamesBothPlaces() {
    let error = Fixtures.error(
      parsing: """
        parameters:
          k: { value: 400, count: 10 }
        grids:
          - { id: g, rows: 2, columns: 3, spacing: 0.1, stiffness: $k }
        simulation: { dt: 0.01, steps: 1 }
        """)
    #expect(
      error?.description
        == "test.yaml:4:60: grids[0].stiffness: there are 7 springs with `stiffness` in grid `g` (along rows, then columns, then shear), but `$k` at parameters.k (line 2, column 6) has 10 entries (give `k` `count: 7`, one entry per element in the documented order)"
    )
    let mass = Fixtures.error(
      parsing: """
        parameters:
          m: { value: [1, 2] }
        chains:
          - { id: r, from: [0, 0], to: [1, 0], segments: 2, stiffness: 10, mass: $m }
        simulation: { dt: 0.01, steps: 1 }
        """)
    #expect(mass?.message.hasPrefix("there are 3 particles in chain `r`, but `$m`") == true)
  }

  @Test func malformedVectorsAndReferencesAreErrors() {
    func message(_ parameters: String, _ stiffness: String) -> String? {
      Fixtures.error(
        parsing: """
          parameters:
            \(parameters)
          particles:
            - { id: a, position: [0, 0], pinned: true }
            - { id: b, position: [1, 0] }
          springs:
            - { between: [a, b], stiffness: \(stiffness) }
          simulation: { dt: 0.01, steps: 1 }
          """)?.message
    }
    #expect(
      message("k: { value: [1, 2], count: 3 }", "1") == "`value` lists 2 numbers, but `count` is 3")
    #expect(
      message("k: { value: [], count: 3 }", "1") == "a vector parameter needs at least one value")
    #expect(
      message("k: { value: 1, count: 0 }", "1")
        == "expected the number of entries of at least 1, found 0")
    #expect(message("k: { value: [1, x] }", "1")?.hasPrefix("expected a number") == true)
    #expect(message("k: { value: [1, -2], min: 0 }", "1") == "entry 1 (-2) is below `min` (0)")
    #expect(
      message("k: { value: 1, count: 3 }", "$k")
        == "`$k` is a vector parameter of 3 entries, and one number goes here")
    let unquoted = Fixtures.error(
      parsing:
        "parameters:\n  k: { value: 1, count: 3 }\nparticles:\n  - { id: a, position: [0, 0], mass: $k[0] }\nsimulation: { dt: 0.01, steps: 1 }"
    )
    #expect(
      unquoted?.suggestion
        == "inside `{ … }` or `[ … ]`, write an entry reference in quotes: `\"$k[3]\"`")
    #expect(
      message("k: { value: 1, count: 3 }", "\"$k[3]\"")
        == "`$k[3]`: `k` has entries 0 to 2, not `3`")
    #expect(
      message("k: { value: 1, count: 3 }", "\"$k[-4]\"")
        == "`$k[-4]`: `k` has entries 0 to 2, not `-4`")
    #expect(
      message("k: 1", "\"$k[0]\"") == "`$k` is not a vector parameter, so it has no entry `[0]`")
    #expect(
      message("k: { value: 1, count: 3 }", "\"$j[0]\"")?.hasPrefix("undefined parameter `$j`")
        == true)
    #expect(
      message("k: { value: [1, 2, -3] }", "\"$k[2]\"")
        == "the stiffness must not be negative, but `$k[2]` is -3")
  }

  @Test func setChangesOneEntryOrAll() throws {
    let assignments = try SceneDescription.parameterAssignments(["k[1]=250", "m=3"])
    #expect(assignments == ["k[1]": 250, "m": 3])
    let scene = try SceneFile.parse(Self.chain, fileName: "test.yaml", setting: assignments)
    #expect(scene.parameterVector == [0.5, 100, 250, 300, 3, 3, 3, 3])
    #expect(throws: SceneError.self) {
      try SceneFile.parse(Self.chain, fileName: "test.yaml", setting: ["k[3]": 1])
    }
    #expect(throws: SceneError.self) {
      try SceneFile.parse(Self.chain, fileName: "test.yaml", setting: ["c[0]": 1])
    }
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["k[-1]=2"]) }
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["k[x]=2"]) }
  }

  @Test func tunedValuesAreWrittenBackAsAList() throws {
    let rewritten = try SceneFile.rewritingParameters(
      in: Self.chain, with: ["k[0]": 110, "k[2]": 330.5, "c": 0.25, "m[1]": 2.5])
    #expect(rewritten.contains("k: { value: [110, 200, 330.5], tune: true, min: 1, scale: log }"))
    #expect(rewritten.contains("m: { value: [2, 2.5, 2, 2], count: 4 }"))
    let scene = try SceneFile.parse(rewritten, fileName: "test.yaml")
    #expect(scene.parameterVector == [0.25, 110, 200, 330.5, 2, 2.5, 2, 2])
    let block =
      "parameters:\n  k:\n    value:\n      - 1\n      - 2\nsimulation: { dt: 1, steps: 1 }\n"
    #expect(throws: SceneError.self) {
      try SceneFile.rewritingParameters(in: block, with: ["k[0]": 3])
    }
  }
}
