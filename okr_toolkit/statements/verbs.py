"""Verbs: the vocabulary of verbs by kind, with their inflected forms."""

from __future__ import annotations

_ACT, _KPI, _UP, _DOWN, _POLAR, _REACH, _BE, _OBJ, _MAKE = (
    "act",
    "kpi",
    "up",
    "down",
    "polar",
    "reach",
    "be",
    "obj",
    "make",
)

_VERB_BASES: dict[str, str] = {
    _UP: (
        "increase grow raise lift boost expand scale climb double triple quadruple uplift "
        "maximise maximize elevate amplify multiply widen broaden extend bump push rise "
        "step_up ramp_up scale_up level_up up save"
    ),
    _DOWN: (
        "reduce cut lower decrease shrink drop minimise minimize halve slash trim shorten "
        "compress curb lessen eliminate eradicate decline bring_down cut_down pay_down "
        "burn_down zero_out get_rid speed_up drive_down knock_down down"
    ),
    _POLAR: "improve optimise optimize enhance strengthen accelerate better move shift",
    _REACH: (
        "achieve reach hit attain get exceed surpass beat cross break secure sign close land "
        "win acquire attract convert retain renew activate engage enroll enrol register sell "
        "book earn capture gain obtain generate drive realise realize bring receive score "
        "rank have see sign_up bring_in get_to return resolve respond answer serve handle process "
        "help"
    ),
    _BE: "be become",
    _KPI: (
        "maintain keep sustain remain stay ensure preserve protect defend uphold continue "
        "guarantee limit cap contain"
    ),
    _OBJ: "hold add deliver build create recruit onboard enter",
    _MAKE: "make do",
    _ACT: (
        "launch ship implement conduct run organise organize publish write hire open interview "
        "attend host migrate deploy complete design redesign develop introduce release "
        "document train send post produce record draft define establish automate integrate "
        "refactor rewrite upgrade install configure test prototype pilot audit review analyse "
        "analyze research survey call contact email visit meet present speak sponsor exhibit "
        "partner finalise finalize fix update translate localise localize map plan prepare "
        "schedule replace adopt select choose evaluate assess identify investigate explore "
        "start begin participate join apply submit file certify pass coach mentor teach "
        "educate brainstorm facilitate curate compile gather collect distribute print film "
        "edit code instrument track measure monitor set outline craft shoot negotiate pitch "
        "upskill refresh revamp overhaul rebuild restructure reorganise reorganize simplify "
        "streamline deprecate validate verify execute perform decommission sunset retire "
        "remove formalise formalize standardise standardize consolidate digitise digitize "
        "enable equip provide offer demo fill set_up roll_out reach_out kick_off stand_up spin_up "
        "clean_up phase_out put_in sign_off wrap_up"
    ),
}

# Irregular forms, mapped to their base.
_IRREGULAR = {
    "grew": "grow",
    "grown": "grow",
    "held": "hold",
    "built": "build",
    "kept": "keep",
    "won": "win",
    "sent": "send",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "began": "begin",
    "begun": "begin",
    "brought": "bring",
    "sold": "sell",
    "made": "make",
    "did": "do",
    "done": "do",
    "met": "meet",
    "became": "become",
    "spoke": "speak",
    "spoken": "speak",
    "paid": "pay",
    "got": "get",
    "gotten": "get",
    "rose": "rise",
    "risen": "rise",
    "chose": "choose",
    "chosen": "choose",
    "drove": "drive",
    "driven": "drive",
    "shot": "shoot",
    "stood": "stand",
    "broke": "break",
    "broken": "break",
    "saw": "see",
    "seen": "see",
    "had": "have",
    "has": "have",
    "was": "be",
    "is": "be",
    "are": "be",
    "been": "be",
}
_VOWELS = frozenset("aeiou")


def _forms(base: str) -> list[str]:
    """Inflected forms of a regular verb (a few wrong ones are harmless)."""
    out = [base, base + "s", base + "es", base + "ed", base + "d", base + "ing"]
    if base.endswith("e"):
        out.append(base[:-1] + "ing")
    if base.endswith("y") and base[-2:-1] not in _VOWELS:
        out += [base[:-1] + "ies", base[:-1] + "ied"]
    if (
        len(base) >= 3
        and base[-1] not in _VOWELS
        and base[-1] not in "wxy"
        and base[-2] in _VOWELS
        and base[-3] not in _VOWELS
    ):
        out += [base + base[-1] + "ed", base + base[-1] + "ing"]
    return out


def _build_verbs() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]], set[str]]:
    single: dict[str, tuple[str, str]] = {}
    double: dict[str, tuple[str, str]] = {}
    participles: set[str] = set()
    for kind, words in _VERB_BASES.items():
        for word in words.split():
            if "_" in word:
                head, tail = word.split("_")
                for form in _forms(head):
                    double.setdefault(f"{form} {tail}", (word.replace("_", " "), kind))
                continue
            for form in _forms(word):
                single.setdefault(form, (word, kind))
                if form.endswith("ed"):
                    participles.add(form)
    kinds = {base: kind for kind, words in _VERB_BASES.items() for base in words.split()}
    for form, base in _IRREGULAR.items():
        single.setdefault(form, (base, kinds.get(base, _ACT)))
        if form not in ("was", "is", "are", "has", "had"):
            participles.add(form)
    # Words that are verbs in the lists but nearly always nouns or adjectives here.
    for word in ("up", "down", "better", "set", "post", "posts", "run", "record", "return", "met"):
        participles.discard(word)
    return single, double, participles


_VERBS, _VERBS2, _PARTICIPLES = _build_verbs()

# Words set aside before the first verb: subjects, modals, fillers and adverbs.
_LEAD_SKIP = frozenset(
    "to we i you they our my the team goal aim objective let's let us also and then first "
    "finally successfully significantly dramatically substantially further measurably "
    "materially drastically sharply steadily quickly rapidly fully jointly proactively "
    "systematically meaningfully notably radically at least over this quarter q never don't "
    "not".split()
)
_MODALS = frozenset("will shall must should can could would we'll i'll they'll".split())
_TO_LEADS = frozenset(
    "aim aims want wants need needs plan plans going is are strive try commit intend seek "
    "hope expect able".split()
)
_KPI_NOUN_FORMS = frozenset(("cap", "caps", "limit", "limits", "hold", "contain", "continue"))

_METRIC_HEADS = frozenset(
    "rate rates time times coverage frequency cadence velocity duration speed failure "
    "failures adoption quality throughput volume count cost costs score latency stability "
    "reliability completion conversion satisfaction retention nps csat share margin ratio "
    "efficiency accuracy utilization utilisation backlog budget lead-time errors pass-rate "
    "acceptance success-rate size".split()
)
_STOP_DETERMINERS = frozenset("a an the our new all every each one two three".split())
_RATE_HEADS = frozenset(("rate", "rates", "time", "times", "ratio"))
# Modals and finite forms that end a metric named first: "Churn should ...", "NPS improves".
_FINITE_VERBS = frozenset(
    ["should", "must", "will", "would", "can", "could", "shall", "may", "might"]
    + [
        form
        for form, (_, kind) in _VERBS.items()
        if kind in (_UP, _DOWN, _POLAR, _KPI) and form.endswith(("s", "ed", "ing"))
    ]
)
