#!/usr/bin/env python3
"""Generates the synthetic CSV exports in this folder (fixed seed, so the files never change).

Every person, number and address here is invented. Run: python3 generate_csv.py (from the sample-data folder); files go to csv/.
"""
import os
import random
from datetime import date, timedelta

rng = random.Random(20261129)

FIRST = ["Avery", "Jordan", "Maribel", "Tobias", "Ingrid", "Kwame", "Lucía", "Henrik", "Priya", "Desmond",
         "Oona", "Rafael", "Sunniva", "Tadeo", "Wilhelmina", "Yusuf", "Zoë", "Bartholomew", "Cosima", "Emeka"]
LAST = ["Quillfeather", "Marchetti", "Okonkwo-Lind", "Brannigan", "Vasquez-Thorne", "Haldorsen", "Pemberton",
        "Szymanski", "Achterberg", "Delacroix", "Fairweather", "Gallagher", "Ishikawa", "Jovanovic", "Kettleby",
        "Lindqvist", "Montgomery", "Nakagawa", "O'Shaughnessy", "Rasmussen"]
STREETS = ["Oak Street", "Birchwood Avenue", "Larkspur Lane", "Cobble Hill Road", "Juniper Court", "Harbor View Drive"]
CITIES = [("Springfield", "IL", "62704"), ("Riverton", "WY", "82501"), ("Fairhaven", "MA", "02719"),
          ("Lakewood", "CO", "80226"), ("Brookfield", "WI", "53005"), ("Westbury", "NY", "11590")]
DEPTS = ["Cardiology", "Oncology", "Emergency", "Orthopedics", "Neurology"]
DOCTORS = ["Dr. Abernathy", "Dr. Castellanos", "Dr. Whitcombe", "Dr. Ferreira-Lund"]
DX = ["I10", "E11.9", "J45.909", "M54.5", "C50.911", "S72.001A", "G43.909"]
LABS = [("2345-7", "Glucose", "mg/dL", "70-99", 65, 180), ("718-7", "Hemoglobin", "g/dL", "12.0-17.5", 9.5, 17.9),
        ("2160-0", "Creatinine", "mg/dL", "0.6-1.3", 0.5, 2.4), ("6690-2", "WBC", "10*3/uL", "4.5-11.0", 3.1, 15.2)]

patients = []
for i in range(20):
    first, last = FIRST[i], LAST[i]
    city, state, zip_code = CITIES[i % len(CITIES)]
    dob = date(1931, 1, 1) + timedelta(days=rng.randrange(0, 365 * 75))
    patients.append({
        "mrn": str(100200 + i * 17),
        "first_name": first,
        "last_name": last,
        "date_of_birth": dob.isoformat(),
        "sex": rng.choice(["F", "M"]),
        "ssn": f"9{rng.randrange(10, 99)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}",
        "street_address": f"{rng.randrange(2, 980)} {rng.choice(STREETS)}",
        "city": city,
        "state": state,
        "zip": zip_code,
        "phone": f"555-{rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}",
        "email": f"{first.lower()}.{last.lower().replace(chr(39), '')}@example.org".replace("ú", "u").replace("ë", "e"),
    })


def write(path, header, rows, delimiter=",", encoding="utf-8", newline="\r\n"):
    def quote(v):
        v = str(v)
        if any(c in v for c in (delimiter, '"', "\n", "\r")):
            return '"' + v.replace('"', '""') + '"'
        return v
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(delimiter.join(header) + newline)
        for r in rows:
            f.write(delimiter.join(quote(r[h]) for h in header) + newline)


write("csv/patients.csv", list(patients[0].keys()), patients, encoding="utf-8-sig")

encounters = []
for n in range(60):
    p = patients[n % 20]
    admit = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 700))
    discharge = admit + timedelta(days=rng.randrange(0, 9))
    doctor = rng.choice(DOCTORS)
    note = rng.choice([
        f"{p['first_name']} {p['last_name']} seen on {admit.strftime('%m/%d/%Y')} by {doctor}. "
        f"MRN {p['mrn']}. Call back at {p['phone']}.",
        f"Pt lives at {p['street_address']}, {p['city']}. Follow-up in 2 weeks; email {p['email']}.",
        f"Patient {p['last_name']} reports improvement. BP 128/82, HR 71. No change to medication.",
        "Routine visit. No complaints. Vitals within normal limits.",
        f"Daughter called from {p['phone']} about results dated {admit.isoformat()}; {p['first_name']} agreed to the plan.",
    ])
    encounters.append({
        "encounter_id": f"E{2024000 + n * 7}",
        "patient_mrn": p["mrn"],
        "admit_date": admit.strftime("%m/%d/%Y"),
        "discharge_date": discharge.strftime("%m/%d/%Y"),
        "department": rng.choice(DEPTS),
        "attending_physician": doctor,
        "diagnosis_code": rng.choice(DX),
        "notes": note,
    })
write("csv/encounters.csv", list(encounters[0].keys()), encounters)

labs = []
for n in range(300):
    p = patients[rng.randrange(20)]
    code, name, unit, ref, lo, hi = rng.choice(LABS)
    collected = date(2022, 1, 1) + timedelta(days=rng.randrange(0, 700), minutes=rng.randrange(0, 1440))
    labs.append({
        "patient_id": p["mrn"],
        "collected_at": f"{collected.isoformat()} {rng.randrange(6, 20):02d}:{rng.randrange(0, 60):02d}",
        "loinc_code": code,
        "test_name": name,
        "result_value": f"{rng.uniform(lo, hi):.1f}",
        "unit": unit,
        "reference_range": ref,
        "comment": rng.choice(["", "", "", "hémolysé, repeat", "Specimen re-drawn", f"Called to {p['last_name']}"]),
    })
# A European-style lab system: semicolons, Windows-1252, LF line endings.
write("csv/lab_results.csv", list(labs[0].keys()), labs, delimiter=";", encoding="cp1252", newline="\n")

# Exports are often named after the patient: the file name itself must be de-identified.
p = patients[3]
referrals = [{"patient_mrn": p["mrn"], "referral_date": "2023-05-02", "referred_to": "Neurology",
              "reason": f"Headaches since 04/11/2023; {p['first_name']} prefers calls at {p['phone']}."}]

os.makedirs("csv/referrals", exist_ok=True)
write(f"csv/referrals/{p['last_name'].lower()}_{p['mrn']}_referral.csv", list(referrals[0].keys()), referrals)
