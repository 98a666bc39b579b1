// ReadStat (libreadstat-dev) reads SAS, Stata and SPSS data files. Debian's package ships no
// pkg-config file, so the module map names the header and the library itself.
#include <readstat.h>
