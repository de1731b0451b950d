"""Issue 6: every gold place of the seeds that is a UK nation, region, county or
local-authority area carries its official code in the built graph."""

from __future__ import annotations

import json
from pathlib import Path

from graph.store import load_graph
from graph.textnorm import norm_key

ROOT = Path(__file__).resolve().parent.parent

# Areas with no official ONS/ISO code: informal descriptions, not statistical geographies.
NO_OFFICIAL_CODE = {"central london", "oxford cambridge growth corridor"}

QUERY = """
PREFIX cg: <https://w3id.org/civicgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?p ?name ?id ?same WHERE {
  ?p a cg:Place .
  { ?p rdfs:label ?name } UNION { ?p skos:altLabel ?name }
  OPTIONAL { ?p dcterms:identifier ?id }
  OPTIONAL { ?p owl:sameAs ?same }
}"""


def test_gold_areas_carry_their_codes():
    g = load_graph(ROOT / "outputs" / "graph.ttl")
    codes: dict[str, set[str]] = {}
    same_as: dict[str, set[str]] = {}
    for _p, name, ident, same in g.query(QUERY):
        key = norm_key(str(name))
        codes.setdefault(key, set())
        same_as.setdefault(key, set())
        if ident is not None:
            codes[key].add(str(ident))
        if same is not None:
            same_as[key].add(str(same))
    checked, missing = 0, []
    for f in sorted((ROOT / "tests" / "gold").glob("*.json")):
        for e in json.loads(f.read_text(encoding="utf-8"))["entities"]:
            if e["type"] != "Place" or e["subtype"] not in ("Country", "Region", "LocalAuthorityArea"):
                continue
            forms = [norm_key(x) for x in [e["name"], *e["aliases"]]]
            if any(k in NO_OFFICIAL_CODE for k in forms):
                continue
            found = [k for k in forms if k in codes]
            if not found:
                missing.append(f"{e['name']} (not extracted)")
                continue
            checked += 1
            if not any(codes[k] for k in found):
                missing.append(f"{e['name']} (no code)")
            elif e["subtype"] != "Country" and not any(
                s.startswith("http://statistics.data.gov.uk/id/statistical-geography/")
                for k in found for s in same_as[k]
            ):
                missing.append(f"{e['name']} (no ONS sameAs)")
    assert checked >= 20
    assert missing == []
