#!/usr/bin/env python3
"""Generate the attribute Type resource read by org.deidworkbench.dicom.AttributeTypes.

Usage:
    generate_attribute_types.py SHARED_DIR [OUTPUT]

SHARED_DIR is the shared folder (the one holding ``dicom-standard/``) or the
``dicom-standard`` folder itself; it must hold ``attributes.json`` (PS3.6),
``confidentiality_profile_attributes.json`` (PS3.15 Table E.1-1) and a
``README.md`` naming the edition ("rev 2024b"). OUTPUT defaults to
``src/main/resources/org/deidworkbench/dicom/attribute-types.tsv``; ``-`` writes
to standard output. Python 3 standard library only; deterministic output.

Why this exists: de-identification must not remove an attribute that an IOD
requires (Type 1: present with a value; Type 2: present, maybe empty), or the
output is no longer a valid instance. The Type of an attribute is a property of
each IOD's modules in PS3.3, which the standard data available to the build does
not contain. PS3.15 Table E.1-1 encodes the Types it cares about in its action
codes, and this generator reads them back (decision record 0009):

* a code offering D (D, Z/D, X/D, X/Z/D) means the attribute is Type 1 in at
  least one IOD (PS3.15 E.1.1: "D ... if the attribute is Type 1"), so Type 1;
* U and X/Z/U* name UIDs and UID reference sequences that SOP instances and
  their references require, so Type 1;
* Z and X/Z mean the attribute is Type 2 in at least one IOD (never Type 1, or
  the code would offer D), so Type 2;
* X, K and C say nothing about Type, and the attribute is not listed.

To these, ``CORE`` below adds the attributes of the modules every image IOD
includes (PS3.3 C.12.1 SOP Common, C.7.3.1 General Series, C.7.5.1 General
Equipment, C.7.6.1 General Image, C.7.6.3 Image Pixel, C.7.6.6 Multi-frame,
C.7.4.1 Frame of Reference) that Table E.1-1 does not list because they never
identify anyone. Each carries its Type and module. Conditional Types (1C, 2C)
are recorded as 1 and 2: when the condition holds the attribute is required,
and the generator cannot evaluate conditions.
"""

import json
import os
import re
import sys

RESOURCE = os.path.join("src", "main", "resources", "org", "deidworkbench", "dicom", "attribute-types.tsv")

# (tag, Type, basis): attributes of universal modules that Table E.1-1 leaves alone.
CORE = [
    ("(0008,0005)", 1, "PS3.3 C.12.1 SOP Common (1C)"),
    ("(0008,0016)", 1, "PS3.3 C.12.1 SOP Common"),
    ("(0008,0060)", 1, "PS3.3 C.7.3.1 General Series"),
    ("(0008,0070)", 2, "PS3.3 C.7.5.1 General Equipment"),
    ("(0020,0011)", 2, "PS3.3 C.7.3.1 General Series"),
    ("(0020,0013)", 2, "PS3.3 C.7.6.1 General Image"),
    ("(0020,1040)", 2, "PS3.3 C.7.4.1 Frame of Reference"),
    ("(0028,0002)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0004)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0006)", 1, "PS3.3 C.7.6.3 Image Pixel (1C)"),
    ("(0028,0008)", 1, "PS3.3 C.7.6.6 Multi-frame"),
    ("(0028,0010)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0011)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0100)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0101)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0102)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(0028,0103)", 1, "PS3.3 C.7.6.3 Image Pixel"),
    ("(7FE0,0010)", 1, "PS3.3 C.7.6.3 Image Pixel (1C)"),
]


def fail(message):
    sys.stderr.write("generate_attribute_types.py: " + message + "\n")
    sys.exit(1)


def locate(shared):
    for candidate in (os.path.join(shared, "dicom-standard"), shared):
        if os.path.isfile(os.path.join(candidate, "confidentiality_profile_attributes.json")):
            return candidate
    fail("no confidentiality_profile_attributes.json under " + shared)


def edition(folder):
    with open(os.path.join(folder, "README.md"), encoding="utf-8") as f:
        match = re.search(r"\brev\s+(\d{4}[a-z])\b", f.read())
    if not match:
        fail("README.md does not name the edition (rev NNNNx)")
    return match.group(1)


def type_of(code):
    if code in ("D", "Z/D", "X/D", "X/Z/D", "U", "X/Z/U*"):
        return 1
    if code in ("Z", "X/Z"):
        return 2
    if code in ("X", "K", "C"):
        return None
    fail("unknown Basic Profile action " + code)


def render(folder):
    with open(os.path.join(folder, "attributes.json"), encoding="utf-8") as f:
        keywords = {a["tag"].upper(): a["keyword"] for a in json.load(f) if a.get("keyword")}
    with open(os.path.join(folder, "confidentiality_profile_attributes.json"), encoding="utf-8") as f:
        table = json.load(f)
    rows = {}
    for entry in table:
        tag = entry["tag"].strip().upper()
        if not re.fullmatch(r"\([0-9A-F]{4},[0-9A-F]{4}\)", tag):
            continue  # repeating groups and the private row name no single attribute
        t = type_of(entry["basicProfile"].strip())
        if t is not None:
            rows[tag] = (t, "PS3.15 Table E.1-1 " + entry["basicProfile"].strip())
    for tag, t, basis in CORE:
        if tag in rows:
            fail(tag + " is in Table E.1-1 already; remove it from CORE")
        rows[tag] = (t, basis)
    out = ["# Types that some IOD gives attributes, as far as the standard data shows (see the generator)",
           "# edition\t" + edition(folder),
           "# generator\ttools/dicom/generate_attribute_types.py; do not edit by hand, regenerate",
           "# entries\t" + str(len(rows)),
           "tag\tkeyword\ttype\tbasis"]
    for tag in sorted(rows):
        t, basis = rows[tag]
        out.append("\t".join([tag, keywords.get(tag, ""), str(t), basis]))
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) not in (2, 3):
        fail("usage: generate_attribute_types.py SHARED_DIR [OUTPUT|-]")
    text = render(locate(argv[1]))
    if len(argv) == 3 and argv[2] == "-":
        sys.stdout.write(text)
        return 0
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    target = argv[2] if len(argv) == 3 else os.path.join(root, RESOURCE)
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
