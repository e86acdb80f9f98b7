extension RecordedTape {
  /// Replays the tape backwards from `output`, filling the adjoint
  /// ∂output/∂node of every node recorded up to `output`; read them with
  /// ``adjoint(of:)``.
  ///
  /// Nodes recorded after `output` cannot influence it and are skipped, as
  /// are nodes whose adjoint is exactly zero (they add nothing). Runs in time
  /// proportional to the recorded work and allocates only when the tape has
  /// grown past every earlier backward pass.
  public static func backward(from output: Recorded) {
    let nodes = recordedNodes
    nodes.pointee.hasAdjoints = true
    guard !output.isConstant else {
      nodes.pointee.adjointCount = 0
      return
    }
    let last = Int(output.node)
    precondition(last < nodes.pointee.count, "this value was recorded before the tape was reset")
    nodes.pointee.reserveAdjoints(last + 1)
    let storage = nodes.pointee
    let adjoints = storage.adjoints
    adjoints.update(repeating: 0, count: last + 1)
    adjoints[last] = 1
    var index = last
    while index >= 0 {
      let seed = adjoints[index]
      let first = Int(storage.firstParents[index])
      if first == -2 {
        pullBackOperation(number: Int(storage.secondParents[index]), adjoints: adjoints)
      } else if seed != 0 {
        if first >= 0 { adjoints[first] += seed * storage.firstPartials[index] }
        let second = Int(storage.secondParents[index])
        if second >= 0 { adjoints[second] += seed * storage.secondPartials[index] }
      }
      index -= 1
    }
    nodes.pointee.adjointCount = last + 1
  }

  /// ∂output/∂x after ``backward(from:)``: zero for constants and for values
  /// recorded after the output.
  public static func adjoint(of x: Recorded) -> Double {
    let nodes = recordedNodes.pointee
    precondition(nodes.hasAdjoints, "call RecordedTape.backward(from:) before reading adjoints")
    guard !x.isConstant else { return 0 }
    let index = Int(x.node)
    precondition(index < nodes.count, "this value was recorded before the tape was reset")
    return index < nodes.adjointCount ? nodes.adjoints[index] : 0
  }

  /// The gradient of `output` with respect to `inputs`: one backward pass,
  /// then each input's adjoint.
  public static func gradient(of output: Recorded, withRespectTo inputs: [Recorded]) -> [Double] {
    backward(from: output)
    return inputs.map(adjoint(of:))
  }
}
