/* stage.c — the parse stage: document lines in, doc->meta out. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "internal.h"
#include "parse.h"

typedef struct parse_opts {
    const char *lexicon; /* NULL: the data directory's */
} parse_opts;

static const vt_option_spec parse_options[] = {
    {"lexicon", VT_OPTION_PATH, NULL, 0, 0, NULL,
     "lexicon directory (default: the installed one)", offsetof(parse_opts, lexicon)},
    {0},
};

static vt_status parse_open(void **state, const void *opts, vt_error *err)
{
    vt_text_init();
    const parse_opts *o = opts;
    char *dir = o->lexicon ? vt_xstrdup(o->lexicon) : vt_data_path("dict/lexicon", err);
    if (!dir)
        return err ? err->status : VT_EDEPEND;
    vt_lexicon *lex = vt_xcalloc(1, sizeof *lex);
    vt_status st = vt_lexicon_load(lex, dir, err);
    free(dir);
    if (st != VT_OK) {
        free(lex);
        return st;
    }
    *state = lex;
    return VT_OK;
}

static void parse_close(void *state)
{
    if (state) {
        vt_lexicon_clear(state);
        free(state);
    }
}

/* Could the folded letters of a word be one Vietnamese syllable?  An
 * acronym ("UBNDT", "THCS", "TT") cannot; "VE" or "TOC" can be a misread
 * syllable that a repair had every reason to correct. */
static bool syllable(const char *fold)
{
    char w[32];
    size_t n = 0;
    for (const char *c = fold; *c && n < sizeof w - 1; c++)
        if (isalpha((unsigned char)*c))
            w[n++] = *c;
    w[n] = '\0';
    return vt_syllable_valid(w, VT_SYLLABLE_INVENTORY);
}

/* Could a word in capitals that restore read as the syllable `fold` (its
 * fold) be that syllable as OCR damaged it?  About as many letters, one
 * more or less, when the print kept a vowel ("TUGNG" for "TƯỚNG", "SUPA"
 * for "SỬA"); as many characters when it kept none ("SG" for "SỞ", "V]"
 * for "VỊ"), for a code of consonants is longer than the word restore
 * made of it ("THCS" read "THÌ").  A code the lexicon knows ("VT" read
 * "VI"), or knows with the Đ the OCR lost ("DH" for "ĐH", read "ĐÓ"), is
 * none. */
static bool damaged_syllable(const vt_lexicon *lex, const char *printed, const char *fold)
{
    size_t from = strspn(printed, "(\"'"), to = strlen(printed);
    while (to > from && strchr(".,;:)\"'", printed[to - 1]))
        to--;
    char *core = vt_xstrndup(printed + from, to - from);
    char *f = vt_text_fold(core);
    size_t chars = strlen(f), letters = 0, restored = 0;
    bool vowel = false;
    for (const char *c = f; *c; c++) {
        letters += isalpha((unsigned char)*c) != 0;
        vowel |= strchr("aeiouy", *c) != NULL;
    }
    for (const char *c = fold; *c; c++)
        restored += isalpha((unsigned char)*c) != 0;
    char *repaired = vt_repair_capitals(lex, core);
    bool code = vt_known_code(lex, core) || strcmp(repaired, core) != 0;
    free(repaired);
    bool damaged = syllable(fold) && !code &&
                   (vowel ? letters + 1 >= restored && restored + 1 >= letters
                          : chars == restored);
    free(f);
    free(core);
    return damaged;
}

/* Did restore make words of a printed word joined by hyphens or slashes
 * ("tỉnh-Đỗ" of "tinh-D6", a name glued to the body before it): no digit
 * left, every piece a syllable in small letters or title case?  A code
 * ("15/QĐ-TTg", "KH-SGDĐT") keeps a digit or a piece in capitals. */
static bool restored_words(const char *text)
{
    bool letters = false;
    for (const char *p = text; *p;) {
        size_t k = strcspn(p, "-/");
        char *piece = vt_xstrndup(p, k), *f = vt_text_fold(piece);
        bool has_letter = false, word = true;
        for (const char *c = f; *c; c++) {
            has_letter |= isalpha((unsigned char)*c) != 0;
            word &= !isdigit((unsigned char)*c);
        }
        word &= !has_letter || (syllable(f) && !vt_text_mostly_upper(piece));
        letters |= has_letter;
        free(f);
        free(piece);
        if (!word)
            return false;
        p += k + (p[k] != '\0');
    }
    return letters;
}

/* A word another stage changed may read better as the page printed it:
 * repairs are made for prose, while the cues and lexicons here are
 * OCR-tolerant, so codes ("27/QD-TTg"), acronyms in capitals ("UBNDT",
 * "THCS") and punctuation are read in their printed form, but for a
 * syllable the OCR damaged (damaged_syllable).  `printed` is that form,
 * from the document's change records; NULL when no stage changed the
 * word. */
static bool read_as_printed(const vt_lexicon *lex, const vt_word *w, const char *printed)
{
    if (!printed || strcmp(printed, w->text) == 0)
        return false;
    bool digit = false, sep = false, alnum = false;
    for (const char *c = printed; *c; c++) {
        digit |= isdigit((unsigned char)*c);
        sep |= *c == '/' || *c == '-';
        alnum |= isalnum((unsigned char)*c) || (unsigned char)*c >= 0x80;
    }
    if (digit && sep && !restored_words(w->text))
        return true;
    if (!alnum)
        return true;
    if (!vt_text_mostly_upper(printed))
        return false;
    char *a = vt_text_fold(printed), *b = vt_text_fold(w->text);
    bool keep = strcmp(a, b) != 0 && !syllable(a) && !damaged_syllable(lex, printed, b);
    free(a);
    free(b);
    return keep;
}

/* The word a change is of, NULL when the document has no such word. */
static const vt_word *changed_word(const vt_doc *doc, const vt_change *c)
{
    if (c->page >= doc->n_pages || c->block >= doc->pages[c->page].n_blocks)
        return NULL;
    const vt_block *b = &doc->pages[c->page].blocks[c->block];
    if (c->line >= b->n_lines || c->word >= b->lines[c->line].n_words)
        return NULL;
    return &b->lines[c->line].words[c->word];
}

/* The printed form of every changed word, by word: the `from` of its first
 * change. */
static GHashTable *printed_forms(const vt_doc *doc)
{
    GHashTable *forms = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t i = 0; i < doc->n_changes; i++) {
        const vt_word *w = changed_word(doc, &doc->changes[i]);
        if (w && !g_hash_table_contains(forms, w))
            g_hash_table_insert(forms, (gpointer)w, doc->changes[i].from);
    }
    return forms;
}

/* Restore's last change of each word it weighed readings for, by word,
 * while the word still reads as that change made it (no reviewer's
 * decision since). */
static GHashTable *restore_choices(const vt_doc *doc)
{
    GHashTable *chosen = g_hash_table_new(g_direct_hash, g_direct_equal);
    for (size_t i = 0; i < doc->n_changes; i++) {
        const vt_change *c = &doc->changes[i];
        const vt_word *w = changed_word(doc, c);
        if (w && c->stage && strcmp(c->stage, "restore") == 0 && c->n_alternatives &&
            c->to && strcmp(c->to, w->text) == 0)
            g_hash_table_insert(chosen, (gpointer)w, (gpointer)c);
        else if (w)
            g_hash_table_remove(chosen, w);
    }
    return chosen;
}

static bool lone_capitals(const vt_line *ln, size_t i)
{
    const vt_word *a = &ln->words[i - 1], *b = &ln->words[i];
    return vt_lone_capital(a->text, strlen(a->text)) && vt_lone_capital(b->text, strlen(b->text));
}

/* In a letter-spaced heading the gap between words is the letters' own
 * gap and a space more: wider than the narrowest gap between two of its
 * letters by a fifth of the line's height.  Such a gap is written as two
 * spaces, which tell the parse where its words end (vt_pline_init). */
static bool word_gap(const vt_line *ln, size_t i, int letter_gap)
{
    const vt_box *a = &ln->words[i - 1].box, *b = &ln->words[i].box;
    return letter_gap >= 0 && lone_capitals(ln, i) && a->w > 0 && b->w > 0 &&
           (b->x - a->x - a->w) - letter_gap > ln->box.h / 5;
}

/* The line's parse text; *pen (NULL when none) gives the vt_pen of each
 * of its bytes. */
static char *line_text(const vt_lexicon *lex, const vt_line *ln, GHashTable *printed,
                       GHashTable *chosen, unsigned char **pen)
{
    size_t cap = 64, n = 0;
    char *out = vt_xmalloc(cap);
    *pen = NULL;
    int letter_gap = -1;
    for (size_t i = 1; i < ln->n_words; i++) {
        int gap = ln->words[i].box.x - ln->words[i - 1].box.x - ln->words[i - 1].box.w;
        if (lone_capitals(ln, i) && gap >= 0 && (letter_gap < 0 || gap < letter_gap))
            letter_gap = gap;
    }
    const char **text = vt_xcalloc(ln->n_words + 1, sizeof *text);
    const vt_change **change = vt_xcalloc(ln->n_words + 1, sizeof *change);
    for (size_t i = 0; i < ln->n_words; i++) {
        const char *form = g_hash_table_lookup(printed, &ln->words[i]);
        text[i] = read_as_printed(lex, &ln->words[i], form) ? form : ln->words[i].text;
        change[i] = g_hash_table_lookup(chosen, &ln->words[i]);
    }
    char **reread = vt_name_parts_reread(lex, text, change, ln->n_words);
    for (size_t i = 0; i <= ln->n_words; i++) {
        const vt_word *w = i < ln->n_words ? &ln->words[i] : NULL;
        const char *lead = !w ? NULL : w->lead ? w->lead : !i ? "" : word_gap(ln, i, letter_gap) ? "  " : " ";
        const char *parts[2] = {w ? lead : ln->tail,
                                !w ? NULL : reread && reread[i] ? reread[i] : text[i]};
        for (int k = 0; k < 2; k++) {
            size_t len = parts[k] ? strlen(parts[k]) : 0;
            while (n + len + 1 > cap) {
                out = vt_xrealloc(out, cap *= 2);
                if (*pen)
                    *pen = vt_xrealloc(*pen, cap * sizeof **pen);
            }
            vt_pen kind = k == 1 && w && w->handwritten
                              ? (w->pen_digits ? VT_PEN_DIGITS : VT_PEN_MARKS) : VT_PEN_NONE;
            if (kind && !*pen)
                *pen = vt_xcalloc(cap, sizeof **pen);
            if (*pen)
                memset(*pen + n, kind, len * sizeof **pen);
            if (len)
                memcpy(out + n, parts[k], len);
            n += len;
        }
    }
    out[n] = '\0';
    for (size_t i = 0; reread && i < ln->n_words; i++)
        free(reread[i]);
    free(reread);
    free(change);
    free(text);
    return out;
}

static vt_status parse_run(void *state, vt_doc *doc, vt_error *err)
{
    (void)err;
    size_t n = 0;
    vt_line_ref *refs = vt_doc_lines(doc, &n);
    vt_pline *lines = vt_xcalloc(n + 1, sizeof *lines);
    GHashTable *printed = printed_forms(doc), *chosen = restore_choices(doc);
    for (size_t i = 0; i < n; i++) {
        unsigned char *pen;
        char *t = line_text(state, refs[i].ln, printed, chosen, &pen);
        vt_pline_init(&lines[i], t);
        /* A letter-spaced heading run together has other offsets; pen
         * strokes are never in one. */
        if (pen && lines[i].len == strlen(t))
            lines[i].pen = pen;
        else
            free(pen);
        free(t);
        char *o = vt_line_text(refs[i].ln, true);
        if (strcmp(o, lines[i].text) != 0)
            lines[i].orig = o;
        else
            free(o);
        lines[i].number = refs[i].number;
        lines[i].page = refs[i].page;
        lines[i].role = refs[i].role;
        lines[i].box = refs[i].ln->box;
        lines[i].upright = vt_page_box_to_prepared(&doc->pages[refs[i].page], lines[i].box);
    }
    g_hash_table_destroy(printed);
    g_hash_table_destroy(chosen);
    char **warnings = NULL;
    size_t n_warnings = 0;
    json_t *meta = vt_parse_lines(lines, n, doc->page_count ? doc->page_count : doc->n_pages,
                                  state, &warnings, &n_warnings);
    for (size_t i = 0; i < n_warnings; i++) {
        vt_doc_warn(doc, "parse: %s", warnings[i]);
        free(warnings[i]);
    }
    free(warnings);
    for (size_t i = 0; i < n; i++)
        vt_pline_clear(&lines[i]);
    free(lines);
    free(refs);
    json_decref(doc->meta);
    doc->meta = meta;
    return VT_OK;
}

static const char *parse_identity(void *state)
{
    return ((const vt_lexicon *)state)->digest;
}

const vt_stage_class vt_stage_parse = {
    .name = "parse",
    .summary = "read the fields of Nghị định 30 into the record's metadata",
    .options = parse_options,
    .options_size = sizeof(parse_opts),
    .open = parse_open,
    .run = parse_run,
    .close = parse_close,
    .identity = parse_identity,
};
