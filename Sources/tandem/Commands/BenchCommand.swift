import ArgumentParser
import Foundation

/// `tandem bench`: runs `tandem-bench`, the benchmark executable built and
/// installed beside `tandem`, with the same arguments.
///
/// The benchmarks live in their own executable because they link an
/// allocation counter that interposes `malloc` for the whole process; the
/// `tandem` that runs, tunes and checks scenes does not carry it. The
/// process is replaced (`execv`), so exit status, output and signals are
/// the benchmark's own.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract:
      "Time the benchmark problems (B1 cloth, B2 training, B3 cloth in 3-D, B4 a stiffness per spring) and the AD core.",
    discussion: """
      Runs tandem-bench (built beside tandem by `make build`) with these arguments: \
      `tandem bench b1|b2|b3|b4|ad [options]`; `tandem bench b1 --help` lists each one's options.
      """
  )

  @Argument(
    parsing: .captureForPassthrough,
    help: "b1, b2, b3, b4 or ad, and their options (passed to tandem-bench).")
  var arguments: [String] = []

  func run() throws {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    let candidates = [
      Bundle.main.executableURL?.deletingLastPathComponent(), folder,
    ].compactMap { $0?.appendingPathComponent("tandem-bench").path }
    guard let path = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      throw ValidationError(
        "tandem-bench is not beside tandem (looked for \(candidates[0])): build it with "
          + "`make build` or `swift build -c release --product tandem-bench`.")
    }
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    execv(path, argv)
    throw ValidationError("could not start \(path): \(String(cString: strerror(errno))).")
  }
}
