import Foundation
import TandemFiles
import TandemScene
import TandemTraining
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Files a user names that are not readable text get a message that says
/// what they are and where the problem is, in place of Foundation's
/// (`NSCocoaErrorDomain error 256`, "the file isn't in the correct format",
/// "you don't have permission" for a named pipe).
@Suite struct FileReadingTests {
  static let folder: URL = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-files-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }()

  /// The message of loading `url` as a scene.
  func loadError(_ url: URL) -> String {
    do {
      _ = try SceneFile.load(url)
      return "loaded"
    } catch {
      return "\(error)"
    }
  }

  @Test func bytesThatAreNotUTF8AreLocated() throws {
    let url = Self.folder.appendingPathComponent("latin1.yaml")
    try Data("name: x\nparameters:\n  k: 4".utf8 + [0xFF, 0xFE] + Data("\n".utf8)).write(to: url)
    #expect(
      loadError(url)
        == "\(url.path):3:7: cannot read the scene file: byte 0xFF is not UTF-8 text; save the file as UTF-8"
    )
    // After a multi-byte character, columns count characters, as YAML's do.
    #expect(
      throws: TextFile.Unreadable(
        reason: "byte 0xC3 is not UTF-8 text; save the file as UTF-8",
        location: SourceLocation(line: 1, column: 4))
    ) {
      try TextFile.text(of: Array("é: ".utf8) + [0xC3, 0x28])
    }
  }

  @Test func controlCharactersAreLocatedAndNotEchoed() {
    #expect {
      try SceneFile.parse("name: x\u{1}y\nparameters: {}\n", fileName: "ctrl.yaml")
    } throws: { error in
      "\(error)"
        == "ctrl.yaml:1:8: the control character U+0001 is not allowed in a scene file (delete it, or write it as an escape inside double quotes)"
    }
  }

  @Test func foldersPipesAndDevicesAreNamed() throws {
    let folder = Self.folder.appendingPathComponent("folder.yaml")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    #expect(
      loadError(folder) == "\(folder.path): cannot read the scene file: it is a folder, not a file")
    let pipe = Self.folder.appendingPathComponent("pipe.yaml")
    #expect(mkfifo(pipe.path, 0o644) == 0)
    // Reading a pipe with no writer would block: it is refused before opening.
    #expect(
      loadError(pipe)
        == "\(pipe.path): cannot read the scene file: it is a named pipe (FIFO), not a regular file"
    )
    let device = URL(fileURLWithPath: "/dev/null")
    #expect(
      loadError(device)
        == "/dev/null: cannot read the scene file: it is a device, not a regular file")
    let missing = Self.folder.appendingPathComponent("missing.yaml")
    #expect(
      loadError(missing) == "\(missing.path): cannot read the scene file: there is no such file")
  }

  @Test(.enabled(if: geteuid() != 0, "root may read any file"))
  func permissionIsNamed() throws {
    let url = Self.folder.appendingPathComponent("secret.yaml")
    try "name: x\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(chmod(url.path, 0) == 0)
    #expect(
      loadError(url).hasSuffix(
        "cannot read the scene file: permission denied (you may not read it; see its mode with `ls -l`)"
      ))
  }

  /// A training scene reading `csv` (a file in ``folder``) with `validation`.
  func trainingScene(csv: String, target: String = "y", validation: String = "0.25") -> String {
    """
    kind: training
    parameters:
      rate: { value: 0.1, tune: true, min: 1.0e-4, scale: log }
    model: { layers: [2, 4, 1], activation: tanh }
    data: { csv: \(csv), target: \(target), validation: \(validation) }
    loss: mse
    optimizer: { method: sgd, rate: $rate }
    training: { steps: 2 }
    """
  }

  func parseError(_ text: String) -> String {
    do {
      _ = try SceneFile.parse(text, fileName: "t.yaml", directory: Self.folder)
      return "loaded"
    } catch {
      return "\(error)"
    }
  }

  @Test func aCSVFileThatIsNotTextIsLocated() throws {
    let url = Self.folder.appendingPathComponent("binary.csv")
    try Data([0x61, 0x2C, 0x62, 0x2C, 0x79, 0x0A, 0x31, 0x2C, 0x80]).write(to: url)
    #expect(
      parseError(trainingScene(csv: "binary.csv"))
        == "t.yaml:5:14: data.csv: cannot load `binary.csv`: \(url.path):2:3: byte 0x80 is not UTF-8 text; save the file as UTF-8"
    )
    let folder = Self.folder.appendingPathComponent("folder.csv")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    #expect(
      parseError(trainingScene(csv: "folder.csv")).contains(
        "folder.csv: it is a folder, not a file"))
  }

  /// A "CSV" whose first line is 5,000 columns of anything (a binary file, a
  /// log) is not echoed whole when the target is missing.
  @Test func aMissingTargetListsTenColumnsAtMost() throws {
    let header = (0..<5000).map { "column-\($0)-" + String(repeating: "x", count: 60) }
    let url = Self.folder.appendingPathComponent("wide.csv")
    try
      (header.joined(separator: ",") + "\n"
      + Array(repeating: "1", count: 5000).joined(separator: ","))
      .write(to: url, atomically: true, encoding: .utf8)
    let message = parseError(trainingScene(csv: "wide.csv"))
    #expect(message.contains("no column is named `y`"))
    #expect(message.contains("and 4990 more"))
    #expect(message.count < 1500, "\(message.count) characters")
  }

  /// Holding out a fraction of too few rows left no validation set, and the
  /// validation loss was reported as 0.
  @Test func anEmptyValidationSetIsRefused() throws {
    let url = Self.folder.appendingPathComponent("three.csv")
    try "a,b,y\n1,2,3\n4,5,6\n7,8,9\n".write(to: url, atomically: true, encoding: .utf8)
    #expect(
      parseError(trainingScene(csv: "three.csv", validation: "0.1"))
        == "t.yaml:5:48: data.validation: holding out 0.1 of 3 rows leaves no validation examples (hold out a larger fraction, or add rows)"
    )
    #expect(parseError(trainingScene(csv: "three.csv", validation: "0.4")) == "loaded")
  }
}
