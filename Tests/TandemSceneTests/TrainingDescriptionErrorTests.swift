import Foundation
import TandemFiles
import TandemScene
import Testing

/// `SceneDescription.trainingDescription()` refuses what cannot be trained,
/// naming the file, line, column and key.
@Suite("Training descriptions: errors")
struct TrainingDescriptionErrorTests {
  /// A folder with a CSV file `table.csv` (three numeric features, a text
  /// column `kind`, a numeric column `size`), `numbers.csv` (the same
  /// without `kind`) and `bad.csv`, with a malformed row.
  static let folder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-csv-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let rows = (0..<20).map { i in
      "\(i),\(Double(i) / 2),\(i % 3),\(i % 2 == 0 ? "even" : "odd"),\(i * i)"
    }
    try! (["a,b,c,kind,size"] + rows).joined(separator: "\n")
      .write(to: folder.appendingPathComponent("table.csv"), atomically: true, encoding: .utf8)
    try! (["a,b,c,size"] + (0..<20).map { i in "\(i),\(Double(i) / 2),\(i % 3),\(i * i)" }).joined(
      separator: "\n"
    )
    .write(to: folder.appendingPathComponent("numbers.csv"), atomically: true, encoding: .utf8)
    try! "a,b,c,kind,size\n1,2,3,odd,4\n1,x,3,even,5\n"
      .write(to: folder.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
    return folder
  }()

  let base = """
    kind: training
    parameters:
      rate: { value: 0.1, tune: true, min: 1.0e-4, scale: log }
    model: { layers: [4, 8, 2], activation: tanh }
    data: { csv: table.csv, target: kind, validation: 0.25 }
    loss: cross-entropy
    optimizer: { method: adam, rate: $rate }
    training: { steps: 5 }
    """

  /// The error of building `text` (after replacing `old` by `new`), or nil.
  func error(_ old: String = "", _ new: String = "", in text: String? = nil) -> SceneError? {
    let text = text ?? base
    #expect(old.isEmpty || text.contains(old))
    do {
      let scene = try SceneFile.parse(
        old.isEmpty ? text : text.replacingOccurrences(of: old, with: new), fileName: "t.yaml",
        directory: Self.folder)
      #expect(scene.training != nil)
      return nil
    } catch let error as SceneError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  @Test func theBaseSceneBuilds() {
    #expect(error() == nil)
    let regression = base.replacingOccurrences(of: "cross-entropy", with: "mse")
      .replacingOccurrences(of: "[4, 8, 2]", with: "[3, 8, 1]")
    #expect(
      error("csv: table.csv, target: kind", "csv: numbers.csv, target: size", in: regression) == nil
    )
  }

  @Test func aPhysicsSceneIsNotATrainingScene() throws {
    let scene = try SceneFile.parse(
      "particles: [{ id: p, position: [0, 0] }]\nsimulation: { dt: 0.01, steps: 1 }",
      fileName: "p.yaml")
    #expect(scene.training == nil)
    #expect(scene.simulation != nil)
  }

  @Test func aMissingFileIsNamedAtItsKey() throws {
    let missing = try #require(error("csv: table.csv", "csv: tabel.csv"))
    #expect(missing.description.hasPrefix("t.yaml:5:14: data.csv: cannot load `tabel.csv`: "))
    #expect(missing.message.contains(Self.folder.appendingPathComponent("tabel.csv").path))
    #expect(missing.suggestion == "the path is relative to the scene file's folder")
  }

  @Test func csvProblemsKeepTheirOwnLine() throws {
    let bad = try #require(error("csv: table.csv", "csv: bad.csv"))
    #expect(bad.location == SourceLocation(line: 5, column: 14))
    #expect(bad.message.hasSuffix("bad.csv:3:2: `x` in column `b` is not a number."))
    #expect(bad.suggestion == "every column but the target must hold numbers")
    let target = try #require(error("target: kind", "target: knd"))
    #expect(
      target.message.contains("no column is named `knd`")
        && target.message.contains("Did you mean `kind`?"))
    let classes = try #require(error("loss: cross-entropy", "loss: mse"))
    #expect(classes.suggestion == "the target `kind` holds class names: use `loss: cross-entropy`")
  }

  @Test func widthsMustFitTheData() {
    #expect(
      error("[4, 8, 2]", "[2, 8, 2]")?.description
        == "t.yaml:4:19: model.layers[0]: the data have 4 features, but the model takes 2 inputs (make the first width 4)"
    )
    #expect(
      error("[4, 8, 2]", "[4, 8, 3]")?.description
        == "t.yaml:4:25: model.layers[2]: the data have 2 classes, but the model has 3 outputs (make the last width 2)"
    )
  }

  @Test func validationMustLeaveTrainingExamples() {
    #expect(
      error("validation: 0.25", "validation: 0.99")?.message
        == "holding out 0.99 of 20 rows leaves no training examples")
  }

  @Test func syntheticDataProblems() {
    let synthetic = base.replacingOccurrences(
      of: "{ csv: table.csv, target: kind, validation: 0.25 }",
      with: "{ synthetic: sine-product, train: 8, validation: 8 }"
    ).replacingOccurrences(of: "[4, 8, 2]", with: "[2, 8, 1]")
    #expect(
      error(in: synthetic)?.description
        == "t.yaml:6:7: loss: `cross-entropy` needs classes, but `sine-product` data are a regression (use `loss: mse`, or a classification generator (two-moons, spirals, blobs))"
    )
    let mse = synthetic.replacingOccurrences(of: "cross-entropy", with: "mse")
    #expect(error(in: mse) == nil)
    #expect(
      error("validation: 8 }", "validation: 8, noise: 0.1 }", in: mse)?.description
        == "t.yaml:5:66: data.noise: `sine-product` data have no noise (they are B2's exact regression) (remove `noise`)"
    )
  }

  @Test func problemNumbersCannotBeTuned() {
    let quadratic = """
      kind: training
      parameters:
        rate: { value: 0.1, tune: true, min: 1.0e-4, scale: log }
        a: { value: 10, tune: true }
      problem: { quadratic: { diagonal: [1, $a], start: [1, 1] } }
      optimizer: { method: sgd, rate: $rate }
      training: { steps: 5 }
      """
    #expect(
      error(in: quadratic)?.description
        == "t.yaml:5:39: problem.quadratic.diagonal[1]: the curvatures are fixed before training starts, so `$a` cannot be tuned here (write a number, or remove `tune: true` from `a`)"
    )
    #expect(error("a: { value: 10, tune: true }", "a: 10", in: quadratic) == nil)
    #expect(
      error("a: { value: 10, tune: true }", "a: -1", in: quadratic)?.message
        == "the curvatures must be positive, not -1")
  }

  @Test func benchmarkInitialisationNeedsOneHiddenLayerAndOneOutput() {
    #expect(
      error("activation: tanh }", "activation: tanh, init: benchmark-b2 }")?.description
        == "t.yaml:4:53: model.init: `benchmark-b2` needs layers `[inputs, hidden, 1]`, not [4, 8, 2] (use `init: glorot`)"
    )
  }

  @Test func decayIsAFactorPerStep() {
    #expect(error("method: adam, rate: $rate", "method: adam, rate: $rate, decay: 0.99") == nil)
    #expect(
      error("method: adam, rate: $rate", "method: adam, rate: $rate, decay: 0")?.message
        == "the decay factor must lie in (0, 1] (1 is no decay), not 0")
  }
}
