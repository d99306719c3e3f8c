#!/usr/bin/env python3
"""Checks gold-corpus annotations against tests/eval/README.md: shape, vocabularies and
that every quote is a verbatim substring of its article. Usage: validate_annotation.py DIR..."""
import json, os, re, sys

LANGS = {"en", "vi", "zh", "fr", "pl", "sv", "nl"}
MECH = {"conference-yunnan", "jwg-yunnan", "jwc-guangxi", "spring-meeting-guangxi", None}
PROV = {"lai-chau", "lao-cai", "tuyen-quang", "dien-bien", "ha-giang", "quang-ninh",
        "lang-son", "cao-bang", "yunnan", "guangxi"}
METRIC = {"trade_turnover", "exports", "imports", "investment", "budget_revenue", "other"}
CUR = {"USD", "CNY", "VND", "EUR"}
QUAL = {"exact", "over", "nearly", "about", "under", "range_low", "range_high"}
KIND = {"gate_pair", "bridge", "road", "railway", "traditional_opening", "clearance_point", "other"}
DATE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?|--\d{2}-\d{2})$")
PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?(/\d{4}(-\d{2}(-\d{2})?)?)?$")

def check(jpath):
    errs = []
    tpath = jpath[:-5] + ".txt"
    if not os.path.exists(tpath):
        return [f"{jpath}: no {tpath}"]
    text = open(tpath, encoding="utf-8").read()
    a = json.load(open(jpath, encoding="utf-8"))
    base = os.path.basename(jpath)[:-5]
    lang = os.path.basename(os.path.dirname(jpath))
    e = lambda m: errs.append(f"{jpath}: {m}")
    if a.get("id") != base: e("id must equal the file name")
    if a.get("lang") != lang or lang not in LANGS: e("lang must be the folder's language")
    if not base.startswith(lang + "-"): e("id must start with the language code")
    pub = a.get("published_on")
    if pub is not None and not re.match(r"^\d{4}-\d{2}-\d{2}$", pub): e("published_on: ISO day or null")
    lines = text.split("\n")
    if len(lines) < 3 or lines[1].strip() != "": e("headline, blank line, body")
    def quotes(item, where):
        q = item.get("quotes")
        if not q: e(f"{where}: quotes missing"); return
        for s in q:
            if not isinstance(s, str) or s not in text: e(f"{where}: quote not verbatim: {s!r}")
    for i, m in enumerate(a.get("money", [])):
        w = f"money[{i}]"
        if not isinstance(m.get("value"), (int, float)) or m["value"] <= 0: e(f"{w}: value")
        if m.get("currency") not in CUR: e(f"{w}: currency")
        if m.get("metric") not in METRIC: e(f"{w}: metric")
        if not isinstance(m.get("target"), bool): e(f"{w}: target must be true/false")
        p = m.get("period")
        if p is not None and not PERIOD.match(p): e(f"{w}: period {p!r}")
        if m.get("period_basis") not in ("text", "publication"): e(f"{w}: period_basis")
        if m.get("period_basis") == "publication" and pub is None: e(f"{w}: basis publication without published_on")
        if m.get("qualifier") not in QUAL: e(f"{w}: qualifier")
        c = m.get("change_pct")
        if c is not None and not isinstance(c, (int, float)): e(f"{w}: change_pct")
        for p in m.get("parties", []):
            if p not in PROV: e(f"{w}: party {p!r}")
        quotes(m, w)
    for i, m in enumerate(a.get("meetings", [])):
        w = f"meetings[{i}]"
        if m.get("mechanism") not in MECH: e(f"{w}: mechanism")
        o = m.get("ordinal")
        if o is not None and (not isinstance(o, int) or o <= 0): e(f"{w}: ordinal")
        d = m.get("date")
        if d is not None and not DATE.match(d): e(f"{w}: date {d!r}")
        if d is not None and d.startswith("--") and pub is not None: e(f"{w}: month-day date but published_on given")
        if m.get("date_basis") not in ("text", "publication", "publication_day"): e(f"{w}: date_basis")
        if m.get("date_basis") in ("publication", "publication_day") and pub is None: e(f"{w}: basis publication without published_on")
        if m.get("date_basis") == "publication_day" and (d is None or len(d) != 10): e(f"{w}: basis publication_day needs a whole day")
        if m.get("status") not in ("held", "planned"): e(f"{w}: status")
        pl = m.get("place")
        if pl is not None and not isinstance(pl, str): e(f"{w}: place")
        if d is None and o is None and m.get("mechanism") is None: e(f"{w}: not identifiable (no date, ordinal or mechanism)")
        quotes(m, w)
    for i, g in enumerate(a.get("gates", [])):
        w = f"gates[{i}]"
        for side in ("vn_side", "cn_side"):
            v = g.get(side)
            if not isinstance(v, list) or not v or not all(isinstance(x, str) and x for x in v): e(f"{w}: {side} must be a non-empty list of names")
        if g.get("kind") not in KIND: e(f"{w}: kind")
        quotes(g, w)
    return errs

paths = []
for d in sys.argv[1:]:
    for root, _, files in os.walk(d):
        paths += [os.path.join(root, f) for f in files if f.endswith(".json")]
bad = []
for p in sorted(paths):
    bad += check(p)
for b in bad: print(b)
print(f"{len(paths)} annotations, {len(bad)} problems")
sys.exit(1 if bad else 0)
