"""kg: news articles in, an RDF knowledge graph of political actors and their relations out.

The pipeline flows one way::

    ingest -> extract -> resolve -> graph -> (query | analyze | render | export)

The command line (``kg.cli``) is a thin layer over these modules.
"""

__version__ = "0.1.0"
