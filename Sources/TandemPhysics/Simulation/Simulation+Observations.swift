import RealModule
import TandemAD
import TandemProcess

/// The objective's observation terms, accumulated as the run passes the
/// rows' times (see ``ObservationTerm``).
extension Simulation {
  /// The rows within this tolerance past a state's time count as observed
  /// at it: a time written as k·dt to 17 digits may round one unit past it,
  /// and the last row must not fall outside the run by that.
  @inlinable
  var observationTolerance: Double { 1e-9 * timeStep.doubleValue }

  /// Adds the squared residuals of every row observed up to the current
  /// state: rows at the start (no previous state), or rows between the
  /// previous state (at `startTime`) and the current one, interpolated
  /// linearly between the two.
  ///
  /// - Throws: ``SimulationError/observationAfterEnd(file:line:time:end:)``
  ///   when the run is over with rows left.
  @inlinable
  mutating func observe(since startTime: T?) throws {
    let endTime = time
    let end = endTime.doubleValue + observationTolerance
    for t in description.observations.indices {
      let data = description.observations[t].data
      var row = nextObservation[t]
      if row < data.count && data.times[row] <= end {
        let width = data.componentsPerRow
        let n = state.count
        let weight = description.observations[t].weight
        let scale = weight.value(in: parameters) / T(Double(data.residualCount))
        let root = keepsResiduals ? weight.squareRootOfShare(data.residualCount, in: parameters) : 0
        var total = T.zero
        // Interpolation is linear in the fraction, which depends on dt (a
        // row's time is fixed while the steps' times move with dt).
        let duration = startTime.map { endTime - $0 }
        while row < data.count && data.times[row] <= end {
          let fraction: T? =
            duration.flatMap { $0.doubleValue > 0 ? (T(data.times[row]) - startTime!) / $0 : nil }
          let i = data.particles[row]
          for c in 0..<width {
            let (flat, axis) = (c < data.dimension) ? (false, c) : (true, c - data.dimension)
            let k = axis * n + i
            let now = flat ? currentState.velocities[k] : currentState.positions[k]
            var simulated = now
            if let fraction {
              let before = flat ? previous.velocities[k] : previous.positions[k]
              simulated = before + fraction * (now - before)
            }
            let residual = simulated - T(data.values[row * width + c])
            total += residual * residual
            if keepsResiduals { observationResiduals[t].append(root * residual) }
          }
          row += 1
        }
        observed += scale * total
        nextObservation[t] = row
      }
      if isFinished && row < data.count {
        throw SimulationError.observationAfterEnd(
          file: data.file, line: data.lines[row], time: data.times[row],
          end: endTime.doubleValue)
      }
    }
  }

  /// Keeps every residual from here on, so that ``residuals()`` can list
  /// them (a least-squares tuner needs them one by one; the loss alone
  /// needs only their running sum). Returns `false`, keeping nothing, when
  /// the loss is not a sum of squares: a term with a negative weight.
  ///
  /// - Precondition: no step has been taken.
  public mutating func keepResiduals() -> Bool {
    precondition(stepsTaken == 0, "residuals are kept from the start of a run")
    let weights = description.objective.map(\.weight) + description.observations.map(\.weight)
    guard weights.allSatisfy({ $0.value(in: parameters).doubleValue >= 0 }) else { return false }
    if !keepsResiduals {
      keepsResiduals = true
      // The rows at time 0 were summed when the run was created: again, kept.
      observed = .zero
      observationResiduals = description.observations.map { _ in [] }
      nextObservation = description.observations.map { _ in 0 }
      try? observe(since: nil)  // throws only when the run is over
    }
    return true
  }

  /// The residuals of observation term `term` so far, as in ``residuals()``
  /// (each row's position then velocity components, scaled by √(w/M)).
  public func residuals(ofObservationTerm term: Int) -> [T] {
    keepsResiduals ? observationResiduals[term] : []
  }

  /// The residuals whose squares sum to ``loss()``: every observation row's
  /// so far (term by term, each term's rows in order of time, each row's
  /// position then velocity components), then the end-state terms' on the
  /// current state. Empty unless ``keepResiduals()`` was called.
  @inlinable
  public func residuals() -> [T] {
    guard keepsResiduals else { return [] }
    var result = observationResiduals.flatMap { $0 }
    for term in description.objective {
      term.appendResiduals(on: state, of: system, parameters: parameters, to: &result)
    }
    return result
  }
}
