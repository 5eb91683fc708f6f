/* replay.c — run a fuzz target over saved inputs, without libFuzzer: every
 * regular file in each directory (or each file) named on the command line.
 * The tests use it to replay the seed corpus and every crash ever found. */
#include <dirent.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
    vt_error err = {0};
    char *bytes;
    size_t len;
    if (vt_read_file(path, (size_t)1 << 28, &bytes, &len, &err)) {
        fprintf(stderr, "replay: %s\n", err.message);
        return 0;
    }
    LLVMFuzzerTestOneInput((const uint8_t *)bytes, len);
    free(bytes);
    return 1;
}

int main(int argc, char **argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    int n = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0)
            continue; /* no crash has been kept for this target */
        if (!S_ISDIR(st.st_mode)) {
            n += replay_file(argv[i]);
            continue;
        }
        struct dirent **names;
        int k = scandir(argv[i], &names, NULL, alphasort);
        for (int j = 0; j < k; j++) {
            if (names[j]->d_name[0] != '.') {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", argv[i], names[j]->d_name);
                n += replay_file(path);
            }
            free(names[j]);
        }
        if (k >= 0)
            free(names);
    }
    printf("replayed %d inputs without a crash\n", n);
    return 0;
}
