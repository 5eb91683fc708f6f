/* test_ocr_text.c — the text the ocr stage keeps of a word: composed
 * (NFC) marks, and the Icelandic eth Tesseract's Vietnamese model reads
 * for a Đ turned into that Đ (a cited "08/QÐ-TTg" is "08/QĐ-TTg"), while
 * every other letter stays as read. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ocr.h"

static int failures;

static void expect(const char *raw, const char *want)
{
    char *got = vt_ocr_word_text(raw);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "FAIL: \"%s\" kept as \"%s\", want \"%s\"\n", raw, got, want);
        failures++;
    }
    free(got);
}

int main(void)
{
    expect("08/Q\xc3\x90-TTg", "08/QĐ-TTg");       /* Ð, U+00D0 */
    expect("\xc3\x90\xe1\xbb\x99" "c", "Độc");     /* Ð, then ộ */
    expect("\xc3\xb0\xe1\xbb\x83", "để");            /* ð, U+00F0, then ể */
    expect("QĐÐ-UBND", "QĐĐ-UBND");
    expect("Nghi\xcc\xa3 \xc4\x91i\xcc\xa3nh", "Nghị định"); /* decomposed marks */
    expect("ĐÀ NẴNG", "ĐÀ NẴNG");
    expect("Ñ Ø ÷ ×", "Ñ Ø ÷ ×"); /* other Latin-1 letters and signs stay */
    expect("", "");
    if (failures == 0)
        printf("ok\n");
    return failures ? 1 : 0;
}
