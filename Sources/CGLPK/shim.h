#ifndef MODELBOOK_CGLPK_SHIM_H
#define MODELBOOK_CGLPK_SHIM_H
#include <glpk.h>
#endif
