import Foundation
import TandemFiles
import TandemScene

/// What the scene-reader fuzzer does with one input, shared by the libFuzzer
/// target (`make fuzz`) and the test that replays the saved corpus (so that
/// `make test` runs every input the fuzzer found interesting).
///
/// An input is read as a scene file would be, with small limits so that no
/// input can ask for much work: decoded as UTF-8, composed, checked and
/// built; then, when it is a valid scene, read again with every parameter
/// overridden (as `--set` does) and with its tuned values written back in
/// (as `tuned.yaml` is). Every failure must be a thrown error: a trap, a
/// hang or unbounded memory is a bug.
public enum SceneReaderHarness {
  /// Limits small enough that every input is read in milliseconds.
  public static let limits: SceneLimits = {
    var limits = SceneLimits()
    limits.particles = 10_000
    limits.springs = 40_000
    limits.layerWidth = 256
    limits.modelParameters = 100_000
    limits.examples = 10_000
    limits.pixels = 1 << 20
    limits.frames = 1_000
    limits.work = 10_000_000
    limits.yamlNodes = 50_000
    return limits
  }()

  /// Reads `bytes` as a scene whose relative CSV paths are in `directory`.
  public static func read(_ bytes: UnsafeRawBufferPointer, directory: URL) {
    guard let text = try? TextFile.text(of: Array(bytes)) else { return }
    guard
      let scene = try? SceneFile.parse(
        text, fileName: "fuzz.yaml", directory: directory, limits: limits)
    else { return }
    // The override path: every parameter set to a value that breaks most rules.
    var overrides: [String: Double] = [:]
    for parameter in scene.parameters { overrides[parameter.name] = -1 }
    _ = try? SceneFile.parse(
      text, fileName: "fuzz.yaml", directory: directory, setting: overrides, limits: limits)
    // The tuned.yaml path: the tuned values rewritten, then read back.
    var values: [String: Double] = [:]
    for parameter in scene.tunedParameterList {
      values[parameter.name] = scene.parameterVector[parameter.index] * 1.5
    }
    if let rewritten = try? SceneFile.rewritingParameters(
      in: text, with: values, fileName: "tuned.yaml")
    {
      _ = try? SceneFile.parse(
        rewritten, fileName: "tuned.yaml", directory: directory, limits: limits)
    }
  }
}
