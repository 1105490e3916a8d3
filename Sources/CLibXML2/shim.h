// A thin C layer between Swift and libxml2. It exists for three reasons:
// 1. the structured-error callback's pointer type changed in libxml2 2.12 (const), so the callback that
//    libxml2 sees lives here and hands Swift plain fields;
// 2. `xmlFree` is an imported global variable, which Swift 6 strict concurrency rejects;
// 3. the position of the tag being parsed is computed here, on the raw input buffer.
#ifndef ORGSCOPE_CLIBXML2_SHIM_H
#define ORGSCOPE_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and its headers then pull in the system ICU's <unicode/ucnv.h>,
// whose UErrorCode clashes with the copy inside Foundation. Nothing here touches the ICU members of
// xmlCharEncodingHandler (only pointers to it), so the ICU part of the headers is switched off.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <string.h>
#include <stdint.h>

/// Receives one libxml2 error as plain fields (message may be NULL; line/column 0 when unknown).
typedef void (*orgscope_diagnostic_fn)(void *owner, int domain, int code, int level,
                                        const char *message, int line, int column);

/// The context every callback of ours receives: the Swift owner and its diagnostic sink.
typedef struct {
    void *owner;
    orgscope_diagnostic_fn diagnostic;
    xmlParserCtxtPtr parser;
} orgscope_context;

static void orgscope_structured_error(void *ctx,
#if LIBXML_VERSION >= 21200
                                      const xmlError *error
#else
                                      xmlErrorPtr error
#endif
) {
    orgscope_context *context = (orgscope_context *)ctx;
    if (context == NULL || context->diagnostic == NULL || error == NULL) return;
    context->diagnostic(context->owner, error->domain, error->code, (int)error->level,
                        error->message, error->line, error->int2);
}

/// Drops (`on` non-zero) or restores libxml2's "generic" errors on this thread. libxml2 prints a few of
/// them straight to stderr (such as "xmlParseChunk: encoder error") besides the structured error that
/// says the same with a position; orgscope reports the structured one only.
static void orgscope_ignore_generic_error(void *ctx, const char *message, ...) {
    (void)ctx;
    (void)message;
}

static inline void orgscope_silence_generic_errors(int on) {
    xmlSetGenericErrorFunc(NULL, on ? orgscope_ignore_generic_error : NULL);
}

/// Routes this thread's libxml2 errors (parser, encoding, I/O) to `context` (NULL restores the default).
static inline void orgscope_route_errors(orgscope_context *context) {
    if (context == NULL) {
        xmlSetStructuredErrorFunc(NULL, NULL);
    } else {
        xmlSetStructuredErrorFunc(context, orgscope_structured_error);
    }
    orgscope_silence_generic_errors(context != NULL);
}

static inline void orgscope_schema_parser_errors(xmlSchemaParserCtxtPtr parser, orgscope_context *context) {
    xmlSchemaSetParserStructuredErrors(parser, orgscope_structured_error, context);
}

static inline void orgscope_schema_validation_errors(xmlSchemaValidCtxtPtr validator, orgscope_context *context) {
    xmlSchemaSetValidStructuredErrors(validator, orgscope_structured_error, context);
}

static inline void orgscope_reader_errors(xmlTextReaderPtr reader, orgscope_context *context) {
    xmlTextReaderSetStructuredErrorHandler(reader, orgscope_structured_error, context);
}

static inline void orgscope_xml_free(void *pointer) {
    xmlFree(pointer);
}

/// Refuses every external entity, DTD and schema import: orgscope loads only its shipped schemas, from memory.
static xmlParserInputPtr orgscope_refusing_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
    (void)url; (void)id; (void)ctxt;
    return NULL;
}

static inline void orgscope_install_refusing_loader(void) {
    xmlSetExternalEntityLoader(orgscope_refusing_loader);
}

/// Line, column (1-based, in characters) and kind of the tag the parser is in or has just finished:
/// the `<` that opens it. Called from SAX callbacks and error handlers while the tag's bytes are still
/// in the input buffer. `is_end_tag` is set for `</name>`.
/// The high bit of each zero byte of `word`, and nothing else.
static inline uint64_t orgscope_zero_bytes(uint64_t word) {
    const uint64_t low = 0x7F7F7F7F7F7F7F7FULL;
    return ~(((word & low) + low) | word | low);
}

/// The sum of the eight bytes of `lanes`.
static inline uint64_t orgscope_sum_lanes(uint64_t lanes) {
    uint64_t pairs = (lanes & 0x00FF00FF00FF00FFULL) + ((lanes >> 8) & 0x00FF00FF00FF00FFULL);
    return (pairs * 0x0001000100010001ULL) >> 48;
}

static inline void orgscope_tag_start(xmlParserCtxtPtr ctxt, int *line, int *column, int *is_end_tag) {
    *line = 0; *column = 0; *is_end_tag = 0;
    if (ctxt == NULL || ctxt->input == NULL || ctxt->input->cur == NULL || ctxt->input->base == NULL) return;
    xmlParserInputPtr in = ctxt->input;
    const xmlChar *base = in->base;
    const xmlChar *cur = in->cur;
    *line = in->line;
    *column = in->col;
    if (cur <= base) return;
    /* The last '<' before cur, eight bytes at a time. */
    const xmlChar *p = cur;
    const xmlChar *found = NULL;
    while (found == NULL && p - base >= 8) {
        uint64_t word;
        memcpy(&word, p - 8, 8);
        uint64_t hits = orgscope_zero_bytes(word ^ 0x3C3C3C3C3C3C3C3CULL);
        if (hits != 0) found = p - 8 + (63 - __builtin_clzll(hits)) / 8;
        p -= 8;
    }
    while (found == NULL && p > base) {
        p--;
        if (*p == '<') found = p;
    }
    if (found == NULL) return;
    p = found;
    /* Newlines and characters (bytes that are not UTF-8 continuation bytes) from the '<' to cur. */
    int newlines = 0;
    int continuations = 0;
    const xmlChar *q = p;
    /* Per-byte tallies (0 or 1 per word) in each byte of the lanes; a tag is far shorter than 255
       words, and the count is summed every 255 words anyway. */
    while (cur - q >= 8) {
        uint64_t newline_lanes = 0, continuation_lanes = 0;
        for (int rounds = 0; rounds < 255 && cur - q >= 8; rounds++, q += 8) {
            uint64_t word;
            memcpy(&word, q, 8);
            newline_lanes += orgscope_zero_bytes(word ^ 0x0A0A0A0A0A0A0A0AULL) >> 7;
            continuation_lanes += (word & ~(word << 1) & 0x8080808080808080ULL) >> 7;
        }
        newlines += (int)orgscope_sum_lanes(newline_lanes);
        continuations += (int)orgscope_sum_lanes(continuation_lanes);
    }
    for (; q < cur; q++) {
        newlines += (*q == '\n');
        continuations += ((*q & 0xC0) == 0x80);
    }
    int characters = (int)(cur - p) - continuations;
    if (newlines == 0) {
        *column = in->col - characters;
    } else {
        const xmlChar *s = p;
        while (s > base && s[-1] != '\n') s--;
        int before = 0;
        for (const xmlChar *r = s; r < p; r++) before += ((*r & 0xC0) != 0x80);
        *column = before + 1;
        *line = in->line - newlines;
    }
    if (*column < 1) *column = 1;
    *is_end_tag = (p + 1 < cur && p[1] == '/');
}

/// How far the parser has read into its input, in bytes from the start (-1 when unknown).
static inline long orgscope_offset(xmlParserCtxtPtr ctxt) {
    if (ctxt == NULL || ctxt->input == NULL || ctxt->input->cur == NULL || ctxt->input->base == NULL) return -1;
    return (long)ctxt->input->consumed + (long)(ctxt->input->cur - ctxt->input->base);
}

/// Stops a parse from inside a callback (DOCTYPE found, too deep, too many errors).
static inline void orgscope_stop(xmlParserCtxtPtr ctxt) {
    xmlStopParser(ctxt);
}

/// The nesting depth libxml2 is at (elements open).
static inline int orgscope_depth(xmlParserCtxtPtr ctxt) {
    return ctxt == NULL ? 0 : ctxt->nameNr;
}

/// Plugs schema validation between the parser and our SAX handler (xmlSchemaValidateStream's recipe,
/// on a parser we own so that we keep its position).
static inline xmlSchemaSAXPlugPtr orgscope_plug_schema(xmlSchemaValidCtxtPtr validator, xmlParserCtxtPtr ctxt) {
    return xmlSchemaSAXPlug(validator, &ctxt->sax, &ctxt->userData);
}

#endif
