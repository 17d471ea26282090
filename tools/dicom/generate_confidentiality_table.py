#!/usr/bin/env python3
"""Generate the PS3.15 Annex E confidentiality profile resource used by ConfidentialityProfile.

Usage:
    generate_confidentiality_table.py SHARED_DIR [OUTPUT]

SHARED_DIR is the shared folder (the one holding ``dicom-standard/``) or the
``dicom-standard`` folder itself. It must contain
``confidentiality_profile_attributes.json`` (PS3.15 Table E.1-1 parsed by the
MIT-licensed dicom-standard project) and ``README.md`` naming the edition
("rev 2024b"). OUTPUT defaults to the project resource
``src/main/resources/org/deidworkbench/format/dicom/confidentiality-profile.tsv``
next to this script's repository; ``-`` writes to standard output.

Only the Python 3 standard library is used. The output is deterministic
(sorted by tag, LF line endings, UTF-8) so a test can compare it byte for byte
with the committed resource.

How each irregular case in the JSON is handled (the generator stops with an
error on anything it has not been taught, rather than guessing):

* Tags. Ordinary tags ``(gggg,eeee)`` are written upper-case hex. Repeating
  groups spelled with ``X`` (``(50XX,XXXX)``, ``(60XX,3000)``, ``(60XX,4000)``)
  keep the mask, written as lower-case ``x`` so a reader can tell mask digits
  from hex digits. The private-attribute row ``(GGGG,EEEE) WHERE GGGG IS ODD``
  is written as the literal ``(gggg,eeee) where gggg is odd``; the Java loader
  matches it against every tag in an odd group.
* Names. Footnote references such as ``(see Note 11)`` and embedded line
  breaks are removed and whitespace is collapsed; the footnotes explain the
  standard, they are not part of the attribute's name.
* Actions. Basic Profile codes are kept exactly as PS3.15 spells them,
  including compound codes (``Z/D``, ``X/Z``, ``X/D``, ``X/Z/D``) and
  ``X/Z/U*`` (the ``*`` belongs to the code: it marks sequences whose contained
  instance UIDs are replaced). Option columns are empty where the option does
  not change the Basic Profile action. Any other spelling is an error.
* ``stdCompIOD`` (Y/N: whether the attribute is in a standard composite IOD)
  is kept as the last column; it is informative only.
"""

import json
import os
import re
import sys

GENERATOR = "tools/dicom/generate_confidentiality_table.py"
JSON_NAME = "confidentiality_profile_attributes.json"
RESOURCE = "src/main/resources/org/deidworkbench/format/dicom/confidentiality-profile.tsv"

OPTIONS = [
    "rtnSafePrivOpt",
    "rtnUIDsOpt",
    "rtnDevIdOpt",
    "rtnInstIdOpt",
    "rtnPatCharsOpt",
    "rtnLongFullDatesOpt",
    "rtnLongModifDatesOpt",
    "cleanDescOpt",
    "cleanStructContOpt",
    "cleanGraphOpt",
]
ACTIONS = {"D", "Z", "X", "K", "C", "U", "Z/D", "X/Z", "X/D", "X/Z/D", "X/Z/U*"}
KNOWN_KEYS = {"name", "tag", "id", "stdCompIOD", "basicProfile"} | set(OPTIONS)
PRIVATE_SOURCE = "(GGGG,EEEE) WHERE GGGG IS ODD"
PRIVATE_TAG = "(gggg,eeee) where gggg is odd"
TAG_RE = re.compile(r"\(([0-9A-FX]{4}),([0-9A-FX]{4})\)")
NOTE_RE = re.compile(r"\(\s*see\s+note\s+\d+\s*\)", re.IGNORECASE)


def fail(message):
    sys.stderr.write("generate_confidentiality_table: " + message + "\n")
    sys.exit(1)


def locate(shared):
    for folder in (os.path.join(shared, "dicom-standard"), shared):
        if os.path.isfile(os.path.join(folder, JSON_NAME)):
            return folder
    fail("no %s under %s or %s/dicom-standard" % (JSON_NAME, shared, shared))


def edition(folder):
    readme = os.path.join(folder, "README.md")
    try:
        with open(readme, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        fail("cannot read %s: %s" % (readme, error))
    match = re.search(r"\brev\s+(\d{4}[a-z])\b", text)
    if not match:
        fail("%s does not name the edition as 'rev YYYYx'" % readme)
    return match.group(1)


def normalize_tag(raw):
    tag = raw.strip()
    if tag.upper() == PRIVATE_SOURCE:
        return PRIVATE_TAG
    match = TAG_RE.fullmatch(tag.upper())
    if not match:
        fail("unexpected tag spelling %r" % raw)
    return "(%s,%s)" % (match.group(1).replace("X", "x"), match.group(2).replace("X", "x"))


def normalize_name(raw, tag):
    name = " ".join(NOTE_RE.sub(" ", raw).split())
    if not name or "\t" in name:
        fail("unusable name for %s" % tag)
    return name


def action(raw, tag, column, required):
    if raw is None:
        if required:
            fail("missing %s for %s" % (column, tag))
        return ""
    code = raw.strip()
    if code not in ACTIONS:
        fail("unexpected action %r in %s for %s" % (raw, column, tag))
    return code


def sort_key(tag):
    # Private row last; masks sort as if 'x' were 0 so (60xx,3000) sits with group 6000.
    if tag == PRIVATE_TAG:
        return (1, tag)
    return (0, tag.replace("x", "0"), tag)


def rows(entries):
    result = []
    seen = set()
    for entry in entries:
        unknown = set(entry) - KNOWN_KEYS
        if unknown:
            fail("unexpected keys %s in %r" % (sorted(unknown), entry.get("tag")))
        tag = normalize_tag(entry["tag"])
        if tag in seen:
            fail("duplicate tag %s" % tag)
        seen.add(tag)
        comp = entry.get("stdCompIOD", "").strip()
        if comp not in ("Y", "N"):
            fail("unexpected stdCompIOD %r for %s" % (comp, tag))
        result.append(
            [tag, normalize_name(entry["name"], tag), action(entry.get("basicProfile"), tag, "basicProfile", True)]
            + [action(entry.get(option), tag, option, False) for option in OPTIONS]
            + [comp]
        )
    result.sort(key=lambda row: sort_key(row[0]))
    return result


def render(folder):
    with open(os.path.join(folder, JSON_NAME), encoding="utf-8") as handle:
        entries = json.load(handle)
    if not isinstance(entries, list) or not entries:
        fail("%s is not a non-empty JSON array" % JSON_NAME)
    lines = [
        "# DICOM PS3.15 Table E.1-1 Application Level Confidentiality Profile Attributes",
        "# edition\t" + edition(folder),
        "# generator\t" + GENERATOR,
        "# source\tdicom-standard " + JSON_NAME + " (MIT licence); do not edit by hand, regenerate",
        "# entries\t%d" % len(entries),
        "\t".join(["tag", "name", "basicProfile"] + OPTIONS + ["stdCompIOD"]),
    ]
    lines += ["\t".join(row) for row in rows(entries)]
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    text = render(locate(argv[1]))
    if len(argv) == 3 and argv[2] == "-":
        sys.stdout.write(text)
        return 0
    if len(argv) == 3:
        target = argv[2]
    else:
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        target = os.path.join(root, RESOURCE)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
