import Foundation
import TandemFuzzing

/// The folder relative CSV paths in inputs resolve against:
/// `TANDEM_FUZZ_SCENES`, else `scenes/` in the current folder (the seeds are
/// the example scenes, which name `../data/iris.csv`).
enum Inputs {
  static let scenes = URL(
    fileURLWithPath: ProcessInfo.processInfo.environment["TANDEM_FUZZ_SCENES"] ?? "scenes",
    isDirectory: true)
}

#if FUZZING
  /// libFuzzer's driver (`make fuzz` links it with `-sanitize=fuzzer`).
  /// SwiftPM names an executable's entry point after its target, so the
  /// driver is called from `main` rather than being `main` itself.
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @main
  struct Fuzz {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(
        runFuzzerDriver(&argc, &argv) { data, size in
          SceneReaderHarness.read(
            UnsafeRawBufferPointer(start: data, count: size), directory: Inputs.scenes)
          return 0
        })
    }
  }
#else
  /// Without libFuzzer: replays the files and folders given (a crash found
  /// by `make fuzz`, or a corpus) through the same harness, with the
  /// ordinary runtime's backtraces.
  @main
  struct Replay {
    static func main() throws {
      let paths = CommandLine.arguments.dropFirst()
      guard !paths.isEmpty else {
        print(
          "usage: tandem-fuzz FILE-OR-FOLDER ...  (replays inputs through the scene-reader harness)"
        )
        return
      }
      var count = 0
      for path in paths {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
          throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        let files =
          isFolder.boolValue
          ? try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
            "\(path)/\($0)"
          } : [path]
        for file in files {
          let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
          bytes.withUnsafeBytes { SceneReaderHarness.read($0, directory: Inputs.scenes) }
          count += 1
        }
      }
      print("replayed \(count) inputs without a crash")
    }
  }
#endif
