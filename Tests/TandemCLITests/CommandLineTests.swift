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
  func tandem(_ arguments: String...) throws -> Outcome { try tandem(arguments) }

  /// Runs `tandem` with `arguments` in the repository folder, with
  /// `environment` added to this process's.
  func tandem(_ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = Self.binary
    process.arguments = arguments
    process.currentDirectoryURL = Self.repository
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
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
    #expect(Set(json.keys) == ["loss", "parameters", "history", "stop", "mode"])
    let mode = try #require(json["mode"] as? [String: Any])
    #expect(mode["name"] as? String == "forward")
    #expect((mode["reason"] as? String)?.hasPrefix("1 tuned, and Newton") == true)
    let stop = try #require(json["stop"] as? [String: String])
    #expect(stop["name"] == "iteration-limit")
    #expect(stop["reason"] == "reached the limit of 2 iterations")
    let history = try #require(json["history"] as? [[String: Any]])
    #expect(!history.isEmpty)
    #expect(Set(history[0].keys) == ["iteration", "loss", "parameters", "gradient"])
    #expect(FileManager.default.fileExists(atPath: out + "/step-size/tuned.yaml"))
  }

  /// The example fit end to end: `run --record` writes the format, and
  /// `tune` fits the recorded pendulum and prints its statistics.
  @Test func recordAndFitTheExamplePendulum() throws {
    let out = try temporaryFolder()
    let recording = out + "/motion.csv"
    let run = try tandem(
      "run", "scenes/fit-pendulum.yaml", "--no-render", "--record", recording, "--record-every",
      "20", "--record-velocities", "--out", out)
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.contains("recorded   123 rows (every 20 steps) in \(recording)"))
    let text = try String(contentsOfFile: recording, encoding: .utf8)
    #expect(text.hasPrefix("t,particle,x,y,vx,vy\n0,pivot,0,0,0,0\n"))
    let tune = try tandem("tune", "scenes/fit-pendulum.yaml", "--no-frames", "--json", "--out", out)
    #expect(tune.status == 0, "\(tune.error)")
    let json = try tune.json()
    #expect(
      Set(json.keys) == [
        "loss", "parameters", "history", "stop", "mode", "residual_count",
        "residual_sum_of_squares", "residual_variance", "standard_errors", "correlation",
        "eigenvalues", "unidentifiable", "threshold",
      ])
    let errors = try #require(json["standard_errors"] as? [String: Double])
    let values = try #require(json["parameters"] as? [String: Double])
    // Recorded with k = 120, c = 0.3 (scripts/make-fit-data): within 2 errors.
    for (name, truth) in [("k", 120.0), ("c", 0.3)] {
      let (value, error) = (try #require(values[name]), try #require(errors[name]))
      #expect(abs(value - truth) <= 2 * error, "\(name) = \(value) ± \(error)")
    }
    #expect((json["unidentifiable"] as? [Any])?.isEmpty == true)
    #expect(json["residual_count"] as? Int == 324)
    for file in ["fit.png", "residuals.png", "tuned.yaml"] {
      #expect(FileManager.default.fileExists(atPath: out + "/fit-pendulum/" + file), "\(file)")
    }
    let text2 = try tandem("tune", "scenes/fit-pendulum.yaml", "--no-frames", "--out", out + "/2")
    #expect(text2.output.contains("  k          "))
    #expect(text2.output.contains("identifiable: every direction is determined"))
    let misplaced = try tandem("run", "scenes/fit-pendulum.yaml", "--record-every", "5")
    #expect(misplaced.status != 0)
    #expect(misplaced.error.contains("--record-every and --record-velocities go with --record"))
  }

  @Test func checkPrintsTheDocumentedJSONWithEachRoutesOwnPeak() throws {
    let result = try tandem("check", "scenes/step-size.yaml", "--json")
    #expect(result.status == 0, "\(result.error)")
    let json = try result.json()
    #expect(
      Set(json.keys) == [
        "loss", "parameters", "gradient", "finite_difference", "finite_difference_steps",
        "reverse", "steps", "routes", "verdict", "mode",
      ])
    let verdict = try #require(json["verdict"] as? [String: Any])
    #expect(verdict["passed"] as? Bool == true)
    #expect((verdict["reverse"] as? [String: String])?.values.allSatisfy { $0 == "PASS" } == true)
    let routes = try #require(json["routes"] as? [String: [String: Any]])
    #expect(Set(routes.keys) == ["forward", "finite-difference", "reverse"])
    for (name, route) in routes {
      #expect((route["peak_rss_bytes"] as? Int ?? 0) > 0, "\(name)")
    }
    // Checkpointed by default: a bounded number of snapshots.
    #expect((routes["reverse"]?["snapshots"] as? Int ?? 0) >= 1)
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

  @Test func checkFailsWhenTheRoutesDisagree() throws {
    // A relative tolerance of 0 and no absolute floor: central differences
    // cannot match forward mode to the last bit.
    let strict = try tandem(
      "check", "scenes/step-size.yaml", "--rtol", "0", "--atol", "0", "--json")
    #expect(strict.status == 1)
    let verdict = try #require(try strict.json()["verdict"] as? [String: Any])
    #expect(verdict["passed"] as? Bool == false)
    #expect((verdict["finite_difference"] as? [String: String])?.values.contains("FAIL") == true)
    let text = try tandem("check", "scenes/step-size.yaml", "--rtol", "0", "--atol", "0")
    #expect(text.status == 1)
    #expect(text.output.contains("verdict: FAIL"))
    let skipped = try tandem(
      "check", "scenes/step-size.yaml", "--reverse", "full", "--reverse-limit", "1")
    #expect(skipped.status == 0, "a skipped route does not fail the check")
    #expect(skipped.output.contains("skipped"))
  }

  @Test func aNonFiniteRateIsRefused() throws {
    for rate in ["inf", "nan", "-1"] {
      let result = try tandem("tune", "scenes/step-size.yaml", "--rate=\(rate)", "--no-frames")
      #expect(result.status != 0)
      #expect(result.error.contains("--rate must be a positive, finite number"), "\(rate)")
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

/// Interrupted and concurrent runs, through the built binary.
@Suite struct InterruptedRunTests {
  /// Starts `tandem` with `arguments` in the repository, output discarded.
  func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = CommandLineTests.binary
    process.arguments = arguments
    process.currentDirectoryURL = CommandLineTests.repository
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  func names(_ path: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: path).sorted()
  }

  /// Waits up to 20 s for a staging folder to appear (frames being drawn).
  func waitForStaging(in path: String) throws -> Bool {
    for _ in 0..<400 {
      if try names(path).contains(where: { $0.hasPrefix(".tandem-frames-") }) { return true }
      usleep(50_000)
    }
    return false
  }

  @Test func anInterruptedRunLeavesThePreviousFramesAndASecondRunIsRefused() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-interrupt-\(UUID().uuidString)"
    ).path
    defer { try? FileManager.default.removeItem(atPath: out) }
    let folder = out + "/rope"
    let first = try start(["run", "scenes/rope.yaml", "--out", out, "--every", "3000"])
    first.waitUntilExit()
    #expect(first.terminationStatus == 0)
    let before = try names(folder)
    #expect(before.filter { $0.hasSuffix(".png") }.count == 3)
    let frame = try Data(contentsOf: URL(fileURLWithPath: folder + "/frame-00002.png"))

    // A long run (6,002 frames) into the same folder, interrupted while drawing.
    let long = try start(["run", "scenes/rope.yaml", "--out", out, "--every", "1"])
    #expect(try waitForStaging(in: folder))
    let second = try start(["run", "scenes/rope.yaml", "--out", out, "--every", "3000"])
    second.waitUntilExit()
    #expect(second.terminationStatus == 1, "a second run into a busy folder is refused")
    kill(long.processIdentifier, SIGTERM)
    long.waitUntilExit()
    #expect(long.terminationStatus != 0)
    // The previous frames are exactly as they were; only the staging folder is extra.
    let after = try names(folder)
    #expect(after.filter { !$0.hasPrefix(".tandem-frames-") } == before)
    #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/frame-00002.png")) == frame)
    // The next run removes what the interrupted one left.
    let third = try start(["run", "scenes/rope.yaml", "--out", out, "--every", "2000"])
    third.waitUntilExit()
    #expect(third.terminationStatus == 0)
    #expect(
      try names(folder) == [
        ".tandem-lock", "frame-00001.png", "frame-00002.png",
        "frame-00003.png", "frame-00004.png",
      ])
  }

  @Test func anInterruptedTuneWritesTheBestValuesFoundSoFar() throws {
    let out = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-tune-interrupt-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let log = out + "/stderr.txt"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    let process = Process()
    process.executableURL = CommandLineTests.binary
    process.arguments = [
      "tune", "scenes/cloth.yaml", "--out", out, "--iterations", "500", "--no-frames",
    ]
    process.currentDirectoryURL = CommandLineTests.repository
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try process.run()
    // Interrupt once the first iteration is done.
    for _ in 0..<600 where !(try String(contentsOfFile: log, encoding: .utf8)).contains("iter   1")
    {
      usleep(50_000)
    }
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationStatus == 128 + SIGTERM)
    let messages = try String(contentsOfFile: log, encoding: .utf8)
    #expect(messages.contains("interrupted: writing the best values found so far"))
    let tuned = try String(contentsOfFile: out + "/cloth/tuned.yaml", encoding: .utf8)
    #expect(!tuned.contains("k: { value: 300,"), "the tuned value, not the scene's")
    #expect(tuned.contains("k: { value: "))
  }

  /// `tandem check` killed during its reverse route leaves no process
  /// behind (it used to run that route in a child, which went on, at 3 GB).
  @Test func aKilledCheckLeavesNoProcessBehind() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-check-kill-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A copy under a unique name, so that any process still reading it can be found.
    let scene = folder + "/check-\(UUID().uuidString).yaml"
    try FileManager.default.copyItem(
      atPath: CommandLineTests.repository.appendingPathComponent("scenes/cloth.yaml").path,
      toPath: scene)
    let log = folder + "/stderr.txt"
    _ = FileManager.default.createFile(atPath: log, contents: nil)
    let process = Process()
    process.executableURL = CommandLineTests.binary
    process.arguments = ["check", scene]
    process.currentDirectoryURL = CommandLineTests.repository
    process.standardOutput = FileHandle.nullDevice
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
    try process.run()
    for _ in 0..<600
    where !(try String(contentsOfFile: log, encoding: .utf8)).contains("by reverse") {
      usleep(50_000)
    }
    kill(process.processIdentifier, SIGTERM)
    process.waitUntilExit()
    #expect(process.terminationStatus != 0)
    usleep(200_000)
    // Every process's command line, from /proc: none names the scene.
    let pids = try FileManager.default.contentsOfDirectory(atPath: "/proc").filter {
      Int($0) != nil
    }
    let survivors = pids.filter { pid in
      let line = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
      return String(decoding: line, as: UTF8.self).contains(scene)
    }
    #expect(survivors.isEmpty, "still running: \(survivors)")
  }

  @Test func aFullDiskFailsNamingThePathAndKeepsThePreviousFrames() throws {
    guard getuid() == 0 else { return }  // mounting a small tmpfs needs root
    let mountPoint = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-full-\(UUID().uuidString)"
    ).path
    try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: mountPoint) }
    let mount = Process()
    mount.executableURL = URL(fileURLWithPath: "/bin/mount")
    mount.arguments = ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mountPoint]
    mount.standardError = FileHandle.nullDevice
    guard (try? mount.run()) != nil else { return }
    mount.waitUntilExit()
    guard mount.terminationStatus == 0 else { return }  // not allowed here (a container)
    defer {
      let umount = Process()
      umount.executableURL = URL(fileURLWithPath: "/bin/umount")
      umount.arguments = [mountPoint]
      try? umount.run()
      umount.waitUntilExit()
    }
    let small = try start(["run", "scenes/rope.yaml", "--out", mountPoint, "--every", "3000"])
    small.waitUntilExit()
    #expect(small.terminationStatus == 0)
    let before = try names(mountPoint + "/rope")
    let big = Process()
    big.executableURL = CommandLineTests.binary
    big.arguments = ["run", "scenes/rope.yaml", "--out", mountPoint, "--every", "20"]
    big.currentDirectoryURL = CommandLineTests.repository
    let error = Pipe()
    big.standardError = error
    big.standardOutput = FileHandle.nullDevice
    try big.run()
    let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    big.waitUntilExit()
    #expect(big.terminationStatus == 1)
    #expect(message.contains(mountPoint + "/rope/"))
    #expect(message.contains("No space left on device"))
    #expect(try names(mountPoint + "/rope") == before)
  }
}
