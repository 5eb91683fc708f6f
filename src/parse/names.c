/* names.c — normal case for names printed in capitals.
 *
 * Nghị định 30 Phụ lục II: in an organ's name the word for the kind of body
 * and each word naming its field are capitalised ("Sở Giáo dục và Đào
 * tạo"), administrative-unit words are not, and place names are
 * capitalised syllable by syllable ("Ủy ban nhân dân phường Tây Hồ");
 * abbreviations stay as they are ("UBND tỉnh Ninh Bình"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* Words that name an administrative unit: a place name follows them. */
static const struct {
    const char *fold, *form;
} admin_units[] = {
    {"tinh", "tỉnh"},       {"thanh pho", "thành phố"}, {"phuong", "phường"},
    {"xa", "xã"},           {"quan", "quận"},           {"huyen", "huyện"},
    {"thi xa", "thị xã"},   {"thi tran", "thị trấn"},   {"dac khu", "đặc khu"},
    {"tp.", "TP."},         {"tp", "TP"},
};

static size_t admin_unit_at(const char *fold, size_t flen, size_t at, const char **form)
{
    size_t best = 0;
    for (size_t i = 0; i < sizeof admin_units / sizeof *admin_units; i++) {
        size_t k = strlen(admin_units[i].fold);
        if (k > best && at + k <= flen && memcmp(fold + at, admin_units[i].fold, k) == 0 &&
            (at + k == flen || !isalnum((unsigned char)fold[at + k]))) {
            best = k;
            *form = admin_units[i].form;
        }
    }
    return best;
}

bool vt_admin_unit_start(const char *fold)
{
    const char *unit;
    size_t k = admin_unit_at(fold, strlen(fold), 0, &unit);
    return k > 0 && fold[k] != '\0';
}

static bool ends_with_unit(const char *fold)
{
    size_t n = strlen(fold);
    for (size_t i = 0; i < sizeof admin_units / sizeof *admin_units; i++) {
        size_t k = strlen(admin_units[i].fold);
        if (n > k && fold[n - k - 1] == ' ' && strcmp(fold + n - k, admin_units[i].fold) == 0)
            return true;
    }
    return false;
}

/* A Party committee named after its place ("Huyện ủy Yên Thành", "Ban
 * Thường vụ Tỉnh ủy Nghệ An"): the place follows it. */
static bool ends_with_committee(const char *fold)
{
    static const char *const committees[] = {"tinh uy", "thanh uy", "huyen uy", "quan uy",
                                             "thi uy"};
    size_t n = strlen(fold);
    for (size_t i = 0; i < sizeof committees / sizeof *committees; i++) {
        size_t k = strlen(committees[i]);
        if (n >= k && strcmp(fold + n - k, committees[i]) == 0 && (n == k || fold[n - k - 1] == ' '))
            return true;
    }
    return false;
}

typedef struct words {
    char **w;
    size_t n, cap;
} words;

static void split_words(const char *s, words *ws)
{
    memset(ws, 0, sizeof *ws);
    const char *p = s;
    while (*p) {
        while (*p && isspace((unsigned char)*p))
            p++;
        const char *q = p;
        while (*q && !isspace((unsigned char)*q))
            q++;
        if (q > p) {
            VT_GROW(ws->w, ws->n, ws->cap);
            ws->w[ws->n++] = vt_xstrndup(p, (size_t)(q - p));
        }
        p = q;
    }
}

static void free_words(words *ws)
{
    for (size_t i = 0; i < ws->n; i++)
        free(ws->w[i]);
    free(ws->w);
}

static char *join_words(char **w, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(w[i]) + 1;
    char *out = vt_xmalloc(len), *o = out;
    for (size_t i = 0; i < n; i++) {
        if (i)
            *o++ = ' ';
        size_t k = strlen(w[i]);
        memcpy(o, w[i], k);
        o += k;
    }
    *o = '\0';
    return out;
}

/* An abbreviation printed in capitals keeps its form ("UBND", "GD&ĐT"),
 * and so does a Roman numeral ("Khu vực II"). */
static bool abbreviation(const vt_lexicon *lex, const char *word)
{
    size_t n = strlen(word);
    while (n && strchr(",;:.", word[n - 1]))
        n--;
    if (n && n <= 4 && strspn(word, "IVX") == n)
        return true;
    if (!vt_text_is_upper(word))
        return false;
    for (size_t i = 0; i < lex->abbreviations.n; i++) {
        const char *f = lex->abbreviations.v[i].form;
        if (strlen(f) == n && memcmp(f, word, n) == 0)
            return true;
    }
    return false;
}

char *vt_place_case(const vt_lexicon *lex, const char *text)
{
    char *f = vt_text_fold(text);
    const vt_lex_entry *e = vt_lex_match(&lex->places, f, strlen(f), 0, NULL);
    if (e) {
        free(f);
        return vt_xstrdup(e->form);
    }
    /* A unit word before a place the lexicon knows ("TP. Hồ Chí Minh",
     * "tỉnh Quảng Ngãi"): the unit as the unit list writes it, the place
     * as the lexicon spells it. */
    const char *unit;
    size_t k = admin_unit_at(f, strlen(f), 0, &unit), rest = k;
    while (k && f[rest] == ' ')
        rest++;
    e = k && rest > k ? vt_lex_match(&lex->places, f + rest, strlen(f + rest), 0, NULL) : NULL;
    free(f);
    if (e)
        return vt_xasprintf("%s %s", unit, e->form);
    words ws;
    char *low = vt_text_lower_full(text);
    split_words(low, &ws);
    free(low);
    for (size_t i = 0; i < ws.n; i++) {
        char *u = vt_text_upper_first(ws.w[i]);
        free(ws.w[i]);
        ws.w[i] = u;
    }
    char *out = join_words(ws.w, ws.n);
    free_words(&ws);
    return out;
}

/* Which joining word a folded word is: 1 "và", 2 a dash, 0 neither. */
static int connective(const char *w, size_t n)
{
    if (n == 2 && memcmp(w, "va", 2) == 0)
        return 1;
    if ((n == 1 && w[0] == '-') || (n == 3 && memcmp(w, "\xe2\x80\x93", 3) == 0))
        return 2;
    return 0;
}

/* Do two folded names of as many words differ in a word that shapes the
 * name: an administrative unit ("... tinh ha" against "... thanh pho") or
 * a joining word ("van hoa - thong tin" against "van hoa va thong tin")?
 * OCR damage is small against a whole name, but these decide what the
 * name says. */
static bool structure_differs(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b), i = 0, j = 0;
    while (i < na && j < nb) {
        const char *ua = NULL, *ub = NULL;
        size_t ka = admin_unit_at(a, na, i, &ua), kb = admin_unit_at(b, nb, j, &ub);
        if ((ka || kb) && (ka != kb || ua != ub))
            return true;
        size_t ea = i, eb = j;
        while (ea < na && a[ea] != ' ')
            ea++;
        while (eb < nb && b[eb] != ' ')
            eb++;
        if (connective(a + i, ea - i) != connective(b + j, eb - j))
            return true;
        i = ea + (ea < na);
        j = eb + (eb < nb);
    }
    return false;
}

/* The organs.txt entry spelling the first words of a name (its fold in
 * fw[0..nw)): the longest, exact or within OCR distance.  Returns the
 * number of words it covers. */
static size_t organ_prefix(const vt_lexicon *lex, char **fw, size_t nw,
                           const vt_lex_entry **entry)
{
    size_t best = 0;
    double best_cost = 1;
    for (size_t i = 0; i < lex->organs.n; i++) {
        const vt_lex_entry *e = &lex->organs.v[i];
        size_t k = 1;
        for (const char *c = e->fold; *c; c++)
            k += *c == ' ';
        if (k > nw || k < best)
            continue;
        char *pre = join_words(fw, k);
        double c = strcmp(pre, e->fold) == 0 ? 0
                   : k < 2                    ? 1
                                              : vt_fuzzy_cost_within(pre, strlen(pre), e->fold, 0.12);
        if (c > 0 && c <= 0.12 && structure_differs(pre, e->fold))
            c = 1;
        free(pre);
        if (c <= 0.12 && (k > best || c < best_cost)) {
            best = k;
            best_cost = c;
            *entry = e;
        }
    }
    return best;
}

/* Kinds of body whose name goes on to say its field ("Tổng cục" Thuế,
 * "Phòng" Văn hóa - Xã hội).  Words whose fold is shared with a common
 * non-kind word ("báo"/"bảo", "đài"/"đại") are left out. */
static const char *const organ_kinds[] = {
    "tổng cục", "cục", "chi cục", "sở", "phòng", "vụ", "ban", "văn phòng", "bộ",
    "trung tâm", "viện", "học viện", "trường", "bệnh viện", "thanh tra", "đội",
    "trạm", "hạt", "tạp chí", "hội", "liên đoàn", "nhà xuất bản", "chi nhánh",
    "công ty", "tổng công ty", "ngân hàng", "kho bạc Nhà nước",
};

/* The number of words of ws.w/fs.w the longest organ kind covers at their
 * start (0 when none).  A word printed with marks must carry the kind's
 * marks; an unmarked one (OCR lost them) is compared folded. */
static size_t organ_kind(const words *ws, const words *fs, const char **form)
{
    size_t best = 0;
    for (size_t k = 0; k < sizeof organ_kinds / sizeof *organ_kinds; k++) {
        words kw;
        split_words(organ_kinds[k], &kw);
        bool ok = kw.n > best && kw.n <= ws->n && kw.n <= fs->n;
        for (size_t w = 0; ok && w < kw.n; w++) {
            char *low = vt_text_lower_full(ws->w[w]), *kl = vt_text_lower_full(kw.w[w]);
            char *kf = vt_text_fold(kw.w[w]);
            ok = strcmp(low, kl) == 0 || (strcmp(low, fs->w[w]) == 0 && strcmp(kf, fs->w[w]) == 0);
            free(low);
            free(kl);
            free(kf);
        }
        if (ok) {
            best = kw.n;
            *form = organ_kinds[k];
        }
        free_words(&kw);
    }
    return best;
}

/* Does a field of the name start after this word ("Văn hóa - Xã hội",
 * "Giáo dục và Đào tạo", "Khám, chữa bệnh")? */
static bool field_break(const char *fold)
{
    size_t n = strlen(fold);
    return connective(fold, n) || (n && fold[n - 1] == ',');
}

char *vt_organ_case(const vt_lexicon *lex, const char *text)
{
    words ws, fs;
    split_words(text, &ws);
    char *f = vt_text_fold(text);
    split_words(f, &fs);
    free(f);
    char **out = vt_xcalloc(ws.n + 1, sizeof *out);
    size_t i = 0;
    bool place_next = false;
    const vt_lex_entry *e = NULL;
    if (fs.n == ws.n && (i = organ_prefix(lex, fs.w, fs.n, &e)) > 0) {
        /* The body's name as the lexicon spells it. */
        out[0] = vt_xstrdup(e->form);
        for (size_t c = 1; c < i; c++)
            out[c] = vt_xstrdup("");
        /* "Ủy ban nhân dân phường" + place, "Huyện ủy" + place */
        place_next = ends_with_unit(e->fold) || ends_with_committee(e->fold);
    }
    /* Phụ lục II: after the kind of body, each part naming its field is
     * capitalised (a listed name may go on: "Vụ Pháp chế" và "Thanh tra"). */
    bool field_next = false;
    const char *kind = e ? e->form : NULL;
    if (i == 0 && fs.n == ws.n && (i = organ_kind(&ws, &fs, &kind)) > 0) {
        out[0] = vt_text_upper_first(kind);
        for (size_t c = 1; c < i; c++)
            out[c] = vt_xstrdup("");
        field_next = true;
    }
    while (i < ws.n) {
        /* An administrative unit is at most two words: joining just the
         * next few keeps a long line linear. */
        size_t avail = fs.n > i ? fs.n - i : 0;
        char *rest = join_words(fs.w + i, avail < 3 ? avail : 3);
        const char *unit = NULL;
        size_t k = place_next ? 0 : admin_unit_at(rest, strlen(rest), 0, &unit);
        /* Where a field's name starts "xã hội" is social, not a commune. */
        if (k && field_next && strncmp(rest, "xa hoi", 6) == 0 && !isalnum((unsigned char)rest[6]))
            k = 0;
        /* A name ending in a place places.txt knows ("Trường Đại học
         * Vinh") has the place capitalised, as after a unit. */
        if (!place_next && k == 0 && i > 0 && !field_next && fs.n - i <= 4) {
            char *tail = join_words(fs.w + i, fs.n - i);
            place_next = vt_lex_match(&lex->places, tail, strlen(tail), 0, NULL) != NULL;
            free(tail);
        }
        if (place_next || k == 0) {
            if (place_next) {
                /* The rest of the name is the place. */
                char *tail = join_words(ws.w + i, ws.n - i);
                out[i] = vt_place_case(lex, tail);
                free(tail);
                for (size_t c = i + 1; c < ws.n; c++)
                    out[c] = vt_xstrdup("");
                i = ws.n;
            } else if (abbreviation(lex, ws.w[i])) {
                out[i] = vt_xstrdup(ws.w[i]);
                i++;
            } else {
                char *low = vt_text_lower_full(ws.w[i]);
                out[i] = i == 0 || field_next ? vt_text_upper_first(low) : vt_xstrdup(low);
                free(low);
                field_next = kind && field_break(fs.w[i]);
                i++;
            }
        } else {
            /* The unit word in its own spelling, whatever the print lost. */
            size_t nw = 1;
            for (size_t c = 0; c < k; c++)
                nw += rest[c] == ' ';
            out[i] = i == 0 ? vt_text_upper_first(unit) : vt_xstrdup(unit);
            for (size_t c = 1; c < nw && i + c < ws.n; c++)
                out[i + c] = vt_xstrdup("");
            i += nw;
            place_next = true;
        }
        free(rest);
    }
    size_t kept = 0;
    for (size_t c = 0; c < ws.n; c++) {
        if (out[c] && out[c][0])
            out[kept++] = out[c];
        else
            free(out[c]);
    }
    char *result = join_words(out, kept);
    for (size_t c = 0; c < kept; c++)
        free(out[c]);
    free(out);
    free_words(&ws);
    free_words(&fs);
    char *u = vt_text_upper_first(result);
    free(result);
    return u;
}
