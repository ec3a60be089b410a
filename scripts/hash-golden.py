#!/usr/bin/env python3
"""Golden task keys, computed from docs/hashing.md alone.

An independent implementation of the canonical encoding that jug.core.hash.CanonicalEncoder hashes: it shares no
code with the Java side, only the specification. It computes the keys of the example tasks below and writes them to
jug-core/src/test/resources/jug/core/hash/golden.tsv, where GoldenHashTest declares the same tasks from Java and
checks that the keys (and the argument encodings) agree. If the encoding changes on purpose, change
docs/hashing.md, this script and CanonicalEncoder.VERSION together, then run this script again.

Usage: scripts/hash-golden.py [output.tsv]     (standard library only; Python 3.8+)
"""
import decimal
import hashlib
import math
import struct
import sys
from pathlib import Path

VERSION = "jug.task.v1"
OUTPUT = Path(__file__).resolve().parent.parent / "jug-core/src/test/resources/jug/core/hash/golden.tsv"


# --- the encoding (docs/hashing.md, "Values") -------------------------------------------------------------------

def varint(n):
    """Unsigned LEB128: seven bits a byte, least significant first, high bit set on all bytes but the last."""
    assert n >= 0
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def text(s):
    """A string as varint byte count + UTF-8; an unpaired surrogate takes its 3-byte form (surrogatepass)."""
    b = s.encode("utf-8", "surrogatepass")
    return varint(len(b)) + b


def double_bits(x):
    return struct.pack(">Q", 0x7FF8000000000000) if math.isnan(x) else struct.pack(">d", x)


def float_bits(x):
    return struct.pack(">I", 0x7FC00000) if math.isnan(x) else struct.pack(">f", x)


NULL = b"N"
NOHASH = b"n"


def Str(s): return b"s" + text(s)
def Int(v): return b"I" + struct.pack(">i", v)
def Long(v): return b"J" + struct.pack(">q", v)
def Double(v): return b"D" + double_bits(v)
def Float(v): return b"F" + float_bits(v)
def Short(v): return b"S" + struct.pack(">h", v)
def Byte(v): return b"B" + struct.pack(">b", v)
def Char(c): return b"C" + struct.pack(">H", ord(c))
def Bool(v): return b"Z" + (b"\x01" if v else b"\x00")
def List(*items): return b"L" + varint(len(items)) + b"".join(items)
def Set(*items): return b"T" + varint(len(items)) + b"".join(sorted(items))          # bytes sort unsigned
def Map(*entries): return b"M" + varint(len(entries)) + b"".join(k + v for k, v in sorted(entries))
def Path_(p): return b"P" + text(p)
def Enum(cls, name): return b"E" + text(cls) + text(name)
def Textual(cls, s): return b"V" + text(cls) + text(s)
def Custom(fingerprint): return b"h" + text(fingerprint)
def Optional_(value=None): return b"O\x00" if value is None else b"O\x01" + value


def ObjectArray(component, *items):
    return b"a" + text(component) + varint(len(items)) + b"".join(items)


PRIMITIVE = {"I": ">i", "J": ">q", "S": ">h", "B": ">b", "C": ">H", "Z": ">?"}


def PrimitiveArray(code, values):
    if code == "D":
        body = b"".join(double_bits(v) for v in values)
    elif code == "F":
        body = b"".join(float_bits(v) for v in values)
    elif code == "C":
        body = b"".join(struct.pack(">H", ord(c)) for c in values)
    else:
        body = b"".join(struct.pack(PRIMITIVE[code], v) for v in values)
    return b"A" + code.encode() + varint(len(values)) + body


def Record(cls, *components):
    return b"R" + text(cls) + varint(len(components)) + b"".join(text(n) + v for n, v in components)


def twos_complement(n):
    """Java's BigInteger.toByteArray: the shortest big-endian two's complement, with room for the sign bit."""
    bit_length = n.bit_length() if n >= 0 else (~n).bit_length()
    return n.to_bytes(bit_length // 8 + 1, "big", signed=True)


def BigInteger(n):
    b = twos_complement(n)
    return b"i" + varint(len(b)) + b


def BigDecimal(literal):
    sign, digits, exponent = decimal.Decimal(literal).as_tuple()
    unscaled = int("".join(map(str, digits))) * (-1 if sign else 1)
    b = twos_complement(unscaled)
    return b"d" + struct.pack(">i", -exponent) + varint(len(b)) + b


class Task:
    def __init__(self, name, *args):
        self.name = name
        self.args = args
        self.preimage = text(VERSION) + text(name) + varint(len(args)) + b"".join(args)
        self.digest = hashlib.sha256(self.preimage).digest()

    def key(self):
        return self.digest.hex()


def Dep(task): return b"K" + task.digest


def Function(name): return b"f" + text(name)


VALUE_VERSION = "jug.value.v1"


class Tasklet:
    """A view of a task's result: its key is the value key of [base, derivation] under the label "jug.tasklet"."""
    def __init__(self, base, derivation):
        self.digest = hashlib.sha256(text(VALUE_VERSION) + text("jug.tasklet")
                                     + List(Dep(base), derivation)).digest()


# --- the example tasks (GoldenHashTest declares the same ones) ------------------------------------------------------

G = "jug.fixtures.Golden"
ID = G + ".id"
POINT = G + "$Point"
LABELLED = G + "$Labelled"


def Point(x, y): return Record(POINT, ("x", Int(x)), ("y", Int(y)))


def cases():
    up = Task(G + ".square", Int(3))
    return [
        ("int_1", Task(ID, Int(1))),
        ("long_1", Task(ID, Long(1))),
        ("double_1", Task(ID, Double(1.0))),
        ("string_1", Task(ID, Str("1"))),
        ("int_negative", Task(ID, Int(-7))),
        ("int_min", Task(ID, Int(-2**31))),
        ("long_max", Task(ID, Long(2**63 - 1))),
        ("double_zero", Task(ID, Double(0.0))),
        ("double_negative_zero", Task(ID, Double(-0.0))),
        ("double_nan", Task(ID, Double(math.nan))),
        ("double_negative_infinity", Task(ID, Double(-math.inf))),
        ("double_third", Task(ID, Double(1 / 3))),
        ("float_1_5", Task(ID, Float(1.5))),
        ("float_nan", Task(ID, Float(math.nan))),
        ("short_minus_2", Task(ID, Short(-2))),
        ("byte_minus_1", Task(ID, Byte(-1))),
        ("char_e_acute", Task(ID, Char("\u00e9"))),
        ("boolean_true", Task(ID, Bool(True))),
        ("boolean_false", Task(ID, Bool(False))),
        ("null", Task(ID, NULL)),
        ("string_empty", Task(ID, Str(""))),
        ("string_non_ascii", Task(ID, Str("na\u00efve caf\u00e9 \u2013 \u65e5\u672c\u8a9e \U0001F600"))),
        ("string_200_chars", Task(ID, Str("\u00e9" * 100 + "x" * 100))),
        ("string_lone_surrogate", Task(ID, Str("a\ud800b"))),
        ("list_empty", Task(ID, List())),
        ("list_ints", Task(ID, List(Int(1), Int(2), Int(3)))),
        ("list_mixed_with_null", Task(ID, List(Int(1), Long(1), Str("1"), NULL))),
        ("list_nested", Task(ID, List(List(Int(1), Int(2)), List(Int(3)), List()))),
        ("list_300_ints", Task(ID, List(*[Int(i) for i in range(300)]))),
        ("set_empty", Task(ID, Set())),
        ("set_strings", Task(ID, Set(Str("b"), Str("a"), Str("c")))),
        ("set_mixed", Task(ID, Set(Int(1), Str("1"), Long(1), Double(-0.0)))),
        ("map_string_to_int", Task(ID, Map((Str("b"), Int(2)), (Str("a"), Int(1)), (Str("c"), Int(3))))),
        ("map_mixed_keys", Task(ID, Map((Int(1), Str("a")), (Str("1"), Str("b")), (Long(1), Str("c"))))),
        ("map_nested", Task(ID, Map((Int(1), List(Int(1), Int(2))), (Int(2), Map((Str("x"), NULL)))))),
        ("int_array", Task(ID, PrimitiveArray("I", [1, -2, 3]))),
        ("int_array_empty", Task(ID, PrimitiveArray("I", []))),
        ("long_array", Task(ID, PrimitiveArray("J", [-1, 2**40]))),
        ("double_array", Task(ID, PrimitiveArray("D", [0.0, -0.0, math.nan, 2.5]))),
        ("float_array", Task(ID, PrimitiveArray("F", [0.25, -1.0]))),
        ("byte_array", Task(ID, PrimitiveArray("B", [0, -1, 127]))),
        ("short_array", Task(ID, PrimitiveArray("S", [-32768, 32767]))),
        ("char_array", Task(ID, PrimitiveArray("C", "h\u00e9"))),
        ("boolean_array", Task(ID, PrimitiveArray("Z", [True, False, True]))),
        ("string_array_with_null", Task(ID, ObjectArray("java.lang.String", Str("a"), NULL))),
        ("object_array", Task(ID, ObjectArray("java.lang.Object", Int(1), Str("x")))),
        ("boxed_integer_array", Task(ID, ObjectArray("java.lang.Integer", Int(1), Int(2)))),
        ("double_matrix_ragged", Task(ID, ObjectArray("[D", PrimitiveArray("D", [1.0, 2.0]),
                                                      PrimitiveArray("D", [3.0])))),
        ("int_matrix_null_row", Task(ID, ObjectArray("[I", PrimitiveArray("I", [1]), NULL))),
        ("string_matrix", Task(ID, ObjectArray("[Ljava.lang.String;", ObjectArray("java.lang.String", Str("s"))))),
        ("record_point", Task(ID, Point(1, 2))),
        ("record_nested", Task(ID, Record(LABELLED, ("label", Str("p")),
                                          ("values", List(Int(1), Double(2.5), Point(5, 6))),
                                          ("at", Point(3, 4))))),
        ("record_with_nulls", Task(ID, Record(LABELLED, ("label", NULL), ("values", NULL), ("at", NULL)))),
        ("point_array", Task(ID, ObjectArray(POINT, Point(0, 0)))),
        ("enum", Task(ID, Enum(G + "$Color", "RED"))),
        ("enum_constant_with_body", Task(ID, Enum(G + "$Op", "TIMES"))),
        ("enum_list", Task(ID, List(Enum(G + "$Color", "GREEN"), Enum("java.time.DayOfWeek", "MONDAY")))),
        ("path_relative", Task(ID, Path_("data/in.tif"))),
        ("path_absolute", Task(ID, Path_("/tmp/x y/\u00e9.txt"))),
        ("big_integer_zero", Task(ID, BigInteger(0))),
        ("big_integer_255", Task(ID, BigInteger(255))),
        ("big_integer_minus_128", Task(ID, BigInteger(-128))),
        ("big_integer_minus_129", Task(ID, BigInteger(-129))),
        ("big_integer_2_pow_100", Task(ID, BigInteger(2**100))),
        ("big_integer_minus_2_pow_100", Task(ID, BigInteger(-2**100))),
        ("big_decimal_1_0", Task(ID, BigDecimal("1.0"))),
        ("big_decimal_1_00", Task(ID, BigDecimal("1.00"))),
        ("big_decimal_negative", Task(ID, BigDecimal("-123.456"))),
        ("big_decimal_1e3", Task(ID, BigDecimal("1E+3"))),
        ("optional_empty", Task(ID, Optional_())),
        ("optional_string", Task(ID, Optional_(Str("x")))),
        ("local_date", Task(ID, Textual("java.time.LocalDate", "2024-02-29"))),
        ("local_date_time", Task(ID, Textual("java.time.LocalDateTime", "2024-01-01T10:15:30"))),
        ("local_time_nanos", Task(ID, Textual("java.time.LocalTime", "10:15:30.000000001"))),
        ("instant", Task(ID, Textual("java.time.Instant", "2024-01-01T00:00:00Z"))),
        ("zoned_date_time", Task(ID, Textual("java.time.ZonedDateTime", "2024-03-01T12:00+01:00[Europe/Paris]"))),
        ("duration", Task(ID, Textual("java.time.Duration", "PT1H30M"))),
        ("period", Task(ID, Textual("java.time.Period", "P1Y2M3D"))),
        ("year_month", Task(ID, Textual("java.time.YearMonth", "2024-02"))),
        ("uuid", Task(ID, Textual("java.util.UUID", "123e4567-e89b-12d3-a456-426614174000"))),
        ("no_hash", Task(ID, NOHASH)),
        ("custom_hash", Task(ID, Custom("sha1:0a1b"))),
        ("custom_hash_in_list", Task(ID, List(Custom("v2"), Int(1)))),
        ("square_7", Task(G + ".square", Int(7))),
        ("join_two_arguments", Task(G + ".join", Str("a"), Int(1))),
        ("join_no_hash_first", Task(G + ".join", NOHASH, Int(1))),
        ("zero_arguments", Task(G + ".zero")),
        ("upstream_square_3", up),
        ("task_argument", Task(ID, Dep(up))),
        ("task_in_list", Task(ID, List(Dep(up), Str("x")))),
        ("task_in_map_value", Task(ID, Map((Str("k"), Dep(up))))),
        ("task_in_record", Task(ID, Record(LABELLED, ("label", Str("l")), ("values", List(Dep(up))),
                                           ("at", Point(0, 0))))),
        ("task_in_object_array", Task(ID, ObjectArray("java.lang.Object", Dep(up)))),
        ("task_two_levels_down", Task(G + ".join", Dep(Task(ID, Dep(up))), Dep(up))),
        ("function_argument", Task(ID, Function(G + ".square"))),
        ("tasklet_element", Task(ID, Dep(Tasklet(up, Int(0))))),
        ("tasklet_mapped", Task(ID, Dep(Tasklet(up, Function(G + ".square"))))),
    ]


def main(argv):
    out = Path(argv[1]) if len(argv) > 1 else OUTPUT
    rows = ["# Golden task keys, written by scripts/hash-golden.py from docs/hashing.md; do not edit by hand.",
            "# case\ttask name\tkey (SHA-256 of the preimage)\targument encodings, concatenated (hex)"]
    names = set()
    for case, task in cases():
        assert case not in names, case
        names.add(case)
        rows.append("\t".join([case, task.name, task.key(), b"".join(task.args).hex()]))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(names)} keys to {out}")


if __name__ == "__main__":
    main(sys.argv)
