import Foundation
import TandemAD
import TandemTraining
import TandemTuning

/// |a − b| / max(|b|, floor): a relative error that tolerates zeros.
func relativeError(_ a: Double, _ b: Double, floor: Double = 1e-12) -> Double {
  abs(a - b) / max(abs(b), floor)
}

/// Benchmark B2 of `bench/SPEC.md` at a given size: heavy-ball momentum with
/// η = parameter 0 and μ = parameter 1 on the sine-product regression.
func benchmarkB2(examples: Int = 1024, hidden: Int = 64, steps: Int = 500) -> TrainingDescription {
  let data = SyntheticDataset.sineProduct.generate(training: examples, validation: examples)
  let model = ModelDescription(
    widths: [2, hidden, 1], activation: .tanh, initialisation: .benchmarkB2)
  return TrainingDescription(
    problem: .supervised(SupervisedProblem(model: model, data: data, loss: .meanSquaredError)),
    optimizer: OptimizerDescription(
      method: .momentum, rate: .parameter(0), momentum: .parameter(1)),
    steps: steps, batch: .full, objective: .validationLoss)
}

/// The repository's `data/` folder, found from this file's path.
let dataFolder = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .appendingPathComponent("data")
