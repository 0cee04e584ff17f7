"""Card output speed and size: one card PNG, one card PDF, a 1,000-card A4 sheet PDF.

Run: ``.venv/bin/python -m benchmarks.bench_cards [--cards 1000]``. Prints markdown table rows.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import time
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from station_app.cards import CardData, card_pdf, card_png, make_payload, sheet_pdf
from station_app.domain import member_no

NAMES = ("翟晓燕", "仝建国", "孟和巴特尔", "亓官秀兰", "乌日娜", "阿拉坦仓·图门吉日嘎拉")


def sample_cards(count: int) -> list[CardData]:
    key = Ed25519PrivateKey.generate()
    cards = []
    for i in range(1, count + 1):
        number = member_no.make("MZL01", i)
        cards.append(CardData(
            name=NAMES[i % len(NAMES)],
            member_no=number,
            station_name="满洲里口岸驿站",
            station_code="MZL01",
            issue_date=datetime.date(2026, 11, 20),
            serial=1,
            payload=make_payload(number, 1, key),
            worker_type_label="货车司机",
        ))
    return cards


def timed(fn: Callable[[], bytes], repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds over ``repeat`` runs, and the output size in bytes.

    CPU time is shown too because a busy machine stretches wall time; one core does the work.
    """
    walls, cpus = [], []
    size = 0
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        size = len(fn())
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), size


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def ledger_rows(count: int) -> list[tuple[str, float, float, int]]:
    """The use cases over a real ledger file: card data for every member, the whole batch."""
    import pathlib
    import tempfile

    from station_app.data.db import open_ledger
    from station_app.domain import resident_id
    from station_app.services import cards as card_service
    from station_app.services import members, station

    with tempfile.TemporaryDirectory() as folder:
        ledger = open_ledger(pathlib.Path(folder) / "bench.db", create=True)
        try:
            station.init_station(ledger, code="MZL01", name="满洲里口岸驿站", by="bench")
            born = datetime.date(1990, 5, 17)
            with ledger.write():
                for i in range(1, count + 1):
                    members.sign_up_member(ledger, members.SignUp(
                        name=NAMES[i % len(NAMES)][:10],
                        id_number=resident_id.make(f"1507{i // 1000 % 100:02d}", born, i % 1000),
                        phone=f"139{i:08d}", worker_type="truck_driver", employer=""), by="bench")
            numbers = card_service.unprinted(ledger)

            def all_card_data() -> bytes:
                return b"x" * len([card_service.card_data(ledger, n) for n in numbers])

            out = pathlib.Path(folder) / "sheet.pdf"

            def batch() -> bytes:
                card_service.print_unprinted_sheet(ledger, out, by="bench", mark=False)
                return out.read_bytes()

            return [
                (f"card_data ×{count} (ledger read + Ed25519 sign)", *timed(all_card_data, 1)[:2],
                 0),
                (f"cards --unprinted sheet ({count} cards, file written)", *timed(batch, 1)),
            ]
        finally:
            ledger.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000, help="cards on the sheet PDF")
    parser.add_argument("--repeat", type=int, default=5, help="runs for the one-card cases")
    parser.add_argument("--no-ledger", action="store_true",
                        help="skip the rows that sign up members in a real ledger file first")
    args = parser.parse_args()

    cards = sample_cards(args.cards)
    one = cards[0]
    card_png(one)  # warm up: font loading is paid once per process
    rows = [
        ("card PNG (front, 300 dpi)", *timed(lambda: card_png(one), args.repeat)),
        ("card PNG (front + back)", *timed(lambda: card_png(one, with_back=True), args.repeat)),
        ("card PDF (CR80, 2 pages)", *timed(lambda: card_pdf(one), args.repeat)),
        (f"sheet PDF ({args.cards} cards, A4 ×{-(-args.cards // 10)})",
         *timed(lambda: sheet_pdf(cards), 1)),
        (f"sheet PDF + backs ({args.cards} cards)",
         *timed(lambda: sheet_pdf(cards, backs=True), 1)),
    ]
    if not args.no_ledger:
        rows += ledger_rows(args.cards)
    print("| case | wall time | CPU time | size |")
    print("|---|---:|---:|---:|")
    for label, wall, cpu, size in rows:
        shown = f"{size / 1e6:.2f} MB" if size else "—"
        print(f"| {label} | {_seconds(wall)} | {_seconds(cpu)} | {shown} |")


if __name__ == "__main__":
    main()
