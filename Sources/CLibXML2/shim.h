#ifndef MODELBOOK_CLIBXML2_SHIM_H
#define MODELBOOK_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so libxml/encoding.h includes the system's <unicode/*.h>.
   Those clash with Foundation's private copy of the ICU headers ("'UErrorCode' has different
   definitions in different modules") in any Swift module that imports both. modelbook never
   touches libxml2's ICU converter fields, so hide them: xmlversion.h is included first (it has
   an include guard) and its ICU switch is turned off before encoding.h is read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/relaxng.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlstring.h>

/* xmlFree is a global function pointer; Swift 6 cannot call it safely, so wrap it. */
static inline void modelbook_xmlFree(void *p) { xmlFree(p); }
#endif
