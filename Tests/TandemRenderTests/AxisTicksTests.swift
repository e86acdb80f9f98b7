import Testing
import TandemRender

@Suite struct AxisTicksTests {
  @Test func unitRangeStepsByTwoTenths() {
    #expect(AxisTicks.linear(from: 0, to: 1, targetCount: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
    #expect(AxisTicks.labels(for: [0, 0.2, 0.4], step: 0.2) == ["0.0", "0.2", "0.4"])
  }

  @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(AxisTicks.niceStep(for: 10, targetCount: 5) == 2)
    #expect(AxisTicks.niceStep(for: 100, targetCount: 4) == 20)
    #expect(abs(AxisTicks.niceStep(for: 0.03, targetCount: 6) - 0.005) < 1e-15)
    #expect(AxisTicks.niceStep(for: 7, targetCount: 1) == 5)
    #expect(AxisTicks.niceStep(for: 8, targetCount: 1) == 10)
    #expect(AxisTicks.linear(from: -3, to: 7, targetCount: 5) == [-2, 0, 2, 4, 6])
    #expect(AxisTicks.linear(from: 0, to: 200, targetCount: 4) == [0, 50, 100, 150, 200])
    #expect(AxisTicks.labels(for: [0, 50, 100], step: 50) == ["0", "50", "100"])
  }

  @Test func extremeMagnitudesUseExponentLabels() {
    #expect(AxisTicks.labels(for: [0, 2e5, 4e5], step: 2e5) == ["0", "2e5", "4e5"])
    #expect(AxisTicks.labels(for: [1e-4, 1.5e-4], step: 5e-5) == ["1.0e-4", "1.5e-4"])
    #expect(AxisTicks.labels(for: [-0.0, 0.5], step: 0.5) == ["0.0", "0.5"])
  }

  @Test func logarithmicAxisTicksOnDecades() {
    #expect(AxisTicks.logarithmic(from: 3e-4, to: 2) == [0.001, 0.01, 0.1, 1])
    #expect(AxisTicks.logarithmic(from: 1, to: 1000) == [1, 10, 100, 1000])
  }

  @Test func manyDecadesAreThinnedButKeepOne() {
    let ticks = AxisTicks.logarithmic(from: 1e-12, to: 1e3, maxCount: 8)
    #expect(ticks.count <= 8)
    #expect(ticks.contains(1))
    #expect(ticks.contains(1e-12))
    #expect(ticks == [1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100])
  }

  @Test func narrowLogRangesAddTwosAndFives() {
    #expect(AxisTicks.logarithmic(from: 0.3, to: 4) == [0.5, 1, 2])
    #expect(AxisTicks.logarithmicMinor(from: 1, to: 10) == [2, 3, 4, 5, 6, 7, 8, 9])
  }

  @Test func logarithmicLabelsArePlainNearOneAndExponentialBeyond() {
    #expect(AxisTicks.logarithmicLabel(for: 0.001) == "0.001")
    #expect(AxisTicks.logarithmicLabel(for: 1) == "1")
    #expect(AxisTicks.logarithmicLabel(for: 1000) == "1000")
    #expect(AxisTicks.logarithmicLabel(for: 1e-4) == "1e-4")
    #expect(AxisTicks.logarithmicLabel(for: 2e5) == "2e5")
    #expect(AxisTicks.logarithmicLabel(for: 0.05) == "0.05")
  }
}
