"""civicgraph: documents about UK local government, culture and skills -> an RDF knowledge graph."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "rules-0.1.0"

__all__ = ["__version__", "EXTRACTOR_VERSION"]
