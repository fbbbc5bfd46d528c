"""Core of the source-credibility knowledge graph: model, I/O, stores and analysis.

This package never imports the web service (``api``) or the graph view (``viz``).
"""

__version__ = "0.1.0"
