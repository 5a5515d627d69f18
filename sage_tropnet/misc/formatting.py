r"""
Numbers in JSON: exact rationals as strings

The one JSON number format of ``sage_tropnet`` (command line, statistics,
certificates): an exact rational is the string ``"p/q"`` (an integer ``"3"``),
so that no precision is lost; a floating-point value is a JSON number;
``None`` is ``null``. Vectors, lists and tuples are converted entrywise.

EXAMPLES::

    sage: from sage_tropnet.misc.formatting import json_number
    sage: json_number(-7/2), json_number(3), json_number(RDF(0.5)), json_number(None)
    ('-7/2', '3', 0.5, None)
    sage: json_number(vector(QQ, [1/3, 2]))
    ['1/3', '2']

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

from sage.rings.integer import Integer
from sage.rings.rational import Rational
from sage.rings.rational_field import QQ
from sage.structure.element import Vector


#: Seconds before a progress bar appears: a call that ends sooner shows none
#: (and leaves no widget in a saved notebook).
PROGRESS_DELAY = 1.0


def json_number(x, as_float=False):
    r"""
    Return ``x`` as a JSON-friendly value.

    INPUT:

    - ``x`` -- ``None``, a number, or a vector, list or tuple of them
    - ``as_float`` -- boolean (default: ``False``); write exact rationals as
      (rounded) floats too, for the ``*_float`` companion fields

    OUTPUT: ``None``; the string ``"p/q"`` (``"3"`` for an integer) for an
    exact rational (a Sage integer or rational, a Python ``int``); a Python
    float for anything else (``float``, ``RDF``, ``RR``, numpy floats); a list
    for a vector, list or tuple

    EXAMPLES::

        sage: from sage_tropnet.misc.formatting import json_number
        sage: json_number(QQ(0)), json_number(1/3), json_number(int(5))
        ('0', '1/3', '5')
        sage: json_number(1/3, as_float=True)
        0.3333333333333333
        sage: json_number(2.5), json_number(RDF(1/4))
        (2.5, 0.25)
        sage: json_number([1/2, None, (3, 0.5)])
        ['1/2', None, ['3', 0.5]]
        sage: import json; json.dumps(json_number(vector([1/2, 1])))
        '["1/2", "1"]'
    """
    if x is None:
        return None
    cls = x.__class__
    if cls is Rational or cls is Integer or (cls is int):
        return float(x) if as_float else str(QQ(x))
    if isinstance(x, (list, tuple, Vector)):
        return [json_number(t, as_float) for t in x]
    return float(x)
