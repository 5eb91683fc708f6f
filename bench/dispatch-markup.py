#!/usr/bin/env python3
"""dispatch-markup.py DOC — the sample markup of tools/mksample
(samples/src/README.md) for a corpus document's plain text, laid out the way
a dispatch is printed: issuing bodies and Số left, quốc hiệu, tiêu ngữ,
place and date right, the title centred, the body, then Nơi nhận left and
the signer's block right.  Every part is found in the text by general
layout rules (the quốc hiệu and tiêu ngữ lines, the Số line, the date line,
Nơi nhận, upper-case authority and position lines over a name); a part the
text does not have is left out.  Text after the signer's name (a web
caption, footnotes) is not part of the printed page and is left out too."""
import re
import sys
import unicodedata

NATIONAL = re.compile(r'CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM', re.I)
PARTY = re.compile(r'^ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM$')
MOTTO = re.compile(r'^Độc\s+lập\s*-\s*Tự\s+do\s*-\s*Hạnh\s+phúc', re.I)
# A document's number: `Số:`, `Số`, `Nghị quyết số:`, then the number or
# the blank left for it (`Mã số thuế:` and `Số ĐT:` in an address are none).
NUMBER = re.compile(r'^(?:[A-ZĐ][\wÀ-ỹ]*(?:\s+[a-zà-ỹ]+)?\s+)?[Ss]ố\b\s*:?\s*(?=[\d./…_-]|$)')
# A place and date line: a place name (no digits), then the date.
DATE = re.compile(r'(?:^|\s)([^\d\s,()][^\d,()]{0,40}?,?\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})\.?$')
SUBJECT = re.compile(r'^V/v\b')
RECIPIENTS = re.compile(r'^Nơi\s+nhận\b')
AUTHORITY = re.compile(r'^(?:TM|KT|TL|TUQ|Q|T/M)\.?\s')
BODY_START = re.compile(r'^(?:Căn\s+cứ|Kính\s+gửi|Thực\s+hiện|Điều\s+\d|\d+\.|[a-z]\)|-)')
HEADER_LINES = 12
RECIPIENT_LINES = 30
HEADER_WIDTH = 90


def upper(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def date_line(line):
    """The place and date line: the place opens it (a sentence of the body
    ending with a date, "... tại Tờ trình số 12 ngày 18 tháng 11 năm
    2025.", is none)."""
    d = DATE.search(line)
    return bool(d) and d.start(1) == 0


def name_like(line):
    """A person's name: two to six capitalised words, no digits."""
    words = line.split()
    return (2 <= len(words) <= 6 and not re.search(r'[\d:;(),/]', line)
            and all(w[0].isupper() for w in words) and not upper(line))


def split_header(lines):
    """Split the lines that run two header parts together (an issuer and the
    quốc hiệu, a Số and the date) at the start of the second."""
    out = []
    for ln in lines:
        m = NATIONAL.search(ln)
        # Only the quốc hiệu in capitals: the Căn cứ of the Constitution
        # names the state in sentence case.
        if m and m.start() > 0 and upper(m.group()):
            out += [ln[:m.start()].strip(), ln[m.start():].strip()]
            continue
        d = DATE.search(ln)
        if NUMBER.match(ln) and d and d.start(1) > 0:
            out += [ln[:d.start(1)].strip(), ln[d.start(1):].strip()]
            continue
        out.append(ln)
    return out


def header(lines):
    """(left, right, number, date, rest): the header parts of the first
    lines and the index where the header ends."""
    # The header ends before the body's first line (Kính gửi, Căn cứ): an
    # addressee's address or a preamble is never part of it.
    first = lines[:HEADER_LINES]
    stop = next((i for i, ln in enumerate(first) if BODY_START.match(ln)), len(first))
    top = [i for i, ln in enumerate(first[:stop])
           if len(ln) <= HEADER_WIDTH and NATIONAL.search(ln) or MOTTO.match(ln) or PARTY.match(ln)
           or NUMBER.match(ln) or date_line(ln)]
    if not top:
        return [], [], [], [], 0
    end = top[-1] + 1
    left, right, number, date = [], [], [], []
    i = 0
    while i < end:
        ln = lines[i]
        if NATIONAL.search(ln) or MOTTO.match(ln) or PARTY.match(ln):
            right.append(ln)
        elif date_line(ln) and not NUMBER.match(ln):
            date.append(ln)
        elif NUMBER.match(ln):
            # A bare "Số:" has its number on the next line.
            if NUMBER.match(ln).end() == len(ln) and i + 1 < len(lines):
                i += 1
                ln = ln + ' ' + lines[i]
            number.append(ln)
            while i + 1 < len(lines) and SUBJECT.match(lines[i + 1]):
                i += 1
                number.append(lines[i])
                # The V/v subject runs on until the date or quốc hiệu.
                while (i + 1 < len(lines) and i + 1 < end
                       and not (DATE.search(lines[i + 1]) or NATIONAL.search(lines[i + 1])
                                or MOTTO.match(lines[i + 1]))):
                    i += 1
                    number.append(lines[i])
            end = max(end, i + 1)
        else:
            left.append(ln)
        i += 1
    return left, right, number, date, end


def title(lines, start):
    """The title lines from start: an upper-case type line, its trích yếu
    (upper case, or the sentence-case line under it), and the upper-case
    authority line a decision puts before its Căn cứ."""
    i = start
    if i >= len(lines) or not upper(lines[i]) or len(lines[i].split()) > 6:
        return [], start
    i += 1
    if i < len(lines) and not upper(lines[i]) and not BODY_START.match(lines[i]) \
            and len(lines[i].split()) <= 60:
        i += 1
    while i < len(lines) and upper(lines[i]):
        i += 1
    return lines[start:i], i


def signer(lines, lo):
    """(start, end) of the signer's block: upper-case authority and position
    lines over a name, the last such block at or after lo; None if none."""
    for i in range(len(lines) - 1, lo, -1):
        if name_like(lines[i]) and (upper(lines[i - 1]) or AUTHORITY.match(lines[i - 1])):
            j = i - 1
            while j > lo and (upper(lines[j - 1]) or AUTHORITY.match(lines[j - 1])) \
                    and not lines[j - 1].startswith('-'):
                j -= 1
            return j, i + 1
    return None


def footer(lines, lo):
    """(recipients, signer lines, body end, page end)."""
    rec = next((i for i in range(len(lines) - 1, lo - 1, -1)
                if RECIPIENTS.match(lines[i])), None)
    recipients = []
    if rec is not None:
        k = rec + 1
        while k < len(lines) and re.match(r'^[-+•]', lines[k]):
            k += 1
        recipients = lines[rec:k]
        sig = signer(lines, rec)
        # The signer's block under the list: every line between is an
        # item, with its dash or not (a source may drop one).
        if sig and k <= sig[0] <= rec + RECIPIENT_LINES:
            return lines[rec:sig[0]], lines[sig[0]:sig[1]], rec, sig[1]
        # The signer's block printed above Nơi nhận.
        sig = signer(lines[:rec], lo)
        if sig and sig[1] == rec:
            return recipients, lines[sig[0]:sig[1]], sig[0], k
        return recipients, [], rec, k
    sig = signer(lines, lo)
    if sig:
        return [], lines[sig[0]:sig[1]], sig[0], sig[1]
    return [], [], len(lines), len(lines)


def markup(text):
    lines = [unicodedata.normalize('NFC', ln).strip() for ln in text.splitlines()]
    lines = split_header([ln for ln in lines if ln])
    left, right, number, date, end = header(lines)
    head, end = title(lines, end)
    recipients, sig, body_end, _ = footer(lines, end)
    body = lines[end:body_end]
    out = []
    for section, part in (('header-left', left), ('header-right', right),
                          ('number-left', number), ('date-right', date),
                          ('title', head), ('body', body),
                          ('footer-left', recipients)):
        if part:
            out += ['@' + section] + part
    if sig:
        # The blank line is the signature's space, above the name.
        out += ['@footer-right'] + sig[:-1] + [''] + sig[-1:]
    return '\n'.join(out) + '\n'


if __name__ == '__main__':
    sys.stdout.write(markup(open(sys.argv[1], encoding='utf-8').read()))
