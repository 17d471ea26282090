package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.deidworkbench.dicom.SpecificCharacterSet.ValueKind;

/**
 * Decoding arbitrary bytes never throws, and whatever decodes and can be encoded again decodes back
 * to the same text. Seeds in {@code SpecificCharacterSetFuzzTestInputs/decodeEncodeRoundTrip/}.
 */
class SpecificCharacterSetFuzzTest {

    private static final List<SpecificCharacterSet> CHARSETS = List.of(
            SpecificCharacterSet.DEFAULT,
            SpecificCharacterSet.lenient(new String[] {"ISO_IR 100"}),
            SpecificCharacterSet.lenient(new String[] {"ISO_IR 13"}),
            SpecificCharacterSet.lenient(new String[] {"ISO_IR 192"}),
            SpecificCharacterSet.lenient(new String[] {"GB18030"}),
            SpecificCharacterSet.lenient(new String[] {"", "ISO 2022 IR 87", "ISO 2022 IR 159"}),
            SpecificCharacterSet.lenient(new String[] {"ISO 2022 IR 13", "ISO 2022 IR 87"}),
            SpecificCharacterSet.lenient(new String[] {"", "ISO 2022 IR 149"}),
            SpecificCharacterSet.lenient(new String[] {"", "ISO 2022 IR 58"}),
            SpecificCharacterSet.lenient(new String[] {"ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144"}));

    @FuzzTest(maxDuration = "60s")
    void decodeEncodeRoundTrip(FuzzedDataProvider data) {
        SpecificCharacterSet charset = data.pickValue(CHARSETS);
        ValueKind kind = data.pickValue(ValueKind.values());
        byte[] bytes = data.consumeRemainingAsBytes();
        String decoded = charset.decode(bytes, 0, bytes.length, kind);
        if (charset.canEncode(decoded)) {
            byte[] encoded = charset.encode(decoded, kind);
            assertEquals(decoded, charset.decode(encoded, 0, encoded.length, kind));
        }
    }
}
