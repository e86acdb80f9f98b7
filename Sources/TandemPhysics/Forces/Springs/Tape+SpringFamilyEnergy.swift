import TandemAD

extension Tape {
  /// The elastic energy E = Σ ½·k·(ℓ − L)² of the springs in `layout`'s
  /// families, between points in 2-D or 3-D with coordinates `positions`
  /// (axis-major), recorded as one node whose saved partials are the whole
  /// gradient ∂E/∂x (see ``springFamilyKernel(components:dimension:values:positions:stride:families:presence:stiffness:restLength:gradient:total:scratch:layout:)``);
  /// its vector-Jacobian product adds the gradient times the energy's
  /// adjoint to the positions' adjoints, one contiguous pass.
  ///
  /// As for ``springEnergy(positions:dimension:first:second:stiffness:restLength:)``,
  /// stiffnesses and rest lengths are constants to the tape (their tangents
  /// flow through the value and the gradient), and a zero-length spring has
  /// zero force. The springs of no family are not included.
  ///
  /// - Precondition: `layout` has families, which it has only on scalars
  ///   with ``Tape/realComponents``.
  @inlinable
  public func springFamilyEnergy(
    positions: TracedVector<T>, dimension: Int, layout: SpringLayout<T>
  ) -> Traced<T> {
    guard let components = Self.realComponents else {
      preconditionFailure("spring families on \(T.self), which has no Double components")
    }
    precondition(
      (dimension == 2 || dimension == 3) && positions.count % dimension == 0,
      "spring energy: \(positions.count) coordinates in \(dimension)-D")
    let families = layout.families
    let stride = positions.count / dimension
    let scratch = FamilyScratch(
      components: components, dimension: dimension, stride: stride,
      families: families.families.count,
      widestOffset: families.widestOffset, mostLanes: families.mostLanes)
    precondition(families.reach < scratch.length, "spring families reach past \(stride) points")
    let start = positions.start
    reserveRealScratch(scratch.count)
    let saved = reserveSaved(positions.count * components)
    var total = T.zero
    withRecordingBuffers { tape in
      families.families.withUnsafeBufferPointer { list in
        families.presence.withUnsafeBufferPointer { presence in
          layout.laneStiffness.withSource { stiffness in
            layout.laneRestLength.withSource { rest in
              withUnsafeMutableBytes(of: &total) { total in
                springFamilyKernel(
                  components: components, dimension: dimension,
                  values: UnsafeRawPointer(tape.values.baseAddress!).assumingMemoryBound(
                    to: Double.self),
                  positions: start, stride: stride, families: list,
                  presence: presence.baseAddress!, stiffness: stiffness, restLength: rest,
                  gradient: tape.saved.baseAddress! + saved,
                  total: total.baseAddress!.assumingMemoryBound(to: Double.self),
                  scratch: tape.scratch.baseAddress!, layout: scratch)
              }
            }
          }
        }
      }
    }
    let output = appendValue(total)
    let arguments = appendNodeArgument(start)
    appendNodeArgument(positions.count)
    appendNodeArgument(output)
    appendNodeArgument(saved)
    record(kind(of: SavedGradientNode<T>.self), arguments: arguments)
    return Traced(tape: self, index: output)
  }
}

/// A node `output = f(x)` of a contiguous block of values whose whole
/// gradient ∂f/∂x was saved, as scalars of `T`'s `Double` components, in the
/// tape's saved buffer: its vector-Jacobian product adds the gradient times
/// the output's adjoint to the block's adjoints, in one contiguous pass.
///
/// Arguments: the block's first value, its length, output, the gradient's
/// offset in the saved buffer.
@usableFromInline
enum SavedGradientNode<T: Scalar>: BulkNode {
  @inlinable
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<T>) {
    let p = buffers.arguments.baseAddress! + arguments
    let (start, count, output) = (p[0], p[1], p[2])
    let gradient = UnsafeRawPointer(buffers.saved.baseAddress! + p[3]).assumingMemoryBound(
      to: T.self)
    let a = buffers.adjoints.baseAddress! + start
    if Tape<T>.isUnit(buffers.adjoints[output]) {
      for i in 0..<count { a[i] += gradient[i] }
      return
    }
    let seed = buffers.adjoints[output]
    for i in 0..<count { a[i] += seed * gradient[i] }
  }
}

extension FamilyLaneValues {
  /// Calls `body` with the values open for the family kernel.
  @inlinable
  func withSource<R>(_ body: (LaneSource) -> R) -> R {
    doubles.withUnsafeBufferPointer { doubles in
      starts.withUnsafeBufferPointer { starts in
        isShared.withUnsafeBufferPointer { shared in
          body(
            LaneSource(
              doubles: doubles.baseAddress!, starts: starts.baseAddress!,
              isShared: shared.baseAddress!))
        }
      }
    }
  }
}
