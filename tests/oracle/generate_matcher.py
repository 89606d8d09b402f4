"""Writes tests/oracle/matcher.json: texts with phone numbers of many regions
in them (prose, lists, CSV rows, e-mail signatures, with punctuation, words,
letters, dates, prices and extensions around them) and what Python's
phonenumbers 9.0.33 PhoneNumberMatcher finds in each at leniency VALID (and,
for a share of them, POSSIBLE). tests/oracle_matcher.rs compares
telschema's find_numbers. Run by `make oracle`.

Offsets are in code points, as Python indexes strings."""

import json
import random
import sys

import phonenumbers as pn
from phonenumbers import Leniency, PhoneNumberFormat as F, PhoneNumberType as T

EXPECTED_VERSION = "9.0.33"
if pn.__version__ != EXPECTED_VERSION:
    sys.exit(f"phonenumbers {pn.__version__}, expected {EXPECTED_VERSION}")

rng = random.Random(16)
TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP, T.PERSONAL_NUMBER, T.UAN]
REGIONS = sorted(pn.SUPPORTED_REGIONS)

# Example numbers of every region, and a few variants (last digits changed)
# so that not every number is the metadata's own example.
POOL = {}
for region in REGIONS:
    numbers = []
    for t in TYPES:
        n = pn.example_number_for_type(region, t)
        if n is None:
            continue
        numbers.append(n)
        nsn = pn.national_significant_number(n)
        for _ in range(2):
            tail = "".join(rng.choice("0123456789") for _ in range(min(3, len(nsn) - 2)))
            v = pn.parse("+" + str(n.country_code) + nsn[: len(nsn) - len(tail)] + tail, None)
            numbers.append(v)
    if numbers:
        POOL[region] = numbers


def written(n, region):
    """The number written one of the ways people write them."""
    style = rng.random()
    if style < 0.35:
        s = pn.format_number(n, F.NATIONAL)
    elif style < 0.6:
        s = pn.format_number(n, F.INTERNATIONAL)
    elif style < 0.7:
        s = pn.format_number(n, F.E164)
    elif style < 0.75:
        s = pn.format_number(n, F.RFC3966).replace("tel:", "")
    elif style < 0.85:
        s = pn.format_number(n, F.NATIONAL)
        s = s.replace(" ", rng.choice([".", "-", " ", ""]))
    elif style < 0.92:
        s = pn.format_out_of_country_calling_number(n, rng.choice(["US", "DE", "GB", "FR", "JP"]))
    else:
        s = pn.national_significant_number(n)
    r = rng.random()
    if r < 0.06:
        s += rng.choice([" ext. ", " x", " ext ", " #", ";ext=", " anexo ", " Ext: "]) + str(rng.randint(1, 9999))
    elif r < 0.08:
        s += " - " + str(rng.randint(10, 999)) + "#"
    return s


WORDS = ["Call", "call us on", "Phone:", "Tel.", "Mobile", "fax", "reach me at", "or", "and", "Contact",
         "Téléphone :", "Телефон:", "電話", "Tlf.", "WhatsApp", "☎", "Hotline", "Office", "(main)", "номер"]
DISTRACTORS = [
    "on 12/10/2024", "at 2012-01-02 08:00", "order #123456", "VLDB J. 12(3): 211-227 (2003).",
    "$1,234.56", "€ 3125550100", "99.5%", "version 2.3.1", "ISBN 978-3-16-148410-0", "room 221B",
    "1-800-FLOWERS", "abc3125550100", "3125550100def", "ZIP 60601", "2021", "3/10/2011", "call 911",
    "SKU 000123-45", "ref. 44/2019", "10:30-11:45", "pages 10-15", "tel:+1-312-535-4200",
]
SEPARATORS = [", ", "; ", " / ", " or ", "\n", " | ", "\t", " - ", "; and ", ". "]


def text_for(region):
    """One text: a template filled with numbers of region (national forms
    read in region) and sometimes of other regions (international forms)."""
    kind = rng.random()
    parts = []
    count = rng.choice([1, 1, 2, 2, 3, 4])
    for i in range(count):
        if rng.random() < 0.7:
            n = rng.choice(POOL[region])
            s = written(n, region)
        else:
            other = rng.choice(list(POOL))
            n = rng.choice(POOL[other])
            s = pn.format_number(n, rng.choice([F.INTERNATIONAL, F.E164]))
        parts.append(s)
    if kind < 0.3:
        # prose
        out = []
        for s in parts:
            out.append(f"{rng.choice(WORDS)} {s}")
            if rng.random() < 0.3:
                out.append(rng.choice(DISTRACTORS))
        return " ".join(out) + rng.choice([".", "!", "", " thanks", " (24h)"])
    if kind < 0.5:
        # a list
        bullet = rng.choice(["- ", "* ", "• ", "1. ", ""])
        return "\n".join(bullet + s for s in parts)
    if kind < 0.7:
        # CSV rows
        rows = ["name,phone,note"]
        for s in parts:
            q = '"' + s + '"' if rng.random() < 0.5 else s
            rows.append(f"{rng.choice(['Ann', 'Bo', 'Chen', 'Dee'])},{q},{rng.choice(['', 'desk', 'cell', 'x', '2024-05-01'])}")
        return "\n".join(rows)
    if kind < 0.85:
        # separated run
        return rng.choice(SEPARATORS).join(parts)
    # words glued or bracketed, letters around
    out = []
    for s in parts:
        shape = rng.random()
        if shape < 0.25:
            out.append(f"[{s}]")
        elif shape < 0.5:
            out.append(f"({s})")
        elif shape < 0.65:
            out.append(f"tel{s}")
        elif shape < 0.8:
            out.append(f"{s}abc")
        else:
            out.append(f"«{s}»")
    return " ".join(out) + " " + rng.choice(DISTRACTORS)


PIECES = ["(", ")", "[", "]", "+", "\uFF0B", "-", ".", "/", " ", "  ", "\u00A0", "x", "X", "xx", "~", "\u2013",
          "\uFF0D", "ext.", " ext ", ";ext=", "#", ",", ", ", ":", "%", "$", "abc", "Tel", "\u0442\u0435\u043b", "\n",
          "2012-01-02 08", ":00", "12/10/2024", "1-", "\u3000", "\u00AD", "int", "anexo", " - ", "/ x"]
DIGIT_SETS = ["0123456789"] * 8 + ["\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669",
                                   "\uFF10\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF19"]


def scrambled(region):
    """A text of digit groups, punctuation, letters and the matcher's own
    special cases in random order, sometimes around a real number: it
    exercises the candidate scanner, the inner matches and the filters."""
    out = []
    for _ in range(rng.randint(3, 14)):
        r = rng.random()
        if r < 0.45:
            digits = rng.choice(DIGIT_SETS)
            out.append("".join(rng.choice(digits) for _ in range(rng.randint(1, 6))))
        elif r < 0.55:
            out.append(written(rng.choice(POOL[region]), region))
        else:
            out.append(rng.choice(PIECES))
    return "".join(out)


def found(text, region, leniency):
    return [
        {"start": m.start, "end": m.end, "raw": m.raw_string,
         "e164": pn.format_number(m.number, F.E164), "extension": m.number.extension}
        for m in pn.PhoneNumberMatcher(text, region, leniency=leniency)
    ]


def main():
    texts = []
    regions = list(POOL)
    for i in range(3000):
        region = regions[i % len(regions)] if i < 2 * len(regions) else rng.choice(
            ["US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "CA", "MX", "IT", "ES", "NL", "CH", "CN", "RU"])
        text = text_for(region)
        entry = {"region": region, "text": text, "valid": found(text, region, Leniency.VALID)}
        if i % 5 == 0:
            entry["possible"] = found(text, region, Leniency.POSSIBLE)
        texts.append(entry)
    for i in range(1500):
        region = rng.choice(["US", "GB", "DE", "FR", "IN", "BR", "JP", "AU", "RU", "EG", "SA", "CN"])
        text = scrambled(region)
        entry = {"region": region, "text": text, "valid": found(text, region, Leniency.VALID)}
        if i % 5 == 0:
            entry["possible"] = found(text, region, Leniency.POSSIBLE)
        texts.append(entry)
    # Hand-written cases of the matcher's own rules.
    for region, text in [
        ("US", "Call 650-253-0000/650-253-0001 today"),
        ("US", "(650) 223 3345 (754) 223 3321"),
        ("US", "12345 - 650 253 0000 is my number."),
        ("US", "650 253 0000 x302/x2303"),
        ("US", "2012-01-02 08:00 and 2012-01-02 08"),
        ("US", "1-800-SIX-FLAGS or 1-800-744-3524"),
        ("DE", "Tel: 030/12345678 oder 030 / 1234 5678"),
        ("GB", "ring 020 7031 3000 or 20 7031 3000 or +44 (0)20 7031 3000"),
        ("ZZ", "only +41 44 668 18 00 and 044 668 18 00"),
        ("US", "3324451234 8002341234"),
        ("US", "abc 8005001234 def 8005001234x"),
    ]:
        texts.append({"region": region, "text": text, "valid": found(text, region, Leniency.VALID),
                      "possible": found(text, region, Leniency.POSSIBLE)})
    with open("tests/oracle/matcher.json", "w", encoding="utf-8") as f:
        # One text a line, so that a regeneration diffs by text.
        f.write('{"phonenumbers": "%s", "texts": [\n' % pn.__version__)
        f.write(",\n".join(json.dumps(t, ensure_ascii=False) for t in texts))
        f.write("\n]}\n")
    total = sum(len(t["valid"]) for t in texts)
    print(f"tests/oracle/matcher.json: {len(texts)} texts, {total} numbers found at VALID")


if __name__ == "__main__":
    main()
