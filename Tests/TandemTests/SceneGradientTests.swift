import Foundation
import Tandem
import Testing

/// Forward-mode hypergradients of every physics example scene against
/// central finite differences and against reverse mode through the whole
/// trajectory. Scenes run shortened (at most 300 steps) to keep CI fast.
@Suite struct SceneGradientTests {
  static let scenes = ExampleScenes.physicsScenes

  @Test func everyExampleSceneIsChecked() {
    #expect(Self.scenes.count >= 6, "found \(Self.scenes)")
  }

  @Test(arguments: scenes)
  func forwardAgreesWithFiniteDifferencesAndReverse(name: String) throws {
    let scene = try ExampleScenes.load(name)
    var (process, _) = try scene.simulation()
    process.steps = min(process.steps, 300)
    var tuned = scene.tunedParameterList.map(\.index)
    if tuned.isEmpty { tuned = Array(scene.parameterVector.indices) }
    guard !tuned.isEmpty else { return }
    let parameters = scene.parameterVector

    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(parameters: parameters, tuned: tuned)
    #expect(reverseLoss == loss)
    for k in tuned.indices {
      let scale = max(abs(forward[k]), 1e-8 * max(abs(loss), 1e-12))
      #expect(abs(reverse[k] - forward[k]) <= 1e-9 * scale, "\(name) reverse, parameter \(k)")
      #expect(abs(difference[k] - forward[k]) <= 1e-5 * scale, "\(name) finite differences, parameter \(k)")
    }
  }
}
