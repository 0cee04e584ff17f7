"""``python -m station_app`` runs the command line (``station-ledger``)."""

from station_app.cli import run

run()
