#!/usr/bin/env python3
"""Generates the synthetic multi-table export corpus in corpus/ (fixed seed: the same bytes every time).

Three conventions of the same kind of hospital data, as real exports come:
  ehr   an EHR extract with UPPERCASE short headers and UUID keys (Id, PATIENT, FIRST, LAST, START, CODE),
        ISO dates and date-times, one UK-style dd/MM/yyyy table and one UTF-16LE table with a byte order mark;
  omop  an OMOP-CDM-like set with integer keys (person_id, visit_occurrence_id, ...), concept ids, source
        values and a site identity table;
  de    a German hospital (KIS) export: German headers, dd.MM.yyyy dates, decimal commas, semicolons,
        Windows-1252, CRLF; lab results reference the case (Fallnummer) only, not the patient.

Every name, number, address and date is invented. Names come from hand-written lists in this file (not
from the name dictionary deid uses), so the detector's recall is measured on names it did not generate.
Each convention folder gets truth.tsv: file, column, the class a steward would give it, and for keys and
references the table:column they join to. Tests and the classification report read it.

Run: python3 generate_corpus.py                       (from sample-data/: writes corpus/ehr, corpus/omop, corpus/de)
     python3 generate_corpus.py --patients 40000 --out /tmp/big   (a large export for deid bench csv --input)
     python3 generate_corpus.py --patients 300000 --stream --only ehr --out /tmp/huge   (larger than memory)
"""
import argparse
import os
import random
import uuid
from datetime import date, datetime, timedelta

EN_FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
            "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Christopher",
            "Karen", "Daniel", "Lisa", "Matthew", "Nancy", "Anthony", "Betty", "Donald", "Ashley", "Steven",
            "Kimberly", "Andrew", "Emily", "Kenneth", "Donna", "Joshua", "Michelle", "Kevin", "Carol", "Brian",
            "Amanda", "George", "Melissa", "Timothy", "Deborah", "Rose", "Hope", "Grant", "Jaylen", "Xiomara",
            "Thaddeus", "Oluwaseun", "Priyanka", "Nguyet", "Ximena", "Siobhan", "Dmitri", "Lucía", "Zoë"]
EN_LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
           "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Thompson",
           "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
           "King", "Wright", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Rivera",
           "Campbell", "Mitchell", "Carter", "Roberts", "Okafor", "Kowalczyk", "Abernathy-Cole", "O'Donnell",
           "Vanderbilt", "Szymanski", "Achterberg", "Quillfeather", "Delacroix", "Haldorsen"]
DE_FIRST = ["Jürgen", "Wolfgang", "Klaus", "Hans-Peter", "Ursula", "Renate", "Monika", "Petra", "Sabine", "Thomas",
            "Michael", "Andreas", "Stefan", "Frank", "Anna", "Lena", "Lukas", "Leon", "Finn", "Mia", "Emma",
            "Sophie", "Hannelore", "Dieter", "Günter", "Gisela", "Jörg", "Uwe", "Birgit", "Heike", "Karin",
            "Elke", "Bernd", "Helmut", "Ingrid", "Brigitte", "Erika", "Ralf", "Sven", "Katrin", "Özlem", "Mehmet",
            "Dariusz", "Magdalena"]
DE_LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
           "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
           "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
           "Köhler", "Herrmann", "König", "Walter", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller",
           "Weiß", "Jung", "Hahn", "Sommer", "Yilmaz", "Kowalski", "Nowak", "Brandstätter", "Oberländer"]
# Relatives and clinicians named only inside notes: no table announces them.
EN_RELATIVES = ["Margaret", "Dorothy", "Harold", "Walter", "Gloria", "Eleanor", "Frederick", "Beatrice"]
DE_RELATIVES = ["Waltraud", "Gerhard", "Hildegard", "Manfred", "Irmgard", "Reinhard"]

EN_STREETS = ["Oak Street", "Birchwood Avenue", "Larkspur Lane", "Cobble Hill Road", "Juniper Court",
              "Harbor View Drive", "Maple Avenue", "Pinecrest Road"]
EN_CITIES = [("Springfield", "Massachusetts", "Hampden County", "01103"),
             ("Worcester", "Massachusetts", "Worcester County", "01608"),
             ("Fall River", "Massachusetts", "Bristol County", "02720"),
             ("Pittsfield", "Massachusetts", "Berkshire County", "01201"),
             ("Northampton", "Massachusetts", "Hampshire County", "01060"),
             ("Framingham", "Massachusetts", "Middlesex County", "01701")]
DE_STREETS = ["Hauptstraße", "Lindenallee", "Goethestraße", "Am Mühlbach", "Schillerweg", "Bahnhofstraße",
              "Kastanienweg", "Rosenstraße"]
DE_CITIES = [("Berlin", "10115", "030"), ("Hamburg", "20095", "040"), ("München", "80331", "089"),
             ("Köln", "50667", "0221"), ("Leipzig", "04109", "0341"), ("Freiburg im Breisgau", "79098", "0761")]

# (SNOMED CT code, description) — real codes, as exports carry them.
CONDITIONS = [("44054006", "Diabetes mellitus type 2"), ("38341003", "Hypertensive disorder"),
              ("195662009", "Acute viral pharyngitis"), ("10509002", "Acute bronchitis"),
              ("162864005", "Body mass index 30+ - obesity"), ("40055000", "Chronic sinusitis"),
              ("444814009", "Viral sinusitis"), ("15777000", "Prediabetes")]
ENCOUNTER_TYPES = [("wellness", "185349003", "General examination of patient"),
                   ("ambulatory", "185345009", "Encounter for symptom"),
                   ("outpatient", "390906007", "Follow-up encounter"),
                   ("emergency", "50849002", "Emergency room admission"),
                   ("inpatient", "32485007", "Hospital admission")]
# (LOINC, description, units, low, high, decimals)
LABS = [("2339-0", "Glucose", "mg/dL", 65, 180, 1), ("718-7", "Hemoglobin", "g/dL", 9.5, 17.9, 1),
        ("2160-0", "Creatinine", "mg/dL", 0.5, 2.4, 2), ("8480-6", "Systolic Blood Pressure", "mm[Hg]", 95, 175, 0),
        ("8462-4", "Diastolic Blood Pressure", "mm[Hg]", 55, 105, 0), ("29463-7", "Body Weight", "kg", 48, 130, 1),
        ("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 4.6, 10.2, 1)]
# (RxNorm, description)
MEDICATIONS = [("860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet"),
               ("314076", "lisinopril 10 MG Oral Tablet"), ("308136", "amlodipine 2.5 MG Oral Tablet"),
               ("313782", "Acetaminophen 325 MG Oral Tablet"), ("849574", "Naproxen sodium 220 MG Oral Tablet")]
ALLERGIES = [("300916003", "Latex allergy"), ("91935009", "Allergy to peanuts"), ("419474003", "Allergy to mould"),
             ("232347008", "Dander (animal) allergy")]
ICD10 = [("E11.9", "Diabetes mellitus, Typ 2, ohne Komplikationen"), ("I10.00", "Benigne essentielle Hypertonie"),
         ("J20.9", "Akute Bronchitis, nicht näher bezeichnet"), ("M54.5", "Kreuzschmerz"),
         ("J06.9", "Akute Infektion der oberen Atemwege"), ("E66.09", "Adipositas durch übermäßige Kalorienzufuhr")]
DE_LABS = [("2339-0", "Glukose", "mg/dl", 65, 180, 0), ("718-7", "Hämoglobin", "g/dl", 9.5, 17.9, 1),
           ("2160-0", "Kreatinin", "mg/dl", 0.5, 2.4, 2), ("1751-7", "Albumin", "g/dl", 3.0, 5.5, 1),
           ("6690-2", "Leukozyten", "G/l", 3.1, 15.2, 1)]
DEPARTMENTS = ["Innere Medizin", "Kardiologie", "Chirurgie", "Neurologie", "Geriatrie"]
KASSEN = ["AOK Nordost", "Techniker Krankenkasse", "BARMER", "DAK-Gesundheit", "IKK classic"]

TRUTH_HEADER = "file\tcolumn\tclass\tjoins"


def csv_quote(v, delimiter):
    v = "" if v is None else str(v)
    if any(c in v for c in (delimiter, '"', "\n", "\r")):
        return '"' + v.replace('"', '""') + '"'
    return v


def write(path, header, rows, delimiter=",", encoding="utf-8", newline="\n"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(delimiter.join(header) + newline)
        for r in rows:
            f.write(delimiter.join(csv_quote(r[h], delimiter) for h in header) + newline)


class Table:
    """The rows of one file. By default they are held and written when the convention is done (so a table can be
    sorted first); with --stream each row is written as it is added and only the file handle is held."""

    def __init__(self, path, stream, delimiter=",", encoding="utf-8", newline="\n"):
        self.path, self.stream, self.delimiter, self.encoding, self.newline = path, stream, delimiter, encoding, newline
        self.rows, self.header, self.f = [], None, None

    def append(self, r):
        if not self.stream:
            self.rows.append(r)
            return
        if self.f is None:
            # The header is the first row's keys, as write() takes it from rows[0].
            self.header = list(r.keys())
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            self.f = open(self.path, "w", encoding=self.encoding, newline="")
            self.f.write(self.delimiter.join(self.header) + self.newline)
        self.f.write(self.delimiter.join(csv_quote(r[h], self.delimiter) for h in self.header) + self.newline)

    def close(self):
        if self.stream:
            if self.f is not None:
                self.f.close()
        else:
            write(self.path, list(self.rows[0].keys()), self.rows, self.delimiter, self.encoding, self.newline)


def write_truth(folder, rows):
    with open(os.path.join(folder, "truth.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write(TRUTH_HEADER + "\n")
        for r in rows:
            f.write("\t".join(r + ("",) * (4 - len(r))) + "\n")


def uid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def us_phone(rng):
    return rng.choice(["555-{a}-{b}", "(555) {a}-{b}", "555.{a}.{b}"]).format(a=rng.randrange(200, 999),
                                                                             b=rng.randrange(1000, 9999))


def ssn(rng):
    return f"9{rng.randrange(10, 99)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"


def pick_name(rng, first, last, used):
    while True:
        name = (rng.choice(first), rng.choice(last))
        if name not in used or len(used) > len(first) * len(last) // 2:
            used.add(name)
            return name


# --------------------------------------------------------------------------------------------- ehr

def ehr(folder, n_patients, rng, stream=False):
    used = set()
    t = lambda name, **kw: Table(os.path.join(folder, name), stream, **kw)
    patients, encounters, conditions, observations = t("patients.csv"), t("encounters.csv"), t("conditions.csv"), t("observations.csv")
    medications, notes = t("medications.csv"), t("notes.csv")
    claims = t("claims.csv", newline="\r\n")
    # Excel's "Unicode text": UTF-16 little-endian with a byte order mark.
    allergies = t("allergies.csv", encoding="utf-16", newline="\r\n")
    organizations, providers = [], []
    for i in range(6):
        city, state, county, z = EN_CITIES[i]
        organizations.append({"Id": uid(rng), "NAME": f"{city} {rng.choice(['General Hospital', 'Medical Center', 'Family Practice'])}",
                              "ADDRESS": f"{rng.randrange(1, 900)} {rng.choice(EN_STREETS)}", "CITY": city, "STATE": state,
                              "ZIP": z, "PHONE": us_phone(rng)})
    for i in range(12):
        org = organizations[i % len(organizations)]
        first, last = pick_name(rng, EN_FIRST, EN_LAST, used)
        providers.append({"Id": uid(rng), "ORGANIZATION": org["Id"], "NAME": f"{first} {last}",
                          "GENDER": rng.choice("MF"), "SPECIALITY": rng.choice(["GENERAL PRACTICE", "CARDIOLOGY", "INTERNAL MEDICINE"]),
                          "ADDRESS": org["ADDRESS"], "CITY": org["CITY"], "STATE": org["STATE"], "ZIP": org["ZIP"]})
    for i in range(n_patients):
        first, last = pick_name(rng, EN_FIRST, EN_LAST, used)
        middle = rng.choice(EN_FIRST)
        city, state, county, z = rng.choice(EN_CITIES)
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 85))
        p = {"Id": uid(rng), "BIRTHDATE": birth.isoformat(), "DEATHDATE": "", "SSN": ssn(rng),
             "DRIVERS": f"S99{rng.randrange(100000, 999999)}", "PASSPORT": f"X{rng.randrange(10000000, 99999999)}X",
             "PREFIX": rng.choice(["Mr.", "Mrs.", "Ms."]), "FIRST": first, "MIDDLE": middle, "LAST": last, "SUFFIX": "",
             "MAIDEN": rng.choice(["", "", rng.choice(EN_LAST)]), "MARITAL": rng.choice(["M", "S", "D", "W"]),
             "RACE": rng.choice(["white", "black", "asian", "native", "other"]),
             "ETHNICITY": rng.choice(["hispanic", "nonhispanic"]), "GENDER": rng.choice("MF"),
             "BIRTHPLACE": f"{rng.choice(EN_CITIES)[0]}  Massachusetts  US",
             "ADDRESS": f"{rng.randrange(2, 980)} {rng.choice(EN_STREETS)}", "CITY": city, "STATE": state, "COUNTY": county,
             "ZIP": z, "LAT": f"{42 + rng.random():.6f}", "LON": f"{-71 - rng.random() * 2:.6f}",
             "PHONE": us_phone(rng), "HEALTHCARE_EXPENSES": f"{rng.uniform(1000, 900000):.2f}",
             "INCOME": str(rng.randrange(12000, 240000))}
        patients.append(p)
        start = datetime(2012, 1, 1) + timedelta(minutes=rng.randrange(0, 60 * 24 * 365 * 8))
        for e in range(rng.randrange(6, 16)):
            start += timedelta(days=rng.randrange(20, 200), minutes=rng.randrange(0, 600))
            stop = start + timedelta(minutes=rng.choice([15, 30, 45, 60, 240, 2880]))
            cls, code, desc = rng.choice(ENCOUNTER_TYPES)
            prov = rng.choice(providers)
            reason_code, reason = rng.choice(CONDITIONS) if rng.random() < 0.4 else ("", "")
            enc = {"Id": uid(rng), "START": iso_z(start), "STOP": iso_z(stop), "PATIENT": p["Id"],
                   "ORGANIZATION": prov["ORGANIZATION"], "PROVIDER": prov["Id"], "ENCOUNTERCLASS": cls, "CODE": code,
                   "DESCRIPTION": desc, "BASE_ENCOUNTER_COST": f"{rng.choice([85.55, 129.16, 142.58, 77.49]):.2f}",
                   "REASONCODE": reason_code, "REASONDESCRIPTION": reason}
            encounters.append(enc)
            if rng.random() < 0.35:
                c_code, c_desc = rng.choice(CONDITIONS)
                conditions.append({"START": start.date().isoformat(),
                                   "STOP": (start.date() + timedelta(days=rng.randrange(5, 40))).isoformat() if rng.random() < 0.5 else "",
                                   "PATIENT": p["Id"], "ENCOUNTER": enc["Id"], "CODE": c_code, "DESCRIPTION": c_desc})
            for _ in range(rng.randrange(2, 7)):
                loinc, ldesc, unit, lo, hi, dec = rng.choice(LABS)
                observations.append({"DATE": iso_z(start + timedelta(minutes=5)), "PATIENT": p["Id"], "ENCOUNTER": enc["Id"],
                                     "CATEGORY": rng.choice(["vital-signs", "laboratory"]), "CODE": loinc,
                                     "DESCRIPTION": ldesc, "VALUE": f"{rng.uniform(lo, hi):.{dec}f}", "UNITS": unit,
                                     "TYPE": "numeric"})
            if rng.random() < 0.3:
                rx, rdesc = rng.choice(MEDICATIONS)
                medications.append({"START": iso_z(start), "STOP": iso_z(start + timedelta(days=rng.randrange(10, 365))),
                                    "PATIENT": p["Id"], "PAYER": "", "ENCOUNTER": enc["Id"], "CODE": rx, "DESCRIPTION": rdesc,
                                    "BASE_COST": f"{rng.uniform(2, 300):.2f}", "DISPENSES": str(rng.randrange(1, 13))})
            if rng.random() < 0.5:
                notes.append({"Id": uid(rng), "PATIENT": p["Id"], "ENCOUNTER": enc["Id"], "DATE": start.date().isoformat(),
                              "NOTE_TEXT": ehr_note(rng, p, prov, start, desc, reason)})
            if rng.random() < 0.25:
                claims.append({"Id": uid(rng), "PATIENTID": p["Id"], "PROVIDERID": prov["Id"],
                               "SERVICEDATE": start.strftime("%d/%m/%Y"), "DIAGNOSIS1": rng.choice(CONDITIONS)[0],
                               "STATUS": rng.choice(["BILLED", "CLOSED"]), "OUTSTANDING": f"{rng.uniform(0, 400):.2f}"})
        if rng.random() < 0.5:
            a_code, a_desc = rng.choice(ALLERGIES)
            allergies.append({"START": (birth + timedelta(days=rng.randrange(400, 9000))).isoformat(), "PATIENT": p["Id"],
                              "CODE": a_code, "DESCRIPTION": a_desc, "SEVERITY": rng.choice(["MILD", "MODERATE", "SEVERE"])})
    # Sorting needs every encounter in memory: a streamed encounters.csv keeps the order of generation
    # (patient by patient, each patient's encounters in time order).
    if not stream:
        encounters.rows.sort(key=lambda e: (e["START"], e["Id"]))
    w = lambda name, rows: write(os.path.join(folder, name), list(rows[0].keys()), rows)
    w("organizations.csv", organizations)
    w("providers.csv", providers)
    for table in (patients, encounters, conditions, observations, medications, notes, claims, allergies):
        table.close()
    write_truth(folder, [
        ("patients.csv", "Id", "key", "patient"), ("patients.csv", "BIRTHDATE", "birth-date"), ("patients.csv", "DEATHDATE", "date"),
        ("patients.csv", "SSN", "national-id"), ("patients.csv", "DRIVERS", "national-id"), ("patients.csv", "PASSPORT", "national-id"),
        ("patients.csv", "PREFIX", "categorical"), ("patients.csv", "FIRST", "person-name"), ("patients.csv", "MIDDLE", "person-name"),
        ("patients.csv", "LAST", "person-name"), ("patients.csv", "SUFFIX", "empty"), ("patients.csv", "MAIDEN", "person-name"),
        ("patients.csv", "MARITAL", "categorical"), ("patients.csv", "RACE", "categorical"), ("patients.csv", "ETHNICITY", "categorical"),
        ("patients.csv", "GENDER", "categorical"), ("patients.csv", "BIRTHPLACE", "place"), ("patients.csv", "ADDRESS", "address"),
        ("patients.csv", "CITY", "place"), ("patients.csv", "STATE", "categorical"), ("patients.csv", "COUNTY", "place"),
        ("patients.csv", "ZIP", "zip"), ("patients.csv", "LAT", "geo"), ("patients.csv", "LON", "geo"), ("patients.csv", "PHONE", "phone"),
        ("patients.csv", "HEALTHCARE_EXPENSES", "number"), ("patients.csv", "INCOME", "number"),
        ("organizations.csv", "Id", "key"), ("organizations.csv", "NAME", "free-text"), ("organizations.csv", "ADDRESS", "address"),
        ("organizations.csv", "CITY", "place"), ("organizations.csv", "STATE", "categorical"), ("organizations.csv", "ZIP", "zip"),
        ("organizations.csv", "PHONE", "phone"),
        ("providers.csv", "Id", "key"), ("providers.csv", "ORGANIZATION", "reference", "organizations.csv:Id"),
        ("providers.csv", "NAME", "person-name"), ("providers.csv", "GENDER", "categorical"), ("providers.csv", "SPECIALITY", "categorical"),
        ("providers.csv", "ADDRESS", "address"), ("providers.csv", "CITY", "place"), ("providers.csv", "STATE", "categorical"),
        ("providers.csv", "ZIP", "zip"),
        ("encounters.csv", "Id", "key"), ("encounters.csv", "START", "datetime"), ("encounters.csv", "STOP", "datetime"),
        ("encounters.csv", "PATIENT", "reference", "patients.csv:Id"), ("encounters.csv", "ORGANIZATION", "reference", "organizations.csv:Id"),
        ("encounters.csv", "PROVIDER", "reference", "providers.csv:Id"), ("encounters.csv", "ENCOUNTERCLASS", "categorical"),
        ("encounters.csv", "CODE", "code"), ("encounters.csv", "DESCRIPTION", "categorical"), ("encounters.csv", "BASE_ENCOUNTER_COST", "number"),
        ("encounters.csv", "REASONCODE", "code"), ("encounters.csv", "REASONDESCRIPTION", "categorical"),
        ("conditions.csv", "START", "date"), ("conditions.csv", "STOP", "date"), ("conditions.csv", "PATIENT", "reference", "patients.csv:Id"),
        ("conditions.csv", "ENCOUNTER", "reference", "encounters.csv:Id"), ("conditions.csv", "CODE", "code"),
        ("conditions.csv", "DESCRIPTION", "categorical"),
        ("observations.csv", "DATE", "datetime"), ("observations.csv", "PATIENT", "reference", "patients.csv:Id"),
        ("observations.csv", "ENCOUNTER", "reference", "encounters.csv:Id"), ("observations.csv", "CATEGORY", "categorical"),
        ("observations.csv", "CODE", "code"), ("observations.csv", "DESCRIPTION", "categorical"), ("observations.csv", "VALUE", "number"),
        ("observations.csv", "UNITS", "categorical"), ("observations.csv", "TYPE", "categorical"),
        ("medications.csv", "START", "datetime"), ("medications.csv", "STOP", "datetime"),
        ("medications.csv", "PATIENT", "reference", "patients.csv:Id"), ("medications.csv", "PAYER", "empty"),
        ("medications.csv", "ENCOUNTER", "reference", "encounters.csv:Id"), ("medications.csv", "CODE", "code"),
        ("medications.csv", "DESCRIPTION", "categorical"), ("medications.csv", "BASE_COST", "number"),
        ("medications.csv", "DISPENSES", "number"),
        ("notes.csv", "Id", "key"), ("notes.csv", "PATIENT", "reference", "patients.csv:Id"),
        ("notes.csv", "ENCOUNTER", "reference", "encounters.csv:Id"), ("notes.csv", "DATE", "date"), ("notes.csv", "NOTE_TEXT", "free-text"),
        ("claims.csv", "Id", "key"), ("claims.csv", "PATIENTID", "reference", "patients.csv:Id"),
        ("claims.csv", "PROVIDERID", "reference", "providers.csv:Id"), ("claims.csv", "SERVICEDATE", "date"),
        ("claims.csv", "DIAGNOSIS1", "code"), ("claims.csv", "STATUS", "categorical"), ("claims.csv", "OUTSTANDING", "number"),
        ("allergies.csv", "START", "date"), ("allergies.csv", "PATIENT", "reference", "patients.csv:Id"),
        ("allergies.csv", "CODE", "code"), ("allergies.csv", "DESCRIPTION", "categorical"), ("allergies.csv", "SEVERITY", "categorical"),
    ])


def iso_z(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def ehr_note(rng, p, prov, start, desc, reason):
    doc_last = prov["NAME"].split(" ")[-1]
    relative = rng.choice(EN_RELATIVES)
    return rng.choice([
        f"{p['FIRST']} {p['LAST']} seen on {start.strftime('%m/%d/%Y')} by Dr. {doc_last}. {desc}. Call back at {p['PHONE']}.",
        f"Pt lives at {p['ADDRESS']}, {p['CITY']}. Follow-up in 2 weeks. SNOMED 44054006 reviewed; HbA1c 7.2 %.",
        f"Patient {p['LAST']} reports improvement. BP 128/82, HR 71. Metformin 500 mg continued.",
        "General examination of patient. Wellness visit; no complaints. Vitals within normal limits.",
        f"Daughter {relative} called about results dated {start.date().isoformat()}; {p['FIRST']} agreed to the plan.",
        f"{p['LAST']}, {p['FIRST']} (SSN {p['SSN']}) asked for a copy of the records. {reason or 'No acute issues'}.",
    ])


# --------------------------------------------------------------------------------------------- omop

def omop(folder, n_patients, rng, stream=False):
    used = set()
    t = lambda name: Table(os.path.join(folder, name), stream)
    person, identity, visits = t("person.csv"), t("person_identity.csv"), t("visit_occurrence.csv")
    conds, meas, note = t("condition_occurrence.csv"), t("measurement.csv"), t("note.csv")
    location, provider = [], []
    for i, (city, state, county, z) in enumerate(EN_CITIES):
        location.append({"location_id": str(i + 1), "address_1": f"{rng.randrange(2, 980)} {rng.choice(EN_STREETS)}",
                         "city": city, "state": "MA", "zip": z, "county": county})
    for i in range(10):
        first, last = pick_name(rng, EN_FIRST, EN_LAST, used)
        provider.append({"provider_id": str(i + 1), "provider_name": f"{last}, {first}", "npi": str(1000000000 + rng.randrange(0, 899999999)),
                         "specialty_concept_id": rng.choice(["38004446", "38004456", "38004451"]),
                         "specialty_source_value": rng.choice(["General Practice", "Cardiology", "Internal Medicine"])})
    visit_id, cond_id, meas_id, note_id = 0, 0, 0, 0
    for i in range(n_patients):
        pid = i + 1
        first, last = pick_name(rng, EN_FIRST, EN_LAST, used)
        birth = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 85))
        loc = rng.choice(location)
        mrn = f"MRN{rng.randrange(1000000, 9999999)}"
        person.append({"person_id": str(pid), "gender_concept_id": rng.choice(["8507", "8532"]), "year_of_birth": str(birth.year),
                       "month_of_birth": str(birth.month), "day_of_birth": str(birth.day),
                       "birth_datetime": birth.strftime("%Y-%m-%d 00:00:00"), "race_concept_id": rng.choice(["8527", "8516", "8515"]),
                       "ethnicity_concept_id": rng.choice(["38003563", "38003564"]), "location_id": loc["location_id"],
                       "person_source_value": mrn, "gender_source_value": rng.choice("MF")})
        ident = {"person_id": str(pid), "given_name": first, "family_name": last,
                         "street_address": f"{rng.randrange(2, 980)} {rng.choice(EN_STREETS)}", "phone_number": us_phone(rng),
                         "email": f"{first.lower()}.{last.lower()}{rng.randrange(1, 99)}@example.org".replace("'", "").replace("í", "i").replace("ë", "e"),
                         "ssn": ssn(rng)}
        identity.append(ident)
        day = date(2014, 1, 1) + timedelta(days=rng.randrange(0, 1500))
        for _ in range(rng.randrange(5, 14)):
            day += timedelta(days=rng.randrange(15, 160))
            visit_id += 1
            prov = rng.choice(provider)
            visits.append({"visit_occurrence_id": str(visit_id), "person_id": str(pid), "visit_concept_id": rng.choice(["9202", "9201", "9203"]),
                           "visit_start_date": day.isoformat(), "visit_end_date": (day + timedelta(days=rng.choice([0, 0, 0, 2, 5]))).isoformat(),
                           "visit_type_concept_id": "44818517", "provider_id": prov["provider_id"],
                           "visit_source_value": f"V{rng.randrange(10000000, 99999999)}"})
            if rng.random() < 0.5:
                cond_id += 1
                icd = rng.choice(["E11.9", "I10", "J20.9", "M54.5", "J06.9", "R73.03"])
                conds.append({"condition_occurrence_id": str(cond_id), "person_id": str(pid),
                              "condition_concept_id": rng.choice(["201826", "320128", "260139", "194133"]),
                              "condition_start_date": day.isoformat(), "condition_type_concept_id": "32020",
                              "visit_occurrence_id": str(visit_id), "condition_source_value": icd})
            for _ in range(rng.randrange(1, 5)):
                meas_id += 1
                loinc, ldesc, unit, lo, hi, dec = rng.choice(LABS)
                meas.append({"measurement_id": str(meas_id), "person_id": str(pid),
                             "measurement_concept_id": rng.choice(["3004410", "3000963", "3016723", "3004249"]),
                             "measurement_date": day.isoformat(), "measurement_datetime": f"{day.isoformat()} {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}:00",
                             "value_as_number": f"{rng.uniform(lo, hi):.{dec}f}", "unit_source_value": unit,
                             "measurement_source_value": loinc, "visit_occurrence_id": str(visit_id)})
            if rng.random() < 0.4:
                note_id += 1
                note.append({"note_id": str(note_id), "person_id": str(pid), "note_date": day.isoformat(),
                             "note_title": rng.choice(["Progress note", "Discharge summary", "Telephone encounter"]),
                             "note_text": omop_note(rng, ident, mrn, prov, day), "visit_occurrence_id": str(visit_id)})
    w = lambda name, rows: write(os.path.join(folder, name), list(rows[0].keys()), rows)
    w("location.csv", location)
    w("provider.csv", provider)
    for table in (person, identity, visits, conds, meas, note):
        table.close()
    write_truth(folder, [
        ("person.csv", "person_id", "key", "patient"), ("person.csv", "gender_concept_id", "code"), ("person.csv", "year_of_birth", "number"),
        ("person.csv", "month_of_birth", "birth-date-part"), ("person.csv", "day_of_birth", "birth-date-part"), ("person.csv", "birth_datetime", "birth-date"),
        ("person.csv", "race_concept_id", "code"), ("person.csv", "ethnicity_concept_id", "code"),
        ("person.csv", "location_id", "reference", "location.csv:location_id"), ("person.csv", "person_source_value", "identifier"),
        ("person.csv", "gender_source_value", "categorical"),
        ("person_identity.csv", "person_id", "reference", "person.csv:person_id"), ("person_identity.csv", "given_name", "person-name"),
        ("person_identity.csv", "family_name", "person-name"), ("person_identity.csv", "street_address", "address"),
        ("person_identity.csv", "phone_number", "phone"), ("person_identity.csv", "email", "email"), ("person_identity.csv", "ssn", "national-id"),
        ("location.csv", "location_id", "key"), ("location.csv", "address_1", "address"), ("location.csv", "city", "place"),
        ("location.csv", "state", "categorical"), ("location.csv", "zip", "zip"), ("location.csv", "county", "place"),
        ("provider.csv", "provider_id", "key"), ("provider.csv", "provider_name", "person-name"), ("provider.csv", "npi", "identifier"),
        ("provider.csv", "specialty_concept_id", "code"), ("provider.csv", "specialty_source_value", "categorical"),
        ("visit_occurrence.csv", "visit_occurrence_id", "key"), ("visit_occurrence.csv", "person_id", "reference", "person.csv:person_id"),
        ("visit_occurrence.csv", "visit_concept_id", "code"), ("visit_occurrence.csv", "visit_start_date", "date"),
        ("visit_occurrence.csv", "visit_end_date", "date"), ("visit_occurrence.csv", "visit_type_concept_id", "code"),
        ("visit_occurrence.csv", "provider_id", "reference", "provider.csv:provider_id"), ("visit_occurrence.csv", "visit_source_value", "identifier"),
        ("condition_occurrence.csv", "condition_occurrence_id", "key"), ("condition_occurrence.csv", "person_id", "reference", "person.csv:person_id"),
        ("condition_occurrence.csv", "condition_concept_id", "code"), ("condition_occurrence.csv", "condition_start_date", "date"),
        ("condition_occurrence.csv", "condition_type_concept_id", "code"),
        ("condition_occurrence.csv", "visit_occurrence_id", "reference", "visit_occurrence.csv:visit_occurrence_id"),
        ("condition_occurrence.csv", "condition_source_value", "code"),
        ("measurement.csv", "measurement_id", "key"), ("measurement.csv", "person_id", "reference", "person.csv:person_id"),
        ("measurement.csv", "measurement_concept_id", "code"), ("measurement.csv", "measurement_date", "date"),
        ("measurement.csv", "measurement_datetime", "datetime"), ("measurement.csv", "value_as_number", "number"),
        ("measurement.csv", "unit_source_value", "categorical"), ("measurement.csv", "measurement_source_value", "code"),
        ("measurement.csv", "visit_occurrence_id", "reference", "visit_occurrence.csv:visit_occurrence_id"),
        ("note.csv", "note_id", "key"), ("note.csv", "person_id", "reference", "person.csv:person_id"), ("note.csv", "note_date", "date"),
        ("note.csv", "note_title", "categorical"), ("note.csv", "note_text", "free-text"),
        ("note.csv", "visit_occurrence_id", "reference", "visit_occurrence.csv:visit_occurrence_id"),
    ])


def omop_note(rng, ident, mrn, prov, day):
    doc_last = prov["provider_name"].split(",")[0]
    relative = rng.choice(EN_RELATIVES)
    return rng.choice([
        f"{ident['given_name']} {ident['family_name']} (MRN {mrn}) seen {day.strftime('%B %d, %Y')}. Plan discussed with Dr. {doc_last}.",
        f"Telephone call to {ident['phone_number']}: {ident['given_name']} confirms metformin 500 mg twice daily. LOINC 4548-4 pending.",
        f"Mrs. {ident['family_name']} brought by husband {relative}. Glucose 142 mg/dL, creatinine 1.1 mg/dL.",
        "Routine follow-up. General examination unremarkable. Continue current medication.",
        f"Lives at {ident['street_address']}; e-mail {ident['email']}. ICD-10 E11.9 documented.",
    ])


# --------------------------------------------------------------------------------------------- de

def de(folder, n_patients, rng, stream=False):
    used = set()
    t = lambda name: Table(os.path.join(folder, name), stream, delimiter=";", encoding="cp1252", newline="\r\n")
    patienten, faelle, diagnosen, labor, befunde = t("patienten.csv"), t("faelle.csv"), t("diagnosen.csv"), t("labor.csv"), t("befunde.csv")
    aerzte = [f"{rng.choice(['Dr. med.', 'Dr.', 'Prof. Dr.'])} {rng.choice(DE_LAST)}" for _ in range(8)]
    fall = 4000000
    for i in range(n_patients):
        vor, nach = pick_name(rng, DE_FIRST, DE_LAST, used)
        city, plz, vorwahl = rng.choice(DE_CITIES)
        geb = date(1930, 1, 1) + timedelta(days=rng.randrange(0, 365 * 85))
        pid = str(7000000 + rng.randrange(0, 999999))
        tel = rng.choice([f"+49 {vorwahl[1:]} {rng.randrange(1000000, 9999999)}", f"{vorwahl} {rng.randrange(100000, 9999999)}",
                          f"0171 {rng.randrange(1000000, 9999999)}"])
        p = {"PID": pid, "Nachname": nach, "Vorname": vor, "Geburtsdatum": geb.strftime("%d.%m.%Y"),
             "Geschlecht": rng.choice(["m", "w", "d"]), "Straße": f"{rng.choice(DE_STREETS)} {rng.randrange(1, 120)}",
             "PLZ": plz, "Ort": city, "Telefon": tel,
             "E-Mail": f"{ascii_de(vor)}.{ascii_de(nach)}@beispiel.de",
             "Versichertennummer": f"{chr(65 + rng.randrange(26))}{rng.randrange(100000000, 999999999)}",
             "Krankenkasse": rng.choice(KASSEN)}
        patienten.append(p)
        day = datetime(2015, 1, 1, 8) + timedelta(days=rng.randrange(0, 1500), minutes=rng.randrange(0, 600))
        for _ in range(rng.randrange(3, 9)):
            day += timedelta(days=rng.randrange(30, 300))
            fall += rng.randrange(1, 40)
            fnr = str(fall)
            ende = day + timedelta(days=rng.randrange(1, 14))
            abt = rng.choice(DEPARTMENTS)
            arzt = rng.choice(aerzte)
            faelle.append({"Fallnummer": fnr, "PID": pid, "Aufnahmedatum": day.strftime("%d.%m.%Y %H:%M"),
                           "Entlassdatum": ende.strftime("%d.%m.%Y"), "Fachabteilung": abt,
                           "Aufnahmeart": rng.choice(["Notfall", "Einweisung", "Verlegung"])})
            icd, text = rng.choice(ICD10)
            diagnosen.append({"Fallnummer": fnr, "ICD-10-GM": icd, "Diagnosetext": text,
                              "Diagnosedatum": day.strftime("%d.%m.%Y"), "Diagnosetyp": rng.choice(["Haupt", "Neben"])})
            for _ in range(rng.randrange(2, 6)):
                loinc, name, unit, lo, hi, dec = rng.choice(DE_LABS)
                wert = f"{rng.uniform(lo, hi):.{dec}f}".replace(".", ",")
                labor.append({"Fallnummer": fnr, "Abnahmezeit": (day + timedelta(hours=rng.randrange(1, 30))).strftime("%d.%m.%Y %H:%M"),
                              "LOINC": loinc, "Parameter": name, "Wert": wert, "Einheit": unit})
            if rng.random() < 0.6:
                befunde.append({"Befund-ID": f"B{rng.randrange(10000000, 99999999)}", "PID": pid, "Fallnummer": fnr,
                                "Befunddatum": ende.strftime("%d.%m.%Y"), "Befundtext": de_note(rng, p, arzt, day, abt)})
    for table in (patienten, faelle, diagnosen, labor, befunde):
        table.close()
    write_truth(folder, [
        ("patienten.csv", "PID", "key", "patient"), ("patienten.csv", "Nachname", "person-name"), ("patienten.csv", "Vorname", "person-name"),
        ("patienten.csv", "Geburtsdatum", "birth-date"), ("patienten.csv", "Geschlecht", "categorical"), ("patienten.csv", "Straße", "address"),
        ("patienten.csv", "PLZ", "zip"), ("patienten.csv", "Ort", "place"), ("patienten.csv", "Telefon", "phone"),
        ("patienten.csv", "E-Mail", "email"), ("patienten.csv", "Versichertennummer", "national-id"),
        ("patienten.csv", "Krankenkasse", "categorical"),
        ("faelle.csv", "Fallnummer", "key"), ("faelle.csv", "PID", "reference", "patienten.csv:PID"),
        ("faelle.csv", "Aufnahmedatum", "datetime"), ("faelle.csv", "Entlassdatum", "date"), ("faelle.csv", "Fachabteilung", "categorical"),
        ("faelle.csv", "Aufnahmeart", "categorical"),
        ("diagnosen.csv", "Fallnummer", "reference", "faelle.csv:Fallnummer"), ("diagnosen.csv", "ICD-10-GM", "code"),
        ("diagnosen.csv", "Diagnosetext", "categorical"), ("diagnosen.csv", "Diagnosedatum", "date"),
        ("diagnosen.csv", "Diagnosetyp", "categorical"),
        ("labor.csv", "Fallnummer", "reference", "faelle.csv:Fallnummer"), ("labor.csv", "Abnahmezeit", "datetime"),
        ("labor.csv", "LOINC", "code"), ("labor.csv", "Parameter", "categorical"), ("labor.csv", "Wert", "number"),
        ("labor.csv", "Einheit", "categorical"),
        ("befunde.csv", "Befund-ID", "key"), ("befunde.csv", "PID", "reference", "patienten.csv:PID"),
        ("befunde.csv", "Fallnummer", "reference", "faelle.csv:Fallnummer"), ("befunde.csv", "Befunddatum", "date"),
        ("befunde.csv", "Befundtext", "free-text"),
    ])


def ascii_de(s):
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("Ö", "Oe"), ("Ü", "Ue"), ("Ä", "Ae")):
        s = s.replace(a, b)
    return s.lower().replace("-", "").replace(" ", "")


def de_note(rng, p, arzt, day, abt):
    anrede = "Herr" if p["Geschlecht"] == "m" else "Frau"
    angehoeriger = rng.choice(DE_RELATIVES)
    return rng.choice([
        f"{anrede} {p['Nachname']} wurde am {day.strftime('%d.%m.%Y')} in der {abt} aufgenommen. Rückruf unter {p['Telefon']}.",
        f"Pat. {p['Vorname']} {p['Nachname']}, geb. {p['Geburtsdatum']}, wohnhaft {p['Straße']}, {p['PLZ']} {p['Ort']}.",
        f"Befund besprochen mit {arzt}. HbA1c 7,4 %, Kreatinin 1,1 mg/dl. Metformin 500 mg weiter.",
        "Allgemeinzustand gut, keine Beschwerden. Wundheilung regelrecht, Entlassung in die Häuslichkeit.",
        f"Ehefrau {angehoeriger} {p['Nachname']} bittet um Rückruf. Versichertennummer {p['Versichertennummer']} liegt vor.",
    ])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--patients", type=int, default=0, help="patients per convention (default: 60 ehr, 60 omop, 50 de)")
    ap.add_argument("--out", default="corpus", help="output folder (default: corpus)")
    ap.add_argument("--only", choices=["ehr", "omop", "de"], help="generate one convention only")
    ap.add_argument("--stream", action="store_true",
                    help="write each row as it is generated (for exports larger than memory); the same rows and bytes,"
                         " except that encounters.csv is in the order of generation instead of sorted by START")
    ap.add_argument("--seed", type=int, help="seed of the random numbers (default: 7001 ehr, 7002 omop, 7003 de);"
                                             " parts of one large ehr export made with different seeds can be concatenated")
    args = ap.parse_args()
    for name, fn, default, seed in (("ehr", ehr, 60, 7001), ("omop", omop, 60, 7002), ("de", de, 50, 7003)):
        if args.only and args.only != name:
            continue
        folder = os.path.join(args.out, name)
        fn(folder, args.patients or default, random.Random(args.seed if args.seed is not None else seed), args.stream)


if __name__ == "__main__":
    main()
