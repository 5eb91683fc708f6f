/*
 * rng.h — the trainer's random numbers: splitmix64, so a seed gives the
 * same pages on every machine.
 */
#ifndef VT_CHANNEL_RNG_H
#define VT_CHANNEL_RNG_H

#include <stddef.h>
#include <stdint.h>

typedef struct vt_chan_rng {
    uint64_t s;
} vt_chan_rng;

static inline uint64_t vt_chan_rng_next(vt_chan_rng *r)
{
    uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static inline double vt_chan_rng_unit(vt_chan_rng *r)
{
    return (double)(vt_chan_rng_next(r) >> 11) / 9007199254740992.0;
}

/* Uniform in [0, n); 0 when n is 0. */
static inline size_t vt_chan_rng_below(vt_chan_rng *r, size_t n)
{
    return n ? (size_t)(vt_chan_rng_next(r) % n) : 0;
}

#endif
