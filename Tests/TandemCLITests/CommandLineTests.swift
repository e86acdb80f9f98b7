import Foundation
import Testing

/// The built `tandem` binary, run as a user runs it: exit statuses, what
/// goes to standard output and error, and the shapes of `--json`.
@Suite struct CommandLineTests {
  /// The repository, found from this file's location.
  static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `tandem`, beside the test binary in the build folder (the test target
  /// depends on the executable, so it is built first).
  static let binary: URL = {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent()] {
      let url = candidate.appendingPathComponent("tandem")
      if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    return repository.appendingPathComponent(".build/release/tandem")
  }()

  struct Outcome {
    var status: Int32
    var output: String
    var error: String
    /// Standard output parsed as one JSON object.
    func json() throws -> [String: Any] {
      try #require(
        JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any],
        "not a JSON object: \(output)")
    }
  }

  /// Runs `tandem` with `arguments` in the repository folder.
  func tandem(_ arguments: String...) throws -> Outcome {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = Self.repository
    let (output, error) = (Pipe(), Pipe())
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes before waiting, so a full pipe cannot block the child.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      error: String(decoding: errorData, as: UTF8.self))
  }

  func temporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.path
  }

  @Test func runPrintsTheDocumentedJSON() throws {
    let out = try temporaryFolder()
    let result = try tandem("run", "scenes/step-size.yaml", "--no-render", "--json", "--out", out)
    #expect(result.status == 0, "\(result.error)")
    let json = try result.json()
    #expect(
      Set(json.keys) == ["scene", "steps", "time", "loss", "frames", "output", "particles"])
    #expect(json["scene"] as? String == "step-size")
    #expect(json["steps"] as? Int == 500)
    #expect(json["frames"] as? Int == 0)
    let bob = try #require((json["particles"] as? [String: Any])?["bob"] as? [String: Any])
    #expect((bob["position"] as? [Double])?.count == 2)
    #expect((bob["velocity"] as? [Double])?.count == 2)
  }

  @Test func tunePrintsTheDocumentedJSON() throws {
    let out = try temporaryFolder()
    let result = try tandem(
      "tune", "scenes/step-size.yaml", "--iterations", "2", "--no-frames", "--json", "--out", out)
    #expect(result.status == 0, "\(result.error)")
    let json = try result.json()
    #expect(Set(json.keys) == ["loss", "parameters", "history"])
    let history = try #require(json["history"] as? [[String: Any]])
    #expect(!history.isEmpty)
    #expect(Set(history[0].keys) == ["iteration", "loss", "parameters", "gradient"])
    #expect(FileManager.default.fileExists(atPath: out + "/step-size/tuned.yaml"))
  }

  @Test func checkPrintsTheDocumentedJSONWithEachRoutesOwnPeak() throws {
    let result = try tandem("check", "scenes/step-size.yaml", "--json")
    #expect(result.status == 0, "\(result.error)")
    let json = try result.json()
    #expect(
      Set(json.keys) == [
        "loss", "parameters", "gradient", "finite_difference", "finite_difference_steps",
        "reverse", "steps", "routes",
      ])
    let routes = try #require(json["routes"] as? [String: [String: Any]])
    #expect(Set(routes.keys) == ["forward", "finite-difference", "reverse"])
    for (name, route) in routes {
      #expect((route["peak_rss_bytes"] as? Int ?? 0) > 0, "\(name)")
    }
    // The three routes agree (the derivative checks proper are in SceneGradientTests).
    let forward = try #require(json["gradient"] as? [String: Double])
    let reverse = try #require(json["reverse"] as? [String: Double])
    for (name, value) in forward {
      #expect(abs((reverse[name] ?? .nan) - value) <= 1e-9 * abs(value), "\(name)")
    }
  }

  @Test func aMalformedSceneIsLocatedAndExitsNonZero() throws {
    let folder = try temporaryFolder()
    let path = folder + "/broken.yaml"
    try """
    particles:
      - { id: ball, position: [0, 0], mas: 1 }
    simulation: { dt: 0.01, steps: 10 }
    """.write(toFile: path, atomically: true, encoding: .utf8)
    let result = try tandem("run", path, "--no-render", "--out", folder)
    #expect(result.status != 0)
    #expect(result.error.contains("broken.yaml:2:"), "\(result.error)")
    #expect(result.error.contains("did you mean `mass`?"), "\(result.error)")
    #expect(result.output.isEmpty)
  }

  @Test func aMissingSceneExitsNonZero() throws {
    let result = try tandem("run", "no-such-scene.yaml", "--no-render")
    #expect(result.status != 0)
    #expect(result.error.contains("no-such-scene.yaml"), "\(result.error)")
  }

  @Test func benchRunsTheSeparateBenchmarkExecutable() throws {
    let result = try tandem(
      "bench", "b1", "--n", "4", "--steps", "5", "--repeat", "1", "--json")
    #expect(result.status == 0, "\(result.error)")
    let json = try result.json()
    #expect(json["problem"] as? String == "b1")
    #expect(Set((json["gradient"] as? [String: Double] ?? [:]).keys) == ["k", "c", "dt"])
    let wrong = try tandem("bench", "b9")
    #expect(wrong.status != 0)
  }

  @Test func versionAndHelp() throws {
    let version = try tandem("--version")
    #expect(version.status == 0)
    #expect(!version.output.isEmpty)
    let help = try tandem("--help")
    #expect(help.status == 0)
    for command in ["run", "tune", "check", "bench", "demo"] {
      #expect(help.output.contains(command), "\(command)")
    }
  }

  @Test func limitsAreNamedAndCanBeRaised() throws {
    let refused = try tandem(
      "run", "scenes/cloth.yaml", "--no-render", "--limit", "particles=100")
    #expect(refused.status == 1)
    #expect(refused.error.contains("particles exceed the limit of 100"))
    #expect(refused.error.contains("--limit particles=N"))
    let unknown = try tandem("run", "scenes/cloth.yaml", "--no-render", "--limit", "particle=5")
    #expect(unknown.status == 1)
    #expect(unknown.error.contains("unknown limit `particle` (did you mean `particles`?)"))
    let raised = try tandem(
      "run", "scenes/projectile.yaml", "--no-render", "--limit", "work=1e12", "--json")
    #expect(raised.status == 0)
  }
}
