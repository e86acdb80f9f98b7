import Foundation
import Tandem
import Testing

/// Forward-mode hypergradients of every example scene against central finite
/// differences and against reverse mode through the whole trajectory.
/// Scenes run shortened (physics at most 300 steps, training 20) to keep CI fast.
@Suite struct SceneGradientTests {
  static let scenes = ExampleScenes.all

  @Test func everyExampleSceneIsChecked() {
    #expect(Self.scenes.count >= 9, "found \(Self.scenes)")
  }

  @Test(arguments: scenes)
  func forwardAgreesWithFiniteDifferencesAndReverse(name: String) throws {
    let scene = try ExampleScenes.load(name)
    if scene.simulation != nil {
      var process = try #require(scene.simulation)
      process.steps = min(process.steps, 300)
      try compareRoutes(process, scene: scene, name: name)
    } else {
      var process = try #require(scene.training)
      process.steps = min(process.steps, 20)
      try compareRoutes(process, scene: scene, name: name)
    }
  }

  func compareRoutes<Process: SteppedProcess>(
    _ process: Process, scene: SceneDescription, name: String
  ) throws {
    var tuned = scene.tunedParameterList.map(\.index)
    if tuned.isEmpty { tuned = Array(scene.parameterVector.indices) }
    guard !tuned.isEmpty else { return }
    let parameters = scene.parameterVector

    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(
      parameters: parameters, tuned: tuned)
    // Equal up to rounding: Double and Dual use a vectorised tanh, Recorded the C library's.
    #expect(abs(reverseLoss - loss) <= 1e-13 * abs(loss))
    for k in tuned.indices {
      let scale = max(abs(forward[k]), 1e-8 * max(abs(loss), 1e-12))
      #expect(abs(reverse[k] - forward[k]) <= 1e-9 * scale, "\(name) reverse, parameter \(k)")
      #expect(
        abs(difference[k] - forward[k]) <= 1e-5 * scale,
        "\(name) finite differences, parameter \(k)")
    }
  }
}
