/* mkmodel.c — the build's model compiler:
 *     vt-mkmodel DICT_DIR DEBIAN_TEXT OUTPUT DEPFILE [COUNTS]
 * `vanthu train` does the same for users; this small program exists
 * because the build must make the model before the vanthu program. */
#include <stdio.h>

#include "train.h"


int main(int argc, char **argv)
{
    if (argc != 5 && argc != 6) {
        fprintf(stderr, "usage: %s DICT_DIR DEBIAN_TEXT OUTPUT DEPFILE [COUNTS]\n", argv[0]);
        return VT_EUSAGE;
    }
    vt_train_options o = {.dict_dir = argv[1], .debian_text = argv[2],
                          .corpus_weight = 1, .output = argv[3], .depfile = argv[4],
                          .counts = argc == 6 ? argv[5] : NULL};
    vt_error err = {0};
    vt_status st = vt_restore_train(&o, &err);
    if (st != VT_OK)
        fprintf(stderr, "vt-mkmodel: %s\n", err.message);
    return (int)st;
}
