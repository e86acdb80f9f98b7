#ifndef C_VECTOR_MATH_H
#define C_VECTOR_MATH_H

// Vector operations Swift's SIMD types do lane by lane: Swift imports the
// vector type as SIMD8<Double>, and these static inline functions inline
// into the Swift code that calls them.

/// Eight doubles, imported into Swift as SIMD8<Double>.
typedef double tandem_double8 __attribute__((ext_vector_type(8)));

/// The correctly rounded square root of every lane, as one vector
/// instruction where the CPU has one. Swift's SIMD8<Double>.squareRoot()
/// takes the C library's scalar sqrt lane by lane, each with a branch to set
/// errno for a negative argument; this is LLVM's vector sqrt, which sets no
/// errno (a negative lane gives NaN).
static inline __attribute__((always_inline)) tandem_double8
tandem_square_root8(tandem_double8 x) {
  return __builtin_elementwise_sqrt(x);
}

#endif
