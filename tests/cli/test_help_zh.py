"""The command line's ``--help`` speaks the language of its messages: Chinese by default."""

from __future__ import annotations

import argparse

import pytest

from station_app.cli import build_parser, main
from station_app.cli._help_zh import HELP_ZH


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        if action.help and action.help != argparse.SUPPRESS:
            found.append(action.help)
        if isinstance(action, argparse._SubParsersAction):
            found += [c.help for c in action._choices_actions if c.help]
            for child in action.choices.values():
                found += _help_texts(child)
    return found


def test_every_help_text_has_its_chinese() -> None:
    missing = sorted({text for text in _help_texts(build_parser()) if text not in HELP_ZH})
    assert missing == [], "add these to station_app/cli/_help_zh.py"


def test_help_in_chinese_by_default_and_english_on_request(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_LEDGER_LANG", "zh_CN")
    with pytest.raises(SystemExit) as done:
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0
    assert out.startswith("用法：station-ledger import")
    assert "只显示将会发生什么，不写入任何内容" in out and "选项" in out
    with pytest.raises(SystemExit):
        main(["--lang", "en", "import", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: station-ledger import")
    assert "show what would happen, write nothing" in out
