"""The held-out sets kept blind (their READMEs open "BLIND evaluation set"): no model trains on
them and nobody looks into them. tests/test_pairs.py checks this list, the READMEs and
scripts/training.py's ``BLIND`` agree."""

BLIND = frozenset({"heldout7", "heldout9", "heldout28", "heldout30", "heldout32", "heldout33"})
