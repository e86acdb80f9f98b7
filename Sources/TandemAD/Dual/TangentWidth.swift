/// A computation generic over the number of tangent directions of
/// `Dual<N, Double>`, run by ``TangentWidth/withWidth(fitting:_:)`` with the
/// width that fits a count known only at run time.
///
/// A protocol rather than a closure because Swift closures cannot be
/// generic over `N`.
public protocol TangentWidthComputation {
  /// What the computation returns.
  associatedtype Result
  /// Runs the computation on `Dual<N, Double>`.
  func run<let N: Int>(_ scalar: Dual<N, Double>.Type) throws -> Result
}

/// A computation generic over the width of a dual of duals,
/// `Dual<N, Dual<N, Double>>` (second derivatives along N directions), run
/// by ``TangentWidth/withNestedWidth(fitting:_:)``.
public protocol NestedTangentWidthComputation {
  /// What the computation returns.
  associatedtype Result
  /// Runs the computation on `Dual<N, Dual<N, Double>>`.
  func run<let N: Int>(_ scalar: Dual<N, Dual<N, Double>>.Type) throws -> Result
}

/// The one place that maps a run-time number of tangent directions to the
/// compile-time width of a `Dual`.
///
/// `N` is a compile-time constant of `Dual`, while the number of tuned
/// parameters is known only when a scene is read. Each width is a separate
/// specialisation of the whole process (code size and compile time), so a
/// few are compiled — 1, 2, 3, 4 and 8 directions, and 1 to 4 for duals of
/// duals (second derivatives cost N² per operation) — and a count is rounded
/// up to the next one (unused directions stay zero). The switches below are
/// the only list; `Tape.realComponents` names the same widths for the
/// kernels on `Double` components.
public enum TangentWidth {
  /// The most directions one run can carry: larger counts run in chunks.
  public static var maximum: Int { 8 }
  /// The most directions one run of nested duals can carry.
  public static var nestedMaximum: Int { 4 }

  /// Runs `computation` on the smallest `Dual<N, Double>` with N ≥ `count`
  /// (N = 1 for a count of 0); `count` must be at most ``maximum``.
  @inlinable
  public static func withWidth<Computation: TangentWidthComputation>(
    fitting count: Int, _ computation: Computation
  ) throws -> Computation.Result {
    precondition(count <= maximum, "\(count) tangent directions: at most \(maximum) per run")
    switch count {
    case ...1: return try computation.run(Dual<1, Double>.self)
    case 2: return try computation.run(Dual<2, Double>.self)
    case 3: return try computation.run(Dual<3, Double>.self)
    case 4: return try computation.run(Dual<4, Double>.self)
    default: return try computation.run(Dual<8, Double>.self)
    }
  }

  /// Runs `computation` on `Dual<N, Dual<N, Double>>` with N = `count`
  /// (1 for 0); `count` must be at most ``nestedMaximum``.
  @inlinable
  public static func withNestedWidth<Computation: NestedTangentWidthComputation>(
    fitting count: Int, _ computation: Computation
  ) throws -> Computation.Result {
    precondition(
      count <= nestedMaximum,
      "\(count) directions of second derivatives: at most \(nestedMaximum) per run")
    switch count {
    case ...1: return try computation.run(Dual<1, Dual<1, Double>>.self)
    case 2: return try computation.run(Dual<2, Dual<2, Double>>.self)
    case 3: return try computation.run(Dual<3, Dual<3, Double>>.self)
    default: return try computation.run(Dual<4, Dual<4, Double>>.self)
    }
  }
}
