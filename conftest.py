"""Root pytest configuration.

``--doctest-modules`` would also import every ``conftest.py`` as a module to look for docstring
examples; two of them (tests/api, tests/viz, ...) share the module name ``conftest`` and clash
when several test folders are named on the command line. They hold no examples, so they are
left out of doctest collection (they still load as conftest plugins).
"""

collect_ignore_glob = ["tests/**/conftest.py"]
