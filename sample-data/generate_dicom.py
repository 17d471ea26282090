#!/usr/bin/env python3
"""Generates the synthetic DICOM studies in dicom/ (no random numbers, so the files never change).

The patients are three of the invented patients of csv/patients.csv (same MRN, name, birth date),
so a run over the whole sample-data folder shows one patient getting one pseudonym and one date
offset in the CSV exports and in the DICOM files. Pixel values are a computed gradient; nothing
here was ever a real image.

Python 3 standard library only: the files are written directly as DICOM Part 10, explicit VR
little endian (PS3.10, PS3.5). Run: python3 generate_dicom.py (from the sample-data folder).

  python3 generate_dicom.py                 writes dicom/ (the committed sample studies)
  python3 generate_dicom.py --bench DIR N F writes a benchmark input into DIR: N CT slices of
                                            512 x 512 x 16 bit, and one multi-frame US file of
                                            F frames of 640 x 480 RGB (0 for none)
"""
import os
import struct
import sys

ROOT = "2.25.3086417364927"  # invented UID root for the samples (a 2.25 UUID-style prefix)

# (mrn, family, given, birth date, sex) from csv/patients.csv
PATIENTS = [
    ("100200", "Quillfeather", "Avery", "19330205", "M"),
    ("100251", "Brannigan", "Tobias", "19860324", "F"),
    ("100353", "Delacroix", "Desmond", "19750305", "F"),
]

# VRs with a 4-byte length in explicit VR
LONG_VRS = {"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT", "SV", "UV"}
CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11"
US_MULTIFRAME = "1.2.840.10008.5.1.4.1.1.3.1"
EXPLICIT_LE = "1.2.840.10008.1.2.1"


# Attributes the CT and MR Image modules require, with plausible values.
CT_ATTRIBUTES = [((0x0018, 0x0060), "DS", "120"), ((0x0028, 0x1052), "DS", "-1024"), ((0x0028, 0x1053), "DS", "1")]
MR_ATTRIBUTES = [((0x0018, 0x0020), "CS", "SE"), ((0x0018, 0x0021), "CS", "NONE"), ((0x0018, 0x0022), "CS", ""),
                 ((0x0018, 0x0023), "CS", "2D"), ((0x0018, 0x0080), "DS", "500"), ((0x0018, 0x0081), "DS", "20"),
                 ((0x0018, 0x0091), "IS", "1"), ((0x0018, 0x0087), "DS", "1.5")]


def pad(value, vr):
    if len(value) % 2:
        value += b"\0" if vr in ("UI", "OB", "UN") else b" "
    return value


def element(tag, vr, value):
    """One explicit VR little endian element; value is bytes, str, int list or a list of item byte strings."""
    group, elem = tag
    if vr == "SQ":
        body = b"".join(struct.pack("<HHI", 0xFFFE, 0xE000, len(item)) + item for item in value)
        return struct.pack("<HH", group, elem) + b"SQ\0\0" + struct.pack("<I", len(body)) + body
    if isinstance(value, str):
        value = value.encode("ascii")
    elif isinstance(value, list):
        value = struct.pack("<%dH" % len(value), *value)
    value = pad(value, vr)
    if vr in LONG_VRS:
        return struct.pack("<HH", group, elem) + vr.encode() + b"\0\0" + struct.pack("<I", len(value)) + value
    return struct.pack("<HH", group, elem) + vr.encode() + struct.pack("<H", len(value)) + value


def dataset(elements):
    """Elements given as (tag, vr, value), written in tag order."""
    return b"".join(element(t, vr, v) for t, vr, v in sorted(elements, key=lambda e: e[0]))


def part10(elements, pixel_writer=None):
    """The bytes of a Part 10 file, or writes them to pixel_writer's file when pixel data is streamed."""
    sop_class = next(v for t, vr, v in elements if t == (0x0008, 0x0016))
    sop_instance = next(v for t, vr, v in elements if t == (0x0008, 0x0018))
    meta = dataset([
        ((0x0002, 0x0001), "OB", b"\0\1"),
        ((0x0002, 0x0002), "UI", sop_class),
        ((0x0002, 0x0003), "UI", sop_instance),
        ((0x0002, 0x0010), "UI", EXPLICIT_LE),
        ((0x0002, 0x0012), "UI", ROOT + ".1"),
        ((0x0002, 0x0013), "SH", "SAMPLEGEN_1"),
    ])
    head = b"\0" * 128 + b"DICM" + element((0x0002, 0x0000), "UL", struct.pack("<I", len(meta))) + meta
    return head + dataset(elements)


def patient(p):
    mrn, family, given, birth, sex = p
    return [
        ((0x0010, 0x0010), "PN", family + "^" + given),
        ((0x0010, 0x0020), "LO", mrn),
        ((0x0010, 0x0030), "DA", birth),
        ((0x0010, 0x0040), "CS", sex),
        ((0x0010, 0x1040), "LO", "Synthetic address of " + given + " " + family),
    ]


def study(p, number, date, modality, description):
    mrn = p[0]
    return [
        ((0x0008, 0x0005), "CS", "ISO_IR 100"),
        ((0x0008, 0x0020), "DA", date),
        ((0x0008, 0x0030), "TM", "093000"),
        ((0x0008, 0x0050), "SH", "A" + mrn + str(number)),
        ((0x0008, 0x0060), "CS", modality),
        ((0x0008, 0x0070), "LO", "Synthetic Imaging Co"),
        ((0x0008, 0x0080), "LO", "Springfield General Hospital"),
        ((0x0008, 0x0090), "PN", "Abernathy^Lionel"),
        ((0x0008, 0x1010), "SH", "SYNTH-CT-01"),
        ((0x0008, 0x1030), "LO", description + " for " + p[2] + " " + p[1]),
        ((0x0018, 0x1000), "LO", "SN-0042-" + mrn),
        ((0x0020, 0x000D), "UI", "%s.%s.%d" % (ROOT, mrn, number)),
        ((0x0020, 0x0010), "SH", "S" + mrn),
    ] + patient(p)


def gradient(rows, columns, instance):
    """A 12-bit gradient, shifted per instance, as little endian 16-bit words."""
    return struct.pack("<%dH" % (rows * columns),
                       *[((x * 7 + y * 3 + instance * 50) % 4096) for y in range(rows) for x in range(columns)])


def image(p, number, series, instance, sop_class, modality, date, rows, columns, description, pixels=None):
    study_uid = "%s.%s.%d" % (ROOT, p[0], number)
    series_uid = "%s.%d" % (study_uid, series)
    if pixels is None:
        pixels = gradient(rows, columns, instance)
    return study(p, number, date, modality, description) + [
        ((0x0008, 0x0008), "CS", "ORIGINAL\\PRIMARY\\AXIAL"),
        ((0x0008, 0x0016), "UI", sop_class),
        ((0x0008, 0x0018), "UI", "%s.%d" % (series_uid, instance)),
        ((0x0008, 0x0021), "DA", date),
        ((0x0008, 0x0023), "DA", date),
        ((0x0008, 0x0033), "TM", "093%03d" % instance),
        ((0x0008, 0x103E), "LO", "Axial, " + p[1]),
        ((0x0018, 0x0050), "DS", "5"),
        ((0x0020, 0x000E), "UI", series_uid),
        ((0x0020, 0x0011), "IS", str(series)),
        ((0x0020, 0x0013), "IS", str(instance)),
        ((0x0020, 0x0032), "DS", "0\\0\\%d" % (instance * 5)),
        ((0x0020, 0x0037), "DS", "1\\0\\0\\0\\1\\0"),
        ((0x0020, 0x0052), "UI", study_uid + ".9"),
        ((0x0020, 0x1040), "LO", ""),
        ((0x0020, 0x4000), "LT", "Scanned " + date[:4] + "-" + date[4:6] + "-" + date[6:] + ", MRN " + p[0]),
        ((0x0028, 0x0002), "US", [1]),
        ((0x0028, 0x0004), "CS", "MONOCHROME2"),
        ((0x0028, 0x0010), "US", [rows]),
        ((0x0028, 0x0011), "US", [columns]),
        ((0x0028, 0x0030), "DS", "0.7\\0.7"),
        ((0x0028, 0x0100), "US", [16]),
        ((0x0028, 0x0101), "US", [12]),
        ((0x0028, 0x0102), "US", [11]),
        ((0x0028, 0x0103), "US", [0]),
        ((0x0028, 0x1050), "DS", "400"),
        ((0x0028, 0x1051), "DS", "1500"),
        ((0x0018, 0x5100), "CS", "HFS"),
        ((0x0020, 0x0012), "IS", "1"),
        ((0x0020, 0x0060), "CS", ""),
        ((0x7FE0, 0x0010), "OW", pixels),
    ] + (CT_ATTRIBUTES if modality == "CT" else MR_ATTRIBUTES)


def text_report(p, number, date, refs):
    """A Basic Text SR that names the patient and refers to the study's images."""
    study_uid = "%s.%s.%d" % (ROOT, p[0], number)

    def code(value, scheme, meaning):
        return dataset([((0x0008, 0x0100), "SH", value), ((0x0008, 0x0102), "SH", scheme),
                        ((0x0008, 0x0104), "LO", meaning)])

    finding = dataset([
        ((0x0040, 0xA010), "CS", "CONTAINS"),
        ((0x0040, 0xA040), "CS", "TEXT"),
        ((0x0040, 0xA043), "SQ", [code("121071", "DCM", "Finding")]),
        ((0x0040, 0xA160), "UT", "No acute findings. Discussed with " + p[2] + " " + p[1] + " (MRN " + p[0]
         + ") on " + date[4:6] + "/" + date[6:] + "/" + date[:4] + "; call back at 555-604-6018."),
    ])
    image_refs = [dataset([((0x0008, 0x1150), "UI", cls), ((0x0008, 0x1155), "UI", uid)]) for cls, uid in refs]
    series_ref = dataset([((0x0008, 0x1199), "SQ", image_refs), ((0x0020, 0x000E), "UI", study_uid + ".1")])
    evidence = dataset([((0x0008, 0x1115), "SQ", [series_ref]), ((0x0020, 0x000D), "UI", study_uid)])
    return study(p, number, date, "SR", "Report") + [
        ((0x0008, 0x0016), "UI", BASIC_TEXT_SR),
        ((0x0008, 0x0018), "UI", study_uid + ".99.1"),
        ((0x0008, 0x0023), "DA", date),
        ((0x0008, 0x0033), "TM", "120000"),
        ((0x0020, 0x000E), "UI", study_uid + ".99"),
        ((0x0020, 0x0011), "IS", "99"),
        ((0x0020, 0x0013), "IS", "1"),
        ((0x0008, 0x1111), "SQ", []),
        ((0x0040, 0xA040), "CS", "CONTAINER"),
        ((0x0040, 0xA043), "SQ", [code("18748-4", "LN", "Diagnostic Imaging Report")]),
        ((0x0040, 0xA050), "CS", "SEPARATE"),
        ((0x0040, 0xA372), "SQ", []),
        ((0x0040, 0xA375), "SQ", [evidence]),
        ((0x0040, 0xA491), "CS", "COMPLETE"),
        ((0x0040, 0xA493), "CS", "UNVERIFIED"),
        ((0x0040, 0xA730), "SQ", [finding]),
    ]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def samples(folder):
    studies = [(PATIENTS[0], 1, "20220117", "CT", CT_IMAGE, 3), (PATIENTS[1], 1, "20230508", "MR", MR_IMAGE, 2),
               (PATIENTS[2], 1, "20220202", "CT", CT_IMAGE, 2)]
    for p, number, date, modality, sop_class, count in studies:
        base = os.path.join(folder, p[0], modality.lower() + "_" + date)
        refs = []
        for i in range(1, count + 1):
            elements = image(p, number, 1, i, sop_class, modality, date, 64, 64, modality + " chest")
            refs.append((sop_class, next(v for t, vr, v in elements if t == (0x0008, 0x0018))))
            write(os.path.join(base, "IM%04d.dcm" % i), part10(elements))
        write(os.path.join(base, "SR0001.dcm"), part10(text_report(p, number, date, refs)))


def bench(folder, slices, frames):
    p = PATIENTS[0]
    pixels = gradient(512, 512, 0)  # one gradient for every slice: generating the input should be quick
    for i in range(1, slices + 1):
        elements = image(p, 7, 1, i, CT_IMAGE, "CT", "20220117", 512, 512, "CT bench series", pixels)
        write(os.path.join(folder, "ct", "IM%05d.dcm" % i), part10(elements))
    if frames > 0:
        rows, columns = 480, 640
        header = study(p, 8, "20220117", "US", "US bench loop") + [
            ((0x0008, 0x0016), "UI", US_MULTIFRAME),
            ((0x0008, 0x0018), "UI", ROOT + ".8.1.1"),
            ((0x0020, 0x000E), "UI", ROOT + ".8.1"),
            ((0x0020, 0x0011), "IS", "1"),
            ((0x0020, 0x0013), "IS", "1"),
            ((0x0028, 0x0002), "US", [3]),
            ((0x0028, 0x0004), "CS", "RGB"),
            ((0x0028, 0x0006), "US", [0]),
            ((0x0028, 0x0008), "IS", str(frames)),
            ((0x0028, 0x0010), "US", [rows]),
            ((0x0028, 0x0011), "US", [columns]),
            ((0x0028, 0x0100), "US", [8]),
            ((0x0028, 0x0101), "US", [8]),
            ((0x0028, 0x0102), "US", [7]),
            ((0x0028, 0x0103), "US", [0]),
        ]
        frame = bytes(((x + y) % 256) for y in range(rows) for x in range(columns) for _ in range(3))
        path = os.path.join(folder, "us", "loop.dcm")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(part10(header))
            f.write(struct.pack("<HH", 0x7FE0, 0x0010) + b"OB\0\0" + struct.pack("<I", len(frame) * frames))
            for _ in range(frames):
                f.write(frame)


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    if len(argv) == 5 and argv[1] == "--bench":
        bench(argv[2], int(argv[3]), int(argv[4]))
        return 0
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    samples(os.path.join(here, "dicom"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
