"""Money amounts as written in UK documents -> (Decimal, ISO 4217 currency).

>>> parse_amount("£740,000")
(Decimal('740000'), 'GBP')
>>> parse_amount("£1.06 million")
(Decimal('1060000.00'), 'GBP')
>>> parse_amount("£3.5m")
(Decimal('3500000.0'), 'GBP')
>>> parse_amount("€2bn")
(Decimal('2000000000'), 'EUR')
>>> [m.group(0) for m in find_amounts("A £12k grant and £2.4 billion, not 2,000 people.")]
['£12k', '£2.4 billion']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
_SCALE = {
    "k": Decimal(1_000),
    "thousand": Decimal(1_000),
    "m": Decimal(1_000_000),
    "mn": Decimal(1_000_000),
    "million": Decimal(1_000_000),
    "bn": Decimal(1_000_000_000),
    "b": Decimal(1_000_000_000),
    "billion": Decimal(1_000_000_000),
}

AMOUNT_RE = re.compile(
    r"(?P<cur>[£$€])\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(?P<scale>million|billion|thousand|mn|bn|m|k|b)\b)?",
    re.IGNORECASE,
)


def find_amounts(text: str) -> Iterator[re.Match[str]]:
    """Yield regex matches of money amounts in ``text`` (group ``cur``, ``num``, ``scale``)."""
    return AMOUNT_RE.finditer(text)


def has_amount(text: str) -> bool:
    """Whether ``text`` holds a money amount (``find_amounts`` is an iterator, always true)."""
    return AMOUNT_RE.search(text) is not None


def parse_amount(written: str) -> tuple[Decimal, str] | None:
    """Parse an amount such as ``£1.06 million`` into (value, currency); None if not money."""
    m = AMOUNT_RE.search(written)
    if not m:
        return None
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        return None
    scale = m.group("scale")
    if scale:
        value = value * _SCALE[scale.lower()]
    return value, _CURRENCY[m.group("cur")]
