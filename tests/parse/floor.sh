# floor.sh — sourced by the parse measurements: score one record against
# its gold with ../shared's scorer and hold it to a floor measured when
# the test was written.
# at_floor LABEL GOLD RECORD FLOOR: prints the score; on a score below
# the floor, the scorer's field-by-field account too, and returns 1.
at_floor() {
    score=$(python3 "$shared/tools/score_meta.py" "$2" "$3" | sed -n 's/.*score=//p')
    echo "$1: $score (floor $4)"
    awk -v s="$score" -v f="$4" 'BEGIN { exit !(s + 0 >= f + 0) }' && return 0
    python3 "$shared/tools/score_meta.py" "$2" "$3" --verbose
    echo "FAIL: $1 scored $score, below $4"
    return 1
}
