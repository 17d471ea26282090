"""Print the double-byte sets DICOM uses (JIS X 0208, JIS X 0212, KS X 1001, GB 2312) as Python's
codecs decode them, one line per assigned pair: set name, pair in hex (as written in DICOM: GL for
the Japanese G0 sets, GR for the G1 sets), code point in hex. Used by
SpecificCharacterSetPythonCodecTest as an independent reference; Python standard library only."""
import sys


def pairs(low, high):
    for b1 in range(low, high + 1):
        for b2 in range(low, high + 1):
            yield bytes([b1, b2])


def dump(name, decode, low, high):
    for pair in pairs(low, high):
        try:
            text = decode(pair)
        except UnicodeDecodeError:
            continue
        if len(text) == 1:
            sys.stdout.write("%s %s %04X\n" % (name, pair.hex(), ord(text)))


dump("JIS_X0208", lambda p: (b"\x1b$B" + p + b"\x1b(B").decode("iso2022_jp"), 0x21, 0x7E)
dump("JIS_X0212", lambda p: (b"\x1b$(D" + p + b"\x1b(B").decode("iso2022_jp_2"), 0x21, 0x7E)
dump("KS_X1001", lambda p: p.decode("euc_kr"), 0xA1, 0xFE)
dump("GB2312", lambda p: p.decode("gb2312"), 0xA1, 0xFE)
