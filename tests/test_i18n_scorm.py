"""French SCORM packages (`cpch scorm --language fr`): named -fr, manifest and launch page in French,
valid against the official schemas, and scored in Chromium as the English ones are (test_scorm_*).

The site is the French test book (tests/roots/i18n); its module is tests/i18n/scorm/modules.yml, with
the fixture catalogue tests/i18n/scorm/locales.
"""

import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from cpch.build import build_site
from cpch.cli import main
from scorm_lms import close_module, interactions, launcher, stored, work_through
from test_i18n_build import TESTS, lay_out
from test_scorm_packages import NAMESPACES, official_schema

MODULE = "every-type-module"
VERSIONS = ["1.2", "2004"]
TITLE = "Chaque type de question, en module"


def build_french_site(root: Path) -> Path:
    """The French test book, built under `root`; returns the site folder."""
    book = lay_out(root)
    site = root / "out" / "html"
    assert build_site(book, site, book, jobs="1") == 0
    return site


def build_french_packages(root: Path, site: Path) -> dict[str, Path]:
    """`cpch scorm --language fr` on the French test book's module: {SCORM version: package}."""
    quizzes = root / "quizzes"
    quizzes.mkdir()
    shutil.copy(TESTS / "i18n" / "scorm" / "modules.yml", quizzes)
    shutil.copy(TESTS / "banks" / "good" / "every-type.yml", quizzes)
    locales = TESTS / "i18n" / "scorm" / "locales"
    out = root / "scorm"
    command = ["scorm", "--site", site, "--quizzes", quizzes, "--locales", locales, "--language", "fr", "--out", out]
    assert main([str(part) for part in command]) == 0
    return {version: out / f"{MODULE}-fr-scorm{version.replace('.', '')}.zip" for version in VERSIONS}


@pytest.fixture(scope="session")
def french_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("french-scorm")
    return root, build_french_site(root)


@pytest.fixture(scope="session")
def packages(french_site):
    return build_french_packages(*french_site)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_french_package_is_valid_and_says_french(packages, version):
    package = packages[version]
    with zipfile.ZipFile(package) as archive:
        document = etree.fromstring(archive.read("imsmanifest.xml"))
        launch = archive.read("index.html").decode()
        names = set(archive.namelist())
    schema = official_schema(version)
    assert schema.validate(document), schema.error_log
    ns = NAMESPACES[version]
    assert document.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert document.get("identifier").startswith(f"cpch-{MODULE}-fr-v1-")
    assert [t.text for t in document.iter(f"{{{ns['cp']}}}title")] == [TITLE, TITLE]
    assert '<html lang="fr">' in launch and f"<title>{TITLE}</title>" in launch
    assert "Vérifier les réponses" in launch and "De quelle couleur est le" in launch
    listed = {f.get("href") for f in document.iter(f"{{{ns['cp']}}}file")}
    assert listed == names - {"imsmanifest.xml"}


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("right", [True, False])
def test_the_french_module_scores_as_the_english_one(packages, browser, tmp_path, version, right):
    open_module = launcher(packages[version], version, browser, tmp_path / "lms")
    try:
        page, frame = open_module()
        # Right: every type of question through real clicks and keys; wrong: through a script firing
        # the same events (the subject there is the score).
        questions = work_through(frame, right=right, clicks=right)
        close_module(page)
        cmi = stored(page)["cmi"]
        records = interactions(cmi)
        assert questions == 9 and len(records) == questions
        wrong = "wrong" if version == "1.2" else "incorrect"
        assert {r["result"] for r in records} == {"correct" if right else wrong}
        if version == "1.2":
            assert (cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]) == (
                ("passed", "100") if right else ("failed", "0")
            )
        else:
            assert (cmi["success_status"], cmi["score"]["raw"]) == (("passed", "100") if right else ("failed", "0"))
        assert open_module.errors == []
    finally:
        open_module.close()


def test_assign_in_french_writes_french_banks_and_modules(french_site, tmp_path):
    root, site = french_site
    quizzes = tmp_path / "quizzes"
    quizzes.mkdir()
    shutil.copy(TESTS / "banks" / "good" / "every-type.yml", quizzes)
    out = tmp_path / "out"
    command = ["assign", "--title", "Devoir de couleurs", "--id", "devoir", "--quiz", "every-type", "--tag", "colours"]
    command += ["--language", "fr", "--locales", TESTS / "i18n" / "locales", "--quizzes", quizzes]
    command += ["--site", site, "--book", root / "roots" / "i18n", "--out", out]
    assert main([str(part) for part in command]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "devoir-fr-scorm12.zip",
        "devoir-fr-scorm2004.zip",
        "devoir-fr.gift.txt",
        "devoir-fr.moodle.xml",
        "devoir-fr.qti21.zip",
        "selection.json",
    ]
    moodle = etree.parse(str(out / "devoir-fr.moodle.xml")).getroot()
    assert moodle.findtext("question/category/text") == "$course$/top/Devoir de couleurs"
    assert moodle.findtext("question[@type='multichoice']/questiontext/text").startswith("De quelle couleur")
    for version in VERSIONS:
        with zipfile.ZipFile(out / f"devoir-fr-scorm{version.replace('.', '')}.zip") as archive:
            launch = archive.read("index.html").decode()
            manifest = etree.fromstring(archive.read("imsmanifest.xml"))
        assert '<html lang="fr">' in launch and "Levez les yeux." in launch and "Look up." not in launch
        assert manifest.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
