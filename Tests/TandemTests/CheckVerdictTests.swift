import Tandem
import Testing

/// `tandem check`'s verdict: the cases its old relative error got wrong.
@Suite struct CheckVerdictTests {
  func result(_ route: GradientRoute, _ gradient: [Double], failure: String? = nil)
    -> GradientRouteResult
  {
    GradientRouteResult(
      route: route, loss: 1, gradient: gradient, seconds: 0, peakResidentBytes: 0,
      failure: failure)
  }

  @Test func theSymmetricDifferenceDoesNotBlowUpAtZero() {
    #expect(CheckVerdict.difference(0, 0) == 0)
    #expect(CheckVerdict.difference(1e-300, 0) == 1)  // was printed as 1.35e+300
    #expect(CheckVerdict.difference(2, 1) == 0.5)
    #expect(CheckVerdict.difference(.nan, 1) == .infinity)
  }

  @Test func gradientsThatAreBothZeroToRoundingAgree() {
    // 1.45e+05 "relative error" before; both are zero to rounding.
    #expect(CheckVerdict.outcome(3e-11, -2e-16, .finiteDifference) == .pass)
    #expect(CheckVerdict.outcome(3e-11, -2e-16, .reverse) == .fail)  // its 1e-12 floor is finer
    #expect(CheckVerdict.outcome(1.00000001, 1, .finiteDifference) == .pass)
    #expect(CheckVerdict.outcome(1.001, 1, .finiteDifference) == .fail)
    #expect(CheckVerdict.outcome(.nan, 1, .finiteDifference) == .fail)
    #expect(CheckVerdict.outcome(.infinity, .infinity, .reverse) == .fail)
  }

  @Test func aSkippedRouteIsSkippedNotPassedOrFailed() {
    let verdict = CheckVerdict([
      result(.forward, [1, 2]), result(.finiteDifference, [1, 2.0000000001]),
      result(.reverse, [], failure: "too large"),
    ])
    #expect(verdict.finiteDifference == [.pass, .pass])
    #expect(verdict.reverse == [.skipped, .skipped])
    #expect(verdict.passed)
  }

  @Test func aNonFiniteForwardGradientFails() {
    let verdict = CheckVerdict([
      result(.forward, [.nan]), result(.finiteDifference, [.nan]), result(.reverse, [.nan]),
    ])
    #expect(!verdict.passed)
    #expect(verdict.reverse == [.fail])
  }

  /// An entry of a vector parameter is measured against the vector's largest
  /// derivative too; a scalar parameter only against its own.
  @Test func aVectorsEntriesShareTheirScale() {
    let tuned = [
      TunedParameter(name: "k[0]", index: 0, vector: "k"),
      TunedParameter(name: "k[1]", index: 1, vector: "k"),
      TunedParameter(name: "c", index: 2),
    ]
    let results = [
      result(.forward, [1, 0.001, 0.001]), result(.finiteDifference, [1, 0.001003, 0.001003]),
      result(.reverse, [1, 0.001, 0.001]),
    ]
    let verdict = CheckVerdict(results, tuned: tuned)
    // 3e-6 against k's scale 1 passes; against c's own 0.001 it is 3e-3.
    #expect(verdict.finiteDifference == [.pass, .pass, .fail])
    #expect(CheckVerdict(results).finiteDifference == [.pass, .fail, .fail])
  }
}
