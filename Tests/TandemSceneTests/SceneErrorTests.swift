import TandemFiles
import TandemScene
import Testing

/// Every error a person can make, with the exact place and advice it reports.
@Suite("Scene errors")
struct SceneErrorTests {
  /// The error for `Fixtures.minimal` with `old` replaced by `new`.
  func error(replacing old: String, with new: String, appending body: String = "") throws
    -> SceneError
  {
    let text = Fixtures.minimal(body)
    if !old.isEmpty { #expect(text.contains(old), "fixture lacks \(old)") }
    return try #require(
      Fixtures.error(parsing: old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)))
  }

  @Test func minimalFixtureIsValid() {
    #expect(Fixtures.error(parsing: Fixtures.minimal()) == nil)
  }

  @Test func aStopInASceneWithoutParticlesIsAnError() throws {
    // This used to trap (index out of range) instead of reporting.
    let error = try #require(
      Fixtures.error(
        parsing: "simulation: { dt: 0.01, steps: 10, stop: { particle: all, axis: y, below: 0 } }"))
    #expect(
      error.description
        == "test.yaml:1:54: simulation.stop.particle: `all` selects 0 particles, but `stop` watches one particle (the scene has no particles; add some under `particles:`, `grids:` or `chains:`)"
    )
  }

  @Test func unknownKeySuggestsTheNearest() throws {
    let error = try error(replacing: "stiffness: $k", with: "stifness: $k")
    #expect(error.file == "test.yaml")
    #expect(error.location == SourceLocation(line: 8, column: 32))
    #expect(error.path == "springs[0].stifness")
    #expect(error.message == "unknown key `stifness`")
    #expect(error.suggestion == "did you mean `stiffness`?")
    #expect(
      error.description
        == "test.yaml:8:32: springs[0].stifness: unknown key `stifness` (did you mean `stiffness`?)"
    )
  }

  @Test func unknownTopLevelKey() throws {
    let error = try error(replacing: "", with: "", appending: "simulaton: 3")
    #expect(
      error.description
        == "test.yaml:10:1: simulaton: unknown key `simulaton` (did you mean `simulation`?)")
  }

  @Test func unknownKeyFarFromAnyListsTheValidKeys() throws {
    let error = try error(replacing: "mass: 1", with: "colour: red")
    #expect(error.suggestion == "valid keys: id, position, velocity, mass, pinned")
  }

  @Test func keyOfTheOtherKindSaysSo() throws {
    let error = try error(replacing: "", with: "", appending: "optimizer: { method: sgd, rate: 1 }")
    #expect(
      error.description
        == "test.yaml:10:1: optimizer: `optimizer` is not valid here (`optimizer` belongs to training scenes; add `kind: training`)"
    )
  }

  @Test func zeroAndNegativeMass() throws {
    #expect(
      try error(replacing: "mass: 1", with: "mass: 0").description
        == "test.yaml:5:41: particles[0].mass: the mass must be positive, not 0")
    #expect(
      try error(replacing: "mass: 1", with: "mass: -2").description
        == "test.yaml:5:41: particles[0].mass: the mass must be positive, not -2")
  }

  @Test func gridAndChainMassMustBePositive() {
    let grid = Fixtures.error(
      parsing:
        "grids: [{ id: g, rows: 2, columns: 2, spacing: 1, mass: -1, stiffness: 1 }]\nsimulation: { dt: 1, steps: 1 }"
    )
    #expect(grid?.description == "test.yaml:1:57: grids[0].mass: the mass must be positive, not -1")
    let chain = Fixtures.error(
      parsing:
        "parameters: { m: 0 }\nchains: [{ id: c, from: [0, 0], to: [1, 0], segments: 2, mass: $m, stiffness: 1 }]\nsimulation: { dt: 1, steps: 1 }"
    )
    #expect(chain?.path == "chains[0].mass")
    #expect(chain?.message == "the mass must be positive, but `$m` is 0")
  }

  @Test func timeStepMustBePositive() throws {
    #expect(
      try error(replacing: "dt: $dt", with: "dt: 0").description
        == "test.yaml:9:38: simulation.dt: the time step must be positive, not 0")
    let viaParameter = try error(replacing: "dt: 0.01", with: "dt: -0.01")
    #expect(viaParameter.location == SourceLocation(line: 9, column: 38))
    #expect(viaParameter.message == "the time step must be positive, but `$dt` is -0.01")
    #expect(viaParameter.suggestion == "change the value of `dt` under `parameters:`")
  }

  @Test func springBetweenAParticleAndItself() throws {
    #expect(
      try error(replacing: "[anchor, ball]", with: "[ball, ball]").description
        == "test.yaml:8:16: springs[0].between: a spring between the particle `ball` and itself (join two different particles)"
    )
  }

  @Test func duplicateParticleIDs() throws {
    #expect(
      try error(replacing: "id: anchor", with: "id: ball").description
        == "test.yaml:6:11: particles[1].id: duplicate id `ball`: another particle, grid or chain already uses it"
    )
    let clash = Fixtures.error(
      parsing:
        "particles: [{ id: rope, position: [0, 0] }]\nchains: [{ id: rope, from: [0, 0], to: [1, 0], segments: 2, stiffness: 1 }]\nsimulation: { dt: 1, steps: 1 }"
    )
    #expect(clash?.path == "chains[0].id")
    #expect(clash?.location == SourceLocation(line: 2, column: 16))
  }

  @Test func unknownIntegratorListsTheValidNames() throws {
    let error = try error(replacing: "integrator: euler", with: "integrator: rk5")
    #expect(error.location == SourceLocation(line: 9, column: 27))
    #expect(error.message == "unknown integrator `rk5`")
    #expect(
      error.suggestion
        == "did you mean `rk4`? valid integrators: euler, semi-implicit-euler, velocity-verlet, rk4"
    )
    let far = try self.error(replacing: "integrator: euler", with: "integrator: leapfrog")
    #expect(far.suggestion == "valid integrators: euler, semi-implicit-euler, velocity-verlet, rk4")
  }

  @Test func undefinedParameterSuggestsTheNearest() throws {
    #expect(
      try error(replacing: "stiffness: $k", with: "stiffness: $kk").description
        == "test.yaml:8:43: springs[0].stiffness: undefined parameter `$kk` (did you mean `$k`?)")
    #expect(
      try error(replacing: "stiffness: $k", with: "stiffness: $zeta").suggestion
        == "defined parameters: $k, $dt")
    let none = Fixtures.error(parsing: "simulation: { dt: $dt, steps: 1 }")
    #expect(
      none?.description
        == "test.yaml:1:19: simulation.dt: undefined parameter `$dt` (the scene defines no parameters; add `dt` under `parameters:`)"
    )
  }

  @Test func wrongTypesSayWhatWasExpected() throws {
    #expect(
      try error(replacing: "stiffness: $k", with: "stiffness: stiff").description
        == "test.yaml:8:43: springs[0].stiffness: expected a number or a `$name` reference, found `stiff`"
    )
    #expect(
      try error(replacing: "mass: 1", with: "mass: \"1\"").message
        == "expected a number or a `$name` reference, found the string \"1\"")
    #expect(
      try error(replacing: "mass: 1", with: "mass: [1]").message
        == "expected a number or a `$name` reference, found a list")
    #expect(
      try error(replacing: "position: [0, 0]", with: "position: [0]").description
        == "test.yaml:5:27: particles[0].position: expected a vector of 2 or 3 numbers, found 1 (write `[x, y]` in 2-D or `[x, y, z]` in 3-D, y up)"
    )
    #expect(
      try error(replacing: "pinned: true", with: "pinned: 1").message
        == "expected `true` or `false`, found `1`")
  }

  @Test func countsArePlainWholeNumbers() throws {
    #expect(
      try error(replacing: "steps: 10", with: "steps: $k").description
        == "test.yaml:9:50: simulation.steps: expected a whole number, found the reference `$k` (counts shape the scene and cannot be parameters; write a whole number)"
    )
    #expect(
      try error(replacing: "steps: 10", with: "steps: 2.5").message
        == "expected a whole number, found 2.5 (not whole)")
    #expect(
      try error(replacing: "steps: 10", with: "steps: 0").message
        == "expected a whole number of at least 1, found 0")
  }

  @Test func missingRequiredKeys() throws {
    #expect(
      try error(replacing: ", stiffness: $k", with: "").description
        == "test.yaml:8:5: springs[0]: missing required key `stiffness`")
    #expect(
      Fixtures.error(parsing: "particles: [{ id: a, position: [0, 0] }]")?.description
        == "test.yaml:1:1: missing required key `simulation` (integrator, dt and steps)")
  }

  @Test func yamlSyntaxErrorsKeepYamsLineAndColumn() throws {
    let error = try error(replacing: "mass: 1 }", with: "mass: 1 ")
    #expect(error.location == SourceLocation(line: 6, column: 5))
    #expect(
      error.message
        == "YAML syntax error: did not find expected ',' or '}' (while parsing a flow mapping at 5:5)"
    )
    let duplicate = Fixtures.error(parsing: "simulation: { dt: 1, dt: 2, steps: 1 }")
    #expect(
      duplicate?.description
        == "test.yaml:1:15: duplicate key `dt` in one mapping (keep one of them)")
    #expect(Fixtures.error(parsing: "")?.description == "test.yaml:1:1: the scene file is empty")
  }

  @Test func unknownParticleSuggestsTheNearestID() throws {
    #expect(
      try error(replacing: "[anchor, ball]", with: "[anchor, bal]").description
        == "test.yaml:8:25: springs[0].between[1]: unknown particle `bal` (did you mean `ball`?)")
    let inObjective = try error(
      replacing: "", with: "",
      appending: "objective:\n  - position: { particles: baal, target: [0, 0] }")
    #expect(
      inObjective.description
        == "test.yaml:11:28: objective[0].position.particles: unknown particle `baal` (did you mean `ball`?)"
    )
  }

  @Test func stopWatchesOneParticle() throws {
    let error = try error(
      replacing: "steps: 10 }", with: "steps: 10, stop: { particle: all, axis: y, below: 0 } }")
    #expect(
      error.description
        == "test.yaml:9:72: simulation.stop.particle: `all` selects 2 particles, but `stop` watches one particle (name a single particle, such as `ball`)"
    )
  }

  @Test func pinnedGridIndexOutOfRange() {
    let error = Fixtures.error(
      parsing:
        "grids:\n  - { id: cloth, rows: 2, columns: 2, spacing: 1, stiffness: 1, pinned: [[0, 0], [2, 0]] }\nsimulation: { dt: 1, steps: 1 }"
    )
    #expect(error?.location == SourceLocation(line: 2, column: 82))
    #expect(error?.path == "grids[0].pinned[1]")
    #expect(error?.message == "[2, 0] is outside the 2×2 grid `cloth`")
  }

  @Test func unknownEnumerationValues() throws {
    let axis = try error(
      replacing: "", with: "",
      appending: "objective:\n  - coordinate: { particles: ball, axis: w, target: 1 }")
    #expect(
      axis.description
        == "test.yaml:11:42: objective[0].coordinate.axis: unknown axis `w` (did you mean `x`? valid axes: x, y, z)"
    )
    #expect(
      Fixtures.error(parsing: "kind: physic\nsimulation: { dt: 1, steps: 1 }")?.description
        == "test.yaml:1:7: kind: unknown kind `physic` (did you mean `physics`? valid kinds: physics, training)"
    )
  }

  @Test func objectiveTermNeedsExactlyOneMeasure() throws {
    let none = try error(replacing: "", with: "", appending: "objective:\n  - weight: 2")
    #expect(none.message == "an objective term needs a measure")
    #expect(none.path == "objective[0]")
  }
}
