import RealModule

// The functions users differentiate with. Each hides how tangents are seeded
// and read, so nested derivatives cannot confuse their perturbations.

/// The derivative f′(x) of a scalar function, by forward mode.
///
/// `f` receives `x` as a `Dual<1, T>` seeded with tangent 1. Nesting is safe:
/// inside `f`, another `derivative(at:of:)` runs on `Dual<1, Dual<1, T>>`,
/// a different type, so the two perturbations never mix.
@inlinable
public func derivative<T: Scalar>(at x: T, of f: (Dual<1, T>) -> Dual<1, T>) -> T {
  f(Dual(x, seed: 0)).tangents[0]
}

/// f(x) and f′(x) together, from one forward-mode evaluation.
@inlinable
public func valueWithDerivative<T: Scalar>(
  at x: T, of f: (Dual<1, T>) -> Dual<1, T>
) -> (value: T, derivative: T) {
  let y = f(Dual(x, seed: 0))
  return (y.value, y.tangents[0])
}

/// The gradient ∇f(x) of a scalar function of a vector, by reverse mode.
///
/// `f` records its computation on a fresh tape through the ``TracedVector``
/// it receives; one backward pass then gives every partial derivative.
@inlinable
public func gradient<T: Scalar>(at x: [T], of f: (TracedVector<T>) -> Traced<T>) -> [T] {
  valueWithGradient(at: x, of: f).gradient
}

/// f(x) and ∇f(x) together, by one recording and one backward pass.
@inlinable
public func valueWithGradient<T: Scalar>(
  at x: [T], of f: (TracedVector<T>) -> Traced<T>
) -> (value: T, gradient: [T]) {
  Tape<T>().valueWithGradient(at: x, of: f)
}

extension Tape {
  /// f(x) and ∇f(x) on this tape, which is reset first; reusing one tape
  /// across calls keeps its storage, so repeated calls do not reallocate.
  @inlinable
  public func valueWithGradient(
    at x: [T], of f: (TracedVector<T>) -> Traced<T>
  ) -> (value: T, gradient: [T]) {
    reset()
    let input = variables(x)
    let output = f(input)
    backward(from: output)
    return (output.value, Array(adjoints(of: input)))
  }
}

/// The Jacobian-vector product of a vector function: f(x) and J_f(x)·v, by
/// one forward-mode evaluation with `x` seeded along `v`.
@inlinable
public func jvp<T: Scalar>(
  at x: [T], along v: [T], of f: ([Dual<1, T>]) -> [Dual<1, T>]
) -> (value: [T], jvp: [T]) {
  precondition(x.count == v.count, "a point of \(x.count) and a direction of \(v.count)")
  let input = (0..<x.count).map { i in Dual<1, T>(x[i], tangents: [v[i]]) }
  let output = f(input)
  return (output.map(\.value), output.map { $0.tangents[0] })
}

/// The directional derivative of a scalar function: f(x) and ∇f(x)·v.
@inlinable
public func valueWithDirectionalDerivative<T: Scalar>(
  at x: [T], along v: [T], of f: ([Dual<1, T>]) -> Dual<1, T>
) -> (value: T, derivative: T) {
  let (value, product) = jvp(at: x, along: v) { [f($0)] }
  return (value[0], product[0])
}

/// The Hessian-vector product H_f(x)·v, by reverse mode over forward mode.
///
/// `f` records on a tape whose scalar is `Dual<1, T>` with `x` seeded along
/// `v`; the tangents of the gradient it returns are exactly H·v. Write `f`
/// generically over ``Scalar`` and pass it here and to ``gradient(at:of:)``
/// alike.
@inlinable
public func hessianVectorProduct<T: Scalar>(
  at x: [T], along v: [T], of f: (TracedVector<Dual<1, T>>) -> Traced<Dual<1, T>>
) -> [T] {
  precondition(x.count == v.count, "a point of \(x.count) and a direction of \(v.count)")
  let seeded = (0..<x.count).map { i in Dual<1, T>(x[i], tangents: [v[i]]) }
  return gradient(at: seeded, of: f).map { $0.tangents[0] }
}

extension Dual {
  /// Seeds independent variables: the i-th value gets tangent 1 along
  /// direction i and 0 elsewhere. At most `N` values; directions beyond
  /// `values.count` stay zero.
  @inlinable
  public static func seeding(_ values: [T]) -> [Dual] {
    precondition(values.count <= N, "\(values.count) variables for \(N) tangent directions")
    return values.indices.map { i in Dual(values[i], seed: i) }
  }

  /// The tangents as an array (the gradient when the inputs were seeded with
  /// ``seeding(_:)``).
  @inlinable
  public var tangentArray: [T] { (0..<N).map { tangents[$0] } }
}
