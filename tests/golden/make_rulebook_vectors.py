#!/usr/bin/env python3
"""Writes tests/golden/rulebook.jsonl: one evaluate request per line with its expected decision.

Each scenario states by hand what the rules must decide (eligible or not, the reason codes in order,
the new expiry, the total fee, what limited the term). The script runs the native muamala-rules
driver for the full answer (texts included), refuses to write if the driver disagrees with any
stated expectation, and freezes the answer as the golden vector. The parity test then holds the
wasm build to the same bytes.

    build/native/tools/muamala-rules must exist (or set MUAMALA_RULES_DRIVER).
    Usage: tests/golden/make_rulebook_vectors.py
"""
import calendar
import copy
import datetime as dt
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
DRIVER = pathlib.Path(os.environ.get("MUAMALA_RULES_DRIVER", ROOT / "build/native/tools/muamala-rules"))
OUT = ROOT / "tests/golden/rulebook.jsonl"

WEIGHTS = [2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def civil_id(birth: dt.date, serial: int) -> str:
    """A valid civil ID for a birth date (docs/design.md's check digit), trying serials until one fits."""
    century = {18: "1", 19: "2", 20: "3"}[birth.year // 100]
    for s in range(serial, serial + 20):
        base = century + birth.strftime("%y%m%d") + f"{s % 10000:04d}"
        check = 11 - sum(int(c) * w for c, w in zip(base, WEIGHTS)) % 11
        if check < 10:
            return base + str(check)
    raise ValueError("no serial fits")


def add_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    y, m = divmod(total, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def add_years(d: dt.date, n: int) -> dt.date:
    return add_months(d, 12 * n)


def days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


iso = dt.date.isoformat

# Each version's figures as the sources state them (the source ids of common/rulebook/rulebook.json),
# written out by hand: the rulebook is what these vectors check, so they do not read it.
V2019 = {"name": "kw-2019-12", "today": dt.date(2020, 6, 1),
         "husband_fee": 10000,          # res-957-2019
         "husband_insurance": 0,        # no health insurance figure before 23 Dec 2025
         "husband_max": 1,              # husband-term
         "child_max": 5, "naturalised_child_max": 5, "naturalised_child_fee": 0, "child_insurance": 0,
         "licence_years": 3,            # moi-licence-2023 (husbands and children of Kuwaiti women)
         "passport_months": 12,         # online-renewal-2020: valid for more than a year
         "other_passport_months": 6,    # practice (newborns, transfers)
         "fines_block": True,           # online-renewal-2020: fines and utility dues paid first
         "transfer_fines_block": False,
         "husband_fine": (2000, None, 600000),                 # overstay-2019: KD 2 a day up to KD 600
         "newborn_window": ("days", 60),                       # newborn-2019
         "newborn_fine": (2000, None, 600000),
         "employment_refused": False}
V2025_01 = dict(V2019, name="kw-2025-01", today=dt.date(2025, 2, 1),
                husband_max=5,                                  # terms-2025
                child_max=10,                                   # terms-2025, a mother Kuwaiti by birth
                husband_fine=(2000, (30, 4000), 1200000),       # overstay-2025 (KUNA; disputed)
                newborn_window=("months", 4),                   # newborn-2025
                newborn_fine=(2000, (30, 4000), 2000000),       # dl-114-2024 (KUNA)
                employment_refused=True)                        # employment-2025
V2025_03 = dict(V2025_01, name="kw-2025-03", today=dt.date(2025, 6, 1),
                licence_years=5)                                # decision-425-2025
V2025_12 = dict(V2025_03, name="kw-2025-12", today=dt.date(2026, 2, 1),
                husband_fee=15000,                              # husband-fee-2025 (disputed)
                husband_insurance=100000,                       # husband-insurance-2025 (disputed)
                naturalised_child_fee=20000,                    # naturalised-mother-fee
                child_insurance=100000,                         # health-insurance-2025, unless waived
                other_passport_months=12, transfer_fines_block=True)
VERSIONS = (V2019, V2025_01, V2025_03, V2025_12)


def late_fine(late_days, figures):
    """A daily fine at one rate, or two after the step, up to the cap: (per day, (step, after) or None, cap)."""
    per_day, step, cap = figures
    if late_days <= 0:
        return 0
    fine = late_days * per_day if not step or late_days <= step[0] else step[0] * per_day + (late_days - step[0]) * step[1]
    return min(fine, cap)


class Household:
    """A Kuwaiti mother (by birth), her non-Kuwaiti husband, a son, a daughter and a newborn, with
    documents placed relative to `today` so that every transaction is on offer."""

    def __init__(self, today: dt.date):
        self.today = today
        mother_birth, husband_birth = dt.date(1980, 1, 1), dt.date(1975, 6, 15)
        son_birth = dt.date(today.year - 19, 5, 20)
        daughter_birth = dt.date(today.year - 15, 2, 28)
        newborn_birth = days(today, -60)
        self.mother = civil_id(mother_birth, 100)
        self.husband = civil_id(husband_birth, 200)
        self.son = civil_id(son_birth, 300)
        self.daughter = civil_id(daughter_birth, 400)
        self.newborn = civil_id(newborn_birth, 500)
        far = add_years(today, 12)
        self.registry = {
            "persons": [
                {"civil_id": self.mother, "name": {"en": "Fatima Al-Sabah", "ar": "فاطمة الصباح"},
                 "birth_date": iso(mother_birth), "sex": "female", "nationality": "KWT", "kuwaiti_by": "birth",
                 "home_area": "salwa"},
                self.expatriate(self.husband, "Ahmed Hassan", "أحمد حسن", husband_birth, "male", "spouse_of_kuwaiti",
                                days(today, 30), far, "A1234567"),
                self.expatriate(self.son, "Omar Ahmed", "عمر أحمد", son_birth, "male", "child_of_kuwaiti",
                                add_years(today, 5), far, "B7654321"),
                self.expatriate(self.daughter, "Mariam Ahmed", "مريم أحمد", daughter_birth, "female",
                                "child_of_kuwaiti", days(today, 30), far, "C1111111"),
                {"civil_id": self.newborn, "name": {"en": "Yousef Ahmed", "ar": "يوسف أحمد"},
                 "birth_date": iso(newborn_birth), "sex": "male", "nationality": "EGY",
                 "passport": {"number": "D2222222", "country": "EGY", "expires": iso(add_years(today, 5))}},
            ],
            "marriages": [{"wife": self.mother, "husband": self.husband, "status": "married"}],
            "parents": [{"child": c, "mother": self.mother, "father": self.husband}
                        for c in (self.son, self.daughter, self.newborn)],
        }
        self.person(self.son)["licence"] = {"class": "private", "expires": iso(days(today, 40))}

    def expatriate(self, cid, en, ar, birth, sex, kind, expires, far, passport):
        return {"civil_id": cid, "name": {"en": en, "ar": ar}, "birth_date": iso(birth), "sex": sex,
                "nationality": "EGY",
                "residency": {"kind": kind, "issued": iso(add_years(expires, -1)), "expires": iso(expires),
                              "sponsor": self.mother},
                "passport": {"number": passport, "country": "EGY", "expires": iso(far)},
                "health_insurance_expires": iso(far)}

    def person(self, cid):
        return next(p for p in self.registry["persons"] if p["civil_id"] == cid)


vectors = []


def case(why, version, kind, who, *, years=1, form=None, mutate=None, today=None, actor=None,
         eligible, codes=(), new_expiry=None, total=None, limited_by="unchecked", lines=None, raw=None):
    """Adds one scenario. `who` picks the beneficiary ("husband", "son", ...); `mutate(h)` edits the
    household; the keyword arguments after it are the expectations checked against the driver."""
    today = today or version["today"]
    h = Household(today)
    if mutate:
        mutate(h)
    the_form = {"phone": "+965 9123 4567"}
    if years is not None:
        the_form["years"] = years
    the_form.update(form or {})
    request = raw if raw is not None else {
        "op": "evaluate", "today": iso(today),
        "transaction": {"kind": kind, "sponsor": h.mother, "beneficiary": getattr(h, who),
                        "actor": actor if actor is not None else {"role": "sponsor", "civil_id": h.mother},
                        "form": the_form},
        "registry": h.registry}
    expect = {"eligible": eligible, "codes": list(codes)}
    if new_expiry is not None:
        expect["new_expiry"] = iso(new_expiry(h) if callable(new_expiry) else new_expiry)
    if total is not None:
        expect["total_fils"] = total
    if limited_by != "unchecked":
        expect["limited_by"] = limited_by
    if lines is not None:  # [(code, amount_fils, confirmed)], in order
        expect["lines"] = [list(line) for line in lines]
    # A request that cannot be read, or has no version, is refused before a version is chosen.
    if not {"rulebook.no_version", "request.unknown_kind", "request.invalid_field", "registry.invalid"} & set(codes):
        expect["rulebook"] = version["name"]
    vectors.append({"why": f"[{version['name']}] {why}", "request": request, "_expect": expect})


def set_(cid_attr, path, value):
    """Mutation: sets registry field `path` (dotted) of a household member; None deletes it."""
    def mutate(h):
        node = h.person(getattr(h, cid_attr))
        *parents, leaf = path.split(".")
        for key in parents:
            node = node.setdefault(key, {})
        if value is None:
            node.pop(leaf, None)
        else:
            node[leaf] = value(h) if callable(value) else value
    return mutate


def expires(cid_attr, when):
    """Mutation: moves a residency's expiry (and its issue date, one year earlier)."""
    def mutate(h):
        residency = h.person(getattr(h, cid_attr))["residency"]
        residency["expires"], residency["issued"] = iso(when), iso(add_years(when, -1))
    return mutate


def both(*mutations):
    def mutate(h):
        for m in mutations:
            m(h)
    return mutate


def res_expiry(cid_attr):
    return lambda h: dt.date.fromisoformat(h.person(getattr(h, cid_attr))["residency"]["expires"])


# [SECTION] Scenarios, run for both rulebook versions

for V in VERSIONS:
    T = V["today"]
    fee = V["husband_fee"] + V["husband_insurance"]  # a year of residency and of health insurance
    fines_codes = ["fines.traffic"] if V["fines_block"] else []
    dues_codes = ["dues.utility"] if V["fines_block"] else []
    hfine = V["husband_fine"]

    # Husband's residency: the main path and every rule around it
    case("husband renews for 1 year inside the 90-day window", V, "renew_husband_residency", "husband",
         eligible=True, new_expiry=lambda h: add_years(res_expiry("husband")(h), 1), total=fee,
         lines=[("residency_fee", 10000, True)] if V["husband_fee"] == 10000 else  # res-957-2019
               [("residency_fee", 15000, False),         # husband-fee-2025: KD 15 or KD 10, disputed
                ("health_insurance_fee", 100000, False)])  # husband-insurance-2025: disputed
    case(f"husband renews for the longest term allowed ({V['husband_max']} years)", V, "renew_husband_residency",
         "husband", years=V["husband_max"], eligible=True,
         new_expiry=lambda h, n=V["husband_max"]: add_years(res_expiry("husband")(h), n), total=fee * V["husband_max"])
    case("one year more than the longest term is refused on the years field", V, "renew_husband_residency",
         "husband", years=V["husband_max"] + 1, eligible=False, codes=["form.years_range"])
    case("zero years is refused", V, "renew_husband_residency", "husband", years=0, eligible=False,
         codes=["form.years_range"])
    case("negative years is refused", V, "renew_husband_residency", "husband", years=-3, eligible=False,
         codes=["form.years_range"])
    case("the years question left unanswered is named", V, "renew_husband_residency", "husband", years=None,
         eligible=False, codes=["form.years_missing"])
    case("a missing phone is named on the phone field", V, "renew_husband_residency", "husband",
         form={"phone": ""}, eligible=False, codes=["phone.required"])
    case("a phone with a wrong prefix is refused", V, "renew_husband_residency", "husband",
         form={"phone": "81234567"}, eligible=False, codes=["phone.prefix"])
    case("a phone typed in Arabic-Indic digits is accepted", V, "renew_husband_residency", "husband",
         form={"phone": "٩٩٨٨٧٧٦٦"}, eligible=True, new_expiry=lambda h: add_years(res_expiry("husband")(h), 1),
         total=fee)
    case("91 days before expiry is too early", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, 91)), eligible=False, codes=["residency.too_early"])
    case("exactly 90 days before expiry the window is open", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, 90)), eligible=True,
         new_expiry=add_years(days(T, 90), 1), total=fee)
    case("a residency expiring today is renewed from its expiry, with no fine", V, "renew_husband_residency",
         "husband", mutate=expires("husband", T), eligible=True, new_expiry=add_years(T, 1),
         total=fee)
    case("expired yesterday: renewed from today with a 1-day late fine", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, -1)), eligible=True, new_expiry=add_years(T, 1),
         total=fee + 2000)
    case("expired 10 days ago: KD 2 a day late fine", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, -10)), eligible=True, new_expiry=add_years(T, 1),
         total=fee + 20000)
    case("expired 30 days ago: the first month's rate throughout", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, -30)), eligible=True, new_expiry=add_years(T, 1), total=fee + 60000)
    case("expired 45 days ago: KD 2 a day, or KD 4 a day after the first 30 where the version says so "
         "(overstay-2025, unconfirmed)", V, "renew_husband_residency", "husband",
         mutate=expires("husband", days(T, -45)), eligible=True, new_expiry=add_years(T, 1),
         total=fee + (90000 if not hfine[1] else 30 * 2000 + 15 * 4000),
         lines=([("residency_fee", V["husband_fee"], V is not V2025_12)]
                + ([("health_insurance_fee", 100000, False)] if V["husband_insurance"] else [])
                + [("late_fine", 90000 if not hfine[1] else 120000, not hfine[1])]))  # overstay-2019 / overstay-2025
    case("expired 400 days ago: the late fine is capped or not, as the version says", V,
         "renew_husband_residency", "husband", mutate=expires("husband", days(T, -400)),
         eligible=True, new_expiry=add_years(T, 1), total=fee + late_fine(400, hfine))
    case("expired 700 days ago: the late fine stops at the cap (KD 600 before 2025, KD 1,200 after)", V,
         "renew_husband_residency", "husband", mutate=expires("husband", days(T, -700)), eligible=True,
         new_expiry=add_years(T, 1), total=fee + hfine[2])
    case("unpaid traffic fines block only where the version says so", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.traffic_fines_fils", 35000), eligible=not V["fines_block"], codes=fines_codes,
         **({} if V["fines_block"] else {"total": fee}))
    case("unpaid electricity and water dues block only where the version says so", V, "renew_husband_residency",
         "husband", mutate=set_("husband", "holds.utility_dues_fils", 12500), eligible=not V["fines_block"],
         codes=dues_codes, **({} if V["fines_block"] else {"total": fee}))
    case("fines and dues together are both named", V, "renew_husband_residency", "husband",
         mutate=both(set_("husband", "holds.traffic_fines_fils", 1000), set_("husband", "holds.utility_dues_fils", 1)),
         eligible=not V["fines_block"], codes=fines_codes + dues_codes)
    case("a security hold blocks the renewal", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.security_hold", True), eligible=False, codes=["hold.security"])
    case("abroad for 30 days: renew once back in Kuwait", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.outside_kuwait_since", iso(days(T, -30))), eligible=False,
         codes=["abroad.outside_kuwait"])
    case("abroad for exactly 183 days: still only asked to come back", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.outside_kuwait_since", iso(days(T, -183))), eligible=False,
         codes=["abroad.outside_kuwait"])
    case("abroad for 184 days: the husband's residency has lapsed", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.outside_kuwait_since", iso(days(T, -184))), eligible=False,
         codes=["abroad.residency_lapsed"])
    case("no residency on record: nothing to renew", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "residency", None), eligible=False, codes=["residency.missing"])
    case("a residency sponsored by someone else cannot be renewed by the wife", V, "renew_husband_residency",
         "husband", mutate=set_("husband", "residency.sponsor", lambda h: h.son), eligible=False,
         codes=["residency.other_sponsor"])
    case("no marriage on record between them", V, "renew_husband_residency", "husband",
         mutate=lambda h: h.registry.update(marriages=[]), eligible=False, codes=["relation.not_husband"])
    case("a divorced marriage cannot carry the residency", V, "renew_husband_residency", "husband",
         mutate=lambda h: h.registry["marriages"][0].update(status="divorced"), eligible=False,
         codes=["relation.marriage_ended"])
    case("a widow's late marriage cannot carry the residency", V, "renew_husband_residency", "husband",
         mutate=lambda h: h.registry["marriages"][0].update(status="widowed"), eligible=False,
         codes=["relation.marriage_ended"])
    case("the son cannot be renewed as a husband", V, "renew_husband_residency", "son", eligible=False,
         codes=["relation.not_husband", "residency.too_early"])
    case("a non-Kuwaiti sponsor is not served", V, "renew_husband_residency", "husband",
         mutate=set_("mother", "nationality", "JOR"), eligible=False, codes=["sponsor.not_kuwaiti_woman"])
    case("a naturalised Kuwaiti woman is served like any Kuwaiti woman", V, "renew_husband_residency", "husband",
         mutate=set_("mother", "kuwaiti_by", "naturalisation"), eligible=True, total=fee)
    case("a husband who is Kuwaiti needs no residency", V, "renew_husband_residency", "husband",
         mutate=both(set_("husband", "nationality", "KWT"), set_("husband", "kuwaiti_by", "birth")), eligible=False, codes=["beneficiary.kuwaiti"])
    case("someone else signed in as the sponsor is refused", V, "renew_husband_residency", "husband",
         actor={"role": "sponsor", "civil_id": "280010101234"}, eligible=False, codes=["actor.not_sponsor"])
    case("a center operator may ask on the sponsor's behalf", V, "renew_husband_residency", "husband",
         actor={"role": "operator", "civil_id": "280010101234"}, eligible=True, total=fee)
    case("no passport on record", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "passport", None), eligible=False, codes=["passport.missing"])
    case("an expired passport", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "passport.expires", iso(days(T, -1))), eligible=False, codes=["passport.expired"])
    pm = V["passport_months"]
    case(f"a passport one day short of the {pm}-month margin", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "passport.expires", iso(days(add_months(T, pm), -1))), eligible=False,
         codes=["passport.too_short"])
    case(f"a passport valid exactly {pm} months: the new term stops at the passport", V,
         "renew_husband_residency", "husband", mutate=set_("husband", "passport.expires", iso(add_months(T, pm))),
         eligible=True, new_expiry=add_months(T, pm), total=fee, limited_by="passport")
    case("a passport 7 months out: accepted under a 6-month margin, refused under 12", V,
         "renew_husband_residency", "husband", mutate=set_("husband", "passport.expires", iso(add_months(T, 7))),
         eligible=pm <= 7, codes=[] if pm <= 7 else ["passport.too_short"],
         **({"new_expiry": add_months(T, 7), "limited_by": "passport"} if pm <= 7 else {}))
    case("no health insurance on record", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "health_insurance_expires", None), eligible=False, codes=["insurance.missing"])
    case("health insurance ended yesterday", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "health_insurance_expires", iso(days(T, -1))), eligible=False,
         codes=["insurance.expired"])
    case("health insurance ending before the residency does: no day can be gained", V,
         "renew_husband_residency", "husband", mutate=set_("husband", "health_insurance_expires", iso(days(T, 10))),
         eligible=False, codes=["insurance.limits_term"])
    case("health insurance ending on the residency's expiry day: no day can be gained", V,
         "renew_husband_residency", "husband", mutate=set_("husband", "health_insurance_expires", iso(days(T, 30))),
         eligible=False, codes=["insurance.limits_term"])
    case("health insurance ending 200 days out limits the new term", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "health_insurance_expires", iso(days(T, 200))), eligible=True,
         new_expiry=days(T, 200), total=fee, limited_by="health_insurance")
    case("several failures are all listed, in rule order", V, "renew_husband_residency", "husband",
         mutate=both(set_("husband", "holds.security_hold", True), set_("husband", "passport", None),
                     set_("husband", "health_insurance_expires", None)), years=0, eligible=False,
         codes=["hold.security", "form.years_range", "passport.missing", "insurance.missing"])

    # Dates at the edges
    leap = dt.date(2028, 2, 29)
    if V is V2025_12:
        case("a residency expiring on 29 Feb 2028 renewed for 1 year ends on 28 Feb 2029", V,
             "renew_husband_residency", "husband", today=dt.date(2028, 1, 15),
             mutate=expires("husband", leap), eligible=True,
             new_expiry=dt.date(2029, 2, 28), total=fee)
        case("a residency expiring on 29 Feb 2028 renewed for 4 years ends on 29 Feb 2032", V,
             "renew_husband_residency", "husband", years=4, today=dt.date(2028, 1, 15),
             mutate=expires("husband", leap), eligible=True,
             new_expiry=dt.date(2032, 2, 29), total=4 * fee)
        case("a month-end expiry (31 Jan) renewed for 1 year keeps the 31st", V, "renew_husband_residency",
             "husband", today=dt.date(2027, 1, 1), mutate=expires("husband", dt.date(2027, 1, 31)),
             eligible=True, new_expiry=dt.date(2028, 1, 31), total=fee)
    if V is V2019:
        case("expiring on 29 Feb 2020 renewed for 1 year: 28 Feb 2021", V, "renew_husband_residency", "husband",
             today=dt.date(2020, 1, 10), mutate=expires("husband", dt.date(2020, 2, 29)), eligible=True,
             new_expiry=dt.date(2021, 2, 28), total=fee)

    # Child's residency
    cmax = V["child_max"]
    case("daughter renews for 1 year, free of fees", V, "renew_child_residency", "daughter", eligible=True,
         new_expiry=lambda h: add_years(res_expiry("daughter")(h), 1), total=0)
    case(f"daughter renews for the longest term ({cmax} years)", V, "renew_child_residency", "daughter",
         years=cmax, eligible=True, new_expiry=lambda h, n=cmax: add_years(res_expiry("daughter")(h), n), total=0)
    case("one year past the children's longest term is refused", V, "renew_child_residency", "daughter",
         years=cmax + 1, eligible=False, codes=["form.years_range"])
    case("the son's residency is not yet in its window (5 years left)", V, "renew_child_residency", "son",
         eligible=False, codes=["residency.too_early"])
    age21 = dt.date(T.year - 21, T.month, T.day)
    age21_tomorrow = days(age21, 1)
    for label, birth, over in (("turning 21 today", age21, True), ("turning 21 tomorrow", age21_tomorrow, False)):
        def m(h, birth=birth):
            p = h.person(h.son)
            old = p["civil_id"]
            new = civil_id(birth, 300)
            p["civil_id"], p["birth_date"] = new, iso(birth)
            p["residency"]["expires"], p["residency"]["issued"] = iso(days(T, 20)), iso(add_years(days(T, 20), -1))
            for rel in h.registry["parents"]:
                if rel["child"] == old:
                    rel["child"] = new
            h.son = new
        limited = V is V2019 and over
        case(f"a son {label}: sons of 21 need their own residency only under the old rules", V,
             "renew_child_residency", "son", mutate=m, eligible=not limited,
             codes=["child.son_over_age"] if limited else [], **({} if limited else {"total": 0}))
    case("a daughter's birth date edited away from her civil ID is a contradiction", V, "renew_child_residency", "daughter",
         mutate=set_("daughter", "birth_date", "1990-01-01"), eligible=False, codes=["registry.birth_date_mismatch"])
    case("the child of another mother is not hers to renew", V, "renew_child_residency", "daughter",
         mutate=lambda h: h.registry["parents"][1].update(mother=h.husband), eligible=False,
         codes=["relation.not_child"])
    case("a child with no parent record", V, "renew_child_residency", "daughter",
         mutate=lambda h: h.registry.update(parents=[]), eligible=False, codes=["relation.not_child"])
    case("a Kuwaiti child needs no residency", V, "renew_child_residency", "daughter",
         mutate=both(set_("daughter", "nationality", "KWT"), set_("daughter", "kuwaiti_by", "naturalisation")),
         eligible=False, codes=["beneficiary.kuwaiti"])
    case("an expired child residency carries no late fine", V, "renew_child_residency", "daughter",
         mutate=expires("daughter", days(T, -50)), eligible=True, new_expiry=add_years(T, 1),
         total=0)
    case("child abroad 200 days, mother Kuwaiti by birth: exempt from the lapse, asked to come back", V,
         "renew_child_residency", "daughter", mutate=set_("daughter", "holds.outside_kuwait_since",
                                                          iso(days(T, -200))),
         eligible=False, codes=["abroad.outside_kuwait"])
    case("child abroad 200 days, mother naturalised: the residency has lapsed", V, "renew_child_residency",
         "daughter", mutate=both(set_("daughter", "holds.outside_kuwait_since", iso(days(T, -200))),
                                 set_("mother", "kuwaiti_by", "naturalisation")),
         eligible=False, codes=["abroad.residency_lapsed"])
    # The mother's nationality: the family provisions are for a mother Kuwaiti by birth (terms-2025,
    # children-fee-2025, naturalised-mother-fee); before 2025 no source tells the two apart.
    natural = set_("mother", "kuwaiti_by", "naturalisation")
    nmax, nfee, ins = V["naturalised_child_max"], V["naturalised_child_fee"], V["child_insurance"]
    case(f"a naturalised mother's daughter renews for at most {nmax} years", V, "renew_child_residency", "daughter",
         years=nmax, mutate=natural, eligible=True, total=nmax * (nfee + ins))
    case(f"a naturalised mother's daughter asking for {nmax + 1} years is refused", V, "renew_child_residency",
         "daughter", years=nmax + 1, mutate=natural, eligible=False, codes=["form.years_range"])
    case("a naturalised mother's daughter: KD 20 a year and KD 100 of health insurance from 23 Dec 2025, "
         "free before (naturalised-mother-fee, health-insurance-2025)", V, "renew_child_residency", "daughter",
         mutate=natural, eligible=True, total=nfee + ins,
         lines=[("residency_fee", nfee, V is not V2025_12)] + ([("health_insurance_fee", ins, True)] if ins else []))
    case("a daughter of a mother Kuwaiti by birth: no fee, health insurance shown waived from 23 Dec 2025 "
         "(children-fee-2025, health-insurance-2025)", V, "renew_child_residency", "daughter", eligible=True, total=0,
         lines=[("residency_fee", 0, True)] + ([("health_insurance_fee", 0, True)] if ins else []))

    # Employment: an employed husband or child needs a work residency (employment-2025, from 5 Jan 2025)
    refused = V["employment_refused"]
    case("a husband working for a private employer is not on the family residency where the version says so", V,
         "renew_husband_residency", "husband", mutate=set_("husband", "employment", "private"), eligible=not refused,
         codes=["employment.private_sector"] if refused else [])
    case("a daughter working for the government is not on the family residency where the version says so", V,
         "renew_child_residency", "daughter", mutate=set_("daughter", "employment", "government"), eligible=not refused,
         codes=["employment.government"] if refused else [])
    case("a husband recorded as not employed is renewed", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "employment", "none"), eligible=True, total=fee)
    case("an employment the registry does not know is incomplete data", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "employment", "freelance"), eligible=False, codes=["registry.invalid"])

    case("child's traffic fines block only where the version says so", V, "renew_child_residency", "daughter",
         mutate=set_("daughter", "holds.traffic_fines_fils", 5000), eligible=not V["fines_block"],
         codes=fines_codes)
    case("child's passport too short for the margin", V, "renew_child_residency", "daughter",
         mutate=set_("daughter", "passport.expires", iso(days(add_months(T, pm), -1))), eligible=False,
         codes=["passport.too_short"])
    case(f"child's {cmax}-year term stops at the passport's expiry", V, "renew_child_residency", "daughter",
         years=cmax, mutate=set_("daughter", "passport.expires", iso(add_years(T, 3))), eligible=True,
         new_expiry=add_years(T, 3), total=0, limited_by="passport")
    case("child's health insurance missing", V, "renew_child_residency", "daughter",
         mutate=set_("daughter", "health_insurance_expires", None), eligible=False, codes=["insurance.missing"])
    def younger_mother(h):
        birth = dt.date(2015, 1, 1)
        new = civil_id(birth, 100)
        h.person(h.mother).update(civil_id=new, birth_date=iso(birth))
        for p in h.registry["persons"]:
            if "residency" in p:
                p["residency"]["sponsor"] = new
        h.registry["marriages"][0]["wife"] = new
        for rel in h.registry["parents"]:
            rel["mother"] = new
        h.mother = new
    case("a mother recorded as younger than her child is a registry contradiction", V, "renew_child_residency",
         "daughter", mutate=younger_mother, eligible=False, codes=["registry.mother_younger_than_child"])

    # Child's driving licence
    ly = V["licence_years"]
    case(f"son renews his licence 40 days before expiry: {ly} years, within the residency", V,
         "renew_child_licence", "son", years=None, eligible=True,
         new_expiry=lambda h, n=ly: min(add_years(days(T, 40), n), add_years(T, 5)), total=10000,
         limited_by=None if add_years(days(T, 40), ly) <= add_years(T, 5) else "residency")
    case("the licence never outlasts the residency (residency 2 years out)", V, "renew_child_licence", "son",
         years=None, mutate=expires("son", add_years(T, 2)), eligible=True,
         new_expiry=add_years(T, 2), total=10000, limited_by="residency")
    case("a residency ending before the licence: renew the residency first", V, "renew_child_licence", "son",
         years=None, mutate=expires("son", days(T, 20)), eligible=False,
         codes=["residency.limits_licence"])
    case("a residency ending on the licence's expiry day gains nothing", V, "renew_child_licence", "son",
         years=None, mutate=expires("son", days(T, 40)), eligible=False,
         codes=["residency.limits_licence"])
    case("an expired residency blocks the licence", V, "renew_child_licence", "son", years=None,
         mutate=expires("son", days(T, -1)), eligible=False, codes=["residency.expired"])
    case("no residency blocks the licence", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "residency", None), eligible=False, codes=["residency.missing"])
    case("licence more than 6 months from expiry: too early", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "licence.expires", iso(days(add_months(T, 6), 1))), eligible=False,
         codes=["licence.too_early"])
    case("licence exactly 6 months from expiry: the window is open", V, "renew_child_licence", "son",
         years=None, mutate=set_("son", "licence.expires", iso(add_months(T, 6))), eligible=True, total=10000,
         limited_by="residency" if add_years(add_months(T, 6), ly) > add_years(T, 5) else None)
    case("an expired licence is renewed from today", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "licence.expires", iso(days(T, -100))), eligible=True,
         new_expiry=add_years(T, ly), total=10000, limited_by=None)
    case("no licence on record", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "licence", None), eligible=False, codes=["licence.missing"])
    case("unpaid traffic fines always block a licence renewal", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "holds.traffic_fines_fils", 35000), eligible=False, codes=["fines.traffic"])
    case("a licence holder abroad is asked to come back", V, "renew_child_licence", "son", years=None,
         mutate=set_("son", "holds.outside_kuwait_since", iso(days(T, -5))), eligible=False,
         codes=["abroad.outside_kuwait"])
    for label, years_old, ok in (("turning 18 today", 18, True), ("17, a day short of 18", None, False)):
        birth = dt.date(T.year - 18, T.month, T.day) if years_old else days(dt.date(T.year - 18, T.month, T.day), 1)

        def m(h, birth=birth):
            p = h.person(h.son)
            old, new = p["civil_id"], civil_id(birth, 300)
            p["civil_id"], p["birth_date"] = new, iso(birth)
            for rel in h.registry["parents"]:
                if rel["child"] == old:
                    rel["child"] = new
            h.son = new
        case(f"a licence holder {label}", V, "renew_child_licence", "son", years=None, mutate=m, eligible=ok,
             codes=[] if ok else ["licence.under_age"])
    case("the husband's licence is not a child's licence", V, "renew_child_licence", "husband", years=None,
         eligible=False, codes=["relation.not_child", "licence.missing"])
    case("the licence form needs only a phone", V, "renew_child_licence", "son", years=None,
         form={"phone": "not a phone"}, eligible=False, codes=["phone.not_digits"])

    # Newborn's first residency: within 60 days before 2025 (newborn-2019), four months after
    # (newborn-2025), then a daily fine (dl-114-2024: KD 2, KD 4 after the first 30 days, up to KD 2,000)
    unit, length = V["newborn_window"]
    window = f"{length}-{'day' if unit == 'days' else 'month'} window"
    due_of = (lambda birth: days(birth, length)) if unit == "days" else (lambda birth: add_months(birth, length))
    birth_of = (lambda due: days(due, -length)) if unit == "days" else (lambda due: add_months(due, -length))
    nfine = V["newborn_fine"]
    opm = V["other_passport_months"]

    def born(birth):
        def m(h):
            p = h.person(h.newborn)
            old, new = p["civil_id"], civil_id(birth, 500)
            p["civil_id"], p["birth_date"] = new, iso(birth)
            for rel in h.registry["parents"]:
                if rel["child"] == old:
                    rel["child"] = new
            h.newborn = new
        return m

    case("newborn of 60 days gets a first residency, free, no fine", V, "issue_newborn_residency", "newborn",
         eligible=True, new_expiry=add_years(T, 1), total=0)
    case(f"newborn for {cmax} years, limited by the baby's 5-year passport", V, "issue_newborn_residency",
         "newborn", years=cmax, eligible=True, new_expiry=add_years(T, 5), total=0,
         limited_by="passport" if cmax > 5 else None)
    case(f"registered on the last day of the {window}: no fine", V, "issue_newborn_residency", "newborn",
         mutate=born(birth_of(T)), eligible=True, total=0)
    b1 = days(birth_of(T), -1)
    late1 = (T - due_of(b1)).days
    case(f"one day past the {window}: a fine for {late1} day(s)", V, "issue_newborn_residency", "newborn",
         mutate=born(b1), eligible=True, total=late_fine(late1, nfine))
    b45 = birth_of(days(T, -45))
    late45 = (T - due_of(b45)).days
    case(f"{late45} days late: KD 2 a day, or KD 4 a day after 30 days where the version says so "
         f"(dl-114-2024)", V, "issue_newborn_residency", "newborn", mutate=born(b45), eligible=True,
         total=late45 * 2000 if not nfine[1] else 30 * 2000 + (late45 - 30) * 4000,
         lines=[("residency_fee", 0, True)] + ([("health_insurance_fee", 0, True)] if ins else [])
               + [("late_fine", late_fine(late45, nfine), V is not V2019)])  # 2019's KD 2 a day is practice
    b30 = birth_of(days(T, -30))
    late30 = (T - due_of(b30)).days
    case(f"{late30} days late: at the step, still the first rate", V, "issue_newborn_residency", "newborn",
         mutate=born(b30), eligible=True, total=late30 * 2000)
    b_old = birth_of(days(T, -1100))
    case(f"1100 days late: the fine stops at the cap (KD {nfine[2] // 1000})", V, "issue_newborn_residency",
         "newborn", mutate=born(b_old), eligible=True, total=nfine[2])
    # Health insurance (health-insurance-2025): a naturalised mother's newborn is waived in its first
    # four months only, then pays like her other children.
    case("a naturalised mother's newborn of 60 days: health insurance waived in the first 4 months", V,
         "issue_newborn_residency", "newborn", mutate=natural, eligible=True, total=nfee,
         lines=[("residency_fee", nfee, V is not V2025_12)] + ([("health_insurance_fee", 0, True)] if ins else []))
    b5 = add_months(T, -5)
    case("a naturalised mother's newborn of 5 months pays health insurance, and the late fine if any", V,
         "issue_newborn_residency", "newborn", mutate=both(natural, born(b5)), eligible=True,
         total=nfee + ins + late_fine((T - due_of(b5)).days, nfine))
    case("a child who already holds a residency is not a newborn case", V, "issue_newborn_residency",
         "daughter", eligible=False, codes=["newborn.has_residency"])
    case("a newborn without a passport", V, "issue_newborn_residency", "newborn",
         mutate=set_("newborn", "passport", None), eligible=False, codes=["passport.missing"])
    case(f"a newborn's passport one day short of the {opm}-month margin", V, "issue_newborn_residency", "newborn",
         mutate=set_("newborn", "passport.expires", iso(days(add_months(T, opm), -1))), eligible=False,
         codes=["passport.too_short"])
    case("a newborn abroad is registered once in Kuwait", V, "issue_newborn_residency", "newborn",
         mutate=set_("newborn", "holds.outside_kuwait_since", iso(days(T, -10))), eligible=False,
         codes=["abroad.outside_kuwait"])
    case("a newborn needs no health insurance", V, "issue_newborn_residency", "newborn",
         mutate=set_("newborn", "health_insurance_expires", None), eligible=True, total=0)
    case("a newborn of another mother", V, "issue_newborn_residency", "newborn",
         mutate=lambda h: h.registry["parents"][2].update(mother=h.daughter), eligible=False,
         codes=["relation.not_child"])
    case("a newborn's birth date after today is a registry contradiction", V, "issue_newborn_residency",
         "newborn", mutate=born(days(T, 3)), eligible=False, codes=["registry.born_after_today"])
    case("newborn form without years", V, "issue_newborn_residency", "newborn", years=None, eligible=False,
         codes=["form.years_missing"])

    # Moving a residency to a new passport
    new_pp = {"new_passport_number": "N9876543", "new_passport_country": "EGY",
              "new_passport_expires": iso(add_years(T, 10))}
    case("husband's residency moves to a new passport, expiry unchanged", V, "transfer_residency_passport",
         "husband", years=None, form=new_pp, eligible=True, new_expiry=lambda h: res_expiry("husband")(h), total=0)
    case("a daughter's residency moves to a new passport", V, "transfer_residency_passport", "daughter",
         years=None, form=new_pp, eligible=True, total=0)
    case("the son's residency (5 years) is cut to a new passport valid 4 years", V,
         "transfer_residency_passport", "son", years=None,
         form=dict(new_pp, new_passport_expires=iso(add_years(T, 4))), eligible=True, new_expiry=add_years(T, 4),
         total=0, limited_by="passport")
    case("passport number typed in lower case with spaces matches the current one", V,
         "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_number="a123 4567"), eligible=False, codes=["transfer.same_passport"])
    case("a new passport too short for the margin", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_expires=iso(days(add_months(T, opm), -1))), eligible=False,
         codes=["transfer.new_passport_too_short"])
    case("a passport number of 5 characters", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_number="AB123"), eligible=False, codes=["form.passport_number"])
    case("a passport number with punctuation", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_number="AB#12345"), eligible=False, codes=["form.passport_number"])
    case("a country written out instead of its code", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_country="Egypt"), eligible=False, codes=["form.passport_country"])
    case("a country code in lower case is accepted", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_country="egy"), eligible=True, total=0)
    case("an impossible expiry date (30 Feb)", V, "transfer_residency_passport", "husband", years=None,
         form=dict(new_pp, new_passport_expires=f"{T.year + 5}-02-30"), eligible=False,
         codes=["form.passport_expiry"])
    case("the whole passport form left empty names every field", V, "transfer_residency_passport", "husband",
         years=None, form={"new_passport_number": "", "new_passport_country": "", "new_passport_expires": ""},
         eligible=False, codes=["form.passport_number", "form.passport_country", "form.passport_expiry"])
    case("an expired residency cannot be moved; renew it instead", V, "transfer_residency_passport", "husband",
         years=None, form=new_pp, mutate=expires("husband", days(T, -3)), eligible=False,
         codes=["residency.expired"])
    case("no residency to move", V, "transfer_residency_passport", "husband", years=None, form=new_pp,
         mutate=set_("husband", "residency", None), eligible=False, codes=["residency.missing"])
    case("a residency sponsored by someone else is not hers to move", V, "transfer_residency_passport",
         "husband", years=None, form=new_pp, mutate=set_("husband", "residency.sponsor", lambda h: h.son),
         eligible=False, codes=["residency.other_sponsor"])
    case("a stranger's residency", V, "transfer_residency_passport", "husband", years=None, form=new_pp,
         mutate=lambda h: h.registry.update(marriages=[]), eligible=False, codes=["relation.not_family"])
    case("a divorced husband's residency", V, "transfer_residency_passport", "husband", years=None,
         form=new_pp, mutate=lambda h: h.registry["marriages"][0].update(status="divorced"), eligible=False,
         codes=["relation.marriage_ended"])
    tblock = V["transfer_fines_block"]
    case("fines block a passport transfer only where the version says so", V, "transfer_residency_passport",
         "husband", years=None, form=new_pp, mutate=set_("husband", "holds.traffic_fines_fils", 20000),
         eligible=not tblock, codes=["fines.traffic"] if tblock else [], **({} if tblock else {"total": 0}))
    # passport-update-2014: a fee whose amount was not found (charged KD 0, unconfirmed); two months
    # after the old passport expired, KD 2 a day up to KD 600 (unconfirmed under the 2025 law).
    confirmed_2014 = V is V2019
    case("the transfer fee's amount was not found: KD 0, marked unconfirmed", V, "transfer_residency_passport",
         "husband", years=None, form=new_pp, eligible=True, total=0, lines=[("transfer_fee", 0, False)])
    old_expired = lambda when: set_("husband", "passport.expires", iso(when))
    case("the old passport expired a month ago: within the two-month grace, no fine", V,
         "transfer_residency_passport", "husband", years=None, form=new_pp,
         mutate=old_expired(add_months(T, -1)), eligible=True, total=0)
    expired3 = add_months(T, -3)
    late3 = (T - add_months(expired3, 2)).days
    case(f"the old passport expired 3 months ago: {late3} days past the grace at KD 2 a day", V,
         "transfer_residency_passport", "husband", years=None, form=new_pp, mutate=old_expired(expired3),
         eligible=True, total=late3 * 2000, lines=[("transfer_fee", 0, False), ("late_fine", late3 * 2000, confirmed_2014)])
    case("the old passport expired two years ago: the fine stops at KD 600", V, "transfer_residency_passport",
         "husband", years=None, form=new_pp, mutate=old_expired(add_years(T, -2)), eligible=True, total=600000)

    # Registry data that cannot be trusted
    case("sponsor's civil ID not in the registry", V, "renew_husband_residency", "husband",
         mutate=lambda h: setattr(h, "mother", "280010101234"), eligible=False,
         codes=["registry.sponsor_missing"])
    case("beneficiary's civil ID not in the registry", V, "renew_husband_residency", "husband",
         mutate=lambda h: setattr(h, "husband", "280010101234"), eligible=False,
         codes=["registry.beneficiary_missing"])
    case("a birth date that disagrees with the civil ID", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "birth_date", "1975-06-16"), eligible=False, codes=["registry.birth_date_mismatch"])
    case("a Kuwaiti without saying by birth or naturalisation is incomplete data", V, "renew_husband_residency",
         "husband", mutate=set_("mother", "kuwaiti_by", None), eligible=False, codes=["registry.invalid"])
    case("a registry civil ID with a wrong check digit", V, "renew_husband_residency", "husband",
         mutate=lambda h: (h.person(h.husband).update(civil_id=h.husband[:11] + str((int(h.husband[11]) + 1) % 10)),
                           h.registry["marriages"][0].update(husband=h.husband[:11] + str((int(h.husband[11]) + 1) % 10)),
                           setattr(h, "husband", h.husband[:11] + str((int(h.husband[11]) + 1) % 10))),
         eligible=False, codes=["registry.invalid"])
    case("a residency that ends before it was issued", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "residency.issued", iso(add_years(T, 3))), eligible=False,
         codes=["registry.document_dates"])
    case("an impossible date in the registry (31 April)", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "passport.expires", f"{T.year + 3}-04-31"), eligible=False,
         codes=["registry.invalid"])
    case("a negative fine amount in the registry", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.traffic_fines_fils", -5), eligible=False, codes=["registry.invalid"])
    case("a fine amount written as text", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "holds.traffic_fines_fils", "35"), eligible=False, codes=["registry.invalid"])
    case("an unknown sex value", V, "renew_husband_residency", "husband",
         mutate=set_("husband", "sex", "x"), eligible=False, codes=["registry.invalid"])
    case("an unknown marriage status", V, "renew_husband_residency", "husband",
         mutate=lambda h: h.registry["marriages"][0].update(status="engaged"), eligible=False,
         codes=["registry.invalid"])
    case("persons given as an object, not a list", V, "renew_husband_residency", "husband",
         mutate=lambda h: h.registry.update(persons={}), eligible=False, codes=["registry.invalid"])
    case("a person without a civil ID and without a birth date", V, "renew_husband_residency", "husband",
         mutate=lambda h: (h.person(h.son).pop("civil_id"), h.person(h.husband).pop("birth_date")),
         eligible=False, codes=["registry.invalid", "registry.invalid"])

    # The request itself
    case("an unknown transaction kind", V, "renew_wife_visa", "husband", eligible=False,
         codes=["request.unknown_kind"])
    case("years sent as text", V, "renew_husband_residency", "husband", years="2", eligible=False,
         codes=["request.invalid_field"])
    case("the actor without a role or civil ID", V, "renew_husband_residency", "husband", actor={}, eligible=False,
         codes=["request.invalid_field", "request.invalid_field"])
    case("an unknown actor role", V, "renew_husband_residency", "husband",
         actor={"role": "minister", "civil_id": "280010101234"}, eligible=False, codes=["request.invalid_field"])

# [SECTION] The days the law changed: on the day before and on the day, the figures then in force

def around(day, before, after):
    """(the day before `day` with the version `before`), (`day` with `after`)."""
    return ((days(day, -1), before), (day, after))


case("30 Nov 2019 is before any rulebook version", V2019, "renew_husband_residency", "husband",
     today=dt.date(2019, 11, 30), eligible=False, codes=["rulebook.no_version"])
case("1 Dec 2019, the first day of the old rules: KD 10 a year (res-957-2019)", V2019, "renew_husband_residency",
     "husband", today=dt.date(2019, 12, 1), eligible=True, total=10000)
law_2025 = dt.date(2025, 1, 5)  # dl-114-2024: in force Sunday 5 January 2025
for day, V in around(law_2025, V2019, V2025_01):
    old = V is V2019
    case(f"{day}: expired 45 days ago, fined KD 2 a day" + (" (overstay-2019)" if old else
         ", then KD 4 after 30 days (overstay-2025)"), V, "renew_husband_residency", "husband", today=day,
         mutate=expires("husband", days(day, -45)), eligible=True,
         total=10000 + (45 * 2000 if old else 30 * 2000 + 15 * 4000))
    case(f"{day}: 2 years for the husband, " + ("over the 1-year term (husband-term)" if old else
         "within the 5-year term (terms-2025)"), V, "renew_husband_residency", "husband", years=2, today=day,
         eligible=not old, codes=["form.years_range"] if old else [], **({} if old else {"total": 20000}))
    case(f"{day}: a newborn of 70 days, " + ("10 days past the 60-day window (newborn-2019)" if old else
         "inside the 4-month window (newborn-2025)"), V, "issue_newborn_residency", "newborn", today=day,
         mutate=born(days(day, -70)),
         eligible=True, total=20000 if old else 0)
    case(f"{day}: an employed husband " + ("was not refused before the law" if old else
         "needs a work residency (employment-2025)"), V, "renew_husband_residency", "husband", today=day,
         mutate=set_("husband", "employment", "private"), eligible=old,
         codes=[] if old else ["employment.private_sector"])
decision_425 = dt.date(2025, 3, 23)  # decision-425-2025: the day of the earliest report
for day, V in around(decision_425, V2025_01, V2025_03):
    term = V["licence_years"]
    case(f"{day}: a son's licence is renewed for {term} years (" +
         ("moi-licence-2023" if term == 3 else "decision-425-2025") + ")", V, "renew_child_licence", "son",
         years=None, today=day, mutate=expires("son", add_years(day, 8)), eligible=True,
         new_expiry=add_years(days(day, 40), term), total=10000, limited_by=None)
fees_2025 = dt.date(2025, 12, 23)  # res-2249-2025
for day, V in around(fees_2025, V2025_03, V2025_12):
    new = V is V2025_12
    case(f"{day}: the husband pays " + ("KD 15 a year and KD 100 of health insurance (husband-fee-2025, "
         "husband-insurance-2025)" if new else "KD 10 a year (res-957-2019)"), V, "renew_husband_residency",
         "husband", today=day, eligible=True, total=115000 if new else 10000)
    case(f"{day}: a naturalised mother's daughter pays " + ("KD 20 a year and KD 100 of health insurance "
         "(naturalised-mother-fee, health-insurance-2025)" if new else "nothing"), V, "renew_child_residency",
         "daughter", today=day, mutate=set_("mother", "kuwaiti_by", "naturalisation"), eligible=True,
         total=120000 if new else 0)

# [SECTION] Requests that are not decisions at all

raw_cases = [
    ("today is an impossible date", {"op": "evaluate", "today": "2026-02-30",
                                     "transaction": {"kind": "renew_child_licence"}, "registry": {}},
     ["request.invalid_field", "request.invalid_field", "request.invalid_field", "request.invalid_field"]),
    ("no today, no transaction, no registry", {"op": "evaluate"},
     ["request.invalid_field", "request.invalid_field", "registry.invalid"]),
    ("the registry is a list", {"op": "evaluate", "today": "2026-02-01",
                                "transaction": {"kind": "renew_child_licence", "sponsor": "1", "beneficiary": "2",
                                                "actor": {"role": "sponsor", "civil_id": "1"}},
                                "registry": []}, ["registry.invalid"]),
    ("an empty registry finds nobody", {"op": "evaluate", "today": "2026-02-01",
                                        "transaction": {"kind": "renew_child_licence", "sponsor": "1",
                                                        "beneficiary": "2",
                                                        "actor": {"role": "sponsor", "civil_id": "1"}, "form": {}},
                                        "registry": {}},
     ["registry.sponsor_missing", "registry.beneficiary_missing"]),
]
for why, request, codes in raw_cases:
    vectors.append({"why": why, "request": request,
                    "_expect": {"eligible": False, "codes": codes}})
vectors.append({"why": "an unknown op is a malformed request", "request": {"op": "delete", "today": "2026-02-01"},
                "_expect": {"malformed": "request.unknown_op"}})
vectors.append({"why": "an op that is not a string is a malformed request", "request": {"op": 5},
                "_expect": {"malformed": "request.unknown_op"}})


def main():
    lines = [json.dumps(v["request"], ensure_ascii=False, separators=(",", ":")) for v in vectors]
    answer = subprocess.run([str(DRIVER)], input="\n".join(lines) + "\n", capture_output=True, text=True,
                            check=True).stdout.splitlines()
    assert len(answer) == len(vectors)
    failures = 0
    with OUT.open("w") as out:
        for v, line in zip(vectors, answer):
            got = json.loads(line)
            want = v["_expect"]
            if "malformed" in want:
                ok = got.get("ok") is False and got["errors"][0]["code"] == want["malformed"]
            else:
                ok = (got["eligible"] == want["eligible"]
                      and [r["code"] for r in got["reasons"]] == want["codes"]
                      and ("new_expiry" not in want or got["new_expiry"] == want["new_expiry"])
                      and ("total_fils" not in want or got["fees"]["total_fils"] == want["total_fils"])
                      and ("limited_by" not in want or got["limited_by"] == want["limited_by"])
                      and ("rulebook" not in want or got["rulebook"] == want["rulebook"])
                      and ("lines" not in want or [[line["code"], line["amount_fils"], line["confirmed"]]
                                                   for line in got["fees"]["lines"]] == want["lines"]))
            if not ok:
                failures += 1
                brief = {k: got.get(k) for k in ("eligible", "new_expiry", "limited_by")}
                brief["codes"] = [r["code"] for r in got.get("reasons", [])]
                brief["total"] = got.get("fees", {}).get("total_fils")
                brief["rulebook"] = got.get("rulebook")
                brief["lines"] = [[line["code"], line["amount_fils"], line["confirmed"]] for line in got.get("fees", {}).get("lines", [])]
                print(f"MISMATCH {v['why']}\n  want {want}\n  got  {brief}", file=sys.stderr)
            out.write(json.dumps({"why": v["why"], "request": v["request"], "expect": got}, ensure_ascii=False,
                                 separators=(",", ":")) + "\n")
    print(f"{len(vectors)} vectors, {failures} mismatches")
    if failures:
        OUT.unlink()
        sys.exit(1)


if __name__ == "__main__":
    main()
