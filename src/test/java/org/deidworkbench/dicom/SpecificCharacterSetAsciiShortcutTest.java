package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deidworkbench.dicom.SpecificCharacterSet.ValueKind;
import org.junit.jupiter.api.Test;

/**
 * The ASCII shortcut of {@link SpecificCharacterSet#encode} gives exactly the bytes of the general
 * encoder, for every Defined Term and combination a file can declare, every value kind, and ASCII
 * texts with delimiters, control characters and ESC; and it never applies where ASCII is not the
 * starting set (JIS X 0201 Romaji as G0).
 */
class SpecificCharacterSetAsciiShortcutTest {

    private static final String[] SINGLE = {"6", "100", "101", "109", "110", "144", "127", "126", "138", "148", "203",
        "166", "13"};

    private static List<String[]> declarations() {
        List<String[]> all = new ArrayList<>();
        all.add(new String[0]);
        for (String n : SINGLE) {
            all.add(new String[] {"ISO_IR " + n});
            all.add(new String[] {"ISO 2022 IR " + n});
            all.add(new String[] {"ISO 2022 IR " + n, "ISO 2022 IR 87"});
        }
        all.add(new String[] {"", "ISO 2022 IR 87", "ISO 2022 IR 159"});
        all.add(new String[] {"", "ISO 2022 IR 149"});
        all.add(new String[] {"", "ISO 2022 IR 58"});
        all.add(new String[] {"ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144"});
        all.add(new String[] {"ISO_IR 192"});
        all.add(new String[] {"GB18030"});
        all.add(new String[] {"GBK"});
        return all;
    }

    @Test
    void asciiTextsEncodeAsTheGeneralEncoderDoes() {
        Random random = new Random(20261130);
        String alphabet = "AZaz09 ^=\\/.-_~'\"\r\n\t\f\u0000\u001f\u007f\u001b";
        int compared = 0;
        for (String[] declared : declarations()) {
            SpecificCharacterSet charset = SpecificCharacterSet.lenient(declared);
            for (ValueKind kind : ValueKind.values()) {
                for (int i = 0; i < 300; i++) {
                    StringBuilder text = new StringBuilder();
                    int length = random.nextInt(24);
                    for (int j = 0; j < length; j++) {
                        text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length()))
                                : (char) (0x20 + random.nextInt(0x5f)));
                    }
                    String s = text.toString();
                    byte[] general = charset.tryEncodeGeneral(s, kind, new int[1]);
                    boolean encodable = charset.canEncode(s);
                    if (general == null) {
                        assertEquals(false, encodable, String.join("\\", declared));
                        assertThrows(IllegalArgumentException.class, () -> charset.encode(s, kind));
                    } else {
                        assertArrayEquals(general, charset.encode(s, kind), String.join("\\", declared) + " " + kind);
                    }
                    compared++;
                }
            }
        }
        assertEquals(declarations().size() * ValueKind.values().length * 300, compared);
    }

    @Test
    void romajiAsTheStartingSetIsNotTakenForAscii() {
        SpecificCharacterSet romaji = SpecificCharacterSet.lenient(new String[] {"ISO_IR 13"});
        byte[] general = romaji.tryEncodeGeneral("Yamada^Tarou", ValueKind.PERSON_NAME, new int[1]);
        assertNotNull(general);
        assertArrayEquals(general, romaji.encode("Yamada^Tarou", ValueKind.PERSON_NAME));
        assertArrayEquals("PLAIN".getBytes(StandardCharsets.US_ASCII),
                SpecificCharacterSet.DEFAULT.encode("PLAIN", ValueKind.MULTI_VALUED));
    }
}
