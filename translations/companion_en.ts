<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AutoLockChooser</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictSummary</name>
    <message numerus="yes">
        <source>%1, %n minute(s)</source>
        <translation>
            <numerusform>%1, %n minute</numerusform>
            <numerusform>%1, %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) ticked</source>
        <translation>
            <numerusform>%n item ticked</numerusform>
            <numerusform>%n items ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FlagText</name>
    <message numerus="yes">
        <source>No check-in shared for %n day(s).</source>
        <translation>
            <numerusform>No check-in shared for %n day.</numerusform>
            <numerusform>No check-in shared for %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread shared entry(s).</source>
        <translation>
            <numerusform>%n unread shared entry.</numerusform>
            <numerusform>%n unread shared entries.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoDriving</name>
    <message numerus="yes">
        <source>Thank you for your check-in. Your clinic&apos;s minimum of %n hours after the infusion still applies.</source>
        <translation>
            <numerusform>Thank you for your check-in. Your clinic&apos;s minimum of %n hour after the infusion still applies.</numerusform>
            <numerusform>Thank you for your check-in. Your clinic&apos;s minimum of %n hours after the infusion still applies.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PatientRow</name>
    <message numerus="yes">
        <source>%n shared entry(s), the latest on %1.</source>
        <translation>
            <numerusform>%n shared entry, the latest on %1.</numerusform>
            <numerusform>%n shared entries, the latest on %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionnaireListCard</name>
    <message numerus="yes">
        <source>Answer the %1 (%n question(s))</source>
        <translation>
            <numerusform>Answer the %1 (%n question)</numerusform>
            <numerusform>Answer the %1 (%n questions)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportText</name>
    <message numerus="yes">
        <source>%n more instrument(s) in the table only.</source>
        <translation>
            <numerusform>%n more questionnaire in the table only.</numerusform>
            <numerusform>%n more questionnaires in the table only.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n earlier result(s) not shown; the FHIR export has them all.</source>
        <translation>
            <numerusform>%n earlier result not shown; the FHIR export has them all.</numerusform>
            <numerusform>%n earlier results not shown; the FHIR export has them all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more note(s) not shown; see the patient&apos;s timeline.</source>
        <translation>
            <numerusform>%n more note not shown; see the patient&apos;s timeline.</numerusform>
            <numerusform>%n more notes not shown; see the patient&apos;s timeline.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n shared entry(s) cannot be shown by this console (see the timeline).</source>
        <translation>
            <numerusform>%n shared entry cannot be shown by this console (see the timeline).</numerusform>
            <numerusform>%n shared entries cannot be shown by this console (see the timeline).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryText</name>
    <message numerus="yes">
        <source>%1: average %2 over %n check-in(s).</source>
        <translation>
            <numerusform>%1: average %2 over %n check-in.</numerusform>
            <numerusform>%1: average %2 over %n check-ins.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n infusion(s): %1</source>
        <translation>
            <numerusform>%n infusion: %1</numerusform>
            <numerusform>%n infusions: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineText</name>
    <message numerus="yes">
        <source>Preparation checklist: %n item(s) done</source>
        <translation>
            <numerusform>Preparation checklist: %n item done</numerusform>
            <numerusform>Preparation checklist: %n items done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::PatientListModel</name>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>%n unread</numerusform>
            <numerusform>%n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::careteampresentation::PatientView</name>
    <message numerus="yes">
        <source>%1: %n score(s), %2. %3</source>
        <translation>
            <numerusform>%1: %n score, %2. %3</numerusform>
            <numerusform>%1: %n scores, %2. %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::ArticleListModel</name>
    <message numerus="yes">
        <source>%n min read</source>
        <translation>
            <numerusform>%n min read</numerusform>
            <numerusform>%n min read</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::DiaryController</name>
    <message numerus="yes">
        <source>%n day(s) after infusion %1</source>
        <translation>
            <numerusform>%n day after infusion %1</numerusform>
            <numerusform>%n days after infusion %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::JournalController</name>
    <message numerus="yes">
        <source>%n entry(s)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This entry is %n character(s) over the limit of %1.</source>
        <translation>
            <numerusform>This entry is %n character over the limit of %1.</numerusform>
            <numerusform>This entry is %n characters over the limit of %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::PlanController</name>
    <message numerus="yes">
        <source>%n reminder(s) scheduled on this device.</source>
        <translation>
            <numerusform>%n reminder scheduled on this device.</numerusform>
            <numerusform>%n reminders scheduled on this device.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::SummaryController</name>
    <message numerus="yes">
        <source>The last %n day(s)</source>
        <translation>
            <numerusform>The last %n day</numerusform>
            <numerusform>The last %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>companion::presentation::TrendController</name>
    <message numerus="yes">
        <source>%1: %n entries. Latest %2 on %3.</source>
        <translation>
            <numerusform>%1: %n entry. Latest %2 on %3.</numerusform>
            <numerusform>%1: %n entries. Latest %2 on %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n infusion(s) marked.</source>
        <translation>
            <numerusform>%n infusion marked.</numerusform>
            <numerusform>%n infusions marked.</numerusform>
        </translation>
    </message>
</context>
</TS>
