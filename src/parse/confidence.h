/* confidence.h — how far the parser trusts what it reads (a field's
 * `confidence`, 0..1, doc/metadata.md), and how much OCR damage it forgives
 * a cue word (a vt_fuzzy_* cost: edit cost per keyword letter, a confused
 * letter 0.35, a lost one 0.8, a wrong one 1). */
#ifndef VT_CONFIDENCE_H
#define VT_CONFIDENCE_H

/* A prescribed part found by its cue where Nghị định 30 puts it (number,
 * date, type name): the layout leaves little room for doubt, but a cue can
 * stand in a quoted line.  Scaled by (1 - cost) when the cue or the
 * lexicon entry was matched within OCR distance. */
#define VT_CONF_CUE 0.95
/* A date read only after mending OCR digit damage: its one valid reading
 * is not what the page prints. */
#define VT_CONF_DATE_REPAIRED 0.6
/* A date read from the closing paragraph's "thông qua ngày ...", the
 * header printing none: the cue is sure, its place in the text less so. */
#define VT_CONF_DATE_CLOSING 0.8
/* A date whose day or month, written by hand, was taken from the e-office
 * signature's time (esign.c): the document is dated that day or a few
 * days before, and which is a guess. */
#define VT_CONF_DATE_SIGNATURE 0.5
/* A date the page's other dates rule out (datecheck.c) and no reading of
 * its year mends: kept as read, to be checked. */
#define VT_CONF_DATE_IMPLAUSIBLE 0.3
/* The e-office signature overlay: a time with a label over it and an
 * offset from UTC; one without either (the label OCR lost, or the offset). */
#define VT_CONF_SIGNATURE 0.9
#define VT_CONF_SIGNATURE_PART 0.7
/* The place: the right column's text before "ngày", with no cue of its own. */
#define VT_CONF_PLACE 0.9
/* A place OCR damaged, taken as the issuer's name spells it: its reading
 * was guessed from another field. */
#define VT_CONF_PLACE_ISSUER 0.7
/* The issuer (and its parent) when a line of it starts with a body of
 * organs.txt, and when none does (only its place in the left column). */
#define VT_CONF_ISSUER_LISTED 0.9
#define VT_CONF_ISSUER_UNLISTED 0.6
/* The trích yếu under a type name, ended by a blank line or a line that
 * reads as something else. */
#define VT_CONF_SUBJECT 0.9
/* The trích yếu after a V/v cue: its end is found by the layout only. */
#define VT_CONF_SUBJECT_VV 0.85
/* "Công văn" inferred from a V/v trích yếu, no type name being printed. */
#define VT_CONF_TYPE_FROM_VV 0.8
/* "Công văn" inferred from a numbered letter opening with "Kính gửi", with
 * neither a type name nor a V/v line printed. */
#define VT_CONF_TYPE_FROM_LETTER 0.7
/* The type named by the number's notation, its title lost, and the lines
 * in capitals under the date read as the trích yếu. */
#define VT_CONF_TYPE_FROM_NOTATION 0.6
#define VT_CONF_SUBJECT_TITLE_LOST 0.7
/* A Nơi nhận entry (and the archive copy read from its Lưu entry): the
 * list is found by its cue, an entry's ends by list marks OCR may lose. */
#define VT_CONF_RECIPIENT 0.85
/* The signer's position: a title the lexicon lists, or the one a KT.
 * authority leads one to expect, as printed or within OCR distance (scaled
 * by 1 - cost); a listed title heading a unit ("VỤ TRƯỞNG VỤ KÊ KHAI"),
 * whose unit is not checked. */
#define VT_CONF_POSITION 0.9
#define VT_CONF_POSITION_HEADING 0.8
/* The signer: this share for each of its three parts read (authority
 * chain, position, name), the position's weighted by its confidence
 * against VT_CONF_POSITION. */
#define VT_CONF_SIGNER_PART 0.3

/* A three-letter cue ("V/v", "Lưu"): one letter of three may be wrong. */
#define VT_COST_SHORT_CUE 0.34
/* The cue "Về việc" spelled out (six letters): one letter lost or two
 * confused, not a wrong one, which would let other words pass. */
#define VT_COST_VE_VIEC 0.15

/* A confidence as the record prints it: three decimals, rounded. */
double vt_conf_rounded(double confidence);
/* The signer's confidence has always been cut to three decimals, not
 * rounded: its shares add up to 0.8999... for a complete signer, printed
 * 0.899 (rounding would print 0.9 and change records). */
double vt_conf_truncated(double confidence);

#endif
