/* ocr.h — the text of a word as the ocr stage keeps it. */
#ifndef VT_IMAGE_OCR_H
#define VT_IMAGE_OCR_H

/* A word as Tesseract gives it (UTF-8) in the letters Vietnamese writes:
 * NFC, look-alike letters of other alphabets replaced.  Caller frees. */
char *vt_ocr_word_text(const char *raw);

#endif
