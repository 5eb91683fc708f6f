/* decode.c — restore a paragraph: the restorer and the document mode,
 * the lattice of a line (a position per piece of its words: a slot with
 * candidates, or a fixed token), the choice made on it, and the words
 * that change with their confidence and alternatives.  The parts are
 * described in decode.h. */
#include <string.h>

#include "decode.h"

#define VIE_MIN_POSTERIOR 0.95 /* to change a word in text with its marks */

vt_restorer *vt_restorer_new(const vt_restore_model *m, vt_restore_style style,
                             double review_below)
{
    vt_text_init();
    vt_restorer *r = vt_xcalloc(1, sizeof *r);
    r->search.inv = vt_invert_new();
    r->m = m;
    r->style_opt = style;
    r->review_below = review_below;
    r->chan = VT_CHAN_VIE;
    r->style = style == VT_RESTORE_STYLE_REFORMED ? VT_STYLE_REFORMED
                                                  : VT_STYLE_TRADITIONAL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
    vt_compose_init(r);
    return r;
}

void vt_restorer_free(vt_restorer *r)
{
    if (!r)
        return;
    free(r->pos);
    free(r->pieces);
    free(r->pstart);
    free(r->wpos);
    vt_strtab_free(&r->composed.keys);
    free(r->composed.made);
    vt_buf_free(&r->composed.text);
    vt_strtab_free(&r->signs.words);
    free(r->signs.of);
    vt_strtab_free(&r->forms.words);
    free(r->forms.entries);
    free(r->forms.pieces);
    vt_slots_free(&r->slots);
    vt_invert_free(r->search.inv);
    vt_beam_free(&r->beam);
    vt_recall_free(&r->recall);
    free(r);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* What a word tells of the document's mode and style: its slots with
 * letters, with marks, with letters and other signs mixed (OCR damage),
 * and its votes for each tone style. */
struct vt_word_signs {
    uint8_t slots, marked, junk, trad, reformed;
};

static struct vt_word_signs word_signs(const vt_restorer *r, const char *word, size_t len)
{
    struct vt_word_signs g = {0};
    vt_piece pc[VT_MAX_PIECES];
    size_t np = vt_word_pieces(word, len, pc, VT_MAX_PIECES);
    for (size_t k = 0; k < np; k++) {
        if (pc[k].kind != VT_PIECE_SLOT)
            continue;
        const char *w = word + pc[k].off;
        bool letters = false, mark = false, other = false;
        for (size_t j = 0; j < pc[k].len;) {
            uint32_t c;
            j += (size_t)vt_utf8_dec(w + j, pc[k].len - j, &c);
            if (vt_cp_is_alpha(c)) {
                letters = true;
                mark = mark || vt_cp_skeleton(c) != c;
            } else {
                other = true;
            }
        }
        g.slots += letters;
        g.marked += mark;
        /* Letters turned into digits or signs are OCR's damage, but not a
         * numbered code's digits (QH15), nor a number's unit or variant
         * (220kV, 5G, 42mm, 3b): English-model OCR misreads letters inside
         * a word, and these open with the page's number.  Counted, the
         * dozens of them in a technical letter made it English-model OCR,
         * where a digit may be a letter (5G read as Số). */
        g.junk += letters && other && !vt_compose_numbered_code(w, pc[k].len) &&
                  !(*w >= '0' && *w <= '9');
        /* A vote for a style: a syllable some training text used, with
         * its mark where only one of the styles puts it (not a misread
         * word: moé for mới). */
        char f[128], canon[128];
        int st = mark && pc[k].len < 32 && vt_text_lower(w, pc[k].len, f, sizeof f)
                     ? vt_syllable_style(f)
                     : 0;
        uint32_t id = st && vt_syllable_canon(f, VT_STYLE_TRADITIONAL, canon, sizeof canon)
                          ? vt_model_id(r->m, canon, strlen(canon))
                          : VT_TOK_UNK;
        if (id != VT_TOK_UNK && r->m->uni_p[id] > r->m->syllable_least) {
            g.trad += st == 1;
            g.reformed += st == 2;
        }
    }
    return g;
}

void vt_restorer_begin(vt_restorer *r, const char *text, size_t len)
{
    size_t slots = 0, marked = 0, trad = 0, reformed = 0, junk = 0;
    /* Documents repeat their words: each written form is read once. */
    vt_strtab_clear(&r->signs.words);
    for (size_t i = 0; i < len;) {
        while (i < len && is_space(text[i]))
            i++;
        size_t s = i;
        while (i < len && !is_space(text[i]))
            i++;
        if (i == s)
            continue;
        bool added;
        uint32_t at = vt_strtab_number(&r->signs.words, text + s, i - s, &added);
        if (added) {
            vt_grow((void **)&r->signs.of, &r->signs.cap_of, at + 1, sizeof *r->signs.of);
            r->signs.of[at] = word_signs(r, text + s, i - s);
        }
        const struct vt_word_signs *g = &r->signs.of[at];
        slots += g->slots;
        marked += g->marked;
        junk += g->junk;
        trad += g->trad;
        reformed += g->reformed;
    }
    /* Text that keeps its marks on most syllables is correct or read by a
     * Vietnamese OCR model; text without them lost them. */
    r->chan = slots && marked * 10 >= slots * 3 ? VT_CHAN_VIE : VT_CHAN_ENG;
    /* No mark anywhere and no letter turned into a digit or symbol: the
     * marks were stripped, not misread.  Then a word keeps its letters. */
    r->stripped = r->chan == VT_CHAN_ENG && marked * 500 <= slots && junk * 100 <= slots;
    if (r->style_opt == VT_RESTORE_STYLE_AUTO)
        r->style = reformed > trad ? VT_STYLE_REFORMED : VT_STYLE_TRADITIONAL;
    r->ctx[0] = r->ctx[1] = VT_TOK_BOS;
}

/* A written form's pieces (from `first` in forms.pieces) and code slots. */
struct vt_form_entry {
    uint32_t first, np;
    unsigned codes;
};

#define FORMS_MAX (1u << 16) /* forms remembered; then start afresh */

/* The pieces of `word` into pc (VT_MAX_PIECES room) and which of its
 * slots are code parts (vt_compose_code_slots) into *codes; returns how
 * many pieces.  Read once per written form and document mode. */
static size_t word_pieces(vt_restorer *r, const char *const *words, size_t w, vt_piece *pc,
                          unsigned *codes)
{
    vt_forms *f = &r->forms;
    const char *word = words[w];
    size_t len = strlen(word);
    int mode = r->chan * 2 + r->stripped;
    *codes = 0;
    if (len == 0)
        return 0;
    if (f->mode != mode || f->words.n >= FORMS_MAX) {
        vt_strtab_clear(&f->words);
        f->n_pieces = 0;
        f->mode = mode;
    }
    /* A word ending with a lone closing quote is a form of its own: its
     * pieces differ (vt_compose_lone_quote).  The key adds a byte no
     * word has. */
    bool lone = vt_compose_lone_quote(words, w);
    char key[256];
    const char *k = word;
    if (lone && len + 1 < sizeof key) {
        memcpy(key, word, len);
        key[len++] = '\x01';
        k = key;
    }
    bool added;
    uint32_t at = vt_strtab_number(&f->words, k, len, &added);
    if (added) {
        size_t np = vt_compose_pieces(r, word, pc, k == key);
        vt_grow((void **)&f->entries, &f->cap_entries, at + 1, sizeof *f->entries);
        f->entries[at] = (struct vt_form_entry){(uint32_t)f->n_pieces, (uint32_t)np,
                                                vt_compose_code_slots(word, pc, np)};
        vt_grow((void **)&f->pieces, &f->cap_pieces, f->n_pieces + np, sizeof *f->pieces);
        memcpy(f->pieces + f->n_pieces, pc, np * sizeof *pc);
        f->n_pieces += np;
    } else {
        memcpy(pc, f->pieces + f->entries[at].first, f->entries[at].np * sizeof *pc);
    }
    *codes = f->entries[at].codes;
    return f->entries[at].np;
}

/* The lattice of a line: its words' pieces, a position per piece (a slot
 * with its candidates, or a fixed token). */
static void build_lattice(vt_restorer *r, const char *const *words, size_t n)
{
    const vt_restore_model *m = r->m;
    r->n_pos = 0;
    vt_grow((void **)&r->pstart, &r->cap_pstart, n + 1, sizeof *r->pstart);
    vt_grow((void **)&r->wpos, &r->cap_wpos, n + 1, sizeof *r->wpos);
    r->pstart[0] = 0;
    /* Stripped text lost only its marks, so its capitals are the page's:
     * a word in capitals among words in small letters is an abbreviation
     * (vt_compose_lone_caps), read as a code.  English-model OCR reads a
     * small marked vowel as a capital (BO Giao duc), and there it may be
     * a syllable. */
    bool lone_codes = r->stripped && !vt_heading_line(words, n);
    for (size_t w = 0; w < n; w++) {
        vt_grow((void **)&r->pieces, &r->cap_pieces, r->pstart[w] + VT_MAX_PIECES,
                sizeof *r->pieces);
        vt_piece *pc = r->pieces + r->pstart[w];
        unsigned codes;
        size_t np = word_pieces(r, words, w, pc, &codes);
        if (lone_codes && vt_compose_lone_caps(words, n, w))
            codes = ~0u;
        r->pstart[w + 1] = r->pstart[w] + np;
        r->wpos[w] = r->n_pos;
        for (size_t k = 0; k < np; k++) {
            if (pc[k].kind == VT_PIECE_PUNCT && !pc[k].tok)
                continue;
            vt_grow((void **)&r->pos, &r->cap_pos, r->n_pos + 1, sizeof *r->pos);
            vt_pos *p = &r->pos[r->n_pos++];
            memset(p, 0, sizeof *p);
            p->word = (uint32_t)w;
            p->piece = (uint8_t)k;
            char shape[256];
            size_t slen = pc[k].kind == VT_PIECE_SLOT && r->chan == VT_CHAN_ENG && !r->stripped
                              ? vt_compose_ocr_shape(words[w] + pc[k].off, pc[k].len, shape,
                                                     sizeof shape)
                              : 0;
            if (pc[k].kind == VT_PIECE_SLOT)
                vt_slots_add(r, p, slen ? shape : words[w] + pc[k].off, slen ? slen : pc[k].len,
                             k < 32 && (codes >> k & 1) ? VT_SLOT_CODE : VT_SLOT_WORD);
            else if (pc[k].kind == VT_PIECE_NUM && vt_compose_digits_word(r, words, n, w, pc, np))
                vt_slots_add(r, p, words[w] + pc[k].off, pc[k].len, VT_SLOT_DIGITS);
            else if (pc[k].kind == VT_PIECE_NUM)
                vt_slots_add_fixed(r, p, VT_TOK_NUM);
            else
                vt_slots_add_fixed(r, p, vt_model_id(m, pc[k].tok, strlen(pc[k].tok)));
        }
    }
    r->wpos[n] = r->n_pos;
}

vt_results vt_results_from(vt_results o, size_t w)
{
    return o.detail ? (vt_results){o.detail + w, NULL} : (vt_results){NULL, o.text + w};
}

static void results_zero(vt_results o, size_t n)
{
    if (n && o.detail)
        memset(o.detail, 0, n * sizeof *o.detail);
    else if (n)
        memset(o.text, 0, n * sizeof *o.text);
}

void vt_result_clear(vt_results o, size_t w)
{
    if (o.detail) {
        vt_restored_word_clear(&o.detail[w]);
    } else {
        free(o.text[w]);
        o.text[w] = NULL;
    }
}

void vt_result_move(vt_results to, size_t v, vt_results from, size_t w)
{
    vt_result_clear(to, v);
    if (to.detail) {
        to.detail[v] = from.detail[w];
        memset(&from.detail[w], 0, sizeof from.detail[w]);
    } else {
        to.text[v] = from.text[w];
        from.text[w] = NULL;
    }
}

static bool lone_capital(const char *s)
{
    uint32_t c;
    size_t len = strlen(s);
    return len > 0 && (size_t)vt_utf8_dec(s, len, &c) == len && vt_cp_is_upper(c);
}

/* A letter-spaced heading (C Ộ N G  H Ò A) is read a capital a word: each
 * is a letter, not a syllable to repair (Ỉ is no slip for Ì).  A word in
 * a run of LETTER_RUN lone capitals stays as written. */
#define LETTER_RUN 3
static bool in_letter_run(const char *const *words, size_t n, size_t w)
{
    if (!lone_capital(words[w]))
        return false;
    size_t a = w, b = w + 1;
    while (a > 0 && b - a < LETTER_RUN && lone_capital(words[a - 1]))
        a--;
    while (b < n && b - a < LETTER_RUN && lone_capital(words[b]))
        b++;
    return b - a >= LETTER_RUN;
}

/* The one slot of word w when it is in title case (Hong, Hong;), or
 * SIZE_MAX. */
static size_t title_slot(const vt_restorer *r, const char *const *words, size_t w)
{
    size_t at = SIZE_MAX;
    for (size_t i = r->wpos[w]; i < r->wpos[w + 1]; i++) {
        if (!r->pos[i].slot)
            continue;
        if (at != SIZE_MAX)
            return SIZE_MAX;
        at = i;
    }
    if (at == SIZE_MAX)
        return at;
    const vt_piece *pc = &r->pieces[r->pstart[w] + r->pos[at].piece];
    return vt_case_of(words[w] + pc->off, pc->len) == VT_CASE_TITLE ? at : SIZE_MAX;
}

/* A foreign name in stripped text: a word in title case that no syllable
 * spells with any marks (Rae, Kwon: its slot holds only the word as
 * written) is foreign, and a word in title case beside it with no other
 * such word on its other side (in its item: vt_compose_item_end) is of
 * the same name (Tung Rae, Kwon Minh):
 * it keeps its letters rather than the marks of the syllable the model
 * likes there (Từng Rae).  Two words in title case after a foreign one
 * (Kwon Hai Duong) are a Vietnamese name, a place, beside it. */
static void keep_foreign_names(vt_restorer *r, const char *const *words, size_t n)
{
    for (size_t w = 0; w < n; w++) {
        size_t at = title_slot(r, words, w);
        if (at == SIZE_MAX || r->pos[at].keep < 0 ||
            r->slots.cands[r->pos[at].first].id == VT_TOK_UNK)
            continue;
        bool foreign[2], title[2];
        for (int side = 0; side < 2; side++) {
            size_t v = side ? w + 1 : w - 1;
            size_t vs = (side ? v < n && !vt_compose_item_end(words[w])
                              : w > 0 && !vt_compose_item_end(words[v]))
                            ? title_slot(r, words, v)
                            : SIZE_MAX;
            title[side] = vs != SIZE_MAX;
            foreign[side] = title[side] && r->pos[vs].n == 1 &&
                            r->slots.cands[r->pos[vs].first].id == VT_TOK_UNK;
        }
        if ((foreign[0] && !title[1]) || (foreign[1] && !title[0])) {
            vt_pos *p = &r->pos[at];
            p->first += (uint32_t)p->keep;
            p->n = 1;
            p->keep = 0;
        }
    }
}

/* A word vt_compose_word made: its text in composed.text, or none when
 * it stayed as written. */
struct vt_made_word {
    uint32_t off, len;
    bool changed;
};

/* vt_compose_word of the chosen candidates of word w (positions [first,
 * end), pieces pc, context ctx), made once per written form, context
 * and choices (the key: the word, a NUL, the context, and per position
 * the token chosen, its top bit set when it is the word as written, or
 * all bits for a fixed token).  NULL when the word stays as written. */
static char *composed_word(vt_restorer *r, const char *word, size_t first, size_t end,
                           const vt_piece *pc, unsigned ctx)
{
    vt_composed *cw = &r->composed;
    int mode = (r->chan * 2 + r->stripped) * 2 + r->style;
    size_t wlen = strlen(word);
    char key[256];
    size_t klen = wlen + 2 + 4 * (end - first);
    bool changed;
    if (klen > sizeof key) {
        char *text = vt_compose_word(r, word, first, end, SIZE_MAX, 0, pc, ctx, &changed);
        if (!changed) {
            free(text);
            return NULL;
        }
        return text;
    }
    if (cw->mode != mode || cw->keys.n >= FORMS_MAX) {
        vt_strtab_clear(&cw->keys);
        cw->text.len = 0;
        cw->mode = mode;
    }
    memcpy(key, word, wlen);
    key[wlen] = 0;
    key[wlen + 1] = (char)ctx;
    for (size_t i = first; i < end; i++) {
        const vt_pos *p = &r->pos[i];
        uint32_t id = !p->slot ? UINT32_MAX
                               : vt_chosen_id(r, i) | (uint32_t)((int)p->chosen == p->keep) << 31;
        memcpy(key + wlen + 2 + 4 * (i - first), &id, 4);
    }
    bool added;
    uint32_t at = vt_strtab_number(&cw->keys, key, klen, &added);
    if (added) {
        char *text = vt_compose_word(r, word, first, end, SIZE_MAX, 0, pc, ctx, &changed);
        vt_grow((void **)&cw->made, &cw->cap_made, at + 1, sizeof *cw->made);
        cw->made[at] = (struct vt_made_word){(uint32_t)cw->text.len,
                                             changed ? (uint32_t)strlen(text) : 0, changed};
        if (!changed) {
            free(text);
            return NULL;
        }
        vt_buf_add(&cw->text, text, cw->made[at].len);
        return text;
    }
    const struct vt_made_word *mw = &cw->made[at];
    if (!mw->changed)
        return NULL;
    char *text = vt_xmalloc(mw->len + 1);
    memcpy(text, cw->text.data + mw->off, mw->len);
    text[mw->len] = 0;
    return text;
}

void vt_decode_lattice(vt_restorer *r, const char *const *words, size_t n, vt_results out,
                       bool final)
{
    const vt_restore_model *m = r->m;
    results_zero(out, n);
    r->recall.redone = r->recall.on && vt_recall_open(r);
    if (r->recall.on && !r->recall.redone)
        return;
    if (r->stripped)
        keep_foreign_names(r, words, n);
    vt_beam_search(r, final);
    const size_t *wpos = r->wpos;
    double post[VT_MAX_CANDS + 1];
    /* Text that kept its marks is mostly right: change a word only when
     * the evidence is strong, else leave it as written. */
    for (size_t i = 0; r->chan == VT_CHAN_VIE && i < r->n_pos; i++) {
        vt_pos *p = &r->pos[i];
        if (!p->slot || p->keep < 0 || (int)p->chosen == p->keep)
            continue;
        vt_beam_posterior(r, i, final, post);
        if (post[p->chosen] < VIE_MIN_POSTERIOR)
            p->chosen = (uint8_t)p->keep;
    }
    for (size_t w = 0; w < n; w++) {
        vt_piece again[VT_MAX_PIECES];
        const vt_piece *pc = again;
        if (!r->recall.on)
            pc = r->pieces + r->pstart[w];
        else if (!vt_recall_word_open(r, wpos[w], wpos[w + 1]))
            continue; /* the first pass's reading stands */
        else
            word_pieces(r, words, w, again, &(unsigned){0}); /* the second pass keeps none */
        if (!vt_compose_may_change(r, wpos[w], wpos[w + 1], pc) || in_letter_run(words, n, w))
            continue;
        unsigned ctx = vt_compose_context(words, n, w);
        char *text = composed_word(r, words[w], wpos[w], wpos[w + 1], pc, ctx);
        if (!text)
            continue;
        if (!out.detail) {
            out.text[w] = text;
            continue;
        }
        out.detail[w].text = text;
        /* Confidence: the product of the changed slots' posteriors; the
         * alternatives vary the least sure of them. */
        double conf = 1, worst = 2;
        size_t wi = SIZE_MAX;
        double wpost[VT_MAX_CANDS + 1];
        bool code = false;
        for (size_t i = wpos[w]; i < wpos[w + 1]; i++) {
            const vt_pos *p = &r->pos[i];
            if (!p->slot || p->n < 1 || (int)p->chosen == p->keep)
                continue;
            vt_beam_posterior(r, i, final, post);
            conf *= post[p->chosen];
            if (post[p->chosen] < worst) {
                worst = post[p->chosen];
                wi = i;
                memcpy(wpost, post, p->n * sizeof *post);
            }
            code = code || !(m->vocab_flags[vt_chosen_id(r, i)] & VT_VOC_SYLLABLE);
        }
        out.detail[w].confidence = conf;
        out.detail[w].review = conf < r->review_below;
        out.detail[w].source = code ? "code" : "lm";
        if (wi != SIZE_MAX) {
            const vt_pos *p = &r->pos[wi];
            /* n-best: chosen first, then by posterior. */
            uint32_t order[VT_MAX_CANDS + 1];
            for (uint32_t k = 0; k < p->n; k++)
                order[k] = k;
            for (uint32_t a = 0; a < p->n; a++)
                for (uint32_t b = a + 1; b < p->n; b++)
                    if (wpost[order[b]] > wpost[order[a]]) {
                        uint32_t t = order[a];
                        order[a] = order[b];
                        order[b] = t;
                    }
            for (uint32_t a = 0; a < p->n && out.detail[w].n_alts < VT_MAX_ALTERNATIVES; a++) {
                bool ch;
                char *alt = vt_compose_word(r, words[w], wpos[w], wpos[w + 1], wi, order[a],
                                            pc, ctx, &ch);
                out.detail[w].alts[out.detail[w].n_alts++] =
                    (vt_alternative){alt, wpost[order[a]] * conf / worst};
            }
        }
    }
    /* Context for the next line when this one runs on. */
    if (n == 0) {
        r->ctx[0] = r->ctx[1] = VT_TOK_BOS; /* a blank line ends a paragraph */
    } else if (r->n_pos) {
        r->ctx[0] = final            ? VT_TOK_BOS
                    : r->n_pos >= 2 ? vt_chosen_id(r, r->n_pos - 2)
                                    : r->ctx[1];
        r->ctx[1] = final ? VT_TOK_BOS : vt_chosen_id(r, r->n_pos - 1);
    }
}

bool vt_decode_ends_sentence(const vt_restorer *r)
{
    if (r->n_pos == 0)
        return true;
    const vt_pos *p = &r->pos[r->n_pos - 1];
    const vt_piece *q = &r->pieces[r->pstart[p->word] + p->piece];
    return q->kind == VT_PIECE_PUNCT && vt_compose_punct_final(q->tok);
}

void vt_decode_line(vt_restorer *r, const char *const *words, size_t n, vt_results out,
                    bool ends)
{
    build_lattice(r, words, n);
    vt_decode_lattice(r, words, n, out, ends || vt_decode_ends_sentence(r));
}

void vt_restorer_line(vt_restorer *r, const char *const *words, size_t n,
                      vt_restored_word *out)
{
    vt_slots_trim(r);
    vt_decode_line(r, words, n, (vt_results){out, NULL}, false);
}

char *vt_restore_string(vt_restorer *r, const char *text, size_t len)
{
    vt_restorer_begin(r, text, len);
    size_t n = 0, cap = 0;
    size_t *start = NULL, *wlen = NULL;
    /* Every word's place, and where paragraphs end (before a blank line). */
    bool *para_end = NULL, *heading_on = NULL;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t first = n;
        for (size_t j = i; j < e;) {
            while (j < e && is_space(text[j]))
                j++;
            size_t s0 = j;
            while (j < e && !is_space(text[j]))
                j++;
            if (j == s0)
                break;
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                start = vt_xrealloc(start, cap * sizeof *start);
                wlen = vt_xrealloc(wlen, cap * sizeof *wlen);
                para_end = vt_xrealloc(para_end, cap * sizeof *para_end);
                heading_on = vt_xrealloc(heading_on, cap * sizeof *heading_on);
            }
            start[n] = s0;
            wlen[n] = j - s0;
            para_end[n] = heading_on[n] = false;
            n++;
        }
        if (n == first && n > 0)
            para_end[n - 1] = true; /* a blank line */
        i = e + 1;
    }
    if (n > 0)
        para_end[n - 1] = true;
    /* The words, ended in place in one copy of the text: a word is
     * always followed by a space, a line end or the end of the text. */
    char *copy = n ? vt_xmalloc(len + 1) : NULL;
    char **words = n ? vt_xcalloc(n, sizeof *words) : NULL;
    char **res = n ? vt_xcalloc(n, sizeof *res) : NULL;
    if (n)
        memcpy(copy, text, len);
    for (size_t k = 0; k < n; k++) {
        words[k] = copy + start[k];
        words[k][wlen[k]] = 0;
    }
    /* Lines: up to a gap between words with a line break in it. */
    bool heading_before = false, ended = true;
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && !memchr(text + start[b - 1] + wlen[b - 1], '\n',
                                         start[b] - start[b - 1] - wlen[b - 1]);
             b++)
            ;
        bool heading = vt_heading_line((const char *const *)words + a, b - a);
        bool own = heading || vt_name_line((const char *const *)words + a, b - a);
        if (own && a > 0) {
            heading_on[a - 1] = heading && heading_before && !ended;
            para_end[a - 1] = true;
        }
        ended = para_end[b - 1]; /* a blank line below */
        para_end[b - 1] |= own;
        heading_before = heading;
    }
    vt_recall_decode_doc(r, (const char *const *)words, para_end, heading_on, n,
                         (vt_results){NULL, res});
    vt_buf out = {0};
    size_t at = 0;
    for (size_t k = 0; k < n; k++) {
        const char *t = res[k] ? res[k] : words[k];
        vt_buf_add(&out, text + at, start[k] - at);
        vt_buf_add(&out, t, strlen(t));
        at = start[k] + wlen[k];
    }
    vt_buf_add(&out, text + at, len - at);
    for (size_t k = 0; res && k < n; k++)
        free(res[k]);
    free(copy);
    free(words);
    free(res);
    free(start);
    free(wlen);
    free(para_end);
    free(heading_on);
    return out.data;
}
