import TandemAD
import TandemProcess

extension SteppedProcess {
  /// The loss and its gradient with respect to the parameters at `tuned`
  /// (indices into `parameters`), by forward mode: the tuned parameters are
  /// seeded as the tangent directions of one `Dual` and the process runs once.
  ///
  /// The number of directions is a compile-time constant of `Dual`, while
  /// the number of tuned parameters is known only at run time:
  /// ``TangentWidth/withWidth(fitting:_:)`` picks the width, and more
  /// parameters than ``TangentWidth/maximum`` run in chunks of that many,
  /// on every core at once (``TangentChunks``; the same numbers on any
  /// number of cores).
  /// Every parameter not tuned runs as a constant.
  ///
  /// Inlinable, like every tuning entry point (``Tuner``, Hessians,
  /// finite differences, reverse mode, in-run tuning, ``GradientRouteResult``),
  /// so that a caller that knows the process's type specialises the whole
  /// run for it. Call them from code where the process's type is concrete
  /// (as `SceneTuning` and `SceneCheck` do, one branch per process type):
  /// called from inside a generic function over the process, the compiler
  /// may leave the run unspecialised (measured: `tandem check` of the cloth
  /// scene took 13 s instead of 4.7 s that way), because the dual types grow
  /// along the chain of specialisations.
  @inlinable
  public func lossWithGradient(
    parameters: [Double], tuned: [Int], horizon: Horizon = .full
  ) throws -> (loss: Double, gradient: [Double]) {
    guard !tuned.isEmpty else {
      return (try loss(parameters: parameters, horizon: horizon), [])
    }
    let results = try TangentChunks.map(tuned) { chunk in
      try TangentWidth.withWidth(
        fitting: chunk.count,
        ForwardRun(process: self, parameters: parameters, chunk: chunk, horizon: horizon))
    }
    let loss = results.last!.loss
    let gradient = results.flatMap(\.gradient)
    return (loss, gradient)
  }
}

/// One forward run with the parameters of `chunk` seeded along the first
/// `chunk.count` of `N` directions.
@usableFromInline
struct ForwardRun<Process: SteppedProcess>: TangentWidthComputation {
  @usableFromInline let process: Process
  @usableFromInline let parameters: [Double]
  @usableFromInline let chunk: ArraySlice<Int>
  @usableFromInline let horizon: Horizon

  @inlinable
  init(process: Process, parameters: [Double], chunk: ArraySlice<Int>, horizon: Horizon) {
    (self.process, self.parameters, self.chunk, self.horizon) = (
      process, parameters, chunk, horizon
    )
  }

  @inlinable
  func run<let N: Int>(_: Dual<N, Double>.Type) throws -> (loss: Double, gradient: [Double]) {
    var seeded = parameters.map { Dual<N, Double>(constant: $0) }
    for (direction, index) in chunk.enumerated() {
      seeded[index] = Dual(parameters[index], seed: direction)
    }
    let result = try process.loss(parameters: seeded, horizon: horizon)
    return (result.value, (0..<chunk.count).map { result.tangents[$0] })
  }
}
