import RealModule
import TandemAD
import TandemTraining

/// A dense layer's activation written out by hand with the scalar's own
/// elementary functions, as an elementwise map node: the reference the
/// fused layer kernels are checked against.
func referenceActivation<T: Scalar>(_ activation: Activation, _ m: TracedMatrix<T>)
  -> TracedMatrix<T>
{
  switch activation {
  case .identity:
    return m
  case .tanh:
    return m.map { v in
      let t = T.tanh(v)
      return (t, 1 - t * t)
    }
  case .relu:
    return m.map { v in v > .zero ? (v, 1) : (.zero, .zero) }
  case .sigmoid:
    return m.map { v in
      let s = 1 / (1 + T.exp(-v))
      return (s, s * (1 - s))
    }
  }
}
