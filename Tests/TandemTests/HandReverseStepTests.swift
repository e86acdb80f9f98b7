import Foundation
import Tandem
import Testing

/// Checkpointed reverse mode reverses semi-implicit Euler steps of springs,
/// gravity and drag by hand (no recording): its gradient equals the
/// whole-trajectory tape's (which records every operation, and shares no
/// code with the hand-written step), forward mode's and central
/// differences, for every kind of parameter such a step reads.
@Suite struct HandReverseStepTests {
  /// A scene whose every number a step reads is a parameter: per-particle
  /// masses, per-spring stiffness and rest length, gravity, drag, dt, and a
  /// launch velocity; pinned particles; in `dimension` dimensions.
  static func scene(dimension: Int) -> String {
    func v(_ x: String, _ y: String, _ z: String = "0.1") -> String {
      dimension == 3 ? "[\(x), \(y), \(z)]" : "[\(x), \(y)]"
    }
    return """
      parameters:
        m: { value: [0.5, 0.7, 0.9, 1.1], tune: true, min: 0.1 }
        k: { value: [300, 250, 200], tune: true, min: 1 }
        rest: { value: [0.3, 0.35, 0.4], tune: true, min: 0.01 }
        g: { value: -9.81, tune: true }
        c: { value: 0.3, tune: true, min: 0 }
        dt: { value: 0.002, tune: true, min: 1.0e-4 }
        vx: { value: 0.5, tune: true }
        kd: { value: 150, tune: true }
      world: { gravity: \(v("0", "$g", "0")), drag: $c }
      chains:
        - { id: rope, from: \(v("0", "0", "0")), to: \(v("1", "-0.2")), segments: 3, stiffness: $k,
            rest: $rest, mass: $m, pinned: [0] }
      particles:
        - { id: ball, position: \(v("0.5", "0.3", "0.2")), velocity: \(v("$vx", "0", "-0.3")) }
        - { id: post, position: \(v("0.6", "0.6")), pinned: true }
      springs:
        - { between: [post, ball], stiffness: $kd }
        - { between: [ball, "rope[-1]"], stiffness: 80, rest: 0.5 }
      simulation: { integrator: semi-implicit-euler, dt: $dt, steps: 250 }
      objective:
        - coordinate: { particles: "rope[-1]", axis: y, target: -0.5 }
        - distance: { between: [ball, "rope[1]"], target: 0.4 }
        - { kinetic-energy: { particles: ball }, weight: 0.2 }
      """
  }

  @Test(arguments: [2, 3]) func everyParameterAgreesThreeWays(dimension: Int) throws {
    let scene = try SceneFile.parse(Self.scene(dimension: dimension), fileName: "hand.yaml")
    let process = try #require(scene.simulation)
    let parameters = scene.parameterVector
    #expect(Simulation(process, parameters: parameters).reversesStepsByHand)
    #expect(process.stepsReverseByHand)
    let tuned = scene.tunedParameterList.map(\.index)
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
    let (_, tape, _) = try process.reverseGradient(parameters: parameters, tuned: tuned)
    let (difference, _) = try process.finiteDifferenceGradient(parameters: parameters, tuned: tuned)
    for snapshots in [4, 600] {
      let hand = try process.checkpointedReverseGradient(
        parameters: parameters, tuned: tuned, snapshots: snapshots)
      #expect(hand.loss == loss)
      for (k, name) in scene.tunedParameterList.map(\.name).enumerated() {
        let scale = max(abs(forward[k]), 1e-9)
        #expect(abs(hand.gradient[k] - tape[k]) <= 1e-11 * scale, "\(name): whole tape")
        #expect(abs(hand.gradient[k] - forward[k]) <= 1e-10 * scale, "\(name): forward")
        #expect(abs(difference[k] - forward[k]) <= 1e-5 * scale, "\(name): differences")
        // rope[0] is pinned: its mass does nothing.
        if name != "m[0]" { #expect(forward[k] != 0, "\(name) has a derivative") }
      }
    }
  }

  /// Steps the hand-written reverse does not cover are recorded instead: the
  /// tape then holds a step, not just the parameters and the loss.
  @Test func otherStepsAreRecorded() throws {
    let scene = try SceneFile.parse(Self.scene(dimension: 2), fileName: "hand.yaml")
    let hand = try #require(scene.simulation).checkpointedReverseGradient(
      parameters: scene.parameterVector, tuned: scene.tunedParameterList.map(\.index))
    for (from, to) in [
      ("semi-implicit-euler", "velocity-verlet"),
      ("stiffness: $kd }", "stiffness: $kd, damping: 0.1 }"),
    ] {
      let text = Self.scene(dimension: 2).replacingOccurrences(of: from, with: to)
      let scene = try SceneFile.parse(text, fileName: "recorded.yaml")
      let process = try #require(scene.simulation)
      #expect(!Simulation(process, parameters: scene.parameterVector).reversesStepsByHand)
      #expect(!process.stepsReverseByHand)
      let result = try process.checkpointedReverseGradient(
        parameters: scene.parameterVector, tuned: scene.tunedParameterList.map(\.index))
      #expect(result.tapeBytes > 2 * hand.tapeBytes)
    }
  }
}
