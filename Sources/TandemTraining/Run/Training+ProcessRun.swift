import TandemAD
import TandemProcess

extension Training: ProcessRun {
  /// The weights, then the optimizer's velocity (or first moment), then its
  /// second moment (each empty when the method keeps none).
  @inlinable
  public var stateValues: [T] { weights + optimizer.velocity + optimizer.secondMoment }

  /// Saves the weights and the optimizer's moments; the steps taken, the
  /// optimizer's update count, the shuffler's state and the batch order as
  /// counters.
  @inlinable
  public func save(into snapshot: inout ProcessSnapshot) {
    snapshot.values.removeAll(keepingCapacity: true)
    for value in weights { snapshot.values.append(value.doubleValue) }
    for value in optimizer.velocity { snapshot.values.append(value.doubleValue) }
    for value in optimizer.secondMoment { snapshot.values.append(value.doubleValue) }
    let (order, shuffler) = batchOrder
    snapshot.counters.removeAll(keepingCapacity: true)
    snapshot.counters.append(stepsTaken)
    snapshot.counters.append(optimizer.stepsTaken)
    snapshot.counters.append(Int(bitPattern: UInt(shuffler.state)))
    snapshot.counters.append(contentsOf: order)
  }

  /// Restores what ``save(into:)`` saved.
  @inlinable
  public mutating func restore(from snapshot: ProcessSnapshot, making make: (Double) -> T) {
    let (w, v, s) = (weights.count, optimizer.velocity.count, optimizer.secondMoment.count)
    let values = snapshot.values
    let counters = snapshot.counters
    restart(
      weights: values[0..<w].map(make), velocity: values[w..<(w + v)].map(make),
      secondMoment: values[(w + v)..<(w + v + s)].map(make), optimizerSteps: counters[1],
      afterSteps: counters[0],
      batchOrder: (Array(counters[3...]), SplitMix64(seed: UInt64(UInt(bitPattern: counters[2])))))
  }
}
