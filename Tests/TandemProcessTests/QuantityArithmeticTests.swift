import TandemAD
import TandemProcess
import Testing

@Suite("Quantity arithmetic")
struct QuantityArithmeticTests {
  @Test func constantsAndParametersEvaluate() {
    let values = [400.0, 0.5]
    #expect(Quantity.constant(2.5).value(in: values) == 2.5)
    #expect(Quantity.parameter(0).value(in: values) == 400)
    #expect((Quantity.parameter(0) + 3 * Quantity.parameter(1)).value(in: values) == 401.5)
    #expect((Quantity.parameter(0) - .parameter(1)).value(in: values) == 399.5)
  }

  @Test func arithmeticOnConstantsFolds() {
    #expect(Quantity.constant(1) + .constant(2) == .constant(3))
    #expect(2 * Quantity.constant(1.5) == .constant(3))
    #expect(1 * Quantity.parameter(0) == .parameter(0))
    #expect(Quantity.constant(0) + .parameter(0) == .parameter(0))
    #expect(0 * Quantity.parameter(0) == .constant(0))
    #expect((Quantity.parameter(0) + .constant(1)).constantValue == nil)
    #expect((2 * Quantity.parameter(3) + .parameter(1)).parameterIndices == [3, 1])
    #expect((Quantity.constant(2) + .constant(3)).constantValue == 5)
  }
}
