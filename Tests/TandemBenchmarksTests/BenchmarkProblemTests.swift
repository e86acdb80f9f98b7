import Foundation
import TandemAD
import TandemBenchmarks
import TandemPhysics
import TandemScene
import Testing

/// The benchmark problems are the ones users run: B1's scene text at the
/// defaults is scenes/bench-cloth.yaml.
@Suite struct BenchmarkProblemTests {
  static let sceneFile = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenes/bench-cloth.yaml")

  @Test func clothSceneTextIsTheBenchClothScene() throws {
    let file = try SceneFile.load(Self.sceneFile)
    let fromFile = try #require(file.simulation)
    let (built, parameters, names) = try BenchmarkProblems.cloth()
    #expect(names == ["k", "c", "dt"])
    #expect(parameters == file.parameterVector)
    #expect(built.system.particles.count == 256 && fromFile.system.particles.count == 256)
    #expect(built.system.springs.count == 930 && fromFile.system.springs.count == 930)
    #expect(built.steps == fromFile.steps)
    // Same state, bit for bit, after 30 steps on duals.
    var a = Simulation(built, parameters: Dual<3, Double>.seeding(parameters))
    var b = Simulation(fromFile, parameters: Dual<3, Double>.seeding(parameters))
    for _ in 0..<30 {
      try a.advance()
      try b.advance()
    }
    #expect(a.state.positions.map(\.value.bitPattern) == b.state.positions.map(\.value.bitPattern))
    #expect(a.loss().tangents[2].bitPattern == b.loss().tangents[2].bitPattern)
  }

  /// Forward and reverse modes agree on a small cloth.
  @Test func forwardAndReverseAgreeOnASmallCloth() throws {
    let forward = try benchmarkCloth(n: 4, steps: 50, mode: .forward, repeats: 1)
    let reverse = try benchmarkCloth(n: 4, steps: 50, mode: .reverse, repeats: 1)
    #expect(abs(forward.loss - reverse.loss) <= 1e-12 * abs(reverse.loss))
    for (f, r) in zip(forward.gradient, reverse.gradient) {
      #expect(abs(f.value - r.value) <= 1e-8 * max(1e-12, abs(r.value)), "\(f.name)")
    }
    #if !DEBUG
      #expect(forward.allocationsPerStep == 0)
    #endif
  }
}
