/* test_restore.c — unit tests of the restore stage's pieces: heading
 * lines, the channel loader and its renderings, the model file (round
 * trip, reproducible bytes, corrupt files), candidate search and decoding
 * on a small model built from the test's own corpus (tests/restore/data),
 * including codes and do-no-harm.  Letters and words: tests/text.
 *
 * usage: test-restore SOURCE_ROOT */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/check.h"
#include "train.h"

static void test_headings(void)
{
    const char *signer[] = {"KT.", "BO", "TRUONG"}, *damaged[] = {"T6", "CHUC", "THU’C"},
               *recipient[] = {"-", "BO", "Giao", "duc"}, *dash[] = {"-"}, *bo_y_te[] = {"BO", "Y", "té"};
    CHECK_MSG(vt_heading_line(signer, 3) && vt_heading_line(damaged, 3) &&
              !vt_heading_line(recipient, 4) && !vt_heading_line(dash, 1) &&
              !vt_heading_line(bo_y_te, 3),
          "heading lines");
}

static void test_channel(const char *data)
{
    vt_channel ch = {0};
    vt_error err = {0};
    char path[4096];
    snprintf(path, sizeof path, "%s/dict/channel/eng-chars.tsv", data);
    CHECK_MSG(vt_channel_load_chars(&ch, path, &err) == VT_OK, "load: %s", err.message);
    snprintf(path, sizeof path, "%s/dict/channel/eng-words.tsv", data);
    CHECK_MSG(vt_channel_load_words(&ch, path, &err) == VT_OK, "load words: %s", err.message);
    CHECK_MSG(ch.n_rules == 14 && ch.n_words == 2, "rules %zu words %zu", ch.n_rules, ch.n_words);
    snprintf(path, sizeof path, "%s/no-such.tsv", data);
    CHECK_MSG(vt_channel_load_chars(&ch, path, &err) == VT_OK, "a missing file is no error");
    vt_channel_add_generic(&ch, false);
    vt_channel_finish(&ch);
    vt_render r[64];
    size_t n = vt_channel_render(&ch, "số", r, 64, 12);
    bool so = false, s6 = false;
    for (size_t i = 0; i < n; i++) {
        so = so || strcmp(r[i].text, "so") == 0;
        s6 = s6 || strcmp(r[i].text, "s6") == 0;
        CHECK_MSG(i == 0 || r[i].cost >= r[i - 1].cost, "renderings out of order");
    }
    CHECK_MSG(so && s6, "số renders as so and s6 (%zu renderings)", n);
    n = vt_channel_render(&ch, "của", r, 64, 12);
    bool ctia = false;
    for (size_t i = 0; i < n; i++)
        ctia = ctia || strcmp(r[i].text, "ctia") == 0;
    CHECK_MSG(ctia, "whole-word observation của -> ctia is a rendering");
    vt_channel_free(&ch);

    /* Occurrences from a context file are the denominators: ố seen 1000
     * times, 30 of them read as o, gives P(o | ố) = 0.03. */
    snprintf(path, sizeof path, "/tmp/vt-test-restore-ctx-%d.tsv", (int)getpid());
    FILE *cf = fopen(path, "w");
    fputs("<eps>\t5000\nố\t600\nỐ\t400\n", cf);
    fclose(cf);
    vt_channel cc = {0};
    char chars[4096];
    snprintf(chars, sizeof chars, "%s/dict/channel/eng-chars.tsv", data);
    CHECK_MSG(vt_channel_load_chars(&cc, chars, &err) == VT_OK &&
              vt_channel_load_context(&cc, path, &err) == VT_OK,
          "load context: %s", err.message);
    unlink(path);
    vt_channel_finish(&cc);
    bool seen = false;
    for (size_t i = 0; i < cc.n_rules; i++)
        if (strcmp(cc.rules[i].truth, "ố") == 0 && strcmp(cc.rules[i].ocr, "o") == 0) {
            seen = true;
            CHECK_MSG(fabs(cc.rules[i].cost - -log(0.03)) < 1e-4, "P(o | ố) from occurrences: %f",
                  exp(-cc.rules[i].cost));
        }
    CHECK_MSG(seen, "rule ố -> o");
    vt_channel_free(&cc);

    FILE *f = tmpfile();
    CHECK_MSG(f != NULL, "tmpfile");
    vt_channel bad = {0};
    snprintf(path, sizeof path, "/tmp/vt-test-restore-%d.tsv", (int)getpid());
    f = fopen(path, "w");
    fputs("a\tb\n", f);
    fclose(f);
    CHECK_MSG(vt_channel_load_chars(&bad, path, &err) == VT_EINPUT &&
              strstr(err.message, path) && strstr(err.message, ":1:"),
          "a malformed line is an error naming file and line: %s", err.message);
    vt_channel_free(&bad);
    unlink(path);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    *len = fread(b, 1, (size_t)n, f);
    fclose(f);
    return b;
}

/* Build the test model in dir from the test corpus and the project's
 * phonotactics. */
static void make_dict(const char *src, const char *data, const char *dir)
{
    char a[8192], b[8192];
    const char *parts[] = {"corpus", "lexicon", "channel"};
    mkdir(dir, 0700);
    for (int i = 0; i < 3; i++) {
        snprintf(a, sizeof a, "%s/dict/%s", data, parts[i]);
        snprintf(b, sizeof b, "%s/%s", dir, parts[i]);
        symlink(a, b);
    }
    snprintf(a, sizeof a, "%s/dict/syllables", src);
    snprintf(b, sizeof b, "%s/syllables", dir);
    symlink(a, b);
}

/* A model file of the n bytes at b, for the loader to judge. */
static void write_bytes(const char *path, const char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(b, 1, n, f) == n;
    ok = f && fclose(f) == 0 && ok;
    CHECK_MSG(ok, "write %s", path);
}

static char *restore(vt_restorer *r, const char *text)
{
    return vt_restore_string(r, text, strlen(text));
}

static void check_restore(vt_restorer *r, const char *in, const char *want)
{
    char *got = restore(r, in);
    CHECK_MSG(got && strcmp(got, want) == 0, "restore(%s)\n   got  %s\n   want %s", in,
          got ? got : "(null)", want);
    free(got);
}

/* Counts of real text (dict/counts/) join the vocabulary and the
 * trigrams, but a token OCR made of a syllable by reading its l as I
 * (iập, where lập is 20 times as common) does not; a loan word that
 * looks so (iốt) and a numeral (ii) stay.  A malformed line is an input
 * error naming the line. */
/* A model trained on the test's dictionary (made in tmp/NAME.dict) and
 * the counts `lines` (written to tmp/NAME.txt), opened; NULL on failure,
 * which is reported. */
static vt_restore_model *counted_model(const char *src, const char *data, const char *tmp,
                                       const char *name, const char *lines)
{
    char dict[2048], counts[2048], model[2048];
    snprintf(dict, sizeof dict, "%s/%s.dict", tmp, name);
    snprintf(counts, sizeof counts, "%s/%s.txt", tmp, name);
    snprintf(model, sizeof model, "%s/%s.model", tmp, name);
    make_dict(src, data, dict);
    FILE *f = fopen(counts, "w");
    CHECK_MSG(f != NULL, "write %s", counts);
    if (!f)
        return NULL;
    fputs(lines, f);
    fclose(f);
    vt_error err = {0};
    vt_train_options o = {.dict_dir = dict, .corpus_weight = 1, .output = model,
                          .counts = counts};
    CHECK_MSG(vt_restore_train(&o, &err) == VT_OK, "train with counts: %s", err.message);
    vt_restore_model *m = vt_restore_model_open(model, &err);
    CHECK_MSG(m != NULL, "open: %s", err.message);
    return m;
}

static void test_counts(const char *src, const char *data, const char *tmp)
{
    vt_restore_model *m = counted_model(
        src, data, tmp, "c",
        "# counts\n9\tkhiếu\n9\tnại\n5\tqlđt\n8\t<s> khiếu\n8\tkhiếu nại\n"
        "8\t<s> khiếu nại\n3\tnại *\n9\tiập\n180\tlập\n9\tkhiếu iập\n9\tiốt\n9\tlốt\n9\tii\n900\tli\n");
    if (m) {
        uint32_t khieu = vt_model_id(m, "khiếu", strlen("khiếu"));
        uint32_t nai = vt_model_id(m, "nại", strlen("nại"));
        CHECK_MSG(khieu != VT_TOK_UNK && nai != VT_TOK_UNK, "counted syllables in vocabulary");
        CHECK_MSG(vt_model_id(m, "qlđt", strlen("qlđt")) != VT_TOK_UNK, "counted code in vocabulary");
        CHECK_MSG(vt_model_id(m, "iập", strlen("iập")) == VT_TOK_UNK, "l read as I kept from counts");
        CHECK_MSG(vt_model_id(m, "iốt", strlen("iốt")) != VT_TOK_UNK &&
                  vt_model_id(m, "ii", strlen("ii")) != VT_TOK_UNK,
              "a word or numeral with i dropped");
        CHECK_MSG(vt_model_lp3(m, VT_TOK_BOS, khieu, nai) > vt_model_lp3(m, VT_TOK_BOS, nai, khieu),
              "counted trigram beats unseen");
        vt_restore_model_close(m);
    }
    char dict[2048], counts[2048], model[2048];
    snprintf(dict, sizeof dict, "%s/c.dict", tmp);
    snprintf(counts, sizeof counts, "%s/c.txt", tmp);
    snprintf(model, sizeof model, "%s/c.model", tmp);
    FILE *f = fopen(counts, "w");
    if (!f)
        return;
    fputs("9\tkhiếu\nmany\tnại\n", f);
    fclose(f);
    vt_error err = {0};
    vt_train_options o = {.dict_dir = dict, .corpus_weight = 1, .output = model,
                          .counts = counts};
    CHECK_MSG(vt_restore_train(&o, &err) == VT_EINPUT && strstr(err.message, "c.txt:2"),
          "malformed counts: %s", err.message);
}

/* Counts keep only the n-grams seen five times or more: the share of a
 * context's count its kept trigrams lack (khởi công: 100 seen, 60 of them
 * before xây) was seen after it all the same, and goes to the backoff, so
 * a pruned continuation (khởi công các) costs the context's share of its
 * bigram, not the discount alone (which left it dearer after the context
 * the text uses than after one it never saw). */
static void test_counts_pruned(const char *src, const char *data, const char *tmp)
{
    vt_restore_model *m = counted_model(src, data, tmp, "pruned",
                                        "100\tkhởi\n100\tcông\n60\txây\n50\tcác\n100\tkhởi công\n"
                                        "60\tcông xây\n20\tcông các\n60\tkhởi công xây\n");
    if (!m)
        return;
    uint32_t khoi = vt_model_id(m, "khởi", strlen("khởi")),
             cong = vt_model_id(m, "công", strlen("công")),
             cac = vt_model_id(m, "các", strlen("các"));
    double lp = vt_model_lp3(m, khoi, cong, cac), lp2 = vt_model_lp2(m, cong, cac);
    CHECK_MSG(lp >= log(0.4) + lp2 - 1e-3,
              "pruned continuation: ln P(các | khởi công) %.2f, ln P(các | công) %.2f", lp, lp2);
    vt_restore_model_close(m);
}

/* `dict`: the test's channel and phonotactics, an empty lexicon and the
 * made-up corpus `lines`; false on failure. */
static bool text_dict(const char *src, const char *data, const char *dict,
                      const char *const *lines, size_t n)
{
    char path[4096];
    make_dict(src, data, dict);
    snprintf(path, sizeof path, "%s/corpus", dict);
    unlink(path);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/lexicon", dict);
    unlink(path);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/corpus/text.txt", dict);
    FILE *f = fopen(path, "w");
    CHECK_MSG(f != NULL, "write %s", path);
    if (!f)
        return false;
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s\n", lines[i]);
    fclose(f);
    return true;
}

/* The model vt_restore_train builds of `dict` into `model`, opened; NULL
 * on failure. */
static vt_restore_model *trained(const char *dict, const char *model)
{
    vt_error err = {0};
    vt_train_options o = {.dict_dir = dict, .corpus_weight = 1, .output = model};
    CHECK_MSG(vt_restore_train(&o, &err) == VT_OK, "train: %s", err.message);
    vt_restore_model *m = vt_restore_model_open(model, &err);
    CHECK_MSG(m != NULL, "open: %s", err.message);
    return m;
}

/* The name parts of lexicon/names-corpus.tsv teach where a part stands
 * in a name: after a family name, a usual middle name (đình) beats a
 * word the text uses far more (định of quy định), in a name the model
 * has never seen whole; without the parts the text's word wins.  A
 * foreign name keeps its letters. */
static void test_names(const char *src, const char *data, const char *tmp)
{
    char dict[2048], path[4096], model[2100];
    snprintf(dict, sizeof dict, "%s/ndict", tmp);
    snprintf(model, sizeof model, "%s/n.model", tmp);
    const char *lines[26];
    for (size_t i = 0; i < 26; i++)
        lines[i] = i < 20    ? "Căn cứ quy định của pháp luật, xác định rõ nhiệm vụ."
                   : i == 20 ? "Ông Phùng Hữu Lâm và bà Đào Thị Hoa dự họp tại đình làng."
                             : "Công ty từng làm việc tại Hải Dương.";
    if (!text_dict(src, data, dict, lines, 26))
        return;
    double gap[2] = {0, 0}, lam[2] = {0, 0};
    for (int with = 0; with < 2; with++) {
        if (with) {
            snprintf(path, sizeof path, "%s/lexicon/names-corpus.tsv", dict);
            FILE *f = fopen(path, "w");
            if (!f)
                return;
            fputs("# family\nPhùng\t3\nĐào\t5\n# middle\nThị\t9\nĐình\t4\nHữu\t2\n"
                  "# given\nHoa\t3\nLâm\t2\nTâm\t2\n# person\nPhùng Hữu Lâm\t1\n", f);
            fclose(f);
        }
        vt_restore_model *m = trained(dict, model);
        if (!m)
            return;
        uint32_t phung = vt_model_id(m, "phùng", strlen("phùng"));
        uint32_t dinh = vt_model_id(m, "đình", strlen("đình"));
        uint32_t dinh_word = vt_model_id(m, "định", strlen("định"));
        gap[with] = vt_model_lp3(m, VT_TOK_BOS, phung, dinh) -
                    vt_model_lp3(m, VT_TOK_BOS, phung, dinh_word);
        lam[with] = m->uni_p[vt_model_id(m, "lâm", strlen("lâm"))];
        if (with) {
            vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.5);
            check_restore(r, "Ong Phung Dinh Tam xac dinh", "Ông Phùng Đình Tâm xác định");
            /* Stripped text: a word in title case beside a foreign one
             * (Rae, no syllable with any marks) is of the foreign name;
             * two after it are a Vietnamese place. */
            check_restore(r, "Cong ty Tung Rae tung lam viec tai Hai Duong.",
                          "Công ty Tung Rae từng làm việc tại Hải Dương.");
            check_restore(r, "Cong ty Kwon Hai Duong.", "Công ty Kwon Hải Dương.");
            /* The next item of a list (the next line of the paragraph) is
             * no side of the name. */
            check_restore(r, "Cong ty Kwon Tung;\nHai Duong.", "Công ty Kwon Tung;\nHải Dương.");
            vt_restorer_free(r);
        }
        vt_restore_model_close(m);
    }
    CHECK_MSG(gap[0] < 0 && gap[1] > 0, "đình after phùng: %.2f without the parts, %.2f with",
          gap[0], gap[1]);
    /* A part's bigrams tell what follows the part before it, and are no
     * contexts the part is used in: its unigram stays the text's. */
    CHECK_MSG(fabs(lam[0] - lam[1]) < 1e-6, "ln P(lâm) %.4f without the parts, %.4f with", lam[0],
          lam[1]);
}

/* A name alone on its line (the signer's) is a sentence of its own, as
 * the model learned the signature lines of its text: run on into the
 * next line, the given name (Tâm) took the reading the next line's first
 * word favours (tám người, eight people). */
static void test_name_line(const char *src, const char *data, const char *tmp)
{
    char dict[2048], model[2100];
    snprintf(dict, sizeof dict, "%s/nldict", tmp);
    snprintf(model, sizeof model, "%s/nl.model", tmp);
    const char *lines[24];
    for (size_t i = 0; i < 24; i++)
        lines[i] = i < 20 ? "Có tám người dự họp." : "Lê Văn Tâm";
    if (!text_dict(src, data, dict, lines, 24))
        return;
    vt_restorer *r = NULL;
    vt_restore_model *m = trained(dict, model);
    if (m)
        r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.5);
    if (r) {
        check_restore(r, "Le Van Tam\nNguoi du hop.\n", "Lê Văn Tâm\nNgười dự họp.\n");
        /* A name in a sentence stays in it. */
        check_restore(r, "Co tam nguoi du hop.\n", "Có tám người dự họp.\n");
    }
    vt_restorer_free(r);
    vt_restore_model_close(m);
}

static void test_model(const char *src, const char *data, const char *tmp)
{
    char dict[2048], m1[2048], m2[2048], dep[2048];
    snprintf(dict, sizeof dict, "%s/dict", tmp);
    snprintf(m1, sizeof m1, "%s/a.model", tmp);
    snprintf(m2, sizeof m2, "%s/b.model", tmp);
    snprintf(dep, sizeof dep, "%s/a.model.d", tmp);
    make_dict(src, data, dict);
    vt_error err = {0};
    vt_train_options o = {.dict_dir = dict, .corpus_weight = 4, .output = m1, .depfile = dep};
    CHECK_MSG(vt_restore_train(&o, &err) == VT_OK, "train: %s", err.message);
    o.output = m2;
    o.depfile = NULL;
    CHECK_MSG(vt_restore_train(&o, &err) == VT_OK, "train again: %s", err.message);
    size_t l1 = 0, l2 = 0, ld = 0;
    char *b1 = slurp(m1, &l1), *b2 = slurp(m2, &l2), *d = slurp(dep, &ld);
    CHECK_MSG(b1 && b2 && l1 == l2 && memcmp(b1, b2, l1) == 0, "same sources, same bytes");
    CHECK_MSG(d && strstr(d, "mini.txt") && strstr(d, "eng-chars.tsv") &&
              strstr(d, "phonotactics.txt"),
          "depfile lists what was read");
    free(b2);
    free(d);

    vt_restore_model *m = vt_restore_model_open(m1, &err);
    CHECK_MSG(m != NULL, "open: %s", err.message);
    if (!m) {
        free(b1);
        return;
    }
    uint32_t cong = vt_model_id(m, "công", strlen("công"));
    uint32_t van = vt_model_id(m, "văn", strlen("văn"));
    CHECK_MSG(cong != VT_TOK_UNK && van != VT_TOK_UNK, "corpus syllables in vocabulary");
    CHECK_MSG(strcmp(vt_model_str(m, cong), "công") == 0, "id round trip");
    CHECK_MSG(vt_model_id(m, "sgdđt", strlen("sgdđt")) != VT_TOK_UNK, "codes in vocabulary");
    CHECK_MSG(m->vocab_flags[vt_model_id(m, "khuỷu", strlen("khuỷu"))] & VT_VOC_SYLLABLE,
          "generated syllable outside the corpus");
    CHECK_MSG(vt_model_lp3(m, VT_TOK_BOS, cong, van) > vt_model_lp3(m, VT_TOK_BOS, van, cong),
          "seen trigram beats unseen");
    /* Probabilities after a context sum to about one. */
    double z = 0;
    for (uint32_t id = 0; id < m->h->n_vocab; id++)
        if (id != VT_TOK_BOS)
            z += exp(vt_model_lp3(m, VT_TOK_BOS, cong, id));
    CHECK_MSG(z > 0.98 && z < 1.02, "P(. | <s> công) sums to %f", z);
    /* No context gives a token more than its bound, and some give it
     * that much (the bound is what the decoder prunes with). */
    size_t over = 0, reached = 0;
    for (uint32_t c = VT_TOK_FIRST; c < m->h->n_vocab; c += 7) {
        float most = vt_model_lp_most(m, c), seen = -INFINITY;
        for (uint32_t b = 0; b < m->h->n_vocab; b += 13) {
            float lp = vt_model_lp3(m, VT_TOK_BOS, b, c);
            over += lp > most;
            seen = fmaxf(seen, lp);
        }
        reached += seen > most - 5;
    }
    CHECK_MSG(over == 0 && reached > 0, "ln P(c | a b) above its bound %zu times", over);
    /* Every stored trigram a b c has its bigram b c stored (the beam
     * search looks a b c up only where b c is), and a b after which no
     * bigram is stored is the middle of no trigram. */
    size_t orphans = 0, trigrams = 0;
    for (uint32_t i = 0; i < m->h->n_trigram_slots; i++) {
        uint64_t k = m->tri_keys[i];
        if (k == UINT64_MAX)
            continue;
        uint32_t b = (uint32_t)(k >> 21 & (VT_MAX_VOCAB - 1));
        uint32_t c = (uint32_t)(k & (VT_MAX_VOCAB - 1));
        bool may_tri;
        vt_model_lp2_tri(m, b, c, &may_tri);
        orphans += !may_tri || m->uni_bo[b] == 0;
        trigrams++;
    }
    CHECK_MSG(trigrams > 0 && orphans == 0, "%zu of %zu trigrams without their bigram", orphans,
          trigrams);
    /* The inverse search bounds a state by the letters of the longest
     * token below its node: on the way down to any token, each node has
     * at least that token's letters still to come. */
    size_t short_nodes = 0, walked = 0;
    for (uint32_t id = VT_TOK_FIRST; id < m->h->n_vocab; id += 5) {
        const char *w = vt_model_str(m, id);
        uint32_t cps[64], ncp = 0, node = 0;
        for (size_t i = 0, len = strlen(w); i < len && ncp < 64; ncp++)
            i += (size_t)vt_utf8_dec(w + i, len - i, &cps[ncp]);
        for (uint32_t i = 0; i <= ncp && node != UINT32_MAX; i++) {
            short_nodes += m->trie_depth[node] < (ncp - i > 255 ? 255 : ncp - i);
            uint32_t next = UINT32_MAX;
            for (uint32_t c = m->trie[node].first;
                 i < ncp && c < m->trie[node].first + m->trie[node].n; c++)
                if (m->trie[c].cp == cps[i])
                    next = c;
            node = next;
        }
        walked++;
    }
    CHECK_MSG(walked > 100 && short_nodes == 0, "trie depth below a token's letters %zu times",
          short_nodes);
    vt_posting p[48];
    vt_invert *inv = vt_invert_new();
    size_t n = vt_model_invert(inv, m, VT_CHAN_ENG, "s6", 2, p, 48, 10, INFINITY);
    vt_invert_free(inv);
    bool so = false;
    for (size_t i = 0; i < n; i++)
        so = so || strcmp(vt_model_str(m, p[i].id), "số") == 0;
    CHECK_MSG(so, "inverse search finds số for s6");
    /* The known damage the build searched is what the search finds now,
     * for every token the table holds (a sample of 300). */
    const vt_table_header *kh = &m->h->tables[VT_CHAN_ENG][VT_TAB_KNOWN];
    CHECK_MSG(kh->n_strings > 100, "known damage searched at build: %u tokens", kh->n_strings);
    inv = vt_invert_new();
    size_t differ = 0, tried = 0;
    for (uint32_t i = 0; i < kh->n_strings; i += 1 + kh->n_strings / 300, tried++) {
        const char *tok = m->strings + m->tables[VT_CHAN_ENG][VT_TAB_KNOWN].str[i];
        uint32_t nk;
        const vt_posting *kp =
            vt_model_lookup(m, VT_CHAN_ENG, VT_TAB_KNOWN, tok, strlen(tok), &nk);
        vt_posting res[VT_SEARCH_RESULTS];
        size_t nr = 0;
        bool due = vt_slot_search(inv, m, VT_CHAN_ENG, tok, strlen(tok), res, &nr);
        differ += !kp || !due || nr != nk || (nr && memcmp(res, kp, nr * sizeof *res) != 0);
    }
    vt_invert_free(inv);
    CHECK_MSG(tried > 100 && differ == 0, "known damage differs from the search for %zu of %zu",
          differ, tried);
    uint32_t np;
    const vt_posting *rp = vt_model_render(m, VT_CHAN_ENG, "cong", 4, &np);
    bool found = false;
    for (uint32_t i = 0; rp && i < np; i++)
        found = found || rp[i].id == cong;
    CHECK_MSG(found, "cong is a rendering of công");

    vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.5);
    /* Stripped and English-OCR damage; case, spaces, punctuation kept. */
    check_restore(r, "Cong van so 15/SGDDT-VP ve viec to chuc hoi nghi tong ket nam hoc.",
                  "Công văn số 15/SGDĐT-VP về việc tổ chức hội nghị tổng kết năm học.");
    check_restore(r, "  Can cu Quyet dinh s6 20/QD-TTg cua Thu tuong\n\nCONG HOA XA HOI",
                  "  Căn cứ Quyết định số 20/QĐ-TTg của Thủ tướng\n\nCỘNG HÒA XÃ HỘI");
    check_restore(r, "Cong van so 7/UBND-VHXH; Ke hoach so 9-KH/TU, SDT",
                  "Công văn số 7/UBND-VHXH; Kế hoạch số 9-KH/TU, SĐT");
    check_restore(r, "So GD&DT huong dan", "Sở GD&ĐT hướng dẫn");
    /* In a heading, a word whose letters OCR turned to digits takes the
     * capitals of its neighbours; J inside capitals is a misread letter,
     * not an abbreviation. */
    check_restore(r, "S0 GIAO DUC VA DAO TAO", "SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    check_restore(r, "QUYET DJNH s6 5", "QUYẾT ĐỊNH số 5");
    /* A syllable OCR put in capitals before small letters, outside a
     * heading, is at most Title; a code stays as it is. */
    check_restore(r, "ban hanh KE hoach s6 5 cua UBND tinh",
                  "ban hành Kế hoạch số 5 của UBND tỉnh");
    /* A word of a heading joined to a code by a slash is a word, restored
     * as its neighbours are; the code stays a code. */
    check_restore(r, "CONG VAN CUA SO GIAO DUC VA DAO TAO/UBND HUONG DAN",
                  "CÔNG VĂN CỦA SỞ GIÁO DỤC VÀ ĐÀO TẠO/UBND HƯỚNG DẪN");
    /* A Roman numeral read with small l for I gets its I back. */
    check_restore(r, "Ill. Cong van so 15", "III. Công văn số 15");
    check_restore(r, "I11. Cong van so 15", "III. Công văn số 15");
    check_restore(r, "|. Cong van so 15 | 16", "I. Công văn số 15 | 16");
    /* A code's letters read as digits (Q as 0) come back as a known
     * code in capitals, never as a syllable. */
    check_restore(r, "Can cu Quyet dinh s6 20/0D-TTg cua Thu tuong",
                  "Căn cứ Quyết định số 20/QĐ-TTg của Thủ tướng");
    /* Short parts joined by a slash are abbreviations (đ/c), and
     * capitals the model does not know stay as written. */
    check_restore(r, "Noi nhan: nhu tren; d/c Giam doc So (b/c); luu VT, VP, UBNDTP.",
                  "Nơi nhận: như trên; đ/c Giám đốc Sở (b/c); lưu VT, VP, UBNDTP.");
    /* Correct text comes back as it was, in either tone style. */
    const char *good[] = {
        "Ủy ban nhân dân tỉnh ban hành kế hoạch thực hiện nhiệm vụ năm 2025.",
        "Hoà bình, độc lập, tự do, hạnh phúc cho nhân dân; thuỷ lợi và thuỷ sản.",
        "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc\n",
        "Trường THCS, mã số AB-12, email: vp@example.vn",
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++)
        check_restore(r, good[i], good[i]);
    /* A style option overrides the document's own for changed words. */
    vt_restorer *ref = vt_restorer_new(m, VT_RESTORE_STYLE_REFORMED, 0.5);
    check_restore(ref, "Cong hoa xa hoi", "Cộng hoà xã hội");
    vt_restorer_free(ref);

    /* A document given as words with its paragraph ends reads as the same
     * text given whole, with every change's detail. */
    const char *doc_words[] = {"Cong", "van", "s6", "15/SGDDT-VP", "ctia", "So.",
                               "Ke", "hoach", "nam", "hoc."};
    bool ends[10] = {false, false, false, false, false, true, false, false, false, true};
    const char *doc_text = "Cong van s6 15/SGDDT-VP ctia So.\n\nKe hoach nam hoc.";
    vt_restored_word doc_out[10];
    vt_restorer_begin(r, doc_text, strlen(doc_text));
    vt_restorer_words(r, doc_words, ends, NULL, 10, doc_out);
    char *whole = restore(r, doc_text);
    vt_buf joined = {0};
    for (int i = 0; i < 10; i++) {
        const char *w = doc_out[i].text ? doc_out[i].text : doc_words[i];
        vt_buf_add(&joined, w, strlen(w));
        const char *gap = i == 5 ? "\n\n" : i == 9 ? "" : " ";
        vt_buf_add(&joined, gap, strlen(gap));
        CHECK_MSG(!doc_out[i].text || (doc_out[i].confidence > 0 && doc_out[i].n_alts >= 1),
              "detail for %s", doc_words[i]);
    }
    vt_buf_add(&joined, "", 1);
    CHECK_MSG(whole && joined.data && strcmp(joined.data, whole) == 0,
          "words and whole text agree\n   words %s\n   whole %s", joined.data, whole);
    CHECK_MSG(doc_out[0].text && strcmp(doc_out[0].text, "Công") == 0, "document word restored");
    for (int i = 0; i < 10; i++)
        vt_restored_word_clear(&doc_out[i]);
    vt_buf_free(&joined);
    free(whole);

    /* Every change carries a posterior and alternatives. */
    const char *words[] = {"Cong", "van", "so", "15"};
    vt_restored_word out[4];
    vt_restorer_line(r, words, 4, out);
    CHECK_MSG(out[0].text && strcmp(out[0].text, "Công") == 0, "first word restored");
    CHECK_MSG(out[0].confidence > 0 && out[0].confidence <= 1, "confidence %f", out[0].confidence);
    CHECK_MSG(out[0].n_alts >= 2 && strcmp(out[0].alts[0].text, "Công") == 0 &&
              out[0].alts[0].score >= out[0].alts[1].score,
          "n-best alternatives, chosen first");
    CHECK_MSG(out[3].text == NULL, "numbers are left alone");
    for (int i = 0; i < 4; i++)
        vt_restored_word_clear(&out[i]);
    vt_restorer_free(r);
    vt_restore_model_close(m);

    /* Damaged model files are refused with a message naming them. */
    write_bytes(m2, b1, l1 / 2);
    CHECK_MSG(!vt_restore_model_open(m2, &err) && strstr(err.message, m2) &&
              err.status == VT_EDEPEND,
          "truncated model: %s", err.message);
    b1[0] = 'X';
    write_bytes(m2, b1, l1);
    CHECK_MSG(!vt_restore_model_open(m2, &err) && strstr(err.message, "not a vanthu"),
          "foreign file: %s", err.message);
    b1[0] = VT_MODEL_MAGIC[0];
    CHECK_MSG(vt_restore_model_check(m1, &err) == VT_OK, "sound model checks: %s", err.message);
    char *sound = vt_xmalloc(l1);
    memcpy(sound, b1, l1);
    /* A model of another version (the code and the model out of step) is
     * refused, not mapped. */
    ((vt_model_header *)b1)->version = VT_MODEL_VERSION - 1;
    write_bytes(m2, b1, l1);
    CHECK_MSG(!vt_restore_model_open(m2, &err) && strstr(err.message, m2) &&
              strstr(err.message, "version") && err.status == VT_EDEPEND,
          "stale model: %s", err.message);
    ((vt_model_header *)b1)->version = VT_MODEL_VERSION;
    /* One flipped bit deep in the tables: opening does not read them, the
     * full check finds it. */
    b1[l1 * 2 / 3] ^= 0x10;
    write_bytes(m2, b1, l1);
    CHECK_MSG(vt_restore_model_check(m2, &err) == VT_EDEPEND && strstr(err.message, m2) &&
              strstr(err.message, "corrupt"),
          "bit-flipped model: %s", err.message);
    b1[l1 * 2 / 3] ^= 0x10;
    /* A wrong index with a right checksum (a faulty writer): opening
     * refuses one in what it reads itself (the trie)... */
    vt_model_header *hd = (vt_model_header *)b1;
    vt_trie_node *root = (vt_trie_node *)(b1 + hd->off_trie);
    root->first = UINT32_MAX - 4;
    hd->checksum = 0;
    hd->checksum = vt_model_checksum(hd, b1 + sizeof *hd, l1 - sizeof *hd);
    write_bytes(m2, b1, l1);
    CHECK_MSG(!vt_restore_model_open(m2, &err) && strstr(err.message, m2) &&
              strstr(err.message, "outside") && err.status == VT_EDEPEND,
          "inconsistent model: %s", err.message);
    memcpy(b1, sound, l1);
    /* ... and the large tables' wrong indexes (a known-damage entry whose
     * postings run past its table; vocabulary and rendering slots that
     * name no entry) give lookups that find nothing and a restore that
     * ends, never a read outside the file; the full check refuses them. */
    const vt_table_header *known = &hd->tables[VT_CHAN_ENG][VT_TAB_KNOWN];
    uint32_t *post = (uint32_t *)(b1 + known->off_post);
    const char *known0 = b1 + hd->off_strings + ((uint32_t *)(b1 + known->off_str))[0];
    post[1] = known->n_postings + 1;
    uint32_t *vslots = (uint32_t *)(b1 + hd->off_vocab_hash);
    for (uint32_t i = 0; i < hd->n_vocab_slots; i++)
        if (vslots[i] != UINT32_MAX && i % 2)
            vslots[i] = hd->n_vocab + i;
    const vt_table_header *render = &hd->tables[VT_CHAN_ENG][VT_TAB_RENDER];
    uint32_t *rslots = (uint32_t *)(b1 + render->off_hash);
    for (uint32_t i = 0; i < render->n_slots; i++)
        if (rslots[i] != UINT32_MAX && i % 2)
            rslots[i] = UINT32_MAX - 1;
    hd->checksum = 0;
    hd->checksum = vt_model_checksum(hd, b1 + sizeof *hd, l1 - sizeof *hd);
    write_bytes(m2, b1, l1);
    CHECK_MSG(vt_restore_model_check(m2, &err) == VT_EDEPEND && strstr(err.message, "outside"),
          "wrong table indexes found by the full check: %s", err.message);
    vt_restore_model *bad = vt_restore_model_open(m2, &err);
    CHECK_MSG(bad != NULL, "wrong table indexes still open: %s", err.message);
    if (bad) {
        uint32_t nk = 1;
        CHECK_MSG(!vt_model_lookup(bad, VT_CHAN_ENG, VT_TAB_KNOWN, known0, strlen(known0), &nk) &&
                  nk == 0,
              "postings past their table are not returned");
        for (uint32_t id = VT_TOK_FIRST; id < hd->n_vocab; id++) {
            const char *w = vt_model_str(bad, id);
            uint32_t back = vt_model_id(bad, w, strlen(w));
            if (back != id && back != VT_TOK_UNK) {
                CHECK_MSG(false, "a wrong slot gave another token for %s", w);
                break;
            }
        }
        vt_restorer *br = vt_restorer_new(bad, VT_RESTORE_STYLE_AUTO, 0.6);
        char *out = restore(br, "Cong van so 12 ve viec to chuc hoi nghi cua Uy ban nhan dan");
        CHECK_MSG(out != NULL, "restore over wrong table indexes ends");
        free(out);
        vt_restorer_free(br);
        vt_restore_model_close(bad);
    }
    write_bytes(m2, sound, l1);
    vt_restore_model *back = vt_restore_model_open(m2, &err);
    CHECK_MSG(back != NULL, "restored bytes open again: %s", err.message);
    vt_restore_model_close(back);
    free(sound);
    free(b1);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    CHECK_MSG(system(cmd) == 0, "cleanup");
}

/* A model built from the test's channel and phonotactics and the made-up
 * text of `lines` (name: its file's stem in tmp); NULL on failure. */
static vt_restore_model *text_model(const char *src, const char *data, const char *tmp,
                                    const char *name, const char *const *lines, size_t n)
{
    char dict[2048], model[2100];
    snprintf(dict, sizeof dict, "%s/%s-dict", tmp, name);
    snprintf(model, sizeof model, "%s/%s.model", tmp, name);
    return text_dict(src, data, dict, lines, n) ? trained(dict, model) : NULL;
}

/* Marked text: a trích yếu in capitals wrapped over two lines is read run
 * on, and the upper line's last word takes what that reading is sure of.
 * Read as a sentence of its own, the line ends in `BÌNH ĐẰNG`: the text
 * never ends a sentence with `bình đẳng`. */
static void test_heading_wrap(const char *src, const char *data, const char *tmp)
{
    const char *lines[20];
    size_t n = 0;
    for (int i = 0; i < 12; i++)
        lines[n++] = "Các cơ quan thúc đẩy bình đẳng giới trong công tác cán bộ.";
    for (int i = 0; i < 4; i++)
        lines[n++] = "Thực hiện bình đẳng giới và phòng chống bạo lực.";
    for (int i = 0; i < 3; i++)
        lines[n++] = "Ông ấy đứng đằng sau cơ quan.";
    vt_restore_model *m = text_model(src, data, tmp, "wrap", lines, n);
    if (!m)
        return;
    vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.5);
    check_restore(r, "KẾ HOẠCH\nTHÚC ĐẨY BÌNH ĐẰNG\nGIỚI TRONG CƠ QUAN\n",
                  "KẾ HOẠCH\nTHÚC ĐẨY BÌNH ĐẲNG\nGIỚI TRONG CƠ QUAN\n");
    vt_restorer_free(r);
    vt_restore_model_close(m);
}

/* Stripped text: a word in capitals among words in small letters is an
 * abbreviation and keeps its letters (the text makes `tự` the likely word
 * after `Đảng`); a list item's end parts it from the next item's
 * capitals, and a heading's words are syllables, restored. */
static void test_lone_capitals(const char *src, const char *data, const char *tmp)
{
    const char *lines[16];
    size_t n = 0;
    for (int i = 0; i < 12; i++)
        lines[n++] = "Các ban đảng tự kiểm tra việc làm của mình.";
    for (int i = 0; i < 4; i++)
        lines[n++] = "Văn phòng gửi các ban của tỉnh.";
    vt_restore_model *m = text_model(src, data, tmp, "lone", lines, n);
    if (!m)
        return;
    vt_restorer *r = vt_restorer_new(m, VT_RESTORE_STYLE_AUTO, 0.5);
    check_restore(r, "Cac ban dang TU, van phong cua tinh.\n",
                  "Các ban đảng TU, văn phòng của tỉnh.\n");
    check_restore(r, "- Cac ban dang TU;\n- VE tinh.\n", "- Các ban đảng TU;\n- VE tỉnh.\n");
    check_restore(r, "CAC BAN DANG TU KIEM TRA\n", "CÁC BAN ĐẢNG TỰ KIỂM TRA\n");
    /* A number's unit or variant (5G, 220kV) is the page's, no letter
     * OCR turned into a digit: the text is still stripped, and the rule
     * above still holds. */
    check_restore(r, "Cac ban dang TU, van phong 5G, tram 220kV cua tinh.\n",
                  "Các ban đảng TU, văn phòng 5G, tram 220kV của tỉnh.\n");
    vt_restorer_free(r);
    vt_restore_model_close(m);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s SOURCE_ROOT\n", argv[0]);
        return 2;
    }
    vt_text_init();
    char data[2048], tmp[] = "/tmp/vt-restore-test-XXXXXX";
    snprintf(data, sizeof data, "%s/tests/restore/data", argv[1]);
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 2;
    }
    test_headings();
    test_channel(data);
    test_counts(argv[1], data, tmp);
    test_counts_pruned(argv[1], data, tmp);
    test_names(argv[1], data, tmp);
    test_name_line(argv[1], data, tmp);
    test_heading_wrap(argv[1], data, tmp);
    test_lone_capitals(argv[1], data, tmp);
    test_model(argv[1], data, tmp);
    return check_done("test_restore");
}
