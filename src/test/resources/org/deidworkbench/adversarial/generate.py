#!/usr/bin/env python3
"""Writes the adversarial corpus: small exports in conventions the project did not design for.

Everything here is synthetic. Run with the system Python (pydicom 2.x from Debian's python3-pydicom):

    cd src/test/resources/org/deidworkbench/adversarial && /usr/bin/python3 generate.py

Fixed content (no randomness), so running it again gives the same bytes. Besides the exports it writes
`planted.tsv` (category, value: every identifying value planted, which must not be found in any output
byte, case-insensitively, as a word) and `kept.tsv` (folder, value: research values a steward keeps,
which must come out byte-identical somewhere in that folder's output).
"""
import base64
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
planted = []   # (category, value)
kept = []      # (folder, value)


def plant(category, *values):
    for v in values:
        if (category, v) not in planted:
            planted.append((category, v))


def keep(folder, *values):
    for v in values:
        if (folder, v) not in kept:
            kept.append((folder, v))


def write_csv(path, header, rows, delimiter=",", encoding="utf-8", newline="\n"):
    def q(v):
        v = str(v)
        if any(c in v for c in (delimiter, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        for r in [header] + rows:
            f.write(delimiter.join(q(v) for v in r) + newline)


# --- PCORnet-CDM / i2b2-like extract: lowercase snake_case, patid/encounterid keys, ISO dates -------------
def pcornet():
    d = os.path.join(HERE, "pcornet")
    pts = [
        ("P000184", "Hans-Jürgen", "Müller", "1961-04-17", "M", "742 Evergreen Terrace", "Springfield", "62704",
         "(217) 555-0134", "hjmueller@example.org", "00123456"),
        ("P000377", "Siobhan", "O'Brien", "1975-11-02", "F", "18 Hawthorn Close", "Dayton", "45402",
         "937.555.0187", "siobhan.obrien@example.net", "00765432"),
        ("P000512", "Pieter", "van der Berg", "1949-07-30", "M", "5 Larkspur Lane", "Peoria", "61602",
         "309-555-0161", "pvdberg@example.com", "00991827"),
        ("P000733", "Quentin", "Thistlewood", "1988-02-14", "M", "2201 Juniper Ave Apt 4B", "Akron", "44308",
         "+1 330 555 0119", "q.thistlewood@example.org", "00246810"),
    ]
    write_csv(os.path.join(d, "private_demographic.csv"),
              ["patid", "patient_first_name", "patient_last_name", "birth_date", "sex", "mrn",
               "address_street", "address_city", "address_zip5", "phone_number", "email"],
              [[p[0], p[1], p[2], p[3], p[4], p[10], p[5], p[6], p[7], p[8], p[9]] for p in pts])
    for p in pts:
        plant("patient-name", p[1], p[2])
        plant("mrn", p[10])
        plant("address", p[5])
        plant("phone", p[8])
        plant("email", p[9])
        plant("birth-date", p[3])
        plant("patient-id", p[0])
    write_csv(os.path.join(d, "demographic.csv"),
              ["patid", "birth_date", "sex", "hispanic", "race", "pat_pref_language_spoken"],
              [[p[0], p[3], p[4], "N", "05", "ENG"] for p in pts])
    encs = [
        ("E90001", "P000184", "2021-03-04", "2021-03-09", "IP", "61207"),
        ("E90002", "P000184", "2021-06-21", "2021-06-21", "AV", "61207"),
        ("E90003", "P000377", "2022-01-10", "2022-01-14", "IP", "88412"),
        ("E90004", "P000512", "2020-09-30", "2020-10-02", "ED", "61207"),
        ("E90005", "P000733", "2023-05-05", "2023-05-05", "AV", "88412"),
    ]
    write_csv(os.path.join(d, "encounter.csv"),
              ["encounterid", "patid", "admit_date", "discharge_date", "enc_type", "providerid"],
              [list(e) for e in encs])
    for e in encs:
        plant("encounter-id", e[0])
    dx = [("D1", "P000184", "E90001", "E11.9", "10"), ("D2", "P000184", "E90002", "I10", "10"),
          ("D3", "P000377", "E90003", "J45.909", "10"), ("D4", "P000512", "E90004", "N18.3", "10"),
          ("D5", "P000733", "E90005", "E78.5", "10")]
    write_csv(os.path.join(d, "diagnosis.csv"), ["diagnosisid", "patid", "encounterid", "dx", "dx_type"],
              [list(x) for x in dx])
    keep("pcornet", "E11.9", "J45.909", "N18.3", "E78.5")
    labs = [("L1", "P000184", "E90001", "2345-7", "7.4", "mmol/L", "2021-03-05"),
            ("L2", "P000184", "E90001", "4548-4", "8.1", "%", "2021-03-05"),
            ("L3", "P000377", "E90003", "2160-0", "1.12", "mg/dL", "2022-01-11"),
            ("L4", "P000512", "E90004", "2345-7", "11.6", "mmol/L", "2020-10-01")]
    write_csv(os.path.join(d, "lab_result_cm.csv"),
              ["lab_result_cm_id", "patid", "encounterid", "lab_loinc", "result_num", "result_unit",
               "specimen_date"], [list(x) for x in labs])
    keep("pcornet", "2345-7", "4548-4", "2160-0", "7.4", "8.1", "1.12", "11.6")
    notes = [
        ("N1", "P000184", "E90001", "2021-03-05",
         "MÜLLER, Hans-Jürgen (MRN: 00123456) admitted for E11.9. Pt's wife reachable at 217-555-0134. "
         "Seen by Dr. Ferdinand Quackenbush. HbA1c 8.1 %."),
        ("N2", "P000184", "E90002", "2021-06-21",
         "f/u hans-jürgen müller; Müller's glucose 7.4 mmol/L. e-mail hjmueller@example.org. H.-J.M. stable."),
        ("N3", "P000377", "E90003", "2022-01-11",
         "Ms. O'Brien seen w/ Dr. O'Brien (no relation). #00765432. O'BRIEN, SIOBHAN reports wheeze. "
         "Lives at 18 Hawthorn Close, Dayton OH 45402."),
        ("N4", "P000512", "E90004", "2020-10-01",
         "pt. van der Berg brought in by daughter Marijke van der Berg (ph 309 555 0161). "
         "VAN DER BERG, PIETER, DOB 07/30/1949. eGFR low, N18.3."),
        ("N5", "P000733", "E90005", "2023-05-05",
         "Thistlewood's lipids reviewed (E78.5). Quentin to call +1 330 555 0119 or "
         "q.thistlewood@example.org. Attending: Prof. Wilhelmina Abercrombie-Stoat."),
    ]
    write_csv(os.path.join(d, "note.csv"), ["note_id", "patid", "encounterid", "note_date", "note_text"],
              [list(n) for n in notes])
    plant("clinician-name", "Quackenbush", "Ferdinand", "Wilhelmina", "Abercrombie-Stoat")
    plant("relative-name", "Marijke")
    keep("pcornet", "HbA1c", "eGFR")


# --- French hospital export: ';', Windows-1252, decimal commas, dd/MM/yyyy ------------------------------
def france():
    d = os.path.join(HERE, "fr")
    pts = [
        ("800123456", "LEFÈVRE", "Amélie", "03/02/1958", "F", "14 rue de la Paix", "75002", "Paris",
         "01 42 68 53 00", "2 58 02 75 102 123 45"),
        ("800234567", "DUCHÂTEAU", "François-Xavier", "21/09/1970", "M", "7, allée des Tilleuls", "69003", "Lyon",
         "+33 6 12 34 56 78", "1 70 09 69 381 456 12"),
        ("800345678", "N'GUESSAN", "Aïssata", "11/12/1983", "F", "3 bis avenue Jean Jaurès", "13005",
         "Marseille", "04.91.55.12.34", "2 83 12 13 055 789 03"),
    ]
    write_csv(os.path.join(d, "patients.csv"),
              ["IPP", "NOM", "PRENOM", "DATE_NAISSANCE", "SEXE", "ADRESSE", "CODE_POSTAL", "VILLE",
               "TELEPHONE", "NIR"], [list(p) for p in pts], delimiter=";", encoding="cp1252",
              newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[3])
        plant("address", p[5])
        plant("phone", p[8])
        plant("national-id", p[9])
    sej = [("S2021001", "800123456", "04/03/2021 08:15", "09/03/2021 17:40", "Endocrinologie"),
           ("S2021002", "800234567", "10/11/2021 22:05", "12/11/2021 10:00", "Cardiologie"),
           ("S2022003", "800345678", "15/01/2022 09:30", "15/01/2022 18:00", "Pneumologie")]
    write_csv(os.path.join(d, "sejours.csv"), ["NUM_SEJOUR", "IPP", "DATE_ENTREE", "DATE_SORTIE", "SERVICE"],
              [list(s) for s in sej], delimiter=";", encoding="cp1252", newline="\r\n")
    for s in sej:
        plant("encounter-id", s[0])
    keep("fr", "Endocrinologie", "Cardiologie", "Pneumologie")
    write_csv(os.path.join(d, "diagnostics.csv"), ["NUM_SEJOUR", "CODE_CIM10", "LIBELLE"],
              [["S2021001", "E11.9", "Diabète de type 2 sans complication"],
               ["S2021002", "I21.4", "Infarctus sous-endocardique"],
               ["S2022003", "J45.9", "Asthme, sans précision"]], delimiter=";", encoding="cp1252",
              newline="\r\n")
    keep("fr", "E11.9", "I21.4", "J45.9")
    write_csv(os.path.join(d, "biologie.csv"),
              ["NUM_SEJOUR", "IPP", "CODE_LOINC", "LIBELLE", "VALEUR", "UNITE", "DATE_PRELEVEMENT"],
              [["S2021001", "800123456", "2345-7", "Glycémie", "7,4", "mmol/L", "05/03/2021"],
               ["S2021001", "800123456", "4548-4", "HbA1c", "8,2", "%", "05/03/2021"],
               ["S2021002", "800234567", "10839-9", "Troponine I", "0,87", "ng/mL", "11/11/2021"],
               ["S2022003", "800345678", "2160-0", "Créatinine", "68,5", "µmol/L", "15/01/2022"]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    keep("fr", "2345-7", "4548-4", "10839-9", "7,4", "8,2", "0,87", "68,5")
    write_csv(os.path.join(d, "comptes_rendus.csv"), ["IPP", "DATE_CR", "AUTEUR", "TEXTE"],
              [["800123456", "05/03/2021", "Dr Gaspard Rouquette",
                "Mme LEFÈVRE Amélie, née le 03/02/1958, hospitalisée pour déséquilibre glycémique "
                "(glycémie 7,4 mmol/L). Joignable au 01 42 68 53 00. Mme Lefèvre rentre à domicile."],
               ["800234567", "11/11/2021", "Pr Bérénice Vautrin-Lacaze",
                "M. François-Xavier Duchâteau (IPP 800234567), SCA ST-. Troponine 0,87. "
                "Épouse : Mme Solène Duchâteau, 06 12 34 56 78. Sa fille Clémentine à Annecy est prévenue."],
               ["800345678", "15/01/2022", "Dr Gaspard Rouquette",
                "Mlle N'Guessan Aïssata, crise d'asthme. Adresse : 3 bis avenue Jean Jaurès, 13005 Marseille. "
                "Courriel aissata.nguessan@example.fr."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Rouquette", "Bérénice", "Vautrin-Lacaze")
    plant("phone", "06 12 34 56 78")
    plant("relative-name", "Solène")
    plant("address", "Annecy")  # a relative's town (decision 0227)
    plant("email", "aissata.nguessan@example.fr")


# --- Dutch export: ';', Windows-1252, CRLF, dd-MM-yyyy, the house number in a column of its own, BSN ---------
def netherlands():
    d = os.path.join(HERE, "nl")
    pts = [("1234567", "Jansen", "", "Pieter", "12-03-1961", "Keizersgracht", "12a", "1015 CJ", "Amsterdam",
            "06-12345678", "123456782"),
           ("2345678", "Berg", "van den", "Marijke", "01-11-1975", "Dorpsstraat", "3", "3581 KD", "Utrecht",
            "030-2345678", "234567891"),
           ("3456789", "Dijkstra", "", "Sjoerd", "30-07-1949", "Hoofdweg", "101", "9711 LM", "Groningen",
            "+31 50 1234567", "345678902")]
    write_csv(os.path.join(d, "patienten.csv"),
              ["patientnummer", "achternaam", "tussenvoegsel", "voornaam", "geboortedatum", "straat", "huisnummer",
               "postcode", "woonplaats", "telefoonnummer", "bsn"], [list(p) for p in pts], delimiter=";",
              encoding="cp1252", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[3])
        plant("birth-date", p[4])
        plant("address", p[5])
        plant("phone", p[9])
        plant("national-id", p[10])
    write_csv(os.path.join(d, "opnames.csv"),
              ["opnamenummer", "patientnummer", "opnamedatum", "ontslagdatum", "diagnosecode", "labwaarde", "notitie"],
              [["O1", "1234567", "04-03-2021", "09-03-2021", "E11.9", "7,4",
                "Dhr. Jansen gezien door dr. Van Dalen. Echtgenote Annelies Jansen belt terug."],
               ["O2", "2345678", "10-11-2021", "12-11-2021", "I21.4", "0,87",
                "Mevr. Van den Berg, BSN 234567891, tel. 030-2345678."],
               ["O3", "3456789", "15-01-2022", "15-01-2022", "J45.9", "68,5",
                "Sjoerd Dijkstra, dochter Femke Dijkstra uit Zwolle aanwezig."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Dalen")
    plant("relative-name", "Annelies", "Femke")
    plant("address", "Zwolle")  # a relative's town (decision 0227)
    keep("nl", "E11.9", "I21.4", "J45.9", "7,4", "0,87", "68,5")


# --- Swedish/Norwegian export: personnummer keys (YYMMDD-NNNN), å/ø/æ names, ';', UTF-8 --------------------
def scandinavia():
    d = os.path.join(HERE, "se")
    pts = [
        ("580412-3921", "Åsa", "Lindqvist", "Storgatan 12", "11455", "Stockholm", "070-123 45 67"),
        ("670923-1458", "Bjørn", "Sæther", "Kongens gate 3", "0153", "Oslo", "+47 912 34 567"),
        ("790101-2286", "Søren", "Ærøe-Kjærgaard", "Vesterbrogade 41", "1620", "København", "+45 31 22 44 55"),
    ]
    write_csv(os.path.join(d, "patient.csv"),
              ["personnummer", "fornamn", "efternamn", "adress", "postnummer", "ort", "telefon"],
              [list(p) for p in pts], delimiter=";")
    for p in pts:
        plant("national-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("address", p[3])
        plant("phone", p[6])
    vk = [("VK1001", "580412-3921", "2022-02-03", "E11.9"), ("VK1002", "580412-3921", "2022-08-19", "E11.9"),
          ("VK1003", "670923-1458", "2021-12-01", "I48.9"), ("VK1004", "790101-2286", "2023-03-14", "C50.9")]
    write_csv(os.path.join(d, "vardkontakt.csv"), ["kontakt_id", "personnummer", "besoksdatum", "diagnoskod"],
              [list(v) for v in vk], delimiter=";")
    keep("se", "E11.9", "I48.9", "C50.9")
    write_csv(os.path.join(d, "labb.csv"), ["kontakt_id", "personnummer", "provdatum", "analys", "resultat", "enhet"],
              [["VK1001", "580412-3921", "2022-02-03", "NPU27300", "6,8", "mmol/L"],
               ["VK1002", "580412-3921", "2022-08-19", "NPU27300", "7,9", "mmol/L"],
               ["VK1003", "670923-1458", "2021-12-01", "NPU02319", "131", "g/L"]], delimiter=";")
    keep("se", "NPU27300", "NPU02319", "6,8", "7,9")
    write_csv(os.path.join(d, "anteckning.csv"), ["personnummer", "datum", "signerad_av", "text"],
              [["580412-3921", "2022-02-03", "Leg. läk. Torbjörn Fjällström",
                "Åsa Lindqvist (pnr 580412-3921) inkommer. ÅSA LINDQVIST har E11.9. Ring 070-123 45 67."],
               ["670923-1458", "2021-12-01", "Leg. läk. Torbjörn Fjällström",
                "Bjørn Sæther, förmaksflimmer. Sæthers dotter Ingvild Sæther följer med."],
               ["790101-2286", "2023-03-14", "Overlæge Margrethe Skovgaard",
                "Søren Ærøe-Kjærgaard, født 01.01.1979, henvist. CPR 010179-2286."]], delimiter=";")
    plant("clinician-name", "Torbjörn", "Fjällström", "Margrethe", "Skovgaard")
    plant("patient-name", "Sæthers")  # the Scandinavian genitive, glued
    plant("national-id", "010179-2286")  # the same number written as a Danish CPR (DDMMYY-NNNN)
    plant("relative-name", "Ingvild")


# --- FHIR bulk NDJSON with names in extensions, displays, annotations, attachments, contained ------------
def fhir():
    d = os.path.join(HERE, "fhir")
    os.makedirs(d, exist_ok=True)
    pid = "7f3c2a10-8d4e-4b6a-9c1f-0a2b3c4d5e6f"
    patient = {
        "resourceType": "Patient", "id": pid,
        "extension": [
            {"url": "http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName",
             "valueString": "Vanterpool"},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "extension": [
                {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238",
                                                      "code": "2106-3", "display": "White"}},
                {"url": "text", "valueString": "White"}]},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
            {"url": "http://hl7.org/fhir/StructureDefinition/patient-birthPlace",
             "valueAddress": {"line": ["Flat 2, 9 Wexcombe Mews"], "city": "Tewkesbury", "postalCode": "GL20 5AA"}},
            {"url": "http://example.org/fhir/StructureDefinition/legacy-contact-note",
             "valueString": "Call Rosalind Featherstonehaugh at 555-014-2299 before visits"},
        ],
        "identifier": [
            {"system": "http://hospital.example/mrn-nonstd", "value": "MRN-00451278"},
            {"system": "urn:oid:1.2.826.0.1.3680043.99.1", "value": "HX7781923"},
            {"type": {"text": "Driver license"}, "value": "D1234-56789-01234"},
        ],
        "name": [{"use": "official", "family": "Featherstonehaugh", "given": ["Rosalind", "Imogen"],
                  "text": "Rosalind Imogen Featherstonehaugh"}],
        "telecom": [{"system": "phone", "value": "555-014-2299"},
                    {"system": "email", "value": "rosalind.fh@example.com"}],
        "gender": "female", "birthDate": "1966-08-23",
        "address": [{"line": ["44 Quarrington Road"], "city": "Cheltenham", "postalCode": "GL52 2QP"}],
        "contact": [{"relationship": [{"text": "Husband"}], "name": {"family": "Featherstonehaugh",
                                                                     "given": ["Cuthbert"]},
                     "telecom": [{"system": "phone", "value": "555-014-3388"}]}],
    }
    plant("patient-name", "Featherstonehaugh", "Rosalind", "Imogen")
    plant("mothers-maiden-name", "Vanterpool")
    plant("relative-name", "Cuthbert")
    plant("mrn", "MRN-00451278", "00451278", "HX7781923", "D1234-56789-01234")
    plant("phone", "555-014-2299", "555-014-3388")
    plant("email", "rosalind.fh@example.com")
    plant("address", "9 Wexcombe Mews", "44 Quarrington Road")
    plant("birth-date", "1966-08-23")
    prac = {"resourceType": "Practitioner", "id": "prac-1",
            "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1457390021"}],
            "name": [{"family": "Roe", "given": ["Jane"], "prefix": ["Dr."]}]}
    related = {"resourceType": "RelatedPerson", "id": "rp-1", "patient": {"reference": "Patient/" + pid,
                                                                         "display": "Rosalind Featherstonehaugh"},
               "relationship": [{"text": "Daughter"}],
               "name": [{"family": "Pemberton-Oakes", "given": ["Millicent"]}],
               "telecom": [{"system": "phone", "value": "555-014-7710"}]}
    plant("clinician-name", "Roe")
    plant("relative-name", "Pemberton-Oakes", "Millicent")
    plant("phone", "555-014-7710")
    plant("npi", "1457390021")
    subj = {"reference": "Patient/" + pid, "display": "Rosalind Featherstonehaugh"}
    enc = {"resourceType": "Encounter", "id": "enc-1", "status": "finished",
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
           "subject": subj,
           "participant": [{"individual": {"reference": "Practitioner/prac-1", "display": "Dr. Jane Roe"}},
                           {"individual": {"display": "Dr. Octavius Wrenfield"}}],
           "period": {"start": "2022-03-14T09:00:00Z", "end": "2022-03-14T09:40:00Z"}}
    plant("clinician-name", "Octavius", "Wrenfield")
    cond = {"resourceType": "Condition", "id": "cond-1", "subject": subj,
            "encounter": {"reference": "Encounter/enc-1"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9",
                                 "display": "Type 2 diabetes mellitus without complications"}]},
            "onsetDateTime": "2019-06-02",
            "recorder": {"display": "Dr. Jane Roe"},
            "note": [{"authorString": "Nurse Pollyanna Gristwood",
                      "text": "Mrs Featherstonehaugh reports polyuria."}]}
    plant("clinician-name", "Pollyanna", "Gristwood")
    obs = {"resourceType": "Observation", "id": "obs-1", "status": "final", "subject": subj,
           "encounter": {"reference": "Encounter/enc-1"},
           "performer": [{"display": "Dr. Jane Roe"}],
           "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7",
                                "display": "Glucose [Mass/volume] in Serum or Plasma"}]},
           "valueQuantity": {"value": 132.5, "unit": "mg/dL", "system": "http://unitsofmeasure.org",
                             "code": "mg/dL"},
           "effectiveDateTime": "2022-03-14T09:15:00Z",
           "note": [{"authorString": "Dr. Jane Roe", "text": "Fasting per Rosalind."}]}
    comm = {"resourceType": "Communication", "id": "comm-1", "status": "completed", "subject": subj,
            "sender": {"display": "Millicent Pemberton-Oakes"},
            "payload": [{"contentString": "Hi, this is Millicent Pemberton-Oakes, Rosalind Featherstonehaugh's "
                                          "daughter. Please call me on 555-014-7710 about her appointment."}],
            "sent": "2022-03-15T11:02:00Z"}
    plain = ("Discharge letter for Rosalind Featherstonehaugh, MRN: 00451278, DOB 23/08/1966. "
             "Address 44 Quarrington Road, Cheltenham. Glucose 132.5 mg/dL (LOINC 2345-7).")
    html = ("<html><body><p>Patient: <b>FEATHERSTONEHAUGH, Rosalind</b></p><p>Tel. 555-014-2299</p>"
            "<p>Diagnosis E11.9</p></body></html>")
    docref = {"resourceType": "DocumentReference", "id": "doc-1", "status": "current", "subject": subj,
              "author": [{"display": "Dr. Jane Roe"}],
              "content": [{"attachment": {"contentType": "text/plain",
                                          "data": base64.b64encode(plain.encode()).decode()}},
                          {"attachment": {"contentType": "text/html",
                                          "data": base64.b64encode(html.encode()).decode()}}]}
    medreq = {"resourceType": "MedicationRequest", "id": "mr-1", "status": "active", "intent": "order",
              "contained": [{"resourceType": "Practitioner", "id": "p1",
                             "name": [{"family": "Haverbrook", "given": ["Evangeline"]}]}],
              "subject": subj, "requester": {"reference": "#p1"},
              "medicationCodeableConcept": {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm",
                                                        "code": "860975", "display": "Metformin 500 MG"}]},
              "authoredOn": "2022-03-14"}
    plant("clinician-name", "Haverbrook", "Evangeline")
    keep("fhir", "E11.9", "2345-7", "132.5", "860975", "AMB")
    lines = {"Patient": [patient], "Practitioner": [prac], "RelatedPerson": [related], "Encounter": [enc],
             "Condition": [cond], "Observation": [obs], "Communication": [comm], "DocumentReference": [docref],
             "MedicationRequest": [medreq]}
    for t, rs in lines.items():
        with open(os.path.join(d, t + ".ndjson"), "w", encoding="utf-8", newline="") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


# --- DICOM: names in physician/operator fields, nested requests, comments, private blocks, SR ----------------
def dicom():
    import pydicom
    from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian
    d = os.path.join(HERE, "dicom")
    os.makedirs(d, exist_ok=True)

    def base(charset, name, pid, sop_class, sop_uid, modality):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = sop_class
        meta.MediaStorageSOPInstanceUID = sop_uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        meta.ImplementationClassUID = "1.2.826.0.1.3680043.99.2.1"
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.SpecificCharacterSet = charset
        ds.SOPClassUID = sop_class
        ds.SOPInstanceUID = sop_uid
        ds.StudyInstanceUID = sop_uid + ".1"
        ds.SeriesInstanceUID = sop_uid + ".2"
        ds.Modality = modality
        ds.PatientName = name
        ds.PatientID = pid
        ds.PatientBirthDate = "19520309"
        ds.PatientSex = "F"
        ds.StudyDate = "20220405"
        ds.StudyTime = "101500"
        ds.AccessionNumber = "ACC77120"
        return ds

    ct = "1.2.840.10008.5.1.4.1.1.2"
    ds = base("ISO_IR 100", "Müller-Lüdenscheidt^Käthe^^Frau", "KH-4471290", ct, "1.2.826.0.1.3680043.99.3.1", "CT")
    ds.ReferringPhysicianName = "Grünewald^Ottokar^^Dr. med."
    ds.PerformingPhysicianName = "Zwirnbaum^Leopoldine"
    ds.OperatorsName = ["Kreuzkamp^Ewald", "Brösel^Henrike"]
    ds.NameOfPhysiciansReadingStudy = "Ostermeyer^Fridolin"
    ds.StudyDescription = "CT Thorax nativ Müller-Lüdenscheidt"
    ds.SeriesDescription = "Thorax 1.0 B70f"
    ds.PatientComments = "Allergie Kontrastmittel. Tochter Ottilie Müller-Lüdenscheidt Tel. 0171 2345678"
    ds.AdditionalPatientHistory = "Vorbefund von Dr. Grünewald, Pat. Käthe M.-L. raucht"
    ds.ImageComments = "Nachuntersuchung für Frau Müller-Lüdenscheidt"
    ds.BurnedInAnnotation = "NO"
    req = Dataset()
    req.RequestedProcedureID = "RP-8812"
    req.ScheduledProcedureStepID = "SPS-8812"
    req.RequestedProcedureDescription = "CT Thorax"
    req.ReasonForTheRequestedProcedure = "V.a. Pneumonie, Anforderung durch Dr. Grünewald"
    req.add_new(0x00321032, "PN", "Grünewald^Ottokar")  # Requesting Physician, nested
    ds.RequestAttributesSequence = Sequence([req])
    ds.add_new(0x00090010, "LO", "ACME KLINIKUM 1.0")
    ds.add_new(0x00091010, "LO", "Müller-Lüdenscheidt, Käthe")
    ds.add_new(0x00091011, "LT", "Befundet von Dr. Ostermeyer, Rückruf Käthe 0171 2345678")
    ds.Rows = 4
    ds.Columns = 4
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.PixelData = bytes(range(32))
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.SliceThickness = "1.0"
    ds.save_as(os.path.join(d, "ct_latin1.dcm"), write_like_original=False)
    plant("patient-name", "Müller-Lüdenscheidt", "Käthe")
    plant("clinician-name", "Grünewald", "Ottokar", "Zwirnbaum", "Leopoldine", "Kreuzkamp", "Ewald",
          "Brösel", "Henrike", "Ostermeyer", "Fridolin")
    plant("relative-name", "Ottilie")
    plant("phone", "0171 2345678")
    plant("mrn", "KH-4471290", "ACC77120")
    keep("dicom", "CT Thorax", "Thorax 1.0 B70f")

    sr = "1.2.840.10008.5.1.4.1.1.88.22"  # Enhanced SR
    ds = base("ISO_IR 192", "Sæther-Åberg^Ragnhild", "NO-99812734", sr, "1.2.826.0.1.3680043.99.3.2", "SR")
    ds.ReferringPhysicianName = "Øverland^Trygve"
    ds.StudyDescription = "MR Caput for Ragnhild Sæther-Åberg"
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"

    def code(value, scheme, meaning):
        c = Dataset()
        c.CodeValue = value
        c.CodingSchemeDesignator = scheme
        c.CodeMeaning = meaning
        return c

    def item(vt, rel, concept, **kw):
        it = Dataset()
        it.RelationshipType = rel
        it.ValueType = vt
        it.ConceptNameCodeSequence = Sequence([concept])
        for k, v in kw.items():
            setattr(it, k, v)
        return it
    ds.ConceptNameCodeSequence = Sequence([code("18748-4", "LN", "Diagnostic Imaging Report")])
    lvl3 = [item("TEXT", "CONTAINS", code("121071", "DCM", "Finding"),
                 TextValue="Ragnhild Sæther-Åberg: no acute infarct. Discussed with Dr. Øverland."),
            item("PNAME", "CONTAINS", code("121008", "DCM", "Person Observer Name"),
                 PersonName="Hallvardsen^Solveig"),
            item("CODE", "CONTAINS", code("121071", "DCM", "Finding"),
                 ConceptCodeSequence=Sequence([code("I63.9", "I10", "Cerebral infarction, unspecified")]))]
    lvl2 = item("CONTAINER", "CONTAINS", code("121070", "DCM", "Findings"), ContinuityOfContent="SEPARATE",
                ContentSequence=Sequence(lvl3))
    lvl1 = item("CONTAINER", "CONTAINS", code("111028", "DCM", "Image Library"), ContinuityOfContent="SEPARATE",
                ContentSequence=Sequence([lvl2]))
    ds.ContentSequence = Sequence([lvl1, item("PNAME", "HAS OBS CONTEXT",
                                              code("121008", "DCM", "Person Observer Name"),
                                              PersonName="Øverland^Trygve")])
    ds.save_as(os.path.join(d, "sr_utf8.dcm"), write_like_original=False)
    plant("patient-name", "Sæther-Åberg", "Ragnhild")
    plant("clinician-name", "Øverland", "Trygve", "Hallvardsen", "Solveig")
    plant("mrn", "NO-99812734")
    keep("dicom", "I63.9", "18748-4", "MR Caput")

    # A CT slice a PACS compressed to JPEG baseline, its encoder's comment (COM) and an EXIF-like APP1 segment naming
    # the patient and the workstation (decision 0156): text inside the pixel data, where no attribute rule reaches.
    from pydicom.encaps import encapsulate
    # An 8 x 8 grey JPEG as the JDK's encoder writes it (SOI, JFIF, tables, one scan), fixed here so that the
    # corpus needs no image library; a PACS's encoder comment naming the patient is put after its JFIF segment.
    jpeg = bytes.fromhex(
        "ffd8ffe000104a46494600010200000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f"
        "141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b08000800080101"
        "1100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b51000020103030204030505"
        "04040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a"
        "25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a8384858687"
        "88898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2"
        "e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00e4fc1da3ff00abf96bffd9"
    )
    app0_end = 4 + (jpeg[4] << 8 | jpeg[5])

    def segment(marker, payload):
        return bytes([0xFF, marker, (len(payload) + 2) >> 8, (len(payload) + 2) & 0xFF]) + payload

    frame = (jpeg[:app0_end]
             + segment(0xE1, b"Exif\0\0MM\0*Station CT-LINDENAU-07 operator Kreuzkamp")
             + segment(0xFE, "Pat. Oberschmidt-Fenn, Wendelgard KH-4471291 *12.02.1948".encode("latin-1"))
             + jpeg[app0_end:])
    if len(frame) % 2:
        frame += b"\0"
    ds = base("ISO_IR 100", "Oberschmidt-Fenn^Wendelgard", "KH-4471291", ct, "1.2.826.0.1.3680043.99.3.3", "CT")
    ds.file_meta.TransferSyntaxUID = "1.2.840.10008.1.2.4.50"
    ds.BurnedInAnnotation = "NO"
    ds.Rows = 8
    ds.Columns = 8
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 8
    ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.PixelData = encapsulate([frame])
    ds["PixelData"].is_undefined_length = True
    ds["PixelData"].VR = "OB"
    ds.save_as(os.path.join(d, "ct_jpeg_comment.dcm"), write_like_original=False)
    plant("patient-name", "Oberschmidt-Fenn", "Wendelgard")
    plant("mrn", "KH-4471291")
    plant("birth-date", "12.02.1948")
    plant("device-id", "CT-LINDENAU-07")


# --- DICOM in Japanese, Korean and Chinese conventions: ISO 2022 code extensions, GB18030, three component groups ---
def cjk():
    import pydicom
    from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian
    d = os.path.join(HERE, "cjk")
    os.makedirs(d, exist_ok=True)

    def code(value, scheme, meaning):
        c = Dataset()
        c.CodeValue = value
        c.CodingSchemeDesignator = scheme
        c.CodeMeaning = meaning
        return c

    def base(charset, name, pid, sop_class, sop_uid, modality):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = sop_class
        meta.MediaStorageSOPInstanceUID = sop_uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        meta.ImplementationClassUID = "1.2.826.0.1.3680043.99.2.1"
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.SpecificCharacterSet = charset
        ds.SOPClassUID = sop_class
        ds.SOPInstanceUID = sop_uid
        ds.StudyInstanceUID = sop_uid + ".1"
        ds.SeriesInstanceUID = sop_uid + ".2"
        ds.Modality = modality
        ds.PatientName = name
        ds.PatientID = pid
        ds.PatientBirthDate = "19570611"
        ds.PatientSex = "F"
        ds.StudyDate = "20230117"
        ds.StudyTime = "091500"
        ds.AccessionNumber = pid[-6:] + "A"
        return ds

    def image(ds):
        ds.Rows = 2
        ds.Columns = 2
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.BitsAllocated = 16
        ds.BitsStored = 12
        ds.HighBit = 11
        ds.PixelRepresentation = 0
        ds.PixelData = bytes(range(8))
        ds.BurnedInAnnotation = "NO"

    def request(physician, reason):
        req = Dataset()
        req.RequestedProcedureID = "RP-3301"
        req.RequestedProcedureDescription = "Head"
        req.ReasonForTheRequestedProcedure = reason
        req.add_new(0x00321032, "PN", physician)  # Requesting Physician, nested
        return req

    def item(vt, rel, concept, **kw):
        it = Dataset()
        it.RelationshipType = rel
        it.ValueType = vt
        it.ConceptNameCodeSequence = Sequence([concept])
        for k, v in kw.items():
            setattr(it, k, v)
        return it

    # Japanese, ISO 2022 IR 87 (JIS X 0208 by escape sequences), an SR with names in three component groups
    sr = "1.2.840.10008.5.1.4.1.1.88.22"
    ds = base(["", "ISO 2022 IR 87"], "Tsukikage^Hanae=月影^花江=つきかげ^はなえ", "JP-20230117", sr,
              "1.2.826.0.1.3680043.99.4.1", "SR")
    ds.ReferringPhysicianName = "Kurosawa^Genzou=黒沢^源蔵=くろさわ^げんぞう"
    ds.StudyDescription = "頭部MRI 月影様"
    ds.PatientComments = "夫 月影宗一郎 連絡先 090-4417-2286。Tsukikage-san prefers mornings."
    ds.RequestAttributesSequence = Sequence([request("Kurosawa^Genzou=黒沢^源蔵=くろさわ^げんぞう",
                                                     "黒沢先生より紹介。月影花江さん、頭痛")])
    ds.ValueType = "CONTAINER"
    ds.ContinuityOfContent = "SEPARATE"
    ds.CompletionFlag = "COMPLETE"
    ds.VerificationFlag = "UNVERIFIED"
    ds.ConceptNameCodeSequence = Sequence([code("18748-4", "LN", "Diagnostic Imaging Report")])
    lvl2 = [item("TEXT", "CONTAINS", code("121071", "DCM", "Finding"),
                 TextValue="月影花江様：急性梗塞なし。岡林先生と協議。"),
            item("PNAME", "CONTAINS", code("121008", "DCM", "Person Observer Name"),
                 PersonName="Okabayashi^Reiji=岡林^礼二=おかばやし^れいじ"),
            item("CODE", "CONTAINS", code("121071", "DCM", "Finding"),
                 ConceptCodeSequence=Sequence([code("G43.9", "I10", "Migraine, unspecified")]))]
    lvl1 = item("CONTAINER", "CONTAINS", code("121070", "DCM", "Findings"), ContinuityOfContent="SEPARATE",
                ContentSequence=Sequence(lvl2))
    ds.ContentSequence = Sequence([lvl1])
    ds.save_as(os.path.join(d, "sr_jis.dcm"), write_like_original=False)
    plant("patient-name", "Tsukikage", "Hanae", "月影", "花江", "つきかげ", "はなえ")
    plant("clinician-name", "Kurosawa", "Genzou", "黒沢", "源蔵", "くろさわ", "げんぞう",
          "Okabayashi", "Reiji", "岡林", "礼二", "おかばやし", "れいじ")
    plant("relative-name", "宗一郎")
    plant("phone", "090-4417-2286")
    plant("mrn", "JP-20230117")
    keep("cjk", "頭部MRI", "G43.9", "18748-4")

    # Japanese, half-width katakana (ISO_IR 13) as value 1 and JIS X 0208 by escape sequences
    ct = "1.2.840.10008.5.1.4.1.1.2"
    ds = base(["ISO_IR 13", "ISO 2022 IR 87"], "ｷﾘｼﾏ^ﾀｹﾙ=霧島^健=きりしま^たける", "JP-20230342", ct,
              "1.2.826.0.1.3680043.99.4.2", "CT")
    ds.ReferringPhysicianName = "ｵｵﾂｷ^ﾏｻｷ=大槻^正樹=おおつき^まさき"
    ds.StudyDescription = "胸部CT"
    ds.PatientComments = "霧島様 妻 霧島千鶴 同伴"
    ds.RequestAttributesSequence = Sequence([request("ｵｵﾂｷ^ﾏｻｷ=大槻^正樹=おおつき^まさき", "咳嗽")])
    image(ds)
    ds.save_as(os.path.join(d, "ct_ir13.dcm"), write_like_original=False)
    plant("patient-name", "ｷﾘｼﾏ", "ﾀｹﾙ", "霧島", "きりしま", "たける")
    plant("clinician-name", "ｵｵﾂｷ", "ﾏｻｷ", "大槻", "正樹", "おおつき", "まさき")
    plant("relative-name", "千鶴")
    plant("mrn", "JP-20230342")
    keep("cjk", "胸部CT")

    # Korean, ISO 2022 IR 149 (KS X 1001 in G1)
    ds = base(["", "ISO 2022 IR 149"], "Seomun^Jiyun=西門^智允=서문^지윤", "KR-55120873", ct,
              "1.2.826.0.1.3680043.99.4.3", "CT")
    ds.ReferringPhysicianName = "Hwangbo^Dohyeon=皇甫^道賢=황보^도현"
    ds.StudyDescription = "흉부 CT"
    ds.PatientComments = "서문지윤 님. 보호자 남편 서문태식 010-2345-6789"
    ds.RequestAttributesSequence = Sequence([request("Hwangbo^Dohyeon=皇甫^道賢=황보^도현", "황보도현 선생님 의뢰")])
    image(ds)
    ds.save_as(os.path.join(d, "ct_ksx1001.dcm"), write_like_original=False)
    plant("patient-name", "Seomun", "Jiyun", "西門", "智允", "서문", "지윤")
    plant("clinician-name", "Hwangbo", "Dohyeon", "皇甫", "道賢", "황보", "도현")
    plant("relative-name", "태식")
    plant("phone", "010-2345-6789")
    plant("mrn", "KR-55120873")
    keep("cjk", "흉부 CT")

    # Chinese, GB18030 (no code extensions), the phonetic group empty
    ds = base("GB18030", "Zhuge^Mingyue=诸葛^明月=", "CN-81234567", ct, "1.2.826.0.1.3680043.99.4.4", "CT")
    ds.ReferringPhysicianName = "Situ^Haoran=司徒^浩然="
    ds.StudyDescription = "胸部CT平扫"
    ds.PatientComments = "患者诸葛明月女士，丈夫诸葛建国，电话 138-1234-5678"
    ds.RequestAttributesSequence = Sequence([request("Situ^Haoran=司徒^浩然=", "司徒医生申请")])
    image(ds)
    ds.save_as(os.path.join(d, "ct_gb18030.dcm"), write_like_original=False)
    plant("patient-name", "Zhuge", "Mingyue", "诸葛", "明月")
    plant("clinician-name", "Situ", "Haoran", "司徒", "浩然")
    plant("relative-name", "建国")
    plant("phone", "138-1234-5678")
    plant("mrn", "CN-81234567")
    keep("cjk", "胸部CT平扫")

    # A one-character given name (早川^潤), a given name in hiragana only (桜井^ひなの), a Chinese name of two
    # one-character parts (王^芳), each written in the text without a space and without an honorific (decision 0079)
    ds = base(["", "ISO 2022 IR 87"], "Hayakawa^Jun=早川^潤=はやかわ^じゅん", "JP-20230518", ct,
              "1.2.826.0.1.3680043.99.4.5", "CT")
    ds.StudyDescription = "腹部CT 早川潤"
    ds.PatientComments = "早川潤、健康診断の結果。早川潤 禁煙中。"
    image(ds)
    ds.save_as(os.path.join(d, "ct_jis_short.dcm"), write_like_original=False)
    ds = base(["", "ISO 2022 IR 87"], "Sakurai^Hinano=桜井^ひなの=さくらい^ひなの", "JP-20230611", ct,
              "1.2.826.0.1.3680043.99.4.6", "CT")
    ds.StudyDescription = "腹部CT"
    ds.PatientComments = "ひなの、桜の季節に来院。桜井ひなの 母と来院。"
    image(ds)
    ds.save_as(os.path.join(d, "ct_jis_hiragana.dcm"), write_like_original=False)
    ds = base("GB18030", "Wang^Fang=王^芳=", "CN-81239876", ct, "1.2.826.0.1.3680043.99.4.7", "CT")
    ds.StudyDescription = "胸部CT 王芳"
    ds.PatientComments = "王芳今日复诊，血压正常。"
    image(ds)
    ds.save_as(os.path.join(d, "ct_gb18030_short.dcm"), write_like_original=False)
    plant("patient-name", "Hayakawa", "早川", "潤", "はやかわ", "じゅん", "Sakurai", "Hinano", "桜井", "ひなの", "さくらい",
          "Wang", "王芳", "芳")
    plant("mrn", "JP-20230518", "JP-20230611", "CN-81239876")
    keep("cjk", "腹部CT", "健康診断の結果", "禁煙中", "桜の季節に来院", "母と来院", "今日复诊，血压正常")


# --- Excel's saves: "Unicode Text" (UTF-16LE, BOM, tabs) and CSV UTF-8 (BOM, ';', CRLF), notes over lines -------
def excel():
    d = os.path.join(HERE, "excel")
    pts = [("10442", "Ashdown-Fairweather", "Percival", "1948-02-29", "0161 496 0712", "I50.0",
            "Lives alone since wife Gertrude died.\nDaughter Clementine Ashdown-Fairweather visits Sundays."),
           ("10587", "Nussbaumer", "Walburga", "1962-10-05", "0201 8847123", "E11.9",
            "Frau Nussbaumer, Ehemann Hartmut Nussbaumer ruft an.\nHbA1c 7,9 %")]
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "patients.txt"),
              ["Patient ID", "Last Name", "First Name", "Date of Birth", "Phone", "Diagnosis", "Notes"],
              [list(p) for p in pts], delimiter="\t", encoding="utf-16", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[3])
        plant("phone", p[4])
    plant("relative-name", "Gertrude", "Clementine", "Hartmut")
    keep("excel", "I50.0", "E11.9", "7,9")
    rows = [["10442", "01.03.2021", "06.03.2021", "I50.0", "2,1",
             "Herr Ashdown-Fairweather stabil.\r\nRückruf an Tochter Clementine; Dr. Lindqvist-Orr informiert"],
            ["10587", "12.07.2022", "12.07.2022", "E11.9", "7,9",
             "DOB 05.10.1962. Sig.ra Nussbaumer, marito Hartmut presente. Sra. Nussbaumer habla alemán."]]
    path = os.path.join(d, "visits.csv")
    write_csv(path, ["Patient ID", "Aufnahme", "Entlassung", "ICD", "NT-proBNP", "Bemerkung"], rows,
              delimiter=";", encoding="utf-8-sig", newline="\r\n")
    plant("clinician-name", "Lindqvist-Orr")
    keep("excel", "I50.0", "2,1")


# --- FHIR: names only in narrative, contained resources, contact, RelatedPerson, HumanName extensions;
#     free-text notes in Spanish, Italian and German -----------------------------------------------------------------
def fhir_narrative():
    d = os.path.join(HERE, "fhir-narrative")
    os.makedirs(d, exist_ok=True)
    ns = "http://www.w3.org/1999/xhtml"
    pid = "c0ffee00-1111-4222-8333-444455556666"
    patient = {
        "resourceType": "Patient", "id": pid,
        "text": {"status": "generated",
                 "div": '<div xmlns="' + ns + '"><p><b>Ignacio BARRENECHEA OLAIZOLA</b>, NHC 4471-22-9, '
                        'tel. 943 21 87 65</p><p>Contacto: su esposa Itziar Goikoetxea</p></div>'},
        "extension": [
            {"url": "http://example.org/fhir/StructureDefinition/legal-guardian",
             "valueHumanName": {"family": "Goikoetxea", "given": ["Itziar"]}},
            {"url": "http://example.org/fhir/StructureDefinition/emergency-note",
             "valueString": "Avisar a Itziar Goikoetxea (esposa) al 943 21 87 65"}],
        "identifier": [{"system": "urn:oid:2.16.724.4.40", "value": "4471-22-9"}],
        "name": [{"family": "Barrenechea Olaizola", "given": ["Ignacio"]}],
        "gender": "male", "birthDate": "1959-05-14",
        "contact": [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131",
                                                   "code": "N"}]}],
                     "name": {"text": "Jokin Barrenechea", "family": "Barrenechea", "given": ["Jokin"]},
                     "telecom": [{"system": "phone", "value": "688 45 12 90"}],
                     "address": {"line": ["Calle Urbieta 17, 3º izda"], "city": "Donostia"}}]}
    plant("patient-name", "Ignacio", "Barrenechea", "Olaizola", "BARRENECHEA OLAIZOLA")
    plant("mrn", "4471-22-9")
    plant("phone", "943 21 87 65", "688 45 12 90")
    plant("relative-name", "Itziar", "Goikoetxea", "Jokin")
    plant("address", "Calle Urbieta 17")
    plant("birth-date", "1959-05-14")
    related = {"resourceType": "RelatedPerson", "id": "rp-es", "patient": {"reference": "Patient/" + pid},
               "text": {"status": "generated",
                        "div": '<div xmlns="' + ns + '">Itziar Goikoetxea, esposa de Ignacio</div>'},
               "relationship": [{"text": "esposa"}],
               "name": [{"text": "Itziar Goikoetxea"}]}
    obs = {"resourceType": "Observation", "id": "obs-es", "status": "final",
           "subject": {"reference": "Patient/" + pid},
           "text": {"status": "generated",
                    "div": '<div xmlns="' + ns + '">Glucosa 7,4 mmol/L — Sr. Barrenechea, en ayunas</div>'},
           "code": {"coding": [{"system": "http://loinc.org", "code": "2345-7"}]},
           "valueQuantity": {"value": 7.4, "unit": "mmol/L"},
           "effectiveDateTime": "2023-02-01T08:30:00+01:00",
           "note": [{"text": "El Sr. Barrenechea acude acompañado de su esposa Itziar y su hijo Jokin. "
                             "Dra. Arantxa Zubizarreta revisa."}]}
    plant("clinician-name", "Arantxa", "Zubizarreta")
    cond = {"resourceType": "Condition", "id": "cond-it",
            "contained": [{"resourceType": "Patient", "id": "pt",
                           "name": [{"family": "Bonfiglioli", "given": ["Ernestina"]}],
                           "birthDate": "1944-12-08"},
                          {"resourceType": "Practitioner", "id": "pr",
                           "name": [{"text": "Dott. Gianluca Sbarbaro"}]}],
            "subject": {"reference": "#pt"}, "asserter": {"reference": "#pr"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I48.0"}]},
            "note": [{"text": "La sig.ra Bonfiglioli, accompagnata dalla figlia Loredana e dal marito "
                              "Tarcisio Bonfiglioli. Il dott. Sbarbaro consiglia controllo."}]}
    plant("patient-name", "Bonfiglioli", "Ernestina")
    plant("birth-date", "1944-12-08")
    plant("clinician-name", "Gianluca", "Sbarbaro")
    plant("relative-name", "Loredana", "Tarcisio")
    comm = {"resourceType": "Communication", "id": "comm-de", "status": "completed",
            "subject": {"display": "Kranichfeld, Adelheid"},
            "payload": [{"contentString": "Herr Kranichfeld (Ehemann) bittet um Rückruf. Frau Kranichfeld "
                                          "wurde von Frau Dr. Ringelnatz-Obst aufgeklärt. Tochter Wiebke kommt."}],
            "sent": "2023-02-02T10:00:00Z"}
    plant("patient-name", "Kranichfeld", "Adelheid")
    plant("clinician-name", "Ringelnatz-Obst")
    plant("relative-name", "Wiebke")
    bundle = {"resourceType": "Bundle", "id": "b-es", "type": "collection",
              "entry": [{"fullUrl": "urn:uuid:" + pid, "resource": patient},
                        {"fullUrl": "urn:uuid:c0ffee00-1111-4222-8333-444455556667", "resource": related},
                        {"fullUrl": "urn:uuid:c0ffee00-1111-4222-8333-444455556668", "resource": obs}]}
    with open(os.path.join(d, "bundle-es.json"), "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(bundle, ensure_ascii=False, indent=2) + "\n")
    with open(os.path.join(d, "notes.ndjson"), "w", encoding="utf-8", newline="") as f:
        for r in (cond, comm):
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
    keep("fhir-narrative", "2345-7", "I48.0", "7.4")



# --- One subject, several ids (decision 0078): PCORnet/Epic-like tables keyed by patid or by MRN alone, a linking ---
# --- table with both, a FHIR Bundle and DICOM files of the same patients by MRN ------------------------------------
LINKED = [
    # person, patid, mrn, birth date, admission (= lab draw = imaging day), discharge, given, family
    ("A", "PX10021", "E4410021", "1958-03-19", "2021-02-11", "2021-02-16", "Ottoline", "Grishawe"),
    ("B", "PX10045", "E4410045", "1971-12-05", "2022-08-30", "2022-09-02", "Barnabus", "Quillfeather"),
    ("C", "PX10078", "E4410078", "1983-06-27", "2023-01-17", "2023-01-19", "Wenonah", "Ashcombe-Trigg"),
]


def linked():
    import pydicom
    from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian
    d = os.path.join(HERE, "linked")
    # The linking table: patid and MRN of A and B (C is linked by its FHIR Patient only). D and E share one MRN,
    # a data error: their ids are left unlinked (subject-link-conflict in the report).
    write_csv(os.path.join(d, "patient_map.csv"),
              ["patid", "mrn", "patient_first_name", "patient_last_name", "birth_date"],
              [[p[1], p[2], p[6], p[7], p[3]] for p in LINKED[:2]]
              + [["PX10090", "E4410090", "Hephzibah", "Droxford", "1966-10-08"],
                 ["PX10091", "E4410090", "Eustacia", "Droxford", "1969-04-22"]])
    write_csv(os.path.join(d, "visits.csv"),
              ["visit_id", "patid", "admit_date", "discharge_date", "visit_type"],
              [["V%d" % (i + 1), p[1], p[4], p[5], "IP"] for i, p in enumerate(LINKED)]
              + [["V4", "PX10090", "2020-05-06", "2020-05-08", "IP"], ["V5", "PX10091", "2020-07-14", "2020-07-15", "IP"]])
    write_csv(os.path.join(d, "labs.csv"),
              ["lab_id", "mrn", "birth_date", "specimen_date", "lab_loinc", "result_num", "result_unit"],
              [["L%d" % (i + 1), p[2], p[3], p[4], "2345-7", "%.1f" % (6.2 + i), "mmol/L"] for i, p in enumerate(LINKED)]
              + [["L4", "E4410090", "1966-10-08", "2020-05-06", "2160-0", "0.94", "mg/dL"]])
    for p in LINKED:
        plant("patient-id", p[1])
        plant("mrn", p[2])
        plant("birth-date", p[3])
        plant("patient-name", p[6], p[7])
    plant("patient-id", "PX10090", "PX10091")
    plant("mrn", "E4410090")
    plant("patient-name", "Hephzibah", "Eustacia", "Droxford")
    plant("birth-date", "1966-10-08", "1969-04-22")
    keep("linked", "2345-7", "2160-0", "6.2", "7.2", "8.2", "0.94")
    # FHIR: a collection Bundle, each Patient by its MRN (typed MR); C also carries its patid, which links it.
    entries = []
    for p in LINKED:
        ids = [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
                "system": "urn:oid:1.2.826.0.1.3680043.99.7.1", "value": p[2]}]
        if p[0] == "C":
            ids.append({"system": "https://example.org/pcornet/patid", "value": p[1]})
        entries.append({"fullUrl": "urn:uuid:5e1f0000-0000-4000-8000-00000000000" + str(len(entries)),
                        "resource": {"resourceType": "Patient", "identifier": ids,
                                     "name": [{"family": p[7], "given": [p[6]]}], "gender": "unknown",
                                     "birthDate": p[3]}})
    for i, p in enumerate(LINKED):
        entries.append({"fullUrl": "urn:uuid:5e1f0000-0000-4000-8000-0000000001%02d" % i,
                        "resource": {"resourceType": "Encounter", "status": "finished",
                                     "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                                               "code": "IMP"},
                                     "subject": {"reference": "urn:uuid:5e1f0000-0000-4000-8000-00000000000" + str(i)},
                                     "period": {"start": p[4], "end": p[5]}}})
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "bundle.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump({"resourceType": "Bundle", "type": "collection", "entry": entries}, f, indent=2,
                  ensure_ascii=False)
        f.write("\n")
    # DICOM: A by its MRN as Patient ID; B under a RIS number with the MRN in Other Patient IDs Sequence.
    ct = "1.2.840.10008.5.1.4.1.1.2"
    for n, p in enumerate(LINKED[:2]):
        uid = "1.2.826.0.1.3680043.99.8.%d" % (n + 1)
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = ct
        meta.MediaStorageSOPInstanceUID = uid
        meta.TransferSyntaxUID = ExplicitVRLittleEndian
        meta.ImplementationClassUID = "1.2.826.0.1.3680043.99.2.1"
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.is_little_endian = True
        ds.is_implicit_VR = False
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.SOPClassUID = ct
        ds.SOPInstanceUID = uid
        ds.StudyInstanceUID = uid + ".1"
        ds.SeriesInstanceUID = uid + ".2"
        ds.Modality = "CT"
        ds.PatientName = p[7] + "^" + p[6]
        if p[0] == "A":
            ds.PatientID = p[2]
            ds.IssuerOfPatientID = "EPIC"
        else:
            ds.PatientID = "RIS-7730%d" % n
            ds.IssuerOfPatientID = "RIS"
            other = Dataset()
            other.PatientID = p[2]
            other.IssuerOfPatientID = "EPIC"
            other.TypeOfPatientID = "TEXT"
            ds.OtherPatientIDsSequence = Sequence([other])
            plant("mrn", "RIS-7730%d" % n)
        ds.PatientSex = "O"
        ds.StudyDate = p[4].replace("-", "")
        ds.SeriesDate = p[4].replace("-", "")
        ds.StudyTime = "093000"
        ds.StudyDescription = "CT Abdomen"
        ds.BurnedInAnnotation = "NO"
        ds.save_as(os.path.join(d, "ct_%s.dcm" % p[0].lower()), write_like_original=False)
    keep("linked", "CT Abdomen")

# --- NHS England extract (HES-like): UPPERCASE headers, NHS numbers with and without spaces, dd/MM/yyyy, CRLF,
#     UK postcodes and LSOA codes, 4-character ICD-10 without a dot, OPCS-4, SNOMED CT UK extension codes ---------
def uk():
    d = os.path.join(HERE, "uk")
    # NHS numbers from the 999 test range, with valid modulus-11 check digits
    pts = [("9990012342", "999 001 2342", "RTH0012345", "O'ROURKE-MACLEOD", "Siobhan", "14/07/1953", "2", "A",
            "27 Cowley Road", "OX4 1HP", "E01028522", "K84031", "01865 741166"),
           ("9990034567", "999 003 4567", "RRK0045678", "AHMED", "Tariq", "02/11/1968", "1", "H",
            "Flat 3, 114 Stratford Road", "B12 9QL", "E01009170", "M85063", "07700 900123"),
           ("9990045674", "999 004 5674", "7A40078901", "WILLIAMS-JONES", "Gwenllian", "29/02/1932", "2", "A",
            "Ty Gwyn, 5 Heol y Plas", "CF10 3NQ", "W01001770", "W97016", "+44 (0)29 2087 4000")]
    write_csv(os.path.join(d, "patients.csv"),
              ["NHS_NUMBER", "LOCAL_PATIENT_ID", "SURNAME", "FORENAME", "DATE_OF_BIRTH", "SEX", "ETHNIC_CATEGORY",
               "ADDRESS_LINE_1", "POSTCODE", "LSOA11", "GP_PRACTICE_CODE", "TELEPHONE"],
              [[p[1]] + list(p[2:]) for p in pts], newline="\r\n")
    for p in pts:
        plant("national-id", p[0], p[1])
        plant("patient-id", p[2])
        plant("patient-name", p[3], p[4])
        plant("birth-date", p[5])
        plant("address", p[8], p[9], p[10])
        plant("phone", p[12])
    eps = [("300012345671", "9990012342", "04/03/2021", "09/03/2021", "E119", "I10X", "X292", "67", "21", "300",
            "RTH", "C4123456"),
           ("300012345688", "9990034567", "10/11/2021", "15/11/2021", "I214", "E785", "K401", "53", "11", "170",
            "RRK", "C4234567"),
           ("300012345695", "9990045674", "15/01/2022", "02/02/2022", "J189", "N183", "E851", "89", "21", "300",
            "7A4", "C4345678")]
    write_csv(os.path.join(d, "apc_episodes.csv"),
              ["EPIKEY", "NHS_NUMBER", "ADMIDATE", "DISDATE", "DIAG_4_01", "DIAG_4_02", "OPERTN_4_01", "STARTAGE",
               "ADMIMETH", "MAINSPEF", "PROCODE3", "CONSULTANT_CODE"], [list(e) for e in eps], newline="\r\n")
    for e in eps:
        plant("encounter-id", e[0])
    keep("uk", "E119", "I10X", "X292", "I214", "E785", "K401", "J189", "N183", "E851", "300", "170")
    write_csv(os.path.join(d, "apc_diagnoses.csv"), ["EPIKEY", "DIAG_ORDER", "DIAG_CODE", "DIAG_DESCRIPTION"],
              [["300012345671", "1", "E11.9", "Type 2 diabetes mellitus without complications"],
               ["300012345671", "2", "I10", "Essential (primary) hypertension"],
               ["300012345688", "1", "I21.4", "Acute subendocardial myocardial infarction"],
               ["300012345695", "1", "J18.9", "Pneumonia, unspecified"]], newline="\r\n")
    keep("uk", "E11.9", "I21.4", "J18.9", "Acute subendocardial myocardial infarction")
    write_csv(os.path.join(d, "pathology.csv"),
              ["NHS_NUMBER", "SPECIMEN_DATE", "SNOMED_CODE", "READ_CODE", "TEST_NAME", "RESULT", "UNITS"],
              [["999 001 2342", "05/03/2021", "1019431000000105", "XaPbt", "HbA1c (IFCC)", "58", "mmol/mol"],
               ["999 003 4567", "11/11/2021", "1000731000000107", "XE2q5", "Serum creatinine", "88", "umol/L"],
               ["999 004 5674", "16/01/2022", "1022191000000100", "44J3.", "Serum urea", "7.9", "mmol/L"]],
              newline="\r\n")
    keep("uk", "1019431000000105", "1000731000000107", "1022191000000100", "XaPbt", "XE2q5", "44J3.", "mmol/mol",
         "7.9")
    write_csv(os.path.join(d, "clinic_letters.csv"), ["LETTER_ID", "NHS_NUMBER", "CLINIC_DATE", "AUTHOR", "LETTER_TEXT"],
              [["L0001", "999 001 2342", "12/04/2021", "Dr Imogen Ashworth-Crane",
                "Dear Dr Pemberton-Whyte, I reviewed Mrs Siobhan O'Rourke-MacLeod (DOB 14/07/1953, NHS No 999 001 2342) "
                "of 27 Cowley Road, Oxford OX4 1HP in the diabetes clinic today. HbA1c 58 mmol/mol. Her daughter Niamh "
                "can be reached on 07700 900456. Yours sincerely, Dr Imogen Ashworth-Crane"],
               ["L0002", "999 003 4567", "06/12/2021", "Mr Rhodri Llewellyn-Bowen",
                "Mr Ahmed (hospital no. RRK0045678) attended with his wife Farzana. Tel 07700 900123. He remains on "
                "ramipril 5 mg. ECG: sinus rhythm. His son now lives at 9 Foxglove Mews, round the corner."],
               ["L0003", "999 004 5674", "03/03/2022", "Dr Imogen Ashworth-Crane",
                "Mrs Williams-Jones lives alone at Ty Gwyn, Heol y Plas, Cardiff CF10 3NQ. Her neighbour "
                "Mr Dafydd Pritchard holds a key (tel. 029 2087 4411). NHS number 9990045674."]], newline="\r\n")
    plant("clinician-name", "Ashworth-Crane", "Pemberton-Whyte", "Llewellyn-Bowen", "Imogen", "Rhodri")
    plant("relative-name", "Niamh", "Farzana", "Pritchard")
    plant("phone", "07700 900456", "029 2087 4411")
    plant("address", "9 Foxglove Mews")  # decision 0192


# --- A US Medicare claims extract in CMS's DE-SynPUF / CCW style: DESYNPUF_ID (16 hex digits) as the patient key,
#     yyyymmdd dates, ICD-9 without its dot (V and E codes, leading zeros), NDCs of 11 digits, HCPCS, DRG, NPIs, tax
#     numbers, SSA state and county codes, 9-digit ZIPs and MBIs, a side table of names and a care managers' notes -----
def claims():
    import datetime

    def ymd(v):
        return datetime.date(int(v[:4]), int(v[4:6]), int(v[6:]))
    d = os.path.join(HERE, "claims")
    # id, birth, death, sex, race, ESRD, SSA state, SSA county, ZIP+4 (no dash), MBI, first, last, street, city, phone
    benes = [("00A4F2C81D3B7E95", "19380517", "", "2", "1", "0", "22", "030", "021843307", "2QR7WX3HJ58",
              "Dorothy", "Quackenbush", "41 Quarry Hill Rd", "Braintree", "617-555-0142"),
             ("1F04B9D27E6C3A85", "19290904", "", "1", "1", "0", "23", "380", "490081742", "5CT9AN2PD61",
              "Leopold", "Szczepaniak-Orr", "2210 Oakland Dr Apt 3", "Kalamazoo", "269-555-0117"),
             ("3C92E0F1A8B74D26", "19450612", "20100930", "2", "2", "Y", "10", "120", "330121955", "7HK3E84YW20",
              "Marguerite", "Thibodeaux-Nakamura", "1580 W 49th St", "Hialeah", "(305) 555-0173"),
             ("7E5D1A3B9C08F412", "19520308", "", "1", "5", "0", "05", "010", "945361108", "9GM2UF4RT47",
              "Ignatius", "Featherstonehaugh", "88 Mowry Ave", "Fremont", "510-555-0126")]
    flags = [["1", "1", "2", "2", "2", "2", "1", "1", "2", "1", "2"], ["2", "2", "2", "2", "1", "2", "2", "1", "2", "2", "2"],
             ["2", "1", "1", "1", "2", "1", "1", "2", "2", "2", "1"], ["2", "2", "2", "2", "2", "2", "1", "2", "1", "1", "2"]]
    money = [["8000.00", "1068.00", "0.00", "540.00", "110.00", "0.00"], ["6000.00", "1068.00", "0.00", "0.00", "0.00", "0.00"],
             ["26400.00", "2136.00", "0.00", "1230.00", "260.00", "0.00"], ["12770.00", "1068.00", "0.00", "0.00", "0.00", "0.00"]]
    write_csv(os.path.join(d, "beneficiary_summary.csv"),
              ["DESYNPUF_ID", "BENE_BIRTH_DT", "BENE_DEATH_DT", "BENE_SEX_IDENT_CD", "BENE_RACE_CD", "BENE_ESRD_IND",
               "SP_STATE_CODE", "BENE_COUNTY_CD", "BENE_ZIP_CD", "BENE_MBI", "BENE_HI_CVRAGE_TOT_MONS",
               "BENE_SMI_CVRAGE_TOT_MONS", "BENE_HMO_CVRAGE_TOT_MONS", "PLAN_CVRG_MOS_NUM", "SP_ALZHDMTA", "SP_CHF",
               "SP_CHRNKIDN", "SP_CNCR", "SP_COPD", "SP_DEPRESSN", "SP_DIABETES", "SP_ISCHMCHT", "SP_OSTEOPRS",
               "SP_RA_OA", "SP_STRKETIA", "MEDREIMB_IP", "BENRES_IP", "PPPYMT_IP", "MEDREIMB_OP", "BENRES_OP",
               "PPPYMT_OP"],
              [[b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], "12", "12", "0", m]
               + f + money[i] for i, (b, f, m) in enumerate(zip(benes, flags, ["12", "12", "9", "12"]))])
    write_csv(os.path.join(d, "bene_pii.csv"),
              ["DESYNPUF_ID", "BENE_FIRST_NAME", "BENE_LAST_NAME", "BENE_ADDR_LINE_1", "BENE_CITY", "BENE_PHONE"],
              [[b[0], b[10], b[11], b[12], b[13], b[14]] for b in benes])
    for b in benes:
        plant("patient-id", b[0])
        plant("birth-date", b[1])
        plant("address", b[8], b[12], b[13])
        plant("national-id", b[9])
        plant("patient-name", b[10], b[11])
        plant("phone", b[14])
    plant("death-date", "20100930")
    keep("claims", "26400.00", "12770.00", "1068.00")
    # NPIs (10 digits, Luhn over 80840 and the first nine) of attending and operating physicians
    npi = ["1447028394", "1593264710", "1288741055", "1773059625", "1039482751", "1655203184"]
    dx = [["4280", "4019", "25000", "V5869", "E8809", "42731", "2724", "", "", ""],
          ["4280", "4019", "5849", "V4581", "", "", "", "", "", ""],
          ["4280", "40391", "5856", "", "", "", "", "", "", ""],
          ["486", "49121", "0389", "V4581", "2859", "", "", "", "", ""],
          ["1977", "51881", "V1046", "E9320", "1970", "78701", "", "", "", ""],
          ["V5789", "71536", "4359", "4011", "", "", "", "", "", ""]]
    # id, bene, segment, from, thru, admission, discharge, provider, payment, attending, operating, admitting dx, DRG,
    # procedure
    ip = [("196661176988405", 0, "1", "20090412", "20090418", "20090412", "20090418", "2201GT", "8000.00", 0, 1,
           "78650", "291", "3722"),
          ("196661176988412", 0, "1", "20100105", "20100121", "20100105", "20100121", "2201GT", "11230.00", 0, 1,
           "4280", "291", ""),
          ("196661176988412", 0, "2", "20100105", "20100121", "20100105", "20100121", "2201GT", "1540.00", 0, 1,
           "4280", "291", ""),
          ("196201177000368", 1, "1", "20080923", "20080927", "20080923", "20080927", "2300QC", "6000.00", 2, 3,
           "486", "194", "9604"),
          ("196991176963086", 2, "1", "20100801", "20100830", "20100801", "20100830", "1000RM", "26400.00", 4, 4,
           "51881", "065", "0066"),
          ("196991176971757", 3, "1", "20091124", "20091126", "20091124", "20091126", "0500KX", "12770.00", 5, 5,
           "71536", "470", "8154")]
    write_csv(os.path.join(d, "inpatient_claims.csv"),
              ["DESYNPUF_ID", "CLM_ID", "SEGMENT", "CLM_FROM_DT", "CLM_THRU_DT", "PRVDR_NUM", "CLM_PMT_AMT",
               "AT_PHYSN_NPI", "OP_PHYSN_NPI", "CLM_ADMSN_DT", "ADMTNG_ICD9_DGNS_CD", "CLM_UTLZTN_DAY_CNT",
               "NCH_BENE_DSCHRG_DT", "CLM_DRG_CD"]
              + ["ICD9_DGNS_CD_%d" % i for i in range(1, 11)] + ["ICD9_PRCDR_CD_1", "ICD9_PRCDR_CD_2", "HCPCS_CD_1"],
              [[benes[c[1]][0], c[0], c[2], c[3], c[4], c[7], c[8], npi[c[9]], npi[c[10]], c[5], c[11],
                str((ymd(c[6]) - ymd(c[5])).days), c[6], c[12]] + dx[i]
               + [c[13], "", ""] for i, c in enumerate(ip)])
    for c in ip:
        plant("claim-id", c[0])
    plant("npi", *npi)
    keep("claims", "4280", "4019", "25000", "V5869", "E8809", "42731", "0389", "V4581", "E9320", "V1046", "V5789",
         "78650", "51881", "291", "194", "065", "470", "3722", "9604", "0066", "8154", "11230.00")
    # carrier (physician) claims: two lines each, HCPCS, line diagnoses, performing NPIs and tax numbers
    car = [("887183386178052", 0, "20090506", "20090506", "4019", "25000", "99213", "G0431", "70.00", "40.00", "4019", "V700",
            "043419875", 0),
           ("887023386111197", 0, "20100210", "20100210", "4280", "", "99214", "93000", "90.00", "20.00", "4280", "4280",
            "043419875", 0),
           ("887013385983406", 1, "20081014", "20081014", "49121", "486", "99213", "71020", "70.00", "30.00", "49121",
            "486", "381724690", 2),
           ("887453386054215", 2, "20100715", "20100715", "1977", "", "G0439", "80053", "110.00", "10.00", "V700", "1977",
            "650338211", 4),
           ("887363386102730", 3, "20091210", "20091210", "V5789", "71536", "99213", "36415", "70.00", "0.00", "71536",
            "V5789", "946102557", 5)]
    write_csv(os.path.join(d, "carrier_claims.csv"),
              ["DESYNPUF_ID", "CLM_ID", "CLM_FROM_DT", "CLM_THRU_DT", "ICD9_DGNS_CD_1", "ICD9_DGNS_CD_2",
               "PRF_PHYSN_NPI_1", "PRF_PHYSN_NPI_2", "TAX_NUM_1", "TAX_NUM_2", "HCPCS_CD_1", "HCPCS_CD_2",
               "LINE_NCH_PMT_AMT_1", "LINE_NCH_PMT_AMT_2", "LINE_ICD9_DGNS_CD_1", "LINE_ICD9_DGNS_CD_2"],
              [[benes[c[1]][0], c[0], c[2], c[3], c[4], c[5], npi[c[13]], npi[c[13]], c[12], c[12], c[6], c[7], c[8],
                c[9], c[10], c[11]] for c in car])
    for c in car:
        plant("claim-id", c[0])
        plant("tax-id", c[12])
    keep("claims", "99213", "G0431", "99214", "93000", "71020", "G0439", "80053", "36415", "V700", "70.00", "110.00")
    # Part D events: NDCs of 11 digits (labeler 5, product 4, package 2), leading zeros kept
    rx = [("233004419270285", 0, "20090420", "00378018001", "30", "30", "10.00", "12.60"),
          ("233004419270292", 0, "20090520", "00093105801", "90", "90", "0.00", "21.90"),
          ("233164419289503", 1, "20081001", "68180051301", "30", "30", "3.00", "7.20"),
          ("233984419324411", 2, "20100802", "00006074931", "60", "30", "47.35", "268.15"),
          ("233984419324428", 2, "20100815", "00781507810", "100", "50", "5.00", "14.40"),
          ("233514419301187", 3, "20091127", "00406052362", "40", "10", "2.50", "9.80")]
    write_csv(os.path.join(d, "rx_events.csv"),
              ["DESYNPUF_ID", "PDE_ID", "SRVC_DT", "PROD_SRVC_ID", "QTY_DSPNSD_NUM", "DAYS_SUPLY_NUM", "PTNT_PAY_AMT",
               "TOT_RX_CST_AMT"],
              [[benes[r[1]][0], r[0], r[2], r[3], r[4], r[5], r[6], r[7]] for r in rx])
    for r in rx:
        plant("claim-id", r[0])
    keep("claims", "00378018001", "00093105801", "68180051301", "00006074931", "00781507810", "00406052362", "47.35",
         "268.15")
    # a care management registry linked to the claims: the notes name the beneficiary, relatives, a physician
    write_csv(os.path.join(d, "case_notes.csv"), ["NOTE_ID", "DESYNPUF_ID", "NOTE_DT", "CARE_MGR", "NOTE_TXT"],
              [["CN-0001", benes[0][0], "03/14/2010", "Bernadette Okonkwo-Reyes",
                "Call with Mrs. Dorothy Quackenbush (MBI 2QR7-WX3-HJ58) after discharge on 01/21/2010. Daughter Renata "
                "can be reached at (617) 555-0199; she stays with her mother at 41 Quarry Hill Rd, Braintree MA "
                "02184-3307. DOB 05/17/1938. CHF, on furosemide 40 mg daily. Quackenbush agrees to weigh daily."],
               ["CN-0002", benes[0][0], "04/02/2010", "Bernadette Okonkwo-Reyes",
                "Weight stable. Renata asks for a callback on 617-555-0142 before 04/09/2010."],
               ["CN-0003", benes[1][0], "09/29/2008", "Tobias Grunewald",
                "Home visit. Leopold Szczepaniak-Orr (Medicare no. 5CT9AN2PD61) still coughing after pneumonia. "
                "Son Casimir manages his pills; inhaler changed to NDC 00093721056. PCP Dr. Wilhelmina Fairbanks-Ogle, "
                "NPI 1288741055."],
               ["CN-0004", benes[1][0], "10/14/2008", "Tobias Grunewald",
                "Seen by Dr. Fairbanks-Ogle today; chest film clear. Szczepaniak-Orr declines home oxygen."],
               ["CN-0005", benes[2][0], "08/03/2010", "Bernadette Okonkwo-Reyes",
                "Pt Marguerite Thibodeaux-Nakamura readmitted 08/01/2010, husband Hiroshi at bedside. Hospice "
                "referral discussed. Contact (305) 555-0173. New card 7HK3-E84-YW20 mailed to the daughter-in-law."],
               ["CN-0006", benes[3][0], "11/30/2009", "Tobias Grunewald",
                "Spoke with Mr. Featherstonehaugh after knee replacement on 11/24/2009; wife Philippa needs a ride "
                "from 88 Mowry Ave, Fremont. MBI 9GM2-UF4-RT47."]])
    plant("national-id", "2QR7-WX3-HJ58", "9GM2-UF4-RT47", "7HK3-E84-YW20")
    plant("relative-name", "Renata", "Casimir", "Hiroshi", "Philippa")
    plant("clinician-name", "Okonkwo-Reyes", "Bernadette", "Grunewald", "Tobias", "Wilhelmina", "Fairbanks-Ogle")
    plant("phone", "(617) 555-0199")
    plant("address", "02184-3307")
    plant("birth-date", "05/17/1938")
    plant("event-date", "03/14/2010", "01/21/2010", "04/09/2010", "08/01/2010", "11/24/2009")
    keep("claims", "furosemide 40 mg daily", "chest film clear", "Hospice", "NDC 00093721056")


# --- A MIMIC-IV-style hospital export (PhysioNet's conventions) before de-identification: lowercase headers, 8-digit
#     integer subject_id/hadm_id/stay_id/transfer_id, module folders hosp/, icu/, note/, ICD-9 and ICD-10 without a
#     dot beside icd_version, itemids, staff ids (admit_provider_id, order_provider_id, caregiver_id), anchor_age /
#     anchor_year / dod, composite note ids (subject_id-DS-seq), discharge summaries with real names where MIMIC has ___
def mimic():
    import datetime
    d = os.path.join(HERE, "mimic")
    # subject_id, MRN, first, last, sex, DOB, street, city, ZIP, SSN, phone, dod
    pts = [("10000032", "4471093", "Euphemia", "Blackwood-Tran", "F", "1941-08-02", "14 Pemberton Sq", "Somerville",
            "02143", "023-45-6781", "617-555-0148", ""),
           ("10002428", "4471582", "Thaddeus", "Okafor-Lindqvist", "M", "1955-01-19", "301 Dorchester Ave Apt 2",
            "Quincy", "02169", "031-62-7704", "(781) 555-0163", "2019-06-02"),
           ("10003400", "4472210", "Wilhelmina", "Szymborska", "F", "1927-11-23", "9 Linden Ct", "Brookline", "02446",
            "018-27-3395", "617.555.0121", ""),
           ("10004235", "4473371", "Bartholomew", "Achterberg", "M", "1968-04-30", "77 Cedar Hollow Rd", "Framingham",
            "01701", "029-81-4456", "508-555-0174", "")]
    anchor_year = "2019"
    def age(dob):
        b = datetime.date.fromisoformat(dob)
        return 2019 - b.year - ((7, 1) < (b.month, b.day))
    write_csv(os.path.join(d, "hosp", "patients_pii.csv"),
              ["subject_id", "mrn", "first_name", "last_name", "dob", "address", "city", "zip", "ssn", "phone"],
              [[p[0], p[1], p[2], p[3], p[5], p[6], p[7], p[8], p[9], p[10]] for p in pts])
    write_csv(os.path.join(d, "hosp", "patients.csv"),
              ["subject_id", "gender", "anchor_age", "anchor_year", "anchor_year_group", "dod"],
              [[p[0], p[4], str(age(p[5])), anchor_year, "2017 - 2019", p[11]] for p in pts])
    for p in pts:
        plant("patient-id", p[0])
        plant("mrn", p[1])
        plant("patient-name", p[2], p[3])
        plant("birth-date", p[5])
        plant("address", p[6], p[7], p[8])
        plant("national-id", p[9])
        plant("phone", p[10])
    plant("death-date", "2019-06-02")
    keep("mimic", "2017 - 2019")
    # staff: the hospital's provider table (MIMIC keeps provider_id alone), caregivers of the ICU
    prov = [("P49AFC", "Abernathy-Vance", "Cornelius"), ("P72QXD", "Hargreave", "Imogen"),
            ("P13KZR", "Oyelaran", "Festus"), ("P88MWT", "Quimby", "Rosamund")]
    write_csv(os.path.join(d, "hosp", "provider.csv"), ["provider_id", "last_name", "first_name"],
              [list(p) for p in prov])
    for p in prov:
        plant("staff-id", p[0])
        plant("clinician-name", p[1], p[2])
    # hadm_id, subject, admit, disch, death, type, provider, admission location, discharge location, insurance,
    # language, marital, race, edreg, edout
    adm = [("20626031", 0, "2019-03-14 07:15:00", "2019-03-20 13:40:00", "", "EW EMER.", 0, "EMERGENCY ROOM", "HOME",
            "Medicare", "ENGLISH", "WIDOWED", "WHITE", "2019-03-14 05:02:00", "2019-03-14 07:31:00"),
           ("22841357", 0, "2019-05-02 16:20:00", "2019-05-04 11:05:00", "", "URGENT", 1,
            "PHYSICIAN REFERRAL", "HOME HEALTH CARE", "Medicare", "ENGLISH", "WIDOWED", "WHITE", "", ""),
           ("25563031", 1, "2019-05-28 22:48:00", "2019-06-02 04:10:00", "2019-06-02 04:10:00", "EW EMER.", 2,
            "EMERGENCY ROOM", "DIED", "Medicaid", "?", "DIVORCED", "BLACK/AFRICAN AMERICAN", "2019-05-28 21:15:00",
            "2019-05-28 23:02:00"),
           ("23403708", 2, "2019-09-09 10:00:00", "2019-09-13 15:30:00", "", "ELECTIVE", 1,
            "PHYSICIAN REFERRAL", "SKILLED NURSING FACILITY", "Medicare", "POLISH", "WIDOWED", "WHITE", "", ""),
           ("29079034", 3, "2019-11-21 03:12:00", "2019-11-22 18:45:00", "", "OBSERVATION ADMIT", 3,
            "WALK-IN/SELF REFERRAL", "HOME", "Other", "ENGLISH", "MARRIED", "HISPANIC/LATINO - PUERTO RICAN",
            "2019-11-21 01:40:00", "2019-11-21 03:30:00")]
    write_csv(os.path.join(d, "hosp", "admissions.csv"),
              ["subject_id", "hadm_id", "admittime", "dischtime", "deathtime", "admission_type", "admit_provider_id",
               "admission_location", "discharge_location", "insurance", "language", "marital_status", "race",
               "edregtime", "edouttime", "hospital_expire_flag"],
              [[pts[a[1]][0], a[0], a[2], a[3], a[4], a[5], prov[a[6]][0], a[7], a[8], a[9], a[10], a[11], a[12],
                a[13], a[14], "1" if a[4] else "0"] for a in adm])
    for a in adm:
        plant("encounter-id", a[0])
        plant("event-date", a[2][:10])
    keep("mimic", "EW EMER.", "EMERGENCY ROOM", "SKILLED NURSING FACILITY", "BLACK/AFRICAN AMERICAN",
         "HISPANIC/LATINO - PUERTO RICAN", "POLISH", "Medicaid")
    # transfers: transfer_id (8 digits), care units
    tr = [("30000131", 0, "ED", "Emergency Department", "2019-03-14 05:02:00", "2019-03-14 07:31:00"),
          ("35514627", 0, "admit", "Medical Intensive Care Unit (MICU)", "2019-03-14 07:31:00", "2019-03-16 09:12:00"),
          ("37840221", 0, "transfer", "Medicine", "2019-03-16 09:12:00", "2019-03-20 13:40:00"),
          ("31203349", 2, "admit", "Cardiac Vascular Intensive Care Unit (CVICU)", "2019-05-28 23:02:00",
           "2019-06-02 04:10:00"),
          ("36640918", 4, "admit", "Medicine/Cardiology", "2019-11-21 03:30:00", "2019-11-22 18:45:00")]
    write_csv(os.path.join(d, "hosp", "transfers.csv"),
              ["subject_id", "hadm_id", "transfer_id", "eventtype", "careunit", "intime", "outtime"],
              [[pts[adm[t[1]][1]][0], adm[t[1]][0], t[0], t[2], t[3], t[4], t[5]] for t in tr])
    for t in tr:
        plant("encounter-id", t[0])
    # diagnoses: ICD-9 and ICD-10 without the dot, beside their version
    dx = [(0, ["I5023", "N179", "E119", "I10", "Z7901"], "10"), (1, ["I509", "E1122", "Z794"], "10"),
          (2, ["4280", "5849", "25000", "41401", "V4581"], "9"), (3, ["J189", "F0390", "R531"], "10"),
          (4, ["R0789", "E785", "Z87891"], "10")]
    write_csv(os.path.join(d, "hosp", "diagnoses_icd.csv"),
              ["subject_id", "hadm_id", "seq_num", "icd_code", "icd_version"],
              [[pts[adm[a][1]][0], adm[a][0], str(i + 1), c, v] for a, cs, v in dx for i, c in enumerate(cs)])
    keep("mimic", "I5023", "N179", "E119", "Z7901", "E1122", "4280", "5849", "25000", "41401", "V4581", "F0390",
         "R0789", "Z87891")
    # labs: itemids, values with units and flags; comments and a free-text value with staff names
    labs = [(0, "50912", 1, "2019-03-14 08:02:00", "2019-03-14 08:51:00", "1.6", "mg/dL", "0.4", "1.1", "abnormal",
             "STAT", ""),
            (0, "50971", 1, "2019-03-14 08:02:00", "2019-03-14 08:51:00", "5.9", "mEq/L", "3.3", "5.1", "abnormal",
             "STAT", "VERIFIED BY REPEAT ANALYSIS. CRITICAL VALUE CALLED TO DR. HARGREAVE 08:55 BY ROSAMUND QUIMBY."),
            (0, "51222", 1, "2019-03-14 08:02:00", "2019-03-14 09:10:00", "10.2", "g/dL", "11.2", "15.7", "abnormal",
             "STAT", ""),
            (1, "50912", 1, "2019-05-03 06:10:00", "2019-05-03 07:02:00", "1.2", "mg/dL", "0.4", "1.1", "abnormal",
             "ROUTINE", ""),
            (2, "50912", 2, "2019-05-28 23:40:00", "2019-05-29 00:31:00", "3.4", "mg/dL", "0.5", "1.2", "abnormal",
             "STAT", "Hemolyzed specimen, redrawn per Festus Oyelaran; patient Okafor-Lindqvist notified."),
            (2, "50813", 2, "2019-05-28 23:40:00", "2019-05-28 23:58:00", "4.7", "mmol/L", "0.5", "2", "abnormal",
             "STAT", ""),
            (3, "51301", 1, "2019-09-10 05:30:00", "2019-09-10 06:44:00", "7.8", "K/uL", "4", "11", "", "ROUTINE",
             ""),
            (4, "50931", 3, "2019-11-21 04:05:00", "2019-11-21 04:50:00", "112", "mg/dL", "70", "100", "abnormal",
             "STAT", ""),
            (4, "51003", 3, "2019-11-21 04:05:00", "2019-11-21 05:20:00", "<0.01", "ng/mL", "0", "0.01", "",
             "STAT", "GREATER THAN 99TH PERCENTILE OF THE UPPER REFERENCE LIMIT IS ABNORMAL.")]
    write_csv(os.path.join(d, "hosp", "labevents.csv"),
              ["labevent_id", "subject_id", "hadm_id", "specimen_id", "itemid", "order_provider_id", "charttime",
               "storetime", "value", "valuenum", "valueuom", "ref_range_lower", "ref_range_upper", "flag",
               "priority", "comments"],
              [[str(1000 + i), pts[adm[l[0]][1]][0], adm[l[0]][0], str(52718340 + 7 * (i // 2)), l[1],
                prov[l[2]][0], l[3], l[4], l[5], "" if l[5].startswith("<") else l[5], l[6], l[7], l[8], l[9],
                l[10], l[11]] for i, l in enumerate(labs)])
    keep("mimic", "50912", "50971", "51222", "50813", "51301", "50931", "51003", "mg/dL", "mEq/L", "K/uL", "ng/mL",
         "<0.01", "VERIFIED BY REPEAT ANALYSIS", "GREATER THAN 99TH PERCENTILE", "Hemolyzed specimen")
    # microbiology: read-back comments name the staff who took the result, in capitals (MIMIC has ___ there)
    write_csv(os.path.join(d, "hosp", "microbiologyevents.csv"),
              ["microevent_id", "subject_id", "hadm_id", "micro_specimen_id", "chartdate", "charttime",
               "spec_itemid", "spec_type_desc", "test_itemid", "test_name", "org_itemid", "org_name", "ab_name",
               "interpretation", "comments", "storetime"],
              [["201", "10000032", "20626031", "7431702", "2019-03-14", "2019-03-14 08:10:00", "70012",
                "BLOOD CULTURE", "90201", "Blood Culture, Routine", "80023", "STAPH AUREUS COAG +", "OXACILLIN", "S",
                "REPORTED TO AND READ BACK BY LINH NGUYEN (PAGER 52411) ON 3/15/19 AT 14:20.", "2019-03-15 14:25:00"],
               ["202", "10002428", "25563031", "7431955", "2019-05-29", "2019-05-29 00:20:00", "70079", "URINE",
                "90039", "URINE CULTURE", "80026", "PSEUDOMONAS AERUGINOSA", "CEFEPIME", "S",
                "NOTIFIED ODALYS FITZGERALD-BAUER AT 10:05 ON 5/30/2019.", "2019-05-30 10:09:00"],
               ["203", "10004235", "29079034", "7432188", "2019-11-21", "2019-11-21 04:05:00", "70012",
                "BLOOD CULTURE", "90201", "Blood Culture, Routine", "", "", "", "",
                "CRITICAL RESULT CALLED TO RN BRONWEN TREMAYNE 11/22/2019 09:12. No growth to date.",
                "2019-11-22 09:15:00"]])
    plant("clinician-name", "Linh", "Nguyen", "Odalys", "Fitzgerald", "Bauer", "Bronwen", "Tremayne")
    plant("event-date", "3/15/19", "5/30/2019", "11/22/2019")
    keep("mimic", "STAPH AUREUS COAG +", "OXACILLIN", "PSEUDOMONAS AERUGINOSA", "No growth to date")
    # prescriptions: NDC of 11 digits, GSN with its leading zero
    rx = [(0, "P72QXD", "2019-03-14 10:00:00", "2019-03-20 12:00:00", "Furosemide", "FURO40I", "008208",
           "00641608025", "40mg/4mL Vial", "40", "mg", "IV"),
          (0, "P72QXD", "2019-03-15 08:00:00", "2019-03-20 12:00:00", "Metoprolol Succinate XL", "METO25XL", "016549",
           "00186109205", "25mg Tab", "25", "mg", "PO"),
          (2, "P13KZR", "2019-05-29 00:15:00", "2019-06-02 04:10:00", "Heparin", "HEPA5I", "006549", "63323026201",
           "5000 Units / mL- 1mL Vial", "5000", "UNIT", "SC"),
          (4, "P88MWT", "2019-11-21 04:30:00", "2019-11-22 18:00:00", "Aspirin", "ASA81", "004380", "00904404073",
           "81mg Tab", "81", "mg", "PO")]
    # provider order entry: poe_id is subject_id-poe_seq, the key prescriptions and emar reference
    poe = ["%s-%d" % (pts[adm[r[0]][1]][0], 31 + 4 * i) for i, r in enumerate(rx)]
    write_csv(os.path.join(d, "hosp", "prescriptions.csv"),
              ["subject_id", "hadm_id", "pharmacy_id", "poe_id", "order_provider_id", "starttime", "stoptime",
               "drug_type", "drug", "formulary_drug_cd", "gsn", "ndc", "prod_strength", "dose_val_rx", "dose_unit_rx",
               "route"],
              [[pts[adm[r[0]][1]][0], adm[r[0]][0], str(48201337 + 11 * i), poe[i], r[1], r[2], r[3], "MAIN", r[4],
                r[5], r[6], r[7], r[8], r[9], r[10], r[11]] for i, r in enumerate(rx)])
    write_csv(os.path.join(d, "hosp", "poe.csv"),
              ["poe_id", "poe_seq", "subject_id", "hadm_id", "ordertime", "order_type", "order_subtype",
               "order_provider_id", "order_status"],
              [[poe[i], str(31 + 4 * i), pts[adm[r[0]][1]][0], adm[r[0]][0], r[2], "Medications", "", r[1], "Inactive"]
               for i, r in enumerate(rx)]
              + [["10000032-29", "29", "10000032", "20626031", "2019-03-14 07:50:00", "Lab", "", "P72QXD", "Inactive"]])
    emar = [(0, 1, "2019-03-14 10:05:00", "2019-03-14 10:00:00", "2019-03-14 10:07:00", "Administered"),
            (0, 2, "2019-03-14 18:02:00", "2019-03-14 18:00:00", "2019-03-14 18:03:00", "Administered"),
            (1, 3, "2019-03-15 08:20:00", "2019-03-15 08:00:00", "2019-03-15 08:21:00", "Not Given"),
            (2, 1, "2019-05-29 00:30:00", "2019-05-29 00:15:00", "2019-05-29 00:34:00", "Administered"),
            (3, 1, "2019-11-21 04:40:00", "2019-11-21 04:30:00", "2019-11-21 04:41:00", "Administered")]
    write_csv(os.path.join(d, "hosp", "emar.csv"),
              ["subject_id", "hadm_id", "emar_id", "emar_seq", "poe_id", "pharmacy_id", "enter_provider_id",
               "charttime", "medication", "event_txt", "scheduletime", "storetime"],
              [[pts[adm[rx[e[0]][0]][1]][0], adm[rx[e[0]][0]][0], "%s-%d" % (pts[adm[rx[e[0]][0]][1]][0], e[1]),
                str(e[1]), poe[e[0]], str(48201337 + 11 * e[0]), rx[e[0]][1], e[2], rx[e[0]][4], e[5], e[3], e[4]]
               for e in emar])
    plant("order-id", *poe)
    plant("order-id", "10000032-29", "10000032-1", "10000032-2", "10000032-3", "10002428-1", "10004235-1")
    keep("mimic", "Administered", "Not Given", "Medications")
    # the online medical record: vitals outside the stays, blood pressure written systolic/diastolic
    write_csv(os.path.join(d, "hosp", "omr.csv"), ["subject_id", "chartdate", "seq_num", "result_name", "result_value"],
              [["10000032", "2019-02-11", "1", "Blood Pressure", "128/76"],
               ["10000032", "2019-02-11", "1", "Weight (Lbs)", "165.3"],
               ["10000032", "2019-02-11", "1", "BMI (kg/m2)", "27.4"],
               ["10000032", "2019-04-02", "1", "Blood Pressure", "118/72"],
               ["10004235", "2019-10-30", "1", "Blood Pressure", "142/91"],
               ["10004235", "2019-10-30", "2", "Blood Pressure", "136/88"],
               ["10004235", "2019-10-30", "1", "Height (Inches)", "70"]])
    keep("mimic", "128/76", "118/72", "142/91", "136/88", "165.3", "BMI (kg/m2)", "Weight (Lbs)")
    keep("mimic", "00641608025", "00186109205", "63323026201", "00904404073", "008208", "016549", "006549",
         "004380", "Metoprolol Succinate XL", "FURO40I")
    # ICU stays and charted vitals with caregiver ids
    stays = [("39553978", 0, "Medical Intensive Care Unit (MICU)", "2019-03-14 07:31:00", "2019-03-16 09:12:00"),
             ("33685454", 2, "Cardiac Vascular Intensive Care Unit (CVICU)", "2019-05-28 23:02:00",
              "2019-06-02 04:10:00")]
    def los(a, b):
        t = datetime.datetime.fromisoformat(b) - datetime.datetime.fromisoformat(a)
        return "%.4f" % (t.total_seconds() / 86400)
    write_csv(os.path.join(d, "icu", "icustays.csv"),
              ["subject_id", "hadm_id", "stay_id", "first_careunit", "last_careunit", "intime", "outtime", "los"],
              [[pts[adm[s[1]][1]][0], adm[s[1]][0], s[0], s[2], s[2], s[3], s[4], los(s[3], s[4])] for s in stays])
    for s in stays:
        plant("encounter-id", s[0])
    keep("mimic", los(stays[0][3], stays[0][4]), los(stays[1][3], stays[1][4]))
    ce = [(0, "17693", "2019-03-14 08:00:00", "2019-03-14 08:14:00", "220045", "112", "112", "bpm"),
          (0, "17693", "2019-03-14 08:00:00", "2019-03-14 08:14:00", "220179", "98", "98", "mmHg"),
          (0, "20415", "2019-03-15 12:00:00", "2019-03-15 12:31:00", "223761", "99.1", "99.1", "°F"),
          (1, "20415", "2019-05-29 01:00:00", "2019-05-29 01:05:00", "220277", "91", "91", "%"),
          (1, "31822", "2019-05-29 02:00:00", "2019-05-29 02:20:00", "223900", "Confused", "", ""),
          (1, "31822", "2019-05-29 02:00:00", "2019-05-29 02:20:00", "220210", "26", "26", "insp/min")]
    write_csv(os.path.join(d, "icu", "chartevents.csv"),
              ["subject_id", "hadm_id", "stay_id", "caregiver_id", "charttime", "storetime", "itemid", "value",
               "valuenum", "valueuom", "warning"],
              [[pts[adm[stays[c[0]][1]][1]][0], adm[stays[c[0]][1]][0], stays[c[0]][0], c[1], c[2], c[3], c[4], c[5],
                c[6], c[7], "0"] for c in ce])
    plant("staff-id", "17693", "20415", "31822")
    keep("mimic", "220045", "220179", "223761", "220277", "223900", "220210", "99.1", "insp/min", "Confused")
    # notes: note_id subject_id-DS-seq / subject_id-RR-seq, the text as the hospital wrote it (MIMIC has ___ there)
    ds1 = ("Name: Euphemia Blackwood-Tran    Unit No: 4471093\n\n"
           "Admission Date: 2019-03-14    Discharge Date: 2019-03-20\n\n"
           "Date of Birth: 1941-08-02    Sex: F\n\n"
           "Service: MEDICINE\n\n"
           "Allergies:\nPenicillins\n\n"
           "Attending: Cornelius Abernathy-Vance, MD\n\n"
           "Chief Complaint:\ndyspnea\n\n"
           "Major Surgical or Invasive Procedure:\n___\n\n"
           "History of Present Illness:\n"
           "Ms. Blackwood-Tran is a 77 y/o woman with HFrEF (EF 30%), CKD stage 3 and T2DM who presents with 3 days of "
           "worsening dyspnea. Her daughter Rosalind found her short of breath at home and called EMS.\n\n"
           "Social History:\n"
           "Lives alone at 14 Pemberton Sq, Somerville MA 02143; widowed. Son Lysander visits daily. Daughter reachable "
           "at (617) 555-0199.\n\n"
           "Pertinent Results:\n"
           "Creatinine 1.6 on admission. Potassium 5.9, repeated.\n\n"
           "Brief Hospital Course:\n"
           "Diuresed with IV furosemide 40 mg BID, net negative 4 L. Discussed with Dr. Hargreave (cardiology).\n\n"
           "Discharge Disposition:\nHome\n\n"
           "Discharge Diagnosis:\nAcute on chronic systolic heart failure\n\n"
           "Followup Instructions:\n"
           "Dr. Abernathy-Vance, Heart Failure clinic, 617-555-0190, on 04/02/2019.\n")
    ds2 = ("Name: Thaddeus Okafor-Lindqvist    Unit No: 4471582\n\n"
           "Admission Date: 05/28/2019    Discharge Date: 06/02/2019\n\n"
           "Date of Birth: 01/19/1955    Sex: M\n\n"
           "Service: CARDIOTHORACIC\n\n"
           "Allergies:\nNo Known Allergies / Adverse Drug Reactions\n\n"
           "Attending: Festus Oyelaran, MD\n\n"
           "History of Present Illness:\n"
           "Mr. Okafor-Lindqvist, a 64M (MRN 4471582, SSN 031-62-7704), presented with cardiogenic shock. "
           "Wife Ngozi at bedside; contact (781) 555-0163.\n\n"
           "Brief Hospital Course:\n"
           "Despite maximal support he expired on 06/02/2019 at 04:10. Family (wife Ngozi, brother Emeka) present.\n\n"
           "Discharge Disposition:\nExpired\n")
    ds3 = ("Name: Wilhelmina Szymborska    Unit No: 4472210\n\n"
           "Admission Date: 2019-09-09    Discharge Date: 2019-09-13\n\n"
           "Date of Birth: 11/23/1927    Sex: F\n\n"
           "Service: MEDICINE\n\n"
           "Attending: Imogen Hargreave, MD\n\n"
           "History of Present Illness:\n"
           "91F, Polish-speaking (interpreter Wojciech Ostrowski used), admitted after a fall at home with pneumonia. "
           "HCP: niece Prudence Waverley, 617-555-0133. Found by her neighbor Jolyon Pettigrew. PCP Festus Oyelaran.\n\n"
           "Brief Hospital Course:\n"
           "Ceftriaxone and azithromycin. Delirium improved. Ms. Szymborska and Prudence agree with SNF placement.\n\n"
           "Discharge Disposition:\nExtended Care\n\n"
           "Facility:\nHebrew Rehabilitation Center - Roslindale\n")
    rr1 = ("EXAMINATION: CHEST (PA AND LAT)\n\n"
           "INDICATION: 77 year old woman with dyspnea // eval for edema. Pt Euphemia Blackwood-Tran, MRN 4471093.\n\n"
           "COMPARISON: Chest radiograph 03/02/2019.\n\n"
           "FINDINGS: Moderate bilateral pleural effusions with pulmonary vascular congestion.\n\n"
           "IMPRESSION: Pulmonary edema. Findings discussed with Dr. Imogen Hargreave by phone at 09:40 on 03/14/2019.\n")
    rr2 = ("EXAMINATION: CT HEAD W/O CONTRAST\n\n"
           "INDICATION: 91 year old woman with confusion, fall at 9 Linden Ct. Ms. Szymborska.\n\n"
           "FINDINGS: No acute intracranial hemorrhage. Chronic small vessel ischemic disease.\n\n"
           "IMPRESSION: No acute intracranial process.\n")
    notes = [("discharge", "DS", "21", 0, "2019-03-20 00:00:00", "2019-03-20 16:02:00", ds1),
             ("discharge", "DS", "4", 2, "2019-06-02 00:00:00", "2019-06-03 10:15:00", ds2),
             ("discharge", "DS", "9", 3, "2019-09-13 00:00:00", "2019-09-13 17:48:00", ds3),
             ("radiology", "RR", "14", 0, "2019-03-14 09:15:00", "2019-03-14 09:52:00", rr1),
             ("radiology", "RR", "7", 3, "2019-09-09 13:20:00", "2019-09-09 14:05:00", rr2)]
    for kind in ("discharge", "radiology"):
        write_csv(os.path.join(d, "note", kind + ".csv"),
                  ["note_id", "subject_id", "hadm_id", "note_type", "note_seq", "charttime", "storetime", "text"],
                  [["%s-%s-%s" % (pts[adm[n[3]][1]][0], n[1], n[2]), pts[adm[n[3]][1]][0], adm[n[3]][0], n[1], n[2],
                    n[4], n[5], n[6]] for n in notes if n[0] == kind])
    # the notes' detail tables (entity-attribute-value): the author of a discharge summary, a radiology report's exam
    # code and the report it addends (parent_note_id, a note id in a value column)
    write_csv(os.path.join(d, "note", "discharge_detail.csv"),
              ["note_id", "subject_id", "field_name", "field_value", "field_ordinal"],
              [["10000032-DS-21", "10000032", "author", "Abernathy-Vance", "1"],
               ["10002428-DS-4", "10002428", "author", "Oyelaran", "1"]])
    write_csv(os.path.join(d, "note", "radiology_detail.csv"),
              ["note_id", "subject_id", "field_name", "field_value", "field_ordinal"],
              [["10000032-RR-14", "10000032", "exam_code", "C11", "1"],
               ["10000032-RR-14", "10000032", "exam_name", "CHEST (PA AND LAT)", "1"],
               ["10000032-RR-14", "10000032", "cpt_code", "71046", "1"],
               ["10000032-RR-14", "10000032", "parent_note_id", "10000032-RR-13", "1"],
               ["10003400-RR-7", "10003400", "exam_code", "CHE1", "1"],
               ["10003400-RR-7", "10003400", "exam_name", "CT HEAD W/O CONTRAST", "1"],
               ["10003400-RR-7", "10003400", "cpt_code", "70450", "1"]])
    keep("mimic", "CT HEAD W/O CONTRAST", "71046", "70450", "exam_code")
    plant("relative-name", "Rosalind", "Lysander", "Ngozi", "Emeka", "Prudence", "Waverley")
    plant("contact-name", "Wojciech", "Ostrowski", "Jolyon", "Pettigrew")
    plant("age-over-89", "91F", "91 year old")
    plant("phone", "617-555-0133")
    plant("birth-date", "11/23/1927")
    keep("mimic", "Ceftriaxone and azithromycin", "Extended Care")
    plant("phone", "(617) 555-0199", "617-555-0190")
    plant("birth-date", "01/19/1955")
    plant("event-date", "05/28/2019", "06/02/2019", "03/02/2019", "03/14/2019", "04/02/2019")
    keep("mimic", "Penicillins", "HFrEF (EF 30%)", "furosemide 40 mg BID", "EXAMINATION: CHEST (PA AND LAT)",
         "Moderate bilateral pleural effusions", "Chronic small vessel ischemic disease", "Service: CARDIOTHORACIC",
         "Major Surgical or Invasive Procedure:")


# --- A Cerner Millennium extract (Oracle-backed): UPPERCASE headers, ids as Oracle NUMBERs written as decimals
#     (12345678.00) in some tables and as integers in others, PERSON_ALIAS holding MRN, FIN and SSN under display
#     codes, NAME_*_KEY columns, DD-MON-YYYY HH24:MI:SS dates, CLINICAL_EVENT results and CE_BLOB-like notes ---------
def cerner():
    d = os.path.join(HERE, "cerner")
    # person id, last, first, middle, birth, sex, MRN, FIN (one encounter each), SSN, street, city, ZIP, phone
    per = [("18830412", "HALVORSEN-PRYCE", "BRYNJA", "K", "03-FEB-1950 00:00:00", "Female", "4471205", "987654321",
            "512447913", "27 Tamarack Ln", "Duluth", "55803", "(218) 555-0164"),
           ("18830977", "OKONJO", "DESMOND", "T", "19-AUG-1931 00:00:00", "Male", "4471388", "987655102",
            "530218846", "1402 Juniper Ridge Rd", "Hermantown", "55811", "218-555-0137"),
           ("18831540", "VANTREASE", "MILDRED", "", "30-NOV-1966 00:00:00", "Female", "4472019", "987656733",
            "475903318", "8 Birchwood Ct", "Proctor", "55810", "218.555.0192")]
    def full(p):  # NAME_FULL_FORMATTED: "LAST, FIRST M"
        return p[1] + ", " + p[2] + (" " + p[3] if p[3] else "")
    write_csv(os.path.join(d, "person.csv"),
              ["PERSON_ID", "NAME_LAST_KEY", "NAME_FIRST_KEY", "NAME_FULL_FORMATTED", "BIRTH_DT_TM", "SEX_CD",
               "ACTIVE_IND", "UPDT_DT_TM"],
              [[p[0] + ".00", p[1].replace("-", ""), p[2], full(p), p[4], p[5], "1", "14-MAR-2023 02:00:00"]
               for p in per])
    write_csv(os.path.join(d, "person_address.csv"),
              ["PERSON_ID", "STREET_ADDR", "CITY", "STATE_CD", "ZIPCODE", "PHONE_NUM"],
              [[p[0], p[9], p[10], "MN", p[11], p[12]] for p in per])
    alias = []
    n = 30551200
    for p in per:
        for pool, typ, v in (("MRN", "MRN", p[6]), ("FIN NBR", "FIN NBR", p[7]), ("SSN", "SSN", p[8])):
            n += 7
            alias.append([str(n) + ".00", p[0], pool, typ, v, "01-JAN-2015 00:00:00", "1"])
    write_csv(os.path.join(d, "person_alias.csv"),
              ["PERSON_ALIAS_ID", "PERSON_ID", "ALIAS_POOL_CD", "PERSON_ALIAS_TYPE_CD", "ALIAS",
               "BEG_EFFECTIVE_DT_TM", "ACTIVE_IND"], alias)
    for p in per:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[1].replace("-", ""), p[2], full(p))
        plant("birth-date", p[4][:11])
        plant("mrn", p[6])
        plant("encounter-id", p[7])
        plant("national-id", p[8])
        plant("address", p[9], p[10], p[11])
        plant("phone", p[12])
    # encounters: ENCNTR_ID as an integer here, the person as an integer too; registration and discharge date-times
    enc = [("40112233", 0, "01-MAR-2023 08:30:00", "04-MAR-2023 11:45:00", "NORTHSHORE MEDICAL CENTER", "Inpatient"),
           ("40112890", 1, "12-JUN-2022 22:10:00", "19-JUN-2022 09:00:00", "NORTHSHORE MEDICAL CENTER", "Inpatient"),
           ("40113517", 2, "07-SEP-2023 13:05:00", "07-SEP-2023 16:40:00", "LAKEVIEW CLINIC", "Outpatient")]
    write_csv(os.path.join(d, "encounter.csv"),
              ["ENCNTR_ID", "PERSON_ID", "ENCNTR_TYPE_CD", "REG_DT_TM", "DISCH_DT_TM", "LOC_FACILITY_CD",
               "LOC_NURSE_UNIT_CD"],
              [[e[0], per[e[1]][0], e[5], e[2], e[3], e[4], "4 WEST" if e[5] == "Inpatient" else ""] for e in enc])
    for e in enc:
        plant("encounter-id", e[0])
        plant("event-date", e[2][:11])
    keep("cerner", "NORTHSHORE MEDICAL CENTER", "LAKEVIEW CLINIC", "Inpatient", "4 WEST")
    # clinical events: EVENT_ID, ENCNTR_ID and PERSON_ID written as decimals; results, units, staff ids
    ev = [("771000101", 0, "Hemoglobin A1c", "8.2", "%", "01-MAR-2023 09:12:00", "9001234", "9004410"),
          ("771000102", 0, "Creatinine", "1.38", "mg/dL", "01-MAR-2023 09:12:00", "9001234", "9004410"),
          ("771000103", 0, "Discharge Summary", "", "", "04-MAR-2023 10:15:00", "9002871", "9002871"),
          ("771000201", 1, "Hemoglobin", "11.6", "g/dL", "13-JUN-2022 06:40:00", "9001235", "9004410"),
          ("771000202", 1, "Sodium Lvl", "131", "mmol/L", "13-JUN-2022 06:40:00", "9001235", "9004411"),
          ("771000203", 1, "Progress Note", "", "", "15-JUN-2022 14:02:00", "9003156", "9003156"),
          ("771000301", 2, "Hemoglobin A1c", "6.4", "%", "07-SEP-2023 13:30:00", "9001236", "9004411"),
          ("771000302", 2, "Clinic Note", "", "", "07-SEP-2023 16:20:00", "9002871", "9002871")]
    write_csv(os.path.join(d, "clinical_event.csv"),
              ["EVENT_ID", "ENCNTR_ID", "PERSON_ID", "EVENT_CD", "RESULT_VAL", "RESULT_UNITS_CD", "EVENT_END_DT_TM",
               "PERFORMED_PRSNL_ID", "VERIFIED_PRSNL_ID", "RESULT_STATUS_CD"],
              [[e[0] + ".00", enc[e[1]][0] + ".00", per[enc[e[1]][1]][0] + ".00", e[2], e[3], e[4], e[5],
                e[6] + ".00", e[7] + ".00", "Auth (Verified)"] for e in ev])
    for e in ev:
        plant("event-id", e[0])
        plant("staff-id", e[6], e[7])
    keep("cerner", "Hemoglobin A1c", "8.2", "1.38", "11.6", "131", "6.4", "mg/dL", "g/dL", "mmol/L", "Sodium Lvl",
         "Auth (Verified)")
    notes = [(2, "*** Final Report ***\n\nDISCHARGE SUMMARY\nHALVORSEN-PRYCE, BRYNJA K   MRN: 4471205  FIN: 987654321\n"
                 "Admitted 03/01/2023 with hyperglycemia. Hemoglobin A1c 8.2 %. Started basal insulin.\n"
                 "Lives at 27 Tamarack Ln, Duluth with her husband Torvald. Home phone (218) 555-0164.\n\n"
                 "Electronically signed by: PERPETUA Q ABERNATHY-VOSS, MD on 03/04/2023 10:15\n"
                 "cc: DR ANSELM KITTREDGE"),
             (5, "*** Final Report ***\n\nPROGRESS NOTE\nPt: OKONJO, DESMOND T  DOB: 08/19/1931  MRN: 4471388  FIN: 987655102\n"
                 "94 yo male with hyponatremia, Na 131. Daughter Philomena at bedside.\n\n"
                 "Electronically signed by: LUCIUS R FAIRWEATHER-IBSEN, DO on 06/15/2022 14:02\n"
                 "cc: DR ANSELM KITTREDGE; DR ROSALIND MBEKI-STROUD"),
             (7, "*** Final Report ***\n\nCLINIC NOTE\nMildred Vantrease seen for diabetes follow-up. A1c improved to 6.4 %.\n"
                 "SSN on file 475-90-3318 verified at registration.\n\n"
                 "Electronically signed by: PERPETUA Q ABERNATHY-VOSS, MD on 09/07/2023 16:20\n"
                 "cc: DR ANSELM KITTREDGE")]
    write_csv(os.path.join(d, "ce_blob.csv"),
              ["EVENT_ID", "PERSON_ID", "ENCNTR_ID", "COMPRESSION_CD", "BLOB_CONTENTS"],
              [[ev[i][0] + ".00", per[enc[ev[i][1]][1]][0] + ".00", enc[ev[i][1]][0] + ".00", "No Compression", t]
               for i, t in notes])
    plant("clinician-name", "PERPETUA", "ABERNATHY-VOSS", "ANSELM", "KITTREDGE", "LUCIUS", "FAIRWEATHER-IBSEN",
          "MBEKI-STROUD")
    plant("relative-name", "Torvald", "Philomena")
    plant("birth-date", "08/19/1931")
    plant("age-over-89", "94 yo")
    plant("national-id", "475-90-3318")
    plant("event-date", "03/01/2023", "03/04/2023", "06/15/2022", "09/07/2023")
    keep("cerner", "*** Final Report ***", "DISCHARGE SUMMARY", "hyperglycemia", "Started basal insulin",
         "Electronically signed by:", "hyponatremia, Na 131", "A1c improved to 6.4 %")


# --- An i2b2 star schema: patient_dimension, visit_dimension, observation_fact (concept codes with their prefix,
#     modifiers, instance_num numbering the parts of one fact, valtype N/T), the mapping tables from the hospital's
#     MRN and encounter number to i2b2's patient_num and encounter_num, provider_dimension with paths and names ---------
def i2b2():
    d = os.path.join(HERE, "i2b2")
    # patient_num, MRN, birth, sex, ZIP, race, age, first, last, city
    pts = [("1000000017", "E7730154", "1950-02-03 00:00:00", "F", "02138", "white", "73", "Gwendolyn", "Achterhof",
            "Cambridge"),
           ("1000000023", "E7731206", "1932-07-21 00:00:00", "M", "02459", "black", "91", "Obadiah", "Rautenstrauch",
            "Newton"),
           ("1000000031", "E7732987", "1978-12-09 00:00:00", "F", "01609", "asian", "44", "Xiomara", "Lindqvist-Abara",
            "Worcester")]
    write_csv(os.path.join(d, "patient_dimension.csv"),
              ["patient_num", "vital_status_cd", "birth_date", "death_date", "sex_cd", "age_in_years_num",
               "language_cd", "race_cd", "marital_status_cd", "zip_cd", "statecityzip_path", "update_date",
               "sourcesystem_cd"],
              [[p[0], "N", p[2], "", p[3], p[6], "english", p[5], "married", p[4],
                "Zip codes\\Massachusetts\\" + p[9] + "\\" + p[4] + "\\", "2023-10-01 00:00:00", "EPIC"] for p in pts])
    write_csv(os.path.join(d, "patient_mapping.csv"),
              ["patient_ide", "patient_ide_source", "patient_num", "patient_ide_status", "project_id"],
              [r for p in pts for r in ([p[1], "EPIC", p[0], "A", "@"], [p[0], "HIVE", p[0], "A", "@"])])
    for p in pts:
        plant("patient-id", p[0])
        plant("mrn", p[1])
        plant("birth-date", p[2][:10])
        plant("address", p[4], p[9])
        plant("patient-name", p[7], p[8])
    keep("i2b2", "white", "black", "asian", "english")
    prov = [("LCS-I2B2:D000109064", "Achebe-Lowry, Constance MD", "Medicine\\Endocrinology"),
            ("LCS-I2B2:D000112280", "Szabo, Ferenc MD", "Medicine\\Cardiology")]
    write_csv(os.path.join(d, "provider_dimension.csv"), ["provider_id", "provider_path", "name_char", "update_date"],
              [[p[0], "\\i2b2\\Providers\\" + p[2] + "\\" + p[1] + "\\", p[1], "2023-10-01 00:00:00"] for p in prov])
    for p in prov:
        plant("staff-id", p[0])
    plant("clinician-name", "Achebe-Lowry", "Constance", "Szabo", "Ferenc")
    # visits: encounter_num (i2b2's), the hospital's encounter number in encounter_mapping
    vis = [("472901", 0, "2023-03-01 08:30:00", "2023-03-04 11:45:00", "IP", "MGH:7 BIGELOW", "3", "V3301772"),
           ("472955", 0, "2023-05-16 10:00:00", "2023-05-16 10:40:00", "O", "MGH:DIABETES CENTER", "0", "V3302418"),
           ("473120", 1, "2022-06-12 22:10:00", "2022-06-19 09:00:00", "IP", "NWH:MEDICINE 5", "7", "V3300591"),
           ("473388", 2, "2023-09-07 13:05:00", "2023-09-07 16:40:00", "O", "MGH:PRIMARY CARE", "0", "V3304120")]
    write_csv(os.path.join(d, "visit_dimension.csv"),
              ["encounter_num", "patient_num", "active_status_cd", "start_date", "end_date", "inout_cd", "location_cd",
               "length_of_stay", "sourcesystem_cd"],
              [[v[0], pts[v[1]][0], "F", v[2], v[3], v[4], v[5], v[6], "EPIC"] for v in vis])
    write_csv(os.path.join(d, "encounter_mapping.csv"),
              ["encounter_ide", "encounter_ide_source", "project_id", "encounter_num", "patient_ide",
               "patient_ide_source", "encounter_ide_status"],
              [[v[7], "EPIC", "@", v[0], pts[v[1]][1], "EPIC", "A"] for v in vis])
    for v in vis:
        plant("encounter-id", v[0], v[7])
        plant("event-date", v[2][:10])
    keep("i2b2", "MGH:7 BIGELOW", "MGH:DIABETES CENTER", "NWH:MEDICINE 5")
    # facts: (visit, concept, provider, start, modifier, instance, valtype, tval, nval, units)
    E = "E"
    facts = [(0, "ICD10:E11.9", 0, "2023-03-01 08:30:00", "@", "1", "@", "", "", ""),
             (0, "ICD10:E11.65", 0, "2023-03-01 08:30:00", "@", "1", "@", "", "", ""),
             (0, "LOINC:4548-4", 0, "2023-03-01 09:12:00", "@", "1", "N", E, "8.2", "%"),
             (0, "LOINC:2160-0", 0, "2023-03-01 09:12:00", "@", "1", "N", E, "1.38", "mg/dL"),
             (0, "NDC:00378018001", 0, "2023-03-02 09:00:00", "@", "1", "@", "", "", ""),
             (0, "NDC:00378018001", 0, "2023-03-02 09:00:00", "MED:DOSE", "1", "N", E, "500", "mg"),
             (0, "NDC:00378018001", 0, "2023-03-02 09:00:00", "MED:FREQ", "1", "T", "BID", "", ""),
             (0, "NDC:00378018001", 0, "2023-03-03 09:00:00", "@", "2", "@", "", "", ""),
             (0, "NDC:00378018001", 0, "2023-03-03 09:00:00", "MED:DOSE", "2", "N", E, "1000", "mg"),
             (1, "LOINC:4548-4", 0, "2023-05-16 10:20:00", "@", "1", "N", E, "7.1", "%"),
             (1, "NOTE:PROGRESS", 0, "2023-05-16 10:40:00", "@", "1", "T",
              "Gwendolyn Achterhof doing well; her son Leopold drives her to visits.", "", ""),
             (2, "ICD10:E87.1", 1, "2022-06-12 22:10:00", "@", "1", "@", "", "", ""),
             (2, "LOINC:2951-2", 1, "2022-06-13 06:40:00", "@", "1", "N", E, "131", "mmol/L"),
             (2, "LOINC:718-7", 1, "2022-06-13 06:40:00", "@", "1", "N", E, "11.6", "g/dL"),
             (2, "DEM|AGE:91", 1, "2022-06-12 22:10:00", "@", "1", "@", "", "", ""),
             (3, "ICD10:E11.9", 0, "2023-09-07 13:05:00", "@", "1", "@", "", "", ""),
             (3, "LOINC:4548-4", 0, "2023-09-07 13:30:00", "@", "1", "N", E, "6.4", "%"),
             (3, "NOTE:CLINIC", 0, "2023-09-07 16:20:00", "@", "1", "T",
              "Seen by Dr. Szabo. Pt Lindqvist-Abara reachable at 508-555-0119.", "", "")]
    write_csv(os.path.join(d, "observation_fact.csv"),
              ["encounter_num", "patient_num", "concept_cd", "provider_id", "start_date", "modifier_cd", "instance_num",
               "valtype_cd", "tval_char", "nval_num", "valueflag_cd", "units_cd", "end_date", "location_cd",
               "sourcesystem_cd"],
              [[vis[f[0]][0], pts[vis[f[0]][1]][0], f[1], prov[f[2]][0], f[3], f[4], f[5], f[6], f[7], f[8], "", f[9],
                f[3], vis[f[0]][5], "EPIC"] for f in facts])
    plant("relative-name", "Leopold")
    # DEM|AGE:91 (i2b2's demographic concept of an age over 89): the code stays, the age becomes 90+ (decision 0124)
    plant("age-over-89", "DEM|AGE:91")
    plant("phone", "508-555-0119")
    keep("i2b2", "DEM|AGE:90+", "ICD10:E11.9", "ICD10:E11.65", "LOINC:4548-4", "LOINC:2160-0", "NDC:00378018001", "ICD10:E87.1",
         "LOINC:2951-2", "LOINC:718-7", "MED:DOSE", "MED:FREQ", "8.2", "1.38", "500", "1000", "7.1", "131", "11.6",
         "6.4", "mmol/L", "doing well", "NOTE:PROGRESS")

# --- Southern Europe (decision 0119): Italian codice fiscale, Spanish DNI/NIE, NUSS and CIP, month names in the
#     languages' own words (columns written by Oracle with NLS_DATE_LANGUAGE ITALIAN/SPANISH/GERMAN, notes) ---------
CF_ODD = dict(zip("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                  [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12,
                   14, 16, 10, 22, 25, 24, 23]))


def codice_fiscale(surname, name, yyyy, mm, dd, female, comune):
    """An Italian tax code (16 characters, check letter included) for a synthetic person."""
    def letters(s):
        s = "".join(c for c in s.upper() if c.isalpha() and c.isascii())
        return [c for c in s if c not in "AEIOU"], [c for c in s if c in "AEIOU"]
    c, v = letters(surname)
    sur = (c + v + ["X"] * 3)[:3]
    c, v = letters(name)
    nam = [c[0], c[2], c[3]] if len(c) >= 4 else (c + v + ["X"] * 3)[:3]
    code = "".join(sur + nam) + "%02d" % (yyyy % 100) + "ABCDEHLMPRST"[mm - 1] + "%02d" % (dd + (40 if female else 0)) \
        + comune
    s = sum(CF_ODD[ch] if i % 2 == 0 else (int(ch) if ch.isdigit() else ord(ch) - 65) for i, ch in enumerate(code))
    return code + chr(65 + s % 26)


def dni(number, prefix=""):
    """A Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits and a letter)."""
    n = int({"": "", "X": "0", "Y": "1", "Z": "2"}[prefix] + number)
    return prefix + number + "TRWAGMYFPDXBNJZSQVHLCKE"[n % 23]


def nuss(province, number):
    """A Spanish social security number: province (2), number (8), check (2) = the first ten digits mod 97."""
    return "%02d%08d%02d" % (province, number, (province * 10 ** 8 + number) % 97)


def italy():
    d = os.path.join(HERE, "it")
    pts = [("PZ0047112", "DELL'ACQUA", "Maria Grazia", "F", "14/03/1952", "Napoli", "F839", "Via Santa Teresa degli Scalzi 81",
            "80135", "Napoli", "+39 333 123 4567", "80380000500012345678"),
           ("PZ0052390", "SCHIAVONE", "Gianfranco", "M", "02/11/1947", "Bari", "A662", "Corso Cavour 144", "70121",
            "Bari", "080 521 7788", "80380000500023456789"),
           ("PZ0061045", "LO PRESTI", "Rosalba", "F", "28/07/1961", "Palermo", "G273", "Piazza Bellini 3", "90133",
            "Palermo", "091 611 2233", "80380000500034567890")]
    cfs = []
    for p in pts:
        dd, mm, yyyy = (int(x) for x in p[4].split("/"))
        cfs.append(codice_fiscale(p[1], p[2], yyyy, mm, dd, p[3] == "F", p[6]))
    write_csv(os.path.join(d, "pazienti.csv"),
              ["ID_PAZIENTE", "COGNOME", "NOME", "SESSO", "DATA_NASCITA", "COMUNE_NASCITA", "CODICE_FISCALE",
               "TESSERA_SANITARIA", "INDIRIZZO", "CAP", "COMUNE_RESIDENZA", "TELEFONO"],
              [[p[0], p[1], p[2], p[3], p[4], p[5], cf, p[11], p[7], p[8], p[9], p[10]] for p, cf in zip(pts, cfs)],
              delimiter=";", encoding="cp1252", newline="\r\n")
    for p, cf in zip(pts, cfs):
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[4])
        plant("address", p[7])
        plant("phone", p[10])
        plant("national-id", cf, p[11])
    # SDO (scheda di dimissione ospedaliera): the admission's number (nosologico), ICD-9-CM with and without a dot
    sdo = [("2023004512", "PZ0047112", "12/03/2023", "21/03/2023", "Cardiologia", "4280", "250.00", "127"),
           ("2022019877", "PZ0052390", "28/12/2022", "03/01/2023", "Pneumologia", "491.21", "401.9", "088"),
           ("2023007730", "PZ0061045", "05/05/2023", "05/05/2023", "Day Hospital Oncologico", "174.9", "V58.11", "410")]
    write_csv(os.path.join(d, "ricoveri.csv"),
              ["NOSOLOGICO", "ID_PAZIENTE", "DATA_RICOVERO", "DATA_DIMISSIONE", "REPARTO", "DIAGNOSI_PRINCIPALE",
               "DIAGNOSI_SECONDARIA_1", "DRG"], [list(s) for s in sdo], delimiter=";", encoding="cp1252",
              newline="\r\n")
    for s in sdo:
        plant("encounter-id", s[0])
    keep("it", "4280", "250.00", "491.21", "401.9", "174.9", "V58.11", "Cardiologia", "Pneumologia")
    # lab results: the draw's date and time, and the validation date as an Oracle LIS writes it with
    # NLS_DATE_LANGUAGE ITALIAN (DD-MON-YYYY: GEN FEB MAR APR MAG GIU LUG AGO SET OTT NOV DIC)
    write_csv(os.path.join(d, "esami.csv"),
              ["NOSOLOGICO", "ID_PAZIENTE", "DATA_PRELIEVO", "DATA_VALIDAZIONE", "CODICE_ESAME", "DESCRIZIONE",
               "RISULTATO", "UNITA_MISURA"],
              [["2023004512", "PZ0047112", "13/03/2023 07:40", "13-MAR-2023", "33762-6", "NT-proBNP", "4850",
                "pg/mL"],
               ["2023004512", "PZ0047112", "13/03/2023 07:40", "14-MAR-2023", "4548-4", "Emoglobina glicata",
                "7,9", "%"],
               ["2022019877", "PZ0052390", "29/12/2022 06:15", "29-DIC-2022", "2019-8", "pCO2 arteriosa", "52,3",
                "mmHg"],
               ["2022019877", "PZ0052390", "02/01/2023 06:20", "03-GEN-2023", "2160-0", "Creatinina", "1,12",
                "mg/dL"],
               ["2023007730", "PZ0061045", "05/05/2023 08:05", "05-MAG-2023", "6690-2", "Leucociti", "3,4",
                "10^9/L"]], delimiter=";", encoding="cp1252", newline="\r\n")
    keep("it", "33762-6", "4548-4", "2019-8", "2160-0", "6690-2", "7,9", "52,3", "1,12", "3,4", "NT-proBNP")
    # a lab of South Tyrol (Bolzano/Bozen) writes German: Oracle's DD-MON-YY with NLS_DATE_LANGUAGE GERMAN
    write_csv(os.path.join(d, "labor_bozen.csv"),
              ["NOSOLOGICO", "ID_PAZIENTE", "ENTNAHME", "VALIDIERT_AM", "ANALYSE", "ERGEBNIS", "EINHEIT"],
              [["2023004512", "PZ0047112", "13.03.2023", "14-MÄR-23", "Kalium", "4,1", "mmol/L"],
               ["2022019877", "PZ0052390", "29.12.2022", "30-DEZ-22", "Natrium", "138", "mmol/L"]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    keep("it", "Kalium", "4,1")
    # referti: discharge letters and reports, with the codice fiscale, relatives, dates with the month's name
    write_csv(os.path.join(d, "referti.csv"),
              ["ID_REFERTO", "NOSOLOGICO", "ID_PAZIENTE", "DATA_REFERTO", "MEDICO", "TESTO"],
              [["R7001", "2023004512", "PZ0047112", "21/03/2023", "Dott. Lorenzo Ferraresi",
                "Lettera di dimissione. Sig.ra Maria Grazia Dell'Acqua (C.F. " + cfs[0] + "), nata il 14/03/1952, "
                "ricoverata il 12 marzo 2023 per scompenso cardiaco (ICD-9-CM 428.0). Accompagnata dalla figlia "
                "Annunziata, cell. +39 333 123 4567. Controllo il 18 aprile 2023 presso l'ambulatorio del "
                "Dott. Ferraresi."],
               ["R7002", "2022019877", "PZ0052390", "03/01/2023", "Dott.ssa Benedetta Quagliarella",
                "Sig. Schiavone Gianfranco, BPCO riacutizzata. Ingresso il 28 dicembre 2022, dimesso il 3 gennaio "
                "2023. Il marito della figlia, Sig. Pasquale Tarantino, ritira il referto (tel. 080 521 7788). "
                "CF " + cfs[1] + "."],
               ["R7003", "2023007730", "PZ0061045", "05/05/2023", "Dott. Lorenzo Ferraresi",
                "Sig.ra Lo Presti, terapia il 5 maggio 2023, ben tollerata. Il marito Calogero da Cefalù chiede il "
                "prossimo appuntamento (06 1234 5678). Codice fiscale " + cfs[2].lower() + ". "
                "Zweitmeinung Dr. Egon Pichler (Bozen) vom 3. März 2023; avis du Dr Aimé Vuillermoz (Aoste) "
                "du 3 mars 2023."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Ferraresi", "Benedetta", "Quagliarella", "Pichler", "Vuillermoz")
    plant("relative-name", "Annunziata", "Pasquale", "Tarantino", "Calogero")
    plant("address", "Cefalù")  # a relative's town (decision 0227)
    plant("phone", "06 1234 5678")
    plant("event-date", "12 marzo 2023", "18 aprile 2023", "28 dicembre 2022", "3 gennaio 2023", "5 maggio 2023",
          "3. März 2023", "3 mars 2023")
    keep("it", "scompenso cardiaco", "BPCO riacutizzata", "428.0")


def spain():
    d = os.path.join(HERE, "es")
    pts = [("HC0081234", "GARCÍA-VALDECASAS", "IBÁÑEZ", "María del Pilar", "M", "23/06/1956", dni("51234567"),
            nuss(28, 41234567), "GRIB560623916017", "Calle de Hortaleza 57, 3º B", "28004", "Madrid",
            "+34 612 345 678"),
           ("HC0092277", "OYARZABAL", "ECHEVERRÍA", "Iñaki", "H", "09/01/1949", dni("1234567", "X"),
            nuss(20, 30098765), "OYEI490109121013", "Paseo de Francia 12, 4º izda.", "20012", "Donostia",
            "943 21 87 65"),
           ("HC0100519", "PEÑALVER", "DE LA TORRE", "Consuelo", "M", "30/10/1971", dni("07654321"),
            nuss(41, 55501234), "PETC711030415018", "Avenida de la Constitución 9", "41004", "Sevilla",
            "954 22 33 44")]
    write_csv(os.path.join(d, "pacientes.csv"),
              ["NHC", "APELLIDO1", "APELLIDO2", "NOMBRE", "SEXO", "FECHA_NACIMIENTO", "DNI_NIE", "NUSS", "CIP_TSI",
               "DIRECCION", "CODIGO_POSTAL", "MUNICIPIO", "TELEFONO"], [list(p) for p in pts], delimiter=";",
              encoding="cp1252", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2], p[3])
        plant("birth-date", p[5])
        plant("national-id", p[6], p[7], p[8])
        plant("address", p[9])
        plant("phone", p[12])
    # CMBD-like episodes: ICD-10-ES codes, admission and discharge date-times
    eps = [("EP23-004417", "HC0081234", "10/03/2023 11:20", "17/03/2023 13:00", "Cardiología", "I50.9", "E11.9"),
           ("EP22-018802", "HC0092277", "27/12/2022 23:45", "02/01/2023 10:30", "Neumología", "J44.1", "I10"),
           ("EP23-006650", "HC0100519", "04/05/2023 08:00", "06/05/2023 12:15", "Oncología", "C50.911", "Z51.11")]
    write_csv(os.path.join(d, "episodios.csv"),
              ["EPISODIO", "NHC", "FECHA_INGRESO", "FECHA_ALTA", "SERVICIO", "DIAG_PRINCIPAL", "DIAG_SECUNDARIO"],
              [list(e) for e in eps], delimiter=";", encoding="cp1252", newline="\r\n")
    for e in eps:
        plant("encounter-id", e[0])
    keep("es", "I50.9", "E11.9", "J44.1", "C50.911", "Z51.11", "Cardiología", "Neumología", "Oncología")
    # laboratory: Oracle with NLS_DATE_LANGUAGE SPANISH (ENE FEB MAR ABR MAY JUN JUL AGO SEP OCT NOV DIC)
    write_csv(os.path.join(d, "laboratorio.csv"),
              ["EPISODIO", "NHC", "FECHA_EXTRACCION", "FECHA_VALIDACION", "PRUEBA", "RESULTADO", "UNIDADES"],
              [["EP23-004417", "HC0081234", "11/03/2023", "12-MAR-2023", "NT-proBNP", "3920", "pg/mL"],
               ["EP23-004417", "HC0081234", "11/03/2023", "12-MAR-2023", "Hemoglobina glicada", "8,1", "%"],
               ["EP22-018802", "HC0092277", "28/12/2022", "28-DIC-2022", "Gasometría pCO2", "55,8", "mmHg"],
               ["EP22-018802", "HC0092277", "02/01/2023", "03-ENE-2023", "Creatinina", "1,05", "mg/dL"],
               ["EP23-006650", "HC0100519", "05/05/2023", "05-MAY-2023", "Leucocitos", "2,9", "x10^9/L"]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    keep("es", "Hemoglobina glicada", "8,1", "55,8", "1,05", "2,9", "3920")
    write_csv(os.path.join(d, "informes.csv"),
              ["ID_INFORME", "EPISODIO", "NHC", "FECHA_INFORME", "FACULTATIVO", "TEXTO"],
              [["INF-5501", "EP23-004417", "HC0081234", "17/03/2023", "Dra. Covadonga Llorente Arriaga",
                "Informe de alta. Dña. María del Pilar García-Valdecasas Ibáñez (DNI " + pts[0][6] + ", NUSS "
                + pts[0][7] + "), ingresa el 10 de marzo de 2023 por insuficiencia cardiaca. Su hija Almudena "
                "en Ponferrada la llama a diario (móvil +34 612 345 678). Revisión el 12 de abril de 2023 con la Dra. Llorente."],
               ["INF-5502", "EP22-018802", "HC0092277", "02/01/2023", "Dr. Baltasar Etxeberria Goikoetxea",
                "Sr. Oyarzabal, NIE " + pts[1][6] + ", EPOC reagudizado. Ingreso el 27 de diciembre de 2022, alta "
                "el 2 de enero de 2023. Su esposa, Dña. Arantza Zubeldia, avisa al 943 21 87 65. TSI "
                + pts[1][8] + "."],
               ["INF-5503", "EP23-006650", "HC0100519", "06/05/2023", "Dra. Covadonga Llorente Arriaga",
                "Dña. Consuelo Peñalver de la Torre recibe quimioterapia el 4 de mayo de 2023. Su esposo Anselmo "
                "pregunta por la cita (954 22 33 44). Valoración previa el 12-ABR-2023. DNI " + pts[2][6].lower()
                + "."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Covadonga", "Llorente", "Arriaga", "Baltasar", "Etxeberria", "Goikoetxea")
    plant("relative-name", "Almudena", "Arantza", "Zubeldia", "Anselmo")
    plant("address", "Ponferrada")  # a relative's town (decision 0227)
    plant("event-date", "10 de marzo de 2023", "12 de abril de 2023", "27 de diciembre de 2022",
          "2 de enero de 2023", "4 de mayo de 2023", "12-ABR-2023")
    keep("es", "insuficiencia cardiaca", "EPOC reagudizado")


def pesel(yyyy, mm, dd, serial, female):
    """A Polish PESEL (11 digits): the birth date (month + 20 in the 2000s), a serial whose last digit is even for
    women, and the check digit."""
    m = mm + (20 if yyyy >= 2000 else 0)
    s = "%02d%02d%02d%03d%d" % (yyyy % 100, m, dd, serial, (0 if female else 1) + 2 * (serial % 4))
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return s + str((10 - sum(int(c) * x for c, x in zip(s, w)) % 10) % 10)


def poland():
    # UTF-8 with CRLF and ';' (as a Polish HIS writes for the NFZ's reports): the CSV reader knows no Windows-1250 and
    # reads such a file as Windows-1252 (decision 0119's audit measured that apart, not in the corpus)
    d = os.path.join(HERE, "pl")
    pts = [("PAC-000731", "WÓJCIK-ŁĘCKA", "Grażyna", pesel(1952, 3, 14, 123, True), "14.03.1952", "K",
            "ul. Świętokrzyska 18 m. 4", "00-360", "Warszawa", "+48 601 234 567"),
           ("PAC-000918", "ŻÓŁKOWSKI", "Jędrzej", pesel(1947, 11, 2, 456, False), "02.11.1947", "M",
            "ul. Długa 7", "80-827", "Gdańsk", "58 301 22 33"),
           ("PAC-001204", "ŚLUSARCZYK", "Bożena", pesel(1961, 7, 28, 789, True), "28.07.1961", "K",
            "os. Kościuszkowskie 12/5", "31-858", "Kraków", "12 633 44 55")]
    write_csv(os.path.join(d, "pacjenci.csv"),
              ["ID_PACJENTA", "NAZWISKO", "IMIĘ", "PESEL", "DATA_URODZENIA", "PŁEĆ", "ULICA", "KOD_POCZTOWY",
               "MIEJSCOWOŚĆ", "TELEFON"], [list(p) for p in pts], delimiter=";", encoding="utf-8", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("national-id", p[3])
        plant("birth-date", p[4])
        plant("address", p[6])
        plant("phone", p[9])
    pob = [("KG/2023/00451", "PAC-000731", "12.03.2023 10:20", "21.03.2023 12:00", "Kardiologia", "I50.0"),
           ("KG/2022/01877", "PAC-000918", "28.12.2022 22:40", "03.01.2023 11:30", "Pulmonologia", "J44.1"),
           ("KG/2023/00773", "PAC-001204", "05.05.2023 08:00", "05.05.2023 16:00", "Onkologia", "C50.9")]
    write_csv(os.path.join(d, "pobyty.csv"),
              ["NR_KSIEGI", "ID_PACJENTA", "DATA_PRZYJECIA", "DATA_WYPISU", "ODDZIAL", "ROZPOZNANIE"],
              [list(x) for x in pob], delimiter=";", encoding="utf-8", newline="\r\n")
    for x in pob:
        plant("encounter-id", x[0])
    keep("pl", "I50.0", "J44.1", "C50.9", "Kardiologia", "Pulmonologia")
    write_csv(os.path.join(d, "wyniki.csv"),
              ["NR_KSIEGI", "ID_PACJENTA", "DATA_POBRANIA", "BADANIE", "WYNIK", "JEDNOSTKA"],
              [["KG/2023/00451", "PAC-000731", "13.03.2023", "NT-proBNP", "4210", "pg/ml"],
               ["KG/2022/01877", "PAC-000918", "29.12.2022", "pCO2", "54,1", "mmHg"],
               ["KG/2023/00773", "PAC-001204", "05.05.2023", "Leukocyty", "3,1", "tys/µl"]],
              delimiter=";", encoding="utf-8", newline="\r\n")
    keep("pl", "4210", "54,1", "3,1", "Leukocyty")
    write_csv(os.path.join(d, "epikryzy.csv"),
              ["ID_PACJENTA", "DATA_WPISU", "LEKARZ", "TEKST"],
              [["PAC-000731", "21.03.2023", "lek. Przemysław Kuźniar",
                "Pani Grażyna Wójcik-Łęcka (PESEL " + pts[0][3] + ") przyjęta 12 marca 2023 z powodu niewydolności "
                "serca. Córka Małgorzata, tel. +48 601 234 567. Kontrola 18 kwietnia 2023 u dr. Kuźniara. "
                "Wynik NT-proBNP przekazano Wójcik-Łęckiej telefonicznie."],
               ["PAC-000918", "03.01.2023", "dr n. med. Bronisława Chmielewska",
                "Pan Jędrzej Żółkowski, zaostrzenie POChP. Przyjęty 28 grudnia 2022, wypisany 3 stycznia 2023. "
                "Żona Halina Żółkowska odbiera wypis. Zalecenia przekazano Żółkowskiemu ustnie."],
               ["PAC-001204", "05.05.2023", "lek. Przemysław Kuźniar",
                "Pani Ślusarczyk, chemioterapia 5 maja 2023. Syn Wojciech z Wąchocka pyta o termin (tel. 12 633 44 55). "
                "Stan zdrowia Bożeny dobry."]],
              delimiter=";", encoding="utf-8", newline="\r\n")
    plant("clinician-name", "Przemysław", "Kuźniar", "Bronisława", "Chmielewska")
    plant("relative-name", "Małgorzata", "Halina", "Żółkowska", "Wojciech")
    plant("address", "Wąchocka")  # a relative's town (decision 0227)
    # the patients' names declined as a note writes them (decision 0136): Wójcik-Łęcka, Żółkowski, Bożena
    plant("patient-name", "Łęckiej", "Żółkowskiemu", "Bożeny")
    plant("event-date", "12 marca 2023", "18 kwietnia 2023", "28 grudnia 2022", "3 stycznia 2023", "5 maja 2023")
    keep("pl", "niewydolności serca", "zaostrzenie POChP")


def main():
    pcornet()
    france()
    netherlands()
    scandinavia()
    fhir()
    dicom()
    cjk()
    excel()
    fhir_narrative()
    linked()
    uk()
    claims()
    mimic()
    cerner()
    i2b2()
    italy()
    spain()
    poland()
    fhir_us()  # decision 0122, defined at the end of this file
    lusophone_turkish_indian()  # decision 0125, defined at the end of this file
    australia()  # decision 0123, defined after fhir_us
    new_zealand()
    canada()
    fhir_anz()
    east_asia()  # decision 0127, defined at the end of this file
    hl7_and_clarity()  # decision 0126, defined at the end of this file
    latin_america_and_thailand()  # decision 0133, defined at the end of this file
    cyrillic_greek()  # decision 0131, defined at the end of this file
    middle_east()  # decision 0132, defined at the end of this file
    opaque()  # decision 0138, defined at the end of this file
    ages()  # decision 0142, defined at the end of this file
    germany()  # decision 0150, defined at the end of this file
    germany_fhir()
    word_processed()  # decision 0168, defined at the end of this file
    lake()  # decision 0172, defined at the end of this file
    reports()  # decision 0173, defined at the end of this file
    paged()  # decision 0174, defined at the end of this file
    trials()
    redcap()
    europe()
    patient_lists()
    vista()
    us_clinic()
    dicom_vendor()  # decision 0185, defined at the end of this file
    dental()  # decision 0195, defined at the end of this file
    nursing_home()  # decision 0196, defined at the end of this file
    portal()  # decision 0200, defined at the end of this file
    sequencing()  # decision 0219, defined at the end of this file
    pathology()  # decision 0220, defined at the end of this file
    immunization_registry()  # decision 0221, defined at the end of this file
    cancer_registry()  # decision 0222, defined at the end of this file
    ems_reports()  # decision 0223, defined at the end of this file
    sdtm()  # decision 0225, defined at the end of this file
    ub04()  # decision 0228, defined at the end of this file
    hcup()  # decision 0229, defined at the end of this file
    ris()  # decision 0230, defined at the end of this file
    pacs()  # decisions 0231-0232, defined at the end of this file
    trauma()  # decisions 0233-0234, defined at the end of this file
    orlog()  # decision 0235, defined at the end of this file
    wearables()  # decision 0238, defined at the end of this file
    sea()  # decision 0244, defined at the end of this file
    africa()  # decision 0245, defined at the end of this file
    vietnam()  # decision 0246, defined at the end of this file
    south_asia()  # decision 0247, defined at the end of this file
    vietnam_plain()  # decision 0248, defined at the end of this file
    south_asian_scripts()  # decision 0250, defined at the end of this file
    with open(os.path.join(HERE, "planted.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# category\tvalue (synthetic)\n")
        for c, v in planted:
            f.write(c + "\t" + v + "\n")
    with open(os.path.join(HERE, "kept.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# folder\tvalue that must come out byte-identical\n")
        for c, v in kept:
            f.write(c + "\t" + v + "\n")


# === fhir-us (decision 0122) =======================================================================================
# --- FHIR R4 bulk NDJSON as US EHR vendors (Epic, Oracle Health/Cerner) and a CARIN Blue Button payer API export it:
#     US Core race/ethnicity/birthsex with text, identifiers under Epic OIDs (MRN, SSN), usual/official/old (maiden)
#     names, periods on telecom and address, _birthDate with a birth time, a photo, Encounter locations with room and
#     bed, Location, Organization, Practitioner with NPI and licence, Coverage, ExplanationOfBenefit, Device (UDI,
#     serial, lot), ImagingStudy (accession, DICOM UIDs), Specimen, QuestionnaireResponse with free-text answers,
#     Binary (RTF, PDF-like) referenced by DocumentReference.content.attachment.url, Provenance, meta.source hosts ---
def fhir_us():
    d = os.path.join(HERE, "fhir-us")
    os.makedirs(d, exist_ok=True)
    pid = "eWq3vT9mB0rLx1kYzQ7nPgA3"
    src = "https://fhirprod01.mercyvalley-health.org/api/FHIR/R4"
    meta = {"source": src + "#Zq81KdLmP0"}
    pref = {"reference": "Patient/" + pid, "display": "Brambleworth, Eulalia D"}
    b64 = lambda s: base64.b64encode(s.encode("utf-8") if isinstance(s, str) else s).decode()
    photo = b64(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xfe\x00\x1c"
                b"Eulalia Brambleworth badge\xff\xd9")
    patient = {
        "resourceType": "Patient", "id": pid, "meta": meta,
        "extension": [
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", "extension": [
                {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238",
                                                      "code": "2054-5", "display": "Black or African American"}},
                {"url": "text", "valueString": "Black or African American"}]},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity", "extension": [
                {"url": "ombCategory", "valueCoding": {"system": "urn:oid:2.16.840.1.113883.6.238",
                                                      "code": "2135-2", "display": "Hispanic or Latino"}},
                {"url": "text", "valueString": "Hispanic or Latino"}]},
            {"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"},
        ],
        "identifier": [
            {"use": "usual", "type": {"text": "EPIC"},
             "system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14", "value": "E88314207"},
            {"use": "usual", "type": {"text": "MRN"},
             "system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.0", "value": "88314207"},
            {"use": "usual", "system": "urn:oid:2.16.840.1.113883.4.1", "value": "512-38-7204"},
        ],
        "active": True,
        "name": [{"use": "official", "text": "Eulalia Delphine Brambleworth", "family": "Brambleworth",
                  "given": ["Eulalia", "Delphine"]},
                 {"use": "usual", "text": "Lali Brambleworth", "family": "Brambleworth", "given": ["Lali"]},
                 {"use": "old", "text": "Eulalia Tillmanstone", "family": "Tillmanstone", "given": ["Eulalia"],
                  "period": {"end": "1981-06-20"}}],
        "telecom": [{"system": "phone", "value": "937-555-0148", "use": "home", "rank": 1,
                     "period": {"start": "2016-04-09"}},
                    {"system": "phone", "value": "(937) 555-0177", "use": "mobile"},
                    {"system": "email", "value": "lali.bramble@example.net", "use": "home"}],
        "gender": "female", "birthDate": "1958-11-02",
        "_birthDate": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/patient-birthTime",
                                      "valueDateTime": "1958-11-02T04:17:00-05:00"}]},
        "deceasedBoolean": False,
        "address": [{"use": "home", "line": ["4187 Sassafras Hollow Dr", "Apt 2B"], "city": "Zanesfield",
                     "district": "Logan", "state": "OH", "postalCode": "43360", "country": "US",
                     "period": {"start": "2009-07-15"}}],
        "maritalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus",
                                      "code": "W"}], "text": "Widowed"},
        "photo": [{"contentType": "image/jpeg", "data": photo}],
        "communication": [{"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX",
                                                    "display": "Spanish (Mexico)"}], "text": "Spanish"},
                           "preferred": True}],
        "generalPractitioner": [{"reference": "Practitioner/prac-us-1", "display": "Lucius Pelletreau, MD"}],
        "managingOrganization": {"reference": "Organization/org-us-1", "display": "Mercy Valley Health System"},
    }
    plant("patient-name", "Brambleworth", "Eulalia", "Delphine", "Lali")
    plant("maiden-name", "Tillmanstone")
    plant("mrn", "E88314207", "88314207")
    plant("ssn", "512-38-7204", "512387204")
    plant("phone", "937-555-0148", "(937) 555-0177", "555-0177")
    plant("email", "lali.bramble@example.net")
    plant("address", "4187 Sassafras Hollow Dr", "Sassafras Hollow", "Zanesfield")
    plant("birth-date", "1958-11-02", "1958-11-02T04:17:00-05:00", "11/02/1958")
    plant("date", "2016-04-09", "2009-07-15", "1981-06-20")
    plant("photo", photo)
    plant("fhir-id", pid)
    plant("hostname", "fhirprod01.mercyvalley-health.org")
    keep("fhir-us", "2054-5", "2135-2", "Black or African American", "Hispanic or Latino", "es-MX")
    org = {"resourceType": "Organization", "id": "org-us-1", "meta": meta, "active": True,
           "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1093817746"}],
           "name": "Mercy Valley Health System",
           "telecom": [{"system": "phone", "value": "937-555-0100"}],
           "address": [{"line": ["2250 Quarrystone Pike"], "city": "Beavercreek", "state": "OH",
                        "postalCode": "45431"}]}
    payer = {"resourceType": "Organization", "id": "org-us-payer", "name": "Buckeye Mutual Health Plan",
             "type": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/organization-type",
                                   "code": "pay"}]}],
             "telecom": [{"system": "phone", "value": "800-555-0133"}]}
    plant("phone", "937-555-0100")
    plant("address", "2250 Quarrystone Pike")
    keep("fhir-us", "Buckeye Mutual Health Plan")
    loc = {"resourceType": "Location", "id": "loc-us-1", "meta": meta, "status": "active",
           "name": "MERCY HOSP 4 NORTH RM 412 BED A", "alias": ["4N-412-A"],
           "physicalType": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/location-physical-type",
                                        "code": "bd"}]},
           "telecom": [{"system": "phone", "value": "937-555-0412"}],
           "address": {"line": ["2250 Quarrystone Pike"], "city": "Beavercreek", "state": "OH", "postalCode": "45431"},
           "managingOrganization": {"reference": "Organization/org-us-1"}}
    plant("facility-room", "MERCY HOSP 4 NORTH RM 412 BED A", "RM 412 BED A", "4N-412-A")
    plant("phone", "937-555-0412")
    prac = {"resourceType": "Practitioner", "id": "prac-us-1", "meta": meta,
            "identifier": [{"system": "http://hl7.org/fhir/sid/us-npi", "value": "1740283956"},
                           {"system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.836982", "type": {"text": "INTERNAL"},
                            "value": "PEL9921"}],
            "name": [{"use": "usual", "text": "Lucius Pelletreau, MD", "family": "Pelletreau", "given": ["Lucius"],
                      "suffix": ["MD"]}],
            "telecom": [{"system": "phone", "value": "937-555-0161", "use": "work"}],
            "qualification": [{"identifier": [{"system": "urn:oid:2.16.840.1.113883.4.3.39",
                                               "value": "35.098765"}],
                               "code": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0360",
                                                    "code": "MD"}], "text": "Doctor of Medicine"},
                               "period": {"start": "1991-07-01"}}]}
    plant("clinician-name", "Pelletreau", "Lucius")
    plant("npi", "1740283956")
    plant("licence", "35.098765")
    plant("phone", "937-555-0161")
    enc = {"resourceType": "Encounter", "id": "enc-us-1", "meta": meta, "status": "finished",
           "identifier": [{"use": "usual", "system": "urn:oid:1.2.840.114350.1.13.0.1.7.3.698084.8",
                           "value": "4100982277"}],
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
           "type": [{"coding": [{"system": "http://snomed.info/sct", "code": "183452005"}],
                     "text": "Emergency hospital admission"}],
           "subject": pref,
           "participant": [{"type": [{"coding": [{"system":
                                                  "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                                  "code": "ATND"}]}],
                            "individual": {"reference": "Practitioner/prac-us-1", "display": "Lucius Pelletreau, MD"}},
                           {"individual": {"display": "Hesketh, Marguerite RN"}}],
           "period": {"start": "2023-02-06T22:41:00-05:00", "end": "2023-02-09T13:05:00-05:00"},
           "hospitalization": {"origin": {"display": "Sunnybrook Terrace Assisted Living, 88 Gallowglass Ct"},
                               "destination": {"display": "Home with daughter Leontyne Abernethy-Quist"},
                               "dischargeDisposition": {"coding": [{"system":
                                   "http://www.nubc.org/patient-discharge", "code": "06"}]}},
           "location": [{"location": {"reference": "Location/loc-us-1",
                                      "display": "MERCY HOSP 4 NORTH RM 412 BED A"},
                         "period": {"start": "2023-02-07T03:10:00-05:00"}},
                        {"location": {"display": "MERCY HOSP ED BAY 07"}}],
           "serviceProvider": {"reference": "Organization/org-us-1", "display": "Mercy Valley Health System"}}
    plant("encounter-id", "4100982277")
    plant("clinician-name", "Hesketh", "Marguerite")
    plant("relative-name", "Leontyne", "Abernethy-Quist")
    plant("address", "88 Gallowglass Ct")
    plant("facility-room", "ED BAY 07")
    keep("fhir-us", "IMP", "183452005")
    cov = {"resourceType": "Coverage", "id": "cov-us-1", "meta": {"source": "https://api.buckeyemutual.example/bb"},
           "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                "code": "MB"}]},
                           "system": "https://buckeyemutual.example/member", "value": "BKM918273645-01"}],
           "status": "active",
           "type": {"coding": [{"system": "https://nahdo.org/sopt", "code": "511"}], "text": "Commercial HMO"},
           "subscriber": {"display": "Ambrose Brambleworth"}, "subscriberId": "BKM918273645",
           "beneficiary": {"reference": "Patient/" + pid}, "dependent": "01",
           "relationship": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/subscriber-relationship",
                                        "code": "spouse"}]},
           "period": {"start": "2022-01-01", "end": "2023-12-31"},
           "payor": [{"reference": "Organization/org-us-payer", "display": "Buckeye Mutual Health Plan"}],
           "class": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/coverage-class",
                                           "code": "group"}]}, "value": "GRP-0048812", "name": "Dayton Tool & Die"}]}
    plant("member-id", "BKM918273645-01", "BKM918273645")
    plant("relative-name", "Ambrose")
    plant("employer", "Dayton Tool & Die")
    keep("fhir-us", "511", "spouse")
    eob = {"resourceType": "ExplanationOfBenefit", "id": "eob-us-1",
           "meta": {"profile": ["http://hl7.org/fhir/us/carin-bb/StructureDefinition/"
                                "C4BB-ExplanationOfBenefit-Inpatient-Institutional"]},
           "identifier": [{"type": {"coding": [{"system":
                                                "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBIdentifierType",
                                                "code": "uc"}]},
                           "system": "https://buckeyemutual.example/claim", "value": "CLM2023-00881744"}],
           "status": "active",
           "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/claim-type",
                                "code": "institutional"}]},
           "use": "claim", "patient": {"reference": "Patient/" + pid},
           "billablePeriod": {"start": "2023-02-06", "end": "2023-02-09"}, "created": "2023-03-02T00:00:00-05:00",
           "insurer": {"reference": "Organization/org-us-payer", "display": "Buckeye Mutual Health Plan"},
           "provider": {"reference": "Organization/org-us-1", "display": "Mercy Valley Health System"},
           "outcome": "complete",
           "careTeam": [{"sequence": 1, "provider": {"display": "Lucius Pelletreau, MD"},
                         "role": {"coding": [{"system": "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBClaimCareTeamRole",
                                              "code": "attending"}]}},
                        {"sequence": 2, "provider": {"display": "Dr. Seraphina Vandermolen"}}],
           "diagnosis": [{"sequence": 1, "diagnosisCodeableConcept": {"coding": [{
                              "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I21.4"}]},
                          "type": [{"coding": [{"code": "principal"}]}]},
                         {"sequence": 2, "diagnosisCodeableConcept": {"coding": [{
                              "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "N17.9"}]}},
                         {"sequence": 3, "diagnosisCodeableConcept": {"coding": [{
                              "system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "I10"}]}}],
           "insurance": [{"focal": True, "coverage": {"reference": "Coverage/cov-us-1"}}],
           "item": [{"sequence": 1, "revenue": {"coding": [{"system": "https://www.nubc.org/CodeSystem/RevenueCodes",
                                                            "code": "0481"}]},
                     "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt", "code": "93458"}]},
                     "servicedDate": "2023-02-07", "quantity": {"value": 1},
                     "net": {"value": 12901.55, "currency": "USD"}},
                    {"sequence": 2, "productOrService": {"coding": [{"system": "http://www.ama-assn.org/go/cpt",
                                                                     "code": "82550"}]},
                     "servicedDate": "2023-02-08", "quantity": {"value": 3},
                     "net": {"value": 214.62, "currency": "USD"}}],
           "total": [{"category": {"coding": [{"code": "submitted"}]}, "amount": {"value": 18442.17, "currency": "USD"}},
                     {"category": {"coding": [{"code": "benefit"}]}, "amount": {"value": 15290.4, "currency": "USD"}}],
           "payment": {"amount": {"value": 15290.4, "currency": "USD"}}}
    plant("claim-number", "CLM2023-00881744")
    plant("clinician-name", "Seraphina", "Vandermolen")
    keep("fhir-us", "I21.4", "N17.9", "I10", "93458", "82550", "0481", "12901.55", "214.62", "18442.17", "15290.4")
    device = {"resourceType": "Device", "id": "dev-us-1",
              "udiCarrier": [{"deviceIdentifier": "00643169007222", "issuer": "http://hl7.org/fhir/NamingSystem/gs1-di",
                              "carrierHRF": "(01)00643169007222(17)260430(10)LOT7731X(21)SN44820917",
                              "carrierAIDC": base64.b64encode(b"0100643169007222" b"17260430" b"10LOT7731X\x1d" b"21SN44820917")
                              .decode("ascii")}],
              "status": "active", "lotNumber": "LOT7731X", "serialNumber": "SN44820917",
              "manufactureDate": "2022-04-30", "expirationDate": "2026-04-30",
              "type": {"coding": [{"system": "http://snomed.info/sct", "code": "360046005",
                                   "display": "Cardiac pacemaker"}]},
              "patient": {"reference": "Patient/" + pid}}
    plant("device-id", "SN44820917", "LOT7731X", "(01)00643169007222(17)260430(10)LOT7731X(21)SN44820917")
    # the UDI's device identifier (the model's GTIN) and its issuer are research data (decision 0124)
    keep("fhir-us", "00643169007222", "http://hl7.org/fhir/NamingSystem/gs1-di")
    keep("fhir-us", "360046005")
    study_uid = "1.2.840.113619.2.417.3.2831178214.776.1675780921.402"
    img = {"resourceType": "ImagingStudy", "id": "img-us-1", "status": "available",
           "identifier": [{"system": "urn:dicom:uid", "value": "urn:oid:" + study_uid},
                          {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                "code": "ACSN"}]},
                           "system": "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", "value": "ACC9917342"}],
           "subject": {"reference": "Patient/" + pid}, "encounter": {"reference": "Encounter/enc-us-1"},
           "started": "2023-02-07T08:44:00-05:00", "numberOfSeries": 1, "numberOfInstances": 212,
           "procedureCode": [{"coding": [{"system": "http://loinc.org", "code": "24627-2"}], "text": "CT Chest"}],
           "series": [{"uid": "1.2.840.113619.2.417.3.2831178214.776.1675780921.403", "number": 2,
                       "modality": {"system": "http://dicom.nema.org/resources/ontology/DCM", "code": "CT"},
                       "numberOfInstances": 212,
                       "performer": [{"actor": {"display": "Barnaby Marchbanks, RT(R)"}}],
                       "instance": [{"uid": "1.2.840.113619.2.417.3.2831178214.776.1675780921.404.1",
                                     "sopClass": {"system": "urn:ietf:rfc:3986",
                                                  "code": "urn:oid:1.2.840.10008.5.1.4.1.1.2"}, "number": 1}]}]}
    plant("dicom-uid", study_uid, "1.2.840.113619.2.417.3.2831178214.776.1675780921.403",
          "1.2.840.113619.2.417.3.2831178214.776.1675780921.404.1")
    plant("accession", "ACC9917342")
    plant("clinician-name", "Barnaby", "Marchbanks")
    keep("fhir-us", "24627-2", "1.2.840.10008.5.1.4.1.1.2", "212")
    spec = {"resourceType": "Specimen", "id": "spec-us-1",
            "accessionIdentifier": {"system": "urn:oid:1.2.840.114350.1.13.0.1.7.3.798268.5", "value": "S23-0447812"},
            "type": {"coding": [{"system": "http://snomed.info/sct", "code": "119297000"}]},
            "subject": {"reference": "Patient/" + pid},
            "collection": {"collector": {"display": "Rosalba Quintanar, PCT"},
                           "collectedDateTime": "2023-02-07T06:10:00-05:00",
                           "quantity": {"value": 4.5, "unit": "mL"}}}
    plant("accession", "S23-0447812")
    plant("clinician-name", "Rosalba", "Quintanar")
    keep("fhir-us", "119297000", "4.5")
    qr = {"resourceType": "QuestionnaireResponse", "id": "qr-us-1", "status": "completed",
          "questionnaire": "http://loinc.org/q/93025-5", "subject": {"reference": "Patient/" + pid},
          "authored": "2023-02-06T23:05:00-05:00", "author": {"display": "Eulalia Brambleworth"},
          "item": [{"linkId": "dob", "text": "Date of birth", "answer": [{"valueDate": "1958-11-02"}]},
                   {"linkId": "ec-name", "text": "Emergency contact", "answer": [
                       {"valueString": "Leontyne Abernethy-Quist (daughter)"}]},
                   {"linkId": "ec-phone", "text": "Emergency contact phone", "answer": [{"valueString": "937 555 0163"}]},
                   {"linkId": "living", "text": "Who do you live with?", "answer": [{"valueString":
                       "Alone since Ambrose passed. Neighbor Fenwick Osterhaut checks on me, cell 937.555.0199"}]},
                   {"linkId": "93038-8", "text": "Stress level", "answer": [{"valueCoding": {
                       "system": "http://loinc.org", "code": "LA13902-7"}}]},
                   {"linkId": "pain", "text": "Pain score", "answer": [{"valueInteger": 7}]}]}
    plant("phone", "937 555 0163", "937.555.0199")
    plant("neighbour-name", "Fenwick", "Osterhaut")
    keep("fhir-us", "LA13902-7", "93038-8")
    rtf = ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\\f0\\fs20 DISCHARGE SUMMARY\\par "
           "Patient: BRAMBLEWORTH, EULALIA D\\par MRN: 88314207   DOB: 11/02/1958\\par "
           "Attending: Lucius Pelletreau, MD\\par Dx NSTEMI (I21.4). Troponin peaked 4.82 ng/mL.\\par "
           "Discharged home with her daughter Leontyne, tel 937-555-0148.\\par }")
    pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length 80 >> stream\n"
           "BT /F1 10 Tf 72 720 Td (Patient: Brambleworth, Eulalia  SSN 512-38-7204) Tj ET\n"
           "endstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    bin_rtf = {"resourceType": "Binary", "id": "bin-us-rtf", "contentType": "text/rtf", "data": b64(rtf)}
    bin_pdf = {"resourceType": "Binary", "id": "bin-us-pdf", "contentType": "application/pdf", "data": b64(pdf)}
    docref = {"resourceType": "DocumentReference", "id": "doc-us-1", "meta": meta, "status": "current",
              "masterIdentifier": {"system": "urn:oid:1.2.840.114350.1.72.3.15", "value": "DOC-7781-00342"},
              "type": {"coding": [{"system": "http://loinc.org", "code": "18842-5"}], "text": "Discharge summary"},
              "subject": {"reference": "Patient/" + pid}, "date": "2023-02-09T15:30:00-05:00",
              "author": [{"reference": "Practitioner/prac-us-1", "display": "Lucius Pelletreau, MD"}],
              "custodian": {"display": "Mercy Valley Health System"},
              "content": [{"attachment": {"contentType": "text/rtf", "url": "Binary/bin-us-rtf"}},
                          {"attachment": {"contentType": "application/pdf", "url": "Binary/bin-us-pdf",
                                          "title": "Brambleworth discharge.pdf"}}],
              "context": {"encounter": [{"reference": "Encounter/enc-us-1"}],
                          "period": {"start": "2023-02-06T22:41:00-05:00", "end": "2023-02-09T13:05:00-05:00"}}}
    plant("document-id", "DOC-7781-00342")
    keep("fhir-us", "18842-5", "4.82")
    # a summary of care as Epic exports it (decision 0216): a C-CDA Binary its DocumentReference points at
    ccd = ('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:sdtc="urn:hl7-org:sdtc">\n'
           '  <realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>\n'
           '  <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>\n'
           '  <code code="34133-9" codeSystem="2.16.840.1.113883.6.1" displayName="Summarization of Episode Note"/>\n'
           '  <effectiveTime value="20230209153000-0500"/>\n'
           '  <recordTarget><patientRole>\n'
           '    <id extension="E88314207" root="1.2.840.114350.1.13.0.1.7.5.737384.14"/>\n'
           '    <id extension="512-38-7204" root="2.16.840.1.113883.4.1"/>\n'
           '    <addr use="HP"><streetAddressLine>4187 Sassafras Hollow Dr</streetAddressLine><city>Zanesfield</city>'
           '<state>OH</state><postalCode>43360</postalCode><country>US</country></addr>\n'
           '    <telecom use="HP" value="tel:+1-937-555-0177"/><telecom value="mailto:lali.bramble@example.net"/>\n'
           '    <patient><name use="L"><given>Eulalia</given><given>Delphine</given><family>Brambleworth</family></name>'
           '<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19581102"/>'
           '<raceCode code="2054-5" codeSystem="2.16.840.1.113883.6.238" displayName="Black or African American"/>'
           '</patient>\n'
           '  </patientRole></recordTarget>\n'
           '  <author><time value="20230209153000-0500"/><assignedAuthor><id extension="1093817465" '
           'root="2.16.840.1.113883.4.6"/><assignedPerson><name><given>Evander</given><family>Ravensworth-Pike</family>'
           '<suffix>MD</suffix></name></assignedPerson></assignedAuthor></author>\n'
           '  <component><structuredBody><component><section>\n'
           '    <templateId root="2.16.840.1.113883.10.20.22.2.5.1" extension="2015-08-01"/>\n'
           '    <code code="11450-4" codeSystem="2.16.840.1.113883.6.1" displayName="Problem list"/>\n'
           '    <title>Problems</title>\n'
           '    <text><paragraph>Ms. Brambleworth was admitted 02/06/2023 with chest pain; NSTEMI confirmed.</paragraph>'
           '</text>\n'
           '    <entry><act classCode="ACT" moodCode="EVN"><entryRelationship typeCode="SUBJ"><observation classCode="OBS" '
           'moodCode="EVN"><code code="55607006" codeSystem="2.16.840.1.113883.6.96" displayName="Problem"/>'
           '<effectiveTime><low value="20230206"/></effectiveTime><value xsi:type="CD" code="401314000" '
           'codeSystem="2.16.840.1.113883.6.96" displayName="Acute non-ST segment elevation myocardial infarction"/>'
           '</observation></entryRelationship></act></entry>\n'
           '  </section></component></structuredBody></component>\n</ClinicalDocument>\n')
    bin_ccd = {"resourceType": "Binary", "id": "bin-us-ccd", "contentType": "application/xml", "data": b64(ccd)}
    docref_ccd = {"resourceType": "DocumentReference", "id": "doc-us-2", "meta": meta, "status": "current",
                  "type": {"coding": [{"system": "http://loinc.org", "code": "34133-9"}]},
                  "subject": {"reference": "Patient/" + pid}, "date": "2023-02-09T15:30:00-05:00",
                  "content": [{"attachment": {"contentType": "application/xml", "url": "Binary/bin-us-ccd"},
                               "format": {"system": "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode",
                                          "code": "urn:hl7-org:sdwg:ccda-structuredBody:2.1"}}]}
    plant("clinician-name", "Evander", "Ravensworth-Pike")
    plant("npi", "1093817465")
    plant("zip", "43360")
    plant("birth-date", "19581102")
    plant("event-date", "20230209153000", "02/06/2023")
    keep("fhir-us", "401314000", "Acute non-ST segment elevation myocardial infarction", "2.16.840.1.113883.10.20.22.2.5.1",
         "urn:hl7-org:sdwg:ccda-structuredBody:2.1", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
    # a progress note as Oracle Health (Cerner) exports it: the content named by the server's absolute URL (0217)
    cerner = "https://fhir-ehr.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d"
    bin_note = {"resourceType": "Binary", "id": "XR-197198634", "contentType": "text/plain",
                "data": b64("Progress note 02/10/2023: Eulalia Brambleworth seen on 4 North by Dr. Pelletreau; "
                            "troponin trending down. Follow-up in clinic 02/24/2023.")}
    docref_note = {"resourceType": "DocumentReference", "id": "doc-us-3", "status": "current",
                   "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3"}]},
                   "subject": {"reference": "Patient/" + pid}, "date": "2023-02-10T08:12:00-05:00",
                   "content": [{"attachment": {"contentType": "text/plain",
                                               "url": cerner + "/Binary/XR-197198634"}}]}
    plant("fhir-id", "XR-197198634")
    plant("hostname", "ec2458f2-1e24-41c8-b71b-0e701af7583d")
    plant("event-date", "02/10/2023", "02/24/2023")
    keep("fhir-us", "11506-3", "troponin trending down. Follow-up in clinic")
    prov = {"resourceType": "Provenance", "id": "prov-us-1", "meta": meta,
            "target": [{"reference": "DocumentReference/doc-us-1"}, {"reference": "Encounter/enc-us-1"}],
            "recorded": "2023-02-09T15:31:07-05:00",
            "agent": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/provenance-participant-type",
                                            "code": "author"}]},
                       "who": {"reference": "Practitioner/prac-us-1", "display": "Lucius Pelletreau, MD"},
                       "onBehalfOf": {"reference": "Organization/org-us-1", "display": "Mercy Valley Health System"}},
                      {"type": {"coding": [{"code": "transmitter"}]}, "who": {"display": "Marguerite Hesketh RN"}}]}
    lines = {"Patient": [patient], "Organization": [org, payer], "Location": [loc], "Practitioner": [prac],
             "Encounter": [enc], "Coverage": [cov], "ExplanationOfBenefit": [eob], "Device": [device],
             "ImagingStudy": [img], "Specimen": [spec], "QuestionnaireResponse": [qr], "Binary": [bin_rtf, bin_pdf, bin_ccd, bin_note],
             "DocumentReference": [docref, docref_ccd, docref_note], "Provenance": [prov]}
    for t, rs in lines.items():
        with open(os.path.join(d, t + ".ndjson"), "w", encoding="utf-8", newline="") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


# === br, pt, tr, in (decision 0125) ================================================================================
# --- Exports in Brazil's, Portugal's, Turkey's and India's conventions: CPF and CNS with their check digits, RG, CEP,
#     AIH numbers, CID-10 without a dot, SIGTAP procedure codes (10 digits, leading zero); the SNS user number and the
#     NIF; TC Kimlik No with its two check digits and Turkish casing (IŞIK, ÇİFTÇİOĞLU); Aadhaar with its Verhoeff
#     digit, ABHA numbers and addresses, PAN, PIN codes, S/o D/o W/o; FHIR NDJSON under RNDS's and ABDM's systems ------
def cpf(nine, punctuated=True):
    """A Brazilian CPF: nine digits and two mod-11 check digits, as 123.456.789-09 or 12345678909."""
    d = [int(c) for c in nine]
    for n in (10, 11):
        r = sum(x * (n - i) for i, x in enumerate(d)) % 11
        d.append(0 if r < 2 else 11 - r)
    s = "".join(map(str, d))
    return "%s.%s.%s-%s" % (s[:3], s[3:6], s[6:9], s[9:]) if punctuated else s


def cns(fourteen):
    """A provisional Cartão Nacional de Saúde number (15 digits from 7, 8 or 9): the weighted sum (15..1) is 0 mod 11;
    the fourteenth digit moves up until the check digit is one digit."""
    d = [int(c) for c in fourteen]
    while True:
        s = sum(x * (15 - i) for i, x in enumerate(d))
        c = (11 - s % 11) % 11
        if c < 10:
            return "".join(map(str, d)) + str(c)
        d[13] = (d[13] + 1) % 10


def nif_pt(eight):
    """A Portuguese NIF: eight digits and a mod-11 check digit (weights 9..2; 10 and 11 give 0)."""
    r = 11 - sum(int(c) * (9 - i) for i, c in enumerate(eight)) % 11
    return eight + str(0 if r >= 10 else r)


def tc_kimlik(nine):
    """A Turkish TC Kimlik No: nine digits (not from 0), the tenth ((odd places) * 7 - (even places)) mod 10, the
    eleventh the first ten's sum mod 10."""
    d = [int(c) for c in nine]
    d.append((sum(d[0:9:2]) * 7 - sum(d[1:8:2])) % 10)
    d.append(sum(d) % 10)
    return "".join(map(str, d))


VERHOEFF_D = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
              [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
              [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
              [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
VERHOEFF_P = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
              [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
              [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
VERHOEFF_INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def aadhaar(eleven, spaced=True):
    """An Aadhaar number: eleven digits (not from 0 or 1) and a Verhoeff check digit, as 2345 6789 0123."""
    c = 0
    for i, ch in enumerate(reversed(eleven)):
        c = VERHOEFF_D[c][VERHOEFF_P[(i + 1) % 8][int(ch)]]
    s = eleven + str(VERHOEFF_INV[c])
    return " ".join((s[:4], s[4:8], s[8:])) if spaced else s


def lusophone_turkish_indian():
    brazil()
    portugal()
    turkey()
    india()


def ndjson(path, resources):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        for r in resources:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def brazil():
    # a hospital's export for SUS (Windows-1252, ';', CRLF) and an RNDS-style FHIR NDJSON (UTF-8)
    d = os.path.join(HERE, "br")
    pts = [("4471203", "Maria das Graças dos Santos Wanderley", "Josefa Aparecida dos Santos", "14/03/1952", "F",
            cpf("529982247"), cns("70000347125580"), "23.456.789-1", "Rua Augusta, 1508, apto 42", "Consolação",
            "São Paulo", "SP", "01304-001", "(11) 98765-4321"),
           ("4471390", "João Batista da Silva Filho", "Raimunda Ferreira da Silva", "02/11/1931", "M",
            cpf("318476295"), cns("89800112345678"), "0456789123", "Av. Sete de Setembro, 2300", "Vitória",
            "Salvador", "BA", "40080-004", "(71) 3321-4567"),
           ("4472015", "Antônio Carlos Nogueira Jr.", "Benedita Nogueira Lemos", "28/07/1961", "M",
            cpf("064128397"), cns("79012834567123"), "3.456.712", "Travessa Campos Sales, 17", "Campina",
            "Belém", "PA", "66015-060", "(91) 99123-0456")]
    write_csv(os.path.join(d, "pacientes.csv"),
              ["PRONTUARIO", "NOME", "NOME_MAE", "DT_NASC", "SEXO", "CPF", "CNS", "RG", "LOGRADOURO", "BAIRRO",
               "MUNICIPIO", "UF", "CEP", "TELEFONE"],
              [[p[0], p[1], p[2], p[3], p[4], p[5] if i != 1 else p[5].replace(".", "").replace("-", ""), p[6], p[7],
                p[8], p[9], p[10], p[11], p[12], p[13]] for i, p in enumerate(pts)],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("patient-name", "Maria das Graças", "Graças", "Wanderley", "João Batista", "Silva", "Antônio Carlos",
          "Nogueira")
    plant("relative-name", "Josefa Aparecida", "Raimunda", "Ferreira", "Benedita", "Lemos")
    for p in pts:
        plant("patient-id", p[0])
        plant("birth-date", p[3])
        plant("national-id", p[5], p[5].replace(".", "").replace("-", ""), p[6], p[7])
        plant("address", p[8], p[12])
        plant("phone", p[13])
    # AIH (autorização de internação hospitalar): 13 digits; CID-10 without its dot as SIH/SUS writes it; SIGTAP codes
    aih = [("3523100456781", "4471203", "12/03/2023", "21/03/2023", "I500", "E119", "0303060212", "Cardiologia",
            "2.345,67"),
           ("2923100987654", "4471390", "28/12/2022", "03/01/2023", "J441", "I10", "0303140151", "Clínica Médica",
            "1.876,40"),
           ("1523100555123", "4472015", "05/05/2023", "06/05/2023", "C509", "Z511", "0304100021", "Oncologia",
            "987,15")]
    write_csv(os.path.join(d, "internacoes.csv"),
              ["NUM_AIH", "PRONTUARIO", "DT_INTERNACAO", "DT_SAIDA", "DIAG_PRINC", "DIAG_SECUN", "PROC_REA",
               "ESPECIALIDADE", "VAL_TOT"], [list(a) for a in aih], delimiter=";", encoding="cp1252", newline="\r\n")
    for a in aih:
        plant("encounter-id", a[0])
    keep("br", "I500", "E119", "J441", "C509", "Z511", "0303060212", "0303140151", "0304100021", "2.345,67",
         "1.876,40", "987,15", "Clínica Médica")
    write_csv(os.path.join(d, "exames.csv"),
              ["PRONTUARIO", "NUM_AIH", "DT_COLETA", "COD_SIGTAP", "EXAME", "RESULTADO", "UNIDADE"],
              [["4471203", "3523100456781", "13/03/2023 07:40", "0202010503", "Hemoglobina glicada", "7,9", "%"],
               ["4471203", "3523100456781", "13/03/2023 07:40", "0202010317", "Creatinina", "1,12", "mg/dL"],
               ["4471390", "2923100987654", "29/12/2022 06:15", "0202010651", "Gasometria pCO2", "52,3", "mmHg"],
               ["4472015", "1523100555123", "05/05/2023 08:05", "0202020380", "Leucócitos", "3,4", "mil/mm3"]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    keep("br", "0202010503", "0202010317", "0202010651", "0202020380", "7,9", "1,12", "52,3", "3,4",
         "Hemoglobina glicada")
    write_csv(os.path.join(d, "evolucoes.csv"),
              ["PRONTUARIO", "NUM_AIH", "DT_EVOLUCAO", "PROFISSIONAL", "CRM", "TEXTO"],
              [["4471203", "3523100456781", "21/03/2023", "Dra. Fernanda Lobato Queiroz", "CRM-SP 123456",
                "Sra. Maria das Graças dos Santos Wanderley, CPF " + pts[0][5] + ", Cartão SUS " + pts[0][6]
                + ", internada em 12/03/2023 por insuficiência cardíaca (CID I50.0). Acompanhada pela filha Luciana "
                "Wanderley e pelo esposo Severino, tel. (11) 98765-4321. Reside na Rua Augusta, 1508, CEP 01304-001, "
                "São Paulo/SP. Procedimento SIGTAP 0303060212. Retorno com a Dra. Queiroz."],
               ["4471390", "2923100987654", "03/01/2023", "Dr. Everaldo Cavalcanti Brandão", "CRM-BA 54321",
                "Sr. João Batista da Silva Filho (CPF " + pts[1][5].replace(".", "").replace("-", "") + "), DPOC "
                "exacerbada. A mãe, D. Raimunda, ligou do (71) 3321-4567. Mora na Av. Sete de Setembro, 2300, "
                "Salvador/BA, CEP 40080004. Cartão SUS " + pts[1][6][:3] + " " + pts[1][6][3:7] + " "
                + pts[1][6][7:11] + " " + pts[1][6][11:] + "."],
               ["4472015", "1523100555123", "06/05/2023", "Dra. Fernanda Lobato Queiroz", "CRM-SP 123456",
                "Sr. Antônio Carlos Nogueira Jr., quimioterapia em 05/05/2023, bem tolerada. Esposa Dona Iracema "
                "pede retorno, cel. (91) 99123-0456. RG 3.456.712 PA. Enf. Rosângela Teixeira acompanhou."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Fernanda Lobato", "Lobato", "Queiroz", "Everaldo", "Cavalcanti", "Rosângela",
          "Teixeira")
    plant("clinician-id", "CRM-SP 123456", "123456", "54321")
    plant("relative-name", "Luciana", "Severino", "Iracema")
    keep("br", "insuficiência cardíaca", "DPOC exacerbada", "I50.0")
    # RNDS-style FHIR: identifiers under the Ministry's naming systems, CID-10 under its code system
    ns = "http://www.saude.gov.br/fhir/r4/NamingSystem/"
    pat = {"resourceType": "Patient", "id": "pac-br-7731",
           "identifier": [{"system": ns + "cpf", "value": cpf("761349852", False)},
                          {"system": ns + "cns", "value": cns("98765432109876")}],
           "name": [{"use": "official", "text": "Rosimeire Conceição Bezerra de Albuquerque",
                     "family": "Bezerra de Albuquerque", "given": ["Rosimeire", "Conceição"]}],
           "gender": "female", "birthDate": "1958-09-23",
           "telecom": [{"system": "phone", "value": "(81) 98877-6655"}],
           "address": [{"line": ["Rua da Aurora, 325", "Boa Vista"], "city": "Recife", "state": "PE",
                        "postalCode": "50050-000", "country": "BRA"}],
           "extension": [{"url": "http://www.saude.gov.br/fhir/r4/StructureDefinition/BRNomeMae-1.0",
                          "valueString": "Edileuza Bezerra"}]}
    plant("patient-name", "Rosimeire", "Bezerra de Albuquerque", "Albuquerque")
    plant("relative-name", "Edileuza")
    plant("national-id", pat["identifier"][0]["value"], pat["identifier"][1]["value"])
    plant("birth-date", "1958-09-23")
    plant("phone", "(81) 98877-6655")
    plant("address", "Rua da Aurora, 325", "50050-000")
    cond = {"resourceType": "Condition", "id": "cond-br-1", "subject": {"reference": "Patient/pac-br-7731"},
            "code": {"coding": [{"system": "http://www.saude.gov.br/fhir/r4/CodeSystem/BRCID10", "code": "E11.9",
                                 "display": "Diabetes mellitus não-insulino-dependente - sem complicações"}]},
            "recordedDate": "2023-04-11",
            "note": [{"authorString": "Dr. Heitor Valadares",
                      "text": "Paciente Rosimeire Bezerra, CPF " + cpf("761349852") + ", acompanhada da neta Yasmin. "
                              "Contato (81) 98877-6655, CEP 50050-000."}]}
    plant("clinician-name", "Heitor", "Valadares")
    plant("relative-name", "Yasmin")
    plant("national-id", cpf("761349852"))
    keep("br", "E11.9", "Diabetes mellitus não-insulino-dependente - sem complicações")
    ndjson(os.path.join(d, "rnds", "Patient.ndjson"), [pat])
    ndjson(os.path.join(d, "rnds", "Condition.ndjson"), [cond])


def portugal():
    d = os.path.join(HERE, "pt")
    pts = [("P0071", "Maria Fernanda Gouveia Brandão", "14-03-1952", "F", "123456789", nif_pt("21345678"),
            "Rua dos Fanqueiros 128, 3.º Dto", "1100-232", "Lisboa", "912 345 678"),
           ("P0093", "Joaquim Manuel Figueiredo Barros", "02-11-1947", "M", "234567891", nif_pt("18765432"),
            "Rua de Cedofeita 455", "4050-181", "Porto", "22 208 1234"),
           ("P0120", "Conceição Amaral Tavares", "28-07-1961", "F", "345678912", nif_pt("23456781"),
            "Avenida Sá da Bandeira 77, 1.º Esq.", "3000-351", "Coimbra", "+351 239 123 456")]
    write_csv(os.path.join(d, "doentes.csv"),
              ["N_PROCESSO", "NOME", "DATA_NASCIMENTO", "SEXO", "NUM_UTENTE", "NIF", "MORADA", "CODIGO_POSTAL",
               "LOCALIDADE", "TELEMOVEL"], [list(p) for p in pts], delimiter=";", encoding="cp1252", newline="\r\n")
    plant("patient-name", "Maria Fernanda", "Gouveia", "Brandão", "Joaquim Manuel", "Figueiredo", "Barros",
          "Conceição Amaral", "Tavares")
    for p in pts:
        plant("patient-id", p[0])
        plant("birth-date", p[2])
        plant("national-id", p[4], p[5])
        plant("address", p[6], p[7] + " " + p[8])
        plant("phone", p[9])
    eps = [("23004512", "P0071", "12-03-2023", "21-03-2023", "I50.9", "E11.9", "Cardiologia"),
           ("22019877", "P0093", "28-12-2022", "03-01-2023", "J44.1", "I10", "Pneumologia"),
           ("23007730", "P0120", "05-05-2023", "05-05-2023", "C50.911", "Z51.11", "Oncologia")]
    write_csv(os.path.join(d, "episodios.csv"),
              ["N_EPISODIO", "N_PROCESSO", "DATA_ENTRADA", "DATA_ALTA", "DIAG_PRINCIPAL", "DIAG_SECUNDARIO",
               "SERVICO"], [list(e) for e in eps], delimiter=";", encoding="cp1252", newline="\r\n")
    for e in eps:
        plant("encounter-id", e[0])
    keep("pt", "I50.9", "E11.9", "J44.1", "C50.911", "Z51.11", "Cardiologia", "Pneumologia")
    write_csv(os.path.join(d, "analises.csv"),
              ["N_EPISODIO", "N_PROCESSO", "DATA_COLHEITA", "ANALISE", "RESULTADO", "UNIDADE"],
              [["23004512", "P0071", "13-03-2023", "HbA1c", "7,9", "%"],
               ["22019877", "P0093", "29-12-2022", "pCO2", "52,3", "mmHg"],
               ["23007730", "P0120", "05-05-2023", "Leucócitos", "3,4", "x10^9/L"]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    keep("pt", "HbA1c", "7,9", "52,3", "3,4")
    write_csv(os.path.join(d, "notas_alta.csv"),
              ["N_EPISODIO", "N_PROCESSO", "DATA_NOTA", "MEDICO", "TEXTO"],
              [["23004512", "P0071", "21-03-2023", "Dr.ª Teresa Malheiro Quintela",
                "Sr.ª D. Maria Fernanda Brandão, utente n.º 123456789, NIF " + pts[0][5] + ", residente na Rua dos "
                "Fanqueiros 128, 1100-232 Lisboa. Internada por insuficiência cardíaca. Acompanhada pela filha Inês "
                "Gouveia (tlm. 912 345 678). Consulta com a Dr.ª Malheiro."],
               ["22019877", "P0093", "03-01-2023", "Dr. Rui Patrício Sarmento",
                "Sr. Joaquim Manuel Barros, DPOC agudizada. A esposa, D. Aldina, telefonou do 22 208 1234. Morada: "
                "Rua de Cedofeita 455, 4050-181 Porto. N.º de utente 234567891."],
               ["23007730", "P0120", "05-05-2023", "Dr.ª Teresa Malheiro Quintela",
                "D. Conceição Tavares, quimioterapia bem tolerada. O filho Duarte em Guimarães pede nova marcação "
                "(+351 239 123 456). Código postal 3000-351 Coimbra. NIF " + pts[2][5] + "."]],
              delimiter=";", encoding="cp1252", newline="\r\n")
    plant("clinician-name", "Malheiro", "Quintela", "Patrício", "Sarmento")
    plant("relative-name", "Inês", "Aldina", "Duarte")
    plant("address", "Guimarães")  # a relative's town (decision 0227)
    keep("pt", "DPOC agudizada", "insuficiência cardíaca")


def turkey():
    # UTF-8, ';', CRLF, dd.MM.yyyy; surnames in capitals as Turkish writes them (IŞIK, ÇİFTÇİOĞLU)
    d = os.path.join(HERE, "tr")
    pts = [("H004471", tc_kimlik("123456780"), "Şükrü", "KARABIYIK", "14.03.1952", "E",
            "Caferağa Mah. Moda Cad. No: 14 D: 3", "34710", "Kadıköy", "İstanbul", "0532 123 45 67"),
           ("H004518", tc_kimlik("234567801"), "Ayşegül", "IŞIK", "02.11.1961", "K",
            "Kızılay Mah. Gazi Mustafa Kemal Blv. No: 88", "06420", "Çankaya", "Ankara", "0312 425 16 80"),
           ("H004602", tc_kimlik("345678012"), "İsmail", "ÇİFTÇİOĞLU", "28.07.1947", "E",
            "Alsancak Mah. 1453 Sok. No: 7", "35220", "Konak", "İzmir", "+90 533 765 43 21")]
    write_csv(os.path.join(d, "hastalar.csv"),
              ["HASTA_NO", "TC_KIMLIK_NO", "ADI", "SOYADI", "DOGUM_TARIHI", "CINSIYET", "ADRES", "POSTA_KODU",
               "ILCE", "IL", "TELEFON"], [list(p) for p in pts], delimiter=";", encoding="utf-8", newline="\r\n")
    plant("patient-name", "Şükrü", "Karabıyık", "KARABIYIK", "Ayşegül", "Işık", "IŞIK", "İsmail", "Çiftçioğlu",
          "ÇİFTÇİOĞLU")
    for p in pts:
        plant("patient-id", p[0])
        plant("national-id", p[1])
        plant("birth-date", p[4])
        plant("address", p[6])
        plant("phone", p[10])
    yat = [("Y2023004512", "H004471", "12.03.2023 10:20", "21.03.2023 12:00", "I21.0", "E11.9", "Kardiyoloji"),
           ("Y2022019877", "H004518", "28.12.2022 22:40", "03.01.2023 11:30", "J44.1", "I10", "Göğüs Hastalıkları"),
           ("Y2023007730", "H004602", "05.05.2023 08:00", "05.05.2023 16:00", "C61", "Z51.1", "Onkoloji")]
    write_csv(os.path.join(d, "yatislar.csv"),
              ["YATIS_NO", "HASTA_NO", "YATIS_TARIHI", "TABURCU_TARIHI", "TANI_KODU", "EK_TANI_KODU", "SERVIS"],
              [list(y) for y in yat], delimiter=";", encoding="utf-8", newline="\r\n")
    for y in yat:
        plant("encounter-id", y[0])
    keep("tr", "I21.0", "E11.9", "J44.1", "C61", "Z51.1", "Kardiyoloji", "Göğüs Hastalıkları")
    write_csv(os.path.join(d, "tahliller.csv"),
              ["YATIS_NO", "HASTA_NO", "NUMUNE_TARIHI", "TETKIK", "SONUC", "BIRIM"],
              [["Y2023004512", "H004471", "13.03.2023", "HbA1c", "7,9", "%"],
               ["Y2022019877", "H004518", "29.12.2022", "pCO2", "52,3", "mmHg"],
               ["Y2023007730", "H004602", "05.05.2023", "PSA", "14,6", "ng/mL"]],
              delimiter=";", encoding="utf-8", newline="\r\n")
    keep("tr", "7,9", "52,3", "14,6", "PSA")
    write_csv(os.path.join(d, "epikrizler.csv"),
              ["YATIS_NO", "HASTA_NO", "TARIH", "HEKIM", "METIN"],
              [["Y2023004512", "H004471", "21.03.2023", "Uzm. Dr. Mehmet Ali Kocabaş",
                "Hasta Şükrü Karabıyık Bey (TC " + pts[0][1] + ") 12.03.2023 tarihinde akut miyokard enfarktüsü "
                "ile yatırıldı. Eşi Nurten Hanım ve oğlu Tarık refakat etti (tel. 0532 123 45 67). Adres: Caferağa "
                "Mah. Moda Cad. No: 14 D: 3, 34710 Kadıköy/İstanbul. Kontrol Dr. Kocabaş polikliniğinde."],
               ["Y2022019877", "H004518", "03.01.2023", "Doç. Dr. Filiz Demirtaş",
                "AYŞEGÜL IŞIK, KOAH alevlenmesi. Ayşegül Hanım'ın kızı Gülşen aradı (0312 425 16 80). "
                "T.C. Kimlik No: " + pts[1][1] + "."],
               ["Y2023007730", "H004602", "05.05.2023", "Uzm. Dr. Mehmet Ali Kocabaş",
                "İsmail Çiftçioğlu Bey kemoterapi aldı, iyi tolere etti. Hemşire Songül Ekinci ile görüşüldü. "
                "Yeğeni Emre Bey randevu istedi: +90 533 765 43 21."]],
              delimiter=";", encoding="utf-8", newline="\r\n")
    plant("clinician-name", "Mehmet Ali", "Kocabaş", "Filiz", "Demirtaş", "Songül", "Ekinci")
    plant("relative-name", "Nurten", "Tarık", "Gülşen", "Emre")
    plant("event-date", "12.03.2023")
    keep("tr", "akut miyokard enfarktüsü", "KOAH alevlenmesi")


def india():
    # a hospital's HIS export (UTF-8, ',', dd-MM-yyyy) and ABDM-style FHIR NDJSON
    d = os.path.join(HERE, "in")
    pts = [("UH2023004471", "K. R. Padmanabhan", "S/o K. Ramaswamy", "14-03-1952", "M", aadhaar("23456789012"),
            "91-4471-2038-5516", "ABCPP1234K", "No. 14, 3rd Main Road, Malleswaram", "Bengaluru", "560003",
            "+91 98450 12345"),
           ("UH2023004518", "Smt. Sowmya Chandrasekhar", "W/o Arvind Chandrasekhar", "02-11-1961", "F",
            aadhaar("34567890123"), "91-5518-9021-3377", "BGHPC5678L", "Flat 3B, 12 Usman Road, T. Nagar", "Chennai",
            "600017", "+91 94440 56789"),
           ("UH2023004602", "Gurpreet Kaur Dhillon", "D/o Harjinder Singh Dhillon", "28-07-1947", "F",
            aadhaar("45678901234"), "91-6602-1147-8820", "CDEPD9012M", "House No. 221, Sector 32-A", "Ludhiana",
            "141010", "98140 23456")]
    write_csv(os.path.join(d, "patients.csv"),
              ["UHID", "PATIENT_NAME", "RELATION_NAME", "DOB", "GENDER", "AADHAAR_NO", "ABHA_NUMBER", "PAN",
               "ADDRESS", "CITY", "PIN_CODE", "MOBILE"], [list(p) for p in pts])
    plant("patient-name", "Padmanabhan", "Sowmya", "Chandrasekhar", "Gurpreet", "Dhillon")
    plant("relative-name", "Ramaswamy", "Arvind", "Harjinder")
    for p in pts:
        plant("patient-id", p[0])
        plant("birth-date", p[3])
        plant("national-id", p[5], p[5].replace(" ", ""), p[6], p[6].replace("-", ""), p[7])
        plant("address", p[8], p[10])
        plant("phone", p[11])
    adm = [("IP/23/004512", "UH2023004471", "12-03-2023", "21-03-2023", "I21.4", "E11.65", "Cardiology"),
           ("IP/22/019877", "UH2023004518", "28-12-2022", "03-01-2023", "J44.1", "I10", "Pulmonology"),
           ("IP/23/007730", "UH2023004602", "05-05-2023", "06-05-2023", "C50.9", "Z51.11", "Oncology")]
    write_csv(os.path.join(d, "admissions.csv"),
              ["IP_NO", "UHID", "DOA", "DOD", "PRIMARY_DX", "SECONDARY_DX", "DEPARTMENT"], [list(a) for a in adm])
    for a in adm:
        plant("encounter-id", a[0])
    keep("in", "I21.4", "E11.65", "J44.1", "C50.9", "Z51.11", "Cardiology", "Pulmonology")
    write_csv(os.path.join(d, "lab_results.csv"),
              ["IP_NO", "UHID", "SAMPLE_DATE", "TEST_NAME", "RESULT", "UNIT"],
              [["IP/23/004512", "UH2023004471", "13-03-2023", "HbA1c", "7.9", "%"],
               ["IP/22/019877", "UH2023004518", "29-12-2022", "pCO2", "52.3", "mmHg"],
               ["IP/23/007730", "UH2023004602", "05-05-2023", "WBC", "3.4", "10^3/uL"]])
    keep("in", "HbA1c", "7.9", "52.3", "3.4")
    write_csv(os.path.join(d, "discharge_summaries.csv"),
              ["IP_NO", "UHID", "SUMMARY_DATE", "CONSULTANT", "SUMMARY_TEXT"],
              [["IP/23/004512", "UH2023004471", "21-03-2023", "Dr. Suresh Hegde",
                "Mr. K. R. Padmanabhan, 71 yrs/M, S/o late Shri K. Ramaswamy, Aadhaar " + pts[0][5] + ", ABHA "
                + pts[0][6] + ", admitted on 12-03-2023 with acute inferior wall MI. Son Karthik Padmanabhan "
                "(+91 98450 12345) informed. Residence: No. 14, 3rd Main Road, Malleswaram, Bengaluru - 560003. "
                "Review with Dr. Hegde."],
               ["IP/22/019877", "UH2023004518", "03-01-2023", "Dr. (Mrs.) Lalitha Venkatesan",
                "Smt. Sowmya Chandrasekhar W/o Arvind Chandrasekhar, AECOPD. PAN " + pts[1][7] + " for the insurance "
                "claim. Husband Shri Arvind can be reached on 94440 56789. PIN 600017."],
               ["IP/23/007730", "UH2023004602", "06-05-2023", "Dr. Suresh Hegde",
                "Ms. Gurpreet Kaur Dhillon D/o Harjinder Singh Dhillon received chemotherapy. Aadhaar "
                + pts[2][5].replace(" ", "") + ". Brother Mr. Jaswinder Dhillon will accompany. Sister Nurse Reena "
                "Thomas counselled."]])
    plant("clinician-name", "Suresh", "Hegde", "Lalitha", "Venkatesan", "Reena", "Thomas")
    plant("relative-name", "Karthik", "Jaswinder")
    plant("event-date", "12-03-2023")
    keep("in", "acute inferior wall MI", "AECOPD")
    # ABDM-style FHIR NDJSON: the ABHA number and address under NDHM's systems
    pat = {"resourceType": "Patient", "id": "pt-abdm-5521",
           "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                "code": "MR"}]},
                           "system": "https://healthid.ndhm.gov.in", "value": "91-7781-3390-2264"},
                          {"system": "https://healthid.ndhm.gov.in/health-id", "value": "meenakshi.iyer@abdm"},
                          {"system": "https://uidai.gov.in/aadhaar", "value": aadhaar("56789012345", False)}],
           "name": [{"text": "Meenakshi Iyer"}], "gender": "female", "birthDate": "1955-08-19",
           "telecom": [{"system": "phone", "value": "+91 99000 11223"}],
           "address": [{"line": ["22, 1st Cross, Jayanagar 4th Block"], "city": "Bengaluru", "postalCode": "560011",
                        "state": "Karnataka", "country": "IN"}]}
    plant("patient-name", "Meenakshi", "Iyer")
    plant("national-id", "91-7781-3390-2264", "meenakshi.iyer@abdm", aadhaar("56789012345", False))
    plant("birth-date", "1955-08-19")
    plant("phone", "+91 99000 11223")
    plant("address", "22, 1st Cross, Jayanagar 4th Block", "560011")
    enc = {"resourceType": "Encounter", "id": "enc-abdm-1", "status": "finished",
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
           "subject": {"reference": "Patient/pt-abdm-5521", "display": "Meenakshi Iyer"},
           "period": {"start": "2023-02-06T09:30:00+05:30", "end": "2023-02-09T13:00:00+05:30"},
           "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "N18.4"}],
                           "text": "Patient Meenakshi Iyer W/o Shri Venkatesh Iyer, ABHA 91-7781-3390-2264, CKD stage "
                                   "4; PIN 560011; mobile +91 99000 11223."}]}
    plant("relative-name", "Venkatesh")
    keep("in", "N18.4", "CKD stage 4")
    ndjson(os.path.join(d, "abdm", "Patient.ndjson"), [pat])
    ndjson(os.path.join(d, "abdm", "Encounter.ndjson"), [enc])


# === au, nz, ca, fhir-anz (decision 0123) ===========================================================================
# --- Australian, New Zealand and Canadian exports: Medicare card numbers with their check digit and IRN, IHIs (Luhn,
#     800360…), DVA file numbers, NHIs in the old (check digit) and new (check letter) formats, Ontario health numbers
#     with their version code, Quebec RAMQ numbers made of the name and birth date, BC PHNs (modulus 11), SINs (Luhn),
#     four-digit postcodes after a state (NSW 2010), Canadian postal codes (K1A 0B1), Māori names with macrons,
#     French-Canadian notes, ICD-10-AM/-CA, AR-DRG, MBS items, ACHI and CCI codes -------------------------------------
def luhn_digit(s):
    total = 0
    for i, c in enumerate(reversed(s)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def medicare(stem8, issue):
    """An Australian Medicare card number: eight digits, the check digit (weights 1 3 7 9 1 3 7 9, modulo 10) and the
    card's issue number, written as on the card (`2123 45670 1`)."""
    c = sum(int(d) * w for d, w in zip(stem8, [1, 3, 7, 9, 1, 3, 7, 9])) % 10
    s = stem8 + str(c) + str(issue)
    return s[:4] + " " + s[4:9] + " " + s[9]


def ihi(nine):
    s = "800360" + nine
    s += luhn_digit(s)
    return s


NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # without I and O


def nhi(six):
    """A New Zealand NHI: AAANNN and a check digit (modulo 11) or AAANNA and a check letter (modulo 23)."""
    v = [NHI_LETTERS.index(c) + 1 if c.isalpha() else int(c) for c in six]
    total = sum(x * w for x, w in zip(v, [7, 6, 5, 4, 3, 2]))
    if six[5].isdigit():
        check = 11 - total % 11
        assert total % 11 != 0
        return six + str(0 if check == 10 else check)
    assert total % 23 != 0
    return six + NHI_LETTERS[23 - total % 23 - 1]


def bc_phn(eight):
    """A British Columbia PHN: 9, eight digits and a check digit (weights 2 4 8 5 10 9 7 3, modulo 11)."""
    r = sum(int(d) * w for d, w in zip(eight, [2, 4, 8, 5, 10, 9, 7, 3])) % 11
    assert r > 1
    return "9" + eight + str(11 - r)


def australia():
    # A GP practice's export (Best Practice-like), an admitted patient data collection extract (APDC-like), MBS claims
    d = os.path.join(HERE, "au")
    pts = [("BP-004417", "FITZGERALD-KOWALCZYK", "Bronwyn", "23/09/1948", "F", medicare("21234567", 1), "2",
            ihi("123456789"), "NX901667", "Unit 4/12 Smith St", "Marrickville", "NSW", "2204", "0412 345 678",
            "(02) 9698 4417"),
           ("BP-005102", "PAPADOPOULOS", "Stavros", "11/05/1939", "M", medicare("31849205", 1), "1",
            ihi("987650432"), "VX123467", "27 Lygon Street", "Brunswick East", "VIC", "3057", "0421 778 903",
            "(03) 9387 4410"),
           ("BP-006238", "WAINWRIGHT", "Jarrah", "02/12/1985", "M", medicare("42719934", 2), "3",
            ihi("554433221"), "", "PO Box 4127", "Alice Springs", "NT", "0870", "0488 112 934", "(08) 8952 6613")]
    write_csv(os.path.join(d, "patients.csv"),
              ["PATIENT_ID", "SURNAME", "GIVEN_NAMES", "DOB", "SEX", "MEDICARE_NO", "MEDICARE_IRN", "IHI",
               "DVA_FILE_NO", "ADDRESS_LINE1", "SUBURB", "STATE", "POSTCODE", "MOBILE", "HOME_PHONE",
               "INDIGENOUS_STATUS"],
              [list(p) + [s] for p, s in zip(pts, ["4", "4", "1"])], newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[3])
        plant("national-id", p[5], p[5].replace(" ", ""), p[7])
        if p[8]:
            plant("national-id", p[8])
        plant("address", p[9], p[12])  # the postcode: whole in the notes, two digits kept in the table (decision 0118)
        if p[10] != "Alice Springs":  # also the hospital's name, which is kept
            plant("address", p[10])
        plant("phone", p[13], p[14])
    # the state's admitted patient data collection: MRN of the facility, stay number, AR-DRG, ICD-10-AM, ACHI
    eps = [("AP2300451", "0045817", "BP-004417", "14/03/2023", "21/03/2023", "E62A", "J18.9", "J44.1", "13882-00",
            "Royal Prince Alfred Hospital", "2"),
           ("AP2201877", "0078125", "BP-005102", "28/12/2022", "03/01/2023", "F62B", "I50.0", "E11.9", "38497-00",
            "Royal Melbourne Hospital", "1"),
           ("AP2300773", "0091442", "BP-006238", "05/05/2023", "05/05/2023", "L61Z", "N18.5", "U07.1", "13100-00",
            "Alice Springs Hospital", "1")]
    write_csv(os.path.join(d, "apdc_episodes.csv"),
              ["STAY_NUMBER", "MRN", "PATIENT_ID", "EPISODE_START_DATE", "EPISODE_END_DATE", "AR_DRG_V10",
               "PRINCIPAL_DIAGNOSIS", "ADDITIONAL_DIAGNOSIS_1", "PROCEDURE_1", "FACILITY_NAME",
               "MODE_OF_SEPARATION"], [list(e) for e in eps], newline="\r\n")
    for e in eps:
        plant("encounter-id", e[0])
        plant("mrn", e[1])
    keep("au", "E62A", "F62B", "L61Z", "J18.9", "J44.1", "I50.0", "E11.9", "N18.5", "U07.1", "13882-00", "38497-00",
         "13100-00")
    # MBS claims: item numbers (23, 36, 721, 11700, 13100), the provider number of the GP (six digits, a location
    # character and a check character), fees in dollars
    write_csv(os.path.join(d, "mbs_claims.csv"),
              ["PATIENT_ID", "DATE_OF_SERVICE", "MBS_ITEM", "PROVIDER_NUMBER", "SCHEDULE_FEE", "BENEFIT_PAID"],
              [["BP-004417", "02/03/2023", "23", "2426591B", "41.40", "41.40"],
               ["BP-004417", "02/03/2023", "11700", "2426591B", "34.20", "29.10"],
               ["BP-005102", "15/12/2022", "721", "2426591B", "155.60", "155.60"],
               ["BP-005102", "15/12/2022", "36", "2426591B", "80.10", "80.10"],
               ["BP-006238", "20/04/2023", "23", "4471302K", "41.40", "41.40"]], newline="\r\n")
    plant("staff-id", "2426591B", "4471302K")
    keep("au", "11700", "721", "155.60", "80.10", "34.20")
    write_csv(os.path.join(d, "progress_notes.csv"),
              ["PATIENT_ID", "VISIT_DATE", "DOCTOR", "NOTE"],
              [["BP-004417", "02/03/2023", "Dr Lachlan McSweeney",
                "Mrs Bronwyn Fitzgerald-Kowalczyk (Medicare " + pts[0][5] + "/2, IHI " + pts[0][7] + ") seen re COPD. "
                "DVA Gold Card NX901667. Lives at Unit 4/12 Smith St, Marrickville NSW 2204. Daughter Kylie "
                "Fitzgerald on 0412 987 654. Referred to Dr Anh Tran, respiratory, RPA (02) 9515 6111. "
                "Spirometry FEV1/FVC 0.62."],
               ["BP-005102", "15/12/2022", "Dr Lachlan McSweeney",
                "Mr Papadopoulos, 83 y.o., CHF. GP management plan (item 721). Wife Eleni Papadopoulos is his carer, "
                "ph 0421 778 903. Medicare no. " + pts[1][5].replace(" ", "") + ". Reviewed with Dr Priyanka "
                "Raghunathan from Brunswick East VIC 3057 practice. BNP 880 pg/mL."],
               ["BP-006238", "20/04/2023", "Dr Ngaire Tjungurrayi",
                "Jarrah Wainwright, PO Box 4127, Alice Springs NT 0870. Haemodialysis three times weekly at Alice "
                "Springs Hospital. Brother Tjapaltjarri Wainwright is next of kin, (08) 8952 6613. IHI "
                + pts[2][7][:4] + " " + pts[2][7][4:8] + " " + pts[2][7][8:12] + " " + pts[2][7][12:] + "."]],
              newline="\r\n")
    plant("clinician-name", "Lachlan", "McSweeney", "Ngaire", "Tjungurrayi", "Raghunathan", "Priyanka")
    plant("relative-name", "Kylie", "Eleni", "Tjapaltjarri")
    plant("phone", "0412 987 654")
    keep("au", "FEV1/FVC 0.62", "BNP 880 pg/mL", "Haemodialysis three times weekly")
    plant("national-id", pts[2][7][:4] + " " + pts[2][7][4:8] + " " + pts[2][7][8:12] + " " + pts[2][7][12:])


def new_zealand():
    # A Te Whatu Ora district's PMS extract (webPAS-like) and NMDS events, NHIs of both formats as the patient key
    d = os.path.join(HERE, "nz")
    pts = [(nhi("ZZZ001"), "TE WHĀRAU", "Aroha Mereana", "17/08/1957", "F", "21", "14 Karaka Street", "Ōtāhuhu",
            "Auckland", "1062", "021 456 7890"),
           (nhi("ZSC21T"), "PŌMARE-NGATA", "Wiremu", "03/04/1944", "M", "21", "8 Rātā Place", "Whakatāne",
            "Whakatāne", "3120", "(07) 308 9152"),
           (nhi("ZBN77V"), "FIFITA-HALLORAN", "Sione", "26/11/1990", "M", "32", "Flat 2, 51 Cuba Street", "Te Aro",
            "Wellington", "6011", "027 310 4488")]
    write_csv(os.path.join(d, "patients.csv"),
              ["NHI", "FAMILY_NAME", "GIVEN_NAMES", "DATE_OF_BIRTH", "GENDER", "ETHNICITY_1", "STREET", "SUBURB",
               "CITY", "POSTCODE", "PHONE"], [list(p) for p in pts], newline="\r\n")
    for p in pts:
        plant("national-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[3])
        plant("address", p[6], p[9])
        if p[7] != "Whakatāne":  # also the hospital's name, which is kept
            plant("address", p[7])
        plant("phone", p[10])
    evs = [("EV23-118840", pts[0][0], "09/02/2023", "16/02/2023", "Middlemore Hospital", "F62B", "I50.0", "E11.9",
            "M10"),
           ("EV22-207713", pts[1][0], "30/12/2022", "04/01/2023", "Whakatāne Hospital", "E65A", "J44.1", "I10",
            "M10"),
           ("EV23-120405", pts[2][0], "11/06/2023", "12/06/2023", "Wellington Regional Hospital", "G70B", "K35.8",
            "", "S05")]
    write_csv(os.path.join(d, "nmds_events.csv"),
              ["EVENT_ID", "NHI", "EVENT_START_DATE", "EVENT_END_DATE", "FACILITY", "DRG", "DIAG_01", "DIAG_02",
               "HEALTH_SPECIALTY"], [list(e) for e in evs], newline="\r\n")
    for e in evs:
        plant("encounter-id", e[0])
    keep("nz", "F62B", "E65A", "G70B", "I50.0", "J44.1", "K35.8", "M10", "S05")
    write_csv(os.path.join(d, "clinical_notes.csv"), ["NHI", "NOTE_DATE", "AUTHOR", "NOTE"],
              [[pts[0][0], "16/02/2023", "Dr Hemi Walker-Tūhoe",
                "Kia ora. Aroha Te Whārau (NHI " + pts[0][0] + ") discharged from Middlemore Hospital, Te Whatu Ora "
                "Counties Manukau. Whānau present: her daughter Mereana Te Whārau and mokopuna Anahera. Lives at "
                "14 Karaka Street, Ōtāhuhu, Auckland 1062. Ph 021 456 7890. Follow-up with Dr Hemi Walker-Tūhoe. "
                "Furosemide 40 mg."],
               [pts[1][0], "04/01/2023", "Nurse Practitioner Huia Rangihuna",
                "Wiremu Pōmare-Ngata (" + pts[1][0].lower() + "), COPD exacerbation. His wife Ngaio Pōmare-Ngata "
                "takes him home to 8 Rātā Place, Whakatāne 3120, ph (07) 308 9152. Kaumātua support from Mātaatua."],
               [pts[2][0], "12/06/2023", "Mr Tavita Leota-Brown",
                "Sione Fifita-Halloran, laparoscopic appendicectomy. Partner Losana Vainikolo, 027 555 1934. "
                "Flat 2, 51 Cuba Street, Te Aro, Wellington 6011. CRP 112 mg/L."]], newline="\r\n")
    plant("clinician-name", "Hemi", "Walker-Tūhoe", "Huia", "Rangihuna", "Tavita", "Leota-Brown")
    plant("relative-name", "Mereana", "Anahera", "Ngaio", "Losana", "Vainikolo")
    plant("phone", "027 555 1934")
    keep("nz", "COPD exacerbation", "CRP 112 mg/L", "Furosemide 40 mg")


def canada():
    # A hospital's DAD-like abstracts (CIHI) with provincial health numbers of three provinces, a SIN in a side table,
    # and notes in English and French
    d = os.path.join(HERE, "ca")
    ohip = "453212887"
    ohip += luhn_digit(ohip)
    pts = [("MRN00481223", "ON", ohip[:4] + "-" + ohip[4:7] + "-" + ohip[7:] + "-AB", "BOUCHARD", "Gaëtan",
            "1951-06-03", "M", "88 Rideau Terrace", "Ottawa", "K1M 2C4", "613-555-0187", "046 454 286"),
           ("MRN00512094", "QC", "TREM 6252 1412", "TREMBLAY-GAGNON", "Marie-Ève", "1962-02-14", "F",
            "1240, rue Saint-Denis, app. 6", "Montréal", "H2X 3J6", "514 555-0143", "130 692 544"),
           ("MRN00533871", "BC", bc_phn("69865821"), "SANDHU-MACLEAN", "Harjit", "1978-10-22", "M",
            "4521 Fraser Street", "Vancouver", "V5V 4G8", "(604) 555-0199", "527 431 696")]
    for p in pts:
        s = p[11].replace(" ", "")
        assert luhn_digit(s[:8]) == s[8], p[11]
    write_csv(os.path.join(d, "patients.csv"),
              ["CHART_NO", "PROV_ISSUING_HCN", "HCN", "SURNAME", "GIVEN_NAME", "BIRTHDATE", "GENDER", "ADDRESS",
               "CITY", "POSTAL_CODE", "PHONE"], [list(p[:11]) for p in pts])
    write_csv(os.path.join(d, "patient_sin.csv"), ["CHART_NO", "SIN"], [[p[0], p[11]] for p in pts])
    for p in pts:
        plant("mrn", p[0])
        plant("national-id", p[2], p[11])
        plant("patient-name", p[3], p[4])
        plant("birth-date", p[5])
        plant("address", p[7], p[9])
        plant("phone", p[10])
    # DAD-like abstracts: ICD-10-CA (MRDx), CCI interventions, CMG and RIW
    abs_ = [("2023-004417", "MRN00481223", "2023-03-14", "2023-03-21", "J44.1", "E11.52", "1.GZ.31.CA-ND", "139",
             "1.4127", "The Ottawa Hospital"),
            ("2022-018802", "MRN00512094", "2022-12-28", "2023-01-03", "I50.0", "N18.4", "1.HZ.85.VJ", "196",
             "2.0815", "CHUM"),
            ("2023-006650", "MRN00533871", "2023-05-05", "2023-05-05", "K80.20", "", "1.OD.89.DA", "298", "0.7342",
             "Vancouver General Hospital")]
    write_csv(os.path.join(d, "dad_abstracts.csv"),
              ["ABSTRACT_ID", "CHART_NO", "ADMIT_DATE", "DISCHARGE_DATE", "MRDX", "DX_2", "INTERVENTION_1", "CMG",
               "RIW", "INSTITUTION"], [list(a) for a in abs_])
    for a in abs_:
        plant("encounter-id", a[0])
    keep("ca", "J44.1", "E11.52", "1.GZ.31.CA-ND", "139", "1.4127", "I50.0", "N18.4", "1.HZ.85.VJ", "196", "2.0815",
         "K80.20", "1.OD.89.DA", "298", "0.7342")
    write_csv(os.path.join(d, "notes.csv"), ["CHART_NO", "NOTE_DATE", "AUTHOR", "NOTE"],
              [["MRN00481223", "2023-03-21", "Dr. Moira Quackenbush",
                "Mr. Gaëtan Bouchard (OHIP " + pts[0][2] + ", SIN 046-454-286) discharged home to 88 Rideau Terrace, "
                "Ottawa ON K1M 2C4. His son Rémi Bouchard will drive him, 613-555-0187. Follow up with "
                "Dr. Moira Quackenbush at the Civic campus. SpO2 91% on room air."],
               ["MRN00512094", "2023-01-03", "Dre Geneviève Lapointe-Ouellet",
                "Mme Marie-Ève Tremblay-Gagnon (RAMQ " + pts[1][2] + "), demeurant au 1240, rue Saint-Denis, "
                "Montréal (Québec) H2X 3J6. Son conjoint Réjean Gagnon, tél. 514 555-0143. Vue par la "
                "Dre Geneviève Lapointe-Ouellet le 3 janvier 2023. Insuffisance cardiaque décompensée."],
               ["MRN00533871", "2023-05-05", "Dr. Balwinder Ghuman",
                "Harjit Sandhu-MacLean, PHN " + pts[2][2][:4] + " " + pts[2][2][4:7] + " " + pts[2][2][7:] + ", "
                "day surgery lap chole. Wife Gurpreet at 4521 Fraser Street, Vancouver BC V5V 4G8, (604) 555-0199."]])
    plant("clinician-name", "Moira", "Quackenbush", "Geneviève", "Lapointe-Ouellet", "Balwinder", "Ghuman")
    plant("relative-name", "Rémi", "Réjean", "Gurpreet")
    plant("national-id", "046-454-286", pts[2][2][:4] + " " + pts[2][2][4:7] + " " + pts[2][2][7:])
    plant("event-date", "3 janvier 2023")
    keep("ca", "SpO2 91% on room air", "Insuffisance cardiaque décompensée")


def fhir_anz():
    # FHIR R4 NDJSON with the AU Base, NZ Base and CA Baseline identifier systems
    d = os.path.join(HERE, "fhir-anz")
    os.makedirs(d, exist_ok=True)
    au_ihi, au_mc = ihi("310009876"), medicare("29503318", 1).replace(" ", "")
    nz_nhi = nhi("ZHW58C")
    on_hcn = "781234560"
    on_hcn += luhn_digit(on_hcn)
    pats = [
        {"resourceType": "Patient", "id": "pat-au-1",
         "identifier": [
             {"type": {"coding": [{"system": "http://terminology.hl7.org.au/CodeSystem/v2-0203", "code": "NI"}],
                       "text": "IHI"}, "system": "http://ns.electronichealth.net.au/id/hi/ihi/1.0", "value": au_ihi},
             {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MC"}],
                       "text": "Medicare Number"}, "system": "http://ns.electronichealth.net.au/id/medicare-number",
              "value": au_mc + "3"},
             {"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "DVAU"}]},
              "system": "http://ns.electronichealth.net.au/id/dva", "value": "QX512773"}],
         "extension": [{"url": "http://hl7.org.au/fhir/StructureDefinition/indigenous-status",
                        "valueCoding": {"system": "https://healthterminologies.gov.au/fhir/CodeSystem/australian-indigenous-status-1",
                                        "code": "4"}}],
         "name": [{"use": "official", "family": "Dunleavy-Okafor", "given": ["Kirrily", "Jane"]}],
         "telecom": [{"system": "phone", "value": "0417 220 813", "use": "mobile"}],
         "gender": "female", "birthDate": "1953-01-19",
         "address": [{"line": ["Unit 9/33 Boundary Rd"], "city": "Paddington", "state": "QLD", "postalCode": "4064",
                      "country": "AU"}]},
        {"resourceType": "Patient", "id": "pat-nz-1",
         "identifier": [{"use": "official", "system": "https://standards.digital.health.nz/ns/nhi-id", "value": nz_nhi}],
         "extension": [{"url": "http://hl7.org.nz/fhir/StructureDefinition/nz-ethnicity",
                        "valueCodeableConcept": {"coding": [{"system": "https://standards.digital.health.nz/ns/ethnic-group-level-4-code",
                                                             "code": "21111", "display": "Maori"}]}},
                       {"url": "http://hl7.org.nz/fhir/StructureDefinition/nz-iwi",
                        "valueCodeableConcept": {"coding": [{"code": "1201", "display": "Ngāti Whātua"}]}}],
         "name": [{"use": "usual", "family": "Tūhiwai-Pōtae", "given": ["Rāwiri"]}],
         "telecom": [{"system": "phone", "value": "022 618 4470"}],
         "gender": "male", "birthDate": "1969-07-04",
         "address": [{"line": ["27 Kōwhai Road"], "suburb": "Kaikohe", "city": "Kaikohe", "postalCode": "0405",
                      "country": "NZ"}]},
        {"resourceType": "Patient", "id": "pat-ca-1",
         "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "JHN"}]},
                         "system": "https://fhir.infoway-inforoute.ca/NamingSystem/ca-on-patient-hcn",
                         "value": on_hcn}],
         "name": [{"family": "Lévesque-Boudreau", "given": ["Ghislaine"]}],
         "telecom": [{"system": "phone", "value": "+1 705 555 0162"}],
         "gender": "female", "birthDate": "1947-11-30",
         "address": [{"line": ["312 Lakeshore Dr"], "city": "North Bay", "state": "ON", "postalCode": "P1A 2C7",
                      "country": "CA"}]}]
    plant("national-id", au_ihi, au_mc, au_mc + "3", "QX512773", nz_nhi, on_hcn)
    plant("patient-name", "Dunleavy-Okafor", "Kirrily", "Tūhiwai-Pōtae", "Rāwiri", "Lévesque-Boudreau", "Ghislaine")
    plant("phone", "0417 220 813", "022 618 4470", "+1 705 555 0162")
    plant("birth-date", "1953-01-19", "1969-07-04", "1947-11-30")
    plant("address", "Unit 9/33 Boundary Rd", "27 Kōwhai Road", "312 Lakeshore Dr", "P1A 2C7", "Kaikohe", "4064", "0405")
    encs = [{"resourceType": "Encounter", "id": "enc-au-1", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
             "identifier": [{"system": "http://ns.health.qld.gov.au/id/encounter", "value": "QH-2023-0774120"}],
             "subject": {"reference": "Patient/pat-au-1"}, "period": {"start": "2023-02-06", "end": "2023-02-10"},
             "serviceProvider": {"display": "Royal Brisbane and Women's Hospital"},
             "extension": [{"url": "http://example.org/fhir/StructureDefinition/ar-drg",
                            "valueCoding": {"system": "http://www.ihacpa.gov.au/ar-drg", "code": "F62A"}}]},
            {"resourceType": "Encounter", "id": "enc-nz-1", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "subject": {"reference": "Patient/pat-nz-1"}, "period": {"start": "2023-08-14", "end": "2023-08-14"},
             "serviceProvider": {"display": "Te Whatu Ora – Te Tai Tokerau"}}]
    plant("encounter-id", "QH-2023-0774120")
    conds = [{"resourceType": "Condition", "id": "cond-au-1", "subject": {"reference": "Patient/pat-au-1"},
              "encounter": {"reference": "Encounter/enc-au-1"},
              "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-am", "code": "I50.0"}]},
              "note": [{"authorString": "Dr Saoirse Penhaligon",
                        "text": "Kirrily Dunleavy-Okafor, Medicare " + au_mc + "/3, of Paddington QLD 4064. Husband "
                                "Declan Dunleavy (0417 559 020). IHI " + au_ihi + ". EF 30%."}]},
             {"resourceType": "Condition", "id": "cond-nz-1", "subject": {"reference": "Patient/pat-nz-1"},
              "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-am", "code": "E11.65"}]},
              "note": [{"authorString": "Dr Kiri Hetaraka",
                        "text": "Rāwiri Tūhiwai-Pōtae (NHI " + nz_nhi + ") seen at Kaikohe with his sister Hinewai. "
                                "HbA1c 71 mmol/mol."}]},
             {"resourceType": "Condition", "id": "cond-ca-1", "subject": {"reference": "Patient/pat-ca-1"},
              "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-ca", "code": "M17.1"}]},
              "note": [{"text": "Mme Ghislaine Lévesque-Boudreau (carte santé " + on_hcn[:4] + "-" + on_hcn[4:7] + "-"
                                + on_hcn[7:] + "-KT), North Bay ON P1A 2C7. Sa fille Josée, 705-555-0177."}]}]
    plant("clinician-name", "Saoirse", "Penhaligon", "Kiri", "Hetaraka")
    plant("relative-name", "Declan", "Hinewai", "Josée")
    plant("phone", "0417 559 020", "705-555-0177")
    plant("national-id", on_hcn[:4] + "-" + on_hcn[4:7] + "-" + on_hcn[7:] + "-KT")
    # the AR-DRG in an extension of the Encounter is removed with every extension fhir-safe-harbor does not know, and
    # so is the iwi; the NZ ethnicity and the AU indigenous status are kept as US Core's are (decision 0134)
    keep("fhir-anz", "I50.0", "E11.65", "M17.1", "EF 30%", "HbA1c 71 mmol/mol", "http://hl7.org/fhir/sid/icd-10-am",
         "http://hl7.org/fhir/sid/icd-10-ca", '"code":"21111"', "australian-indigenous-status-1")
    for t, rs in {"Patient": pats, "Encounter": encs, "Condition": conds}.items():
        with open(os.path.join(d, t + ".ndjson"), "w", encoding="utf-8", newline="") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


# === jp, kr, cn (decision 0127) ====================================================================================
# --- East Asian hospital exports as their systems and Excel save them: Shift_JIS (CP932) in Japan, CP949 (EUC-KR) in
#     Korea, GB18030 (GBK) in mainland China; CRLF; national numbers with their check digits ---
def my_number(eleven):
    # Japan's individual number: the check digit of the first eleven, weighted from the right 2..7, 2..6
    p = [int(c) for c in reversed(eleven)]
    s = sum(d * (n + 1 if n <= 6 else n - 5) for n, d in enumerate(p, 1))
    r = s % 11
    return eleven + str(0 if r <= 1 else 11 - r)


def insurer_number(seven):
    # a Japanese insurer number (保険者番号): weights 2, 1 from the right, digits of the products summed
    s = 0
    for i, c in enumerate(reversed(seven)):
        p = int(c) * (2 if i % 2 == 0 else 1)
        s += p // 10 + p % 10
    return seven + str((10 - s % 10) % 10)


def rrn(twelve):
    # Korea's resident registration number: weights 2..9, 2..5, check (11 - sum mod 11) mod 10
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(int(c) * k for c, k in zip(twelve, w))
    d = str((11 - s % 11) % 10)
    return twelve[:6] + "-" + twelve[6:] + d


def resident_id_cn(seventeen):
    # China's resident identity number: ISO 7064 MOD 11-2
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    s = sum(int(c) * k for c, k in zip(seventeen, w))
    return seventeen + "10X98765432"[s % 11]


def east_asia():
    japan()
    korea()
    china()


def japan():
    # CP932 (Windows-31J, what Excel in Japan saves as "CSV"), ',' and CRLF; names with and without the space, furigana
    # in full-width and half-width katakana; birth dates in the Western calendar and in Japanese eras
    d = os.path.join(HERE, "jp")
    mn = my_number("40710325846")
    pts = [("P0012345", "月影 花江", "ツキカゲ ハナエ", "ﾂｷｶｹﾞ ﾊﾅｴ", "女", "1958/03/12", "〒100-0001",
            "東京都千代田区千代田1-1-1", "090-4417-2286", insurer_number("0613001"), "4712・305"),
           ("P0012388", "鷹野真琴", "タカノ マコト", "ﾀｶﾉ ﾏｺﾄ", "男", "昭和20年8月1日", "〒530-0001",
            "大阪府大阪市北区梅田3-1-1", "06-6345-7812", insurer_number("3927015"), "805・1122"),
           ("P0012401", "大河内 千里", "オオコウチ チサト", "ｵｵｺｳﾁ ﾁｻﾄ", "女", "S12.11.3", "〒460-0008",
            "愛知県名古屋市中区栄2-3-4", "03-1234-5678", insurer_number("0123004"), "33・4560")]
    write_csv(os.path.join(d, "kanja.csv"),
              ["患者ID", "氏名", "フリガナ", "ｶﾅ氏名", "性別", "生年月日", "郵便番号", "住所", "電話番号", "保険者番号",
               "被保険者記号・番号"], [list(p) for p in pts], encoding="cp932", newline="\r\n")
    plant("patient-name", "月影", "花江", "ツキカゲ", "ハナエ", "ﾂｷｶｹﾞ", "ﾊﾅｴ", "鷹野", "真琴", "タカノ", "マコト", "ﾀｶﾉ",
          "ﾏｺﾄ", "大河内", "千里", "オオコウチ", "チサト", "ｵｵｺｳﾁ", "ﾁｻﾄ")
    for p in pts:
        plant("patient-id", p[0])
        plant("birth-date", p[5])
        plant("address", p[7])
        plant("phone", p[8])
        plant("national-id", p[9], p[10])
    plant("address", "〒100-0001", "〒530-0001", "〒460-0008")
    nyuin = [("E23-004512", "P0012345", "2023/03/12", "2023/03/21", "I63.9", "脳梗塞", "脳神経内科"),
             ("E22-019877", "P0012388", "2022/12/28", "2023/01/03", "J18.9", "肺炎", "呼吸器内科"),
             ("E23-007730", "P0012401", "2023/05/05", "2023/05/05", "E11.9", "2型糖尿病", "糖尿病内科")]
    write_csv(os.path.join(d, "nyuin.csv"), ["入院番号", "患者ID", "入院日", "退院日", "ICD10", "病名", "診療科"],
              [list(n) for n in nyuin], encoding="cp932", newline="\r\n")
    for n in nyuin:
        plant("encounter-id", n[0])
    keep("jp", "I63.9", "J18.9", "E11.9", "脳梗塞", "肺炎", "2型糖尿病", "脳神経内科")
    write_csv(os.path.join(d, "kensa.csv"), ["入院番号", "患者ID", "採取日", "JLAC10", "検査名", "結果", "単位"],
              [["E23-004512", "P0012345", "2023/03/13", "3D046000002227101", "HbA1c", "7.9", "%"],
               ["E22-019877", "P0012388", "2022/12/29", "5C070000002306101", "CRP", "12.4", "mg/dL"],
               ["E23-007730", "P0012401", "2023/05/05", "3D010000001926101", "血糖", "182", "mg/dL"]],
              encoding="cp932", newline="\r\n")
    keep("jp", "3D046000002227101", "5C070000002306101", "3D010000001926101", "7.9", "12.4", "182", "血糖")
    # an older system: half-width katakana names and the era date as S33.3.12
    write_csv(os.path.join(d, "kyu_system.csv"), ["ｶﾙﾃNO", "ｶﾅ氏名", "生年月日", "性別"],
              [["P0012345", "ﾂｷｶｹﾞ ﾊﾅｴ", "S33.3.12", "F"], ["P0012401", "ｵｵｺｳﾁ ﾁｻﾄ", "S12.11.3", "F"]],
              encoding="cp932", newline="\r\n")
    plant("birth-date", "S33.3.12")
    write_csv(os.path.join(d, "kiroku.csv"), ["入院番号", "患者ID", "記録日", "記録"],
              [["E23-004512", "P0012345", "2023/03/12",
                "2023年3月12日 救急搬送。月影花江様、昭和33年3月12日生。夫の月影宗一郎さんに説明。"
                "主治医は山田先生。マイナンバー " + mn + " 確認済み。脳梗塞の診断。"],
               ["E22-019877", "P0012388", "2023/01/03",
                "令和5年1月3日退院。鷹野真琴さん、肺炎は改善。娘の鷹野美咲さんが迎え。連絡先 06-6345-7812。"],
               ["E23-007730", "P0012401", "2023/05/05",
                "大河内千里様 令和5年5月5日 外来。血糖コントロール不良。佐々木先生に紹介。"]],
              encoding="cp932", newline="\r\n")
    plant("national-id", mn)
    plant("birth-date", "昭和33年3月12日", "昭和20年8月1日", "S12.11.3")
    plant("relative-name", "宗一郎", "美咲")
    plant("clinician-name", "山田", "佐々木")
    plant("event-date", "2023年3月12日", "令和5年1月3日", "令和5年5月5日")
    keep("jp", "救急搬送", "血糖コントロール不良")


def korea():
    # CP949 (EUC-KR and Microsoft's extension), ',' and CRLF; the resident registration number in its column and a note
    d = os.path.join(HERE, "kr")
    pts = [("K55120873", "서문지윤", rrn("580312234567"), "1958-03-12", "여", "010-1234-5678",
            "서울특별시 종로구 세종대로 175"),
           ("K55121904", "황보민재", rrn("670905112345"), "1967-09-05", "남", "010-8765-4321",
            "부산광역시 해운대구 해운대로 264")]
    write_csv(os.path.join(d, "hwanja.csv"), ["환자번호", "성명", "주민등록번호", "생년월일", "성별", "휴대전화", "주소"],
              [list(p) for p in pts], encoding="cp949", newline="\r\n")
    plant("patient-name", "서문지윤", "황보민재", "민재")
    for p in pts:
        plant("patient-id", p[0])
        plant("national-id", p[2])
        plant("birth-date", p[3])
        plant("phone", p[5])
        plant("address", p[6])
    write_csv(os.path.join(d, "ipwon.csv"), ["입원번호", "환자번호", "입원일", "퇴원일", "KCD", "진단명"],
              [["A2023-0312", "K55120873", "2023-03-12", "2023-03-20", "I21.0", "급성 심근경색증"],
               ["A2023-0418", "K55121904", "2023-04-18", "2023-04-25", "C16.9", "위암"]],
              encoding="cp949", newline="\r\n")
    plant("encounter-id", "A2023-0312", "A2023-0418")
    keep("kr", "I21.0", "C16.9", "급성 심근경색증", "위암")
    write_csv(os.path.join(d, "girok.csv"), ["입원번호", "환자번호", "기록일", "경과기록"],
              [["A2023-0312", "K55120873", "2023-03-12",
                "2023년 3월 12일 흉통으로 내원. 서문지윤 님 (주민등록번호 " + pts[0][2] + "). 남편 서문태식 씨에게 설명함. "
                "보호자 연락처 010-1234-5678. 김영호 교수님 협진. 급성 심근경색증 진단."],
               ["A2023-0418", "K55121904", "2023-04-25",
                "2023년 4월 25일 퇴원. 황보민재 님 위암 수술 후 경과 양호. 딸 황보수진 동행."]],
              encoding="cp949", newline="\r\n")
    plant("relative-name", "서문태식", "황보수진")
    plant("clinician-name", "김영호")
    plant("event-date", "2023년 3월 12일", "2023년 4월 25일")
    keep("kr", "흉통으로 내원", "경과 양호")


def china():
    # GB18030 (GBK for these characters), ',' and CRLF; the resident identity number also with its check character X
    d = os.path.join(HERE, "cn")
    ids = [resident_id_cn("11010819580312002"), resident_id_cn("44030519670905002")]
    assert ids[1].endswith("X")
    pts = [("ZY2023001", "诸葛明月", ids[0], "1958-03-12", "女", "138 1234 5678", "北京市海淀区中关村大街27号"),
           ("ZY2023002", "欧阳志远", ids[1], "1967-09-05", "男", "139 8765 4321", "广东省深圳市福田区深南大道6008号")]
    write_csv(os.path.join(d, "huanzhe.csv"), ["住院号", "姓名", "居民身份证号", "出生日期", "性别", "联系电话", "地址"],
              [list(p) for p in pts], encoding="gb18030", newline="\r\n")
    plant("patient-name", "诸葛明月", "欧阳志远", "志远")
    for p in pts:
        plant("patient-id", p[0])
        plant("national-id", p[2])
        plant("birth-date", p[3])
        plant("phone", p[5])
        plant("address", p[6])
    write_csv(os.path.join(d, "zhenduan.csv"), ["住院号", "入院日期", "出院日期", "ICD10", "诊断"],
              [["ZY2023001", "2023-03-12", "2023-03-20", "I63.9", "脑梗死"],
               ["ZY2023002", "2023-04-18", "2023-04-26", "K35.8", "急性阑尾炎"]],
              encoding="gb18030", newline="\r\n")
    keep("cn", "I63.9", "K35.8", "脑梗死", "急性阑尾炎")
    write_csv(os.path.join(d, "bingcheng.csv"), ["住院号", "记录日期", "病程记录"],
              [["ZY2023001", "2023-03-12",
                "2023年3月12日入院。患者诸葛明月女士，丈夫诸葛建国陪同，身份证号 " + ids[0] + "，电话 138 1234 5678。"
                "王主任查房。脑梗死诊断明确。"],
               ["ZY2023002", "2023-04-26",
                "2023年4月26日出院。欧阳志远先生术后恢复良好，身份证 " + ids[1] + "。家属欧阳晓燕签字。"]],
              encoding="gb18030", newline="\r\n")
    plant("relative-name", "诸葛建国", "欧阳晓燕")
    plant("event-date", "2023年3月12日", "2023年4月26日")
    keep("cn", "术后恢复良好", "脑梗死诊断明确")
# === hl7 and clarity (decision 0126) ===============================================================================
# --- An interface engine's message log (Mirth/Rhapsody/Cloverleaf style) with whole HL7 v2 ER7 messages in one CSV
#     cell, segments split by a real CR, by LF or by the two characters backslash-r, and an Epic Clarity extract with
#     UPPERCASE columns, "LAST,FIRST M" names, M/d/yyyy h:mm:ss a dates, CSN keys, SQL Server NULLs and notes split
#     over rows. The same two patients (same MRN, same encounter CSN) appear in both folders ----------------------------
def hl7_segment(name, fields):
    """A segment from {field number: value}; field 1 is the first after the segment name."""
    top = max(fields) if fields else 0
    return "|".join([name] + [fields.get(i, "") for i in range(1, top + 1)])


def hl7_msh(sending, time, kind, control):
    return "MSH|^~\\&|" + sending + "|MERCYWEST|EPIC|MERCYWEST|" + time + "||" + kind + "|" + control + "|P|2.5.1"


def hl7_and_clarity():
    # MRN, Clarity PAT_ID, last, first, middle, prefix, birth (HL7), birth (Clarity), sex, SSN, street, other, city, ZIP,
    # phone, account, email
    a = ("7730415", "Z4820931", "ZANDERVELT-ORSINI", "CLEMENTINE", "R", "MRS", "19580312", "3/12/1958 12:00:00 AM", "F",
         "489-36-1027", "12 LARKSPUR HOLLOW", "APT 4", "SPRINGFIELD", "62704", "(217)555-0143", "4400918822",
         "c.zandervelt@example.org")
    b = ("7731988", "Z4821377", "QUILLFEATHER", "BARNABY", "T", "MR", "19441107", "11/7/1944 12:00:00 AM", "M",
         "512-77-3094", "88 COBBLESTONE ROW", "", "DECATUR", "62521", "217-555-0122", "4400920017", "")
    attending = "1649382057^THORNCASTLE^ISOLDE^^^DR"
    ordering = "1326457780^MACAVITY^ROLAND^J^^DR"

    def pid(p, full=True):
        f = {1: "1", 3: p[0] + "^^^MERCYWEST^MR", 5: p[2] + "^" + p[3] + "^" + p[4] + "^^" + p[5], 7: p[6], 8: p[8]}
        if full:
            f.update({11: p[10] + "^" + p[11] + "^" + p[12] + "^IL^" + p[13] + "^USA^H",
                      13: p[14] + "^PRN^PH" + ("~^NET^Internet^" + p[16] if p[16] else ""), 15: "ENG",
                      18: p[15], 19: p[9]})
            if p is a:
                f[6] = "GALLOWSBRIDGE^^^"
        return hl7_segment("PID", f)

    def pv1(kind, location, doctor, visit, admit="", discharge=""):
        f = {1: "1", 2: kind, 3: location, 7: doctor, 17: doctor, 19: visit}
        if admit:
            f[44] = admit
        if discharge:
            f[45] = discharge
        return hl7_segment("PV1", f)

    adt_a01 = [hl7_msh("EPIC", "20230312081500", "ADT^A01^ADT_A01", "MSG00001"), "EVN|A01|20230312081500", pid(a),
               hl7_segment("NK1", {1: "1", 2: "ZANDERVELT^HOLLISTER^^^MR", 3: "SPO^Spouse^HL70063",
                                   4: "12 LARKSPUR HOLLOW^APT 4^SPRINGFIELD^IL^62704^USA", 5: "(217)555-0178"}),
               pv1("I", "4N^412^A^MERCYWEST", attending, "5500123401", "20230312081500", "20230315113000"),
               "DG1|1||E11.9^Type 2 diabetes mellitus without complications^I10||20230312081500|A",
               hl7_segment("IN1", {1: "1", 2: "BCBSIL^Blue Cross PPO", 3: "60054",
                                   4: "BLUE CROSS BLUE SHIELD OF ILLINOIS", 16: "ZANDERVELT^HOLLISTER^^^MR", 17: "SPO",
                                   18: "19550704", 19: "12 LARKSPUR HOLLOW^APT 4^SPRINGFIELD^IL^62704", 36: "XQH884120551"}),
               hl7_segment("GT1", {1: "1", 3: "ZANDERVELT-ORSINI^CLEMENTINE^R",
                                   5: "12 LARKSPUR HOLLOW^APT 4^SPRINGFIELD^IL^62704", 6: "(217)555-0143", 11: "SLF"})]
    oru_r01 = [hl7_msh("LAB", "20230312091500", "ORU^R01^ORU_R01", "MSG00002"), pid(a, False),
               pv1("I", "4N^412^A^MERCYWEST", attending, "5500123401"),
               hl7_segment("ORC", {1: "RE", 2: "ORD448812", 3: "LAB99120", 5: "CM", 9: "20230312083000", 12: ordering}),
               hl7_segment("OBR", {1: "1", 2: "ORD448812", 3: "LAB99120", 4: "2345-7^GLUCOSE^LN", 7: "20230312083000",
                                   16: ordering, 22: "20230312090000", 25: "F"}),
               "OBX|1|NM|2345-7^GLUCOSE^LN||132|mg/dL^mg/dL^UCUM|70-99|H|||F|||20230312090000",
               "OBX|2|TX|11492-6^History and physical note^LN||Pt states her husband Hollister manages her insulin; "
               "she lives at 12 Larkspur Hollow, Springfield.||||||F",
               "NTE|1||Called Dr. Macavity at 217-555-0199 with the result."]
    mdm_t02 = [hl7_msh("TRANSCRIPTION", "20230620143000", "MDM^T02^MDM_T02", "MSG00003"), "EVN|T02|20230620143000",
               pid(b), pv1("O", "CARDCLINIC^^^MERCYWEST", ordering, "5500124877"),
               hl7_segment("TXA", {1: "1", 2: "CN^Consultation note", 3: "TX", 4: "20230620140000", 5: ordering,
                                   7: "20230620143000", 12: "DOC88120034", 17: "AU"}),
               "OBX|1|TX|11488-4^Consult note^LN||Mr. Quillfeather (DOB 11/07/1944) seen for atrial fibrillation.||||||F",
               "OBX|2|TX|11488-4^Consult note^LN||His daughter Marisol Quillfeather-Dunmore drove him; reach her at "
               "217-555-0166.||||||F",
               "OBX|3|TX|11488-4^Consult note^LN||Plan: continue apixaban 5 mg BID. I48.91||||||F"]
    adt_a08 = [hl7_msh("EPIC", "20230621090000", "ADT^A08^ADT_A01", "MSG00004"), "EVN|A08|20230621090000",
               hl7_segment("PID", {1: "1", 3: b[0] + "^^^MERCYWEST^MR", 5: "QUILLFEATHER^BARNABY^T", 7: b[6], 8: "M",
                                   11: "4 WINDMILL TERRACE^^DECATUR^IL^62522^USA", 13: "(217)555-0122"}),
               pv1("O", "CARDCLINIC^^^MERCYWEST", ordering, "5500124877"),
               "ZPD|1|QUILLFEATHER-DUNMORE^MARISOL|217-555-0166|Prefers daughter Marisol contacted first"]
    adt_a40 = [hl7_msh("EPIC", "20230622100000", "ADT^A40^ADT_A39", "MSG00005"), "EVN|A40|20230622100000",
               hl7_segment("PID", {1: "1", 3: b[0] + "^^^MERCYWEST^MR", 5: "QUILLFEATHER^BARNABY^T", 7: b[6]}),
               "MRG|7732556^^^MERCYWEST^MR||4400920017"]
    adt_a04 = [hl7_msh("EPIC", "20230901101500", "ADT^A04^ADT_A01", "MSG00006"), "EVN|A04|20230901101500", pid(a),
               pv1("O", "ENDOCLINIC^^^MERCYWEST", attending, "5500125550", "20230901101500", "20230901114500")]
    log = [("MSG00001", "2023-03-12 08:15:02", "ADT^A01", "EPIC-ADT", "\r".join(adt_a01)),      # real CR
           ("MSG00002", "2023-03-12 09:15:01", "ORU^R01", "LAB-RESULTS", "\\r".join(oru_r01)),  # escaped as two chars
           ("MSG00003", "2023-06-20 14:30:04", "MDM^T02", "TRANSCRIPTION", "\n".join(mdm_t02)),
           ("MSG00004", "2023-06-21 09:00:03", "ADT^A08", "EPIC-ADT", "\r".join(adt_a08)),
           ("MSG00005", "2023-06-22 10:00:02", "ADT^A40", "EPIC-ADT", "\\r".join(adt_a40)),
           ("MSG00006", "2023-09-01 10:15:02", "ADT^A04", "EPIC-ADT", "\r\n".join(adt_a04))]
    d = os.path.join(HERE, "hl7")
    write_csv(os.path.join(d, "interface_log.csv"), ["MESSAGE_ID", "RECEIVED_AT", "MESSAGE_TYPE", "SOURCE", "RAW_MESSAGE"],
              [list(r) for r in log])
    for p in (a, b):
        plant("patient-name", p[2], p[3], p[2].title())
        plant("mrn", p[0])
        plant("birth-date", p[6], p[7][:p[7].index(" ")])
        plant("national-id", p[9])
        plant("address", p[10], p[10].title(), p[12], p[13])
        plant("phone", p[14])
        plant("account-number", p[15])
    # the interface engine's message control ids, in the log's key column and in each message's MSH-10 (decision 0134)
    plant("message-id", *[r[0] for r in log])
    plant("patient-name", "Quillfeather")
    plant("mothers-maiden-name", "GALLOWSBRIDGE")
    plant("email", a[16])
    plant("address", "4 WINDMILL TERRACE", "62522")
    plant("mrn", "7732556")
    plant("relative-name", "HOLLISTER", "Hollister", "Marisol", "QUILLFEATHER-DUNMORE", "Quillfeather-Dunmore")
    plant("phone", "(217)555-0178", "217-555-0166", "217-555-0199")
    plant("clinician-name", "THORNCASTLE", "ISOLDE", "MACAVITY", "ROLAND", "Macavity")
    plant("npi", "1649382057", "1326457780")
    plant("encounter-id", "5500123401", "5500124877", "5500125550")
    plant("insurance-id", "XQH884120551")
    plant("birth-date", "19550704", "11/07/1944")
    plant("order-id", "ORD448812", "LAB99120", "DOC88120034")
    plant("event-date", "20230312081500", "20230315113000", "20230620143000", "20230901101500")
    keep("hl7", "ADT^A01", "ORU^R01", "MDM^T02", "ADT^A40", "2.5.1", "2345-7^GLUCOSE^LN", "|132|", "mg/dL^mg/dL^UCUM",
         "70-99", "E11.9^Type 2 diabetes mellitus without complications^I10", "11488-4^Consult note^LN",
         "atrial fibrillation", "apixaban 5 mg BID", "I48.91", "MERCYWEST", "BLUE CROSS BLUE SHIELD OF ILLINOIS",
         "^IL^", "SPO^Spouse^HL70063", "4N^412^A^MERCYWEST")

    # The same messages as an interface writes them to files (decision 0182): an archive of the ADT feed, segments ended
    # by CR as the standard says; a capture of the MLLP connection, each message framed by 0x0B and 0x1C CR; the lab's
    # nightly batch, segments ended by LF, blank lines between messages, FHS/BHS before and BTS/FTS after; and the lab
    # system's own table of the same results keyed by the MRN, whose dates must move as the messages' do.
    d = os.path.join(HERE, "hl7-files")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "adt_feed.hl7"), "w", encoding="ascii", newline="") as f:
        for m in (adt_a01, adt_a08, adt_a40, adt_a04):
            f.write("\r".join(m) + "\r")
    with open(os.path.join(d, "mllp_capture.txt"), "w", encoding="ascii", newline="") as f:
        for m in (adt_a01, oru_r01, mdm_t02):
            f.write("\x0b" + "\r".join(m) + "\r\x1c\r")
    with open(os.path.join(d, "results_batch.hl7"), "w", encoding="ascii", newline="") as f:
        f.write("FHS|^~\\&|LAB|MERCYWEST|||20230312235900||results_20230312.hl7\n")
        f.write("BHS|^~\\&|LAB|MERCYWEST|||20230312235900\n")
        for m in (oru_r01, mdm_t02):
            f.write("\n".join(m) + "\n\n")
        f.write("BTS|2\nFTS|1\n")
    write_csv(os.path.join(d, "lab_results.csv"), ["mrn", "collected", "loinc", "value", "unit"], [
        [a[0], "2023-03-12 08:30", "2345-7", "132", "mg/dL"],
        [b[0], "2023-06-20 14:00", "2345-7", "97", "mg/dL"],
    ])
    keep("hl7-files", "ADT^A01", "ORU^R01", "MDM^T02", "2.5.1", "2345-7^GLUCOSE^LN", "|132|", "mg/dL^mg/dL^UCUM",
         "70-99", "E11.9^Type 2 diabetes mellitus without complications^I10", "atrial fibrillation",
         "apixaban 5 mg BID", "SPO^Spouse^HL70063", "BTS|2", "FTS|1")

    d = os.path.join(HERE, "clarity")
    write_csv(os.path.join(d, "patient.csv"),
              ["PAT_ID", "PAT_MRN_ID", "PAT_NAME", "BIRTH_DATE", "SEX_C", "ADD_LINE_1", "ADD_LINE_2", "CITY", "STATE_C",
               "ZIP", "HOME_PHONE", "EMAIL_ADDRESS", "SSN"],
              [[p[1], p[0], p[2] + "," + p[3] + " " + p[4], p[7], "1" if p[8] == "F" else "2", p[10].title(),
                p[11] or "NULL", p[12].title(), "14", p[13], p[14], p[16] or "NULL", p[9] if p is a else "NULL"]
               for p in (a, b)])
    plant("patient-id", a[1], b[1])
    plant("patient-name", a[2] + "," + a[3] + " " + a[4], b[2] + "," + b[3] + " " + b[4])
    # encounters: CSN, patient, contact date, admission and discharge times, visit provider id and name, department
    enc = [("5500123401", a, "3/12/2023 12:00:00 AM", "2023-03-12 08:15:00.000", "2023-03-15 11:30:00.000", "1000482",
            "THORNCASTLE, ISOLDE", "MW 4 NORTH MED SURG"),
           ("5500124877", b, "6/20/2023 12:00:00 AM", "2023-06-20 13:45:00.000", "2023-06-20 15:10:00.000", "1000517",
            "MACAVITY, ROLAND J", "MW CARDIOLOGY CLINIC"),
           ("5500125550", a, "9/1/2023 12:00:00 AM", "2023-09-01 10:15:00.000", "2023-09-01 11:45:00.000", "1000482",
            "THORNCASTLE, ISOLDE", "MW ENDOCRINOLOGY")]
    write_csv(os.path.join(d, "pat_enc.csv"),
              ["PAT_ENC_CSN_ID", "PAT_ID", "CONTACT_DATE", "HOSP_ADMSN_TIME", "HOSP_DISCH_TIME", "VISIT_PROV_ID",
               "PROV_NAME", "DEPARTMENT_NAME"],
              [[e[0], e[1][1], e[2], e[3], e[4], e[5], e[6], e[7]] for e in enc])
    plant("staff-id", "1000482", "1000517")
    plant("clinician-name", "THORNCASTLE, ISOLDE", "MACAVITY, ROLAND J")
    plant("event-date", "3/12/2023", "6/20/2023", "9/1/2023", "2023-03-12 08:15:00.000")
    keep("clarity", "MW 4 NORTH MED SURG", "MW CARDIOLOGY CLINIC")
    write_csv(os.path.join(d, "pat_enc_dx.csv"),
              ["PAT_ENC_CSN_ID", "LINE", "DX_ID", "CURRENT_ICD10_LIST", "DX_NAME", "PRIMARY_DX_YN"],
              [["5500123401", "1", "211803", "E11.9", "Type 2 diabetes mellitus without complications", "Y"],
               ["5500123401", "2", "150217", "I10", "Essential hypertension", "N"],
               ["5500124877", "1", "260122", "I48.91, I10", "Atrial fibrillation; hypertension", "Y"],
               ["5500125550", "1", "211803", "E11.9", "Type 2 diabetes mellitus without complications", "Y"]])
    keep("clarity", "211803", "150217", "I48.91, I10", "Essential hypertension", "Type 2 diabetes mellitus without complications")
    write_csv(os.path.join(d, "order_results.csv"),
              ["ORDER_PROC_ID", "PAT_ENC_CSN_ID", "COMPONENT_ID", "COMPONENT_NAME", "COMPONENT_LOINC", "ORD_VALUE",
               "REFERENCE_UNIT", "REFERENCE_LOW", "REFERENCE_HIGH", "RESULT_TIME"],
              [["880012345", "5500123401", "1510", "GLUCOSE", "2345-7", "132", "mg/dL", "70", "99", "3/12/2023 9:00:00 AM"],
               ["880012346", "5500123401", "1526", "HEMOGLOBIN A1C", "4548-4", "8.4", "%", "NULL", "5.6",
                "3/12/2023 9:00:00 AM"],
               ["880019902", "5500125550", "1526", "HEMOGLOBIN A1C", "4548-4", "7.1", "%", "NULL", "5.6",
                "9/1/2023 10:40:00 AM"]])
    plant("order-id", "880012345", "880012346", "880019902")
    keep("clarity", "1510", "1526", "GLUCOSE", "HEMOGLOBIN A1C", "2345-7", "4548-4", "132", "8.4", "7.1", "mg/dL")
    # a progress note over rows (HNO_NOTE_TEXT): each row a line, only the note id and the CSN to say whose it is
    lines = ["Patient: Zandervelt-Orsini, Clementine R   MRN: 7730415   CSN: 5500123401",
             "67 yo F admitted 3/12/2023 with hyperglycemia, glucose 132 mg/dL.",
             "Husband Hollister at bedside, cell (217) 555-0178. Lives at 12 Larkspur Hollow,",
             "Springfield IL 62704. SSN 489-36-1027 verified at registration.",
             "Discussed with Dr. Thorncastle; A1c 8.4 %, start basal insulin.",
             "NULL",
             "Electronically signed by Isolde Thorncastle, MD 3/15/2023 11:02 AM"]
    rows = [["1204455678", str(i + 1), "5500123401", t] for i, t in enumerate(lines)]
    lines = ["Cardiology consult for Barnaby Quillfeather (MRN 7731988).",
             "Daughter Marisol Quillfeather-Dunmore (217-555-0166) brought him.",
             "AF with RVR, rate controlled. Continue apixaban 5 mg BID.",
             "Roland Macavity, MD"]
    rows += [["1204460021", str(i + 1), "5500124877", t] for i, t in enumerate(lines)]
    write_csv(os.path.join(d, "hno_note_text.csv"), ["NOTE_ID", "LINE", "PAT_ENC_CSN_ID", "NOTE_TEXT"], rows)
    plant("patient-name", "Zandervelt-Orsini, Clementine R", "Clementine", "Barnaby")
    plant("address", "12 Larkspur Hollow")
    plant("phone", "(217) 555-0178")
    plant("clinician-name", "Isolde", "Thorncastle", "Roland")
    plant("event-date", "3/15/2023")
    keep("clarity", "hyperglycemia, glucose 132 mg/dL", "A1c 8.4 %, start basal insulin", "Continue apixaban 5 mg BID",
         "AF with RVR, rate controlled")


# === mx, cl, th (decision 0133) ====================================================================================
# --- Latin American and Thai hospital exports: Mexico's CURP, RFC and IMSS number, Chile's RUT, Argentina's DNI and
#     CUIL, Colombia's cédula, Thailand's national ID and HN with the Buddhist Era year; TIS-620 (Windows-874) ---
CURP_CHARS = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ"


def curp(seventeen):
    # the CURP's 18th character: 10 - (sum of values weighted 18..2) mod 10
    s = sum(CURP_CHARS.index(c) * (18 - i) for i, c in enumerate(seventeen))
    return seventeen + str((10 - s % 10) % 10)


RFC_CHARS = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ"


def rfc(twelve):
    # the RFC's 13th character: 11 - (sum of values weighted 13..2) mod 11; 10 is 'A', 11 is '0'
    s = sum(RFC_CHARS.index(c) * (13 - i) for i, c in enumerate(twelve))
    d = 11 - s % 11
    return twelve + ("0" if d == 11 else "A" if d == 10 else str(d))


def luhn10(ten):
    s = 0
    for i, c in enumerate(reversed(ten)):
        p = int(c) * (2 if i % 2 == 0 else 1)
        s += p // 10 + p % 10
    return ten + str((10 - s % 10) % 10)


def rut(body):
    # Chile's RUT: weights 2..7 from the right, 11 - sum mod 11; 11 is 0, 10 is K
    s = sum(int(c) * (2 + i % 6) for i, c in enumerate(reversed(body)))
    d = 11 - s % 11
    return "0" if d == 11 else "K" if d == 10 else str(d)


def cuil(ten):
    # Argentina's CUIL/CUIT: weights 5 4 3 2 7 6 5 4 3 2, 11 - sum mod 11 (11 is 0; 10 is not issued)
    s = sum(int(c) * w for c, w in zip(ten, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]))
    d = 11 - s % 11
    assert d != 10
    return ten[:2] + "-" + ten[2:] + "-" + str(0 if d == 11 else d)


def thai_id(twelve):
    # Thailand's national ID: 11 - (sum of digits weighted 13..2) mod 11, mod 10
    s = sum(int(c) * (13 - i) for i, c in enumerate(twelve))
    d = str((11 - s % 11) % 10)
    t = twelve + d
    return t[0] + "-" + t[1:5] + "-" + t[5:10] + "-" + t[10:12] + "-" + t[12]


def latin_america_and_thailand():
    mexico()
    southern_cone()
    thailand()


def mexico():
    # a Mexican hospital (SSA/IMSS): UTF-8 with ',' except the discharge file Excel saved as Windows-1252 with ';'
    d = os.path.join(HERE, "mx")
    pts = [("EXP-0045817", "María Guadalupe", "Hernández", "López", curp("HELG580312MDFRPD0"),
            rfc("HELG580312K7"), luhn10("0178581234"), "12/03/1958", "M", "+52 55 1234 5678",
            "Calle Orizaba 145, Col. Roma Norte", "06700", "Cuauhtémoc, CDMX"),
           ("EXP-0046290", "José Ángel", "Ramírez", "Ochoa", curp("RAOJ670905HJCMCS0"),
            rfc("RAOJ670905QT"), luhn10("3498670456"), "05/09/1967", "H", "33 3615 4422",
            "Av. Chapultepec Sur 280, Col. Americana", "44160", "Guadalajara, Jal."),
           ("EXP-0047733", "Xóchitl", "Cuauhtli", "Zúñiga", curp("CUZX821120MOCHXN0"),
            rfc("CUZX821120AB"), luhn10("4101820789"), "20/11/1982", "M", "951 516 2030",
            "Calle Macedonio Alcalá 407, Col. Centro", "68000", "Oaxaca de Juárez, Oax.")]
    write_csv(os.path.join(d, "pacientes.csv"),
              ["Expediente", "Nombre(s)", "Apellido paterno", "Apellido materno", "CURP", "RFC", "NSS",
               "Fecha de nacimiento", "Sexo", "Teléfono", "Domicilio", "C.P.", "Municipio"],
              [list(p) for p in pts])
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2], p[3])
        plant("national-id", p[4], p[5], p[6])
        plant("birth-date", p[7])
        plant("phone", p[9])
        plant("address", p[10])
    egr = [("F-2023-00871", "EXP-0045817", "12/03/2023", "21/03/2023", "I21.9", "Infarto agudo del miocardio",
            "Cardiología"),
           ("F-2023-01144", "EXP-0046290", "02/04/2023", "06/04/2023", "K35.8", "Apendicitis aguda", "Cirugía general"),
           ("F-2023-01502", "EXP-0047733", "18/04/2023", "18/04/2023", "E11.9", "Diabetes mellitus tipo 2",
            "Medicina interna")]
    write_csv(os.path.join(d, "egresos.csv"),
              ["Folio", "Expediente", "Fecha de ingreso", "Fecha de egreso", "CIE-10", "Diagnóstico", "Servicio"],
              [list(e) for e in egr], delimiter=";", encoding="cp1252", newline="\r\n")
    for e in egr:
        plant("encounter-id", e[0])
    keep("mx", "I21.9", "K35.8", "E11.9", "Infarto agudo del miocardio", "Cardiología", "Medicina interna")
    write_csv(os.path.join(d, "laboratorio.csv"), ["Folio", "Expediente", "Fecha", "Estudio", "Resultado", "Unidades"],
              [["F-2023-00871", "EXP-0045817", "13/03/2023", "Troponina I", "4.82", "ng/mL"],
               ["F-2023-01144", "EXP-0046290", "02/04/2023", "Leucocitos", "14.6", "10^3/µL"],
               ["F-2023-01502", "EXP-0047733", "18/04/2023", "Hemoglobina glucosilada", "8.7", "%"]])
    keep("mx", "Troponina I", "4.82", "14.6", "8.7", "10^3/µL", "Hemoglobina glucosilada")
    write_csv(os.path.join(d, "notas.csv"), ["Folio", "Expediente", "Fecha", "Nota de evolución"],
              [["F-2023-00871", "EXP-0045817", "14/03/2023",
                "Paciente María Guadalupe Hernández López, 65 años, CURP " + pts[0][4] + ", NSS " + pts[0][6]
                + ". Ingresa el 12/03/2023 por dolor torácico. Su hija Rosa Elena Hernández (tel. 55 8765 4321) "
                "vive en Calle Orizaba 145, Col. Roma Norte, C.P. 06700. Valorada por el Dr. Ignacio Villaseñor. "
                "Dx I21.9, troponina 4.82 ng/mL."],
               ["F-2023-01144", "EXP-0046290", "03/04/2023",
                "Sr. José Ángel Ramírez Ochoa (RFC " + pts[1][5] + ", afiliación IMSS "
                + pts[1][6][:2] + "-" + pts[1][6][2:4] + "-" + pts[1][6][4:6] + "-" + pts[1][6][6:10] + "-"
                + pts[1][6][10] + "). Apendicectomía sin complicaciones. Esposa Guadalupe Ochoa avisada al "
                "+52 33 3615 4422."],
               ["F-2023-01502", "EXP-0047733", "18/04/2023",
                "Xóchitl Cuauhtli Zúñiga acude a consulta, glucosa 212 mg/dL, HbA1c 8.7 %. curp "
                + pts[2][4].lower() + ". Cita con la Dra. Itzel Monroy el 02/05/2023."]])
    plant("relative-name", "Rosa Elena", "Guadalupe Ochoa")
    plant("phone", "55 8765 4321", "+52 33 3615 4422")
    plant("clinician-name", "Villaseñor", "Itzel", "Monroy")
    plant("national-id", pts[2][4].lower(), pts[1][6][:2] + "-" + pts[1][6][2:4] + "-" + pts[1][6][4:6] + "-"
          + pts[1][6][6:10] + "-" + pts[1][6][10])
    plant("address", "C.P. 06700")
    plant("event-date", "12/03/2023", "02/05/2023")
    keep("mx", "glucosa 212 mg/dL", "troponina 4.82 ng/mL", "Apendicectomía sin complicaciones")


def southern_cone():
    # a network of clinics in Chile, Argentina and Colombia: UTF-8, a patient file per country (','), encounters and
    # notes (';'); the numbers written with and without their dots
    d = os.path.join(HERE, "cl")
    r1, r2 = "12345678", "16254781"
    ruts = [r1[:2] + "." + r1[2:5] + "." + r1[5:] + "-" + rut(r1), r2 + "-" + rut(r2)]
    assert rut("12345678") == "5"
    k = next(b for b in ("9876543", "9876544", "9876545", "9876546", "9876547", "9876548", "9876549")
             if rut(b) == "K")
    ruts.append(k[0] + "." + k[1:4] + "." + k[4:] + "-K")
    write_csv(os.path.join(d, "pacientes_cl.csv"),
              ["ID_PACIENTE", "RUT", "Nombres", "Apellido paterno", "Apellido materno", "Fecha nacimiento", "Previsión",
               "Teléfono", "Dirección", "Comuna"],
              [["CL-1001", ruts[0], "Catalina Andrea", "Fuenzalida", "Riquelme", "03/07/1961", "FONASA tramo B",
                "+56 9 8765 4321", "Av. Providencia 1208, depto 53", "Providencia"],
               ["CL-1002", ruts[1], "Benjamín", "Quiñones", "Aravena", "22/01/1986", "ISAPRE Colmena",
                "+56 2 2345 6789", "Pasaje Los Aromos 47", "Ñuñoa"],
               ["CL-1003", ruts[2], "Rosalía", "Huenchumilla", "Painemal", "09/09/1949", "ISAPRE Banmédica",
                "+56 45 221 3344", "Calle Montt 960", "Temuco"]])
    plant("patient-id", "CL-1001", "CL-1002", "CL-1003")
    plant("national-id", *ruts)
    plant("patient-name", "Catalina Andrea", "Fuenzalida", "Riquelme", "Quiñones", "Aravena", "Huenchumilla",
          "Painemal")
    plant("birth-date", "03/07/1961", "22/01/1986", "09/09/1949")
    plant("phone", "+56 9 8765 4321", "+56 2 2345 6789", "+56 45 221 3344")
    plant("address", "Av. Providencia 1208, depto 53", "Pasaje Los Aromos 47", "Calle Montt 960")
    keep("cl", "FONASA tramo B", "ISAPRE Colmena", "ISAPRE Banmédica")
    dnis = ["30.123.456", "27456902"]
    cuils = [cuil("2030123456"), cuil("2727456902")]
    write_csv(os.path.join(d, "pacientes_ar.csv"),
              ["ID_PACIENTE", "DNI", "CUIL", "Nombre", "Apellido", "Fecha de nacimiento", "Obra social", "Nro afiliado",
               "Teléfono", "Domicilio"],
              [["AR-2001", dnis[0], cuils[0], "Martín Ezequiel", "Goicoechea", "14/02/1983", "OSDE", "60-112233-4/01",
                "+54 11 4567-8901", "Av. Corrientes 3450, 5° B, CABA"],
               ["AR-2002", dnis[1], cuils[1], "Florencia", "Etcheverry", "30/10/1979", "PAMI", "150788123405",
                "0351 422-3344", "Bv. San Juan 820, Córdoba"]])
    plant("patient-id", "AR-2001", "AR-2002")
    plant("national-id", *dnis, *cuils, "60-112233-4/01", "150788123405")
    plant("patient-name", "Martín Ezequiel", "Goicoechea", "Etcheverry")
    plant("birth-date", "14/02/1983", "30/10/1979")
    plant("phone", "+54 11 4567-8901", "0351 422-3344")
    plant("address", "Av. Corrientes 3450", "Bv. San Juan 820")
    keep("cl", "OSDE", "PAMI")
    write_csv(os.path.join(d, "pacientes_co.csv"),
              ["ID_PACIENTE", "Tipo documento", "Número documento", "Nombres", "Primer apellido", "Segundo apellido",
               "Fecha nacimiento", "EPS", "Celular"],
              [["CO-3001", "CC", "1.020.304.050", "Luz Dary", "Cardona", "Restrepo", "17/05/1990", "Nueva EPS",
                "310 456 7890"],
               ["CO-3002", "CC", "79845123", "Jhon Fredy", "Arbeláez", "Montoya", "02/12/1972", "EPS Sura",
                "+57 304 221 9988"]])
    plant("patient-id", "CO-3001", "CO-3002")
    plant("national-id", "1.020.304.050", "79845123")
    plant("patient-name", "Luz Dary", "Cardona", "Restrepo", "Jhon Fredy", "Arbeláez", "Montoya")
    plant("birth-date", "17/05/1990", "02/12/1972")
    plant("phone", "310 456 7890", "+57 304 221 9988")
    keep("cl", "Nueva EPS", "EPS Sura")
    write_csv(os.path.join(d, "atenciones.csv"),
              ["ID_ATENCION", "ID_PACIENTE", "Fecha ingreso", "Fecha egreso", "CIE-10", "Diagnóstico", "Hb", "Creatinina"],
              [["AT-55012", "CL-1001", "04/03/2023", "09/03/2023", "J18.9", "Neumonía", "11.2", "0.9"],
               ["AT-55013", "CL-1002", "11/03/2023", "11/03/2023", "S52.5", "Fractura de radio distal", "14.1", "1.0"],
               ["AT-55014", "AR-2001", "20/03/2023", "25/03/2023", "I50.0", "Insuficiencia cardíaca", "12.8", "1.6"],
               ["AT-55015", "CO-3001", "02/04/2023", "03/04/2023", "O80", "Parto único espontáneo", "10.9", "0.7"]],
              delimiter=";")
    plant("encounter-id", "AT-55012", "AT-55013", "AT-55014", "AT-55015")
    keep("cl", "J18.9", "S52.5", "I50.0", "O80", "Neumonía", "Fractura de radio distal", "11.2", "14.1", "12.8")
    write_csv(os.path.join(d, "evoluciones.csv"), ["ID_ATENCION", "ID_PACIENTE", "Fecha", "Evolución"],
              [["AT-55012", "CL-1001", "05/03/2023",
                "Paciente Catalina Fuenzalida Riquelme, RUT " + ruts[0] + " (" + r1 + "-" + rut(r1) + "), FONASA. "
                "Neumonía basal derecha, Hb 11.2. Hija Javiera Fuenzalida acompaña, fono +56 9 8765 4321."],
               ["AT-55013", "CL-1002", "11/03/2023",
                "Benjamín Quiñones, rut " + r2[:2] + "." + r2[2:5] + "." + r2[5:] + "-" + rut(r2)
                + ", fractura de radio distal. Evaluado por Dr. Sebastián Valdivieso."],
               ["AT-55014", "AR-2001", "21/03/2023",
                "Sr. Goicoechea, DNI 30123456, CUIL " + cuils[0].replace("-", "") + ", obra social OSDE. "
                "Insuficiencia cardíaca, creatinina 1.6. Avisar a su esposa Valeria Iturralde al 11 4567-8901."],
               ["AT-55015", "CO-3001", "03/04/2023",
                "Luz Dary Cardona, C.C. 1020304050 de Medellín, parto único espontáneo. Acompañante: "
                "Wilmer Cardona, CC 79.845.123. Nueva EPS autoriza."]],
              delimiter=";")
    plant("relative-name", "Javiera", "Valeria Iturralde", "Wilmer")
    plant("clinician-name", "Sebastián Valdivieso", "Valdivieso")
    plant("national-id", r1 + "-" + rut(r1), r2[:2] + "." + r2[2:5] + "." + r2[5:] + "-" + rut(r2), "30123456",
          cuils[0].replace("-", ""), "1020304050", "79.845.123")
    plant("phone", "11 4567-8901")
    keep("cl", "Neumonía basal derecha", "creatinina 1.6", "Nueva EPS autoriza")


THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thailand():
    # a Thai hospital (HOSxP-like): TIS-620 (Windows-874), ',' and CRLF, except the lab file in UTF-8; HN with the
    # Buddhist Era year after a slash; dates dd/MM/yyyy in the Buddhist Era (2566 = 2023) and with the month's short name
    d = os.path.join(HERE, "th")
    ids = [thai_id("310050012345"), thai_id("110140056789"), thai_id("370990087654")]
    pts = [("12345/66", "นาย", "สมชาย", "ใจดีมาก", ids[0], "12/03/2501", "ชาย", "081-234-5678",
            "99/12 ถนนสุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"),
           ("20871/65", "นางสาว", "พิมพ์ชนก", "ศรีสวัสดิ์", ids[1], "05/09/2510", "หญิง", "089-765-4321",
            "45 หมู่ 3 ตำบลสุเทพ อำเภอเมืองเชียงใหม่ จังหวัดเชียงใหม่ 50200"),
           ("30512/66", "ด.ช.", "ภูมิพัฒน์", "วงศ์ทองคำ", ids[2], "01/01/2557", "ชาย", "02-345-6789",
            "7/1 ซอยรามคำแหง 24 แขวงหัวหมาก เขตบางกะปิ กรุงเทพมหานคร 10240")]
    write_csv(os.path.join(d, "patient.csv"),
              ["HN", "คำนำหน้า", "ชื่อ", "นามสกุล", "เลขประจำตัวประชาชน", "วันเกิด", "เพศ", "โทรศัพท์", "ที่อยู่"],
              [list(p) for p in pts], encoding="cp874", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[2], p[3])
        plant("national-id", p[4])
        plant("birth-date", p[5])
        plant("phone", p[7])
        plant("address", p[8])
    adm = [("AN66-004512", "12345/66", "12/03/2566", "21/03/2566", "I21.0", "กล้ามเนื้อหัวใจตายเฉียบพลัน"),
           ("AN65-019877", "20871/65", "28/12/2565", "03/01/2566", "J18.9", "ปอดอักเสบ"),
           ("AN66-007730", "30512/66", "05/05/2566", "05/05/2566", "A90", "ไข้เดงกี")]
    write_csv(os.path.join(d, "admission.csv"), ["AN", "HN", "วันที่รับ", "วันที่จำหน่าย", "ICD10TM", "การวินิจฉัย"],
              [list(a) for a in adm], encoding="cp874", newline="\r\n")
    for a in adm:
        plant("encounter-id", a[0])
    keep("th", "I21.0", "J18.9", "A90", "กล้ามเนื้อหัวใจตายเฉียบพลัน", "ปอดอักเสบ", "ไข้เดงกี")
    write_csv(os.path.join(d, "lab.csv"), ["AN", "HN", "วันที่", "รายการตรวจ", "ผล", "หน่วย"],
              [["AN66-004512", "12345/66", "13/03/2566", "Troponin T", "1.84", "ng/mL"],
               ["AN65-019877", "20871/65", "29/12/2565", "CRP", "96.5", "mg/L"],
               ["AN66-007730", "30512/66", "05/05/2566", "เกล็ดเลือด", "42000", "/µL"]], newline="\r\n")
    keep("th", "Troponin T", "1.84", "96.5", "42000", "เกล็ดเลือด")
    notes = [["AN66-004512", "12345/66", "12/03/2566",
              "12 มี.ค. 2566 นายสมชาย ใจดีมาก อายุ 65 ปี HN 12345/66 เลขประจำตัวประชาชน " + ids[0]
              + " เจ็บหน้าอก ภรรยา นางมาลัย ใจดีมาก โทร 081-234-5678 แพทย์ผู้รักษา นพ.ประเสริฐ วัฒนากุล"],
             ["AN65-019877", "20871/65", "03/01/2566",
              "จำหน่ายวันที่ ๓ ม.ค. ๒๕๖๖ นางสาวพิมพ์ชนก ศรีสวัสดิ์ ปอดอักเสบดีขึ้น มารดา นางบุญเรือน ศรีสวัสดิ์ "
              "มารับ โทร ๐๘๙-๗๖๕-๔๓๒๑ เลขบัตร " + ids[1].translate(THAI_DIGITS)],
             ["AN66-007730", "30512/66", "05/05/2566",
              "ด.ช.ภูมิพัฒน์ วงศ์ทองคำ เกิด 01/01/2557 ไข้เดงกี เกล็ดเลือด 42000 บิดา นายวีระ วงศ์ทองคำ "
              "นัดติดตาม 12/05/2566"]]
    write_csv(os.path.join(d, "progress_note.csv"), ["AN", "HN", "วันที่บันทึก", "บันทึก"], notes,
              encoding="cp874", newline="\r\n")
    plant("relative-name", "มาลัย", "บุญเรือน", "วีระ")
    plant("clinician-name", "ประเสริฐ", "วัฒนากุล")
    plant("national-id", ids[1].translate(THAI_DIGITS))
    plant("phone", "๐๘๙-๗๖๕-๔๓๒๑")
    plant("event-date", "12 มี.ค. 2566", "๓ ม.ค. ๒๕๖๖", "12/03/2566", "12/05/2566")
    plant("patient-id", "HN 12345/66")
    keep("th", "เจ็บหน้าอก", "ปอดอักเสบดีขึ้น")
# === ru, gr (decision 0131) ========================================================================================
def snils(nine):
    """A Russian SNILS (nine digits) with its check number: digits weighted 9..1, the sum modulo 101 (100 -> 00)."""
    s = sum(int(c) * (9 - i) for i, c in enumerate(nine)) % 101
    s = 0 if s == 100 else s
    return nine[0:3] + "-" + nine[3:6] + "-" + nine[6:9] + " " + "%02d" % s


def luhn_digit(body):
    total = 0
    for i, c in enumerate(reversed(body)):
        d = int(c) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return str((10 - total % 10) % 10)


def afm(eight):
    """A Greek AFM (tax number): eight digits weighted 2^8..2^1, the sum modulo 11 modulo 10."""
    return eight + str(sum(int(c) << (8 - i) for i, c in enumerate(eight)) % 11 % 10)


def cyrillic_greek():
    russia()
    greece()


def russia():
    # Windows-1251 (1C:Medicine, MIS exports, Excel in Russia), ';' and CRLF; surname, given name and patronymic in their
    # own columns; one older list in KOI8-R and one export in UTF-8 with a byte order mark
    d = os.path.join(HERE, "ru")
    pts = [("000451", "Смирнова", "Анна", "Петровна", "12.03.1958", "Ж", snils("112233445"),
            "7700" + "12345678901" + luhn_digit("770012345678901"), "+7 (912) 345-67-89",
            "г. Москва, ул. Тверская, д. 7, кв. 12", "125009"),
           ("000518", "Белозёров", "Олег", "Игоревич", "05.09.1967", "М", snils("156780234"),
            "5098" + "76543210987" + luhn_digit("509876543210987"), "8 912 345 67 89",
            "г. Казань, ул. Баумана, д. 19, кв. 3", "420111"),
           ("000733", "Черкасова", "Елена", "Сергеевна", "28.07.1961", "Ж", snils("098765432"),
            "6655" + "44332211009" + luhn_digit("665544332211009"), "+7 (343) 221-40-17",
            "г. Екатеринбург, пр. Ленина, д. 44, кв. 81", "620014")]
    write_csv(os.path.join(d, "patsienty.csv"),
              ["№ карты", "Фамилия", "Имя", "Отчество", "Дата рождения", "Пол", "СНИЛС", "Полис ОМС", "Телефон",
               "Адрес", "Индекс"], [list(p) for p in pts], delimiter=";", encoding="cp1251", newline="\r\n")
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2], p[3])
        plant("birth-date", p[4])
        plant("national-id", p[6])
        plant("insurance-id", p[7])
        plant("phone", p[8])
        plant("address", p[9])
    plant("address", "Тверская", "Баумана")
    gosp = [("ИБ-2023-01877", "000451", "12.03.2023", "21.03.2023", "I21.0", "Острый трансмуральный инфаркт",
             "Кардиология"),
            ("ИБ-2022-11904", "000518", "28.12.2022", "03.01.2023", "J44.1", "ХОБЛ с обострением", "Пульмонология"),
            ("ИБ-2023-04410", "000733", "05.05.2023", "05.05.2023", "E11.9", "Сахарный диабет 2 типа",
             "Эндокринология")]
    write_csv(os.path.join(d, "gospitalizatsii.csv"),
              ["Номер истории болезни", "№ карты", "Дата поступления", "Дата выписки", "МКБ-10", "Диагноз",
               "Отделение"], [list(g) for g in gosp], delimiter=";", encoding="cp1251", newline="\r\n")
    for g in gosp:
        plant("encounter-id", g[0])
    keep("ru", "I21.0", "J44.1", "E11.9", "Острый трансмуральный инфаркт", "Кардиология", "Пульмонология")
    write_csv(os.path.join(d, "analizy.csv"),
              ["Номер истории болезни", "Дата", "Показатель", "Результат", "Ед. изм."],
              [["ИБ-2023-01877", "13.03.2023", "Глюкоза", "7,8", "ммоль/л"],
               ["ИБ-2023-01877", "13.03.2023", "Тропонин I", "2,41", "нг/мл"],
               ["ИБ-2022-11904", "29.12.2022", "Гемоглобин", "128", "г/л"],
               ["ИБ-2023-04410", "05.05.2023", "HbA1c", "8,4", "%"]],
              delimiter=";", encoding="cp1251", newline="\r\n")
    keep("ru", "Глюкоза", "7,8", "ммоль/л", "Тропонин I", "2,41", "нг/мл", "128", "г/л", "8,4")
    write_csv(os.path.join(d, "dnevniki.csv"), ["№ карты", "Дата", "Врач", "Запись"],
              [["000451", "13.03.2023", "Кузнецов Д. А.",
                "Пациентка Смирнова Анна Петровна, 12.03.1958 г.р., поступила 12 марта 2023 г. с болями за грудиной. "
                "Со слов мужа Смирнова Ивана, боли с утра. Смирновой проведена коронарография. "
                "Смирнову рекомендовано наблюдение кардиолога. Глюкоза 7,8 ммоль/л."],
               ["000518", "03.01.2023", "Лебедева М. В.",
                "Больной Белозёров Олег Игоревич выписан 3 января 2023 г. в удовлетворительном состоянии. "
                "Осмотрен д-ром Кузнецовым. Жена Белозёрова Светлана, тел. 8 912 345 67 89. СНИЛС 156-780-234 " +
                snils("156780234")[-2:] + "."],
               ["000733", "05.05.2023", "Лебедева М. В.",
                "Пациентка Черкасова Е. С., полис ОМС " + pts[2][7] + ", консультирована. "
                "Направлена к Лебедевой М. В. Контроль HbA1c через 3 месяца."]],
              delimiter=";", encoding="cp1251", newline="\r\n")
    plant("patient-name", "Смирновой", "Смирнову", "Белозёрова", "Черкасова")
    plant("relative-name", "Ивана", "Светлана")
    plant("clinician-name", "Кузнецов", "Кузнецовым", "Лебедева", "Лебедевой")
    plant("event-date", "12 марта 2023 г.", "3 января 2023 г.")
    keep("ru", "с болями за грудиной", "проведена коронарография", "в удовлетворительном состоянии",
         "Контроль HbA1c через 3 месяца")
    # an older system's list in KOI8-R: the full name in one column (ФИО)
    write_csv(os.path.join(d, "spisok_koi8.csv"), ["Номер карты", "ФИО", "Дата рождения", "СНИЛС", "Отделение"],
              [["000451", "Смирнова Анна Петровна", "12.03.1958", pts[0][6], "Кардиология"],
               ["000518", "Белозёров Олег Игоревич", "05.09.1967", pts[1][6], "Пульмонология"],
               ["000733", "Черкасова Елена Сергеевна", "28.07.1961", pts[2][6], "Эндокринология"]],
              delimiter=";", encoding="koi8_r", newline="\n")
    keep("ru", "Эндокринология")
    # a newer export in UTF-8 with a byte order mark (Excel's "CSV UTF-8")
    write_csv(os.path.join(d, "vypiski_utf8.csv"), ["Номер истории болезни", "№ карты", "Дата выписки", "Эпикриз"],
              [["ИБ-2023-01877", "000451", "21.03.2023",
                "Смирнова А. П. выписана 21 марта 2023 г. Лечащий врач Кузнецов Дмитрий Алексеевич. "
                "Индекс 125009, г. Москва."]],
              delimiter=";", encoding="utf-8-sig", newline="\r\n")
    plant("clinician-name", "Дмитрий", "Алексеевич")
    plant("event-date", "21 марта 2023 г.")
    plant("address", "125009")
    keep("ru", "выписана")


def greece():
    # Windows-1253 (Excel in Greece) and ISO-8859-7 (an older Unix system), ';' and CRLF; AMKA (the birth date first,
    # a Luhn check digit last) and AFM (mod 11) in columns and in notes
    d = os.path.join(HERE, "gr")
    amka1 = "1203580123"
    amka2 = "0509670456"
    pts = [("ΑΣ-10452", "Παπαδοπούλου Μαρία", "12/03/1958", "Θ", amka1 + luhn_digit(amka1), afm("12345678"),
            "+30 210 1234567", "6912345678", "Λεωφόρος Αλεξάνδρας 42, Αθήνα", "11473"),
           ("ΑΣ-10987", "Καραγιάννης Νικόλαος", "05/09/1967", "Α", amka2 + luhn_digit(amka2), afm("09876543"),
            "+30 2310 987654", "6987654321", "Οδός Τσιμισκή 18, Θεσσαλονίκη", "54624")]
    write_csv(os.path.join(d, "asthenis.csv"),
              ["Κωδικός ασθενούς", "Ονοματεπώνυμο", "Ημερομηνία γέννησης", "Φύλο", "ΑΜΚΑ", "ΑΦΜ", "Τηλέφωνο",
               "Κινητό", "Διεύθυνση", "Τ.Κ."], [list(p) for p in pts], delimiter=";", encoding="cp1253",
              newline="\r\n")
    plant("patient-name", "Παπαδοπούλου", "Μαρία", "Καραγιάννης", "Νικόλαος")
    for p in pts:
        plant("patient-id", p[0])
        plant("birth-date", p[2])
        plant("national-id", p[4], p[5])
        plant("phone", p[6], p[7])
        plant("address", p[8], p[9])
    plant("address", "Αλεξάνδρας", "Τσιμισκή")
    nos = [("ΕΙΣ-2023-0311", "ΑΣ-10452", "12/03/2023", "21/03/2023", "I21.0", "Οξύ έμφραγμα μυοκαρδίου",
            "Καρδιολογική"),
           ("ΕΙΣ-2022-1877", "ΑΣ-10987", "28/12/2022", "03/01/2023", "J44.1", "ΧΑΠ σε παρόξυνση", "Πνευμονολογική")]
    write_csv(os.path.join(d, "nosileies.csv"),
              ["Αριθμός εισαγωγής", "Κωδικός ασθενούς", "Ημερομηνία εισαγωγής", "Ημερομηνία εξόδου", "ICD-10",
               "Διάγνωση", "Κλινική"], [list(n) for n in nos], delimiter=";", encoding="iso8859_7",
              newline="\r\n")
    for n in nos:
        plant("encounter-id", n[0])
    keep("gr", "I21.0", "J44.1", "Οξύ έμφραγμα μυοκαρδίου", "Καρδιολογική", "ΧΑΠ σε παρόξυνση")
    write_csv(os.path.join(d, "simeioseis.csv"), ["Κωδικός ασθενούς", "Ημερομηνία", "Ιατρός", "Σημείωση"],
              [["ΑΣ-10452", "13/03/2023", "Γεωργίου Κ.",
                "Η ασθενής Παπαδοπούλου Μαρία, ΑΜΚΑ " + pts[0][4] + ", εισήχθη στις 12 Μαρτίου 2023 με θωρακικό άλγος. "
                "Ενημερώθηκε ο σύζυγος Παπαδόπουλος Γιώργος, τηλ. 6912345678. Τροπονίνη 2,41 ng/mL."],
               ["ΑΣ-10987", "03/01/2023", "Γεωργίου Κ.",
                "Ο ασθενής Καραγιάννης Νικόλαος εξήλθε στις 3 Ιανουαρίου 2023. ΑΦΜ " + pts[1][5] +
                ". Επανεξέταση από τον Δρ. Γεωργίου σε 3 μήνες. Η σύζυγος του κ. Καραγιάννη ενημερώθηκε."]],
              delimiter=";", encoding="cp1253", newline="\r\n")
    plant("relative-name", "Παπαδόπουλος", "Γιώργος", "Καραγιάννη")
    plant("clinician-name", "Γεωργίου")
    plant("event-date", "12 Μαρτίου 2023", "3 Ιανουαρίου 2023")
    keep("gr", "θωρακικό άλγος", "Τροπονίνη 2,41 ng/mL", "σε 3 μήνες")
    write_csv(os.path.join(d, "ergastiriaka.csv"),
              ["Αριθμός εισαγωγής", "Ημερομηνία", "Εξέταση", "Αποτέλεσμα", "Μονάδα"],
              [["ΕΙΣ-2023-0311", "13/03/2023", "Γλυκόζη", "142", "mg/dL"],
               ["ΕΙΣ-2022-1877", "29/12/2022", "Αιμοσφαιρίνη", "12,8", "g/dL"]],
              delimiter=";", encoding="cp1253", newline="\r\n")
    keep("gr", "Γλυκόζη", "142", "Αιμοσφαιρίνη", "12,8", "g/dL")

# === sa, ir, il (decision 0132) ====================================================================================
# --- Gulf/Egyptian, Iranian and Israeli hospital exports: right-to-left text beside Latin codes, Arabic-Indic and
#     Persian digits, Hijri and Jalali dates, UTF-8 and the Windows code pages 1256 (Arabic) and 1255 (Hebrew); a bidi
#     mark, a tatweel and a zero-width joiner inside planted values, and ZWNJ inside Persian names as Persian writes them
def arabic_digits(s):
    return s.translate(str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"))


def persian_digits(s):
    return s.translate(str.maketrans("0123456789", "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9"))


def luhn_complete(stem):
    # the digit that makes stem + digit pass the Luhn check (Saudi ID and Iqama, Emirates ID, Israeli Teudat Zehut)
    return stem + luhn_digit(stem)


def iran_code(nine):
    # Iran's national code (kod-e melli): weights 10..2, r = sum mod 11, check r if r < 2 else 11 - r
    r = sum(int(c) * (10 - i) for i, c in enumerate(nine)) % 11
    return nine + str(r if r < 2 else 11 - r)


def middle_east():
    saudi()
    iran()
    israel()


def saudi():
    # UTF-8 as a Gulf hospital's export writes it, and one file of a UAE clinic in Windows-1256 (Excel's "CSV" there)
    d = os.path.join(HERE, "sa")
    sid, iqama = luhn_complete("105831274"), luhn_complete("238860412")
    egypt = "25803120104563"  # 2 = born 1900-1999, 580312 = 12 March 1958, 01 = Cairo, 0456 sequence, 3 check
    pts = [("MRN-2023-0041", "محمد بن عبدالله القحطاني", sid, "1958-03-12", "12/03/1378 هـ", "+966 50 123 4567", "ذكر"),
           ("MRN-2023-0057", "فاطمة بنت أحمد الزهراني", iqama, "1967-09-05", "01/06/1387 هـ",
            arabic_digits("0559876543"), "أنثى"),
           ("MRN-2023-0102", "عبدالرحمن السيد الشرقاوي", egypt, "1958-03-12", "", "+20 10 2345 6789", "ذكر")]
    write_csv(os.path.join(d, "marda.csv"), ["رقم الملف", "الاسم", "رقم الهوية", "تاريخ الميلاد", "تاريخ الميلاد الهجري",
                                               "الجوال", "الجنس"], [list(p) for p in pts], newline="\r\n")
    plant("patient-name", "محمد بن عبدالله القحطاني", "القحطاني", "فاطمة بنت أحمد الزهراني", "الزهراني",
          "عبدالرحمن السيد الشرقاوي", "الشرقاوي")
    for p in pts:
        plant("mrn", p[0])
        plant("national-id", p[2])
        plant("birth-date", p[3])
        plant("phone", p[5])
    plant("birth-date", "12/03/1378", "01/06/1387")
    write_csv(os.path.join(d, "ziyarat.csv"), ["رقم الملف", "رقم الزيارة", "تاريخ الدخول", "تاريخ الخروج", "ICD10", "التشخيص"],
              [["MRN-2023-0041", "V-880412", "2023-09-27", "2023-10-02", "E11.65", "داء السكري من النوع الثاني"],
               ["MRN-2023-0057", "V-880977", "2023-10-15", "2023-10-15", "O24.4", "سكري الحمل"],
               ["MRN-2023-0102", "V-881230", "2023-11-02", "2023-11-06", "I21.4", "احتشاء عضلة القلب"]],
              newline="\r\n")
    plant("encounter-id", "V-880412", "V-880977", "V-881230")
    keep("sa", "E11.65", "O24.4", "I21.4", "داء السكري من النوع الثاني", "سكري الحمل", "احتشاء عضلة القلب")
    write_csv(os.path.join(d, "tahalil.csv"), ["رقم الملف", "تاريخ العينة", "الفحص", "النتيجة", "الوحدة"],
              [["MRN-2023-0041", "2023-09-28", "HbA1c", "9.1", "%"],
               ["MRN-2023-0057", "2023-10-15", "سكر الدم", arabic_digits("182"), "mg/dL"],
               ["MRN-2023-0102", "2023-11-02", "Troponin I", "2.84", "ng/mL"]], newline="\r\n")
    keep("sa", "HbA1c", "9.1", arabic_digits("182"), "2.84", "سكر الدم")
    # the notes: the name with a tatweel in one, a right-to-left mark inside a phone number in another
    write_csv(os.path.join(d, "mulahazat.csv"), ["رقم الملف", "التاريخ", "الملاحظات"],
              [["MRN-2023-0041", "2023-09-27",
                "راجع المريض محمد بن عبدالله القحطاني الطوارئ بتاريخ ١٤٤٥/٠٣/١٢ هـ. تاريخ الميلاد ١٢/٠٣/١٣٧٨ هـ. "
                "الجوال " + arabic_digits("0501234567") + ". زوجته نورة بنت سعد الدوسري حضرت معه. "
                "الطبيب المعالج د. خالد الشهري. داء السكري غير منضبط."],
               ["MRN-2023-0057", "2023-10-15",
                "المريضة فاطمة الزهـــراني (رقم الإقامة " + iqama + ") حامل في الأسبوع 28. زوجها عبدالمجيد الغامدي. "
                "للتواصل " + arabic_digits("055") + "\u200f" + arabic_digits("9876543") + ". سكري الحمل."],
               ["MRN-2023-0102", "2023-11-02",
                "مريض مصري عبدالرحمن الشرقاوي، الرقم القومي " + egypt + "، هاتف +20 10 2345 6789. ابنته منى الشرقاوي."]],
              newline="\r\n")
    plant("birth-date", arabic_digits("12/03/1378"))
    plant("event-date", arabic_digits("1445/03/12"))
    plant("phone", arabic_digits("0501234567"), arabic_digits("0559876543"))
    plant("relative-name", "نورة بنت سعد الدوسري", "الدوسري", "عبدالمجيد الغامدي", "الغامدي", "منى الشرقاوي")
    plant("clinician-name", "خالد الشهري", "الشهري")
    keep("sa", "داء السكري غير منضبط")
    # a UAE clinic's file in Windows-1256: the Emirates ID (784, the birth year, a serial, a Luhn digit)
    eid = luhn_complete("78419851234567")
    eid = eid[:3] + "-" + eid[3:7] + "-" + eid[7:14] + "-" + eid[14]
    write_csv(os.path.join(d, "imarat.csv"), ["رقم الملف", "الاسم", "رقم الهوية الإماراتية", "تاريخ الميلاد", "الهاتف",
                                                "ICD10", "التشخيص"],
              [["DXB-77120", "سلطان بن راشد المزروعي", eid, "12/03/1985", "+971 50 412 7789", "J45.909", "الربو"],
               ["DXB-77134", "مريم بنت خليفة الكعبي", "784-1990-7654321-" + luhn_complete("78419907654321")[-1],
                "05/09/1990", "+971 55 380 2211", "K35.80", "التهاب الزائدة الدودية"]],
              encoding="cp1256", newline="\r\n")
    plant("patient-name", "سلطان بن راشد المزروعي", "المزروعي", "مريم بنت خليفة الكعبي", "الكعبي")
    plant("mrn", "DXB-77120", "DXB-77134")
    plant("national-id", eid, "784-1990-7654321-" + luhn_complete("78419907654321")[-1])
    plant("birth-date", "12/03/1985", "05/09/1990")
    plant("phone", "+971 50 412 7789", "+971 55 380 2211")
    keep("sa", "J45.909", "K35.80", "الربو", "التهاب الزائدة الدودية")


def iran():
    # UTF-8; Persian digits beside ASCII ones, Jalali dates, ZWNJ inside names and words
    d = os.path.join(HERE, "ir")
    c1, c2 = iran_code("001234567"), iran_code("417583920")
    pts = [("PR-140203", "علی\u200cرضا", "حسین\u200cزاده", c1, "1336/12/21", "0912 345 6789", "مرد"),
           ("PR-140377", "زهرا", "نیک\u200cنام", persian_digits(c2), persian_digits("1346/06/14"),
            persian_digits("0935 876 5432"), "زن")]
    write_csv(os.path.join(d, "bimaran.csv"), ["شماره پرونده", "نام", "نام خانوادگی", "کد ملی", "تاریخ تولد",
                                                 "تلفن همراه", "جنسیت"], [list(p) for p in pts])
    plant("patient-name", "علی\u200cرضا", "حسین\u200cزاده", "نیک\u200cنام")
    for p in pts:
        plant("mrn", p[0])
        plant("national-id", p[3])
        plant("birth-date", p[4])
        plant("phone", p[5])
    plant("national-id", c2)
    write_csv(os.path.join(d, "paziresh.csv"), ["شماره پرونده", "شماره پذیرش", "تاریخ پذیرش", "تاریخ ترخیص", "ICD10",
                                                  "تشخیص"],
              [["PR-140203", "AD-5512", "1402/12/20", "1402/12/27", "I63.9", "سکته مغزی"],
               ["PR-140377", "AD-5790", persian_digits("1399/05/29"), persian_digits("1399/06/05"), "J18.9",
                "ذات\u200cالریه"]])
    plant("encounter-id", "AD-5512", "AD-5790")
    keep("ir", "I63.9", "J18.9", "سکته مغزی", "ذات\u200cالریه")
    write_csv(os.path.join(d, "yaddasht.csv"), ["شماره پرونده", "تاریخ", "شرح حال"],
              [["PR-140203", "1402/12/20",
                "بیمار علی\u200cرضا حسین\u200cزاده در تاریخ " + persian_digits("1402/12/20") + " با سکته مغزی بستری شد. "
                "کد ملی " + persian_digits(c1) + ". همسرش مریم احمدی\u200cفر همراه است، تلفن "
                + persian_digits("0912 345 6789") + ". دکتر کامران رضایی\u200cپور ویزیت کرد."],
               ["PR-140377", persian_digits("1399/05/29"),
                "خانم زهرا نیک\u200cنام متولد " + persian_digits("1346/06/14") + " با ذات\u200cالریه پذیرش شد. "
                "پسرش بهرام نیک\u200cنام اطلاع داده شد."]])
    plant("national-id", persian_digits(c1))
    plant("event-date", persian_digits("1402/12/20"))
    plant("relative-name", "مریم احمدی\u200cفر", "احمدی\u200cفر", "بهرام")
    plant("clinician-name", "کامران رضایی\u200cپور", "رضایی\u200cپور")
    keep("ir", "بستری شد")


def israel():
    # Windows-1255 (what Excel in Israel saves as "CSV"), ',' and CRLF; the Teudat Zehut with its check digit
    d = os.path.join(HERE, "il")
    tz1, tz2 = luhn_complete("03812457"), luhn_complete("20594618")
    pts = [("IL-0098123", "בן-שטרית", "אביטל", tz1, "12.03.1958", "050-1234567", "כללית", "01"),
           ("IL-0098177", "רוזנצוויג", "יהונתן", tz2, "05.09.1967", "052-7654321", "מכבי", "02")]
    write_csv(os.path.join(d, "metuplim.csv"), ["מספר תיק", "שם משפחה", "שם פרטי", "ת.ז.", "תאריך לידה", "טלפון",
                                                  "קופת חולים", "קוד קופה"],
              [list(p) for p in pts], encoding="cp1255", newline="\r\n")
    plant("patient-name", "בן-שטרית", "אביטל", "רוזנצוויג", "יהונתן")
    for p in pts:
        plant("mrn", p[0])
        plant("national-id", p[3])
        plant("birth-date", p[4])
        plant("phone", p[5])
    keep("il", "כללית", "מכבי")
    write_csv(os.path.join(d, "ishpuz.csv"), ["מספר תיק", "מספר אשפוז", "תאריך קבלה", "תאריך שחרור", "ICD10", "אבחנה"],
              [["IL-0098123", "H23-44120", "12.03.2023", "20.03.2023", "I21.0", "אוטם שריר הלב"],
               ["IL-0098177", "H23-45877", "18.04.2023", "25.04.2023", "C16.9", "סרטן הקיבה"]],
              encoding="cp1255", newline="\r\n")
    plant("encounter-id", "H23-44120", "H23-45877")
    keep("il", "I21.0", "C16.9", "אוטם שריר הלב", "סרטן הקיבה")
    write_csv(os.path.join(d, "sikum.csv"), ["מספר תיק", "תאריך", "סיכום"],
              [["IL-0098123", "12.03.2023",
                "אביטל בן-שטרית, ת.ז. " + tz1 + ", הגיעה ב-12.03.2023 עם כאב בחזה. בעלה משה בן-שטרית ליווה אותה, "
                "טלפון 050-1234567. נבדקה על ידי ד\"ר גדעון פרלמוטר. אוטם שריר הלב."],
               ["IL-0098177", "25.04.2023",
                "יהונתן רוזנצוויג שוחרר ב-25.04.2023 במצב יציב. בתו נועה רוזנצוויג תלווה אותו."]],
              encoding="cp1255", newline="\r\n")
    plant("relative-name", "משה", "נועה")
    plant("clinician-name", "גדעון", "פרלמוטר")
    plant("event-date", "12.03.2023", "25.04.2023")
    keep("il", "במצב יציב")


# === opaque (decision 0138) ========================================================================================
# --- Exports whose headers say nothing: SAS PROC EXPORT files with 8-character variable names and date9. dates, a Power
#     Query export whose headers are Column1..ColumnN with the national numbers of eight countries in one column (each
#     with its check digits), a file without a header row (its first row is a patient), and an Indonesian hospital's
#     export under headers in Indonesian; codes, lab values, amounts, sex codes, visit numbers and an encounter UUID
#     (the join key of two Power Query tables) to keep
OPAQUE_GIVEN = ["CLEMENTINE", "DORIAN", "DAMIANA", "HADASSAH", "JANESSA", "ISADORA", "JASPER", "KATARINA",
                "MARINKO", "MAGDALENA", "NATHANIEL", "OCTAVIA", "BENIAMIN", "LISANNE", "SEVERIN", "THEODORA", "ULRICH",
                "VALENTINA", "WILHELM", "FLORIAN", "YOLANDA", "SEBASTIAN", "BRIGIDA", "COLETTA"]
OPAQUE_FAMILY = ["MARCHETTI", "ELLSWORTH", "MOREAU", "KESSLER", "QUINTERO", "RUTHERFORD", "SINCLAIR", "ZIMMERMANN",
                 "BOUCKAERT", "BROEKMAN", "BURGHOUTS", "COENRAADS", "DOLDERMAN", "ELBERTSEN", "GARDENIER", "HADFIELD",
                 "HASSELAAR", "HELLEMAN", "HOUTKOOP", "JAKUBIAK", "KERSTENS", "KOORNDIJK", "LAMBREGTSE", "GLISSENAAR"]
MONTHS_SAS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def nhs_number(nine):
    """An NHS number: nine digits and a modulus-11 check digit (weights 10..2; 11 gives 0, 10 is never issued)."""
    c = 11 - sum(int(x) * (10 - i) for i, x in enumerate(nine)) % 11
    assert c != 10
    s = nine + str(0 if c == 11 else c)
    return s[:3] + " " + s[3:6] + " " + s[6:]


def opaque_uuid(i):
    return "%08x-%04x-4%03x-a%03x-%012x" % (0x5e1c0000 + i * 7919, 0x1b2c + i, 0x3d4 + i * 3, 0x5e6 + i * 5,
                                            0x7f8091a2b3c4 + i * 104729)


def opaque_national(i):
    """The i-th patient's national number, of the country it returns (three patients per country)."""
    k = i % 3
    country = ["MX", "CL", "RU", "GR", "GB", "US", "IN", "BR"][i // 3]
    if country == "MX":
        return country, curp(["QUEC580312MDFNLL0", "EALF671105HJCLRR0", "FIGE790228MNLTVV0"][k])
    if country == "CL":
        body = ["12345678", "9876543", "15402337"][k]
        dotted = body[:-6] + "." + body[-6:-3] + "." + body[-3:]
        return country, dotted + "-" + rut(body)
    if country == "RU":
        return country, snils(["137246805", "204918366", "311570942"][k])
    if country == "GR":
        stem = ["1203580", "0511670", "2802790"][k] + ["415", "522", "638"][k]
        return country, stem + luhn_digit(stem)
    if country == "GB":
        return country, nhs_number(["943476591", "401023456", "450557710"][k])
    if country == "US":
        return country, ["512-44-3187", "538-21-9046", "547-90-1263"][k]
    if country == "IN":
        return country, aadhaar(["23456789012", "34827165093", "49106628374"][k])
    return country, cpf(["529982247", "111444777", "390533447"][k])


def opaque():
    d = os.path.join(HERE, "opaque")
    n = len(OPAQUE_GIVEN)
    dx = ["E11.9", "I10", "J45.909", "N18.3", "E78.5", "I25.10"]
    # 1. SAS PROC EXPORT: 8-character names, date9. dates, the ICD-10 code without its dot, a phone as 10 digits
    rows = []
    for i in range(n):
        ptid = str(1004501 + i * 37)
        name = OPAQUE_FAMILY[i] + ", " + OPAQUE_GIVEN[i]
        birth = "%02d%s%d" % (1 + (i * 7) % 28, MONTHS_SAS[(i * 5) % 12], 1931 + (i * 3) % 60)
        sex = str(1 + i % 2)
        zipcd = "%05d" % (30011 + i * 2719)
        phone = "%03d555%04d" % (201 + i * 31, 100 + i * 37)
        adm = "%02d%s2023" % (1 + (i * 11) % 28, MONTHS_SAS[i % 12])
        rows.append([ptid, name, birth, sex, zipcd, phone, dx[i % 6].replace(".", ""), dx[(i + 2) % 6].replace(".", ""),
                     "%.1f" % (5.2 + (i % 9) * 0.7), adm])
        plant("patient-id", ptid)
        plant("patient-name", OPAQUE_FAMILY[i], OPAQUE_GIVEN[i])
        plant("birth-date", birth)
        plant("address", zipcd)
        plant("phone", phone)
        plant("event-date", adm)
    write_csv(os.path.join(d, "PTDEMOG.csv"),
              ["PTIDNUM", "PTNM", "BRTHDT", "SEXCD", "ZIPCD", "PHNUM", "DX1", "DX2", "LABVAL", "ADMDT"], rows,
              newline="\r\n")
    keep("opaque", "E119", "I10", "J45909", "N183", "E785", "I2510", "5.2", "10.8")
    # its visits: the patient number joins; a visit number 1..3; the visit date as SAS writes a numeric date (days
    # since 1 January 1960) beside the same date in date9.
    rows = []
    for i in range(n):
        for v in range(1, 3):
            day = 23011 + i * 13 + v * 29  # 2023-01-01 is day 23011
            rows.append([str(1004501 + i * 37), str(v), "%s" % day, ["HBA1C", "GLUC", "CREAT"][(i + v) % 3],
                         "%.2f" % (4.1 + ((i * 3 + v) % 17) * 0.37)])
    write_csv(os.path.join(d, "PTVISIT.csv"), ["PTIDNUM", "VISITNUM", "VISDTN", "LBTESTCD", "LBORRES"], rows,
              newline="\r\n")
    keep("opaque", "HBA1C", "GLUC", "CREAT", "4.47", "9.65")
    # 2. Power Query: Column1..Column14, one patient's national number of whichever country in one column
    rows = []
    phones = {"MX": "+52 55 %04d %04d", "CL": "+56 9 %04d %04d", "RU": "+7 912 %03d-%02d-%02d",
              "GR": "+30 69%02d %03d %03d", "GB": "+44 7700 %03d%03d", "US": "+1 415 555 %04d",
              "IN": "+91 98%03d %05d", "BR": "+55 11 9%04d-%04d"}
    for i in range(n):
        country, national = opaque_national(i)
        given = OPAQUE_GIVEN[(i + 5) % n].capitalize()
        family = OPAQUE_FAMILY[(i + 11) % n].capitalize()
        fmt = phones[country]
        parts = fmt.count("%")
        vals = [(1234 + i * 7) % 10 ** 3, (5678 + i * 11) % 10 ** 2, (91 + i) % 100][:parts]
        if country in ("MX", "CL", "BR"):
            vals = [(1234 + i * 71) % 10000, (5678 + i * 113) % 10000]
        elif country == "GR":
            vals = [(12 + i) % 100, (345 + i * 7) % 1000, (678 + i * 3) % 1000]
        elif country == "GB":
            vals = [(900 + i) % 1000, (123 + i * 9) % 1000]
        elif country == "US":
            vals = [(134 + i * 17) % 10000]
        elif country == "IN":
            vals = [(450 + i) % 1000, (12345 + i * 101) % 100000]
        phone = fmt % tuple(vals)
        email = "%s.%s%d@example.org" % (given.lower(), family.lower(), 10 + i)
        birth = "%d/%d/%d" % (1 + (i * 5) % 12, 1 + (i * 11) % 28, 1940 + (i * 7) % 55)
        rows.append([opaque_uuid(i), str(1 + i % 3), given + " " + family, birth, "FM"[i % 2], country, national,
                     phone, email, dx[(i + 1) % 6], ["4548-4", "2345-7", "2160-0", "718-7"][i % 4],
                     "%.1f" % (6.1 + (i % 7) * 0.9), "%d.%02d" % (1200 + i * 173, (i * 37) % 100),
                     "2023-%02d-%02d" % (1 + i % 12, 1 + (i * 3) % 28)])
        plant("patient-name", given, family)
        plant("national-id", national)
        plant("phone", phone)
        plant("email", email)
        plant("birth-date", birth)
    write_csv(os.path.join(d, "Query1.csv"), ["Column%d" % c for c in range(1, 15)], rows, newline="\r\n")
    keep("opaque", "4548-4", "2345-7", "2160-0", "718-7", "E78.5", "I25.10", "J45.909", "1200.00", "1373.37", "MX",
         "GB", "6.1", "11.5")
    rows = []
    for i in range(n):
        rows.append([opaque_uuid(i), ["4548-4", "2345-7"][i % 2], "%.1f" % (5.5 + (i % 5) * 0.8),
                     ["%", "mg/dL"][i % 2]])
    write_csv(os.path.join(d, "Query2.csv"), ["Column1", "Column2", "Column3", "Column4"], rows, newline="\r\n")
    keep("opaque", "mg/dL", "7.1", "8.7")
    # 3. No header row: the first line is the first patient (an export "without column names")
    rows = []
    for i in range(6):
        rows.append(["H%06d" % (800121 + i * 97), OPAQUE_GIVEN[(i + 3) % n].capitalize() + " "
                     + OPAQUE_FAMILY[(i + 7) % n].capitalize(), "19%02d-%02d-%02d" % (40 + i * 6, 1 + i, 3 + i * 4),
                     "+1 617 555 %04d" % (210 + i * 43), dx[i % 6]])
        plant("patient-id", rows[-1][0])
        plant("patient-name", OPAQUE_GIVEN[(i + 3) % n].capitalize(), OPAQUE_FAMILY[(i + 7) % n].capitalize())
        plant("birth-date", rows[-1][2])
        plant("phone", rows[-1][3])
    write_csv(os.path.join(d, "noheader.csv"), rows[0], rows[1:], newline="\n")
    # 4. An Indonesian hospital's export: headers in Indonesian, dd-MM-yyyy, amounts in rupiah with dots
    names = [("Dewi", "Lestari"), ("Margaretha", "Kurniawan"), ("Andreas", "Wijaya"), ("Christina", "Santoso"),
             ("Siti", "Rahayu"), ("Antonius", "Hartono"), ("Sari", "Wahyuni"), ("Yohanes", "Setiawan"),
             ("Fransiska", "Gunawan"), ("Budi", "Susanto"), ("Ratna", "Kusuma"), ("Agus", "Hidayat"),
             ("Indah", "Permata"), ("Theresia", "Halim"), ("Kevin", "Tanoto"), ("Lukas", "Sitompul"),
             ("Monika", "Siregar"), ("Paulus", "Manurung"), ("Veronika", "Nainggolan"), ("Stefanus", "Simanjuntak"),
             ("Elisabeth", "Pardede"), ("Yosef", "Sinaga"), ("Katarina", "Lubis"), ("Robert", "Tambunan")]
    streets = ["Jl. Merdeka", "Jl. Sudirman", "Jl. Diponegoro", "Jl. Gatot Subroto", "Jl. Pemuda", "Jl. Ahmad Yani"]
    rows = []
    for i, (g, f) in enumerate(names):
        female = i % 2 == 0
        dd, mm, yy = 1 + (i * 7) % 28, 1 + (i * 5) % 12, 1935 + (i * 3) % 60
        nik = "317401%02d%02d%02d%04d" % (dd + (40 if female else 0), mm, yy % 100, 1 + i * 13)
        rows.append(["%06d" % (204511 + i * 61), g + " " + f, "%02d-%02d-%d" % (dd, mm, yy), "P" if female else "L",
                     "%s No. %d, Jakarta" % (streets[i % 6], 3 + i * 4), "0812-%04d-%04d" % (3456 + i * 7, 7890 + i * 11),
                     nik, dx[(i + 3) % 6], "%d.%03d.000" % (1 + i % 9, (250 + i * 125) % 1000)])
        plant("mrn", rows[-1][0])
        plant("patient-name", g, f)
        plant("birth-date", rows[-1][2])
        plant("address", rows[-1][4])
        plant("phone", rows[-1][5])
        plant("national-id", nik)
    write_csv(os.path.join(d, "pasien_rawat_inap.csv"),
              ["No. RM", "Nama Pasien", "Tgl Lahir", "Jenis Kelamin", "Alamat", "No. HP", "NIK", "Kode Diagnosa",
               "Biaya (Rp)"], rows, newline="\r\n")
    keep("opaque", "1.250.000", "2.375.000", "E11.9", "N18.3")


# === ages (decision 0142) ==========================================================================================
# --- Ages over 89 and the dates that tell one, everywhere they hide: a SAS data set exported without date formats
#     (days since 1960-01-01 under SAS names: BRTHDT, RFSTDTN, VISDTN) beside integer amounts that are no dates; a
#     birth date under a header no profile knows (Column2); notes in the corpus' languages ("92 años", "lat 93",
#     "95歳"); FHIR age observations (LOINC 30525-0, 21612-7) and a birth date 90 years back. Each planted value is
#     spaced from the others by more than two years of days, so no shifted number can come out as another's value ---
def ages():
    d = os.path.join(HERE, "ages")
    # 1. SAS: birth dates 1925..1986 and visit dates 1990..2021 as day numbers, far apart
    # -10400 is 1931-07-12; -5230 is 1945-09-06. A birth day number read without its sign is more than a year of days
    # from every visit's (the largest date shift), or a visit shifted onto 12610 came out as -12610's digits and
    # failed the verifier once in about 730 runs (2026-12-04)
    births = [-10400, -10150, -7690, -2770, 3390, 7070, 9530, -5230]
    rows = []
    for i, b in enumerate(births):
        start = 10960 + i * 1540  # from 1990-01-03, every 1540 days, the visit 770 days after the start
        rows.append(["SITE01-%04d" % (1017 + i * 23), str(b), str(start), str(start + 770),
                     str(12345 + i * 2750), "%d.%02d" % (4 + i % 3, (i * 29) % 100), str(1 + i % 3), ["Y", "N"][i % 2]])
        plant("patient-id", rows[-1][0])
        plant("birth-date", str(b))
        plant("event-date", str(start), str(start + 770))
    write_csv(os.path.join(d, "ADSL.csv"),
              ["USUBJID", "BRTHDT", "RFSTDTN", "VISDTN", "DOSECUM", "LBSTRESN", "VISITNUM", "SAFFL"], rows,
              newline="\r\n")
    keep("ages", "12345", "15095", "17845", "31595", "4.00", "5.29", "6.58", "SAFFL")
    # 2. A birth date under a header no profile knows: two of six 90 or more years back
    born = ["1929-03-05", "1961-07-11", "1933-11-23", "1975-02-14", "1984-09-30", "1958-01-02"]
    rows = []
    for i, b in enumerate(born):
        rows.append(["Q%05d" % (40017 + i * 311), b, "%.1f" % (5.1 + i * 0.4), ["E11.9", "I10", "N18.3"][i % 3]])
        plant("birth-date", b)
    plant("birth-year-over-89", "1929", "1933")  # the year a shift may leave, telling an age over 89
    write_csv(os.path.join(d, "Export1.csv"), ["Column1", "Column2", "Column3", "Column4"], rows, newline="\r\n")
    keep("ages", "5.1", "7.1", "E11.9", "N18.3")
    # 3. Notes: an age over 89 with its words in each language; numbers without them stay
    notes = [
        ("Paciente de 92 años, caída en domicilio.", "92 años"),
        ("Paciente de 93 anos, queda da própria altura.", "93 anos"),
        ("Paziente di 94 anni, caduta accidentale; ipertensa da 30 anni.", "94 anni"),
        ("Una 96enne vive sola.", "96enne"),
        ("Pacjentka lat 97, upadek w domu.", "lat 97"),
        ("Pacjent 98 lat, 98-letni mężczyzna.", "98 lat"),
        ("Пациентка 91 год, падение дома.", "91 год"),
        ("Ασθενής 99 ετών, πτώση.", "99 ετών"),
        ("Hasta 101 yaşında, düşme.", "101 yaşında"),
        ("患者は95歳の女性。", "95歳"),
        ("102세 여자 환자, 낙상.", "102세"),
        ("ผู้ป่วยอายุ 103 ปี หกล้ม", "อายุ 103"),
        ("Edad: 104. Vive con su hija.", "Edad: 104"),
        # English as US notes write it (decision 0153)
        ("92 y.o. male found on the floor.", "92 y.o."),
        ("She is ninety-three years old and lives alone.", "ninety-three"),
    ]
    rows = []
    for i, (text, age) in enumerate(notes):
        rows.append(["N%03d" % (i + 1), text + " Hb 92 g/L, creatinina 96 µmol/L, 93 mg."])
        plant("age-over-89", age)
    rows.append(["N%03d" % (len(notes) + 1), "Paziente di 67 anni; operata 91 anni fa? No: 19 anni fa. Edad 45."])
    rows.append(["N%03d" % (len(notes) + 2), "Born in 1927, widowed; 45 y.o. son visits."])
    plant("birth-year-over-89", "1927")
    keep("ages", "45 y.o.")
    write_csv(os.path.join(d, "notes.csv"), ["note_id", "note_text"], rows)
    keep("ages", "Hb 92 g/L", "96 µmol/L", "93 mg", "67 anni", "19 anni fa", "Edad 45", "ipertensa da 30 anni")
    # 4. FHIR: the age as an observation's quantity in years, and a birth date 90 years back
    pid = "ages-pt-1"
    ndjson(os.path.join(d, "fhir.ndjson"), [
        {"resourceType": "Patient", "id": pid, "birthDate": "1928-04-17", "gender": "female"},
        {"resourceType": "Observation", "id": "ages-obs-1", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "30525-0", "display": "Age"}]},
         "subject": {"reference": "Patient/" + pid},
         "valueQuantity": {"value": 97, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a"}},
        {"resourceType": "Observation", "id": "ages-obs-2", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "21612-7", "display": "Age - Reported"}]},
         "subject": {"reference": "Patient/" + pid},
         "valueQuantity": {"value": 96, "unit": "yr", "system": "http://unitsofmeasure.org", "code": "a"}},
        {"resourceType": "Observation", "id": "ages-obs-3", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin"}]},
         "subject": {"reference": "Patient/" + pid},
         "valueQuantity": {"value": 94, "unit": "g/L", "system": "http://unitsofmeasure.org", "code": "g/L"}}])
    plant("birth-date", "1928-04-17")
    # Planted again (decision 0146): the rules age-observation-over-89 and age-observation-in-years, evaluated on the
    # token path's own tree, top them at 90 years (decision 0142's addendum had taken its FHIRPath rule out).
    plant("age-over-89", '"value":97', '"value":96')
    keep("ages", '"value":94,"unit":"g/L"', "30525-0", "21612-7", "718-7")
    # 5. FHIR: a JSON Bundle (compact, as a server's search returns it) of ages over 89 in months, weeks and days, under
    # "Age (estimated)", "Age at death", "Age calculated" and as a panel's component with a German unit text; beside an
    # age of exactly 89 years in months (1068 mo), an age of 85 years and a body weight of 95 kg, which stay.
    pid = "ages-pt-2"
    ref = {"reference": "Patient/" + pid}
    loinc = "http://loinc.org"
    ucum = "http://unitsofmeasure.org"

    def age_obs(i, code, display, quantity):
        return {"resourceType": "Observation", "id": "ages-obs-b%d" % i, "status": "final",
                "code": {"coding": [{"system": loinc, "code": code, "display": display}]}, "subject": ref,
                "effectiveDateTime": "2024-03-0%d" % i, "valueQuantity": quantity}
    resources = [
        {"resourceType": "Patient", "id": pid, "birthDate": "1931-06-09", "gender": "male"},
        age_obs(1, "30525-0", "Age", {"value": 1122, "unit": "mo", "system": ucum, "code": "mo"}),
        age_obs(2, "21611-9", "Age (estimated)", {"value": 4800, "unit": "wk", "system": ucum, "code": "wk"}),
        age_obs(3, "39016-1", "Age at death", {"value": 33900, "unit": "d", "system": ucum, "code": "d"}),
        {"resourceType": "Observation", "id": "ages-obs-b4", "status": "final",
         "code": {"coding": [{"system": loinc, "code": "76690-7", "display": "Sociodemographic panel"}]}, "subject": ref,
         "component": [
             {"code": {"coding": [{"system": loinc, "code": "29553-5", "display": "Age calculated"}]},
              "valueQuantity": {"value": 98, "unit": "Jahre"}},
             {"code": {"coding": [{"system": loinc, "code": "29463-7", "display": "Body weight"}]},
              "valueQuantity": {"value": 95, "unit": "kg", "system": ucum, "code": "kg"}}]},
        age_obs(5, "30525-0", "Age", {"value": 1068, "unit": "mo", "system": ucum, "code": "mo"}),
        age_obs(6, "21612-7", "Age - Reported", {"value": 85, "unit": "a", "system": ucum, "code": "a"}),
    ]
    with open(os.path.join(d, "fhir-bundle.json"), "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps({"resourceType": "Bundle", "type": "searchset", "entry": [
            {"fullUrl": "http://fhir.example.org/r4/%s/%s" % (r["resourceType"], r["id"]), "resource": r}
            for r in resources]}, ensure_ascii=False, separators=(",", ":")))
    plant("birth-date", "1931-06-09")
    plant("age-over-89", '"value":1122', '"value":4800', '"value":33900', '"value":98')
    keep("ages", '"value":1068,"unit":"mo"', '"value":85,"unit":"a"', '"value":95,"unit":"kg"', "21611-9", "39016-1",
         "29553-5")


# === de, de-fhir (decision 0150) ===================================================================================
def kvnr(letter, eight):
    """A Krankenversicherten-ID (KVNR, 10 characters): the letter as two digits (A=01 .. Z=26), then the eight digits,
    weighted 1, 2, 1, 2, ..., each product's cross sum added; the sum modulo 10 is the check digit."""
    s = "%02d" % (ord(letter) - ord("A") + 1) + eight
    total = 0
    for i, c in enumerate(s):
        p = int(c) * (1 if i % 2 == 0 else 2)
        total += p // 10 + p % 10
    return letter + eight + str(total % 10)


def germany():
    """A German hospital's Paragraph 21 KHEntgG data set (InEK: FALL, ICD, OPS, FAB, ENTGELTE), a KIS patient list and
    discharge letters: ';', Windows-1252, CRLF."""
    d = os.path.join(HERE, "de")
    ik = "260100023"
    site = "771234000"

    def w(name, header, rows):
        write_csv(os.path.join(d, name), header, rows, delimiter=";", encoding="cp1252", newline="\r\n")
    pts = [  # Patientennummer, Name, Vorname, Geburtsname, Titel, Geburtsdatum, Geschlecht, Strasse, PLZ, Ort, Telefon,
        # Krankenkasse, IK der Kasse, KVNR
        ("100234567", "Kübler-Schmitz", "Hannelore", "Schmitz", "", "03.04.1941", "w", "Lindenstraße 7", "01067",
         "Dresden", "0351 458-2231", "AOK PLUS", "107299005", kvnr("K", "41803429")),
        ("100234588", "von Hohenstein", "Friedrich-Wilhelm", "", "Dr. med.", "17.11.1958", "m", "Hauptstraße 12a",
         "69117", "Heidelberg", "+49 171 2345678", "Techniker Krankenkasse", "101575519", kvnr("T", "58111702")),
        ("100234601", "Großkreutz", "Erna", "Weißgerber", "", "22.08.1930", "w", "Am Mühlbach 3", "83022",
         "Rosenheim", "08031 93827", "BARMER", "104940005", kvnr("R", "30822619")),
    ]
    w("patienten.csv", ["Patientennummer", "Name", "Vorname", "Geburtsname", "Titel", "Geburtsdatum", "Geschlecht",
                        "Straße", "PLZ", "Ort", "Telefon", "Krankenkasse", "Versichertennummer"],
      [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11], p[13]] for p in pts])
    for p in pts:
        plant("patient-id", p[0])
        plant("patient-name", p[1], p[2])
        plant("birth-date", p[5])
        plant("address", p[7])
        plant("phone", p[10])
        plant("national-id", p[13])
    plant("maiden-name", "Weißgerber")
    plant("patient-name", "Hohenstein", "Kübler", "Schmitz")
    keep("de", "AOK PLUS", "Techniker Krankenkasse", "BARMER")
    cases = [("2023004711", pts[0], "1941", "202303120814", "E", "0101", "202303211030", "019", "81"),
             ("2023004712", pts[1], "1958", "202304030745", "E", "0101", "202304111200", "019", "64"),
             ("2023004713", pts[2], "1930", "202305062255", "N", "0107", "202305150900", "079", "92")]
    w("FALL.csv", ["IK", "Entlassender-Standort", "Entgeltbereich", "KH-internes-Kennzeichen", "Versicherten-ID",
                   "Vertragskennzeichen-64b-Modellvorhaben", "IK-der-Krankenkasse", "Geburtsjahr", "Geschlecht", "PLZ",
                   "Wohnort", "Aufnahmedatum", "Aufnahmeanlass", "Aufnahmegrund", "Fallzusammenführung",
                   "Fallzusammenführungsgrund", "Aufnahmegewicht", "Entlassungsdatum", "Entlassungsgrund",
                   "Alter-in-Tagen-am-Aufnahmetag", "Alter-in-Jahren-am-Aufnahmetag", "Patientennummer",
                   "Beatmungsstunden"],
      [[ik, site, "DRG", c[0], c[1][13], "", c[1][12], c[2], c[1][6], c[1][8], c[1][9], c[3], c[4], c[5], "N", "",
        "", c[6], c[7], "", c[8], c[1][0], "0"] for c in cases])
    for c in cases:
        plant("encounter-id", c[0])
        plant("event-date", c[3], c[6])
    plant("birth-year-over-89", "1930")
    keep("de", "260100023", "771234000")
    w("ICD.csv", ["IK", "Entlassender-Standort", "Entgeltbereich", "KH-internes-Kennzeichen", "Diagnoseart",
                  "ICD-Version", "ICD-Kode", "Lokalisation", "Diagnosensicherheit", "Sekundär-Kode",
                  "Sekundär-Lokalisation", "Sekundär-Diagnosensicherheit", "Fachabteilung"],
      [[ik, site, "DRG", "2023004711", "HD", "2023", "I21.4", "", "", "", "", "", "HA0300"],
       [ik, site, "DRG", "2023004711", "ND", "2023", "E11.30", "", "", "H36.0", "B", "", "HA0300"],
       [ik, site, "DRG", "2023004712", "HD", "2023", "M16.1", "R", "", "", "", "", "HA1600"],
       [ik, site, "DRG", "2023004712", "ND", "2023", "C50.4", "L", "V", "", "", "", "HA1600"],
       [ik, site, "DRG", "2023004713", "HD", "2023", "S72.01", "L", "", "", "", "", "HA1500"],
       [ik, site, "DRG", "2023004713", "ND", "2023", "U07.1", "", "", "", "", "", "HA1500"]])
    keep("de", "I21.4", "E11.30", "H36.0", "M16.1", "C50.4", "S72.01", "U07.1", "HA0300", "HA1600")
    w("OPS.csv", ["IK", "Entlassender-Standort", "Entgeltbereich", "KH-internes-Kennzeichen", "OPS-Version",
                  "OPS-Kode", "Lokalisation", "OPS-Datum", "Belegoperateur", "Beleganästhesist", "Beleghebamme"],
      [[ik, site, "DRG", "2023004711", "2023", "8-837.00", "", "202303121015", "", "", ""],
       [ik, site, "DRG", "2023004712", "2023", "5-820.00", "R", "202304040830", "", "", ""],
       [ik, site, "DRG", "2023004713", "2023", "5-790.5f", "L", "202305071140", "", "", ""]])
    plant("event-date", "202303121015", "202304040830")
    keep("de", "8-837.00", "5-820.00", "5-790.5f")
    w("FAB.csv", ["IK", "Entlassender-Standort", "Entgeltbereich", "KH-internes-Kennzeichen",
                  "Standortnummer-Behandlungsort", "Fachabteilung", "FAB-Aufnahmedatum", "FAB-Entlassungsdatum",
                  "Kennung-Intensivbett"],
      [[ik, site, "DRG", "2023004711", site, "HA0300", "202303120814", "202303211030", "N"],
       [ik, site, "DRG", "2023004712", site, "HA1600", "202304030745", "202304111200", "N"],
       [ik, site, "DRG", "2023004713", site, "HA3600", "202305062255", "202305071000", "J"],
       [ik, site, "DRG", "2023004713", site, "HA1500", "202305071000", "202305150900", "N"]])
    w("ENTGELTE.csv", ["IK", "Entlassender-Standort", "Entgeltbereich", "KH-internes-Kennzeichen", "IK-Krankenkasse",
                       "Entgeltart", "Entgeltbetrag", "Abrechnung-von", "Abrechnung-bis", "Entgeltanzahl",
                       "Tage-ohne-Berechnung/Behandlung"],
      [[ik, site, "DRG", "2023004711", "107299005", "F24B", "5123,87", "202303120814", "202303211030", "1", "0"],
       [ik, site, "DRG", "2023004712", "101575519", "I47B", "7845,12", "202304030745", "202304111200", "1", "0"],
       [ik, site, "DRG", "2023004712", "101575519", "ZE130.01", "312,40", "202304030745", "202304111200", "1", "0"],
       [ik, site, "DRG", "2023004713", "104940005", "I08E", "6290,05", "202305062255", "202305150900", "1", "0"]])
    keep("de", "F24B", "I47B", "I08E", "ZE130.01", "5123,87", "7845,12", "312,40", "6290,05")
    letters = [
        ["2023004711", "100234567", "21.03.2023", "Prof. Dr. med. habil. Ottfried Brenneisen",
         "Sehr geehrte Frau Kollegin Dr. Wunderlich,\r\nwir berichten über Ihre Patientin Frau Hannelore "
         "Kübler-Schmitz, geb. 03.04.1941, wohnhaft Lindenstraße 7, 01067 Dresden, die sich vom 12.03.2023 bis "
         "21.03.2023 in unserer stationären Behandlung befand.\r\nDiagnosen: NSTEMI (I21.4), Diabetes mellitus Typ 2 "
         "mit Retinopathie (E11.30, H36.0).\r\nAufnahme am 12.03.2023 über die Notaufnahme; Koronarangiographie am "
         "3. März 2023 geplant, durchgeführt am 12. März 2023 (8-837.00), Troponin T 412 ng/l. Der Ehemann Herr "
         "Kübler und die Tochter Sabine wurden informiert (Tel. 0351/4582231). Frau KÜBLER-SCHMITZ (in der Akte "
         "auch Kuebler-Schmitz) wird in die Obhut der Tochter entlassen.\r\nMit freundlichen kollegialen Grüßen\r\n"
         "Prof. Dr. med. habil. Ottfried Brenneisen, Chefarzt\r\ni.A. Schwester Gudrun"],
        ["2023004712", "100234588", "11.04.2023", "Dr. med. Isolde Rautenberg",
         "Sehr geehrter Herr Kollege Dr. Pfannkuch,\r\nwir berichten über Herrn Dr. med. Friedrich-Wilhelm von "
         "Hohenstein, geb. 17.11.1958, Hauptstraße 12a, 69117 Heidelberg, mobil +49 171 2345678. Implantation einer "
         "Hüft-TEP rechts (5-820.00) am 4. April 2023 bei Coxarthrose (M16.1). Seine Ehefrau Gisela von Hohenstein "
         "holt ihn ab. Herr v. Hohenstein wurde über das Mammakarzinom-Screening (C50.4 V) aufgeklärt. Vorbefund vom "
         "14.06.21 (Sonographie).\r\n"
         "Dr. med. Isolde Rautenberg, Oberärztin"],
        ["2023004713", "100234601", "15.05.2023", "Dr. med. Konstantin Oberhuber",
         "Sehr geehrte Damen und Herren,\r\nwir berichten über die 92-jährige Patientin Frau Erna Großkreutz "
         "(geb. Weißgerber, Grosskreutz in der Hausarztakte), geb. 22.08.1930, Am Mühlbach 3, 83022 Rosenheim, "
         "Versichertennummer " + pts[2][13] + ". Sturz am 6. Mai 2023, Schenkelhalsfraktur links (S72.01), "
         "Osteosynthese (5-790.5f). Wiedervorstellung am 29.05.23. Der Sohn Reinhold Großkreutz ist unter 08031 93827 "
         "erreichbar.\r\n"
         "Dr. med. Konstantin Oberhuber"],
    ]
    w("arztbriefe.csv", ["Fallnummer", "Patientennummer", "Briefdatum", "Verfasser", "Brieftext"], letters)
    plant("clinician-name", "Wunderlich", "Ottfried", "Brenneisen", "Gudrun", "Rautenberg", "Isolde", "Pfannkuch",
          "Konstantin", "Oberhuber")
    plant("relative-name", "Sabine", "Gisela", "Reinhold")
    plant("event-date", "14.06.21", "29.05.23")  # a letter's dd.MM.yy (decision 0153)
    plant("patient-name", "KÜBLER-SCHMITZ", "Kuebler-Schmitz", "Kuebler", "Grosskreutz")
    plant("phone", "0351/4582231")
    plant("address", "01067 Dresden", "69117 Heidelberg", "83022 Rosenheim")
    plant("event-date", "12.03.2023", "12. März 2023", "3. März 2023", "4. April 2023", "6. Mai 2023")
    plant("age-over-89", "92-jährige")
    keep("de", "Troponin T 412 ng/l", "Coxarthrose", "Schenkelhalsfraktur links", "NSTEMI")


def germany_fhir():
    """FHIR R4 NDJSON as the Medizininformatik-Initiative's core data set (KDS) profiles write it."""
    d = os.path.join(HERE, "de-fhir")
    hosp = "https://fhir.uk-beispiel.de/sid/patienten-id"
    pid = "mii-pat-1"
    ref = {"reference": "Patient/" + pid}
    kv = kvnr("W", "58111700")
    patient = {
        "resourceType": "Patient", "id": pid,
        "meta": {"profile": ["https://www.medizininformatik-initiative.de/fhir/core/modul-person/"
                             "StructureDefinition/Patient"]},
        "identifier": [
            {"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                  "code": "MR"}]},
             "system": hosp, "value": "PID-0004711",
             "assigner": {"identifier": {"system": "http://fhir.de/sid/arge-ik/iknr", "value": "260100023"}}},
            {"use": "official", "type": {"coding": [{"system": "http://fhir.de/CodeSystem/identifier-type-de-basis",
                                                     "code": "KVZ10"}]},
             "system": "http://fhir.de/sid/gkv/kvid-10", "value": kv,
             "assigner": {"identifier": {"system": "http://fhir.de/sid/arge-ik/iknr", "value": "101575519"}}}],
        "name": [
            {"use": "official", "family": "von Hohenstein",
             "_family": {"extension": [
                 {"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-prefix", "valueString": "von"},
                 {"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-name", "valueString": "Hohenstein"}]},
             "given": ["Friedrich-Wilhelm", "Anselm"], "prefix": ["Dr. med."],
             "_prefix": [{"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier",
                                         "valueCode": "AC"}]}]},
            {"use": "maiden", "family": "Lichtenfels",
             "_family": {"extension": [{"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-name",
                                        "valueString": "Lichtenfels"}]}}],
        "telecom": [{"system": "phone", "value": "+49 6221 567890", "use": "home"}],
        "gender": "male", "birthDate": "1958-11-17",
        "address": [{"type": "both", "line": ["Hauptstraße 12a"],
                     "_line": [{"extension": [
                         {"url": "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetName",
                          "valueString": "Hauptstraße"},
                         {"url": "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber",
                          "valueString": "12a"}]}],
                     "city": "Heidelberg", "postalCode": "69117", "country": "DE",
                     "extension": [{"url": "http://fhir.de/StructureDefinition/destatis/ags",
                                    "valueCoding": {"system": "http://fhir.de/sid/destatis/ags", "code": "08221000"}}]}],
    }
    plant("patient-name", "Friedrich-Wilhelm", "Anselm", "Hohenstein", "von Hohenstein")
    plant("maiden-name", "Lichtenfels")
    plant("patient-id", "PID-0004711")
    plant("national-id", kv)
    plant("phone", "+49 6221 567890")
    plant("birth-date", "1958-11-17")
    plant("address", "Hauptstraße 12a", "08221000")
    enc = {"resourceType": "Encounter", "id": "mii-enc-1", "status": "finished",
           "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                "code": "VN"}]},
                           "system": "https://fhir.uk-beispiel.de/sid/aufnahmenummer", "value": "AN-23-0815472"}],
           "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
           "subject": ref, "period": {"start": "2023-04-03T07:45:00+02:00", "end": "2023-04-11T12:00:00+02:00"},
           "serviceProvider": {"identifier": {"system": "http://fhir.de/sid/arge-ik/iknr", "value": "260100023"}}}
    plant("encounter-id", "AN-23-0815472")
    plant("event-date", "2023-04-03T07:45:00+02:00")
    eref = {"reference": "Encounter/mii-enc-1"}
    cond = {"resourceType": "Condition", "id": "mii-cond-1",
            "meta": {"profile": ["https://www.medizininformatik-initiative.de/fhir/core/modul-diagnose/"
                                 "StructureDefinition/Diagnose"]},
            "code": {"coding": [{"system": "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "version": "2023",
                                 "code": "M16.1", "display": "Sonstige primäre Koxarthrose",
                                 "extension": [{"url": "http://fhir.de/StructureDefinition/seitenlokalisation",
                                                "valueCoding": {"system": "http://fhir.de/CodeSystem/"
                                                                "dimdi/seitenlokalisation", "code": "R"}}]}]},
            "bodySite": [{"coding": [{"system": "http://snomed.info/sct", "code": "24136001"}]}],
            "subject": ref, "encounter": eref, "recordedDate": "2023-04-03T09:12:00+02:00"}
    proc = {"resourceType": "Procedure", "id": "mii-proc-1", "status": "completed",
            "code": {"coding": [{"system": "http://fhir.de/CodeSystem/bfarm/ops", "version": "2023",
                                 "code": "5-820.00", "display": "Implantation einer Endoprothese am Hüftgelenk"}]},
            "subject": ref, "encounter": eref, "performedDateTime": "2023-04-04T08:30:00+02:00",
            "note": [{"text": "Operateur Dr. med. Isolde Rautenberg, Assistenz Dr. Pfannkuch"}]}
    obs = {"resourceType": "Observation", "id": "mii-obs-1", "status": "final",
           "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                     "code": "laboratory"}]}],
           "code": {"coding": [{"system": "http://loinc.org", "code": "718-7", "display": "Hemoglobin"}],
                    "text": "Hämoglobin"},
           "subject": ref, "encounter": eref, "effectiveDateTime": "2023-04-05T06:30:00+02:00",
           "valueQuantity": {"value": 10.4, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL"}}
    letter = ("Sehr geehrter Herr Kollege Dr. Pfannkuch,\nwir berichten über Herrn Dr. med. Friedrich-Wilhelm von "
              "Hohenstein, geb. 17.11.1958, wohnhaft Hauptstraße 12a, 69117 Heidelberg, Tel. 06221/567890. "
              "Hüft-TEP rechts am 4. April 2023. Hb 10,4 g/dl. Seine Ehefrau Gisela holt ihn ab.\n"
              "Dr. med. Isolde Rautenberg, Oberärztin")
    doc = {"resourceType": "DocumentReference", "id": "mii-doc-1", "status": "current",
           "type": {"coding": [{"system": "http://loinc.org", "code": "18842-5", "display": "Discharge summary"}]},
           "subject": ref, "date": "2023-04-11T12:00:00+02:00",
           "author": [{"display": "Dr. med. Isolde Rautenberg"}],
           "content": [{"attachment": {"contentType": "text/plain; charset=utf-8", "language": "de",
                                       "data": base64.b64encode(letter.encode("utf-8")).decode("ascii")}}],
           "context": {"encounter": [eref]}}
    med = {"resourceType": "MedicationStatement", "id": "mii-med-1", "status": "active",
           "medicationCodeableConcept": {"coding": [{"system": "http://fhir.de/CodeSystem/ifa/pzn",
                                                     "code": "01126111", "display": "ASS 100 TAH"}]},
           "subject": ref, "context": eref, "effectivePeriod": {"start": "2023-04-03"},
           "dosage": [{"text": "1-0-0"}]}
    for name, res in (("Patient", patient), ("Encounter", enc), ("Condition", cond), ("Procedure", proc),
                      ("Observation", obs), ("DocumentReference", doc), ("MedicationStatement", med)):
        ndjson(os.path.join(d, name + ".ndjson"), [res])
    plant("clinician-name", "Rautenberg", "Pfannkuch")
    plant("relative-name", "Gisela")
    plant("phone", "06221/567890")
    plant("address", "69117 Heidelberg")
    plant("event-date", "4. April 2023")
    keep("de-fhir", "M16.1", "5-820.00", "01126111", "718-7", "http://fhir.de/CodeSystem/bfarm/icd-10-gm",
         "http://fhir.de/CodeSystem/bfarm/ops", "http://fhir.de/CodeSystem/ifa/pzn", '"value":10.4', "1-0-0",
         "Hb 10,4 g/dl", "260100023", "http://fhir.de/CodeSystem/dimdi/seitenlokalisation")


# === word (decision 0168) ==========================================================================================
# --- Notes as word processors write them: an EHR extract (UPPERCASE headers, UUID patient keys) whose note text is
#     Word's RTF (a revision table, an information group with the author, runs split inside words where the editing
#     session changed, Word's _GoBack bookmark where the writer last typed, optional hyphens, \'hh letters, \rquote),
#     a letters table of Word's HTML ("MsoNormal" paragraphs, spans per language and spelling mark, <o:p>, a bold
#     first letter, an <a name=_GoBack> inside a word), and FHIR NDJSON with the same notes as text/rtf and text/html
#     attachments and a narrative that splits a name with inline elements ---
def rtf_doc(author, created, body, operator=None):
    """A Word-like RTF document: font and colour tables, revision table, information group, then the body."""
    y, m, d = created
    operator = operator or author
    return ("{\\rtf1\\adeflang1025\\ansi\\ansicpg1252\\uc1\\adeff0\\deff0\\stshfdbch0\\stshfloch37\\stshfhich37"
            "\\deflang1033\\deflangfe1033{\\fonttbl{\\f0\\fbidi \\froman\\fcharset0\\fprq2{\\*\\panose "
            "02020603050405020304}Times New Roman;}{\\f37\\fbidi \\fswiss\\fcharset0\\fprq2 Calibri;}}\r\n"
            "{\\colortbl;\\red0\\green0\\blue0;\\red255\\green0\\blue0;}\r\n"
            "{\\*\\rsidtbl \\rsid1\\rsid4482\\rsid9910\\rsid12213}"
            + "{\\info{\\author " + author + "}{\\operator " + operator + "}{\\creatim\\yr%d\\mo%d\\dy%d\\hr9\\min12}"
            "{\\revtim\\yr%d\\mo%d\\dy%d\\hr10\\min40}{\\version2}{\\edmins14}}\r\n" % (y, m, d, y, m, d)
            + "\\widowctrl\\ftnbj\\aenddoc\\pard\\plain \\ltrpar\\ql \\li0\\ri0\\sa160\\sl259\\slmult1\\f37\\fs22"
            "\\lang1033\\langfe1033\\insrsid1 " + body + "\\par }")


def run(rsid, text):
    """One of Word's runs: a group with its revision mark, the text as written."""
    return "{\\rtlch\\fcs1 \\af0 \\ltrch\\fcs0 \\insrsid" + str(rsid) + " " + text + "}"


def wound_photo():
    """A phone's photograph (a small JPEG by Pillow) with EXIF: who took it, the phone, when, what (decision 0171)."""
    import io
    from PIL import Image
    img = Image.new("RGB", (32, 24))
    px = img.load()
    for y in range(24):
        for x in range(32):
            px[x, y] = ((x * 8) % 256, (y * 10) % 256, ((x + y) * 4) % 256)
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[0x0110] = "iPhone 14"
    exif[0x013B] = "Hyacinth Wetherall"  # Artist: the daughter's phone
    exif[0x0132] = "2023:03:14 08:55:10"
    exif[0x010E] = "Heel wound Perpetua Wetherall-Duchamp"
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=90, exif=exif.tobytes())
    return buf.getvalue()


def word_processed():
    d = os.path.join(HERE, "word")
    photo = wound_photo()
    photo_hex = "\r\n".join(photo.hex()[i:i + 128] for i in range(0, len(photo) * 2, 128))
    plant("event-date", "2023:03:14 08:55:10")
    # PAT_ID (UUID), MRN, last, first, birth, street, city, ZIP, phone
    a = ("9F4C2E71-5B3A-4D8E-A1C6-7E2B9D0F3A58", "8830217", "WETHERALL-DUCHAMP", "PERPETUA", "08/21/1953",
         "41 Foxglove Terrace", "Kalamazoo", "49008", "(269) 555-0191")
    b = ("3B7D9A04-E62F-4C15-9B83-52A0C7F1D6E9", "8831542", "LAFRAMBOISE", "ÉLODIE", "05/30/1969",
         "212 rue des Érables", "Sherbrooke", "J1H 4K2", "819-555-0147")
    write_csv(os.path.join(d, "patient.csv"),
              ["PAT_ID", "PAT_MRN_ID", "PAT_LAST_NAME", "PAT_FIRST_NAME", "BIRTH_DATE", "ADD_LINE_1", "CITY", "ZIP",
               "HOME_PHONE"], [list(a), list(b)])
    plant("patient-id", a[0], b[0])
    plant("mrn", a[1], b[1])
    plant("patient-name", "Wetherall-Duchamp", "Wetherall", "Duchamp", "Perpetua", "Laframboise", "Élodie")
    plant("birth-date", a[4], b[4])
    plant("address", a[5], "Foxglove", b[5], "Érables")
    plant("phone", a[8], b[8])

    # Word's RTF: names split by runs of two editing sessions, a bookmark and an optional hyphen inside words
    note_a = rtf_doc("Ignatius Fairbrook", (2023, 3, 14),
                     run(4482, "Progress note \\endash  Mrs. Perpe{\\*\\bkmkstart _GoBack}{\\*\\bkmkend _GoBack}tua "
                                "Wether")
                     + run(9910, "all-Du\\-champ, MRN 8830217, DOB 08/21/1953.\\par ")
                     + run(4482, "Lives at 41 Fox") + run(9910, "glove Terrace, Kalamazoo; phone (269) 555-0191.\\par ")
                     + run(4482, "Type 2 diabetes mellitus (E11.9), HbA1c 8.4 %. Continue metformin 500 mg BID.\\par ")
                     + run(4482, "Heel wound, photographed by the family:\\par {\\*\\shppict{\\pict{\\*\\picprop"
                                 "\\shplid1025}\\picw847\\pich635\\picwgoal480\\pichgoal360\\jpegblip\\bliptag-77\r\n"
                                 + photo_hex + "}}\\par ")
                     + run(12213, "Her daughter Hyacinth Wether") + run(4482, "all called; patient\\rquote s "
                                                                              "glucose log reviewed.\\par ")
                     + run(4482, "Ignatius Fair") + run(9910, "brook, MD"))
    note_b = rtf_doc("Marguerite Vaillancourt", (2023, 6, 2),
                     run(4482, "Consultation \\endash  Mme \\'c9lo") + run(9910, "die Lafram")
                     + run(12213, "boise, dossier 8831542, n\\'e9e le 05/30/1969.\\par ")
                     + run(4482, "Adresse\\~: 212 rue des \\'c9ra") + run(9910, "bles, Sherbrooke J1H 4K2, "
                                                                              "t\\'e9l. 819-555-0147.\\par ")
                     + run(4482, "Hypothyro\\'efdie (E03.9), TSH 7,8 mUI/L. L\\rquote \\'e9poux Gaston "
                                 "Lafram") + run(9910, "boise accompagne.\\par ")
                     + run(4482, "Dre Marguerite Vaillan\\-court"), operator="kthornbury")
    write_csv(os.path.join(d, "hno_note_text.csv"),
              ["NOTE_ID", "PAT_ID", "NOTE_TYPE", "CONTACT_DATE", "NOTE_TEXT"],
              [["30017744", a[0], "Progress Notes", "03/14/2023", note_a],
               ["30019120", b[0], "Consults", "06/02/2023", note_b]])
    plant("clinician-name", "Fairbrook", "Vaillancourt")
    plant("relative-name", "Hyacinth", "Gaston")
    plant("event-date", "03/14/2023", "06/02/2023")
    keep("word", "Progress Notes", "Consults", "Type 2 diabetes mellitus (E11.9), HbA1c 8.4 %.",
         "Continue metformin 500 mg BID.", "(E03.9), TSH 7,8 mUI/L.", "glucose log reviewed.")

    # Word's HTML ("Save as Web Page", Outlook): spans per language and spelling mark, a bold first letter
    letter_a = ("<div class=WordSection1><p class=MsoNormal><span lang=EN-US>Dear Dr. Fair<span class=SpellE>brook"
                "</span>,<o:p></o:p></span></p><p class=MsoNormal><span lang=EN-US>I reviewed Mrs. <b>P</b>erpetua "
                "<span class=SpellE>Wetherall</span>-<span class=SpellE>Du</span>champ (MRN 8830217) on 03/14/2023."
                "<o:p></o:p></span></p><p class=MsoNormal><span lang=EN-US>Her daughter <span class=GramE>Hya"
                "</span>cinth can be reached through the ward; she lives at 41 Fox<a name=\"_GoBack\"></a>glove "
                "Terrace.<o:p></o:p></span></p><p class=MsoNormal><img width=32 height=24 src=\"data:image/jpeg;base64,"
                + base64.b64encode(photo).decode("ascii") + "\"></p><p class=MsoNormal><span lang=EN-US>Plan: continue "
                "metformin 500&nbsp;mg BID; recheck HbA1c in 3&nbsp;months.<o:p></o:p></span></p></div>")
    letter_b = ("<html><head><meta name=\"author\" content=\"Philippa Kestrel-Vane\"><!--[if gte mso 9]><xml>"
                "<o:DocumentProperties><o:Author>Philippa Kestrel-Vane</o:Author><o:LastAuthor>kthornbury"
                "</o:LastAuthor><o:Revision>3</o:Revision></o:DocumentProperties></xml><![endif]--></head><body>"
                "<div class=WordSection1><p class=MsoNormal><span lang=FR-CA>Ch&egrave;re Dre Vaillan<span "
                "style='color:black'>court,</span><o:p></o:p></span></p><p class=MsoNormal><span lang=FR-CA>"
                "Mme <span class=SpellE>&Eacute;lo</span>die <span class=SpellE>Lafram</span><span lang=EN-US>boise"
                "</span> (dossier 8831542), Hypothyro&iuml;die (E03.9).<o:p></o:p></span></p></div></body></html>")
    write_csv(os.path.join(d, "letters.csv"), ["LETTER_ID", "PAT_ID", "LETTER_DATE", "LETTER_HTML"],
              [["L-22041", a[0], "03/15/2023", letter_a], ["L-22097", b[0], "06/03/2023", letter_b]])
    plant("event-date", "03/15/2023", "06/03/2023")
    # the letter's and the note's author and typist, named only by the documents' properties (decision 0170)
    plant("clinician-name", "Kestrel-Vane", "Philippa")
    plant("staff-id", "kthornbury")
    keep("word", "Plan: continue metformin 500&nbsp;mg BID; recheck HbA1c in 3&nbsp;months.", "Hypothyro&iuml;die (E03.9).")

    # FHIR: the same notes as attachments, and a narrative that splits the name with inline elements
    ref_a = {"reference": "Patient/word-a"}
    patient = {"resourceType": "Patient", "id": "word-a",
               "text": {"status": "generated", "div": "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Wether</b>"
                        "all-<span class=\"SpellE\">Du</span>champ, <i>Perpe</i>tua</p><p>Born 1953-08-21, "
                        "41 <b>Fox</b>glove Terrace, Kalamazoo</p><p>Type 2 diabetes mellitus</p></div>"},
               "identifier": [{"type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203",
                                                    "code": "MR"}]}, "system": "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14",
                               "value": a[1]}],
               "name": [{"family": "Wetherall-Duchamp", "given": ["Perpetua"]}], "birthDate": "1953-08-21",
               "address": [{"line": [a[5]], "city": a[6], "state": "MI", "postalCode": a[7]}]}
    docs = []
    for i, (kind, body, charset) in enumerate((("text/rtf", note_a, "cp1252"),
                                               ("text/html; charset=utf-8", letter_a, "utf-8"))):
        docs.append({"resourceType": "DocumentReference", "id": "word-doc-%d" % (i + 1), "status": "current",
                     "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3",
                                          "display": "Progress note"}]},
                     "subject": ref_a, "date": "2023-03-14T10:40:00-04:00",
                     "content": [{"attachment": {"contentType": kind,
                                                 "data": base64.b64encode(body.encode(charset)).decode("ascii")}}]})
    ndjson(os.path.join(d, "fhir", "Patient.ndjson"), [patient])
    ndjson(os.path.join(d, "fhir", "DocumentReference.ndjson"), docs)
    plant("birth-date", "1953-08-21")
    keep("word", "11506-3", "Type 2 diabetes mellitus", "http://loinc.org")


def lake():
    """Documents kept in tables (decision 0172): a FHIR gateway's Postgres table of resources as a German data
    integration centre exports it (id, type, data as jsonb text, timestamps, no patient column), a HAPI JPA server's
    resource versions (HFJ_RES_VER, upper-case, RES_TEXT_VC), an application's event log whose payload is JSON,
    once written into a JSON string again, and an interface engine's message content table with a CCD."""
    d = os.path.join(HERE, "lake")
    pa, pb = "a3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "b7e2d9c1-0a4f-4e3b-9d8c-7f6e5d4c3b2a"
    kv = kvnr("M", "72640519")
    patient_a = {"resourceType": "Patient", "id": pa, "meta": {"profile": [
        "https://www.medizininformatik-initiative.de/fhir/core/modul-person/StructureDefinition/Patient"]},
                 "identifier": [{"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/"
                                                                                "v2-0203", "code": "MR"}]},
                                 "system": "https://uk-beispiel.de/fhir/sid/patienten-id", "value": "PID-4471902"},
                                {"use": "official", "type": {"coding": [{"system": "http://fhir.de/CodeSystem/"
                                                                                   "identifier-type-de-basis",
                                                                         "code": "GKV"}]},
                                 "system": "http://fhir.de/sid/gkv/kvid-10", "value": kv}],
                 "name": [{"use": "official", "family": "Wüstenhagen", "_family": {"extension": [
                     {"url": "http://hl7.org/fhir/StructureDefinition/humanname-own-name",
                      "valueString": "Wüstenhagen"}]}, "given": ["Irmtraud", "Adelheid"]},
                          {"use": "maiden", "family": "Rautenberg"}],
                 "gender": "female", "birthDate": "1946-07-23",
                 "address": [{"type": "both", "line": ["Lindenallee 14"], "city": "Quedlinburg", "postalCode": "06484",
                              "country": "DE"}],
                 "telecom": [{"system": "phone", "value": "03946 812244"}]}
    patient_b = {"resourceType": "Patient", "id": pb,
                 "identifier": [{"system": "https://uk-beispiel.de/fhir/sid/patienten-id", "value": "PID-4471955"}],
                 "name": [{"family": "Oberschelp", "given": ["Volkmar"]}], "gender": "male", "birthDate": "1958-02-11",
                 "address": [{"line": ["Am Mühlgraben 3a"], "city": "Wernigerode", "postalCode": "38855"}],
                 "contact": [{"relationship": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131",
                                                            "code": "N"}]}],
                              "name": {"family": "Oberschelp", "given": ["Griseldis"]},
                              "telecom": [{"system": "email", "value": "griseldis.oberschelp@posteo.de"}]}]}
    encounter = {"resourceType": "Encounter", "id": "enc-77120", "status": "finished",
                 "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "IMP"},
                 "subject": {"reference": "Patient/" + pa}, "period": {"start": "2021-10-19T08:15:00+01:00",
                                                                       "end": "2021-10-28T11:00:00+01:00"},
                 "participant": [{"individual": {"display": "Dr. med. Konstantin Freiherr von Aschwege"}}],
                 "serviceProvider": {"reference": "Organization/uk-beispiel", "display": "Harzklinikum Dorothea"
                                                                                           " Christiane Erxleben"}}
    condition = {"resourceType": "Condition", "id": "cond-3310", "subject": {"reference": "Patient/" + pa},
                 "code": {"coding": [{"system": "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "version": "2023",
                                      "code": "E11.90", "display": "Diabetes mellitus, Typ 2: Ohne Komplikationen"},
                                     {"system": "http://snomed.info/sct", "code": "44054006"}]},
                 "recordedDate": "2021-10-19",
                 "note": [{"text": "Frau Wüstenhagen berichtet über Polyurie seit Januar."}]}
    observation = {"resourceType": "Observation", "id": "obs-90211", "status": "final",
                   "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
                                             "code": "laboratory"}]}],
                   "code": {"coding": [{"system": "http://loinc.org", "code": "4548-4",
                                        "display": "Hemoglobin A1c/Hemoglobin.total in Blood"}]},
                   "subject": {"reference": "Patient/" + pb}, "effectiveDateTime": "2021-11-23T07:40:00+01:00",
                   "valueQuantity": {"value": 8.4, "unit": "%", "system": "http://unitsofmeasure.org", "code": "%"}}
    rows = []
    for r, created in ((patient_a, "2021-10-19 08:20:11.482+01"), (patient_b, "2021-11-23 07:35:40.102+01"),
                       (encounter, "2021-10-28 11:02:09.554+01"), (condition, "2021-10-19 09:01:55.310+01"),
                       (observation, "2021-11-23 09:12:00.017+01")):
        rows.append([r["id"], r["resourceType"], json.dumps(r, ensure_ascii=False, separators=(", ", ": ")),
                     created, created, "f"])
    write_csv(os.path.join(d, "resources.csv"), ["id", "type", "data", "created_at", "last_updated_at", "is_deleted"],
              rows)
    # HAPI JPA's resource versions: upper-case, numeric keys, ASCII-escaped JSON as the server writes it
    write_csv(os.path.join(d, "HFJ_RES_VER.csv"), ["PID", "RES_ID", "RES_TYPE", "RES_VER", "RES_UPDATED", "RES_TEXT_VC"],
              [["1052", "1001", "Patient", "3", "2021-11-23 07:35:40.102",
                json.dumps(patient_b, ensure_ascii=True, separators=(",", ":"))],
               ["1057", "1006", "Observation", "1", "2021-11-23 09:12:00.017",
                json.dumps(observation, ensure_ascii=True, separators=(",", ":"))]])
    plant("patient-id", pa, pb)
    plant("mrn", "PID-4471902", "PID-4471955")
    plant("national-id", kv)
    plant("patient-name", "Wüstenhagen", "Irmtraud", "Adelheid", "Oberschelp", "Volkmar")
    plant("maiden-name", "Rautenberg")
    plant("relative-name", "Griseldis")
    plant("email", "griseldis.oberschelp@posteo.de")
    plant("birth-date", "1946-07-23", "1958-02-11")
    plant("address", "Lindenallee 14", "Quedlinburg", "06484", "Am Mühlgraben 3a", "Wernigerode", "38855")
    plant("phone", "03946 812244")
    plant("clinician-name", "Aschwege", "Konstantin")
    plant("event-date", "2021-10-19", "2021-10-28", "2021-11-23")
    keep("lake", "http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11.90", "Diabetes mellitus, Typ 2: Ohne Komplikationen",
         "44054006", "http://loinc.org", "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "http://unitsofmeasure.org",
         "berichtet über Polyurie seit Januar.", "laboratory")

    # an application's event log: a patient column, the payload as JSON, once as JSON inside a JSON string
    inner = json.dumps({"patient": {"firstName": "Leopoldine", "lastName": "Kratzenstein", "dateOfBirth": "1939-12-30",
                                    "insuranceNumber": kvnr("K", "30561288"), "phoneNumber": "+49 3943 557190",
                                    "homeAddress": {"street": "Breite Straße 7", "zipCode": "38820",
                                                    "city": "Halberstadt"}},
                        "diagnosis": {"code": "I48.0", "system": "ICD-10-GM"}}, ensure_ascii=False)
    write_csv(os.path.join(d, "app_events.csv"), ["event_id", "patient_id", "occurred_at", "event_type", "payload"],
              [["ev-0001", "P-20931", "2023-04-12T10:31:07Z", "ADMISSION",
                json.dumps({"ward": "3B", "bed": 12, "triage": {"level": 2, "system": "MTS"},
                            "patient": {"firstName": "Leopoldine", "lastName": "Kratzenstein",
                                        "dateOfBirth": "1939-12-30", "email": "l.kratzenstein@t-online.de"},
                            "reason": "Vorhofflimmern, Erstdiagnose"}, ensure_ascii=False)],
               ["ev-0002", "P-20931", "2023-04-12T10:45:52Z", "REFERRAL_FORWARDED",
                json.dumps({"source": "kis-bridge", "version": 2, "body": inner})]])
    plant("patient-name", "Leopoldine", "Kratzenstein")
    plant("birth-date", "1939-12-30")
    plant("national-id", kvnr("K", "30561288"))
    plant("phone", "+49 3943 557190")
    plant("email", "l.kratzenstein@t-online.de")
    plant("address", "Breite Straße 7", "Halberstadt", "38820")
    keep("lake", "ADMISSION", "REFERRAL_FORWARDED", "Vorhofflimmern, Erstdiagnose", "I48.0", "kis-bridge")

    # an interface engine's message content table (Mirth Connect's d_mc: no patient column), a CCD in CONTENT
    ccd = ('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
           '  <realmCode code="US"/><typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>\n'
           '  <templateId root="2.16.840.1.113883.10.20.22.1.2" extension="2015-08-01"/>\n'
           '  <code code="34133-9" codeSystem="2.16.840.1.113883.6.1" codeSystemName="LOINC" '
           'displayName="Summarization of Episode Note"/>\n'
           '  <effectiveTime value="20230611091500-0400"/>\n'
           '  <recordTarget><patientRole>\n'
           '    <id extension="MR-5581240" root="2.16.840.1.113883.19.5.99999.2"/>\n'
           '    <id extension="512-44-7731" root="2.16.840.1.113883.4.1"/>\n'
           '    <addr use="HP"><streetAddressLine>88 Thistledown Court</streetAddressLine><city>Saugerties</city>'
           '<state>NY</state><postalCode>12477</postalCode><country>US</country></addr>\n'
           '    <telecom value="tel:+1(845)555-0199" use="HP"/><telecom value="mailto:cfenwick@example.net"/>\n'
           '    <patient><name use="L"><given>Cordelia</given><family>Fenwick-Aldous</family></name>'
           '<administrativeGenderCode code="F" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="19480229"/>\n'
           '      <guardian><guardianPerson><name><given>Ambrosine</given><family>Fenwick-Aldous</family></name>'
           '</guardianPerson></guardian></patient>\n'
           '  </patientRole></recordTarget>\n'
           '  <author><time value="20230611091500-0400"/><assignedAuthor><id extension="1922334455" '
           'root="2.16.840.1.113883.4.6"/><assignedPerson><name><prefix>Dr.</prefix><given>Lysander</given>'
           '<family>Quillfeather</family></name></assignedPerson></assignedAuthor></author>\n'
           '  <component><structuredBody><component><section>\n'
           '    <code code="11450-4" codeSystem="2.16.840.1.113883.6.1" displayName="Problem list"/>\n'
           '    <title>Problems</title>\n'
           '    <text><paragraph>Mrs. Fenwick-Aldous reports polyuria; seen with her daughter Ambrosine on 06/11/2023.'
           '</paragraph></text>\n'
           '    <entry><observation classCode="OBS" moodCode="EVN"><code code="44054006" '
           'codeSystem="2.16.840.1.113883.6.96" displayName="Diabetes mellitus type 2"/>'
           '<effectiveTime><low value="20190601"/></effectiveTime></observation></entry>\n'
           '  </section></component></structuredBody></component>\n</ClinicalDocument>')
    write_csv(os.path.join(d, "d_mc1.csv"), ["MESSAGE_ID", "METADATA_ID", "CONTENT_TYPE", "CONTENT", "DATA_TYPE",
                                            "IS_ENCRYPTED"],
              [["118204", "0", "1", ccd, "XML", "0"]])
    plant("mrn", "MR-5581240")
    plant("ssn", "512-44-7731")
    plant("address", "88 Thistledown Court", "Thistledown", "Saugerties", "12477")
    plant("phone", "(845)555-0199")
    plant("email", "cfenwick@example.net")
    plant("patient-name", "Cordelia", "Fenwick-Aldous")
    plant("relative-name", "Ambrosine")
    plant("clinician-name", "Lysander", "Quillfeather")
    plant("npi", "1922334455")
    plant("birth-date", "19480229")
    plant("event-date", "20230611091500-0400", "06/11/2023")
    # (values without quotes: the CSV doubles them)
    keep("lake", "Summarization of Episode Note", "44054006", "2.16.840.1.113883.6.96", "<title>Problems</title>",
         "reports polyuria; seen with her daughter", "2.16.840.1.113883.4.1", "2.16.840.1.113883.10.20.22.1.2",
         "2015-08-01")


def write_lines(path, lines, encoding):
    """Lines as a report writer or a spreadsheet wrote them, each ended by CRLF."""
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")


def reports():
    """Reports saved as CSV (decision 0173): a report writer's census (Epic's Reporting Workbench, Cognos, Crystal) with
    title lines of one field above the table, a blank line and a total under it; a laboratory system's cumulative
    report of one patient saved from a spreadsheet, its title rows padded with empty fields to the table's width and
    naming the patient; a German ward list from Excel (Windows-1252, `;`, CRLF, dd.MM.yyyy) with its title rows; a
    payer's pipe-delimited claims extract keyed by MEMBER_ID."""
    d = os.path.join(HERE, "reports")
    os.makedirs(d, exist_ok=True)
    census = ['"Inpatient Census - 4 NORTH CARDIOLOGY"',
              '"Run by: WEATHERWAX, GRIZELDA RN on 04/23/2017 06:45"',
              "Criteria: Unit = 4N; Status = Admitted",
              "",
              "MRN,Patient,DOB,Admit Date,Room/Bed,Attending,Principal Dx,Dx Description",
              '00731845,"FAIRWEATHER-QUILL, OCTAVIA M",02/19/1951,04/17/2017,412-A,"DRUMMOND-HAY, CASIMIR MD",I50.23,'
              'Acute on chronic systolic heart failure',
              '00731902,"BLACKTHORNE, EZEKIEL J",11/30/1938,04/20/2017,414-B,"DRUMMOND-HAY, CASIMIR MD",I48.91,'
              'Unspecified atrial fibrillation',
              '00732016,"NAKASHIMA-ORTIZ, BEATRIX",06/06/1958,04/21/2017,418-A,"OKONKWO-LARSEN, TIBERIUS MD",I21.4,'
              'Non-ST elevation (NSTEMI) myocardial infarction',
              "",
              '"Total patients: 3"',
              "*** End of Report ***"]
    write_lines(os.path.join(d, "census_report.csv"), census, "utf-8")
    labs = ["Cumulative Laboratory Report,,,,,",
            '"Patient: FAIRWEATHER-QUILL, OCTAVIA M    MRN: 00731845    DOB: 02/19/1951",,,,,',
            "Ordering provider: Dr. Casimir Drummond-Hay,,,,,",
            ",,,,,",
            "MRN,Collected,Test,Result,Units,Flag",
            "00731845,04/17/2017 07:10,Hemoglobin,10.4,g/dL,L",
            "00731845,04/17/2017 07:10,NT-proBNP,4820,pg/mL,H",
            "00731845,04/19/2017 06:55,Hemoglobin,10.9,g/dL,L",
            "00731845,04/19/2017 06:55,Creatinine,1.62,mg/dL,H",
            ",,,,,",
            "*** End of Report ***,,,,,"]
    write_lines(os.path.join(d, "cumulative_labs.csv"), labs, "utf-8")
    station = ["Stationsliste Kardiologie 3B;;;;;",
               "Erstellt am 23.04.2017 von Schwester Walburga Eichelkraut;;;;;",
               ";;;;;",
               "Fallnummer;Name;Vorname;Geburtsdatum;Aufnahme;Hauptdiagnose",
               "2017004711;Kühnapfel;Wendelin;03.04.1944;18.04.2017;I50.14",
               "2017004738;Zwirnmann;Hedwig;17.12.1950;20.04.2017;I48.1",
               ";;;;;",
               "Anzahl Patienten: 2;;;;;"]
    write_lines(os.path.join(d, "stationsliste.csv"), station, "cp1252")
    members = [("M00918273", "PRENDERGAST", "LUCASTA", "19490607", "F", "512-44-7816"),
               ("M00918281", "VANTONGEREN", "HORATIO", "19620914", "M", "318-62-5094")]
    claim_rows = []
    n = 0
    for day, code, proc in (("20170403", "E11.9", "99214"), ("20170410", "E11.9", "83036"),
                            ("20170424", "I10", "99213"), ("20170502", "E78.5", "80061")):
        for m in members:
            n += 1
            claim_rows.append([m[0], m[1], m[2], m[3], m[4], m[5], "C17%07d" % (4400 + n), "1", day, day, code, "",
                               proc, "", "%.2f" % (90 + 7 * n), "%.2f" % (60 + 5 * n), "1457382960",
                               "ABERCROMBIE-NASH, PERCIVAL"])
    write_csv(os.path.join(d, "claims_extract.txt"),
              ["MEMBER_ID", "MEMBER_LAST", "MEMBER_FIRST", "DOB", "GENDER", "SSN", "CLAIM_NO", "LINE_NO", "SVC_FROM",
               "SVC_TO", "DX1", "DX2", "PROC_CD", "NDC", "BILLED_AMT", "PAID_AMT", "RENDERING_NPI", "RENDERING_NAME"],
              claim_rows, delimiter="|")
    # an EHR's encounter extract: the patient's name and birth date on every encounter, the person under EMPI only
    people = [("7730418", "GALLOWGLASS, PERPETUA", "08/14/1947"), ("7730426", "MORCAMBE-TILL, OSRIC", "12/02/1955"),
              ("7730434", "VANDERPUMP, ISOLDE", "05/27/1962"), ("7730442", "ARKWRIGHT, FENWICK", "10/09/1971")]
    enc_rows = []
    for i in range(12):
        p = people[i % 4]
        day = 3 + i
        enc_rows.append(["E%08d" % (77210450 + i), p[0], p[1], p[2], "05/%02d/2017" % day, "05/%02d/2017" % (day + 2),
                         ("I10", "E11.9", "J44.1", "N18.3")[i % 4]])
    write_csv(os.path.join(d, "encounters_empi.csv"),
              ["ENC_ID", "EMPI", "PATIENT_NAME", "DOB", "ADMIT_DATE", "DISCH_DATE", "DX"], enc_rows)
    # a LIMS export: tab-separated, its header block as comment lines naming who exported it
    write_lines(os.path.join(d, "lims_export.tsv"),
                ["# Exported by SCRIMGEOUR, LAVINIA on 2017-05-19 07:02", "# User: QUARTERMAINE, MORWENNA",
                 "Report generated by: lscrimgeour (SCRIMGEOUR, LAVINIA)", "",
                 "MRN\tCollected\tTest\tResult\tUnits",
                 "00731845\t04/17/2017 07:10\tFerritin\t18\tng/mL",
                 "00731902\t04/20/2017 08:02\tFerritin\t240\tng/mL",
                 "00732016\t04/21/2017 06:48\tTransferrin saturation\t11\t%"], "utf-8")
    plant("clinician-name", "SCRIMGEOUR", "LAVINIA", "QUARTERMAINE", "MORWENNA")
    plant("staff-id", "lscrimgeour")
    plant("patient-id", "7730418", "7730426", "7730434", "7730442")
    plant("patient-name", "GALLOWGLASS", "PERPETUA", "MORCAMBE-TILL", "OSRIC", "VANDERPUMP", "ISOLDE", "ARKWRIGHT",
          "FENWICK")
    plant("birth-date", "08/14/1947", "12/02/1955", "05/27/1962", "10/09/1971")
    plant("mrn", "00731845", "00731902", "00732016")
    plant("patient-name", "FAIRWEATHER-QUILL", "OCTAVIA", "BLACKTHORNE", "EZEKIEL", "NAKASHIMA-ORTIZ", "BEATRIX",
          "Kühnapfel", "Wendelin", "Zwirnmann", "Hedwig", "PRENDERGAST", "LUCASTA", "VANTONGEREN", "HORATIO")
    plant("clinician-name", "WEATHERWAX", "GRIZELDA", "DRUMMOND-HAY", "CASIMIR", "OKONKWO-LARSEN", "TIBERIUS",
          "Eichelkraut", "ABERCROMBIE-NASH", "PERCIVAL")
    plant("birth-date", "02/19/1951", "11/30/1938", "06/06/1958", "03.04.1944", "17.12.1950", "19490607", "19620914")
    plant("event-date", "04/17/2017", "04/20/2017", "04/21/2017", "04/19/2017", "18.04.2017", "20.04.2017",
          "20170403", "20170410", "20170424", "20170502")
    plant("insurance-id", "M00918273", "M00918281")
    plant("ssn", "512-44-7816", "318-62-5094")
    plant("encounter-id", "2017004711", "2017004738")
    keep("reports", "Inpatient Census - 4 NORTH CARDIOLOGY", "I50.23", "Acute on chronic systolic heart failure",
         "Total patients: 3", "*** End of Report ***", "Cumulative Laboratory Report", "NT-proBNP", "4820", "pg/mL",
         "Creatinine", "1.62", "Stationsliste Kardiologie 3B", "I50.14", "Anzahl Patienten: 2", "E78.5", "80061",
         "83036", "J44.1", "N18.3", "Transferrin saturation")



def paged():
    """Reports saved as CSV with their pages (decision 0174): a report writer's discharge list of three pages, each
    ended by its number and begun by the title lines and the header again (a readmitted patient on two pages); a
    German ward list from Excel in Windows-1252 with `Seite 1 von 2` and the title between its pages, padded with `;`;
    an EHR extract in upper case with UUID keys, two exports put one after the other with the header between them."""
    d = os.path.join(HERE, "paged")
    os.makedirs(d, exist_ok=True)
    titles = ['"Harrowgate Memorial Hospital - Discharges 05/01/2017 to 05/07/2017"',
              '"Printed 05/08/2017 07:30 by tpennyworth   Criteria: Service = Medicine"', "",
              "MRN,Patient,DOB,Admitted,Discharged,Disposition,Principal Dx"]
    rows = [("00855127", "GRUNDLEBY, ISADORA P", "09/12/1941", "04/28/2017", "05/01/2017", "Home", "J44.1"),
            ("00855243", "MACQUARRIE-BOYLE, FITZWILLIAM", "01/30/1936", "04/29/2017", "05/02/2017", "SNF", "I50.33"),
            ("00855319", "TREVELYAN-ASKEW, DOROTHEA", "12/05/1957", "05/01/2017", "05/03/2017", "Home", "N39.0"),
            ("00855402", "OYELOWO-BRANDT, CASSIUS", "07/21/1963", "05/02/2017", "05/04/2017", "Home", "K85.90"),
            ("00855127", "GRUNDLEBY, ISADORA P", "09/12/1941", "05/03/2017", "05/06/2017", "Home w/ HH", "J44.1"),
            ("00855577", "PELLINGHAM, AUGUSTINE", "03/14/1949", "05/04/2017", "05/07/2017", "Expired", "A41.9")]

    def line(r):
        return ",".join('"%s"' % v if "," in v else v for v in r)
    out = list(titles)
    for page in range(3):
        out += [line(r) for r in rows[2 * page:2 * page + 2]]
        out += ["", '"Page %d of 3"' % (page + 1)]
        if page < 2:
            out += [""] + titles
    write_lines(os.path.join(d, "discharges_paged.csv"), out[:-1] + ['"Total discharges: 6"', out[-1]], "utf-8")
    station = ["Belegungsliste Station 7 Innere;;;;;", "Fallnummer;Name;Vorname;Geburtsdatum;Aufnahme;Diagnose"]
    patients = [("2017051902", "Wolkenstein", "Irmgard", "11.02.1938", "02.05.2017", "E11.74"),
                ("2017051935", "Pfannenstiel", "Gottlieb", "29.08.1944", "03.05.2017", "J18.9"),
                ("2017051977", "Zitzelsberger", "Rosalinde", "06.06.1951", "04.05.2017", "I63.5")]
    for page, chunk in enumerate((patients[:2], patients[2:])):
        station += [";".join(p) for p in chunk]
        station += [";;;;;", "Seite %d von 2;;;;;" % (page + 1)]
        if page == 0:
            station += ["Belegungsliste Station 7 Innere;;;;;"]
    write_lines(os.path.join(d, "belegung.csv"), station, "cp1252")
    header = ["PERSON_UUID", "LAST_NAME", "FIRST_NAME", "BIRTH_DT", "ZIP", "VISIT_DT", "ICD10_CD"]
    people = [("9b0c7e52-4f1d-4c2a-8e6b-1d2f3a4b5c61", "QUILLFEATHER", "EVANGELINA", "1952-04-17", "02139",
               "2017-03-02", "E11.65"),
              ("3e7a91d4-8c25-4b6f-a0e3-7f8d9c0b1a22", "SALTONSTALL", "BARNABY", "1946-10-03", "02144",
               "2017-03-05", "I25.10"),
              ("c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e93", "VERMILYEA", "PRUDENCE", "1968-01-29", "02155",
               "2017-03-09", "M17.11")]
    with open(os.path.join(d, "visits_concat.csv"), "w", encoding="utf-8", newline="") as f:
        for chunk in (people[:2], people[2:]):
            f.write(",".join(header) + "\n")
            for p in chunk:
                f.write(",".join(p) + "\n")
    plant("patient-name", "GRUNDLEBY", "ISADORA", "MACQUARRIE-BOYLE", "FITZWILLIAM", "TREVELYAN-ASKEW", "DOROTHEA",
          "OYELOWO-BRANDT", "CASSIUS", "PELLINGHAM", "AUGUSTINE", "Wolkenstein", "Irmgard", "Pfannenstiel", "Gottlieb",
          "Zitzelsberger", "Rosalinde", "QUILLFEATHER", "EVANGELINA", "SALTONSTALL", "BARNABY", "VERMILYEA", "PRUDENCE")
    plant("staff-id", "tpennyworth")
    plant("mrn", "00855127", "00855243", "00855319", "00855402", "00855577")
    plant("birth-date", "09/12/1941", "01/30/1936", "12/05/1957", "07/21/1963", "03/14/1949", "11.02.1938",
          "29.08.1944", "06.06.1951", "1952-04-17", "1946-10-03", "1968-01-29")
    plant("event-date", "04/28/2017", "04/29/2017", "05/03/2017", "05/06/2017", "02.05.2017", "03.05.2017",
          "04.05.2017", "2017-03-02", "2017-03-05", "2017-03-09")
    plant("encounter-id", "2017051902", "2017051935", "2017051977")
    plant("patient-id", "9b0c7e52-4f1d-4c2a-8e6b-1d2f3a4b5c61", "3e7a91d4-8c25-4b6f-a0e3-7f8d9c0b1a22",
          "c4d5e6f7-0a1b-4c2d-9e3f-4a5b6c7d8e93")
    keep("paged", "Page 1 of 3", "Page 3 of 3", "Total discharges: 6", "J44.1", "I50.33", "N39.0", "K85.90", "A41.9",
         "Seite 1 von 2", "Belegungsliste Station 7 Innere", "E11.74", "I63.5", "E11.65", "I25.10", "M17.11",
         "PERSON_UUID,")



def trials():
    """A clinical trial's electronic data capture exports (decision 0174): Medidata Rave's demographics and adverse
    events datasets as its raw export writes them (`projectid, project, studyid, environmentName, subjectId,
    StudySiteId, Subject, siteid, Site, SiteNumber, …, RecordDate, SaveTs, MinCreated, MaxUpdated` before the form's
    fields; each date field also as `_RAW` text in capitals, `24 MAY 1974`, partial `UN MAR 1948`; the subject's
    initials as `DMINIT`; the site's subject number `101-001` under `Subject`), and an OpenClinica 3 dataset extract
    (tab-separated, `StudySubjectID`, the hospital's MRN as `SecondaryID`)."""
    d = os.path.join(HERE, "trials")
    os.makedirs(d, exist_ok=True)
    months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    subjects = [("101-001", "ZWQ", (1948, 5, 24), "M", "Quackenbush", "Zebulon"),
                ("101-002", "HQV", (1951, 7, 30), "F", "Thistlewood", "Honoria"),
                ("102-003", "PXM", (1939, 11, 2), "F", "Mortensen-Vale", "Philippa"),
                ("102-004", "GKW", (1962, 5, 9), "M", "Wetherspoon", "Gideon"),
                ("103-005", "FBY", (1970, 1, 15), "F", "Bywaterson", "Florentyna"),
                ("103-006", "DQJ", (1944, 3, 0), "M", "Quintrell", "Desmond")]
    head = ["projectid", "project", "studyid", "environmentName", "subjectId", "StudySiteId", "Subject", "siteid",
            "Site", "SiteNumber", "SiteGroup", "instanceId", "InstanceName", "folderid", "Folder", "FolderName",
            "DataPageId", "DataPageName", "RecordId", "RecordDate", "SaveTs", "MinCreated", "MaxUpdated"]
    sites = {"101": "Mercy Research Center", "102": "Lakeside Oncology Associates", "103": "Harborview Clinical Trials Unit"}
    dm = []
    for i, (subj, ini, (y, m, dd), sex, last, first) in enumerate(subjects):
        site = subj[:3]
        raw = ("UN %s %d" % (months[m - 1], y)) if dd == 0 else "%02d %s %d" % (dd, months[m - 1], y)
        iso = ("%d-%02d" % (y, m)) if dd == 0 else "%d-%02d-%02d" % (y, m, dd)
        dm.append(["1234", "ACME-301", "5", "Prod", str(50012 + i), str(76 + int(site) - 100), subj, str(int(site) - 70),
                   sites[site], site, "World", "9%04d" % i, "Screening", "11", "SCRN", "Screening", "8%04d" % i,
                   "Demographics", "7%04d" % i, "", "2017-03-%02dT10:%02d:11" % (6 + i, 10 + i),
                   "2017-03-%02dT09:00:00" % (6 + i), "2017-03-%02dT11:30:00" % (6 + i), iso, raw,
                   sex, str(2017 - y), "White", ini])
    write_csv(os.path.join(d, "rave_dm.csv"), head + ["BRTHDAT", "BRTHDAT_RAW", "SEX", "AGE", "RACE", "DMINIT"], dm)
    aes = [(0, "Fall at home", "03 MAY 2017", "Found by daughter Philippa Quackenbush", "J"), (1, "Nausea", "17 MAY 2017",
           "", "N"), (2, "Neutropenia", "UN JUN 2017", "Grade 3, Dr. Oyelaran notified", "N"),
           (3, "Rash maculo-papular", "22 JUN 2017", "Mr Wetherspoon reports itching since the weekend", "N"),
           (5, "Pneumonia", "09 JUL 2017", "Admitted to Harborview, wife Odalys Quintrell at bedside", "Y")]
    ae = []
    for k, (i, term, start, comm, ser) in enumerate(aes):
        subj = subjects[i][0]
        ae.append(["1234", "ACME-301", "5", "Prod", str(50012 + i), str(76 + int(subj[:3]) - 100), subj,
                   str(int(subj[:3]) - 70), sites[subj[:3]], subj[:3], "World", "9%04d" % (100 + k), "Adverse Events",
                   "0", "AE", "Adverse Events", "8%04d" % (100 + k), "Adverse Events", "7%04d" % (100 + k), "",
                   "2017-07-%02dT08:15:00" % (10 + k), "2017-07-%02dT08:00:00" % (10 + k),
                   "2017-07-%02dT08:20:00" % (10 + k), str(k + 1), term, start, ser, comm])
    write_csv(os.path.join(d, "rave_ae.csv"), head + ["AESPID", "AETERM", "AESTDAT_RAW", "AESER", "AECOMM"], ae)
    # another study's extract, from the site's own OpenClinica: its subjects numbered by study, the hospital's MRN as
    # the secondary id, a vital-signs comment naming its subject
    oc = []
    mrns = ["MRN4471920", "MRN4471957", "MRN4472036", "MRN4472081"]
    oc_people = [("SS-2041-001", "m", "1955-02-14"), ("SS-2041-002", "f", "1961-09-03"), ("SS-2041-003", "m", "1947-12-19"),
                 ("SS-2041-004", "f", "1958-06-27")]
    for i, (subj, sex, dob) in enumerate(oc_people):
        oc.append([subj, mrns[i], sex, dob, "Baseline", "2017-04-%02d" % (3 + i), "VS v1.0", "2017-04-%02d" % (3 + i),
                   str(118 + 3 * i), str(72 + i), ""])
    oc[2][-1] = "BP repeated, Mr Fennimore-Quast anxious"
    write_csv(os.path.join(d, "openclinica_extract.tsv"),
              ["StudySubjectID", "SecondaryID", "Sex", "DateOfBirth", "EventName", "EventStartDate", "CRFVersion",
               "VSDAT", "SYSBP", "DIABP", "VSCOMM"], oc, delimiter="\t")
    plant("patient-name", "Quackenbush", "Zebulon", "Thistlewood", "Honoria", "Mortensen-Vale", "Philippa",
          "Wetherspoon", "Gideon", "Bywaterson", "Florentyna", "Quintrell", "Desmond", "Odalys", "Fennimore-Quast")
    plant("patient-id", "SS-2041-001", "SS-2041-002", "SS-2041-003", "SS-2041-004")
    plant("birth-date", "1955-02-14", "1961-09-03", "1947-12-19", "1958-06-27")
    plant("patient-initials", "ZWQ", "HQV", "PXM", "GKW", "FBY", "DQJ")
    plant("patient-id", "101-001", "101-002", "102-003", "102-004", "103-005", "103-006")
    plant("mrn", *mrns)
    plant("birth-date", "1948-05-24", "24 MAY 1948", "1951-07-30", "30 JUL 1951", "1939-11-02", "02 NOV 1939",
          "1962-05-09", "09 MAY 1962", "1970-01-15", "15 JAN 1970", "UN MAR 1944")
    plant("event-date", "03 MAY 2017", "17 MAY 2017", "22 JUN 2017", "09 JUL 2017")
    plant("clinician-name", "Oyelaran")
    keep("trials", "ACME-301", "Demographics", "Adverse Events", "Fall at home", "Neutropenia", "Rash maculo-papular",
         "Pneumonia", "Baseline", "VS v1.0")


REDCAP_DICTIONARY_HEADER = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
                            "Choices, Calculations, OR Slider Labels", "Field Note",
                            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
                            "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
                            "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?",
                            "Field Annotation"]


def redcap_field(var, form, label, typ="text", flag="", validation="", note="", choices="", section="", vmin="",
                 vmax="", logic="", required="", annotation=""):
    return [var, form, section, typ, label, choices, note, validation, vmin, vmax, flag, logic, required, "", "", "", "",
            annotation]


def redcap():
    """REDCap projects as research teams ship them (decision 0176): a longitudinal project's raw export (events, a
    repeating instrument, checkboxes `race___1`, `*_complete`, a survey's timestamp with `[not completed]`, the survey
    participant's e-mail under `redcap_survey_identifier`, an age calculated at consent), its "CSV (labels)" export
    (question texts for headers, `Complete?` once per instrument, `Checked`/`Unchecked`) and its data dictionary; a
    pediatric survey project's raw export with its dictionary, whose `Identifier?` flags and validations name a
    hometown, a school, a primary care provider, a sibling's record id, a MassHealth id and an emergency contact's phone
    under headers the classifier alone kept or took for numbers."""
    d = os.path.join(HERE, "redcap")
    os.makedirs(d, exist_ok=True)
    pts = [
        dict(id="1", first="Marguerite", last="Delacroix-Vennor", dob="1946-08-17", mrn="00458812",
             email="mdelacroixv46@gmail.com", phone="(617) 555-0143", addr="27 Larkspur Crescent", city="Somerville",
             zip="02143", sex="2", race=[1], other="", eth="0", age="76", cdate="2023-03-13", by="Tobias Wrenfield",
             dag="mgh", surv="mdelacroixv46@gmail.com"),
        dict(id="2", first="Ezekiel", last="Quarrington", dob="1931-11-06", mrn="00771204", email="",
             phone="617-555-0178", addr="1140 Commonwealth Ave Apt 3B", city="Brighton", zip="02135", sex="1",
             race=[2, 5], other="Cape Verdean", eth="0", age="91", cdate="2023-03-15", by="Tobias Wrenfield", dag="mgh",
             surv=""),
        dict(id="3", first="Clementine", last="Vorhees-Mbatha", dob="1977-08-21", mrn="01122930",
             email="c.vorheesmbatha@outlook.com", phone="508.555.0121", addr="9 Quince Hollow Rd", city="Framingham",
             zip="01701", sex="2", race=[2], other="", eth="1", age="45", cdate="2023-03-21", by="Annika Sollberger",
             dag="bwh", surv="c.vorheesmbatha@outlook.com"),
        dict(id="4", first="Cornelius", last="Vantongeren", dob="1955-01-27", mrn="00339017", email="corvan55@yahoo.com",
             phone="(781) 555-0166", addr="62 Birchwood Lane", city="Medford", zip="02155", sex="1", race=[1], other="",
             eth="0", age="68", cdate="2023-04-03", by="Annika Sollberger", dag="bwh", surv=""),
    ]
    visits = {
        "1": [("baseline_arm_1", "2023-03-13", "71.4", "162", "142", "88", "7.9",
               "Seen with her husband Thaddeus. Reports dizziness since 03/02/2023; Mrs. Delacroix-Vennor prefers calls"
               " at (617) 555-0143. MRN 00458812."),
              ("month_3_arm_1", "2023-06-14", "70.2", "162", "138", "84", "7.4",
               "Marguerite doing well, daughter Evangeline drove her. A1c improved.")],
        "2": [("baseline_arm_1", "2023-03-15", "80.1", "175", "151", "92", "8.6",
               "Mr. Quarrington is 91, lives alone at 1140 Commonwealth Ave. Neighbour Agatha Pennywhistle checks on"
               " him."),
              ("month_3_arm_1", "2023-06-19", "79.5", "175", "149", "90", "8.1",
               "Follow-up by phone 617-555-0178, Ezekiel reports no falls.")],
        "3": [("baseline_arm_1", "2023-03-21", "66.0", "168", "124", "78", "6.9",
               "Consented by A. Sollberger. Pt email c.vorheesmbatha@outlook.com for surveys."),
              ("month_3_arm_1", "2023-06-23", "65.1", "168", "121", "76", "6.7", "No AEs. Next visit 09/21/2023.")],
        "4": [("baseline_arm_1", "2023-04-03", "92.3", "181", "160", "95", "9.2",
               "Cornelius Vantongeren, DOB 01/27/1955, referred by Dr. Hollingsworth-Bain.")],
    }
    meds = {"1": [("Metformin", "500 mg BID", "2023-03-13", ""), ("Lisinopril", "10 mg daily", "2023-03-13", "2023-05-30")],
            "2": [("Insulin glargine", "20 units qHS", "2022-11-01", "")],
            "4": [("Empagliflozin", "10 mg daily", "2023-04-03", "")]}
    cols = (["record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
             "redcap_data_access_group", "redcap_survey_identifier", "screening_timestamp", "first_name", "last_name",
             "dob", "mrn", "email", "phone", "address", "city", "state", "zip", "sex"]
            + ["race___%d" % i for i in range(1, 6)]
            + ["race_other", "ethnicity", "age_consent", "consent_date", "enrolled_by", "demographics_complete",
               "visit_date", "weight_kg", "height_cm", "sbp", "dbp", "hba1c", "visit_notes", "visit_complete", "med_name",
               "med_dose", "med_start", "med_stop", "medications_complete"])
    rows = []
    for p in pts:
        for k, (ev, vd, w, h, sb, db, a1c, note) in enumerate(visits[p["id"]]):
            r = dict.fromkeys(cols, "")
            r.update(record_id=p["id"], redcap_event_name=ev, redcap_data_access_group=p["dag"])
            if k == 0:
                stamp = "%s 09:4%s:1%s" % (p["cdate"], p["id"], p["id"]) if p["surv"] else "[not completed]"
                r.update(redcap_survey_identifier=p["surv"], screening_timestamp=stamp, first_name=p["first"],
                         last_name=p["last"], dob=p["dob"], mrn=p["mrn"], email=p["email"], phone=p["phone"],
                         address=p["addr"], city=p["city"], state="MA", zip=p["zip"], sex=p["sex"],
                         race_other=p["other"], ethnicity=p["eth"], age_consent=p["age"], consent_date=p["cdate"],
                         enrolled_by=p["by"], demographics_complete="2")
                for i in range(1, 6):
                    r["race___%d" % i] = "1" if i in p["race"] else "0"
            r.update(visit_date=vd, weight_kg=w, height_cm=h, sbp=sb, dbp=db, hba1c=a1c, visit_notes=note,
                     visit_complete="2")
            rows.append(r)
            if k == 0:
                for j, (mn, md, ms, me) in enumerate(meds.get(p["id"], []), 1):
                    m = dict.fromkeys(cols, "")
                    m.update(record_id=p["id"], redcap_event_name=ev, redcap_repeat_instrument="medications",
                             redcap_repeat_instance=str(j), redcap_data_access_group=p["dag"], med_name=mn,
                             med_dose=md, med_start=ms, med_stop=me, medications_complete="1")
                    rows.append(m)
    write_csv(os.path.join(d, "DiabetesCohort_DATA_2023-07-05_1412.csv"), cols, [[r[c] for c in cols] for r in rows])
    labels = {"record_id": "Record ID", "redcap_event_name": "Event Name", "redcap_repeat_instrument": "Repeat Instrument",
              "redcap_repeat_instance": "Repeat Instance", "redcap_data_access_group": "Data Access Group",
              "redcap_survey_identifier": "Survey Identifier", "screening_timestamp": "Survey Timestamp",
              "first_name": "First name", "last_name": "Last name", "dob": "Date of birth",
              "mrn": "Medical record number (MRN)", "email": "E-mail address", "phone": "Phone number",
              "address": "Street address", "city": "City", "state": "State", "zip": "ZIP code", "sex": "Sex",
              "race___1": "Race (choice=White)", "race___2": "Race (choice=Black or African American)",
              "race___3": "Race (choice=Asian)", "race___4": "Race (choice=American Indian or Alaska Native)",
              "race___5": "Race (choice=Other)", "race_other": "If other, please specify",
              "ethnicity": "Hispanic or Latino?", "age_consent": "Age at consent (years)",
              "consent_date": "Date of consent", "enrolled_by": "Consent obtained by", "demographics_complete": "Complete?",
              "visit_date": "Visit date", "weight_kg": "Weight (kg)", "height_cm": "Height (cm)", "sbp": "Systolic BP",
              "dbp": "Diastolic BP", "hba1c": "HbA1c (%)", "visit_notes": "Visit notes", "visit_complete": "Complete?",
              "med_name": "Medication", "med_dose": "Dose", "med_start": "Start date", "med_stop": "Stop date",
              "medications_complete": "Complete?"}
    events = {"baseline_arm_1": "Baseline (Arm 1: Intervention)", "month_3_arm_1": "Month 3 (Arm 1: Intervention)"}
    out = []
    for r in rows:
        v = []
        for c in cols:
            x = r[c]
            if c == "redcap_event_name":
                x = events[x]
            elif c == "redcap_repeat_instrument" and x:
                x = "Medications"
            elif c == "redcap_data_access_group":
                x = x.upper()
            elif c == "sex" and x:
                x = {"1": "Male", "2": "Female"}[x]
            elif c.startswith("race___"):
                x = ("Checked" if x == "1" else "Unchecked") if r["demographics_complete"] else ""
            elif c == "ethnicity" and x:
                x = {"0": "No", "1": "Yes"}[x]
            elif c.endswith("_complete") and x:
                x = {"0": "Incomplete", "1": "Unverified", "2": "Complete"}[x]
            v.append(x)
        out.append(v)
    write_csv(os.path.join(d, "DiabetesCohort_DATA_LABELS_2023-07-05_1412.csv"), [labels[c] for c in cols], out)
    f = redcap_field
    write_csv(os.path.join(d, "DiabetesCohort_DataDictionary_2023-07-05.csv"), REDCAP_DICTIONARY_HEADER, [
        f("record_id", "demographics", "Record ID"),
        f("first_name", "demographics", "First name", flag="y", required="y", section="Contact information"),
        f("last_name", "demographics", "Last name", flag="y", required="y"),
        f("dob", "demographics", "Date of birth", validation="date_mdy", flag="y", required="y"),
        f("mrn", "demographics", "Medical record number (MRN)", validation="integer", flag="y",
          note="8 digits, with leading zeros"),
        f("email", "demographics", "E-mail address", validation="email", flag="y"),
        f("phone", "demographics", "Phone number", validation="phone", flag="y"),
        f("address", "demographics", "Street address", typ="notes", flag="y"),
        f("city", "demographics", "City", flag="y"),
        f("state", "demographics", "State", typ="dropdown",
          choices="MA, Massachusetts | NH, New Hampshire | RI, Rhode Island"),
        f("zip", "demographics", "ZIP code", validation="zipcode", flag="y"),
        f("sex", "demographics", "Sex", typ="radio", choices="1, Male | 2, Female"),
        f("race", "demographics", "Race", typ="checkbox",
          choices="1, White | 2, Black or African American | 3, Asian | 4, American Indian or Alaska Native | 5, Other"),
        f("race_other", "demographics", "If other, please specify", logic="[race(5)] = '1'"),
        f("ethnicity", "demographics", "Hispanic or Latino?", typ="yesno"),
        f("age_consent", "demographics", "Age at consent (years)", typ="calc",
          choices="rounddown(datediff([dob],[consent_date],'y','ymd'),0)"),
        f("consent_date", "demographics", "Date of consent", validation="date_mdy", required="y",
          annotation="@TODAY"),
        f("enrolled_by", "demographics", "Consent obtained by", note="Staff member's full name"),
        f("visit_date", "visit", "Visit date", validation="date_mdy", required="y"),
        f("weight_kg", "visit", "Weight (kg)", validation="number", vmin="30", vmax="250", section="Vitals"),
        f("height_cm", "visit", "Height (cm)", validation="integer", vmin="100", vmax="230"),
        f("sbp", "visit", "Systolic BP", validation="integer", vmin="60", vmax="250", note="mmHg"),
        f("dbp", "visit", "Diastolic BP", validation="integer", vmin="30", vmax="150", note="mmHg"),
        f("hba1c", "visit", "HbA1c (%)", validation="number_1dp", vmin="3", vmax="20", section="Labs"),
        f("visit_notes", "visit", "Visit notes", typ="notes", note="Do not enter identifiers"),
        f("med_name", "medications", "Medication", required="y"),
        f("med_dose", "medications", "Dose"),
        f("med_start", "medications", "Start date", validation="date_mdy"),
        f("med_stop", "medications", "Stop date", validation="date_mdy")])
    # a pediatric asthma survey project: the parent answers; the child is known by initials only
    kids = [
        ("1", "2023-02-10 16:22:05", "JMW", "Henrietta Whitacre", "Mother", "Quarry Brook Middle School", "7", "Townsend",
         "Middlesex", "Dr. Percival Ashgrove", "Leopold Whitacre", "(978) 555-0132", "Tufts Health Plan", "110044213377",
         "no", "", "6", "Moderate persistent", "82",
         "The inhaler was left at Grandma Ottoline's house in Pepperell last week.", "2"),
        ("2", "2023-02-14 08:03:41", "AKO", "Ngozi Okafor-Lindqvist", "Mother", "Lowell Catholic High School", "10",
         "Dracut", "Middlesex", "Dr. Percival Ashgrove", "Emeka Okafor-Lindqvist", "978-555-0177", "MassHealth",
         "220055881244", "yes", "3", "4", "Severe persistent", "64",
         "She and her twin brother Chidubem both use the spacer.", "2"),
        ("3", "2023-02-14 08:09:12", "CCO", "Ngozi Okafor-Lindqvist", "Mother", "Lowell Catholic High School", "10",
         "Dracut", "Middlesex", "Dr. Percival Ashgrove", "Emeka Okafor-Lindqvist", "978-555-0177", "MassHealth",
         "220055881251", "yes", "2", "4", "Mild persistent", "91", "", "2"),
        ("4", "[not completed]", "TRB", "Wilhelmina Brackenridge", "Grandmother", "Nashoba Regional High School", "9",
         "Bolton", "Worcester", "Dr. Imogen Faircloth", "Wilhelmina Brackenridge", "(978) 555-0109", "Harvard Pilgrim",
         "", "no", "", "11", "Mild intermittent", "97",
         "Lives with grandmother in Bolton since 2021. Grandpa Osric drives him to clinic.", "1"),
    ]
    kcols = ["record_id", "redcap_event_name", "redcap_survey_identifier", "enrollment_survey_timestamp",
             "child_initials", "mother_name", "guardian_relationship", "school", "grade", "hometown", "county", "pcp",
             "emergency_contact", "ec_phone", "insurance", "medicaid_id", "twin", "sib_record", "diagnosis_age",
             "asthma_severity", "fev1_pct", "parent_comments", "enrollment_survey_complete"]
    write_csv(os.path.join(d, "PedsAsthma_DATA_2023-03-01_0930.csv"), kcols,
              [[k[0], "enrollment_arm_1", ""] + list(k[1:]) for k in kids])
    form = "enrollment_survey"
    write_csv(os.path.join(d, "PedsAsthma_DataDictionary_2023-03-01.csv"), REDCAP_DICTIONARY_HEADER, [
        f("record_id", form, "Record ID"),
        f("child_initials", form, "Child's initials", flag="y"),
        f("mother_name", form, "Parent/guardian name", flag="y"),
        f("guardian_relationship", form, "Relationship to child", typ="dropdown",
          choices="1, Mother | 2, Father | 3, Grandmother | 4, Other"),
        f("school", form, "<b>School</b> attended", flag="y"),
        f("grade", form, "Grade", validation="integer"),
        f("hometown", form, "Town of residence", flag="y"),
        f("county", form, "County", flag="y"),
        f("pcp", form, "Primary care provider", flag="y"),
        f("emergency_contact", form, "Emergency contact", flag="y"),
        f("ec_phone", form, "Emergency contact phone", validation="phone"),
        f("insurance", form, "Insurance plan"),
        f("medicaid_id", form, "MassHealth member ID", flag="y"),
        f("twin", form, "Is the child a twin?", typ="yesno"),
        f("sib_record", form, "Record ID of enrolled sibling", flag="y", note="Leave blank if none"),
        f("diagnosis_age", form, "Age at asthma diagnosis", validation="integer"),
        f("asthma_severity", form, "Severity (NAEPP)", typ="dropdown"),
        f("fev1_pct", form, "FEV1 % predicted", validation="number"),
        f("parent_comments", form, "Anything else you want us to know?", typ="notes", annotation="@CHARLIMIT=500")])
    # the cohort's logging export (decision 0177): who did what to which record, with the values entered
    write_csv(os.path.join(d, "DiabetesCohort_Logging_2023-07-05_1415.csv"),
              ["Time / Date", "Username", "Action", "List of Data Changes OR Fields Exported"], [
                  ["2023-07-05 14:12", "twrenfield", "Data export",
                   "record_id, redcap_event_name, first_name, last_name, dob, mrn"],
                  ["2023-06-14 10:02", "asollberger", "Update record 1 (Month 3)",
                   "visit_date = '2023-06-14', weight_kg = '70.2', visit_notes = 'Marguerite doing well, daughter"
                   " Evangeline drove her. A1c improved.'"],
                  ["2023-04-03 11:20", "asollberger", "Create record 4 (Baseline)",
                   "first_name = 'Cornelius', last_name = 'Vantongeren', dob = '1955-01-27', mrn = '00339017',"
                   " email = 'corvan55@yahoo.com', phone = '(781) 555-0166', address = '62 Birchwood Lane',"
                   " city = 'Medford', zip = '02155', race(1) = checked, age_consent = '68', record_id = '4'"],
                  ["2023-03-15 09:12", "twrenfield", "Update record 2 (Baseline)",
                   "last_name = 'Quarrington', dob = '1931-11-06', address = '1140 Commonwealth Ave Apt 3B',"
                   " visit_notes = 'Mr. Quarrington is 91, lives alone at 1140 Commonwealth Ave. Neighbour Agatha"
                   " Pennywhistle checks on him.', age_consent = '91'"],
                  ["2023-03-13 09:41", "[survey respondent]", "Create survey response 1 (Baseline)",
                   "first_name = 'Marguerite', last_name = 'Delacroix-Vennor', email = 'mdelacroixv46@gmail.com',"
                   " dob = '1946-08-17', [instance = 1]"],
                  ["2023-03-13 09:40", "twrenfield", "Manage/Design", "Create data export (Diabetes core)"],
                  ["2023-03-01 08:15", "twrenfield", "Add user asollberger",
                   "user = 'asollberger', design = '0', data_export_tool = '2', record_create = '1'"],
              ])
    # the cohort's survey participant list (decision 0178): who was invited, with each invitation's access code and link
    write_csv(os.path.join(d, "DiabetesCohort_ParticipantList_2023-07-05.csv"),
              ["Email", "Phone", "Participant Identifier (optional)", "Record", "Survey Access Code", "Survey Link",
               "Responded?", "Invitation scheduled?", "Invitation sent status", "Invitation send time",
               "Link expiration time"], [
                  ["mdelacroixv46@gmail.com", "(617) 555-0143", "Marguerite D.", "1", "K7PW4XN9D",
                   "https://redcap.mgh.example.org/surveys/?s=HK3D8WJ4AP", "1", "0", "1", "2023-03-13 09:00", ""],
                  ["c.vorheesmbatha@outlook.com", "", "Clementine V-M", "3", "D2RM7TQ8E",
                   "https://redcap.mgh.example.org/surveys/?s=7TN4XE9LCM", "1", "0", "1", "2023-03-21 08:30",
                   "2023-04-21 08:30"],
                  ["corvan55@yahoo.com", "(781) 555-0166", "", "", "QX9F2MB4W",
                   "https://redcap.mgh.example.org/surveys/?s=P9LW2HC7XR", "0", "1", "0", "2023-04-03 10:00", ""],
              ])
    plant("credential", "K7PW4XN9D", "D2RM7TQ8E", "QX9F2MB4W", "HK3D8WJ4AP", "7TN4XE9LCM", "P9LW2HC7XR")
    plant("patient-name", "Marguerite", "Delacroix-Vennor", "Ezekiel", "Quarrington", "Clementine", "Vorhees-Mbatha",
          "Cornelius", "Vantongeren", "Henrietta", "Whitacre", "Ngozi", "Okafor-Lindqvist", "Wilhelmina",
          "Brackenridge")
    plant("patient-initials", "JMW", "AKO", "CCO", "TRB")
    plant("relative-name", "Thaddeus", "Evangeline", "Leopold", "Emeka", "Ottoline", "Osric", "Chidubem",
          "Agatha Pennywhistle")
    plant("clinician-name", "Tobias Wrenfield", "Wrenfield", "Sollberger", "Hollingsworth-Bain", "Ashgrove",
          "Faircloth", "twrenfield", "asollberger")
    plant("mrn", "00458812", "00771204", "01122930", "00339017")
    plant("national-id", "110044213377", "220055881244", "220055881251")
    plant("email", "mdelacroixv46@gmail.com", "c.vorheesmbatha@outlook.com", "corvan55@yahoo.com")
    plant("phone", "(617) 555-0143", "617-555-0178", "508.555.0121", "(781) 555-0166", "(978) 555-0132",
          "978-555-0177", "(978) 555-0109")
    plant("address", "27 Larkspur Crescent", "1140 Commonwealth Ave", "9 Quince Hollow Rd", "62 Birchwood Lane")
    plant("place", "Somerville", "Framingham", "Medford", "Townsend", "Dracut", "Bolton", "Pepperell",
          "Quarry Brook Middle School", "Lowell Catholic High School", "Nashoba Regional High School")
    plant("birth-date", "1946-08-17", "1931-11-06", "1977-08-21", "1955-01-27", "01/27/1955")
    plant("event-date", "2023-03-13", "2023-03-15", "2023-03-21", "2023-04-03", "2023-06-14", "2023-06-19",
          "2023-06-23", "03/02/2023", "09/21/2023")
    keep("redcap", "baseline_arm_1", "month_3_arm_1", "Baseline (Arm 1: Intervention)", "medications", "Medications",
         "Metformin", "500 mg BID", "Insulin glargine", "20 units qHS", "Cape Verdean", "Moderate persistent",
         "Severe persistent", "Tufts Health Plan", "MassHealth", "[not completed]", "date_mdy", "number_1dp",
         "Phone number", "Medical record number (MRN)", "E-mail address", "<b>School</b> attended",
         "Record ID of enrolled sibling", "rounddown(datediff([dob],[consent_date],'y','ymd'),0)", "@CHARLIMIT=500",
         "Race (choice=Black or African American)", "Unverified", "Checked", "Unchecked", "Data export",
         "Manage/Design", "weight_kg = '70.2'", "race(1) = checked", "[instance = 1]", "Invitation sent status")


def ahv(nine):
    """A Swiss AHV number 756.XXXX.XXXX.XC with its EAN-13 check digit."""
    digits = "756" + nine
    total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
    d = digits + str((10 - total % 10) % 10)
    return "%s.%s.%s.%s" % (d[:3], d[3:7], d[7:11], d[11:])


def svnr(three, birth):
    """An Austrian social insurance number NNNC DDMMYY with its check digit (mod 11, weights 3 7 9 5 8 4 2 1 6)."""
    body = [int(c) for c in three + birth]
    c = sum(w * x for w, x in zip([3, 7, 9, 5, 8, 4, 2, 1, 6], body)) % 11
    assert c != 10
    return "%s%d %s" % (three, c, birth)


def fodselsnummer(birth, three):
    """A Norwegian national identity number DDMMYY III K1K2 (mod 11 twice)."""
    d = [int(c) for c in birth + three]
    k1 = 11 - sum(w * x for w, x in zip([3, 7, 6, 1, 8, 9, 4, 5, 2], d)) % 11
    k1 = 0 if k1 == 11 else k1
    assert k1 != 10
    k2 = 11 - sum(w * x for w, x in zip([5, 4, 3, 2, 7, 6, 5, 4, 3, 2], d + [k1])) % 11
    k2 = 0 if k2 == 11 else k2
    assert k2 != 10
    return "%s %s%d%d" % (birth, three, k1, k2)


def hetu(birth, sign, three):
    """A Finnish personal identity code DDMMYY-NNNC (check character mod 31)."""
    return birth + sign + three + "0123456789ABCDEFHJKLMNPRSTUVWXY"[int(birth + three) % 31]


def rodne_cislo(yymmdd):
    """A Czech birth number YYMMDD/NNNN divisible by 11 (a woman's month plus 50)."""
    for n in range(1000, 10000):
        if int(yymmdd + "%04d" % n) % 11 == 0 and n >= 1234:
            return "%s/%04d" % (yymmdd, n)


def rijksregisternummer(yymmdd, three):
    """A Belgian national register number YY.MM.DD-NNN.CC (97 minus the number mod 97, born before 2000)."""
    check = 97 - int(yymmdd + three) % 97
    return "%s.%s.%s-%s.%02d" % (yymmdd[:2], yymmdd[2:4], yymmdd[4:], three, check)


def europe():
    """Exports of Swiss, Austrian and a multinational trial's sites (decision 0179): a Swiss hospital's patient list
    (`;`, UTF-8, `dd.MM.yyyy`: `AHV_Nummer` with its EAN-13 check digit, `Versichertenkarte`, the insurance card's
    twenty digits, a four-digit `PLZ`) and consultations whose notes repeat the AHV number, a relative and a mobile; an
    Austrian one (Windows-1252) with the `SVNR` (its check digit and the birth date), repeated in its remarks; and a
    sponsor's safety database narratives from sites in Norway, Finland, Denmark, the Czech Republic and Belgium, each
    naming the patient's national number after its label, in a table without a patient column."""
    d = os.path.join(HERE, "eu")
    os.makedirs(d, exist_ok=True)
    ch = [("100234", "Brunnschweiler", "Ursina", "12.03.1961", "F", ahv("921707698"), "80756000010001234567",
           "CSS Kranken-Versicherung AG", "8004", "Zürich", "Langstrasse 112"),
          ("100235", "Tschudin", "Gian-Reto", "04.11.1948", "M", ahv("123456789"), "80756000010007654321",
           "Helsana Versicherungen AG", "3011", "Bern", "Kramgasse 49")]
    write_csv(os.path.join(d, "patienten_ch.csv"), ["PID", "Name", "Vorname", "Geburtsdatum", "Geschlecht", "AHV_Nummer",
                                                   "Versichertenkarte", "Krankenkasse", "PLZ", "Ort", "Strasse"],
              [list(r) for r in ch], delimiter=";", newline="\r\n")
    write_csv(os.path.join(d, "konsultationen_ch.csv"), ["PID", "Datum", "ICD10", "Notiz"], [
        ["100234", "14.03.2023", "E11.9", "Pat. mit AHV %s, Tochter Seraina begleitet. HbA1c 7,9 %%." % ch[0][5]],
        ["100235", "21.03.2023", "I10", "Rückruf an Hr. Tschudin, Tel. 079 123 45 67. Versichertenkarte %s." % ch[1][6]],
    ], delimiter=";", newline="\r\n")
    at = [("A-55102", "Hinterberger", "Leopoldine", svnr("123", "120361"), "12.03.1961"),
          ("A-55103", "Oberhuber", "Wolfgang", svnr("456", "041148"), "04.11.1948")]
    write_csv(os.path.join(d, "patienten_at.csv"), ["Patienten-ID", "Familienname", "Vorname", "SVNR", "Geburtsdatum",
                                                   "Bemerkung"],
              [list(r) + ["SV-Nr. %s, Gattin des Hr. %s" % (r[3], r[1])] for r in at],
              delimiter=";", encoding="cp1252", newline="\r\n")
    no = fodselsnummer("120361", "123")
    fi = hetu("030456", "-", "123")
    dk = "120361-1234"
    cz = rodne_cislo("615312")
    be = rijksregisternummer("610312", "123")
    write_csv(os.path.join(d, "safety_narratives.csv"), ["CASE_NUM", "COUNTRY", "SITE", "EVENT_TERM", "NARRATIVE"], [
        ["2023NO000412", "NO", "Oslo universitetssykehus", "Pneumonia",
         "Pasienten (fødselsnummer %s) ble innlagt 14.03.2023 med pneumoni." % no],
        ["2023FI000188", "FI", "HUS Meilahti", "Atrial fibrillation",
         "Potilas, henkilötunnus %s, kotiutettiin 21.03.2023." % fi],
        ["2023DK000093", "DK", "Rigshospitalet", "Fall",
         "Patient med CPR-nr. %s faldt i hjemmet." % dk],
        ["2023CZ000301", "CZ", "FN Motol", "Neutropenia",
         "Pacientka, rodné číslo %s, přijata pro neutropenii." % cz],
        ["2023BE000057", "BE", "UZ Leuven", "Rash",
         "Patiënte met rijksregisternummer %s meldde huiduitslag." % be],
    ])
    plant("patient-name", "Brunnschweiler", "Ursina", "Tschudin", "Gian-Reto", "Hinterberger", "Leopoldine", "Oberhuber",
          "Wolfgang")
    plant("relative-name", "Seraina")
    plant("national-id", ch[0][5], ch[1][5], ch[0][6], ch[1][6], at[0][3], at[1][3], no, fi, dk, cz, be)
    plant("address", "Langstrasse 112", "Kramgasse 49")
    plant("phone", "079 123 45 67")
    plant("birth-date", "12.03.1961", "04.11.1948")
    keep("eu", "E11.9", "I10", "CSS Kranken-Versicherung AG", "Helsana Versicherungen AG", "HbA1c 7,9 %", "Pneumonia",
         "Atrial fibrillation", "Oslo universitetssykehus", "Rigshospitalet", "ble innlagt")


def patient_lists():
    """An EHR's patient list as a unit prints it to CSV (decision 0180): `Patient` holds each patient surname first with
    the record's number (`QUACKENBOSS, PERPETUA (MRN 00458812)`), beside age and sex, room and bed, the attending, the
    admission date, the principal problem and the code status; and the unit's rounding notes naming the patients given
    name first. Names no name list holds."""
    d = os.path.join(HERE, "lists")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "patient_list.csv"), ["Patient", "Age/Sex", "Room/Bed", "Attending", "Admit Date",
                                                    "Principal Problem", "Code Status", "Last Weight"], [
        ["QUACKENBOSS, PERPETUA (MRN 00458812)", "91 y.o. F", "4N-412-A", "Thistlewaite, Ambrose, MD", "03/12/2023",
         "Pneumonia of left lower lobe due to infectious organism", "Full Code", "61.2 kg"],
        ["VANDERHOEK, ISOLDE (MRN 00339017)", "68 y.o. F", "4N-415-B", "Okonkwo-Baptiste, Ifeoma, DO", "03/14/2023",
         "Acute on chronic systolic heart failure", "DNR/DNI", "88.4 kg"],
        ["MARCHBANKS, TIBERIUS (MRN 00771204)", "45 y.o. M", "5S-502-A", "Thistlewaite, Ambrose, MD", "03/15/2023",
         "Type 2 diabetes mellitus with hyperglycemia", "Full Code", "70.1 kg"],
    ], newline="\r\n")
    write_csv(os.path.join(d, "rounds.csv"), ["Room", "Note"], [
        ["4N-412-A", "Perpetua Quackenboss seen on rounds; MRN 00458812 verified, family updated."],
        ["5S-502-A", "Tiberius Marchbanks: glucose improving, ambulating with PT."],
    ], newline="\r\n")
    plant("patient-name", "QUACKENBOSS", "PERPETUA", "VANDERHOEK", "ISOLDE", "MARCHBANKS", "TIBERIUS")
    plant("mrn", "00458812", "00339017", "00771204")
    plant("clinician-name", "Thistlewaite", "Okonkwo-Baptiste")
    keep("lists", "Pneumonia of left lower lobe due to infectious organism", "Full Code", "DNR/DNI", "61.2 kg",
         "glucose improving, ambulating with PT.")


def vista():
    """A VA export (decision 0181): the Corporate Data Warehouse's tables keyed by PatientSID (`SPatient` with the VistA
    PatientIEN, the enterprise ICN `1013377001V482915`, the last four of the SSN as `W9877`), `Outpat_Visit`, TIU notes
    as VistA writes them (`DATE OF NOTE: MAR 12, 2023@14:30`, `DOB: FEB 16,1931 (92)`, `/es/ PEREGRINE GALLOWAY`,
    `Last 4 8904`, cosigners `TOLLEMACHE,EVERARD`), a VistA lab extract keyed by the DFN with FileMan dates
    (`3230312.1445`: the year less 1700) and a FileMan export file, `^` between its fields, dates `FEB 16,1931`."""
    d = os.path.join(HERE, "va")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "SPatient.csv"), [
        "PatientSID", "PatientIEN", "Sta3n", "PatientICN", "PatientName", "PatientLastName", "PatientFirstName",
        "PatientSSN", "DateOfBirth", "Gender", "MaritalStatus", "Religion", "PeriodOfService", "VeteranFlag",
        "DeathDateTime", "PatientLast4"], [
        ["1400887001", "7204415", "663", "1013377001V482915", "WINTERBOTTOM,ZEBEDIAH T", "WINTERBOTTOM", "ZEBEDIAH",
         "543219877", "1931-02-16 00:00:00.000", "M", "MARRIED", "METHODIST", "WORLD WAR II", "Y", "", "W9877"],
        ["1400887002", "7204416", "663", "1013377002V119384", "CRABTREE,AUGUSTINA M", "CRABTREE", "AUGUSTINA",
         "412558904", "1950-04-22 00:00:00.000", "F", "WIDOWED", "CATHOLIC", "VIETNAM ERA", "Y",
         "2023-04-02 03:15:00.000", "C8904"],
        ["1400887003", "7204417", "663", "1013377003V770021", "VOSKUIJLEN,OSWIN", "VOSKUIJLEN", "OSWIN",
         "301667215", "1966-09-09 00:00:00.000", "M", "DIVORCED", "NO PREFERENCE", "PERSIAN GULF WAR", "Y", "",
         "V7215"],
        ["1400887004", "7204418", "663", "1013377004V335507", "PENWORTHY,LUCINDA", "PENWORTHY", "LUCINDA",
         "600114872", "1949-12-01 00:00:00.000", "F", "MARRIED", "BAPTIST", "KOREAN", "Y", "", "P4872"],
    ], newline="\r\n")
    write_csv(os.path.join(d, "Outpat_Visit.csv"), [
        "VisitSID", "PatientSID", "Sta3n", "VisitDateTime", "LocationName", "PrimaryStopCode", "SecondaryStopCode",
        "PrimaryProviderName", "PrimaryDiagnosisCode"], [
        ["800091234", "1400887001", "663", "2023-03-12 14:30:00.000", "SEA PRIMARY CARE BLUE", "323", "185",
         "GALLOWAY,PEREGRINE", "I10"],
        ["800091235", "1400887002", "663", "2023-03-14 09:00:00.000", "SEA CARDIOLOGY", "303", "",
         "TOLLEMACHE,EVERARD", "I50.22"],
        ["800091236", "1400887003", "663", "2023-03-15 10:45:00.000", "SEA MH CLINIC", "502", "",
         "QUINCEY,THEODORIC", "F43.10"],
        ["800091237", "1400887004", "663", "2023-03-16 08:15:00.000", "SEA PRIMARY CARE GREEN", "323", "",
         "GALLOWAY,PEREGRINE", "E11.9"],
    ], newline="\r\n")
    notes = [
        ["9000001", "1400887001", "2023-03-12 14:30:00.000", "PRIMARY CARE NOTE",
         "LOCAL TITLE: PRIMARY CARE NOTE\nSTANDARD TITLE: PRIMARY CARE NOTE\n"
         "DATE OF NOTE: MAR 12, 2023@14:30     ENTRY DATE: MAR 12, 2023@14:35:12\n"
         "      AUTHOR: GALLOWAY,PEREGRINE  EXP COSIGNER:\n"
         "     URGENCY:                            STATUS: COMPLETED\n\n"
         "Patient: WINTERBOTTOM,ZEBEDIAH T   SSN: 543-21-9877   DOB: FEB 16,1931 (92)\n"
         "WWII veteran seen for HTN f/u. Lives with wife Eglantine at 1418 Alderbrook Ln, Puyallup WA 98371.\n"
         "Daughter Marigold Winterbottom (POA) phone (253) 555-0914 present for visit.\n"
         "BP 148/82. Continue lisinopril 20 mg daily. RTC MAR 29,2023@10:00.\n"
         "Colonoscopy polyp: Accession #: SP-23-004519, tubular adenoma. Pacemaker serial PJN778812H checked.\n"
         "He turns 93 next month; family planning a party.\n\n"
         "/es/ PEREGRINE GALLOWAY\nPHYSICIAN\nSigned: 03/12/2023 14:52"],
        ["9000002", "1400887002", "2023-03-14 09:00:00.000", "CARDIOLOGY CONSULT",
         "LOCAL TITLE: CARDIOLOGY CONSULT\n"
         "DATE OF NOTE: MAR 14, 2023@09:00     ENTRY DATE: MAR 14, 2023@11:02:45\n"
         "      AUTHOR: TOLLEMACHE,EVERARD  EXP COSIGNER: BRACKENRIDGE,WYNFORD\n"
         "Pt CRABTREE, AUGUSTINA (C8904) referred for HFrEF. Last 4 8904. ICN 1013377002V119384.\n"
         "Echo 03/01/2023: EF 30%. Started sacubitril/valsartan. Son Ptolemy Crabtree to drive her.\n"
         "/es/ EVERARD TOLLEMACHE, MD\nSigned: 03/14/2023 11:10\n"
         "Receipt Acknowledged By: 03/14/2023 13:01  /es/ WYNFORD BRACKENRIDGE"],
        ["9000003", "1400887003", "2023-03-15 10:45:00.000", "MH INTAKE",
         "LOCAL TITLE: MENTAL HEALTH INTAKE\nDATE OF NOTE: MAR 15, 2023@10:45\n"
         "      AUTHOR: QUINCEY,THEODORIC\n"
         "Veteran VOSKUIJLEN,OSWIN, last four V7215, served Desert Storm with 1st Cavalry.\n"
         "Reports nightmares. Wife Theodosia (cell 253-555-0962). Email ovoskuijlen66@example.net.\n"
         "Posts about his service as @desertstorm_vet91 on Instagram.\n"
         "Safety plan reviewed. Next appt MAR 29,2023@11:00.\n/es/ THEODORIC QUINCEY, PhD"],
        ["9000004", "1400887004", "2023-03-16 08:15:00.000", "PRIMARY CARE NOTE",
         "DATE OF NOTE: MAR 16, 2023@08:15\n      AUTHOR: GALLOWAY,PEREGRINE\n"
         "PENWORTHY,LUCINDA  DOB: DEC 1,1949 (73)  A1c 8.2, metformin increased.\n/es/ PEREGRINE GALLOWAY"],
    ]
    write_csv(os.path.join(d, "TIU_TIUDocument.csv"), ["TIUDocumentSID", "PatientSID", "ReferenceDateTime",
                                                       "TIUDocumentDefinition", "ReportText"], notes,
              newline="\r\n")
    write_csv(os.path.join(d, "LAB_FM.csv"), ["DFN", "PATIENT", "LRDFN", "ACCESSION", "DATE/TIME SPECIMEN TAKEN",
                                              "TEST", "RESULT", "UNITS", "DATE REPORT COMPLETED"], [
        ["7204415", "WINTERBOTTOM,ZEBEDIAH T", "40021", "CH 0312 14", "3230312.1445", "POTASSIUM", "4.1", "mmol/L",
         "3230312.163"],
        ["7204416", "CRABTREE,AUGUSTINA M", "40022", "CH 0314 3", "3230314.0905", "BNP", "1840", "pg/mL",
         "3230314.1101"],
        ["7204417", "VOSKUIJLEN,OSWIN", "40023", "CH 0315 22", "3230315.1102", "GLUCOSE", "112", "mg/dL",
         "3230315.13"],
        ["7204418", "PENWORTHY,LUCINDA", "40024", "CH 0316 5", "3230316.0822", "HEMOGLOBIN A1C", "8.2", "%",
         "3230316.1517"],
    ])
    with open(os.path.join(d, "PATIENT_FM.txt"), "w", encoding="ascii", newline="") as f:
        for r in [
            ["NAME", "SEX", "DATE OF BIRTH", "SOCIAL SECURITY NUMBER", "STREET ADDRESS [LINE 1]", "CITY", "STATE",
             "ZIP CODE", "PHONE NUMBER [RESIDENCE]", "K-NAME OF PRIMARY NOK", "K-PHONE NUMBER", "PERIOD OF SERVICE"],
            ["WINTERBOTTOM,ZEBEDIAH T", "MALE", "FEB 16,1931", "543219877", "1418 ALDERBROOK LN", "PUYALLUP",
             "WASHINGTON", "98371", "253-555-0933", "WINTERBOTTOM,MARIGOLD", "253-555-0914", "WORLD WAR II"],
            ["CRABTREE,AUGUSTINA M", "FEMALE", "APR 22,1950", "412558904", "77 CORMORANT WAY", "ENUMCLAW",
             "WASHINGTON", "98022", "253-555-0948", "CRABTREE,PTOLEMY", "253-555-0977", "VIETNAM ERA"],
            ["VOSKUIJLEN,OSWIN", "MALE", "SEP 9,1966", "301667215", "2209 HEMLOCK ST", "SPANAWAY", "WASHINGTON",
             "98387", "253-555-0962", "VOSKUIJLEN,THEODOSIA", "253-555-0962", "PERSIAN GULF WAR"],
        ]:
            f.write("^".join(r) + "\r\n")
    plant("patient-name", "WINTERBOTTOM", "ZEBEDIAH", "CRABTREE", "AUGUSTINA", "VOSKUIJLEN", "OSWIN", "PENWORTHY",
          "LUCINDA")
    plant("clinician-name", "GALLOWAY", "PEREGRINE", "TOLLEMACHE", "EVERARD", "QUINCEY", "THEODORIC", "BRACKENRIDGE",
          "WYNFORD")
    plant("relative-name", "Eglantine", "Marigold", "Ptolemy", "Theodosia")
    plant("patient-id", "1400887001", "1400887002", "1400887003", "1400887004", "7204415", "7204416", "7204417",
          "7204418")
    plant("national-id", "543219877", "543-21-9877", "412558904", "301667215", "600114872", "1013377001V482915",
          "1013377002V119384", "1013377003V770021", "1013377004V335507", "W9877", "C8904", "V7215", "P4872",
          "Last 4 8904")
    plant("birth-date", "1931-02-16", "1950-04-22", "1966-09-09", "1949-12-01", "FEB 16,1931", "APR 22,1950",
          "SEP 9,1966", "DEC 1,1949")
    plant("age-over-89", "(92)")
    plant("address", "1418 Alderbrook Ln", "1418 ALDERBROOK LN", "77 CORMORANT WAY", "2209 HEMLOCK ST", "Puyallup",
          "PUYALLUP", "ENUMCLAW", "SPANAWAY")
    plant("phone", "(253) 555-0914", "253-555-0914", "253-555-0962", "253-555-0933", "253-555-0948", "253-555-0977")
    plant("email", "ovoskuijlen66@example.net")
    plant("event-date", "3230312.1445", "3230314.0905", "3230315.1102", "3230316.0822")
    # a pathology accession, a device's serial and an age a patient turns, in a note alone (decision 0183)
    plant("order-id", "SP-23-004519")
    plant("device-id", "PJN778812H")
    plant("age-over-89", "turns 93")
    plant("social-handle", "@desertstorm_vet91", "desertstorm_vet91")
    keep("va", "SEA PRIMARY CARE BLUE", "I50.22", "F43.10", "E11.9", "POTASSIUM", "mmol/L", "HEMOGLOBIN A1C",
         "PERSIAN GULF WAR", "WORLD WAR II", "sacubitril/valsartan", "BP 148/82. Continue lisinopril 20 mg daily.",
         "A1c 8.2, metformin increased.", "served Desert Storm with 1st Cavalry.", "(73)", "tubular adenoma")


def us_clinic():
    """A US clinic's export (decision 0184), as an ambulatory EHR extracts it in capitals with `LAST,FIRST` names: notes
    that name towns after "in" and "from" (`lives alone in Bayou La Batre, AL`, `drove him from Sedro-Woolley`, `now in
    Kalispell`), addresses with a direction, a numbered street or road, a unit and the town after them (`905 N Pine St,
    Sedro-Woolley`, `4521 County Road 12, Mabank`, `48 Hollyhock Street, Apt 5, Tonopah`), and days without a year after
    the words a clinic's plans are written with (`f/u 5/29`, `Tues 7/23 @ 2pm`, `RTC 2 wks (6/14)`, `INR check 11/8`),
    a licence after `Lic#`, a ZIP code after `zip code`, a study's day (`CT 10/27`), a nurse practitioner after `NP`
    and a relative's age at death (`died at 94`);
    beside them what the researcher keeps: grades and scores written as fractions, eponyms, drugs and services after
    the same prepositions."""
    d = os.path.join(HERE, "us-clinic")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "AMB_NOTES.csv"), ["PAT_MRN_ID", "PAT_NAME", "BIRTH_DATE", "CONTACT_DATE", "ENTRY_USER",
                                                  "NOTE_TEXT"], [
        ["E3318842", "TUCKERBY,WILHELMINA", "06/21/1949", "05/02/2023", "wquenneville",
         "Mrs. Tuckerby is a 73 yo retired schoolteacher who lives alone in Bayou La Batre, AL. Pt lives at 1432 "
         "Cottonwood Lane, Unit 3, Opelousas. f/u 5/29 with PCP. Strength 5/5 in all four, murmur 2/6. Lyme disease "
         "serology negative. Transitioned to comfort care discussion deferred."],
        ["E3318842", "TUCKERBY,WILHELMINA", "06/21/1949", "05/16/2023", "mholloway",
         "Daughter drove her from Sedro-Woolley. Next appt Tues 7/23 @ 2pm. Pain 7/10, Gleason 3+4 (2/12 cores) on "
         "prior biopsy. Switched from Norco to tramadol; in Afib on arrival, in NAD now. No longer drives: Lic# 517733 "
         "surrendered to the DMV. Mail to zip code 70570 only. Medicaid # XK33881D verified; Medi-Cal # 91847263A "
         "pending. Hx Christmas disease (factor IX 4%). Fell on Good Friday; granddaughter visits over Christmas."],
        ["E3318977", "RAVENSCROFT,FENNIMORE", "11/02/1958", "06/11/2023", "wquenneville",
         "Lives 905 N Pine St, Sedro-Woolley, with wife. Son visits from Coeur d'Alene. RTC 2 wks (6/14). INR 2.4, "
         "Next INR check 11/8. Seen in Cardiology from Urgent Care. CT 10/27 showed no bleed. Seen with NP Quenneville; sister Rosamund "
         "Ellery-Pike visits weekly; his wife, who is 98, stays home. Romberg negative, Tinel positive R wrist. "
         "his mother died at 94. Aunt's 96th birthday party Sunday. SSN on file XXX-XX-4471. Car towed, WA plate "
         "BKR4471; EMS found him at 48.5126, -122.6127. Daughter's e-mail: rquarrel(at)yahoo.com."],
        ["E3318977", "RAVENSCROFT,FENNIMORE", "11/02/1958", "06/25/2023", "mholloway",
         "Moved to 48 Hollyhock Street, Apt 5, Tonopah last month. Brother now in Kalispell; sister in Spanish Fork. "
         "Address on file: 4521 County Road 12, Mabank. Sister lives in the 98284 area too. Works in Radiology as a "
         "transporter. Fell on Christmas Eve "
         "2022 and again at Thanksgiving 2022; no falls since Easter Sunday 2023."],
    ], newline="\r\n")
    write_csv(os.path.join(d, "PAT_ADDRESS.csv"), ["PAT_MRN_ID", "ADDR_LINE_1", "CITY", "STATE", "ZIP", "HOME_PHONE"], [
        ["E3318842", "1432 COTTONWOOD LANE UNIT 3", "OPELOUSAS", "LA", "70570", "337-555-0148"],
        ["E3318977", "905 N PINE ST", "SEDRO-WOOLLEY", "WA", "98284", "360-555-0171"],
    ], newline="\r\n")
    plant("patient-name", "TUCKERBY", "WILHELMINA", "RAVENSCROFT", "FENNIMORE")
    plant("mrn", "E3318842", "E3318977")
    plant("address", "Bayou La Batre", "1432 Cottonwood Lane", "1432 COTTONWOOD LANE UNIT 3", "Unit 3, Opelousas",
          "Opelousas", "OPELOUSAS", "Sedro-Woolley", "SEDRO-WOOLLEY", "905 N Pine St", "905 N PINE ST",
          "Coeur d'Alene", "48 Hollyhock Street", "Apt 5, Tonopah", "Tonopah", "Kalispell", "Spanish Fork",
          "4521 County Road 12", "Mabank")
    plant("phone", "337-555-0148", "360-555-0171")
    plant("event-date", "f/u 5/29", "7/23", "(6/14)", "11/8")
    plant("licence", "517733")
    plant("event-date", "CT 10/27")
    plant("clinician-name", "Quenneville")
    plant("age-over-89", "died at 94")
    plant("address", "70570")
    plant("event-date", "Christmas Eve 2022", "Thanksgiving 2022", "Easter Sunday 2023")  # decision 0186
    plant("event-date", "Good Friday", "over Christmas")  # decision 0189
    plant("age-over-89", "96th birthday")  # decision 0191
    plant("ssn", "XXX-XX-4471")  # decision 0192
    plant("vehicle-id", "BKR4471")
    plant("address", "48.5126, -122.6127")
    plant("email", "rquarrel(at)yahoo.com", "rquarrel")  # decision 0193
    plant("insurance-id", "XK33881D", "91847263A")
    plant("relative-name", "Rosamund", "Ellery-Pike", "Pike")  # a double name's part that is a word (decision 0194)
    plant("staff-id", "wquenneville", "mholloway")  # the logins of the users who entered the notes (decision 0197)
    plant("age-over-89", "who is 98")  # decision 0199
    plant("address", "98284")  # the address table's ZIP code, bare in a note (decision 0187)
    keep("us-clinic", "Strength 5/5 in all four, murmur 2/6.", "Lyme disease", "Hx Christmas disease (factor IX 4%).", "comfort care", "Pain 7/10",
         "Gleason 3+4 (2/12 cores)", "Switched from Norco to tramadol; in Afib on arrival, in NAD now.", "INR 2.4",
         "Seen in Cardiology from Urgent Care.", "Works in Radiology as a transporter.",
         "Romberg negative, Tinel positive R wrist.")


# === dicom-vendor (decision 0185) ==================================================================================
# --- DICOM as vendors' modalities and PACS exports write it: a PACS's "export to folder" tree named by the patient
#     (`THACKERAY^BRENDAN_7730155/20230314 CT CHEST W CONTRAST/…`), a GE-like CT in implicit VR with an overlay plane's
#     label, a retired curve's label, an Original Attributes Sequence holding a corrected name, the operator's staff
#     number in a Person Identification Code Sequence and GE's private blocks; a presentation state whose text
#     annotation names the patient; an X-Ray Radiation Dose SR with its observer context, an authorising physician and
#     a comment; and an IHE PDI disc (DICOMDIR, `DICOM/PT…/ST…` files without an extension) of another patient with a
#     Hologic-like mammogram (SECTRA's identity block, insurance plan, order numbers), a key object selection whose
#     description names her, a 12-lead ECG whose annotations name the confirming physician and an earlier ECG's day,
#     and an ultrasound that declares burned-in text (withheld); and a third patient, 92, with a radiotherapy plan
#     (setup notes naming her daughter) and a comprehensive SR whose subject context repeats her birth date and age ---
def dicom_vendor():
    from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
    from pydicom.fileset import FileSet
    from pydicom.sequence import Sequence
    from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian
    d = os.path.join(HERE, "dicom-vendor")
    os.makedirs(d, exist_ok=True)
    root = "1.2.840.113619.2.55.3.4471902.118"  # a GE-like organisation root, as the modality writes it

    def code(value, scheme, meaning):
        c = Dataset()
        c.CodeValue = value
        c.CodingSchemeDesignator = scheme
        c.CodeMeaning = meaning
        return c

    def base(sop_class, sop_uid, study, series, modality, implicit=False):
        meta = FileMetaDataset()
        meta.MediaStorageSOPClassUID = sop_class
        meta.MediaStorageSOPInstanceUID = sop_uid
        meta.TransferSyntaxUID = ImplicitVRLittleEndian if implicit else ExplicitVRLittleEndian
        meta.ImplementationClassUID = "1.2.840.113619.6.374"
        meta.ImplementationVersionName = "GE_DICOM_3_0"
        ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
        ds.is_little_endian = True
        ds.is_implicit_VR = implicit
        ds.SOPClassUID = sop_class
        ds.SOPInstanceUID = sop_uid
        ds.StudyInstanceUID = study
        ds.SeriesInstanceUID = series
        ds.Modality = modality
        ds.SeriesNumber = int(series.rsplit(".", 1)[1])
        ds.InstanceNumber = 1
        return ds

    def thackeray(ds):
        ds.PatientName = "THACKERAY^BRENDAN^T"
        ds.PatientID = "7730155"
        ds.IssuerOfPatientID = "NCMC"
        ds.PatientBirthDate = "19610722"
        ds.PatientSex = "M"
        ds.PatientAge = "061Y"
        ds.StudyDate = "20230314"
        ds.StudyTime = "141122"
        ds.AccessionNumber = "NC23031400871"
        ds.StudyID = "48812"
        ds.ReferringPhysicianName = "ROSENHAGEN^ALOYSIUS^M^^MD"
        ds.StudyDescription = "CT CHEST W CONTRAST"
        ds.InstitutionName = "NORTHERN COLORADO MEDICAL CENTER"
        ds.Manufacturer = "GE MEDICAL SYSTEMS"

    ct = "1.2.840.10008.5.1.4.1.1.2"
    study = root + ".20230314.1"
    series = study + ".2"
    image = series + ".1"
    ds = base(ct, image, study, series, "CT", implicit=True)
    thackeray(ds)
    ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = "20230314"
    ds.AcquisitionDateTime = "20230314141530.125000"
    ds.SeriesDescription = "AXIAL 1.25"
    ds.ProtocolName = "5.1 CHEST W"
    ds.OtherPatientIDs = "HX4471902"
    other = Dataset()
    other.PatientID = "MC-88120455"
    other.IssuerOfPatientID = "MERCY CLINIC"
    other.TypeOfPatientID = "TEXT"
    ds.OtherPatientIDsSequence = Sequence([other])
    ds.OtherPatientNames = "THACKERAY^BREN"
    ds.PatientMotherBirthName = "KILBRIDE^NORA"
    ds.PatientAddress = "2219 WICKERSHAM CT, LOVELAND CO 80537"
    ds.PatientTelephoneNumbers = "970-555-0164"
    ds.MedicalRecordLocator = "CHART-7730155"
    ds.AdmissionID = "V00044812093"
    ds.ReferringPhysicianTelephoneNumbers = "970-555-0110"
    ds.InstitutionAddress = "1801 16TH ST, GREELEY CO"
    ds.StationName = "CTAWP73412"
    ds.DeviceSerialNumber = "G7731LX"
    ds.ManufacturerModelName = "LightSpeed VCT"
    ds.SoftwareVersions = "07MW18.4"
    ds.OperatorsName = "TRESILIAN^KESHA"
    operator = Dataset()
    person = code("EMP40921", "99NCMC", "TRESILIAN, KESHA")
    operator.PersonIdentificationCodeSequence = Sequence([person])
    operator.PersonTelephoneNumbers = "970-555-0139"
    operator.InstitutionName = "NORTHERN COLORADO MEDICAL CENTER"
    ds.OperatorIdentificationSequence = Sequence([operator])
    ds.PerformedProcedureStepDescription = "CT CHEST W CONTRAST"
    # the institution named again in text: the attributes go under the Basic Profile, a description keeps it
    ds.AcquisitionComments = "Protocol of NORTHERN COLORADO MEDICAL CENTER, rev 2021"
    ds.CommentsOnThePerformedProcedureStep = "Pt THACKERAY moved during first pass, upper lobes rescanned. Tech KT"
    ds.ImageComments = "THACKERAY^BRENDAN 7730155 recon 2"
    req = Dataset()
    req.RequestedProcedureID = "RP48812"
    req.RequestedProcedureDescription = "CT CHEST W CONTRAST"
    req.PlacerOrderNumberImagingServiceRequest = "ORD5520918"
    req.FillerOrderNumberImagingServiceRequest = "F5520918"
    req.ReasonForTheRequestedProcedure = "R91.1 solitary pulmonary nodule, f/u per Dr Rosenhagen"
    ds.RequestAttributesSequence = Sequence([req])
    # what the PACS kept when a clerk corrected the patient's name and id (PS3.3 C.12.1.1.9)
    old = Dataset()
    old.PatientName = "THACKERAY^BRENDEN"
    old.PatientID = "7730156"
    original = Dataset()
    original.ModifiedAttributesSequence = Sequence([old])
    original.AttributeModificationDateTime = "20230314150211"
    original.ModifyingSystem = "SYNAPSE PACS"
    original.SourceOfPreviousValues = "NCMC RIS"
    original.ReasonForTheAttributeModification = "CORRECT"
    ds.OriginalAttributesSequence = Sequence([original])
    # GE's private blocks, as the modality writes them
    ds.add_new(0x00090010, "LO", "GEMS_IDEN_01")
    ds.add_new(0x00091001, "LO", "CT_LIGHTSPEED")
    ds.add_new(0x00091002, "SH", "CTAWP73412")
    ds.add_new(0x00091004, "SH", "LightSpeed VCT")
    ds.add_new(0x00110010, "LO", "GEMS_PATI_01")
    ds.add_new(0x00111010, "SS", 0)
    ds.add_new(0x00430010, "LO", "GEMS_PARM_01")
    ds.add_new(0x00431012, "SS", [14, 14, 14])
    ds.SliceThickness = "1.25"
    ds.KVP = "120"
    ds.XRayTubeCurrent = 315
    ds.ConvolutionKernel = "STANDARD"
    ds.ImagePositionPatient = ["-175.5", "-175.5", "-42.25"]
    ds.ImageOrientationPatient = ["1", "0", "0", "0", "1", "0"]
    ds.PixelSpacing = ["0.683594", "0.683594"]
    ds.FrameOfReferenceUID = study + ".9"
    ds.ImageType = ["ORIGINAL", "PRIMARY", "AXIAL"]
    ds.Rows = 8
    ds.Columns = 8
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = 16
    ds.BitsStored = 16
    ds.HighBit = 15
    ds.PixelRepresentation = 1
    ds.RescaleIntercept = "-1024"
    ds.RescaleSlope = "1"
    ds.WindowCenter = "40"
    ds.WindowWidth = "400"
    ds.BurnedInAnnotation = "NO"
    ds.PixelData = bytes(range(128))
    # an overlay plane a workstation drew on the slice, labelled with the patient's initials and number
    ds.add_new(0x60000010, "US", 8)
    ds.add_new(0x60000011, "US", 8)
    ds.add_new(0x60000022, "LO", "THACKERAY B - nodule marker")
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    ds.add_new(0x60001500, "LO", "BT 7730155")
    ds.add_new(0x60003000, "OW", bytes([0, 0, 24, 60, 60, 24, 0, 0]))
    # a retired curve (PS3.3 2004) a contrast injector's workstation added, its label naming the patient
    ds.add_new(0x50000005, "US", 1)
    ds.add_new(0x50000010, "US", 4)
    ds.add_new(0x50000020, "CS", "TAC")
    ds.add_new(0x50000103, "US", 0)
    ds.add_new(0x50002500, "LO", "THACKERAY bolus track")
    ds.add_new(0x50003000, "OW", bytes(range(8)))
    folder = os.path.join(d, "PACS_EXPORT", "THACKERAY^BRENDAN_7730155", "20230314 CT CHEST W CONTRAST",
                          "SE2 AXIAL 1.25")
    os.makedirs(folder, exist_ok=True)
    ds.save_as(os.path.join(folder, "IM-0002-0001.dcm"), write_like_original=False)

    # a grayscale softcopy presentation state: the radiologist's arrow and text on that slice
    gsps = base("1.2.840.10008.5.1.4.1.1.11.1", study + ".900.1", study, study + ".900", "PR")
    gsps.SpecificCharacterSet = "ISO_IR 100"
    thackeray(gsps)
    gsps.SeriesDescription = "Annotations"
    gsps.InstanceNumber = 1
    gsps.ContentLabel = "THACKERAY"  # a viewer that labels its annotations with the surname (decision 0194)
    gsps.ContentDescription = "Key image for Dr Rosenhagen"
    gsps.PresentationCreationDate = "20230315"
    gsps.PresentationCreationTime = "083012"
    gsps.ContentCreatorName = "WINTERBOURNE^GWENDOLINE"
    ref_image = Dataset()
    ref_image.ReferencedSOPClassUID = ct
    ref_image.ReferencedSOPInstanceUID = image
    ref_series = Dataset()
    ref_series.SeriesInstanceUID = series
    ref_series.ReferencedImageSequence = Sequence([ref_image])
    gsps.ReferencedSeriesSequence = Sequence([ref_series])
    text = Dataset()
    text.BoundingBoxAnnotationUnits = "PIXEL"
    text.BoundingBoxTopLeftHandCorner = [1.0, 1.0]
    text.BoundingBoxBottomRightHandCorner = [6.0, 3.0]
    text.BoundingBoxTextHorizontalJustification = "LEFT"
    text.UnformattedTextValue = "THACKERAY 7730155: RUL nodule 8 mm"
    annotation = Dataset()
    annotation.GraphicLayer = "LAYER1"
    annotation.TextObjectSequence = Sequence([text])
    gsps.GraphicAnnotationSequence = Sequence([annotation])
    layer = Dataset()
    layer.GraphicLayer = "LAYER1"
    layer.GraphicLayerOrder = 1
    gsps.GraphicLayerSequence = Sequence([layer])
    gsps.PresentationLUTShape = "IDENTITY"
    folder = os.path.join(d, "PACS_EXPORT", "THACKERAY^BRENDAN_7730155", "20230314 CT CHEST W CONTRAST", "SE900 PR")
    os.makedirs(folder, exist_ok=True)
    gsps.save_as(os.path.join(folder, "IM-0900-0001.dcm"), write_like_original=False)

    # the scanner's X-Ray Radiation Dose SR (TID 10011): observer context, an authorising physician, a comment
    def item(vt, rel, concept, **kw):
        it = Dataset()
        it.RelationshipType = rel
        it.ValueType = vt
        it.ConceptNameCodeSequence = Sequence([concept])
        for k, v in kw.items():
            setattr(it, k, v)
        return it

    def num(concept, value, unit, meaning):
        m = Dataset()
        m.NumericValue = value
        m.MeasurementUnitsCodeSequence = Sequence([code(unit, "UCUM", meaning)])
        return item("NUM", "CONTAINS", concept, MeasuredValueSequence=Sequence([m]))

    sr = base("1.2.840.10008.5.1.4.1.1.88.67", study + ".997.1", study, study + ".997", "SR")
    sr.SpecificCharacterSet = "ISO_IR 100"
    thackeray(sr)
    sr.SeriesDescription = "Dose Report"
    sr.ContentDate = "20230314"
    sr.ContentTime = "142210"
    sr.ValueType = "CONTAINER"
    sr.ContinuityOfContent = "SEPARATE"
    sr.CompletionFlag = "COMPLETE"
    sr.VerificationFlag = "VERIFIED"
    verifier = Dataset()
    verifier.VerifyingObserverName = "WINTERBOURNE^GWENDOLINE"
    verifier.VerifyingOrganization = "NCMC RADIOLOGY"
    verifier.VerificationDateTime = "20230314170512"
    verifier.VerifyingObserverIdentificationCodeSequence = Sequence([code("1467329085", "NPI",
                                                                          "WINTERBOURNE GWENDOLINE")])
    sr.VerifyingObserverSequence = Sequence([verifier])
    sr.ConceptNameCodeSequence = Sequence([code("113701", "DCM", "X-Ray Radiation Dose Report")])
    acquisition = item("CONTAINER", "CONTAINS", code("113819", "DCM", "CT Acquisition"),
                       ContinuityOfContent="SEPARATE", ContentSequence=Sequence([
                           item("TEXT", "CONTAINS", code("125203", "DCM", "Acquisition Protocol"),
                                TextValue="5.1 CHEST W"),
                           num(code("113830", "DCM", "Mean CTDIvol"), "12.4", "mGy", "mGy"),
                           num(code("113838", "DCM", "DLP"), "456.2", "mGy.cm", "mGy.cm"),
                           item("PNAME", "CONTAINS", code("113850", "DCM", "Irradiation Authorizing"),
                                PersonName="ROSENHAGEN^ALOYSIUS"),
                           item("TEXT", "CONTAINS", code("121106", "DCM", "Comment"),
                                TextValue="Pt Thackeray, Brendan moved; upper lobes rescanned as authorised by "
                                          "Dr. Rosenhagen")]))
    sr.ContentSequence = Sequence([
        item("CODE", "HAS OBS CONTEXT", code("121005", "DCM", "Observer Type"),
             ConceptCodeSequence=Sequence([code("121007", "DCM", "Device")])),
        item("UIDREF", "HAS OBS CONTEXT", code("121012", "DCM", "Device Observer UID"), UID=root + ".7731"),
        item("TEXT", "HAS OBS CONTEXT", code("121013", "DCM", "Device Observer Name"), TextValue="CTAWP73412"),
        item("TEXT", "HAS OBS CONTEXT", code("121016", "DCM", "Device Observer Serial Number"), TextValue="G7731LX"),
        item("PNAME", "HAS OBS CONTEXT", code("121008", "DCM", "Person Observer Name"), PersonName="TRESILIAN^KESHA"),
        item("TEXT", "HAS OBS CONTEXT", code("121009", "DCM", "Person Observer's Organization Name"),
             TextValue="Northern Colorado Medical Center"),
        item("CODE", "HAS CONCEPT MOD", code("121058", "DCM", "Procedure reported"),
             ConceptCodeSequence=Sequence([code("P5-08000", "SRT", "Computed Tomography X-Ray")])),
        acquisition])
    folder = os.path.join(d, "PACS_EXPORT", "THACKERAY^BRENDAN_7730155", "20230314 CT CHEST W CONTRAST",
                          "SE997 DOSE")
    os.makedirs(folder, exist_ok=True)
    sr.save_as(os.path.join(folder, "IM-0997-0001.dcm"), write_like_original=False)
    plant("patient-name", "THACKERAY", "BRENDAN", "BRENDEN", "BREN")
    plant("mrn", "7730155", "7730156", "HX4471902", "MC-88120455", "CHART-7730155", "NC23031400871")
    plant("encounter-id", "V00044812093")
    plant("order-id", "ORD5520918", "F5520918")
    plant("birth-date", "19610722")
    plant("mothers-maiden-name", "KILBRIDE")
    plant("address", "2219 WICKERSHAM CT", "LOVELAND CO 80537")
    plant("phone", "970-555-0164", "970-555-0110", "970-555-0139")
    plant("clinician-name", "ROSENHAGEN", "ALOYSIUS", "WINTERBOURNE", "GWENDOLINE", "TRESILIAN", "KESHA")
    plant("staff-id", "EMP40921")
    plant("npi", "1467329085")
    plant("device-id", "CTAWP73412", "G7731LX")
    plant("facility-name", "NORTHERN COLORADO MEDICAL CENTER", "FRONT RANGE BREAST CENTER")
    keep("dicom-vendor", "AXIAL 1.25", "5.1 CHEST W", "RUL nodule 8 mm", "R91.1", "STANDARD", "0.683594", "12.4",
         "456.2", "113830", "LightSpeed VCT")

    # A third patient, 92, in the same PACS export: a radiotherapy plan with its setup notes, and a comprehensive SR
    # whose subject context (TID 1007) repeats her birth date and age and whose finding names her daughter and town
    def quenby(ds):
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.PatientName = "QUENBY^ELSPETH"
        ds.PatientID = "Q5501877"
        ds.PatientBirthDate = "19300412"
        ds.PatientSex = "F"
        ds.PatientAge = "092Y"
        ds.StudyDate = "20230310"
        ds.StudyTime = "090000"
        ds.AccessionNumber = "NC23031000412"
        ds.ReferringPhysicianName = "MARLOWE^PENRHYN"

    rt_study = root + ".20230310.7"
    plan = base("1.2.840.10008.5.1.4.1.1.481.5", rt_study + ".3.1", rt_study, rt_study + ".3", "RTPLAN")
    quenby(plan)
    plan.RTPlanLabel = "QUENBY PELV"
    plan.RTPlanName = "Quenby pelvis"
    plan.RTPlanDate = "20230310"
    plan.RTPlanTime = "090000"
    plan.RTPlanDescription = "Plan for Elspeth Quenby approved by Dr Marlowe 03/10/2023"
    plan.PrescriptionDescription = "45 Gy/25 fx pelvis"
    plan.RTPlanGeometry = "PATIENT"
    plan.ApprovalStatus = "APPROVED"
    plan.ReviewDate = "20230310"
    plan.ReviewTime = "110000"
    plan.ReviewerName = "MARLOWE^PENRHYN"
    setup = Dataset()
    setup.PatientSetupNumber = 1
    setup.PatientPosition = "HFS"
    setup.SetupTechniqueDescription = "Knee sponge; call daughter Tamsin 970-555-0199 before each fraction"
    plan.PatientSetupSequence = Sequence([setup])
    beam = Dataset()
    beam.BeamNumber = 1
    beam.BeamName = "AP"
    beam.BeamDescription = "AP pelvis for Quenby"
    beam.TreatmentMachineName = "TRUEBEAM2"
    beam.Manufacturer = "Varian"
    beam.BeamType = "STATIC"
    beam.RadiationType = "PHOTON"
    plan.BeamSequence = Sequence([beam])
    group = Dataset()
    group.FractionGroupNumber = 1
    group.NumberOfFractionsPlanned = 25
    group.FractionGroupDescription = "Pelvis 25 fx"
    plan.FractionGroupSequence = Sequence([group])
    folder = os.path.join(d, "PACS_EXPORT", "QUENBY^ELSPETH_Q5501877", "20230310 RT PELVIS")
    os.makedirs(folder, exist_ok=True)
    plan.save_as(os.path.join(folder, "RP-0003-0001.dcm"), write_like_original=False)

    report = base("1.2.840.10008.5.1.4.1.1.88.33", rt_study + ".4.1", rt_study, rt_study + ".4", "SR")
    quenby(report)
    report.ContentDate = "20230310"
    report.ContentTime = "120000"
    report.ValueType = "CONTAINER"
    report.ContinuityOfContent = "SEPARATE"
    report.CompletionFlag = "COMPLETE"
    report.VerificationFlag = "UNVERIFIED"
    report.ConceptNameCodeSequence = Sequence([code("18748-4", "LN", "Diagnostic Imaging Report")])
    report.ContentSequence = Sequence([
        item("CODE", "HAS OBS CONTEXT", code("121024", "DCM", "Subject Class"),
             ConceptCodeSequence=Sequence([code("121025", "DCM", "Patient")])),
        item("PNAME", "HAS OBS CONTEXT", code("121029", "DCM", "Subject Name"), PersonName="QUENBY^ELSPETH"),
        item("TEXT", "HAS OBS CONTEXT", code("121030", "DCM", "Subject ID"), TextValue="Q5501877"),
        item("DATE", "HAS OBS CONTEXT", code("121031", "DCM", "Subject Birth Date"), Date="19300412"),
        num(code("121033", "DCM", "Subject Age"), "92", "a", "year"),
        num(code("8302-2", "LN", "Body height"), "158", "cm", "cm"),
        item("TEXT", "CONTAINS", code("121071", "DCM", "Finding"),
             TextValue="Mrs Quenby (DOB 12.04.1930) lives with daughter Tamsin in Estes Park; phone 970-555-0188. "
                       "No nodal disease.")])
    report.save_as(os.path.join(folder, "SR-0004-0001.dcm"), write_like_original=False)
    plant("patient-name", "QUENBY", "ELSPETH")
    plant("mrn", "Q5501877", "NC23031000412")
    plant("birth-date", "19300412", "12.04.1930")
    plant("relative-name", "Tamsin")
    plant("address", "Estes Park")
    plant("phone", "970-555-0199", "970-555-0188")
    plant("clinician-name", "MARLOWE", "PENRHYN")
    plant("device-id", "TRUEBEAM2")
    keep("dicom-vendor", "45 Gy/25 fx pelvis", "Pelvis 25 fx", "158", "No nodal disease.", "8302-2")

    # An IHE PDI disc of another patient: files without an extension under DICOM/, and a DICOMDIR naming her
    def ballantyne(ds):
        ds.SpecificCharacterSet = "ISO_IR 100"
        ds.PatientName = "BALLANTYNE-FERRIBY^MARGERY^J"
        ds.PatientID = "H00912877"
        ds.PatientBirthDate = "19440103"
        ds.PatientSex = "F"
        ds.StudyDate = "20230316"
        ds.StudyTime = "091500"
        ds.AccessionNumber = "MG-SEC-4410"
        ds.StudyID = "MG4410"
        ds.ReferringPhysicianName = "YELVERTON^CASIMIR"
        ds.InstitutionName = "FRONT RANGE BREAST CENTER"

    mg_study = "1.2.826.0.1.3680043.99.40.1"
    mg = base("1.2.840.10008.5.1.4.1.1.1.2", mg_study + ".1.1", mg_study, mg_study + ".1", "MG")
    ballantyne(mg)
    mg.StudyDescription = "MAMMO SCREEN BIL"
    mg.SeriesDescription = "L CC"
    mg.ImageComments = "Priors: Front Range Breast Center screening 2021, no change"
    mg.Manufacturer = "HOLOGIC, Inc."
    mg.ManufacturerModelName = "Selenia Dimensions"
    mg.OperatorsName = "INGLEBY^ROWENA"
    mg.CurrentPatientLocation = "MAMMO SUITE 2"
    plan = code("BSPPO-88412", "L", "BLUE SHIELD PPO 88412-0097")
    mg.PatientInsurancePlanCodeSequence = Sequence([plan])
    req = Dataset()
    req.RequestedProcedureDescription = "MAMMO SCREEN BIL"
    req.ReasonForTheRequestedProcedure = "Family hx: sister Dinah Ballantyne-Ferriby dx 2019"
    req.PlacerOrderNumberImagingServiceRequest = "ORD5521344"
    mg.RequestAttributesSequence = Sequence([req])
    mg.add_new(0x00190010, "LO", "HOLOGIC, Inc.")
    mg.add_new(0x00191007, "LO", "Selenia Dimensions 1.9.2")
    mg.add_new(0x00290010, "LO", "SECTRA_Ident_01")
    mg.add_new(0x00291001, "LO", "BALLANTYNE-FERRIBY MARGERY")
    mg.add_new(0x00291002, "LO", "H00912877")
    mg.ViewPosition = "CC"
    mg.ImageLaterality = "L"
    mg.KVP = "29"
    mg.BodyPartThickness = "52"
    mg.CompressionForce = "118.5"
    mg.PresentationIntentType = "FOR PRESENTATION"
    mg.ImageType = ["ORIGINAL", "PRIMARY", ""]
    mg.Rows = 8
    mg.Columns = 8
    mg.SamplesPerPixel = 1
    mg.PhotometricInterpretation = "MONOCHROME2"
    mg.BitsAllocated = 16
    mg.BitsStored = 12
    mg.HighBit = 11
    mg.PixelRepresentation = 0
    mg.BurnedInAnnotation = "NO"
    mg.PixelData = bytes(range(128))

    kos = base("1.2.840.10008.5.1.4.1.1.88.59", mg_study + ".2.1", mg_study, mg_study + ".2", "KO")
    ballantyne(kos)
    kos.StudyDescription = "MAMMO SCREEN BIL"
    kos.ContentDate = "20230317"
    kos.ContentTime = "101010"
    kos.ValueType = "CONTAINER"
    kos.ContinuityOfContent = "SEPARATE"
    kos.ConceptNameCodeSequence = Sequence([code("113003", "DCM", "For Teaching")])
    ref = Dataset()
    ref.ReferencedSOPClassUID = mg.SOPClassUID
    ref.ReferencedSOPInstanceUID = mg.SOPInstanceUID
    kos.ContentSequence = Sequence([
        item("TEXT", "CONTAINS", code("113012", "DCM", "Key Object Description"),
             TextValue="Tumour board 03/21: Mrs Ballantyne-Ferriby, left breast 2 o'clock, BI-RADS 4"),
        item("IMAGE", "CONTAINS", code("113013", "DCM", "Best In Set"), ReferencedSOPSequence=Sequence([ref]))])
    evidence_series = Dataset()
    evidence_series.SeriesInstanceUID = mg.SeriesInstanceUID
    evidence_series.ReferencedSOPSequence = Sequence([ref])
    evidence = Dataset()
    evidence.StudyInstanceUID = mg_study
    evidence.ReferencedSeriesSequence = Sequence([evidence_series])
    kos.CurrentRequestedProcedureEvidenceSequence = Sequence([evidence])

    ecg_study = "1.2.826.0.1.3680043.99.40.2"
    ecg = base("1.2.840.10008.5.1.4.1.1.9.1.2", ecg_study + ".1.1", ecg_study, ecg_study + ".1", "ECG")
    ballantyne(ecg)
    ecg.StudyDescription = "ECG 12 LEAD"
    ecg.AcquisitionDateTime = "20230316084500"
    ecg.ContentDate = "20230316"
    ecg.ContentTime = "084500"
    ecg.Manufacturer = "MORTARA"
    ecg.AcquisitionContextSequence = Sequence([])
    channel = Dataset()
    channel.ChannelSourceSequence = Sequence([code("5.6.3-9-1", "SCPECG", "Lead I (Einthoven)")])
    channel.ChannelSensitivity = "2.5"
    channel.ChannelSensitivityUnitsSequence = Sequence([code("uV", "UCUM", "microvolt")])
    channel.ChannelSampleSkew = "0"
    channel.WaveformBitsStored = 16
    waveform = Dataset()
    waveform.WaveformOriginality = "ORIGINAL"
    waveform.NumberOfWaveformChannels = 1
    waveform.NumberOfWaveformSamples = 4
    waveform.SamplingFrequency = "500"
    waveform.ChannelDefinitionSequence = Sequence([channel])
    waveform.WaveformBitsAllocated = 16
    waveform.WaveformSampleInterpretation = "SS"
    waveform.WaveformData = bytes([1, 0, 7, 0, 30, 0, 2, 0])
    ecg.WaveformSequence = Sequence([waveform])
    confirmed = Dataset()
    confirmed.UnformattedTextValue = "Confirmed by: YELVERTON, CASIMIR MD on 3/16/2023 10:02"
    finding = Dataset()
    finding.UnformattedTextValue = "Sinus rhythm. Compared with ECG of 11-Jan-2022, no significant change"
    qt = Dataset()
    qt.ConceptNameCodeSequence = Sequence([code("8634-8", "LN", "QT interval")])
    qt.NumericValue = "412"
    qt.MeasurementUnitsCodeSequence = Sequence([code("ms", "UCUM", "ms")])
    qt.AnnotationGroupNumber = 0
    ecg.WaveformAnnotationSequence = Sequence([confirmed, finding, qt])

    us_study = "1.2.826.0.1.3680043.99.40.3"
    us = base("1.2.840.10008.5.1.4.1.1.6.1", us_study + ".1.1", us_study, us_study + ".1", "US")
    ballantyne(us)
    us.StudyDescription = "US BREAST LEFT"
    us.BurnedInAnnotation = "YES"
    us.Rows = 8
    us.Columns = 8
    us.SamplesPerPixel = 1
    us.PhotometricInterpretation = "MONOCHROME2"
    us.BitsAllocated = 8
    us.BitsStored = 8
    us.HighBit = 7
    us.PixelRepresentation = 0
    us.PixelData = bytes(range(64))

    fs = FileSet()
    fs.ID = "NCMC_PDI"
    fs.UID = "1.2.826.0.1.3680043.99.40.9"  # pydicom would make a random one
    for ds in (mg, kos, ecg, us):
        fs.add(ds)
    disc = os.path.join(d, "PDI_DISC")
    os.makedirs(disc, exist_ok=True)
    fs.write(disc)
    plant("patient-name", "BALLANTYNE-FERRIBY", "MARGERY")
    plant("relative-name", "Dinah")
    plant("mrn", "H00912877", "MG-SEC-4410")
    plant("order-id", "ORD5521344")
    plant("birth-date", "19440103")
    plant("clinician-name", "YELVERTON", "CASIMIR", "INGLEBY", "ROWENA")
    plant("insurance-id", "88412-0097", "BSPPO-88412")
    plant("event-date", "11-Jan-2022", "3/16/2023")
    keep("dicom-vendor", "MAMMO SCREEN BIL", "BI-RADS 4", "8634-8", "412", "Selenia Dimensions", "118.5",
         "5.6.3-9-1", "Sinus rhythm.")


# === dental (decision 0195) ========================================================================================
def dental():
    """A dental practice's export in Open Dental's shape (its MySQL tables saved as CSV): camel-case headers, integer
    keys (`PatNum`, `ProcNum`, `AptNum`, `CommlogNum`), `patient.Guarantor` holding the PatNum of the family member who
    pays, `Preferred` names (`Toby`, `Barney`), `ToothNum` 1-32 and surfaces (`MOD`) beside ADA procedure codes, an
    appointment's status and time pattern, and the practice's communication log naming spouses and parents."""
    d = os.path.join(HERE, "dental")
    os.makedirs(d, exist_ok=True)
    header = ["PatNum", "LName", "FName", "MiddleI", "Preferred", "PatStatus", "Gender", "Position", "Birthdate", "SSN",
              "Address", "Address2", "City", "State", "Zip", "HmPhone", "WkPhone", "WirelessPhone", "Email",
              "ChartNumber", "Guarantor", "PriProv", "BillingType", "DateFirstVisit", "MedUrgNote"]
    write_csv(os.path.join(d, "patient.csv"), header, [
        ["2041", "Hollingsworth", "Delphine", "R", "Del", "0", "1", "1", "1961-08-14", "512-44-9081", "1187 Marigold Ct",
         "", "Eugene", "OR", "97401", "(541)555-0192", "(541)555-0100", "(541)555-0177", "delphine.h@example.com",
         "HOL2041", "2041", "3", "42", "2015-03-02", "Latex allergy - anaphylaxis 2011"],
        ["2042", "Hollingsworth", "Tobias", "J", "Toby", "0", "0", "1", "1959-02-27", "512-44-9102", "1187 Marigold Ct",
         "", "Eugene", "OR", "97401", "(541)555-0192", "", "(541)555-0188", "", "HOL2042", "2041", "3", "42",
         "2015-03-02", ""],
        ["2043", "Vanterpool", "Ysolde", "", "", "0", "1", "0", "2009-11-30", "", "44 Beacon Hill Rd", "Apt 2B",
         "Springfield", "OR", "97477", "(541)555-0134", "", "", "", "VAN2043", "2044", "5", "42", "2019-07-19",
         "premedicate per cardiologist"],
        ["2044", "Vanterpool", "Octavia", "M", "", "0", "1", "1", "1978-05-05", "601-22-3344", "44 Beacon Hill Rd",
         "Apt 2B", "Springfield", "OR", "97477", "(541)555-0134", "(541)555-0165", "(541)555-0119",
         "octavia.v@example.net", "VAN2044", "2044", "5", "42", "2019-07-19", ""],
        ["2045", "Brightwater", "Barnaby", "T", "Barney", "0", "0", "0", "1948-03-09", "377-10-2288", "9 Quarry Ln", "",
         "Cottage Grove", "OR", "97424", "(541)555-0142", "", "", "", "BRI2045", "2045", "3", "40", "2012-10-01",
         "Warfarin - INR before extractions"],
    ], newline="\r\n")
    codes = [("D0120", "periodic oral evaluation", "", ""), ("D2392", "resin-based composite - two surfaces, posterior",
             "14", "MO"), ("D2393", "resin-based composite - three surfaces, posterior", "3", "MOD"),
             ("D2740", "crown - porcelain/ceramic", "30", ""), ("D7140", "extraction, erupted tooth", "17", ""),
             ("D1120", "prophylaxis - child", "", ""), ("D0274", "bitewings - four radiographic images", "", "")]
    rows = []
    patients = ["2041", "2042", "2043", "2044", "2045"]
    for i in range(21):
        c = codes[i % len(codes)]
        rows.append([str(88011 + i), patients[i % 5], str(5501 + i // 2), "2023-%02d-%02d" % (3 + i % 9, 1 + 3 * (i % 9)),
                     "%d.00" % (60 + 25 * (i % 7)), c[0], c[1], c[2], c[3], "2", str(3 + i % 3), "1"])
    write_csv(os.path.join(d, "procedurelog.csv"), ["ProcNum", "PatNum", "AptNum", "ProcDate", "ProcFee", "ProcCode",
                                                    "Descript", "ToothNum", "Surf", "ProcStatus", "ProvNum", "ClinicNum"],
              rows, newline="\r\n")
    write_csv(os.path.join(d, "appointment.csv"), ["AptNum", "PatNum", "AptStatus", "Pattern", "Confirmed", "Op", "Note",
                                                   "ProvNum", "AptDateTime", "ProcDescript", "IsNewPatient"], [
        ["5501", "2041", "2", "//XXXX//", "21", "3", "prefers mornings; husband Toby drives", "3",
         "2023-03-01 09:00:00", "PerEx, 14-MO", "0"],
        ["5502", "2043", "2", "/XX/", "21", "4", "Ysolde - anxious; mom Octavia stays in room", "5",
         "2023-04-02 15:00:00", "ChildProphy", "0"],
        ["5503", "2044", "2", "//XXXXXX//", "21", "3", "", "3", "2023-04-02 16:00:00", "#30-PFM", "0"],
        ["5504", "2042", "5", "/XXX/", "19", "3", "Toby Hollingsworth ext #17", "3", "2023-05-19 10:00:00", "#17-Ext", "0"],
        ["5505", "2045", "2", "//XXXX//", "21", "3", "Barney: INR 2.4 this morning, ok to extract", "3",
         "2023-06-07 08:30:00", "#3-MOD", "0"],
    ], newline="\r\n")
    write_csv(os.path.join(d, "commlog.csv"), ["CommlogNum", "PatNum", "CommDateTime", "CommType", "Note", "Mode_",
                                               "SentOrReceived", "UserNum"], [
        ["3301", "2041", "2023-02-27 14:22:00", "228", "Called Delphine to confirm 3/1 appt; spoke with husband Toby, "
         "he will remind her. Cell (541)555-0177.", "2", "1", "7"],
        ["3302", "2043", "2023-03-28 11:05:00", "228", "LM for mom Octavia re: Ysolde's cleaning 4/2. Pt's dad Rupert "
         "Vanterpool-Kemp may bring her.", "2", "1", "9"],
        ["3303", "2042", "2023-05-22 09:30:00", "229", "Post-op call: Toby doing well after #17 ext, no dry socket. "
         "Follow up with Dr. Abernathy in 2 wks.", "2", "1", "7"],
        ["3304", "2044", "2023-06-01 16:45:00", "230", "Ins. verification: Delta Dental PPO, subscriber ID DDX4471902, "
         "group 88120. Emailed octavia.v@example.net.", "5", "1", "9"],
        ["3305", "2045", "2023-06-05 10:10:00", "228", "Daughter Philippa Brightwater-Wood called re: Dad's extraction "
         "Wed; she will drive. Her cell 541-555-0158.", "2", "0", "7"],
    ], newline="\r\n")
    plant("patient-name", "Hollingsworth", "Delphine", "Tobias", "Toby", "Vanterpool", "Ysolde", "Octavia",
          "Brightwater", "Barnaby", "Barney")
    plant("patient-id", "2041", "2042", "2043", "2044", "2045", "HOL2041", "VAN2043", "BRI2045")
    plant("birth-date", "1961-08-14", "1959-02-27", "2009-11-30", "1978-05-05", "1948-03-09")
    plant("national-id", "512-44-9081", "512-44-9102", "601-22-3344", "377-10-2288")
    plant("address", "1187 Marigold Ct", "44 Beacon Hill Rd", "9 Quarry Ln", "Cottage Grove", "97401", "97477",
          "97424")
    plant("phone", "(541)555-0192", "(541)555-0177", "(541)555-0134", "(541)555-0119", "(541)555-0142",
          "541-555-0158")
    plant("email", "delphine.h@example.com", "octavia.v@example.net")
    plant("relative-name", "Rupert", "Vanterpool-Kemp", "Philippa", "Brightwater-Wood", "Wood")  # decision 0194
    plant("clinician-name", "Abernathy")
    plant("insurance-id", "DDX4471902")
    keep("dental", "D2392", "resin-based composite - two surfaces, posterior", "MOD", "Latex allergy - anaphylaxis 2011",
         "premedicate per cardiologist", "//XXXX//", "no dry socket", "Delta Dental PPO", "ChildProphy",
         "Warfarin - INR before extractions")


# === mds (decision 0196) ===========================================================================================
def nursing_home():
    """A nursing home's resident assessments as its software exports the Minimum Data Set 3.0: the headers are the MDS
    item numbers, which say nothing (`A0500A` first name, `A0500C` last name, `A0600A` SSN without dashes, `A0600B`
    Medicare number, `A0900` birth date as yyyyMMdd, `A1300A` medical record number, `A1300B` room), each resident
    assessed quarterly, so every identifier repeats over the resident's rows; the BIMS score, PHQ-9, ADL codes, height,
    weight and ICD-10 codes to keep."""
    d = os.path.join(HERE, "mds")
    os.makedirs(d, exist_ok=True)
    residents = [
        ("Evelyn", "Smith", "412558301", "1EG4TE5MK72", "19310405", "4402117", "214A"),
        ("Harold", "Kowalczyk", "412566220", "2HK7QA9XP31", "19280912", "4402148", "214B"),
        ("Dorothy", "Okafor", "412574139", "3DN2WF4RT86", "19360117", "4402179", "118A"),
        ("Walter", "Lindqvist", "412582058", "4WC9HJ2MV55", "19400730", "4402210", "118B"),
        ("Margaret", "Thibodeaux", "412589977", "5MT6KR8CY20", "19330222", "4402241", "305A"),
        ("Eugene", "Nguyen", "412597896", "6EV3PD7QX94", "19420609", "4402272", "305B"),
        ("Mildred", "Hollingsworth", "412605815", "7MH8CN5TA63", "19290314", "4402303", "122A"),
        ("Raymond", "Martinez", "412613734", "8RM4XE2HW17", "19380805", "4402334", "122B"),
        ("Virginia", "Ravenscroft", "412621653", "9VR1TY6GK48", "19350927", "4402365", "207A"),
        ("Clarence", "Anderson", "412629572", "1CA5MU3PN09", "19411103", "4402396", "207B"),
        ("Lorraine", "Quillfeather", "412637491", "2LQ9FA4WD72", "19320518", "4402427", "310A"),
        ("Howard", "Davis", "412645410", "3HD2RN8VJ36", "19390121", "4402458", "310B"),
    ]
    diagnoses = ["F03.90", "I50.9", "N18.3", "E11.9", "I10", "J44.9"]
    rows = []
    for q, (month, reason) in enumerate([("03", "02"), ("06", "02"), ("09", "02")]):
        for i, r in enumerate(residents):
            rows.append(["335100", reason, r[0], "ABCDEFGHJKLM"[i], r[1], r[2], r[3], str(1 + i % 2), r[4], r[5], r[6],
                         str(60 + i), str(120 + 3 * i + q), str((i + 5 * q) % 16), str((3 * i + q) % 28),
                         str((i + q) % 5), diagnoses[(i + q) % len(diagnoses)], "2023%s%02d" % (month, 3 + i)])
    write_csv(os.path.join(d, "mds_assessments.csv"), ["A0100B", "A0310A", "A0500A", "A0500B", "A0500C", "A0600A",
                                                       "A0600B", "A0800", "A0900", "A1300A", "A1300B", "K0200A",
                                                       "K0200B", "C0500", "D0300", "G0110A1", "I8000A", "A2300"],
              rows, newline="\r\n")
    plant("patient-name", *[r[0] for r in residents], *[r[1] for r in residents])
    plant("national-id", *[r[2] for r in residents], *[r[3] for r in residents])
    plant("birth-date", *[r[4] for r in residents])
    plant("mrn", *[r[5] for r in residents])
    plant("facility-room", *[r[6] for r in residents])
    keep("mds", "F03.90", "I50.9", "N18.3", "E11.9", "J44.9")


# === portal (decision 0200) ========================================================================================
def portal():
    """A patient portal's export: users keyed by a UUID none of the profile's subject columns name, with the MRN beside
    it; events keyed by the UUID alone, with request URLs that carry an e-mail and an MRN (query strings, percent-encoded
    `@`), JSON payloads of chart views and messages (a name, an MRN, a birth date, an address), reminder texts sent by
    SMS, and IP addresses (v4 and v6)."""
    d = os.path.join(HERE, "portal")
    os.makedirs(d, exist_ok=True)
    users = [
        ("6f1c2d3e-8a9b-4c1d-9e2f-0a1b2c3d4e5f", "E4471902", "Rosalind", "Featherstonehaugh",
         "rfeatherstone@example.com", "+1 (312) 555-0143", "1948-07-19", "2021-03-02T14:22:10Z"),
        ("7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d", "E4471903", "Xandrelle", "Quimbleworth", "x.quimbleworth@example.net",
         "312.555.0178", "1990-11-02", "2021-04-11T09:01:55Z"),
        ("8b3c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e", "E4471904", "Ngozi", "Okafor-Lindqvist", "ngozi.okafor@example.org",
         "(773) 555-0199", "1962-01-30", "2022-01-15T18:45:00Z"),
        ("9c4d5e6f-7a8b-4c3d-8e4f-5a6b7c8d9e0f", "E4471905", "Tobiah", "Pennywhistle", "tpennywhistle@example.com",
         "773-555-0121", "1955-05-06", "2022-02-20T07:30:00Z"),
    ]
    write_csv(os.path.join(d, "portal_users.csv"), ["user_uuid", "mrn", "first_name", "last_name", "email", "mobile",
                                                    "dob", "created_at"], [list(u) for u in users])
    u = [x[0] for x in users]
    write_csv(os.path.join(d, "portal_events.csv"), ["event_id", "user_uuid", "event_type", "event_ts", "request_url",
                                                     "payload_json", "sms_body"], [
        ["1", u[0], "LOGIN", "2023-05-01T08:00:00Z", "/portal/login?user=rfeatherstone%40example.com",
         '{"ip":"73.162.44.19","ua":"Mozilla/5.0"}', ""],
        ["2", u[0], "VIEW_CHART", "2023-05-01T08:01:12Z", "/portal/patient/E4471902/chart?tab=labs",
         '{"patient":{"name":"Rosalind Featherstonehaugh","mrn":"E4471902","dob":"1948-07-19"},"tab":"labs"}', ""],
        ["3", u[1], "SMS_REMINDER", "2023-05-02T17:30:00Z", "", "",
         "Hi Xandrelle, this is a reminder of your appointment with Dr. Pemberlake on 05/09/2023 at 3:15 PM. "
         "Reply STOP to opt out. Call 312-555-0100."],
        ["4", u[2], "MESSAGE_SENT", "2023-06-10T11:12:13Z", "/portal/messages/new?to=careteam",
         '{"subject":"Refill","body":"This is Ngozi Okafor-Lindqvist, DOB 01/30/1962. I need a refill of metformin '
         '500mg. My new address is 4417 N Kedzie Ave, Chicago IL 60625."}', ""],
        ["5", u[1], "PASSWORD_RESET", "2023-06-11T07:00:00Z",
         "/portal/reset?email=x.quimbleworth%40example.net&token=ab12cd34", '{"ip":"2601:240:c500:1d0::3f"}', ""],
        ["6", u[3], "LOGIN", "2023-07-04T21:15:00Z", "/portal/login?user=tpennywhistle%40example.com",
         '{"ip":"98.213.7.141","ua":"PortalApp/4.2 (iOS 16.5)"}', ""],
        ["7", u[3], "SMS_REMINDER", "2023-07-05T16:00:00Z", "", "",
         "Tobiah, your lab results from 07/03/2023 are ready in the portal. Questions? Call 773-555-0121."],
        ["8", u[2], "FRONT_DESK_NOTE", "2023-07-06T10:20:00Z", "/portal/notes/new",
         '{"note":"pt prefers \'Zizi\'; her grandson, who goes by \\"Bunny\\", reads her messages"}', ""],
        ["9", u[3], "SMS_REMINDER", "2023-05-10T16:00:00Z", "", "",
         "Reminder: Mon, May 15 @ 2pm with Dr. Pemberlake. Rash since (4/30)? Bring photos. Reply C to confirm."],
        ["10", u[0], "MESSAGE_SENT", "2023-05-04T09:00:00Z", "/portal/messages/new?to=careteam",
         '{"subject":"Follow-up","body":"Seen on the 3rd of May; away 5/8-5/12, can come after."}', ""],
        ["11", u[3], "FORM_SUBMITTED", "2023-05-11T12:00:00Z", "/portal/forms/family-history",
         '{"form":"family-history","answer":"FHx: mother alive, 97; father d. at 93 of MI. Brother: 91, healthy."}', ""],
        ["12", u[2], "FRONT_DESK_NOTE", "2023-05-12T08:40:00Z", "/portal/notes/new",
         '{"note":"Daughter reachable at 555-0186 or 312/555-0187. Encounter #: 20230503-004417, FIN 88120457"}', ""],
        ["13", u[0], "MESSAGE_RECEIVED", "2023-05-13T19:02:00Z", "/portal/messages/inbox",
         '{"headers":"From: Wilhelmina Gorringe\\nTo: Refill Team","body":"Sent by Augustin Dimmock for his mother"}', ""],
        ["14", u[1], "FORM_SUBMITTED", "2023-05-14T10:30:00Z", "/portal/forms/contacts",
         '{"form":"contacts","answer":"POA: Lysander Quaintrell. Next of kin: Cordelia Ollerenshaw; sister-in-law Hesper"}',
         ""],
        ["15", u[3], "PROFILE_UPDATED", "2023-05-15T09:10:00Z", "/portal/profile",
         '{"note":"pt now lives at 2231 W Wrightwood; mail to RR 3 Box 118 until June; her mother is on Lunt Ave"}', ""],
        ["16", u[2], "FRONT_DESK_NOTE", "2023-05-16T15:20:00Z", "/portal/notes/new",
         '{"note":"Seen Tuesday the 16th for the rash; f/u on the 30th."}', ""],
        ["17", u[0], "FRONT_DESK_NOTE", "2023-05-17T11:05:00Z", "/portal/notes/new",
         '{"note":"Needs interpreter Igbo. Pt lives on Wolcott near the school. Claim # CLM55102934 denied, prior auth no.'
         ' PA-2023-20417 pending. Nurse Triage shift 0700-1900."}', ""],
        ["18", u[1], "FRONT_DESK_NOTE", "2023-05-18T09:40:00Z", "/portal/notes/new",
         '{"note":"Payer called: authorization number 5518 approved for 6 visits, claim # 9934 reprocessed."}', ""],
    ])
    plant("patient-name", "Rosalind", "Featherstonehaugh", "Xandrelle", "Quimbleworth", "Okafor-Lindqvist",
          "Tobiah", "Pennywhistle")
    plant("patient-id", *u, "E4471902", "E4471903", "E4471904", "E4471905")
    plant("email", "rfeatherstone@example.com", "rfeatherstone%40example.com", "x.quimbleworth@example.net",
          "x.quimbleworth%40example.net", "ngozi.okafor@example.org", "tpennywhistle@example.com",
          "tpennywhistle%40example.com")
    plant("phone", "(312) 555-0143", "312.555.0178", "(773) 555-0199", "773-555-0121")
    plant("birth-date", "1948-07-19", "1990-11-02", "1962-01-30", "1955-05-06", "01/30/1962")
    plant("address", "4417 N Kedzie Ave", "60625")
    plant("ip-address", "73.162.44.19", "2601:240:c500:1d0::3f", "98.213.7.141")
    plant("clinician-name", "Pemberlake")
    plant("patient-name", "Zizi")  # decision 0201
    plant("relative-name", "Bunny")
    plant("date", "May 15", "(4/30)", "3rd of May", "5/8-5/12")  # decision 0202
    plant("age-over-89", "alive, 97", "d. at 93", "Brother: 91")  # decision 0203
    plant("phone", "555-0186", "312/555-0187")  # decision 0204
    plant("encounter-id", "20230503-004417", "88120457")
    plant("relative-name", "Gorringe", "Dimmock")  # decision 0205
    plant("relative-name", "Quaintrell", "Ollerenshaw", "Hesper")  # decision 0206
    plant("address", "2231 W Wrightwood", "RR 3 Box 118")  # decision 0207
    plant("address", "Lunt Ave")  # decision 0208
    plant("date", "Tuesday the 16th", "on the 30th")  # decision 0211
    plant("address", "Wolcott")  # decision 0212
    plant("claim-id", "CLM55102934", "PA-2023-20417")  # decision 0213
    plant("claim-id", "number 5518", "# 9934")  # decision 0218
    keep("portal", "LOGIN", "VIEW_CHART", "SMS_REMINDER", "metformin", "Reply STOP to opt out", "interpreter Igbo",
         "Nurse Triage shift 0700-1900", "approved for 6 visits")


def sequencing():
    """A sequencing core's sample sheets beside the biobank's clinical export (decision 0219): an Illumina Experiment
    Manager sheet (v1: [Header] lines of a label and a value, padded with commas to the [Data] table's width, the
    investigator, an experiment named after the family, a description naming the proband with his birth date and
    number; sample names written with underscores, his parents' given names in them) and a NovaSeq X BCL Convert sheet
    (v2: unpadded sections, the run named after the patient, two data sections keyed by sample ids that hold his MRN)."""
    d = os.path.join(HERE, "sequencing")
    os.makedirs(d, exist_ok=True)
    write_csv(os.path.join(d, "biobank_patients.csv"),
              ["patient_id", "mrn", "last_name", "first_name", "birth_date", "sex", "diagnosis_code"],
              [["BB-0001", "70044812", "Kowalczyk", "Marek", "1987-06-02", "M", "Q87.1"],
               ["BB-0002", "55102938", "Oyelaran", "Adebayo", "1979-08-14", "M", "C83.30"]])
    v1 = ["[Header],,,,,,,,,",
          "IEMFileVersion,4,,,,,,,,",
          "Investigator Name,Helga Brandstetter,,,,,,,,",
          "Experiment Name,WES_Kowalczyk_Family_Trio,,,,,,,,",
          "Date,3/14/2024,,,,,,,,",
          "Workflow,GenerateFASTQ,,,,,,,,",
          "Application,FASTQ Only,,,,,,,,",
          "Assay,Nextera DNA Flex,,,,,,,,",
          "Description,Trio for proband Marek Kowalczyk DOB 1987-06-02 MRN 70044812,,,,,,,,",
          "Chemistry,Amplicon,,,,,,,,",
          ",,,,,,,,,",
          "[Reads],,,,,,,,,",
          "151,,,,,,,,,",
          "151,,,,,,,,,",
          ",,,,,,,,,",
          "[Settings],,,,,,,,,",
          "Adapter,CTGTCTCTTATACACATCT,,,,,,,,",
          ",,,,,,,,,",
          "[Data],,,,,,,,,",
          "Sample_ID,Sample_Name,Sample_Plate,Sample_Well,I7_Index_ID,index,I5_Index_ID,index2,Sample_Project,Description",
          "KOW-70044812-P,Marek_Kowalczyk_proband,PL0042,A01,N701,TAAGGCGA,S502,CTCTCTAT,WES_2024_03,"
          "proband affected DOB 02.06.1987",
          "KOW-70044813-M,Danuta_Kowalczyk_mother,PL0042,B01,N702,CGTACTAG,S502,CTCTCTAT,WES_2024_03,mother unaffected",
          "KOW-70044814-F,Tadeusz_Kowalczyk_father,PL0042,C01,N703,AGGCAGAA,S502,CTCTCTAT,WES_2024_03,father unaffected"]
    write_lines(os.path.join(d, "SampleSheet.csv"), v1, "utf-8")
    v2 = ["[Header]",
          "FileFormatVersion,2",
          "RunName,NOVASEQ_2024-05-21_Oyelaran_Adebayo_tumor",
          "InstrumentPlatform,NovaSeqXSeries",
          "InstrumentType,NovaSeqXPlus",
          "RunDescription,Adebayo Oyelaran relapse; ordered by Dr. Ingeborg Falkenrath",
          "",
          "[Reads]",
          "Read1Cycles,151",
          "Read2Cycles,151",
          "Index1Cycles,10",
          "Index2Cycles,10",
          "",
          "[BCLConvert_Settings]",
          "SoftwareVersion,4.2.7",
          "FastqCompression,gzip",
          "",
          "[BCLConvert_Data]",
          "Lane,Sample_ID,Index,Index2",
          "1,ONC-55102938-T,GAACTGAGCG,TCGTGGAGCG",
          "1,ONC-55102938-N,AGGTCAGATA,CTACAAGATA",
          "",
          "[Cloud_Settings]",
          "GeneratedVersion,1.9.0",
          "",
          "[Cloud_Data]",
          "Sample_ID,ProjectName,LibraryName,LibraryPrepKitName,IndexAdapterKitName",
          "ONC-55102938-T,Oyelaran_relapse,ONC-55102938-T_GAACTGAGCG_TCGTGGAGCG,IlluminaDNAPrep,IDT_UD_Indexes",
          "ONC-55102938-N,Oyelaran_relapse,ONC-55102938-N_AGGTCAGATA_CTACAAGATA,IlluminaDNAPrep,IDT_UD_Indexes"]
    write_lines(os.path.join(d, "SampleSheet_NovaSeqX.csv"), v2, "utf-8")
    plant("patient-name", "Kowalczyk", "Marek", "Oyelaran", "Adebayo")
    plant("relative-name", "Danuta", "Tadeusz")
    plant("clinician-name", "Brandstetter", "Falkenrath")
    plant("mrn", "70044812", "55102938", "70044813", "70044814")
    plant("birth-date", "1987-06-02", "02.06.1987", "1979-08-14")
    plant("event-date", "3/14/2024", "2024-05-21")
    keep("sequencing", "IEMFileVersion,4", "Investigator Name,", "Nextera DNA Flex", "CTGTCTCTTATACACATCT", "PL0042",
         "A01", "N701", "TAAGGCGA", "S502", "CTCTCTAT", "WES_2024_03", "proband affected", "mother unaffected",
         "[BCLConvert_Data]", "Read1Cycles,151", "NovaSeqXPlus", "GAACTGAGCG", "TCGTGGAGCG", "IlluminaDNAPrep",
         "IDT_UD_Indexes", "SoftwareVersion,4.2.7", "Q87.1", "C83.30", "_relapse")


def pathology():
    """An anatomic pathology system's case export (CoPath, Beaker AP, a LIS; decision 0220): accession numbers, the
    patient surname first in capitals, birth dates and event times US style, the specimen's parts, a clinical history, a
    gross description that says what the containers were labeled with (the patient's name, the birth date with the
    year's last two digits), a nursing home the patient lives at, the final diagnosis with grades, receptors and
    scores, the signing pathologist, ICD-10 and SNOMED CT codes."""
    d = os.path.join(HERE, "pathology")
    os.makedirs(d, exist_ok=True)
    rows = [
        ["S24-018842", "00841273", "HALVORSEN, INGRID M", "04/11/1958", "F", "03/02/2024 09:14", "03/02/2024 13:40",
         "03/06/2024 16:02", "A. LEFT BREAST, 2 O'CLOCK, CORE BIOPSY",
         "65 yo F with 1.4 cm mass on screening mammogram. Prior excision at Mercy General (MG-19-4471).",
         'Received in formalin labeled with the patient\'s name, "Halvorsen, Ingrid", and medical record number '
         "00841273, are three tan-white cores measuring 1.1 to 1.6 cm. Entirely submitted in cassette S24-18842 A1.",
         "INVASIVE DUCTAL CARCINOMA, NOTTINGHAM GRADE 2 (3+2+2). ER positive (95%), PR positive (60%), HER2 equivocal "
         "(2+), reflex FISH ordered.", "Okafor-Thistlewood, Chidi MD", "C50.412", "408643008"],
        ["S24-018843", "00922518", "BRANNIGAN, PATRICK J", "11/27/1941", "M", "03/02/2024 10:02", "03/02/2024 14:11",
         "03/05/2024 11:45", "A. PROSTATE, RIGHT BASE, NEEDLE BIOPSY; B. PROSTATE, LEFT APEX, NEEDLE BIOPSY",
         "PSA 11.2. Patient of Dr. Weintraub-Oduya. Brother Seamus Brannigan with prostate cancer at 61.",
         'Received in two formalin-filled containers, each labeled "Brannigan, Patrick" and with DOB 11/27/41. Part A '
         "consists of two cores. Part B consists of one core. Cassettes A1-A2, B1. Requisition DOB 11-27-41.",
         "A. ADENOCARCINOMA, GLEASON SCORE 3+4=7 (GRADE GROUP 2), 30% OF TISSUE. B. BENIGN PROSTATIC TISSUE.",
         "Lindqvist-Obuya, Maja MD", "C61", "399068003"],
        ["S24-018851", "01177340", "DUQUESNE-ABARA, FLORENCE", "07/19/1933", "F", "03/03/2024 08:30", "03/03/2024 09:05",
         "03/07/2024 15:20", "A. SKIN, LEFT CHEEK, SHAVE",
         "90 yo F, lesion x 6 months. Lives at Willow Creek Manor, room 214; previously resided at Sunrise of Bellevue.",
         'Received fresh labeled "Florence Duquesne-Abara" and DOB 7/19/33 is a shave of skin 0.8 x 0.6 x 0.2 cm. '
         "Inked, bisected, entirely submitted in A1. Outside consult from Dermpath Associates, case DPA-24-00318.",
         "BASAL CELL CARCINOMA, NODULAR TYPE, MARGINS FREE.", "Okafor-Thistlewood, Chidi MD", "C44.319", "254701007"]]
    write_csv(os.path.join(d, "ap_cases.csv"),
              ["ACCESSION_NO", "MRN", "PATIENT_NAME", "DOB", "SEX", "COLLECT_DT", "RECEIVED_DT", "SIGNOUT_DT",
               "SPECIMEN", "CLINICAL_HISTORY", "GROSS_DESCRIPTION", "FINAL_DIAGNOSIS", "PATHOLOGIST", "ICD10",
               "SNOMED_CT"], rows, newline="\r\n")
    plant("patient-name", "HALVORSEN", "INGRID", "BRANNIGAN", "PATRICK", "DUQUESNE-ABARA", "FLORENCE")
    plant("relative-name", "Seamus")
    plant("clinician-name", "Okafor-Thistlewood", "Chidi", "Lindqvist-Obuya", "Weintraub-Oduya")
    plant("mrn", "00841273", "00922518", "01177340")
    plant("accession", "S24-018842", "S24-018843", "S24-018851", "S24-18842", "MG-19-4471", "DPA-24-00318")
    plant("birth-date", "04/11/1958", "11/27/1941", "07/19/1933", "11/27/41", "11-27-41", "7/19/33")
    plant("address", "Willow Creek Manor", "Bellevue")
    keep("pathology", "LEFT BREAST, 2 O'CLOCK, CORE BIOPSY", "NOTTINGHAM GRADE 2 (3+2+2)", "ER positive (95%)",
         "HER2 equivocal", "GLEASON SCORE 3+4=7 (GRADE GROUP 2)", "BASAL CELL CARCINOMA, NODULAR TYPE", "C50.412",
         "408643008", "C61", "399068003", "C44.319", "254701007", "0.8 x 0.6 x 0.2 cm", "Cassettes A1-A2, B1",
         "PSA 11.2")


def immunization_registry():
    """A state immunization information system's export (decision 0221): one row per dose, keyed by the child's
    registry id (IIS_ID), the child's, mother's and guardian's names, birth order of twins, the birth facility,
    address, county and phone, CVX and MVX codes, lot numbers, VFC eligibility, who gave the dose and where."""
    d = os.path.join(HERE, "iis")
    os.makedirs(d, exist_ok=True)
    kids = [("7700418821", "Zaylee", "Brooke", "Hollenbeck", "", "F", "2", "Y"),
            ("7700418822", "Zander", "Cole", "Hollenbeck", "Jr", "M", "1", "Y"),
            ("7700419305", "Thaddeus", "Orrin", "Vantassel", "", "M", "1", "N")]
    family = {"Hollenbeck": ("Castellanos", "Marisol", "Marisol", "Castellanos-Hollenbeck", "MTH", "2023-02-14",
                             "Valley Regional Medical Center", "2207 Orchard Hill Rd", "Yakima", "98902", "Yakima",
                             "509-555-0147"),
              "Vantassel": ("Quarrington", "Philippa", "Osgood", "Vantassel", "FTH", "2022-11-03",
                            "Kittitas Valley Healthcare", "418 W Manitoba Ave", "Ellensburg", "98926", "Kittitas",
                            "509-555-0183")}
    doses = [("20", "DTaP", "+63", "U7016AA", "PMC", "Pennington-Shaw, Avery RN", "Yakima Pediatrics"),
             ("08", "Hep B", "+1", "X3K82", "MSD", "Oyelowo-Brandt, Femi MD", "Valley Regional Medical Center"),
             ("133", "PCV13", "+63", "GP4410", "PFR", "Pennington-Shaw, Avery RN", "Yakima Pediatrics"),
             ("116", "Rotavirus, pentavalent", "+63", "Y016392", "MSD", "Pennington-Shaw, Avery RN",
              "Yakima Pediatrics")]
    import datetime
    rows = []
    for k in kids:
        f = family[k[3]]
        born = datetime.date.fromisoformat(f[5])
        for cvx, name, after, lot, mvx, who, where in doses:
            day = born + datetime.timedelta(days=int(after))
            rows.append([k[0], k[1], k[2], k[3], k[4], f[0], f[1], f[2], f[3], f[4], f[5], k[5], k[6], k[7], f[6],
                         "WA", f[7], f[8], "WA", f[9], f[10], f[11], cvx, name, day.isoformat(), lot, mvx, "0.5",
                         "IM" if cvx != "116" else "PO", "RT", "V02", who, where, "00" if cvx != "08" else "01"])
    write_csv(os.path.join(d, "iis_export.csv"),
              ["IIS_ID", "PATIENT_FIRST_NAME", "PATIENT_MIDDLE_NAME", "PATIENT_LAST_NAME", "PATIENT_NAME_SUFFIX",
               "MOTHERS_MAIDEN_LAST_NAME", "MOTHER_FIRST_NAME", "GUARDIAN_FIRST_NAME", "GUARDIAN_LAST_NAME",
               "GUARDIAN_RELATIONSHIP", "BIRTH_DATE", "SEX", "BIRTH_ORDER", "MULTIPLE_BIRTH_IND", "BIRTH_FACILITY",
               "BIRTH_STATE", "ADDRESS_STREET", "ADDRESS_CITY", "ADDRESS_STATE", "ADDRESS_ZIP", "COUNTY", "PHONE",
               "VACCINE_CVX", "VACCINE_NAME", "ADMIN_DATE", "LOT_NUMBER", "MVX", "DOSE_ML", "ROUTE", "SITE",
               "VFC_ELIGIBILITY", "ADMINISTERED_BY", "FACILITY_NAME", "RECORD_SOURCE"], rows)
    plant("patient-id", "7700418821", "7700418822", "7700419305")
    plant("patient-name", "Zaylee", "Hollenbeck", "Zander", "Thaddeus", "Orrin", "Vantassel")
    plant("relative-name", "Castellanos", "Marisol", "Castellanos-Hollenbeck", "Quarrington", "Philippa", "Osgood")
    plant("birth-date", "2023-02-14", "2022-11-03")
    plant("address", "2207 Orchard Hill Rd", "418 W Manitoba Ave", "Yakima", "Ellensburg", "Kittitas", "98902",
          "98926")
    plant("phone", "509-555-0147", "509-555-0183")
    plant("clinician-name", "Pennington-Shaw", "Avery", "Oyelowo-Brandt")
    keep("iis", "DTaP", "Hep B", "PCV13", "Rotavirus, pentavalent", "U7016AA", "X3K82", "GP4410", "Y016392", "PMC",
         "MSD", "PFR", "V02", "0.5", "MTH", "FTH")


def cancer_registry():
    """A hospital cancer registry's NAACCR abstracts as a registry system exports them to CSV (decision 0222): NAACCR XML's
    item names as headers (camel case: nameLast, dateOfBirth, addrAtDxCity, countyAtDx, censusTract2010, primarySite),
    dates as yyyyMMdd, codes as the registry writes them, and its free-text items in capitals (textDxProcPe,
    textRemarks) naming relatives and a move."""
    d = os.path.join(HERE, "naaccr")
    os.makedirs(d, exist_ok=True)
    people = [
        ("00071234", "4455012", "512447816", "WHITCOMBE", "GERALDINE", "ANN", "PRZYBYLSKI", "19320817",
         "1811 ALDER RIDGE DR", "SCRANTON", "18505", "069", "101207", "5705550199", "C341", "8140", "090",
         "DENISE WHITCOMBE-HALE", "ALLENTOWN",
         "04/12/23 CT CHEST: 2.5 CM RUL MASS. BX 04/18/23: ADENOCARCINOMA",
         "PT DAUGHTER DENISE REPORTS PT MOVED TO ALLENTOWN 01/2024. PT IS A 90 YO RETIRED COAL MINER."),
        ("00071235", "4455098", "208331907", "OYEKUNLE", "BABATUNDE", "", "", "19580302", "47 PERSIMMON CT APT 2",
         "STROUDSBURG", "18360", "089", "300119", "5705550162", "C619", "8140", "065", "", "",
         "09/22/23 PROSTATE BX GLEASON 4+3=7",
         "REFERRED BY DR ANSELM KITTREDGE-MBATHA. SON TUNDE OYEKUNLE JR CONTACT."),
        ("00071241", "4456120", "171664023", "VANDERHOOF", "MILLICENT", "R", "GAWRONSKI", "19611130",
         "902 SASSAFRAS HOLLOW RD", "HONESDALE", "18431", "127", "960304", "5705550111", "C509", "8500", "061",
         "", "", "05/02/23 L BREAST CORE BX: IDC GRADE 2, ER+ PR+ HER2-",
         "SISTER ROSALIE VANDERHOOF ALSO DX BREAST CA AT 48."),
        ("00071250", "4456877", "330718264", "QUILLIGAN", "FERGUS", "P", "", "19490614", "15 MULBERRY ROW",
         "TUNKHANNOCK", "18657", "131", "400210", "5705550175", "C341", "8070", "073", "", "",
         "07/19/23 BRONCHOSCOPY BX: SQUAMOUS CELL CARCINOMA", "FORMER SMOKER 50 PACK-YEARS."),
        ("00071262", "4457003", "419225836", "HARTSOCK", "LEVON", "", "", "19550921", "3 QUARRY VIEW LN",
         "CARBONDALE", "18407", "069", "110402", "5705550133", "C619", "8140", "068", "", "",
         "10/03/23 PROSTATE BX GLEASON 3+4=7", "WIFE CORDELIA HARTSOCK ACCOMPANIES PT."),
        ("00071277", "4457519", "522093741", "ESPINOZA-WARD", "TERESITA", "M", "ESPINOZA", "19701108",
         "2214 CHESTNUT KNOLL", "MOSCOW", "18444", "069", "112903", "5705550190", "C509", "8500", "052", "", "",
         "11/14/23 R BREAST EXCISION: DCIS AND IDC, MARGINS NEGATIVE", "BRCA2 CARRIER."),
    ]
    rows = []
    for i, p in enumerate(people):
        dx = ["20230412", "20230922", "20230502", "20230719", "20231003", "20231114"][i]
        rows.append([p[0], "01", p[1], p[2], p[3], p[4], p[5], p[6], p[7], "PA", "USA", "2" if i in (0, 2, 5) else "1",
                     p[8], p[9], "PA", p[10], p[11], p[12], p[9], p[13], dx, p[16], p[14], "1" if p[14] == "C341" else "0",
                     p[15], "3", "2", "025", "2B", "1", "20240115", p[17], p[18], "1457382960", "3900012345",
                     p[19], p[20]])
    write_csv(os.path.join(d, "naaccr_abstracts.csv"),
              ["patientIdNumber", "tumorRecordNumber", "medicalRecordNumber", "socialSecurityNumber", "nameLast",
               "nameFirst", "nameMiddle", "nameMaiden", "dateOfBirth", "birthplaceState", "birthplaceCountry", "sex",
               "addrAtDxNoStreet", "addrAtDxCity", "addrAtDxState", "addrAtDxPostalCode", "countyAtDx",
               "censusTract2010", "addrCurrentCity", "telephone", "dateOfDiagnosis", "ageAtDiagnosis", "primarySite",
               "laterality", "histologicTypeIcdO3", "behaviorCodeIcdO3", "grade", "tumorSizeSummary",
               "derivedSeerCmbStg", "vitalStatus", "dateOfLastContact", "followUpContactName", "followUpContactCity",
               "physicianManaging", "reportingFacility", "textDxProcPe", "textRemarks"], rows)
    plant("patient-id", *[p[0] for p in people])
    plant("mrn", *[p[1] for p in people])
    plant("ssn", *[p[2] for p in people])
    plant("patient-name", "WHITCOMBE", "GERALDINE", "OYEKUNLE", "BABATUNDE", "VANDERHOOF", "MILLICENT", "QUILLIGAN",
          "FERGUS", "HARTSOCK", "LEVON", "ESPINOZA-WARD", "TERESITA")
    plant("relative-name", "PRZYBYLSKI", "GAWRONSKI", "DENISE", "WHITCOMBE-HALE", "TUNDE", "ROSALIE", "CORDELIA")
    plant("clinician-name", "KITTREDGE-MBATHA", "ANSELM")
    plant("birth-date", *[p[7] for p in people])
    plant("address", *[p[8] for p in people], "SCRANTON", "STROUDSBURG", "HONESDALE", "TUNKHANNOCK", "CARBONDALE",
          "ALLENTOWN", *[p[10] for p in people], *[p[12] for p in people])
    plant("phone", *[p[13] for p in people])
    keep("naaccr", "8140", "8500", "8070", "2B", "025", "GLEASON 4+3=7", "ER+ PR+ HER2-", "SQUAMOUS CELL CARCINOMA",
         "BRCA2 CARRIER", "FORMER SMOKER 50 PACK-YEARS", "3900012345", "C341", "C619", "C509")


def ems_reports():
    """A state EMS office's patient care reports in NEMSIS v3.5 (decision 0223): the element ids as headers
    (ePatient.02 the last name, eScene.15 the incident's street address, ePatient.17 the birth date), NEMSIS codes
    for gender, age units and state and county (FIPS), times with their offset, an ICD-10 impression, vitals, an
    RxNorm medication, and the narrative naming a relative, a boyfriend and the crew with their credentials."""
    d = os.path.join(HERE, "nemsis")
    os.makedirs(d, exist_ok=True)
    pcrs = [
        ("PCR-2024-0007713", "24-118842", "MEDIC 12", "2024-03-14T21:07:44-05:00", "Blackwood", "Thaddeus", "K",
         "88 Juniper Hollow Rd", "Lock Haven", "42035", "17745", "9906003", "84", "1939-05-22", "5705550144",
         "184-62-7719", "41.20331,-77.19452", "", "88 Juniper Hollow Rd", "17745", "R55", "142", "88", "7806",
         "Dispatched to residence for 84 yo M syncope. Pt found on kitchen floor by wife Gloria Blackwood. Pt states "
         "\"I just got dizzy\". Transported to Lock Haven Hospital. Crew: J. Marchetti EMT-P, D. Okafor-Lund EMT.",
         "P1234567"),
        ("PCR-2024-0007720", "24-118861", "MEDIC 7", "2024-03-15T02:41:10-05:00", "Sandoval-Reyes", "Marisol", "",
         "410 E Water St Apt 3", "Lock Haven", "42035", "17745", "9906001", "35", "1988-11-03", "5705550188",
         "", "41.13702,-77.44688", "Sheetz Store 291", "1220 Hogan Blvd", "17751", "S06.0X0A", "118", "104", "",
         "MVC, restrained driver, airbag deployed. Pt's boyfriend Dario on scene. GCS 15. Crew: T. Vasquez-Oyelade NRP.",
         "P2234567"),
        ("PCR-2024-0007735", "24-118903", "MEDIC 12", "2024-03-16T10:12:05-05:00", "Whitlock", "Ernestine", "M",
         "19 Bald Eagle St", "Mill Hall", "42035", "17751", "9906001", "96", "1927-08-09", "5705550121",
         "203-44-9981", "41.10717,-77.48813", "Susque View Home", "22 Cree Dr", "17745", "R06.00", "96", "91",
         "7806", "Called by nursing home staff for 96 yo F SOB. Daughter Corinne Whitlock-Park notified by phone. "
         "Crew: J. Marchetti EMT-P.", "P1234567"),
    ]
    header = ["eRecord.01", "eResponse.03", "eResponse.14", "eTimes.03", "ePatient.02", "ePatient.03", "ePatient.04",
              "ePatient.05", "ePatient.06", "ePatient.07", "ePatient.08", "ePatient.09", "ePatient.13", "ePatient.15",
              "ePatient.16", "ePatient.17", "ePatient.18", "ePatient.12", "eScene.11", "eScene.13", "eScene.15",
              "eScene.18", "eScene.19", "eScene.21", "eSituation.11", "eVitals.06", "eVitals.10", "eMedications.03",
              "eNarrative.01", "eCrew.01"]
    rows = [[p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], "42", p[10], p[11], p[12], "2516009", p[13],
             p[14], p[15], p[16], p[17], p[18], "42", p[19], "42035", p[20], p[21], p[22], p[23], p[24], p[25]]
            for p in pcrs]
    write_csv(os.path.join(d, "pcr_export.csv"), header, rows, newline="\r\n")
    plant("encounter-id", "PCR-2024-0007713", "PCR-2024-0007720", "PCR-2024-0007735", "24-118842", "24-118861",
          "24-118903")
    plant("patient-name", "Blackwood", "Thaddeus", "Sandoval-Reyes", "Marisol", "Whitlock", "Ernestine")
    plant("relative-name", "Gloria", "Dario", "Corinne", "Whitlock-Park")
    plant("clinician-name", "Marchetti", "Okafor-Lund", "Vasquez-Oyelade")
    plant("address", "88 Juniper Hollow Rd", "410 E Water St Apt 3", "19 Bald Eagle St", "1220 Hogan Blvd",
          "22 Cree Dr", "Lock Haven", "Mill Hall", "17745", "17751", "41.20331,-77.19452", "41.13702,-77.44688",
          "41.10717,-77.48813", "Sheetz Store 291", "Susque View Home", "42035")
    plant("birth-date", "1939-05-22", "1988-11-03", "1927-08-09")
    plant("phone", "5705550144", "5705550188", "5705550121")
    plant("ssn", "184-62-7719", "203-44-9981")
    plant("staff-id", "P1234567", "P2234567")
    keep("nemsis", "MEDIC 12", "MEDIC 7", "R55", "S06.0X0A", "R06.00", "142", "7806", "2516009", "syncope",
         "restrained driver, airbag deployed", "GCS 15")


def sdtm():
    """A sponsor's CDISC SDTM datasets (SDTMIG 3.3) as its data management hands them to an academic partner for a
    secondary analysis, exported from SAS transport to CSV (decision 0225): UPPERCASE variable names, one file per
    domain; USUBJID as study-site-subject (`NRD-204-0117-0003`), the site's SUBJID, SITEID and INVNAM (the
    investigator, `HALVORSEN, MARGIT`); ISO 8601 dates in every --DTC, partial where the CRF was (`1944-03`), with a
    time where one was taken; --DY study days; SUPPDM's name-value pairs (the subject's initials and the hospital's
    number under QNAM/QVAL); CO's comments and AE's verbatim terms naming relatives and a place."""
    d = os.path.join(HERE, "sdtm")
    os.makedirs(d, exist_ok=True)
    subjects = [("0117-0003", "0117", "HALVORSEN, MARGIT", "1948-05-24", "M", "NOR", "ØSTBY", "EIRIK", "EØY", "H-5520871",
                 "2021-02-08", "2021-02-15"),
                ("0117-0009", "0117", "HALVORSEN, MARGIT", "1944-03", "F", "NOR", "BRÅTHEN", "SIGRID", "SQB", "H-5521348",
                 "2021-03-01", "2021-03-09"),
                ("0242-0001", "0242", "OYELARAN-FISK, TOBIAS", "1957-11-30", "F", "DNK", "KJÆRGAARD", "ASTRID", "AKQ",
                 "H-7710046", "2021-04-12", "2021-04-19"),
                ("0242-0004", "0242", "OYELARAN-FISK, TOBIAS", "1961-07-02", "M", "DNK", "NØRREGAARD", "MADS", "MNZ",
                 "H-7710932", "2021-05-03", "2021-05-10")]
    dm = []
    for subj, site, inv, brth, sex, country, last, first, ini, hosp, ic, start in subjects:
        age = 2021 - int(brth[:4]) - (1 if brth[5:7] > start[5:7] else 0)
        dm.append(["NRD-204", "DM", "NRD-204-" + subj, subj, start, "2021-11-30", start + "T08:30", ic,
                   "2021-10-14" if subj == "0242-0004" else "", "Y" if subj == "0242-0004" else "", site, "INV" + site,
                   inv, brth, str(age), "YEARS", sex, "WHITE", "NOT HISPANIC OR LATINO", "NRD10", "Nordavir 10 mg",
                   country, ic, "-7"])
    write_csv(os.path.join(d, "dm.csv"), ["STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC",
                                          "RFICDTC", "DTHDTC", "DTHFL", "SITEID", "INVID", "INVNAM", "BRTHDTC", "AGE",
                                          "AGEU", "SEX", "RACE", "ETHNIC", "ARMCD", "ARM", "COUNTRY", "DMDTC", "DMDY"],
              dm)
    supp = []
    for subj, site, inv, brth, sex, country, last, first, ini, hosp, ic, start in subjects:
        supp.append(["NRD-204", "DM", "NRD-204-" + subj, "", "", "INITIALS", "Subject Initials", ini, "CRF"])
        supp.append(["NRD-204", "DM", "NRD-204-" + subj, "", "", "HOSPNO", "Hospital Record Number", hosp, "CRF"])
        supp.append(["NRD-204", "DM", "NRD-204-" + subj, "", "", "SCRNFL", "Screened Flag", "Y", "DERIVED"])
    write_csv(os.path.join(d, "suppdm.csv"), ["STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL",
                                              "QVAL", "QORIG"], supp)
    aes = [(0, 1, "FALL AT DAUGHTER'S HOME IN TROMSØ", "Fall", "Injury, poisoning and procedural complications",
            "MODERATE", "N", "2021-03-20", "2021-03-22", "34", "36"),
           (1, 1, "NAUSEA", "Nausea", "Gastrointestinal disorders", "MILD", "N", "2021-03-12", "2021-03-14", "4", "6"),
           (2, 1, "PNEUMONIA", "Pneumonia", "Infections and infestations", "SEVERE", "Y", "2021-05-02T14:10",
            "2021-05-16", "14", "28"),
           (3, 1, "ELEVATED ALT", "Alanine aminotransferase increased", "Investigations", "MILD", "N", "2021-06-01", "",
            "23", "")]
    ae = [["NRD-204", "AE", "NRD-204-" + subjects[i][0], str(seq), str(seq), term, decod, soc, sev, ser, st, en, sdy,
           edy] for i, seq, term, decod, soc, sev, ser, st, en, sdy, edy in aes]
    write_csv(os.path.join(d, "ae.csv"), ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AESPID", "AETERM", "AEDECOD",
                                          "AEBODSYS", "AESEV", "AESER", "AESTDTC", "AEENDTC", "AESTDY", "AEENDY"], ae)
    co = [["NRD-204", "CO", "AE", "NRD-204-0117-0003", "1", "AESEQ", "1",
           "Subject fell at the home of his daughter Ingrid Østby-Lund in Tromsø; son-in-law Pål Lund drove him to UNN.",
           "2021-03-22"],
          ["NRD-204", "CO", "DM", "NRD-204-0242-0001", "1", "", "",
           "Consent re-signed 2021-04-26 after protocol amendment; witnessed by husband Henrik Kjærgaard.",
           "2021-04-26"],
          ["NRD-204", "CO", "AE", "NRD-204-0242-0001", "2", "AESEQ", "1",
           "Admitted to Odense Universitetshospital, ward 12. PI Dr. Oyelaran-Fisk informed the sponsor by phone "
           "+45 65 41 22 10.", "2021-05-03"]]
    write_csv(os.path.join(d, "co.csv"), ["STUDYID", "DOMAIN", "RDOMAIN", "USUBJID", "COSEQ", "IDVAR", "IDVARVAL",
                                          "COVAL", "CODTC"], co)
    lb = []
    seq = 0
    for k, (subj, *rest) in enumerate(subjects):
        for visit, num, dy, dtc in (("SCREENING", "1", "-7", rest[9]), ("WEEK 4", "5", "29", None)):
            for code, test, res, unit in (("ALT", "Alanine Aminotransferase", str(22 + 7 * k), "U/L"),
                                          ("CREAT", "Creatinine", "%d" % (71 + 4 * k), "umol/L")):
                seq += 1
                when = dtc if dtc else rest[10][:5] + "%02d" % (int(rest[10][5:7]) + 1) + rest[10][7:] + "T09:15"
                lb.append(["NRD-204", "LB", "NRD-204-" + subj, str(seq), code, test, res, unit, res, when, dy, visit,
                           num])
    write_csv(os.path.join(d, "lb.csv"), ["STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBTESTCD", "LBTEST", "LBORRES",
                                          "LBORRESU", "LBSTRESN", "LBDTC", "LBDY", "VISIT", "VISITNUM"], lb)
    plant("patient-id", *["NRD-204-" + s[0] for s in subjects], *[s[0] for s in subjects])
    plant("clinician-name", "HALVORSEN", "MARGIT", "OYELARAN-FISK", "TOBIAS", "Oyelaran-Fisk")
    plant("birth-date", "1948-05-24", "1944-03", "1957-11-30", "1961-07-02")
    plant("event-date", "2021-02-08", "2021-03-01", "2021-04-12", "2021-05-03", "2021-10-14", "2021-04-26",
          "2021-03-20", "2021-05-02T14:10")
    plant("patient-initials", "EØY", "SQB", "AKQ", "MNZ")
    plant("mrn", "H-5520871", "H-5521348", "H-7710046", "H-7710932")
    plant("relative-name", "Ingrid", "Østby-Lund", "Pål", "Henrik", "Kjærgaard")
    plant("address", "TROMSØ", "Tromsø")
    plant("phone", "+45 65 41 22 10")
    keep("sdtm", "NRD-204", "Nordavir 10 mg", "NRD10", "Alanine aminotransferase increased", "Pneumonia", "PNEUMONIA",
         "Infections and infestations", "SEVERE", "WEEK 4", "ALT", "CREAT", "umol/L", "YEARS", "NOT HISPANIC OR LATINO")


def npi_valid(nine):
    """A National Provider Identifier: nine digits and the Luhn digit over 80840 and them (CMS's NPI check digit)."""
    return nine + luhn_digit("80840" + nine)


def ub04():
    """A hospital's institutional claims as its patient financial services team exports them from the billing system
    for a readmissions study (decision 0228): the UB-04 (CMS-1450) form's fields by form locator, UPPERCASE
    (`FL03A_PAT_CNTL_NO`, `FL10_PAT_BIRTHDATE`), the form's own date notations (MMDDYY for admission, statement,
    occurrence and procedure dates, MMDDCCYY for the birth date), ICD-10 codes without their dot (`I214`, `02703ZZ`),
    revenue codes with their leading zero (`0450`); the insured's name (the spouse), the employer, the group number,
    the treatment authorization and the payer's document control number; the remarks field (FL 80) as the biller
    typed it. One file of claims, one of revenue lines."""
    d = os.path.join(HERE, "ub04")
    os.makedirs(d, exist_ok=True)
    attending = [("VANTERPOOL", "CORDELIA", npi_valid("148765932")), ("OKAFOR-LINDQVIST", "EZEKIEL", npi_valid("159372846"))]
    # (control no, MRN, name, street, city, state, zip, birth MMDDCCYY, sex, from, thru, admit MMDDYY, hour, type,
    #  source, discharge hour, status, occurrence code and date, total, payer, plan id, insured, relation, insured id,
    #  group name, group no, authorization, document control no, employer, principal dx, other dx, admit dx, ECI,
    #  procedure and date, attending, remarks)
    claims = [
        ("PCN2401180044", "MR00719352", "QUILLFEATHER, ROSALIND M", "4471 LARKSPUR HOLLOW RD", "NACOGDOCHES", "TX",
         "75961", "03141952", "F", "011824", "012224", "011824", "14", "1", "7", "11", "01", "11", "011524",
         "48213.77", "BLUE CROSS BLUE SHIELD OF TEXAS", "84980", "QUILLFEATHER, ABERNATHY J", "01", "XQF884213907",
         "NACOGDOCHES ISD EMPLOYEES", "0047221-03", "AUTH7731904Q", "24018X00417", "LUFKIN PALLET AND CRATE CO",
         "I214", "E119", "R079", "", "02703ZZ", "011924", 0,
         "PT TRANSFERRED FROM NACOGDOCHES MEMORIAL. SPOUSE ABERNATHY QUILLFEATHER IS GUARANTOR, PH 936-555-0142. "
         "ADMIT 01/18/2024 VIA ED."),
        ("PCN2402060117", "MR00822640", "TREADWELL-OYELOWO, DESMOND", "912 COTTONBELT SPUR", "CROCKETT", "TX",
         "75835", "11271941", "M", "020624", "021324", "020624", "03", "2", "1", "16", "06", "01", "020524",
         "61980.40", "MEDICARE PART A", "00400", "TREADWELL-OYELOWO, DESMOND", "18", "1EG4TE5MK72", "", "", "",
         "24037Y01188", "RETIRED", "S72001A", "W010XXA", "S72001A", "W1830XA", "0QS604Z", "020724", 1,
         "FELL AT DAUGHTER PRUDENCE TREADWELL'S HOME IN CROCKETT 02/05/24; DC TO SNF GRAPELAND MANOR. MBI ON FILE."),
        ("PCN2403110208", "MR00719352", "QUILLFEATHER, ROSALIND M", "4471 LARKSPUR HOLLOW RD", "NACOGDOCHES", "TX",
         "75961", "03141952", "F", "031124", "031424", "031124", "09", "1", "1", "15", "01", "", "",
         "22714.05", "BLUE CROSS BLUE SHIELD OF TEXAS", "84980", "QUILLFEATHER, ABERNATHY J", "01", "XQF884213907",
         "NACOGDOCHES ISD EMPLOYEES", "0047221-03", "AUTH8120455R", "24071X00902", "LUFKIN PALLET AND CRATE CO",
         "I5023", "I214", "R0602", "", "", "", 0,
         "READMIT WITHIN 30 DAYS OF PCN2401180044. CALL PT AT 936-555-0187 RE BALANCE."),
    ]
    header = ["FL03A_PAT_CNTL_NO", "FL03B_MED_REC_NO", "FL04_TYPE_OF_BILL", "FL08B_PAT_NAME", "FL09A_PAT_ADDR",
              "FL09B_PAT_CITY", "FL09C_PAT_STATE", "FL09D_PAT_ZIP", "FL10_PAT_BIRTHDATE", "FL11_PAT_SEX",
              "FL06_STMT_FROM", "FL06_STMT_THRU", "FL12_ADMSN_DATE", "FL13_ADMSN_HR", "FL14_ADMSN_TYPE",
              "FL15_ADMSN_SRC", "FL16_DSCHRG_HR", "FL17_PAT_STATUS", "FL31A_OCCUR_CD", "FL31A_OCCUR_DATE",
              "FL39A_VALUE_CD", "FL39A_VALUE_AMT", "FL47_TOT_CHRG", "FL50A_PAYER_NAME", "FL51A_HEALTH_PLAN_ID",
              "FL58A_INSURED_NAME", "FL59A_PAT_REL", "FL60A_INSURED_UNIQUE_ID", "FL61A_GROUP_NAME",
              "FL62A_INSURANCE_GROUP_NO", "FL63A_TREATMENT_AUTH_CD", "FL64A_DOC_CNTL_NO", "FL65A_EMPLOYER_NAME",
              "FL66_DX_VERSION", "FL67_PRIN_DX", "FL67A_OTHER_DX", "FL69_ADMIT_DX", "FL72A_ECI", "FL74_PRIN_PROC_CD",
              "FL74_PRIN_PROC_DATE", "FL76_ATTENDING_NPI", "FL76_ATTENDING_LAST", "FL76_ATTENDING_FIRST",
              "FL80_REMARKS", "FL81A_CC_QUAL", "FL81A_CC_CODE"]
    rows = []
    for c in claims:
        (pcn, mrn, name, street, city, state, zip5, birth, sex, frm, thru, admit, hour, atype, src, dhour, status,
         occ, occdt, total, payer, plan, insured, rel, insid, group, groupno, auth, dcn, employer, pdx, odx, adx, eci,
         proc, procdt, att, remarks) = c
        days = str(int(thru[2:4]) - int(frm[2:4]))
        rows.append([pcn, mrn, "0111", name, street, city, state, zip5, birth, sex, frm, thru, admit, hour, atype, src,
                     dhour, status, occ, occdt, "80", days + ".00", total, payer, plan, insured, rel, insid, group,
                     groupno, auth, dcn, employer, "0", pdx, odx, adx, eci, proc, procdt, attending[att][2],
                     attending[att][0], attending[att][1], remarks, "B3", "207RC0000X"])
    write_csv(os.path.join(d, "ub04_claims.csv"), header, rows, newline="\r\n")
    lines = [("PCN2401180044", "0450", "EMERGENCY ROOM", "99285", "011824", "1", "3125.00"),
             ("PCN2401180044", "0481", "CARDIAC CATH LAB", "93458", "011924", "1", "18944.10"),
             ("PCN2401180044", "0210", "CCU", "", "011824", "4", "16880.00"),
             ("PCN2402060117", "0360", "OR SERVICES", "27130", "020724", "1", "22410.55"),
             ("PCN2402060117", "0120", "ROOM-BOARD/SEMI", "", "020624", "7", "9870.00"),
             ("PCN2403110208", "0450", "EMERGENCY ROOM", "99284", "031124", "1", "2480.00"),
             ("PCN2403110208", "0206", "INTERMEDIATE ICU", "", "031124", "3", "11235.00")]
    write_csv(os.path.join(d, "ub04_revenue_lines.csv"),
              ["FL03A_PAT_CNTL_NO", "LINE_NO", "FL42_REV_CD", "FL43_REV_DESC", "FL44_HCPCS_RATE", "FL45_SERV_DATE",
               "FL46_SERV_UNITS", "FL47_TOT_CHRG"],
              [[l[0], str(i + 1)] + list(l[1:]) for i, l in enumerate(lines)], newline="\r\n")
    plant("patient-id", "PCN2401180044", "PCN2402060117", "PCN2403110208")
    plant("mrn", "MR00719352", "MR00822640")
    plant("patient-name", "QUILLFEATHER", "ROSALIND", "TREADWELL-OYELOWO", "DESMOND", "Quillfeather")
    plant("address", "4471 LARKSPUR HOLLOW RD", "LARKSPUR HOLLOW", "912 COTTONBELT SPUR", "COTTONBELT SPUR",
          "NACOGDOCHES", "CROCKETT")
    plant("zip", "75961", "75835")
    plant("birth-date", "03141952", "11271941")
    plant("event-date", "011824", "012224", "011524", "011924", "020624", "021324", "020524", "020724", "031124",
          "031424", "01/18/2024", "02/05/24")
    plant("relative-name", "ABERNATHY", "PRUDENCE")
    plant("insurance-id", "XQF884213907", "1EG4TE5MK72", "0047221-03", "AUTH7731904Q", "AUTH8120455R")
    plant("claim-id", "24018X00417", "24037Y01188", "24071X00902")
    plant("npi", attending[0][2], attending[1][2])
    plant("clinician-name", "VANTERPOOL", "CORDELIA", "OKAFOR-LINDQVIST", "EZEKIEL")
    plant("phone", "936-555-0142", "936-555-0187")
    plant("employer", "LUFKIN PALLET AND CRATE CO", "NACOGDOCHES ISD EMPLOYEES")
    plant("facility-room", "GRAPELAND MANOR")
    keep("ub04", "0111", "I214", "E119", "R079", "S72001A", "W010XXA", "W1830XA", "I5023", "R0602", "02703ZZ", "0QS604Z", "0450",
         "0481", "0210", "EMERGENCY ROOM", "CARDIAC CATH LAB", "99285", "93458", "27130", "48213.77", "61980.40",
         "MEDICARE PART A", "BLUE CROSS BLUE SHIELD OF TEXAS", "207RC0000X", "18944.10")


def hcup():
    """A state's inpatient discharge data in AHRQ's HCUP layout, the State Inpatient Database's core file, as a state
    data organization releases it to a researcher (decision 0229): KEY per stay, VisitLink per person across the state's
    hospitals with DaysToEvent (days from a person's own random start: the intervals between stays), the hospital's
    synthetic medical record and person numbers (MRN_S, PNUM_S), the patient's state and county FIPS code (PSTCO2), the
    ZIP and its first three digits (ZIP3), ICD-10-CM and ICD-10-PCS codes in numbered columns (I10_DX1, I10_PR1), the day
    of each procedure (PRDAY1), admission month and year, discharge quarter, charges, payer and disposition codes."""
    d = os.path.join(HERE, "hcup")
    os.makedirs(d, exist_ok=True)
    rows = [
        ("48202210000123", "2817730", "23041", "72", "1", "1", "1", "48347", "75961", "759", "452001", "I214", "E119",
         "I10", "02703ZZ", "1", "4", "48213", "1", "1", "30001234777", "2214409876"),
        ("48202210000457", "2817730", "23094", "72", "3", "1", "1", "48347", "75961", "759", "452001", "I5023", "I214",
         "N179", "", "", "3", "22714", "1", "1", "30001234777", "2214409876"),
        ("48202210000981", "3390115", "23060", "80", "2", "0", "2", "48225", "75835", "758", "452001", "S72001A",
         "W010XXA", "Z9181", "0QS604Z", "1", "7", "61980", "1", "5", "30001298831", "2214470012"),
        ("48202210001204", "4410982", "23210", "34", "7", "1", "3", "48005", "75904", "759", "452077", "O80", "Z370", "",
         "10E0XZZ", "0", "2", "9120", "3", "1", "30001301145", "2214491100"),
    ]
    write_csv(os.path.join(d, "TX_SID_2022_CORE.csv"),
              ["KEY", "VisitLink", "DaysToEvent", "AGE", "AMONTH", "AYEAR", "DQTR", "FEMALE", "RACE", "PSTCO2", "ZIP",
               "ZIP3", "HOSPST", "DSHOSPID", "I10_DX1", "I10_DX2", "I10_DX3", "I10_PR1", "PRDAY1", "LOS", "TOTCHG",
               "PAY1", "DISPUHOSP", "DIED", "MRN_S", "PNUM_S"],
              [[r[0], r[1], r[2], r[3], r[4], "2022", "1" if int(r[4]) <= 3 else "3", r[5], r[6], r[7], r[8], r[9],
                "TX", r[10], r[11], r[12], r[13], r[14], r[15], r[16], r[17], r[18], r[19], "0", r[20], r[21]]
               for r in rows])
    plant("patient-id", "48202210000123", "48202210000457", "48202210000981", "48202210001204", "2817730", "3390115",
          "4410982", "2214409876", "2214470012", "2214491100")
    plant("mrn", "30001234777", "30001298831", "30001301145")
    plant("zip", "75961", "75835", "75904")
    plant("county", "48347", "48225", "48005")
    keep("hcup", "23041", "23094", "23060", "23210", "02703ZZ", "0QS604Z", "10E0XZZ", "I5023", "S72001A", "W010XXA",
         "Z9181", "O80", "Z370", "48213", "61980", "759", "758", "452001")


def ris():
    """A radiology information system's worklist export, the columns named by the DICOM attributes they fill (decision
    0230): PatientName and the physicians' names in DICOM's own notation (QUILLFEATHER^ROSALIND^M,
    VANTERPOOL^CORDELIA^^DR), DICOM dates and times (20240118, 142233), the accession, the requested procedure and the
    other patient ids, the reason for the study as the referrer typed it."""
    d = os.path.join(HERE, "ris")
    os.makedirs(d, exist_ok=True)
    header = ['AccessionNumber', 'PatientID', 'PatientName', 'PatientBirthDate', 'PatientSex', 'StudyDate', 'StudyTime', 'Modality', 'StudyDescription', 'ReferringPhysicianName', 'PerformingPhysicianName', 'StationName', 'InstitutionName', 'ScheduledProcedureStepLocation', 'RequestedProcedureID', 'ReasonForStudy', 'OtherPatientIDs']
    rows = [['RAD24011800213', 'MR00719352', 'QUILLFEATHER^ROSALIND^M', '19520314', 'F', '20240118', '142233', 'CT', 'CT CHEST W CONTRAST', 'VANTERPOOL^CORDELIA^^DR', 'OKAFOR-LINDQVIST^EZEKIEL', 'CTSCAN02', 'NACOGDOCHES MEMORIAL HOSPITAL', 'RAD ROOM 4 EAST', 'RP88201', 'r/o PE; pt QUILLFEATHER c/o SOB since 01/15', '4471-AX-20931'], ['RAD24020600457', 'MR00822640', 'TREADWELL-OYELOWO^DESMOND', '19411127', 'M', '20240206', '091502', 'DX', 'XR HIP 2V RIGHT', 'VANTERPOOL^CORDELIA^^DR', 'NGUYEN-ABERNATHY^PRUDENCE', 'DXROOM1', 'CROCKETT MEDICAL CENTER', 'ED BAY 12', 'RP88377', "fall at daughter's home in Crockett", '5520-BQ-11876'], ['RAD24031100981', 'MR00719352', 'QUILLFEATHER^ROSALIND^M', '19520314', 'F', '20240311', '100455', 'US', 'US ECHO COMPLETE', 'HALLORAN^IGNATIUS', 'OKAFOR-LINDQVIST^EZEKIEL', 'ECHO01', 'NACOGDOCHES MEMORIAL HOSPITAL', 'CARDIO LAB 2', 'RP89012', 'EF follow-up', '4471-AX-20931']]
    write_csv(os.path.join(d, "ris_worklist_export.csv"), header, rows)
    plant("accession", "RAD24011800213", "RAD24020600457", "RAD24031100981")
    plant("patient-id", "MR00719352", "MR00822640", "4471-AX-20931", "5520-BQ-11876")
    plant("patient-name", "QUILLFEATHER", "ROSALIND", "TREADWELL-OYELOWO", "DESMOND")
    plant("clinician-name", "VANTERPOOL", "CORDELIA", "OKAFOR-LINDQVIST", "EZEKIEL", "HALLORAN", "IGNATIUS",
          "NGUYEN-ABERNATHY")
    plant("birth-date", "19520314", "19411127")
    plant("event-date", "20240118", "20240206", "20240311")
    keep("ris", "CT CHEST W CONTRAST", "XR HIP 2V RIGHT", "US ECHO COMPLETE", "EF follow-up")


def pacs():
    """A research group's harvest of a PACS's headers, one row per image and the columns named by the DICOM keywords
    they were read from, as metadata extractors write it (Niffler, a pydicom script into pandas; decisions 0231, 0232):
    the patients' names, ids, address and telephone, the institution and its address, the physicians', operators' and
    station's names, device serial numbers, the study, series, instance and frame of reference UIDs, DICOM dates and
    times, a 93-year-old's age, a technologist's comment naming the patient. What a researcher keeps: the times of day,
    the SOP classes, the scanners' makes and models, the descriptions and slice thickness."""
    d = os.path.join(HERE, "pacs")
    os.makedirs(d, exist_ok=True)
    header = ['PatientID', 'PatientName', 'PatientBirthDate', 'PatientSex', 'PatientAge', 'PatientAddress',
              'PatientTelephoneNumbers', 'OtherPatientIDs', 'AccessionNumber', 'StudyID', 'StudyInstanceUID',
              'SeriesInstanceUID', 'SOPInstanceUID', 'SOPClassUID', 'FrameOfReferenceUID', 'StudyDate', 'StudyTime',
              'SeriesDate', 'SeriesTime', 'AcquisitionTime', 'Modality', 'Manufacturer', 'ManufacturerModelName',
              'DeviceSerialNumber', 'StationName', 'InstitutionName', 'InstitutionAddress',
              'InstitutionalDepartmentName', 'ReferringPhysicianName', 'PerformingPhysicianName', 'OperatorsName',
              'RequestingPhysician', 'StudyDescription', 'SeriesDescription', 'ProtocolName', 'BodyPartExamined',
              'SeriesNumber', 'InstanceNumber', 'AcquisitionNumber', 'SliceThickness', 'ImageComments']
    a = ['PB7730418', 'STRAZZABOSCO^FERDINAND^L', '19580923', 'M', '066Y', '4417 Cypress Hollow Rd, Biloxi, MS 39531',
         '(228) 555-0147', 'HX-8830-5521', 'PBA2402270031', 'S40227', '1.2.826.0.1.3680043.9.7731.240227.1',
         '1.2.826.0.1.3680043.9.7731.240227.1.3', '1.2.826.0.1.3680043.9.7731.240227.1.3.1',
         '1.2.840.10008.5.1.4.1.1.2', '1.2.826.0.1.3680043.9.7731.240227.9', '20240227', '073512', '20240227',
         '073514.250000', '073601.125000', 'CT', 'SIEMENS', 'SOMATOM Force', 'SN77342019', 'PBMC-CT01',
         'PASCAGOULA BAYSIDE MEDICAL CENTER', '1200 Mariners Way, Pascagoula, MS 39567', 'RADIOLOGY',
         'MACALLISTER-OYAMA^BEATRIX^^DR', 'SVANBERG^ISIDORE', 'FENWICK-DUARTE^OTTILIE',
         'HOLLINGSWORTH-BAPTISTE^CLEMENTINE', 'CT HEAD W/O CONTRAST', 'AXIAL 0.625 BONE', 'NEURO TRAUMA HEAD',
         'HEAD', '3', '1', '1', '0.625', 'Pt STRAZZABOSCO moved during scan, repeat series']
    b = list(a)
    b[12] = '1.2.826.0.1.3680043.9.7731.240227.1.3.2'
    b[36], b[37] = '3', '2'
    b[40] = ''
    c = ['PB7730962', 'WINTERBOTTOM-ACHEBE^LUCIENNE^R', '19310115', 'F', '093Y',
         '88 Magnolia Terrace Apt 4, Gautier, MS 39553', '228-555-0193', 'HX-8830-7046', 'PBA2403050117', 'S40305',
         '1.2.826.0.1.3680043.9.7731.240305.4', '1.2.826.0.1.3680043.9.7731.240305.4.5',
         '1.2.826.0.1.3680043.9.7731.240305.4.5.1', '1.2.840.10008.5.1.4.1.1.4',
         '1.2.826.0.1.3680043.9.7731.240305.8', '20240305', '161047', '20240305', '161229.500000', '161301.000000',
         'MR', 'Philips', 'Ingenia Elition X', 'PH44817726', 'PBMC-MR02', 'PASCAGOULA BAYSIDE MEDICAL CENTER',
         '1200 Mariners Way, Pascagoula, MS 39567', 'RADIOLOGY', 'MACALLISTER-OYAMA^BEATRIX^^DR',
         'SVANBERG^ISIDORE', 'QUENNEVILLE^AUGUSTIN', 'HOLLINGSWORTH-BAPTISTE^CLEMENTINE',
         'MR BRAIN W/O CONTRAST', 'T2 FLAIR AX', 'NEURO DEMENTIA PROTOCOL', 'BRAIN', '5', '1', '1', '4.0',
         'daughter Genevieve WINTERBOTTOM present, consented for contrast-free study']
    write_csv(os.path.join(d, "pacs_image_headers.csv"), header, [a, b, c])
    plant("patient-id", "PB7730418", "PB7730962", "HX-8830-5521", "HX-8830-7046")
    plant("patient-name", "STRAZZABOSCO", "FERDINAND", "WINTERBOTTOM-ACHEBE", "LUCIENNE")
    plant("relative-name", "Genevieve")
    plant("birth-date", "19580923", "19310115")
    plant("age-over-89", "093Y")
    plant("address", "Cypress Hollow", "Biloxi", "39531", "Magnolia Terrace", "Gautier", "39553", "Mariners Way",
          "Pascagoula", "39567")
    plant("phone", "555-0147", "555-0193")
    plant("accession", "PBA2402270031", "PBA2403050117")
    plant("event-id", "S40227", "S40305")
    plant("dicom-uid", "1.2.826.0.1.3680043.9.7731.240227.1", "1.2.826.0.1.3680043.9.7731.240227.1.3.1",
          "1.2.826.0.1.3680043.9.7731.240305.4.5.1", "1.2.826.0.1.3680043.9.7731.240305.8")
    plant("event-date", "20240227", "20240305")
    plant("device-id", "SN77342019", "PH44817726", "PBMC-CT01", "PBMC-MR02")
    plant("clinician-name", "MACALLISTER-OYAMA", "BEATRIX", "SVANBERG", "ISIDORE", "FENWICK-DUARTE", "OTTILIE",
          "QUENNEVILLE", "AUGUSTIN", "HOLLINGSWORTH-BAPTISTE")
    keep("pacs", "073512", "073514.250000", "073601.125000", "161047", "161229.500000", "161301.000000",
         "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4", "SIEMENS", "Philips", "SOMATOM Force",
         "Ingenia Elition X",
         "CT HEAD W/O CONTRAST", "T2 FLAIR AX", "NEURO DEMENTIA PROTOCOL", "AXIAL 0.625 BONE")


def trauma():
    """A trauma center's registry export in the National Trauma Data Standard's fields (decisions 0233, 0234): the
    patient's name, MRN and trauma number, home city, county and ZIP, the incident's city, county and ZIP, dates and the
    times of day beside them (injury, ED arrival, ED discharge; HH:MM and HHMM), the EMS run number, the referring
    hospital in capitals, the occupation with its employer, the trauma surgeon, AIS predot codes and ICD-10 external
    causes, the injury narrative naming a road, a town, a street, the wife and the employer."""
    d = os.path.join(HERE, "trauma")
    os.makedirs(d, exist_ok=True)
    header = ["Trauma Number", "Medical Record Number", "Patient Last Name", "Patient First Name", "Date of Birth",
              "Age", "Age Units", "Sex", "Patient's Home Zip", "Patient's Home City", "Patient's Home County",
              "Patient's Home State", "Injury Incident Date", "Injury Incident Time",
              "ICD-10 Place of Occurrence External Cause Code", "ICD-10 Primary External Cause Code",
              "Incident Location Zip", "Incident City", "Incident County", "Work-Related", "Patient's Occupation",
              "Transport Mode", "EMS Run Number", "Inter-Facility Transfer", "Referring Hospital",
              "ED/Hospital Arrival Date", "ED/Hospital Arrival Time", "Initial ED Systolic Blood Pressure",
              "Initial ED GCS Total", "ED Discharge Disposition", "ED Discharge Date", "ED Discharge Time",
              "Hospital Discharge Date", "Hospital Discharge Disposition", "AIS Predot Code", "AIS Severity", "ISS",
              "Trauma Surgeon", "Injury Narrative"]
    rows = [
        ["2024-007731", "TX00588217", "BRADDOCK-ESPINOZA", "MARISELA", "03/11/1987", "37", "Years", "Female", "75935",
         "CHIRENO", "SHELBYVILLE-TENAHA", "TX", "02/14/2024", "23:47", "Y92.410", "V43.52XA", "75939", "ETOILE",
         "SAN AUGUSTINE-WEST", "Yes", "TRUCK DRIVER FOR PINEYWOODS FREIGHT", "Ground Ambulance", "PCR24-118842",
         "Yes", "ZAVALLA COMMUNITY HOSPITAL", "02/15/2024", "01:32", "88", "13", "Floor bed", "02/15/2024", "04:10",
         "02/21/2024", "Home without services", "450203.3", "3", "17", "GUNDERSEN-MBATHA, THEOPHILUS",
         "Driver of pickup struck by 18-wheeler on FM 1751 near Etoile; extricated 40 min; wife Dolores "
         "BRADDOCK-ESPINOZA on scene. Works as a truck driver for Pineywoods Freight."],
        ["2024-007746", "TX00601135", "FITZHUGH-ORANMORE", "LEOPOLDO", "07/29/1932", "91", "Years", "Male", "75930",
         "BROOKELAND", "JASPER-NEWTON", "TX", "02/16/2024", "0915", "Y92.009", "W01.0XXA", "75930", "BROOKELAND",
         "JASPER-NEWTON", "No", "RETIRED FROM DIBOLL LUMBER", "Private/Public Vehicle/Walk-in", "", "Yes",
         "LIVINGSTON REGIONAL MEDICAL CENTER", "02/16/2024", "10:02", "142", "15", "Floor bed", "02/16/2024",
         "11:55", "02/20/2024", "Skilled Nursing Facility", "853161.3", "3", "9", "GUNDERSEN-MBATHA, THEOPHILUS",
         "Ground level fall at home on Quillback Hollow Ln; daughter found him. Retired from Redland Fabrication. "
         "Hip fx."],
    ]
    write_csv(os.path.join(d, "trauma_registry_export.csv"), header, rows)
    plant("encounter-id", "2024-007731", "2024-007746")
    plant("mrn", "TX00588217", "TX00601135")
    plant("patient-name", "BRADDOCK-ESPINOZA", "MARISELA", "FITZHUGH-ORANMORE", "LEOPOLDO")
    plant("relative-name", "Dolores")
    plant("birth-date", "03/11/1987", "07/29/1932")
    plant("zip", "75935", "75939", "75930")
    plant("address", "CHIRENO", "SHELBYVILLE-TENAHA", "ETOILE", "SAN AUGUSTINE-WEST", "BROOKELAND",
          "JASPER-NEWTON", "Quillback Hollow", "ZAVALLA", "LIVINGSTON")
    plant("event-date", "02/14/2024", "02/16/2024", "02/21/2024")
    plant("event-id", "PCR24-118842")
    plant("employer", "PINEYWOODS", "DIBOLL", "Redland Fabrication")
    plant("clinician-name", "GUNDERSEN-MBATHA", "THEOPHILUS")
    keep("trauma", "23:47", "0915", "01:32", "10:02", "04:10", "11:55", "Y92.410", "V43.52XA", "W01.0XXA",
         "450203.3", "853161.3", "Ground Ambulance", "Home without services", "Skilled Nursing Facility")


def orlog():
    """An operating room's case log with its implant record, as a perioperative system exports it (decision 0235): the
    case id, the patient's MRN and name, the surgeon and the anesthesiologist ("SURNAME, GIVEN", one each: the
    anesthesiologist's header named a trade, not a name), the room and the case's times of day (in room, incision,
    close, out of room), ASA and wound class, the implant's description, maker, catalog number, lot, serial number and
    UDI (its serial inside), a note naming the husband and the maker's representative."""
    d = os.path.join(HERE, "orlog")
    os.makedirs(d, exist_ok=True)
    header = ["CASE_ID", "PAT_MRN", "PAT_NAME", "SURGERY_DATE", "PROCEDURE", "PRIMARY_SURGEON", "ANESTHESIOLOGIST",
              "OR_ROOM", "IN_ROOM_TIME", "INCISION_TIME", "CLOSE_TIME", "OUT_ROOM_TIME", "ASA_CLASS", "WOUND_CLASS",
              "IMPLANT_DESC", "IMPLANT_MFR", "IMPLANT_CATALOG_NO", "IMPLANT_LOT", "IMPLANT_SERIAL", "IMPLANT_UDI",
              "CASE_NOTES"]
    rows = [
        ["OR24-0031877", "E4471966", "HALVERSTAM, OTTAVIA J", "2024-03-05", "TOTAL KNEE ARTHROPLASTY LEFT",
         "ROSENQUIST-ADEBAYO, MALACHI", "VASHCHENKO-OKORO, FENELLA", "OR 12", "07:32", "08:05", "09:41", "10:02", "3",
         "I - Clean", "FEMORAL COMPONENT CR SZ 5", "ZIMMER BIOMET", "42-5022-005-01", "64328817", "ZB7731904412",
         "(01)00889024123456(17)290131(10)64328817(21)ZB7731904412",
         "Tourniquet 48 min. Pt's husband Wendeline in waiting room."],
        ["OR24-0032011", "E4480315", "QUINTANILLA-VOSS, ERASMO", "2024-03-07", "PACEMAKER INSERTION DUAL CHAMBER",
         "ROSENQUIST-ADEBAYO, MALACHI", "VASHCHENKO-OKORO, FENELLA", "EP LAB 2", "13:10", "13:42", "14:55", "15:20",
         "4", "I - Clean", "PACEMAKER DUAL CHAMBER", "MEDTRONIC", "W1DR01", "", "PJN4418207H",
         "(01)00643169876543(11)231115(17)260630(21)PJN4418207H",
         "Device interrogated post-op; rep Dalia from Medtronic present."],
    ]
    write_csv(os.path.join(d, "or_case_log.csv"), header, rows)
    plant("encounter-id", "OR24-0031877", "OR24-0032011")
    plant("mrn", "E4471966", "E4480315")
    plant("patient-name", "HALVERSTAM", "OTTAVIA", "QUINTANILLA-VOSS", "ERASMO")
    plant("relative-name", "Wendeline")
    plant("contact-name", "Dalia")
    plant("clinician-name", "ROSENQUIST-ADEBAYO", "MALACHI", "VASHCHENKO-OKORO", "FENELLA")
    plant("device-id", "ZB7731904412", "PJN4418207H")
    plant("event-date", "2024-03-05", "2024-03-07")
    keep("orlog", "07:32", "08:05", "09:41", "10:02", "13:10", "15:20", "TOTAL KNEE ARTHROPLASTY LEFT",
         "PACEMAKER INSERTION DUAL CHAMBER", "I - Clean", "FEMORAL COMPONENT CR SZ 5", "ZIMMER BIOMET",
         "42-5022-005-01", "W1DR01", "64328817")
    keep("orlog", "(01)00889024123456", "(01)00643169876543")  # the UDIs' device identifiers (decision 0236)


def wearables():
    """A study of wearables and continuous glucose monitors (decision 0238): the participants' roster, one participant's
    Dexcom Clarity export (named after her, as Clarity names it; its first rows FirstName, LastName and DateOfBirth under
    "Event Type" with their values under "Patient Info"; the transmitter's id on every reading), and another's Apple
    Health export as QS Access writes it: "sourceName" names her watch and phone after her ("Cosima’s Apple Watch"), and
    every time carries its zone after a space ("2024-01-08 07:00:00 -0500"), which no notation read before."""
    d = os.path.join(HERE, "wearables")
    os.makedirs(d, exist_ok=True)
    people = [("WR-0101", "Leocadia", "Haverkamp-Nwosu", "1979-06-23"), ("WR-0102", "Cosima", "Tremblay-Oyelowo", "1985-11-02"),
              ("WR-0103", "Octavian", "Pellegrino-Akande", "1962-01-30"), ("WR-0104", "Yevgenia", "Brisbane-Kahale", "1990-08-14"),
              ("WR-0105", "Thibault", "Dunmore-Azikiwe", "1971-03-09"), ("WR-0106", "Zephyrine", "Strathclyde-Oyo", "1958-12-21"),
              ("WR-0107", "Leander", "Loveridge-Mbeki", "1968-05-05"), ("WR-0108", "Ottilie", "Fairweather-Osei", "1994-02-17"),
              ("WR-0109", "Caspian", "Ashcombe-Nwankwo", "1983-09-28"), ("WR-0110", "Marguerite", "Vukovic-Adeyemi", "1975-07-11"),
              ("WR-0111", "Anselm", "Kettering-Obi", "1966-10-03"), ("WR-0112", "Briseis", "Pemberton-Achebe", "1988-04-26")]
    rows = []
    for i, (pid, given, family, born) in enumerate(people):
        rows.append([pid, given, family, born, f"{given.lower()}.{family.split('-')[0].lower()}@example.net",
                     f"(617) 555-{1300 + i:04d}", f"2024-01-{2 + i:02d}", "Dexcom G7" if i % 2 == 0 else "Dexcom G6",
                     "Apple Watch Series 8"])
    write_csv(os.path.join(d, "participants.csv"), ["participant_id", "first_name", "last_name", "date_of_birth", "email",
                                                    "mobile_phone", "enrolled_on", "cgm_model", "wearable_model"], rows)
    plant("patient-id", *[p[0] for p in people])
    plant("patient-name", *[p[1] for p in people], *[p[2] for p in people])
    plant("birth-date", *[p[3] for p in people])
    plant("email", *[f"{p[1].lower()}.{p[2].split('-')[0].lower()}@example.net" for p in people])
    plant("phone", *[f"(617) 555-{1300 + i:04d}" for i in range(len(people))])
    keep("wearables", "Dexcom G7", "Dexcom G6", "Apple Watch Series 8")

    clarity = ["Index", "Timestamp (YYYY-MM-DDThh:mm:ss)", "Event Type", "Event Subtype", "Patient Info", "Device Info",
               "Source Device ID", "Glucose Value (mg/dL)", "Insulin Value (u)", "Carb Value (grams)",
               "Duration (hh:mm:ss)", "Glucose Rate of Change (mg/dL/min)", "Transmitter Time (Long Integer)",
               "Transmitter ID"]
    crow = [["1", "", "FirstName", "", "Leocadia", "", "", "", "", "", "", "", "", ""],
            ["2", "", "LastName", "", "Haverkamp-Nwosu", "", "", "", "", "", "", "", "", ""],
            ["3", "", "DateOfBirth", "", "1979-06-23", "", "", "", "", "", "", "", "", ""],
            ["4", "", "Device", "", "", "Dexcom G7 Mobile App", "iOS G7", "", "", "", "", "", "", ""],
            ["5", "", "Alert", "Urgent Low", "", "", "iOS G7", "", "", "", "", "", "", ""]]
    glucose = [112, 118, 131, 144, 152, 149, 138, 126, 117, 109, 101, 96, 94, 99, 107, 121]
    for k, g in enumerate(glucose):
        crow.append([str(6 + k), f"2024-02-13T{7 + k // 12:02d}:{(k % 12) * 5:02d}:11", "EGV", "", "", "", "iOS G7", str(g),
                     "", "", "", "" if k % 3 else "1.2", str(4410700 + 300 * k), "8M4KQ7"])
    crow.append([str(6 + len(glucose)), "2024-02-13T07:30:00", "Carbs", "", "", "", "iOS G7", "", "", "45", "", "", "", ""])
    crow.append([str(7 + len(glucose)), "2024-02-13T07:31:00", "Insulin", "Fast-Acting", "", "", "iOS G7", "", "4.5", "", "",
                 "", "", ""])
    write_csv(os.path.join(d, "CLARITY_Export_Haverkamp-Nwosu_Leocadia_2024-02-14_101502.csv"), clarity, crow)
    plant("device-id", "8M4KQ7")
    keep("wearables", "Dexcom G7 Mobile App", "Urgent Low", "Fast-Acting", "152", "4.5")

    health = ["type", "sourceName", "sourceVersion", "device", "unit", "creationDate", "startDate", "endDate", "value"]
    hk = '<<HKDevice: 0x283c0c0a0>, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,1, software:10.2>'
    hrow = []
    for k in range(24):
        t = f"2024-01-{8 + k // 6:02d} {7 + (k % 6) * 2:02d}:00:00 -0500"
        source = ["Cosima’s Apple Watch", "Cosima Tremblay-Oyelowo’s iPhone"][k % 4 == 3]
        hrow.append(["HKQuantityTypeIdentifierHeartRate", source, "10.2", hk, "count/min", t, t, t, str(58 + (k * 7) % 50)])
    hrow.append(["HKQuantityTypeIdentifierStepCount", "Cosima Tremblay-Oyelowo’s iPhone", "17.2", "", "count",
                 "2024-01-09 21:00:00 -0500", "2024-01-09 08:00:00 -0500", "2024-01-09 20:00:00 -0500", "9312"])
    hrow.append(["HKWorkoutActivityTypeRunning", "Strava", "1.0", "", "min", "2024-01-10 07:00:00 -0500",
                 "2024-01-10 06:10:00 -0500", "2024-01-10 06:55:00 -0500", "45"])
    write_csv(os.path.join(d, "apple_health_export.csv"), health, hrow)
    keep("wearables", "HKQuantityTypeIdentifierHeartRate", "’s Apple Watch", "’s iPhone", "Strava", "count/min", "9312",
         "07:00:00 -0500", "21:00:00 -0500")

    # A third participant's Garmin Connect export (decision 0239): each activity titled after the town or park it began in
    garmin = ["Activity Type", "Date", "Favorite", "Title", "Distance", "Calories", "Time", "Avg HR", "Max HR",
              "Aerobic TE", "Total Ascent"]
    titles = [("Running", "Toledo Running"), ("Road Cycling", "Sylvania Road Cycling"),
              ("Trail Running", "Oak Openings Preserve Trail Running"), ("Walking", "Perrysburg Walking"),
              ("Running", "Morning Run"), ("Running", "Toledo Running"), ("Road Cycling", "Wauseon Road Cycling"),
              ("Treadmill Running", "Treadmill Running"), ("Running", "Toledo Running"), ("Walking", "Swanton Walking")]
    grow = []
    for k, (kind, title) in enumerate(titles):
        grow.append([kind, f"2024-01-{8 + k:02d} {6 + k % 3:02d}:10:31", "false" if k % 4 else "true", title,
                     f"{3.1 + k * 1.7:.2f}", str(300 + 37 * k), f"00:{25 + k * 3:02d}:45", str(128 + k * 2), str(160 + k),
                     f"{2.0 + k * 0.2:.1f}", str(10 + 9 * k)])
    write_csv(os.path.join(d, "Activities.csv"), garmin, grow)
    plant("place", "Toledo", "Sylvania", "Perrysburg", "Wauseon", "Swanton", "Oak Openings")
    keep("wearables", "Road Cycling", "Trail Running", "Morning Run", "Treadmill Running", "00:28:45")

    # The study's sync server logs each upload (decision 0242): a Java service writes the time with Date.toString()
    # ("Mon Jan 08 07:02:11 EST 2024"), which no notation read (every cell emptied and reported), and its note names
    # the participant with the same time, which the scrubber cut in two ("Mon [DATE]:02:11 EST 2024")
    sync = ["synced_at", "participant_id", "records", "note"]
    srow = []
    for k in range(8):
        p = people[k % 3]
        day = 8 + k
        wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][(day - 8) % 7]  # 2024-01-08 was a Monday
        t = f"{wd} Jan {day:02d} 07:{2 + k:02d}:11 EST 2024"
        srow.append([t, p[0], str(288 - k), f"Upload by {p[1]} {p[2]} at {t}: ok"])
    write_csv(os.path.join(d, "sync_log.csv"), sync, srow)

    # A fourth participant's Strava export (decision 0243): titles she wrote herself, a town before a dash or a colon,
    # and Strava's dates with a comma before the time ("Jan 8, 2024, 11:10:31 AM"), which no notation read
    strava = ["Activity ID", "Activity Date", "Activity Name", "Activity Type", "Elapsed Time", "Distance"]
    names = ["Maumee - Half marathon", "Morning Run", "Whitehouse: hill repeats", "Waterville \u2013 recovery ride",
             "Lunch Run", "Maumee - tempo run"]
    strows = []
    for k, title in enumerate(names):
        strows.append([str(10480117700 + 131 * k), f"Jan {8 + 2 * k}, 2024, {6 + k}:10:31 AM", title,
                       "Ride" if "ride" in title else "Run", str(1800 + 97 * k), f"{5.2 + k:.2f}"])
    write_csv(os.path.join(d, "strava_activities.csv"), strava, strows)
    plant("place", "Maumee", "Whitehouse", "Waterville")
    keep("wearables", "Half marathon", "hill repeats", "recovery ride", "Lunch Run", ":10:31 AM")
    plant("event-date", *[r[0] for r in srow])
    keep("wearables", "07:02:11 EST", "07:09:11 EST", "288")


def nric(prefix, seven):
    """A Singapore NRIC or FIN: S or T (citizens born before or from 2000), F, G or M (foreigners), seven digits and the
    check letter of weights 2, 7, 6, 5, 4, 3, 2."""
    total = sum(int(c) * w for c, w in zip(seven, (2, 7, 6, 5, 4, 3, 2))) + {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}[prefix]
    letters = "JZIHGFEDCBA" if prefix in "ST" else ("XWUTRQPNJLK" if prefix == "M" else "XWUTRQPNMLK")
    return prefix + seven + letters[total % 11]


def sea():
    """Southeast Asia (decision 0244): a Singapore polyclinic's visits (NRIC and FIN with their check letters, HDB
    block addresses with unit numbers, six-digit postal codes written "S(560345)" in notes, Malay, Chinese and Indian
    names with bin, binti, d/o and s/o), a Malaysian klinik kesihatan's export in Malay (the MyKad number
    YYMMDD-PB-###G, Jalan and Taman addresses, Puan, Encik, a/l, a/p), an Indonesian BPJS claims export with ';'
    (NIK, the BPJS card number, the SEP, single names in capitals, RT/RW, kelurahan and kecamatan, Ny., Tn., An.,
    tariffs with '.' thousands) and a PhilHealth claims export (the PIN 12-345678901-2, a middle name that is the
    mother's maiden name, barangays, MM/DD/YYYY, RVS codes)."""
    d = os.path.join(HERE, "sea")
    os.makedirs(d, exist_ok=True)
    sg = [("V23-004417", nric("S", "8812345"), "Quek Sze Hwee", "Chinese", "F", "14/03/1988",
           "Blk 345 Ang Mo Kio Ave 3 #08-1234", "560345", "+65 9123 4567", "06/03/2023", "R42", "Dizziness", "",
           "Mdm Quek Sze Hwee, 35F, c/o giddiness x2/7. Lives with daughter Lim Pei Shan at Blk 345 Ang Mo Kio Ave 3 "
           "#08-1234 S(560345). NOK hp 9876 5432. NRIC " + nric("S", "8812345") + " verified."),
          ("V23-004452", nric("S", "7523418"), "Muhammad Hafiz bin Rosli", "Malay", "M", "02/11/1975",
           "Blk 12 Marsiling Drive #03-55", "730012", "8234 5678", "07/03/2023", "E11.9", "Type 2 diabetes", "8.1",
           "Encik Hafiz bin Rosli, 47M, DM on metformin 850 mg BD. HbA1c 8.1%. Wife Puan Norazlina binti Yusof to "
           "collect meds. Contact 8234 5678."),
          ("V23-004490", nric("S", "1678234"), "Kavitha d/o Subramaniam", "Indian", "F", "28/07/1962",
           "22 Sembawang Hills Drive", "576912", "6452 3311", "08/03/2023", "I10", "Essential hypertension", "",
           "Kavitha d/o Subramaniam came with son Kumaresan s/o Palaniappan; BP 152/94. Lives at 22 Sembawang Hills "
           "Drive, Singapore 576912."),
          ("V23-004513", nric("G", "7654321"), "Nguyen Thi Thu Hang", "Others", "F", "05/09/1991",
           "Blk 88 Tampines St 81 #11-202", "520088", "+65 8765 4321", "09/03/2023", "J06.9", "Acute URTI", "",
           "Ms Nguyen Thi Thu Hang (FIN " + nric("G", "7654321") + "), work permit holder, employer Kim Seng Marine "
           "Pte Ltd, dorm at 2 Tuas South Ave 1. MC x2 days.")]
    write_csv(os.path.join(d, "sg_polyclinic_visits.csv"),
              ["Visit No", "NRIC/FIN", "Patient Name", "Race", "Sex", "DOB", "Address", "Postal Code", "Mobile",
               "Visit Date", "Diagnosis Code", "Diagnosis", "HbA1c (%)", "Doctor's Notes"], [list(r) for r in sg])
    for r in sg:
        plant("encounter-id", r[0])
        plant("national-id", r[1])
        plant("birth-date", r[5])
        plant("address", r[6], r[7])
        plant("phone", r[8])
    plant("patient-name", "Quek", "Sze Hwee", "Hafiz", "Rosli", "Kavitha", "Subramaniam", "Thu Hang")
    plant("relative-name", "Pei Shan", "Norazlina", "Kumaresan", "Palaniappan")
    plant("phone", "9876 5432")
    plant("address", "2 Tuas South Ave 1")
    plant("employer", "Kim Seng Marine")
    keep("sea", "R42", "E11.9", "I10", "J06.9", "Type 2 diabetes", "Essential hypertension", "8.1", "metformin 850 mg BD",
         "BP 152/94", "Chinese", "Malay")

    my = [("KK/2023/01187", "850312-14-5524", "Norhaliza binti Zulkarnain", "P", "12/03/1985",
           "No. 12, Jalan Bunga Raya 3, Taman Melati Utama", "53100", "Setapak", "W.P. Kuala Lumpur", "012-345 6789",
           "14/03/2023", "A91", "Demam denggi berdarah",
           "Pesakit Puan Norhaliza binti Zulkarnain datang dengan demam 3 hari dan sakit kepala. Suami, Encik Faizal "
           "bin Hamdan, menemani. NS1 positif, platelet 98. Rujuk ke hospital. Tel suami 019-221 4455."),
          ("KK/2023/01203", "770921-10-5531", "Tan Chee Keong", "L", "21/09/1977",
           "23, Lorong Cempaka 5, Taman Sri Andalas", "41200", "Klang", "Selangor", "016-778 2231",
           "15/03/2023", "E11.65", "Diabetes mellitus jenis 2",
           "En. Tan Chee Keong, 45 thn, HbA1c 9.2%. Anak perempuan Tan Mei Ling akan ambil ubat. No. K/P "
           "770921-10-5531."),
          ("KK/2023/01219", "690205-08-6122", "Rajeswari a/p Muniandy", "P", "05/02/1969",
           "Lot 88, Kampung Baru Sungai Siput", "31100", "Sungai Siput", "Perak", "05-598 1234",
           "16/03/2023", "I10", "Hipertensi",
           "Pn. Rajeswari a/p Muniandy, hipertensi, BP 160/100. Tinggal di Lot 88, Kampung Baru Sungai Siput "
           "bersama anak Kumaran a/l Sivalingam.")]
    write_csv(os.path.join(d, "my_klinik_kesihatan.csv"),
              ["No. Daftar", "No. K/P", "Nama Pesakit", "Jantina", "Tarikh Lahir", "Alamat", "Poskod", "Bandar",
               "Negeri", "No. Telefon", "Tarikh Lawatan", "Kod ICD-10", "Diagnosis", "Nota Klinikal"],
              [list(r) for r in my])
    for r in my:
        plant("encounter-id", r[0])
        plant("national-id", r[1], r[1].replace("-", ""))
        plant("birth-date", r[4])
        plant("address", r[5], r[6])
        plant("phone", r[9])
    plant("address", "Jalan Bunga Raya 3", "Taman Melati Utama", "Lorong Cempaka 5", "Taman Sri Andalas",
          "Kampung Baru Sungai Siput")
    plant("place", "Setapak", "Sungai Siput")
    plant("patient-name", "Norhaliza", "Zulkarnain", "Chee Keong", "Rajeswari", "Muniandy")
    plant("relative-name", "Faizal", "Hamdan", "Mei Ling", "Kumaran", "Sivalingam")
    plant("phone", "019-221 4455")
    keep("sea", "A91", "E11.65", "Demam denggi berdarah", "Diabetes mellitus jenis 2", "Hipertensi", "HbA1c 9.2%",
         "BP 160/100", "NS1 positif", "Selangor", "Perak")

    idn = [("0901R0010323V000417", "0001324657981", "3174054403850002", "SRI WAHYUNINGSIH", "04-03-1985", "P",
            "JL. KRAMAT RAYA NO. 45 RT 003/RW 005", "KENARI", "SENEN", "KOTA JAKARTA PUSAT", "081234567890",
            "12-03-2023", "16-03-2023", "A91", "A-4-14-I", "4.567.800",
            "Pasien Ny. Sri Wahyuningsih, 38 th, DBD grade II. Suami Tn. Bambang Sutrisno (HP 0812-9876-5432). "
            "Rujukan dari Puskesmas Kecamatan Senen."),
           ("1301R0020423V001122", "0002231457760", "3578101708600003", "SUPARMAN", "17-08-1960", "L",
            "JL. NGAGEL JAYA SELATAN GG. III NO. 7", "BARATA JAYA", "GUBENG", "KOTA SURABAYA", "0813-3456-7812",
            "03-04-2023", "09-04-2023", "I63.9", "G-4-14-II", "9.210.300",
            "Tn. Suparman, 62 th, stroke iskemik. Dirawat oleh anak Ny. Endang Lestari, Jl. Ngagel Jaya Selatan "
            "Gg. III No. 7."),
           ("0213R0030523V000981", "0003398765123", "3273012106150001", "AN. MUHAMMAD RIZKY PRATAMA", "21-06-2015",
            "L", "KOMP. GRIYA ASRI BLOK C2 NO. 14", "CIPAMOKOLAN", "RANCASARI", "KOTA BANDUNG", "0878 2233 4455",
            "02-05-2023", "05-05-2023", "J18.9", "J-4-16-I", "3.120.500",
            "An. Muhammad Rizky Pratama, 7 th, pneumonia. Ibu: Ny. Dewi Kartikasari, NIK 3273014503880004.")]
    write_csv(os.path.join(d, "id_bpjs_klaim.csv"),
              ["NO_SEP", "NO_KARTU", "NIK", "NAMA_PESERTA", "TGL_LAHIR", "JNS_KELAMIN", "ALAMAT", "KELURAHAN",
               "KECAMATAN", "KAB_KOTA", "NO_HP", "TGL_MASUK", "TGL_PULANG", "DIAGNOSA", "KODE_INACBG", "TARIF",
               "CATATAN"], [list(r) for r in idn], delimiter=";")
    for r in idn:
        plant("claim-id", r[0])
        plant("insurance-id", r[1])
        plant("national-id", r[2])
        plant("birth-date", r[4])
        plant("address", r[6])
        plant("phone", r[10])
        plant("event-date", r[11])
    plant("patient-name", "WAHYUNINGSIH", "SUPARMAN", "RIZKY PRATAMA")
    plant("address", "KRAMAT RAYA", "NGAGEL JAYA SELATAN", "GRIYA ASRI", "KENARI", "SENEN", "BARATA JAYA", "GUBENG",
          "CIPAMOKOLAN", "RANCASARI")
    plant("relative-name", "Sutrisno", "Endang Lestari", "Kartikasari")
    plant("phone", "0812-9876-5432")
    plant("national-id", "3273014503880004")
    keep("sea", "A-4-14-I", "G-4-14-II", "J-4-16-I", "4.567.800", "9.210.300", "I63.9", "J18.9", "DBD grade II",
         "stroke iskemik", "pneumonia")

    ph = [("2019-0412-000187", "12-025678913-4", "VILLARAZA", "Maria Concepcion", "Dimaculangan", "", "03/14/1979",
           "F", "Brgy. San Isidro", "Cainta", "Rizal", "0917 123 4567", "04/02/2019", "04/06/2019", "J18.9", "",
           "15,000.00", "Dr. Ramon Evangelista",
           "Pt Maria Concepcion D. Villaraza, 40 y/o F, CAP-MR. From Blk 7 Lot 12 Phase 2, Brgy. San Isidro, Cainta, "
           "Rizal. Husband Rodrigo Villaraza (0918 765 4321) informed."),
          ("2019-0519-000233", "01-050923477-8", "MACAPAGAL-DIZON", "Jose Emmanuel", "Tolentino", "Jr.", "11/30/1958",
           "M", "Brgy. Visayan Village", "Tagum City", "Davao del Norte", "+63 928 456 7890", "05/19/2019",
           "05/23/2019", "K35.8", "44970", "24,000.00", "Dra. Lourdes Sarmiento",
           "Jose Emmanuel T. Macapagal-Dizon Jr., 60 y/o M, s/p lap appendectomy. Contact person: daughter Kristine "
           "Joy Dizon, Purok 4, Brgy. Visayan Village."),
          ("2019-0601-000098", "19-087654321-0", "BALANGUE", "Rosalinda", "Pascual", "", "08/05/1990", "F",
           "Brgy. Malanday", "Marikina City", "Metro Manila", "(02) 8941 2233", "06/01/2019", "06/03/2019", "O80",
           "59400", "6,500.00", "Dr. Antonio Manalastas",
           "G2P2, NSD. Baby girl Balangue, 3.1 kg, APGAR 9/9. Partner Marlon Quiambao. Mother's PIN 19-087654321-0.")]
    write_csv(os.path.join(d, "ph_philhealth_claims.csv"),
              ["CLAIM_NO", "PHILHEALTH_PIN", "LAST_NAME", "FIRST_NAME", "MIDDLE_NAME", "SUFFIX", "BIRTHDATE", "SEX",
               "BARANGAY", "MUNICIPALITY", "PROVINCE", "CONTACT_NO", "ADMISSION_DATE", "DISCHARGE_DATE", "ICD10",
               "RVS_CODE", "CASE_RATE", "ATTENDING_PHYSICIAN", "REMARKS"], [list(r) for r in ph])
    for r in ph:
        plant("claim-id", r[0])
        plant("insurance-id", r[1], r[1].replace("-", ""))
        plant("patient-name", r[2], r[3])
        plant("mothers-maiden-name", r[4])
        plant("birth-date", r[6])
        plant("phone", r[11])
        plant("event-date", r[12])
    plant("address", "Blk 7 Lot 12 Phase 2", "San Isidro", "Visayan Village", "Malanday", "Purok 4")
    plant("place", "Cainta", "Tagum")
    plant("relative-name", "Rodrigo", "Kristine Joy", "Quiambao", "Marlon")
    plant("clinician-name", "Evangelista", "Lourdes Sarmiento", "Manalastas")
    plant("phone", "0918 765 4321")
    keep("sea", "K35.8", "O80", "44970", "59400", "15,000.00", "24,000.00", "6,500.00", "CAP-MR", "lap appendectomy",
         "APGAR 9/9", "Davao del Norte", "Metro Manila")


def sa_id(yymmdd, four, citizen="0"):
    """A South African identity number: the birth date, four digits (5000 and above a man), citizenship, 8, Luhn."""
    body = yymmdd + four + citizen + "8"
    return body + luhn_digit(body)


def africa():
    """Exports of African clinics (decision 0245): a South African clinic's visits (the ID number with its Luhn digit,
    yyyy/MM/dd, a suburb and a four-digit postal code, a medical aid's member number, cell numbers 082 123 4567), a
    Lagos hospital's EMR export (NIN, "No. 12, Adeola Odeku Street", a local government area, the state of origin,
    +234 numbers, Yoruba, Igbo and Hausa names), a Kenyan HMIS export (the national ID, NHIF, P.O. Box 12345-00100, the
    sub-county, ward and village, Swahili kin words) and a Ghanaian outpatient register (the Ghana Card, NHIS, a
    GhanaPost digital address GA-183-8164)."""
    d = os.path.join(HERE, "africa")
    os.makedirs(d, exist_ok=True)
    za = [("ZA-F004417", sa_id("850312", "0123"), "Dlamini", "Nomvula Precious", "1985/03/12", "F",
           "12 Vilakazi Street", "Orlando West", "1804", "082 123 4567", "Discovery Health", "DH 4471 2038",
           "2022/06/14", "B20", "Pt Nomvula Dlamini, 37F, HIV+ on TLD, VL <50 copies/ml. Lives at 12 Vilakazi Street, "
           "Orlando West. Next of kin: sister Thandeka Dlamini 073 456 7890."),
          ("ZA-F004452", sa_id("720905", "5234"), "van der Merwe", "Johannes Hendrik", "1972/09/05", "M",
           "45 Kerk Street", "Parow", "7500", "083 765 4321", "Bonitas", "BON 887 123 450", "2022/06/15", "I10",
           "Mnr. van der Merwe, 49M, hypertensive, BP 158/96. Wife Marietjie to collect scripts. Works at Parow "
           "Meat Packers."),
          ("ZA-F004490", sa_id("900101", "5800"), "Mokoena", "Thabo", "1990/01/01", "M", "7781 Moshoeshoe Drive",
           "Tembisa", "1632", "071 234 5678", "", "", "2022/06/16", "J18.9",
           "Thabo Mokoena, 32M, CAP, CURB-65 1. Mother Mrs Dikeledi Mokoena (072 111 2233) at bedside.")]
    write_csv(os.path.join(d, "za_clinic_visits.csv"),
              ["Folder Number", "ID Number", "Surname", "First Names", "Date of Birth", "Gender", "Residential Address",
               "Suburb", "Postal Code", "Cell Number", "Medical Aid", "Medical Aid Number", "Visit Date", "ICD-10",
               "Clinical Notes"], [list(r) for r in za])
    for r in za:
        plant("mrn", r[0])
        plant("national-id", r[1])
        plant("birth-date", r[4])
        plant("address", r[6], r[7])
        plant("phone", r[9])
        if r[11]:
            plant("insurance-id", r[11])
    plant("patient-name", "Dlamini", "Nomvula", "Merwe", "Johannes Hendrik", "Mokoena", "Thabo")
    plant("relative-name", "Thandeka", "Marietjie", "Dikeledi")
    plant("phone", "073 456 7890", "072 111 2233")
    plant("employer", "Parow Meat Packers")
    keep("africa", "B20", "I10", "J18.9", "VL <50 copies/ml", "BP 158/96", "CURB-65 1", "Discovery Health", "Bonitas")

    ng = [("LUTH/2021/004512", "12345678901", "ADENIRAN", "Oluwaseun Babatunde", "14/02/1978", "M",
           "No. 12, Adeola Odeku Street, Victoria Island", "Eti-Osa", "Ogun", "+234 803 123 4567", "NHIS-LAG-0044712",
           "Mrs Chiamaka Adeniran", "0805 987 6543", "Malaria, uncomplicated", "B54",
           "Mr Oluwaseun Adeniran, 43M, febrile x3/7, mRDT positive. Wife Mrs Chiamaka Adeniran present. Resides at No. "
           "12, Adeola Odeku Street, Victoria Island."),
          ("LUTH/2021/004533", "23456789012", "ONWUACHI", "Ngozi Adaeze", "03/11/1986", "F",
           "Plot 45, Admiralty Way, Lekki Phase 1", "Eti-Osa", "Anambra", "0813 456 7890", "NHIS-LAG-0051190",
           "Mr Chukwudi Onwuachi", "0802 333 4455", "Pre-eclampsia", "O14.9",
           "G2P1 at 34/40, BP 162/104, proteinuria 2+. Husband Chukwudi Onwuachi informed. Address: Plot 45, Admiralty "
           "Way, Lekki Phase 1."),
          ("LUTH/2021/004560", "34567890123", "BELLO", "Aminu Sani", "21/07/1959", "M",
           "House 23, Street 7, Gwarinpa Estate", "Gwarinpa", "Kano", "+234 706 555 0192", "", "Alhaji Sani Bello",
           "0703 444 5566", "Type 2 diabetes with nephropathy", "E11.21",
           "Alhaji Aminu Sani Bello, 62M, DM with CKD 3b, eGFR 38. Son Abdullahi Bello (0703 444 5566) to bring "
           "drugs.")]
    write_csv(os.path.join(d, "ng_emr_patients.csv"),
              ["Hospital No", "NIN", "Surname", "Other Names", "DOB", "Sex", "Address", "LGA", "State of Origin",
               "Phone", "NHIS No", "Next of Kin", "NOK Phone", "Diagnosis", "ICD-10", "Clinical Notes"],
              [list(r) for r in ng])
    for r in ng:
        plant("mrn", r[0])
        plant("national-id", r[1])
        plant("birth-date", r[4])
        plant("address", r[6])
        plant("phone", r[9], r[12])
        if r[10]:
            plant("insurance-id", r[10])
    plant("patient-name", "ADENIRAN", "Oluwaseun", "ONWUACHI", "Ngozi Adaeze", "Aminu")
    plant("relative-name", "Chiamaka", "Chukwudi", "Abdullahi")
    plant("address", "Adeola Odeku Street", "Admiralty Way", "Lekki Phase 1", "Street 7, Gwarinpa Estate")
    plant("place", "Eti-Osa", "Gwarinpa")
    keep("africa", "B54", "O14.9", "E11.21", "mRDT positive", "BP 162/104", "eGFR 38", "Pre-eclampsia", "Kano")

    ke = [("KNH-C-2020-11872", "23456789", "R1234567", "Wanjiku Njeri Kamau", "1988-04-17", "F",
           "P.O. Box 12345-00100", "Kibra", "Laini Saba", "Kibera Soweto East", "0712 345 678", "2020-08-03", "A09",
           "Wanjiku Njeri Kamau, 32F, AGE with mild dehydration. Ameletwa na mama yake Wairimu Kamau. Anaishi "
           "Kibera Soweto East."),
          ("KNH-C-2020-11903", "31234567", "R7654321", "Otieno Ochieng Odhiambo", "1965-12-02", "M",
           "P.O. Box 4410-40100", "Kisumu Central", "Railways", "Nyalenda B", "0722 876 543", "2020-08-04", "I50.9",
           "Mzee Otieno Odhiambo, 54M, CCF NYHA III. Mke wake Akinyi Odhiambo (0733 222 111) alikuja naye.")]
    write_csv(os.path.join(d, "ke_hmis_visits.csv"),
              ["Patient Clinic Number", "National ID", "NHIF Number", "Names", "DOB", "Sex", "Postal Address",
               "Sub County", "Ward", "Village/Estate", "Telephone", "Visit Date", "Diagnosis Code", "Notes"],
              [list(r) for r in ke])
    for r in ke:
        plant("mrn", r[0])
        plant("national-id", r[1])
        plant("insurance-id", r[2])
        plant("birth-date", r[4])
        plant("address", r[6], r[9])
        plant("phone", r[10])
    plant("patient-name", "Wanjiku", "Njeri", "Otieno", "Ochieng", "Odhiambo")
    plant("relative-name", "Wairimu", "Akinyi")
    plant("place", "Kibra", "Laini Saba", "Kisumu Central", "Nyalenda")
    plant("phone", "0733 222 111")
    keep("africa", "A09", "I50.9", "NYHA III", "AGE with mild dehydration")

    gh = [("KBTH/OPD/22/30418", "GHA-712345678-3", "NHIS 60123456", "Kwame Mensah Asante", "09/05/1981", "M",
           "GA-183-8164", "024 412 3344", "11/01/2023", "B50.9",
           "Kwame Asante, 41M, severe malaria, Hb 6.2. Wife Akosua Asante at bedside. Digital address GA-183-8164."),
          ("KBTH/OPD/22/30455", "GHA-798765432-1", "NHIS 60987654", "Abena Serwaa Boateng", "23/08/1994", "F",
           "AK-039-5529", "020 998 7766", "12/01/2023", "O21.0",
           "Abena Boateng, 28F, hyperemesis at 10/40. Brother Kofi Boateng (055 321 4455) will pay.")]
    write_csv(os.path.join(d, "gh_opd_register.csv"),
              ["Folder No", "Ghana Card", "NHIS No", "Patient Name", "DOB", "Sex", "Digital Address", "Phone",
               "Attendance Date", "ICD-10", "Remarks"], [list(r) for r in gh])
    for r in gh:
        plant("mrn", r[0])
        plant("national-id", r[1])
        plant("insurance-id", r[2])
        plant("birth-date", r[4])
        plant("address", r[6])
        plant("phone", r[7])
    plant("patient-name", "Kwame", "Asante", "Abena Serwaa", "Boateng")
    plant("relative-name", "Akosua", "Kofi")
    plant("phone", "055 321 4455")
    keep("africa", "B50.9", "O21.0", "Hb 6.2", "hyperemesis at 10/40")


def vietnam():
    """A Vietnamese hospital's exports (decision 0246): the HIS's inpatient list (UTF-8 with a BOM, CRLF, as Excel saves
    "CSV UTF-8"; the 12-digit citizen identity card number, the 15-character health insurance card, addresses from the
    house number down a lane (ngõ), a street, a ward (phường, xã), a district (quận, huyện) to the province, a southern
    alley address 45/12, phones 0912.345.678, the relative with the kinship in brackets), the claims file of the
    social insurance's standard 4210 (upper-case names, yyyyMMdd birth dates, yyyyMMddHHmm admissions, abbreviated
    P., Q., X., H., TP.) and the nurses' notes, typed in the combining form (NFD) some Vietnamese keyboards write."""
    import unicodedata
    d = os.path.join(HERE, "vn")
    os.makedirs(d, exist_ok=True)
    his = [("BN2023004512", "Nguyễn Văn Hùng", "12/03/1958", "Nam", "001058012345", "HT3010123456789",
            "Số 12 ngõ 45 phố Huế, phường Bạch Đằng, quận Hai Bà Trưng", "Hà Nội", "0912.345.678",
            "Trần Thị Bích (vợ)", "0987.654.321", "05/01/2024", "15/01/2024", "I21.0", "Nhồi máu cơ tim cấp thành trước",
            "Tim mạch", "BS. Lê Minh Tuấn",
            "Ông Nguyễn Văn Hùng, 65 tuổi, đau ngực trái 2 giờ, ST chênh lên V1-V4. Vợ là bà Trần Thị Bích đi cùng. "
            "Con trai anh Nguyễn Đức Thắng (SĐT 0903.111.222) làm việc tại Công ty TNHH Minh Phát."),
           ("BN2023004533", "Phạm Thị Lan", "25/07/1972", "Nữ", "036172004567", "GD4360987654321",
            "Thôn Đông, xã Yên Sở, huyện Hoài Đức", "Hà Nội", "0388 765 432", "Phạm Văn Dũng (chồng)", "0977 888 999",
            "08/01/2024", "12/01/2024", "E11.9", "Đái tháo đường typ 2", "Nội tiết", "BS. Đỗ Thu Hà",
            "Bà Phạm Thị Lan nhập viện vì đường huyết 18 mmol/L, HbA1c 9,2%. Chồng là ông Phạm Văn Dũng. Nhà ở thôn "
            "Đông, xã Yên Sở."),
           ("BN2023004560", "Hoàng Đức Minh", "03/11/1941", "Nam", "079041009876", "HT2790456789123",
            "45/12 Lê Văn Sỹ, Phường 13, Quận 3", "TP. Hồ Chí Minh", "+84 909 123 456", "Hoàng Thị Mai (con gái)",
            "0938 222 333", "10/01/2024", "20/01/2024", "J18.9", "Viêm phổi", "Hô hấp", "BS. Vũ Quang Huy",
            "Cụ ông Hoàng Đức Minh, 82 tuổi, viêm phổi thùy dưới phải, SpO2 89%. Con gái chị Hoàng Thị Mai ở cùng tại "
            "45/12 Lê Văn Sỹ.")]
    write_csv(os.path.join(d, "benh_nhan_noi_tru.csv"),
              ["Mã BN", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Số thẻ BHYT", "Địa chỉ", "Tỉnh/TP",
               "Số điện thoại", "Người thân", "SĐT người thân", "Ngày vào viện", "Ngày ra viện", "Mã ICD",
               "Chẩn đoán", "Khoa", "Bác sĩ điều trị", "Ghi chú"], [list(r) for r in his],
              encoding="utf-8-sig", newline="\r\n")
    for r in his:
        plant("mrn", r[0])
        plant("birth-date", r[2])
        plant("national-id", r[4])
        plant("insurance-id", r[5])
        plant("phone", r[8], r[10])
    plant("patient-name", "Nguyễn Văn Hùng", "Hùng", "Phạm Thị Lan", "Lan", "Hoàng Đức Minh", "Đức Minh")
    plant("relative-name", "Trần Thị Bích", "Bích", "Nguyễn Đức Thắng", "Thắng", "Phạm Văn Dũng", "Dũng",
          "Hoàng Thị Mai")
    plant("clinician-name", "Lê Minh Tuấn", "Tuấn", "Đỗ Thu Hà", "Vũ Quang Huy")
    plant("address", "ngõ 45 phố Huế", "Thôn Đông", "45/12 Lê Văn Sỹ", "Lê Văn Sỹ")
    plant("place", "Bạch Đằng", "Hai Bà Trưng", "Yên Sở", "Hoài Đức", "Phường 13", "Quận 3")
    plant("phone", "0903.111.222")
    plant("employer", "Minh Phát")
    keep("vn", "I21.0", "E11.9", "J18.9", "Nhồi máu cơ tim cấp thành trước", "Đái tháo đường typ 2", "HbA1c 9,2%",
         "SpO2 89%", "ST chênh lên V1-V4", "Tim mạch", "Nội tiết", "Nữ", "Hà Nội", "TP. Hồ Chí Minh")

    claims = [("LK24010512", "BN2023004512", "NGUYỄN VĂN HÙNG", "19580312", "1",
               "Số 12 ngõ 45 phố Huế, P. Bạch Đằng, Q. Hai Bà Trưng, TP. Hà Nội", "HT3010123456789", "01013",
               "20230101", "20231231", "I21.0", "I10;E78.5", "202401050830", "202401151000", "10", "15234000",
               "12187200", "3046800", "K03", "01001", "63.5"),
              ("LK24010877", "BN2023004533", "PHẠM THỊ LAN", "19720725", "2",
               "Thôn Đông, X. Yên Sở, H. Hoài Đức, TP. Hà Nội", "GD4360987654321", "01120", "20230101", "20231231",
               "E11.9", "", "202401081415", "202401120900", "4", "4871500", "3897200", "974300", "K15", "01001", "58"),
              ("LK24011024", "BN2023004560", "HOÀNG ĐỨC MINH", "19411103", "1",
               "45/12 Lê Văn Sỹ, P.13, Q.3, TP. Hồ Chí Minh", "HT2790456789123", "79024", "20230101", "20231231",
               "J18.9", "J44.1", "202401100745", "202401201530", "10", "9876400", "9876400", "0", "K08", "01001", "52")]
    write_csv(os.path.join(d, "xml1_tong_hop_4210.csv"),
              ["MA_LK", "MA_BN", "HO_TEN", "NGAY_SINH", "GIOI_TINH", "DIA_CHI", "MA_THE", "MA_DKBD", "GT_THE_TU",
               "GT_THE_DEN", "MA_BENH", "MA_BENHKHAC", "NGAY_VAO", "NGAY_RA", "SO_NGAY_DTRI", "T_TONGCHI", "T_BHTT",
               "T_BNCCT", "MA_KHOA", "MA_CSKCB", "CAN_NANG"], [list(r) for r in claims])
    for r in claims:
        plant("encounter-id", r[0])
        plant("birth-date", r[3])
        plant("event-date", r[12], r[13])
    plant("place", "P.13", "Q.3")
    keep("vn", "I10;E78.5", "J44.1", "15234000", "12187200", "3046800", "4871500", "63.5")

    nfd = lambda s: unicodedata.normalize("NFD", s)
    notes = [("BN2023004512", "06/01/2024 07:30", "ĐD. Nguyễn Thị Hồng",
              "BN Nguyễn Văn Hùng tỉnh, tiếp xúc tốt. Mạch 88 l/p, HA 130/80 mmHg. Vợ bà Trần Thị Bích túc trực, "
              "SĐT 0987.654.321. Con trai Thắng sẽ đón về nhà số 12 ngõ 45 phố Huế."),
             ("BN2023004533", "09/01/2024 14:00", "ĐD. Lương Thị Ngọc",
              "Chị Lan đường máu mao mạch 11,2 mmol/L. Chồng là anh Dũng, làm ở Công ty TNHH Minh Phát. Hẹn tái "
              "khám 26/01/2024 tại phòng khám Nội tiết."),
             ("BN2023004560", "11/01/2024 20:15", "ĐD. Trịnh Văn Khải",
              "Cụ Minh khó thở, SpO2 89% khí phòng, thở oxy 3 l/p. Cháu nội Hoàng Minh Khôi (0938.222.333) báo gia "
              "đình ở hẻm 45/12 Lê Văn Sỹ, Phường 13, Quận 3.")]
    write_csv(os.path.join(d, "phieu_cham_soc.csv"),
              [nfd(h) for h in ["Mã BN", "Thời gian", "Điều dưỡng", "Diễn biến"]],
              [[nfd(v) for v in r] for r in notes])
    plant("clinician-name", "Nguyễn Thị Hồng", "Lương Thị Ngọc", "Trịnh Văn Khải", "Khải")
    plant("relative-name", "Hoàng Minh Khôi", "Khôi")
    plant("event-date", "26/01/2024")
    plant("phone", "0938.222.333")
    keep("vn", "HA 130/80 mmHg", "11,2 mmol/L", "oxy 3 l/p")


def south_asia():
    """Exports of Pakistani, Bangladeshi and Sri Lankan hospitals (decision 0247): a Lahore hospital's outpatient register
    (CNIC 35202-1234567-1, "Father/Husband Name", Mohallah, Chak No. 45/GB, Tehsil, phones 0300-1234567, notes with
    S/O, W/O, D/O, R/O "resident of"), a Dhaka hospital's admissions (the NID of 10 or 17 digits, "Md." and "Mst.",
    "Late" before a dead father's name, an address as Vill-, PO-, PS-, Dist-, Upazila, mobiles 01711-234567) and a
    Colombo clinic's list (the old NIC 851234567V and the new of 12 digits, names with initials first "W.M. Kumari
    Dissanayake", "No. 23/1, Temple Road")."""
    d = os.path.join(HERE, "sasia")
    os.makedirs(d, exist_ok=True)
    pk = [("MR-2023-118452", "Muhammad Aslam", "Ghulam Rasool", "35202-1234567-1", "58/M",
           "House No. 45, Street 12, Mohallah Islampura", "Shalimar", "Lahore", "0300-1234567", "12-03-2023",
           "Type 2 DM, uncontrolled", "E11.65", "Dr. Saima Rafiq",
           "Pt Muhammad Aslam S/O Ghulam Rasool, R/O Mohallah Islampura, c/o polyuria x 2/12. FBS 246 mg/dl. Son Bilal "
           "Aslam (0321-7654321) attendant."),
          ("MR-2023-118519", "Nasreen Bibi", "Muhammad Tariq", "33100-9876543-2", "42/F", "Chak No. 45/GB",
           "Jaranwala", "Faisalabad", "0345 9876543", "14-03-2023", "Iron deficiency anaemia", "D50.9",
           "Dr. Imran Qureshi",
           "Mst. Nasreen Bibi W/O Muhammad Tariq, R/O Chak No. 45/GB Tehsil Jaranwala, Hb 7.8 g/dl. Husband works at "
           "Crescent Textile Mills."),
          ("MR-2023-118560", "Zainab Khatoon", "Abdul Ghaffar", "42101-5554443-6", "71/F",
           "Flat 7, Block 13-D, Gulshan-e-Iqbal", "Gulshan", "Karachi", "+92 333 2221100", "15-03-2023",
           "Hypertensive heart disease", "I11.9", "Dr. Saima Rafiq",
           "Zainab Khatoon D/O Abdul Ghaffar, BP 170/100. Daughter-in-law Farzana to call on 021-34567890.")]
    write_csv(os.path.join(d, "pk_opd_register.csv"),
              ["MR No", "Patient Name", "Father/Husband Name", "CNIC", "Age/Sex", "Address", "Tehsil", "District",
               "Contact No", "Visit Date", "Diagnosis", "ICD-10", "Consultant", "Remarks"], [list(r) for r in pk])
    for r in pk:
        plant("mrn", r[0])
        plant("national-id", r[3])
        plant("address", r[5])
        plant("place", r[6])
        plant("phone", r[8])
    plant("patient-name", "Muhammad Aslam", "Aslam", "Nasreen Bibi", "Nasreen", "Zainab Khatoon", "Zainab")
    plant("relative-name", "Ghulam Rasool", "Muhammad Tariq", "Tariq", "Abdul Ghaffar", "Ghaffar", "Bilal", "Farzana")
    plant("clinician-name", "Saima Rafiq", "Imran Qureshi")
    plant("address", "Mohallah Islampura", "Islampura", "Chak No. 45/GB", "Gulshan-e-Iqbal")
    plant("place", "Faisalabad")
    plant("phone", "0321-7654321", "021-34567890")
    plant("employer", "Crescent Textile Mills")
    keep("sasia", "E11.65", "D50.9", "I11.9", "FBS 246 mg/dl", "Hb 7.8 g/dl", "BP 170/100", "58/M", "Type 2 DM, uncontrolled")

    bd = [("DMCH/24/003312", "Md. Abdul Karim", "Late Abdul Jalil", "1987654321", "63", "Male", "Vill- Char Kukri",
           "PO- Kalikapur", "Daudkandi", "Cumilla", "01711-234567", "05/01/2024", "Acute anterior MI", "I21.0",
           "Md. Abdul Karim, 63M, Vill- Char Kukri, PO- Kalikapur, PS- Daudkandi, Dist- Cumilla. Son Md. Rafiqul Islam "
           "(01819-876543) with patient. Troponin I 12.4 ng/ml."),
          ("DMCH/24/003340", "Mst. Rokeya Begum", "Md. Shahidul Islam", "19857612345678901", "38", "Female",
           "House 12, Road 5, Dhanmondi", "Dhanmondi", "Dhanmondi", "Dhaka", "01552-112233", "07/01/2024", "Eclampsia",
           "O15.0", "Mst. Rokeya Begum W/O Md. Shahidul Islam, G3P2 at 36 wks, fits x2. Mother Mst. Hasina Khatun "
           "present."),
          ("DMCH/24/003377", "Shamima Akter", "Md. Nurul Haque", "4123456789", "27", "Female", "Vill- Boro Bari",
           "PO- Shibganj", "Shibganj", "Bogura", "+880 1911 445566", "14/01/2024", "Dengue fever", "A97.0",
           "Shamima Akter D/O Md. Nurul Haque, Vill- Boro Bari, Upazila Shibganj. Platelet 38,000/cmm. Brother "
           "Sohel Rana donated blood.")]
    write_csv(os.path.join(d, "bd_admissions.csv"),
              ["Reg. No", "Patient's Name", "Father's/Husband's Name", "NID No", "Age", "Sex", "Village/Road",
               "Post Office", "Upazila/Thana", "District", "Mobile", "Admission Date", "Diagnosis", "ICD-10", "Notes"],
              [list(r) for r in bd])
    for r in bd:
        plant("mrn", r[0])
        plant("national-id", r[3])
        plant("address", r[6])
        plant("place", r[8], r[9])
        plant("phone", r[10])
    plant("patient-name", "Abdul Karim", "Karim", "Rokeya Begum", "Rokeya", "Shamima Akter", "Shamima")
    plant("relative-name", "Abdul Jalil", "Jalil", "Shahidul Islam", "Shahidul", "Nurul Haque", "Rafiqul Islam",
          "Rafiqul", "Hasina Khatun", "Sohel Rana")
    plant("place", "Kalikapur", "Char Kukri", "Boro Bari")
    plant("phone", "01819-876543")
    keep("sasia", "I21.0", "O15.0", "A97.0", "Troponin I 12.4 ng/ml", "Platelet 38,000/cmm", "G3P2 at 36 wks")

    lk = [("BHT 24/1187", "W.M. Kumari Dissanayake", "855123456V", "No. 23/1, Temple Road, Nugegoda", "077 123 4567",
           "1985-02-20", "Asthma, acute exacerbation", "J45.901",
           "Mrs. W.M. Kumari Dissanayake, 38F, PEFR 180 L/min. Husband Mr. K.A.D. Sunil Perera informed."),
          ("BHT 24/1203", "K.G. Ranjith Bandara", "196734501234", "45, Kandy Road, Peradeniya", "071 987 6543",
           "1967-12-10", "Snake bite, Russell's viper", "T63.0",
           "Mr. K.G. Ranjith Bandara, 56M, from Peradeniya. 20 WBCT >20 min, ASV 10 vials. Wife Ms. Chandrika "
           "Herath at bedside.")]
    write_csv(os.path.join(d, "lk_ward_list.csv"),
              ["BHT No", "Name", "NIC", "Address", "Telephone", "Date of Birth", "Diagnosis", "ICD-10", "Progress Notes"],
              [list(r) for r in lk])
    for r in lk:
        plant("mrn", r[0])
        plant("national-id", r[2])
        plant("address", r[3])
        plant("phone", r[4])
        plant("birth-date", r[5])
    plant("patient-name", "Kumari Dissanayake", "Dissanayake", "Ranjith Bandara", "Ranjith")
    plant("relative-name", "Sunil Perera", "Chandrika Herath", "Herath")
    plant("address", "Temple Road", "Kandy Road")
    plant("place", "Nugegoda", "Peradeniya")
    keep("sasia", "J45.901", "T63.0", "PEFR 180 L/min", "ASV 10 vials", "Russell's viper")


def vietnam_plain():
    """Vietnamese names written without their marks (decision 0248): a district hospital's HIS export that strips the
    diacritics ("khong dau", as older systems and SMS-era typists write: upper-case names, addresses down the lane, the
    nurses' notes in plain ASCII Vietnamese with relatives, doctors, an employer and a written date), and a US
    community clinic's notes on Vietnamese-American patients (UUID keys, English notes naming the patient in both
    orders, relatives, interpreters and clinicians, a registration line in capitals "NGUYEN, VAN HUNG")."""
    d = os.path.join(HERE, "vnascii")
    os.makedirs(d, exist_ok=True)
    his = [("BN24-00731", "NGUYEN THI THU HUONG", "14/06/1979", "Nu",
            "So 7 ngo 102 pho Truong Chinh, phuong Phuong Mai, quan Dong Da", "Ha Noi", "0913 246 802",
            "Do Van Khiem (chong)", "O24.4", "Dai thao duong thai ky",
            "Benh nhan Nguyen Thi Thu Huong, 44 tuoi, vao vien ngay 14 thang 2 nam 2024 vi duong huyet 12 mmol/L. "
            "Chong la anh Khiem, lam viec tai Cong ty TNHH Hoa Binh Xanh, SDT 0904 135 791."),
           ("BN24-00758", "TRAN QUOC VIET", "02/09/1950", "Nam", "Thon Ha Hoi, xa Van Phuc, huyen Thanh Tri", "Ha Noi",
            "0245 381 2233", "Tran Thi Ngoc Anh (con gai)", "I63.9", "Nhoi mau nao",
            "Ong Tran Quoc Viet liet nua nguoi phai, NIHSS 9. Con gai chi Ngoc Anh goi dien luc 21h. BS. Hoang Van "
            "Nam hoi chan, dieu duong Lam Thi Yen theo doi.")]
    write_csv(os.path.join(d, "ds_benh_nhan_khong_dau.csv"),
              ["MA_BN", "HO_TEN", "NGAY_SINH", "GIOI_TINH", "DIA_CHI", "TINH_TP", "DIEN_THOAI", "NGUOI_THAN",
               "MA_BENH", "CHAN_DOAN", "GHI_CHU"], [list(r) for r in his])
    for r in his:
        plant("mrn", r[0])
        plant("birth-date", r[2])
        plant("address", r[4])
        plant("phone", r[6])
    plant("patient-name", "NGUYEN THI THU HUONG", "Thu Huong", "TRAN QUOC VIET", "Quoc Viet")
    plant("relative-name", "Do Van Khiem", "Khiem", "Tran Thi Ngoc Anh", "Ngoc Anh")
    plant("clinician-name", "Hoang Van Nam", "Lam Thi Yen")
    plant("address", "ngo 102 pho Truong Chinh", "Thon Ha Hoi")
    plant("place", "Phuong Mai", "Dong Da", "Van Phuc", "Thanh Tri")
    plant("event-date", "ngay 14 thang 2 nam 2024")
    plant("phone", "0904 135 791")
    plant("employer", "Hoa Binh Xanh")
    keep("vnascii", "O24.4", "I63.9", "Dai thao duong thai ky", "Nhoi mau nao", "NIHSS 9", "duong huyet 12 mmol/L",
         "Ha Noi")

    us = [("6f1c2a9e-3b7d-4e21-9c55-0a8f7d3e2b14", "2024-03-05", "Kimberly Tran, MD",
           "58 yo M, Thanh Nguyen, seen with daughter Linh Nguyen for f/u of T2DM. A1c 8.1%. Interpreter: Mai Pham "
           "(Vietnamese). Emergency contact Le Van Tam (brother) 408-555-0134. Return in 3 months."),
          ("0b7e4d13-8a2c-4f6e-b1d9-5c3a7e9f2d60", "2024-03-07", "Huong Do, NP",
           "Patient: TRAN THI MAI, 71F, HTN and CKD stage 3. Lives with son Quoc Bao Tran in San Jose. BP 148/86. "
           "Visited Ho Chi Minh City in January. Seen with Dr. Khoa Le (nephrology)."),
          ("a3d95f27-6c1e-4b8a-9e04-7f2b6d1c8e35", "2024-03-11", "Duong Thi Thu Ha, RN",
           "Registration: NGUYEN, VAN HUNG  DOB 03/04/1961. Wife Ly Thi Kim Loan at bedside. Do not resuscitate "
           "discussed; Le Fort I fracture 2019 noted. Pho Hoa restaurant worker.")]
    write_csv(os.path.join(d, "us_clinic_notes.csv"), ["PAT_ID", "NOTE_DATE", "AUTHOR", "NOTE_TEXT"],
              [list(r) for r in us])
    plant("patient-name", "Thanh Nguyen", "TRAN THI MAI", "NGUYEN, VAN HUNG", "VAN HUNG")
    plant("relative-name", "Linh Nguyen", "Le Van Tam", "Quoc Bao Tran", "Ly Thi Kim Loan", "Kim Loan")
    plant("clinician-name", "Kimberly Tran", "Huong Do", "Khoa Le", "Duong Thi Thu Ha", "Thu Ha", "Mai Pham")
    plant("phone", "408-555-0134")
    plant("birth-date", "03/04/1961")
    keep("vnascii", "A1c 8.1%", "BP 148/86", "CKD stage 3", "Ho Chi Minh City", "Do not resuscitate",
         "Le Fort I fracture")


def south_asian_scripts():
    """Bangla and Urdu in the registers of South Asian hospitals (decision 0250): an upazila health complex's inpatient
    register kept in Bangla (Bangla headers, names, villages and unions, ages, phones and dates in Bengali digits, the
    medical officer's remarks naming the father, the husband, a daughter, the village and the doctor), and a Punjab
    district hospital's OPD register in Urdu (Urdu headers, names with ولد and ولدیت, the CNIC, an address from the
    house and street to the mohalla, remarks naming the resident's mauza, tehsil and relatives)."""
    d = os.path.join(HERE, "sascript")
    os.makedirs(d, exist_ok=True)
    bn = [("UHC-24-01187", "আব্দুল করিম", "আব্দুল জলিল", "৫৮", "পুরুষ", "চর কুকরি", "কালিকাপুর", "০১৭১১-২৩৪৫৬৭",
           "১২/০৩/২০২৪", "ডেঙ্গু জ্বর (A97.0)",
           "রোগীর নাম: আব্দুল করিম, পিতা: আব্দুল জলিল, গ্রাম: চর কুকরি, ডাকঘর: কালিকাপুর, উপজেলা: দাউদকান্দি, "
           "জেলা: কুমিল্লা। প্লাটিলেট ৩৮,০০০। মেয়ে নাসরিন আক্তার সাথে আছেন, মোবাইল: ০১৮১৯-৮৭৬৫৪৩।"),
          ("UHC-24-01203", "মোছাঃ রোকেয়া বেগম", "মোঃ শহিদুল ইসলাম", "৩২", "মহিলা", "বড় বাড়ি", "শিবগঞ্জ",
           "০১৯১২-৩৪৫৬৭৮", "১৪/০৩/২০২৪", "একলাম্পসিয়া (O15.0)",
           "রোগী মোছাঃ রোকেয়া বেগম, স্বামী মোঃ শহিদুল ইসলাম, ভর্তির তারিখ ১৪/০৩/২০২৪। ডাঃ ফারহানা ইয়াসমিন দেখেছেন। "
           "ঠিকানা: বাড়ি নং ১২, বড় বাড়ি, শিবগঞ্জ।")]
    write_csv(os.path.join(d, "uhc_register_bn.csv"),
              ["রেজি নং", "রোগীর নাম", "পিতা/স্বামীর নাম", "বয়স", "লিঙ্গ", "গ্রাম", "ইউনিয়ন", "মোবাইল",
               "ভর্তির তারিখ", "রোগ নির্ণয়", "মন্তব্য"], [list(r) for r in bn], encoding="utf-8-sig")
    for r in bn:
        plant("mrn", r[0])
        plant("phone", r[7])
        plant("event-date", r[8])
    plant("patient-name", "আব্দুল করিম", "করিম", "রোকেয়া বেগম", "রোকেয়া")
    plant("relative-name", "আব্দুল জলিল", "জলিল", "শহিদুল ইসলাম", "শহিদুল", "নাসরিন আক্তার", "নাসরিন")
    plant("clinician-name", "ফারহানা ইয়াসমিন", "ফারহানা")
    plant("place", "চর কুকরি", "কালিকাপুর", "বড় বাড়ি", "শিবগঞ্জ", "দাউদকান্দি", "কুমিল্লা")
    plant("address", "বাড়ি নং ১২")
    plant("phone", "০১৮১৯-৮৭৬৫৪৩")
    keep("sascript", "A97.0", "O15.0", "ডেঙ্গু জ্বর", "একলাম্পসিয়া", "প্লাটিলেট ৩৮,০০০", "পুরুষ", "মহিলা")

    ur = [("OPD-24-5531", "محمد اسلم", "غلام رسول", "35201-1234567-1", "مکان نمبر 12، گلی 4، محلہ اسلام پورہ، جڑانوالہ",
           "0300-1234567", "12/03/2024", "ٹائیفائیڈ بخار (A01.0)",
           "مریض کا نام: محمد اسلم ولد غلام رسول، سکنہ موضع چک نمبر 45 گ ب، تحصیل جڑانوالہ، ضلع فیصل آباد۔ تیز بخار "
           "پانچ دن سے۔ بیٹا محمد عمران ساتھ ہے، موبائل 0301-7654321۔ ڈاکٹر نعمان احمد نے معائنہ کیا۔"),
          ("OPD-24-5549", "نسرین بی بی", "محمد یونس", "33100-7654321-2", "محلہ غوث آباد، گلی 7، سمندری", "0321-9876543",
           "14/03/2024", "نمونیا (J18.9)",
           "مسماۃ نسرین بی بی زوجہ محمد یونس، سکنہ گاؤں ڈھکی، تحصیل سمندری۔ سانس میں دشواری۔ ڈاکٹر عائشہ صدیقی۔")]
    write_csv(os.path.join(d, "opd_register_ur.csv"),
              ["رجسٹر نمبر", "مریض کا نام", "ولدیت", "شناختی کارڈ نمبر", "پتہ", "موبائل", "تاریخ داخلہ", "تشخیص",
               "کیفیت"], [list(r) for r in ur])
    for r in ur:
        plant("mrn", r[0])
        plant("national-id", r[3])
        plant("address", r[4])
        plant("phone", r[5])
        plant("event-date", r[6])
    plant("patient-name", "محمد اسلم", "اسلم", "نسرین بی بی", "نسرین")
    plant("relative-name", "غلام رسول", "محمد یونس", "یونس", "محمد عمران", "عمران")
    plant("clinician-name", "نعمان احمد", "نعمان", "عائشہ صدیقی", "صدیقی")
    plant("place", "جڑانوالہ", "سمندری", "ڈھکی", "چک نمبر 45", "فیصل آباد")
    plant("address", "اسلام پورہ", "غوث آباد")
    plant("phone", "0301-7654321")
    keep("sascript", "A01.0", "J18.9", "ٹائیفائیڈ بخار", "نمونیا", "تیز بخار")


if __name__ == "__main__":
    main()
