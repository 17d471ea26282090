#!/usr/bin/env python3
"""Independent re-derivation of the crypto known-answer vectors in known-answers.tsv.

Written against the specification in the Javadoc of org.deidworkbench.crypto, not against the Java
code: python3's hmac/hashlib for HKDF and HMAC-SHA256, python `cryptography` (AES-ECB only) for a
from-scratch FF1 (NIST SP 800-38G, Algorithm 7). Re-derive with

    python3 known_answers.py > known-answers.tsv

The project secret of every vector is the 32 bytes 00 01 02 ... 1f.
"""
import hashlib
import hmac
import unicodedata

SECRET = bytes(range(32))
SALT = b"deid-workbench/v1"
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
ALNUM36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"
ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
DAMM = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
]


def hkdf(ikm, salt, info, length):
    prk = hmac.new(salt if salt else bytes(32), ikm, hashlib.sha256).digest()
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out += block
        counter += 1
    return out[:length]


def derive(purpose, length):
    return hkdf(SECRET, SALT, purpose.encode("utf-8"), length)


def normalize(value):
    return " ".join(unicodedata.normalize("NFKC", value).split()).upper()


def damm(digits):
    interim = 0
    for ch in digits:
        interim = DAMM[interim][int(ch)]
    return str(interim)


def mod37_36(text):
    p = 36
    for ch in text:
        s = (p + ALNUM36.index(ch.upper())) % 36
        p = ((s or 36) * 2) % 37
    return ALNUM36[(37 - p) % 36]


def pseudonym(domain, value, encoding, length, prefix, check):
    tag = hmac.new(derive("pseudonym", 32), domain.encode() + b"\x00" + normalize(value).encode(),
                   hashlib.sha256).digest()
    n = int.from_bytes(tag, "big")
    if encoding == "BASE32":
        bits = n << 4  # 256 bits padded with zeros to 260 = 52 groups of 5
        body = "".join(CROCKFORD[(bits >> (255 - 5 * i)) & 31] for i in range(length))
    elif encoding == "HEX":
        body = tag.hex()[:length]
    else:
        body = str(n % 10 ** length).zfill(length)
    if check:
        body += damm(body) if encoding == "DIGITS" else mod37_36(body)
    return prefix + body


def date_offset(subject, lo, hi):
    tag = hmac.new(derive("date-shift", 32), normalize(subject).encode(), hashlib.sha256).digest()
    u = int.from_bytes(tag[:8], "big")
    spans_zero = lo <= 0 <= hi
    count = hi - lo + 1 - (1 if spans_zero else 0)
    offset = lo + u % count
    return offset + 1 if spans_zero and offset >= 0 else offset


def uid(value):
    tag = hmac.new(derive("uid", 32), value.strip(" \t\n\r\x00").encode(), hashlib.sha256).digest()
    b = bytearray(tag[:16])
    b[6] = (b[6] & 0x0F) | 0x80  # UUID version 8
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 9562 variant 10
    return "2.25." + str(int.from_bytes(b, "big"))


def ff1(key, tweak, radix, numerals, encrypt):
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def ciph(block):
        enc = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
        return enc.update(block) + enc.finalize()

    def num(xs):
        n = 0
        for x in xs:
            n = n * radix + x
        return n

    def strm(x, m):
        out = []
        for _ in range(m):
            out.append(x % radix)
            x //= radix
        return out[::-1]

    n, t = len(numerals), len(tweak)
    u, v = n // 2, n - n // 2
    a, b = numerals[:u], numerals[u:]
    bb = ((radix ** v - 1).bit_length() + 7) // 8
    d = 4 * ((bb + 3) // 4) + 4
    p = bytes([1, 2, 1]) + radix.to_bytes(3, "big") + bytes([10, u % 256]) + n.to_bytes(4, "big") + t.to_bytes(4, "big")
    rounds = range(10) if encrypt else range(9, -1, -1)
    for i in rounds:
        src = b if encrypt else a
        q = tweak + bytes((-t - bb - 1) % 16) + bytes([i]) + num(src).to_bytes(bb, "big")
        y = bytes(16)
        data = p + q
        for j in range(0, len(data), 16):
            y = ciph(bytes(x ^ z for x, z in zip(y, data[j:j + 16])))
        s = y
        for j in range(1, (d + 15) // 16):
            s += ciph(bytes(x ^ z for x, z in zip(y, j.to_bytes(16, "big"))))
        yy = int.from_bytes(s[:d], "big")
        m = u if i % 2 == 0 else v
        if encrypt:
            c = (num(a) + yy) % radix ** m
            a, b = b, strm(c, m)
        else:
            c = (num(b) - yy) % radix ** m
            a, b = strm(c, m), a
    return a + b


def ff1_text(key, domain, value, alphabet):
    positions = [i for i, ch in enumerate(value) if ch in alphabet]
    numerals = [alphabet.index(value[i]) for i in positions]
    out = list(value)
    for i, x in zip(positions, ff1(key, domain.encode(), len(alphabet), numerals, True)):
        out[i] = alphabet[x]
    return "".join(out)


def main():
    rows = []
    for purpose, length in [("pseudonym", 32), ("ff1", 32), ("date-shift", 32), ("uid", 32), ("pseudonym", 16), ("uid", 100)]:
        rows.append(["derive", purpose, str(length), derive(purpose, length).hex()])
    cases = [
        ("patient", "Smith, John", "BASE32", 12, "", False),
        ("patient", "  smith,\t  JOHN  ", "BASE32", 12, "", False),
        ("patient", "Smith, John", "BASE32", 12, "PAT-", True),
        ("patient", "Smith, John", "BASE32", 52, "", True),
        ("mrn", "123456", "DIGITS", 10, "", True),
        ("mrn", "123456", "DIGITS", 6, "MRN", False),
        ("mrn", "123456", "DIGITS", 60, "", True),
        ("mrn", "123456", "DIGITS", 59, "", False),
        ("accession", "A-77/2024", "HEX", 16, "acc_", True),
        ("accession", "A-77/2024", "HEX", 64, "", False),
        ("patient", "M\u00fcller Stra\u00dfe", "BASE32", 20, "", True),
        ("patient", "\uff2d\uff32\uff2e\uff11\uff12\uff13", "BASE32", 12, "", False),
        ("", "", "BASE32", 8, "", True),
    ]
    for domain, value, enc, length, prefix, check in cases:
        rows.append(["pseudonym", domain, value, enc, str(length), prefix, str(check).lower(),
                     pseudonym(domain, value, enc, length, prefix, check)])
    for subject, lo, hi in [("PAT-0001", -365, 365), ("pat-0001 ", -365, 365), ("PAT-0002", -365, 365),
                            ("PAT-0003", 1, 30), ("PAT-0004", -30, -1), ("PAT-0005", -1, 1), ("PAT-0006", 0, 5),
                            ("PAT-0007", -36500, 36500)]:
        rows.append(["date-offset", subject, str(lo), str(hi), str(date_offset(subject, lo, hi))])
    for value in ["1.2.840.113619.2.55.3.604688119.969.1268071029.320", "1.2.3.4\x00", "1.2.3.4", " 1.2.3.4 "]:
        rows.append(["uid", value, uid(value)])
    ff1_key = derive("ff1", 32)
    for domain, value, alphabet in [("ssn", "123-45-6789", "DIGITS"), ("mrn", "MRN 004711-A", "UPPER_ALPHANUMERIC"),
                                    ("mrn", "aB3dE6gH9", "ALPHANUMERIC"), ("", "0123456789", "DIGITS")]:
        alpha = {"DIGITS": DIGITS, "UPPER_ALPHANUMERIC": ALNUM36, "ALPHANUMERIC": ALPHANUMERIC}[alphabet]
        rows.append(["ff1", domain, value, alphabet, ff1_text(ff1_key, domain, value, alpha)])
    print("# kind\tinputs...\texpected  (generated by known_answers.py; see its docstring)")
    for row in rows:
        print("\t".join(escape(field) for field in row))


def escape(field):
    """Keeps one vector per line: backslash, tab and NUL are written as \\\\, \\t and \\0."""
    return field.replace("\\", "\\\\").replace("\t", "\\t").replace("\x00", "\\0")


def self_check():
    """Published vectors, so that this script is itself trusted before it vouches for anything."""
    assert hkdf(bytes([0x0b] * 22), bytes(range(13)), bytes(range(0xf0, 0xfa)), 42).hex() == (
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
    assert damm("572") == "4"
    assert mod37_36("A12425GABC1234002") == "M"
    k128 = bytes.fromhex("2B7E151628AED2A6ABF7158809CF4F3C")
    assert ff1(k128, b"", 10, list(range(10)), True) == [int(c) for c in "2433477484"]
    assert ff1(k128, b"", 10, [int(c) for c in "2433477484"], False) == list(range(10))
    assert ff1_text(k128, "9876543210", "0123456789", DIGITS) == "6124200773"
    assert ff1_text(k128, "7777pqrs777", "0123456789abcdefghi", "0123456789abcdefghijklmnopqrstuvwxyz") == \
        "a9tv40mll9kdu509eum"
    k256 = bytes.fromhex("2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94")
    assert ff1_text(k256, "", "0123456789", DIGITS) == "6657667009"
    assert ff1_text(k256, "9876543210", "0123456789", DIGITS) == "1001623463"
    assert ff1_text(k256, "7777pqrs777", "0123456789abcdefghi", "0123456789abcdefghijklmnopqrstuvwxyz") == \
        "xs8a0azh2avyalyzuwd"


if __name__ == "__main__":
    self_check()
    main()
