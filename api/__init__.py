"""The shells around the core: the command line (``kg``) and, later, the web service.

Nothing here is imported by ``kg``; heavy web dependencies are imported inside the commands
that need them, so that ``kg --help`` stays fast.
"""
