/* test_text.c — unit tests of the letters and words restore and parse
 * share: syllables and tone placement, the two syllable rules, lower and
 * fold, case, splitting a word into pieces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "text.h"

static void check_canon(const char *in, int style, const char *want)
{
    char out[64];
    CHECK_STR(vt_syllable_canon(in, style, out, sizeof out) ? out : "(no syllable)", want);
}

static void test_syllables(void)
{
    check_canon("hoà", VT_STYLE_TRADITIONAL, "hòa");
    check_canon("hòa", VT_STYLE_REFORMED, "hoà");
    check_canon("thuỷ", VT_STYLE_TRADITIONAL, "thủy");
    check_canon("thủy", VT_STYLE_REFORMED, "thuỷ");
    check_canon("quý", VT_STYLE_REFORMED, "quý");
    check_canon("giá", VT_STYLE_TRADITIONAL, "giá");
    check_canon("ngươì", VT_STYLE_TRADITIONAL, "người");
    check_canon("hoạch", VT_STYLE_REFORMED, "hoạch");
    check_canon("khoẻ", VT_STYLE_TRADITIONAL, "khỏe");
    check_canon("của", VT_STYLE_REFORMED, "của");
    check_canon("hóà", VT_STYLE_TRADITIONAL, "(no syllable)"); /* two tone marks */
    check_canon("s6", VT_STYLE_TRADITIONAL, "(no syllable)");  /* a digit */
    CHECK(vt_syllable_style("hoà") == 2 && vt_syllable_style("hòa") == 1 &&
          vt_syllable_style("hoa") == 0 && vt_syllable_style("toán") == 0);
    CHECK(vt_cp_skeleton(0x111) == 'd' && vt_cp_skeleton(0x1ec7) == 'e');
    CHECK(vt_cp_with_tone(0xf4, VT_TONE_SAC) == 0x1ed1); /* ô + sắc = ố */
}

/* Restore places tones in anything shaped like a syllable; parse asks
 * whether capitals could spell one.  "both", "shape" or "neither". */
static const char *syllable_by(const char *s)
{
    bool shape = vt_syllable_valid(s, VT_SYLLABLE_SHAPE);
    bool inventory = vt_syllable_valid(s, VT_SYLLABLE_INVENTORY);
    return shape && inventory ? "both" : shape ? "shape" : inventory ? "inventory" : "neither";
}

static void test_syllable_rules(void)
{
    CHECK_STR(syllable_by("toc"), "both");
    CHECK_STR(syllable_by("TOC"), "both");
    CHECK_STR(syllable_by("ve"), "both");
    CHECK_STR(syllable_by("nghieng"), "both");
    CHECK_STR(syllable_by("gia"), "both");
    CHECK_STR(syllable_by("quy"), "both");
    CHECK_STR(syllable_by("oa"), "both");
    CHECK_STR(syllable_by("gin"), "shape");
    CHECK_STR(syllable_by("qu"), "shape");
    CHECK_STR(syllable_by("strong"), "shape");
    CHECK_STR(syllable_by("ubnd"), "shape");
    CHECK_STR(syllable_by("thcs"), "neither");
    CHECK_STR(syllable_by("s6"), "neither");
    CHECK_STR(syllable_by("hoaie"), "neither");
    CHECK_STR(syllable_by(""), "neither");
}

/* Lower keeps the marks, fold drops them; the fold's map points back. */
static void test_lower_fold(void)
{
    const char *s = "Hòa\tĐỒNG";
    char out[64];
    CHECK(vt_text_lower(s, strlen(s), out, sizeof out) == strlen("hòa\tđồng"));
    CHECK_STR(out, "hòa\tđồng");
    char *f = vt_text_fold(s);
    CHECK_STR(f, "hoa dong");
    free(f);
    size_t map[64];
    CHECK(vt_text_fold_map(s, strlen(s), out, map) == 8);
    CHECK(map[1] == 1 && map[2] == 3 && map[3] == 4 && map[4] == 5 && map[5] == 7 &&
          map[8] == strlen(s));
    f = vt_text_fold(NULL);
    CHECK_STR(f, "");
    free(f);
    char *low = vt_text_lower_full("ỦY BAN"), *up = vt_text_upper_first("“bình");
    CHECK_STR(low, "ủy ban");
    CHECK_STR(up, "“Bình");
    free(low);
    free(up);
    CHECK(vt_text_is_upper("UBND") && !vt_text_is_upper("UBNd") && !vt_text_is_upper("U"));
    CHECK(vt_text_mostly_upper("TRƯỞNG pHÒNG") && !vt_text_mostly_upper("Trưởng phòng"));
}

static void check_case(const char *s, const char *like, const char *want)
{
    char out[64];
    bool code = strcmp(s, "ttg") == 0 || strcmp(s, "qđ") == 0;
    vt_case_apply(s, like, strlen(like), code, out, sizeof out);
    CHECK_STR(out, want);
}

static void check_pieces(const char *word, const char *want)
{
    vt_piece pc[32];
    size_t n = vt_word_pieces(word, strlen(word), pc, 32);
    char got[256] = "";
    for (size_t i = 0; i < n; i++) {
        char part[80];
        snprintf(part, sizeof part, "%s%c:%.*s", i ? " " : "",
                 pc[i].kind == VT_PIECE_SLOT ? 'S' : pc[i].kind == VT_PIECE_NUM ? 'N' : 'P',
                 (int)pc[i].len, word + pc[i].off);
        strncat(got, part, sizeof got - strlen(got) - 1);
    }
    CHECK_STR(got, want);
}

static void test_words(void)
{
    check_case("hội", "HQI", "HỘI");
    check_case("đào", "DPao", "Đào");
    check_case("độc", "Péoc", "Độc");
    check_case("qđ", "QD", "QĐ");
    check_case("ttg", "TTg", "TTg");
    check_case("của", "ctia", "của");
    check_case("kế", "K&", "Kế");
    check_case("số", "sO", "số");
    check_case("đích", "PiCH", "ĐÍCH");
    check_pieces("(GDPT)", "P:( S:GDPT P:)");
    check_pieces("K&", "S:K&");
    check_pieces("c&ch", "S:c&ch");
    check_pieces("100%", "N:100 P:%");
    check_pieces("$6", "S:$6");
    check_pieces("GD&DPT", "S:GD P:& S:DPT");
    check_pieces("5691/KH-SGDDT", "N:5691 P:/ S:KH P:- S:SGDDT");
    check_pieces("“Binh", "P:“ S:Binh");
    check_pieces("s6”;", "S:s6 P:” P:;");
    check_pieces("III.", "N:III P:.");
    check_pieces("Il.", "N:Il P:.");
    check_pieces("I11.", "N:I11 P:.");
    check_pieces("11.", "N:11 P:.");
    check_pieces("l1", "S:l1");
    check_pieces("|.", "N:| P:.");
    check_pieces("|", "P:|");
    check_pieces("ll", "S:ll");
    check_pieces("21/3/2025", "N:21 P:/ N:3 P:/ N:2025");
    CHECK(vt_case_of("UBND", 4) == VT_CASE_UPPER && vt_case_of("Hà", 3) == VT_CASE_TITLE &&
          vt_case_of("TTg", 3) == VT_CASE_MIXED);
}

int main(void)
{
    vt_text_init();
    test_syllables();
    test_syllable_rules();
    test_lower_fold();
    test_words();
    return check_done("text");
}
