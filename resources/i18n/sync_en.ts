<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>DryRunDialog</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_confirm.py" line="182"/>
        <source>%Ln entries missing before these</source>
        <translation>
            <numerusform>%Ln entry missing before these</numerusform>
            <numerusform>%Ln entries missing before these</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_confirm.py" line="217"/>
        <source>In all: %1 new, %2 already held, %3 conflicting, %4 missing; %n files would be refused.</source>
        <translation>
            <numerusform>In all: %1 new, %2 already held, %3 conflicting, %4 missing; %n file would be refused.</numerusform>
            <numerusform>In all: %1 new, %2 already held, %3 conflicting, %4 missing; %n files would be refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupBox</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_setup.py" line="253"/>
        <source>This ledger now trusts %1 %2. Trusting %3 instead moves it to the new supervisor: what %1 acknowledged is forgotten, so the next export sends the WHOLE history of this ledger (%Ln entries) to %3, and return bundles from %1 are refused from then on.</source>
        <translation>
            <numerusform>This ledger now trusts %1 %2. Trusting %3 instead moves it to the new supervisor: what %1 acknowledged is forgotten, so the next export sends the WHOLE history of this ledger (%Ln entry) to %3, and return bundles from %1 are refused from then on.</numerusform>
            <numerusform>This ledger now trusts %1 %2. Trusting %3 instead moves it to the new supervisor: what %1 acknowledged is forgotten, so the next export sends the WHOLE history of this ledger (%Ln entries) to %3, and return bundles from %1 are refused from then on.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="230"/>
        <source>This is a supervisor&apos;s ledger: Export forwards to the level above the stations&apos; original bundles it has not acknowledged yet (%1) and %Ln entries of this ledger&apos;s own.</source>
        <translation>
            <numerusform>This is a supervisor&apos;s ledger: Export forwards to the level above the stations&apos; original bundles it has not acknowledged yet (%1) and %Ln entry of this ledger&apos;s own.</numerusform>
            <numerusform>This is a supervisor&apos;s ledger: Export forwards to the level above the stations&apos; original bundles it has not acknowledged yet (%1) and %Ln entries of this ledger&apos;s own.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="240"/>
        <source>%Ln entries not yet acknowledged by %1.</source>
        <translation>
            <numerusform>%Ln entry not yet acknowledged by %1.</numerusform>
            <numerusform>%Ln entries not yet acknowledged by %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="289"/>
        <source>%n people are active members under two numbers (signed up at two stations).</source>
        <translation>
            <numerusform>%n person is an active member under two numbers (signed up at two stations).</numerusform>
            <numerusform>%n people are active members under two numbers (signed up at two stations).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="301"/>
        <source>Forward every station bundle this ledger holds (%1) and all %Ln of its own entries to the level above again?</source>
        <translation>
            <numerusform>Forward every station bundle this ledger holds (%1) and its own %Ln entry to the level above again?</numerusform>
            <numerusform>Forward every station bundle this ledger holds (%1) and all %Ln of its own entries to the level above again?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="304"/>
        <source>Export the whole history of this station again (%Ln entries), not only what the supervisor has not acknowledged?</source>
        <translation>
            <numerusform>Export the whole history of this station again (%Ln entry), not only what the supervisor has not acknowledged?</numerusform>
            <numerusform>Export the whole history of this station again (%Ln entries), not only what the supervisor has not acknowledged?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="346"/>
        <source>Written: %1 (%Ln entries)</source>
        <translation>
            <numerusform>Written: %1 (%Ln entry)</numerusform>
            <numerusform>Written: %1 (%Ln entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="482"/>
        <source>%n files: %1 accepted, %2 with nothing new, %3 refused, %4.</source>
        <translation>
            <numerusform>%n file: %1 accepted, %2 with nothing new, %3 refused, %4.</numerusform>
            <numerusform>%n files: %1 accepted, %2 with nothing new, %3 refused, %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="486"/>
        <source>%Ln new entries</source>
        <translation>
            <numerusform>%Ln new entry</numerusform>
            <numerusform>%Ln new entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/sync_view.py" line="497"/>
        <source>Import cancelled: %n of the files chosen (%1 in all) were not imported; import them again.</source>
        <translation>
            <numerusform>Import cancelled: %n of the files chosen (%1 in all) was not imported; import it again.</numerusform>
            <numerusform>Import cancelled: %n of the files chosen (%1 in all) were not imported; import them again.</numerusform>
        </translation>
    </message>
</context>
</TS>
