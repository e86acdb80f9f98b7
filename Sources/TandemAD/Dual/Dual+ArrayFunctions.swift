import RealModule

extension Dual {
  /// tanh of every element, in place: the values go through `T`'s own
  /// ``Scalar/formTanh(_:)`` (for `Double`, the vectorised kernel) in blocks
  /// of up to 1 KiB copied to the stack, then every tangent is multiplied by
  /// 1 − tanh². Agrees with ``tanh(_:)`` on each element up to the rounding
  /// of `T`'s block kernel.
  @inlinable
  public static func formTanh(_ buffer: UnsafeMutableBufferPointer<Dual>) {
    guard let base = buffer.baseAddress else { return }
    // At most 1 KiB, which the standard library keeps on the stack.
    let block = Swift.max(1, 1024 / MemoryLayout<T>.stride)
    withUnsafeTemporaryAllocation(of: T.self, capacity: block) { scratch in
      var start = 0
      while start < buffer.count {
        let count = Swift.min(block, buffer.count - start)
        let values = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
        for i in 0..<count { (values.baseAddress! + i).initialize(to: base[start + i].value) }
        T.formTanh(values)
        for i in 0..<count {
          let t = values[i]
          let derivative = 1 - t * t
          base[start + i].value = t
          for d in 0..<N { base[start + i].tangents[d] *= derivative }
        }
        values.baseAddress!.deinitialize(count: count)
        start += count
      }
    }
  }
}
