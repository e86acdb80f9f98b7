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
      process = process.shortened(
        to: 300, dt: process.timeStep.value(in: scene.parameterVector))
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
    var entries = scene.tunedParameterList
    if entries.isEmpty {
      entries = scene.entryNames.enumerated().map { TunedParameter(name: $1, index: $0) }
    }
    let tuned = entries.map(\.index)
    guard !tuned.isEmpty else { return }
    let parameters = scene.parameterVector

    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (reverseLoss, reverse, _) = try process.reverseGradient(
      parameters: parameters, tuned: tuned)
    // Central differences take two runs per entry: a long vector's are
    // checked on a spread of about 20 of its entries.
    var sampled: [Int] = []
    var start = 0
    for group in entries.groups {
      let stride = max(group.entries.count / 20, 1)
      sampled += Swift.stride(from: start, to: start + group.entries.count, by: stride)
      start += group.entries.count
    }
    let (difference, _) = try process.finiteDifferenceGradient(
      parameters: parameters, tuned: sampled.map { tuned[$0] })
    // Equal up to rounding: Double and Dual use a vectorised tanh, Recorded the C library's.
    #expect(abs(reverseLoss - loss) <= 1e-13 * abs(loss))
    // A vector's entries are measured against its largest derivative too.
    var scales = forward.map { max(abs($0), 1e-8 * max(abs(loss), 1e-12)) }
    start = 0
    for group in entries.groups {
      let range = start..<(start + group.entries.count)
      let largest = forward[range].map(abs).max()!
      for k in range { scales[k] = max(scales[k], largest) }
      start = range.upperBound
    }
    // Checkpointed reverse mode, with few snapshots so that segments are
    // recomputed, equals the whole-trajectory tape to rounding.
    let checkpointed = try process.checkpointedReverseGradient(
      parameters: parameters, tuned: tuned, snapshots: 6)
    #expect(abs(checkpointed.loss - loss) <= 1e-13 * abs(loss))
    #expect(checkpointed.statistics.peakSnapshots <= 6)
    for k in tuned.indices {
      #expect(abs(reverse[k] - forward[k]) <= 1e-9 * scales[k], "\(name) reverse, parameter \(k)")
      #expect(
        abs(checkpointed.gradient[k] - reverse[k]) <= 1e-12 * scales[k],
        "\(name) checkpointed reverse against the whole tape, parameter \(k)")
      #expect(
        abs(checkpointed.gradient[k] - forward[k]) <= 1e-10 * scales[k],
        "\(name) checkpointed reverse against forward, parameter \(k)")
    }
    for (d, k) in sampled.enumerated() {
      #expect(
        abs(difference[d] - forward[k]) <= 1e-5 * scales[k],
        "\(name) finite differences, parameter \(k)")
    }
  }
}
