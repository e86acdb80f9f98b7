import Foundation
import TandemScene
import Testing

@Suite("Writing tuned values back (tuned.yaml)")
struct TunedSceneTextTests {
  /// The lines of `a` and `b` that differ, as pairs.
  func changedLines(_ a: String, _ b: String) -> [(String, String)] {
    let linesA = a.split(separator: "\n", omittingEmptySubsequences: false)
    let linesB = b.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(linesA.count == linesB.count)
    return zip(linesA, linesB).filter { $0 != $1 }.map { (String($0), String($1)) }
  }

  @Test func flowAndPlainFormsAreRewrittenInPlace() throws {
    let original = Fixtures.fullPhysicsExample
    let values = ["k": 412.5, "dt": 0.0015, "c": 1.0e-5]
    let rewritten = try SceneFile.rewritingParameters(
      in: original, with: values, fileName: "cloth.yaml")
    let changes = changedLines(original, rewritten)
    #expect(
      changes.map(\.1) == [
        "  k:  { value: 412.5, tune: true, min: 1, scale: log }",
        "  c:  1.0e-05                        # a plain number is a fixed parameter",
        "  dt: { value: 0.0015, tune: true, min: 1.0e-5, max: 0.01 }",
      ])
    let reparsed = try SceneFile.parse(rewritten, fileName: "cloth.yaml")
    let expected = try SceneFile.parse(original, fileName: "cloth.yaml", setting: values)
    #expect(reparsed.parameters == expected.parameters)
    #expect(reparsed.parameterValues == ["k": 412.5, "c": 1.0e-5, "dt": 0.0015])
    #expect(reparsed.parameters.map(\.tune) == [true, false, true])
  }

  @Test func blockStyleMappingsKeepTheirComments() throws {
    let original = """
      # Tuned by hand first.
      parameters:
        k:
          value: 400        # stiffness
          tune: true
          min: 1
        rate: 0.05          # learning rate, kept
        vx:   -3
      particles:
        - { id: a, position: [$vx, 0] }
      simulation: { dt: 0.01, steps: 10 }

      """
    let rewritten = try SceneFile.rewritingParameters(
      in: original, with: ["k": 1234.5678, "vx": -2.75])
    #expect(
      rewritten
        == original.replacingOccurrences(of: "value: 400 ", with: "value: 1234.5678 ")
        .replacingOccurrences(of: "vx:   -3", with: "vx:   -2.75"))
    #expect(
      try SceneFile.parse(rewritten).parameterValues == ["k": 1234.5678, "rate": 0.05, "vx": -2.75])
  }

  @Test func windowsLineEndingsAndUnicodeBeforeTheValue() throws {
    let original =
      "# π ≈ 3.14159\r\nparameters:\r\n  θ_0: 1\r\n  w: { unit: \"é€😀\", value: 2 }   # ω\r\nsimulation: { dt: 0.1, steps: 1 }\r\n"
      .replacingOccurrences(of: "θ_0", with: "theta")
    let rewritten = try SceneFile.rewritingParameters(in: original, with: ["theta": 0.5, "w": 3])
    #expect(
      rewritten
        == "# π ≈ 3.14159\r\nparameters:\r\n  theta: 0.5\r\n  w: { unit: \"é€😀\", value: 3 }   # ω\r\nsimulation: { dt: 0.1, steps: 1 }\r\n"
    )
  }

  @Test func exampleScenesRoundTrip() throws {
    for name in ["bench-cloth", "projectile", "cloth", "quadratic"] {
      let url = Fixtures.scenesDirectory.appendingPathComponent(name + ".yaml")
      let original = try String(contentsOf: url, encoding: .utf8)
      let scene = try SceneFile.parse(original, fileName: name + ".yaml")
      var values: [String: Double] = [:]
      for parameter in scene.tunedParameters {
        values[parameter.name] = parameter.value * 1.01
      }
      let rewritten = try SceneFile.rewritingParameters(in: original, with: values)
      let reparsed = try SceneFile.parse(rewritten, fileName: name + ".yaml")
      let expected = try SceneFile.parse(original, fileName: name + ".yaml", setting: values)
      #expect(reparsed.parameters == expected.parameters)
      #expect(reparsed.tune == expected.tune && reparsed.render == expected.render)
      #expect(reparsed.process.stepCount == expected.process.stepCount)
      #expect(changedLines(original, rewritten).count == values.count)
    }
  }

  @Test func unknownNamesAndUnwritableValuesAreErrors() throws {
    #expect {
      try SceneFile.rewritingParameters(
        in: Fixtures.minimal(), with: ["kk": 1], fileName: "test.yaml")
    } throws: { error in
      "\(error)"
        == "test.yaml: parameters.kk: cannot write `kk`: the scene defines no parameter of that name (did you mean `k`?)"
    }
    #expect(throws: SceneError.self) {
      try SceneFile.rewritingParameters(in: "simulation: { dt: 1, steps: 1 }", with: ["k": 1])
    }
    #expect {
      try SceneFile.rewritingParameters(in: "parameters:\n  k: \"3\"\n", with: ["k": 1])
    } throws: { error in
      (error as? SceneError)?.message
        == "cannot write `k` in place: its value is not a plain number"
    }
  }
}
