import TandemScene
import Testing

@Suite("Parameters and --set")
struct ParameterTests {
  @Test func boundsAreChecked() {
    #expect(SceneParameter(name: "k", value: 400, min: 1, max: 1000, scale: .log).problem == nil)
    #expect(
      SceneParameter(name: "k", value: 5, min: 10, max: 1).problem
        == "`min` (10) must be less than `max` (1)")
    #expect(
      SceneParameter(name: "k", value: 5, min: 5, max: 5).problem
        == "`min` (5) must be less than `max` (5)")
    #expect(SceneParameter(name: "k", value: 0.5, min: 1).problem == "value 0.5 is below `min` (1)")
    #expect(SceneParameter(name: "k", value: 2, max: 1).problem == "value 2 is above `max` (1)")
    #expect(
      SceneParameter(name: "k", value: 0, scale: .log).problem
        == "`scale: log` needs a positive value, not 0")
    #expect(
      SceneParameter(name: "k", value: 1, min: 0, scale: .log).problem
        == "`scale: log` needs a positive `min`, not 0")
    #expect(SceneParameter(name: "k", value: 1, min: 1, max: 1.5).problem == nil)
  }

  @Test func boundsErrorsPointAtTheParameter() {
    let error = Fixtures.error(
      parsing: "parameters:\n  k: { value: 0.5, min: 1 }\nsimulation: { dt: 1, steps: 1 }")
    #expect(error?.description == "test.yaml:2:6: parameters.k: value 0.5 is below `min` (1)")
    let log = Fixtures.error(
      parsing:
        "parameters:\n  dt: { value: 0.1, min: 0, scale: log }\nsimulation: { dt: $dt, steps: 1 }")
    #expect(
      log?.description == "test.yaml:2:7: parameters.dt: `scale: log` needs a positive `min`, not 0"
    )
    let name = Fixtures.error(parsing: "parameters:\n  2k: 1\nsimulation: { dt: 1, steps: 1 }")
    #expect(name?.message == "malformed parameter name `2k`")
    let reference = Fixtures.error(parsing: "parameters:\n  k: $j\nsimulation: { dt: 1, steps: 1 }")
    #expect(
      reference?.message
        == "expected a number or `{ value: …, tune: true }`, found the reference `$j`")
  }

  @Test func settingParametersReplacesValuesAndChecksThem() throws {
    func parse(setting values: [String: Double]) throws -> SceneDescription {
      try SceneFile.parse(Fixtures.fullPhysicsExample, fileName: "cloth.yaml", setting: values)
    }
    let changed = try parse(setting: ["k": 500, "c": 0.25])
    #expect(changed.parameterValues == ["k": 500, "c": 0.25, "dt": 0.002])
    #expect(
      changed.parameter(named: "k")
        == SceneParameter(name: "k", value: 500, tune: true, min: 1, scale: .log))
    // The description refers to parameters by index, so only the values change.
    #expect(changed.simulation?.system.drag == .parameter(1))
    #expect(changed.simulation?.system.drag.value(in: changed.parameterVector) == 0.25)

    #expect {
      try parse(setting: ["kk": 1])
    } throws: { error in
      "\(error)"
        == "cloth.yaml: cannot set `kk`: the scene defines no parameter of that name (did you mean `k`?)"
    }
    #expect {
      try parse(setting: ["k": 0.5])
    } throws: { error in
      "\(error)" == "cloth.yaml:4:7: parameters.k: cannot set `k`: value 0.5 is below `min` (1)"
    }
    #expect {
      try parse(setting: ["c": -1])
    } throws: { error in
      "\(error)"
        == "cloth.yaml:9:9: world.drag: the drag must not be negative, but `$c` is -1 (change the value of `c` under `parameters:`)"
    }
  }

  @Test func settingADtOfZeroFailsLikeTheFileWould() throws {
    let text =
      "parameters: { dt: 0.01 }\nsimulation: { dt: $dt, steps: 1 }\nparticles: [{ id: a, position: [0, 0] }]"
    #expect(throws: Never.self) { try SceneFile.parse(text) }
    #expect {
      try SceneFile.parse(text, setting: ["dt": 0])
    } throws: { error in
      (error as? SceneError)?.message == "the time step must be positive, but `$dt` is 0"
    }
  }

  @Test func assignmentsAreRead() throws {
    #expect(
      try SceneDescription.parameterAssignments(["k=500", "dt = 1e-3", "$c=0.5"]) == [
        "k": 500, "dt": 0.001, "c": 0.5,
      ])
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["k"]) }
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["k=abc"]) }
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["k=1", "k=2"]) }
    #expect(throws: SceneError.self) { try SceneDescription.parameterAssignments(["1k=2"]) }
  }
}
