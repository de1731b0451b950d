"""scripts/rule_precision.py: per-rule precision of the extractor's links against a gold set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "rule_precision.py"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def test_each_rules_links_are_counted_right_or_wrong_against_the_gold(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs" / "d.txt").write_text(
        "The Kestrel Foundation funded the Tarn Arts Fund. The Tarn Arts Fund is delivered by Brimble Council.\n",
        encoding="utf-8")
    gold = {"document": "d.txt",
            "entities": [{"id": "k", "name": "Kestrel Foundation", "type": "Organisation", "subtype": "Charity", "aliases": []},
                         {"id": "f", "name": "Tarn Arts Fund", "type": "Programme", "subtype": "FundingProgramme", "aliases": []},
                         {"id": "b", "name": "Brimble Council", "type": "Organisation", "subtype": "LocalAuthority", "aliases": []}],
            # the gold says Brimble Council funds the fund: the extractor's "delivers" link is wrong
            "relations": [{"subject": "k", "predicate": "funds", "object": "f",
                           "evidence": "The Kestrel Foundation funded the Tarn Arts Fund."}]}
    (tmp_path / "gold" / "d.json").write_text(json.dumps(gold), encoding="utf-8")
    out = run(str(tmp_path), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = {r["rule"]: (r["right"], r["links"]) for r in json.loads(out.stdout)["rules"]}
    funds = [v for k, v in rows.items() if k.startswith("funds ")]
    delivers = [v for k, v in rows.items() if k.startswith("delivers ")]
    assert funds and all(right == links for right, links in funds)
    assert delivers and all(right == 0 for right, _links in delivers)
    # the text listing, filtered to rules right at most half the time, shows the delivers rule only
    text = run(str(tmp_path), "--max-precision", "0.5").stdout
    assert "delivers" in text and "funds" not in text


def test_blind_and_missing_sets_are_refused():
    blind = run("heldout7")
    assert blind.returncode == 2 and "heldout7 blind" in blind.stderr and not blind.stdout
    missing = run("no-such-set")
    assert missing.returncode == 2 and "no such set: no-such-set" in missing.stderr
