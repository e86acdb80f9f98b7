import RealModule
/// Why a simulation could not go on.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
  /// A position or velocity became infinite or NaN.
  case nonFinite(step: Int, particle: String, quantity: String)
  /// The run ended (its steps taken, or stopped early) before the time of
  /// an observed row: line `line` of `file`, at `time`; the run ended at `end`.
  case observationAfterEnd(file: String, line: Int, time: Double, end: Double)

  /// A message a person can act on.
  public var description: String {
    switch self {
    case let .nonFinite(step, particle, quantity):
      "the simulation blew up at step \(step): particle \(particle) has a non-finite \(quantity). "
        + "Try a smaller dt, more damping or drag, or softer springs."
    case let .observationAfterEnd(file, line, time, end):
      "\(file):\(line): the observation at t = \(Self.short(time)) is after the run's end at t = \(Self.short(end)). "
        + "Take more steps, or keep dt large enough (bounds on a tuned dt), or drop the rows past the end."
    }
  }

  /// `x` rounded to 12 significant digits, so that 100 steps of 0.009 end
  /// at 0.9 rather than 0.8999999999999999.
  static func short(_ x: Double) -> Double {
    guard x != 0, x.isFinite else { return x }
    let digits = 12 - Int(Double.log10(abs(x)).rounded(.up))
    let factor = Double.pow(10, Double(digits))
    return (x * factor).rounded() / factor
  }
}
