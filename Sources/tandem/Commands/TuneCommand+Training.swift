import Foundation
import Tandem

extension TuneCommand {
  /// Writes curves.png for a training scene: the objective's curve against
  /// the inner step for selected iterations, faint to bold.
  func writeCurves(
    scene: SceneDescription, training: TrainingDescription, history: [TuningIteration], folder: URL
  ) throws {
    let selected = Overlay.selectIterations(history.count)
    let curves = try selected.map {
      try TrainingCurve.record(training, parameters: history[$0].parameters)
    }
    let tuned = scene.tunedParameterList
    let labels = selected.map { index in
      let iteration = history[index]
      let values = tuned.map {
        "\($0.name) \(String(format: "%.3g", iteration.parameters[$0.index]))"
      }
      return "iteration \(iteration.iteration): " + values.joined(separator: ", ")
        + String(format: ", loss %.3g", iteration.loss)
    }
    let objective =
      switch scene.training?.objective {
      case .trainingLoss: "training loss"
      case .validationLoss: "validation loss"
      default: "f(w)"
      }
    try TrainingPlots.curves(curves, labels: labels, objective: objective, title: scene.name)
      .render(size: PixelSize(width: 900, height: 600))
      .writePNG(to: folder.appendingPathComponent("curves.png"))
  }
}
