import Foundation
import TandemScene
import Testing

/// Limits are checked while a scene is read, before anything is allocated or
/// run: each case here crashed, hung or ran for hours before they existed.
@Suite("Limits")
struct LimitTests {
  func message(_ text: String, limits: SceneLimits = SceneLimits()) -> String? {
    do {
      _ = try SceneFile.parse(
        text, fileName: "test.yaml", directory: Fixtures.scenesDirectory, limits: limits)
      return nil
    } catch { return "\(error)" }
  }

  let simulation = "simulation: { dt: 0.01, steps: 10 }"

  @Test func aHugeGridIsRefusedAtItsRows() {
    #expect(
      message(
        "grids: [{ id: g, rows: 100000, columns: 100000, spacing: 1, stiffness: 1 }]\n\(simulation)"
      )
        == "test.yaml:1:24: grids[0].rows: 10,000,000,000 particles exceed the limit of 1,000,000 (ask for fewer, or raise the limit with `--limit particles=N`)"
    )
  }

  @Test func countsThatOverflowAnIntAreRefused() {
    // rows × columns overflowed (a trap) before.
    #expect(
      message(
        "grids: [{ id: g, rows: 9223372036854775807, columns: 3, spacing: 1, stiffness: 1 }]\n\(simulation)"
      )
        == "test.yaml:1:24: grids[0].rows: the number of particles is too large to count (the limit is 1,000,000) (ask for fewer, or raise the limit with `--limit particles=N`)"
    )
    #expect(
      message(
        "chains: [{ id: r, from: [0, 0], to: [1, 0], segments: 9223372036854775807, stiffness: 1 }]\n\(simulation)"
      )?
      .hasPrefix("test.yaml:1:55: chains[0].segments: the number of particles is too large") == true
    )
    #expect(
      message("particles: [{ id: a, position: [0, 0] }]\nsimulation: { dt: 0.01, steps: 1e30 }")
        == "test.yaml:2:32: simulation.steps: expected a whole number, found 1.0e+30, too large to count"
    )
  }

  @Test func particlesAndSpringsAddUpAcrossTheFile() {
    var limits = SceneLimits()
    limits.particles = 20
    let text = """
      particles: [{ id: a, position: [0, 0] }]
      grids: [{ id: g, rows: 4, columns: 4, spacing: 1, stiffness: 1 }]
      chains: [{ id: r, from: [0, 0], to: [1, 0], segments: 3, stiffness: 1 }]
      \(simulation)
      """
    // 1 + 16 particles pass; the chain's 4 more make 21.
    #expect(
      message(text, limits: limits)
        == "test.yaml:3:55: chains[0].segments: 21 particles exceed the limit of 20 (ask for fewer, or raise the limit with `--limit particles=N`)"
    )
    limits.particles = 21
    #expect(message(text, limits: limits) == nil)
    limits.springs = 24 + 2
    // 24 structural grid springs and 3 chain springs.
    #expect(message(text, limits: limits)?.contains("27 springs exceed the limit of 26") == true)
  }

  @Test func wholeNumbersMayBeWrittenWithAnExponent() throws {
    let scene = try SceneFile.parse(
      "particles: [{ id: a, position: [0, 0] }]\nsimulation: { dt: 0.01, steps: 1e3 }")
    #expect(scene.process.stepCount == 1000)
    #expect(
      message("particles: [{ id: a, position: [0, 0] }]\nsimulation: { dt: 0.01, steps: 1.5 }")
        == "test.yaml:2:32: simulation.steps: expected a whole number, found 1.5 (not whole)")
  }

  @Test func aRunThatWouldTakeHoursIsRefused() {
    #expect(
      message("particles: [{ id: a, position: [0, 0] }]\nsimulation: { dt: 0.01, steps: 1e12 }")
        == "test.yaml:2:32: simulation.steps: 1,000,000,000,000 units of work (steps × (particles + springs)) exceed the limit of 100,000,000,000 (ask for fewer, or raise the limit with `--limit work=N`)"
    )
    // With no particles at all, the steps still count.
    #expect(message("simulation: { dt: 0.01, steps: 1e12 }")?.contains("units of work") == true)
  }

  @Test func aHugeFrameIsRefused() {
    #expect(
      message(
        "particles: [{ id: a, position: [0, 0] }]\n\(simulation)\nrender: { size: [100000, 100000] }"
      )
        == "test.yaml:3:17: render.size: 10,000,000,000 pixels per frame exceed the limit of 16,777,216 (ask for fewer, or raise the limit with `--limit pixels=N`)"
    )
  }

  @Test func hugeModelsAndDataAreRefused() {
    let training = """
      kind: training
      model: { layers: [2, 64, 1] }
      data: { synthetic: sine-product, train: 64, validation: 64 }
      loss: mse
      optimizer: { method: sgd, rate: 0.1 }
      training: { steps: 10 }
      """
    #expect(message(training) == nil)
    #expect(
      message(training.replacingOccurrences(of: "[2, 64, 1]", with: "[2, 100000, 1]"))
        == "test.yaml:2:22: model.layers[1]: 100,000 units in a layer exceed the limit of 16,384 (ask for fewer, or raise the limit with `--limit layer-width=N`)"
    )
    #expect(
      message(training.replacingOccurrences(of: "[2, 64, 1]", with: "[2, 10000, 10000, 1]"))?
        .contains("100,050,001 model parameters exceed the limit of 50,000,000") == true)
    #expect(
      message(training.replacingOccurrences(of: "train: 64", with: "train: 9223372036854775807"))?
        .contains("data.train: the number of examples is too large to count") == true)
    #expect(
      message(training.replacingOccurrences(of: "steps: 10", with: "steps: 1e9"))?
        .contains(
          "training.steps: 16,448,000,000,000 units of work (steps × examples per step × model parameters)"
        )
        == true)
  }

  @Test func aCSVFileWithOnlyTheTargetIsAnError() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-limits-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "y\n1\n2\n3\n".write(
      to: folder.appendingPathComponent("only.csv"), atomically: true, encoding: .utf8)
    let text = """
      kind: training
      model: { layers: [1, 1] }
      data: { csv: only.csv, target: y }
      loss: mse
      optimizer: { method: sgd, rate: 0.1 }
      training: { steps: 1 }
      """
    #expect {
      try SceneFile.parse(text, fileName: "t.yaml", directory: folder)
    } throws: { error in
      "\(error)".hasPrefix("t.yaml:3:14: data.csv: cannot load `only.csv`: ")
        && "\(error)".contains("`y` is the only column, so there are no features to learn from.")
    }
  }

  @Test func billionLaughsAreRefusedQuickly() throws {
    // Lists of nine aliases of lists of nine aliases, one used as a mapping key:
    // 9⁷ nodes from 466 bytes. Composing it took 16 s before; now it is refused
    // before composing (a composed file would fail with "unknown key `l0`" instead).
    var lines = ["l0: &l0 [a, a, a, a, a, a, a, a, a]"]
    for i in 1...7 {
      lines.append(
        "l\(i): &l\(i) [" + Array(repeating: "*l\(i - 1)", count: 9).joined(separator: ", ") + "]")
    }
    lines += ["x:", "  ? *l7", "  : 1", simulation]
    let error = message(lines.joined(separator: "\n"))
    #expect(
      error
        == "test.yaml:7:10: the YAML expands to more than 1,000,000 nodes once its aliases (`*name`) are replaced (ask for fewer, or raise the limit with `--limit yaml-nodes=N`)"
    )
    // Ordinary aliases are fine.
    #expect(
      message("g: &g [0, -9.81]\nworld: { gravity: *g }\n\(simulation)")?.contains(
        "unknown key `g`")
        == true)
  }

  @Test func limitAssignmentsAreRead() throws {
    let limits = try SceneLimits().setting(["particles=2_000_000", "work=1e12"])
    #expect(limits.particles == 2_000_000 && limits.work == 1_000_000_000_000)
    #expect(throws: SceneError.self) { try SceneLimits().setting(["particle=5"]) }
    #expect(throws: SceneError.self) { try SceneLimits().setting(["particles=-1"]) }
    #expect(throws: SceneError.self) { try SceneLimits().setting(["particles"]) }
    #expect {
      try SceneLimits().setting(["particle=5"])
    } throws: { "\($0)" == "unknown limit `particle` (did you mean `particles`?)" }
  }

  @Test func aHugeValueIsNotEchoedInFull() throws {
    let huge = String(repeating: "x", count: 2_000_000)
    let error = try #require(
      message("particles: [{ id: a, position: [0, 0], mass: \(huge) }]\n\(simulation)"))
    #expect(error.count < 400)
    #expect(error.contains("`" + String(repeating: "x", count: 80) + "… (2000000 characters)`"))
  }
}
