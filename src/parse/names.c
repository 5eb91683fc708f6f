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

/* Is fold a unit's word and nothing else ("tinh", "thanh pho")? */
static bool is_admin_unit(const char *fold)
{
    const char *unit;
    size_t n = strlen(fold);
    return n > 0 && admin_unit_at(fold, n, 0, &unit) == n;
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

/* Words naming the kind of a body, or a deputy, that a list of bodies
 * prints before the body's abbreviation ("Phòng KTHT", "Đài PTTH",
 * "Cổng TTĐT", "Phó TTg").  Their OCR without marks also spells a commoner
 * word (phong, dải, công, phố) that restore, knowing no abbreviation,
 * may choose; before an abbreviation only the body's word is read. */
static const struct {
    const char *fold, *form;
} code_heads[] = {
    {"ban", "Ban"},   {"bo", "Bộ"},     {"cong", "Cổng"},   {"cuc", "Cục"}, {"dai", "Đài"},
    {"doan", "Đoàn"}, {"pho", "Phó"},   {"phong", "Phòng"}, {"so", "Sở"},   {"vien", "Viện"},
    {"vu", "Vụ"},
};

/* The length of w without the marks closing a word in a list (",;:."). */
static size_t core_len(const char *w)
{
    size_t n = strlen(w);
    while (n && strchr(",;:.)", w[n - 1]))
        n--;
    return n;
}

/* Is w[0..n) an abbreviation as printed: two capitals (Đ among them)
 * first, then capitals, digits, small Latin letters ("TTg", "GDTrH") and
 * the marks inside a code ("NN&MT", "TH.ĐT"), no letter with a mark
 * but Đ. */
static bool code_word(const char *w, size_t n)
{
    size_t caps = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)w[i];
        bool d = c == 0xC4 && i + 1 < n && (unsigned char)w[i + 1] == 0x90;
        if (isupper(c) || d)
            caps++;
        else if (caps < 2 || !(isalnum(c) || strchr("&.-", c)))
            return false;
        i += d ? 2 : 1;
    }
    return caps >= 2;
}

/* Does w[0..n) carry a letter with a mark other than Đ? */
static bool marked_word(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80 && !(c == 0xC4 && i + 1 < n && ((unsigned char)w[i + 1] & 0xFE) == 0x90))
            return true;
        if (c == 0xC4)
            i++;
    }
    return false;
}

/* The word of a list entry `w` (ws[i]) in the form the entry's other
 * words call for, or NULL when it stands as printed.  In an entry in
 * capitals (`capitals`) a word of the name may look like an abbreviation
 * ("PHONG TAI CHINH"): only a known one follows a body's kind there. */
static char *entry_word(const vt_lexicon *lex, const words *ws, size_t i, bool capitals)
{
    const char *w = ws->w[i];
    size_t lead = strspn(w, "(-"), n = core_len(w);
    if (n <= lead || i + 1 >= ws->n)
        return NULL;
    char *core = vt_xstrndup(w + lead, n - lead), *fold = vt_text_fold(core), *out = NULL;
    const char *next = ws->w[i + 1];
    vt_case kc = vt_case_of(core, strlen(core));
    if (kc == VT_CASE_TITLE || kc == VT_CASE_UPPER) {
        for (size_t k = 0; k < sizeof code_heads / sizeof *code_heads && !out; k++)
            if (strcmp(fold, code_heads[k].fold) == 0 && strcmp(core, code_heads[k].form) != 0 &&
                code_word(next, core_len(next))) {
                char *code = vt_xstrndup(next, core_len(next));
                if (!capitals || vt_known_code(lex, code))
                    out = vt_xstrdup(code_heads[k].form);
                free(code);
            }
    }
    /* An article cited by its number is "Điều" ("Như Điều 3"), which
     * restore may write in small letters where OCR lost the capital's bar
     * ("Nhu biéu 3"). */
    if (!out && strcmp(core, "điều") == 0 && isdigit((unsigned char)next[0]))
        out = vt_xstrdup("Điều");
    /* A word in capitals with a tone or vowel mark is no abbreviation
     * (they print none but Đ): restore kept the capitals OCR read off a
     * word of the name ("BỘ Nội vụ", "Sở NỘI vụ"), which the words after
     * it, in small letters, show is printed in normal case. */
    if (!out && kc == VT_CASE_UPPER && marked_word(core, strlen(core)) &&
        !vt_known_code(lex, core) && vt_case_of(next, strlen(next)) != VT_CASE_UPPER &&
        vt_case_of(next, strlen(next)) != VT_CASE_MIXED) {
        char *low = vt_text_lower_full(core);
        out = is_admin_unit(fold) ? vt_xstrdup(low) : vt_text_upper_first(low);
        free(low);
    }
    char *word = out ? vt_xasprintf("%.*s%s%s", (int)lead, w, out, w + n) : NULL;
    free(out);
    free(fold);
    free(core);
    return word;
}

/* Does a place's name start at word i of an entry: after a list's mark
 * (",", ":", ";") or after the unit it names ("tỉnh", "thành phố")? */
static bool place_starts(const words *ws, size_t i)
{
    if (i == 0)
        return false;
    const char *prev = ws->w[i - 1];
    if (strchr(",:;", prev[strlen(prev) - 1]))
        return true;
    /* A unit's name is one word or two: the two words before i end in
     * one. */
    char *before = vt_xasprintf(" %s %s", i >= 2 ? ws->w[i - 2] : "", prev);
    char *fold = vt_text_fold(before);
    bool after_unit = ends_with_unit(fold);
    free(fold);
    free(before);
    return after_unit;
}

/* The place of the gazetteer that words i.. of an entry spell but for
 * their marks ("Thạnh Hòa" for "Thanh Hóa" in "các tỉnh: Hà Tĩnh, Thạnh
 * Hòa"): restore knows a place's name no better than other words, the
 * gazetteer does.  A run of two to four capitalised words, the longest
 * found (one word alone is as likely a person's, as a drafter's name
 * closing the archive line); a run that is a place as printed stays, and
 * where places share the letters the first listed (the higher level) is
 * taken.  Returns the run's length, 0 when none; *form the place, NULL
 * when the run is printed as the gazetteer spells it. */
static size_t place_run(const vt_lexicon *lex, const words *ws, size_t i, const char **form)
{
    enum { PLACE_WORDS = 4 };
    for (size_t n = PLACE_WORDS; n >= 2; n--) {
        if (i + n > ws->n)
            continue;
        bool capitalised = true;
        for (size_t k = i; k < i + n && capitalised; k++) {
            vt_case c = vt_case_of(ws->w[k], core_len(ws->w[k]));
            capitalised = c == VT_CASE_TITLE && (k + 1 == i + n || core_len(ws->w[k]) ==
                                                                       strlen(ws->w[k]));
        }
        if (!capitalised)
            continue;
        char *run = join_words(ws->w + i, n);
        run[core_len(run)] = '\0';
        char *f = vt_text_fold(run);
        const char *found = NULL;
        bool as_printed = false;
        for (size_t k = 0; k < lex->places.n && !as_printed; k++) {
            if (strcmp(lex->places.v[k].fold, f) != 0)
                continue;
            as_printed = strcmp(lex->places.v[k].form, run) == 0;
            if (!found)
                found = lex->places.v[k].form;
        }
        free(f);
        free(run);
        if (found) {
            *form = as_printed ? NULL : found;
            return n;
        }
    }
    return 0;
}

/* The head of a body (its first word) as the lexicon prints it, where the
 * entry prints its letters with other marks before the rest of that body,
 * two words at least ("Sơ Kế hoạch và Đầu tư" for the lexicon's
 * "Sở Kế hoạch và Đầu tư"): restore reads a short head by its
 * letters, the body's other words say which word it is.  A word heading
 * a body of its own ("Báo" beside "Bảo") stays, and a head with no mark
 * is text printed without marks ("So Xay dung").  NULL when the head
 * stands as printed or no known body follows. */
static char *organ_head_marks(const vt_lexicon *lex, const words *ws)
{
    const char *w = ws->w[0];
    size_t wn = strlen(w);
    if (ws->n < 3 || vt_case_of(w, wn) != VT_CASE_TITLE || !marked_word(w, wn))
        return NULL;
    char *wf = vt_text_fold(w), *rest = join_words(ws->w + 1, ws->n - 1);
    char *rf = vt_text_fold(rest);
    size_t wl = strlen(wf), rl = strlen(rf);
    const char *head = NULL;
    bool own = false;
    for (size_t i = 0; i < lex->organs.n && !own; i++) {
        const vt_lex_entry *o = &lex->organs.v[i];
        size_t oh = strcspn(o->fold, " "), ol = strlen(o->fold) - oh - 1;
        const char *orest = o->fold + oh + 1;
        own = strcspn(o->form, " ") == wn && strncmp(o->form, w, wn) == 0;
        if (!head && oh == wl && o->fold[oh] && strncmp(o->fold, wf, wl) == 0 &&
            strchr(orest, ' ') && ol <= rl && strncmp(rf, orest, ol) == 0 &&
            !isalnum((unsigned char)rf[ol]))
            head = o->form;
    }
    char *out = head && !own ? vt_xstrndup(head, strcspn(head, " ")) : NULL;
    free(rf);
    free(rest);
    free(wf);
    return out;
}

char *vt_entry_words_cased(const vt_lexicon *lex, const char *entry)
{
    bool capitals = vt_text_is_upper(entry);
    words ws;
    split_words(entry, &ws);
    for (size_t i = 0; i < ws.n; i++) {
        char *w = entry_word(lex, &ws, i, capitals);
        if (!w && i == 0)
            w = organ_head_marks(lex, &ws);
        if (w) {
            free(ws.w[i]);
            ws.w[i] = w;
        }
    }
    for (size_t i = 0; i < ws.n; i++) {
        const char *form = NULL;
        size_t n = place_starts(&ws, i) ? place_run(lex, &ws, i, &form) : 0;
        if (form) {
            /* The place's words, the run's closing mark kept. */
            words pw;
            split_words(form, &pw);
            if (pw.n == n) {
                for (size_t k = 0; k < n; k++) {
                    const char *w = ws.w[i + k];
                    char *put = vt_xasprintf("%s%s", pw.w[k], w + core_len(w));
                    free(ws.w[i + k]);
                    ws.w[i + k] = put;
                }
            }
            free_words(&pw);
        }
        i += n ? n - 1 : 0;
    }
    char *out = join_words(ws.w, ws.n);
    free_words(&ws);
    return out;
}
