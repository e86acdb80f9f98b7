/// The median and minimum of repeated timings.
public struct TimingSummary: Sendable, CustomStringConvertible {
  /// Every sample, in the order measured.
  public var samples: [Duration]

  /// The median sample (the upper middle one for an even count).
  public var median: Duration { samples.sorted()[samples.count / 2] }

  /// The fastest sample: the least disturbed by the rest of the machine.
  public var minimum: Duration { samples.min()! }

  /// `median / minimum` in the most readable unit.
  public var description: String { "\(Self.format(median)) median, \(Self.format(minimum)) min" }

  /// Nanoseconds in a duration.
  public static func nanoseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1e9 + Double(attoseconds) * 1e-9
  }

  /// A duration in ns, µs, ms or s.
  static func format(_ duration: Duration) -> String {
    let ns = nanoseconds(duration)
    func fixed(_ x: Double) -> String {
      let rounded = (x * 100).rounded() / 100
      return "\(rounded)"
    }
    if ns < 1e3 { return "\(fixed(ns)) ns" }
    if ns < 1e6 { return "\(fixed(ns / 1e3)) µs" }
    if ns < 1e9 { return "\(fixed(ns / 1e6)) ms" }
    return "\(fixed(ns / 1e9)) s"
  }
}

/// Times `body` `repetitions` times after `warmUp` untimed runs.
func measure(repetitions: Int, warmUp: Int = 2, _ body: () -> Void) -> TimingSummary {
  for _ in 0..<warmUp { body() }
  let clock = ContinuousClock()
  var samples: [Duration] = []
  samples.reserveCapacity(repetitions)
  for _ in 0..<max(repetitions, 1) { samples.append(clock.measure(body)) }
  return TimingSummary(samples: samples)
}

/// Keeps the optimiser from deleting a computation whose result is unused.
@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }
