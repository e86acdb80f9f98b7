/// Reverse sweeps over the most recent part of the tape, for checkpointed
/// reverse mode: record a prefix once (the parameters and whatever is built
/// from them), then for each step record a short segment after it, sweep
/// the segment back — the adjoints flowing into prefix nodes *accumulate* —
/// and cut the segment off again, so the tape never holds more than the
/// prefix and one step. A last sweep over the prefix turns the accumulated
/// adjoints into the gradient with respect to the parameters.
///
/// ```swift
/// RecordedTape.record {
///   let k = Recorded.variable(2)            // the prefix
///   let start = RecordedTape.position
///   RecordedTape.beginAccumulating()
///   var adjoint = 1.0                        // of the state after the last step
///   for _ in 0..<steps {
///     let x = Recorded.variable(state)       // the segment: one step from `state`
///     let next = k * x
///     RecordedTape.sweepBack(seeding: [next], with: [adjoint], downTo: start)
///     adjoint = x.adjoint                    // now of the state before the step
///     RecordedTape.truncate(to: start)
///   }
///   RecordedTape.sweepBack(seeding: [], with: [], downTo: 0)
///   k.adjoint                                // the derivative through every step
/// }
/// ```
extension RecordedTape {
  /// The number of nodes recorded so far: where the next segment starts.
  public static var position: Int { recordedNodes.pointee.count }

  /// Clears every adjoint, so that sweeps from here on accumulate from zero.
  public static func beginAccumulating() {
    recordedNodes.pointee.adjointCount = 0
    recordedNodes.pointee.hasAdjoints = true
  }

  /// Adds `weights[i]` to the adjoint of `seeds[i]`, then sweeps the tape
  /// back from its last node down to node `start`, adding each node's
  /// adjoint times its partials to its parents. Parents before `start` (the
  /// prefix) keep what they receive, sweep after sweep, and are not swept
  /// themselves; adjoints of nodes recorded since the last sweep or
  /// ``truncate(to:)`` start at zero. A constant seed is skipped.
  public static func sweepBack(seeding seeds: [Recorded], with weights: [Double], downTo start: Int)
  {
    precondition(seeds.count == weights.count, "one weight per seed")
    let nodes = recordedNodes
    let count = nodes.pointee.count
    precondition(start >= 0 && start <= count, "the sweep starts past the last node")
    let fresh = Swift.min(nodes.pointee.adjointCount, count)
    nodes.pointee.reserveAdjoints(count, keeping: fresh)
    let storage = nodes.pointee
    let adjoints = storage.adjoints
    if fresh < count { (adjoints + fresh).update(repeating: 0, count: count - fresh) }
    nodes.pointee.adjointCount = count
    nodes.pointee.hasAdjoints = true
    for (seed, weight) in zip(seeds, weights) where !seed.isConstant {
      precondition(Int(seed.node) < count, "this value was recorded before the tape was reset")
      adjoints[Int(seed.node)] += weight
    }
    var index = count - 1
    while index >= start {
      let adjoint = adjoints[index]
      let first = Int(storage.firstParents[index])
      if first == -2 {
        pullBackOperation(number: Int(storage.secondParents[index]), adjoints: adjoints)
      } else if adjoint != 0 {
        if first >= 0 { adjoints[first] += adjoint * storage.firstPartials[index] }
        let second = Int(storage.secondParents[index])
        if second >= 0 { adjoints[second] += adjoint * storage.secondPartials[index] }
      }
      index -= 1
    }
  }

  /// Forgets the nodes recorded from `position` on (values made since are
  /// invalid afterwards), keeping the earlier nodes and their accumulated
  /// adjoints.
  public static func truncate(to position: Int) {
    let nodes = recordedNodes
    precondition(position >= 0 && position <= nodes.pointee.count, "cannot truncate forwards")
    nodes.pointee.count = position
    nodes.pointee.adjointCount = Swift.min(nodes.pointee.adjointCount, position)
    dropOperations(from: position)
  }
}
