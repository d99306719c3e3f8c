#!/usr/bin/env python3
"""The one-time split of the gold corpus (tests/eval/README.md, "The split"): each
language's articles, sorted by id, are shuffled with a fixed seed; the first half
(rounded down) goes to test/, the rest to dev/. Usage: split.py POOL EVALDIR"""
import os, random, shutil, sys

SEED = 20261206
pool, out = sys.argv[1], sys.argv[2]
for lang in sorted(os.listdir(pool)):
    ids = sorted(f[:-5] for f in os.listdir(os.path.join(pool, lang)) if f.endswith(".json"))
    rnd = random.Random(f"{SEED}-{lang}")
    rnd.shuffle(ids)
    half = len(ids) // 2
    for i, a in enumerate(ids):
        split = "test" if i < half else "dev"
        d = os.path.join(out, split, lang)
        os.makedirs(d, exist_ok=True)
        for ext in (".txt", ".json"):
            shutil.copyfile(os.path.join(pool, lang, a + ext), os.path.join(d, a + ext))
    print(f"{lang}: {half} test, {len(ids) - half} dev")
