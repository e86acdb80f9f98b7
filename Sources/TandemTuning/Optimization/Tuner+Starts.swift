import Foundation
import TandemAD
import TandemProcess

/// One start of a multi-start tuning: where it began and the tuner's history from there.
public struct TuningStart: Sendable {
  /// The start's number: 0 is the tuner's own initial values, the others drawn.
  public var number: Int
  /// Every parameter's value at the start.
  public var initialValues: [Double]
  /// The tuner's history from there, the start first; empty when it failed.
  public var history: [TuningIteration]
  /// Why it failed, when it did.
  public var failure: String?

  /// A start's record.
  public init(number: Int, initialValues: [Double], history: [TuningIteration], failure: String?) {
    self.number = number
    self.initialValues = initialValues
    self.history = history
    self.failure = failure
  }

  /// The start's best iteration, if it ran.
  public var best: TuningIteration? { history.min { $0.loss < $1.loss } }
}

extension Array where Element == TunedParameter {
  /// `count` starting points for these tuned parameters: `initialValues`
  /// first, then points drawn with a generator seeded by `seed`, each tuned
  /// parameter uniformly between its bounds — in its optimizer coordinate,
  /// so log-uniformly on a log scale. A side without a bound reaches a
  /// factor of e from the start on a log scale, and half the start's size
  /// (at least 1) on a linear one. The same `count` and `seed` give the
  /// same points, and a larger `count` the same points and more.
  public func startingPoints(from initialValues: [Double], count: Int, seed: UInt64)
    -> [[Double]]
  {
    var generator = SplitMix64(seed: seed)
    var points = [initialValues]
    for _ in 1..<Swift.max(count, 1) {
      var values = initialValues
      for p in self {
        let start = initialValues[p.index]
        let u = p.coordinate(of: start)
        let reach = p.scale == .log ? 1 : 0.5 * Swift.max(abs(start), 1)
        let low = p.minimum.map(p.coordinate(of:)) ?? u - reach
        let high = p.maximum.map(p.coordinate(of:)) ?? u + reach
        values[p.index] = p.value(at: low + (high - low) * generator.uniform())
      }
      points.append(values)
    }
    return points
  }
}

extension Tuner {
  /// `count` starting points: the tuner's own initial values first, then
  /// points drawn in the bounds of its tuned parameters (see
  /// `Array<TunedParameter>.startingPoints(from:count:seed:)`).
  public func startingPoints(count: Int, seed: UInt64) -> [[Double]] {
    tuned.startingPoints(from: initialValues, count: count, seed: seed)
  }

  /// Runs the tuner from each of `points` (see ``startingPoints(count:seed:)``),
  /// `jobs` at a time on as many threads; each start is independent, so the
  /// results are the same, bit for bit, whatever `jobs` is. A start that
  /// fails is kept with its reason. `finished` hears each start as it ends
  /// (from the thread that ran it, one at a time).
  ///
  /// Runs in reverse mode share the process-wide trajectory tape, whose
  /// lock makes them take turns; forward-mode runs go truly in parallel.
  @inlinable
  public func run(
    from points: [[Double]], jobs: Int,
    finished: @escaping @Sendable (TuningStart) -> Void = { _ in }
  ) -> [TuningStart] where Process: Sendable {
    let tuner = self
    return ConcurrentResults.computing(
      points.count, jobs: jobs,
      { number in
        var start = TuningStart(
          number: number, initialValues: points[number], history: [], failure: nil)
        var copy = tuner
        copy.initialValues = points[number]
        do {
          start.history = try copy.run()
        } catch {
          start.failure = "\(error)"
        }
        return start
      }, finished: finished)
  }
}
