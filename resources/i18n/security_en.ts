<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConfirmRestoreDialog</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="241"/>
        <source>%n entries were made at this station after the backup.</source>
        <translation>
            <numerusform>%n entry was made at this station after the backup.</numerusform>
            <numerusform>%n entries were made at this station after the backup.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="245"/>
        <source>%n of them went out in a sync bundle: the supervisor keeps those it imports (in its ledger and reports), but they do not come back into this ledger.</source>
        <translation>
            <numerusform>%n of them went out in a sync bundle: the supervisor keeps what it imports (in its ledger and reports), but it does not come back into this ledger.</numerusform>
            <numerusform>%n of them went out in a sync bundle: the supervisor keeps those it imports (in its ledger and reports), but they do not come back into this ledger.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_restore.py" line="250"/>
        <source>%n were never exported and are lost unless entered again.</source>
        <translation>
            <numerusform>%n was never exported and is lost unless entered again.</numerusform>
            <numerusform>%n were never exported and are lost unless entered again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message numerus="yes">
        <location filename="../../station_app/ui/security_page.py" line="525"/>
        <source>With %1 years, %n members who left are anonymised within the hour: their name, phone and ID number are blanked for good. Save it?</source>
        <translation>
            <numerusform>With %1 years, %n member who left is anonymised within the hour: their name, phone and ID number are blanked for good. Save it?</numerusform>
            <numerusform>With %1 years, %n members who left are anonymised within the hour: their name, phone and ID number are blanked for good. Save it?</numerusform>
        </translation>
    </message>
</context>
</TS>
