import Foundation
import TandemScene
import Testing

/// The complete examples in docs/scenes.md parse, so the documentation cannot rot.
@Suite("Documentation examples")
struct DocumentationTests {
  @Test func completeExamplesInTheDocsParse() throws {
    let url = Fixtures.scenesDirectory.deletingLastPathComponent().appendingPathComponent(
      "docs/scenes.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    let blocks = text.components(separatedBy: "```yaml\n").dropFirst().map {
      $0.components(separatedBy: "```")[0]
    }
    let complete = blocks.filter { $0.contains("simulation:") || $0.contains("kind: training") }
    #expect(complete.count == 3)
    for block in complete {
      let scene = try SceneFile.parse(block, fileName: "docs.yaml")
      #expect(scene.simulation != nil || scene.training != nil)
    }
  }
}
