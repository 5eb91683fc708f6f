/* rng.c — the seeded generator behind every random choice of a sample. */
#include "mksample.h"

/* splitmix64: tiny, good enough, and identical on every platform. */
uint64_t ms_rng_next(ms_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

double ms_rng_uniform(ms_rng *r)
{
    return (double)(ms_rng_next(r) >> 11) / 9007199254740992.0;
}

double ms_rng_range(ms_rng *r, double lo, double hi)
{
    return lo + (hi - lo) * ms_rng_uniform(r);
}

double ms_rng_gauss(ms_rng *r)
{
    /* Sum of 4 uniforms: cheap and close enough to a bell for scan noise. */
    double s = 0;
    for (int i = 0; i < 4; i++)
        s += ms_rng_uniform(r);
    return (s - 2.0) * 1.7320508;
}
