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
#include <libxml/xmlerror.h>
#include <stdarg.h>
#include <stdio.h>

// xmlFree is a global function-pointer variable in libxml2; Swift 6 imports it
// as shared mutable state. Wrap it.
static inline void clibxml2_free(void *pointer) { xmlFree(pointer); }

// libxml2 reports a few problems (encoding conversion, I/O) only through its
// generic error function, which prints to stderr. Swift cannot make the C
// variadic function it takes, so these capture the first such message of the
// calling thread into a caller-owned buffer instead (the parser adds it to its
// own error message).
typedef struct {
    char text[240];
    int length;
} clibxml2_generic_errors;

static inline void clibxml2_capture_generic_error(void *context, const char *message, ...) {
    clibxml2_generic_errors *errors = (clibxml2_generic_errors *)context;
    if (errors == NULL || message == NULL || errors->length > 0) return;
    va_list arguments;
    va_start(arguments, message);
    int written = vsnprintf(errors->text, sizeof errors->text, message, arguments);
    va_end(arguments);
    errors->length = written < 0 ? 0 : (written >= (int)sizeof errors->text ? (int)sizeof errors->text - 1 : written);
}

static inline void clibxml2_capture_generic_errors(clibxml2_generic_errors *errors) {
    xmlSetGenericErrorFunc(errors, clibxml2_capture_generic_error);
}
#endif
