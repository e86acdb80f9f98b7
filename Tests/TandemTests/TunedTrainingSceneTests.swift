import Foundation
import Tandem
import Testing

/// The `tuned.yaml` written for a training scene reproduces the tuned loss
/// when it is loaded and run, from the output folder.
@Suite("Tuned training scenes")
struct TunedTrainingSceneTests {
  @Test(arguments: ["quadratic", "iris-adam"])
  func tunedSceneReproducesTheBestLoss(name: String) throws {
    let url = TrainingSceneRunTests.scenesDirectory.appendingPathComponent(name + ".yaml")
    let scene = try SceneFile.load(url)
    let description = try #require(scene.training)
    let tuned = scene.tunedParameterList
    var tuner = Tuner(
      process: description, initialValues: scene.parameterVector, tuned: tuned, method: .adam,
      iterations: 4,
      rate: 0.1)
    tuner.horizon = scene.tune?.horizon ?? .full
    let history = try tuner.run()
    let best = history.min { $0.loss < $1.loss }!
    #expect(best.loss < history[0].loss)

    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("tandem-tuned-\(UUID().uuidString)").appendingPathComponent(name)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let text = try SceneFile.rewritingDataPath(
      in: try String(contentsOf: url, encoding: .utf8), of: scene, movingTo: folder)
    let values = Dictionary(
      uniqueKeysWithValues: tuned.map { ($0.name, best.parameters[$0.index]) })
    let written = folder.appendingPathComponent("tuned.yaml")
    try Data(SceneFile.rewritingParameters(in: text, with: values).utf8).write(to: written)

    let reloaded = try SceneFile.load(written)
    let loss = try #require(reloaded.training).loss(parameters: reloaded.parameterVector)
    #expect(
      abs(loss - best.loss) <= 1e-12 * best.loss, "tuned.yaml gives \(loss), the tuner \(best.loss)"
    )
  }

  @Test func relativeCSVPathsAreRewrittenForTheOutputFolder() throws {
    let text = """
      kind: training
      model: { layers: [4, 3] }
      data: { csv: "../data/iris.csv", target: species }   # quoted on purpose
      loss: cross-entropy
      optimizer: { method: sgd, rate: 0.1 }
      training: { steps: 1 }
      """
    // The scene is read from the repository's scenes/ folder (it loads the CSV
    // file), and its text is about to be written to output/t/.
    let scenes = TrainingSceneRunTests.scenesDirectory
    let repository = scenes.deletingLastPathComponent()
    let scene = try SceneFile.parse(text, fileName: "t.yaml", directory: scenes)
    let moved = try SceneFile.rewritingDataPath(
      in: text, of: scene, movingTo: repository.appendingPathComponent("output/t"))
    #expect(
      moved == text.replacingOccurrences(of: "\"../data/iris.csv\"", with: "../../data/iris.csv"))
    let iris = repository.appendingPathComponent("data/iris.csv").path
    let absolute = text.replacingOccurrences(of: "\"../data/iris.csv\"", with: iris)
    #expect(
      try SceneFile.rewritingDataPath(
        in: absolute, of: SceneFile.parse(absolute, directory: scenes),
        movingTo: URL(fileURLWithPath: "/tmp")) == absolute)
  }
}
