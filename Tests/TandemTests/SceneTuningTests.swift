import Foundation
import Tandem
import Testing

/// `SceneTuning`: a program tunes a scene in one call, as `tandem tune` does.
@Suite struct SceneTuningTests {
  @Test func overridesWinOverTheScenesTuneBlockWhichWinsOverDefaults() throws {
    // step-size.yaml says tune: { method: newton, iterations: 12 }.
    let url = ExampleScenes.url("step-size")
    var tuning = try SceneTuning(file: url)
    #expect(tuning.resolvedMethod == .newton)
    #expect(tuning.resolvedIterations == 12)
    #expect(tuning.resolvedRate == 0.05)  // the scene's default rate
    #expect(tuning.resolvedHorizon == .full)
    tuning.method = .gradientDescent
    tuning.iterations = 3
    tuning.horizon = .greedy
    #expect(tuning.resolvedMethod == .gradientDescent)
    #expect(tuning.resolvedIterations == 3)
    #expect(tuning.resolvedHorizon == .greedy)
    tuning.rate = 0.2
    #expect(tuning.resolvedRate == 0.2)

    // A scene without a tune: block gets the built-in defaults.
    let bare = try SceneTuning(file: ExampleScenes.url("bench-cloth"))
    #expect(bare.resolvedMethod == .adam)
    #expect(bare.resolvedIterations == 30)
    #expect(bare.resolvedRate == 0.05)
  }

  @Test func runAndWriteProduceWhatTheCommandWrites() throws {
    let url = ExampleScenes.url("step-size")
    var tuning = try SceneTuning(file: url)
    tuning.iterations = 3
    tuning.writesFrames = false
    let history = try tuning.run()
    #expect(history.count == 4)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-scene-tuning-\(UUID().uuidString)")
    let written = try tuning.write(history, to: folder)
    #expect(written == ["tuned.yaml", "loss.png", "parameters.png", "overlay.png"])
    for name in written {
      #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
    }
    // tuned.yaml, read back, reproduces the best loss.
    let tuned = try SceneFile.load(folder.appendingPathComponent("tuned.yaml"))
    let loss = try #require(tuned.simulation).loss(parameters: tuned.parameterVector)
    #expect(loss == SceneTuning.best(of: history).loss)
  }

  /// A scene whose text cannot be edited in place still gets its values written.
  @Test func valuesGoToAFileOfTheirOwnWhenTheSceneCannotBeEdited() throws {
    let text = try String(contentsOf: ExampleScenes.url("step-size"), encoding: .utf8)
    let anchored = text.replacingOccurrences(of: "value: 0.0009", with: "value: &a 0.0009")
    #expect(anchored != text)
    let scene = try SceneFile.parse(anchored, fileName: "anchored.yaml")
    var tuning = SceneTuning(scene: scene, sceneText: anchored, fileName: "anchored.yaml")
    tuning.iterations = 1
    tuning.writesFrames = false
    let history = try tuning.run()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-values-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try tuning.write(history, to: folder)
    #expect(written.first == SceneTuning.valuesFileName)
    let values = try String(
      contentsOf: folder.appendingPathComponent(SceneTuning.valuesFileName), encoding: .utf8)
    let best = SceneTuning.best(of: history)
    #expect(values.contains("dt: \(best.parameters[tuning.tuned[0].index])"))
    #expect(values.hasPrefix("# anchored.yaml could not be edited in place"))
  }
}
