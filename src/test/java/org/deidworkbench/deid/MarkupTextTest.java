package org.deidworkbench.deid;

import static org.deidworkbench.deid.TextFoldingTestSupport.scrubberKnowing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Names written as RTF escapes or HTML/XML character references (decision 0167): found by what the run knows and by
 * the patterns, cut from the original, replaced in its form; the markup and every text the scrubber leaves stay as
 * they were written.
 */
class MarkupTextTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    /** An RTF note as Word and Epic write one: a font table, the document's code page, escapes for letters. */
    private static String rtf(String body) {
        return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Arial;}}\r\n\\viewkind4\\uc1\\pard\\f0\\fs20 "
                + body + "\\par\r\n}";
    }

    @Test
    void textWithoutEscapesIsNotFolded() {
        assertNull(MarkupText.fold("Patient seen 2023-03-12 by Dr. Jones & team."));
        assertNull(MarkupText.fold("AT&T; R&D;"), "no reference of that name");
        assertEquals("<p>a < b && c > d</p>", MarkupText.fold("<p>a &lt; b &amp;&amp; c &gt; d</p>").folded(),
                "markup characters' references are read too: only to match, the original stays where nothing is found");
        assertEquals("\nArial;\nplain ASCII only\n", MarkupText.fold(rtf("plain ASCII only")).folded(),
                "an RTF document is read as its reader sees it: no control word, no group, the font table apart");
    }

    @Test
    void rtfEscapesAreReadInTheDocumentsCodePageAndPointIntoTheOriginal() {
        String text = rtf("Patient: \\b M\\'fcller, J\\'fcrgen\\b0");
        MarkupText.Folded f = MarkupText.fold(text);
        assertTrue(f.folded().contains("Patient: Müller, Jürgen"), f.folded());
        int start = f.folded().indexOf("Müller");
        int end = start + "Müller".length();
        assertEquals("M\\'fcller", text.substring(f.originalStart(start), f.originalEnd(end)));
        assertEquals("Gr\\'fc\\'dfe", f.inForm(start, "Grüße"), "a replacement is written in the document's form");
        assertEquals("[NAME]", f.inForm(start, "[NAME]"));
    }

    @Test
    void rtfUnicodeEscapesSkipTheirFallbackAndAFontsCharsetWins() {
        // Word: a Unicode escape, then as many fallback characters as uc says (here an escape); a Central European font
        String text = "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0\\fnil Arial;}{\\f1\\fnil\\fcharset238 Arial CE;}}"
                + "\\f0 Pani \\f1 Ma\\'b3gorzata Wr\\'f3bel {\\f0 i} Ji\\u345\\'f8\\'ed \\u268?apek\\par}";
        MarkupText.Folded f = MarkupText.fold(text);
        assertTrue(f.folded().contains("Małgorzata Wróbel"), f.folded());
        assertTrue(f.folded().contains("Jiří Čapek"), f.folded());
        int at = f.folded().indexOf("Čapek");
        assertEquals("\\u268?apek", text.substring(f.originalStart(at), f.originalEnd(at + 5)));
        assertEquals("\\'b3", f.inForm(f.folded().indexOf("ł"), "ł"), "in the code page of the font in effect there");
        assertEquals("\\'80", f.inForm(0, "€"), "the document's code page before any font");
        assertEquals("{\\uc1\\u1046?}", f.inForm(f.folded().indexOf("Małgorzata"), "Ж"),
                "outside the code page: a Unicode escape in a group of its own");
    }

    @Test
    void doubleByteCodePagesAreReadAsRuns() {
        String text = "{\\rtf1\\ansi\\ansicpg932 \\'8e\\'52\\'93\\'63\\'91\\'be\\'98\\'59\\par}";
        MarkupText.Folded f = MarkupText.fold(text);
        assertTrue(f.folded().contains("山田太郎"), f.folded());
        assertEquals("\\'8e\\'52\\'93\\'63\\'91\\'be\\'98\\'59",
                text.substring(f.originalStart(f.folded().indexOf("山")), f.originalEnd(f.folded().indexOf("郎") + 1)));
    }

    @Test
    void htmlAndXmlReferencesAreReadButNotInCdataAndNotMarkups() {
        String text = "<p>J&uuml;rgen M&#252;ller, G&#xF6;ttingen &amp; &lt;b&gt; <![CDATA[M&uuml;ller]]></p>";
        MarkupText.Folded f = MarkupText.fold(text);
        assertEquals("<p>Jürgen Müller, Göttingen & <b> <![CDATA[M&uuml;ller]]></p>", f.folded());
        int at = f.folded().indexOf("Göttingen");
        assertEquals("G&#xF6;ttingen", text.substring(f.originalStart(at), f.originalEnd(at + 9)));
        assertEquals("M&#228;rz", f.inForm(at, "März"), "outside ASCII as a decimal reference");
    }

    @Test
    void knownNamesWrittenInEscapesAreReplacedAndTheMarkupStays() {
        TextScrubber s = scrubberKnowing("Müller", "[NAME]", "Jürgen", "[NAME]", "Göttingen", "[ADDRESS]");
        // the space after \\b0 is its delimiter: Word writes a second one for the text's
        assertEquals(rtf("Patient: \\b [NAME], [NAME]\\b0  aus [ADDRESS]"),
                s.scrub(rtf("Patient: \\b M\\'fcller, J\\'fcrgen\\b0  aus G\\'f6ttingen"), SUBJECT));
        assertEquals(rtf("Ehefrau: [NAME] [NAME]"), s.scrub(rtf("Ehefrau: Gisela M\\u252?ller"), SUBJECT),
                "a wife's given name after its cue too");
        assertEquals("<given>[NAME]</given><family>[NAME]</family>",
                s.scrub("<given>J&#252;rgen</given><family>M&#xFC;ller</family>", SUBJECT));
        assertEquals("<p>Herr [NAME] &amp; Frau [NAME]</p>",
                s.scrub("<p>Herr M&uuml;ller &amp; Frau M&uuml;ller</p>", SUBJECT));
        TextScrubber irish = scrubberKnowing("O'Brien", "[NAME]");
        assertEquals("<p>Mrs [NAME] &lt;mother&gt;</p>", irish.scrub("<p>Mrs O&apos;Brien &lt;mother&gt;</p>", SUBJECT));
    }

    @Test
    void theScrubbersPatternsSeeTheLettersToo() {
        TextScrubber s = scrubberKnowing("placeholder", "[X]");
        String out = s.scrub(rtf("Dr. Fran\\'e7ois Lef\\'e8vre sah den Patienten am 12.03.2023."), SUBJECT);
        assertFalse(out.contains("Lef\\'e8vre"), out);
        assertFalse(out.contains("12.03.2023"), out);
        assertTrue(out.startsWith("{\\rtf1\\ansi\\ansicpg1252"), "the RTF header stays");
    }

    /** JSON written into a text by a program (Python's json.dumps), and an export that writes line breaks as \\n. */
    @Test
    void jsonEscapesAndEscapedLineBreaksAreReadAndReplacementsWrittenAsJsonWrites() {
        String text = "{\"note\": \"Herr M\\u00fcller, Ehefrau Ji\\u0159ina\\nSohn: J\\u00fcrgen\"}";
        MarkupText.Folded f = MarkupText.fold(text);
        assertEquals("{\"note\": \"Herr Müller, Ehefrau Jiřina\nSohn: Jürgen\"}", f.folded());
        assertEquals("\\u00c4rger", f.inForm(0, "Ärger"), "outside ASCII as JSON writes it");
        TextScrubber s = scrubberKnowing("Müller", "[NAME]", "Jürgen", "[NAME]");
        String out = s.scrub(text, SUBJECT);
        assertTrue(out.startsWith("{\"note\": \"Herr [NAME], Ehefrau ") && out.endsWith("\\nSohn: [NAME]\"}"), out);
        assertEquals("Befund\\n[NAME] war da", s.scrub("Befund\\nMüller war da", SUBJECT),
                "a known name right after an escaped line break");
        assertNull(MarkupText.fold("C:\\data\\x1"), "no escape JSON or RTF writes");
        assertNull(MarkupText.fold("MSH|^~\\&|EPIC|||\rNTE|1||Av\\X65\\ry\\.br\\re: results"),
                "an HL7 message's escapes are its own (a line break escape before \"re\" is no JSON \\r)");
    }

    private static final java.util.regex.Pattern WHOLE_NAME = java.util.regex.Pattern.compile(
            "(?<![\\p{L}\\p{N}])Müller(?![\\p{L}\\p{N}])");

    /** Damaged and random escapes fold and scrub without an exception, and every folded character points into the original. */
    @Test
    void randomAndDamagedEscapesNeverBreakTheFoldOrTheScrub() {
        String[] pieces = {"&", ";", "#", "x", "&uuml;", "&#252;", "&#xFC;", "&#99999999;", "&#xD800;", "\\", "\\u",
            "\\u00fc", "\\uD83D\\uDE00", "\\'", "\\'fc", "\\'8e\\'52", "{", "}", "{\\rtf1", "\\ansicpg932 ",
            "\\ansicpg1250 ", "\\fcharset238 ", "\\f1 ", "\\fonttbl", "\\uc0 ", "\\uc2 ", "\\u-3913?", "\\u99999 ",
            "M", "ü", "ller", " ", "\\n", "<![CDATA[", "]]>", "12.03.2023", "Müller", "\\par", "}{\\insrsid2 ",
            "\\-", "\r\n", "\\b", "\\b ", "<span lang=DE>", "</span>", "<b>", "<span title='x'>", "{\\*\\bkmkstart x}",
            "{\\info{\\author ", "\\'"};
        java.util.Random random = new java.util.Random(20261205);
        TextScrubber s = scrubberKnowing("Müller", "[NAME]");
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder(round % 3 == 0 ? "{\\rtf1 " : "");
            for (int k = random.nextInt(12); k >= 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            MarkupText.Folded f = MarkupText.fold(text);
            if (f != null) {
                int before = 0;
                for (int i = 0; i < f.folded().length(); i++) {
                    int start = f.originalStart(i);
                    int end = f.originalEnd(i + 1);
                    assertTrue(start >= before && start < end && end <= text.length(), () -> "offsets of " + text);
                    before = start;
                }
            }
            String out = s.scrub(text, SUBJECT);
            assertFalse(WHOLE_NAME.matcher(MarkupText.read(out)).find(), () -> "a known name left in " + out);
            assertEquals(markup(text), markup(out), () -> "the markup of " + text + " is kept in " + out);
        }
    }

    /**
     * An RTF document's creation and revision times are dates written as control words in its info group: shifted by
     * the subject's offset as words, taken out where the text has no subject.
     */
    @Test
    void theDatesOfAnRtfInfoGroupAreShiftedAsControlWords() {
        String text = "{\\rtf1\\ansi{\\info{\\author Dr. Hartwell}{\\creatim\\yr2023\\mo3\\dy12\\hr10\\min15}"
                + "{\\revtim\\yr2023\\mo3\\dy14\\hr9\\min2}}\\pard Befund unauff\\'e4llig\\par}";
        assertEquals("\n\nDr. Hartwell\n\n 2023-03-12 \n\n 2023-03-14 \n\nBefund unauffällig\n",
                MarkupText.fold(text).folded(), "the information group's texts apart from each other and the body");
        TextScrubber s = scrubberKnowing("placeholder", "[X]");
        assertTrue(s.mayShiftDates(text));
        String shifted = s.scrub(text, new Subject("A", 44));
        assertTrue(shifted.contains("{\\creatim\\yr2023\\mo4\\dy25\\hr10\\min15}"), shifted);
        assertTrue(shifted.contains("{\\revtim\\yr2023\\mo4\\dy27\\hr9\\min2}"), shifted);
        assertTrue(shifted.endsWith("\\pard Befund unauff\\'e4llig\\par}"), shifted);
        String none = s.scrub(text, null);
        assertTrue(none.contains("{\\creatim\\hr10\\min15}") && none.contains("{\\revtim\\hr9\\min2}"), none);
    }

    /**
     * A long text of many ampersands and no reference is read in one pass (each looks ahead a name's length): the first
     * version looked for each one's semicolon to the end of the text. Not a speed target: the bound only catches a
     * pass that grows with the square of the text (milliseconds now, minutes then).
     */
    @Test
    void aLongTextOfAmpersandsIsReadInOnePass() {
        String text = "a=1&".repeat(200_000) + ";";
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> assertNull(MarkupText.fold(text)));
    }

    /** A month written with an escape is a date as the scrub reads it: the scrub depends on the subject. */
    @Test
    void aDateWithAnEscapedMonthIsShiftedPerSubjectAndNotRememberedForAll() {
        TextScrubber s = scrubberKnowing("placeholder", "[X]");
        String text = rtf("Aufnahme am 12. M\\'e4rz 2023.");
        assertTrue(s.mayShiftDates(text));
        String one = s.scrub(text, new Subject("A", 10));
        String other = s.scrub(text, new Subject("B", 40));
        assertFalse(one.contains("12. M\\'e4rz 2023"), one);
        assertFalse(one.equals(other), "each subject's own offset");
    }

    @Test
    void aTextTheScrubberLeavesIsReturnedAsWritten() {
        TextScrubber s = scrubberKnowing("Müller", "[NAME]");
        String text = rtf("Befund: unauff\\'e4llig, keine \\u8220?Auff\\'e4lligkeiten\\u8221?.");
        assertSame(text, s.scrub(text, SUBJECT));
        String html = "<p>Befund: unauff&auml;llig &ndash; keine Auff&auml;lligkeiten.</p>";
        assertSame(html, s.scrub(html, SUBJECT));
    }

    @Test
    void keptValuesLoseKnownIdentifiersWrittenInEscapes() {
        TextScrubber s = scrubberKnowing("Müller", "[NAME]");
        assertEquals("Station [NAME]", s.scrubKnownIdentifiers("Station M&#252;ller"));
        assertEquals("Station Meyer", s.scrubKnownIdentifiers("Station Meyer"));
    }

    /** The tags and RTF groups of a text, in order: what a replacement must keep (an RTF document's groups only). */
    private static String markup(String text) {
        StringBuilder b = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(MarkupText.isRtf(text) ? "(?<!\\\\)[{}]"
                : "</?span[^<>]*>|</?b>|(?<!\\\\)[{}]").matcher(text);
        while (m.find()) {
            b.append(m.group());
        }
        return b.toString();
    }

    /**
     * Decision 0168: Word and rich-text editors split a word into runs where its formatting, language or editing
     * session changes — RTF groups with revision marks, HTML spans, CDA's content elements, an optional hyphen, a line
     * break in RTF's source. A reader sees one word; so does the scrubber, and the replacement keeps every tag and
     * group where it was.
     */
    @Test
    void aNameSplitByFormattingRunsIsOneWordAndItsMarkupStays() {
        TextScrubber s = scrubberKnowing("Müller", "[NAME]", "Schneider", "[NAME]", "Kowalski", "[NAME]",
                "Nowak", "[NAME]");
        assertEquals("{\\rtf1\\ansi\\ansicpg1252 {\\rtlch\\fcs1 \\af0 \\insrsid1 Frau [NAME]}{\\rtlch\\fcs1 \\af0 "
                + "\\insrsid2 }{\\insrsid1 , 54 J.\\par}}",
                s.scrub("{\\rtf1\\ansi\\ansicpg1252 {\\rtlch\\fcs1 \\af0 \\insrsid1 Frau M}{\\rtlch\\fcs1 \\af0 "
                        + "\\insrsid2 \\'fcller}{\\insrsid1 , 54 J.\\par}}", SUBJECT));
        assertEquals("<p class=MsoNormal><span lang=DE>Herr [NAME]</span><span lang=DE style='color:red'></span>"
                + " klagt.</p>", s.scrub("<p class=MsoNormal><span lang=DE>Herr Schn</span><span lang=DE "
                + "style='color:red'>eider</span> klagt.</p>", SUBJECT));
        assertEquals("<text>Herr <content styleCode=\"Bold\">[NAME]</content>: stabil</text>",
                s.scrub("<text>Herr <content styleCode=\"Bold\">Kow</content>alski: stabil</text>", SUBJECT));
        assertEquals("{\\rtf1 Frau [NAME]\\-, stabil\\par}", s.scrub("{\\rtf1 Frau No\\-wak, stabil\\par}", SUBJECT),
                "an optional hyphen");
        assertEquals("{\\rtf1 Herr [NAME]\r\n, stabil\\par}", s.scrub("{\\rtf1 Herr Kowal\r\nski, stabil\\par}",
                SUBJECT), "a line break in RTF's source");
        assertEquals("{\\rtf1 Frau [NAME]{\\*\\bkmkstart _GoBack}{\\*\\bkmkend _GoBack}, stabil\\par}",
                s.scrub("{\\rtf1 Frau No{\\*\\bkmkstart _GoBack}{\\*\\bkmkend _GoBack}wak, stabil\\par}", SUBJECT),
                "Word's bookmark where the writer last typed");
        assertEquals("<p>Frau [NAME]<a name=\"_GoBack\"></a>, stabil</p>",
                s.scrub("<p>Frau No<a name=\"_GoBack\"></a>wak, stabil</p>", SUBJECT), "and in Word's HTML");
    }

    @Test
    void destinationsAndParagraphsStayApartAndTagsThatCarryTextAreMatchedAsWritten() {
        MarkupText.Folded f = MarkupText.fold("{\\rtf1{\\info{\\author Anna}{\\operator Nowak}}{\\b Jan}\\par Kowalski"
                + "\\line Ewa\\tab Lis\\emdash ok {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt Ola}}}");
        assertEquals("\n\nAnna\n\nNowak\n\nJan\nKowalski\nEwa\tLis\u2014ok \n\nHYPERLINK x\n\nOla\n\n", f.folded());
        assertNull(MarkupText.fold("HbA1c <7 %, Ferritin < 10, a<b, x <br> y <p>"), "no inline tag there");
        assertEquals("<a href=\"mailto:jan@x.org\">Jan <span title=\"Jan Kowalski\">JK",
                MarkupText.read("<a href=\"mailto:jan@x.org\">Jan</a> <span title=\"Jan Kowalski\">JK</span>"),
                "a link and a title hold text: they stay to be matched (their ends hold none)");
        assertEquals("x<a name=\"Jan Kowalski\">y", MarkupText.read("x<a name=\"Jan Kowalski\"></a>y"),
                "a name of words is no bookmark: its tag stays to be matched");
        assertEquals("Foxglove", MarkupText.read("Fox<a name=\"_GoBack\"></a>glove"));
        assertEquals("<![CDATA[Schn<b>eider]]> Schneider",
                MarkupText.read("<![CDATA[Schn<b>eider]]> Schn<b>eider"), "not in CDATA");
    }

    /** In markup, a replacement's own markup characters are written as references: the markup stays well-formed. */
    @Test
    void aReplacementInMarkupIsWrittenAsText() {
        MarkupText.Folded f = MarkupText.fold("<p>Geb. <b>12.03.1931</b></p>");
        int at = f.folded().indexOf("12.03.1931");
        assertEquals("&lt;=1936", f.rewrite(at, at + 10, "<=1936"));
        MarkupText.Folded json = MarkupText.fold("{\"n\": \"J\\u00fcrgen <5\"}");
        assertEquals("<=1936", json.inForm(0, "<=1936"), "JSON in a text is no markup");
    }

    /** A replacement that would run into a control word before or after it gets a space, RTF's delimiter. */
    @Test
    void aReplacementIsNotReadAsPartOfAControlWord() {
        String text = "{\\rtf1\\ansi\\b\\'d6zdemir\\b0\\'e7 ok}";
        MarkupText.Folded f = MarkupText.fold(text);
        int at = f.folded().indexOf("Özdemir");
        assertEquals(" KX7", f.rewrite(at, at + 7, "KX7"), "after \\b");
        assertEquals("{\\rtf1\\ansi\\b KX7\\b0\\'e7 ok}", text.substring(0, f.originalStart(at))
                + f.rewrite(at, at + 7, "KX7") + text.substring(f.originalEnd(at + 7)));
        MarkupText.Folded g = MarkupText.fold("{\\rtf1 M{\\b\\'fc}ller ok}");
        int m = g.folded().indexOf("Müller");
        assertEquals("[NAME]{\\b}", g.rewrite(m, m + 6, "[NAME]"));
        MarkupText.Folded h = MarkupText.fold("{\\rtf1 Jan M{\\b\\'fc}\\b0 ller}");
        int j = h.folded().indexOf("Jan");
        assertEquals("X{\\b}\\b0 ", h.rewrite(j, j + 10, "X"), "the kept \\b0 keeps its space before the next text");
    }

    /**
     * Decision 0170: a document names its author and last editor in its own markup — RTF's information group, Word's
     * and Office's document properties, an HTML meta element — with a user's name or login the run knows nothing of.
     * They are replaced whole; the document's title and the body stay.
     */
    @Test
    void aDocumentsAuthorAndLastEditorAreReplacedWhole() {
        TextScrubber s = scrubberKnowing("placeholder", "[X]");
        String rtf = "{\\rtf1\\ansi{\\info{\\title Discharge letter}{\\author qvandersloot}{\\operator Quintessa "
                + "Vandersloot}{\\manager   }{\\*\\company Mercy West}}\\pard Stable.\\par}";
        assertEquals("{\\rtf1\\ansi{\\info{\\title Discharge letter}{\\author [NAME]}{\\operator [NAME]}{\\manager   }"
                + "{\\*\\company Mercy West}}\\pard Stable.\\par}", s.scrub(rtf, SUBJECT));
        String html = "<html><head><meta name=\"author\" content=\"Bartholomew Okonkwo\"><!--[if gte mso 9]><xml>"
                + "<o:DocumentProperties><o:Author>Bartholomew Okonkwo</o:Author><o:LastAuthor>Zabriskie, Thaddeus"
                + "</o:LastAuthor><o:Revision>2</o:Revision></o:DocumentProperties></xml><![endif]--></head><body>"
                + "<p class=MsoNormal>Stable.</p></body></html>";
        assertEquals("<html><head><meta name=\"author\" content=\"[NAME]\"><!--[if gte mso 9]><xml>"
                + "<o:DocumentProperties><o:Author>[NAME]</o:Author><o:LastAuthor>[NAME]</o:LastAuthor>"
                + "<o:Revision>2</o:Revision></o:DocumentProperties></xml><![endif]--></head><body>"
                + "<p class=MsoNormal>Stable.</p></body></html>", s.scrub(html, SUBJECT));
        assertEquals("<cp:coreProperties><dc:creator>[NAME]</dc:creator><cp:lastModifiedBy>[NAME]</cp:lastModifiedBy>"
                + "</cp:coreProperties>", s.scrub("<cp:coreProperties><dc:creator>jdoe</dc:creator><cp:lastModifiedBy>"
                + "J&#246;rg Doe</cp:lastModifiedBy></cp:coreProperties>", SUBJECT));
        assertEquals("<p>The author: Dr. [NAME]</p>", s.scrub("<p>The author: Dr. Okonkwo</p>", SUBJECT),
                "a word in the text is no property");
    }
}
