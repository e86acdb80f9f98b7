// CVectorMath is header-only (static inline functions, see
// include/CVectorMath.h); a C target needs one source file.
#include "CVectorMath.h"
