package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Decision 0145: {@link NoteNumbers}' cue and label stems, once {@code (?i)} patterns, are found by {@link StemSet}'s
 * loop in exactly the texts the patterns found them in.
 */
class StemSetTest {

    /** The patterns NoteNumbers used before decision 0145 (with decision 0179's labels), kept here as the reference. */
    private static final Pattern OLD_PHONE_STEMS = Pattern.compile("(?i)t[eéÉ]l|phone|fone|cel|conta[ct]|tlm|m[oóÓ]v|mob|kom|gsm"
            + "|portable|handy|fax|joignable|ligou|电话|電話|手机|手機|携帯|전화|연락처");
    private static final Pattern OLD_NATIONAL_STEMS = Pattern.compile("(?i)nir|insee|s[eéÉ]cu|pesel|nif|contribuinte|bsn"
            + "|burgerservice|sofinummer|dni|nie|personnummer|pers\\.?\\s?nr|svnr|sozialversicherung|ahv|avs|niss|cpf|cns|abha"
            + "|f[øØoO]dselsn|fnr|cpr|henkil|hetu|sotu|kennitala|rodn[éÉeE]|r\\.\\s?[čČcC]\\.|rijksregister|insz|national"
            + "|isikukood|personas|asmens|cnp|egn|oib|pps|em[šŠsS]o|taj");
    private static final Pattern OLD_RECORD_STEMS = Pattern.compile("(?i)prontu|processo|karty|histori|ksi[eęĘ]g|dossier|aktenz"
            + "|fallnum|fall-nr|patientennum|pat\\.?-nr|ipp|nhc|pati[eëË]ntnum|journaln");

    private static final String[] CUES = {"tel", "tél", "TÉL", "tÉl", "te", "phone", "fone", "cel", "contact", "contat", "conta",
        "tlm", "mov", "móv", "MÓV", "mob", "kom", "gsm", "portable", "handy", "fax", "joignable", "ligou", "电话", "電話", "手机",
        "手機", "携帯", "전화", "연락처", "nir", "insee", "sécu", "sÉcu", "secu", "pesel", "nif", "contribuinte", "bsn",
        "burgerservice", "sofinummer", "dni", "nie", "personnummer", "pers", "nr", "pers.nr", "pers nr", "pers.\tnr", "pers\u000Bnr",
        "pers\u00A0nr", "pers..nr", "svnr", "sozialversicherung", "ahv", "avs", "niss", "cpf", "cns", "abha", "prontu", "processo",
        "karty", "histori", "ksieg", "księg", "ksiĘg", "ksi", "dossier", "aktenz", "fallnum", "fall-nr", "fall", "patientennum",
        "pat-nr", "pat.-nr", "pat", "ipp", "nhc", "patiëntnum", "patiËntnum", "journaln", "\u212Aom", "n\u0130r", "\u017Fecu",
        "fødselsn", "FØDSELSN", "fodselsn", "fnr", "cpr", "henkil", "hetu", "sotu", "kennitala", "rodné", "RODNÉ", "rodne",
        "r. č.", "r.č.", "R. Č.", "rijksregister", "insz", "national", "isikukood", "personas", "asmens", "cnp", "egn", "oib",
        "pps", "emšo", "EMŠO", "emso", "taj", "rodn", "r. c"};

    @Test
    void stemSetsFindWhatTheOldPatternsFound() {
        int hits = 0;
        for (String text : GeneratedTexts.of(145, 60_000, 8, CUES)) {
            boolean phone = OLD_PHONE_STEMS.matcher(text).find();
            boolean national = OLD_NATIONAL_STEMS.matcher(text).find();
            boolean record = OLD_RECORD_STEMS.matcher(text).find();
            assertEquals(phone, NoteNumbers.PHONE_STEMS.in(text), text);
            assertEquals(national, NoteNumbers.NATIONAL_STEMS.in(text), text);
            assertEquals(record, NoteNumbers.RECORD_STEMS.in(text), text);
            hits += (phone ? 1 : 0) + (national ? 1 : 0) + (record ? 1 : 0);
        }
        assertTrue(hits > 20_000, "the generated texts hold stems often enough to test: " + hits);
    }

    /** The cue and label words in full, as the look-behind patterns spell them, in other cases and with Unicode folds. */
    private static final String[] CUE_WORDS = {"tel", "tél", "TÉL", "téléphone", "telefone", "telefon", "telefoon", "teléfono",
        "celular", "cell", "cel", "contato", "contacto", "tlm", "telemóvel", "TELEMÓVEL", "móvil", "mobile", "mob", "kom",
        "komórka", "KOMÓRKA", "gsm", "portable", "handy", "fone", "fax", "joignable", "ligou", "telefonou", "电话", "電話", "手机",
        "手機", "携帯", "전화", "연락처", "\u212Aom", "\u212AOM", "mo\u0299", "n\u0130r", "pe\u017Fel", "ni\u017F\u017F",
        "nir", "insee", "sécu", "SÉCU", "sécurité sociale", "pesel", "nif", "contribuinte", "bsn", "burgerservicenummer",
        "sofinummer", "DNI", "NIE", "dni", "personnummer", "pers.nr", "pers nr.", "svnr", "sozialversicherungsnummer", "ahv-nr.",
        "avs", "niss", "cpf", "cns", "abha", "prontuário", "processo clínico", "nr karty", "numer karty", "nr. historii choroby",
        "nr księgi", "NR KSIĘGI", "dossier médical", "aktenzeichen", "fallnummer", "fall-nr.", "patientennummer", "pat.-nr.",
        "ipp", "nhc", "historia clínica", "patiëntnummer", "PATIËNTNUMMER", "journalnummer", "journalnr.", "n°", "nº", "nr",
        "no", "num", "número", "numer", ":", "#", "de", "du", "au", "do", "no", "da", "na", "para", "pod numerem", "at", "on",
        "fixo", "kom.", "fødselsnummer", "FØDSELSNUMMER", "fødselsnr.", "fnr.", "cpr-nr.", "CPR-nummer", "henkilötunnus",
        "HENKILÖTUNNUS", "hetu", "sotu", "kennitala", "rodné číslo", "RODNÉ ČÍSLO", "rodného čísla", "r. č.", "r.č.",
        "rijksregisternummer", "insz", "numéro national", "registre national", "isikukood", "personas kods", "asmens kodas",
        "CNP", "EGN", "OIB", "PPSN", "PPS", "emšo", "EMŠO", "taj-szám", "TAJ szám"};

    @Test
    void aCueBeforeANumberHoldsAStemInItsSpan() {
        int cued = 0;
        for (String text : GeneratedTexts.of(1451, 8_000, 6, CUE_WORDS)) {
            for (int at = 0; at <= text.length(); at++) {
                cued += holdsStemWhereCued(NoteNumbers.PHONE_CUE_BEFORE, NoteNumbers.PHONE_STEMS, text, at, 32);
                cued += holdsStemWhereCued(NoteNumbers.NATIONAL_LABEL_BEFORE, NoteNumbers.NATIONAL_STEMS, text, at, 36);
                cued += holdsStemWhereCued(NoteNumbers.RECORD_LABEL_BEFORE, NoteNumbers.RECORD_STEMS, text, at, 40);
            }
        }
        assertTrue(cued > 5_000, "the generated texts end in cues often enough to test: " + cued);
    }

    private static int holdsStemWhereCued(Pattern cue, StemSet stems, String text, int at, int span) {
        if (!NationalNumbers.endsBefore(cue, text, at, span)) {
            return 0;
        }
        assertTrue(stems.inAnyCase(text, at - span, at), () -> "cued before " + at + " without a stem: " + text);
        return 1;
    }

    @Test
    void foldsAsciiOnly() {
        StemSet s = StemSet.of("kom", "s[eé]cu");
        assertTrue(s.in("Tel. KOM 601"));
        assertTrue(s.in("n° SÉCU") == false && s.in("n° Sécu") && s.in("SeCu"));
        assertFalse(s.in("\u212Aom")); // the Kelvin sign is no k without Unicode case folding
        assertTrue(s.inAnyCase("\u212Aom", 0, 3)); // ... and is one with it
        assertFalse(s.inAnyCase("tel. kom", 0, 7)); // the stem must lie wholly in the span
    }

    @Test
    void expandsOptionalCharactersAndWhitespace() {
        StemSet s = StemSet.of("pers.?\\s?nr");
        assertTrue(s.in("Pers.Nr 1") && s.in("pers nr") && s.in("PERS.\tNR") && s.in("persnr"));
        assertFalse(s.in("pers\u00A0nr") || s.in("pers..nr") || s.in("pers  nr"));
    }
}
