// The import's first look at every text it keeps: does it need white space collapsed, does it need NFC
// normalisation? Written in C for the sixteen-byte compares of SSE2 (baseline on x86-64), with the same
// answers byte by byte elsewhere. `TextCleaner.survey` calls it; `BuilderFastPathTests` holds it to a
// plain loop.
#ifndef ORGSCOPE_TEXT_SURVEY_H
#define ORGSCOPE_TEXT_SURVEY_H

#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// The survey found white space to collapse: blank at either end, a tab, line feed or carriage return,
/// or two spaces in a row.
#define ORGSCOPE_SURVEY_COLLAPSE 1
/// The survey found a scalar that may not stand in NFC text as it is.
#define ORGSCOPE_SURVEY_NORMALIZE 2

static inline int orgscope_survey_is_blank(uint8_t byte) {
    return byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D;
}

/// Whether the scalar starting at `index` can stand in NFC text whatever surrounds it: every scalar below
/// U+0300 (and continuation bytes, judged with their lead byte), the precomposed Latin Extended
/// Additional block U+1E00–U+1EFF (the Vietnamese letters with tone marks) and General Punctuation
/// U+2010–U+205E. Everything else goes through full normalisation.
static inline int orgscope_surely_nfc(const uint8_t *bytes, size_t count, size_t index) {
    uint8_t lead = bytes[index];
    if ((lead & 0xC0) == 0x80 || lead < 0xCC) return 1;
    if (lead == 0xE1 && index + 1 < count) return bytes[index + 1] >= 0xB8 && bytes[index + 1] <= 0xBB;
    if (lead == 0xE2 && index + 2 < count && bytes[index + 1] == 0x80) return bytes[index + 2] >= 0x90;
    if (lead == 0xE2 && index + 2 < count && bytes[index + 1] == 0x81) return bytes[index + 2] <= 0x9E;
    return 0;
}

/// ORGSCOPE_SURVEY_COLLAPSE and ORGSCOPE_SURVEY_NORMALIZE, or'ed, for the UTF-8 `bytes`.
static inline int orgscope_text_survey(const uint8_t *bytes, size_t count) {
    if (count == 0) return 0;
    int collapse = orgscope_survey_is_blank(bytes[0]) || orgscope_survey_is_blank(bytes[count - 1]);
    int normalize = 0;
    unsigned previous_space = 0;
    size_t index = 0;
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(0x20), tab = _mm_set1_epi8(0x09), line_feed = _mm_set1_epi8(0x0A);
    const __m128i carriage_return = _mm_set1_epi8(0x0D), high = _mm_set1_epi8((char)0xCC);
    const __m128i e1 = _mm_set1_epi8((char)0xE1), fc = _mm_set1_epi8((char)0xFC), b8 = _mm_set1_epi8((char)0xB8);
    // Sixteen bytes and the one after them (a lead byte 0xE1 is judged with its follower).
    while (index + 17 <= count && !(collapse && normalize)) {
        __m128i block = _mm_loadu_si128((const __m128i *)(bytes + index));
        if (!collapse) {
            unsigned spaces = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(block, space));
            __m128i controls = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(block, tab), _mm_cmpeq_epi8(block, line_feed)),
                                            _mm_cmpeq_epi8(block, carriage_return));
            if (_mm_movemask_epi8(controls) != 0 || (spaces & ((spaces << 1) | previous_space)) != 0) collapse = 1;
            previous_space = (spaces >> 15) & 1;
        }
        if (!normalize) {
            // Bytes from 0xCC up, less the lead bytes 0xE1 followed by 0xB8–0xBB (U+1E00–U+1EFF).
            unsigned leads = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_max_epu8(block, high), block));
            if (leads != 0) {
                __m128i next = _mm_loadu_si128((const __m128i *)(bytes + index + 1));
                __m128i vietnamese = _mm_and_si128(_mm_cmpeq_epi8(block, e1),
                                                   _mm_cmpeq_epi8(_mm_and_si128(next, fc), b8));
                leads &= ~(unsigned)_mm_movemask_epi8(vietnamese);
                while (leads != 0) {
                    if (!orgscope_surely_nfc(bytes, count, index + (size_t)__builtin_ctz(leads))) {
                        normalize = 1;
                        break;
                    }
                    leads &= leads - 1;
                }
            }
        }
        index += 16;
    }
#endif
    for (; index < count && !(collapse && normalize); index++) {
        uint8_t byte = bytes[index];
        if (byte == 0x20) {
            if (previous_space) collapse = 1;
            previous_space = 1;
        } else {
            previous_space = 0;
            if (byte == 0x09 || byte == 0x0A || byte == 0x0D) collapse = 1;
            if (byte >= 0xCC && !normalize && !orgscope_surely_nfc(bytes, count, index)) normalize = 1;
        }
    }
    return (collapse ? ORGSCOPE_SURVEY_COLLAPSE : 0) | (normalize ? ORGSCOPE_SURVEY_NORMALIZE : 0);
}

#endif
