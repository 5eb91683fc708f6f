/* cmd_train.c — `vanthu train CORPUS... -o MODEL`: build a restore model
 * from the project's sources plus a user's own correct text, so that an
 * archive can adapt restore to its documents. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "train.h"

static const char help[] =
    "usage: vanthu train [OPTION]... CORPUS... -o MODEL\n"
    "       vanthu train --check MODEL\n"
    "\n"
    "Build a restore model from correct Vietnamese text (UTF-8, one sentence\n"
    "or paragraph per line) together with vanthu's own sources: the syllable\n"
    "phonotactics, the administrative corpus and lexicons and the OCR channel\n"
    "in DICT, and the text Debian's Vietnamese packages install.  The same\n"
    "inputs always give the same model file.\n"
    "\n"
    "  -o, --output MODEL     model file to write (required)\n"
    "  -d, --dict DIR         vanthu's dict/ directory (default: the data\n"
    "                         directory's, see VANTHU_DATA in vanthu(1))\n"
    "      --no-dict          use only the given corpora\n"
    "  -D, --debian FILE      text gathered by debian-text.sh (default: the\n"
    "                         data directory's debian-vi.txt, when present)\n"
    "  -w, --weight N         count weight of dict/ and your corpora against\n"
    "                         the Debian word lists (default 1)\n"
    "      --check MODEL      check a model file through (its checksum and\n"
    "                         every index of its tables) and build nothing:\n"
    "                         restore checks only what it reads\n"
    "\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 unreadable corpus, 3 damaged model\n"
    "(--check), 4 cannot write.\n";

int vt_cmd_train(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, help))
        return VT_OK;
    static const struct option longs[] = {
        {"output", required_argument, NULL, 'o'},
        {"dict", required_argument, NULL, 'd'},
        {"no-dict", no_argument, NULL, 'n'},
        {"debian", required_argument, NULL, 'D'},
        {"weight", required_argument, NULL, 'w'},
        {"check", required_argument, NULL, 'c'},
        {NULL, 0, NULL, 0}};
    vt_train_options o = {.corpus_weight = 1};
    bool no_dict = false;
    const char *check = NULL;
    char *dict_default = NULL, *debian_default = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:d:D:w:", longs, NULL)) != -1) {
        switch (c) {
        case 'o': o.output = optarg; break;
        case 'd': o.dict_dir = optarg; break;
        case 'n': no_dict = true; break;
        case 'c': check = optarg; break;
        case 'D': o.debian_text = optarg; break;
        case 'w': {
            char *end;
            long w = strtol(optarg, &end, 10);
            if (*end || w < 1 || w > 255)
                return vt_cli_usage_error("train", "weight must be 1..255, not '%s'", optarg);
            o.corpus_weight = (int)w;
            break;
        }
        default: return vt_cli_usage_error("train", "unknown option");
        }
    }
    if (check) {
        if (optind < argc || o.output)
            return vt_cli_usage_error("train", "--check takes one model and nothing else");
        vt_error err = {0};
        return vt_restore_model_check(check, &err) ? vt_cli_report(&err) : VT_OK;
    }
    if (!o.output)
        return vt_cli_usage_error("train", "no output model given (-o MODEL)");
    o.corpora = (const char *const *)argv + optind;
    o.n_corpora = (size_t)(argc - optind);
    if (o.n_corpora == 0 && no_dict)
        return vt_cli_usage_error("train", "no corpus given");
    if (no_dict) {
        o.dict_dir = NULL;
    } else if (!o.dict_dir) {
        vt_error err = {0};
        dict_default = vt_data_path("dict", &err);
        if (!dict_default)
            return vt_cli_report(&err);
        o.dict_dir = dict_default;
    }
    if (!o.debian_text && !no_dict)
        o.debian_text = debian_default = vt_data_path("debian-vi.txt", NULL);
    vt_error err = {0};
    vt_status st = vt_restore_train(&o, &err);
    free(dict_default);
    free(debian_default);
    return st ? vt_cli_report(&err) : VT_OK;
}
