"""The Label Studio round trip (issue 12): gold -> tasks -> a real Label Studio server on
loopback -> its JSON export -> gold, identical. The server test needs the `label` extra
(`pip install -e ".[label]"`, which `make test` installs) and skips only without it."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.evaluation.gold import read_jsonl
from pipeline.labelstudio.convert import (ENTITY_LABELS, from_export, labeling_config,
                                          to_tasks)
from tests.conftest import ROOT

runner = CliRunner()
SEED_GOLD = ROOT / "gold" / "seeds.jsonl"
DEV_GOLD = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
TOKEN = "c0091e5eed5c0ffee0ddba11c0091e5eed5c0ffe"
SERVER_START_SECONDS = 180


def gold_records(path: Path) -> list[dict]:
    records, problems = read_jsonl(path)
    assert not problems
    return [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]


def test_the_configuration_has_every_label_and_claim_slot():
    view = ElementTree.fromstring(labeling_config())
    labels = {label.get("value") for label in view.find("Labels[@name='label']")}
    assert labels == set(ENTITY_LABELS)
    per_region = {c.get("name") for c in view if c.get("perRegion") == "true"}
    assert {"norm", "metric", "status", "aggregate", "approx", "per", "value", "low", "high",
            "unit", "subject", "location", "time", "alt"} == per_region


def test_tasks_and_back_without_a_server_lose_nothing():
    records = gold_records(SEED_GOLD)
    exported = json.loads(json.dumps([{**task, "id": n} for n, task in
                                      enumerate(to_tasks(records, as_predictions=False))]))
    back, problems = from_export(exported)
    assert problems == [] and back == records


def test_what_cannot_be_converted_is_reported_with_its_task_id():
    record = gold_records(SEED_GOLD)[0]
    (task,) = to_tasks([record], as_predictions=False)
    norm = next(r for r in task["annotations"][0]["result"] if r["from_name"] == "norm")
    norm["value"]["text"] = ["{not json"]
    cancelled = {"id": 8, "data": {"text": "x"}, "annotations": [{"was_cancelled": True,
                                                                  "result": []}]}
    records, problems = from_export([{**task, "id": 7}, cancelled])
    assert records == []
    assert problems[0].startswith("task 7: region e0 norm: not valid JSON")
    assert problems[1] == "task 8: the task has no submitted annotation"


def test_pipeline_predictions_become_pre_annotations(tmp_path):
    article = tmp_path / "son-la.txt"
    article.write_text("Son La province has 750 cooperatives.", encoding="utf-8")
    tasks_file = tmp_path / "tasks.json"
    result = runner.invoke(app, ["labelstudio", "export", str(article), "-o", str(tasks_file)])
    assert result.exit_code == 0, result.output
    (task,) = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert task["data"]["doc_id"] == "son-la" and "annotations" not in task
    results = task["predictions"][0]["result"]
    assert {"from_name": "label", "value": {"start": 0, "end": 6, "text": "Son La",
                                             "labels": ["GPE"]}}.items() <= results[0].items()
    assert any(r["from_name"] == "metric" and r["value"]["choices"] == ["org_count"]
               for r in results)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LabelStudio:
    """A real Label Studio server on loopback, spoken to through its REST API."""

    def __init__(self, data_dir: Path) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        # The first user and its API token come from these variables (Label Studio's own).
        env = {**os.environ, "LABEL_STUDIO_USERNAME": "test@coopie.local",
               "LABEL_STUDIO_PASSWORD": "coopie-test-password",
               "LABEL_STUDIO_USER_TOKEN": TOKEN, "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true"}
        executable = Path(sys.executable).parent / "label-studio"
        self.log = open(data_dir / "server.log", "wb")
        self.process = subprocess.Popen(
            [str(executable), "start", "--data-dir", str(data_dir), "--host", "127.0.0.1",
             "--port", str(self.port), "--no-browser"],
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            assert self.process.poll() is None, (data_dir / "server.log").read_text()
            try:
                with urllib.request.urlopen(f"{self.base}/health", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(2)
        raise AssertionError(f"Label Studio did not start in {SERVER_START_SECONDS} s")

    def call(self, method: str, path: str, body: object = None) -> bytes:
        request = urllib.request.Request(
            self.base + path, method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={"Authorization": f"Token {TOKEN}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.read()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    if importlib.util.find_spec("label_studio") is None:
        pytest.skip("the `label` extra (label-studio) is not installed")
    server = LabelStudio(tmp_path_factory.mktemp("label-studio"))
    yield server
    server.stop()


@pytest.mark.parametrize("gold", [
    pytest.param(SEED_GOLD, id="seed-gold"),
    pytest.param(DEV_GOLD, id="dev-corpus", marks=pytest.mark.skipif(
        not DEV_GOLD.exists(), reason="../shared is not here")),
])
def test_round_trip_through_a_real_label_studio_is_identical(label_studio, gold, tmp_path):
    config = runner.invoke(app, ["labelstudio", "config"]).output
    project = json.loads(label_studio.call("POST", "/api/projects", {
        "title": f"coopie {gold.stem}", "label_config": config}))
    tasks_file = tmp_path / "tasks.json"
    exported = runner.invoke(app, ["labelstudio", "export", str(gold), "--gold", "-o",
                                   str(tasks_file)])
    assert exported.exit_code == 0, exported.output
    imported = json.loads(label_studio.call(
        "POST", f"/api/projects/{project['id']}/import",
        json.loads(tasks_file.read_text(encoding="utf-8"))))
    assert imported["task_count"] == imported["annotation_count"] == len(gold_records(gold))
    export_file = tmp_path / "export.json"
    export_file.write_bytes(label_studio.call(
        "GET", f"/api/projects/{project['id']}/export?exportType=JSON"))
    back_file = tmp_path / "back.jsonl"
    result = runner.invoke(app, ["labelstudio", "import", str(export_file), "-o",
                                 str(back_file)])
    assert result.exit_code == 0, result.output
    assert gold_records(back_file) == gold_records(gold)
    check = runner.invoke(app, ["gold", "check", str(back_file)])
    assert check.exit_code == 0, check.output
