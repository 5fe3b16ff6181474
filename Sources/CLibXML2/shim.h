#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes ICU's
// <unicode/ucnv.h>. Swift's Foundation ships its own ICU as the clang module
// _FoundationICU, and a module that sees both (a test runner importing
// Foundation and a module that imports CLibXML2) fails with "'U_...' from
// module '_FoundationICU' is not present in definition of 'enum UErrorCode'".
// edgesim never touches libxml2's ICU converter fields (the only declarations
// guarded by LIBXML_ICU_ENABLED, trailing members of xmlCharEncodingHandler,
// which is used through pointers only), so hide ICU from these headers.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlmemory.h>

// xmlFree is a global function-pointer variable in libxml2; Swift 6 imports it
// as shared mutable state. Wrap it.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }
#endif
