#!/usr/bin/env python3
"""Generates the synthetic FHIR R4 sample files in fhir/ from the synthetic CSV exports in csv/.

The same patients, MRNs, names and dates as the CSV files, so one run over sample-data/ shows the
same person getting the same pseudonym and date offset in CSV and FHIR output. Python 3 standard
library only; no randomness: running it again gives the same bytes.

    cd sample-data && python3 generate_csv.py && python3 generate_fhir.py
"""
import base64
import csv
import json
import os
from datetime import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
MRN_SYSTEM = "http://hospital.example.org/mrn"
V2_0203 = "http://terminology.hl7.org/CodeSystem/v2-0203"


def read_csv(name, encoding="utf-8-sig", delimiter=","):
    with open(os.path.join(HERE, "csv", name), newline="", encoding=encoding) as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def us_date(text):
    return datetime.strptime(text, "%m/%d/%Y").strftime("%Y-%m-%d")


def patient(row, pid):
    return {
        "resourceType": "Patient",
        "id": pid,
        "text": {
            "status": "generated",
            "div": '<div xmlns="http://www.w3.org/1999/xhtml"><p>%s %s, MRN %s, %s, %s</p></div>'
                   % (row["first_name"], row["last_name"], row["mrn"], row["street_address"], row["city"]),
        },
        "identifier": [
            {"type": {"coding": [{"system": V2_0203, "code": "MR"}]}, "system": MRN_SYSTEM, "value": row["mrn"]},
            {"system": "http://hl7.org/fhir/sid/us-ssn", "value": row["ssn"]},
        ],
        "name": [{"use": "official", "family": row["last_name"], "given": [row["first_name"]]}],
        "telecom": [{"system": "phone", "value": row["phone"], "use": "home"},
                    {"system": "email", "value": row["email"]}],
        "gender": "male" if row["sex"] == "M" else "female",
        "birthDate": row["date_of_birth"],
        "address": [{"line": [row["street_address"]], "city": row["city"], "state": row["state"],
                     "postalCode": row["zip"], "country": "US"}],
    }


def encounter(row, patient_ref):
    return {
        "resourceType": "Encounter",
        "id": row["encounter_id"].lower(),
        "identifier": [{"system": "http://hospital.example.org/encounters", "value": row["encounter_id"]}],
        "status": "finished",
        "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
        "serviceType": {"text": row["department"]},
        "subject": {"reference": patient_ref},
        "participant": [{"individual": {"display": row["attending_physician"]}}],
        "period": {"start": us_date(row["admit_date"]), "end": us_date(row["discharge_date"])},
        "reasonCode": [{"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": row["diagnosis_code"]}]}],
    }


def note(row, patient_ref, encounter_ref):
    text = "%s\r\nAdmitted %s, discharged %s.\r\n" % (row["notes"], row["admit_date"], row["discharge_date"])
    return {
        "resourceType": "DocumentReference",
        "status": "current",
        "type": {"coding": [{"system": "http://loinc.org", "code": "11506-3", "display": "Progress note"}]},
        "subject": {"reference": patient_ref},
        "date": us_date(row["admit_date"]) + "T12:00:00Z",
        "description": "Progress note, " + row["department"],
        "content": [{"attachment": {"contentType": "text/plain; charset=utf-8",
                                    "data": base64.b64encode(text.encode("utf-8")).decode("ascii")}}],
        "context": {"encounter": [{"reference": encounter_ref}]},
    }


def write_json(path, resource):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(resource, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main():
    patients = {r["mrn"]: r for r in read_csv("patients.csv")}
    encounters = read_csv("encounters.csv")
    out = os.path.join(HERE, "fhir")
    os.makedirs(os.path.join(out, "bulk"), exist_ok=True)

    # 1. One patient's transaction Bundle; the file name carries the patient's surname and MRN.
    mrn = "100251"
    p = patient(patients[mrn], "p" + mrn)
    puuid = "urn:uuid:00000000-0000-4000-8000-000000%s" % mrn
    entries = [{"fullUrl": puuid, "resource": p,
                "request": {"method": "PUT", "url": "Patient?identifier=%s|%s" % (MRN_SYSTEM, mrn)}}]
    for i, e in enumerate(r for r in encounters if r["patient_mrn"] == mrn):
        euuid = "urn:uuid:00000000-0000-4000-9000-%012d" % (int(mrn) * 100 + i)
        enc = encounter(e, puuid)
        del enc["id"]
        entries.append({"fullUrl": euuid, "resource": enc, "request": {"method": "POST", "url": "Encounter"}})
        entries.append({"fullUrl": "urn:uuid:00000000-0000-4000-a000-%012d" % (int(mrn) * 100 + i),
                        "resource": note(e, puuid, euuid), "request": {"method": "POST", "url": "DocumentReference"}})
    bundle = {"resourceType": "Bundle", "type": "transaction", "entry": entries}
    write_json(os.path.join(out, "brannigan_%s_bundle.json" % mrn), bundle)

    # 2. A bulk export (NDJSON, one resource per line) of three patients, split by resource type.
    bulk = ["100200", "100217", "100234"]
    with open(os.path.join(out, "bulk", "Patient.ndjson"), "w", encoding="utf-8", newline="\n") as f:
        for m in bulk:
            f.write(json.dumps(patient(patients[m], "p" + m), ensure_ascii=False, separators=(",", ":")) + "\n")
    with open(os.path.join(out, "bulk", "Encounter.ndjson"), "w", encoding="utf-8", newline="\n") as f:
        for e in encounters:
            if e["patient_mrn"] in bulk:
                f.write(json.dumps(encounter(e, "Patient/p" + e["patient_mrn"]), ensure_ascii=False,
                                   separators=(",", ":")) + "\n")

    # 3. One Patient in XML.
    r = patients["100268"] if "100268" in patients else patients[sorted(patients)[5]]
    x = patient(r, "p" + r["mrn"])
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<Patient xmlns="http://hl7.org/fhir">\n'
           '  <id value="%s"/>\n'
           '  <identifier>\n    <type><coding><system value="%s"/><code value="MR"/></coding></type>\n'
           '    <system value="%s"/>\n    <value value="%s"/>\n  </identifier>\n'
           '  <name><family value="%s"/><given value="%s"/></name>\n'
           '  <telecom><system value="phone"/><value value="%s"/></telecom>\n'
           '  <gender value="%s"/>\n  <birthDate value="%s"/>\n'
           '  <address><line value="%s"/><city value="%s"/><state value="%s"/><postalCode value="%s"/></address>\n'
           '</Patient>\n') % (x["id"], V2_0203, MRN_SYSTEM, r["mrn"], xml_escape(r["last_name"]),
                               xml_escape(r["first_name"]), r["phone"], x["gender"], r["date_of_birth"],
                               xml_escape(r["street_address"]), xml_escape(r["city"]), r["state"], r["zip"])
    with open(os.path.join(out, "patient-%s.xml" % r["mrn"]), "w", encoding="utf-8", newline="\n") as f:
        f.write(xml)


def xml_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;").replace("'", "&apos;")


if __name__ == "__main__":
    main()
