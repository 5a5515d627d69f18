r"""
Disjoint sets (union--find)

Gluing cells into regions and pieces into classes are both "merge the classes
of two elements, then list the classes"; :class:`UnionFind` is the one
implementation, on arbitrary hashable elements.

EXAMPLES::

    sage: from sage_tropnet.misc.union_find import UnionFind
    sage: uf = UnionFind([1, 2, 3, 4])
    sage: _ = uf.union(1, 3); _ = uf.union(4, 3)
    sage: uf.find(1) == uf.find(4), uf.find(2) == uf.find(1)
    (True, False)
    sage: uf.classes()
    [[1, 3, 4], [2]]

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


class UnionFind:
    r"""
    A partition of hashable elements into classes, refined by merging.

    Elements are added on first use (by :meth:`find` or :meth:`union`) or
    given at construction. Finding is with path compression.

    INPUT:

    - ``elements`` -- (default: ``()``) an iterable of hashable elements, each
      in its own class

    EXAMPLES::

        sage: from sage_tropnet.misc.union_find import UnionFind
        sage: uf = UnionFind()
        sage: uf.union((0, 1), (1, 0))
        True
        sage: uf.find((0, 1)) == uf.find((1, 0))
        True
        sage: len(uf)
        2
    """

    def __init__(self, elements=()):
        self._parent = {a: a for a in elements}

    def __len__(self):
        r"""
        Return the number of elements.

        EXAMPLES::

            sage: from sage_tropnet.misc.union_find import UnionFind
            sage: len(UnionFind(range(5)))
            5
        """
        return len(self._parent)

    def find(self, a):
        r"""
        Return the representative of the class of ``a`` (added if new).

        EXAMPLES::

            sage: from sage_tropnet.misc.union_find import UnionFind
            sage: uf = UnionFind(range(3)); uf.union(0, 2)
            True
            sage: uf.find(0) == uf.find(2), uf.find(1)
            (True, 1)
        """
        parent = self._parent
        parent.setdefault(a, a)
        root = a
        while parent[root] != root:
            root = parent[root]
        while parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    def union(self, a, b):
        r"""
        Merge the classes of ``a`` and ``b``; return whether they were
        different (a count of classes drops by one for each ``True``).

        EXAMPLES::

            sage: from sage_tropnet.misc.union_find import UnionFind
            sage: uf = UnionFind("abc"); uf.union("a", "c")
            True
            sage: uf.classes()
            [['a', 'c'], ['b']]
            sage: uf.union("c", "a")
            False
        """
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self._parent[ra] = rb
        return True

    def classes(self):
        r"""
        Return the classes as lists, in the order in which their first elements
        were added (each class in that order too).

        EXAMPLES::

            sage: from sage_tropnet.misc.union_find import UnionFind
            sage: uf = UnionFind([3, 1, 2, 0])
            sage: _ = uf.union(0, 3); _ = uf.union(2, 1)
            sage: uf.classes()
            [[3, 0], [1, 2]]
        """
        out = {}
        for a in list(self._parent):
            out.setdefault(self.find(a), []).append(a)
        return list(out.values())
