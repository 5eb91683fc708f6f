/* check.h — the smallest test harness: CHECK records a failure and goes
 * on, so one run reports every broken expectation. */
#ifndef VT_CHECK_H
#define VT_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

#define CHECK(cond)                                                            \
    do {                                                                       \
        check_count++;                                                         \
        if (!(cond)) {                                                         \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,   \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

/* CHECK with a message saying what went wrong, printf-style: for checks
 * whose condition alone does not tell (a count of pixels, a path). */
#define CHECK_MSG(cond, ...)                                                   \
    do {                                                                       \
        check_count++;                                                         \
        if (!(cond)) {                                                         \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                    \
            fprintf(stderr, __VA_ARGS__);                                      \
            fputc('\n', stderr);                                               \
        }                                                                      \
    } while (0)

#define CHECK_STR(a, b)                                                        \
    do {                                                                       \
        const char *check_a = (a), *check_b = (b);                             \
        check_count++;                                                         \
        if (!check_a || !check_b || strcmp(check_a, check_b) != 0) {           \
            check_failures++;                                                  \
            fprintf(stderr, "%s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__,   \
                    check_a ? check_a : "(null)", check_b ? check_b : "(null)"); \
        }                                                                      \
    } while (0)

static int check_done(const char *name)
{
    printf("%s: %d checks, %d failed\n", name, check_count, check_failures);
    return check_failures ? 1 : 0;
}

#endif
