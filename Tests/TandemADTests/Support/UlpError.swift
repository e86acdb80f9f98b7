import TandemAD
import Testing

/// The largest difference between `values` and `references`, in units in the
/// last place of the reference (at least that of the smallest normal
/// number); where a reference is NaN the value must be NaN too.
func worstUlpError(_ values: [Double], _ references: [Double]) -> Double {
  #expect(values.count == references.count)
  var worst = 0.0
  for (value, reference) in zip(values, references) {
    if reference.isNaN {
      #expect(value.isNaN, "NaN expected, got \(value)")
      continue
    }
    worst = max(worst, abs(value - reference) / max(reference.ulp, Double.leastNormalMagnitude))
  }
  return worst
}
