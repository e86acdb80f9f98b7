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

  /// B3's scene text at the defaults is scenes/bench-cloth-3d.yaml, and the
  /// hypergradient of a whole run agrees with the specification's reference.
  @Test func clothInSpaceIsB3AndMatchesTheReference() throws {
    let url = Self.sceneFile.deletingLastPathComponent().appendingPathComponent(
      "bench-cloth-3d.yaml")
    let file = try SceneFile.load(url)
    let fromFile = try #require(file.simulation)
    let (built, parameters, names) = try BenchmarkProblems.cloth3D()
    #expect(names == ["k", "kb", "c", "dt"])
    #expect(parameters == file.parameterVector)
    #expect(built.system.dimension == 3 && fromFile.system.dimension == 3)
    #expect(built.system.particles.count == 256 && fromFile.system.springs.count == 1378)
    var a = Simulation(built, parameters: Dual<4, Double>.seeding(parameters))
    var b = Simulation(fromFile, parameters: Dual<4, Double>.seeding(parameters))
    for _ in 0..<30 {
      try a.advance()
      try b.advance()
    }
    #expect(a.state.positions.map(\.value.bitPattern) == b.state.positions.map(\.value.bitPattern))
    let result = try benchmarkCloth3D(mode: .forward, repeats: 1)
    // shared/bench/SPEC.md, B3: reference at the defaults.
    let reference: [(String, Double)] = [
      ("k", -8.60549289667944e-02), ("kb", -1.15219130465094e-01), ("c", -5.89891362436234e+00),
      ("dt", -1.81155375489960e+04),
    ]
    #expect(abs(result.loss - 1.22633096473463e+01) <= 1e-8 * 1.22633096473463e+01)
    for ((name, value), (expectedName, expected)) in zip(result.gradient, reference) {
      #expect(name == expectedName)
      #expect(abs(value - expected) <= 1e-8 * abs(expected), "\(name): \(value)")
    }
  }

  /// B4's scene text at the defaults is scenes/bench-cloth-springs.yaml (a
  /// vector parameter of 930 stiffnesses), and checkpointed reverse mode
  /// through a whole run agrees with the specification's reference, with
  /// its memory held in a few snapshots.
  @Test func clothSpringsIsB4AndMatchesTheReference() throws {
    let url = Self.sceneFile.deletingLastPathComponent().appendingPathComponent(
      "bench-cloth-springs.yaml")
    let file = try SceneFile.load(url)
    let (built, parameters, names) = try BenchmarkProblems.clothSprings()
    #expect(names.count == 932 && names.first == "k[0]" && names.suffix(2) == ["c", "dt"])
    #expect(parameters == file.parameterVector)
    let fromFile = try #require(file.simulation)
    #expect(built.system.springs.map(\.stiffness) == fromFile.system.springs.map(\.stiffness))
    #expect(built.system.springs.map(\.stiffness) == (0..<930).map { .parameter($0) })
    let result = try benchmarkClothSprings(mode: .reverse, snapshots: 16, repeats: 1)
    #expect(result.checkpointing?.peakSnapshots ?? 99 <= 16)
    // shared/bench/SPEC.md, B4: reference at the defaults.
    let reference: [(String, Double)] = [
      ("k_0", -7.12326210027545e-03), ("k_last", 9.17949876944151e-05),
      ("k_sum", -1.15568521426236e-01), ("k_norm", 2.25580866816223e-02),
      ("k_check", -1.21596991105362e-02),
    ]
    #expect(abs(result.loss - 1.33222906720655e+01) <= 1e-8 * 1.33222906720655e+01)
    let gradient = Dictionary(uniqueKeysWithValues: result.gradient.map { ($0.name, $0.value) })
    for (name, expected) in reference {
      let value = try #require(gradient[name])
      #expect(abs(value - expected) <= 1e-8 * abs(expected), "\(name): \(value)")
    }
    // B1's k is the sum of B4's: the same derivative, split by spring.
    let b1 = try benchmarkCloth(mode: .forward, repeats: 1)
    let k = try #require(b1.gradient.first { $0.name == "k" }?.value)
    #expect(abs(gradient["k_sum"]! - k) <= 1e-10 * abs(k))
  }
}
