import Foundation
import Tandem

extension RunCommand {
  /// `tandem run` on a training scene: trains once on `Double`, writes
  /// training-loss.png and prints a summary.
  func train(_ run: SceneRun, _ description: TrainingDescription) throws {
    let scene = run.scene
    let folder = output.folder(for: scene.name)
    let held = noRender ? nil : try OutputFolder(folder)
    let clock = ContinuousClock()
    let start = clock.now
    var bar = ProgressBar(
      "training", total: description.steps, enabled: !json && isatty(STDERR_FILENO) != 0)
    let curve = try run.train { bar.update($0) }
    bar.finish()
    let seconds = (clock.now - start).seconds

    if let held { try run.writeLossPlot(curve, to: held.url) }

    if json {
      print(
        jsonText(
          TrainingRunReport(
            scene: scene, steps: description.steps, curve: curve,
            output: noRender ? nil : folder.path)))
      return
    }
    print("scene      \(scene.name)  (\(summary(of: description)))")
    print("steps      \(description.steps)")
    if curve.isQuadratic {
      print(
        "f(w)       \(String(format: "%.9g", curve.objective)) (from \(String(format: "%.9g", curve.trainingLoss[0])))"
      )
    } else {
      print(
        "training   loss \(String(format: "%.9g", curve.finalTrainingLoss))"
          + percent(curve.trainingAccuracy))
      if let validation = curve.finalValidationLoss {
        print(
          "validation loss \(String(format: "%.9g", validation))"
            + percent(curve.validationAccuracy))
      }
      print(
        "objective  \(String(format: "%.9g", curve.objective)) (\(description.objective.rawValue))")
    }
    print(
      "plot       \(noRender ? "none (--no-render)" : folder.appendingPathComponent(SceneRun.lossPlotName).path)"
    )
    print(
      "wall time  "
        + (seconds < 0.1
          ? String(format: "%.2f ms", seconds * 1000) : String(format: "%.3f s", seconds)))
  }

  /// `, accuracy 96.7%`, or nothing.
  private func percent(_ accuracy: Double?) -> String {
    accuracy.map { String(format: ", accuracy %.1f%%", 100 * $0) } ?? ""
  }

  /// What is trained and how, in a few words.
  private func summary(of description: TrainingDescription) -> String {
    let optimizer = description.optimizer.method.rawValue
    switch description.problem {
    case .quadratic(let problem):
      return "quadratic in \(problem.start.count) dimensions, \(optimizer)"
    case .supervised(let problem):
      let batch: String
      switch description.batch {
      case .full: batch = "full batch"
      case .size(let size, _): batch = "batches of \(size)"
      }
      let widths = problem.model.widths.map(String.init).joined(separator: "-")
      return
        "\(widths) \(problem.model.activation.rawValue) network, \(problem.data.training.count) training "
        + "and \(problem.data.validation.count) validation examples, \(problem.loss.rawValue), \(optimizer), \(batch)"
    }
  }
}
