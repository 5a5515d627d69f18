r"""
Checked exercises for the course worksheets

The teaching worksheets (``worksheets/course/``) ask the student to type an
answer -- a count, a point, a polytope, a set of monomials, a tropical
polynomial -- and a cell checks it with :func:`check`, which says whether it
is right or wrong and why. Teachers can write their own exercises the same
way: ``check(answer, expected, why=..., hint=...)``.

- an answer that is still ``...`` (or ``None``) is reported as *not answered
  yet*, without an error;
- numbers are compared exactly (a float answer is accepted when it is within
  `10^{-9}` of an exact rational, with the exact value shown);
- a polytope (expected: a Sage ``Polyhedron``) may be answered by its list
  of vertices, in any order, or by a polyhedron; a wrong answer lists the
  missing and the extra vertices;
- a set (expected: a Python ``set``) may be answered by any list; the order
  and repetitions do not matter, a wrong answer lists what is missing and
  what is extra;
- a tropical polynomial (expected: a
  :class:`~sage_tropnet.puiseux.TropicalPuiseuxPolynomial`) is right when it
  is the same *function*: two expressions with the same pruned monomials are
  equal, and a wrong answer gives a point where the two functions differ.

Every check is recorded; :func:`report` summarises the worksheet, and the
solution notebooks end with ``assert report().all_right()`` so that the
continuous integration runs every exercise with its solution filled in.

EXAMPLES::

    sage: from sage_tropnet.exercises import check, report, reset
    sage: reset()
    sage: check(6, 6, why="three lines through the origin cut the plane into 6 sectors")
    right: 6. Why: three lines through the origin cut the plane into 6 sectors
    sage: check(7, 6, why="three lines through one point", hint="draw them")
    wrong: 7, expected another answer. Hint: draw them
    sage: check(..., 6)
    not answered yet: replace ... by your answer
    sage: report()
    3 exercises: 1 right, 1 wrong, 1 not answered

Polytopes, sets and tropical polynomials::

    sage: check([(0, 0), (2, 0), (0, 2)], Polyhedron(vertices=[(0, 0), (2, 0), (0, 2), (1, 1)]))
    right: the polytope with vertices [(0, 0), (0, 2), (2, 0)]
    sage: check([(0, 0), (1, 0)], {(1, 0), (0, 1)})
    wrong: missing [(0, 1)], extra [(0, 0)]
    sage: from sage_tropnet.puiseux import TropicalPuiseuxPolynomial as TP
    sage: x, = TP.gens(1)
    sage: check(0 + x * 2, 0 + x + x * 2)
    right: max(0, 2 + x)
    sage: check(0 + x, 0 + x * 2)
    wrong: max(0, x) is a different function: at x = -1 it is 0, the expected function is 1

AUTHORS:

- sage_tropnet developers (2026-12): initial version
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

from sage.rings.rational_field import QQ
from sage.structure.sage_object import SageObject

#: relative tolerance for a float answer to an exact question
FLOAT_TOLERANCE = 1e-9

_RESULTS = []


class Result(SageObject):
    r"""
    The verdict of :func:`check`: ``status`` is ``'right'``, ``'wrong'`` or
    ``'unanswered'``, ``message`` the text shown.

    EXAMPLES::

        sage: from sage_tropnet.exercises import check
        sage: r = check(2, 2); r.status, bool(r)
        ('right', True)
        sage: bool(check(1, 2)), bool(check(None, 2))
        (False, False)
    """

    def __init__(self, status, message):
        self.status = status
        self.message = message

    def __bool__(self):
        return self.status == 'right'

    def _repr_(self):
        return self.message


class Report(SageObject):
    r"""
    The summary of the exercises checked so far (see :func:`report`).

    EXAMPLES::

        sage: from sage_tropnet.exercises import check, report, reset
        sage: reset(); _ = check(1, 1); _ = check(2, 3)
        sage: r = report(); r.right, r.wrong, r.unanswered, r.all_right()
        (1, 1, 0, False)
    """

    def __init__(self, results):
        self.right = sum(1 for r in results if r.status == 'right')
        self.wrong = sum(1 for r in results if r.status == 'wrong')
        self.unanswered = sum(1 for r in results if r.status == 'unanswered')
        self.total = len(results)

    def all_right(self):
        r"""
        Return whether every exercise checked so far is right.

        EXAMPLES::

            sage: from sage_tropnet.exercises import check, report, reset
            sage: reset(); _ = check(1, 1); report().all_right()
            True
        """
        return self.total > 0 and self.right == self.total

    def _repr_(self):
        return "%s exercise%s: %s right, %s wrong, %s not answered" % (
            self.total, "" if self.total == 1 else "s", self.right, self.wrong, self.unanswered)


def reset():
    r"""
    Forget the exercises checked so far (at the start of a worksheet).

    EXAMPLES::

        sage: from sage_tropnet.exercises import reset, report
        sage: reset(); report()
        0 exercises: 0 right, 0 wrong, 0 not answered
    """
    del _RESULTS[:]


def report():
    r"""
    Return the summary of the exercises checked since the last :func:`reset`.

    EXAMPLES::

        sage: from sage_tropnet.exercises import check, report, reset
        sage: reset(); _ = check(..., 1); report()
        1 exercise: 0 right, 0 wrong, 1 not answered
    """
    return Report(_RESULTS)


def _rational(a):
    r"""
    Return ``a`` as an exact rational, or ``None`` if it is not a number.
    """
    if isinstance(a, (bool, tuple, list, set, frozenset, dict, str)):
        return None
    try:
        return QQ(a)
    except (TypeError, ValueError, ArithmeticError):
        return None


def _point(v):
    r"""
    Return ``v`` (a point or a number) as a tuple of rationals.
    """
    if hasattr(v, '__iter__') and not isinstance(v, str):
        return tuple(QQ(a) for a in v)
    return (QQ(v),)


def _fmt(v):
    if isinstance(v, tuple):
        return "(%s)" % ", ".join(str(a) for a in v)
    return str(v)


def _compare_numbers(answer, expected):
    e = QQ(expected)
    a = _rational(answer)
    if isinstance(answer, float) or type(answer).__name__ in ("RealNumber", "RealLiteral",
                                                             "RealDoubleElement"):
        if abs(float(answer) - float(e)) <= FLOAT_TOLERANCE * max(1, abs(float(e))):
            return True, "%s (as a decimal; the exact value is %s)" % (answer, e)
        return False, "%s, expected another answer" % (answer,)
    if a is None:
        return False, "%r is not a number" % (answer,)
    if a == e:
        return True, "%s" % a
    return False, "%s, expected another answer" % a


def _compare_tuples(answer, expected):
    if not isinstance(answer, (tuple, list)) or len(answer) != len(expected):
        return False, "%s, expected %s numbers" % (answer, len(expected))
    wrong = [k for k, (a, e) in enumerate(zip(answer, expected))
             if not _compare_numbers(a, e)[0]] if all(_rational(e) is not None
                                                    for e in expected) \
        else [k for k, (a, e) in enumerate(zip(answer, expected)) if a != e]
    if not wrong:
        return True, "(%s)" % ", ".join(str(a) for a in answer)
    return False, "(%s): entr%s %s not right" % (
        ", ".join(str(a) for a in answer), "y" if len(wrong) == 1 else "ies",
        ", ".join(str(k + 1) for k in wrong) + (" is" if len(wrong) == 1 else " are"))


def _compare_polytopes(answer, expected):
    from sage.geometry.polyhedron.constructor import Polyhedron
    from sage.geometry.polyhedron.base import Polyhedron_base
    if isinstance(answer, Polyhedron_base):
        P = answer
    else:
        try:
            P = Polyhedron(vertices=[_point(v) for v in answer], base_ring=QQ)
        except (TypeError, ValueError) as err:
            return False, "not a list of points (%s)" % err
    if P == expected:
        return True, "the polytope with vertices [%s]" % ", ".join(sorted(
            _fmt(tuple(v)) for v in expected.vertices_list()))
    got = set(tuple(QQ(a) for a in v) for v in P.vertices_list())
    want = set(tuple(QQ(a) for a in v) for v in expected.vertices_list())
    return False, "vertices %s missing, %s not vertices of the expected polytope" % (
        "[%s]" % ", ".join(sorted(_fmt(v) for v in want - got)) if want - got else "none",
        "[%s]" % ", ".join(sorted(_fmt(v) for v in got - want)) if got - want else "none")


def _normalise_item(x):
    if hasattr(x, '__iter__') and not isinstance(x, str):
        try:
            return tuple(QQ(a) for a in x)
        except (TypeError, ValueError):
            return tuple(x)
    r = _rational(x)
    return r if r is not None else x


def _compare_sets(answer, expected):
    if not hasattr(answer, '__iter__') or isinstance(answer, str):
        return False, "expected a list or a set, got %r" % (answer,)
    got = set(_normalise_item(x) for x in answer)
    want = set(_normalise_item(x) for x in expected)
    if got == want:
        return True, "[%s]" % ", ".join(sorted(_fmt(x) for x in want))
    return False, "missing [%s], extra [%s]" % (", ".join(sorted(_fmt(x) for x in want - got)),
                                                ", ".join(sorted(_fmt(x) for x in got - want)))


def _compare_polynomials(answer, expected):
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial
    if not isinstance(answer, TropicalPuiseuxPolynomial):
        return False, "expected a tropical polynomial, got %r" % (answer,)
    if answer.nvariables() != expected.nvariables():
        return False, "%s has %s variables, expected %s" % (answer, answer.nvariables(),
                                                           expected.nvariables())
    a, e = answer.merged().prune(), expected.merged().prune()
    if sorted(a.terms()) == sorted(e.terms()):
        return True, "%s" % a
    # a point where they differ, on a small integer grid
    from itertools import product
    n = e.nvariables()
    for pt in product(range(-3, 4), repeat=n):
        pt = [QQ(t) for t in pt]
        if answer(*pt) != expected(*pt):
            where = ", ".join("%s = %s" % (v, t) for v, t in zip(e.variable_names(), pt))
            return False, "%s is a different function: at %s it is %s, the expected " \
                          "function is %s" % (answer, where, answer(*pt), expected(*pt))
    return False, "%s is a different function" % answer


def check(answer, expected, why=None, hint=None):
    r"""
    Check an answer against the expected one; print and return the verdict.

    INPUT:

    - ``answer`` -- what the student typed; ``...`` or ``None`` means not
      answered yet
    - ``expected`` -- the right answer: a number, a tuple (compared entry by
      entry), a Sage ``Polyhedron`` (the answer may be a list of vertices), a
      Python ``set`` (the answer may be any list), a tropical polynomial (compared as functions), a function
      returning whether an answer is right, or anything else (compared with
      ``==``)
    - ``why`` -- optional explanation, shown with a right answer
    - ``hint`` -- optional hint, shown with a wrong answer

    OUTPUT: a :class:`Result`, which is printed as ``right: ...``,
    ``wrong: ...`` or ``not answered yet: ...`` (and is true when right)

    EXAMPLES::

        sage: from sage_tropnet.exercises import check
        sage: check(0.5, 1/2)
        right: 0.500000000000000 (as a decimal; the exact value is 1/2)
        sage: check("four", 4)
        wrong: 'four' is not a number
        sage: check((5, 4), (5, 4)), check((4, 4), (5, 4))
        (right: (5, 4), wrong: (4, 4): entry 1 is not right)
        sage: check(-1, lambda c: c <= 0, why="any c <= 0 works")
        right: -1. Why: any c <= 0 works
        sage: check(2, lambda c: c <= 0)
        wrong: 2 does not have the property asked for
        sage: check(True, True, why="every activation region lies in one linear region")
        right: True. Why: every activation region lies in one linear region
        sage: check([(0, 0), (1, 0), (0, 1)], Polyhedron(vertices=[(0, 0), (2, 0), (0, 2)]),
        ....:       hint="the exponents of x^2 and y^2")
        wrong: vertices [(0, 2), (2, 0)] missing, [(0, 1), (1, 0)] not vertices of the
        expected polytope. Hint: the exponents of x^2 and y^2
    """
    from sage.geometry.polyhedron.base import Polyhedron_base
    from sage_tropnet.puiseux import TropicalPuiseuxPolynomial
    if answer is None or answer is Ellipsis:
        result = Result('unanswered', "not answered yet: replace ... by your answer")
        _RESULTS.append(result)
        return result
    if isinstance(expected, Polyhedron_base):
        ok, text = _compare_polytopes(answer, expected)
    elif isinstance(expected, (set, frozenset)):
        ok, text = _compare_sets(answer, expected)
    elif isinstance(expected, TropicalPuiseuxPolynomial):
        ok, text = _compare_polynomials(answer, expected)
    elif isinstance(expected, (tuple, list)):
        ok, text = _compare_tuples(answer, expected)
    elif callable(expected):
        try:
            ok = bool(expected(answer))
        except (TypeError, ValueError, ArithmeticError) as err:
            ok, text = False, "%s does not fit (%s)" % (answer, err)
        else:
            text = "%s" % (answer,) if ok else "%s does not have the property asked for" % (answer,)
    elif _rational(expected) is not None and not isinstance(expected, bool):
        ok, text = _compare_numbers(answer, expected)
    else:
        ok = answer == expected
        text = "%s" % (answer,) if ok else "%s, expected another answer" % (answer,)
    if ok:
        message = "right: %s" % text + (". Why: %s" % why if why else "")
    else:
        message = "wrong: %s" % text + (". Hint: %s" % hint if hint else "")
    result = Result('right' if ok else 'wrong', message)
    _RESULTS.append(result)
    return result
