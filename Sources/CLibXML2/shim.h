#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlmemory.h>

// xmlFree is a global function-pointer variable in libxml2; Swift 6 imports it
// as shared mutable state. Wrap it.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }
#endif
