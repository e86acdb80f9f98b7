import Foundation
import Tandem
import Testing

/// The pictures `tandem tune` writes tell the truth: the iteration whose
/// values are kept is the one drawn boldest, the legends cover no curve and
/// no caption, and series past the palette are told apart.
@Suite struct TuningPicturesTests {
  /// The best iteration is always selected, and last (drawn boldest, on
  /// top), even when the tuner went on past it; the start stays first.
  @Test func theBestIterationIsDrawnBoldest() {
    for (total, best) in [(26, 17), (26, 25), (26, 0), (4, 2), (1, 0), (6, 3)] {
      let selected = Overlay.selectIterations(total, best: best)
      #expect(selected.last == best, "total \(total), best \(best): \(selected)")
      #expect(selected.count <= min(total, 6))
      #expect(Set(selected).count == selected.count)
      if best != 0 { #expect(selected.first == 0) }
      #expect(selected.dropLast() == selected.dropLast().sorted())
    }
  }

  /// A scene tuned past its best iteration writes the frames of the best
  /// run, the values in tuned.yaml: its last frame is that of a run with
  /// the best values, drawn independently.
  @Test func theFramesAreOfTheKeptValues() throws {
    let url = ExampleScenes.url("projectile")
    var tuning = try SceneTuning(file: url)
    (tuning.method, tuning.rate, tuning.iterations) = (.adam, 0.5, 25)
    let history = try tuning.run()
    let best = SceneTuning.best(of: history)
    #expect(best.iteration < history.last!.iteration, "the test needs a tuner that overshoots")
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-kept-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    let tuned = base.appendingPathComponent("tuned")
    try tuning.write(history, to: tuned)

    let scene = tuning.scene
    let simulation = try #require(scene.simulation)
    let render = scene.render
    let size = PixelSize(width: render.width, height: render.height)
    let reference = base.appendingPathComponent("reference")
    try FrameSequence.createDirectory(at: reference)
    try FrameWriter(directory: reference, trails: render.trails).write(
      try Trajectory.record(simulation, parameters: best.parameters, every: render.every),
      drawing: SceneDrawing(simulation, parameters: best.parameters, size: size, render: render),
      title: scene.name)
    func lastFrame(_ folder: URL) throws -> Data {
      let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        .filter { $0.hasPrefix("frame-") }.sorted()
      return try Data(contentsOf: folder.appendingPathComponent(try #require(names.last)))
    }
    #expect(try lastFrame(tuned) == lastFrame(reference))
  }

  /// The overlay's legend never runs into its caption, however long the
  /// scene's name makes it.
  @Test func theOverlayLegendAvoidsTheCaption() throws {
    let scene = try ExampleScenes.load("projectile")
    let size = PixelSize(width: 900, height: 500)
    let drawing = SceneDrawing(
      try #require(scene.simulation), parameters: scene.parameterVector, size: size)
    let labels =
      (0..<6).map { "iteration \($0 * 5): loss 0.000944985" } + [
        "iteration 17 (best, kept): loss 0.000945"
      ]
    for name in ["p", "projectile", "a-rather-long-scene-name-for-a-projectile"] {
      let caption = drawing.captionRect("\(name): iterations from faint to bold")
      // Points all over the bottom, so that a top corner is preferred.
      let points = stride(from: 0.0, through: 900, by: 5).flatMap { x in
        stride(from: 250.0, through: 500, by: 5).map { Point(x, $0) }
      }
      let box = Overlay.legendBox(for: labels, size: size, avoiding: points, caption: caption)
      #expect(!box.intersects(caption), "\(name): legend \(box) meets caption \(caption)")
      #expect(box.minX >= 0 && box.maxX <= 900 && box.minY >= 0 && box.maxY <= 500)
    }
  }

  /// With many tuned parameters, parameters.png puts its legend beside the
  /// plot and dashes the lines that reuse a colour.
  @Test func manyParametersGetDashesAndALegendBesideThePlot() {
    let tuned = (0..<12).map { TunedParameter(name: "k\($0)", index: $0) }
    let history: [TuningIteration] = (0..<3).map { (i: Int) -> TuningIteration in
      let values: [Double] = (0..<12).map { (k: Int) -> Double in Double(100 + k + i * k) }
      return TuningIteration(
        iteration: i, loss: 1 / Double(i + 1), parameters: values,
        gradient: Array(repeating: 0, count: 12), gradientNorm: 0, halvings: 0, stepLength: 0)
    }
    let plot = TuningPlots.parameters(history, tuned: tuned, title: "many")
    #expect(plot.legend == .outsideRight)
    #expect(plot.series.map(\.dashed) == (0..<12).map { $0 >= 10 })
    let colors = plot.series.map(\.color)
    for i in 0..<12 {
      for j in (i + 1)..<12 where colors[i] == colors[j] {
        #expect(plot.series[i].dashed != plot.series[j].dashed, "k\(i) and k\(j) look alike")
      }
    }
    let few = TuningPlots.parameters(history, tuned: Array(tuned.prefix(2)), title: "few")
    #expect(few.legend == .automatic)
  }

  /// loss.png rings the best iteration, which need not be the last.
  @Test func theLossPlotMarksTheBestIteration() {
    let losses = [4.0, 1.0, 0.25, 0.5, 2.0]
    let history = losses.enumerated().map { i, loss in
      TuningIteration(
        iteration: i, loss: loss, parameters: [1], gradient: [0], gradientNorm: 0, halvings: 0,
        stepLength: 0)
    }
    let plot = TuningPlots.loss(history, title: "t")
    let ring = plot.series.first { $0.name?.hasPrefix("best (kept)") == true }
    #expect(ring?.x == [2] && ring?.y == [0.25])
  }
}
