#!/usr/bin/python3
"""Self-tests of the scorer on hand-written graphs and gold files in
fixtures/: each test states a figure the scorer must report for them."""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest
from contextlib import redirect_stdout, redirect_stderr

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

FIX = os.path.join(HERE, "fixtures")
GOLD = os.path.join(FIX, "gold")
SCORE = os.path.join(HERE, "score.py")


def run(graph, **kw):
    return score.score(os.path.join(FIX, graph), GOLD, **kw)


def row(fig, name):
    return next(r for r in fig["per_article"] if r["file"] == name)


class ArabicFolding(unittest.TestCase):
    def test_hamza_alef_maqsura_ta_marbuta_diacritics(self):
        self.assertEqual(score.fold("الأُمَمُ المتحـدة"), "الامم المتحده")
        self.assertEqual(score.fold("مصطفى"), "مصطفي")

    def test_clitic_on_either_side(self):
        self.assertTrue(score.forms_match(["الناتو"], ["والناتو"]))
        self.assertTrue(score.forms_match(["بالعراق"], ["العراق"]))
        self.assertTrue(score.forms_match(["العراق"], ["للعراق"]))
        self.assertTrue(score.forms_match(["العراق"], ["وبالعراق"]))

    def test_different_words_do_not_match(self):
        self.assertFalse(score.forms_match(["العراق"], ["سوريا"]))
        # a clitic is stripped once, not any leading letter repeatedly
        self.assertFalse(score.forms_match(["بلد"], ["لد"]))

    def test_date_compatibility(self):
        self.assertTrue(score.date_compatible("2021", "2021-06-28"))
        self.assertTrue(score.date_compatible("2021-06-28", "2021-06"))
        self.assertFalse(score.date_compatible("2021-06", "2021-07-01"))
        self.assertFalse(score.date_compatible("2021", "20210"))
        self.assertFalse(score.date_compatible(None, "2021"))


class PerfectMatch(unittest.TestCase):
    def setUp(self):
        self.fig = run("perfect.nt")

    def test_every_type_f1_is_one(self):
        self.assertEqual(self.fig["articles"], 1)
        for kind in score.TYPES + ("meetings",):
            self.assertEqual(self.fig[kind]["f1"], 1.0, kind)

    def test_every_meeting_field_right(self):
        for name, f in self.fig["meeting_fields"].items():
            self.assertEqual((f["correct"], f["matched"]), (2, 2), name)

    def test_org_by_slug_and_by_anchor(self):
        # global-coalition matches by id, daesh only through its anchor
        self.assertEqual(self.fig["organizations"]["tp"], 2)

    def test_nif_clean(self):
        self.assertEqual(self.fig["nif"]["checked"], 2)
        self.assertEqual(self.fig["nif"]["mismatches"], 0)


class Errors(unittest.TestCase):
    def setUp(self):
        self.fig = run("errors.nt")
        self.r = row(self.fig, "t2.txt")

    def test_missed_state(self):
        self.assertEqual((self.fig["states"]["tp"], self.fig["states"]["fn"],
                          self.fig["states"]["fp"]), (2, 1, 0))
        self.assertEqual(self.r["states"]["missed"], ["US"])
        self.assertAlmostEqual(self.fig["states"]["recall"], 2 / 3)
        self.assertAlmostEqual(self.fig["states"]["f1"], 0.8)

    def test_spurious_city(self):
        self.assertEqual(self.r["cities"]["spurious"], ["Paris"])
        self.assertEqual(self.fig["cities"]["precision"], 0.5)
        self.assertEqual(self.fig["cities"]["recall"], 1.0)

    def test_org_by_form_with_clitic(self):
        # the output NATO has slug atlantic-alliance, another English label
        # and only the Arabic altLabel والناتو: the gold form الناتو matches
        self.assertEqual(self.fig["organizations"]["tp"], 2)
        self.assertEqual(self.fig["organizations"]["fn"], 0)

    def test_resolutions(self):
        # ArabLeague 7804 through slug arab-league, UNSC 2254 through the
        # issuer's English label; UNSC 2170 is not in the gold
        self.assertEqual((self.fig["resolutions"]["tp"],
                          self.fig["resolutions"]["fp"],
                          self.fig["resolutions"]["fn"]), (2, 1, 0))
        self.assertEqual(self.r["resolutions"]["spurious"], ["UNSC 2170"])

    def test_meeting_with_one_wrong_field(self):
        self.assertEqual(self.fig["meetings"]["tp"], 2)
        fields = self.fig["meeting_fields"]
        self.assertEqual(fields["level"]["correct"], 1)
        wrong = self.r["meetings"]["fields"]["level"]["wrong"]
        self.assertEqual([(w["gold"], w["output"]) for w in wrong],
                         [("Ministerial", "SmallGroupMinisterial")])
        # Paris: gold 2021 and output 2021-10 pair up, but the date differs
        self.assertEqual(fields["date"]["correct"], 1)
        self.assertEqual(fields["participant_count"]["correct"], 2)

    def test_nif_mismatch_reported(self):
        nif = self.fig["nif"]
        self.assertEqual((nif["checked"], nif["mismatches"]), (3, 1))
        self.assertTrue(nif["problems"][0]["phrase"].endswith("#char=41,46"))


    def test_context_length_checked(self):
        # endIndex 5 (as if counted in UTF-16 or bytes) for four code points
        nif = run("nif-context.nt")["nif"]
        self.assertEqual((nif["contexts"], nif["mismatches"]), (1, 1))
        self.assertIn("4 code points", nif["problems"][0]["problem"])
        self.assertEqual(run("perfect.nt")["nif"]["contexts"], 1)


class MeetingMatching(unittest.TestCase):
    def test_no_match_when_city_differs(self):
        gm = {"city": "Rome", "state": "IT", "date": "2021", "planned": False,
              "level": "Ministerial"}
        om = type("M", (), {"city": "Paris", "state": "FR", "date": "2021",
                            "planned": False, "level": "Ministerial"})()
        pairs, missed, spurious = score.match_meetings([gm], [om])
        self.assertEqual((len(pairs), len(missed), len(spurious)), (0, 1, 1))

    def test_named_graph_keeps_other_articles_facts_out(self):
        fig = run("shared-meeting.nq")
        self.assertEqual(fig["meeting_fields"]["chairs"]["correct"], 1)
        # the same quads without graph names: the chair from the other
        # article now reaches the meeting, which proves the test can fail
        import rdflib
        g = rdflib.ConjunctiveGraph()
        g.parse(os.path.join(FIX, "shared-meeting.nq"), format="nquads")
        with tempfile.TemporaryDirectory() as d:
            nt = os.path.join(d, "flat.nt")
            flat = rdflib.Graph()
            for t in g.triples((None, None, None)):
                flat.add(t)
            flat.serialize(nt, format="nt", encoding="utf-8")
            fig = score.score(nt, GOLD)
        self.assertEqual(fig["meeting_fields"]["chairs"]["correct"], 0)


class PresentAndMissing(unittest.TestCase):
    def test_gold_without_article_ignored_by_default(self):
        self.assertEqual(run("perfect.nt")["articles"], 1)

    def test_inputs_without_article_count_all_missed(self):
        fig = run("perfect.nt", inputs=["t1.txt", "t3.txt"])
        self.assertEqual(fig["articles"], 2)
        self.assertEqual(row(fig, "t3.txt")["states"]["missed"], ["FR"])
        self.assertEqual(fig["states"]["fn"], 1)

    def test_no_only_present_counts_every_gold_file(self):
        fig = run("perfect.nt", only_present=False)
        self.assertEqual(fig["articles"], 4)


class Cli(unittest.TestCase):
    def cli(self, *args):
        p = subprocess.run([sys.executable, SCORE, "--gold", GOLD] +
                           list(args), capture_output=True, text=True)
        return p.returncode, p.stdout, p.stderr

    def floors(self, data):
        f = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump(data, f)
        f.close()
        self.addCleanup(os.unlink, f.name)
        return f.name

    def test_table(self):
        rc, out, _ = self.cli(os.path.join(FIX, "errors.nt"), "--per-article")
        self.assertEqual(rc, 0)
        self.assertIn("states             2     0     1", out)
        self.assertIn("NIF integrity: 3 phrases checked, 1 mismatches", out)
        self.assertIn("(1 contexts checked)", out)
        self.assertIn("cities spurious: Paris", out)

    def test_json(self):
        rc, out, _ = self.cli(os.path.join(FIX, "perfect.nt"), "--json")
        self.assertEqual(rc, 0)
        self.assertEqual(json.loads(out)["states"]["f1"], 1.0)

    def test_floor_failure_exits_1_and_names_the_figure(self):
        floors = self.floors({"states": {"f1": 0.9}, "cities": {"f1": 0.5}})
        rc, _, err = self.cli(os.path.join(FIX, "errors.nt"),
                              "--floors", floors)
        self.assertEqual(rc, 1)
        self.assertIn("states.f1 = 0.800 is below its floor 0.900", err)
        self.assertNotIn("cities", err)

    def test_floors_met_and_sets(self):
        floors = self.floors({"states": {"f1": 0.5},
                              "meeting_fields": {"level": 0.5},
                              "nif": {"integrity": 0.5},
                              "sets": {"strict": {"nif": {"integrity": 1.0}}}})
        path = os.path.join(FIX, "errors.nt")
        self.assertEqual(self.cli(path, "--floors", floors)[0], 0)
        rc, _, err = self.cli(path, "--floors", floors, "--floors-set",
                              "strict")
        self.assertEqual(rc, 1)
        self.assertIn("nif.integrity", err)

    def test_unknown_floor_is_an_error(self):
        floors = self.floors({"staets": {"f1": 0.5}})
        rc, _, err = self.cli(os.path.join(FIX, "perfect.nt"),
                              "--floors", floors)
        self.assertEqual(rc, 2)
        self.assertIn("staets", err)

    def test_starting_floors_file_is_valid(self):
        path = os.path.join(HERE, "..", "..", "tests", "quality",
                            "floors.json")
        if not os.path.exists(path):
            self.skipTest("tests/quality/floors.json not present")
        rc, _, err = self.cli(os.path.join(FIX, "perfect.nt"),
                              "--floors", path, "--floors-set", "dev")
        self.assertEqual(rc, 0, err)


if __name__ == "__main__":
    unittest.main(verbosity=2)
