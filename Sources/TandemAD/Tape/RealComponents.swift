import RealModule

// Kernels on the `Double` components of a scalar.
//
// A `Dual<N, Double>` is laid out as N + 1 contiguous doubles (the value,
// then the tangents), so a buffer of them is an interleaved array of
// "components" (1 for `Double`). The fused nodes (dense layers, spring
// energy) read and write those components directly, with the component
// count a compile-time type (``ComponentCount``) so that the loops over
// components unroll and the index arithmetic folds.

extension Tape {
  /// The number of `Double` components of `T` when the real kernels can
  /// work on them (`Double`: 1; `Dual<N, Double>` for N = 1, 2, 3, 4, 8:
  /// N + 1), nil otherwise (nested duals, `Recorded`, other N), which take
  /// the generic path. Metatype comparisons, which fold away in
  /// specialised code (a dynamic protocol cast here was 3% of a B1 step).
  @inlinable
  static var realComponents: Int? {
    if T.self == Double.self { return 1 }
    if T.self == Dual<1, Double>.self { return interleaved(Dual<1, Double>.self) }
    if T.self == Dual<2, Double>.self { return interleaved(Dual<2, Double>.self) }
    if T.self == Dual<3, Double>.self { return interleaved(Dual<3, Double>.self) }
    if T.self == Dual<4, Double>.self { return interleaved(Dual<4, Double>.self) }
    if T.self == Dual<8, Double>.self { return interleaved(Dual<8, Double>.self) }
    return nil
  }

  /// N + 1 when `Dual<N, Double>` is laid out as N + 1 contiguous doubles,
  /// the value then the tangents, with no padding; nil otherwise. Checked,
  /// not assumed (the checks are constants once specialised).
  @inlinable
  static func interleaved<let N: Int>(_: Dual<N, Double>.Type) -> Int? {
    typealias D = Dual<N, Double>
    guard MemoryLayout<D>.stride == (N + 1) * MemoryLayout<Double>.stride,
      MemoryLayout<D>.offset(of: \D.value) == 0,
      MemoryLayout<D>.offset(of: \D.tangents) == MemoryLayout<Double>.stride
    else { return nil }
    return N + 1
  }

  /// Makes the real scratch buffer at least `count` doubles long (it only
  /// grows, so a loop allocates only while its first step sizes it).
  @inlinable
  func reserveRealScratch(_ count: Int) {
    if realScratch.count < count {
      realScratch = [Double](repeating: 0, count: count)
    }
  }
}

/// The number of components, as a type, so that each kernel is compiled for
/// a constant count.
@usableFromInline
protocol ComponentCount { static var count: Int { get } }
enum OneComponent: ComponentCount { static var count: Int { 1 } }
enum TwoComponents: ComponentCount { static var count: Int { 2 } }
enum ThreeComponents: ComponentCount { static var count: Int { 3 } }
enum FourComponents: ComponentCount { static var count: Int { 4 } }
enum FiveComponents: ComponentCount { static var count: Int { 5 } }
enum NineComponents: ComponentCount { static var count: Int { 9 } }

/// A kernel over interleaved components, run by ``run(_:components:)``
/// with its component count as a type.
@usableFromInline
protocol ComponentKernel {
  func run<K: ComponentCount>(_: K.Type)
}

/// Runs `kernel` compiled for `components` doubles per scalar (one of the
/// counts ``Tape/realComponents`` returns).
@usableFromInline
func run(_ kernel: some ComponentKernel, components: Int) {
  switch components {
  case 1: kernel.run(OneComponent.self)
  case 2: kernel.run(TwoComponents.self)
  case 3: kernel.run(ThreeComponents.self)
  case 4: kernel.run(FourComponents.self)
  case 5: kernel.run(FiveComponents.self)
  case 9: kernel.run(NineComponents.self)
  default: preconditionFailure("no real kernel for \(components) components")
  }
}
