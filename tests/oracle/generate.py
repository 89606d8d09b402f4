"""Writes tests/oracle/formatting.json from Python's phonenumbers (a port of
Google's libphonenumber) at the metadata version telschema compiles, so that
tests/oracle.rs can compare our formatting, example numbers and region list
with Google's. Run by `make oracle`."""

import json
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F, PhoneNumberType as T
from phonenumbers.phonemetadata import PhoneMetadata

EXPECTED_VERSION = "9.0.33"
if pn.__version__ != EXPECTED_VERSION:
    sys.exit(f"phonenumbers {pn.__version__}, expected {EXPECTED_VERSION}")

# Our NumberType names, with the metadata description each reads.
TYPES = [
    ("fixed_line", T.FIXED_LINE, "fixed_line"),
    ("mobile", T.MOBILE, "mobile"),
    ("toll_free", T.TOLL_FREE, "toll_free"),
    ("premium_rate", T.PREMIUM_RATE, "premium_rate"),
    ("shared_cost", T.SHARED_COST, "shared_cost"),
    ("personal_number", T.PERSONAL_NUMBER, "personal_number"),
    ("voip", T.VOIP, "voip"),
    ("pager", T.PAGER, "pager"),
    ("uan", T.UAN, "uan"),
    ("voicemail", T.VOICEMAIL, "voicemail"),
    ("fixed_line_or_mobile", T.FIXED_LINE_OR_MOBILE, "fixed_line"),
    ("unknown", T.UNKNOWN, None),
]
STYLES = [("e164", F.E164), ("international", F.INTERNATIONAL), ("national", F.NATIONAL), ("rfc3966", F.RFC3966)]
FROM = ["US", "DE", "GB", "JP", "AU", "FR"]


def formatted(n, with_extension, index, own=None):
    """Every style, and out-of-country from three of FROM (rotating, so
    every region is seen from several of them) and from its own region
    (national dialling within a code)."""
    if with_extension:
        n = pn.PhoneNumber(country_code=n.country_code, national_number=n.national_number,
                           italian_leading_zero=n.italian_leading_zero,
                           number_of_leading_zeros=n.number_of_leading_zeros, extension="123")
    out = {name: pn.format_number(n, style) for name, style in STYLES}
    froms = [FROM[(index + k) % len(FROM)] for k in (0, 2, 4)] + ([own] if own else [])
    out["outOfCountry"] = {r: pn.format_out_of_country_calling_number(n, r) for r in froms}
    return out


def main():
    numbers = []  # one entry per example number: e164 (+ extension), and its formats
    examples = {}  # region -> type -> e164 or None
    index = 0
    for region in sorted(pn.SUPPORTED_REGIONS):
        per = {}
        for name, t, _ in TYPES:
            n = pn.example_number_for_type(region, t)
            per[name] = None if n is None else pn.format_number(n, F.E164)
            if n is not None and name not in ("fixed_line_or_mobile", "unknown"):
                for ext in (False, True) if index % 3 == 0 else (False,):
                    numbers.append({"e164": per[name], "extension": "123" if ext else None,
                                    "formats": formatted(n, ext, index, region)})
                index += 1
        examples[region] = per
    for cc in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        meta = PhoneMetadata.metadata_for_nongeo_region(cc)
        for name, _, desc in TYPES[:10]:
            d = getattr(meta, desc)
            if d is None or d.example_number is None:
                continue
            n = pn.parse(f"+{cc}{d.example_number}", None)
            for ext in (False, True):
                numbers.append({"e164": pn.format_number(n, F.E164), "extension": "123" if ext else None,
                                "formats": formatted(n, ext, index)})
            index += 1
    regions = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        m = PhoneMetadata.metadata_for_region(region)
        intl = m.international_prefix
        # What format_out_of_country_calling_number dials from this region.
        dialling = m.preferred_international_prefix
        if dialling is None and intl is not None and pn.phonenumberutil.fullmatch(pn.phonenumberutil._SINGLE_INTERNATIONAL_PREFIX, intl):
            dialling = intl
        regions.append({
            "region": region,
            "callingCode": m.country_code,
            "nationalPrefix": m.national_prefix,
            "internationalPrefix": intl,
            "diallingPrefix": dialling,
            "possibleLengths": sorted(m.general_desc.possible_length),
        })
    as_you_type()
    doc = {"phonenumbers": pn.__version__, "numbers": numbers, "examples": examples, "regions": regions}
    with open("tests/oracle/formatting.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0, sort_keys=False)
        f.write("\n")
    print(f"tests/oracle/formatting.json: {len(numbers)} numbers, {len(regions)} regions")


def typed(region, keys):
    """What AsYouTypeFormatter shows after every keystroke of keys."""
    f = pn.AsYouTypeFormatter(region)
    return [f.input_digit(k) for k in keys]


def as_you_type():
    """Writes tests/oracle/as_you_type.json: the example number of every type
    of every region typed keystroke by keystroke, nationally (the digits of
    the national format) and internationally (+CC and the national number),
    every fourth also with the international dialling prefix of another
    region, every seventh with the national format's punctuation typed, every
    thirteenth with a letter in it; the non-geographic entities
    internationally from several regions. Each case is a region, a mode, the
    keys and what Google's formatter shows after each."""
    cases = []
    index = 0

    def add(region, mode, keys):
        cases.append({"region": region, "mode": mode, "keys": keys, "expected": typed(region, keys)})

    for region in sorted(pn.SUPPORTED_REGIONS):
        for name, t, _ in TYPES[:10]:
            n = pn.example_number_for_type(region, t)
            if n is None:
                continue
            national = pn.format_number(n, F.NATIONAL)
            digits = pn.normalize_diallable_chars_only(national)
            nsn = pn.national_significant_number(n)
            add(region, "national", digits)
            add(region, "international", f"+{n.country_code}{nsn}")
            if index % 4 == 0:
                frm = FROM[(index // 4) % len(FROM)]
                prefix = PhoneMetadata.metadata_for_region(frm).international_prefix
                if prefix is not None and prefix.isdigit():
                    add(frm, "idd", f"{prefix}{n.country_code}{nsn}")
            if digits != nsn and index % 2 == 0:
                add(region, "without_prefix", nsn)
            if index % 5 == 0:
                add(region, "too_long", digits + "1234")
            if index % 7 == 0:
                add(region, "punctuation", national)
            if index % 13 == 0 and len(digits) > 4:
                add(region, "letters", digits[:4] + "ABC"[index % 3] + digits[4:])
            index += 1
    for cc in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        meta = PhoneMetadata.metadata_for_nongeo_region(cc)
        for name, _, desc in TYPES[:10]:
            d = getattr(meta, desc)
            if d is None or d.example_number is None:
                continue
            add(FROM[index % len(FROM)], "international", f"+{cc}{d.example_number}")
            index += 1
    doc = {"phonenumbers": pn.__version__, "cases": cases}
    with open("tests/oracle/as_you_type.json", "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=0, separators=(",", ":"))
        f.write("\n")
    keys = sum(len(c["keys"]) for c in cases)
    print(f"tests/oracle/as_you_type.json: {len(cases)} cases, {keys} keystrokes")


if __name__ == "__main__":
    main()
