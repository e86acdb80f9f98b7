import TandemAD

extension SteppedProcess {
  /// The loss, its gradient and its Hessian with respect to the parameters
  /// at `tuned`, from one run on dual numbers of dual numbers: the tuned
  /// parameters are seeded along the same directions at both levels, so the
  /// inner tangent of the outer tangent i along j is ∂²L/∂pᵢ∂pⱼ.
  ///
  /// The cost grows with the square of the number of parameters: at most 4.
  public func lossWithHessian(
    parameters: [Double], tuned: [Int]
  ) throws -> (loss: Double, gradient: [Double], hessian: [[Double]]) {
    switch tuned.count {
    case 1: try hessianRun(Dual<1, Dual<1, Double>>.self, parameters, tuned)
    case 2: try hessianRun(Dual<2, Dual<2, Double>>.self, parameters, tuned)
    case 3: try hessianRun(Dual<3, Dual<3, Double>>.self, parameters, tuned)
    case 4: try hessianRun(Dual<4, Dual<4, Double>>.self, parameters, tuned)
    default:
      throw TuningError.tooManyParametersForNewton(count: tuned.count, limit: 4)
    }
  }

  @inlinable
  func hessianRun<let N: Int>(
    _: Dual<N, Dual<N, Double>>.Type, _ parameters: [Double], _ tuned: [Int]
  ) throws -> (loss: Double, gradient: [Double], hessian: [[Double]]) {
    typealias Inner = Dual<N, Double>
    var seeded = parameters.map { Dual<N, Inner>(constant: Inner(constant: $0)) }
    for (direction, index) in tuned.enumerated() {
      var outer = InlineArray<N, Inner>(repeating: .zero)
      outer[direction] = Inner(constant: 1)
      seeded[index] = Dual(Inner(parameters[index], seed: direction), tangents: outer)
    }
    let result = try loss(parameters: seeded)
    let n = tuned.count
    let gradient = (0..<n).map { result.tangents[$0].value }
    let hessian = (0..<n).map { i in (0..<n).map { j in result.tangents[i].tangents[j] } }
    return (result.value.value, gradient, hessian)
  }
}
