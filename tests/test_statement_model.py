"""The statement reader's label model: its features, its decisions, its training (issue 14)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pandas as pd
import pytest

from okr_toolkit import classify_statement
from okr_toolkit.statements import model as label_model
from okr_toolkit.statements.model import LabelModel, decide, features, load_model
from okr_toolkit.statements.training import _fold_of, grouped_cross_validation, train_label_model

REPO = Path(__file__).resolve().parent.parent
TOY = pd.DataFrame(
    {
        "statement": ["Publish 6 case studies", "Publish 4 guides", "Grow ARR by 30%",
                      "Grow revenue by 10%", "Build a culture of trust", "Build a culture of care"],
        "label": ["activity", "activity", "key_result", "key_result", "unmeasurable",
                  "unmeasurable"],
        "group": ["a", "b", "a", "b", "a", "b"],
    }
)  # fmt: skip


def test_features_are_words_pairs_and_the_readers_cues() -> None:
    feats = features("Keep p95 latency under 300 ms", {"rule": "kpi", "verb_class": "kpi"})
    assert {"w:keep", "w:latency", "b:under <n3>", "first:keep", "rule:kpi"} <= set(feats)
    assert "unparsed" in feats  # no parse was given in the cues


def test_a_model_survives_its_json_form() -> None:
    model = train_label_model(TOY)
    again = LabelModel.from_json(model.to_json())
    feats = features("Publish 9 posts", {})
    assert again.probabilities(feats) == pytest.approx(model.probabilities(feats), abs=1e-4)


def test_training_keeps_only_words_seen_in_two_sources() -> None:
    model = train_label_model(TOY)
    assert "w:publish" in model.weights and "w:case" not in model.weights


def test_the_model_replaces_the_rule_only_when_confident_and_never_a_locked_reading(
    monkeypatch,
) -> None:
    model = train_label_model(TOY)
    monkeypatch.setattr(label_model, "MIN_MARGIN", 0.05)  # six statements make a timid model
    feats = features("Publish 12 guides", {})
    rule = ("key_result", "the rule's reason")
    label, reason = decide(model, feats, rule, has_number=True, numbers="12", metric="guides")
    assert label == "activity" and '"publish' in reason and "counts that output" in reason
    assert (
        decide(model, feats, rule, has_number=True, numbers="12", metric="x", locked=True) == rule
    )
    assert decide(None, feats, rule, has_number=True, numbers="12", metric="x") == rule


def test_a_kpi_or_key_result_needs_a_number_read() -> None:
    flat = LabelModel(("key_result", "activity", "kpi", "unmeasurable"), {"w:x": (0, 0, 9, 0)},
                      (0.0, 0.0, 0.0, 0.0))  # fmt: skip
    rule = ("unmeasurable", "why")
    assert decide(flat, ["w:x"], rule, has_number=False, numbers="", metric="m") == rule
    assert decide(flat, ["w:x"], rule, has_number=True, numbers="5", metric="m")[0] == "kpi"


def test_grouped_cross_validation_never_tests_on_a_trained_source() -> None:
    frame = pd.concat([TOY.assign(group=TOY["group"] + str(i)) for i in range(5)])
    ev = grouped_cross_validation(frame, folds=3)
    folds = ev.frame.groupby("group")["fold"].nunique()
    assert (folds == 1).all()
    assert ev.frame["fold"].tolist() == [_fold_of(g, 3) for g in frame["group"]]
    assert set(ev.per_kind().index) == {"key_result", "activity", "kpi", "unmeasurable"}
    assert int(ev.confusion().to_numpy().sum()) == len(frame)


def test_the_shipped_weights_are_what_the_corpora_train_to() -> None:
    spec = importlib.util.spec_from_file_location(
        "train", REPO / "scripts" / "train_statement_model.py"
    )
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    fresh = json.loads(train_label_model(train.training_frame()).to_json())
    shipped = json.loads((REPO / "okr_toolkit/statements/label_model.json").read_text("utf-8"))
    assert fresh["labels"] == shipped["labels"]
    assert fresh["weights"].keys() == shipped["weights"].keys()
    # Bitwise equality is not promised across BLAS builds; the weights agree closely.
    worst = max(
        abs(a - b)
        for f, row in fresh["weights"].items()
        for a, b in zip(row, shipped["weights"][f], strict=True)
    )
    assert worst < 1e-3


def test_the_reader_uses_the_model_and_says_why(monkeypatch) -> None:
    assert load_model() is not None
    standard = "90% of complaints should be resolved within 10 working days"
    result = classify_statement(standard)
    assert result.label == "kpi"
    assert result.parsed.direction == "stay_above"  # a KPI holds its line
    monkeypatch.setattr(label_model, "MIN_MARGIN", 2.0)  # no model decision can pass
    from okr_toolkit.statements import api

    assert api._classify_uncached(standard)[1] == "key_result"  # what the rules alone say
