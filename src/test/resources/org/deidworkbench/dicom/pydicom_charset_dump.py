"""Dump the text elements of pydicom's charset test files as JSON lines, for SpecificCharacterSetPydicomTest.

For every SH, LO, UC, ST, LT, UT and PN element (sequence items included) it prints the file name,
tag, VR, the Specific Character Set values in force (an item's own, else its parent's), the raw
value bytes (hex) and pydicom's decoded text (multiple values joined with a backslash).
Run with the Python that has pydicom installed; prints nothing else on stdout.
"""
import glob
import json
import os
import sys

import pydicom
import pydicom.data
from pydicom.dataelem import RawDataElement
from pydicom.datadict import dictionary_VR
from pydicom.multival import MultiValue

TEXT_VRS = ("PN", "SH", "LO", "UC", "ST", "LT", "UT")


def terms_of(dataset, inherited):
    if "SpecificCharacterSet" not in dataset:
        return inherited
    value = dataset.SpecificCharacterSet
    if isinstance(value, MultiValue):
        return [str(v) for v in value]
    return [str(value)] if value else []


def walk(name, dataset, inherited, out):
    terms = terms_of(dataset, inherited)
    for tag in list(dataset.keys()):
        raw = dataset.get_item(tag)
        if isinstance(raw, RawDataElement):
            vr = raw.VR or dictionary_VR(tag)
            if vr in TEXT_VRS and raw.value is not None:
                value = dataset[tag].value
                if isinstance(value, MultiValue):
                    text = "\\".join(str(v) for v in value)
                else:
                    text = str(value)
                out.append({"file": name, "tag": "%08X" % int(tag), "vr": vr, "terms": terms,
                            "hex": bytes(raw.value).hex(), "text": text})
        element = dataset[tag]
        if element.VR == "SQ":
            for item in element.value:
                walk(name, item, terms, out)


def main():
    folder = os.path.join(os.path.dirname(pydicom.data.__file__), "charset_files")
    records = []
    for path in sorted(glob.glob(os.path.join(folder, "*.dcm"))):
        walk(os.path.basename(path), pydicom.dcmread(path), [], records)
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=True) + "\n")


if __name__ == "__main__":
    main()
