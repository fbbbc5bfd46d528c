"""The shells around the core: the command line (``kg``) and the web service (:mod:`api.app`).

Nothing here is imported by ``kg``; heavy web dependencies are imported inside the commands
that need them, so that ``kg --help`` stays fast.
"""
