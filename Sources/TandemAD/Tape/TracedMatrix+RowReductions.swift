import RealModule

/// Reductions of each row of a matrix to one scalar, each recorded as one
/// node whose partials (one per element) are saved while recording.
extension TracedMatrix {
  /// Records a row reduction: `body` receives one row's values and writes
  /// ∂result/∂element into the partials buffer it is given, returning the
  /// result.
  @inlinable
  func reducingRows(_ body: (UnsafeBufferPointer<T>, UnsafeMutableBufferPointer<T>) -> T)
    -> TracedVector<T>
  {
    let tape = elements.tape
    let output = tape.appendZeros(rows)
    let partial = tape.appendZeroPartials(rows * columns)
    let start = elements.start
    let columns = self.columns
    tape.values.withUnsafeMutableBufferPointer { values in
      tape.partials.withUnsafeMutableBufferPointer { partials in
        for r in 0..<rows {
          let row = UnsafeBufferPointer(
            rebasing: values[(start + r * columns)..<(start + (r + 1) * columns)])
          let rowPartials = UnsafeMutableBufferPointer(
            rebasing: partials[(partial + r * columns)..<(partial + (r + 1) * columns)])
          values[output + r] = body(row, rowPartials)
        }
      }
    }
    tape.operations.append(
      .rowReduction(matrix: start, rows: rows, columns: columns, output: output, partial: partial))
    return TracedVector(tape: tape, start: output, count: rows)
  }

  /// log Σ_c exp(m[r][c]) for every row r: the log-partition of a row of
  /// logits, as used by softmax cross-entropy.
  ///
  /// Computed stably as μ + log Σ exp(m[r][c] − μ), μ the row's largest
  /// element (compared on primal values), so large logits do not overflow.
  /// The shift cancels exactly in value and derivative. The partials are the
  /// row's softmax, exp(m[r][c] − lse[r]).
  @inlinable
  public func rowLogSumExp() -> TracedVector<T> {
    reducingRows { row, partials in
      var largest = row[0]
      for c in 1..<row.count where row[c] > largest { largest = row[c] }
      var total = T.zero
      for c in 0..<row.count {
        let e = T.exp(row[c] - largest)
        partials[c] = e
        total += e
      }
      let reciprocal = 1 / total
      for c in 0..<row.count { partials[c] *= reciprocal }
      return largest + T.log(total)
    }
  }

  /// Σ_c m[r][c] for every row r.
  @inlinable
  public func rowSums() -> TracedVector<T> {
    reducingRows { row, partials in
      var total = T.zero
      for c in 0..<row.count {
        total += row[c]
        partials[c] = 1
      }
      return total
    }
  }
}
