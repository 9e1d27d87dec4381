"""The `omsorgsbot` command line: import, export, units and roles."""

from __future__ import annotations

import json


CSV = (
    "reference;occurred_at;kind;area;unit;description\n"
    "A-1;2024-03-05 14:10;avvikelse;fall;Solgården;föll, ring 070-123 45 67\n"
    "A-2;5 mars;avvikelse;fall;Solgården;fel datum\n"
)


def test_import_namnger_felaktig_rad_och_avslutar_med_status_1(cli, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(CSV, encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "rad 3, kolumn occurred_at" in result.output
    assert "1 nya" in result.output


def test_import_strict_importerar_ingenting(cli, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(CSV, encoding="utf-8")
    assert cli("import", "--strict", str(path)).exit_code == 1
    assert cli("export").output.count("\n") == 1  # header only


def test_import_saknad_kolumn_ger_tydligt_fel(cli, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text("occurred_at,kind,description\n2024-01-01,avvikelse,x\n", encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1 and "Kolumn saknas i rubrikraden: unit" in result.output


def test_export_jsonl_och_maskerat_telefonnummer(cli, tmp_path):
    path = tmp_path / "in.csv"
    path.write_text(CSV.splitlines()[0] + "\n" + CSV.splitlines()[1] + "\n", encoding="utf-8")
    assert cli("import", str(path)).exit_code == 0
    [row] = [json.loads(line) for line in cli("export", "--format", "jsonl").output.splitlines()]
    assert row["reference"] == "A-1" and row["unit"] == "Solgården"
    assert "070" not in row["description"] and "[telefonnummer]" in row["description"]


def test_enheter_och_roller(cli):
    assert cli("units", "add", "Björkhagen", "--typ", "sarskilt boende").exit_code == 0
    result = cli("users", "set-role", "U42", "chef", "--unit", "Björkhagen")
    assert result.exit_code == 0 and "chef på Björkhagen" in result.output
    assert "Björkhagen" in cli("units", "list").output
    bad = cli("users", "set-role", "U42", "kung")
    assert bad.exit_code == 2 and "Okänd roll" in bad.output


def test_users_set_role_ersatter_enheter_remove_unit_och_list(cli):
    for name in ("Solgården", "Ekbacken", "Björkhagen"):
        cli("units", "add", name)
    assert cli("users", "set-role", "U7", "chef", "--unit", "Solgården", "--unit", "Ekbacken").exit_code == 0
    moved = cli("users", "set-role", "U7", "chef", "--unit", "Björkhagen")
    assert "chef på Björkhagen" in moved.output
    listed = cli("users", "list").output
    row = next(line for line in listed.splitlines() if "U7" in line)
    assert "Björkhagen (chef)" in row and "Solgården" not in row and "Ekbacken" not in row
    assert cli("users", "remove-unit", "U7", "Björkhagen").exit_code == 0
    assert "–" in next(line for line in cli("users", "list").output.splitlines() if "U7" in line)
    missing = cli("users", "remove-unit", "U7", "Björkhagen")
    assert missing.exit_code == 1 and "inte kopplad" in missing.output


def test_enhet_utan_prickar_i_set_role_ar_den_befintliga_enheten(cli):
    cli("units", "add", "Solgården", "--typ", "särskilt boende")
    result = cli("users", "set-role", "U012SSK", "sjukskoterska", "--unit", "Solgarden")
    assert result.exit_code == 0 and "sjuksköterska på Solgården" in result.output
    assert "lästes som Solgården" in result.output
    listed = cli("units", "list").output
    assert "Solgården" in listed and "Solgarden" not in listed


def test_felstavad_enhet_skapar_ingen_ny_enhet_utan_foreslar_den_narmaste(cli):
    cli("units", "add", "Solgården")
    result = cli("users", "set-role", "U1", "chef", "--unit", "Solrosen")
    assert result.exit_code == 2
    assert "ingen enhet som heter ”Solrosen”" in result.output and "Menar du ”Solgården”" in result.output
    assert "units add" in result.output
    assert "Solrosen" not in cli("units", "list").output
    typo = cli("users", "set-role", "U2", "chef", "--unit", "Solgårn")
    assert typo.exit_code == 0 and "”Solgårn” lästes som Solgården" in typo.output
    assert "U1" not in cli("users", "list").output  # nothing changed


def test_units_add_med_typ_alias_och_dubblett(cli):
    added = cli("units", "add", "Hemtjänst  Norr", "--typ", "hemtjanst", "--alias", "HT Norr")
    assert added.exit_code == 0 and "Hemtjänst Norr (hemtjänst)" in added.output
    row = next(line for line in cli("units", "list").output.splitlines() if "Norr" in line)
    assert "hemtjänst" in row and "HT Norr" in row
    again = cli("units", "add", "hemtjänst norr")
    assert again.exit_code == 1 and "finns redan" in again.output
    bad = cli("units", "add", "Lärkan", "--typ", "slott")
    assert bad.exit_code == 2 and "Okänd enhetstyp" in bad.output


def test_units_add_stoppar_namn_som_liknar_en_befintlig_enhet_eller_ett_upptaget_alias(cli):
    cli("units", "add", "Solgården")
    cli("units", "add", "Hemtjänst Norr", "--alias", "HT Norr")
    for name in ("Solgarden", "Solgårdens"):
        result = cli("units", "add", name)
        assert result.exit_code == 1 and "liknar Solgården" in result.output and "--ny" in result.output
    alias = cli("units", "add", "Hemtjänst Söder", "--alias", "HT Norr")
    assert alias.exit_code == 1 and "redan namnet på Hemtjänst Norr" in alias.output
    listed = cli("units", "list").output
    assert "Solgarden" not in listed and "Söder" not in listed
    assert cli("units", "add", "Solgårdens annex", "--ny").exit_code == 0
    assert cli("users", "set-role", "U6", "chef", "--unit", "HT Norr").exit_code == 0


def test_set_role_utan_anvandar_id_stoppas(cli):
    result = cli("users", "set-role", " ", "chef")
    assert result.exit_code == 2 and "Slack-id" in result.output
    assert "chef" not in cli("users", "list").output
