#ifndef MODELBOOK_CLIBXML2_SHIM_H
#define MODELBOOK_CLIBXML2_SHIM_H
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
