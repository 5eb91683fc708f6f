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
 * syllable the OCR damaged (damaged_syllable), and for punctuation restore
 * read as words (restored_words): the English model prints `ở` as `&`
 * ("xã hội & Trung ương"), which restore reads only where the words
 * around it are prose (between two codes, "KH & ĐT", it stays).
 * `printed` is that form, from the document's change records; NULL when
 * no stage changed the word. */
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
        return !restored_words(w->text);
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
 * of its bytes, *column the byte offset of word `column_word` (0 when
 * that is 0). */
static char *line_text(const vt_lexicon *lex, const vt_line *ln, GHashTable *printed,
                       GHashTable *chosen, unsigned char **pen, size_t column_word,
                       size_t *column)
{
    size_t cap = 64, n = 0;
    char *out = vt_xmalloc(cap);
    *pen = NULL;
    *column = 0;
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
        if (column_word && i == column_word)
            *column = n + strlen(lead);
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

/* The gaps between the words of a line, in pixels, appended to gaps[]. */
static size_t word_gaps(const vt_line *ln, int *gaps, size_t n, size_t cap)
{
    for (size_t i = 1; i < ln->n_words && n < cap; i++) {
        const vt_box *a = &ln->words[i - 1].box, *b = &ln->words[i].box;
        if (a->w > 0 && b->w > 0)
            gaps[n++] = b->x - a->x - a->w;
    }
    return n;
}

static int int_order(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* Do a and b stand on one row: each over half the other's height? */
static bool one_row(const vt_box *a, const vt_box *b)
{
    int top = a->y > b->y ? a->y : b->y;
    int bottom = a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h;
    int least = a->h < b->h ? a->h : b->h;
    return least > 0 && 2 * (bottom - top) > least;
}

/* Are the header's left line l and right line r one printed line the
 * layout cut where it drew the columns apart ("Số: /TTr-BTC Hà Nội," |
 * "ngày tháng năm" of a header printed as lines across the page)?  On one
 * row, and the gap between them no wider than twice the middle gap
 * between their words: two columns' lines stand three times that apart
 * and more, a cut line's pieces about that gap, also where a line
 * justified across the page spaces all its words widely. */
static bool cut_line(const vt_line_ref *l, const vt_box *lb, const vt_line_ref *r, const vt_box *rb)
{
    enum { GAPS = 64 };
    if (l->page != r->page || l->role != VT_ROLE_HEADER_LEFT || r->role != VT_ROLE_HEADER_RIGHT ||
        !one_row(lb, rb))
        return false;
    int gap = rb->x - lb->x - lb->w, least = lb->h < rb->h ? lb->h : rb->h;
    int gaps[GAPS];
    size_t n = word_gaps(l->ln, gaps, 0, GAPS);
    n = word_gaps(r->ln, gaps, n, GAPS);
    if (n == 0 || gap < -least / 2)
        return false;
    qsort(gaps, n, sizeof *gaps, int_order);
    return gap <= 2 * (gaps[n / 2] > 0 ? gaps[n / 2] : 1);
}

/* Does line a come before line b in reading order: above it, or on its
 * row and to its left? */
static bool reads_before(const vt_pline *a, const vt_pline *b)
{
    if (one_row(&a->upright, &b->upright))
        return a->upright.x < b->upright.x;
    return a->upright.y < b->upright.y;
}

/* l followed by r on one line, r cleared. */
static void join_plines(vt_pline *l, vt_pline *r)
{
    char *t = vt_xasprintf("%s %s", l->text, r->text);
    char *o = l->orig || r->orig ? vt_xasprintf("%s %s", l->orig ? l->orig : l->text,
                                                 r->orig ? r->orig : r->text)
                                 : NULL;
    unsigned char *pen = NULL;
    size_t ll = l->len, rl = r->len;
    if (l->pen || r->pen) {
        pen = vt_xcalloc(ll + 1 + rl + 1, 1);
        if (l->pen)
            memcpy(pen, l->pen, ll);
        if (r->pen)
            memcpy(pen + ll + 1, r->pen, rl);
    }
    vt_pline joined = *l;
    vt_box a = l->box, b = r->box, ua = l->upright, ub = r->upright;
    vt_pline_clear(l);
    vt_pline_init(l, t);
    l->number = joined.number;
    l->page = joined.page;
    l->role = VT_ROLE_NONE;
    l->orig = o;
    if (pen && l->len == ll + 1 + rl)
        l->pen = pen;
    else
        free(pen);
    vt_box *boxes[2][3] = {{&l->box, &a, &b}, {&l->upright, &ua, &ub}};
    for (int k = 0; k < 2; k++) {
        vt_box *u = boxes[k][0], *p = boxes[k][1], *q = boxes[k][2];
        int x1 = p->x + p->w > q->x + q->w ? p->x + p->w : q->x + q->w;
        int y1 = p->y + p->h > q->y + q->h ? p->y + p->h : q->y + q->h;
        u->x = p->x < q->x ? p->x : q->x;
        u->y = p->y < q->y ? p->y : q->y;
        u->w = x1 - u->x;
        u->h = y1 - u->y;
    }
    free(t);
    vt_pline_clear(r);
}

/* A header the layout took for two columns that is printed as lines across
 * the page (a draft's header flattened into lines) has lines cut in two at
 * the columns' border (cut_line).  On a page with such a cut, the header's
 * lines are read as the page prints them: in reading order, each cut line
 * whole, and no column's role, as a text's lines are.  Returns the new
 * number of lines. */
static size_t header_across(const vt_line_ref *refs, vt_pline *lines, size_t n)
{
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && lines[j].page == lines[i].page &&
               (lines[j].role == VT_ROLE_HEADER_LEFT || lines[j].role == VT_ROLE_HEADER_RIGHT))
            j++;
        bool cut = false;
        for (size_t a = i; a < j && !cut; a++)
            for (size_t b = i; b < j && !cut; b++)
                cut = cut_line(&refs[a], &lines[a].upright, &refs[b], &lines[b].upright);
        if (j == i || !cut) {
            lines[out++] = lines[i];
            i++;
            continue;
        }
        for (size_t a = i; a < j; a++)
            for (size_t b = i; b < j; b++)
                if (lines[a].text && lines[b].text &&
                    cut_line(&refs[a], &lines[a].upright, &refs[b], &lines[b].upright))
                    join_plines(&lines[a], &lines[b]);
        size_t from = out;
        for (size_t a = i; a < j; a++) {
            if (!lines[a].text)
                continue;
            lines[a].role = VT_ROLE_NONE;
            vt_pline pl = lines[a];
            size_t k = out++;
            for (; k > from && reads_before(&pl, &lines[k - 1]); k--)
                lines[k] = lines[k - 1];
            lines[k] = pl;
        }
        i = j;
    }
    return out;
}

/* The index of the first word of ln past a gap between columns: four times
 * the middle gap between its words or more, where a line of prose spaces
 * its words about evenly; 0 when none.  Three gaps at least tell the
 * middle one.  Specks alone before a gap (a seal's, left of the column)
 * are no column: the line's words begin past them. */
static size_t column_word(const vt_line *ln)
{
    enum { GAPS = 256 };
    int gaps[GAPS], sorted[GAPS];
    size_t n = 0;
    for (size_t i = 1; i < ln->n_words && n < GAPS; i++) {
        const vt_box *a = &ln->words[i - 1].box, *b = &ln->words[i].box;
        if (a->w <= 0 || b->w <= 0)
            return 0;
        gaps[n++] = b->x - a->x - a->w;
    }
    if (n < 3)
        return 0;
    memcpy(sorted, gaps, n * sizeof *gaps);
    qsort(sorted, n, sizeof *sorted, int_order);
    int middle = sorted[n / 2] > 0 ? sorted[n / 2] : 1;
    bool words = false;
    for (size_t i = 0; i < n; i++) {
        words = words || vt_text_has_word(ln->words[i].text);
        if (gaps[i] >= 4 * middle && words)
            return i + 1;
    }
    return 0;
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
        size_t column;
        char *t = line_text(state, refs[i].ln, printed, chosen, &pen, column_word(refs[i].ln),
                            &column);
        vt_pline_init(&lines[i], t);
        /* A letter-spaced heading run together has other offsets; pen
         * strokes are never in one, nor a gap between columns. */
        if (pen && lines[i].len == strlen(t))
            lines[i].pen = pen;
        else
            free(pen);
        if (column && lines[i].len == strlen(t))
            lines[i].column_at = vt_fold_offset(&lines[i], column);
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
    n = header_across(refs, lines, n);
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
