r"""
The objects the package works on: networks, tropical maps, matrices

Most functions of ``sage_tropnet`` accept a network
(:class:`~sage_tropnet.network.ReLUNetwork`), a tropical Puiseux polynomial,
a tropical rational map or a vector of maps. The helpers below answer the
questions every such function asks first, without importing those classes
(they look at the interface, so this module stays at the bottom of the
package).

EXAMPLES::

    sage: from sage_tropnet.misc.inputs import input_dimension, is_network, as_list
    sage: from sage_tropnet.network import random_network
    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: net = random_network([3, 2, 1], seed=0)
    sage: input_dimension(net), is_network(net)
    (3, True)
    sage: x, y = TP.gens(2)
    sage: input_dimension(x + y), is_network(x + y)
    (2, False)
    sage: as_list(vector(QQ, [1, 2]))
    [1, 2]

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


#: The two modes of a computation: exact over `\QQ` (the default everywhere)
#: or in floating point.
MODES = ("exact", "float")


def is_exact_mode(mode, exact=None):
    r"""
    Return whether the computation mode ``mode`` is exact, accepting the
    deprecated keyword ``exact``.

    INPUT:

    - ``mode`` -- ``"exact"`` or ``"float"``
    - ``exact`` -- (default: ``None``) the former boolean keyword; if it is
      given, it decides and a :class:`DeprecationWarning` is issued

    OUTPUT: boolean

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import is_exact_mode
        sage: is_exact_mode("exact"), is_exact_mode("float")
        (True, False)
        sage: is_exact_mode("exact", exact=False)
        doctest:warning...
        DeprecationWarning: the keyword exact=False is deprecated; use mode='float'
        False
        sage: is_exact_mode("approximate")
        Traceback (most recent call last):
        ...
        ValueError: mode must be 'exact' or 'float', not 'approximate'
    """
    if exact is not None:
        import warnings
        warnings.warn("the keyword exact=%s is deprecated; use mode=%r"
                      % (bool(exact), "exact" if exact else "float"),
                      DeprecationWarning, stacklevel=3)
        return bool(exact)
    if mode not in MODES:
        raise ValueError("mode must be 'exact' or 'float', not %r" % (mode,))
    return mode == "exact"


def as_list(x):
    r"""
    Return ``x`` (a list, tuple, vector, numpy array or Sage matrix) as a list.

    A numpy array becomes nested lists (``tolist()``), a Sage matrix the list
    of its rows (as lists).

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import as_list
        sage: import numpy as np
        sage: as_list(np.array([[1., 2.]])), as_list(matrix(QQ, [[1, 2]])), as_list((1, 2))
        ([[1.0, 2.0]], [[1, 2]], [1, 2])
    """
    if hasattr(x, "tolist") and not hasattr(x, "rows"):
        return x.tolist()  # numpy
    if hasattr(x, "rows") and callable(x.rows):
        return [list(r) for r in x.rows()]  # Sage matrix
    return list(x)


def is_network(obj):
    r"""
    Return whether ``obj`` is a network (it has ``layers()`` and
    ``input_dimension()``), as opposed to a tropical map or a matrix.

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import is_network
        sage: from sage_tropnet.network import ReLUNetwork
        sage: is_network(ReLUNetwork([([[1]], [0])])), is_network(matrix(QQ, [[1]]))
        (True, False)
    """
    return hasattr(obj, 'layers') and hasattr(obj, 'input_dimension')


def default_route(obj):
    r"""
    Return the default route of the region search for ``obj``:
    ``"activation"`` for a network, ``"tropical"`` for a tropical map.

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import default_route
        sage: from sage_tropnet.network import ReLUNetwork
        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: default_route(ReLUNetwork([([[1]], [0])])), default_route(TP.gens(1)[0])
        ('activation', 'tropical')
    """
    return "activation" if is_network(obj) else "tropical"


def input_dimension(obj):
    r"""
    Return the input dimension of a network or the number of variables of a
    tropical map.

    INPUT:

    - ``obj`` -- a network, a tropical Puiseux polynomial, a tropical rational
      map or a vector of maps

    OUTPUT: an integer

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import input_dimension
        sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
        sage: x, y, z = TP.gens(3)
        sage: input_dimension((x + y) / z)
        3
        sage: input_dimension(matrix(QQ, [[1]]))
        Traceback (most recent call last):
        ...
        TypeError: expected a network or a tropical map, got Matrix_rational_dense
    """
    if hasattr(obj, 'input_dimension'):
        return obj.input_dimension()
    if hasattr(obj, 'nvariables'):
        return obj.nvariables()
    raise TypeError("expected a network or a tropical map, got %s" % type(obj).__name__)


def as_seed(seed, name="seed"):
    r"""
    Return ``seed`` as ``None`` or a non-negative Python integer.

    Python, Sage and NumPy integers are accepted (the Sage preparser turns
    ``seed=1`` into a Sage ``Integer``), as are integral rationals; anything
    else raises an error naming the argument ``name``.

    EXAMPLES::

        sage: from sage_tropnet.misc.inputs import as_seed
        sage: as_seed(1), type(as_seed(1)), as_seed(None), as_seed(4/2)
        (1, <class 'int'>, None, 2)
        sage: as_seed(-1)
        Traceback (most recent call last):
        ...
        ValueError: seed must be a non-negative integer, got -1
        sage: as_seed(float(1.5), "sampling_seed")
        Traceback (most recent call last):
        ...
        TypeError: sampling_seed must be an integer or None, got 1.5
    """
    import numbers
    if seed is None:
        return None
    if isinstance(seed, bool):
        raise TypeError("%s must be an integer or None, got %r" % (name, seed))
    if isinstance(seed, numbers.Integral):
        value = int(seed)
    elif isinstance(seed, numbers.Rational) and seed == int(seed):  # Sage 4/2
        value = int(seed)
    else:
        raise TypeError("%s must be an integer or None, got %r" % (name, seed))
    if value < 0:
        raise ValueError("%s must be a non-negative integer, got %s" % (name, value))
    return value
