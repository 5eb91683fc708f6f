/* marks.c — the smaller parts: "Kính gửi" (Điều 11), urgency and secrecy
 * marks (Điều 15), and contact details in the body. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "parse.h"

/* The most words a line of the Kính gửi list takes: more is a sentence of
 * the body. */
#define ADDRESSEE_WORDS 12
/* An entry of at least WRAPPED_ENTRY_WORDS words fills its line: the next
 * line of at most WRAPPED_TAIL_WORDS without a closing mark ends it. */
#define WRAPPED_ENTRY_WORDS 8
#define WRAPPED_TAIL_WORDS 4

/* Does the folded word head a body the lexicon knows ("so" of "Sở Y tế")? */
static bool organ_head(const vt_lexicon *lex, const char *wf)
{
    size_t n = strlen(wf);
    for (size_t i = 0; i < lex->organs.n; i++) {
        const char *o = lex->organs.v[i].fold;
        if (strncmp(o, wf, n) == 0 && (o[n] == ' ' || o[n] == '\0'))
            return true;
    }
    return false;
}

/* Does text (after a comma) begin a new addressee: a word heading a body
 * ("Bộ Xây dựng", not a title: "Bộ trưởng") or an abbreviation in capitals
 * ("UBND các xã")?  Titles parted by commas name one group of heads ("Bộ
 * trưởng, Thủ trưởng cơ quan ngang Bộ"). */
static bool starts_addressee(const vt_lexicon *lex, const char *text)
{
    while (*text == ' ')
        text++;
    if (!*text || vt_starts_lower(text))
        return false;
    const char *p = text;
    char *w = vt_next_word(&p);
    if (!w)
        return false;
    char *f = vt_text_fold(text), *wf = vt_text_fold(w);
    bool title = vt_lex_prefix(&lex->positions, f, strlen(f), 0, NULL);
    bool yes = (organ_head(lex, wf) && !title) || (strlen(w) >= 2 && vt_text_is_upper(w));
    free(f);
    free(wf);
    free(w);
    return yes;
}

/* An addressee whose first word restore made a wrong but real word ("Sự
 * Nông nghiệp và Môi trường" for "SY N6ng nghiép ...") names the body of
 * the lexicon whose other words it prints, its head within OCR distance
 * ("Sở Nông nghiệp và Môi trường"); a word heading a body of its own
 * ("Bộ Tài chính", not "Sở Tài chính") stays.  A new string, or NULL. */
static char *organ_head_repaired(const vt_lexicon *lex, const char *entry)
{
    size_t head = strcspn(entry, " ");
    if (!entry[head] || head > 8)
        return NULL;
    char *w = vt_xstrndup(entry, head), *wf = vt_text_fold(w), *f = vt_text_fold(entry);
    size_t wl = strlen(wf), end;
    char *out = NULL;
    if (!organ_head(lex, wf) && !vt_lex_prefix(&lex->organs, f, strlen(f), 0, &end))
        for (size_t i = 0; i < lex->organs.n && !out; i++) {
            const vt_lex_entry *o = &lex->organs.v[i];
            size_t ol = strlen(o->fold), oh = strcspn(o->fold, " ");
            /* The rest, two words at least, as printed; then a word's end. */
            bool rest = o->fold[oh] && strchr(o->fold + oh + 1, ' ') &&
                        strncmp(f + wl, o->fold + oh, ol - oh) == 0 &&
                        (f[wl + ol - oh] == '\0' || !isalnum((unsigned char)f[wl + ol - oh]));
            char *h = rest ? vt_xstrndup(o->fold, oh) : NULL;
            if (h && strcmp(wf, h) != 0 && vt_fuzzy_cost(wf, wl, h) <= 0.5)
                out = vt_xasprintf("%.*s%s", (int)strcspn(o->form, " "), o->form, entry + head);
            free(h);
        }
    free(f);
    free(wf);
    free(w);
    return out;
}

/* Add the addressees of one entry, a person's name the OCR damaged
 * mended (vt_mended_names), a body's head too (organ_head_repaired).  A
 * line of the list behind its dash is one ("- Bộ trưởng; Thủ trưởng cơ
 * quan ngang Bộ"); several on the cue's line (`several`) are parted by
 * semicolons, or by commas where the next names a body ("Bộ Tài chính, Bộ
 * Xây dựng"); a comma inside one ("các tỉnh, thành phố") stays, and where
 * a semicolon parts two of them a comma is always inside one ("Sở Giáo
 * dục, Khoa học và Công nghệ"). */
static void add_addressees(vt_pctx *cx, json_t *list, const char *entry, size_t from, size_t to,
                           bool several)
{
    const char *p = entry;
    const char *semi = strchr(entry, ';');
    bool by_commas = several && !(semi && semi[strspn(semi, "; .")]);
    while (*p) {
        size_t k = 0;
        while (p[k] && !(several && p[k] == ';') &&
               !(by_commas && p[k] == ',' && starts_addressee(cx->lex, p + k + 1)))
            k++;
        char *c = vt_clean_text(p, k), *rc = vt_repair_capitals(cx->lex, c);
        char *v = vt_entry_words_cased(cx->lex, rc);
        free(rc);
        char *mended = vt_mended_names(cx, v);
        if (mended) {
            free(v);
            v = mended;
        }
        char *body = organ_head_repaired(cx->lex, v);
        if (body) {
            free(v);
            v = body;
        }
        if (*v)
            json_array_append_new(list, vt_field(cx, "text", v, NULL, 0.9, from, to));
        free(v);
        free(c);
        p += k + (p[k] != '\0');
    }
}

/* Words of s before `end` (the end of s when NULL). */
static size_t word_count_upto(const char *s, const char *end)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && (!end || s + i < end); i++)
        if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
            n++;
    return n;
}

static size_t word_count(const char *s)
{
    return word_count_upto(s, NULL);
}

/* Does the text begin with the cue of a firm's address or tax code
 * ("Địa chỉ", "Đ/c", "MST", "Mã số thuế")?  `labelled`: only as a label,
 * a colon within its next few words ("Địa chỉ nhận thông báo: ..."). */
static bool address_cue(const char *p, bool labelled)
{
    static const char *const cues[] = {"dia chi", "d/c", "dc:", "mst", "ma so thue"};
    char *head = vt_xstrndup(p, strnlen(p, 48)); /* the cue and the words after it */
    char *f = vt_text_fold(head);
    bool address = false;
    for (size_t k = 0; k < sizeof cues / sizeof *cues && !address; k++)
        address = strncmp(f, cues[k], strlen(cues[k])) == 0;
    if (address && labelled) {
        const char *colon = strchr(f, ':');
        address = colon && word_count_upto(f, colon) <= 5;
    }
    free(f);
    free(head);
    return address;
}

/* The addressee without the address or tax code a letter to a firm
 * puts after its name, in parentheses ("Công ty TNHH A (Địa chỉ: số 5
 * Lê Lợi; MST: 0101)") or as a label ending the entry ("Công ty B Đ/c:
 * Cảng C"); a new string. */
static char *without_address(const char *entry)
{
    char *out = vt_xstrdup(entry);
    for (char *open = strchr(out, '('); open; open = strchr(open + 1, '(')) {
        bool address = address_cue(open + 1 + strspn(open + 1, " "), false);
        char *close = address ? strchr(open, ')') : NULL;
        if (close) {
            size_t keep = (size_t)(open - out);
            while (keep && out[keep - 1] == ' ')
                keep--;
            memmove(out + keep, close + 1, strlen(close + 1) + 1);
            open = out + (keep ? keep - 1 : 0);
        }
    }
    for (char *sp = strchr(out, ' '); sp; sp = strchr(sp + 1, ' '))
        if (sp > out && address_cue(sp + 1, true)) {
            while (sp > out && sp[-1] == ' ')
                sp--;
            *sp = '\0';
            break;
        }
    return out;
}

/* Does a field of the addressee's (an address, a tax code) close on this
 * line, with the mark that ends it or its bracket? */
static bool ends_field(const char *t)
{
    char c = vt_last_char(t);
    return c == ';' || c == '.' || c == ')';
}

/* Openings of a body's first paragraph, capitalised in the middle of the
 * cue's line. */
static const char *const body_openings[] = {"can cu", "thuc hien", "tra loi", "phuc dap",
                                            "tiep nhan", "theo de nghi", "ve van de nay"};

/* Does a body opening begin at fold offset i, as printed or with letters
 * English-model OCR confuses in its later words ("Tra 160i" for Trả lời)?
 * Its words are set against as many words of the text; the first must be
 * whole ("Thuế nhận" is no "Thực hiện"). */
static bool body_opening_at(const vt_pline *pl, size_t i)
{
    for (size_t k = 0; k < sizeof body_openings / sizeof *body_openings; k++) {
        size_t words = 1, e = i, first = strcspn(body_openings[k], " ");
        for (const char *c = body_openings[k]; *c; c++)
            words += *c == ' ';
        if (i + first >= pl->flen || pl->fold[i + first] != ' ' ||
            memcmp(pl->fold + i, body_openings[k], first) != 0)
            continue;
        while (e < pl->flen && words) {
            e++;
            if (e == pl->flen || (pl->fold[e] == ' ' && pl->fold[e - 1] != ' '))
                words--;
        }
        if (!words && vt_fuzzy_cost(pl->fold + i, e - i, body_openings[k]) <= 0.26)
            return true;
    }
    return false;
}

/* A copy that lost its line breaks runs the body on after the addressee
 * ("Kính gửi: Cục Thuế tỉnh A Ngày 04/5/2017, Tổng cục Thuế nhận được công
 * văn ..."): the byte offset in entry where the body begins, strlen(entry)
 * when it does not.  The body begins at a capitalised opening ("Ngày" and a
 * date, "Căn cứ", "Thực hiện", ...) or at the body that writes naming
 * itself before "nhận được" (the nearest capitalised word before the verb
 * that begins a listed body); never at the entry's first word. */
static size_t glued_body(const vt_lexicon *lex, const char *entry)
{
    vt_pline pl;
    vt_pline_init(&pl, entry);
    size_t cut = pl.flen, starts[8] = {0}, ns = 0;
    for (size_t i = 1; i < pl.flen && cut == pl.flen; i++) {
        if (pl.fold[i] == ' ' || pl.fold[i - 1] != ' ')
            continue;
        const char *f = pl.fold + i;
        bool capital = isalpha((unsigned char)*f) && !vt_starts_lower(pl.text + pl.map[i]);
        bool opening = capital && ((strncmp(f, "ngay ", 5) == 0 && isdigit((unsigned char)f[5])) ||
                                   body_opening_at(&pl, i));
        if (opening)
            cut = i;
        else if (strncmp(f, "nhan duoc ", 10) == 0)
            for (size_t k = ns; k-- > 0 && cut == pl.flen;) {
                size_t end;
                if (!vt_starts_lower(pl.text + pl.map[starts[k]]) &&
                    vt_lex_prefix(&lex->organs, pl.fold, pl.flen, starts[k], &end))
                    cut = starts[k];
            }
        if (capital) {
            if (ns == sizeof starts / sizeof *starts) {
                memmove(starts, starts + 1, sizeof starts - sizeof *starts);
                ns--;
            }
            starts[ns++] = i;
        }
    }
    size_t at = pl.map[cut];
    vt_pline_clear(&pl);
    return at;
}

/* A Công điện names its addressees after "THỦ TƯỚNG CHÍNH PHỦ điện:",
 * the sender in capitals: the end of that line, or -1. */
static long telegram_cue(const vt_pline *pl)
{
    size_t n = pl->flen;
    while (n && pl->fold[n - 1] == ' ')
        n--;
    if (n < 6 || pl->fold[n - 1] != ':')
        return -1;
    n--;
    while (n && pl->fold[n - 1] == ' ')
        n--;
    if (n < 5 || strncmp(pl->fold + n - 5, " dien", 5) != 0)
        return -1;
    vt_span sender = {pl, 0, n - 5};
    char *t = vt_span_text(&sender);
    bool caps = *t && vt_text_is_upper(t);
    free(t);
    return caps ? (long)pl->flen : -1;
}

/* Does a line the layout put in the header's right column print what that
 * column holds: the Quốc hiệu and its motto, the place and date, a mark
 * in capitals, specks?  Anything else there under "Kính gửi" is the
 * page's text the layout cut off: an addressee, the end of one, or the
 * body. */
static bool header_right_print(const vt_pline *pl)
{
    return word_count(pl->text) < 2 || vt_text_is_upper(pl->text) || strstr(pl->fold, "cong hoa") ||
           strstr(pl->fold, "doc lap") || strstr(pl->fold, "hanh phuc") ||
           (strstr(pl->fold, "ngay ") && strstr(pl->fold, "thang ") && strstr(pl->fold, "nam "));
}

/* Lines under "Kính gửi" that still name addressees: one per line behind a
 * dash (or what OCR made of it), an entry wrapped onto the next line, an
 * entry whose dash was lost while the list goes on; the body starts at the
 * first line that is none of these. */
void vt_parse_addressees(vt_pctx *cx)
{
    size_t lo = cx->number_line < cx->n ? cx->number_line : 0;
    size_t hi = cx->body_to < lo + 60 ? cx->body_to : lo + 60;
    for (size_t i = lo; i < hi; i++) {
        const vt_pline *pl = &cx->lines[i];
        size_t at = 0;
        while (at < pl->flen && pl->fold[at] == ' ')
            at++;
        long e = vt_fuzzy_prefix(pl->fold, pl->flen, at, "kinh gui", 0.25, NULL);
        if (e < 0)
            e = telegram_cue(pl);
        if (e < 0)
            continue;
        size_t k = (size_t)e;
        while (k < pl->flen && (pl->fold[k] == ' ' || pl->fold[k] == ':' || pl->fold[k] == ';'))
            k++;
        json_t *list = json_array();
        vt_span sp = {pl, k, pl->flen};
        char *cue_line = vt_span_text(&sp);
        char *entry = without_address(cue_line);
        free(cue_line);
        size_t glued = glued_body(cx->lex, entry);
        bool body_on_line = entry[glued] != '\0';
        entry[glued] = '\0';
        size_t from = i, last = i;
        bool listed_entry = false; /* a line of the list, not the cue's */
        size_t in_address = 0;     /* lines an address wrapped onto may still take */
        bool address_open = false; /* a labelled address not closed on its line */
        bool skipped_fragment = false;
        for (size_t j = i + 1; j < hi && j < i + 30 && !body_on_line; j++) {
            const vt_pline *q = &cx->lines[j];
            const char *t = q->text + strspn(q->text, " \t");
            if (q->role == VT_ROLE_HEADER_RIGHT && header_right_print(q))
                continue; /* the other column, read in between */
            if (*t == '(' || in_address) {
                /* An address "(Địa chỉ: ...)", to its closing bracket
                 * within three lines; the body may run on after it. */
                const char *close = strchr(t, ')');
                in_address = close ? 0 : *t == '(' ? 3 : in_address - 1;
                if (close && close[1 + strspn(close + 1, " ")]) {
                    body_on_line = true;
                    break;
                }
                continue;
            }
            if (address_open && *t && !vt_list_mark_len(t) &&
                !body_opening_at(q, strspn(q->fold, " "))) {
                /* The labelled address wrapped onto this line. */
                address_open = !ends_field(t);
                continue;
            }
            address_open = false;
            if (!*t)
                continue; /* OCR's blank lines */
            if (address_cue(t, true)) {
                /* A labelled address "MST: ...", maybe wrapped. */
                address_open = !ends_field(t);
                continue;
            }
            size_t mark = vt_list_mark_len(t);
            if (!*entry && !mark && vt_starts_lower(t) && !skipped_fragment) {
                /* No addressee begins in small letters: a line so under
                 * the lone cue is a piece of the other column, read in
                 * between ("được công văn"). */
                skipped_fragment = true;
                continue;
            }
            if (!*entry && !mark && word_count(t) <= 25) {
                /* The cue alone on its line: the first line under it is
                 * the first addressee, dash or none, maybe with the body
                 * run on after it. */
                free(entry);
                entry = without_address(t);
                glued = glued_body(cx->lex, entry);
                body_on_line = entry[glued] != '\0';
                entry[glued] = '\0';
                from = last = j;
                if (body_on_line)
                    break;
                continue;
            }
            char end = vt_last_char(entry), tend = vt_last_char(t);
            bool open = end && end != ';' && end != '.';
            bool terminated = tend && strchr(";.,", tend);
            size_t el = strlen(entry);
            if (!mark && el >= 2 && end == '-' && entry[el - 2] != ' ') {
                /* A compound name broken at its hyphen ("Cảng Sài Gòn-" /
                 * "SSA"): joined without a space, its address dropped. */
                char *j2 = vt_xasprintf("%s%s", entry, t);
                free(entry);
                entry = without_address(j2);
                free(j2);
                last = j;
                continue;
            }
            glued = open && !mark ? glued_body(cx->lex, t) : 0;
            if (glued && t[glued] && word_count_upto(t, t + glued) <= 3 &&
                !starts_addressee(cx->lex, t)) {
                /* The addressee's last words wrapped onto the body's first
                 * line, which runs on after them ("Thuế tỉnh Ninh" /
                 * "Bình Cục Thuế nhận được ..."); words naming a body of
                 * their own there are the body's writer. */
                char *tail = vt_xstrndup(t, glued);
                char *j2 = vt_xasprintf("%s %s", entry, tail);
                free(tail);
                free(entry);
                entry = vt_clean_text(j2, strlen(j2));
                free(j2);
                last = j;
                body_on_line = true;
                break;
            }
            /* An entry goes on in small letters, or to its closing mark on
             * a short line, or (cut after a comma, as a list of places is)
             * on a line of the list's length; a long entry the column's
             * width broke goes on to its last words alone on a line
             * without a mark ("..., cơ quan thuộc" / "Chính phủ"), for a
             * further addressee on a line of its own closes with one. */
            bool wrapped_tail = !terminated && tend != ':' && word_count(t) <= WRAPPED_TAIL_WORDS &&
                                word_count(entry) >= WRAPPED_ENTRY_WORDS;
            if (!mark && open &&
                (vt_starts_lower(t) || (terminated && word_count(t) <= 6) || wrapped_tail ||
                 (end == ',' && terminated && word_count(t) <= 15))) {
                char *j2 = vt_xasprintf("%s %s", entry, t);
                free(entry);
                entry = j2;
                last = j;
                continue;
            }
            /* An entry closed by a full stop is the list's last: a long
             * item behind a dash after it is the body's first point
             * ("Kính gửi: Thuế tỉnh A." / "- Tại khoản 1 Điều 5 Nghị định
             * số ... quy định:"), not an addressee. */
            bool body_point = mark && end == '.' && word_count(t) > ADDRESSEE_WORDS;
            bool listed = !body_point &&
                          (mark || (*entry && end == ';' && terminated && tend != ',' &&
                                    word_count(t) <= ADDRESSEE_WORDS && !vt_starts_lower(t)));
            if (!listed)
                break;
            add_addressees(cx, list, entry, from, last, !listed_entry);
            free(entry);
            entry = vt_xstrdup(t + mark);
            listed_entry = true;
            from = last = j;
        }
        add_addressees(cx, list, entry, from, last, !listed_entry);
        free(entry);
        if (json_array_size(list)) {
            json_object_set_new(cx->meta, "addressees", list);
            /* The body run on after the addressee is read with the body. */
            if (last + 1 > cx->body_from && !body_on_line)
                cx->body_from = last + 1;
        } else {
            json_decref(list);
        }
        return;
    }
}

/* Marks are stamped in capitals near the number, alone on their part of
 * the line. */
static const struct {
    const char *key, *fold, *form;
} marks[] = {
    {"urgency", "hoa toc hen gio", "Hỏa tốc hẹn giờ"},
    {"urgency", "hoa toc", "Hỏa tốc"},
    {"urgency", "thuong khan", "Thượng khẩn"},
    {"urgency", "khan", "Khẩn"},
    {"secrecy", "tuyet mat", "Tuyệt mật"},
    {"secrecy", "toi mat", "Tối mật"},
    {"secrecy", "mat", "Mật"},
};

/* The mark a run of text in capitals is, or -1. */
static int mark_of(const char *run)
{
    if (!vt_text_is_upper(run))
        return -1;
    char *f = vt_text_fold(run);
    size_t n = strlen(f);
    while (n && !isalpha((unsigned char)f[n - 1]))
        f[--n] = '\0';
    int found = -1;
    for (size_t k = 0; k < sizeof marks / sizeof *marks && found < 0; k++)
        if (strcmp(f + strspn(f, " "), marks[k].fold) == 0)
            found = (int)k;
    free(f);
    return found;
}

bool vt_is_mark(const char *text)
{
    return mark_of(text) >= 0;
}

static void parse_urgency_secrecy(vt_pctx *cx)
{
    size_t hi = cx->header_end + 3 < cx->n ? cx->header_end + 3 : cx->n;
    for (size_t i = 0; i < hi; i++) {
        const vt_pline *pl = &cx->lines[i];
        /* Each word run in capitals on the line is a candidate. */
        const char *p = pl->text;
        while (*p) {
            while (*p == ' ')
                p++;
            const char *q = p;
            while (*q && !(q[0] == ' ' && q[1] == ' '))
                q++;
            char *run = vt_xstrndup(p, (size_t)(q - p));
            int k = mark_of(run);
            if (k >= 0 && !json_object_get(cx->meta, marks[k].key))
                json_object_set_new(cx->meta, marks[k].key,
                                    vt_field(cx, "value", marks[k].form, run, 0.85, i, i));
            free(run);
            p = q;
        }
    }
}

static const char phone_pattern[] =
    "(?<![\\d.])((?:\\+84|0)\\d{2,3}[ .]?\\d{3}[ .]?\\d{3,4})(?![\\d])";
static const char person_pattern[] =
    "(?:đ/c|Đ/c|đồng chí|Đồng chí|ông|Ông|bà|Bà)\\s*:?\\s*"
    "(\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4})";
static const char email_pattern[] = "[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+";

static void parse_contacts(vt_pctx *cx)
{
    vt_rx ph = {0}, pe = {0}, em = {0};
    if (!vt_rx_init(&ph, phone_pattern, true) || !vt_rx_init(&pe, person_pattern, true) ||
        !vt_rx_init(&em, email_pattern, true)) {
        vt_rx_clear(&ph);
        vt_rx_clear(&pe);
        vt_rx_clear(&em);
        return;
    }
    json_t *list = json_array();
    for (size_t i = cx->body_from; i < cx->body_to; i++) {
        const vt_pline *pl = &cx->lines[i];
        bool phone = vt_rx_find(&ph, pl->text, pl->len, 0);
        bool mail = vt_rx_find(&em, pl->text, pl->len, 0);
        if (!phone && !mail)
            continue;
        json_t *c = json_object();
        if (phone) {
            char *num = vt_xstrndup(pl->text + vt_rx_start(&ph, 1),
                                    (size_t)(vt_rx_end(&ph, 1) - vt_rx_start(&ph, 1)));
            size_t o = 0;
            for (size_t k = 0; num[k]; k++)
                if (isdigit((unsigned char)num[k]) || num[k] == '+')
                    num[o++] = num[k];
            num[o] = '\0';
            json_object_set_new(c, "phone", json_string(num));
            free(num);
        }
        if (mail)
            json_object_set_new(c, "email", json_stringn(pl->text + vt_rx_start(&em, 0),
                                                         (size_t)(vt_rx_end(&em, 0) - vt_rx_start(&em, 0))));
        /* The person named on the same line or the line before. */
        for (size_t j = i; j + 2 > i && j >= cx->body_from; j--) {
            const vt_pline *q = &cx->lines[j];
            if (vt_rx_find(&pe, q->text, q->len, 0)) {
                json_object_set_new(c, "name", json_stringn(q->text + vt_rx_start(&pe, 1),
                                                            (size_t)(vt_rx_end(&pe, 1) - vt_rx_start(&pe, 1))));
                break;
            }
            if (j == 0)
                break;
        }
        json_object_set_new(c, "text", json_string(pl->text));
        json_object_set_new(c, "confidence", json_real(0.8));
        json_object_set_new(c, "evidence", vt_evidence(cx, i, i));
        json_array_append_new(list, c);
    }
    if (json_array_size(list))
        json_object_set_new(cx->meta, "contacts", list);
    else
        json_decref(list);
    vt_rx_clear(&ph);
    vt_rx_clear(&pe);
    vt_rx_clear(&em);
}

void vt_parse_marks(vt_pctx *cx)
{
    parse_urgency_secrecy(cx);
    parse_contacts(cx);
}
