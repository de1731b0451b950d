"""Funding links with an amount as grants shaped like the 360Giving Data Standard.

One grant per ``cg:funds`` relation that carries ``cg:amount``. Fields
follow the 360Giving standard (https://standard.threesixtygiving.org/):
CSV column titles as in its spreadsheet template, JSON keys as in its JSON
schema (``{"grants": [...]}``).

* ``Identifier`` / ``id``: ``360G-civicgraph-<statement hash>`` (stable for
  the same funder, predicate and recipient);
* ``Title``, ``Description`` (the evidence sentence(s)), ``Currency``,
  ``Amount Awarded``; ``Award Date`` is omitted: documents state amounts,
  rarely award dates, and the standard forbids guessing one;
* ``Funding Org`` and ``Recipient Org``: ``Identifier`` is the first
  org-id style identifier the graph has (``GB-...``, ``XI-...``), else a
  ``360G-civicgraph-<entity id>`` identifier as the standard allows for
  organisations without one. When the funded thing is a programme, the
  recipient is the organisation that delivers it if exactly one does (else
  blank); a funded ``cg:FundingProgramme`` also goes in ``Grant
  Programme:Title`` (other programmes are the funded project, named in the
  title);
* ``Beneficiary Location``: each place the funded thing operates in
  (``cg:operatesIn``), with its GSS code and code type where the graph has
  one (type from the code's prefix, e.g. ``E08`` -> ``MD``);
* ``Data Source``: the source document IRI(s).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass

from graph.export.view import Edge, Node, View, local_id

#: ONS GSS code prefix -> 360Giving geographic code type (codelist geoCodeType).
GSS_TYPES = {
    "E92": "CTRY",
    "W92": "CTRY",
    "S92": "CTRY",
    "N92": "CTRY",
    "E12": "RGN",
    "E10": "CTY",
    "E06": "UA",
    "W06": "UA",
    "S12": "UA",
    "E07": "NMD",
    "N09": "LAD",
    "E08": "MD",
    "E09": "LONB",
    "E05": "WD",
    "W05": "WD",
    "S13": "WD",
    "N08": "WD",
    "E14": "WMC",
    "W07": "WMC",
    "S14": "WMC",
    "N06": "WMC",
    "E47": "CA",
}
_GSS = re.compile(r"^[EWSN]\d{8}$")
_ORG_ID = re.compile(r"^(GB|XI|XE|IE|US)-[A-Z]{2,6}-\S+$")

PREFIX = "360G-civicgraph-"


@dataclass(frozen=True, slots=True)
class Location:
    """A beneficiary location."""

    name: str
    code: str | None
    code_type: str | None


@dataclass(frozen=True, slots=True)
class Grant:
    """One grant row."""

    id: str
    title: str
    description: str
    currency: str
    amount: str
    funder_id: str
    funder_name: str
    recipient_id: str | None
    recipient_name: str | None
    programme: str | None
    locations: tuple[Location, ...]
    sources: tuple[str, ...]


def org_identifier(n: Node) -> str:
    """Return an org-id identifier for an organisation, or a 360G-civicgraph one."""
    for ident in n.identifiers:
        if _ORG_ID.match(ident):
            return ident
    return PREFIX + local_id(n.iri).replace("/", "-")


def gss_code(n: Node) -> str | None:
    """Return the node's ONS GSS code, if it has one."""
    return next((i for i in n.identifiers if _GSS.match(i)), None)


def grants(view: View) -> list[Grant]:
    """Return one :class:`Grant` per funding link with an amount."""
    nodes = {n.iri: n for n in view.nodes}
    delivered_by: dict[str, list[str]] = {}
    operates_in: dict[str, list[str]] = {}
    for e in view.edges:
        if e.predicate == "delivers":
            delivered_by.setdefault(e.target, []).append(e.source)
        elif e.predicate == "operatesIn":
            operates_in.setdefault(e.source, []).append(e.target)
    out = []
    for e in view.edges:
        if e.predicate != "funds" or e.amount is None or e.source not in nodes:
            continue
        out.append(_grant(e, nodes, delivered_by, operates_in))
    return out


def _grant(
    e: Edge,
    nodes: dict[str, Node],
    delivered_by: dict[str, list[str]],
    operates_in: dict[str, list[str]],
) -> Grant:
    funder = nodes[e.source]
    funded = nodes.get(e.target)
    recipient: Node | None = None
    programme = None
    if funded is not None and funded.type == "Organisation":
        recipient = funded
    elif funded is not None and funded.type == "Programme":
        if funded.subtype == "FundingProgramme":
            programme = funded.label
        orgs = [nodes[o] for o in delivered_by.get(funded.iri, []) if o in nodes]
        recipient = orgs[0] if len(orgs) == 1 else None
    places = [nodes[p] for p in operates_in.get(e.target, []) if p in nodes]
    locations = tuple(
        Location(p.label, gss_code(p), GSS_TYPES.get((gss_code(p) or "")[:3])) for p in places
    )
    amount_text = e.amount_text or f"{e.amount} {e.currency or ''}".strip()
    target_name = funded.label if funded else local_id(e.target)
    return Grant(
        id=PREFIX + e.statements[0].rsplit("/", 1)[-1]
        if e.statements
        else PREFIX + local_id(e.target),
        title=f"{amount_text} from {funder.label} to {target_name}",
        description=" ".join(q.exact for q in e.evidence),
        currency=e.currency or "GBP",
        amount=str(e.amount),
        funder_id=org_identifier(funder),
        funder_name=funder.label,
        recipient_id=org_identifier(recipient) if recipient else None,
        recipient_name=recipient.label if recipient else None,
        programme=programme,
        locations=locations,
        sources=e.documents,
    )


def _number(amount: str) -> int | float:
    value = float(amount)
    return int(value) if value.is_integer() else value


def to_json(items: list[Grant]) -> bytes:
    """Return 360Giving JSON: ``{"grants": [...]}``."""
    rows = []
    for g in items:
        row: dict[str, object] = {
            "id": g.id,
            "title": g.title,
            "description": g.description,
            "currency": g.currency,
            "amountAwarded": _number(g.amount),
            "fundingOrganization": [{"id": g.funder_id, "name": g.funder_name}],
        }
        if g.recipient_id:
            row["recipientOrganization"] = [{"id": g.recipient_id, "name": g.recipient_name}]
        if g.programme:
            row["grantProgramme"] = [{"title": g.programme}]
        if g.locations:
            row["beneficiaryLocation"] = [
                {
                    k: v
                    for k, v in (
                        ("name", loc.name),
                        ("geoCode", loc.code),
                        ("geoCodeType", loc.code_type),
                    )
                    if v
                }
                for loc in g.locations
            ]
        row["dataSource"] = " ".join(g.sources)
        rows.append(row)
    return (json.dumps({"grants": rows}, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


CSV_COLUMNS = (
    "Identifier",
    "Title",
    "Description",
    "Currency",
    "Amount Awarded",
    "Funding Org:Identifier",
    "Funding Org:Name",
    "Recipient Org:Identifier",
    "Recipient Org:Name",
    "Grant Programme:Title",
    "Beneficiary Location:Name",
    "Beneficiary Location:Geographic Code",
    "Beneficiary Location:Geographic Code Type",
    "Data Source",
)


def to_csv(items: list[Grant]) -> bytes:
    """Return 360Giving CSV (one row per grant; several locations joined with ``"; "``)."""
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for g in items:
        w.writerow(
            [
                g.id,
                g.title,
                g.description,
                g.currency,
                g.amount,
                g.funder_id,
                g.funder_name,
                g.recipient_id or "",
                g.recipient_name or "",
                g.programme or "",
                "; ".join(loc.name for loc in g.locations),
                "; ".join(loc.code or "" for loc in g.locations if loc.code),
                "; ".join(loc.code_type or "" for loc in g.locations if loc.code_type),
                " ".join(g.sources),
            ]
        )
    return buf.getvalue().encode("utf-8")


def to_360giving(view: View) -> dict[str, bytes]:
    """Return ``{".360giving.csv": ..., ".360giving.json": ...}``."""
    items = grants(view)
    return {".360giving.csv": to_csv(items), ".360giving.json": to_json(items)}
