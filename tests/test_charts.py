"""Charts are tested by their spec (chart.to_dict()), not by pixels."""

from __future__ import annotations

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit import datasets
from okr_toolkit.core.settings import Settings
from okr_toolkit.present import charts


def _layers(chart):
    return {layer["mark"]["type"]: layer for layer in chart.to_dict()["layer"]}


def _data(chart, name):
    spec = chart.to_dict()
    return pd.DataFrame(spec["datasets"][name])


def test_kr_progress_bars_bands_and_success_line():
    scored = okr.core.score_krs(
        pd.DataFrame(
            {"kr_id": ["a", "b", "c"], "baseline": 0.0, "target": 10.0, "current": [2, 5, 8]}
        )
    )
    layers = _layers(charts.kr_progress(scored))
    assert set(layers) == {"rect", "bar", "rule", "text"}
    bars = _data(charts.kr_progress(scored), layers["bar"]["data"]["name"])
    assert bars["label"].tolist() == ["a", "b", "c"]
    assert bars["grade"].tolist() == ["red", "yellow", "green"]
    bands = _data(charts.kr_progress(scored), layers["rect"]["data"]["name"])
    assert bands[["start", "end"]].to_numpy().tolist() == [[0.0, 0.4], [0.4, 0.7], [0.7, 1.0]]
    rule = _data(charts.kr_progress(scored), layers["rule"]["data"]["name"])
    assert rule["x"].tolist() == [0.7]


def test_kr_progress_follows_settings_and_clips_uncapped_bars():
    settings = Settings(yellow_from=0.5, green_from=0.8, aspirational_success=0.8)
    frame = pd.DataFrame({"kr_id": ["over"], "score": [1.4]})
    chart = charts.kr_progress(frame, settings=settings)
    layers = _layers(chart)
    bands = _data(chart, layers["rect"]["data"]["name"])
    assert bands["start"].tolist() == [0.0, 0.5, 0.8]
    bars = _data(chart, layers["bar"]["data"]["name"])
    assert bars["bar"].tolist() == [1.0]  # drawn inside the axis
    assert bars["score"].tolist() == [1.4]  # labelled with the real value


def test_kr_progress_missing_column_is_a_clear_error():
    with pytest.raises(okr.OKRDataError, match=r"missing column.*'score'"):
        charts.kr_progress(pd.DataFrame({"kr_id": ["a"]}))


def test_kpi_history_marks_the_stalled_weeks():
    flagged = okr.core.detect_stalls(datasets.load_kpi_history())
    chart = charts.kpi_history_chart(flagged, kpi="activation_rate")
    layers = _layers(chart)
    assert set(layers) == {"line", "point", "rule", "text"}
    points = _data(chart, layers["point"]["data"]["name"])
    assert len(points) == 26
    # the first week is a single miss; every later week extends the run
    assert points["state"].tolist() == ["normal"] + ["stalled"] * 25
    rule = _data(chart, layers["rule"]["data"]["name"])
    assert rule["threshold"].tolist() == [50.0]
    assert layers["line"]["encoding"]["x"]["type"] == "temporal"


def test_kpi_history_unknown_kpi_lists_the_known_ones():
    with pytest.raises(okr.OKRDataError, match="activation_rate"):
        charts.kpi_history_chart(datasets.load_kpi_history(), kpi="churn")


def test_to_svg_renders_locally_without_cdn():
    svg = charts.to_svg(charts.kr_progress(pd.DataFrame({"kr_id": ["a"], "score": [0.5]})))
    assert svg.startswith("<svg")
    assert "cdn" not in svg and "http://" not in svg.replace("http://www.w3.org", "")


def test_enable_offline_rejects_cdn_renderers():
    with pytest.raises(ValueError, match="'svg' or 'png'"):
        charts.enable_offline("html")


def test_migration_gantt_has_every_team_quarter_and_milestone():
    plan = okr.plan_migration([f"Team {c}" for c in "ABCDEFGH"], "2026Q1")
    spec = charts.migration_gantt(plan).to_dict()
    markers, grid = spec["vconcat"]
    cells = pd.DataFrame(spec["datasets"][grid["data"]["name"]])
    assert len(cells) == 8 * 5
    assert grid["encoding"]["y"]["sort"] == [f"Team {c}" for c in "ABCDEFGH"]
    assert grid["encoding"]["color"]["scale"]["domain"] == ["MBO", "OKR pilot", "OKR"]
    steps = pd.DataFrame(spec["datasets"][markers["data"]["name"]])
    assert steps["quarter"].tolist() == ["2026Q1", "2026Q2", "2026Q3", "2026Q4", "2027Q1"]
    assert " ".join(steps["label"].iloc[0]).startswith("pilot OKRs")


def test_migration_gantt_coexist_colours():
    plan = okr.plan_migration(["Retail", "Risk"], "2026Q1", strategy="coexist")
    grid = charts.migration_gantt(plan).to_dict()["vconcat"][1]
    assert "MBO + OKR" in grid["encoding"]["color"]["scale"]["domain"]


def test_scenario_fan_bands_and_lines():
    sim = okr.scenarios.simulate_kr(
        42, 65, 48, 6, drift=1.0, volatility=0.0, seed=1, keep_paths=True, threshold=50
    )
    spec = charts.scenario_fan(sim, baseline=42, target=65, current=48, threshold=50).to_dict()
    outer = spec["layer"][0]
    bands = pd.DataFrame(spec["datasets"][outer["data"]["name"]])
    # zero volatility: every band is the straight line 48, 49, ... 54
    assert bands["p50"].tolist() == pytest.approx([48 + w for w in range(7)])
    assert (bands["p5"] == bands["p95"]).all()
    lines = pd.DataFrame(spec["datasets"][spec["layer"][3]["data"]["name"]])
    assert lines["value"].tolist() == pytest.approx([65, 42 + 0.7 * 23, 50])
    assert spec["title"].startswith("P(score >= 0.7) = 0%")


def test_fan_needs_kept_paths():
    sim = okr.scenarios.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, seed=1)
    with pytest.raises(okr.OKRDataError, match="keep_paths=True"):
        charts.scenario_fan(sim, baseline=42, target=65, current=48)


def test_score_distribution_shares_sum_to_one():
    sim = okr.scenarios.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=2.0, seed=3, paths=3000)
    spec = charts.score_distribution(sim).to_dict()
    hist = pd.DataFrame(spec["datasets"][spec["layer"][1]["data"]["name"]])
    assert hist["share"].sum() == pytest.approx(1.0)
    assert len(hist) == 20


def test_reliability_diagram_plots_the_bins():
    past = pd.DataFrame(
        {"confidence": [9, 8, 2, 1, 7, 3, 6, 4], "score": [1.0, 0.8, 0.2, 0.1, 0.7, 0.3, 0.9, 0.2]}
    )
    report = okr.scenarios.confidence_calibration(past, bins=2)
    spec = charts.reliability_diagram(report).to_dict()
    points = pd.DataFrame(spec["datasets"][spec["layer"][2]["data"]["name"]])
    assert points["count"].sum() == 8
    assert f"Brier {report.brier:.3f}" in spec["title"]


def test_replace_data_swaps_a_named_dataset_only():
    chart = charts.kr_progress(pd.DataFrame({"kr_id": ["a"], "score": [0.5]}))
    spec = chart.to_dict()
    bar_name = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "bar")["data"][
        "name"
    ]
    new = pd.DataFrame({"label": ["b"], "bar": [0.9], "score": [0.9], "grade": ["green"]})
    patched = charts.replace_data(spec, {bar_name: new}, title="new")
    assert patched["datasets"][bar_name] == new.to_dict(orient="records")
    assert spec["datasets"][bar_name] != patched["datasets"][bar_name]  # original untouched
    assert patched["title"] == "new"
    assert charts.svg_from_spec(patched).startswith("<svg")
    with pytest.raises(KeyError, match="no dataset"):
        charts.replace_data(spec, {"nope": new})


def test_score_history_band_and_ticks():
    past = pd.DataFrame({"team": ["a", "a", "b"], "score": [1.0, 0.9, 0.65]})
    spec = charts.score_history_chart(past).to_dict()
    band = pd.DataFrame(spec["datasets"][spec["layer"][0]["data"]["name"]])
    assert band[["start", "end"]].to_numpy().tolist() == [[0.6, 0.7]]
    ticks = pd.DataFrame(spec["datasets"][spec["layer"][1]["data"]["name"]])
    assert ticks["score"].tolist() == [1.0, 0.9, 0.65]


# --- save_chart: PNG / SVG for slides -------------------------------------------------


def _png_size(data: bytes) -> tuple[int, int]:
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n"  # the PNG signature
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def _svg_root(path):
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


@pytest.fixture(scope="module")
def progress_chart():
    return charts.kr_progress(pd.DataFrame({"kr_id": ["a", "b"], "score": [0.7, 0.3]}))


@pytest.mark.parametrize("scale", [1.0, 2.0, 3])
def test_save_chart_png_is_scaled_from_the_svg(tmp_path, progress_chart, scale):
    svg = charts.save_chart(progress_chart, tmp_path / "chart.svg")
    png = charts.save_chart(progress_chart, tmp_path / "chart.png", scale=scale)
    assert png == tmp_path / "chart.png"
    root = _svg_root(svg)
    width, height = float(root.get("width")), float(root.get("height"))
    png_w, png_h = _png_size(png.read_bytes())
    assert png_w == pytest.approx(width * scale, abs=1)
    assert png_h == pytest.approx(height * scale, abs=1)
    assert png_w / png_h == pytest.approx(width / height, rel=0.02)


def test_save_chart_svg_parses_as_xml_with_an_svg_root(tmp_path, progress_chart):
    out = charts.save_chart(progress_chart, str(tmp_path / "Scores.SVG"))
    root = _svg_root(out)
    assert float(root.get("width")) > 0
    assert "<script" not in out.read_text(encoding="utf-8")


def test_save_chart_saves_compound_charts(tmp_path):
    gantt = charts.migration_gantt(okr.plan_migration(["Sales", "Ops"], "2026Q1"))
    _svg_root(charts.save_chart(gantt, tmp_path / "plan.svg"))
    _png_size(charts.save_chart(gantt, tmp_path / "plan.png").read_bytes())


def test_save_chart_replaces_atomically_and_leaves_no_temp_file(tmp_path, progress_chart):
    out = tmp_path / "chart.svg"
    out.write_text("old", encoding="utf-8")
    charts.save_chart(progress_chart, out)
    assert out.read_text(encoding="utf-8").startswith("<svg")
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]


@pytest.mark.parametrize("name", ["chart.pdf", "chart.jpg", "chart.html", "chart"])
def test_save_chart_other_suffix_is_a_clear_error(tmp_path, progress_chart, name):
    with pytest.raises(okr.OKRDataError, match=r"use \.png or \.svg") as info:
        charts.save_chart(progress_chart, tmp_path / name)
    assert name in str(info.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("scale", [0, -1, float("nan"), float("inf"), "2", True])
def test_save_chart_bad_scale(tmp_path, progress_chart, scale):
    with pytest.raises(ValueError, match="`scale` must be a positive number"):
        charts.save_chart(progress_chart, tmp_path / "chart.png", scale=scale)
    assert list(tmp_path.iterdir()) == []


def test_save_chart_missing_folder_raises_oserror(tmp_path, progress_chart):
    with pytest.raises(OSError):
        charts.save_chart(progress_chart, tmp_path / "missing" / "chart.png")


def test_kpi_health_points_the_healthy_side_right_for_either_direction():
    from okr_toolkit.workspace import kpi_table

    kpis = pd.DataFrame(
        {
            "kpi": ["activation_rate", "first_response_time", "uptime", "no_value"],
            "threshold": [50, 4, 99.9, 10],
            "value": [42, 6, 99.95, None],
            "better": ["higher", "lower", "higher", "higher"],
        }
    )
    chart = charts.kpi_health_chart(kpi_table(kpis))
    spec = chart.to_dict()
    bars = chart.layer[0].data.set_index("kpi")
    assert list(bars.index) == ["activation_rate", "first_response_time", "uptime"]
    assert bars.loc["activation_rate", "margin"] == pytest.approx(-16.0)
    assert bars.loc["first_response_time", "margin"] == pytest.approx(-50.0)  # 6 h vs 4 h: bad
    assert bars.loc["uptime", "margin"] > 0
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"] == [
        "healthy",
        "at_risk",
        "breached",
    ]


def test_kpi_health_without_anything_to_draw_says_why():
    from okr_toolkit.workspace import kpi_table

    empty = kpi_table(pd.DataFrame({"kpi": ["x"], "threshold": [5.0], "value": [None]}))
    with pytest.raises(okr.OKRDataError, match="no KPI with a value"):
        charts.kpi_health_chart(empty)
    with pytest.raises(okr.OKRDataError, match="status"):
        charts.kpi_health_chart(pd.DataFrame({"kpi": ["x"], "value": [1.0]}))
