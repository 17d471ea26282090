package org.deidworkbench.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes element values (little endian bytes as held by {@link Element}) for every
 * VR: text with the padding rules of PS3.5 §6.2, binary numbers, and AT tags. Typed text values
 * (PN, DA/TM/DT, AS, IS/DS) are parsed further by {@link PersonName}, {@link DateTimeValue},
 * {@link AgeString} and {@link NumberStrings}. Stateless and thread-safe.
 */
public final class Values {

    private static final String[] NONE = new String[0];

    private Values() {
    }

    /**
     * The text values of a text element in the default character repertoire, split at backslashes (except for LT, ST, UT and UR which
     * are single-valued) with insignificant padding removed: trailing spaces for all, trailing
     * NULs (UI and common non-conformant padding) and leading spaces where PS3.5 calls them
     * insignificant (AE, CS, DS, IS, LO, SH, AS, DA, DT, TM). An empty value gives no values.
     */
    public static String[] strings(byte[] value, VR vr) {
        return strings(value, vr, TextCodecs.DEFAULT);
    }

    /** As {@link #strings(byte[], VR)}, decoding character-set text with {@code codec}. */
    static String[] strings(byte[] value, VR vr, TextCodec codec) {
        if (value.length == 0) {
            return NONE;
        }
        String text = vr.usesCharacterSet() ? codec.decode(value, 0, value.length, vr == VR.PN)
                : new String(value, StandardCharsets.ISO_8859_1);
        if (vr.kind() == VR.Kind.TEXT) {
            String t = trimEnd(text);
            return t.isEmpty() ? NONE : new String[] {t};
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int bs = text.indexOf('\\', start);
            String part = bs < 0 ? text.substring(start) : text.substring(start, bs);
            out.add(trim(part, vr));
            if (bs < 0) {
                break;
            }
            start = bs + 1;
        }
        if (out.size() == 1 && out.get(0).isEmpty()) {
            return NONE;
        }
        return out.toArray(NONE);
    }

    /**
     * Encodes text values (joined with backslash) in the default repertoire and pads to even length
     * with the VR's padding byte; {@link Dataset#putStrings} uses the data set's character set.
     */
    public static byte[] encodeStrings(VR vr, String... values) {
        return encodeStrings(vr, TextCodecs.DEFAULT, values);
    }

    /** As {@link #encodeStrings(VR, String...)}, encoding character-set text with {@code codec}. */
    static byte[] encodeStrings(VR vr, TextCodec codec, String... values) {
        if (!vr.isText()) {
            throw new IllegalArgumentException(vr + " is not a text VR");
        }
        if (vr.kind() == VR.Kind.TEXT && values.length > 1) {
            throw new IllegalArgumentException(vr + " is single-valued");
        }
        String joined = String.join("\\", values);
        byte[] b = vr.usesCharacterSet() ? codec.encode(joined, vr == VR.PN)
                : joined.getBytes(StandardCharsets.ISO_8859_1);
        return pad(b, vr);
    }

    /** Appends the VR's padding byte when the length is odd. */
    public static byte[] pad(byte[] b, VR vr) {
        if ((b.length & 1) == 0) {
            return b;
        }
        byte[] p = new byte[b.length + 1];
        System.arraycopy(b, 0, p, 0, b.length);
        p[b.length] = (byte) vr.paddingByte();
        return p;
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String trim(String s, VR vr) {
        String t = trimEnd(s);
        return switch (vr) {
            case AE, AS, CS, DA, DS, DT, IS, LO, SH, TM -> t.stripLeading();
            default -> t;
        };
    }

    /**
     * Integer values of a binary integer VR (US, SS, UL, SL, UV, SV, and OB/OW/OL/OV read as
     * unsigned units) or an IS text value. UL and UV beyond {@code Long.MAX_VALUE} wrap (UV only).
     *
     * @throws NumberFormatException when an IS value is not an integer string
     */
    public static long[] longs(byte[] value, VR vr) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        long[] out;
        switch (vr) {
            case US, OW -> {
                out = new long[value.length / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort() & 0xFFFF;
                }
            }
            case SS -> {
                out = new long[value.length / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getShort();
                }
            }
            case UL, OL -> {
                out = new long[value.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getInt() & 0xFFFFFFFFL;
                }
            }
            case SL -> {
                out = new long[value.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getInt();
                }
            }
            case UV, SV, OV -> {
                out = new long[value.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getLong();
                }
            }
            case OB, UN -> {
                out = new long[value.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = value[i] & 0xFF;
                }
            }
            case IS -> {
                String[] s = strings(value, vr, TextCodecs.DEFAULT);
                out = new long[s.length];
                for (int i = 0; i < s.length; i++) {
                    out[i] = NumberStrings.parseIS(s[i]);
                }
            }
            default -> throw new IllegalArgumentException(vr + " does not hold integers");
        }
        return out;
    }

    /**
     * Floating point values of FL, FD, OF, OD or a DS text value (integer VRs are converted too).
     *
     * @throws NumberFormatException when a DS value is not a decimal string
     */
    public static double[] doubles(byte[] value, VR vr) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        double[] out;
        switch (vr) {
            case FL, OF -> {
                out = new double[value.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getFloat();
                }
            }
            case FD, OD -> {
                out = new double[value.length / 8];
                for (int i = 0; i < out.length; i++) {
                    out[i] = b.getDouble();
                }
            }
            case DS -> {
                String[] s = strings(value, vr, TextCodecs.DEFAULT);
                out = new double[s.length];
                for (int i = 0; i < s.length; i++) {
                    out[i] = NumberStrings.parseDS(s[i]).doubleValue();
                }
            }
            default -> {
                long[] l = longs(value, vr);
                out = new double[l.length];
                for (int i = 0; i < l.length; i++) {
                    out[i] = l[i];
                }
            }
        }
        return out;
    }

    /**
     * Encodes integers for US, SS, UL, SL, UV, SV, OW, OL, OV, OB or IS.
     *
     * @throws IllegalArgumentException when a value does not fit the VR
     */
    public static byte[] encodeLongs(VR vr, long... values) {
        if (vr == VR.IS) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = NumberStrings.formatIS(values[i]);
            }
            return encodeStrings(vr, TextCodecs.DEFAULT, s);
        }
        int size = switch (vr) {
            case OB -> 1;
            case US, SS, OW -> 2;
            case UL, SL, OL -> 4;
            case UV, SV, OV -> 8;
            default -> throw new IllegalArgumentException(vr + " does not hold integers");
        };
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (vr) {
                case OB -> b.put((byte) checkRange(v, 0, 0xFF, vr));
                case US, OW -> b.putShort((short) checkRange(v, 0, 0xFFFF, vr));
                case SS -> b.putShort((short) checkRange(v, Short.MIN_VALUE, Short.MAX_VALUE, vr));
                case UL, OL -> b.putInt((int) checkRange(v, 0, 0xFFFFFFFFL, vr));
                case SL -> b.putInt((int) checkRange(v, Integer.MIN_VALUE, Integer.MAX_VALUE, vr));
                default -> b.putLong(v);
            }
        }
        return pad(b.array(), vr);
    }

    private static long checkRange(long v, long min, long max, VR vr) {
        if (v < min || v > max) {
            throw new IllegalArgumentException("value out of range for " + vr);
        }
        return v;
    }

    /** Encodes floating point numbers for FL, FD, OF, OD or DS. */
    public static byte[] encodeDoubles(VR vr, double... values) {
        if (vr == VR.DS) {
            String[] s = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                s[i] = NumberStrings.formatDS(values[i]);
            }
            return encodeStrings(vr, TextCodecs.DEFAULT, s);
        }
        int size = switch (vr) {
            case FL, OF -> 4;
            case FD, OD -> 8;
            default -> throw new IllegalArgumentException(vr + " does not hold floating point numbers");
        };
        ByteBuffer b = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (size == 4) {
                b.putFloat((float) v);
            } else {
                b.putDouble(v);
            }
        }
        return b.array();
    }

    /** The tags of an AT value (group then element, each little endian 16-bit). */
    public static int[] tags(byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
        int[] out = new int[value.length / 4];
        for (int i = 0; i < out.length; i++) {
            int g = b.getShort() & 0xFFFF;
            int e = b.getShort() & 0xFFFF;
            out[i] = g << 16 | e;
        }
        return out;
    }

    /** Encodes an AT value. */
    public static byte[] encodeTags(int... tags) {
        ByteBuffer b = ByteBuffer.allocate(tags.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int t : tags) {
            b.putShort((short) (t >>> 16)).putShort((short) t);
        }
        return b.array();
    }

    /** Reverses the byte order of each {@code unit}-byte group in place (AT uses 2-byte units). */
    static void swap(byte[] b, int off, int len, int unit) {
        if (unit <= 1) {
            return;
        }
        int end = off + len - len % unit;
        for (int i = off; i < end; i += unit) {
            for (int a = i, z = i + unit - 1; a < z; a++, z--) {
                byte t = b[a];
                b[a] = b[z];
                b[z] = t;
            }
        }
    }
}
