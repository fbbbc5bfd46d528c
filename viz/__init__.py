"""The graph view (pyvis). Imports ``kg`` only; never ``api``."""
