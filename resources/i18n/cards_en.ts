<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CardsPage</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="123"/>
        <source>%n cards are not printed yet (the first %1 are listed).</source>
        <translation>
            <numerusform>%n card is not printed yet.</numerusform>
            <numerusform>%n cards are not printed yet (the first %1 are listed).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="126"/>
        <source>%n cards are not printed yet.</source>
        <translation>
            <numerusform>%n card is not printed yet.</numerusform>
            <numerusform>%n cards are not printed yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="160"/>
        <source>Printing %n cards…</source>
        <translation>
            <numerusform>Printing %n card…</numerusform>
            <numerusform>Printing %n cards…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="188"/>
        <source>%n cards were sent to the printer and recorded as printed.</source>
        <translation>
            <numerusform>%n card was sent to the printer and recorded as printed.</numerusform>
            <numerusform>%n cards were sent to the printer and recorded as printed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="225"/>
        <source>%n pages</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/cards_page.py" line="227"/>
        <source>%n cards on %1 were saved to %2 and recorded as printed. Print the file at 100% (actual size), not “fit to page”.</source>
        <translation>
            <numerusform>%n card on %1 was saved to %2 and recorded as printed. Print the file at 100% (actual size), not “fit to page”.</numerusform>
            <numerusform>%n cards on %1 were saved to %2 and recorded as printed. Print the file at 100% (actual size), not “fit to page”.</numerusform>
        </translation>
    </message>
</context>
</TS>
