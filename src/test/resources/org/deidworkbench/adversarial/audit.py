#!/usr/bin/env python3
"""Counts what a run left of one folder's planted values and kept of its research values, per category.

    /usr/bin/python3 audit.py <folder> <output folder of `deid run <folder>`>

Rules of AdversarialCorpusTest, in short: a planted value counts where it occurs in the folder's input and leaks where
it occurs in any output file (UTF-8, Latin-1, Windows-1250, CP932, CP949, GB18030 or
Windows-874), case aside, as a word; a kept value must occur as written. Prints
it occurs in any output file (UTF-8, Latin-1, Windows-1250, CP932, CP949, GB18030, Windows-1251, KOI8-R,
Windows-1253 or ISO-8859-7), case aside, as a word; a kept value must occur as written. Prints
it occurs in any output file (UTF-8, Latin-1, Windows-1250, CP932, CP949, GB18030, Windows-1256 or Windows-1255), case
aside, as a word, in the digits it was written in or in ASCII ones; a kept value must occur as written. Prints
counts and the files a category leaked in, never a value. Written for the claims audit (decision 0103).
"""
import base64
import os
import re
import sys
import unicodedata
from collections import defaultdict
ROOT = os.path.dirname(os.path.abspath(__file__))
folder, out = sys.argv[1], sys.argv[2]
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]")
def plain(s):
    s = INVISIBLE.sub("", s)
    return "".join(str(int(c)) if c.isdigit() and not "0" <= c <= "9" and c.isdecimal() else c for c in s)
def texts(root):
    t = {}
    for dp, _, fs in os.walk(root):
        for f in fs:
            b = open(os.path.join(dp, f), "rb").read()
            s = b.decode("utf-8", "replace") + "\n" + b.decode("latin-1") + "\n" + b.decode("cp1250", "replace")
            # the East Asian folders' encodings (decision 0127)
            for cs in ("cp932", "cp949", "gb18030", "cp874"):  # and Thai's (decision 0133)
                s += "\n" + b.decode(cs, "replace")
            # the Russian and Greek folders' encodings (decision 0131)
            for cs in ("cp1251", "koi8_r", "cp1253", "iso8859_7"):
                s += "\n" + b.decode(cs, "replace")
            # the Middle Eastern folders' code pages, and every text again with its digits in ASCII and without the
            # invisible characters (bidi controls, zero-width characters, tatweel) that may sit inside a value (decision 0132)
            for cs in ("cp1256", "cp1255"):
                s += "\n" + b.decode(cs, "replace")
            s += "\n" + plain(s)
            # Vietnamese typed in the combining form (decision 0246): looked for composed, as planted
            if not unicodedata.is_normalized("NFC", s):
                s += "\n" + unicodedata.normalize("NFC", s)
            # base64 attachments decoded, as AdversarialCorpusTest reads them (decision 0122)
            for m in re.finditer(rb'"data"\s*:\s*"([A-Za-z0-9+/=]+)"', b):
                s += "\n" + base64.b64decode(m.group(1)).decode("utf-8", "replace")
            t[os.path.relpath(os.path.join(dp, f), root)] = s
    return t
def word(v):
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\uff66-\uff9f\u0e00-\u0e7f]", v):
        return re.compile(re.escape(v))  # a script written without spaces: anywhere, as AdversarialCorpusTest reads it
    return re.compile(r"(?<![^\W_])" + re.escape(v) + r"(?![^\W_])", re.I)
ins, outs = texts(os.path.join(ROOT, folder)), texts(out)
planted = defaultdict(int); leaked = defaultdict(set)
for line in open(os.path.join(ROOT, "planted.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip(): continue
    cat, v = line.rstrip("\n").split("\t", 1)
    w = word(plain(v))
    if not any(w.search(t) for t in ins.values()): continue
    planted[cat] += 1
    files = [f for f, t in outs.items() if w.search(t)]
    if files:
        leaked[cat].add(v)
        print("  leak %-14s in %s" % (cat, ",".join(sorted(files))))
tl = tp = 0
for cat in sorted(planted):
    print("%-16s leaked %d/%d" % (cat, len(leaked[cat]), planted[cat])); tl += len(leaked[cat]); tp += planted[cat]
print("TOTAL leaked %d/%d" % (tl, tp))
allout = "\n".join(outs.values()); lost = []; n = 0
for line in open(os.path.join(ROOT, "kept.tsv"), encoding="utf-8"):
    if line.startswith("#"): continue
    f, v = line.rstrip("\n").split("\t", 1)
    if f == folder:
        n += 1
        if v not in allout: lost.append(v)
print("kept %d/%d" % (n - len(lost), n))
print("  lost, by folder:", folder, len(lost)) if lost else None
