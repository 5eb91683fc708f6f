#!/usr/bin/env python3
"""field-table.py SCORER LISTING [options] -- the table of mean field scores
that bench/parse.sh and bench/seal-variants.sh print.

LISTING holds a line per record scored, tab-separated: SET, KIND, NAME, the
gold record and the record read.  Each is scored by SCORER
(../shared/tools/score_meta.py --verbose); a gold record that prints no
field to score is left out.  Prints the mean of each field and the overall
score (mean over records of their mean field score) for each SET and KIND
in the order given.

  --sets A,B,...    the sets, in order
  --kinds A,B,...   the kinds, in order
  --verbose         each record's score and misses first, but for the sets
                    of --quiet (whose failures are not to be studied)
  --quiet A,...     see --verbose
  --all             a row `all` per set, over its kinds
  --gap DEV,HELD    a row per kind: set HELD minus set DEV
"""
import argparse
import collections
import subprocess
import sys

FIELDS = ['number', 'type', 'date', 'place', 'issuer', 'subject', 'signer.name',
          'signer.position', 'addressees', 'recipients', 'references']
SHORT = {'signer.name': 'signer', 'signer.position': 'position', 'addressees': 'addressee',
         'recipients': 'recipient', 'references': 'refs'}


def mean(xs):
    return sum(xs) / len(xs) if xs else None


def cells(vals, fmt):
    return ' '.join(format(v, fmt) if v is not None else f'{"-":>9}' for v in vals)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('scorer')
    ap.add_argument('listing')
    ap.add_argument('--sets', required=True)
    ap.add_argument('--kinds', required=True)
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--quiet', default='')
    ap.add_argument('--all', action='store_true')
    ap.add_argument('--gap', default='')
    a = ap.parse_args()
    sets, kinds, quiet = a.sets.split(','), a.kinds.split(','), a.quiet.split(',')
    if a.all:
        kinds.append('all')

    fields = collections.defaultdict(lambda: collections.defaultdict(list))
    overall = collections.defaultdict(list)
    for line in open(a.listing, encoding='utf-8'):
        set_, kind, name, gold, rec = line.rstrip('\n').split('\t')
        out = subprocess.run([sys.executable, a.scorer, gold, rec, '--verbose'],
                             capture_output=True, text=True).stdout.splitlines()
        got = dict(kv.split('=') for kv in out[-2].split()) if len(out) >= 2 and out[-2] else {}
        if not got:
            continue
        total = float(out[-1].split('score=')[1])
        for k in (kind, 'all') if a.all else (kind,):
            for f, v in got.items():
                fields[set_, k][f].append(float(v))
            overall[set_, k].append(total)
        if a.verbose and set_ not in quiet:
            print(f'{set_:8} {kind:9} {name:26} {total:.3f}')
            for miss in out[:-2]:
                print(f'    {miss}')

    print(f'{"set":8} {"kind":9} {"docs":>4} ' + ' '.join(f'{SHORT.get(f, f):>9}' for f in FIELDS)
          + f' {"overall":>8}')
    for s in sets:
        for k in kinds:
            if overall[s, k]:
                vals = [mean(fields[s, k][f]) for f in FIELDS]
                print(f'{s:8} {k:9} {len(overall[s, k]):>4} ' + cells(vals, '9.3f')
                      + f' {mean(overall[s, k]):8.3f}')
    if a.gap:
        dev, held = a.gap.split(',')
        for k in kinds:
            d, h = (dev, k), (held, k)
            if overall[d] and overall[h]:
                vals = [None if mean(fields[h][f]) is None or mean(fields[d][f]) is None
                        else mean(fields[h][f]) - mean(fields[d][f]) for f in FIELDS]
                print(f'{"gap":8} {k:9} {"":>4} ' + cells(vals, '+9.3f')
                      + f' {mean(overall[h]) - mean(overall[d]):+8.3f}')


main()
