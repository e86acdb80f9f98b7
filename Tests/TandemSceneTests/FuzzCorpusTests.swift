import Foundation
import TandemFuzzing
import Testing

/// Replays the saved fuzzing corpus (`Fuzz/corpus/scene`, seeded from
/// `scenes/` and grown by `make fuzz`, crashes included once fixed) through
/// the fuzzer's own harness: every input must be read or refused with an
/// error, never trap or hang. This is the regression half of fuzzing; the
/// open-ended half is `make fuzz`.
@Suite struct FuzzCorpusTests {
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let corpus = repository.appendingPathComponent("Fuzz/corpus/scene")

  static var inputs: [URL] {
    ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted().map {
      corpus.appendingPathComponent($0)
    }
  }

  @Test func theCorpusIsThere() {
    // The example scenes at least, and the inputs fuzzing added.
    #expect(Self.inputs.count >= 13, "found \(Self.inputs.count) inputs in \(Self.corpus.path)")
  }

  @Test func everyInputIsReadOrRefused() throws {
    let scenes = Self.repository.appendingPathComponent("scenes", isDirectory: true)
    for input in Self.inputs {
      let bytes = try Data(contentsOf: input)
      bytes.withUnsafeBytes { SceneReaderHarness.read($0, directory: scenes) }
    }
  }
}
