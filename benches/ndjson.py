#!/usr/bin/env python3
"""NDJSON streaming budget (the hostile-input issue: peak RSS under 100 MB
and at least 100,000 documents/s on 2 cores for 1,000,000 lines of E911
documents; memory must not depend on the file's length).

Generates target/bulk/e911.ndjson (1,000,000 lines, seeded: valid addresses,
some with a bad region or a missing field, so every output path runs), then
runs `telschema validate` on it three times with the release build and
reports the median rate and the largest peak RSS, and the same for 100,000
lines to show the peak does not grow with the length.

    cargo build --release && python3 benches/ndjson.py
"""
import json, os, random, resource, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_dir = os.path.join(root, "target", "bulk")
os.makedirs(out_dir, exist_ok=True)
exe = os.path.join(root, "target", "release", "telschema")


def generate(path, lines):
    if os.path.exists(path):
        return
    rng = random.Random(14)
    streets = ["Main St", "W Superior St", "Elm Ave", "Oak Blvd", "Lake Shore Dr"]
    cities = [("Chicago", "IL", "60654"), ("Austin", "TX", "78701"), ("Denver", "CO", "80202")]
    with open(path, "w") as f:
        for _ in range(lines):
            city, region, postal = rng.choice(cities)
            doc = {"street_address": f"{rng.randint(1, 9999)} {rng.choice(streets)}",
                   "locality": city, "region": region, "postal_code": postal}
            r = rng.random()
            if r < 0.05:
                doc["region"] = "TEX"
            elif r < 0.08:
                del doc["locality"]
            f.write(json.dumps(doc) + "\n")


def measure(path, lines, args):
    rates, rss = [], []
    for _ in range(3):
        # A fresh child per run: ru_maxrss of RUSAGE_CHILDREN is the largest child so far.
        t0 = time.perf_counter()
        p = subprocess.Popen([sys.executable, "-c",
                              "import resource, subprocess, sys; "
                              "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
                              "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)",
                              exe, *args, path], stdout=subprocess.PIPE, text=True)
        peak = int(p.communicate()[0])
        dt = time.perf_counter() - t0
        rates.append(lines / dt)
        rss.append(peak / 1024)
    return statistics.median(rates), rates, max(rss)


for lines in (1_000_000, 100_000):
    path = os.path.join(out_dir, f"e911-{lines}.ndjson")
    generate(path, lines)
    for args in (["validate", "--kind", "auto"], ["check", "--kind", "e911"]):
        med, rates, peak = measure(path, lines, args)
        print(f"{' '.join(args)} ({lines:,} NDJSON lines, {os.path.getsize(path) / 1e6:.0f} MB, {os.cpu_count()} cores): "
              f"median {med:,.0f} documents/s (runs: {', '.join(f'{r:,.0f}' for r in rates)}); peak RSS {peak:.1f} MB")
