import TandemBenchmarks
import Testing

/// The benchmarks at small sizes: not timings (those belong to `tandem
/// bench`), but the properties they report: the allocation counter works,
/// a gradient step allocates nothing in steady state, and recorded values
/// equal plain ones.
@Suite struct ADBenchmarkTests {
  #if DEBUG
    static let isOptimized = false
  #else
    static let isOptimized = true
  #endif

  @Test func allocationCounterCountsAndIsActive() {
    #if os(Linux)
      #expect(AllocationCounting.isActive)
    #endif
    guard AllocationCounting.isActive else { return }
    // (No #expect inside the measured closures: recording a result allocates.)
    var count = 0
    let counted = AllocationCounting.allocations {
      count = [Int](repeating: 1, count: 1000 + count).count
    }
    #expect(counted! >= 1 && count == 1000)
    var x = 1.0
    let none = AllocationCounting.allocations { for _ in 0..<100 { x = x * 1.01 } }
    #expect(none == 0 && x > 1)
  }

  @Test func gradientStepsAllocateNothingInSteadyState() {
    for result in runADBenchmarks(quick: true) {
      #expect(result.nodesPerStep > 0)
      #expect(result.valuesMatchPlainEvaluation, "\(result.name)")
      // Unoptimised builds box generic values and allocate; the property is
      // one of release builds, which the project tests with (`make test`).
      if Self.isOptimized, let allocations = result.allocationsPerStep {
        #expect(allocations.double == 0, "\(result.name) on Double")
        #expect(allocations.dual3 == 0, "\(result.name) on Dual<3>")
        #expect(allocations.recorded ?? 0 == 0, "\(result.name) on Recorded")
      }
      #expect(!result.description.isEmpty)
    }
  }
}
