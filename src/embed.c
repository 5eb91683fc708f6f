/* embed.c — a file's bytes as a C array, so that what the library and the
 * command write out or serve (the pdf format's font and colour profile, the
 * review page) is part of the build and needs no data file at run time.
 * Run by meson at build time:
 *
 *     vt-embed NAME INPUT OUTPUT.c
 *
 * defines `const unsigned char NAME[]` (the bytes and a NUL after them)
 * and `const size_t NAME_len` (the bytes, without the NUL). */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: vt-embed NAME INPUT OUTPUT.c\n", stderr);
        return 1;
    }
    const char *name = argv[1];
    FILE *in = fopen(argv[2], "rb");
    if (!in) {
        perror(argv[2]);
        return 1;
    }
    FILE *out = fopen(argv[3], "w");
    if (!out) {
        perror(argv[3]);
        fclose(in);
        return 1;
    }
    fprintf(out, "/* Made from %s by vt-embed at build time. */\n"
                 "#include <stddef.h>\n"
                 "const unsigned char %s[] = {",
            argv[2], name);
    size_t n = 0;
    int c;
    while ((c = getc(in)) != EOF)
        fprintf(out, "%s0x%02x,", n++ % 16 ? "" : "\n    ", (unsigned)c);
    fprintf(out, "\n    0x00\n};\nconst size_t %s_len = %zu;\n", name, n);
    int failed = ferror(in) != 0;
    fclose(in);
    failed |= fclose(out) != 0;
    if (failed)
        fprintf(stderr, "vt-embed: %s: read or write failed\n", argv[2]);
    return failed;
}
