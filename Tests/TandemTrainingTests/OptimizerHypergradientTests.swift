import TandemAD
import TandemTraining
import TandemTuning
import Testing

/// Forward-mode hypergradients through small MLP training runs, checked
/// against central finite differences of plain `Double` runs.
@Suite struct OptimizerHypergradientTests {
  func expectAgreement(
    _ process: TrainingDescription, _ parameters: [Double], tolerance: Double = 1e-6
  ) throws {
    let tuned = Array(parameters.indices)
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (differences, _) = try process.finiteDifferenceGradient(
      parameters: parameters, tuned: tuned)
    print("loss \(loss); forward \(forward); finite differences \(differences)")
    #expect(loss.isFinite && loss > 0)
    for i in tuned {
      #expect(forward[i] != 0, "parameter \(i) has no effect")
      #expect(relativeError(forward[i], differences[i], floor: 1e-6) < tolerance, "parameter \(i)")
    }
  }

  @Test func heavyBallMomentum() throws {
    let data = SyntheticDataset.sineProduct.generate(training: 48, validation: 48)
    let model = ModelDescription(widths: [2, 8, 1], activation: .tanh, initialisation: .seeded(7))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .meanSquaredError)),
      optimizer: OptimizerDescription(
        method: .momentum, rate: .parameter(0), momentum: .parameter(1)),
      steps: 60)
    try expectAgreement(process, [0.1, 0.8])
  }

  @Test func adamAllFourHyperparametersInOneRun() throws {
    // Mini-batches of 8 with a seeded shuffle, cross-entropy on two moons.
    let data = SyntheticDataset.twoMoons(noise: 0.1).generate(training: 32, validation: 32, seed: 3)
    let model = ModelDescription(widths: [2, 6, 2], activation: .tanh, initialisation: .seeded(11))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(
        method: .adam, rate: .parameter(0), beta1: .parameter(1), beta2: .parameter(2),
        epsilon: .parameter(3)),
      steps: 30, batch: .size(8, seed: 5))
    // ε = 1e-2 so that it matters next to √ŝ (at 1e-8 its derivative is
    // tiny, and finite differences with a step ∝ ε drown in rounding).
    try expectAgreement(process, [0.02, 0.85, 0.99, 1e-2])
  }

  @Test func nesterovWithWeightDecayAndLearningRateDecay() throws {
    let data = SyntheticDataset.blobs(classes: 3, features: 2, spread: 1.0).generate(
      training: 30, validation: 30, seed: 2)
    let model = ModelDescription(
      widths: [2, 5, 3], activation: .sigmoid, initialisation: .seeded(3))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(
        method: .nesterov, rate: .parameter(0), momentum: .parameter(1), weightDecay: .parameter(2),
        decay: .parameter(3)),
      steps: 40, objective: .trainingLoss)
    try expectAgreement(process, [0.05, 0.7, 0.01, 0.98])
  }

  @Test func sgdOnAReluNetwork() throws {
    let data = SyntheticDataset.spirals(classes: 2, noise: 0.1).generate(
      training: 24, validation: 24, seed: 9)
    let model = ModelDescription(
      widths: [2, 6, 6, 2], activation: .relu, initialisation: .seeded(5))
    let process = TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .softmaxCrossEntropy)),
      optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)), steps: 25)
    try expectAgreement(process, [0.3])
  }
}
