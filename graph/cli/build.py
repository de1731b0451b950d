"""``civicgraph build`` (placeholder: the pipeline lands next)."""
