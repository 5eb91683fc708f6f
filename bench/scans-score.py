#!/usr/bin/env python3
"""Scores of one real scan's text against its transcription, for bench/scans.sh.

usage: scans-score.py TRUTH HYP [UNCERTAIN]
Prints two figures: the order-free word accuracy (the words of the truth
found in the text, each as often as the truth has it, over the truth's
words) and the reading-order errors as ERRORS/PAIRS.  Words are as
../shared/tools/score_restore.py counts them (runs of letters and digits
with a letter, exact after NFC); lines listed in UNCERTAIN are left out.

Reading order: each truth line of two or more words is placed at the text
line that holds most of its words (at least half of them); a pair of
consecutive placed truth lines is an error when the second lands on an
earlier line of the text, or on the same line although the truth separates
them by a blank line (two blocks read as one line, as interleaved header
columns are).
"""
import collections
import re
import sys
import unicodedata


def words(line):
    return [w for w in re.findall(r'\w+', unicodedata.normalize('NFC', line))
            if re.search(r'[^\W\d_]', w)]


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    truth = open(sys.argv[1], encoding='utf-8').read().split('\n')
    hyp = open(sys.argv[2], encoding='utf-8', errors='replace').read().split('\n')
    skip = set()
    if len(sys.argv) == 4:
        skip = {int(x) for x in open(sys.argv[3]).read().split() if x.isdigit()}

    truth_bag = collections.Counter()
    for i, line in enumerate(truth, 1):
        if i not in skip:
            truth_bag.update(words(line))
    hyp_bag = collections.Counter(w for line in hyp for w in words(line))
    found = sum(min(n, hyp_bag[w]) for w, n in truth_bag.items())
    accuracy = found / max(sum(truth_bag.values()), 1)

    hyp_lines = [collections.Counter(words(line)) for line in hyp]
    placed = []  # (hyp line index, blank line before it in the truth)
    blank_before = False
    for i, line in enumerate(truth, 1):
        ws = words(line)
        if not line.strip():
            blank_before = True
            continue
        if i in skip or len(ws) < 2:
            continue
        need = collections.Counter(ws)
        best, best_n = None, 0
        for j, bag in enumerate(hyp_lines):
            n = sum(min(c, bag[w]) for w, c in need.items())
            if n > best_n:
                best, best_n = j, n
        if best is not None and 2 * best_n >= len(ws):
            placed.append((best, blank_before))
        blank_before = False
    errors = sum(1 for (a, _), (b, blank) in zip(placed, placed[1:])
                 if b < a or (b == a and blank))
    print(f'{accuracy:.4f} {errors}/{max(len(placed) - 1, 0)}')


main()
