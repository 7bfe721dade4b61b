"""The Dagster UI as an analyst sees it: `dagster dev` on the seeds, opened in headless Chromium.

One module-scoped fixture starts `dagster dev` on a free port with its own DAGSTER_HOME
and temp copies of the seeds and data folders, waits for the seeds sensor to notice the
seeds, then materialises every asset in-process into the same instance, so the UI shows
materialisations, metadata and check results. The tests read the asset graph over
GraphQL and drive Debian's Chromium with Selenium (Debian's chromedriver, passed
explicitly, so Selenium never downloads a driver). Screenshots land in data/reports/.

Chromium and chromedriver come from `make browser-deps` (apt). Without them the tests
skip locally; with CI set they fail, so CI never passes without running them.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from dagster import DagsterInstance
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from pipeline import settings
from pipeline.definitions import build_definitions
from pipeline.defs.refresh import refresh
from pipeline.defs.resources import NewsPaths
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.browser  # starts dagster dev and Chromium

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1600,1300",
]  # fmt: skip
TABLE_ASSETS = {
    "articles", "sentences", "entities", "mentions", "events", "event_participants",
    "event_mentions", "quotes", "stances", "rejected_files",
}  # fmt: skip
EXPECTED_ASSETS = TABLE_ASSETS | {"article_extractions", "warehouse", "actor_network", "stance_matrix", "exports"}
# Assets allowed to have no asset check (their inputs' checks gate them). Any other
# asset must list at least one check in the UI: a new asset either gets a check or is
# named here, on purpose.
WITHOUT_CHECKS = {"article_extractions", "warehouse", "evaluation_report"}
STARTUP_SECONDS = 180
PAGE_SECONDS = 45

# The test's instance: no telemetry, no "join the community" pop-up over the pages, and a
# run queue that never launches, so the run the seeds sensor requests stays queued
# instead of racing the in-process run for the same data folder.
DAGSTER_YAML = """\
telemetry:
  enabled: false
nux:
  enabled: false
run_queue:
  max_concurrent_runs: 0
"""


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not os.access(p, os.X_OK)]
    if not missing:
        return
    message = (
        f"headless browser test needs {', '.join(missing)}: run `make browser-deps` "
        "(apt-get install chromium chromium-driver)"
    )
    if in_ci():
        pytest.fail(f"CI is set but {message}", pytrace=False)
    pytest.skip(message)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class DagsterUI:
    def __init__(self, url: str, process: subprocess.Popen, log: Path, data: Path):
        self.url, self.process, self.log, self.data = url, process, log, data

    def log_tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""

    def graphql(self, query: str, variables: dict | None = None) -> dict:
        request = urllib.request.Request(
            f"{self.url}/graphql",
            data=json.dumps({"query": query, "variables": variables or {}}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            answer = json.load(response)
        assert not answer.get("errors"), answer["errors"]
        return answer["data"]

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"dagster dev exited with {self.process.returncode}:\n{self.log_tail()}", pytrace=False)
            try:
                with urllib.request.urlopen(f"{self.url}/server_info", timeout=5) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.5)
        message = f"dagster dev did not answer /server_info in {STARTUP_SECONDS} s:\n{self.log_tail()}"
        pytest.fail(message, pytrace=False)

    def wait_for_sensor_run(self) -> dict:
        """The seeds sensor's first tick requests a run for the new seed files."""
        query = "{ runsOrError(filter: {statuses: [QUEUED]}) { ... on Runs { results { runId tags { key value } } } } }"
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            for run in self.graphql(query)["runsOrError"]["results"]:
                tags = {t["key"]: t["value"] for t in run["tags"]}
                if tags.get("dagster/sensor_name") == "seeds_sensor":
                    return tags
            time.sleep(0.5)
        pytest.fail(f"the seeds sensor requested no run:\n{self.log_tail()}", pytrace=False)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=3)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the webserver, daemon and code servers
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def ui(tmp_path_factory):
    require_browser()
    root = tmp_path_factory.mktemp("ui")
    home, seeds, data = root / "dagster_home", root / "seeds", root / "data"
    home.mkdir()
    (home / "dagster.yaml").write_text(DAGSTER_YAML)
    shutil.copytree(SEEDS, seeds)
    data.mkdir()
    port = free_port()
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "NEWSEVENTS_SEEDS_DIR": str(seeds),
        "NEWSEVENTS_DATA_DIR": str(data),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    log = root / "dagster_dev.log"
    dagster = Path(sys.executable).with_name("dagster")
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(dagster), "dev", "-m", "pipeline.definitions", "-h", "127.0.0.1", "-p", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    server = DagsterUI(f"http://127.0.0.1:{port}", process, log, data)
    try:
        server.wait_until_serving()
        server.sensor_tags = server.wait_for_sensor_run()
        # Materialise after the sensor's (queued, never launched) run was planned, so the
        # latest check results shown are this run's.
        # The event log storage named in dagster.yaml keeps its files under DAGSTER_HOME, so
        # this process names the UI's instance folder too (not the one `make` exported).
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("DAGSTER_HOME", str(home))
            with DagsterInstance.from_config(str(home)) as instance:
                paths = NewsPaths(seeds_dir=str(seeds), data_dir=str(data))
                result = refresh(build_definitions(paths), instance, paths)
        assert result.success, "the pipeline run feeding the UI failed"
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(ui, tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except WebDriverException as error:
        pytest.fail(f"could not start {CHROMIUM} via {CHROMEDRIVER}: {error.msg}", pytrace=False)
    driver.set_page_load_timeout(PAGE_SECONDS)
    yield driver
    driver.quit()


def screenshot(driver, name: str) -> Path:
    folder = settings.data_dir() / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    assert driver.save_screenshot(str(path)), path
    return path


def page_text(driver) -> str:
    return driver.find_element(By.TAG_NAME, "body").text


def wait_for_text(driver, wanted, what: str) -> str:
    """Wait until every string in `wanted` is on the page and nothing is still loading."""

    def ready(d):
        text = page_text(d)
        return text if all(w in text for w in wanted) and "Loading..." not in text else False

    try:
        return WebDriverWait(driver, PAGE_SECONDS, poll_frequency=0.5).until(ready)
    except Exception:
        text = page_text(driver)
        missing = [w for w in wanted if w not in text]
        pytest.fail(f"{what}: {missing} not shown after {PAGE_SECONDS} s; page says:\n{text[:3000]}", pytrace=False)


ASSETS_QUERY = """
{ assetNodes {
    assetKey { path } groupName description kinds
    owners { ... on TeamAssetOwner { team } ... on UserAssetOwner { email } }
    tags { key value }
    assetMaterializations(limit: 1) { metadataEntries { label __typename } }
    assetChecksOrError { __typename ... on AssetChecks { checks { name blocking
      executionForLatestMaterialization { status } } } }
} }
"""


def test_graphql_lists_every_asset_documented_and_checked(ui):
    nodes = {"/".join(n["assetKey"]["path"]): n for n in ui.graphql(ASSETS_QUERY)["assetNodes"]}
    assert set(nodes) >= EXPECTED_ASSETS, sorted(EXPECTED_ASSETS - set(nodes))
    for name, node in nodes.items():
        assert node["description"] and node["groupName"], name
        assert node["owners"] and node["kinds"], name
        assert any(not t["key"].startswith("dagster/") for t in node["tags"]), f"{name} has no tags"
    for name in EXPECTED_ASSETS:
        assert nodes[name]["assetMaterializations"], f"{name} was not materialised"

    checks = {}
    for name, node in nodes.items():
        assert node["assetChecksOrError"]["__typename"] == "AssetChecks", name
        checks[name] = node["assetChecksOrError"]["checks"]
    unchecked = {name for name, listed in checks.items() if not listed}
    assert unchecked <= WITHOUT_CHECKS, (
        f"assets without checks: {sorted(unchecked - WITHOUT_CHECKS)}; "
        "add an asset check or list them in WITHOUT_CHECKS"
    )
    assert all(any(c["name"] == "matches_contract" for c in checks[t]) for t in TABLE_ASSETS)
    statuses = {
        f"{name}:{c['name']}": (c["executionForLatestMaterialization"] or {}).get("status")
        for name, listed in checks.items()
        for c in listed
    }
    assert statuses and all(s == "SUCCEEDED" for s in statuses.values()), statuses


def test_table_materialisations_carry_schema_row_count_and_preview(ui):
    nodes = {"/".join(n["assetKey"]["path"]): n for n in ui.graphql(ASSETS_QUERY)["assetNodes"]}
    for table in TABLE_ASSETS:
        entries = {e["label"]: e["__typename"] for e in nodes[table]["assetMaterializations"][0]["metadataEntries"]}
        assert entries.get("dagster/column_schema") == "TableSchemaMetadataEntry", (table, entries)
        assert entries.get("dagster/row_count") == "IntMetadataEntry", (table, entries)
        assert entries.get("preview") == "MarkdownMetadataEntry", (table, entries)
    for picture in ("actor_network", "stance_matrix"):
        entries = {e["label"]: e["__typename"] for e in nodes[picture]["assetMaterializations"][0]["metadataEntries"]}
        assert entries.get("picture") == "MarkdownMetadataEntry", (picture, entries)


def test_sensor_noticed_the_seed_files(ui):
    n_seeds = len(list(SEEDS.rglob("*.txt")))
    assert ui.sensor_tags.get("newsevents/seed_changes", "").startswith(f"{n_seeds} new"), ui.sensor_tags


def test_asset_catalog_shows_every_asset(ui, browser):
    browser.get(f"{ui.url}/assets")
    text = wait_for_text(browser, sorted(EXPECTED_ASSETS) + ["Materialized"], "asset catalog")
    assert "Join the Dagster community" not in text
    # article_extractions is partitioned: the catalog shows partition counts for it instead
    assert text.count("Materialized") >= len(EXPECTED_ASSETS) - 1, text[:3000]
    screenshot(browser, "ui_asset_catalog.png")


def test_automation_page_lists_the_sensors_and_the_schedule(ui, browser):
    browser.get(f"{ui.url}/automation")
    wait_for_text(browser, ["seeds_sensor", "corpus_automation", "daily_reconcile"], "automation page")
    screenshot(browser, "ui_automation.png")


def test_one_partition_per_seed_file(ui, browser):
    seed_files = sorted(p.name for p in SEEDS.glob("*.txt"))
    query = """{ assetNodes(assetKeys: [{path: ["article_extractions"]}]) {
        partitionKeysByDimension { partitionKeys } partitionStats { numMaterialized numPartitions } } }"""
    node = ui.graphql(query)["assetNodes"][0]
    assert sorted(node["partitionKeysByDimension"][0]["partitionKeys"]) == seed_files
    assert node["partitionStats"] == {"numMaterialized": len(seed_files), "numPartitions": len(seed_files)}
    browser.get(f"{ui.url}/assets/article_extractions?view=partitions")
    wait_for_text(browser, seed_files, "article_extractions partitions")
    screenshot(browser, "ui_article_partitions.png")


def test_asset_page_shows_check_results(ui, browser):
    browser.get(f"{ui.url}/assets/events?view=checks")
    wanted = ["matches_contract", "events_unique", "locations_are_entities", "Succeeded", "Passed"]
    text = wait_for_text(browser, wanted, "events checks")
    assert "Failed" not in text
    screenshot(browser, "ui_asset_checks.png")


def test_actor_network_picture_renders_in_the_ui(ui, browser):
    browser.get(f"{ui.url}/assets/actor_network")
    wait_for_text(browser, ["picture", "links_by_weight", "reports", "newsevents"], "actor_network page")
    # the "picture" metadata row opens its markdown, an inline PNG, in a dialog
    row = browser.find_element(By.XPATH, "//tr[td[normalize-space()='picture']]")
    row.find_element(By.XPATH, ".//a[normalize-space()='[Show Markdown]']").click()

    def loaded_image(d):
        for image in d.find_elements(By.CSS_SELECTOR, "img[src^='data:image/png;base64,']"):
            if d.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image):
                return image
        return False

    image = WebDriverWait(browser, PAGE_SECONDS, poll_frequency=0.5).until(loaded_image)
    assert browser.execute_script("return arguments[0].naturalWidth", image) > 400
    screenshot(browser, "ui_actor_network.png")
