#!/usr/bin/env python3
# Tests of synthea_like.py (decision 0101): python3 tools/fhir/test_synthea_like.py
import importlib.util, json, os, tempfile, unittest

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("synthea_like", os.path.join(HERE, "synthea_like.py"))
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

def bundles(encounters=None, n=4, bulk=0):
    gen.rnd.seed(42)
    with tempfile.TemporaryDirectory() as out:
        gen.main(out, n, bulk, encounters)
        names = sorted(os.listdir(out + "/bundles"))
        texts = [open(out + "/bundles/" + f).read() for f in names]
        bulk_files = sorted(os.listdir(out + "/bulk"))
    return texts, bulk_files

class SyntheaLikeTest(unittest.TestCase):
    def test_without_encounters_each_bundle_has_two_encounters_of_six_observations(self):
        texts, bulk_files = bundles(None, n=3, bulk=2)
        self.assertEqual(3, len(texts))
        self.assertIn("Patient.ndjson", bulk_files)
        for t in texts:
            types = [e["resource"]["resourceType"] for e in json.loads(t)["entry"]]
            self.assertEqual(23, len(types))
            self.assertEqual(["Patient"], types[:1])
            self.assertEqual(2, types.count("Encounter"))
            self.assertEqual(12, types.count("Observation"))
            self.assertEqual(0, types.count("Claim") + types.count("Procedure"))

    def test_encounters_make_one_lifetime_per_bundle(self):
        texts, _ = bundles(gen.encounter_range("5-9"), n=6)
        counts = set()
        for t in texts:
            b = json.loads(t)
            entries = b["entry"]
            patient = entries[0]["resource"]
            self.assertEqual("Patient", patient["resourceType"])
            types = [e["resource"]["resourceType"] for e in entries]
            n = types.count("Encounter")
            counts.add(n)
            self.assertTrue(5 <= n <= 9, n)
            for kind in ("Condition", "DiagnosticReport", "MedicationRequest", "ExplanationOfBenefit", "Procedure", "Claim"):
                self.assertEqual(n, types.count(kind), kind)
            self.assertTrue(2 * n <= types.count("Observation") <= 12 * n)
            self.assertEqual(1, types.count("Patient"))
            ref = "urn:uuid:" + patient["id"]
            for e in entries[1:]:
                self.assertEqual("urn:uuid:" + e["resource"]["id"], e["fullUrl"])
                self.assertEqual({"method": "POST", "url": e["resource"]["resourceType"]}, e["request"])
                self.assertIn('"' + ref + '"', json.dumps(e["resource"]))
        self.assertGreater(len(counts), 1, "encounters drawn per bundle")

    def test_encounter_range(self):
        self.assertEqual((7, 7), gen.encounter_range("7"))
        self.assertEqual((20, 100), gen.encounter_range("20-100"))
        for bad in ("0", "9-3", "0-4"):
            with self.assertRaises(SystemExit):
                gen.encounter_range(bad)

if __name__ == "__main__":
    unittest.main()
