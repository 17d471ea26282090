package org.deidworkbench.deid.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vietnamese header words and the English words they stand for (decision 0246), as {@link CyrillicGreekHeaders} reads
 * Russian and Greek ones: the hints then come from the English words. Vietnamese writes one syllable per word and a
 * term takes several ({@code Họ và tên}, {@code Số điện thoại}); the social insurance's claims files write them in
 * ASCII capitals ({@code HO_TEN}, {@code NGAY_SINH}, {@code MA_THE}). The header's syllables are compared without tone
 * marks and diacritics ({@code đ} as {@code d}). A phrase of two syllables or more counts in any header (none is an
 * English or other word pair); a term of one syllable only where the header is written with Vietnamese letters, or is
 * an abbreviation no other language writes ({@code SĐT}, {@code CCCD}, {@code BHYT}). Immutable and thread-safe.
 */
final class VietnameseHeaders {

    /** {syllables, English words...}; longest first where one phrase holds another. */
    private static final String[][] PHRASES = {
        // names: the full name (họ và tên, họ tên), a relative's (họ tên cha, mẹ), the patient's (tên bệnh nhân)
        {"ho khau", "address"}, {"ho va ten", "surname"}, {"ho ten", "surname"}, {"hoten", "surname"}, {"ten benh nhan", "surname", "patient"},
        {"ten nguoi benh", "surname", "patient"}, {"ten bn", "surname", "patient"}, {"ten dem", "middle"},
        {"ten lot", "middle"},
        // a disease's and a drug's name are no person's: a diagnosis, a code's label
        {"ten benh", "diag"}, {"chan doan", "diag"}, {"ma benh", "icd"}, {"ma icd", "icd"}, {"ma benhkhac", "icd"},
        // the patient's and the stay's numbers; the insurance card (mã thẻ, số thẻ BHYT)
        {"ma benh nhan", "mrn"}, {"ma nguoi benh", "mrn"}, {"ma bn", "mrn"}, {"ma yt", "mrn"}, {"so benh an", "mrn"},
        {"ma benh an", "mrn"}, {"so ho so", "mrn"}, {"so luu tru", "mrn"}, {"ma lk", "encounter", "id"},
        {"ma luot kham", "encounter", "id"}, {"so vao vien", "admission", "id"}, {"ma the", "insurance"},
        {"so the", "insurance"}, {"bao hiem", "insurance"}, {"can cuoc", "ssn"}, {"chung minh", "ssn"},
        {"dinh danh", "ssn"}, {"ho chieu", "passport"},
        // dates
        {"ngay thang nam sinh", "birth"}, {"ngay sinh", "birth"}, {"nam sinh", "yob"}, {"ngay vao", "admission",
            "date"}, {"ngay ra", "discharge", "date"}, {"ngay kham", "date"}, {"thoi gian", "time"},
        {"gt the tu", "date"}, {"gt the den", "date"},
        // contact and address
        {"so dien thoai", "phone"}, {"dien thoai", "phone"}, {"di dong", "mobile"}, {"so dt", "phone"},
        {"dia chi", "address"}, {"noi o", "address"}, {"cho o", "address"}, {"thuong tru", "address"},
        {"tam tru", "address"}, {"quan huyen", "district"}, {"phuong xa", "commune"}, {"thi xa", "district"},
        {"thon xom", "village"}, {"to dan pho", "village"},
        // persons: a relative, a guardian, the one to call; the physician, the nurse, who wrote or signed
        {"nguoi than", "relative"}, {"nguoi nha", "relative"}, {"nguoi giam ho", "guardian"},
        {"nguoi lien he", "contact"}, {"nguoi bao lanh", "guarantor"}, {"bac si", "physician"},
        {"bac sy", "physician"}, {"dieu duong", "nurse"}, {"nguoi lap", "author"}, {"nguoi ky", "signer"},
        {"nguoi nhap", "entered", "by"},
        // the person's categories
        {"gioi tinh", "sex"}, {"dan toc", "ethnicity"},
        // notes: a remark, the course (diễn biến), a summary, a conclusion, the history
        {"ghi chu", "note"}, {"dien bien", "note"}, {"tom tat", "summary"}, {"ket luan", "report"},
        {"nhan xet", "remark"}, {"benh su", "history"}, {"loi dan", "note"},
        // phrases that only keep their syllables from counting alone: a method, a relationship, a drug's, a test's and a
        // service's name, blood pressure
        {"phuong phap"}, {"quan he"}, {"ten thuoc"}, {"ten xet nghiem", "analyse"}, {"ten dich vu"}, {"huyet ap"},
        // measures and amounts (the 4210 claims' T_TONGCHI, T_BHTT, T_BNCCT)
        {"can nang", "weight"}, {"chieu cao", "height"}, {"so ngay", "days"}, {"thanh tien", "amount"},
        {"so tien", "amount"}, {"don gia", "price"}, {"tong chi", "total"}, {"ket qua", "result"},
        {"don vi", "units"}, {"chi so", "value"}};

    /**
     * {syllable, English words...}: one syllable, only in a header with Vietnamese letters (or {@link #ALONE}). Not the
     * kin words (vợ, chồng, mẹ): without their marks they are "vô" (vô cảm, anaesthesia), "chống" (chống chỉ định) and
     * "mê" (gây mê).
     */
    private static final String[][] SYLLABLES = {
        {"sdt", "phone"}, {"dtdd", "mobile"}, {"cccd", "ssn"}, {"cmnd", "ssn"}, {"cmt", "ssn"}, {"bhyt", "insurance"},
        {"tongchi", "total"}, {"bhtt", "amount"}, {"bncct", "amount"}, {"bntt", "amount"},
        {"tuoi", "age"}, {"ngay", "date"}, {"gio", "time"}, {"bs", "physician"}};

    /** Abbreviations that are Vietnamese in any header, even in ASCII capitals. */
    private static final java.util.Set<String> ALONE = java.util.Set.of("sdt", "dtdd", "cccd", "cmnd", "bhyt",
            "tongchi", "bhtt", "bncct", "bntt");

    /**
     * The administrative units below the province: a ward (phường), a commune (xã), a district (quận, huyện), a
     * township (thị trấn), a hamlet (thôn, ấp). Their syllables mean other things too ("phương pháp", "quan hệ", "huyết
     * áp"), so they count only in a header of nothing else ({@code Phường/Xã}, {@code Quận}).
     */
    private static final java.util.Map<String, String> UNITS = java.util.Map.of("phuong", "commune", "xa", "commune",
            "quan", "district", "huyen", "district", "thon", "village", "ap", "village", "thi", "district", "tran",
            "district");

    private VietnameseHeaders() {
    }

    /**
     * Adds the English words of a header's Vietnamese terms to {@code words} (lower case, as {@link HeaderHints#words}
     * splits them, after the header was composed to NFC).
     */
    static void addEnglishWords(String header, List<String> words) {
        boolean letters = vietnameseLetters(header);
        List<String> syllables = new ArrayList<>(words.size());
        boolean any = letters;
        for (String w : words) {
            String s = plain(w);
            syllables.add(s);
            any |= ALONE.contains(s);
        }
        String joined = " " + String.join(" ", syllables) + " ";
        List<String> english = new ArrayList<>();
        boolean phrase = false;
        for (String[] p : PHRASES) {
            int at = joined.indexOf(" " + p[0] + " ");
            if (at >= 0) {
                phrase = true;
                for (int i = 1; i < p.length; i++) {
                    english.add(p[i]);
                }
                // a phrase's syllables count once: "tên bệnh" is no "tên" of its own
                joined = joined.substring(0, at) + " |" + " ".repeat(p[0].length()) + joined.substring(at + p[0].length() + 1);
            }
        }
        String[] rest = joined.trim().split(" +");
        if (any || phrase && letters) {
            for (String r : rest) {
                for (String[] t : SYLLABLES) {
                    if (r.equals(t[0]) && (letters || ALONE.contains(r))) {
                        for (int i = 1; i < t.length; i++) {
                            english.add(t[i]);
                        }
                    }
                }
            }
        }
        if (letters && syllables.size() == 1) {
            // "Họ" and "Tên" alone are a surname's and a given name's columns; "Tên thuốc" is a drug's
            if (syllables.get(0).equals("ho")) {
                english.add("surname");
            } else if (syllables.get(0).equals("ten")) {
                english.add("first");
            }
        }
        if (letters && !syllables.isEmpty() && syllables.stream().allMatch(UNITS::containsKey)) {
            syllables.forEach(u -> english.add(UNITS.get(u)));
        }
        for (String e : english) {
            if (!words.contains(e)) {
                words.add(e);
                if ((e.equals("surname") || e.equals("first") || e.equals("middle")) && !words.contains("name")) {
                    words.add("name");
                }
            }
        }
    }

    /** Whether the text has a letter only Vietnamese writes among the Latin scripts' languages, or a tone mark on one. */
    static boolean vietnameseLetters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'đ' || c == 'Đ' || c == 'ư' || c == 'Ư' || c == 'ơ' || c == 'Ơ'
                    || c >= '\u1EA0' && c <= '\u1EF9') { // the Latin Extended Additional block's Vietnamese letters
                return true;
            }
        }
        return false;
    }

    /** A syllable lower case, without its tone mark and diacritics, {@code đ} as {@code d}. */
    static String plain(String w) {
        String d = Normalizer.normalize(w.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c == 'đ' ? 'd' : c);
            }
        }
        return b.toString();
    }
}
