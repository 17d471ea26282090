package org.deidworkbench.deid.classify;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a column header suggests, in English, German, French, Dutch, the Scandinavian languages, Italian, Spanish,
 * Portuguese and Polish, and in the usual spellings (snake_case,
 * camelCase, UPPERCASE, abbreviations such as {@code FIRST}, {@code DOB}, {@code PID}, German
 * compounds such as {@code Versichertennummer}). A hint is evidence, never a decision: the values
 * decide together with it. Immutable and thread-safe.
 */
public final class HeaderHints {

    /** One kind of evidence a header gives. */
    public enum Hint {
        /** first/last/given/family name, Vorname, Nachname: a person's name column. */
        NAME_PART,
        /** name, patient, physician, provider, contact, guardian: a person, as a name or an id. */
        PERSON_ROLE,
        ID, BIRTH, DATE, ADDRESS, PLACE, ZIP, PHONE, EMAIL, NATIONAL_ID, GEO, TEXT, CODE, MEASURE, BOOLEAN,
        /** title, type, kind, class, category: a short label, even of a text ("note_title"). */
        KIND
    }

    private static final Set<String> NAME_PART = Set.of("first", "last", "middle", "given", "family", "surname",
            "surnames", "maiden", "fname", "lname", "mname", "forename", "forenames", "firstname", "lastname",
            "givenname", "familyname", "middlename", "vorname", "vornamen", "nachname", "familienname", "geburtsname",
            "rufname", "initials", "nickname",
            // French, Dutch, Swedish, Norwegian, Danish
            "nom", "prenom", "prénom", "prenoms", "prénoms", "patronyme", "voornaam", "voornamen", "achternaam",
            "geslachtsnaam", "roepnaam", "tussenvoegsel", "fornamn", "förnamn", "efternamn", "mellannamn", "fornavn",
            "efternavn", "etternavn", "mellemnavn", "mellomnavn",
            // Italian, Spanish (APELLIDO1, APELLIDO2: two surnames), Portuguese, Polish (decision 0119)
            "cognome", "cognomi", "nome", "apellido", "apellidos", "nombre", "nombres", "sobrenome", "apelido",
            "nazwisko", "imie", "imię", "imiona",
            // Turkish ADI, SOYADI (ADI_SOYADI), İSİM (decision 0125)
            "adi", "adı", "soyadi", "soyadı", "soyad", "isim", "ismi",
            // Japanese 氏名 and its reading フリガナ, Chinese 姓名, Korean 성명 (decision 0127: their words are romanised)
            "shimei", "furigana", "xingming", "seongmyeong",
            // Arabic الاسم (ism) and Hebrew שם (shem), the name (decision 0132: their words are romanised)
            "ism", "shem");
    private static final Set<String> PERSON_ROLE = Set.of("name", "names", "patient", "pat", "pt", "person",
            "physician", "doctor", "doc", "arzt", "aerztin", "ärztin", "provider", "practitioner", "clinician",
            "nurse", "author", "signer", "referrer", "attending", "surgeon", "guardian", "contact", "mother", "father",
            "spouse", "kin", "relative", "caregiver", "angehöriger", "angehoeriger", "betreuer", "versicherter",
            "subscriber", "informant", "emergency", "medecin", "médecin", "auteur",
            "redacteur", "rédacteur", "naam", "namn", "navn", "arts", "huisarts", "lakare", "läkare", "lege", "laege",
            "læge", "signerad", "signert", "signeret", "signatur",
            // a claims-linked registry's care or case manager (CARE_MGR), coordinator, social worker
            "manager", "mgr", "coordinator", "worker", "caseworker",
            // Cerner Millennium's personnel (PERFORMED_PRSNL_ID, VERIFIED_PRSNL_ID; decision 0120)
            "prsnl", "personnel",
            // Italian, Spanish, Portuguese, Polish: the patient, the physician (medico, facultativo), the author
            "paziente", "paciente", "pacjent", "utente", "medico", "médico", "facultativo", "lekarz", "autore",
            "firmatario", "refertante", "infermiere", "enfermera", "enfermero",
            // Brazil's PROFISSIONAL, Turkey's HASTA (patient) and HEKIM (physician), India's CONSULTANT (decision 0125)
            "profissional", "hasta", "hekim", "doktor", "consultant",
            // a German letter's author (Verfasser, Verfasserin) and a surgeon (Operateur; decision 0150)
            "verfasser", "verfasserin", "operateur",
            // the person who pays or holds the policy: a dental or practice system's Guarantor, the insured (decision 0195)
            "guarantor", "guar", "insured", "policyholder",
            // an operating room's and a department's staff by their trade, a case log's ANESTHESIOLOGIST "TREMBLAY-OKORO,
            // FENELLA" (decision 0235)
            "anesthesiologist", "anaesthesiologist", "anesthetist", "anaesthetist", "crna", "radiologist",
            "pathologist", "cardiologist", "hospitalist", "intensivist", "proceduralist", "perfusionist", "circulator",
            "technologist", "therapist", "pharmacist", "midwife", "dentist", "hygienist", "psychiatrist",
            "psychologist", "obstetrician", "pediatrician", "paediatrician", "oncologist", "neurologist", "urologist",
            "resident", "fellow", "intern", "dietitian", "chaplain", "interpreter",
            // Malay and Indonesian: the name (nama), the patient (pesakit, pasien), the insured (peserta), the spouse
            // (suami, isteri, istri), the next of kin (waris), a guardian (penjaga), a nurse (jururawat, perawat), a
            // midwife (bidan); Filipino: the name (pangalan) (decision 0244)
            "nama", "pesakit", "pasien", "peserta", "suami", "isteri", "istri", "waris", "penjaga", "jururawat",
            "perawat", "bidan", "pangalan");
    private static final Set<String> ID = Set.of("id", "ids", "key", "pid", "mrn", "uuid", "guid", "nr", "no", "num",
            "nbr", "number", "nummer", "identifier", "kennung", "npi", "fin", "csn", "ident", "kz", "pk", "fk",
            // an enterprise master patient index's number (EMPI, MPI) and a warehouse's surrogate key (PERSON_SK;
            // decision 0173)
            "empi", "mpi", "sk",
            // VistA's patient file entry number (DFN) and the lab's (LRDFN; decision 0181). Not IEN or ICN: as id words of
            // a person's header they made the warehouse's PatientIEN its patient table's key in place of PatientSID
            "dfn", "lrdfn",
            // a trial's subject number under a header of its own (Medidata Rave's Subject "101-001"; decision 0175)
            "subject",
            // a hospital's patient number (IPP, NIP) and the Nordic and Dutch personal numbers that exports use as
            // the patient key (personnummer YYMMDD-NNNN, CPR, fødselsnummer, BSN)
            "ipp", "nip", "numero", "numéro", "personnummer", "personnr", "pnr", "fodselsnummer",
            "fødselsnummer", "bsn", "burgerservicenummer", "hetu", "henkilotunnus", "henkilötunnus",
            // Cerner Millennium's PERSON_ALIAS.ALIAS: the MRN, the FIN number, the SSN under one header (decision 0120)
            "alias",
            // an Italian admission's number (numero nosologico), a Spanish clinical history number (NHC)
            "nosologico", "nosologica", "nhc",
            // a Brazilian hospital's record number (prontuário), a Portuguese episode and record number (processo), an
            // Indian hospital's UHID (unique health id) and a Turkish protocol number (decision 0125)
            "prontuario", "prontuário", "episodio", "episódio", "processo", "uhid", "protokol",
            // a Mexican chart's expediente and folio, a Thai hospital's patient (HN), admission (AN) and visit (VN)
            // numbers, "Nro" (decision 0133)
            "expediente", "folio", "hn", "an", "vn", "nro",
            // the German § 21 KHEntgG data set's case key, KH-internes-Kennzeichen (decision 0150)
            "kennzeichen",
            // a Sri Lankan inpatient's bed head ticket number (BHT No; decision 0247)
            "bht");
    private static final Set<String> BIRTH = Set.of("birth", "dob", "yob", "born", "geburt", "geburtsdatum", "geb",
            "geburtstag", "birthdate", "birthday", "gebdat", "naissance", "ddn", "geboortedatum", "geboren",
            "fodelsedatum", "födelsedatum", "fodselsdato", "fødselsdato", "fodt", "født",
            "nascita", "nacimiento", "nascimento", "urodzenia", "urodzenie",
            // Brazil's DT_NASC, Turkey's DOGUM_TARIHI (decision 0125)
            "nasc", "dogum", "doğum",
            // Malay "tarikh lahir", Indonesian "tanggal lahir" (TGL_LAHIR), Filipino "kapanganakan" (decision 0244)
            "lahir", "kapanganakan");
    private static final Set<String> DATE = Set.of("date", "dt", "dttm", "datum", "day", "time", "datetime",
            "timestamp", "ts", "zeit", "zeitpunkt", "start", "stop", "end", "begin", "beginn", "ende", "onset",
            "created", "updated", "von", "bis", "seit", "am", "tag", "uhrzeit", "dato", "datetid", "tijd", "heure",
            // Italian, Portuguese and Polish "data", Spanish "fecha" (a hint for empty columns only: values decide)
            "data", "fecha", "ora", "hora",
            // Malay "tarikh", Indonesian "tanggal" and "tgl", Filipino "petsa" (decision 0244)
            "tarikh", "tanggal", "tgl", "petsa");
    /** Header words that name a street or an address itself (not its number, a line or a kind of one). */
    private static final Set<String> STREET_OR_ADDRESS = Set.of("address", "addr", "street", "straße", "strasse",
            "str", "adresse", "anschrift", "wohnadresse", "adress", "adres", "rue", "voie", "straat", "gatuadress",
            "gateadresse", "vej", "indirizzo", "direccion", "dirección", "domicilio", "calle", "endereco", "endereço",
            "morada", "ulica", "logradouro",
            // Malay and Indonesian "alamat", Filipino "tirahan" (decision 0244)
            "alamat", "tirahan");
    private static final Set<String> ADDRESS = union(STREET_OR_ADDRESS, "hausnummer", "hausnr", "line", "huisnummer",
            // a Bangladeshi or Indian "Village/Road" (decision 0247)
            "road");
    /** Words for a street only, besides {@link #STREET_OR_ADDRESS} (Nordic street names stand apart from the number). */
    private static final Set<String> STREET = union(STREET_OR_ADDRESS, "gata", "gate", "vejnavn", "gatenavn");

    private static Set<String> union(Set<String> words, String... more) {
        Set<String> all = new java.util.HashSet<>(words);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
    private static final Set<String> PLACE = Set.of("city", "town", "ort", "stadt", "wohnort", "county",
            "birthplace", "geburtsort", "municipality", "gemeinde", "kreis", "landkreis", "village", "district",
            "bezirk", "suburb", "locality", "place", "ortsteil", "ville", "commune", "stad", "woonplaats", "plaats",
            "postort", "poststed", "postdistrikt", "kommune", "kommun", "comune", "citta", "città", "localita",
            "località", "municipio", "localidad", "ciudad", "poblacion", "población", "cidade", "concelho", "freguesia",
            "miejscowosc", "miejscowość", "miasto", "gmina",
            // a Brazilian neighbourhood (bairro), a Turkish district (ilçe) and neighbourhood (mahalle) (decision 0125)
            "bairro", "ilce", "ilçe", "mahalle",
            // a Chilean comuna, a Mexican colonia and alcaldía (decision 0133)
            "comuna", "colonia", "alcaldia", "alcaldía",
            // a Malaysian town (bandar), district (daerah) and parish (mukim); an Indonesian village (kelurahan, desa),
            // subdistrict (kecamatan), regency (kabupaten, KAB_KOTA) and city (kota); a Philippine barangay, its purok
            // and sitio, a city (lungsod) and town (bayan) (decision 0244)
            "bandar", "daerah", "mukim", "kampung", "kelurahan", "desa", "kecamatan", "kabupaten", "kab", "kota",
            "barangay", "brgy", "bgy", "purok", "sitio", "lungsod", "bayan",
            // a Nigerian local government area (LGA) and a Kenyan sub-county (decision 0245)
            "lga", "subcounty",
            // a Pakistani tehsil, an Indian taluka, a Bangladeshi upazila, thana and zila, a mouza, a mohalla (decision
            // 0247)
            "tehsil", "taluka", "taluk", "upazila", "upozila", "thana", "zila", "zilla", "mouza", "mohalla", "mohallah");
    private static final Set<String> ZIP = Set.of("zip", "zipcode", "postal", "postcode", "plz", "postleitzahl", "postnummer", "postnr", "postkod",
            // Italian CAP (codice di avviamento postale), Spanish CP, Brazilian CEP, Polish kod pocztowy
            "cap", "cp", "cep", "pocztowy",
            // an Indian PIN code (PIN_CODE, PINCODE), a Turkish posta kodu (decision 0125)
            "pin", "pincode", "posta",
            // a Malaysian poskod, an Indonesian kodepos (KODE_POS: below) (decision 0244)
            "poskod", "kodepos");
    private static final Set<String> PHONE = Set.of("phone", "tel", "telefon", "telephone", "fax", "telefax", "mobile",
            "mobil", "handy", "cell", "rufnummer", "telefonnummer", "pager", "téléphone", "portable", "telefoon", "mobiel",
            "mobilnummer", "mobiltelefon", "tlf", "telefono", "teléfono", "cellulare", "movil", "móvil",
            "celular", "telemovel", "telemóvel", "telefonu",
            // Chile's "fono" (decision 0133)
            "fono",
            // Indonesian "telepon", "telp" and the mobile ("NO_HP", "handphone"), Malay "telefon bimbit" (decision 0244)
            "telepon", "telp", "hp", "handphone", "bimbit");
    private static final Set<String> EMAIL = Set.of("email", "mail", "emailadresse", "courriel", "epost", "correo");
    private static final Set<String> NATIONAL_ID = Set.of("ssn", "social", "versichertennummer",
            "versicherungsnummer", "kvnr", "svnr", "sozialversicherungsnummer", "rentenversicherungsnummer",
            "passport", "reisepass", "drivers", "driver", "license", "licence", "fuehrerschein", "führerschein",
            "steuernummer", "steuerid", "taxid", "nino", "nhs", "personalausweis", "ausweis", "ausweisnummer",
            "medicare", "medicaid", "insurance", "policy", "member", "nir", "insee", "secu",
            "sécu", "avs", "ahv",
            // the insurance card's number: Switzerland's Versichertenkarte, Germany's eGK (decision 0179)
            "versichertenkarte", "versichertenkartennummer", "gesundheitskarte", "egk",
            // Italian codice fiscale and health card (tessera sanitaria, TEAM), Spanish DNI, NIE, NIF, NUSS/NAF and
            // the health card's code (TSI), Portuguese NIF and SNS number, Polish PESEL (decision 0119)
            "fiscale", "tessera", "dni", "nie", "nif", "nuss", "naf", "tsi", "tarjeta", "pesel",
            // Brazil's CPF, CNS (Cartão Nacional de Saúde, the SUS card), RG (identity card) and a physician's CRM
            // registration; Turkey's TC Kimlik No (TCKN); India's Aadhaar, ABHA number and PAN (decision 0125)
            "cpf", "cns", "rg", "sus", "crm", "kimlik", "tckn", "aadhaar", "aadhar", "abha", "pan",
            // Australia's Individual Healthcare Identifier and DVA file number, Canada's provincial health card number
            // (HCN, Ontario's OHIP, BC's PHN, Quebec's RAMQ) and Social Insurance Number (decision 0123)
            "ihi", "dva", "hcn", "ohip", "phn", "ramq", "sin",
            // Mexico's CURP, RFC and IMSS number (NSS), Chile's RUT and RUN, Argentina's CUIL and CUIT, Colombia's
            // cédula, an identity document's number and a health plan's affiliate number (decision 0133)
            "curp", "rfc", "nss", "imss", "rut", "run", "cuil", "cuit", "cedula", "cédula", "documento", "afiliado",
            "afiliacion", "afiliación",
            // Singapore's NRIC, Malaysia's MyKad and MyKid, Indonesia's NIK, KTP and BPJS card (kartu), the
            // Philippines' PhilHealth, UMID, SSS and GSIS numbers (decision 0244)
            "nric", "mykad", "mykid", "kad", "pengenalan", "nik", "ktp", "bpjs", "kartu", "philhealth", "umid", "sss",
            "gsis",
            // Nigeria's NIN, the Nigerian and Ghanaian health insurance (NHIS) and Kenya's (NHIF) numbers (decision 0245)
            "nin", "nhis", "nhif",
            // Pakistan's CNIC (NADRA's), Bangladesh's NID, Sri Lanka's NIC (decision 0247)
            "cnic", "nadra", "nid", "nic");
    private static final Set<String> GEO = Set.of("lat", "lon", "lng", "latitude", "longitude", "breitengrad",
            "laengengrad", "längengrad", "coordinates", "geo", "gps");
    private static final Set<String> TEXT = Set.of("note", "notes", "text", "comment", "comments", "kommentar",
            "bemerkung", "bemerkungen", "befund", "befundtext", "freitext", "narrative", "remark", "remarks", "memo",
            "report", "summary", "anamnese", "epikrise", "brief", "message", "nachricht", "verlauf", "findings",
            "impression", "assessment", "plan", "history", "texte", "commentaire",
            "anteckning", "journaltext", "notat", "notitie", "opmerking", "tekst", "testo", "texto", "referto", "informe",
            "nota", "notas", "anamnesi", "anamnesis", "osservazioni", "observaciones", "epicrisis", "diario", "uwagi",
            "opis",
            // a Latin American progress note (evolución) (decision 0133)
            "evolucion", "evolución",
            // Indonesian "catatan" and "keterangan", Malay "ulasan" (decision 0244)
            "catatan", "keterangan", "ulasan");
    private static final Set<String> CODE = Set.of("code", "codes", "icd", "loinc", "snomed", "sct", "rxnorm", "cvx",
            "ndc", "atc", "ops", "concept", "cpt", "hcpcs", "drg", "schluessel", "schlüssel", "kode", "kodierung", "cim", "ccam", "kod", "diagnoskod", "npu", "analys",
            "analyse", "analysekode",
            // Brazil's SIGTAP procedure table (decision 0125), Korea's KCD (its ICD-10), Japan's JLAC10 lab codes
            // (decision 0127)
            "sigtap", "kcd", "jlac");
    /**
     * Abbreviations that name a coded diagnosis or procedure in claims and registry extracts (HES's {@code DIAG_4_01},
     * {@code OPERTN_4_01}, PCORnet's {@code dx}): a code, unless the header also names an id ({@code DIAG_ID} is the
     * number of a diagnosis record).
     */
    private static final Set<String> CODED = Set.of("diag", "dx", "opertn", "opcs", "hrg",
            // SIH/SUS's PROC_REA and PROC_SOLIC (the procedure done and asked for: SIGTAP codes), Turkish TANI (a
            // diagnosis) (decision 0125)
            "proc", "procedimento", "tani", "tanı",
            // an Indonesian claim's DIAGNOSA (decision 0244)
            "diagnosa",
            // an Australian admitted patient extract's PROCEDURE_1 (ACHI "13882-00"), Canada's CCI intervention codes
            // (decision 0123)
            "procedure", "achi", "cci",
            // a cancer registry's ICD-O-3 topography and morphology (NAACCR, decision 0222)
            "topography", "morphology", "histology", "histologic");
    /**
     * A person's demographic categories: a header naming one holds a code of the category, not an id of the person,
     * whatever else it says (CMS's {@code BENE_SEX_IDENT_CD} is the "sex identification code", 1 or 2).
     */
    private static final Set<String> DEMOGRAPHIC = Set.of("sex", "gender", "race", "ethnicity", "ethnic",
            // Malay "jantina" and "bangsa", Indonesian "kelamin" (JNS_KELAMIN), Filipino "kasarian" (decision 0244)
            "jantina", "kelamin", "bangsa", "kasarian");
    /**
     * NCPDP's "Product/Service ID" of a pharmacy claim (CMS's Part D {@code PROD_SRVC_ID}) is the drug's code, an NDC
     * of 11 digits whose leading zeros matter: both words name a code, not a record's id.
     */
    private static final Set<String> PRODUCT = Set.of("prod", "product");
    private static final Set<String> SERVICE = Set.of("srvc", "svc", "service");
    private static final Set<String> MEASURE = Set.of("value", "wert", "amount", "cost", "costs", "count", "qty",
            "quantity", "dose", "dosage", "result", "betrag", "menge", "anzahl", "expenses", "income", "score",
            "dispenses", "outstanding", "price", "preis", "weight", "height", "gewicht", "groesse", "größe", "age",
            "alter", "year", "years", "jahr", "jahre", "month", "months", "monat", "monate", "weeks", "days", "tage", "hours",
            "minutes", "units", "range", "level", "bmi", "total", "sum", "payment", "valeur", "resultat", "résultat", "waarde",
            "uitslag", "verdi", "värde", "varde", "svar", "risultato", "resultado", "valore", "valor", "esito", "wynik",
            "ergebnis",
            // months counted in CMS's files: PLAN_CVRG_MOS_NUM, BENE_HI_CVRAGE_TOT_MONS
            "mos", "mons", "mths",
            // an Indonesian claim's tariff (TARIF), cost (biaya), price (harga), total (jumlah), value (nilai) and result
            // (hasil), Malay "keputusan" (decision 0244)
            "tarif", "biaya", "harga", "jumlah", "nilai", "hasil", "keputusan");
    /** "K/P", Malaysia's kad pengenalan, in a header (decision 0244). */
    private static final java.util.regex.Pattern K_SLASH_P = java.util.regex.Pattern.compile(
            "(?<![\\p{L}])[Kk]\\s?/\\s?[Pp](?![\\p{L}])");
    /** Who a Malay, Indonesian or Filipino "nama" or "pangalan" header names (decision 0244). */
    private static final Set<String> NAMED_PERSONS_SEA = Set.of("pesakit", "pasien", "peserta", "lengkap", "pasyente",
            "suami", "isteri", "istri", "ibu", "bapa", "ayah", "waris", "penjaga", "dokter", "doktor");
    private static final Set<String> BOOLEAN = Set.of("flag", "is", "has", "active", "deceased", "verstorben");
    private static final Set<String> KIND = Set.of("title", "type", "typ", "kind", "class", "category", "art",
            "kategorie", "status", "titel", "language", "lang", "sprache", "langue", "lingua", "idioma", "taal", "språk",
            "sprak", "sprog");

    /** German compound endings and beginnings and what they mean; longest first where they overlap. */
    private static final String[][] COMPOUNDS = {
        {"versichertennummer", "NATIONAL_ID"}, {"versicherungsnummer", "NATIONAL_ID"},
        {"versichertenkarte", "NATIONAL_ID"}, {"gesundheitskarte", "NATIONAL_ID"},
        {"telefonnummer", "PHONE"}, {"rufnummer", "PHONE"}, {"telefon", "PHONE"}, {"hausnummer", "ADDRESS"},
        {"postleitzahl", "ZIP"}, {"geburtsdatum", "BIRTH"}, {"geburtsort", "PLACE"}, {"geburtsname", "NAME_PART"},
        {"geburt", "BIRTH"}, {"vorname", "NAME_PART"}, {"nachname", "NAME_PART"}, {"familienname", "NAME_PART"},
        {"straße", "ADDRESS"}, {"strasse", "ADDRESS"}, {"adresse", "ADDRESS"}, {"anschrift", "ADDRESS"},
        {"datum", "DATE"}, {"zeitpunkt", "DATE"}, {"zeit", "DATE"}, {"nummer", "ID"}, {"kennung", "ID"},
        {"text", "TEXT"}, {"befund", "TEXT"}, {"bemerkung", "TEXT"}, {"kommentar", "TEXT"}, {"wohnort", "PLACE"},
        {"schlüssel", "CODE"}, {"schluessel", "CODE"}, {"kode", "CODE"}, {"wert", "MEASURE"}, {"menge", "MEASURE"},
        {"name", "PERSON_ROLE"}, {"arzt", "PERSON_ROLE"},
        // a letter's author (Verfasser), a surgeon (Operateur); a department's key of § 301 SGB V (Fachabteilung
        // HA0300), which a name list would read as a name with a number (decision 0150)
        {"verfasser", "PERSON_ROLE"}, {"operateur", "PERSON_ROLE"}, {"abteilung", "CODE"},
        {"personnummer", "ID"}, {"fornamn", "NAME_PART"}, {"förnamn", "NAME_PART"}, {"efternamn", "NAME_PART"},
        {"voornaam", "NAME_PART"}, {"achternaam", "NAME_PART"}, {"adress", "ADDRESS"}, {"telefoon", "PHONE"}};

    private final List<String> words;
    private final EnumSet<Hint> hints;

    private HeaderHints(List<String> words, EnumSet<Hint> hints) {
        this.words = List.copyOf(words);
        this.hints = hints;
    }

    /** The hints of one header. */
    public static HeaderHints of(String header) {
        List<String> words = words(header);
        EnumSet<Hint> hints = EnumSet.noneOf(Hint.class);
        for (String w : words) {
            add(hints, w, NAME_PART, Hint.NAME_PART);
            add(hints, w, PERSON_ROLE, Hint.PERSON_ROLE);
            add(hints, w, ID, Hint.ID);
            add(hints, w, BIRTH, Hint.BIRTH);
            add(hints, w, DATE, Hint.DATE);
            add(hints, w, ADDRESS, Hint.ADDRESS);
            add(hints, w, PLACE, Hint.PLACE);
            add(hints, w, ZIP, Hint.ZIP);
            add(hints, w, PHONE, Hint.PHONE);
            add(hints, w, EMAIL, Hint.EMAIL);
            add(hints, w, NATIONAL_ID, Hint.NATIONAL_ID);
            add(hints, w, GEO, Hint.GEO);
            add(hints, w, TEXT, Hint.TEXT);
            add(hints, w, CODE, Hint.CODE);
            add(hints, w, MEASURE, Hint.MEASURE);
            add(hints, w, BOOLEAN, Hint.BOOLEAN);
            add(hints, w, KIND, Hint.KIND);
            if (w.length() > 5) {
                for (String[] c : COMPOUNDS) {
                    if (!w.equals(c[0]) && (w.endsWith(c[0]) || w.startsWith(c[0]))) {
                        hints.add(Hint.valueOf(c[1]));
                        break;
                    }
                }
            }
        }
        sdtm(header.strip(), hints);
        if (words.stream().anyMatch(DEMOGRAPHIC::contains)) {
            hints.remove(Hint.ID);
        }
        if (words.stream().anyMatch(PRODUCT::contains) && words.stream().anyMatch(SERVICE::contains)) {
            hints.remove(Hint.ID);
            hints.add(Hint.CODE);
        }
        if (!hints.contains(Hint.ID) && words.stream().anyMatch(CODED::contains)) {
            hints.add(Hint.CODE);
        }
        // "cd" abbreviates "code" in CMS's and hospital pharmacies' headers (MIMIC-IV's formulary_drug_cd): a code,
        // unless the header also names an id or a person (a provider_cd is the provider's number; decision 0110).
        if (!hints.contains(Hint.ID) && !hints.contains(Hint.PERSON_ROLE) && words.contains("cd")) {
            hints.add(Hint.CODE);
        }
        // The kind of something as a code (Cerner's "PERSON_ALIAS_TYPE_CD": MRN, FIN NBR, SSN; "ENCNTR_TYPE_CD"): a
        // category of the person's ids or visits, never a person, a name or an id itself (decision 0120).
        if (hints.contains(Hint.KIND) && !words.isEmpty()
                && (words.get(words.size() - 1).equals("cd") || words.get(words.size() - 1).equals("code"))) {
            hints.remove(Hint.PERSON_ROLE);
            hints.remove(Hint.NAME_PART);
            hints.remove(Hint.ID);
            hints.add(Hint.CODE);
        }
        // Given names as Nigerian, Ghanaian and British forms head them ("Other Names", OTHER_NAMES), and a South African
        // medical aid's member number ("Medical Aid Number": the scheme's name under "Medical Aid" is no number, which
        // the values decide) (decision 0245)
        int other = words.indexOf("other");
        if (other >= 0 && other + 1 < words.size()
                && (words.get(other + 1).equals("names") || words.get(other + 1).equals("name"))) {
            hints.add(Hint.NAME_PART);
        }
        int medical = words.indexOf("medical");
        if (medical >= 0 && medical + 1 < words.size() && words.get(medical + 1).equals("aid")) {
            hints.add(Hint.NATIONAL_ID);
        }
        // Malaysia's identity card as its forms write it: "No. K/P" (kad pengenalan) (decision 0244)
        if (K_SLASH_P.matcher(header).find()) {
            hints.add(Hint.NATIONAL_ID);
        }
        // A Malay or Indonesian postcode written in two words ("Kod Pos", KODE_POS): not a code (decision 0244)
        if (words.contains("pos") && (words.contains("kode") || words.contains("kod"))) {
            hints.remove(Hint.CODE);
            hints.add(Hint.ZIP);
        }
        // A person's name in Malay, Indonesian or Filipino: "Nama Pesakit", NAMA_PESERTA, "Nama Lengkap" (the full name),
        // "Pangalan ng Pasyente"; not "Nama Ubat", a drug's name (decision 0244)
        if ((words.contains("nama") || words.contains("pangalan"))
                && words.stream().anyMatch(w -> NAMED_PERSONS_SEA.contains(w))) {
            hints.add(Hint.NAME_PART);
        }
        // a post office's name, as Bangladeshi and Indian forms write a village's address ("Post Office", PO_NAME is not
        // asked; decision 0247)
        int post = words.indexOf("post");
        if (post >= 0 && post + 1 < words.size() && words.get(post + 1).equals("office")) {
            hints.add(Hint.PLACE);
        }
        if (words.size() >= 2 && words.contains("birth") && words.contains("place")) {
            hints.remove(Hint.BIRTH);
        }
        // A patient's name as the patient prefers to be called, under a header of that word alone (Open Dental's
        // patient.Preferred "Toby", "Del") or "known as"; not "PreferredLanguage", "PreferredPharmacy" (decision 0195).
        if (words.equals(List.of("preferred")) || words.equals(List.of("known", "as"))
                || words.equals(List.of("aka"))) {
            hints.add(Hint.NAME_PART);
        }
        return new HeaderHints(words, hints);
    }

    /**
     * CDISC SDTM's variables: a two-letter domain and a fixed root ({@code LBTESTCD}, {@code VSORRES}); the words cannot
     * be split, so the roots say what the column holds (decision 0115): a test's code is a code, a result a measure.
     */
    private static final java.util.regex.Pattern SDTM = java.util.regex.Pattern.compile(
            "[A-Z]{2}(?<root>TESTCD|PARMCD|ORRES|STRESC|STRESN|DECOD|LOINC)");

    private static void sdtm(String header, EnumSet<Hint> hints) {
        java.util.regex.Matcher m = SDTM.matcher(header);
        if (m.matches()) {
            hints.remove(Hint.ID);
            hints.add(switch (m.group("root")) {
                case "ORRES", "STRESC", "STRESN" -> Hint.MEASURE;
                default -> Hint.CODE;
            });
        }
    }

    private static void add(EnumSet<Hint> hints, String word, Set<String> words, Hint hint) {
        if (words.contains(word)) {
            hints.add(hint);
        }
    }

    /** Whether the header gives this hint. */
    public boolean has(Hint hint) {
        return hints.contains(hint);
    }

    /** The hints, for evidence strings. */
    public Set<Hint> hints() {
        return java.util.Collections.unmodifiableSet(hints);
    }

    /** Whether a word of the header names a street or an address itself (not a house number or an address line). */
    public boolean namesStreet() {
        return words.stream().anyMatch(STREET::contains);
    }

    /** Whether a word of the header names a demographic category: sex, gender, race, ethnicity. */
    public boolean namesDemographic() {
        return words.stream().anyMatch(DEMOGRAPHIC::contains);
    }

    /** Words of a header that name a user of the system who recorded a row ({@code USER_ID}, {@code LoginName}). */
    private static final Set<String> USER_WORDS = Set.of("user", "username", "userid", "login", "logon", "loginid");

    /** The verbs of a system's record of who did something, before "by" ({@code ENTERED_BY}, not {@code PAID_BY}). */
    private static final Set<String> RECORDED = Set.of("entered", "created", "modified", "updated", "edited", "changed",
            "recorded", "signed", "cosigned", "verified", "authored", "documented", "charted", "performed", "reviewed",
            "approved", "deleted", "completed", "collected", "resulted", "administered", "ordered", "acknowledged",
            "validated", "released", "scanned", "uploaded", "registered", "submitted", "closed", "opened", "assigned");

    /**
     * Whether the header names the user who recorded, changed or signed the row: {@code ENTERED_BY}, {@code created_by},
     * {@code LastModifiedBy} (a verb of such a record, then "by"), or a user's or login's word (decision 0197).
     */
    public boolean namesAUser() {
        int n = words.size();
        return n >= 2 && words.get(n - 1).equals("by") && RECORDED.contains(words.get(n - 2))
                || words.stream().anyMatch(USER_WORDS::contains);
    }

    /** The header's words, lower case. */
    public List<String> words() {
        return words;
    }

    /**
     * The words of a header: split at separators, digits and camelCase humps ({@code homeCity} →
     * home, city; {@code REASONCODE} stays one word), lower case. A known word glued to the front of
     * an UPPERCASE or lower-case run ({@code PATIENTID}, {@code SERVICEDATE}) is split off too.
     */
    public static List<String> words(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        String h = header.strip();
        if (!java.text.Normalizer.isNormalized(h, java.text.Normalizer.Form.NFC)) {
            // a header typed in the combining form ("Mã BN" as a, U+0303): its marks are no letters (decision 0246)
            h = java.text.Normalizer.normalize(h, java.text.Normalizer.Form.NFC);
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            // a Devanagari or Bengali vowel sign, virama or visarga is part of its word ("রোগীর", decision 0250)
            if (!Character.isLetter(c) && !(c >= '\u0900' && c <= '\u09FF' && cur.length() > 0)) {
                flush(cur, out);
                continue;
            }
            if (Character.isUpperCase(c) && cur.length() > 0 && Character.isLowerCase(cur.charAt(cur.length() - 1))) {
                flush(cur, out);
            }
            if (cur.length() > 0 && eastAsian(c) != eastAsian(cur.charAt(cur.length() - 1))) {
                flush(cur, out); // 患者ID: patient, id; ｶﾙﾃNO: the chart's number
            }
            cur.append(c);
        }
        flush(cur, out);
        List<String> split = new ArrayList<>();
        for (String w : out) {
            split.addAll(splitGlued(w));
        }
        addEastAsianWords(h, split);
        addThaiWords(h, split);
        CyrillicGreekHeaders.addEnglishWords(h, split); // decision 0131
        MiddleEasternHeaders.addWords(h, split); // decision 0132
        VietnameseHeaders.addEnglishWords(h, split); // decision 0246
        BengaliHeaders.addWords(h, split); // decision 0250
        return split;
    }

    /**
     * Japanese, Chinese and Korean header words and the English words they stand for (decision 0127). Those scripts
     * write a header without spaces ({@code 生年月日}, {@code 被保険者記号・番号}, {@code 居民身份证号}), so a term counts
     * wherever it stands in the header; the hints then come from the English words.
     */
    private static final String[][] EAST_ASIAN_TERMS = {
        // the patient and the chart (カルテ: its number is the patient's), admission numbers
        {"患者", "patient"}, {"환자", "patient"}, {"病人", "patient"}, {"カルテ", "patient"}, {"ｶﾙﾃ", "patient"}, {"病历", "mrn"}, {"病案", "mrn"},
        {"入院", "admission"}, {"住院", "admission"}, {"입원", "admission"},
        // a name, its reading in katakana (フリガナ, ｶﾅ氏名)
        {"氏名", "shimei"}, {"姓名", "xingming"}, {"名前", "shimei"}, {"성명", "seongmyeong"}, {"이름", "seongmyeong"}, {"フリガナ", "furigana"},
        {"ﾌﾘｶﾞﾅ", "furigana"}, {"カナ", "furigana"}, {"ｶﾅ", "furigana"},
        {"生年月日", "birthdate"}, {"出生", "birthdate"}, {"생년월일", "birthdate"}, {"誕生日", "birthdate"},
        {"性別", "sex"}, {"性别", "sex"}, {"성별", "sex"},
        {"住所", "address"}, {"地址", "address"}, {"주소", "address"},
        {"郵便番号", "postcode"}, {"邮编", "postcode"}, {"邮政编码", "postcode"}, {"우편번호", "postcode"},
        {"電話", "phone"}, {"电话", "phone"}, {"전화", "phone"}, {"携帯", "phone"}, {"手机", "phone"},
        {"연락처", "phone"},
        // national and insurance numbers: Japan's insurer and insured's numbers and My Number, Korea's resident
        // registration number, China's resident identity card
        {"保険", "insurance"}, {"マイナンバー", "ssn"}, {"個人番号", "ssn"}, {"주민등록", "ssn"}, {"身份证", "ssn"},
        {"医師", "physician"}, {"医生", "physician"}, {"主治医", "physician"}, {"担当医", "physician"},
        {"의사", "physician"}, {"주치의", "physician"},
        // a disease's name is kept as a diagnosis code is; a lab test's name, its result and unit
        {"病名", "diag"}, {"診断", "diag"}, {"诊断", "diag"}, {"진단", "diag"}, {"検査", "analyse"}, {"检验", "analyse"},
        {"검사", "analyse"}, {"結果", "result"}, {"结果", "result"}, {"결과", "result"}, {"単位", "units"},
        {"单位", "units"}, {"단위", "units"},
        {"記録", "note"}, {"记录", "note"}, {"기록", "note"}, {"経過", "note"}, {"경과", "note"}, {"備考", "note"},
        {"备注", "note"}, {"所見", "note"}, {"소견", "note"}, {"メモ", "note"}, {"메모", "note"},
        {"日付", "date"}, {"日期", "date"}, {"일자", "date"}, {"날짜", "date"},
        // last: a number of anything not named above (郵便番号 is a postcode, 個人番号 My Number)
        {"番号", "number"}, {"번호", "number"}, {"编号", "number"}, {"号", "number"}};

    /** Kana, Chinese characters, Hangul syllables and half-width katakana. */
    private static boolean eastAsian(char c) {
        return c >= '\u3040' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF' || c >= '\uFF66' && c <= '\uFF9F';
    }

    private static void addEastAsianWords(String header, List<String> words) {
        boolean any = false;
        for (int i = 0; i < header.length() && !any; i++) {
            any = eastAsian(header.charAt(i));
        }
        if (!any) {
            return;
        }
        String rest = header;
        for (String[] t : EAST_ASIAN_TERMS) {
            if (rest.contains(t[0]) && !words.contains(t[1])) {
                rest = rest.replace(t[0], " "); // a term's characters count once: 郵便番号 is no 番号 of its own
                words.add(t[1]);
                if (NAME_PART.contains(t[1]) && !words.contains("name")) {
                    words.add("name");
                }
            }
        }
        // 入院日, 採取日, 기록일: a day at the header's end is a date (生年月日 is a birth date, found above)
        char last = header.charAt(header.length() - 1);
        if ((last == '日' || last == '일') && !words.contains("date") && !words.contains("birthdate")) {
            words.add("date");
        }
    }

    /**
     * Thai header words and the English words they stand for (decision 0133). Thai writes a header without spaces and
     * its vowel and tone marks are no letters to {@link Character#isLetter}, so, as for the East Asian terms, a term
     * counts wherever it stands in the header, longest first.
     */
    private static final String[][] THAI_TERMS = {
        {"เลขประจำตัวประชาชน", "ssn"}, {"บัตรประชาชน", "ssn"}, {"เลขบัตร", "ssn"},
        {"นามสกุล", "surname"}, {"คำนำหน้า", "title"}, {"วันเดือนปีเกิด", "birthdate"}, {"วันเกิด", "birthdate"},
        {"ผู้ป่วย", "patient"}, {"แพทย์", "physician"}, {"ชื่อ", "given"}, {"เพศ", "sex"}, {"อายุ", "age"},
        {"โทรศัพท์", "phone"}, {"เบอร์โทร", "phone"}, {"มือถือ", "phone"}, {"ที่อยู่", "address"},
        {"รหัสไปรษณีย์", "postcode"}, {"การวินิจฉัย", "diag"}, {"วินิจฉัย", "diag"}, {"รายการตรวจ", "analyse"},
        {"ผลตรวจ", "result"}, {"ผล", "result"}, {"หน่วย", "units"}, {"บันทึก", "note"}, {"หมายเหตุ", "note"},
        {"วันที่", "date"}};

    private static void addThaiWords(String header, List<String> words) {
        boolean any = false;
        for (int i = 0; i < header.length() && !any; i++) {
            any = header.charAt(i) >= '\u0E01' && header.charAt(i) <= '\u0E5B';
        }
        if (!any) {
            return;
        }
        String rest = header;
        for (String[] t : THAI_TERMS) {
            if (rest.contains(t[0]) && !words.contains(t[1])) {
                rest = rest.replace(t[0], " "); // วันเกิด is no วันที่ of its own
                words.add(t[1]);
                if (NAME_PART.contains(t[1]) && !words.contains("name")) {
                    words.add("name");
                }
            }
        }
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(cur.toString().toLowerCase(Locale.ROOT));
            cur.setLength(0);
        }
    }

    /** Suffixes that are split off a glued word ({@code patientid} → patient, id), longest first. */
    private static final String[] GLUED_SUFFIXES = {"description", "datetime", "number", "nummer", "code", "date",
        "name", "time", "type", "class", "key", "id", "nr"};

    private static List<String> splitGlued(String w) {
        for (String s : GLUED_SUFFIXES) {
            if (w.length() > s.length() + 2 && w.endsWith(s) && !isKnown(w)) {
                String head = w.substring(0, w.length() - s.length());
                if (isKnown(head)) {
                    return List.of(head, s);
                }
            }
        }
        return List.of(w);
    }

    private static boolean isKnown(String w) {
        return NAME_PART.contains(w) || PERSON_ROLE.contains(w) || ID.contains(w) || BIRTH.contains(w)
                || DATE.contains(w) || ADDRESS.contains(w) || PLACE.contains(w) || ZIP.contains(w)
                || PHONE.contains(w) || EMAIL.contains(w) || NATIONAL_ID.contains(w) || GEO.contains(w)
                || TEXT.contains(w) || CODE.contains(w) || CODED.contains(w) || MEASURE.contains(w)
                || KNOWN_GLUE.contains(w);
    }

    /** Other common heads of glued headers ({@code SERVICEDATE}, {@code ENCOUNTERCLASS}, {@code REASONCODE}). */
    private static final Set<String> KNOWN_GLUE = Set.of("service", "encounter", "reason", "admit", "admission",
            "discharge", "visit", "order", "provider", "organization", "payer", "diagnosis", "procedure", "claim",
            "birth", "death", "collection", "specimen", "result", "modifier",
            // HES's record keys: EPIKEY (an episode), ATTENDKEY (an outpatient attendance), SPELLKEY
            "epi", "episode", "attend", "attendance", "spell",
            // SAP IS-H / i.s.h.med and other German systems: PATNR (patient), FALNR and FALLNR (case), AUFNR
            // (admission), VERSNR (insurance), AUFTRAGNR (order), BEFUNDNR (report)
            "fal", "fall", "aufn", "vers", "auftrag", "befund");

    @Override
    public String toString() {
        return hints.toString();
    }
}
