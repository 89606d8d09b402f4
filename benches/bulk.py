#!/usr/bin/env python3
"""Bulk normalization budget (issue: >= 400,000 numbers/s on 2 cores for a
1,000,000-line file of mixed numbers, peak memory under 100 MB).

Generates target/bulk/numbers.txt (1,000,000 lines drawn, seeded, from the
inputs of tests/corpus/google.json: national, international, E.164, RFC 3966
and vanity forms of every region, with their regions' numbers written so they
parse with --region US only when international), then runs the release CLI
three times and reports the median rate and the largest peak RSS.

    cargo build --release && python3 benches/bulk.py
"""
import json, os, random, resource, statistics, subprocess, sys, time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_dir = os.path.join(root, "target", "bulk")
os.makedirs(out_dir, exist_ok=True)
path = os.path.join(out_dir, "numbers.txt")
lines = 1_000_000
if not os.path.exists(path):
    cases = json.load(open(os.path.join(root, "tests", "corpus", "google.json")))["cases"]
    inputs = [c["input"] for c in cases if "\n" not in c["input"]]
    rng = random.Random(42)
    with open(path, "w") as f:
        for _ in range(lines):
            f.write(rng.choice(inputs) + "\n")
exe = os.path.join(root, "target", "release", "telschema")
rates, rss = [], []
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run([exe, "normalize", "--input", path], stdout=subprocess.DEVNULL, check=True)
    dt = time.perf_counter() - t0
    rates.append(lines / dt)
    rss.append(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(f"normalize --input ({lines:,} lines, {os.cpu_count()} cores): median {statistics.median(rates):,.0f} numbers/s "
      f"(runs: {', '.join(f'{r:,.0f}' for r in rates)}); peak RSS {max(rss) / 1024:.1f} MB")
