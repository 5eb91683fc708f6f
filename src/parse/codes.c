/* codes.c — the parts of codes OCR misread, written as the code they are.
 *
 * A code (the ký hiệu of a number, "TTr-UBND"; a unit in a Nơi nhận list,
 * "Lưu: VT, QLDN1") is letters a reader cannot guess from the language
 * around it, and OCR confuses a few of its characters in ways it seldom
 * does in words: I, l or | for 1 and the reverse, O for 0, T for I and I
 * for T, a T for the small r of TTr, U for the "L/" of "KL/TW", D, P or B
 * for Đ, Ñ for N, and a letter read twice ("ĐĐU", "SVHTTTDL").  A part is
 * repaired only when it is no code the lexicon knows and exactly one
 * reading under one such confusion is, or one is at least CLEAR_MARGIN
 * times as common as the others: a known code is never made another.
 *
 * What is known: the parts of codes the real corpus prints
 * (dict/lexicon/codes-corpus.tsv, counted by documents for where they
 * stand: first after the number, with a year or without; after it; in a
 * Nơi nhận list), the abbreviations of abbreviations.txt and the types'
 * abbreviations of doc-types.txt. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* Where a part stands, which says which of its counts are evidence: the
 * type of "12/TTr-CP" is seldom that of "12/2025/TT-BTC". */
typedef enum code_slot {
    SLOT_TYPE,      /* first after a number without a year */
    SLOT_TYPE_YEAR, /* first after a number with a year */
    SLOT_PART,      /* later in a notation */
    SLOT_WORD,      /* a code in a list's text */
} code_slot;

struct vt_code_count {
    char *form;
    unsigned type, type_year, part, list; /* documents of the corpus */
    bool abbreviation, doc_type;
};

/* A reading wins over the next when it is this many times as common. */
enum { CLEAR_MARGIN = 3 };

static int by_form(const void *a, const void *b)
{
    return strcmp(((const vt_code_count *)a)->form, ((const vt_code_count *)b)->form);
}

static vt_code_count *find(const vt_lexicon *lex, const char *form)
{
    vt_code_count key = {.form = (char *)form};
    return lex->code_counts ? bsearch(&key, lex->code_counts, lex->n_code_counts,
                                      sizeof key, by_form)
                            : NULL;
}

/* A new entry of `form`; the index merges those of one form once sorted. */
static vt_code_count *entry(vt_code_count **v, size_t *n, size_t *cap, const char *form)
{
    VT_GROW(*v, *n, *cap);
    vt_code_count *e = &(*v)[(*n)++];
    memset(e, 0, sizeof *e);
    e->form = vt_xstrdup(form);
    return e;
}

/* The entries of one form as one, in a sorted array; its new length. */
static size_t merge_forms(vt_code_count *v, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        vt_code_count *m = o ? &v[o - 1] : NULL;
        if (m && strcmp(m->form, v[i].form) == 0) {
            m->type += v[i].type;
            m->type_year += v[i].type_year;
            m->part += v[i].part;
            m->list += v[i].list;
            m->abbreviation |= v[i].abbreviation;
            m->doc_type |= v[i].doc_type;
            free(v[i].form);
        } else {
            v[o++] = v[i];
        }
    }
    return o;
}

void vt_codes_index(vt_lexicon *lex)
{
    vt_code_count *v = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < lex->codes.n; i++) {
        const vt_lex_entry *c = &lex->codes.v[i];
        vt_code_count *e = entry(&v, &n, &cap, c->form);
        unsigned docs = c->extra ? (unsigned)strtoul(c->extra, NULL, 10) : 1;
        if (strcmp(c->section, "type") == 0)
            e->type = docs;
        else if (strcmp(c->section, "type-year") == 0)
            e->type_year = docs;
        else if (strcmp(c->section, "list") == 0)
            e->list = docs;
        else
            e->part = docs;
    }
    for (size_t i = 0; i < lex->abbreviations.n; i++)
        entry(&v, &n, &cap, lex->abbreviations.v[i].form)->abbreviation = true;
    for (size_t i = 0; i < lex->doc_types.n; i++)
        if (lex->doc_types.v[i].extra)
            entry(&v, &n, &cap, lex->doc_types.v[i].extra)->doc_type = true;
    if (n > 1)
        qsort(v, n, sizeof *v, by_form);
    lex->code_counts = v;
    lex->n_code_counts = merge_forms(v, n);
}

void vt_codes_index_clear(vt_lexicon *lex)
{
    for (size_t i = 0; i < lex->n_code_counts; i++)
        free(lex->code_counts[i].form);
    free(lex->code_counts);
    lex->code_counts = NULL;
    lex->n_code_counts = 0;
}

/* How often the corpus prints `form` where `slot` stands; a listed
 * abbreviation or type counts as once.  0: unknown there. */
static unsigned evidence(const vt_lexicon *lex, const char *form, code_slot slot)
{
    const vt_code_count *e = find(lex, form);
    if (!e)
        return 0;
    switch (slot) {
    case SLOT_TYPE:
        return e->type + e->doc_type;
    case SLOT_TYPE_YEAR:
        return e->type_year + e->doc_type;
    case SLOT_PART:
        return e->part + e->list + e->abbreviation;
    case SLOT_WORD:
        break;
    }
    return e->type + e->type_year + e->part + e->list + e->abbreviation + e->doc_type;
}

/* A reading that splits the part in two ("KUTW" -> "KL/TW") is a type
 * and its issuer, as a party's number prints them: it needs the type
 * where a type stands and the issuer known. */
static unsigned reading_evidence(const vt_lexicon *lex, const char *reading, code_slot slot)
{
    const char *sep = strpbrk(reading, "/-");
    if (!sep)
        return evidence(lex, reading, slot);
    if (slot != SLOT_TYPE && slot != SLOT_TYPE_YEAR)
        return 0;
    char *first = vt_xstrndup(reading, (size_t)(sep - reading));
    unsigned a = evidence(lex, first, slot), b = evidence(lex, sep + 1, SLOT_PART);
    free(first);
    return a < b ? a : b;
}

/* Printed characters and what they may be misreadings of. */
typedef struct confusion {
    const char *read, *meant;
} confusion;

static const confusion confusions[] = {
    {"I", "1"}, {"l", "1"}, {"|", "1"}, {"1", "I"}, {"l", "I"}, {"O", "0"}, {"0", "O"},
    {"I", "T"}, {"T", "I"}, {"T", "r"}, {"U", "L/"}, {"D", "Đ"}, {"P", "Đ"}, {"B", "Đ"},
};

/* Capitals a blurred or small print of a number's notation runs together
 * (a Y's arms closed to a V, a T's bar to a V's or Y's): looked for in a
 * notation only, whose issuer's code stands alone, not in a list's words,
 * which hold people's initials no list can know; and not in a part's first
 * letter, which names the kind of body or unit (B a Bộ, S a Sở, V a Vụ
 * or Văn phòng): a unit's code no list holds (VTLT) is no common one (TTLT). */
static const confusion notation_confusions[] = {
    {"V", "Y"}, {"Y", "V"}, {"T", "V"}, {"V", "T"}, {"T", "Y"}, {"Y", "T"},
};

/* Bytes of the character at s (Đ is two). */
static size_t char_len(const char *s)
{
    size_t k = 1;
    while (s[k] && ((unsigned char)s[k] & 0xC0) == 0x80)
        k++;
    return k;
}

typedef struct best_reading {
    char *form;
    unsigned count, runner_up;
} best_reading;

static void consider(const vt_lexicon *lex, best_reading *b, char *reading, code_slot slot)
{
    unsigned c = reading_evidence(lex, reading, slot);
    if (!c || (b->form && strcmp(b->form, reading) == 0)) {
        free(reading);
        return;
    }
    if (c > b->count) {
        b->runner_up = b->count;
        b->count = c;
        free(b->form);
        b->form = reading;
    } else {
        if (c > b->runner_up)
            b->runner_up = c;
        free(reading);
    }
}

/* A Roman numeral up to XXXIX: tens, then a unit. */
static bool roman(const char *s)
{
    size_t t = strspn(s, "X");
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    for (size_t u = 0; u < sizeof units / sizeof *units; u++)
        if (t <= 3 && strcmp(s + t, units[u]) == 0 && (t || u))
            return true;
    return false;
}

/* A list of readings of a part. */
typedef struct readings {
    char **v;
    size_t n, cap;
} readings;

static void add_reading(readings *r, char *form)
{
    VT_GROW(r->v, r->n, r->cap);
    r->v[r->n++] = form;
}

static void free_readings(readings *r)
{
    for (size_t i = 0; i < r->n; i++)
        free(r->v[i]);
    free(r->v);
}

/* The letters a character no code holds may stand for: a capital of the
 * Latin alphabet or Đ. */
static const char *const any_letter[] = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
    "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "Đ",
};

/* Is the character at s one no code holds: not ASCII, Đ or the Ñ read
 * apart (part_reading)? */
static bool foreign_char(const char *s)
{
    return (unsigned char)s[0] >= 0x80 && strncmp(s, "Đ", 2) != 0 && strncmp(s, "Ñ", 2) != 0;
}

/* Each reading of part under one confusion (the notation's too when
 * `notation`), with one letter read twice read once, or, in a notation,
 * with a character no code holds read as any capital or as nothing
 * (a speck or a stroke of the seal OCR made a letter of: "SGŒTT"). */
static void one_edit_readings(const char *part, bool notation, readings *out)
{
    size_t n = strlen(part);
    for (size_t i = 0; i < n; i += char_len(part + i)) {
        size_t c = char_len(part + i);
        for (size_t k = 0; k < sizeof confusions / sizeof *confusions; k++) {
            size_t r = strlen(confusions[k].read);
            if (strncmp(part + i, confusions[k].read, r) == 0)
                add_reading(out, vt_xasprintf("%.*s%s%s", (int)i, part, confusions[k].meant,
                                              part + i + r));
        }
        for (size_t k = 0;
             notation && i > 0 && k < sizeof notation_confusions / sizeof *notation_confusions; k++)
            if (part[i] == notation_confusions[k].read[0])
                add_reading(out, vt_xasprintf("%.*s%s%s", (int)i, part,
                                              notation_confusions[k].meant, part + i + 1));
        if (notation && foreign_char(part + i)) {
            for (size_t k = 0; k < sizeof any_letter / sizeof *any_letter; k++)
                add_reading(out, vt_xasprintf("%.*s%s%s", (int)i, part, any_letter[k], part + i + c));
            add_reading(out, vt_xasprintf("%.*s%s", (int)i, part, part + i + c));
        }
        /* A letter read twice.  One read once where it is printed twice
         * is not looked for: a code no list holds ("NMT", a firm's)
         * would be made one it holds ("NNMT"). */
        bool letter = isalpha((unsigned char)part[i]) || c > 1;
        if (letter && i + 2 * c <= n && memcmp(part + i, part + i + c, c) == 0)
            add_reading(out, vt_xasprintf("%.*s%s", (int)i, part, part + i + c));
    }
}

/* A notation's part of three characters or more is read under its own
 * confusions, of four or more with two misread characters; a shorter
 * one is too near too many codes ("KV", a unit, is no KT). */
enum { NOTATION_EDITS_FROM = 3, TWO_EDITS_FROM = 4 };

/* The readings of part weighed into *b: those under one edit; in a
 * notation with none known, those under two. */
static void weigh_readings(const vt_lexicon *lex, best_reading *b, const char *part,
                           code_slot slot, bool notation)
{
    size_t chars = 0;
    for (const char *p = part; *p; p += char_len(p))
        chars++;
    notation &= chars >= NOTATION_EDITS_FROM;
    readings one = {0};
    one_edit_readings(part, notation, &one);
    for (size_t i = 0; i < one.n; i++)
        consider(lex, b, vt_xstrdup(one.v[i]), slot);
    bool two_edits = notation && !b->form && chars >= TWO_EDITS_FROM;
    for (size_t i = 0; two_edits && i < one.n; i++) {
        readings two = {0};
        one_edit_readings(one.v[i], notation, &two);
        for (size_t k = 0; k < two.n; k++)
            if (strcmp(two.v[k], part) != 0)
                consider(lex, b, vt_xstrdup(two.v[k]), slot);
        free_readings(&two);
    }
    free_readings(&one);
}

/* part with each Ñ written as `as`.  Caller frees. */
static char *without_tilde_n(const char *part, const char *as)
{
    char *out = vt_xmalloc(strlen(part) + 1);
    size_t o = 0;
    for (const char *p = part; *p;) {
        if (strncmp(p, "Ñ", 2) == 0) {
            memcpy(out + o, as, strlen(as));
            o += strlen(as);
            p += 2;
        } else {
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return out;
}

/* The known code a printed part is a misreading of (one confusion, one
 * letter read twice; in a notation also two, weigh_readings), NULL when
 * the part is known itself, none is, or two are about as common.  A
 * Roman numeral numbering a body's units ("CCTKV.VII") is as good as any
 * other: it stays.  An Ñ, which no code holds, is what Vietnamese-model
 * OCR makes of an N or of a speck beside one ("ÑC", "CNÑ"): read as N,
 * or as nothing, then as above.  Caller frees. */
static char *part_reading(const vt_lexicon *lex, const char *part, code_slot slot, bool notation)
{
    if (strlen(part) < 2 || find(lex, part) || roman(part))
        return NULL;
    best_reading b = {0};
    if (strstr(part, "Ñ")) {
        static const char *const as[] = {"N", ""};
        for (size_t k = 0; k < 2; k++) {
            char *v = without_tilde_n(part, as[k]);
            weigh_readings(lex, &b, v, slot, notation);
            consider(lex, &b, v, slot);
        }
    } else {
        weigh_readings(lex, &b, part, slot, notation);
    }
    if (b.form && b.count < CLEAR_MARGIN * b.runner_up) {
        free(b.form);
        b.form = NULL;
    }
    return b.form;
}

bool vt_code_part_misread(const vt_lexicon *lex, const char *part)
{
    char *wide = part_reading(lex, part, SLOT_PART, true);
    char *narrow = wide ? part_reading(lex, part, SLOT_PART, false) : NULL;
    bool misread = wide && (!narrow || strcmp(wide, narrow) != 0);
    free(wide);
    free(narrow);
    return misread;
}

/* A code the corpus prints in two documents or more, and not as a
 * spelling without Đ of a code it prints twenty times as often ("ND" typed
 * for NĐ): what OCR reads as it is taken as printed ("PV" is no ĐV whose
 * Đ was read as P). */
enum { PRINTED_DOCS = 2, TYPED_FOR_D = 20 };

static unsigned total(const vt_code_count *e)
{
    return e ? e->type + e->type_year + e->part + e->list : 0;
}

/* The documents of the most common spelling of `word` with some of its D,
 * P and B as Đ. */
static unsigned most_with_d(const vt_lexicon *lex, const char *word)
{
    size_t at[4], k = 0, n = strlen(word);
    for (size_t i = 0; i < n && k < 4; i++)
        if (strchr("DPB", word[i]))
            at[k++] = i;
    unsigned most = 0;
    char *v = vt_xmalloc(n * 2 + 1);
    for (unsigned mask = 1; mask < 1u << k; mask++) {
        size_t o = 0;
        for (size_t i = 0, j = 0; i < n; i++) {
            bool d = j < k && at[j] == i && (mask >> j++ & 1);
            if (d) {
                memcpy(v + o, "Đ", 2);
                o += 2;
            } else {
                v[o++] = word[i];
            }
        }
        v[o] = '\0';
        unsigned c = total(find(lex, v));
        if (c > most)
            most = c;
    }
    free(v);
    return most;
}

bool vt_code_printed(const vt_lexicon *lex, const char *word)
{
    unsigned c = total(find(lex, word));
    return c >= PRINTED_DOCS && most_with_d(lex, word) < TYPED_FOR_D * c;
}

/* Does the notation hold a year ("2025/" of "12/2025/NĐ-CP")? */
static bool has_year(const char *notation)
{
    for (const char *p = notation; *p; p++) {
        bool start = p == notation || p[-1] == '/' || p[-1] == '-';
        if (start && (strncmp(p, "19", 2) == 0 || strncmp(p, "20", 2) == 0) &&
            strspn(p, "0123456789") == 4 && p[4] == '/')
            return true;
    }
    return false;
}

/* Append s[0, n) to the growing string *out. */
static void append(char **out, size_t *o, size_t *cap, const char *s, size_t n)
{
    while (*o + n + 1 > *cap)
        *out = vt_xrealloc(*out, *cap *= 2);
    memcpy(*out + *o, s, n);
    *o += n;
    (*out)[*o] = '\0';
}

/* Is the piece a code's letters: it opens with a capital (Latin or Đ)? */
static bool code_piece(const char *s, size_t n)
{
    return n >= 2 && (isupper((unsigned char)s[0]) || strncmp(s, "Đ", 2) == 0);
}

char *vt_codes_repaired(const vt_lexicon *lex, const char *notation)
{
    size_t cap = strlen(notation) + 16, o = 0;
    char *out = vt_xmalloc(cap);
    out[0] = '\0';
    code_slot first = has_year(notation) ? SLOT_TYPE_YEAR : SLOT_TYPE;
    bool typed = false; /* the first part with a letter names the type */
    for (const char *p = notation; *p;) {
        size_t k = strcspn(p, "-/.");
        char *piece = vt_xstrndup(p, k);
        char *fix = NULL;
        if (code_piece(piece, k)) {
            fix = part_reading(lex, piece, typed ? SLOT_PART : first, true);
            typed = true;
        } else {
            typed |= piece[strspn(piece, "0123456789")] != '\0';
        }
        append(&out, &o, &cap, fix ? fix : piece, fix ? strlen(fix) : k);
        free(fix);
        free(piece);
        p += k;
        if (*p)
            append(&out, &o, &cap, p++, 1);
    }
    return out;
}

/* The code point before text[i], 0 at the start. */
static uint32_t cp_before(const char *text, size_t i)
{
    if (!i)
        return 0;
    size_t s = i - 1;
    while (s > 0 && ((unsigned char)text[s] & 0xC0) == 0x80)
        s--;
    uint32_t c = 0;
    vt_utf8_dec(text + s, i - s, &c);
    return c;
}

/* Bytes of the code word at text[i]: Latin letters, digits, '&', Đ, and
 * the Ñ OCR may make of an N. */
static size_t code_word_len(const char *text, size_t i)
{
    size_t k = i;
    for (;;) {
        if (isalnum((unsigned char)text[k]) || text[k] == '&')
            k++;
        else if (strncmp(text + k, "Đ", 2) == 0 || strncmp(text + k, "đ", 2) == 0 ||
                 strncmp(text + k, "Ñ", 2) == 0)
            k += 2;
        else
            return k - i;
    }
}

/* A word of a list that may be a code: two capitals or more, and no
 * Vietnamese syllable ("CHI", "TIN" in capitals). */
static bool code_word(const char *w)
{
    size_t caps = 0;
    bool digit = false;
    for (const char *c = w; *c; c++) {
        caps += isupper((unsigned char)*c) || strncmp(c, "Đ", 2) == 0 || strncmp(c, "Ñ", 2) == 0;
        digit |= isdigit((unsigned char)*c) != 0;
    }
    if (caps < 2)
        return false;
    char *low = vt_text_lower_full(w);
    bool syllable = !digit && vt_syllable_valid(low, VT_SYLLABLE_INVENTORY);
    free(low);
    return !syllable;
}

/* Words after which a Roman numeral stands ("khu vực II", "Khóa XV",
 * "kỳ II"), folded, each followed by a space. */
static const char *const numeral_cues[] = {"khu vuc ", "khoa ", "ky "};

static bool after_numeral_cue(const char *text, size_t i)
{
    char *before = vt_xstrndup(text, i);
    char *fb = vt_text_fold(before);
    size_t n = strlen(fb);
    bool cue = false;
    for (size_t k = 0; k < sizeof numeral_cues / sizeof *numeral_cues && !cue; k++) {
        size_t c = strlen(numeral_cues[k]);
        cue = n >= c && strcmp(fb + n - c, numeral_cues[k]) == 0 &&
              (n == c || !isalpha((unsigned char)fb[n - c - 1]));
    }
    free(fb);
    free(before);
    return cue;
}

/* The Roman numeral a word after a cue is as OCR reads its strokes: each
 * I as 1, l or |, or two side by side as H ("khu vực H1" for II).  NULL
 * when the word is a numeral already, or holds no such reading. */
static char *numeral_reading(const char *w)
{
    size_t n = strlen(w);
    if (n < 2 || w[strspn(w, "HIVXl1|")] || !w[strspn(w, "IVX")] || roman(w))
        return NULL;
    char *r = vt_xstrdup(w);
    for (char *c = r; *c; c++)
        if (strchr("Hl1|", *c))
            *c = 'I';
    if (roman(r) && strspn(w, "0123456789") < n)
        return r;
    free(r);
    return NULL;
}

/* The length of the space OCR put inside a code before its small letters
 * ("PTT g", "PTT gCP" for PTTg, PTTgCP) at text[i], a space after
 * capitals, 0 when there is none: the capitals and the small letters
 * after the space (one or two, then capitals or the word's end) are a
 * known code. */
static size_t code_gap(const vt_lexicon *lex, const char *text, size_t i)
{
    if (text[i] != ' ')
        return 0;
    /* At most one more capital than a code takes: a long run of capitals
     * is counted no further, so that a page of them stays linear. */
    size_t caps = 0;
    while (caps < i && caps <= 8 && isupper((unsigned char)text[i - caps - 1]))
        caps++;
    if (caps < 2 || caps > 8 || (caps < i && isalnum((unsigned char)text[i - caps - 1])))
        return 0;
    const char *w = text + i + 1;
    size_t small = 0;
    while (islower((unsigned char)w[small]))
        small++;
    size_t rest = small;
    while (isupper((unsigned char)w[rest]))
        rest++;
    if (small < 1 || small > 2 || isalnum((unsigned char)w[rest]) || (unsigned char)w[rest] >= 0x80)
        return 0;
    char code[16];
    memcpy(code, text + i - caps, caps);
    memcpy(code + caps, w, small);
    code[caps + small] = '\0';
    return vt_known_code(lex, code) ? 1 : 0;
}

char *vt_code_words_repaired(const vt_lexicon *lex, const char *text)
{
    /* Codes OCR put a space in are whole first. */
    char *joined = vt_xstrdup(text);
    size_t j = 0;
    for (size_t i = 0; text[i]; i++)
        if (!code_gap(lex, text, i))
            joined[j++] = text[i];
    joined[j] = '\0';
    text = joined;
    size_t n = strlen(text), cap = n + 16, o = 0;
    char *out = vt_xmalloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        size_t k = code_word_len(text, i);
        uint32_t after = 0;
        if (k && text[i + k])
            vt_utf8_dec(text + i + k, n - i - k, &after);
        if (!k || vt_cp_is_alpha(cp_before(text, i)) || vt_cp_is_alpha(after)) {
            size_t step = k ? k : char_len(text + i);
            append(&out, &o, &cap, text + i, step);
            i += step;
            continue;
        }
        char *w = vt_xstrndup(text + i, k);
        char *fix = numeral_reading(w);
        if (fix && !after_numeral_cue(text, i)) {
            free(fix);
            fix = NULL;
        }
        if (!fix && code_word(w))
            fix = part_reading(lex, w, SLOT_WORD, false);
        append(&out, &o, &cap, fix ? fix : w, fix ? strlen(fix) : k);
        free(fix);
        free(w);
        i += k;
    }
    free(joined);
    return out;
}

/* A code no list holds is most often codes put together ("GDTX" and
 * "ĐH" in a unit's "GDTXĐH"), and where its Đ was lost (English-model
 * OCR, stripped text) that is what tells D from Đ: the spelling whose
 * letters cut into codes the corpus prints, more than one, each of two
 * letters or more (one with Đ in two documents or more), as sum over the
 * pieces of ln(documents) less PIECE_COST (few, common pieces over many,
 * rare ones).  A code that is one code up to its Đ is part_reading's to
 * weigh. */
#define PIECE_COST 2.0
enum { MOST_D = 4 }; /* a code's D looked at: 16 spellings at most */

/* The best cut of `w` (capitals, Đ) into printed codes: its score and
 * pieces; false when none cuts it whole. */
static bool best_cut(const vt_lexicon *lex, const char *w, double *score, size_t *pieces)
{
    size_t n = strlen(w);
    double *best = vt_xcalloc(n + 1, sizeof *best);
    size_t *count = vt_xcalloc(n + 1, sizeof *count);
    bool *cut = vt_xcalloc(n + 1, sizeof *cut);
    char *piece = vt_xmalloc(n + 1);
    cut[0] = true;
    best[0] = 0;
    for (size_t i = 0; i < n; i += char_len(w + i)) {
        if (!cut[i])
            continue;
        size_t j = i + char_len(w + i);
        while (j < n) {
            j += char_len(w + j);
            memcpy(piece, w + i, j - i);
            piece[j - i] = '\0';
            unsigned docs = evidence(lex, piece, SLOT_WORD);
            /* A piece with Đ stands for the Đ put back: printed in
             * PRINTED_DOCS documents, as a code taken as printed is. */
            if (!docs || (docs < PRINTED_DOCS && strstr(piece, "Đ")))
                continue;
            double s = best[i] + log(docs) - PIECE_COST;
            if (!cut[j] || s > best[j]) {
                cut[j] = true;
                best[j] = s;
                count[j] = count[i] + 1;
            }
        }
    }
    bool whole = cut[n];
    *score = best[n];
    *pieces = count[n];
    free(piece);
    free(cut);
    free(count);
    free(best);
    return whole;
}

/* The run of capitals `w` with the D of it that printed codes spell Đ so
 * spelled: the best cut of its spellings in two pieces or more, when
 * that of `w` as written is none or CLEAR_MARGIN times less likely.
 * NULL when it stays. */
static char *run_with_d(const vt_lexicon *lex, const char *w)
{
    size_t at[MOST_D], k = 0, n = strlen(w);
    for (size_t i = 0; i < n; i++)
        if (w[i] == 'D') {
            if (k == MOST_D)
                return NULL;
            at[k++] = i;
        }
    if (!k)
        return NULL;
    double kept_score = 0, best_score = 0;
    size_t pieces = 0;
    bool kept = best_cut(lex, w, &kept_score, &pieces);
    char *best = NULL, *v = vt_xmalloc(n + k + 1);
    for (unsigned mask = 1; mask < 1u << k; mask++) {
        size_t o = 0;
        for (size_t i = 0, j = 0; i < n; i++) {
            if (j < k && at[j] == i && (mask >> j++ & 1)) {
                memcpy(v + o, "Đ", 2);
                o += 2;
            } else {
                v[o++] = w[i];
            }
        }
        v[o] = '\0';
        double s;
        if (best_cut(lex, v, &s, &pieces) && pieces >= 2 && (!best || s > best_score)) {
            free(best);
            best = vt_xstrdup(v);
            best_score = s;
        }
    }
    free(v);
    if (best && kept && best_score - kept_score < log(CLEAR_MARGIN)) {
        free(best);
        best = NULL;
    }
    return best;
}

char *vt_codes_d_restored(const vt_lexicon *lex, const char *text)
{
    size_t n = strlen(text), cap = n + 16, o = 0;
    char *out = vt_xmalloc(cap);
    out[0] = '\0';
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        while (isupper((unsigned char)text[i + k]) || strncmp(text + i + k, "Đ", 2) == 0)
            k += char_len(text + i + k);
        uint32_t after = 0;
        if (k && text[i + k])
            vt_utf8_dec(text + i + k, n - i - k, &after);
        char *fix = NULL;
        /* A run of capitals standing as a code: no letter joined to it
         * ("HDiem" is a name). */
        if (k >= 4 && !vt_cp_is_alpha(cp_before(text, i)) && !vt_cp_is_alpha(after)) {
            char *w = vt_xstrndup(text + i, k);
            fix = find(lex, w) ? NULL : run_with_d(lex, w);
            free(w);
        }
        size_t step = k ? k : char_len(text + i);
        append(&out, &o, &cap, fix ? fix : text + i, fix ? strlen(fix) : step);
        free(fix);
        i += step;
    }
    return out;
}

/* How far OCR may have damaged a cited document's issuer code
 * (vt_fuzzy_cost, per letter of the code) and it still be taken for the
 * code of the issuer the text names: a letter of three, two of five. */
#define ISSUER_CODE_DAMAGE 0.45

char *vt_code_by_issuer(const vt_lexicon *lex, const char *number, const char *issuer)
{
    /* The code after the type's: "12/QĐ-CODE", not a party document's
     * "01-KH/BCĐTW", whose issuer's code is no abbreviation's. */
    const char *dash = strrchr(number, '-'), *slash = strchr(number, '/');
    if (!dash || !slash || dash < slash || !dash[1] || strchr(dash, '/') ||
        vt_known_code(lex, dash + 1))
        return NULL;
    char *part = vt_text_fold(dash + 1), *named = vt_text_fold(issuer);
    const vt_lex_entry *best = NULL;
    double best_cost = ISSUER_CODE_DAMAGE;
    bool tie = false;
    for (size_t i = 0; i < lex->abbreviations.n; i++) {
        const vt_lex_entry *a = &lex->abbreviations.v[i];
        if (!a->extra || strchr(a->form, '-') || (best && strcmp(a->form, best->form) == 0))
            continue;
        double c = vt_fuzzy_cost(part, strlen(part), a->fold);
        if (c > best_cost)
            continue;
        char *expansion = vt_text_fold(a->extra);
        bool names = vt_fold_holds(named, expansion);
        free(expansion);
        if (!names)
            continue;
        tie = best && c == best_cost;
        best = a;
        best_cost = c;
    }
    free(part);
    free(named);
    if (!best || tie)
        return NULL;
    return vt_xasprintf("%.*s%s", (int)(dash + 1 - number), number, best->form);
}
