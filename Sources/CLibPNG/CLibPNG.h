// libpng, exposed to Swift and to CPNGShim as the system module `CLibPNG`.
// Swift code should not call libpng directly: its error handling longjmps.
// Use CPNGShim, which goes through the simplified API only.
#include <png.h>
