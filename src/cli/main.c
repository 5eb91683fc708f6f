/* main.c — the vanthu command: dispatch to one file per command. */
#include <dlfcn.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <leptonica/allheaders.h>

#include "cli.h"

static const char usage[] =
    "usage: vanthu COMMAND [OPTION]... [FILE]...\n"
    "\n"
    "Turn scanned Vietnamese dispatches into clean, structured records.\n"
    "\n"
    "commands:\n"
    "  run      the whole chain, one record per input (JSON or XML)\n"
    "  ocr      the OCR text of page images, one page after another\n"
    "  restore  repair diacritics and OCR confusions in text (a filter)\n"
    "  parse    the metadata record of a dispatch from text or a record\n"
    "  train    build or extend a restore model from correct text\n"
    "  diff     the words a record's text was changed in, OCR -> corrected;\n"
    "           or what changed between two records or two texts\n"
    "  review   review pages: the page pictures, the changes and the\n"
    "           metadata in a browser, decided with the keyboard\n"
    "  apply    a reviewer's decisions written into a new record\n"
    "  stages   list the stages a pipeline file may name\n"
    "\n"
    "'vanthu COMMAND --help' describes each command; 'vanthu --version' (-V, also\n"
    "after a command) prints the version.\n"
    "Exit codes: 0 ok, 1 bad arguments, 2 bad input, 3 missing dependency or\n"
    "model, 4 output error, 5 internal error, 6 some inputs of a batch failed.\n";

static int cmd_stages(int argc, char **argv)
{
    if (vt_cli_wants_help(argc, argv, "usage: vanthu stages\n\nList the stages a "
                                      "pipeline file may name, with their options:\n"
                                      "key, type and range or choices, default, and "
                                      "what it does.\n"))
        return 0;
    const vt_stage_class *const *c = vt_stage_classes();
    for (size_t i = 0; c[i]; i++) {
        printf("%-11s %s\n", c[i]->name, c[i]->summary);
        for (const vt_option_spec *o = c[i]->options; o && o->key; o++) {
            char allowed[256];
            vt_option_describe(o, allowed, sizeof allowed);
            if (o->fallback)
                printf("%14s%-15s %-26s  default %s\n", "", o->key, allowed, o->fallback);
            else
                printf("%14s%-15s %s\n", "", o->key, allowed);
            printf("%30s%s\n", "", o->help);
        }
    }
    return 0;
}

/* Debian's Tesseract is built with OpenMP, whose thread pool is set up
 * when the library loads; an unthrottled engine per worker oversubscribes
 * the cores several times over.  vanthu parallelises across pages and
 * documents itself, so it runs each engine on one thread: the limit must be
 * in the environment before the process starts, hence the re-exec. */
static void limit_openmp(char **argv)
{
    if (getenv("OMP_THREAD_LIMIT"))
        return;
    setenv("OMP_THREAD_LIMIT", "1", 1);
    execv("/proc/self/exe", argv);
    /* Not fatal: carry on unthrottled. */
}

/* A page's images (colour, grey, thresholds, Tesseract's copies) are
 * megabytes each, made and freed several times a page.  By default glibc
 * maps the large ones afresh and gives freed memory back to the kernel, so
 * that every page faults its images in again, zeroed page by page: a sixth
 * of the CPU time of a run on a virtual machine.  Freed blocks up to the
 * largest size glibc allows (a 300-dpi grey page and everything smaller)
 * stay in the heap for the next page instead; the peak stays that of one
 * page per worker. */
static void reuse_freed_images(void)
{
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
}

/* A page's images are first written into memory fresh from the kernel
 * (a process a scan, as a batch runs it), which faults them in 4 KiB at a
 * time: a seventh of the CPU time of ingest and preprocess on a virtual
 * machine.  leptonica's pixel buffers are given to the kernel's huge pages
 * instead, where it has them (transparent huge pages on request), 2 MiB a
 * fault: the whole 2 MiB spans of each buffer of a megapixel or so. */
#define HUGE_PAGE_BYTES ((uintptr_t)2 << 20)

static void *image_alloc(size_t n)
{
    void *p = malloc(n);
    uintptr_t from = ((uintptr_t)p + HUGE_PAGE_BYTES - 1) & ~(HUGE_PAGE_BYTES - 1);
    uintptr_t to = ((uintptr_t)p + n) & ~(HUGE_PAGE_BYTES - 1);
    if (p && to > from)
        madvise((void *)from, to - from, MADV_HUGEPAGE); /* advice: failing is no harm */
    return p;
}

/* Tesseract 5.3 hands each text line to its LSTM as an image in memory
 * that it encodes (ImageData::SetPix: pixWriteMem as PNG, at zlib's
 * default level) and decodes again at once (pixReadMem): a twentieth of a
 * page's CPU went on bytes nobody keeps.  The command defines pixWriteMem,
 * which the dynamic linker finds before leptonica's: a PNG that Tesseract
 * asks for is written as leptonica's own uncompressed serialisation
 * (spix), a copy of the pixels that pixReadMem, telling formats by their
 * first bytes, reads back as the same image, so that every line is read
 * as before.  Any other call, vanthu's own included, is leptonica's. */
static l_ok (*leptonica_write_mem)(l_uint8 **, size_t *, PIX *, l_int32);
static pthread_once_t write_mem_found = PTHREAD_ONCE_INIT;

static void find_write_mem(void)
{
    leptonica_write_mem = (l_ok(*)(l_uint8 **, size_t *, PIX *, l_int32))dlsym(
        RTLD_NEXT, "pixWriteMem");
}

static bool in_tesseract(const void *code)
{
    Dl_info info;
    return dladdr(code, &info) && info.dli_fname && strstr(info.dli_fname, "libtesseract");
}

l_ok pixWriteMem(l_uint8 **data, size_t *size, PIX *pix, l_int32 format)
{
    if (format == IFF_PNG && in_tesseract(__builtin_return_address(0)))
        return pixWriteMemSpix(data, size, pix);
    pthread_once(&write_mem_found, find_write_mem);
    return leptonica_write_mem ? leptonica_write_mem(data, size, pix, format) : 1;
}

/* -V or --version, before the command or among its options (up to "--"),
 * prints the version whatever the command. */
static bool version_asked(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "-V") == 0 || strcmp(argv[i], "--version") == 0)
            return true;
    return false;
}

int main(int argc, char **argv)
{
    limit_openmp(argv);
    reuse_freed_images();
    setPixMemoryManager(image_alloc, free);
    setMsgSeverity(L_SEVERITY_NONE); /* errors come back as vt_error */
    if (argc < 2) {
        fputs(usage, stderr);
        return VT_EUSAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (version_asked(argc, argv)) {
        printf("vanthu %s (record schema %s)\n", VT_VERSION, VT_SCHEMA_VERSION);
        return 0;
    }
    static const struct {
        const char *name;
        int (*fn)(int, char **);
    } cmds[] = {
        {"run", vt_cmd_run},         {"ocr", vt_cmd_ocr},
        {"restore", vt_cmd_restore}, {"parse", vt_cmd_parse},
        {"train", vt_cmd_train},     {"stages", cmd_stages},
        {"diff", vt_cmd_diff},       {"apply", vt_cmd_apply},
        {"review", vt_cmd_review},
    };
    for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
        if (strcmp(cmd, cmds[i].name) == 0)
            return cmds[i].fn(argc - 1, argv + 1);
    fprintf(stderr, "vanthu: unknown command \"%s\"\n\n%s", cmd, usage);
    return VT_EUSAGE;
}
