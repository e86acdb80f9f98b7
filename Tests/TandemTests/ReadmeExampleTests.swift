import Tandem
import Testing

/// The worked example of docs/library.md, verbatim, so the guide
/// cannot drift from the API.
@Suite struct ReadmeExampleTests {
  @Test func workedExample() throws {
    // Forward mode: f'(x) of f(x) = x·sin(x) at 2.
    let slope = derivative(at: 2.0) { x in x * .sin(x) }

    // Reverse mode: ∇ of a Rosenbrock function, recorded on a tape.
    let g = gradient(at: [1.5, 2.0]) { v in
      let (x, y) = (v[0], v[1])
      return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }

    // Reverse over forward: a Hessian-vector product of the same function.
    let hv = hessianVectorProduct(at: [1.5, 2.0], along: [1, 0]) { v in
      let (x, y) = (v[0], v[1])
      return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }

    // Dual over reverse: the derivative of 20 steps of gradient descent with
    // respect to the step size, each step's gradient taken on a tape.
    let descent = TrainingDescription(
      problem: .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])),
      optimizer: OptimizerDescription(method: .sgd, rate: .parameter(0)), steps: 20)
    let (loss, hypergradient) = try descent.lossWithGradient(parameters: [0.05], tuned: [0])

    #expect(abs(slope - (2.0 * Double.cos(2) + Double.sin(2))) < 1e-14)
    #expect(abs(g[0] - (-2 * (1 - 1.5) - 400 * 1.5 * (2 - 1.5 * 1.5))) < 1e-12)
    #expect(abs(g[1] - 200 * (2 - 1.5 * 1.5)) < 1e-12)
    #expect(abs(hv[0] - (2 - 400 * (2 - 3 * 1.5 * 1.5))) < 1e-10)  // ∂²f/∂x²
    #expect(abs(hv[1] - (-400 * 1.5)) < 1e-10)  // ∂²f/∂x∂y
    // wᵢ ← (1 − α·hᵢ)·wᵢ: L = Σ ½·hᵢ·(1 − α·hᵢ)^40, dL/dα = −Σ 20·hᵢ²·(1 − α·hᵢ)^39.
    let exactLoss = 0.5 * Double.pow(0.95, 40) + 5 * Double.pow(0.5, 40)
    let exactDerivative = -20 * (Double.pow(0.95, 39) + 100 * Double.pow(0.5, 39))
    #expect(abs(loss - exactLoss) < 1e-15 && abs(hypergradient[0] - exactDerivative) < 1e-12)
  }

  @Test func tuningExample() throws {
    // Tune a scene's parameters from code with the Tuner (SceneTuning does
    // exactly what `tandem tune` does, settings, files and all).
    let scene = try SceneFile.load(ExampleScenes.url("step-size"))
    let simulation = try #require(scene.simulation)
    let tuner = Tuner(
      process: simulation, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .newton, iterations: 10, rate: 1)
    let history = try tuner.run { print("iteration \($0.iteration): loss \($0.loss)") }
    #expect(history.last!.loss < 1e-20)
  }
}

/// Every YAML scene shown in README.md parses and builds its process.
@Suite struct ReadmeSceneTests {
  @Test func readmeScenesParse() throws {
    let readme = ExampleScenes.folder.deletingLastPathComponent().appendingPathComponent(
      "README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map {
      $0.components(separatedBy: "```")[0]
    }
    #expect(blocks.count >= 2)
    for block in blocks {
      let scene = try SceneFile.parse(block, fileName: "README.md")
      if scene.simulation != nil {
        #expect(scene.simulation != nil)
      } else {
        #expect(scene.training != nil)
      }
    }
  }
}
