import ArgumentParser
import Foundation
import Tandem

/// Options every scene command shares: the scene file and parameter overrides.
struct SceneOptions: ParsableArguments {
  @Argument(
    help: "The scene file (YAML), e.g. scenes/cloth.yaml.",
    completion: .file(extensions: ["yaml", "yml"]))
  var scene: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a parameter's value, e.g. --set k=500 (repeatable).", valueName: "name=value"))
  var assignments: [String] = []

  @Option(
    name: .customLong("limit"),
    help: ArgumentHelp(
      "Raise (or lower) a limit checked before any work, e.g. --limit particles=2000000 "
        + "(repeatable). Limits and defaults: "
        + SceneLimits.names.map { "\($0) \(SceneLimits()[$0])" }.joined(separator: ", ")
        + ". work counts steps × (particles + springs), or steps × examples per step × model "
        + "parameters; pixels are per frame; yaml-nodes count nodes after expanding aliases.",
      valueName: "name=value"))
  var limits: [String] = []

  /// Loads the scene with the overrides applied (the file is read once; an
  /// override is checked as if it were written in the file).
  func load() throws -> SceneDescription {
    try SceneFile.load(file(), setting: settings(), limits: SceneLimits().setting(limits))
  }

  /// A tuning of the scene with the overrides applied, the file read once
  /// (its text is kept, for writing the tuned values back into it).
  func tuning() throws -> SceneTuning {
    try SceneTuning(
      file: file(), assignments: settings(), limits: SceneLimits().setting(limits))
  }

  /// The scene file, which must exist.
  func file() throws -> URL {
    let url = URL(fileURLWithPath: scene)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw CommandFailure(
        "no scene file at '\(scene)'. The examples are in scenes/, e.g. scenes/cloth.yaml.")
    }
    return url
  }

  /// The `--set` values.
  func settings() throws -> [String: Double] {
    try SceneDescription.parameterAssignments(assignments)
  }
}

/// Options for commands that write files.
struct OutputOptions: ParsableArguments {
  @Option(
    name: .customLong("out"),
    help: ArgumentHelp(
      "The folder output goes to; each scene writes into its own subfolder.", valueName: "dir"))
  var directory: String = "output"

  /// The scene's own folder inside the output folder. The scene name is
  /// reduced to a safe file name, so nothing is written outside the folder.
  func folder(for sceneName: String) -> URL {
    let safe = String(
      sceneName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
    return URL(fileURLWithPath: directory).appendingPathComponent(safe.isEmpty ? "scene" : safe)
  }
}

/// An error that is reported as its message, with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
