# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
r"""
Compiled kernel of the region engine: certified double description

A cell is a pointed polyhedral cone in homogeneous coordinates `(t, x)`
(`t > 0` for points, `t = 0` for directions), stored as its extreme rays
(*generators*) together with, for each generator, the set `Z` of the
constraints tight at it. Cutting a cell by a row `h` (the *double
description* step of Motzkin et al.) keeps the generators with `h \ge 0` and
adds `h(g_+) g_- - h(g_-) g_+` for every adjacent pair `g_+, g_-` of
generators on opposite sides; `g_+, g_-` are adjacent exactly when no third
generator is tight on every constraint tight at both (the combinatorial
test of [FP1996]_), so all combinatorics are decided by the signs `h(g)`.

Every sign is **certified** in exact mode:

- coordinates are doubles with a rigorous bound on their distance to an exact
  generator of the same ray (forward error analysis of each operation, with
  the unit roundoff `u = 2^{-53}` and an absolute slack for underflow);
  a value `h(g)` whose bound excludes zero has a certain sign;
- integer data stay exact in doubles while they are below `2^{53}` (the
  bound is then zero: degenerate integer networks need no fallback);
- when a bound grows, the generator is recomputed from `d - 1` of its tight
  rows by signed maximal minors, with a rigorous bound of the permanent type;
- a sign that is still undecided is computed exactly by a callback (rational
  arithmetic on the exact rows), which also returns the exact generator.

In float mode the same code runs with a relative tolerance instead of the
bounds (no callback); float mode is an estimate.

Two searches use it: :class:`Subdivider` splits a start cell by the units
of a network, layer by layer and unit by unit, depth first (the leaves are
the activation regions; memory is bounded by the depth), and
:class:`CellFacets` computes the facets of one cell given by inequalities
(for the facet-crossing search).

EXAMPLES:

The facets of the square `|x|, |y| \le 1` with a redundant row::

    sage: from sage_tropnet.regions.kernel import CellFacets
    sage: rows = [(1, 0, 0), (1, 1, 0), (1, -1, 0), (1, 0, 1), (1, 0, -1), (3, 1, 1)]
    sage: C = CellFacets(2)
    sage: status, groups, point, centres = C.facets([[float(t) for t in r] for r in rows],
    ....:                                           [0.0] * 6, [1] * 6)
    sage: status, groups, point
    (1, [[1], [2], [3], [4]], [0.0, 0.0])
    sage: centres[0]
    [-1.0, 0.0]

AUTHORS:

- sage_tropnet developers (2026-12): initial version

REFERENCES:

- [FP1996]_ (double description, combinatorial adjacency test)
- [Hig2002]_ (rounding error analysis)
"""
# ****************************************************************************
#       Copyright (C) 2026 sage_tropnet developers
#
# This program is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 2 of the License, or
# (at your option) any later version.
#                  https://www.gnu.org/licenses/
# ****************************************************************************

from libc.stdlib cimport malloc, realloc, free, calloc
from libc.string cimport memcpy, memset
from libc.math cimport fabs, frexp, ldexp
from libc.stdint cimport uint64_t, int64_t, uint8_t
from cpython.exc cimport PyErr_CheckSignals

cdef extern from *:
    int __builtin_popcountll(unsigned long long) nogil
    int __builtin_ctzll(unsigned long long) nogil

cdef double U = 1.1102230246251565e-16       # unit roundoff 2^-53
cdef double TINY = 1e-290                    # absolute slack (underflow)
cdef double TWO53 = 9007199254740992.0
cdef uint64_t HK1 = 0x9E3779B97F4A7C15       # splitmix64 constants (hashing tight sets)
cdef uint64_t HK2 = 0xBF58476D1CE4E5B9
cdef uint64_t HK3 = 0x94D049BB133111EB
cdef double REL = 1e-6                       # relative bound that triggers a refresh

#: kinds of path entries (constraints of a cell)
K_DOMAIN = 0
K_INFINITY = 1
K_UNIT = 2
K_MAXOUT = 3
cdef enum:
    C_DOMAIN = 0
    C_INFINITY = 1
    C_UNIT = 2        # relu-type unit: desc[3] = +1 (z >= 0) or -1 (-z >= 0)
    C_MAXOUT = 3      # maxout comparison z_s - z_t >= 0: desc[3] = s, desc[4] = t

cdef enum:
    L_LINEAR = 0
    L_RELU = 1
    L_MAXOUT = 2


cdef inline uint64_t hash_words(const uint64_t *key, int W) nogil:
    r"""
    The splitmix64 hash of the ``W`` words of a tight set.
    """
    cdef uint64_t h = 1469598103934665603
    cdef int q
    for q in range(W):
        h = (h ^ key[q]) * HK1
        h ^= h >> 30
        h *= HK2
        h ^= h >> 27
        h *= HK3
        h ^= h >> 31
    return h


cdef inline double gam(int k) nogil:
    return k * U / (1.0 - k * U)


cdef struct CellBuf:
    int m
    int cap
    double *G      # m x d coordinates
    double *E      # error bounds (max norm)
    uint8_t *X     # exact-integer flags
    uint8_t *R     # rays: the t coordinate is exactly zero
    uint64_t *Z    # m x W tight sets (bits = path positions)


cdef int buf_reserve(CellBuf *c, int need, int d, int W) except -1:
    cdef int cap
    if need <= c.cap:
        return 0
    cap = c.cap * 2 if c.cap else 16
    while cap < need:
        cap *= 2
    c.G = <double *> realloc(c.G, cap * d * sizeof(double))
    c.E = <double *> realloc(c.E, cap * sizeof(double))
    c.X = <uint8_t *> realloc(c.X, cap * sizeof(uint8_t))
    c.R = <uint8_t *> realloc(c.R, cap * sizeof(uint8_t))
    c.Z = <uint64_t *> realloc(c.Z, cap * W * sizeof(uint64_t))
    if c.G == NULL or c.E == NULL or c.X == NULL or c.R == NULL or c.Z == NULL:
        raise MemoryError()
    c.cap = cap
    return 0


cdef int buf_copy(CellBuf *dst, CellBuf *src, int d, int W) except -1:
    buf_reserve(dst, src.m, d, W)
    memcpy(dst.G, src.G, src.m * d * sizeof(double))
    memcpy(dst.E, src.E, src.m * sizeof(double))
    memcpy(dst.X, src.X, src.m * sizeof(uint8_t))
    memcpy(dst.R, src.R, src.m * sizeof(uint8_t))
    memcpy(dst.Z, src.Z, src.m * W * sizeof(uint64_t))
    dst.m = src.m
    return 0


cdef void buf_free(CellBuf *c):
    free(c.G)
    free(c.E)
    free(c.X)
    free(c.R)
    free(c.Z)
    c.G = NULL
    c.E = NULL
    c.X = NULL
    c.R = NULL
    c.Z = NULL
    c.cap = 0
    c.m = 0


cdef inline int64_t gcd64(int64_t a, int64_t b) nogil:
    cdef int64_t t
    if a < 0:
        a = -a
    if b < 0:
        b = -b
    while b:
        t = a % b
        a = b
        b = t
    return a


cdef class DDBase:
    r"""
    Buffers and the double description step shared by the searches
    (:class:`CellFacets`, :class:`Subdivider`).

    EXAMPLES::

        sage: from sage_tropnet.regions.kernel import DDBase, CellFacets
        sage: issubclass(CellFacets, DDBase)
        True
    """
    cdef int d, W, exact, maxpath, vcap, plen, nlines
    cdef double tol
    cdef double *prow
    cdef double *perr
    cdef uint8_t *pint
    cdef int *pdesc
    cdef double *vbuf
    cdef double *bbuf
    cdef int *sbuf
    cdef int *tbuf
    cdef int failed
    cdef public int64_t refreshes

    cdef int setup_path(self, int d, int maxpath) except -1:
        self.d = d
        self.maxpath = maxpath
        self.W = (maxpath + 63) // 64
        self.prow = <double *> calloc(maxpath * d + 1, sizeof(double))
        self.perr = <double *> calloc(maxpath + 1, sizeof(double))
        self.pint = <uint8_t *> calloc(maxpath + 1, sizeof(uint8_t))
        self.pdesc = <int *> calloc(5 * maxpath + 5, sizeof(int))
        if self.prow == NULL or self.perr == NULL or self.pint == NULL or self.pdesc == NULL:
            raise MemoryError()
        return 0

    def __dealloc__(self):
        free(self.prow)
        free(self.perr)
        free(self.pint)
        free(self.pdesc)
        free(self.vbuf)
        free(self.bbuf)
        free(self.sbuf)
        free(self.tbuf)

    cdef int reserve_v(self, int m) except -1:
        cdef int cap
        if m <= self.vcap:
            return 0
        cap = max(m, 2 * self.vcap, 64)
        self.vbuf = <double *> realloc(self.vbuf, cap * sizeof(double))
        self.bbuf = <double *> realloc(self.bbuf, cap * sizeof(double))
        self.sbuf = <int *> realloc(self.sbuf, cap * sizeof(int))
        self.tbuf = <int *> realloc(self.tbuf, cap * sizeof(int))
        if self.vbuf == NULL or self.bbuf == NULL or self.sbuf == NULL or self.tbuf == NULL:
            raise MemoryError()
        self.vcap = cap
        return 0

    cdef void push_path(self, double *h, double sign, double eh, int hint, int k0, int l, int u,
                        int a, int b):
        cdef int j, p = self.plen
        for j in range(self.d):
            self.prow[p * self.d + j] = sign * h[j]
        self.perr[p] = eh
        self.pint[p] = hint
        self.pdesc[5 * p] = k0
        self.pdesc[5 * p + 1] = l
        self.pdesc[5 * p + 2] = u
        self.pdesc[5 * p + 3] = a
        self.pdesc[5 * p + 4] = b
        self.plen += 1

    cdef void mark_zero(self, CellBuf *c, int bit):
        cdef int i
        cdef int wd = bit >> 6
        cdef uint64_t bm = (<uint64_t> 1) << (bit & 63)
        for i in range(c.m):
            if self.sbuf[i] == 0:
                c.Z[i * self.W + wd] |= bm

    cdef int ambiguous(self, CellBuf *c, int i, double *h, double eh, int hkind, int hl, int hu,
                       int ha, int hb) except? -9:
        r"""
        Decide an uncertain sign (subclasses: exact fallback); here: fail.
        """
        self.failed = 1
        return 0

    cdef int signs(self, CellBuf *c, double *h, double eh, int hint, int *npos, int *nneg,
                   int *nzero, int hkind, int hl, int hu, int ha, int hb, int lin0=0) except -1:
        r"""
        Signs of the row ``h`` at the generators of ``c`` into ``sbuf``
        (values in ``vbuf``, error bounds in ``bbuf``).
        """
        cdef int i, j, d = self.d, m = c.m
        cdef double v, sa, B, hn1, gn1
        cdef double *g
        self.reserve_v(m)
        hn1 = 0.0
        for j in range(d):
            hn1 += fabs(h[j])
        npos[0] = 0
        nneg[0] = 0
        nzero[0] = 0
        for i in range(m):
            g = c.G + i * d
            v = 0.0
            sa = 0.0
            gn1 = 0.0
            for j in range(d):
                v += h[j] * g[j]
                sa += fabs(h[j] * g[j])
                gn1 += fabs(g[j])
            if hint and c.X[i] and sa < TWO53:
                B = 0.0      # integers: the float value is exact, in both modes
            elif self.exact:
                B = hn1 * c.E[i] + eh * (gn1 + d * c.E[i]) + gam(d) * sa + TINY
            else:
                B = self.tol * sa + TINY
            if lin0 and c.R[i]:
                # a row without linear part vanishes exactly at a ray
                v = 0.0
                B = 0.0
            self.vbuf[i] = v
            self.bbuf[i] = B
            if v > B:
                self.sbuf[i] = 1
            elif v < -B:
                self.sbuf[i] = -1
            elif not self.exact or (B == 0.0 and v == 0.0):
                self.sbuf[i] = 0
            else:
                if self.refresh(c, i):
                    g = c.G + i * d
                    v = 0.0
                    sa = 0.0
                    gn1 = 0.0
                    for j in range(d):
                        v += h[j] * g[j]
                        sa += fabs(h[j] * g[j])
                        gn1 += fabs(g[j])
                    B = hn1 * c.E[i] + eh * (gn1 + d * c.E[i]) + gam(d) * sa + TINY
                    self.vbuf[i] = v
                    self.bbuf[i] = B
                if v > B:
                    self.sbuf[i] = 1
                elif v < -B:
                    self.sbuf[i] = -1
                else:
                    self.sbuf[i] = self.ambiguous(c, i, h, eh, hkind, hl, hu, ha, hb)
                    # the exact generator (rounded) replaced the old one
                    g = c.G + i * d
                    v = 0.0
                    sa = 0.0
                    gn1 = 0.0
                    for j in range(d):
                        v += h[j] * g[j]
                        sa += fabs(h[j] * g[j])
                        gn1 += fabs(g[j])
                    self.vbuf[i] = v if self.sbuf[i] else 0.0
                    self.bbuf[i] = (hn1 * c.E[i] + eh * (gn1 + d * c.E[i]) + gam(d) * sa +
                                    TINY) if self.sbuf[i] else 0.0
            if self.sbuf[i] > 0:
                npos[0] += 1
            elif self.sbuf[i] < 0:
                nneg[0] += 1
            else:
                nzero[0] += 1
        return 0

    cdef int split(self, CellBuf *c, int bit, CellBuf *outp, CellBuf *outn) except -1:
        r"""
        Split ``c`` with the signs in ``sbuf``: ``outp`` gets the part where
        the row is ``>= 0``, ``outn`` (unless NULL) the part where it is
        ``<= 0``; the new generators are tight on path position ``bit``.
        """
        cdef int i, j, k, q, d = self.d, W = self.W, m = c.m
        cdef int wd = bit >> 6
        cdef uint64_t bm = (<uint64_t> 1) << (bit & 63)
        cdef uint64_t *Zi
        cdef uint64_t *Zj
        cdef uint64_t *Zk
        cdef uint64_t *Iw = <uint64_t *> malloc((W + 1) * sizeof(uint64_t))
        cdef int cnt, ok, isint, simple, simple_d, npos_, nneg_, nsimple, hashed, np2, nn2, a, bb
        cdef int np_ns, nn_ns
        cdef int *pl
        cdef int *nlist
        cdef double vi, vj, Bi, Bj, gi_max, gj_max, mx, e
        cdef double *gi
        cdef double *gj
        cdef double *gn
        cdef int64_t gg
        if Iw == NULL:
            raise MemoryError()
        try:
            buf_reserve(outp, m, d, W)
            outp.m = 0
            if outn != NULL:
                buf_reserve(outn, m, d, W)
                outn.m = 0
            for i in range(m):
                if self.sbuf[i] >= 0:
                    q = outp.m
                    memcpy(outp.G + q * d, c.G + i * d, d * sizeof(double))
                    outp.E[q] = c.E[i]
                    outp.X[q] = c.X[i]
                    outp.R[q] = c.R[i]
                    memcpy(outp.Z + q * W, c.Z + i * W, W * sizeof(uint64_t))
                    if self.sbuf[i] == 0:
                        outp.Z[q * W + wd] |= bm
                    outp.m += 1
                if outn != NULL and self.sbuf[i] <= 0:
                    q = outn.m
                    memcpy(outn.G + q * d, c.G + i * d, d * sizeof(double))
                    outn.E[q] = c.E[i]
                    outn.X[q] = c.X[i]
                    outn.R[q] = c.R[i]
                    memcpy(outn.Z + q * W, c.Z + i * W, W * sizeof(uint64_t))
                    if self.sbuf[i] == 0:
                        outn.Z[q * W + wd] |= bm
                    outn.m += 1
            # the number of tight rows of each generator (d - 1 - lines if simple)
            self.reserve_v(m)
            simple_d = d - 1 - self.nlines
            npos_ = 0
            nneg_ = 0
            nsimple = 0
            for i in range(m):
                cnt = 0
                for q in range(W):
                    cnt += __builtin_popcountll(c.Z[i * W + q])
                self.tbuf[i] = cnt
                if self.sbuf[i] > 0:
                    npos_ += 1
                elif self.sbuf[i] < 0:
                    nneg_ += 1
            if self.nlines == 0 and npos_ * nneg_ > 32:
                # simple generators: adjacent pairs share d - 2 tight rows,
                # found by hashing the tight sets with one row dropped
                self.hash_pairs(c, outp, outn, bit, simple_d)
                hashed = 1
            else:
                hashed = 0
            # the remaining pairs: all of them, or (after hashing) those with a
            # degenerate generator
            # pl: positive generators, degenerate ones first (np_ns of them);
            # nlist: negative generators, degenerate ones first (nn_ns of them)
            pl = <int *> malloc((m + 1) * sizeof(int))
            nlist = <int *> malloc((m + 1) * sizeof(int))
            np2 = 0
            nn2 = 0
            for i in range(m):
                if self.sbuf[i] > 0 and self.tbuf[i] != simple_d:
                    pl[np2] = i
                    np2 += 1
                elif self.sbuf[i] < 0 and self.tbuf[i] != simple_d:
                    nlist[nn2] = i
                    nn2 += 1
            np_ns = np2
            nn_ns = nn2
            for i in range(m):
                if self.sbuf[i] > 0 and self.tbuf[i] == simple_d:
                    pl[np2] = i
                    np2 += 1
                elif self.sbuf[i] < 0 and self.tbuf[i] == simple_d:
                    nlist[nn2] = i
                    nn2 += 1
            for a in range(np2):
                i = pl[a]
                Zi = c.Z + i * W
                # after hashing, a simple positive generator pairs only with
                # the degenerate negative ones
                for bb in range(nn_ns if (hashed and a >= np_ns) else nn2):
                    j = nlist[bb]
                    Zj = c.Z + j * W
                    cnt = 0
                    for q in range(W):
                        Iw[q] = Zi[q] & Zj[q]
                        cnt += __builtin_popcountll(Iw[q])
                    if cnt < d - 2 - self.nlines:
                        continue
                    # two simple generators sharing d - 2 tight rows span a
                    # 2-face: adjacent, no third generator can lie on it
                    ok = 1
                    simple = (self.tbuf[i] == simple_d and self.tbuf[j] == simple_d and
                              cnt == d - 2 - self.nlines)
                    for k in range(0 if not simple else m, m):
                        if k == i or k == j:
                            continue
                        Zk = c.Z + k * W
                        for q in range(W):
                            if (Zk[q] & Iw[q]) != Iw[q]:
                                break
                        else:
                            ok = 0
                            break
                    if not ok:
                        continue
                    self.new_generator(c, i, j, Iw, outp, outn, bit)
            free(pl)
            free(nlist)
        finally:
            free(Iw)
        return 0

    cdef int hash_pairs(self, CellBuf *c, CellBuf *outp, CellBuf *outn, int bit,
                        int simple_d) except -1:
        r"""
        Add the new generators of the adjacent pairs of simple generators on
        opposite sides: two simple generators are adjacent exactly when their
        tight sets differ in one row each (they then share d - 2 rows).
        """
        cdef int i, j, q, w, b, slot, cap, nk, found
        cdef int m = c.m, W = self.W
        cdef uint64_t word
        cdef uint64_t *key = <uint64_t *> malloc((W + 1) * sizeof(uint64_t))
        cdef uint64_t *hk
        cdef int *hv
        nk = 0
        for i in range(m):
            if self.sbuf[i] > 0 and self.tbuf[i] == simple_d:
                nk += simple_d
        cap = 16
        while cap < 2 * nk + 2:
            cap *= 2
        hk = <uint64_t *> malloc(cap * W * sizeof(uint64_t))
        hv = <int *> malloc(cap * sizeof(int))
        if key == NULL or hk == NULL or hv == NULL:
            free(key)
            free(hk)
            free(hv)
            raise MemoryError()
        try:
            for slot in range(cap):
                hv[slot] = -1
            # insert the positive side
            for i in range(m):
                if self.sbuf[i] <= 0 or self.tbuf[i] != simple_d:
                    continue
                for w in range(W):
                    word = c.Z[i * W + w]
                    while word:
                        b = __builtin_ctzll(word)
                        word &= word - 1
                        memcpy(key, c.Z + i * W, W * sizeof(uint64_t))
                        key[w] &= ~((<uint64_t> 1) << b)
                        slot = <int> (hash_words(key, W) & <uint64_t> (cap - 1))
                        while hv[slot] >= 0:
                            slot = (slot + 1) & (cap - 1)
                        memcpy(hk + slot * W, key, W * sizeof(uint64_t))
                        hv[slot] = i
            # look up the negative side
            for j in range(m):
                if self.sbuf[j] >= 0 or self.tbuf[j] != simple_d:
                    continue
                for w in range(W):
                    word = c.Z[j * W + w]
                    while word:
                        b = __builtin_ctzll(word)
                        word &= word - 1
                        memcpy(key, c.Z + j * W, W * sizeof(uint64_t))
                        key[w] &= ~((<uint64_t> 1) << b)
                        slot = <int> (hash_words(key, W) & <uint64_t> (cap - 1))
                        while hv[slot] >= 0:
                            found = 1
                            for q in range(W):
                                if hk[slot * W + q] != key[q]:
                                    found = 0
                                    break
                            if found:
                                self.new_generator(c, hv[slot], j, key, outp, outn, bit)
                            slot = (slot + 1) & (cap - 1)
        finally:
            free(key)
            free(hk)
            free(hv)
        return 0

    cdef int new_generator(self, CellBuf *c, int i, int j, uint64_t *Iw, CellBuf *outp,
                           CellBuf *outn, int bit) except -1:
        r"""
        Add ``h(g_i) g_j - h(g_j) g_i`` (``g_i``, ``g_j`` adjacent on opposite
        sides) to the outputs, tight on ``Iw`` and on the row ``bit``.
        """
        cdef int k, q, d = self.d, W = self.W, isint
        cdef int wd = bit >> 6
        cdef uint64_t bm = (<uint64_t> 1) << (bit & 63)
        cdef double vi, vj, Bi, Bj, gi_max, gj_max, mx, e
        cdef double *gi
        cdef double *gj
        cdef double *gn
        cdef int64_t gg
        buf_reserve(outp, outp.m + 1, d, W)
        gn = outp.G + outp.m * d
        gi = c.G + i * d
        gj = c.G + j * d
        vi = self.vbuf[i]
        vj = self.vbuf[j]
        Bi = self.bbuf[i]
        Bj = self.bbuf[j]
        gi_max = 0.0
        gj_max = 0.0
        mx = 0.0
        for q in range(d):
            gn[q] = vi * gj[q] - vj * gi[q]
            if fabs(gi[q]) > gi_max:
                gi_max = fabs(gi[q])
            if fabs(gj[q]) > gj_max:
                gj_max = fabs(gj[q])
            if fabs(gn[q]) > mx:
                mx = fabs(gn[q])
        isint = c.X[i] and c.X[j] and Bi == 0.0 and Bj == 0.0 and \
            fabs(vi) * gj_max + fabs(vj) * gi_max < TWO53
        if isint:
            gg = 0
            for q in range(d):
                gg = gcd64(gg, <int64_t> gn[q])
            if gg > 1:
                for q in range(d):
                    gn[q] = <double> ((<int64_t> gn[q]) // gg)
            outp.E[outp.m] = 0.0
            outp.X[outp.m] = 1
        else:
            if self.exact:
                e = fabs(vi) * c.E[j] + Bi * (gj_max + c.E[j]) + \
                    fabs(vj) * c.E[i] + Bj * (gi_max + c.E[i]) + \
                    gam(2) * (fabs(vi) * gj_max + fabs(vj) * gi_max) + TINY
            else:
                e = 0.0
            if mx > 0.0:
                frexp(mx, &k)
                for q in range(d):
                    gn[q] = ldexp(gn[q], -k)
                e = ldexp(e, -k) + TINY
            outp.E[outp.m] = e
            outp.X[outp.m] = 0
        outp.R[outp.m] = c.R[i] and c.R[j]
        if outp.R[outp.m]:
            gn[0] = 0.0
        memcpy(outp.Z + outp.m * W, Iw, W * sizeof(uint64_t))
        outp.Z[outp.m * W + wd] |= bm
        if self.exact and outp.E[outp.m] > REL and not outp.X[outp.m]:
            self.refresh(outp, outp.m)
        if outn != NULL:
            buf_reserve(outn, outn.m + 1, d, W)
            memcpy(outn.G + outn.m * d, outp.G + outp.m * d, d * sizeof(double))
            outn.E[outn.m] = outp.E[outp.m]
            outn.X[outn.m] = outp.X[outp.m]
            outn.R[outn.m] = outp.R[outp.m]
            memcpy(outn.Z + outn.m * W, outp.Z + outp.m * W, W * sizeof(uint64_t))
            outn.m += 1
        outp.m += 1
        return 0

    cdef int refresh(self, CellBuf *c, int i) except -1:
        r"""
        Recompute generator ``i`` from ``d - 1`` of its tight rows by signed
        maximal minors, with a rigorous error bound; return 1 on success.
        """
        cdef int d = self.d, W = self.W, p, k, j, mask, full, sub, pos, bit, cnt, t
        cdef int idx[64]
        cdef double mm[256]
        cdef double aa[256]
        cdef double pp[256]
        cdef double C[8]
        cdef double Ce[8]
        cdef double r, er, sgn, dot, ge, cn1, gn1, mx, e, go
        cdef double *row
        if d > 8:
            return 0
        cnt = 0
        for p in range(self.plen):
            if (c.Z[i * W + (p >> 6)] >> (p & 63)) & 1:
                if cnt < 64:
                    idx[cnt] = p
                    cnt += 1
        if cnt < d - 1:
            return 0
        if cnt > d - 1:
            if not self.pick_rows(idx, cnt):
                return 0
        full = (1 << d) - 1
        mm[0] = 1.0
        aa[0] = 1.0
        pp[0] = 1.0
        for mask in range(1, full + 1):
            k = __builtin_popcountll(mask)
            if k > d - 1:
                continue
            row = self.prow + idx[k - 1] * d
            er = self.perr[idx[k - 1]]
            r = 0.0
            mx = 0.0
            e = 0.0
            pos = 0
            for j in range(d):
                bit = 1 << j
                if not (mask & bit):
                    continue
                sub = mask ^ bit
                sgn = 1.0 if ((k - 1 + pos) % 2 == 0) else -1.0
                r += sgn * row[j] * mm[sub]
                mx += fabs(row[j]) * aa[sub]
                e += (fabs(row[j]) + er) * pp[sub]
                pos += 1
            mm[mask] = r
            aa[mask] = mx
            pp[mask] = e
        cn1 = 0.0
        ge = 0.0
        t = 0
        for j in range(d):
            sub = full ^ (1 << j)
            C[j] = mm[sub] if j % 2 == 0 else -mm[sub]
            Ce[j] = (pp[sub] - aa[sub]) + 2.0 * gam(d * (d + 1)) * (pp[sub] + aa[sub]) + TINY
            if fabs(C[j]) > Ce[j]:
                t = 1
            if Ce[j] > ge:
                ge = Ce[j]
            cn1 += fabs(C[j])
        if not t:
            return 0
        # orientation: along the old approximation
        dot = 0.0
        gn1 = 0.0
        go = 0.0
        for j in range(d):
            dot += c.G[i * d + j] * C[j]
            gn1 += fabs(c.G[i * d + j])
            go += fabs(c.G[i * d + j] * C[j])
        e = c.E[i] * cn1 + ge * (gn1 + d * c.E[i]) + gam(d) * go + TINY
        if fabs(dot) <= e:
            return 0
        sgn = 1.0 if dot > 0 else -1.0
        mx = 0.0
        for j in range(d):
            if fabs(C[j]) > mx:
                mx = fabs(C[j])
        frexp(mx, &k)
        for j in range(d):
            c.G[i * d + j] = ldexp(sgn * C[j], -k)
        if c.R[i]:
            c.G[i * d] = 0.0
        c.E[i] = ldexp(ge, -k) + TINY
        c.X[i] = 0
        self.refreshes += 1
        return 1

    cdef int pick_rows(self, int *idx, int cnt):
        r"""
        Move ``d - 1`` numerically independent rows to the front of ``idx``
        (Gaussian elimination with partial pivoting); return 0 if none found.
        """
        cdef int d = self.d, a, j, best, t, col, rank = 0
        cdef double Mx[64 * 8]
        cdef double mval, f
        for a in range(cnt):
            for j in range(d):
                Mx[a * d + j] = self.prow[idx[a] * d + j]
        for col in range(d):
            if rank == d - 1:
                break
            best = -1
            mval = 0.0
            for a in range(rank, cnt):
                if fabs(Mx[a * d + col]) > mval:
                    mval = fabs(Mx[a * d + col])
                    best = a
            if best < 0 or mval == 0.0:
                continue
            t = idx[rank]
            idx[rank] = idx[best]
            idx[best] = t
            for j in range(d):
                f = Mx[rank * d + j]
                Mx[rank * d + j] = Mx[best * d + j]
                Mx[best * d + j] = f
            for a in range(rank + 1, cnt):
                f = Mx[a * d + col] / Mx[rank * d + col]
                for j in range(d):
                    Mx[a * d + j] -= f * Mx[rank * d + j]
            rank += 1
        return 1 if rank == d - 1 else 0

    cdef int maximal_groups(self, CellBuf *c, list groups) except -1:
        r"""
        Append to ``groups`` the lists of path positions whose sets of tight
        generators are maximal (the facets of the cell; rows defining the same
        facet are grouped).
        """
        cdef int p, pp, i, w, m = c.m, W = self.W, d = self.d, P = self.plen, sub, eq
        cdef int Wg = (m + 63) // 64
        cdef uint64_t *T = <uint64_t *> calloc(P * Wg + 1, sizeof(uint64_t))
        cdef int *cnt = <int *> calloc(P + 1, sizeof(int))
        cdef uint8_t *cand = <uint8_t *> calloc(P + 1, sizeof(uint8_t))
        if T == NULL or cnt == NULL or cand == NULL:
            free(T)
            free(cnt)
            free(cand)
            raise MemoryError()
        try:
            for p in range(P):
                for i in range(m):
                    if (c.Z[i * W + (p >> 6)] >> (p & 63)) & 1:
                        T[p * Wg + (i >> 6)] |= (<uint64_t> 1) << (i & 63)
                        cnt[p] += 1
                cand[p] = cnt[p] >= d - 1 and cnt[p] < m
            for p in range(P):
                if not cand[p]:
                    continue
                for pp in range(P):
                    if pp == p or not cand[pp] or cnt[pp] <= cnt[p]:
                        continue
                    sub = 1
                    for w in range(Wg):
                        if (T[p * Wg + w] & T[pp * Wg + w]) != T[p * Wg + w]:
                            sub = 0
                            break
                    if sub:
                        cand[p] = 0
                        break
            for p in range(P):
                if cand[p] != 1:
                    continue
                owners = [p]
                for pp in range(p + 1, P):
                    if cand[pp] != 1 or cnt[pp] != cnt[p]:
                        continue
                    eq = 1
                    for w in range(Wg):
                        if T[p * Wg + w] != T[pp * Wg + w]:
                            eq = 0
                            break
                    if eq:
                        owners.append(pp)
                        cand[pp] = 2
                groups.append(owners)
        finally:
            free(T)
            free(cnt)
            free(cand)
        return 0

    cdef list interior_point(self, CellBuf *c):
        r"""
        A point of the interior: a positive combination of all generators.
        """
        cdef int i, j, d = self.d
        cdef double nr
        cdef double *y = <double *> calloc(d, sizeof(double))
        for i in range(c.m):
            nr = 0.0
            for j in range(d):
                nr += fabs(c.G[i * d + j])
            if nr == 0.0:
                continue
            for j in range(d):
                y[j] += c.G[i * d + j] / nr
        out = [y[j] / y[0] if y[0] != 0 else 0.0 for j in range(1, d)]
        free(y)
        return out

    cdef list facet_centre(self, CellBuf *c, int p):
        r"""
        A float point in the relative interior of the facet of path row ``p``:
        a positive combination of the generators tight on it.
        """
        cdef int i, j, d = self.d, W = self.W
        cdef double nr
        y = [0.0] * d
        for i in range(c.m):
            if not ((c.Z[i * W + (p >> 6)] >> (p & 63)) & 1):
                continue
            nr = 0.0
            for j in range(d):
                nr += fabs(c.G[i * d + j])
            if nr == 0.0:
                continue
            for j in range(d):
                y[j] += c.G[i * d + j] / nr
        return [y[j] / y[0] if y[0] != 0 else 0.0 for j in range(1, d)]


def float_row(r):
    r"""
    Return ``(coordinates, error bound, integer flag)``: the integer vector
    ``r`` in floating point, scaled by a power of two if it is large, with a
    bound on the error of every coordinate (zero, and the flag set, when the
    integers are exact doubles).

    EXAMPLES::

        sage: from sage_tropnet.regions.kernel import float_row
        sage: float_row([3, -4])
        ([3.0, -4.0], 0.0, 1)
        sage: f, e, x = float_row([2**80 + 1, 1]); f, e < 1e-15, x
        ([0.5, 4.1359030627651384e-25], True, 0)
    """
    from fractions import Fraction
    mx = max(abs(int(t)) for t in r) if len(r) else 0
    if mx < 2 ** 53:
        return [float(t) for t in r], 0.0, 1
    k = mx.bit_length()
    f = [float(Fraction(int(t), 1 << k)) for t in r]
    return f, U * max(abs(t) for t in f) + TINY, 0


# ---------------------------------------------------------------------------
# the facets of one cell
# ---------------------------------------------------------------------------

cdef class SavedCone:
    r"""
    A cone saved by :meth:`CellFacets.facets` after its first rows (its
    generators, their tight rows and those rows), to start other cells from.

    EXAMPLES::

        sage: from sage_tropnet.regions.kernel import CellFacets, SavedCone
        sage: C = CellFacets(1)
        sage: r = C.facets([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]], [0.0] * 3, [1] * 3,
        ....:              cache_key='a', cache_rows=2)
        sage: isinstance(C.saved('a'), SavedCone)
        True
    """
    cdef int m, d, W, plen
    cdef double *G
    cdef double *E
    cdef uint8_t *X
    cdef uint8_t *R
    cdef uint64_t *Z
    cdef double *prow
    cdef double *perr
    cdef uint8_t *pint
    cdef int *pdesc

    def __dealloc__(self):
        free(self.G)
        free(self.E)
        free(self.X)
        free(self.R)
        free(self.Z)
        free(self.prow)
        free(self.perr)
        free(self.pint)
        free(self.pdesc)


cdef class CellFacets(DDBase):
    r"""
    Facets of a cell `\{x : c_k + a_k \cdot x \ge 0\}` by the double
    description method, with certified signs (or tolerances in float mode).

    INPUT:

    - ``n`` -- the dimension
    - ``exact`` -- boolean (default: ``True``)
    - ``tol`` -- relative tolerance of float mode (default: ``1e-9``)

    EXAMPLES::

        sage: from sage_tropnet.regions.kernel import CellFacets
        sage: C = CellFacets(1)
        sage: C.facets([[1.0, 0.0], [0.0, 1.0], [2.0, -1.0]], [0.0] * 3, [1] * 3)
        (1, [[1], [2]], [0.5], [[0.0], [2.0]])
        sage: C.facets([[1.0, 0.0], [0.0, 1.0], [0.0, -1.0]], [0.0] * 3, [1] * 3)[0]
        0
    """
    cdef CellBuf cur
    cdef CellBuf nxt
    cdef int cap_rows
    cdef object exact_rows
    cdef public int64_t fallbacks
    cdef dict cones

    def __init__(self, int n, bint exact=True, double tol=1e-9):
        self.exact = 1 if exact else 0
        self.tol = tol
        self.cap_rows = 0
        self.d = n + 1
        self.cones = {}

    def __dealloc__(self):
        buf_free(&self.cur)
        buf_free(&self.nxt)

    def saved(self, key):
        r"""
        Return the cone saved under ``key`` (or ``None``).

        EXAMPLES::

            sage: from sage_tropnet.regions.kernel import CellFacets
            sage: CellFacets(2).saved('nothing') is None
            True
        """
        return self.cones.get(key)

    cdef SavedCone save(self, CellBuf *c):
        cdef SavedCone S = SavedCone.__new__(SavedCone)
        cdef int d = self.d, W = self.W, m = c.m, P = self.plen, i
        # the cone is reused by many cells: make its generators accurate first
        if self.exact:
            for i in range(m):
                if not c.X[i] and c.E[i] > 1e-13:
                    self.refresh(c, i)
        S.m, S.d, S.W, S.plen = m, d, W, P
        S.G = <double *> malloc((m * d + 1) * sizeof(double))
        S.E = <double *> malloc((m + 1) * sizeof(double))
        S.X = <uint8_t *> malloc(m + 1)
        S.R = <uint8_t *> malloc(m + 1)
        S.Z = <uint64_t *> malloc((m * W + 1) * sizeof(uint64_t))
        S.prow = <double *> malloc((P * d + 1) * sizeof(double))
        S.perr = <double *> malloc((P + 1) * sizeof(double))
        S.pint = <uint8_t *> malloc(P + 1)
        S.pdesc = <int *> malloc((5 * P + 1) * sizeof(int))
        memcpy(S.G, c.G, m * d * sizeof(double))
        memcpy(S.E, c.E, m * sizeof(double))
        memcpy(S.X, c.X, m)
        memcpy(S.R, c.R, m)
        memcpy(S.Z, c.Z, m * W * sizeof(uint64_t))
        memcpy(S.prow, self.prow, P * d * sizeof(double))
        memcpy(S.perr, self.perr, P * sizeof(double))
        memcpy(S.pint, self.pint, P)
        memcpy(S.pdesc, self.pdesc, 5 * P * sizeof(int))
        return S

    cdef int restore(self, SavedCone S, CellBuf *c) except -1:
        cdef int i, q, d = self.d, W = self.W, m = S.m
        buf_reserve(c, m, d, W)
        c.m = m
        memcpy(c.G, S.G, m * d * sizeof(double))
        memcpy(c.E, S.E, m * sizeof(double))
        memcpy(c.X, S.X, m)
        memcpy(c.R, S.R, m)
        memset(c.Z, 0, m * W * sizeof(uint64_t))
        for i in range(m):
            for q in range(min(W, S.W)):
                c.Z[i * W + q] = S.Z[i * S.W + q]
        memcpy(self.prow, S.prow, S.plen * d * sizeof(double))
        memcpy(self.perr, S.perr, S.plen * sizeof(double))
        memcpy(self.pint, S.pint, S.plen)
        memcpy(self.pdesc, S.pdesc, 5 * S.plen * sizeof(int))
        self.plen = S.plen
        return 0

    def facets(self, rows, errs, ints, exact=None, cache_key=None, cache_rows=0):
        r"""
        Return ``(status, groups, point, centres)``: ``status`` is ``1`` (a
        full-dimensional pointed cell: ``groups`` lists its facets, each as
        the list of the indices of the rows defining it, ``point`` is an
        interior point and ``centres`` a point in the relative interior of
        each facet, in floating point), ``0`` (not full-dimensional) or
        ``-1`` (undecided: a sign could not be certified, or the cell has a
        lineality space).

        INPUT:

        - ``rows`` -- list of float rows ``(c, a_1, ..., a_n)``
        - ``errs`` -- list of bounds on the error of each float row (max norm)
        - ``ints`` -- list of flags: the row is an exact integer row
        - ``exact`` -- optional list of the exact integer rows: a sign the
          error bounds leave undecided is then computed exactly (once the cone
          is pointed), instead of giving up
        - ``cache_key``, ``cache_rows`` -- optional: the cone of the first
          ``cache_rows`` rows is saved under ``cache_key`` (if it is pointed),
          or taken from the cache if it is there (then the first
          ``cache_rows`` rows must be the same)

        EXAMPLES::

            sage: from sage_tropnet.regions.kernel import CellFacets
            sage: C = CellFacets(2)
            sage: C.facets([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 1.0]],
            ....:          [0.0] * 4, [1] * 4)
            (1, [[0], [1], [2]], [1.0, 1.0], [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0]])
            sage: C.facets([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, -1.0, 0.0]],
            ....:          [0.0] * 3, [1] * 3)[0]
            0
            sage: C.facets([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], [0.0] * 2, [1] * 2)[0]
            -1
        """
        cdef int m = len(rows), d = self.d, i, j, k, npos, nneg, nzero, nl, best, W, k0
        cdef double bv, hv, vb, e, mx, gmax, lmax
        cdef double *h
        cdef CellBuf *c
        cdef CellBuf *o
        cdef CellBuf tmp
        if m + 1 > self.cap_rows:
            free(self.prow)
            free(self.perr)
            free(self.pint)
            free(self.pdesc)
            self.setup_path(d, max(m + 1, 2 * self.cap_rows))
            self.cap_rows = self.maxpath
            # the tight sets are wider now: reallocate the cells
            buf_free(&self.cur)
            buf_free(&self.nxt)
        W = self.W
        self.plen = 0
        self.failed = 0
        self.exact_rows = exact
        # lines: the unit vectors (all of R^d); rays: none
        nl = d
        self.nlines = nl
        lines = [[1.0 if j == i else 0.0 for j in range(d)] for i in range(d)]
        lerr = [0.0] * d
        lint = [1] * d
        c = &self.cur
        buf_reserve(c, 4, d, W)
        c.m = 0
        hrow = <double *> malloc(d * sizeof(double))
        k0 = 0
        if cache_key is not None and cache_key in self.cones:
            self.restore(<SavedCone> self.cones[cache_key], c)
            nl = 0
            self.nlines = 0
            k0 = cache_rows
        try:
            for k in range(k0, m):
                if cache_key is not None and k == cache_rows and k0 == 0 and nl == 0:
                    self.cones[cache_key] = self.save(c)
                self.failed = 0
                for j in range(d):
                    hrow[j] = rows[k][j]
                self.push_path(hrow, 1.0, errs[k], ints[k], C_DOMAIN, 0, k, 0, 0)
                h = self.prow + (self.plen - 1) * d
                if nl:
                    # values on the lines
                    best = -1
                    lmax = 0.0
                    vals = []
                    certain = []
                    for i in range(nl):
                        hv = 0.0
                        vb = 0.0
                        gmax = 0.0
                        for j in range(d):
                            hv += h[j] * lines[i][j]
                            vb += fabs(h[j] * lines[i][j])
                        if ints[k] and lint[i] and vb < TWO53:
                            e = 0.0      # integers: exact in both modes
                        elif self.exact:
                            e = sum(abs(t) for t in rows[k]) * lerr[i] + errs[k] * (
                                sum(abs(t) for t in lines[i]) + d * lerr[i]) + gam(d) * vb + TINY
                        else:
                            e = self.tol * vb + TINY
                        vals.append((hv, e))
                        if fabs(hv) > e and fabs(hv) / (vb + TINY) > lmax:
                            lmax = fabs(hv) / (vb + TINY)
                            best = i
                        elif fabs(hv) > e:
                            pass
                        elif self.exact and not (e == 0.0 and hv == 0.0):
                            # a line on which the row might not vanish: undecided
                            self.failed = 1
                    if best >= 0:
                        self.failed = 0
                        # eliminate: the best line becomes a ray
                        pv, pe = vals[best]
                        if pv < 0:
                            lines[best] = [-t for t in lines[best]]
                            pv = -pv
                        piv = lines[best]
                        pint = lint[best]
                        perr_ = lerr[best]
                        newlines, newerr, newint = [], [], []
                        for i in range(nl):
                            if i == best:
                                continue
                            hv, e = vals[i]
                            g = [pv * lines[i][j] - hv * piv[j] for j in range(d)]
                            gm = max(abs(t) for t in g)
                            isint = pint and lint[i] and pe == 0.0 and e == 0.0 and \
                                abs(pv) * max(abs(t) for t in lines[i]) + abs(hv) * max(abs(t) for t in piv) < TWO53
                            if isint:
                                er = 0.0
                            else:
                                er = abs(pv) * lerr[i] + pe * (max(abs(t) for t in lines[i]) + lerr[i]) + \
                                    abs(hv) * perr_ + e * (max(abs(t) for t in piv) + perr_) + \
                                    gam(2) * (abs(pv) * max(abs(t) for t in lines[i]) + abs(hv) * max(abs(t) for t in piv)) + TINY
                                if gm > 0:
                                    sc = 2.0 ** (-int(gm).bit_length()) if gm >= 1 else 1.0
                                    g = [t * sc for t in g]
                                    er = er * sc
                            newlines.append(g)
                            newerr.append(er)
                            newint.append(1 if isint else 0)
                        # rays: r' = pv r - h(r) piv
                        self.signs(c, h, errs[k], ints[k], &npos, &nneg, &nzero, C_DOMAIN, 0, k, 0, 0)
                        for i in range(c.m):
                            hv = self.vbuf[i]
                            vb = self.bbuf[i]
                            gmax = 0.0
                            for j in range(d):
                                if fabs(c.G[i * d + j]) > gmax:
                                    gmax = fabs(c.G[i * d + j])
                            isint = c.X[i] and pint and pe == 0.0 and vb == 0.0 and \
                                abs(pv) * gmax + abs(hv) * max(abs(t) for t in piv) < TWO53
                            mx = 0.0
                            for j in range(d):
                                c.G[i * d + j] = pv * c.G[i * d + j] - hv * piv[j]
                                if fabs(c.G[i * d + j]) > mx:
                                    mx = fabs(c.G[i * d + j])
                            c.R[i] = 0
                            if isint:
                                c.E[i] = 0.0
                                c.X[i] = 1
                            else:
                                c.E[i] = abs(pv) * c.E[i] + pe * (gmax + c.E[i]) + \
                                    abs(hv) * perr_ + vb * (max(abs(t) for t in piv) + perr_) + \
                                    gam(2) * (abs(pv) * gmax + abs(hv) * max(abs(t) for t in piv)) + TINY
                                c.X[i] = 0
                                if mx > 0:
                                    frexp(mx, &best)
                                    for j in range(d):
                                        c.G[i * d + j] = ldexp(c.G[i * d + j], -best)
                                    c.E[i] = ldexp(c.E[i], -best) + TINY
                            c.Z[i * W + ((self.plen - 1) >> 6)] |= (<uint64_t> 1) << ((self.plen - 1) & 63)
                        # the pivot line becomes a ray, tight on every earlier row
                        buf_reserve(c, c.m + 1, d, W)
                        for j in range(d):
                            c.G[c.m * d + j] = piv[j]
                        c.E[c.m] = perr_
                        c.X[c.m] = pint
                        c.R[c.m] = 0
                        memset(c.Z + c.m * W, 0, W * sizeof(uint64_t))
                        for i in range(self.plen - 1):
                            c.Z[c.m * W + (i >> 6)] |= (<uint64_t> 1) << (i & 63)
                        c.m += 1
                        lines, lerr, lint = newlines, newerr, newint
                        nl -= 1
                        self.nlines = nl
                        continue
                    if self.failed:
                        return (-1, [], [], [])
                # every line lies in the hyperplane: a regular step
                self.signs(c, h, errs[k], ints[k], &npos, &nneg, &nzero, C_DOMAIN, 0, k, 0, 0)
                if self.failed:
                    return (-1, [], [], [])
                if npos == 0 and nneg == 0:
                    continue    # the row vanishes on the cell
                if npos == 0:
                    return (0, [], [], [])
                if nneg == 0:
                    if nzero:
                        self.mark_zero(c, self.plen - 1)
                    continue
                o = &self.nxt
                self.split(c, self.plen - 1, o, NULL)
                tmp = self.cur
                self.cur = self.nxt
                self.nxt = tmp
                c = &self.cur
            if nl:
                return (-1, [], [], [])
            groups = []
            self.maximal_groups(c, groups)
            pt = self.interior_point(c)
            fpts = [self.facet_centre(c, g[0]) for g in groups]
            return (1, [[self.pdesc[5 * p + 2] for p in g] for g in groups], pt, fpts)
        finally:
            free(hrow)

    cdef int refresh(self, CellBuf *c, int i) except -1:
        # a generator is determined by its tight rows only once the cone is pointed
        if self.nlines:
            return 0
        return DDBase.refresh(self, c, i)

    cdef int ambiguous(self, CellBuf *c, int i, double *h, double eh, int hkind, int hl, int hu,
                       int ha, int hb) except? -9:
        cdef int j, w, d = self.d
        cdef double mx
        if self.exact_rows is None or self.nlines:
            self.failed = 1
            return 0
        self.fallbacks += 1
        tight = [self.pdesc[5 * w + 2] for w in range(self.plen)
                 if (c.Z[i * self.W + (w >> 6)] >> (w & 63)) & 1]
        others = [self.pdesc[5 * w + 2] for w in range(self.plen)
                  if not ((c.Z[i * self.W + (w >> 6)] >> (w & 63)) & 1)]
        res = exact_ray_sign(self.exact_rows, tight, others, hu)
        if res is None:
            self.failed = 1
            return 0
        sgn, gf = res
        mx = 0.0
        for j in range(d):
            c.G[i * d + j] = gf[j]
            if fabs(c.G[i * d + j]) > mx:
                mx = fabs(c.G[i * d + j])
        c.E[i] = U * mx + TINY
        c.X[i] = 0
        c.R[i] = 0
        return sgn


def exact_ray_sign(rows, tight, others, h):
    r"""
    Return ``(sign, generator)``: the exact sign of row ``h`` at the extreme
    ray of the cone ``{rows >= 0}`` tight on the rows ``tight`` (indices into
    ``rows``, integer rows), oriented by the rows ``others``, and the ray in
    floating point; ``None`` if the tight rows do not determine a ray.

    EXAMPLES::

        sage: from sage_tropnet.regions.kernel import exact_ray_sign
        sage: rows = [(1, 0, 0), (0, 1, 0), (0, 0, 1), (1, 1, 1)]
        sage: exact_ray_sign(rows, [0, 1], [2], 3)
        (1, [0.0, 0.0, 1.0])
    """
    from fractions import Fraction
    M = [[Fraction(int(t)) for t in rows[k]] for k in tight]
    d = len(rows[h])
    # null space of M by Gauss-Jordan
    piv_cols = []
    r = 0
    for col in range(d):
        p = next((q for q in range(r, len(M)) if M[q][col] != 0), None)
        if p is None:
            continue
        M[r], M[p] = M[p], M[r]
        pv = M[r][col]
        M[r] = [a / pv for a in M[r]]
        for q in range(len(M)):
            if q != r and M[q][col]:
                f = M[q][col]
                M[q] = [a - f * b for a, b in zip(M[q], M[r])]
        piv_cols.append(col)
        r += 1
        if r == len(M):
            break
    free_cols = [c for c in range(d) if c not in piv_cols]
    if len(free_cols) != 1:
        return None
    fc = free_cols[0]
    g = [Fraction(0)] * d
    g[fc] = Fraction(1)
    for q, col in enumerate(piv_cols):
        g[col] = -M[q][fc]
    for k in others:
        v = sum(Fraction(int(a)) * b for a, b in zip(rows[k], g))
        if v:
            if v < 0:
                g = [-t for t in g]
            break
    else:
        return None
    s = sum(Fraction(int(a)) * b for a, b in zip(rows[h], g))
    den = 1
    for t in g:
        den = den * t.denominator // __import__('math').gcd(den, t.denominator)
    w = [int(t * den) for t in g]
    f, _, _ = float_row(w)
    return (1 if s > 0 else (-1 if s < 0 else 0)), f


# ---------------------------------------------------------------------------
# layer-wise subdivision
# ---------------------------------------------------------------------------

cdef class Subdivider(DDBase):
    r"""
    Layer-wise subdivision of start cells by the units of a network.

    INPUT:

    - ``n`` -- the input dimension
    - ``layers`` -- list of dictionaries, one per layer: ``kind`` (``'linear'``,
      ``'relu'`` (also leaky, with ``alpha``, ``alpha_err``), ``'maxout'``
      (with ``k``)), ``W``, ``b`` (float rows), ``eW``, ``eb`` (bounds on
      their errors), ``int`` (per row: exact integers)
    - ``exact`` -- boolean: certified signs (with ``fallback``) or tolerances
    - ``tol`` -- relative tolerance of float mode
    - ``output`` -- the output whose affine map labels the cells (``-1``: all)
    - ``record`` -- keep the patterns, interior points and labels of the cells
    - ``glue`` -- find the facets of every cell and decide which neighbours
      carry the same affine map
    - ``fallback`` -- an object with a method ``exact_sign(states, path, tight,
      row)`` returning ``(sign, generator)`` (exact mode)
    - ``progress`` -- a callable receiving the number of cells found so far
    - ``extra_rows`` -- number of domain rows of the start cells

    EXAMPLES:

    See :mod:`sage_tropnet.regions.subdivide`, which builds the start cells::

        sage: from sage_tropnet.network import random_network
        sage: from sage_tropnet.regions.subdivide import subdivide
        sage: subdivide(random_network([2, 6, 6, 1], seed=1)).count
        56
    """
    cdef int n, L, maxdepth, output, nout, record, glue, nunits_total
    cdef int *kind
    cdef int *rows
    cdef int *units
    cdef int *inw
    cdef int *mk
    cdef int *unit_offset
    cdef double *alpha
    cdef double *alpha_err
    cdef double **Wf
    cdef double **eW
    cdef double **bf
    cdef double **eb
    cdef uint8_t **Wint
    cdef uint8_t *lint
    cdef double **M
    cdef double **eM
    cdef uint8_t **Mint
    cdef uint8_t **Mlin0
    cdef double **P
    cdef double **eP
    cdef uint8_t **Pint
    cdef uint8_t **Plin0
    cdef uint8_t **states
    cdef int **fixed
    cdef CellBuf *plus
    cdef CellBuf *minus
    cdef double *Jbuf
    cdef double *Jabs
    cdef double *Jerr
    cdef double *Jtmp
    cdef double *Jtmpa
    cdef double *Jtmpe
    cdef int jcap
    cdef int64_t next_progress
    cdef object fallback
    cdef object progress
    cdef public int64_t leaves
    cdef public int64_t fallbacks
    cdef public int64_t splits
    cdef public object patterns
    cdef public object points
    cdef public object labels
    cdef public object glue_edges
    cdef public object facet_edges
    cdef public object complex_events
    cdef object leaf_pattern
    cdef int cut_l, cut_u
    cdef public object pieces

    def __cinit__(self):
        self.L = 0

    def __init__(self, int n, list layers, bint exact=True, double tol=1e-9, int output=0,
                 bint record=False, bint glue=False, object fallback=None,
                 object progress=None, int extra_rows=0, object cutoff=None):
        cdef int l, i, r, c, w, total_rows = 0, maxw = 1
        self.n = n
        self.L = len(layers)
        self.exact = 1 if exact else 0
        self.tol = tol
        self.output = output
        self.record = 1 if record else 0
        self.glue = 1 if glue else 0
        self.fallback = fallback
        self.progress = progress
        self.kind = <int *> calloc(self.L, sizeof(int))
        self.rows = <int *> calloc(self.L, sizeof(int))
        self.units = <int *> calloc(self.L, sizeof(int))
        self.inw = <int *> calloc(self.L, sizeof(int))
        self.mk = <int *> calloc(self.L, sizeof(int))
        self.unit_offset = <int *> calloc(self.L + 1, sizeof(int))
        self.alpha = <double *> calloc(self.L, sizeof(double))
        self.alpha_err = <double *> calloc(self.L, sizeof(double))
        self.Wf = <double **> calloc(self.L, sizeof(double *))
        self.eW = <double **> calloc(self.L, sizeof(double *))
        self.bf = <double **> calloc(self.L, sizeof(double *))
        self.eb = <double **> calloc(self.L, sizeof(double *))
        self.Wint = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.lint = <uint8_t *> calloc(self.L, sizeof(uint8_t))
        self.M = <double **> calloc(self.L, sizeof(double *))
        self.eM = <double **> calloc(self.L, sizeof(double *))
        self.Mint = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.Mlin0 = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.P = <double **> calloc(self.L, sizeof(double *))
        self.eP = <double **> calloc(self.L, sizeof(double *))
        self.Pint = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.Plin0 = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.states = <uint8_t **> calloc(self.L, sizeof(uint8_t *))
        self.fixed = <int **> calloc(self.L, sizeof(int *))
        self.nunits_total = 0
        d = n + 1
        for l in range(self.L):
            spec = layers[l]
            kindname = spec['kind']
            Wa = spec['W']
            ba = spec['b']
            eWa = spec['eW']
            eba = spec['eb']
            ia = spec['int']
            r = len(ba)
            c = len(Wa[0]) if r else 0
            self.rows[l] = r
            self.inw[l] = c
            if kindname == 'linear':
                self.kind[l] = L_LINEAR
                self.units[l] = 0
                self.mk[l] = 1
            elif kindname == 'relu':
                self.kind[l] = L_RELU
                self.units[l] = r
                self.mk[l] = 1
                self.alpha[l] = spec.get('alpha', 0.0)
                self.alpha_err[l] = spec.get('alpha_err', 0.0)
            elif kindname == 'maxout':
                self.kind[l] = L_MAXOUT
                self.mk[l] = spec['k']
                self.units[l] = r // spec['k']
            else:
                raise ValueError("unknown layer kind %r" % (kindname,))
            self.unit_offset[l] = self.nunits_total
            self.nunits_total += self.units[l]
            if self.kind[l] == L_RELU:
                total_rows += self.units[l]
            elif self.kind[l] == L_MAXOUT:
                total_rows += self.units[l] * (self.mk[l] - 1)
            maxw = max(maxw, r, c)
            self.Wf[l] = <double *> malloc((r * c + 1) * sizeof(double))
            self.eW[l] = <double *> malloc((r * c + 1) * sizeof(double))
            self.bf[l] = <double *> malloc((r + 1) * sizeof(double))
            self.eb[l] = <double *> malloc((r + 1) * sizeof(double))
            self.Wint[l] = <uint8_t *> malloc((r + 1) * sizeof(uint8_t))
            self.lint[l] = 1
            for i in range(r):
                self.bf[l][i] = ba[i]
                self.eb[l][i] = eba[i]
                self.Wint[l][i] = ia[i]
                for w in range(c):
                    self.Wf[l][i * c + w] = Wa[i][w]
                    self.eW[l][i * c + w] = eWa[i][w]
                    if eWa[i][w] != 0.0 or Wa[i][w] != <double> (<int64_t> Wa[i][w]) or \
                            fabs(Wa[i][w]) >= TWO53:
                        self.lint[l] = 0
            if self.kind[l] == L_RELU and not (self.alpha[l] == 0.0 or self.alpha[l] == 1.0):
                self.lint[l] = 0
            if self.alpha_err[l] != 0.0:
                self.lint[l] = 0
            self.M[l] = <double *> calloc(r * d + 1, sizeof(double))
            self.eM[l] = <double *> calloc(r + 1, sizeof(double))
            self.Mint[l] = <uint8_t *> calloc(r + 1, sizeof(uint8_t))
            self.Mlin0[l] = <uint8_t *> calloc(r + 1, sizeof(uint8_t))
            self.P[l] = <double *> calloc(r * d + 1, sizeof(double))
            self.eP[l] = <double *> calloc(r + 1, sizeof(double))
            self.Pint[l] = <uint8_t *> calloc(r + 1, sizeof(uint8_t))
            self.Plin0[l] = <uint8_t *> calloc(r + 1, sizeof(uint8_t))
            self.states[l] = <uint8_t *> calloc(self.units[l] + 1, sizeof(uint8_t))
            self.fixed[l] = <int *> malloc((self.units[l] + 1) * sizeof(int))
            for i in range(self.units[l] + 1):
                self.fixed[l][i] = -1
        self.unit_offset[self.L] = self.nunits_total
        self.setup_path(d, total_rows + extra_rows + 2)
        self.maxdepth = self.maxpath + 4
        self.plus = <CellBuf *> calloc(self.maxdepth, sizeof(CellBuf))
        self.minus = <CellBuf *> calloc(self.maxdepth, sizeof(CellBuf))
        self.nout = 1 if output >= 0 else self.rows[self.L - 1]
        self.jcap = (maxw + 1) * max(1, self.nout)
        self.Jbuf = <double *> calloc(self.jcap, sizeof(double))
        self.Jabs = <double *> calloc(self.jcap, sizeof(double))
        self.Jerr = <double *> calloc(self.jcap, sizeof(double))
        self.Jtmp = <double *> calloc(self.jcap, sizeof(double))
        self.Jtmpa = <double *> calloc(self.jcap, sizeof(double))
        self.Jtmpe = <double *> calloc(self.jcap, sizeof(double))
        self.leaves = 0
        self.fallbacks = 0
        self.splits = 0
        self.refreshes = 0
        self.cut_l = -1 if cutoff is None else int(cutoff[0])
        self.cut_u = -1 if cutoff is None else int(cutoff[1])
        self.pieces = []
        self.patterns = bytearray()
        self.points = []
        self.labels = []
        self.glue_edges = []
        self.facet_edges = []
        self.complex_events = []

    def __dealloc__(self):
        cdef int l
        if not self.L:
            return
        for l in range(self.L):
            free(self.Wf[l])
            free(self.eW[l])
            free(self.bf[l])
            free(self.eb[l])
            free(self.Wint[l])
            free(self.M[l])
            free(self.eM[l])
            free(self.Mint[l])
            free(self.Mlin0[l])
            free(self.P[l])
            free(self.eP[l])
            free(self.Pint[l])
            free(self.Plin0[l])
            free(self.states[l])
            free(self.fixed[l])
        free(self.kind)
        free(self.rows)
        free(self.units)
        free(self.inw)
        free(self.mk)
        free(self.unit_offset)
        free(self.alpha)
        free(self.alpha_err)
        free(self.Wf)
        free(self.eW)
        free(self.bf)
        free(self.eb)
        free(self.Wint)
        free(self.lint)
        free(self.M)
        free(self.eM)
        free(self.Mint)
        free(self.Mlin0)
        free(self.P)
        free(self.eP)
        free(self.Pint)
        free(self.Plin0)
        free(self.states)
        free(self.fixed)
        if self.plus != NULL:
            for l in range(self.maxdepth):
                buf_free(&self.plus[l])
                buf_free(&self.minus[l])
        free(self.plus)
        free(self.minus)
        free(self.Jbuf)
        free(self.Jabs)
        free(self.Jerr)
        free(self.Jtmp)
        free(self.Jtmpa)
        free(self.Jtmpe)

    # -- composed rows -------------------------------------------------

    cdef void first_layer_rows(self):
        cdef int i, j, r = self.rows[0], c = self.inw[0], d = self.d
        cdef double *M = self.M[0]
        cdef double e
        for i in range(r):
            M[i * d] = self.bf[0][i]
            e = self.eb[0][i]
            for j in range(c):
                M[i * d + 1 + j] = self.Wf[0][i * c + j]
                if self.eW[0][i * c + j] > e:
                    e = self.eW[0][i * c + j]
            self.eM[0][i] = e
            self.Mint[0][i] = self.Wint[0][i]
            self.Mlin0[0][i] = 1
            for j in range(c):
                if self.Wf[0][i * c + j] != 0.0 or self.eW[0][i * c + j] != 0.0:
                    self.Mlin0[0][i] = 0

    cdef void post_rows(self, int l):
        cdef int u, j, d = self.d, k, s
        cdef double a, ea, mx
        cdef double *M = self.M[l]
        cdef double *P = self.P[l]
        if self.kind[l] == L_LINEAR:
            memcpy(P, M, self.rows[l] * d * sizeof(double))
            memcpy(self.eP[l], self.eM[l], self.rows[l] * sizeof(double))
            memcpy(self.Pint[l], self.Mint[l], self.rows[l] * sizeof(uint8_t))
            memcpy(self.Plin0[l], self.Mlin0[l], self.rows[l] * sizeof(uint8_t))
            return
        if self.kind[l] == L_MAXOUT:
            k = self.mk[l]
            for u in range(self.units[l]):
                s = self.states[l][u]
                memcpy(P + u * d, M + (u * k + s) * d, d * sizeof(double))
                self.eP[l][u] = self.eM[l][u * k + s]
                self.Pint[l][u] = self.Mint[l][u * k + s]
                self.Plin0[l][u] = self.Mlin0[l][u * k + s]
            return
        a = self.alpha[l]
        ea = self.alpha_err[l]
        for u in range(self.units[l]):
            if self.states[l][u]:
                memcpy(P + u * d, M + u * d, d * sizeof(double))
                self.eP[l][u] = self.eM[l][u]
                self.Pint[l][u] = self.Mint[l][u]
                self.Plin0[l][u] = self.Mlin0[l][u]
            elif a == 0.0:
                memset(P + u * d, 0, d * sizeof(double))
                self.eP[l][u] = 0.0
                self.Pint[l][u] = 1
                self.Plin0[l][u] = 1
            else:
                mx = 0.0
                for j in range(d):
                    P[u * d + j] = a * M[u * d + j]
                    if fabs(M[u * d + j]) > mx:
                        mx = fabs(M[u * d + j])
                self.eP[l][u] = fabs(a) * self.eM[l][u] + \
                    (ea + U * fabs(a)) * (mx + self.eM[l][u]) + TINY
                self.Pint[l][u] = 0
                self.Plin0[l][u] = self.Mlin0[l][u]

    cdef void next_rows(self, int l):
        r"""
        Pre-activation rows of layer ``l`` (``l >= 1``) from the
        post-activation rows of layer ``l - 1``, with a bound on their error;
        the rows of units that are off (zero rows, exactly) are skipped.
        """
        cdef int i, j, q, a, r = self.rows[l], c = self.inw[l], d = self.d, isint, lin0, nlive
        cdef double *M = self.M[l]
        cdef double *P = self.P[l - 1]
        cdef double *Wl = self.Wf[l]
        cdef double *eWl = self.eW[l]
        cdef double *Pq
        cdef double s, sa, w, mx, ex, wp
        cdef int *live = <int *> malloc((c + 1) * sizeof(int))
        cdef double *pmx = <double *> malloc((c + 1) * sizeof(double))
        cdef double *acc = <double *> malloc((d + 1) * sizeof(double))
        cdef double *acca = <double *> malloc((d + 1) * sizeof(double))
        cdef int allint = 1, alllin0 = 1
        # the inputs that are not exactly zero, and their sizes
        nlive = 0
        for q in range(c):
            mx = 0.0
            for j in range(d):
                if fabs(P[q * d + j]) > mx:
                    mx = fabs(P[q * d + j])
            if mx != 0.0 or self.eP[l - 1][q] != 0.0:
                live[nlive] = q
                pmx[q] = mx
                nlive += 1
                if not self.Pint[l - 1][q]:
                    allint = 0
                if not self.Plin0[l - 1][q]:
                    alllin0 = 0
        for i in range(r):
            for j in range(d):
                acc[j] = 0.0
                acca[j] = 0.0
            acc[0] = self.bf[l][i]
            acca[0] = fabs(acc[0])
            ex = self.eb[l][i]
            isint = self.Wint[l][i] and allint
            lin0 = 1
            for a in range(nlive):
                q = live[a]
                w = Wl[i * c + q]
                if w == 0.0 and eWl[i * c + q] == 0.0:
                    continue
                Pq = P + q * d
                for j in range(d):
                    wp = w * Pq[j]
                    acc[j] += wp
                    acca[j] += fabs(wp)
                ex += fabs(w) * self.eP[l - 1][q] + eWl[i * c + q] * (pmx[q] + self.eP[l - 1][q])
                if not self.Plin0[l - 1][q]:
                    lin0 = 0
            mx = 0.0
            for j in range(d):
                M[i * d + j] = acc[j]
                if acca[j] > mx:
                    mx = acca[j]
            if isint and mx < TWO53:
                self.eM[l][i] = 0.0
                self.Mint[l][i] = 1
            else:
                self.eM[l][i] = ex + gam(c + 1) * mx
                if self.eM[l][i] != 0.0 or mx != 0.0:
                    self.eM[l][i] += TINY
                self.Mint[l][i] = 0
            self.Mlin0[l][i] = lin0
            if lin0:
                for j in range(1, d):
                    M[i * d + j] = 0.0
        free(live)
        free(pmx)
        free(acc)
        free(acca)

    # -- exact fallback --------------------------------------------------

    cdef int structural_zero(self, CellBuf *c, int i, int l):
        r"""
        Whether every row of layer ``l`` vanishes at the ray ``i``: the rows of
        layer ``l`` lie in the span of `t` and of the rows of the units that
        are on in an earlier ReLU layer `j` (the others are zero); if the ray
        is tight on all of those, every row of layer ``l`` vanishes there.
        """
        cdef int j, p, u, ok, W = self.W
        cdef uint8_t *found
        if not c.R[i]:
            return 0
        for j in range(l - 1, -1, -1):
            if self.kind[j] != L_RELU or self.alpha[j] != 0.0 or self.alpha_err[j] != 0.0:
                continue
            found = <uint8_t *> calloc(self.units[j] + 1, sizeof(uint8_t))
            for p in range(self.plen):
                if self.pdesc[5 * p] == C_UNIT and self.pdesc[5 * p + 1] == j and \
                        (c.Z[i * W + (p >> 6)] >> (p & 63)) & 1:
                    found[self.pdesc[5 * p + 2]] = 1
            ok = 1
            for u in range(self.units[j]):
                if self.states[j][u] and not found[u]:
                    ok = 0
                    break
            free(found)
            if ok:
                return 1
        return 0

    cdef int ambiguous(self, CellBuf *c, int i, double *h, double eh, int hkind, int hl, int hu,
                       int ha, int hb) except? -9:
        cdef int j, w, d = self.d
        cdef double mx
        if hkind != C_DOMAIN and self.structural_zero(c, i, hl):
            return 0
        self.fallbacks += 1
        if self.fallback is None:
            raise RuntimeError("an uncertain sign and no exact fallback")
        tight = [w for w in range(self.plen) if (c.Z[i * self.W + (w >> 6)] >> (w & 63)) & 1]
        path = [tuple(self.pdesc[5 * w + j] for j in range(5)) for w in range(self.plen)]
        sgn, gf = self.fallback.exact_sign(self.state_snapshot(), path, tight,
                                           (hkind, hl, hu, ha, hb))
        mx = 0.0
        for j in range(d):
            c.G[i * d + j] = gf[j]
            if fabs(c.G[i * d + j]) > mx:
                mx = fabs(c.G[i * d + j])
        c.E[i] = U * mx + TINY
        c.X[i] = 0
        c.R[i] = 1 if gf[0] == 0 else 0
        return sgn

    cdef object state_snapshot(self):
        cdef int l, u
        return [bytes([self.states[l][u] for u in range(self.units[l])]) for l in range(self.L)]

    # -- the search --------------------------------------------------------

    cdef int rec(self, int depth, CellBuf *c, int l, int u, int zl) except -1:
        cdef int npos, nneg, nzero, s, t, j, p, k, ok, hint
        cdef double eh, hmx
        cdef double *h
        cdef double *diff
        cdef CellBuf *cur
        cdef CellBuf *nxt
        while True:
            if l == self.L:
                return self.leaf(c, zl)
            if u < self.units[l]:
                break
            self.post_rows(l)
            l += 1
            u = 0
            if l == self.L:
                return self.leaf(c, zl)
            self.next_rows(l)
        if l == self.cut_l and u == self.cut_u:
            # a piece: the states so far (the cell is recomputed exactly by the caller)
            self.pieces.append((self.state_snapshot(), zl))
            return 0
        if self.fixed[l][u] >= 0:
            self.states[l][u] = self.fixed[l][u]
            return self.rec(depth, c, l, u + 1, zl)
        if self.kind[l] == L_RELU:
            if self.alpha[l] == 1.0 and self.alpha_err[l] == 0.0:
                self.states[l][u] = 1
                return self.rec(depth, c, l, u + 1, zl)
            h = self.M[l] + u * self.d
            self.signs(c, h, self.eM[l][u], self.Mint[l][u], &npos, &nneg, &nzero,
                       C_UNIT, l, u, 1, 0, self.Mlin0[l][u])
            if npos == 0 and nneg == 0:
                # the pre-activation vanishes on the cell: canonically off
                self.states[l][u] = 0
                return self.rec(depth, c, l, u + 1, l)
            if nneg == 0 or npos == 0:
                s = 1 if nneg == 0 else 0
                self.states[l][u] = s
                if nzero:
                    p = self.plen
                    self.push_path(h, 1.0 if s else -1.0, self.eM[l][u], self.Mint[l][u],
                                   C_UNIT, l, u, 1 if s else -1, 0)
                    self.mark_zero(c, p)
                    self.rec(depth, c, l, u + 1, zl)
                    self.plen = p
                    return 0
                return self.rec(depth, c, l, u + 1, zl)
            self.splits += 1
            p = self.plen
            self.push_path(h, 1.0, self.eM[l][u], self.Mint[l][u], C_UNIT, l, u, 1, 0)
            self.split(c, p, &self.plus[depth + 1], &self.minus[depth + 1])
            self.states[l][u] = 1
            self.rec(depth + 1, &self.plus[depth + 1], l, u + 1, zl)
            self.plen = p
            h = self.M[l] + u * self.d
            self.push_path(h, -1.0, self.eM[l][u], self.Mint[l][u], C_UNIT, l, u, -1, 0)
            self.states[l][u] = 0
            self.rec(depth + 1, &self.minus[depth + 1], l, u + 1, zl)
            self.plen = p
            return 0
        # maxout unit: one child per winning row
        k = self.mk[l]
        diff = <double *> malloc(self.d * sizeof(double))
        try:
            for s in range(k):
                cur = c
                ok = 1
                p = self.plen
                for t in range(k):
                    if t == s:
                        continue
                    h = self.M[l] + (u * k + s) * self.d
                    hmx = 0.0
                    for j in range(self.d):
                        diff[j] = h[j] - self.M[l][(u * k + t) * self.d + j]
                        if fabs(h[j]) + fabs(self.M[l][(u * k + t) * self.d + j]) > hmx:
                            hmx = fabs(h[j]) + fabs(self.M[l][(u * k + t) * self.d + j])
                    eh = self.eM[l][u * k + s] + self.eM[l][u * k + t]
                    hint = self.Mint[l][u * k + s] and self.Mint[l][u * k + t] and hmx < TWO53
                    if not hint:
                        eh += U * hmx + TINY
                    self.signs(cur, diff, eh, hint, &npos, &nneg, &nzero, C_MAXOUT, l, u, s, t,
                               self.Mlin0[l][u * k + s] and self.Mlin0[l][u * k + t])
                    if npos == 0 and nneg == 0:
                        # the rows coincide on the cell: the first one wins
                        if t < s:
                            ok = 0
                            break
                        continue
                    if npos == 0:
                        ok = 0
                        break
                    nxt = &self.plus[depth + 1] if cur != &self.plus[depth + 1] \
                        else &self.minus[depth + 1]
                    if nneg == 0:
                        if nzero:
                            self.push_path(diff, 1.0, eh, hint, C_MAXOUT, l, u, s, t)
                            if cur == c:
                                self.split(cur, self.plen - 1, nxt, NULL)
                                cur = nxt
                            else:
                                self.mark_zero(cur, self.plen - 1)
                        continue
                    self.push_path(diff, 1.0, eh, hint, C_MAXOUT, l, u, s, t)
                    self.split(cur, self.plen - 1, nxt, NULL)
                    cur = nxt
                if ok:
                    self.states[l][u] = s
                    if cur == c:
                        # the cell is reused for the next state: recurse on a copy
                        cur = &self.plus[depth + 1]
                        buf_copy(cur, c, self.d, self.W)
                    self.rec(depth + 1, cur, l, u + 1, zl)
                self.plen = p
        finally:
            free(diff)
        return 0

    cdef int leaf(self, CellBuf *c, int zl) except -1:
        self.leaves += 1
        if self.record:
            self.record_leaf(c)
        if self.glue:
            self.leaf_facets(c, zl)
        if self.progress is not None and self.leaves >= self.next_progress:
            self.next_progress = self.leaves + 4096
            self.progress(self.leaves)
        elif (self.leaves & 1023) == 0:
            PyErr_CheckSignals()
        return 0

    cdef void record_leaf(self, CellBuf *c):
        cdef int l, u, j, o, d = self.d, L = self.L - 1, i
        cdef double a
        pat = bytearray(self.nunits_total)
        for l in range(self.L):
            for u in range(self.units[l]):
                pat[self.unit_offset[l] + u] = self.states[l][u]
        self.patterns += pat
        self.points.append(self.interior_point(c))
        # the affine map of the selected outputs (homogeneous rows)
        lab = []
        for o in range(self.nout):
            i = o if self.output < 0 else self.output
            a = 1.0
            if self.kind[L] == L_RELU and not self.states[L][i]:
                a = self.alpha[L]
            lab.append([a * self.M[L][i * d + j] for j in range(d)])
        self.labels.append(lab)

    cdef int leaf_facets(self, CellBuf *c, int zl) except -1:
        groups = []
        self.maximal_groups(c, groups)
        self.leaf_pattern = None
        for owners in groups:
            self.facet(c, owners, zl)
        return 0

    cdef object current_pattern(self):
        cdef int l, u
        if self.leaf_pattern is None:
            pat = bytearray(self.nunits_total)
            for l in range(self.L):
                for u in range(self.units[l]):
                    pat[self.unit_offset[l] + u] = self.states[l][u]
            self.leaf_pattern = bytes(pat)
        return self.leaf_pattern

    cdef int facet(self, CellBuf *c, list owners, int zl) except -1:
        cdef int k0, lay = -1, unit = -1, simple = 1, o, g
        for o in owners:
            k0 = self.pdesc[5 * o]
            if k0 == C_DOMAIN or k0 == C_INFINITY:
                return 0
            if k0 != C_UNIT:
                simple = 0
            elif lay == -1:
                lay = self.pdesc[5 * o + 1]
                unit = self.pdesc[5 * o + 2]
            elif self.pdesc[5 * o + 1] != lay or self.pdesc[5 * o + 2] != unit:
                simple = 0
        if simple and zl > lay:
            simple = 0
        leaf = self.leaves - 1
        if simple:
            g = self.glue_test(lay, unit)
            if g >= 0:
                if g == 1:
                    self.glue_edges.append((self.current_pattern(), self.unit_offset[lay] + unit))
                if self.record:
                    self.facet_edges.append((leaf, self.unit_offset[lay] + unit))
                return 0
        # undecided here: the caller decides exactly
        pts = self.facet_point(c, owners[0])
        self.complex_events.append((leaf, self.state_snapshot(),
                                    [tuple(self.pdesc[5 * o + j] for j in range(5))
                                     for o in owners], pts))
        return 0

    cdef object facet_point(self, CellBuf *c, int p):
        r"""
        A float point in the relative interior of the facet of path row ``p``
        (a positive combination of the generators tight on it) and the
        outward direction.
        """
        cdef int j, d = self.d
        return self.facet_centre(c, p), [-self.prow[p * d + j] for j in range(1, d)]

    cdef int glue_test(self, int lay, int unit) except? -9:
        r"""
        Whether flipping ``unit`` of layer ``lay`` leaves the selected
        outputs unchanged: 1 (certified), 0 (no), -1 (undecided).
        """
        cdef int l, i, j, o, no, L = self.L, c, s, k, width, undecided = 0, nz, jint
        cdef double a, ea, w, z, za, ze
        if lay == L - 1:
            return 0 if (self.output < 0 or unit == self.output) else 1
        l = L - 1
        no = self.nout
        c = self.inw[l]
        jint = self.lint[l]
        for o in range(no):
            i = o if self.output < 0 else self.output
            a = 1.0
            ea = 0.0
            if self.kind[l] == L_RELU and not self.states[l][i]:
                a = self.alpha[l]
                ea = self.alpha_err[l]
            for j in range(c):
                w = self.Wf[l][i * c + j]
                self.Jbuf[o * c + j] = a * w
                self.Jabs[o * c + j] = fabs(a * w)
                self.Jerr[o * c + j] = fabs(a) * self.eW[l][i * c + j] + \
                    ea * (fabs(w) + self.eW[l][i * c + j]) + (0.0 if jint else U * fabs(a * w))
        l = L - 2
        while l > lay:
            jint = jint and self.lint[l]
            c = self.inw[l]
            width = self.units[l] if self.kind[l] != L_LINEAR else self.rows[l]
            for o in range(no):
                for j in range(c):
                    z = 0.0
                    za = 0.0
                    ze = 0.0
                    nz = 0
                    for i in range(width):
                        a = 1.0
                        ea = 0.0
                        s = i
                        if self.kind[l] == L_MAXOUT:
                            k = self.mk[l]
                            s = i * k + self.states[l][i]
                        elif self.kind[l] == L_RELU and not self.states[l][i]:
                            a = self.alpha[l]
                            ea = self.alpha_err[l]
                        w = self.Wf[l][s * c + j]
                        if (a != 0.0 or ea != 0.0) and (w != 0.0 or self.eW[l][s * c + j] != 0.0) and \
                                (self.Jabs[o * width + i] != 0.0 or self.Jerr[o * width + i] != 0.0):
                            nz = 1
                        z += self.Jbuf[o * width + i] * a * w
                        za += self.Jabs[o * width + i] * fabs(a * w)
                        ze += self.Jerr[o * width + i] * (fabs(a) + ea) * (fabs(w) + self.eW[l][s * c + j]) + \
                            self.Jabs[o * width + i] * (fabs(a) * self.eW[l][s * c + j] +
                                                        ea * (fabs(w) + self.eW[l][s * c + j]))
                    self.Jtmp[o * c + j] = z
                    self.Jtmpa[o * c + j] = za
                    # no slack when every product has an exact zero factor
                    if jint and za < TWO53:
                        self.Jtmpe[o * c + j] = ze     # integers: exact
                    else:
                        self.Jtmpe[o * c + j] = ze + gam(width + 2) * za + (TINY if nz else 0.0)
            memcpy(self.Jbuf, self.Jtmp, no * c * sizeof(double))
            memcpy(self.Jabs, self.Jtmpa, no * c * sizeof(double))
            memcpy(self.Jerr, self.Jtmpe, no * c * sizeof(double))
            l -= 1
        width = self.units[lay] if self.kind[lay] != L_LINEAR else self.rows[lay]
        for o in range(no):
            z = self.Jbuf[o * width + unit]
            za = self.Jabs[o * width + unit]
            ze = self.Jerr[o * width + unit]
            if za == 0.0 and (self.exact == 0 or ze == 0.0):
                continue
            if self.exact:
                if fabs(z) > ze:
                    return 0
                if ze != 0.0:
                    undecided = 1
            elif fabs(z) > self.tol * za + TINY:
                return 0
        return -1 if undecided else 1

    def run(self, list starts):
        r"""
        Subdivide every start cell; return the number of cells.

        EXAMPLES::

            sage: from sage_tropnet.network import ReLUNetwork
            sage: from sage_tropnet.layers import activation
            sage: from sage_tropnet.regions.kernel import Subdivider
            sage: from sage_tropnet.regions.subdivide import kernel_layers, start_cells
            sage: net = ReLUNetwork([([[1, 0], [0, 1], [1, 1]], [0, 0, -1]), ([[1, 1, 1]], [0])])
            sage: starts, dom, extra = start_cells(net.layers(), None, 2)
            sage: Subdivider(2, kernel_layers(net), extra_rows=extra).run(starts)
            7

        ``starts`` is a list of ``(G, E, X, Z, path, fixed[, zero_layer])``:
        the generators (rows ``(t, x)``), their error bounds, exact-integer
        flags, tight path positions, the path (list of ``(row, error, integer
        flag, (kind, layer, unit, a, b))``), the fixed states (``{unit:
        state}`` of the first layer, or ``{(layer, unit): state}``) and
        optionally the last layer with a unit vanishing on the cell.

        With a ``cutoff = (layer, unit)`` given to the constructor, the search
        stops at that unit and records in ``pieces`` the states so far of
        every cell reached there (for a parallel search).
        """
        cdef int si, i, j, m, p, u, l, zl0, d = self.d, W = self.W
        cdef CellBuf *c
        self.next_progress = 4096
        self.first_layer_rows()
        for si in range(len(starts)):
            G, E, X, Z, path, fixed = starts[si][:6]
            m = len(G)
            c = &self.plus[0]
            buf_reserve(c, m, d, W)
            c.m = m
            memset(c.Z, 0, m * W * sizeof(uint64_t))
            for i in range(m):
                for j in range(d):
                    c.G[i * d + j] = G[i][j]
                c.E[i] = E[i]
                c.X[i] = X[i]
                c.R[i] = 1 if G[i][0] == 0 else 0
                for p in Z[i]:
                    c.Z[i * W + (p >> 6)] |= (<uint64_t> 1) << (p & 63)
            self.plen = 0
            if len(path) > self.maxpath:
                raise ValueError("too many rows in the start cell")
            for row, err, isint, desc in path:
                for j in range(d):
                    self.prow[self.plen * d + j] = row[j]
                self.perr[self.plen] = err
                self.pint[self.plen] = isint
                for j in range(5):
                    self.pdesc[5 * self.plen + j] = desc[j]
                self.plen += 1
            for l in range(self.L):
                for u in range(self.units[l]):
                    self.fixed[l][u] = -1
            for key, st in fixed.items():
                if isinstance(key, tuple):
                    self.fixed[key[0]][key[1]] = st
                else:
                    self.fixed[0][key] = st
            zl0 = starts[si][6] if len(starts[si]) > 6 else -1
            self.rec(0, c, 0, 0, zl0)
        return self.leaves
