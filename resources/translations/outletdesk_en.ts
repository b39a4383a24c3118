<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AssetLabelsDialog</name>
    <message numerus="yes">
        <source>All %n assets listed</source>
        <translation>
            <numerusform>The %n asset listed</numerusform>
            <numerusform>All %n assets listed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarTab</name>
    <message numerus="yes">
        <source>%n tasks</source>
        <translation>
            <numerusform>%n task</numerusform>
            <numerusform>%n tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{day}: %n tasks</source>
        <translation>
            <numerusform>{day}: %n task</numerusform>
            <numerusform>{day}: %n tasks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CancelOrderDialog</name>
    <message numerus="yes">
        <source>{number} to {supplier}: %n lines, {total}.</source>
        <translation>
            <numerusform>{number} to {supplier}: %n line, {total}.</numerusform>
            <numerusform>{number} to {supplier}: %n lines, {total}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountReviewDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;{counted} of %n lines counted&lt;/b&gt; ({not_counted} not counted: they stay as they are). Differences: {differences}. Found {found}, missing {missing}, &lt;b&gt;net value {net}&lt;/b&gt; at average cost.</source>
        <translation>
            <numerusform>&lt;b&gt;{counted} of %n line counted&lt;/b&gt; ({not_counted} not counted: they stay as they are). Differences: {differences}. Found {found}, missing {missing}, &lt;b&gt;net value {net}&lt;/b&gt; at average cost.</numerusform>
            <numerusform>&lt;b&gt;{counted} of %n lines counted&lt;/b&gt; ({not_counted} not counted: they stay as they are). Differences: {differences}. Found {found}, missing {missing}, &lt;b&gt;net value {net}&lt;/b&gt; at average cost.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock of %n counted parts moved after the count started: {skus}. Count them again before posting.</source>
        <translation>
            <numerusform>Stock of %n counted part moved after the count started: {skus}. Count it again before posting.</numerusform>
            <numerusform>Stock of %n counted parts moved after the count started: {skus}. Count them again before posting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n counted parts are outside this count&apos;s bins or category: {skus}. Recount them to clear their counts before posting.</source>
        <translation>
            <numerusform>%n counted part is outside this count&apos;s bins or category: {skus}. Recount it to clear its count before posting.</numerusform>
            <numerusform>%n counted parts are outside this count&apos;s bins or category: {skus}. Recount them to clear their counts before posting.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Post count {number} to the stock at {outlet}? %n parts change, net value {net}. {not_counted} Posted corrections cannot be taken back.</source>
        <translation>
            <numerusform>Post count {number} to the stock at {outlet}? %n part changes, net value {net}. {not_counted} Posted corrections cannot be taken back.</numerusform>
            <numerusform>Post count {number} to the stock at {outlet}? %n parts change, net value {net}. {not_counted} Posted corrections cannot be taken back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines not counted stay as they are.</source>
        <translation>
            <numerusform>%n line not counted stays as it is.</numerusform>
            <numerusform>%n lines not counted stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts to count again: their counts were cleared and what the ledger says now is expected. Count them, then review again.</source>
        <translation>
            <numerusform>%n part to count again: its count was cleared and what the ledger says now is expected. Count it, then review again.</numerusform>
            <numerusform>%n parts to count again: their counts were cleared and what the ledger says now is expected. Count them, then review again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers written to {path}</source>
        <translation>
            <numerusform>%n customer written to {path}</numerusform>
            <numerusform>%n customers written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftFromLowStockDialog</name>
    <message numerus="yes">
        <source>{supplier} (%n parts running low)</source>
        <translation>
            <numerusform>{supplier} (%n part running low)</numerusform>
            <numerusform>{supplier} (%n parts running low)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts on the list have no supplier; set one in the part to order them this way.</source>
        <translation>
            <numerusform>%n part on the list has no supplier; set one in the part to order it this way.</numerusform>
            <numerusform>%n parts on the list have no supplier; set one in the part to order them this way.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentActions</name>
    <message numerus="yes">
        <source>%n assets added</source>
        <translation>
            <numerusform>%n asset added</numerusform>
            <numerusform>%n assets added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records added</source>
        <translation>
            <numerusform>%n record added</numerusform>
            <numerusform>%n records added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs</source>
        <translation>
            <numerusform>%n repair</numerusform>
            <numerusform>%n repairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n breakdowns</source>
        <translation>
            <numerusform>%n breakdown</numerusform>
            <numerusform>%n breakdowns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n malformed lines in {folder}; nothing was imported.</source>
        <translation>
            <numerusform>%n malformed line in {folder}; nothing was imported.</numerusform>
            <numerusform>%n malformed lines in {folder}; nothing was imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentExports</name>
    <message numerus="yes">
        <source>%n assets written to {path}</source>
        <translation>
            <numerusform>%n asset written to {path}</numerusform>
            <numerusform>%n assets written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance records written to {path}</source>
        <translation>
            <numerusform>%n maintenance record written to {path}</numerusform>
            <numerusform>%n maintenance records written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n maintenance tasks written to {path}</source>
        <translation>
            <numerusform>%n maintenance task written to {path}</numerusform>
            <numerusform>%n maintenance tasks written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plan rows written to {path}</source>
        <translation>
            <numerusform>%n plan row written to {path}</numerusform>
            <numerusform>%n plan rows written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentImportDialog</name>
    <message numerus="yes">
        <source>Create the %n new categories listed</source>
        <translation>
            <numerusform>Create the %n new category listed</numerusform>
            <numerusform>Create the %n new categories listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EquipmentPage</name>
    <message numerus="yes">
        <source>%n assets</source>
        <translation>
            <numerusform>%n asset</numerusform>
            <numerusform>%n assets</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message numerus="yes">
        <source>Seen before: {device}, %n repairs</source>
        <translation>
            <numerusform>Seen before: {device}, %n repair</numerusform>
            <numerusform>Seen before: {device}, %n repairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartLabelsDialog</name>
    <message numerus="yes">
        <source>%n labels</source>
        <translation>
            <numerusform>%n label</numerusform>
            <numerusform>%n labels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartsExports</name>
    <message numerus="yes">
        <source>%n parts written to {path}</source>
        <translation>
            <numerusform>%n part written to {path}</numerusform>
            <numerusform>%n parts written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock rows written to {path}</source>
        <translation>
            <numerusform>%n stock row written to {path}</numerusform>
            <numerusform>%n stock rows written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stock movements written to {path}</source>
        <translation>
            <numerusform>%n stock movement written to {path}</numerusform>
            <numerusform>%n stock movements written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n parts to reorder written to {path}</source>
        <translation>
            <numerusform>%n part to reorder written to {path}</numerusform>
            <numerusform>%n parts to reorder written to {path}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stock value of %n parts written to {path}</source>
        <translation>
            <numerusform>Stock value of %n part written to {path}</numerusform>
            <numerusform>Stock value of %n parts written to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PartsPage</name>
    <message numerus="yes">
        <source>%n parts</source>
        <translation>
            <numerusform>%n part</numerusform>
            <numerusform>%n parts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlansTab</name>
    <message numerus="yes">
        <source>%n plans for {tag}</source>
        <translation>
            <numerusform>%n plan for {tag}</numerusform>
            <numerusform>%n plans for {tag}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plans</source>
        <translation>
            <numerusform>%n plan</numerusform>
            <numerusform>%n plans</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchaseOrderDialog</name>
    <message numerus="yes">
        <source>%n parts match; Enter or double-click adds one.</source>
        <translation>
            <numerusform>%n part matches; Enter or double-click adds it.</numerusform>
            <numerusform>%n parts match; Enter or double-click adds one.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines, total {total}</source>
        <translation>
            <numerusform>%n line, total {total}</numerusform>
            <numerusform>%n lines, total {total}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurchaseOrdersTab</name>
    <message numerus="yes">
        <source>%n orders</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message numerus="yes">
        <source>{number} from {supplier}, expected {day}: %n units still to come.</source>
        <translation>
            <numerusform>{number} from {supplier}, expected {day}: %n unit still to come.</numerusform>
            <numerusform>{number} from {supplier}, expected {day}: %n units still to come.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Booked in %n units on {lines}.</source>
        <translation>
            <numerusform>Booked in %n unit on {lines}.</numerusform>
            <numerusform>Booked in %n units on {lines}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lines</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs waiting for these parts can now continue: {numbers}.</source>
        <translation>
            <numerusform>%n repair waiting for these parts can now continue: {numbers}.</numerusform>
            <numerusform>%n repairs waiting for these parts can now continue: {numbers}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repairs waiting for these parts are still short of parts.</source>
        <translation>
            <numerusform>%n repair waiting for these parts is still short of parts.</numerusform>
            <numerusform>%n repairs waiting for these parts are still short of parts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpreadsheetImportDialog</name>
    <message numerus="yes">
        <source>Column titles found on row {row}; %n rows below it.</source>
        <translation>
            <numerusform>Column titles found on row {row}; %n row below it.</numerusform>
            <numerusform>Column titles found on row {row}; %n rows below it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid rows were skipped; they are listed below.</source>
        <translation>
            <numerusform>%n invalid row was skipped; it is listed below.</numerusform>
            <numerusform>%n invalid rows were skipped; they are listed below.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.</source>
        <translation>
            <numerusform>%n row: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.</numerusform>
            <numerusform>%n rows: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StocktakeTab</name>
    <message numerus="yes">
        <source>{counted} of %n lines counted.</source>
        <translation>
            <numerusform>{counted} of %n line counted.</numerusform>
            <numerusform>{counted} of %n lines counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Count sheet with %n lines written to {path}.</source>
        <translation>
            <numerusform>Count sheet with %n line written to {path}.</numerusform>
            <numerusform>Count sheet with %n lines written to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SuppliersDialog</name>
    <message numerus="yes">
        <source>%n suppliers</source>
        <translation>
            <numerusform>%n supplier</numerusform>
            <numerusform>%n suppliers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message numerus="yes">
        <source>%n work orders</source>
        <translation>
            <numerusform>%n work order</numerusform>
            <numerusform>%n work orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{orders} · %n more in other statuses</source>
        <translation>
            <numerusform>{orders} · %n more in another status</numerusform>
            <numerusform>{orders} · %n more in other statuses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n work orders written to {path}</source>
        <translation>
            <numerusform>%n work order written to {path}</numerusform>
            <numerusform>%n work orders written to {path}</numerusform>
        </translation>
    </message>
</context>
</TS>
