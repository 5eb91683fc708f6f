#!/usr/bin/env bash
# Confinement: under --root DIR only files inside DIR (links resolved) are
# read; any other request gets its own error line and the stream goes on.
# A directory walk does not follow a symbolic link out of the tree named
# unless --follow-symlinks.
. "$(dirname "$0")/lib.sh"

cd "$scratch" || exit 1
mkdir -p data/sub outside
printf 'Kính gửi: Sở Nội vụ\n' > data/a.txt
printf 'Kính gửi: Sở Tài chính\n' > data/sub/b.txt
printf 'Mật khẩu bí mật\n' > secret.txt
printf 'Kính gửi: Sở Xây dựng\n' > outside/c.txt
ln -s ../secret.txt data/leak
ln -s a.txt data/same
cat > requests <<REQ
data/a.txt
$scratch/secret.txt
{"path": "data/../secret.txt"}
data/leak
data/sub/b.txt
{"path": "/etc/passwd"}
data/same
REQ
"$VANTHU" run --jsonl --root data < requests > records 2> err
rc=$?
check "[ $rc -eq 6 ]" "exit $rc, expected 6 ($(cat err))"
check "python3 -c '
import json
r = [json.loads(l) for l in open(\"records\")]
assert [x[\"status\"] for x in r] == [\"ok\", \"error\", \"error\", \"error\", \"ok\", \"error\", \"ok\"], r
for x in r[1:4] + r[5:6]:
    assert \"outside --root data\" in x[\"error\"][\"message\"], x'" \
    "requests outside --root read, or not explained: $(cut -c1-200 records)"
check "! grep -q 'bí mật\|root:' records" "a file outside --root was read"
# Arguments are confined alike, a directory too.
expect_exit 2 'outside --root data' -- "$VANTHU" run --root data secret.txt
expect_exit 2 'outside --root data' -- "$VANTHU" run --root data outside
expect_exit 1 'root' -- "$VANTHU" run --root nowhere data/a.txt

# Walks: the link out of the tree is skipped (and said so), the one inside
# followed; --follow-symlinks follows it, but not out of --root.
ln -s ../outside data/out
"$VANTHU" run -o out1 data 2> walk1.err
check "[ -f out1/a.txt.json ] && [ -f out1/same.json ] && [ -f out1/sub/b.txt.json ]" \
    "walk lost files in the tree: $(cd out1 && find . -name '*.json')"
check "[ ! -e out1/leak.json ] && [ ! -e out1/out/c.txt.json ]" \
    "walk followed links out of the tree: $(cd out1 && find . -name '*.json')"
check "grep -q 'data/leak: symbolic link out of data' walk1.err" "skipped link not said: $(cat walk1.err)"
"$VANTHU" run -q -o out2 --follow-symlinks data
check "[ -f out2/leak.json ] && [ -f out2/out/c.txt.json ]" \
    "--follow-symlinks: $(cd out2 && find . -name '*.json')"
"$VANTHU" run -q -o out3 --follow-symlinks --root . data
check "[ -f out3/leak.json ] && [ -f out3/out/c.txt.json ] && [ -f out3/a.txt.json ]" \
    "--follow-symlinks within --root: $(cd out3 && find . -name '*.json')"
"$VANTHU" run -q -o out4 --follow-symlinks --root data data
check "[ ! -e out4/leak.json ] && [ ! -e out4/out/c.txt.json ] && [ -f out4/a.txt.json ]" \
    "--follow-symlinks left --root: $(cd out4 && find . -name '*.json')"
finish
