"""Writes tests/oracle/short.json from Python's phonenumbers (a port of
Google's libphonenumber) at the metadata version telschema compiles, so that
tests/oracle_short.rs can compare our short-number answers with Google's
ShortNumberInfo. Run by `make oracle`.

The texts: every example number of every short-number description of every
region, every emergency number of two and three digits, and variations of
each (one digit more, one less, written with + and the country code, and
dialled in other regions). Each case is
[text, region, flags, cost] with flags the characters of "vpecks" for
valid, possible, emergency, connects to emergency, carrier specific and SMS
service (a "-" where false)."""

import json
import sys

import phonenumbers as pn
from phonenumbers import shortnumberinfo as sni
from phonenumbers.phonemetadata import PhoneMetadata

EXPECTED_VERSION = "9.0.33"
if pn.__version__ != EXPECTED_VERSION:
    sys.exit(f"phonenumbers {pn.__version__}, expected {EXPECTED_VERSION}")

DESCS = ["short_code", "toll_free", "standard_rate", "premium_rate", "carrier_specific",
         "emergency", "expanded_emergency", "sms_services"]
COSTS = {
    sni.ShortNumberCost.TOLL_FREE: "toll_free",
    sni.ShortNumberCost.STANDARD_RATE: "standard_rate",
    sni.ShortNumberCost.PREMIUM_RATE: "premium_rate",
    sni.ShortNumberCost.UNKNOWN_COST: "unknown_cost",
}


def answer(text, region):
    """What ShortNumberInfo says of text dialled in region; the number is
    parsed in the region, and a text that does not parse is no short
    number (the emergency answers read the text itself)."""
    try:
        n = pn.parse(text, region)
    except pn.NumberParseException:
        n = None
    flags = [
        n is not None and sni.is_valid_short_number_for_region(n, region),
        n is not None and sni.is_possible_short_number_for_region(n, region),
        sni.is_emergency_number(text, region),
        sni.connects_to_emergency_number(text, region),
        n is not None and sni.is_carrier_specific_for_region(n, region),
        n is not None and sni.is_sms_service_for_region(n, region),
    ]
    cost = COSTS[sni.expected_cost_for_region(n, region)] if n is not None else "unknown_cost"
    return [text, region, "".join(c if f else "-" for c, f in zip("vpecks", flags)), cost]


def main():
    regions = sorted(sni.SUPPORTED_SHORT_REGIONS)
    seeds = {}  # region -> set of texts
    for region in regions:
        m = PhoneMetadata.short_metadata_for_region(region)
        texts = set()
        for name in DESCS:
            d = getattr(m, name, None)
            if d is not None and d.example_number:
                texts.add(d.example_number)
        # Every emergency number of two and three digits.
        for width in (2, 3):
            for i in range(10 ** width):
                t = str(i).zfill(width)
                if sni.is_emergency_number(t, region):
                    texts.add(t)
        seeds[region] = texts
    cases = {}
    for index, region in enumerate(regions):
        cc = pn.country_code_for_region(region)
        others = [regions[(index + k) % len(regions)] for k in (1, 7, 31)] + ["US", "GB"]
        for t in sorted(seeds[region]):
            variants = {t, t + "1", t + "0", t[:-1], f"+{cc} {t}", f"{t[0]}-{t[1:]}"}
            for v in sorted(variants):
                if v and v != "+":
                    cases[(v, region)] = None
            for other in others:
                cases[(t, other)] = None
    out = [answer(text, region) for text, region in sorted(cases)]
    doc = {
        "version": pn.__version__,
        "about": "phonenumbers' ShortNumberInfo; written by tests/oracle/generate_short.py",
        "flags": "vpecks: valid, possible, emergency, connects to emergency, carrier specific, SMS service",
        "regions": regions,
        "cases": out,
    }
    path = "tests/oracle/short.json"
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        for key in ("version", "about", "flags", "regions"):
            f.write(f"  {json.dumps(key)}: {json.dumps(doc[key])},\n")
        f.write('  "cases": [\n')
        f.write(",\n".join("    " + json.dumps(c, ensure_ascii=False) for c in out))
        f.write("\n  ]\n}\n")
    print(f"{path}: {len(out)} cases over {len(regions)} regions")


if __name__ == "__main__":
    main()
