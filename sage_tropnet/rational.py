r"""
Rationalisation policy: from floating-point weights to exact rationals

Trained weights are floats. Every float is a dyadic rational, and the default
policy keeps **exactly** that value (the float64 value of the number; a float32
is first widened to float64, which is exact). Rounding is opt-in:

- ``rationalize="exact"`` (default): the exact binary value;
- ``digits=k``: round to `k` decimal digits (a denominator dividing `10^k`);
- ``max_denominator=d``: the nearest rational with denominator at most `d`
  (continued fractions, as :meth:`fractions.Fraction.limit_denominator`).

.. WARNING::

    ``QQ(x)`` for a Python float ``x`` does *not* give its exact value (Sage
    returns a nearby simple rational), and for a numpy ``float32`` it gives a
    huge dyadic denominator. Always go through :func:`to_rational`.

EXAMPLES::

    sage: from sage_tropnet.rational import to_rational
    sage: to_rational(0.1)
    3602879701896397/36028797018963968
    sage: to_rational(0.1, digits=3)
    1/10
    sage: to_rational(0.1, max_denominator=100)
    1/10
    sage: import numpy as np
    sage: to_rational(np.float32(0.1))
    13421773/134217728

AUTHORS:

- sage_tropnet developers (2026-11): initial version
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

import math
from fractions import Fraction

from sage.rings.rational_field import QQ


def to_rational(x, digits=None, max_denominator=None):
    r"""
    Return ``x`` as an exact rational according to the rationalisation policy.

    INPUT:

    - ``x`` -- an integer, a rational, a Python or numpy float, or a Sage real
    - ``digits`` -- integer (optional); round to this many decimal digits
    - ``max_denominator`` -- integer (optional); nearest rational with at most
      this denominator

    OUTPUT: an element of ``QQ``

    EXAMPLES::

        sage: from sage_tropnet.rational import to_rational
        sage: to_rational(1/3)
        1/3
        sage: to_rational(float(1/3))
        6004799503160661/18014398509481984
        sage: to_rational(RDF(0.5))
        1/2
        sage: to_rational(float('nan'))
        Traceback (most recent call last):
        ...
        ValueError: not a finite number: nan
    """
    if digits is not None and max_denominator is not None:
        raise ValueError("give at most one of digits and max_denominator")
    if isinstance(x, (int,)) or (hasattr(x, 'parent') and getattr(x.parent(), 'is_exact', lambda: False)()):
        q = QQ(x)
    else:
        try:
            f = float(x)
        except (TypeError, ValueError):
            raise ValueError("not a number: %r" % (x,))
        if not math.isfinite(f):
            raise ValueError("not a finite number: %s" % f)
        q = QQ(f.as_integer_ratio())
    if digits is not None:
        s = 10 ** int(digits)
        return QQ((q * s).round()) / s
    if max_denominator is not None:
        fr = Fraction(int(q.numerator()), int(q.denominator())).limit_denominator(int(max_denominator))
        return QQ((fr.numerator, fr.denominator))
    return q
