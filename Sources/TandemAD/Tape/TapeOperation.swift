import RealModule

/// One recorded node of a ``Tape``: which values it read, where it wrote its
/// output, and how to pull an adjoint back through it.
///
/// Every payload is an offset into the tape's flat arrays, so the enum is a
/// plain value with no references: recording and replaying it costs no ARC
/// traffic and no allocation.
@usableFromInline
enum TapeOperation: Sendable {
  /// `output = f(input)` for a scalar; `partials[partial]` holds f′(input).
  case unary(input: Int, output: Int, partial: Int)
  /// `output = f(lhs, rhs)`; `partials[partial]` and `partials[partial + 1]`
  /// hold ∂f/∂lhs and ∂f/∂rhs.
  case binary(lhs: Int, rhs: Int, output: Int, partial: Int)
  /// `output[i] = f(input[i])` with `partials[partial + i]` = f′(input[i]).
  case map(input: Int, output: Int, count: Int, partial: Int)
  /// `output[i] = f(lhs[i], rhs[i])`; the partials of `lhs` follow at
  /// `partial`, those of `rhs` at `partial + count`.
  case zipMap(lhs: Int, rhs: Int, output: Int, count: Int, partial: Int)
  /// `output[i] = input[i] + constant`: the adjoint passes through.
  case passThrough(input: Int, output: Int, count: Int)
  /// `output[i] = lhs[i] + rhs[i]`.
  case add(lhs: Int, rhs: Int, output: Int, count: Int)
  /// `output[i] = lhs[i] − rhs[i]`.
  case subtract(lhs: Int, rhs: Int, output: Int, count: Int)
  /// `output[i] = lhs[i] · rhs[i]`.
  case multiply(lhs: Int, rhs: Int, output: Int, count: Int)
  /// `output[i] = input[i] · c` with the constant c at `partials[partial]`.
  case scaleByConstant(input: Int, output: Int, count: Int, partial: Int)
  /// `output[i] = input[i] · scalar` for a recorded scalar.
  case scale(input: Int, scalar: Int, output: Int, count: Int)
  /// `output[i] = input[i] + scalar` for a recorded scalar.
  case shift(input: Int, scalar: Int, output: Int, count: Int)
  /// `output = Σ input[i]`.
  case sum(input: Int, count: Int, output: Int)
  /// `output = Σ lhs[i] · rhs[i]`.
  case dot(lhs: Int, rhs: Int, count: Int, output: Int)
  /// `output[i] = source[indices[i]]`, the indices stored at `indexStart`.
  case gather(source: Int, indexStart: Int, count: Int, output: Int)
  /// `output[indices[i]] += source[i]` over a zeroed output of `outputCount`.
  case scatterAdd(source: Int, indexStart: Int, count: Int, output: Int, outputCount: Int)
  /// `output = M · v` for a row-major `rows × columns` matrix.
  case matrixVector(matrix: Int, rows: Int, columns: Int, vector: Int, output: Int)
  /// `output = A · B` for row-major `rows × inner` and `inner × columns`.
  case matrixMatrix(lhs: Int, rhs: Int, rows: Int, inner: Int, columns: Int, output: Int)
  /// `output[r][c] = matrix[r][c] + vector[c]`.
  case addToRows(matrix: Int, rows: Int, columns: Int, vector: Int, output: Int)
  /// `output[r] = f(matrix[r][0..<columns])`, one scalar per row, with
  /// ∂output[r]/∂matrix[r][c] saved at `partials[partial + r·columns + c]`
  /// (a row-wise log-sum-exp, a row sum).
  case rowReduction(matrix: Int, rows: Int, columns: Int, output: Int, partial: Int)
  /// A node of a ``BulkNode`` kind defined outside TandemAD: the tape's
  /// `kind`-th registered kind, its arguments from `nodeArguments[arguments]`.
  case bulk(kind: Int, arguments: Int)
}
