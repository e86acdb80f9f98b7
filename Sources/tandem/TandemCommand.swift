import ArgumentParser
import Foundation
import Tandem

/// The `tandem` command line: simulate, tune and benchmark differentiable
/// long-running processes.
@main
struct TandemCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tandem",
    abstract: "Differentiate long-running processes: simulations and training loops.",
    discussion: """
      Tandem runs forward-mode dual numbers through a reverse-mode tape: reverse mode takes \
      the inner gradient at every step, forward mode carries the derivative of the state with \
      respect to a few tuned parameters, so memory stays flat however many steps run.
      """,
    version: TandemVersion.current,
    subcommands: [
      RunCommand.self, TuneCommand.self, CheckCommand.self, SweepCommand.self, BenchCommand.self,
      DemoCommand.self,
    ]
  )

  /// Runs the command with SIGINT, SIGTERM and SIGHUP unblocked, whatever
  /// mask the parent left, so that an interrupt always stops a run (a run
  /// holds them off itself only while it moves finished frames into place).
  static func main() {
    var interrupts = sigset_t()
    sigemptyset(&interrupts)
    for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&interrupts, signal) }
    pthread_sigmask(SIG_UNBLOCK, &interrupts, nil)
    main(nil)
  }
}

/// The version `tandem --version` prints.
enum TandemVersion {
  static let current = "0.1.0"
}
