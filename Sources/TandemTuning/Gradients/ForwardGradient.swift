import TandemAD

extension SteppedProcess {
  /// The loss and its gradient with respect to the parameters at `tuned`
  /// (indices into `parameters`), by forward mode: the tuned parameters are
  /// seeded as the tangent directions of one `Dual` and the process runs once.
  ///
  /// The number of directions is a compile-time constant of `Dual`, while
  /// the number of tuned parameters is known only at run time: this picks
  /// the smallest of 1, 2, 3, 4 or 8 directions that fits, and runs chunks of
  /// 8 directions when more parameters are tuned. Every parameter not tuned
  /// runs as a constant.
  public func lossWithGradient(
    parameters: [Double], tuned: [Int], horizon: Horizon = .full
  ) throws -> (loss: Double, gradient: [Double]) {
    guard !tuned.isEmpty else {
      return (try loss(parameters: parameters, horizon: horizon), [])
    }
    var loss = 0.0
    var gradient: [Double] = []
    var chunkStart = 0
    while chunkStart < tuned.count {
      let chunk = tuned[chunkStart..<min(chunkStart + 8, tuned.count)]
      let result: (Double, [Double])
      switch chunk.count {
      case 1: result = try forwardChunk(Dual<1, Double>.self, parameters, chunk, horizon)
      case 2: result = try forwardChunk(Dual<2, Double>.self, parameters, chunk, horizon)
      case 3: result = try forwardChunk(Dual<3, Double>.self, parameters, chunk, horizon)
      case 4: result = try forwardChunk(Dual<4, Double>.self, parameters, chunk, horizon)
      default: result = try forwardChunk(Dual<8, Double>.self, parameters, chunk, horizon)
      }
      loss = result.0
      gradient += result.1
      chunkStart += chunk.count
    }
    return (loss, gradient)
  }

  /// One forward run with the parameters of `chunk` seeded along the first
  /// `chunk.count` of `N` directions.
  @inlinable
  func forwardChunk<let N: Int>(
    _: Dual<N, Double>.Type, _ parameters: [Double], _ chunk: ArraySlice<Int>, _ horizon: Horizon
  ) throws -> (Double, [Double]) {
    var seeded = parameters.map { Dual<N, Double>(constant: $0) }
    for (direction, index) in chunk.enumerated() {
      seeded[index] = Dual(parameters[index], seed: direction)
    }
    let result = try loss(parameters: seeded, horizon: horizon)
    return (result.value, (0..<chunk.count).map { result.tangents[$0] })
  }
}
