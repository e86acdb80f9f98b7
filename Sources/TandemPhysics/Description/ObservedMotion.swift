import TandemAD
import TandemProcess

/// Recorded motion a simulation is compared with: observed positions (and,
/// optionally, velocities) of particles at times within a run, in the
/// engine's particle order.
///
/// Rows are kept sorted by time (rows at equal times in the file's order),
/// so a run meets them in order and keeps only a cursor: memory does not
/// grow with the steps. Each row remembers its line in the file, for errors
/// and reports.
public struct ObservedMotion: Sendable, Equatable {
  /// The file the rows came from, as the scene names it (for errors).
  public var file: String
  /// The number of coordinates per position: 2 or 3.
  public var dimension: Int
  /// Whether each row also observes the particle's velocity.
  public var hasVelocities: Bool
  /// Each row's time, in simulated seconds from the start: non-decreasing.
  public private(set) var times: [Double] = []
  /// Each row's particle, an index in the engine's order.
  public private(set) var particles: [Int] = []
  /// Each row's line in the file.
  public private(set) var lines: [Int] = []
  /// The observed values, ``componentsPerRow`` per row: the position's
  /// coordinates, then (with ``hasVelocities``) the velocity's.
  public private(set) var values: [Double] = []

  /// Empty motion of `dimension` coordinates, read from `file`.
  public init(file: String, dimension: Int, hasVelocities: Bool) {
    precondition(dimension == 2 || dimension == 3, "a motion in \(dimension) dimensions")
    self.file = file
    self.dimension = dimension
    self.hasVelocities = hasVelocities
  }

  /// The numbers observed per row: the position's, then the velocity's.
  @inlinable public var componentsPerRow: Int { hasVelocities ? 2 * dimension : dimension }

  /// The number of rows.
  @inlinable public var count: Int { times.count }

  /// The number of residuals the rows give: ``count`` × ``componentsPerRow``.
  @inlinable public var residualCount: Int { count * componentsPerRow }

  /// The observed values of row `row`.
  @inlinable
  public func observed(_ row: Int) -> ArraySlice<Double> {
    values[(row * componentsPerRow)..<((row + 1) * componentsPerRow)]
  }

  /// Adds a row; `observed` holds ``componentsPerRow`` numbers. Rows may
  /// come in any order of time: they are sorted by ``sorted()``.
  public mutating func append(time: Double, particle: Int, observed: [Double], line: Int) {
    precondition(observed.count == componentsPerRow, "a row of \(observed.count) values")
    times.append(time)
    particles.append(particle)
    lines.append(line)
    values.append(contentsOf: observed)
  }

  /// The first row whose time is after `time` (``count`` when none is), by
  /// bisection: the rows are in order of time.
  @inlinable
  public func firstRow(after time: Double) -> Int {
    var (low, high) = (0, times.count)
    while low < high {
      let middle = (low + high) / 2
      if times[middle] > time { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// The rows up to `time` (rows are in order of time).
  public func prefix(through time: Double) -> ObservedMotion {
    var result = ObservedMotion(file: file, dimension: dimension, hasVelocities: hasVelocities)
    for row in times.indices where times[row] <= time {
      result.append(
        time: times[row], particle: particles[row], observed: Array(observed(row)),
        line: lines[row])
    }
    return result
  }

  /// The same rows in order of time, rows at equal times kept in the order
  /// they were added.
  public func sorted() -> ObservedMotion {
    let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
    var result = ObservedMotion(file: file, dimension: dimension, hasVelocities: hasVelocities)
    for row in order {
      result.append(
        time: times[row], particle: particles[row], observed: Array(observed(row)),
        line: lines[row])
    }
    return result
  }
}

/// A term of the objective measured along the run rather than at its end:
/// how far the simulated motion is from ``ObservedMotion``.
///
/// Each row gives one residual per observed number: the simulated position
/// (and velocity) at the row's time, linearly interpolated between the
/// states of the two steps around it, minus the observed one. The term's
/// value is `weight` times the mean of the squared residuals, accumulated
/// step by step as the run passes the rows' times.
public struct ObservationTerm: Sendable {
  /// The recorded motion.
  public var data: ObservedMotion
  /// The term's weight in the objective, at least 0.
  public var weight: Quantity

  /// A term comparing a run with `data`.
  public init(_ data: ObservedMotion, weight: Quantity = 1) {
    self.data = data
    self.weight = weight
  }
}
