import TandemAD
import TandemProcess

extension SteppedProcess {
  /// The loss, its gradient and its Hessian with respect to the parameters
  /// at `tuned`, from one run on dual numbers of dual numbers: the tuned
  /// parameters are seeded along the same directions at both levels, so the
  /// inner tangent of the outer tangent i along j is ∂²L/∂pᵢ∂pⱼ.
  ///
  /// The cost grows with the square of the number of parameters: at most
  /// ``TangentWidth/nestedMaximum``.
  @inlinable
  public func lossWithHessian(
    parameters: [Double], tuned: [Int]
  ) throws -> (loss: Double, gradient: [Double], hessian: [[Double]]) {
    guard tuned.count <= TangentWidth.nestedMaximum else {
      throw TuningError.tooManyParametersForNewton(
        count: tuned.count, limit: TangentWidth.nestedMaximum)
    }
    return try TangentWidth.withNestedWidth(
      fitting: tuned.count, HessianRun(process: self, parameters: parameters, tuned: tuned))
  }
}

/// One run on `Dual<N, Dual<N, Double>>` with the tuned parameters seeded
/// along the same N directions at both levels.
@usableFromInline
struct HessianRun<Process: SteppedProcess>: NestedTangentWidthComputation {
  @usableFromInline let process: Process
  @usableFromInline let parameters: [Double]
  @usableFromInline let tuned: [Int]

  @inlinable
  init(process: Process, parameters: [Double], tuned: [Int]) {
    (self.process, self.parameters, self.tuned) = (process, parameters, tuned)
  }

  @inlinable
  func run<let N: Int>(
    _: Dual<N, Dual<N, Double>>.Type
  ) throws -> (loss: Double, gradient: [Double], hessian: [[Double]]) {
    typealias Inner = Dual<N, Double>
    var seeded = parameters.map { Dual<N, Inner>(constant: Inner(constant: $0)) }
    for (direction, index) in tuned.enumerated() {
      var outer = InlineArray<N, Inner>(repeating: .zero)
      outer[direction] = Inner(constant: 1)
      seeded[index] = Dual(Inner(parameters[index], seed: direction), tangents: outer)
    }
    let result = try process.loss(parameters: seeded)
    let n = tuned.count
    let gradient = (0..<n).map { result.tangents[$0].value }
    let hessian = (0..<n).map { i in (0..<n).map { j in result.tangents[i].tangents[j] } }
    return (result.value.value, gradient, hessian)
  }
}
