/*
 * vt-channel-train — learn how Tesseract's models damage Vietnamese text.
 *
 *   vt-channel-train [options] FILE[:WEIGHT]...
 *
 * Each FILE holds correct Vietnamese text, one paragraph or line per line.
 * The tool lays the text out as A4 pages set like a dispatch (Times-metric
 * serif, 13-14 pt, bold capital headings, italic place/date lines),
 * prints and scans them at 200, 240 or 300 dpi with damage from clean to
 * rough, reads them back with Tesseract for every language asked for,
 * aligns each OCR line to its source and writes, per language LANG, into
 * OUTDIR:
 *
 *   LANG-chars.tsv    truth_seq TAB ocr_seq TAB count   (0-3 code points a
 *                     side, "<eps>" for none; identities included)
 *   LANG-words.tsv    truth_syllable TAB ocr_token TAB count
 *   LANG-context.tsv  truth_seq TAB occurrences in the words counted
 *
 * Lines are drawn from the files in turn, WEIGHT lines at a time (default
 * 1), each file's lines in a shuffled order fixed by the seed.  OCR results
 * are cached in WORKDIR keyed by a digest of everything that decides them,
 * so an interrupted run resumes where it stopped.
 *
 * Options:
 *   -o DIR   output directory (default dict/channel)
 *   -w DIR   cache directory (default channel-work)
 *   -l LIST  Tesseract languages, comma separated (default eng,vie)
 *   -p N     pages to render (default 40)
 *   -n N     lines per page (default 40, at most what fits)
 *   -s N     random seed (default 1)
 *   -i N     alignment re-estimation rounds (default 3)
 */
#include "align.h"
#include "ocr.h"
#include "render.h"
#include "rng.h"

#include <errno.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Bump when rendering or OCR settings change, to invalidate caches. */
#define CACHE_TAG "vt-channel-2"

/* -------------------------------------------------------------- input */

typedef struct source {
    char *name; /* file name without directories */
    char **lines;
    size_t n, used; /* used: paragraphs taken, repeats included */
    unsigned weight;
} source;

static int read_source(const char *spec, size_t index, guint64 seed,
                       source *src)
{
    char *path = g_strdup(spec);
    char *colon = strrchr(path, ':');
    src->weight = 1;
    if (colon && colon[1] && strspn(colon + 1, "0123456789") == strlen(colon + 1)) {
        src->weight = (unsigned)atoi(colon + 1);
        *colon = '\0';
    }
    char *text = NULL;
    gsize len = 0;
    GError *ge = NULL;
    if (!g_file_get_contents(path, &text, &len, &ge)) {
        fprintf(stderr, "vt-channel-train: %s\n", ge->message);
        g_error_free(ge);
        g_free(path);
        return -1;
    }
    if (!g_utf8_validate(text, (gssize)len, NULL)) {
        fprintf(stderr, "vt-channel-train: %s: not UTF-8\n", path);
        g_free(text);
        g_free(path);
        return -1;
    }
    GPtrArray *a = g_ptr_array_new();
    char **raw = g_strsplit(text, "\n", -1);
    for (char **p = raw; *p; p++) {
        size_t nt;
        char **tok = vt_chan_tokens(*p, &nt);
        if (nt && tok[0][0] != '#') {
            char *joined = g_strjoinv(" ", tok);
            g_ptr_array_add(a, g_utf8_normalize(joined, -1,
                                                G_NORMALIZE_DEFAULT_COMPOSE));
            g_free(joined);
        }
        vt_chan_tokens_free(tok, nt);
    }
    g_strfreev(raw);
    g_free(text);
    src->n = a->len;
    src->lines = (char **)g_ptr_array_free(a, FALSE);
    src->used = 0;
    vt_chan_rng r = {seed * 1000003u + index};
    for (size_t i = src->n; i > 1; i--) {
        size_t j = vt_chan_rng_below(&r, i);
        char *t = src->lines[i - 1];
        src->lines[i - 1] = src->lines[j];
        src->lines[j] = t;
    }
    src->name = g_path_get_basename(path);
    fprintf(stderr, "%s: %zu lines (weight %u)\n", path, src->n, src->weight);
    g_free(path);
    return 0;
}

/* ---------------------------------------------------------- page plan */

typedef struct rline {
    char *text;
    vt_chan_style style;
} rline;

/* One page: how it is scanned and what is on it. */
typedef struct page_plan {
    vt_chan_page geom;
    vt_chan_degrade degrade;
    int severity; /* 0 clean, 1 worn, 2 rough */
    GArray *lines; /* rline */
} page_plan;

/* Dispatches are set in Times New Roman; Liberation Serif has its metrics.
 * The other serifs keep the counts from fitting one design only.  One
 * family per page, as in a real document. */
static const char *const FAMILIES[] = {
    "Liberation Serif", "Liberation Serif", "Liberation Serif",
    "Liberation Serif", "Liberation Serif", "Liberation Serif",
    "DejaVu Serif",     "Noto Serif"};

static const int DPIS[] = {200, 240, 300};

/* Paragraphs from the sources in turn, WEIGHT at a time.  A source that
 * runs out starts again, so the mix stays the same on every page; the
 * repeats meet other fonts and other damage. */
typedef struct feed {
    source *src;
    size_t n, cur;
    unsigned taken;
} feed;

static const char *next_para(feed *f)
{
    for (size_t tries = 0; tries <= f->n; tries++) {
        source *s = &f->src[f->cur];
        if (f->taken < s->weight && s->n) {
            f->taken++;
            return s->lines[s->used++ % s->n];
        }
        f->cur = (f->cur + 1) % f->n;
        f->taken = 0;
    }
    return NULL;
}

/* Letters all upper case, as in a dispatch's headings. */
static bool is_upper(const char *s)
{
    size_t up = 0;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (g_unichar_islower(c))
            return false;
        up += g_unichar_isupper(c) != 0;
    }
    return up >= 2;
}

/* "Place, ngày D tháng M năm Y": set in italics by Nghị định 30/2020. */
static bool is_place_date(const char *s)
{
    return g_utf8_strlen(s, -1) < 70 && strstr(s, ", ngày ") &&
           strstr(s, " tháng ") && strstr(s, " năm ");
}

/* Style of one paragraph; *upper says to set it in capitals. */
static vt_chan_style pick_style(vt_chan_rng *r, const char *family,
                                const char *para, bool heading, bool *upper)
{
    vt_chan_style s = {family, false, false, 13.0};
    double u = vt_chan_rng_unit(r), v = vt_chan_rng_unit(r);
    s.points += 0.5 * (double)vt_chan_rng_below(r, 3);
    if (heading) {
        /* Agency, motto and title lines: 13 pt capitals, mostly bold. */
        *upper = true;
        s.points = 13.0;
        s.bold = u < 0.85;
    } else if (is_upper(para)) {
        *upper = true;
        s.bold = u < 0.8;
    } else if (is_place_date(para)) {
        *upper = false;
        s.italic = u < 0.9;
    } else {
        *upper = u < 0.1;
        s.bold = *upper ? v < 0.6 : v < 0.08;
        s.italic = !*upper && v >= 0.08 && v < 0.18;
    }
    return s;
}

/* Break one paragraph into lines that fit the page width, at most
 * `max_out` of them, appended to `out`. */
static void fill_lines(const vt_chan_page *page, const char *para,
                       const vt_chan_style *style, size_t max_out,
                       GArray *out)
{
    int width = page->width - 2 * page->margin;
    size_t nt;
    char **tok = vt_chan_tokens(para, &nt);
    size_t i = 0, made = 0;
    while (i < nt && made < max_out) {
        GString *line = g_string_new(tok[i]);
        size_t j = i + 1;
        for (; j < nt; j++) {
            GString *trial = g_string_new(line->str);
            g_string_append_c(trial, ' ');
            g_string_append(trial, tok[j]);
            bool fits = vt_chan_text_width(page, trial->str, style) <= width;
            if (fits) {
                g_string_free(line, TRUE);
                line = trial;
            } else {
                g_string_free(trial, TRUE);
                break;
            }
        }
        if (vt_chan_text_width(page, line->str, style) <= width) {
            rline rl = {g_string_free(line, FALSE), *style};
            g_array_append_val(out, rl);
            made++;
        } else {
            g_string_free(line, TRUE); /* one word wider than the page */
        }
        i = j;
    }
    vt_chan_tokens_free(tok, nt);
}

/* How page `pageno` is printed and scanned: at 200, 240 or 300 dpi; three
 * pages in ten clean, the rest worn or rough, so that both are counted.  Rough
 * pages are either heavy (toner spread: fat strokes that swallow the marks)
 * or faint (thin, broken strokes). */
static void pick_scan(guint64 seed, size_t pageno, page_plan *pp)
{
    static const double P_BLUR[3] = {0.0, 0.3, 0.6}, P_JPEG[3] = {0.0, 0.3, 0.6},
                        P_BIN[3] = {0.5, 0.75, 0.9}, P_INK[3] = {0.0, 0.25, 0.6},
                        P_SALT[3] = {0.0, 0.2, 0.5};
    vt_chan_rng r = {seed * 7919u + pageno + 1};
    pp->geom = vt_chan_page_a4(DPIS[vt_chan_rng_below(&r, G_N_ELEMENTS(DPIS))]);
    double u = vt_chan_rng_unit(&r);
    int sev = u < 0.3 ? 0 : u < 0.7 ? 1 : 2;
    bool heavy = vt_chan_rng_unit(&r) < 0.5; /* rough pages only */
    vt_chan_degrade d = {0};
    if (sev > 0 || vt_chan_rng_unit(&r) < 0.5)
        d.angle = vt_chan_rng_unit(&r) - 0.5; /* within ±0.5° */
    d.blur = vt_chan_rng_unit(&r) < P_BLUR[sev];
    d.noise = sev == 0 ? 5.0 * vt_chan_rng_unit(&r)
              : sev == 1 ? 12.0 * vt_chan_rng_unit(&r)
                         : 5.0 + 15.0 * vt_chan_rng_unit(&r);
    if (vt_chan_rng_unit(&r) < P_JPEG[sev])
        d.jpeg = 50 + (int)vt_chan_rng_below(&r, 26);
    /* A global threshold: low ones thin the strokes, high ones fatten them. */
    if (vt_chan_rng_unit(&r) < P_BIN[sev]) {
        int lo[3] = {128, 110, heavy ? 165 : 100}, span[3] = {33, 71, 36};
        d.threshold = lo[sev] + (int)vt_chan_rng_below(&r, (size_t)span[sev]);
    }
    if (d.threshold && vt_chan_rng_unit(&r) < P_INK[sev]) {
        bool bleed = sev == 2 ? heavy : vt_chan_rng_unit(&r) < 0.5;
        /* Wearing a pixel off 200 dpi or blurred strokes leaves nothing
         * anyone could read. */
        if (bleed)
            d.ink = 1;
        else if (pp->geom.dpi >= 240 && !d.blur)
            d.ink = -1;
    }
    if (vt_chan_rng_unit(&r) < P_SALT[sev])
        d.salt = sev == 1 ? 0.002 + 0.003 * vt_chan_rng_unit(&r)
                          : 0.01 + 0.02 * vt_chan_rng_unit(&r);
    d.seed = vt_chan_rng_next(&r);
    pp->degrade = d;
    pp->severity = sev;
}

/* Plan `n_pages` pages of up to `per_page` lines.  Most pages open with a
 * block of bold capital headings, as a dispatch does. */
static page_plan *plan_pages(source *src, size_t n_src, size_t n_pages,
                             size_t per_page, guint64 seed, size_t *n_out)
{
    page_plan *pages = g_new0(page_plan, n_pages);
    feed f = {src, n_src, 0, 0};
    vt_chan_rng r = {seed};
    for (size_t p = 0; p < n_pages; p++) {
        page_plan *pp = &pages[p];
        pick_scan(seed, p, pp);
        pp->lines = g_array_new(FALSE, FALSE, sizeof(rline));
        const char *family = FAMILIES[vt_chan_rng_below(&r, G_N_ELEMENTS(FAMILIES))];
        size_t heads = vt_chan_rng_unit(&r) < 0.6 ? 2 + vt_chan_rng_below(&r, 3) : 0;
        const char *para;
        while (pp->lines->len < per_page && (para = next_para(&f))) {
            bool heading = pp->lines->len < heads, upper;
            vt_chan_style style = pick_style(&r, family, para, heading, &upper);
            char *text = upper ? g_utf8_strup(para, -1) : g_strdup(para);
            /* A heading is one line; body paragraphs give up to three. */
            size_t room = per_page - pp->lines->len;
            fill_lines(&pp->geom, text, &style, heading ? 1 : MIN(room, 3), pp->lines);
            g_free(text);
        }
        if (pp->lines->len == 0) { /* every source is empty */
            g_array_free(pp->lines, TRUE);
            break;
        }
        *n_out = p + 1;
    }
    return pages;
}

static void pages_free(page_plan *pages, size_t n)
{
    for (size_t p = 0; p < n; p++) {
        for (guint k = 0; k < pages[p].lines->len; k++)
            g_free(g_array_index(pages[p].lines, rline, k).text);
        g_array_free(pages[p].lines, TRUE);
    }
    g_free(pages);
}

/* What the pages hold and how they were spoiled, for training.txt. */
static void describe_pages(const page_plan *pages, size_t n, GString *out)
{
    size_t lines = 0, dpi[G_N_ELEMENTS(DPIS)] = {0}, sev[3] = {0}, fam[3] = {0},
           upper = 0, bold = 0, italic = 0, skew = 0, blur = 0, jpeg = 0,
           bin = 0, bleed = 0, wear = 0, salt = 0;
    for (size_t p = 0; p < n; p++) {
        const page_plan *pp = &pages[p];
        for (size_t k = 0; k < G_N_ELEMENTS(DPIS); k++)
            dpi[k] += pp->geom.dpi == DPIS[k];
        sev[pp->severity]++;
        skew += pp->degrade.angle != 0;
        blur += pp->degrade.blur > 0;
        jpeg += pp->degrade.jpeg > 0;
        bin += pp->degrade.threshold > 0;
        bleed += pp->degrade.ink > 0;
        wear += pp->degrade.ink < 0;
        salt += pp->degrade.salt > 0;
        for (guint k = 0; k < pp->lines->len; k++) {
            const rline *rl = &g_array_index(pp->lines, rline, k);
            lines++;
            fam[strcmp(rl->style.family, "Liberation Serif") == 0 ? 0
                : strcmp(rl->style.family, "DejaVu Serif") == 0   ? 1
                                                                  : 2]++;
            upper += is_upper(rl->text);
            bold += rl->style.bold;
            italic += rl->style.italic;
        }
    }
    g_string_append_printf(out,
        "pages: %zu at 200 dpi, %zu at 240, %zu at 300; %zu clean, %zu worn, "
        "%zu rough; %zu skewed, %zu blurred, %zu JPEG, %zu binarised (%zu "
        "bled, %zu worn thin), %zu salted\n",
        dpi[0], dpi[1], dpi[2], sev[0], sev[1], sev[2], skew, blur, jpeg, bin,
        bleed, wear, salt);
    g_string_append_printf(out,
        "lines: %zu; Liberation Serif %zu, DejaVu Serif %zu, Noto Serif %zu; "
        "%zu upper case, %zu bold, %zu italic\n",
        lines, fam[0], fam[1], fam[2], upper, bold, italic);
}

/* ------------------------------------------------------------ OCR pass */

typedef struct pair_line {
    char *truth, *ocr;
} pair_line;

static char *cache_key(const char *lang, const page_plan *pp)
{
    GChecksum *ck = g_checksum_new(G_CHECKSUM_SHA256);
    const vt_chan_degrade *d = &pp->degrade;
    char buf[512];
    snprintf(buf, sizeof buf, "%s|%s|%d|%.4f|%d|%.4f|%d|%d|%d|%.6f|%" G_GUINT64_FORMAT "|",
             CACHE_TAG, lang, pp->geom.dpi, d->angle, d->blur, d->noise, d->jpeg,
             d->threshold, d->ink, d->salt, (guint64)d->seed);
    g_checksum_update(ck, (const guchar *)buf, -1);
    for (guint i = 0; i < pp->lines->len; i++) {
        const rline *rl = &g_array_index(pp->lines, rline, i);
        snprintf(buf, sizeof buf, "%s|%d|%d|%.1f|", rl->style.family,
                 rl->style.bold, rl->style.italic, rl->style.points);
        g_checksum_update(ck, (const guchar *)buf, -1);
        g_checksum_update(ck, (const guchar *)rl->text, -1);
        g_checksum_update(ck, (const guchar *)"\n", 1);
    }
    char *key = g_strdup(g_checksum_get_string(ck));
    g_checksum_free(ck);
    return key;
}

static bool read_cache(const char *path, size_t n, pair_line *out)
{
    char *text = NULL;
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return false;
    char **rows = g_strsplit(text, "\n", -1);
    g_free(text);
    size_t k = 0;
    for (char **p = rows; *p && k < n; p++) {
        char *tab = strchr(*p, '\t');
        if (!tab)
            break;
        out[k].truth = g_strndup(*p, (gsize)(tab - *p));
        out[k].ocr = g_strdup(tab + 1);
        k++;
    }
    g_strfreev(rows);
    if (k == n)
        return true;
    for (size_t i = 0; i < k; i++) {
        g_free(out[i].truth);
        g_free(out[i].ocr);
    }
    return false;
}

static int write_cache(const char *path, size_t n, const pair_line *pl)
{
    GString *s = g_string_new(NULL);
    for (size_t i = 0; i < n; i++)
        g_string_append_printf(s, "%s\t%s\n", pl[i].truth, pl[i].ocr);
    GError *ge = NULL;
    int rc = g_file_set_contents(path, s->str, (gssize)s->len, &ge) ? 0 : -1;
    if (rc) {
        fprintf(stderr, "vt-channel-train: %s\n", ge->message);
        g_error_free(ge);
    }
    g_string_free(s, TRUE);
    return rc;
}

/* OCR every page with every language; pairs[l] receives (truth, ocr) lines
 * of language l. */
static int ocr_pages(const page_plan *pages, size_t n_pages, char **langs,
                     size_t n_langs, const char *workdir, GArray **pairs)
{
    vt_chan_ocr **engines = g_new0(vt_chan_ocr *, n_langs);
    int rc = 0;
    gint64 t_start = g_get_monotonic_time();
    for (size_t p = 0; p < n_pages && rc == 0; p++) {
        const page_plan *pp = &pages[p];
        size_t n = pp->lines->len;
        const char **texts = g_new(const char *, n);
        vt_chan_style *styles = g_new(vt_chan_style, n);
        for (size_t i = 0; i < n; i++) {
            texts[i] = g_array_index(pp->lines, rline, i).text;
            styles[i] = g_array_index(pp->lines, rline, i).style;
        }
        int *top = g_new(int, n), *bottom = g_new(int, n);
        PIX *pix = NULL;
        for (size_t l = 0; l < n_langs && rc == 0; l++) {
            char *key = cache_key(langs[l], pp);
            char *path = g_strdup_printf("%s/%s-%s.tsv", workdir, langs[l], key);
            pair_line *pl = g_new0(pair_line, n);
            bool cached = read_cache(path, n, pl);
            if (!cached) {
                if (!pix)
                    pix = vt_chan_render(&pp->geom, texts, styles, n, &pp->degrade,
                                         top, bottom);
                if (!engines[l]) {
                    char err[256];
                    engines[l] = vt_chan_ocr_new(langs[l], err, sizeof err);
                    if (!engines[l]) {
                        fprintf(stderr, "vt-channel-train: %s\n", err);
                        rc = -1;
                    }
                }
                char **out = g_new0(char *, n);
                if (rc == 0 && (!pix || vt_chan_ocr_page(engines[l], pix, &pp->degrade,
                                                         top, bottom, n, out))) {
                    fprintf(stderr, "vt-channel-train: page %zu: render or OCR failed\n", p);
                    rc = -1;
                }
                for (size_t i = 0; i < n; i++) {
                    pl[i].truth = g_strdup(texts[i]);
                    pl[i].ocr = out[i] ? out[i] : g_strdup("");
                }
                g_free(out);
                if (rc == 0)
                    rc = write_cache(path, n, pl);
            }
            for (size_t i = 0; i < n; i++)
                g_array_append_val(pairs[l], pl[i]);
            g_free(pl);
            g_free(path);
            g_free(key);
            if (!cached)
                fprintf(stderr, "page %zu/%zu %s: %.1f s elapsed\n", p + 1, n_pages,
                        langs[l], (double)(g_get_monotonic_time() - t_start) / 1e6);
        }
        pixDestroy(&pix);
        g_free(top);
        g_free(bottom);
        g_free(styles);
        g_free(texts);
    }
    for (size_t l = 0; l < n_langs; l++)
        vt_chan_ocr_free(engines[l]);
    g_free(engines);
    return rc;
}

/* ----------------------------------------------------------- counting */

typedef struct stats {
    size_t lines, truth_chars, truth_tokens, pairs, same, merges, deleted,
        inserted, rejected;
} stats;

/* Split a token into leading punctuation, core and trailing punctuation;
 * returns the core (letters, digits and whatever lies between). */
static char *token_core(const char *tok, size_t *lead, size_t *trail)
{
    const char *b = tok, *e = tok + strlen(tok);
    while (*b && !g_unichar_isalnum(g_utf8_get_char(b)))
        b = g_utf8_next_char(b);
    while (e > b) {
        const char *prev = g_utf8_prev_char(e);
        if (g_unichar_isalnum(g_utf8_get_char(prev)))
            break;
        e = prev;
    }
    *lead = (size_t)(b - tok);
    *trail = strlen(tok) - (size_t)(e - tok);
    return g_strndup(b, (gsize)(e - b));
}

static bool all_letters(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalpha(c) && !g_unichar_ismark(c))
            return false;
    }
    return true;
}

/* Record a truth syllable and what OCR made of it: the truth token's
 * punctuation is taken off, and off the OCR token too where it survived
 * unchanged. */
static void add_word(vt_chan_counts *words, const char *truth, const char *ocr)
{
    size_t lead, trail;
    char *core = token_core(truth, &lead, &trail);
    if (all_letters(core)) {
        size_t ol = strlen(ocr), olead = 0, otrail = 0;
        if (lead && ol >= lead && strncmp(ocr, truth, lead) == 0)
            olead = lead;
        if (trail && ol - olead >= trail &&
            strcmp(ocr + ol - trail, truth + strlen(truth) - trail) == 0)
            otrail = trail;
        char *oc = g_strndup(ocr + olead, ol - olead - otrail);
        vt_chan_counts_add(words, core, oc, 1.0);
        g_free(oc);
    }
    g_free(core);
}

/* Word pairs for character alignment: unrelated pairs of longer words are
 * misalignments, not confusions. */
static bool usable_pair(const vt_chan_tokpair *tp, const char *t, const char *o)
{
    return tp->dist <= 0.75 || g_utf8_strlen(t, -1) < 3 || g_utf8_strlen(o, -1) < 3;
}

static void collect(const GArray *pairs, vt_chan_counts *word_pairs,
                    vt_chan_counts *words, stats *st)
{
    for (guint k = 0; k < pairs->len; k++) {
        const pair_line *pl = &g_array_index(pairs, pair_line, k);
        size_t nt, no, np;
        char **t = vt_chan_tokens(pl->truth, &nt);
        char **o = vt_chan_tokens(pl->ocr, &no);
        vt_chan_tokpair *tp = vt_chan_align_tokens(t, nt, o, no, &np);
        st->lines++;
        st->truth_chars += (size_t)g_utf8_strlen(pl->truth, -1);
        st->truth_tokens += nt;
        for (size_t i = 0; i < np; i++) {
            if (tp[i].nt == 1 && tp[i].no == 1) {
                const char *a = t[tp[i].t], *b = o[tp[i].o];
                if (usable_pair(&tp[i], a, b)) {
                    vt_chan_counts_add(word_pairs, a, b, 1.0);
                    add_word(words, a, b);
                    st->pairs++;
                    st->same += strcmp(a, b) == 0;
                } else {
                    st->rejected++;
                }
            } else if (tp[i].nt == 1 && tp[i].no == 0) {
                add_word(words, t[tp[i].t], "");
                st->deleted++;
            } else if (tp[i].nt == 0) {
                st->inserted++;
            } else {
                st->merges++;
            }
        }
        g_free(tp);
        vt_chan_tokens_free(t, nt);
        vt_chan_tokens_free(o, no);
    }
}

typedef struct em_ctx {
    const vt_chan_costs *costs;
    vt_chan_counts *out;
    double changed; /* differing word pairs aligned (with their counts) */
} em_ctx;

static void em_pair(const char *truth, const char *ocr, double n, void *user)
{
    em_ctx *e = user;
    if (strcmp(truth, ocr) == 0) {
        vt_chan_counts_add_truth(e->out, truth, n);
        for (const char *p = truth; *p; p = g_utf8_next_char(p)) {
            char one[8] = {0};
            memcpy(one, p, (size_t)(g_utf8_next_char(p) - p));
            vt_chan_counts_add(e->out, one, one, n);
        }
        return;
    }
    vt_chan_seg segs[64];
    size_t k = vt_chan_align_chars(e->costs, truth, ocr, segs, G_N_ELEMENTS(segs), NULL);
    if (k > G_N_ELEMENTS(segs))
        return; /* absurdly long token: neither counted nor its text */
    vt_chan_counts_add_truth(e->out, truth, n);
    for (size_t i = 0; i < k; i++)
        vt_chan_counts_add(e->out, segs[i].truth, segs[i].ocr, n);
    e->changed += n;
}

static vt_chan_counts *train_chars(const vt_chan_counts *word_pairs, int rounds)
{
    vt_chan_counts *counts = NULL;
    for (int r = 0; r < rounds; r++) {
        vt_chan_costs *costs = vt_chan_costs_new(counts);
        em_ctx e = {costs, vt_chan_counts_new(), 0};
        vt_chan_counts_each(word_pairs, em_pair, &e);
        vt_chan_costs_free(costs);
        vt_chan_counts_free(counts);
        counts = e.out;
        fprintf(stderr, "  round %d: %.0f segment pairs from %.0f differing words\n",
                r + 1, vt_chan_counts_total(counts), e.changed);
    }
    return counts;
}

typedef struct tsv_ctx {
    FILE *f;
} tsv_ctx;

static void tsv_row(const char *truth, const char *ocr, double n, void *user)
{
    tsv_ctx *c = user;
    fprintf(c->f, "%s\t%s\t%.0f\n", *truth ? truth : "<eps>",
            *ocr ? ocr : "<eps>", n);
}

static void context_row(const char *truth, double n, void *user)
{
    tsv_ctx *c = user;
    fprintf(c->f, "%s\t%.0f\n", *truth ? truth : "<eps>", n);
}

/* Write the pairs of `c`, or with `occurrences` how often each truth
 * sequence occurs in the words the pairs come from (LANG-context.tsv, the
 * denominators of P(ocr_seq | truth_seq)). */
static int write_tsv(const char *path, const vt_chan_counts *c, bool occurrences)
{
    char *tmp = g_strconcat(path, ".tmp", NULL);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(stderr, "vt-channel-train: %s: %s\n", tmp, strerror(errno));
        g_free(tmp);
        return -1;
    }
    tsv_ctx ctx = {f};
    if (occurrences)
        vt_chan_counts_each_truth(c, context_row, &ctx);
    else
        vt_chan_counts_each(c, tsv_row, &ctx);
    int rc = fclose(f) == 0 && rename(tmp, path) == 0 ? 0 : -1;
    if (rc)
        fprintf(stderr, "vt-channel-train: %s: %s\n", path, strerror(errno));
    g_free(tmp);
    return rc;
}

typedef struct top_ctx {
    GPtrArray *rows;
} top_ctx;

typedef struct top_row {
    char *text;
    double n;
} top_row;

static void top_collect(const char *truth, const char *ocr, double n, void *user)
{
    top_ctx *c = user;
    if (strcmp(truth, ocr) == 0)
        return;
    top_row *r = g_new(top_row, 1);
    r->text = g_strdup_printf("%s→%s", *truth ? truth : "ε", *ocr ? ocr : "ε");
    r->n = n;
    g_ptr_array_add(c->rows, r);
}

static gint top_cmp(gconstpointer a, gconstpointer b)
{
    const top_row *x = *(top_row *const *)a, *y = *(top_row *const *)b;
    return x->n < y->n ? 1 : x->n > y->n ? -1 : strcmp(x->text, y->text);
}

static void top_free(gpointer p)
{
    top_row *r = p;
    g_free(r->text);
    g_free(r);
}

/* Print the most frequent confusions, for the person running the tool. */
static void print_top(const char *lang, const vt_chan_counts *c, size_t k)
{
    top_ctx ctx = {g_ptr_array_new_with_free_func(top_free)};
    vt_chan_counts_each(c, top_collect, &ctx);
    g_ptr_array_sort(ctx.rows, top_cmp);
    fprintf(stderr, "%s top confusions:", lang);
    for (guint i = 0; i < ctx.rows->len && i < k; i++) {
        const top_row *r = g_ptr_array_index(ctx.rows, i);
        fprintf(stderr, "%s %s %.0f", i % 8 ? "," : "\n ", r->text, r->n);
    }
    fprintf(stderr, "\n");
    g_ptr_array_free(ctx.rows, TRUE);
}

/* --------------------------------------------------------------- main */

static int usage(void)
{
    fprintf(stderr,
            "usage: vt-channel-train [options] FILE[:WEIGHT]...\n"
            "  -o DIR   output directory (dict/channel)\n"
            "  -w DIR   OCR cache directory (channel-work)\n"
            "  -l LIST  Tesseract languages, comma separated (eng,vie)\n"
            "  -p N     pages to render (40)\n"
            "  -n N     lines per page (40, at most what fits)\n"
            "  -s N     random seed (1)\n"
            "  -i N     alignment re-estimation rounds (3)\n"
            "FILE holds correct text, a paragraph per line; WEIGHT lines of it are\n"
            "taken for each line of the next file (default 1).\n");
    return 1;
}

int main(int argc, char **argv)
{
    /* libgomp reads OMP_THREAD_LIMIT when it is loaded, before main, so a
     * setenv here would come too late: restart with it set.  One thread
     * keeps Tesseract off the other users' cores. */
    const char *lim = getenv("OMP_THREAD_LIMIT");
    if (!lim || strcmp(lim, "1") != 0) {
        setenv("OMP_THREAD_LIMIT", "1", 1);
        execv("/proc/self/exe", argv);
        /* no /proc: run on with whatever threads libgomp chose */
    }

    const char *outdir = "dict/channel", *workdir = "channel-work",
               *langlist = "eng,vie";
    long pages = 40, per_page = 40, seed = 1, rounds = 3;
    int opt;
    while ((opt = getopt(argc, argv, "o:w:l:p:n:s:i:h")) != -1) {
        switch (opt) {
        case 'o': outdir = optarg; break;
        case 'w': workdir = optarg; break;
        case 'l': langlist = optarg; break;
        case 'p': pages = atol(optarg); break;
        case 'n': per_page = atol(optarg); break;
        case 's': seed = atol(optarg); break;
        case 'i': rounds = atol(optarg); break;
        default: return usage();
        }
    }
    if (optind >= argc || pages < 1 || per_page < 1 || rounds < 1)
        return usage();

    /* Lines that fit on a page at the coarsest scan resolution. */
    vt_chan_page coarse = vt_chan_page_a4(DPIS[0]);
    long fit = (coarse.height - 2 * coarse.margin) / coarse.line_pitch;
    if (per_page > fit)
        per_page = fit;

    size_t n_src = (size_t)(argc - optind);
    source *src = g_new0(source, n_src);
    for (size_t i = 0; i < n_src; i++)
        if (read_source(argv[optind + (int)i], i, (guint64)seed, &src[i]))
            return 2;

    if (g_mkdir_with_parents(workdir, 0755) || g_mkdir_with_parents(outdir, 0755)) {
        fprintf(stderr, "vt-channel-train: cannot create %s or %s: %s\n", workdir,
                outdir, strerror(errno));
        return 4;
    }

    size_t n_pages = 0;
    page_plan *plan = plan_pages(src, n_src, (size_t)pages, (size_t)per_page,
                                 (guint64)seed, &n_pages);
    /* training.txt records what the counts came from, for reviewers. */
    GString *summary = g_string_new(
        "# How the counts beside this file were made (written by vt-channel-train).\n");
    g_string_append_printf(summary, "options: -p %ld -n %ld -s %ld -i %ld -l %s\n",
                           pages, per_page, seed, rounds, langlist);
    for (size_t i = 0; i < n_src; i++)
        g_string_append_printf(summary, "source %s: %zu lines, weight %u, %zu taken\n",
                               src[i].name, src[i].n, src[i].weight, src[i].used);
    describe_pages(plan, n_pages, summary);
    fprintf(stderr, "%s", summary->str);

    char **langs = g_strsplit(langlist, ",", -1);
    size_t n_langs = g_strv_length(langs);
    GArray **pairs = g_new(GArray *, n_langs);
    for (size_t l = 0; l < n_langs; l++)
        pairs[l] = g_array_new(FALSE, FALSE, sizeof(pair_line));
    if (ocr_pages(plan, n_pages, langs, n_langs, workdir, pairs))
        return 3;

    int rc = 0;
    for (size_t l = 0; l < n_langs && rc == 0; l++) {
        vt_chan_counts *word_pairs = vt_chan_counts_new();
        vt_chan_counts *words = vt_chan_counts_new();
        stats st = {0};
        collect(pairs[l], word_pairs, words, &st);
        char *line = g_strdup_printf(
            "%s: %zu lines, %zu characters, %zu tokens; %zu word pairs (%zu "
            "unchanged), %zu merged/split, %zu deleted, %zu inserted, %zu "
            "rejected as misaligned\n",
            langs[l], st.lines, st.truth_chars, st.truth_tokens, st.pairs,
            st.same, st.merges, st.deleted, st.inserted, st.rejected);
        fprintf(stderr, "%s", line);
        g_string_append(summary, line);
        g_free(line);
        vt_chan_counts *chars = train_chars(word_pairs, (int)rounds);
        print_top(langs[l], chars, 40);
        char *cpath = g_strdup_printf("%s/%s-chars.tsv", outdir, langs[l]);
        char *wpath = g_strdup_printf("%s/%s-words.tsv", outdir, langs[l]);
        char *xpath = g_strdup_printf("%s/%s-context.tsv", outdir, langs[l]);
        rc = write_tsv(cpath, chars, false) || write_tsv(wpath, words, false) ||
                     write_tsv(xpath, chars, true)
                 ? 4
                 : 0;
        g_free(cpath);
        g_free(wpath);
        g_free(xpath);
        vt_chan_counts_free(chars);
        vt_chan_counts_free(words);
        vt_chan_counts_free(word_pairs);
    }
    char *spath = g_strdup_printf("%s/training.txt", outdir);
    GError *ge = NULL;
    if (rc == 0 && !g_file_set_contents(spath, summary->str, (gssize)summary->len, &ge)) {
        fprintf(stderr, "vt-channel-train: %s\n", ge->message);
        g_error_free(ge);
        rc = 4;
    }
    g_free(spath);
    g_string_free(summary, TRUE);

    for (size_t l = 0; l < n_langs; l++) {
        for (guint k = 0; k < pairs[l]->len; k++) {
            g_free(g_array_index(pairs[l], pair_line, k).truth);
            g_free(g_array_index(pairs[l], pair_line, k).ocr);
        }
        g_array_free(pairs[l], TRUE);
    }
    g_free(pairs);
    g_strfreev(langs);
    pages_free(plan, n_pages);
    for (size_t i = 0; i < n_src; i++) {
        for (size_t k = 0; k < src[i].n; k++)
            g_free(src[i].lines[k]);
        g_free(src[i].lines);
        g_free(src[i].name);
    }
    g_free(src);
    return rc;
}
