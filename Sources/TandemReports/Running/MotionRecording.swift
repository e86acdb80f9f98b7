import Foundation
import TandemAD
import TandemFiles
import TandemPhysics
import TandemRender

/// Writes a run's motion as CSV (`tandem run --record FILE.csv`), in the
/// format an `observations:` term reads: the header `t,particle,x,y`
/// (`,z` in 3-D; `,vx,vy(,vz)` with velocities), then one row per particle
/// per recorded step, `t` the simulated time from 0 and `particle` the id
/// (quoted when it holds a comma, as grid ids do).
///
/// Numbers are written with 17 significant digits, so they read back as
/// the very numbers the run computed: a recording fitted by the scene that
/// made it has residuals at the level of rounding.
public struct MotionRecording {
  /// Steps between recorded states (the initial state is recorded too).
  public var every: Int
  /// Whether rows carry the velocities as well.
  public var velocities: Bool

  /// A recording every `every` steps.
  public init(every: Int = 1, velocities: Bool = false) {
    precondition(every >= 1, "a recording every \(every) steps")
    self.every = every
    self.velocities = velocities
  }

  /// The header line for a scene of `dimension` dimensions.
  public func header(dimension: Int) -> String {
    let axes = ["x", "y", "z"].prefix(dimension)
    return (["t", "particle"] + axes + (velocities ? axes.map { "v" + $0 } : [])).joined(
      separator: ",")
  }

  /// The fields of `id` as a CSV field: quoted when it holds a comma or a quote.
  static func field(_ id: String) -> String {
    guard id.contains(",") || id.contains("\"") else { return id }
    return "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Whether the state after `steps` steps is recorded.
  public func records(afterSteps steps: Int) -> Bool { steps % every == 0 }

  /// The rows of `simulation`'s current state, one line per particle.
  public func rows(of simulation: Simulation<Double>, ids: [String]) -> String {
    let state = simulation.state
    let time = String(format: "%.17g", simulation.time)
    var text = ""
    for i in 0..<state.count {
      text += time + "," + Self.field(ids[i])
      for a in 0..<state.dimension {
        text += "," + String(format: "%.17g", state.positions[a * state.count + i])
      }
      if velocities {
        for a in 0..<state.dimension {
          text += "," + String(format: "%.17g", state.velocities[a * state.count + i])
        }
      }
      text += "\n"
    }
    return text
  }
}

/// Buffered writing of text to a file descriptor.
struct DescriptorWriter {
  let descriptor: Int32
  let url: URL
  var buffer: [UInt8] = []

  init(descriptor: Int32, url: URL) {
    self.descriptor = descriptor
    self.url = url
    buffer.reserveCapacity(1 << 16)
  }

  /// Appends `text`, writing out whenever 64 KiB have gathered.
  mutating func write(_ text: String) throws {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { try flush() }
  }

  /// Writes out what has gathered.
  mutating func flush() throws {
    guard !buffer.isEmpty else { return }
    try AtomicFile.write(Data(buffer), through: descriptor, naming: url)
    buffer.removeAll(keepingCapacity: true)
  }
}
