<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CounterPage</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter.py" line="305"/>
        <source>%n members match. Pick one with ↑ ↓ and Enter.</source>
        <translation>
            <numerusform>%n member matches. Pick it with ↑ ↓ and Enter.</numerusform>
            <numerusform>%n members match. Pick one with ↑ ↓ and Enter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter.py" line="391"/>
        <source>%n matching members (↑ ↓ to choose, Enter to pick)</source>
        <translation>
            <numerusform>%n matching member (↑ ↓ to choose, Enter to pick)</numerusform>
            <numerusform>%n matching members (↑ ↓ to choose, Enter to pick)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayLedger</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/counter_today.py" line="142"/>
        <source>%n entries today</source>
        <translation>
            <numerusform>%n entry today</numerusform>
            <numerusform>%n entries today</numerusform>
        </translation>
    </message>
</context>
</TS>
