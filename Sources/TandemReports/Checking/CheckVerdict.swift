import TandemTuning

/// Whether the routes of ``SceneCheck`` agree: each other route's gradient
/// against forward mode's, parameter by parameter, within tolerances suited
/// to the route.
///
/// Two numbers agree when |a − b| ≤ `atol`, or when their symmetric relative
/// difference |a − b| / max(|a|, |b|) is at most `rtol`. The symmetric form
/// does not blow up when one of them is 0, and `atol` is the floor that
/// accepts two gradients that are both zero to rounding. A non-finite value
/// never agrees. The entries of a vector parameter share their units, so
/// each is measured against the vector's scale too: the difference divided
/// by the largest |derivative| among its entries (an entry whose derivative
/// is a thousandth of its neighbours' is not held to a thousand times their
/// precision, which central differences cannot give).
public struct CheckVerdict: Sendable {
  /// The tolerances one route is held to.
  public struct Tolerance: Sendable, Hashable {
    /// The largest symmetric relative difference accepted.
    public var relative: Double
    /// The absolute difference always accepted.
    public var absolute: Double

    /// A tolerance from its two parts.
    public init(relative: Double, absolute: Double) {
      self.relative = relative
      self.absolute = absolute
    }

    /// Central differences: their truncation and rounding errors are near
    /// ε^(2/3) ≈ 4e-11 relative on a smooth loss, far more on a long or stiff run.
    public static let finiteDifference = Tolerance(relative: 1e-5, absolute: 1e-10)
    /// Reverse mode computes the same derivative as forward mode in another
    /// order: only rounding differs.
    public static let reverse = Tolerance(relative: 1e-9, absolute: 1e-12)
  }

  /// One route's verdict on one parameter.
  public enum Outcome: String, Sendable, Hashable {
    /// Within the tolerance.
    case pass = "PASS"
    /// Outside it, or a value is not finite.
    case fail = "FAIL"
    /// The route did not run.
    case skipped = "skipped"
  }

  /// The symmetric relative difference of `a` and `b` (0 when both are 0;
  /// infinite when either is not finite).
  public static func difference(_ a: Double, _ b: Double) -> Double {
    guard a.isFinite, b.isFinite else { return .infinity }
    let scale = max(abs(a), abs(b))
    return scale == 0 ? 0 : abs(a - b) / scale
  }

  /// Whether `value` agrees with `reference` within `tolerance`, the
  /// relative difference taken against at least `scale` (a vector
  /// parameter's largest |derivative|).
  public static func outcome(
    _ value: Double, _ reference: Double, _ tolerance: Tolerance, scale: Double = 0
  ) -> Outcome {
    guard value.isFinite, reference.isFinite else { return .fail }
    let difference = abs(value - reference)
    if difference <= tolerance.absolute { return .pass }
    return difference <= tolerance.relative * max(abs(value), abs(reference), scale) ? .pass : .fail
  }

  /// Central differences' outcome for each tuned parameter.
  public var finiteDifference: [Outcome]
  /// The two modes' agreement (reverse against forward) for each tuned parameter.
  public var reverse: [Outcome]
  /// Whether the reference mode's own loss and gradient are finite.
  public var forwardIsFinite: Bool

  /// The verdict on `results` (forward, central differences, reverse, as
  /// ``SceneCheck/run(starting:)`` returns them) for the entries `tuned`
  /// (each of its own scale when `nil`), each route held to its tolerance.
  /// Central differences are compared with `reference`'s gradient (forward
  /// or reverse mode: the mode a tuning would use); the two modes with each
  /// other (the difference is symmetric).
  public init(
    _ results: [GradientRouteResult], tuned: [TunedParameter]? = nil,
    reference: GradientRoute = .forward,
    finiteDifference fdTolerance: Tolerance = .finiteDifference,
    reverse reverseTolerance: Tolerance = .reverse
  ) {
    let (ad, difference, other) = (results[0], results[1], results[2])
    let referenceIsReverse = reference == .reverse && other.failure == nil
    let (base, otherMode) = referenceIsReverse ? (other, ad) : (ad, other)
    forwardIsFinite = base.loss.isFinite && base.gradient.allSatisfy(\.isFinite)
    var scales = Array(repeating: 0.0, count: base.gradient.count)
    if let tuned, tuned.count == scales.count {
      var start = 0
      for group in tuned.groups {
        let range = start..<(start + group.entries.count)
        start = range.upperBound
        guard group.isVector else { continue }
        let scale = base.gradient[range].map(abs).max() ?? 0
        for k in range { scales[k] = scale }
      }
    }
    func outcomes(_ result: GradientRouteResult, _ tolerance: Tolerance) -> [Outcome] {
      base.gradient.indices.map { k in
        result.failure != nil
          ? .skipped
          : Self.outcome(result.gradient[k], base.gradient[k], tolerance, scale: scales[k])
      }
    }
    finiteDifference = outcomes(difference, fdTolerance)
    self.reverse = outcomes(otherMode, reverseTolerance)
  }

  /// Whether every route that ran agrees on every parameter and nothing is
  /// non-finite.
  public var passed: Bool {
    forwardIsFinite && !(finiteDifference + reverse).contains(.fail)
  }
}
