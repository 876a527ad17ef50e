<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Up42</name>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="171"/>
        <source>The AOI is empty.</source>
        <translation>Das Interessengebiet (AOI) ist leer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="129"/>
        <source>The AOI is not a valid polygon (it crosses itself or has bad rings).</source>
        <translation>Das AOI ist kein gültiges Polygon (es schneidet sich selbst oder hat fehlerhafte Ringe).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="173"/>
        <source>The AOI must be a polygon.</source>
        <translation>Das AOI muss ein Polygon sein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="131"/>
        <source>The AOI has too many vertices; simplify it.</source>
        <translation>Das AOI hat zu viele Stützpunkte; bitte vereinfachen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="132"/>
        <source>The AOI is too small.</source>
        <translation>Das AOI ist zu klein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="250"/>
        <source>The AOI cannot be used.</source>
        <translation>Das AOI kann nicht verwendet werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="188"/>
        <source>There is no repaired geometry.</source>
        <translation>Es gibt keine reparierte Geometrie.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="214"/>
        <source>Select a polygon layer in the Layers panel first.</source>
        <translation>Wählen Sie zuerst einen Polygonlayer im Layerbedienfeld.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="216"/>
        <source>The layer “{name}” has no polygons.</source>
        <translation>Der Layer „{name}“ enthält keine Polygone.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="219"/>
        <source>Select one or more features of “{name}” first.</source>
        <translation>Wählen Sie zuerst ein oder mehrere Objekte von „{name}“.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/notify.py" line="53"/>
        <source>UP42</source>
        <translation>UP42</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="154"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="100"/>
        <source>Collection</source>
        <translation>Kollektion</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="37"/>
        <source>Cloud %</source>
        <translation>Wolken %</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="40"/>
        <source>Scene id</source>
        <translation>Szenen-ID</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="52"/>
        <source>Estimated credits for the current AOI (100 credits = 1 EUR)</source>
        <translation>Geschätzte Credits für das aktuelle AOI (100 Credits = 1 EUR)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="268"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="320"/>
        <source>Provider scene: {name}</source>
        <translation>Szene des Anbieters: {name}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="52"/>
        <source>Search, order and download UP42 imagery</source>
        <translation>UP42-Bilddaten suchen, bestellen und herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="141"/>
        <source>&amp;UP42</source>
        <translation>&amp;UP42</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="110"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="149"/>
        <source>{algorithm} failed unexpectedly: {error} (details in the UP42 log)</source>
        <translation>{algorithm} ist unerwartet fehlgeschlagen: {error} (Details im UP42-Protokoll)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="285"/>
        <source>Area of interest as an extent (or give AOI)</source>
        <translation>Interessengebiet als Ausdehnung (oder AOI angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="290"/>
        <source>Area of interest as polygons (or give EXTENT)</source>
        <translation>Interessengebiet als Polygone (oder EXTENT angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="314"/>
        <source>Both EXTENT and AOI are given: using the AOI polygons.</source>
        <translation>EXTENT und AOI sind beide angegeben: Die AOI-Polygone werden verwendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="316"/>
        <source>Give the area of interest: EXTENT or an AOI polygon layer.</source>
        <translation>Geben Sie das Interessengebiet an: EXTENT oder einen AOI-Polygonlayer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="325"/>
        <source>Unusable area of interest: {reason}</source>
        <translation>Unbrauchbares Interessengebiet: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="340"/>
        <source>The AOI layer could not be read.</source>
        <translation>Der AOI-Layer konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="356"/>
        <source>The AOI layer has no polygon to use as the area.</source>
        <translation>Der AOI-Layer enthält kein Polygon, das als Gebiet dienen kann.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="361"/>
        <source>The AOI polygons could not be combined.</source>
        <translation>Die AOI-Polygone konnten nicht vereinigt werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="216"/>
        <source>The order has no files to download yet.</source>
        <translation>Die Bestellung hat noch keine Dateien zum Herunterladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="313"/>
        <source>Download cancelled. It resumes where it stopped when you download again.</source>
        <translation>Download abgebrochen. Beim erneuten Herunterladen wird er an der Abbruchstelle fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/downloads.py" line="38"/>
        <source>UP42: downloading {name}</source>
        <translation>UP42: {name} wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="140"/>
        <source>Not sent: {reason}</source>
        <translation>Nicht gesendet: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="144"/>
        <source>UP42: reading orders</source>
        <translation>UP42: Bestellungen werden gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="172"/>
        <source>UP42: cancelling an order</source>
        <translation>UP42: Bestellung wird storniert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="184"/>
        <source>UP42: reading a delivery</source>
        <translation>UP42: Lieferung wird gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="45"/>
        <source>UP42: searching the catalog</source>
        <translation>UP42: Katalog wird durchsucht</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="45"/>
        <source>UP42: loading result page {n}</source>
        <translation>UP42: Ergebnisseite {n} wird geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="84"/>
        <source>UP42: loading collections</source>
        <translation>UP42: Kollektionen werden geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="100"/>
        <source>UP42: loading the preview of {scene}</source>
        <translation>UP42: Vorschau von {scene} wird geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/clients.py" line="35"/>
        <source>No UP42 account is configured. Sign in under Settings &gt; Options &gt; UP42 (or set UP42_USERNAME and UP42_PASSWORD for headless runs).</source>
        <translation>Es ist kein UP42-Konto eingerichtet. Melden Sie sich unter Einstellungen &gt; Optionen &gt; UP42 an (oder setzen Sie UP42_USERNAME und UP42_PASSWORD für Läufe ohne Oberfläche).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/clients.py" line="124"/>
        <source>The UP42 account (authentication configuration {id}) cannot be read. Choose or create it again under Settings &gt; Options &gt; UP42.</source>
        <translation>Das UP42-Konto (Authentifizierungskonfiguration {id}) kann nicht gelesen werden. Wählen oder erstellen Sie es erneut unter Einstellungen &gt; Optionen &gt; UP42.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_account.py" line="59"/>
        <source>Enter both the e-mail address and the password.</source>
        <translation>Geben Sie E-Mail-Adresse und Passwort ein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/credentials.py" line="37"/>
        <source>The authentication configuration {id} could not be read.</source>
        <translation>Die Authentifizierungskonfiguration {id} konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/credentials.py" line="41"/>
        <source>The authentication configuration {id} is not a Basic one.</source>
        <translation>Die Authentifizierungskonfiguration {id} ist keine Basic-Konfiguration.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/credentials.py" line="54"/>
        <source>QGIS could not save the account in its authentication database. Check that the master password is set.</source>
        <translation>QGIS konnte das Konto nicht in seiner Authentifizierungsdatenbank speichern. Prüfen Sie, ob das Master-Passwort gesetzt ist.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="109"/>
        <source>The AOI covers {area} km²; a search allows at most {limit} km². Zoom in or draw a smaller area.</source>
        <translation>Das AOI umfasst {area} km²; eine Suche erlaubt höchstens {limit} km². Zoomen Sie hinein oder zeichnen Sie ein kleineres Gebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="117"/>
        <source>The AOI covers {area} km²; it must cover at least {limit} km².</source>
        <translation>Das AOI umfasst {area} km²; es muss mindestens {limit} km² umfassen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="133"/>
        <source>The AOI is too large for a search; zoom in or draw a smaller one.</source>
        <translation>Das AOI ist für eine Suche zu groß; zoomen Sie hinein oder zeichnen Sie ein kleineres.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="40"/>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="62"/>
        <source>Download and add to project</source>
        <translation>Herunterladen und zum Projekt hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="64"/>
        <source>Stop download</source>
        <translation>Download anhalten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="66"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="99"/>
        <source>Select an order to see its delivery.</source>
        <translation>Wählen Sie eine Bestellung, um ihre Lieferung zu sehen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="101"/>
        <source>The files can be downloaded once the order is fulfilled.</source>
        <translation>Die Dateien können heruntergeladen werden, sobald die Bestellung ausgeliefert ist.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="101"/>
        <source>This order has no delivery.</source>
        <translation>Diese Bestellung hat keine Lieferung.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="115"/>
        <source>Reading the delivery…</source>
        <translation>Lieferung wird gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="132"/>
        <source>Could not read the delivery: {error}</source>
        <translation>Die Lieferung konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="151"/>
        <source>No files delivered yet.</source>
        <translation>Noch keine Dateien geliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="199"/>
        <source>Downloaded to {folder}</source>
        <translation>Heruntergeladen nach {folder}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="80"/>
        <source>Estimate</source>
        <translation>Schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="82"/>
        <source>Estimate the credits for the selected scenes</source>
        <translation>Die Credits für die ausgewählten Szenen schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="83"/>
        <source>Order…</source>
        <translation>Bestellen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="85"/>
        <source>Review and place orders for the selected scenes</source>
        <translation>Bestellungen für die ausgewählten Szenen prüfen und aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_products.py" line="66"/>
        <source>No orderable data product</source>
        <translation>Kein bestellbares Datenprodukt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_products.py" line="73"/>
        <source>{collection}:</source>
        <translation>{collection}:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="203"/>
        <source>Select scenes that have an orderable data product.</source>
        <translation>Wählen Sie Szenen mit einem bestellbaren Datenprodukt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="226"/>
        <source>Estimate cancelled.</source>
        <translation>Schätzung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="228"/>
        <source>Estimate failed: {error}</source>
        <translation>Schätzung fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="224"/>
        <source>{scene}: {error}</source>
        <translation>{scene}: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="143"/>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="349"/>
        <source>Select scenes to estimate or order them.</source>
        <translation>Wählen Sie Szenen aus, um sie zu schätzen oder zu bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="81"/>
        <source>Confirm UP42 order</source>
        <translation>UP42-Bestellung bestätigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="42"/>
        <source>Order name</source>
        <translation>Bestellname</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="42"/>
        <source>Data product</source>
        <translation>Datenprodukt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="41"/>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="42"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="69"/>
        <source>no estimate</source>
        <translation>keine Schätzung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="72"/>
        <source>Not ordered: {reason}</source>
        <translation>Nicht bestellt: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="105"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="154"/>
        <source>Credits are charged when an order is fulfilled.</source>
        <translation>Credits werden berechnet, wenn eine Bestellung ausgeliefert ist.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="89"/>
        <source>Download and add to the project when fulfilled</source>
        <translation>Nach der Auslieferung herunterladen und zum Projekt hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="168"/>
        <source>Place order</source>
        <translation>Bestellung aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="306"/>
        <source>Placing the orders… Please wait.</source>
        <translation>Die Bestellungen werden aufgegeben … Bitte warten.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="325"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="119"/>
        <source>Placed: {id}</source>
        <translation>Aufgegeben: {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="118"/>
        <source>Placed (confirmed after a lost answer): {id}</source>
        <translation>Aufgegeben (nach verlorener Antwort bestätigt): {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="122"/>
        <source>Failed: {error}</source>
        <translation>Fehlgeschlagen: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/order_dialog.py" line="335"/>
        <source>%Ln order(s) placed. Follow them in the Orders tab.</source>
        <translation>
            <numerusform>%Ln Bestellung aufgegeben. Verfolgen Sie sie im Reiter Bestellungen.</numerusform>
            <numerusform>%Ln Bestellungen aufgegeben. Verfolgen Sie sie im Reiter Bestellungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="21"/>
        <source>All orders</source>
        <translation>Alle Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="21"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="41"/>
        <source>Fulfilled</source>
        <translation>Ausgeliefert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="46"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="47"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="31"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="36"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="31"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="37"/>
        <source>Being placed</source>
        <translation>Wird aufgegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="38"/>
        <source>Placed</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="39"/>
        <source>Being fulfilled</source>
        <translation>Wird ausgeliefert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="42"/>
        <source>Placement failed</source>
        <translation>Aufgeben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="45"/>
        <source>Failed permanently</source>
        <translation>Endgültig fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="101"/>
        <source>The provider could not deliver this order. No credits are charged. Contact UP42 support with the order id {id} if you need to know why.</source>
        <translation>Der Anbieter konnte diese Bestellung nicht liefern. Es werden keine Credits berechnet. Wenden Sie sich mit der Bestell-ID {id} an den UP42-Support, wenn Sie den Grund wissen möchten.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="106"/>
        <source>This order was cancelled.</source>
        <translation>Diese Bestellung wurde storniert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="108"/>
        <source>Fulfilled: the files are ready to download.</source>
        <translation>Ausgeliefert: Die Dateien können heruntergeladen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="109"/>
        <source>In progress ({status}). The plugin checks it regularly.</source>
        <translation>In Bearbeitung ({status}). Das Plugin prüft sie regelmäßig.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="84"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="95"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="151"/>
        <source>Cancel order…</source>
        <translation>Bestellung stornieren …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="185"/>
        <source>Reading orders…</source>
        <translation>Bestellungen werden gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="219"/>
        <source>Could not read the orders: {error}</source>
        <translation>Die Bestellungen konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="224"/>
        <source>Reading the orders was cancelled.</source>
        <translation>Das Lesen der Bestellungen wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="398"/>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="119"/>
        <source>Map extent</source>
        <translation>Kartenausdehnung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="44"/>
        <source>Use the visible map as the area of interest</source>
        <translation>Die sichtbare Karte als Interessengebiet verwenden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="120"/>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="121"/>
        <source>Click to add vertices, right-click to finish, Esc to cancel</source>
        <translation>Klicken fügt Stützpunkte hinzu, Rechtsklick beendet, Esc bricht ab</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="50"/>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="51"/>
        <source>Use the selected features of the active polygon layer (parts are merged)</source>
        <translation>Die ausgewählten Objekte des aktiven Polygonlayers verwenden (Teile werden vereinigt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="54"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="200"/>
        <source>No area of interest yet.</source>
        <translation>Noch kein Interessengebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="72"/>
        <source>Use repaired geometry</source>
        <translation>Reparierte Geometrie verwenden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="261"/>
        <source>Click to add vertices, right-click to finish, Esc to cancel.</source>
        <translation>Klicken fügt Stützpunkte hinzu, Rechtsklick beendet, Esc bricht ab.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="71"/>
        <source>Check the internet connection and the proxy in Settings ▸ Options ▸ Network.</source>
        <translation>Prüfen Sie die Internetverbindung und den Proxy unter Einstellungen ▸ Optionen ▸ Netzwerk.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="73"/>
        <source>UP42 is receiving too many requests; wait a moment and try again.</source>
        <translation>UP42 erhält zu viele Anfragen; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="75"/>
        <source>UP42 has a problem right now; try again in a few minutes.</source>
        <translation>UP42 hat gerade ein Problem; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="104"/>
        <source>An unexpected error; the UP42 tab of the Log Messages panel has the details.</source>
        <translation>Ein unerwarteter Fehler; Details stehen im Reiter UP42 des Protokollbedienfelds.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="47"/>
        <source>UP42 server error</source>
        <translation>UP42-Serverfehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="60"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="72"/>
        <source>Optical</source>
        <translation>Optisch</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="73"/>
        <source>Radar (SAR)</source>
        <translation>Radar (SAR)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="74"/>
        <source>Elevation</source>
        <translation>Höhenmodell</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="75"/>
        <source>Hyperspectral</source>
        <translation>Hyperspektral</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="78"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="85"/>
        <source>{value} m</source>
        <translation>{value} m</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="156"/>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="108"/>
        <source>Collections load once you are signed in.</source>
        <translation>Die Kollektionen werden geladen, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="155"/>
        <source>Cloud cover</source>
        <translation>Wolkenbedeckung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="159"/>
        <source>Descending</source>
        <translation>Absteigend</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="160"/>
        <source>Ascending</source>
        <translation>Aufsteigend</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="167"/>
        <source>Scenes per page; “Load more” fetches the next page</source>
        <translation>Szenen pro Seite; „Mehr laden“ holt die nächste Seite</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="124"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="234"/>
        <source>No searchable collections in this account.</source>
        <translation>Dieses Konto hat keine durchsuchbaren Kollektionen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="312"/>
        <source>The collections have not loaded yet.</source>
        <translation>Die Kollektionen sind noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="314"/>
        <source>Check at least one collection.</source>
        <translation>Markieren Sie mindestens eine Kollektion.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="316"/>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="90"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="59"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="81"/>
        <source>Open UP42 settings…</source>
        <translation>UP42-Einstellungen öffnen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="90"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/layers/quicklook.py" line="129"/>
        <source>Quicklook</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="119"/>
        <source>Loading collections…</source>
        <translation>Kollektionen werden geladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="129"/>
        <source>Loading the collections was cancelled.</source>
        <translation>Das Laden der Kollektionen wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="162"/>
        <source>Choose an area of interest: map extent, draw or selection.</source>
        <translation>Wählen Sie ein Interessengebiet: Kartenausdehnung, Zeichnen oder Auswahl.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="234"/>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/search_session.py" line="187"/>
        <source>The footprints could not be saved: {error}</source>
        <translation>Die Footprints konnten nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/search_session.py" line="202"/>
        <source>UP42 search {time}</source>
        <translation>UP42-Suche {time}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="272"/>
        <source>No search yet. Choose an area of interest and press Search.</source>
        <translation>Noch keine Suche. Wählen Sie ein Interessengebiet und klicken Sie auf Suchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="273"/>
        <source>Not signed in to UP42. Add your account in the settings.</source>
        <translation>Nicht bei UP42 angemeldet. Fügen Sie Ihr Konto in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="274"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="275"/>
        <source>No scenes match; widen the dates, the area or the cloud limit.</source>
        <translation>Keine passenden Szenen; erweitern Sie den Zeitraum, das Gebiet oder die Wolkengrenze.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_panel.py" line="297"/>
        <source>%Ln scene(s)</source>
        <translation>
            <numerusform>%Ln Szene</numerusform>
            <numerusform>%Ln Szenen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="98"/>
        <source>Select a scene to see its quicklook.</source>
        <translation>Wählen Sie eine Szene, um ihre Vorschau zu sehen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="72"/>
        <source>Show on map</source>
        <translation>Auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="73"/>
        <source>Add the quicklook as a layer over its footprint</source>
        <translation>Die Vorschau als Layer über ihrem Footprint hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="105"/>
        <source>This scene has no quicklook.</source>
        <translation>Diese Szene hat keine Vorschau.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="108"/>
        <source>Loading the quicklook…</source>
        <translation>Vorschau wird geladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="131"/>
        <source>The quicklook is empty.</source>
        <translation>Die Vorschau ist leer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="144"/>
        <source>The quicklook is not an image QGIS can show.</source>
        <translation>Die Vorschau ist kein Bild, das QGIS anzeigen kann.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="159"/>
        <source>Cannot show the quicklook on the map: {error}</source>
        <translation>Die Vorschau kann nicht auf der Karte gezeigt werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="85"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="93"/>
        <source>Same as the API origin</source>
        <translation>Wie der API-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="97"/>
        <source>UP42 region</source>
        <translation>UP42-Region</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="246"/>
        <source>API origin</source>
        <translation>API-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="246"/>
        <source>Auth origin</source>
        <translation>Auth-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="107"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="109"/>
        <source>The account is kept in the QGIS authentication database (a Basic configuration with your e-mail and password); only its id is saved in the settings.</source>
        <translation>Das Konto wird in der QGIS-Authentifizierungsdatenbank gespeichert (eine Basic-Konfiguration mit Ihrer E-Mail-Adresse und Ihrem Passwort); in den Einstellungen steht nur ihre ID.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="123"/>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="131"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="143"/>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="144"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="145"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="165"/>
        <source>Orders and downloads</source>
        <translation>Bestellungen und Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="169"/>
        <source>Folder for UP42 downloads</source>
        <translation>Ordner für UP42-Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="172"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="173"/>
        <source>How often open orders are checked</source>
        <translation>Wie oft offene Bestellungen geprüft werden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="176"/>
        <source>Download and add to the project when an order is fulfilled</source>
        <translation>Herunterladen und zum Projekt hinzufügen, wenn eine Bestellung ausgeliefert ist</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="91"/>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="180"/>
        <source>Check orders every</source>
        <translation>Bestellungen prüfen alle</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="181"/>
        <source>Parallel downloads</source>
        <translation>Parallele Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="245"/>
        <source>Enter the API origin of the custom UP42 installation.</source>
        <translation>Geben Sie den API-Ursprung der eigenen UP42-Installation ein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="304"/>
        <source>Connecting to {origin}…</source>
        <translation>Verbindung zu {origin} wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="316"/>
        <source>Connection test cancelled.</source>
        <translation>Verbindungstest abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="318"/>
        <source>Connection failed: {message}</source>
        <translation>Verbindung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="323"/>
        <source>Connected as {email}, workspace {workspace}</source>
        <translation>Verbunden als {email}, Workspace {workspace}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="94"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="55"/>
        <source>Download orders</source>
        <translation>Bestellungen herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="58"/>
        <source>Downloads the deliveries of ORDER_IDS (comma-separated) into FOLDER, one folder per order, unpacks them and returns the rasters as FILES. With WAIT it first waits until every order is fulfilled or has failed, at most TIMEOUT seconds, asking UP42 every POLL_INTERVAL seconds. Files already downloaded are not fetched again. In QGIS the rasters are added to the project.</source>
        <translation>Lädt die Lieferungen von ORDER_IDS (durch Kommas getrennt) nach FOLDER herunter, einen Ordner pro Bestellung, entpackt sie und gibt die Raster als FILES zurück. Mit WAIT wird zuerst gewartet, bis jede Bestellung ausgeliefert oder fehlgeschlagen ist, höchstens TIMEOUT Sekunden, wobei UP42 alle POLL_INTERVAL Sekunden gefragt wird. Bereits heruntergeladene Dateien werden nicht erneut geholt. In QGIS werden die Raster zum Projekt hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="128"/>
        <source>Order ids (comma-separated)</source>
        <translation>Bestell-IDs (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="70"/>
        <source>Wait until the orders are fulfilled</source>
        <translation>Warten, bis die Bestellungen ausgeliefert sind</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="75"/>
        <source>Longest wait (seconds)</source>
        <translation>Längste Wartezeit (Sekunden)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="82"/>
        <source>Seconds between status checks</source>
        <translation>Sekunden zwischen Statusabfragen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="92"/>
        <source>Downloaded rasters</source>
        <translation>Heruntergeladene Raster</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="102"/>
        <source>ORDER_IDS is empty: give the ids to download.</source>
        <translation>ORDER_IDS ist leer: Geben Sie die herunterzuladenden IDs an.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="112"/>
        <source>Cannot create FOLDER {folder}: {error}</source>
        <translation>FOLDER {folder} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="130"/>
        <source>Cancelled: the downloaded files stay in {folder}.</source>
        <translation>Abgebrochen: Die heruntergeladenen Dateien bleiben in {folder}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="208"/>
        <source>order {id}: {error}</source>
        <translation>Bestellung {id}: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="139"/>
        <source>order {id} delivered no raster.</source>
        <translation>Bestellung {id} hat kein Raster geliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="176"/>
        <source>Order {id}: {status}</source>
        <translation>Bestellung {id}: {status}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="197"/>
        <source>Cancelled while waiting for the orders.</source>
        <translation>Beim Warten auf die Bestellungen abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="209"/>
        <source>order {id} is not in this workspace&apos;s order list.</source>
        <translation>Bestellung {id} steht nicht in der Bestellliste dieses Workspaces.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="219"/>
        <source>order {id} ended as {status}: nothing to download.</source>
        <translation>Bestellung {id} endete als {status}: nichts herunterzuladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="223"/>
        <source>order {id} is still {status} after {s} s (TIMEOUT).</source>
        <translation>Bestellung {id} ist nach {s} s immer noch {status} (TIMEOUT).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="226"/>
        <source>order {id} is {status}, not fulfilled yet (set WAIT to wait for it).</source>
        <translation>Bestellung {id} ist {status}, noch nicht ausgeliefert (setzen Sie WAIT, um darauf zu warten).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="254"/>
        <source>Downloading order {id}…</source>
        <translation>Bestellung {id} wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="123"/>
        <source>Estimate order cost</source>
        <translation>Bestellkosten schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="139"/>
        <source>Total credits</source>
        <translation>Credits gesamt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="60"/>
        <source>Order scenes</source>
        <translation>Szenen bestellen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="75"/>
        <source>Most credits to spend (nothing is ordered above it)</source>
        <translation>Höchstens auszugebende Credits (darüber wird nichts bestellt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="96"/>
        <source>MAX_CREDITS is required: the most credits to spend.</source>
        <translation>MAX_CREDITS ist erforderlich: die höchstens auszugebenden Credits.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="101"/>
        <source>The estimate is {total} credits, above MAX_CREDITS {most}: nothing was ordered.</source>
        <translation>Die Schätzung beträgt {total} Credits, mehr als MAX_CREDITS {most}: Es wurde nichts bestellt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="113"/>
        <source>UP42 refused every scene, nothing was ordered: {reason}</source>
        <translation>UP42 hat jede Szene abgelehnt, es wurde nichts bestellt: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="130"/>
        <source>No order was placed: {reason}</source>
        <translation>Es wurde keine Bestellung aufgegeben: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="139"/>
        <source>Not ordered: cancelled.</source>
        <translation>Nicht bestellt: abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="214"/>
        <source>{scene}: order {order} placed.</source>
        <translation>{scene}: Bestellung {order} aufgegeben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_order.py" line="263"/>
        <source>%Ln order(s) placed: {ids}</source>
        <translation>
            <numerusform>%Ln Bestellung aufgegeben: {ids}</numerusform>
            <numerusform>%Ln Bestellungen aufgegeben: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="87"/>
        <source>Search scenes</source>
        <translation>Szenen suchen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="59"/>
        <source>Collections (comma-separated names; empty: all)</source>
        <translation>Kollektionen (durch Kommas getrennte Namen; leer: alle)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="110"/>
        <source>Acquired from</source>
        <translation>Aufgenommen ab</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="110"/>
        <source>Acquired until</source>
        <translation>Aufgenommen bis</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="116"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Maximale Wolkenbedeckung (%)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="133"/>
        <source>Most scenes</source>
        <translation>Höchstens Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="178"/>
        <source>Scene {id} has no usable footprint; skipped.</source>
        <translation>Szene {id} hat keinen brauchbaren Footprint; übersprungen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="207"/>
        <source>START_DATE {start} is after END_DATE {end}.</source>
        <translation>START_DATE {start} liegt nach END_DATE {end}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="240"/>
        <source>{name} must be an ISO date (YYYY-MM-DD), not &apos;{value}&apos;.</source>
        <translation>{name} muss ein ISO-Datum (JJJJ-MM-TT) sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="275"/>
        <source>Unknown collection(s): {unknown}. Known: {known}.</source>
        <translation>Unbekannte Kollektion(en): {unknown}. Bekannt: {known}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="43"/>
        <source>Scenes (a layer made by &apos;Search scenes&apos;; its selection, if any)</source>
        <translation>Szenen (ein Layer aus 'Szenen suchen'; gegebenenfalls seine Auswahl)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="53"/>
        <source>Data product id or name (empty: the first orderable one of each collection)</source>
        <translation>Datenprodukt-ID oder -Name (leer: das erste bestellbare jeder Kollektion)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="93"/>
        <source>SCENES could not be read.</source>
        <translation>SCENES konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="97"/>
        <source>SCENES lacks the field(s) {fields}: use a layer made by &apos;Search scenes&apos;.</source>
        <translation>SCENES fehlen die Felder {fields}: Verwenden Sie einen Layer aus 'Szenen suchen'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="115"/>
        <source>SCENES has no scene with a scene_id and a collection.</source>
        <translation>SCENES enthält keine Szene mit scene_id und collection.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="144"/>
        <source>Unknown collection &apos;{name}&apos;.</source>
        <translation>Unbekannte Kollektion '{name}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="148"/>
        <source>Collection &apos;{name}&apos; has no orderable data product.</source>
        <translation>Kollektion '{name}' hat kein bestellbares Datenprodukt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="157"/>
        <source>Data product &apos;{product}&apos; belongs to {owners}, not to &apos;{name}&apos;.</source>
        <translation>Datenprodukt '{product}' gehört zu {owners}, nicht zu '{name}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="160"/>
        <source>Collection &apos;{name}&apos; has no data product &apos;{product}&apos; (it has: {has}).</source>
        <translation>Kollektion '{name}' hat kein Datenprodukt '{product}' (sie hat: {has}).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="162"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="203"/>
        <source>Enter an origin such as https://api.up42.com (http:// or https://, a host).</source>
        <translation>Geben Sie einen Ursprung wie https://api.up42.com ein (http:// oder https://, ein Host).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="205"/>
        <source>An origin has no query string or fragment.</source>
        <translation>Ein Ursprung hat keinen Query-String und kein Fragment.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="226"/>
        <source>The custom UP42 origin &quot;{origin}&quot; cannot be used. {problem}</source>
        <translation>Der eigene UP42-Ursprung &quot;{origin}&quot; kann nicht verwendet werden. {problem}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/connection.py" line="26"/>
        <source>UP42: testing the connection</source>
        <translation>UP42: Verbindung wird getestet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/network.py" line="162"/>
        <source>QGIS is set to use a SOCKS5 proxy, which the UP42 plugin can only use with the PySocks package: install it into QGIS&apos;s Python (pip install PySocks), or choose an HTTP proxy in Settings &gt; Options &gt; Network.</source>
        <translation>QGIS ist auf einen SOCKS5-Proxy eingestellt, den das UP42-Plugin nur mit dem Paket PySocks nutzen kann: Installieren Sie es in das Python von QGIS (pip install PySocks) oder wählen Sie einen HTTP-Proxy unter Einstellungen &gt; Optionen &gt; Netzwerk.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="208"/>
        <source>Estimating… (scenes: {n})</source>
        <translation>Schätzung läuft … (Szenen: {n})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/formatting.py" line="45"/>
        <source>≈ {euros} € (estimate)</source>
        <translation>≈ {euros} €, geschätzt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/formatting.py" line="52"/>
        <source>{credits} credits ({euros})</source>
        <translation>{credits} Credits ({euros})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="265"/>
        <source>Not orderable ({n}):</source>
        <translation>Nicht bestellbar ({n}):</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="351"/>
        <source>Selected scenes: {n}</source>
        <translation>Ausgewählte Szenen: {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="38"/>
        <source>GSD (m)</source>
        <translation>GSD (m)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="39"/>
        <source>Incid. (°)</source>
        <translation>Einfallsw. (°)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="47"/>
        <source>Acquisition date and time (UTC)</source>
        <translation>Aufnahmedatum und -uhrzeit (UTC)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="48"/>
        <source>Cloud cover in percent</source>
        <translation>Wolkenbedeckung in Prozent</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="49"/>
        <source>Ground sample distance (resolution) in metres</source>
        <translation>Bodenauflösung (GSD) in Metern</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="50"/>
        <source>Incidence angle in degrees</source>
        <translation>Einfallswinkel in Grad</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="51"/>
        <source>UP42 scene id</source>
        <translation>UP42-Szenen-ID</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="53"/>
        <source>Europe (EU)</source>
        <translation>Europa (EU)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="53"/>
        <source>South America (SA)</source>
        <translation>Südamerika (SA)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="53"/>
        <source>Custom origins (e.g. the sandbox)</source>
        <translation>Eigene Ursprünge (z. B. die Sandbox)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="138"/>
        <source>UP42 estimates</source>
        <translation>UP42-Schätzungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="86"/>
        <source>UP42 orders</source>
        <translation>UP42-Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="141"/>
        <source>UP42 scenes</source>
        <translation>UP42-Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="304"/>
        <source>Downloaded {name} to {folder}; raster layers added: {n}</source>
        <translation>{name} nach {folder} heruntergeladen; hinzugefügte Rasterlayer: {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="315"/>
        <source>Cancelled: {files}. The other files are downloaded; downloading again resumes the cancelled ones.</source>
        <translation>Abgebrochen: {files}. Die übrigen Dateien sind heruntergeladen; erneutes Herunterladen setzt die abgebrochenen fort.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="94"/>
        <source>Orders to place (one per scene, tagged “qgis”): {n}</source>
        <translation>Aufzugebende Bestellungen (eine pro Szene, mit dem Tag „qgis“): {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="115"/>
        <source>Budget left: {credits} credits ({name})</source>
        <translation>Verbleibendes Budget: {credits} Credits ({name})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="206"/>
        <source>Warning: the estimated total ({credits} credits) is more than any budget has left.</source>
        <translation>Warnung: Die geschätzte Summe ({credits} Credits) übersteigt das verbleibende Guthaben jedes Budgets.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="398"/>
        <source>Cancel the order “{name}”? This cannot be undone.</source>
        <translation>Bestellung „{name}“ stornieren? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="416"/>
        <source>Cancelling “{name}”…</source>
        <translation>„{name}“ wird storniert …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="428"/>
        <source>Could not cancel “{name}”: {error}</source>
        <translation>„{name}“ konnte nicht storniert werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="438"/>
        <source>“{name}” is cancelled.</source>
        <translation>„{name}“ ist storniert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="268"/>
        <source>Order “{name}” is fulfilled.</source>
        <translation>Bestellung „{name}“ ist ausgeliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="51"/>
        <source>Order “{name}” failed ({status}). No credits are charged.</source>
        <translation>Bestellung „{name}“ ist fehlgeschlagen ({status}). Es werden keine Credits berechnet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="318"/>
        <source>Radar (SAR) sees through clouds: cloud cover does not apply.</source>
        <translation>Radar (SAR) sieht durch Wolken: Bewölkung spielt keine Rolle.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="317"/>
        <source>Placing failed: {error} Check the Orders tab before trying again.</source>
        <translation>Aufgeben fehlgeschlagen: {error} Prüfen Sie den Reiter Bestellungen, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="40"/>
        <source>Downloaded by UP42</source>
        <translation>Von UP42 heruntergeladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="43"/>
        <source>Download failed at UP42</source>
        <translation>Download bei UP42 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="44"/>
        <source>Delivery could not start</source>
        <translation>Lieferung konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="90"/>
        <source>UP42 could not place this order with the provider yet and may still resolve it; the plugin keeps checking. No credits are charged. Cancel it to close it, then order the scene again if you still need it.</source>
        <translation>UP42 konnte diese Bestellung noch nicht beim Anbieter aufgeben und kann das Problem noch beheben; das Plugin prüft weiter. Es werden keine Credits berechnet. Stornieren Sie sie, um sie abzuschließen, und bestellen Sie die Szene erneut, falls Sie sie noch brauchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="96"/>
        <source>UP42 reports a problem ({status}) and may still resolve it; the plugin keeps checking.</source>
        <translation>UP42 meldet ein Problem ({status}) und kann es noch beheben; das Plugin prüft weiter.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="214"/>
        <source>order {id} failed to be placed (PLACEMENT_FAILED); UP42 may still resolve it, or cancel it in the UP42 panel.</source>
        <translation>Bestellung {id} konnte nicht aufgegeben werden (PLACEMENT_FAILED); UP42 kann das noch beheben, oder stornieren Sie sie im UP42-Bedienfeld.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="320"/>
        <source>Download failed: {error} Downloading again resumes it.</source>
        <translation>Download fehlgeschlagen: {error} Erneutes Herunterladen setzt ihn fort.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="43"/>
        <source>Order “{name}” could not be placed yet (PLACEMENT_FAILED). UP42 may still resolve it; you can also cancel it in the Orders tab. No credits are charged.</source>
        <translation>Bestellung „{name}“ konnte noch nicht aufgegeben werden (PLACEMENT_FAILED). UP42 kann das noch beheben; Sie können sie auch im Reiter Bestellungen stornieren. Es werden keine Credits berechnet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="48"/>
        <source>Order “{name}” has a problem ({status}); UP42 may still resolve it.</source>
        <translation>Bestellung „{name}“ hat ein Problem ({status}); UP42 kann es noch beheben.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="29"/>
        <source>UP42 sign-in failed</source>
        <translation>Anmeldung bei UP42 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="31"/>
        <source>UP42 refused access</source>
        <translation>UP42 hat den Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="35"/>
        <source>Licence or access needed</source>
        <translation>Lizenz oder Zugang erforderlich</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="45"/>
        <source>UP42 is limiting requests</source>
        <translation>UP42 begrenzt die Anfragen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="49"/>
        <source>Could not reach UP42</source>
        <translation>UP42 ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="51"/>
        <source>Not found on UP42</source>
        <translation>Bei UP42 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="53"/>
        <source>UP42 refused the request</source>
        <translation>UP42 hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="55"/>
        <source>The order may exist</source>
        <translation>Die Bestellung existiert möglicherweise</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="57"/>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="59"/>
        <source>UP42 error</source>
        <translation>UP42-Fehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="66"/>
        <source>Check the UP42 account in Settings ▸ Options ▸ UP42 (outside QGIS: UP42_USERNAME and UP42_PASSWORD).</source>
        <translation>Prüfen Sie das UP42-Konto unter Einstellungen ▸ Optionen ▸ UP42 (außerhalb von QGIS: UP42_USERNAME und UP42_PASSWORD).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="77"/>
        <source>Check the account&apos;s permissions in the UP42 console.</source>
        <translation>Prüfen Sie die Berechtigungen des Kontos in der UP42-Konsole.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="84"/>
        <source>Accept the data product&apos;s licence (EULA) in the UP42 console first.</source>
        <translation>Akzeptieren Sie zuerst die Lizenz (EULA) des Datenprodukts in der UP42-Konsole.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="99"/>
        <source>Please check the AOI and the filters.</source>
        <translation>Bitte prüfen Sie das AOI und die Filter.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="101"/>
        <source>Check the Orders tab before ordering again.</source>
        <translation>Prüfen Sie den Reiter Bestellungen, bevor Sie erneut bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="120"/>
        <source>{title}: {message}.</source>
        <translation>{title}: {message}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="74"/>
        <source>Read the account and the credit balance again</source>
        <translation>Konto und Credit-Guthaben erneut lesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="79"/>
        <source>UP42 account and settings (Settings ▸ Options ▸ UP42)</source>
        <translation>UP42-Konto und -Einstellungen (Einstellungen ▸ Optionen ▸ UP42)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="113"/>
        <source>Signing in…</source>
        <translation>Anmeldung läuft …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="145"/>
        <source>Sign-in failed</source>
        <translation>Anmeldung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="145"/>
        <source>UP42 refused the sign-in: {error} Correct the e-mail or password under Settings ▸ Options ▸ UP42.</source>
        <translation>UP42 hat die Anmeldung abgelehnt: {error} Korrigieren Sie E-Mail-Adresse oder Passwort unter Einstellungen ▸ Optionen ▸ UP42.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="155"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="155"/>
        <source>No answer.</source>
        <translation>Keine Antwort.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="169"/>
        <source>Sign in to search, order and download: Settings ▸ Options ▸ UP42.</source>
        <translation>Melden Sie sich an, um zu suchen, zu bestellen und herunterzuladen: Einstellungen ▸ Optionen ▸ UP42.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="174"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="183"/>
        <source>unknown user</source>
        <translation>unbekannter Benutzer</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="184"/>
        <source>{credits} credits</source>
        <translation>{credits} Credits</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="191"/>
        <source>Workspace {id}</source>
        <translation>Workspace {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="191"/>
        <source>Credit balance unknown</source>
        <translation>Credit-Guthaben unbekannt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/account_header.py" line="209"/>
        <source>Credit balance of the account</source>
        <translation>Credit-Guthaben des Kontos</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="69"/>
        <source>Tasking</source>
        <translation>Tasking</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="88"/>
        <source>Accept the chosen option…</source>
        <translation>Gewählte Option annehmen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="90"/>
        <source>Accept quotation…</source>
        <translation>Angebot annehmen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="92"/>
        <source>Reject quotation…</source>
        <translation>Angebot ablehnen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="94"/>
        <source>Show coverage on the map</source>
        <translation>Abdeckung auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="162"/>
        <source>Could not read the quotation: {e}</source>
        <translation>Das Angebot konnte nicht gelesen werden: {e}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="237"/>
        <source>UP42 sent no usable price ({reason}); this quotation cannot be accepted here.</source>
        <translation>UP42 hat keinen brauchbaren Preis geschickt ({reason}); dieses Angebot kann hier nicht angenommen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="240"/>
        <source>Quotation: {credits} credits. They are charged only when you accept.</source>
        <translation>Angebot: {credits} Credits. Sie werden erst berechnet, wenn Sie annehmen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="244"/>
        <source>{step}: UP42 is working on it; the plugin checks regularly.</source>
        <translation>{step}: UP42 arbeitet daran; das Plugin prüft regelmäßig.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="248"/>
        <source>Reading the quotation…</source>
        <translation>Angebot wird gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="251"/>
        <source>You accepted the quotation of {credits} credits.</source>
        <translation>Sie haben das Angebot über {credits} Credits angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="255"/>
        <source>The quotation was rejected; the order is cancelled.</source>
        <translation>Das Angebot wurde abgelehnt; die Bestellung ist storniert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="281"/>
        <source>Accept feasibility option</source>
        <translation>Option der Machbarkeitsstudie annehmen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="281"/>
        <source>Accept this option for “{name}”?

{option}

No credits are charged now: UP42 then sends a quotation, which you accept or reject separately.</source>
        <translation>Diese Option für „{name}“ annehmen?

{option}

Jetzt werden keine Credits berechnet: UP42 schickt danach ein Angebot, das Sie gesondert annehmen oder ablehnen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="289"/>
        <source>Option accepted; UP42 prepares the quotation.</source>
        <translation>Option angenommen; UP42 bereitet das Angebot vor.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="300"/>
        <source>Accept quotation</source>
        <translation>Angebot annehmen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="300"/>
        <source>Accept the quotation for “{name}”?

{credits} credits will be charged for this acquisition. This cannot be undone.</source>
        <translation>Das Angebot für „{name}“ annehmen?

Für diese Aufnahme werden {credits} Credits berechnet. Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="308"/>
        <source>Quotation accepted ({credits} credits); UP42 schedules the acquisition.</source>
        <translation>Angebot angenommen ({credits} Credits); UP42 plant die Aufnahme.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="320"/>
        <source>Reject quotation</source>
        <translation>Angebot ablehnen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="320"/>
        <source>Reject the quotation for “{name}” ({credits} credits)? UP42 then cancels the order; nothing is charged.</source>
        <translation>Das Angebot für „{name}“ ({credits} Credits) ablehnen? UP42 storniert dann die Bestellung; es wird nichts berechnet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="328"/>
        <source>Quotation rejected; UP42 cancels the order.</source>
        <translation>Angebot abgelehnt; UP42 storniert die Bestellung.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="337"/>
        <source>Sending your decision…</source>
        <translation>Ihre Entscheidung wird gesendet …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="371"/>
        <source>Coverage — {name}</source>
        <translation>Abdeckung — {name}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="382"/>
        <source>Could not read the coverage: {e}</source>
        <translation>Die Abdeckung konnte nicht gelesen werden: {e}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/decision_panel.py" line="387"/>
        <source>Coverage on the map: {covered} % covered.</source>
        <translation>Abdeckung auf der Karte: {covered} % abgedeckt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/delivery_panel.py" line="149"/>
        <source>%Ln file(s) delivered.</source>
        <translation>
            <numerusform>%Ln Datei geliefert.</numerusform>
            <numerusform>%Ln Dateien geliefert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="183"/>
        <source>No file manager could open the folder. The files are in {folder} (the path is copied to the clipboard).</source>
        <translation>Kein Dateimanager konnte den Ordner öffnen. Die Dateien liegen in {folder} (der Pfad ist in die Zwischenablage kopiert).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="86"/>
        <source>Order plan…</source>
        <translation>Plan bestellen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="88"/>
        <source>Order the parts of the coverage plan (its selected parts, if any)</source>
        <translation>Die Teile des Abdeckungsplans bestellen (gegebenenfalls nur die ausgewählten Teile)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="45"/>
        <source>Charge to budget:</source>
        <translation>Zu belastendes Budget:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="49"/>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="52"/>
        <source>{name} ({credits} credits left)</source>
        <translation>{name} (noch {credits} Credits)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="71"/>
        <source>UP42 requires a budget for every order in this workspace, and it has no active budget: ask its administrator for one.</source>
        <translation>UP42 verlangt in diesem Workspace für jede Bestellung ein Budget, und es gibt kein aktives Budget: Bitten Sie die Administration des Workspaces um eines.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="88"/>
        <source>UP42 estimated 0 credits for an area: a free product, or a wrong price. Check before placing:
{names}</source>
        <translation>UP42 hat für ein Gebiet 0 Credits geschätzt: ein kostenloses Produkt oder ein falscher Preis. Prüfen Sie das vor dem Aufgeben:
{names}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="94"/>
        <source>Yes, place the orders priced at 0 credits</source>
        <translation>Ja, die Bestellungen zu 0 Credits aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="108"/>
        <source>Order them again anyway</source>
        <translation>Trotzdem erneut bestellen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="137"/>
        <source>• {name} ({status}, order {id})</source>
        <translation>• {name} ({status}, Bestellung {id})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_checks.py" line="144"/>
        <source>Already on order in this workspace (same scene, data product and area); ordering again spends the credits twice:
{orders}</source>
        <translation>In diesem Workspace bereits bestellt (gleiche Szene, gleiches Datenprodukt und Gebiet); eine erneute Bestellung kostet die Credits doppelt:
{orders}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="106"/>
        <source>Area of interest: {area}&lt;br&gt;&lt;b&gt;Estimated total: {credits}&lt;/b&gt;</source>
        <translation>Interessengebiet: {area}&lt;br&gt;&lt;b&gt;Geschätzte Summe: {credits}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="194"/>
        <source>Warning: the estimated total ({credits} credits) is more than “{name}” has left ({left} credits).</source>
        <translation>Warnung: Die geschätzte Summe ({credits} Credits) übersteigt das verbleibende Guthaben von „{name}“ ({left} Credits).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="243"/>
        <source>Looking for orders of the same scenes in the workspace…</source>
        <translation>Bestellungen derselben Szenen im Workspace werden gesucht …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="256"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="257"/>
        <source>Could not look for orders of the same scenes: {error} Nothing was sent; press Place order to try again.</source>
        <translation>Die Suche nach Bestellungen derselben Szenen ist fehlgeschlagen: {error} Es wurde nichts gesendet; klicken Sie erneut auf „Bestellung aufgeben“.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="268"/>
        <source>Nothing was sent. Confirm below to order these scenes again.</source>
        <translation>Es wurde nichts gesendet. Bestätigen Sie unten, um diese Szenen erneut zu bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="317"/>
        <source>no result</source>
        <translation>kein Ergebnis</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/order_dialog.py" line="337"/>
        <source>%Ln could not be placed; see the reasons above.</source>
        <translation>
            <numerusform>%Ln Bestellung konnte nicht aufgegeben werden; der Grund steht oben.</numerusform>
            <numerusform>%Ln Bestellungen konnten nicht aufgegeben werden; die Gründe stehen oben.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_lines_table.py" line="66"/>
        <source>0 credits for an area: confirm it below</source>
        <translation>0 Credits für ein Gebiet: unten bestätigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_plan.py" line="82"/>
        <source>The plan layer has no part to order.</source>
        <translation>Der Plan-Layer enthält keinen Teil zum Bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="60"/>
        <source>Feasibility study in preparation</source>
        <translation>Machbarkeitsstudie in Vorbereitung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="61"/>
        <source>Feasibility study: your decision</source>
        <translation>Machbarkeitsstudie: Ihre Entscheidung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="62"/>
        <source>Quotation in preparation</source>
        <translation>Angebot in Vorbereitung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="63"/>
        <source>Quotation: your decision</source>
        <translation>Angebot: Ihre Entscheidung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="64"/>
        <source>Quotation accepted</source>
        <translation>Angebot angenommen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="65"/>
        <source>Quotation rejected</source>
        <translation>Angebot abgelehnt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="81"/>
        <source>UP42 studied how this area can be acquired and offers options: choose one (here or in the UP42 console). Nothing is chosen without you.</source>
        <translation>UP42 hat geprüft, wie dieses Gebiet aufgenommen werden kann, und bietet Optionen an: Wählen Sie eine (hier oder in der UP42-Konsole). Ohne Sie wird nichts gewählt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="85"/>
        <source>UP42 sent the price of this acquisition: accept or reject the quotation (here or in the UP42 console). Nothing is accepted without you.</source>
        <translation>UP42 hat den Preis dieser Aufnahme geschickt: Nehmen Sie das Angebot an oder lehnen Sie es ab (hier oder in der UP42-Konsole). Ohne Sie wird nichts angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="91"/>
        <source>New tasking order…</source>
        <translation>Neue Tasking-Bestellung …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="93"/>
        <source>Order a new acquisition of an area (tasking)</source>
        <translation>Eine neue Aufnahme eines Gebiets bestellen (Tasking)</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/orders_panel.py" line="230"/>
        <source>%Ln order(s) in the workspace.</source>
        <translation>
            <numerusform>%Ln Bestellung im Workspace.</numerusform>
            <numerusform>%Ln Bestellungen im Workspace.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="363"/>
        <source>Data product: {product}</source>
        <translation>Datenprodukt: {product}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="51"/>
        <source>Order id: {id}</source>
        <translation>Bestell-ID: {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="54"/>
        <source>Placed: {time}</source>
        <translation>Aufgegeben: {time}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="85"/>
        <source>{credits} credits, estimated when the order was placed</source>
        <translation>{credits} Credits, geschätzt beim Aufgeben der Bestellung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="99"/>
        <source>No estimate known (placed elsewhere, or before this version)</source>
        <translation>Keine Schätzung bekannt (anderswo oder vor dieser Version aufgegeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="107"/>
        <source>No orders in this workspace yet.</source>
        <translation>Noch keine Bestellungen in diesem Workspace.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="115"/>
        <source>No orders</source>
        <translation>Keine Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="108"/>
        <source>No open orders</source>
        <translation>Keine offenen Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="108"/>
        <source>No fulfilled orders</source>
        <translation>Keine ausgelieferten Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="108"/>
        <source>No failed orders</source>
        <translation>Keine fehlgeschlagenen Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="108"/>
        <source>No cancelled orders</source>
        <translation>Keine stornierten Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="227"/>
        <source>AOI: {area}</source>
        <translation>AOI: {area}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="116"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="118"/>
        <source>Load the collections again</source>
        <translation>Die Kollektionen erneut laden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="148"/>
        <source>Cloud ≤ </source>
        <translation>Wolken ≤ </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="151"/>
        <source>Maximum cloud cover; 100 % means no cloud filter</source>
        <translation>Maximale Wolkenbedeckung; 100 % heißt kein Wolkenfilter</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="166"/>
        <source> per page</source>
        <translation> pro Seite</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="291"/>
        <source>Collections ▾</source>
        <translation>Kollektionen ▾</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="295"/>
        <source>No collection checked ▾</source>
        <translation>Keine Kollektion markiert ▾</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="297"/>
        <source>{names} ▾</source>
        <translation>{names} ▾</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="303"/>
        <source>Choose the collections</source>
        <translation>Kollektionen auswählen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="48"/>
        <source>Area and filters</source>
        <translation>Gebiet und Filter</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="114"/>
        <source>Show the current scene&apos;s quicklook below</source>
        <translation>Die Vorschau der aktuellen Szene unten zeigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="133"/>
        <source>The collections could not be loaded. {error}</source>
        <translation>Die Kollektionen konnten nicht geladen werden. {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="179"/>
        <source>Loading the collections; the search starts once they are here…</source>
        <translation>Die Kollektionen werden geladen; die Suche beginnt, sobald sie da sind …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="48"/>
        <source>Least cloud</source>
        <translation>Geringste Bewölkung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="49"/>
        <source>Most recent</source>
        <translation>Neueste</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="50"/>
        <source>Finest resolution</source>
        <translation>Feinste Auflösung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="51"/>
        <source>Lowest incidence angle</source>
        <translation>Kleinster Einfallswinkel</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="52"/>
        <source>Fewest scenes</source>
        <translation>Wenigste Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="75"/>
        <source>Not priced: choose a data product for {collections}.</source>
        <translation>Ohne Preis: Wählen Sie ein Datenprodukt für {collections}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="81"/>
        <source>&lt;b&gt;Plan: {planned} credits&lt;/b&gt; · every scene over the whole AOI: {naive} credits</source>
        <translation>&lt;b&gt;Plan: {planned} Credits&lt;/b&gt; · jede Szene über das ganze AOI: {naive} Credits</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="87"/>
        <source>&lt;b&gt;Saving: {credits} credits ({percent})&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ersparnis: {credits} Credits ({percent})&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="104"/>
        <source>An estimate was refused.</source>
        <translation>Eine Schätzung wurde abgelehnt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="109"/>
        <source>{rank} · {scene}: {area}, {share}</source>
        <translation>{rank} · {scene}: {area}, {share}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="95"/>
        <source>Plan coverage</source>
        <translation>Abdeckung planen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="135"/>
        <source>Cover the AOI with the fewest scenes and credits: from the selected scenes, or every listed one. Nothing is ordered.</source>
        <translation>Das AOI mit möglichst wenigen Szenen und Credits abdecken: aus den ausgewählten Szenen oder allen aufgelisteten. Es wird nichts bestellt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="154"/>
        <source>Drag to order: most important first</source>
        <translation>Zum Sortieren ziehen: Wichtigstes zuerst</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="172"/>
        <source>Minimum order area of a data product (UP42 bills it)</source>
        <translation>Mindestbestellfläche eines Datenprodukts (UP42 berechnet sie)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="174"/>
        <source>Priorities</source>
        <translation>Prioritäten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="175"/>
        <source>Seam margin</source>
        <translation>Nahtüberlappung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="176"/>
        <source>Minimum order area</source>
        <translation>Mindestbestellfläche</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="240"/>
        <source>Choose a usable area of interest first.</source>
        <translation>Wählen Sie zuerst ein brauchbares Interessengebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="245"/>
        <source>Search first: the plan picks from the results.</source>
        <translation>Suchen Sie zuerst: Der Plan wählt aus den Ergebnissen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="258"/>
        <source>Planning and pricing the coverage…</source>
        <translation>Abdeckung wird geplant und bepreist …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="287"/>
        <source>Planning was cancelled.</source>
        <translation>Die Planung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_account.py" line="39"/>
        <source>When you press OK, the password of “{name}” will be updated (the selected configuration). Nothing is saved before that.</source>
        <translation>Wenn Sie OK drücken, wird das Passwort von „{name}“ (der ausgewählten Konfiguration) aktualisiert. Vorher wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_account.py" line="43"/>
        <source>When you press OK, the account {email} will be saved as a new authentication configuration “{name}”. Nothing is saved before that.</source>
        <translation>Wenn Sie OK drücken, wird das Konto {email} als neue Authentifizierungskonfiguration „{name}“ gespeichert. Vorher wird nichts gespeichert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="125"/>
        <source>Add an account from e-mail and password (saved when you press OK; other configurations are never overwritten)</source>
        <translation>Ein Konto aus E-Mail-Adresse und Passwort hinzufügen (gespeichert, wenn Sie OK drücken; andere Konfigurationen werden nie überschrieben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="228"/>
        <source>Account saved.</source>
        <translation>Konto gespeichert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="277"/>
        <source>The account typed in was discarded.</source>
        <translation>Das eingegebene Konto wurde verworfen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="107"/>
        <source>Area to acquire</source>
        <translation>Aufzunehmendes Gebiet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="118"/>
        <source>Search tab&apos;s AOI</source>
        <translation>AOI des Reiters Suche</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="124"/>
        <source>Click a point</source>
        <translation>Punkt klicken</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="125"/>
        <source>Click the point to acquire on the map</source>
        <translation>Klicken Sie auf der Karte den aufzunehmenden Punkt an</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="126"/>
        <source>Map centre</source>
        <translation>Kartenmitte</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="127"/>
        <source>The centre of the visible map, as a point</source>
        <translation>Die Mitte der sichtbaren Karte als Punkt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="193"/>
        <source>No area yet.</source>
        <translation>Noch kein Gebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="195"/>
        <source>A {kind}.</source>
        <translation>Geometrie: {kind}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="198"/>
        <source>This product takes: {types}.</source>
        <translation>Dieses Produkt nimmt: {types}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="209"/>
        <source>The Search tab has no area of interest yet.</source>
        <translation>Der Reiter Suche hat noch kein Interessengebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="211"/>
        <source>The Search tab's AOI ({area} km²).</source>
        <translation>Das AOI des Reiters Suche ({area} km²).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="221"/>
        <source>The map extent ({area} km²).</source>
        <translation>Die Kartenausdehnung ({area} km²).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="225"/>
        <source>The map centre (a point).</source>
        <translation>Die Kartenmitte (ein Punkt).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="233"/>
        <source>A point on the map.</source>
        <translation>Ein Punkt auf der Karte.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="246"/>
        <source>A drawn polygon ({area} km²).</source>
        <translation>Ein gezeichnetes Polygon ({area} km²).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="268"/>
        <source>Click the point to acquire on the map.</source>
        <translation>Klicken Sie auf der Karte den aufzunehmenden Punkt an.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_area.py" line="272"/>
        <source>A clicked point.</source>
        <translation>Ein angeklickter Punkt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="61"/>
        <source>New tasking order</source>
        <translation>Neue Tasking-Bestellung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="76"/>
        <source>Order a new acquisition of an area. UP42 studies the request and sends a quotation (some products first offer options to choose from); nothing is charged until you accept the quotation in the Orders tab.</source>
        <translation>Eine neue Aufnahme eines Gebiets bestellen. UP42 prüft die Anfrage und schickt ein Angebot (manche Produkte bieten zuerst Optionen zur Auswahl); berechnet wird erst, wenn Sie das Angebot im Reiter Bestellungen annehmen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="94"/>
        <source>Place tasking order…</source>
        <translation>Tasking-Bestellung aufgeben …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="102"/>
        <source>Data product:</source>
        <translation>Datenprodukt:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="123"/>
        <source>Reading the tasking products…</source>
        <translation>Tasking-Produkte werden gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="131"/>
        <source>Could not read the tasking products: {e}</source>
        <translation>Die Tasking-Produkte konnten nicht gelesen werden: {e}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="140"/>
        <source>This account has no tasking data products.</source>
        <translation>Dieses Konto hat keine Tasking-Datenprodukte.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="167"/>
        <source>Reading the order form…</source>
        <translation>Bestellformular wird gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="179"/>
        <source>Could not read the order form: {e}</source>
        <translation>Das Bestellformular konnte nicht gelesen werden: {e}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="184"/>
        <source>QGIS tasking: {product}</source>
        <translation>QGIS-Tasking: {product}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="187"/>
        <source>Fields marked * are required. Times are UTC.</source>
        <translation>Mit * markierte Felder sind Pflichtfelder. Zeiten in UTC.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="189"/>
        <source>Some fields are shown as plain text because the plugin cannot render them fully; check them before placing. Fields marked * are required.</source>
        <translation>Einige Felder werden als reiner Text gezeigt, weil das Plugin sie nicht vollständig darstellen kann; prüfen Sie sie vor dem Aufgeben. Mit * markierte Felder sind Pflichtfelder.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="233"/>
        <source>Choose the area to acquire first.</source>
        <translation>Wählen Sie zuerst das aufzunehmende Gebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="234"/>
        <source>Nothing was sent: there is no area yet.</source>
        <translation>Es wurde nichts gesendet: Es gibt noch kein Gebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="250"/>
        <source>Nothing was sent. Correct the form: {problems}</source>
        <translation>Es wurde nichts gesendet. Korrigieren Sie das Formular: {problems}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="264"/>
        <source>Place tasking order</source>
        <translation>Tasking-Bestellung aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="275"/>
        <source>Placing the tasking order…</source>
        <translation>Die Tasking-Bestellung wird aufgegeben …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="291"/>
        <source>The tasking order was not placed: {r}</source>
        <translation>Die Tasking-Bestellung wurde nicht aufgegeben: {r}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_dialog.py" line="296"/>
        <source>Placed: {id}. The Orders tab follows it; the quotation (and any feasibility study) will wait there for your decision.</source>
        <translation>Aufgegeben: {id}. Der Reiter Bestellungen verfolgt sie; das Angebot (und eine etwaige Machbarkeitsstudie) wartet dort auf Ihre Entscheidung.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_form.py" line="77"/>
        <source>Place the tasking order “{name}” for {product}?

Acquisition window: {start} to {end} (UTC).

There is no price yet: UP42 studies the request and sends a quotation (for some products after a feasibility study with options to choose from). Nothing is charged until you accept the quotation in the Orders tab.</source>
        <translation>Die Tasking-Bestellung „{name}“ für {product} aufgeben?

Aufnahmezeitraum: {start} bis {end} (UTC).

Es gibt noch keinen Preis: UP42 prüft die Anfrage und schickt ein Angebot (bei manchen Produkten nach einer Machbarkeitsstudie mit Optionen zur Auswahl). Berechnet wird erst, wenn Sie das Angebot im Reiter Bestellungen annehmen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_form.py" line="141"/>
        <source>Shown as plain text: {note}</source>
        <translation>Als reiner Text gezeigt: {note}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_form.py" line="141"/>
        <source>the plugin cannot show this field fully</source>
        <translation>das Plugin kann dieses Feld nicht vollständig darstellen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/tasking_form.py" line="196"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/layers/coverage.py" line="73"/>
        <source>Covered</source>
        <translation>Abgedeckt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/layers/coverage.py" line="73"/>
        <source>Not covered yet</source>
        <translation>Noch nicht abgedeckt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="137"/>
        <source>UP42 coverage plan</source>
        <translation>UP42-Abdeckungsplan</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="142"/>
        <source>UP42 coverage gaps</source>
        <translation>UP42-Abdeckungslücken</translation>
    </message>
    <message>
        <location filename="../up42_qgis/layers/plans.py" line="201"/>
        <source>Rank {rank}</source>
        <translation>Rang {rank}</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_download.py" line="149"/>
        <source>Downloaded %Ln raster(s) into {folder}.</source>
        <translation>
            <numerusform>%Ln Raster nach {folder} heruntergeladen.</numerusform>
            <numerusform>%Ln Raster nach {folder} heruntergeladen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="72"/>
        <source>SCENES is a coverage plan: each part is its order&apos;s area, so EXTENT and AOI are not used.</source>
        <translation>SCENES ist ein Abdeckungsplan: Jeder Teil ist das Gebiet seiner Bestellung, daher werden EXTENT und AOI nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="126"/>
        <source>Estimates the credits to order each scene of SCENES (its selected features when it has a selection) clipped to EXTENT or the AOI polygons. DATA_PRODUCT is a data product id or name; by default each scene&apos;s collection&apos;s first orderable product. Scenes UP42 refuses get their reason in the &apos;error&apos; column. Nothing is ordered. SCENES may be a coverage plan (made by &apos;Plan coverage&apos;): then each part is estimated over its own polygon and no EXTENT or AOI is needed. BUDGET (a name or id) is sent as the budget to charge.</source>
        <translation>Schätzt die Credits, um jede Szene von SCENES (bei einer Auswahl deren ausgewählte Objekte), zugeschnitten auf EXTENT oder die AOI-Polygone, zu bestellen. DATA_PRODUCT ist eine Datenprodukt-ID oder ein -Name; standardmäßig das erste bestellbare Produkt der Kollektion jeder Szene. Szenen, die UP42 ablehnt, erhalten den Grund in der Spalte 'error'. Es wird nichts bestellt. SCENES kann ein Abdeckungsplan sein (aus 'Abdeckung planen'): Dann wird jeder Teil über sein eigenes Polygon geschätzt, und EXTENT oder AOI sind nicht nötig. BUDGET (ein Name oder eine ID) wird als zu belastendes Budget gesendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="172"/>
        <source>{scene}: UP42 estimated 0 credits for an area; up42:order places it only with ALLOW_ZERO_PRICE=true.</source>
        <translation>{scene}: UP42 hat für ein Gebiet 0 Credits geschätzt; up42:order gibt es nur mit ALLOW_ZERO_PRICE=true auf.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="63"/>
        <source>Estimates the scenes like 'Estimate order cost', then places one order per scene — but only when the total is at most MAX_CREDITS: above it nothing is placed. Every order is sent once and never retried. Scenes UP42 refuses get their reason in the 'error' column. ORDER_IDS (comma-separated) feeds 'Download orders'. Scenes already on order in the workspace (same scene, product and area) are refused unless ALLOW_DUPLICATES, a price of 0 credits unless ALLOW_ZERO_PRICE. SCENES may be a coverage plan: one order per part, over the part's polygon.</source>
        <translation>Schätzt die Szenen wie 'Bestellkosten schätzen' und gibt dann eine Bestellung pro Szene auf – aber nur, wenn die Summe höchstens MAX_CREDITS beträgt: Darüber wird nichts aufgegeben. Jede Bestellung wird einmal gesendet und nie wiederholt. Szenen, die UP42 ablehnt, erhalten den Grund in der Spalte 'error'. ORDER_IDS (durch Kommas getrennt) dient als Eingabe für 'Bestellungen herunterladen'. Szenen, die im Workspace bereits bestellt sind (gleiche Szene, gleiches Produkt und Gebiet), werden ohne ALLOW_DUPLICATES abgelehnt, ein Preis von 0 Credits ohne ALLOW_ZERO_PRICE. SCENES kann ein Abdeckungsplan sein: eine Bestellung pro Teil, über dem Polygon des Teils.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="78"/>
        <source>Place orders UP42 prices at 0 credits for an area (refused otherwise)</source>
        <translation>Bestellungen aufgeben, die UP42 für ein Gebiet mit 0 Credits bepreist (sonst abgelehnt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="82"/>
        <source>Order scenes already on order in the workspace again (refused otherwise)</source>
        <translation>Im Workspace bereits bestellte Szenen erneut bestellen (sonst abgelehnt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="154"/>
        <source>UP42 estimated 0 credits for {scenes}; placing them (ALLOW_ZERO_PRICE).</source>
        <translation>UP42 hat 0 Credits für {scenes} geschätzt; sie werden aufgegeben (ALLOW_ZERO_PRICE).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="159"/>
        <source>UP42 estimated 0 credits for an area for {scenes}: a free product or a wrong price. Nothing was ordered; set ALLOW_ZERO_PRICE=true to order it anyway.</source>
        <translation>UP42 hat für {scenes} 0 Credits für ein Gebiet geschätzt: ein kostenloses Produkt oder ein falscher Preis. Es wurde nichts bestellt; setzen Sie ALLOW_ZERO_PRICE=true, um trotzdem zu bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="179"/>
        <source>{scene}: {orders}</source>
        <translation>{scene}: {orders}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="187"/>
        <source>Already on order, ordering again (ALLOW_DUPLICATES): {orders}</source>
        <translation>Bereits bestellt, wird erneut bestellt (ALLOW_DUPLICATES): {orders}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="98"/>
        <source>Chooses scenes of SCENES (a layer made by &apos;Search scenes&apos;; its selection, if any) to cover EXTENT or the AOI polygons, and gives each the part of the area it will deliver, so that each point is ordered once: neighbouring parts overlap only by SEAM_M metres. PRIORITIES ranks cloud, date, resolution, incidence and count (fewest scenes), most important first. OUTPUT has one polygon per order (scene_id, collection, part, rank, area_km2, share) and feeds &apos;Estimate&apos; and &apos;Order&apos;; GAPS is what no scene covers. Nothing is sent to UP42.</source>
        <translation>Wählt Szenen aus SCENES (ein Layer aus 'Szenen suchen'; gegebenenfalls seine Auswahl), um EXTENT oder die AOI-Polygone abzudecken, und weist jeder den Teil des Gebiets zu, den sie liefern wird, sodass jeder Punkt nur einmal bestellt wird: Benachbarte Teile überlappen nur um SEAM_M Meter. PRIORITIES ordnet Bewölkung, Datum, Auflösung, Einfallswinkel und Anzahl (wenigste Szenen), das Wichtigste zuerst. OUTPUT enthält ein Polygon pro Bestellung (scene_id, collection, part, rank, area_km2, share) und dient als Eingabe für 'Schätzen' und 'Bestellen'; GAPS ist, was keine Szene abdeckt. An UP42 wird nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="117"/>
        <source>Priorities, most important first (cloud, date, resolution, incidence, count)</source>
        <translation>Prioritäten, Wichtigstes zuerst (cloud, date, resolution, incidence, count)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="124"/>
        <source>Seam: overlap of neighbouring parts (m)</source>
        <translation>Naht: Überlappung benachbarter Teile (m)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="131"/>
        <source>Minimum order area of a data product (km²)</source>
        <translation>Mindestbestellfläche eines Datenprodukts (km²)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="151"/>
        <source>Covered (%)</source>
        <translation>Abgedeckt (%)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="152"/>
        <source>Planned area (km²)</source>
        <translation>Geplante Fläche (km²)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_plan.py" line="153"/>
        <source>Orders (parts)</source>
        <translation>Bestellungen (Teile)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="95"/>
        <source>Tasking quotations and feasibility studies</source>
        <translation>Tasking-Angebote und Machbarkeitsstudien</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="98"/>
        <source>Lists the quotations and feasibility studies of the tasking orders in ORDER_IDS (comma-separated; empty: every one in the workspace that waits for a decision), with their prices, options and decisions. Nothing is decided unless DECISION is &apos;accept&apos; or &apos;reject&apos;. &apos;accept&apos; needs MAX_CREDITS and accepts nothing when the waiting quotations cost more than that together; feasibility options are accepted only when their ids are in OPTION_IDS. &apos;reject&apos; cancels those orders.</source>
        <translation>Listet die Angebote und Machbarkeitsstudien der Tasking-Bestellungen in ORDER_IDS (durch Kommas getrennt; leer: alle im Workspace, die auf eine Entscheidung warten) mit ihren Preisen, Optionen und Entscheidungen auf. Entschieden wird nur, wenn DECISION 'accept' oder 'reject' ist. 'accept' braucht MAX_CREDITS und nimmt nichts an, wenn die wartenden Angebote zusammen mehr kosten; Optionen von Machbarkeitsstudien werden nur angenommen, wenn ihre IDs in OPTION_IDS stehen. 'reject' storniert diese Bestellungen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="108"/>
        <source>Tasking order ids (empty: all waiting for a decision)</source>
        <translation>IDs der Tasking-Bestellungen (leer: alle, die auf eine Entscheidung warten)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="115"/>
        <source>Decision (none: only list)</source>
        <translation>Entscheidung (none: nur auflisten)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="126"/>
        <source>Most credits to accept in total (needed to accept)</source>
        <translation>Höchstens insgesamt anzunehmende Credits (zum Annehmen erforderlich)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="135"/>
        <source>Feasibility option ids to accept (with accept)</source>
        <translation>Anzunehmende Options-IDs der Machbarkeitsstudien (mit accept)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="140"/>
        <source>UP42 quotations and studies</source>
        <translation>UP42-Angebote und -Studien</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="143"/>
        <source>Ids decided (comma-separated)</source>
        <translation>Entschiedene IDs (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="157"/>
        <source>DECISION=accept needs MAX_CREDITS, the most credits to accept: nothing was accepted.</source>
        <translation>DECISION=accept braucht MAX_CREDITS, die höchstens anzunehmenden Credits: Es wurde nichts angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="164"/>
        <source>OPTION_IDS are accepted only with DECISION=accept: nothing was decided.</source>
        <translation>OPTION_IDS werden nur mit DECISION=accept angenommen: Es wurde nichts entschieden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="208"/>
        <source>chosen</source>
        <translation>gewählt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="230"/>
        <source>not accepted: no usable price</source>
        <translation>nicht angenommen: kein brauchbarer Preis</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="234"/>
        <source>The waiting quotations cost {total} credits, above MAX_CREDITS {most}: nothing was accepted.</source>
        <translation>Die wartenden Angebote kosten {total} Credits, mehr als MAX_CREDITS {most}: Es wurde nichts angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="265"/>
        <source>not sent</source>
        <translation>nicht gesendet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="267"/>
        <source>{decision} the quotation of order {order}: {credits} credits.</source>
        <translation>{decision} des Angebots der Bestellung {order}: {credits} Credits.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="267"/>
        <source>Accepting</source>
        <translation>Annahme</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="267"/>
        <source>Rejecting</source>
        <translation>Ablehnung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="280"/>
        <source>not decided</source>
        <translation>nicht entschieden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="322"/>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="287"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="302"/>
        <source>{ids} are not options of these feasibility studies: nothing was accepted.</source>
        <translation>{ids} sind keine Optionen dieser Machbarkeitsstudien: Es wurde nichts angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="315"/>
        <source>not accepted</source>
        <translation>nicht angenommen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="62"/>
        <source>Collections (none ticked: all)</source>
        <translation>Kollektionen (keine angehakt: alle)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="90"/>
        <source>Searches the UP42 catalog for scenes over EXTENT or the AOI polygons and writes their footprints (scene_id, collection, acquired, cloud_cover, resolution, …). COLLECTIONS: the collections to search, ticked or as names (phr,spot; none: all); dates are ISO dates (YYYY-MM-DD); newest scenes come first unless SORT_BY says cloud or resolution (best first). The layer feeds 'Estimate' and 'Order'.</source>
        <translation>Durchsucht den UP42-Katalog nach Szenen über EXTENT oder den AOI-Polygonen und schreibt ihre Footprints (scene_id, collection, acquired, cloud_cover, resolution, …). COLLECTIONS: die zu durchsuchenden Kollektionen, angehakt oder als Namen (phr,spot; keine: alle); Datumsangaben sind ISO-Daten (JJJJ-MM-TT); die neuesten Szenen kommen zuerst, außer SORT_BY nennt cloud oder resolution (die besten zuerst). Der Layer dient als Eingabe für 'Schätzen' und 'Bestellen'.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_search.py" line="190"/>
        <source>Cancelled: keeping the %Ln scene(s) found.</source>
        <translation>
            <numerusform>Abgebrochen: Die %Ln gefundene Szene bleibt erhalten.</numerusform>
            <numerusform>Abgebrochen: Die %Ln gefundenen Szenen bleiben erhalten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_search.py" line="193"/>
        <source>Found %Ln scene(s).</source>
        <translation>
            <numerusform>%Ln Szene gefunden.</numerusform>
            <numerusform>%Ln Szenen gefunden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="59"/>
        <source>PARAMS is not valid JSON: {error}</source>
        <translation>PARAMS ist kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="63"/>
        <source>PARAMS must be a JSON object such as {&quot;maxCloudCover&quot;: 10}.</source>
        <translation>PARAMS muss ein JSON-Objekt sein, etwa {&quot;maxCloudCover&quot;: 10}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="74"/>
        <source>Order a new acquisition (tasking)</source>
        <translation>Neue Aufnahme bestellen (Tasking)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="77"/>
        <source>Places a tasking order: a new image of the area, acquired between START_DATE and END_DATE. DATA_PRODUCT is a tasking data product&apos;s id or name; PARAMS a JSON object with the other fields of its order form (for example {&quot;maxCloudCover&quot;: 10, &quot;acquisitionMode&quot;: &quot;mono&quot;}). The area is an AOI polygon layer, a point layer for products that take a point, or EXTENT; each polygon part or point is one order. Everything is checked against the product&apos;s form before anything is sent. Nothing is charged here: UP42 answers with a feasibility study and a quotation, decided with &apos;Tasking quotations&apos;. ORDER_IDS (comma-separated) feeds that algorithm.</source>
        <translation>Gibt eine Tasking-Bestellung auf: ein neues Bild des Gebiets, aufgenommen zwischen START_DATE und END_DATE. DATA_PRODUCT ist die ID oder der Name eines Tasking-Datenprodukts; PARAMS ein JSON-Objekt mit den übrigen Feldern seines Bestellformulars (zum Beispiel {&quot;maxCloudCover&quot;: 10, &quot;acquisitionMode&quot;: &quot;mono&quot;}). Das Gebiet ist ein AOI-Polygonlayer, ein Punktlayer für Produkte, die einen Punkt nehmen, oder EXTENT; jeder Polygonteil oder Punkt ist eine Bestellung. Alles wird vor dem Senden gegen das Formular des Produkts geprüft. Hier wird nichts berechnet: UP42 antwortet mit einer Machbarkeitsstudie und einem Angebot, über die mit 'Tasking-Angebote' entschieden wird. ORDER_IDS (durch Kommas getrennt) dient als Eingabe für diesen Algorithmus.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="90"/>
        <source>Tasking data product id or name</source>
        <translation>ID oder Name des Tasking-Datenprodukts</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="93"/>
        <source>Area: polygons, or a point for point products (or give EXTENT)</source>
        <translation>Gebiet: Polygone oder ein Punkt für Punktprodukte (oder EXTENT angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="104"/>
        <source>Area as an extent (or give AOI)</source>
        <translation>Gebiet als Ausdehnung (oder AOI angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="109"/>
        <source>Acquisition start</source>
        <translation>Beginn der Aufnahme</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="109"/>
        <source>Acquisition end</source>
        <translation>Ende der Aufnahme</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="118"/>
        <source>Other order form fields (a JSON object)</source>
        <translation>Weitere Felder des Bestellformulars (ein JSON-Objekt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="123"/>
        <source>Order name (empty: product and dates)</source>
        <translation>Bestellname (leer: Produkt und Daten)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="173"/>
        <source>The AOI layer has no point to use.</source>
        <translation>Der AOI-Layer enthält keinen verwendbaren Punkt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="191"/>
        <source>{key} is not a tasking data product that can be ordered.</source>
        <translation>{key} ist kein bestellbares Tasking-Datenprodukt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="197"/>
        <source>The field {name} is not fully understood ({note}): its PARAMS value is sent as given.</source>
        <translation>Das Feld {name} wird nicht vollständig verstanden ({note}): Sein Wert aus PARAMS wird unverändert gesendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="206"/>
        <source>PARAMS gives {name}; START_DATE/END_DATE are used instead.</source>
        <translation>PARAMS gibt {name} an; stattdessen werden START_DATE/END_DATE verwendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="228"/>
        <source>No tasking order was placed: {reason}</source>
        <translation>Es wurde keine Tasking-Bestellung aufgegeben: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="244"/>
        <source>{name} must be a date (YYYY-MM-DD).</source>
        <translation>{name} muss ein Datum sein (JJJJ-MM-TT).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="271"/>
        <source>{name}: tasking order {order} placed.</source>
        <translation>{name}: Tasking-Bestellung {order} aufgegeben.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_task.py" line="277"/>
        <source>{name}: {error}</source>
        <translation>{name}: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="81"/>
        <source>{step}. {title}</source>
        <translation>{step}. {title}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="232"/>
        <source>Budget name or id to charge (empty: the one chosen last, or the only active one when the workspace requires a budget)</source>
        <translation>Name oder ID des zu belastenden Budgets (leer: das zuletzt gewählte oder, wenn der Workspace ein Budget verlangt, das einzige aktive)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="267"/>
        <source>Budget: “{name}” ({id}).</source>
        <translation>Budget: „{name}“ ({id}).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="278"/>
        <source>The workspace requires a budget for every order: give BUDGET.</source>
        <translation>Der Workspace verlangt für jede Bestellung ein Budget: Geben Sie BUDGET an.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/common.py" line="358"/>
        <source>AOI: the union of %Ln polygon(s).</source>
        <translation>
            <numerusform>AOI: %Ln Polygon.</numerusform>
            <numerusform>AOI: die Vereinigung von %Ln Polygonen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/provider.py" line="23"/>
        <source>UP42 satellite imagery: search, estimate, order, task, download</source>
        <translation>UP42-Satellitenbilder: suchen, schätzen, bestellen, Tasking, herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="105"/>
        <source>SCENES has no part with a scene_id, a collection and a polygon.</source>
        <translation>SCENES enthält keinen Teil mit scene_id, collection und Polygon.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="212"/>
        <source>{scene}: {credits} credits, {euros} ({size} {unit})</source>
        <translation>{scene}: {credits} Credits, {euros} ({size} {unit})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/sinks.py" line="25"/>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="59"/>
        <source>Tasking order “{name}”: UP42's feasibility study waits for you to choose an option (Orders tab or UP42 console).</source>
        <translation>Tasking-Bestellung „{name}“: Die Machbarkeitsstudie von UP42 wartet darauf, dass Sie eine Option wählen (Reiter Bestellungen oder UP42-Konsole).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="63"/>
        <source>Tasking order “{name}”: the quotation waits for your decision (Orders tab or UP42 console). Nothing is accepted without you.</source>
        <translation>Tasking-Bestellung „{name}“: Das Angebot wartet auf Ihre Entscheidung (Reiter Bestellungen oder UP42-Konsole). Ohne Sie wird nichts angenommen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/account.py" line="31"/>
        <source>UP42: reading the account</source>
        <translation>UP42: Konto wird gelesen</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/tasks/orders.py" line="46"/>
        <source>UP42: estimating %Ln order(s)</source>
        <translation>
            <numerusform>UP42: %Ln Bestellung wird geschätzt</numerusform>
            <numerusform>UP42: %Ln Bestellungen werden geschätzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/tasks/orders.py" line="88"/>
        <source>UP42: placing %Ln order(s)</source>
        <translation>
            <numerusform>UP42: %Ln Bestellung wird aufgegeben</numerusform>
            <numerusform>UP42: %Ln Bestellungen werden aufgegeben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="118"/>
        <source>UP42: looking for orders of the same scenes</source>
        <translation>UP42: Bestellungen derselben Szenen werden gesucht</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="39"/>
        <source>UP42: reading the tasking products</source>
        <translation>UP42: Tasking-Produkte werden gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="57"/>
        <source>UP42: reading the order form</source>
        <translation>UP42: Bestellformular wird gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="87"/>
        <source>UP42: reading quotations and feasibility studies</source>
        <translation>UP42: Angebote und Machbarkeitsstudien werden gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="112"/>
        <source>UP42: sending the quotation decision</source>
        <translation>UP42: Entscheidung zum Angebot wird gesendet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="128"/>
        <source>UP42: accepting a feasibility option</source>
        <translation>UP42: Option der Machbarkeitsstudie wird angenommen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/tasking.py" line="141"/>
        <source>UP42: reading the order&apos;s coverage</source>
        <translation>UP42: Abdeckung der Bestellung wird gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/thumbnails.py" line="26"/>
        <source>UP42: loading thumbnails</source>
        <translation>UP42: Miniaturansichten werden geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/thumbnails.py" line="39"/>
        <source>The thumbnail is not an image QGIS can show.</source>
        <translation>Die Miniaturansicht ist kein Bild, das QGIS anzeigen kann.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/formatting.py" line="74"/>
        <source>{number} %</source>
        <translation>{number} %</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="33"/>
        <source>Access to the collection needed</source>
        <translation>Zugang zur Kollektion erforderlich</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="37"/>
        <source>The order form does not fit the data product</source>
        <translation>Das Bestellformular passt nicht zum Datenprodukt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="40"/>
        <source>The quotation expired</source>
        <translation>Das Angebot ist abgelaufen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="41"/>
        <source>Decided already</source>
        <translation>Bereits entschieden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="43"/>
        <source>The price is above the confirmed one</source>
        <translation>Der Preis liegt über dem bestätigten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="79"/>
        <source>Request access to this collection in the UP42 console (Settings ▸ Access requests); UP42 usually answers within a few days.</source>
        <translation>Beantragen Sie den Zugang zu dieser Kollektion in der UP42-Konsole (Settings ▸ Access requests); UP42 antwortet meist innerhalb weniger Tage.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="86"/>
        <source>Accept the data product&apos;s licence (EULA) in the UP42 console, or request access to the collection there.</source>
        <translation>Akzeptieren Sie die Lizenz (EULA) des Datenprodukts in der UP42-Konsole oder beantragen Sie dort den Zugang zur Kollektion.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="91"/>
        <source>Nothing was sent; correct the form and try again.</source>
        <translation>Es wurde nichts gesendet; korrigieren Sie das Formular und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="94"/>
        <source>Nothing was decided; ask UP42 support for a new quotation.</source>
        <translation>Es wurde nichts entschieden; bitten Sie den UP42-Support um ein neues Angebot.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="95"/>
        <source>Nothing was changed; refresh the orders to see the decision UP42 holds.</source>
        <translation>Es wurde nichts geändert; aktualisieren Sie die Bestellungen, um die bei UP42 gespeicherte Entscheidung zu sehen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="97"/>
        <source>Nothing was accepted; look at the new price before deciding again.</source>
        <translation>Es wurde nichts angenommen; sehen Sie sich den neuen Preis an, bevor Sie erneut entscheiden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="117"/>
        <source>UP42 asks {credits} credits, {confirmed} were confirmed</source>
        <translation>UP42 verlangt {credits} Credits, bestätigt wurden {confirmed}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="145"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="145"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="158"/>
        <source>{name} is required.</source>
        <translation>{name} ist erforderlich.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="162"/>
        <source>{name} must be from {low} to {high}, not {value}.</source>
        <translation>{name} muss zwischen {low} und {high} liegen, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="169"/>
        <source>{name} must be at least {low}.</source>
        <translation>{name} muss mindestens {low} sein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="170"/>
        <source>{name} must be at most {high}.</source>
        <translation>{name} darf höchstens {high} sein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="173"/>
        <source>{name} must have {low} to {high} characters.</source>
        <translation>{name} muss {low} bis {high} Zeichen haben.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="177"/>
        <source>{name} does not have the expected form.</source>
        <translation>{name} hat nicht die erwartete Form.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="180"/>
        <source>{name} must be one of {choices}, not {value}.</source>
        <translation>{name} muss einer der Werte {choices} sein, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="184"/>
        <source>{name} is not a date (use YYYY-MM-DD): {value}.</source>
        <translation>{name} ist kein Datum (JJJJ-MM-TT verwenden): {value}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="188"/>
        <source>{name} is in the past: {value} is before today ({today}).</source>
        <translation>{name} liegt in der Vergangenheit: {value} ist vor heute ({today}).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="192"/>
        <source>{name} must be after {start}.</source>
        <translation>{name} muss nach {start} liegen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="194"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="195"/>
        <source>This data product takes a {allowed} as its area, not {value}.</source>
        <translation>Dieses Datenprodukt erwartet als Gebiet: {allowed}, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="195"/>
        <source>that geometry</source>
        <translation>diese Geometrie</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="199"/>
        <source>{name} is not a field of this data product&apos;s order form.</source>
        <translation>{name} ist kein Feld des Bestellformulars dieses Datenprodukts.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="201"/>
        <source>a whole number</source>
        <translation>eine ganze Zahl</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="202"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="203"/>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="204"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="206"/>
        <source>{name} must be {kind}, not {value}.</source>
        <translation>{name} muss {kind} sein, nicht {value}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="206"/>
        <source>a valid value</source>
        <translation>ein gültiger Wert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="216"/>
        <source>malformed</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="21"/>
        <source>SCENES has no scene to plan with.</source>
        <translation>SCENES enthält keine Szene zum Planen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="23"/>
        <source>Unknown priorities: {unknown}. Use cloud, date, resolution, incidence, count.</source>
        <translation>Unbekannte Prioritäten: {unknown}. Verwenden Sie cloud, date, resolution, incidence, count.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="28"/>
        <source>The seam margin must be 0 to {most} m.</source>
        <translation>Die Nahtüberlappung muss zwischen 0 und {most} m liegen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="29"/>
        <source>The area of interest is not a polygon.</source>
        <translation>Das Interessengebiet ist kein Polygon.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="35"/>
        <source>The scenes cover {percent} of the area of interest; {area} remain uncovered (see the gaps).</source>
        <translation>Die Szenen decken {percent} des Interessengebiets ab; {area} bleiben unbedeckt (siehe die Lücken).</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="40"/>
        <source>%Ln scene(s) without a usable footprint were skipped.</source>
        <translation>
            <numerusform>%Ln Szene ohne brauchbaren Footprint wurde übersprungen.</numerusform>
            <numerusform>%Ln Szenen ohne brauchbaren Footprint wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="42"/>
        <source>{area} of scene {scene}, below its minimum order area of {minimum}, went to a neighbouring part.</source>
        <translation>{area} der Szene {scene}, unter ihrer Mindestbestellfläche von {minimum}, gingen an einen benachbarten Teil.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="47"/>
        <source>A part of {area} only scene {scene} covers is below its minimum order area of {minimum}: UP42 bills the minimum.</source>
        <translation>Ein Teil von {area}, den nur Szene {scene} abdeckt, liegt unter ihrer Mindestbestellfläche von {minimum}: UP42 berechnet das Minimum.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="52"/>
        <source>The part of scene {scene} crosses the antimeridian: one order on each side.</source>
        <translation>Der Teil der Szene {scene} überquert den Antimeridian: eine Bestellung auf jeder Seite.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="55"/>
        <source>The part of scene {scene} was simplified to UP42&apos;s limit of 999 vertices.</source>
        <translation>Der Teil der Szene {scene} wurde auf die UP42-Grenze von 999 Stützpunkten vereinfacht.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="127"/>
        <source>Plan</source>
        <translation>Planen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="128"/>
        <source>Coverage plan: the fewest scenes and credits that cover the area of interest</source>
        <translation>Abdeckungsplan: möglichst wenige Szenen und Credits, die das Interessengebiet abdecken</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="94"/>
        <source>Order plan… orders these parts, each over its own area. The plan's scenes are also selected: Estimate and Order… take each of them over the whole AOI.</source>
        <translation>„Plan bestellen …“ bestellt diese Teile, jeden über sein eigenes Gebiet. Die Szenen des Plans sind auch ausgewählt: „Schätzen“ und „Bestellen …“ nehmen jede davon über das ganze AOI.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="142"/>
        <source>Pin</source>
        <translation>Anheften</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_plan.py" line="144"/>
        <source>Pin this search: keep its footprints on the map when you search again</source>
        <translation>Diese Suche anheften: ihre Footprints bei einer neuen Suche auf der Karte behalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/aoi.py" line="122"/>
        <source>The AOI has %Ln vertices; UP42 accepts at most {limit}. Simplify it.</source>
        <translation>
            <numerusform>Das AOI hat %Ln Stützpunkt; UP42 akzeptiert höchstens {limit}. Bitte vereinfachen.</numerusform>
            <numerusform>Das AOI hat %Ln Stützpunkte; UP42 akzeptiert höchstens {limit}. Bitte vereinfachen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/decision_panel.py" line="229"/>
        <source>UP42 offers %Ln way(s) to acquire this area. Choose one and accept it; the quotation follows. Choosing costs nothing.</source>
        <translation>
            <numerusform>UP42 bietet %Ln Möglichkeit, dieses Gebiet aufzunehmen. Wählen Sie sie und nehmen Sie sie an; das Angebot folgt. Die Wahl kostet nichts.</numerusform>
            <numerusform>UP42 bietet %Ln Möglichkeiten, dieses Gebiet aufzunehmen. Wählen Sie eine und nehmen Sie sie an; das Angebot folgt. Die Wahl kostet nichts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/order_bar.py" line="248"/>
        <source>Estimate: {credits} for {n} of %Ln scene(s)</source>
        <translation>
            <numerusform>Schätzung: {credits} für {n} von %Ln Szene</numerusform>
            <numerusform>Schätzung: {credits} für {n} von %Ln Szenen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/order_bar.py" line="343"/>
        <source>Plan “{name}”: %Ln part(s)</source>
        <translation>
            <numerusform>Plan „{name}“: %Ln Teil</numerusform>
            <numerusform>Plan „{name}“: %Ln Teile</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="91"/>
        <source>{credits} credits: the price UP42 quoted for this acquisition</source>
        <translation>{credits} Credits: der Preis, den UP42 für diese Aufnahme angeboten hat</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_rows.py" line="97"/>
        <source>No quotation yet: UP42 quotes a price for a tasking order</source>
        <translation>Noch kein Angebot: UP42 nennt für eine Tasking-Bestellung einen Preis</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_filters.py" line="293"/>
        <source>All %Ln collection(s) ▾</source>
        <translation>
            <numerusform>%Ln Kollektion ▾</numerusform>
            <numerusform>Alle %Ln Kollektionen ▾</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_filters.py" line="299"/>
        <source>{n} of %Ln collection(s) ▾</source>
        <translation>
            <numerusform>{n} von %Ln Kollektion ▾</numerusform>
            <numerusform>{n} von %Ln Kollektionen ▾</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_panel.py" line="293"/>
        <source>{shown} of %Ln scene(s)</source>
        <translation>
            <numerusform>{shown} von %Ln Szene</numerusform>
            <numerusform>{shown} von %Ln Szenen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_plan.py" line="67"/>
        <source>&lt;b&gt;{percent} of the AOI covered&lt;/b&gt; by %Ln scene(s) in {parts}.</source>
        <translation>
            <numerusform>&lt;b&gt;{percent} des AOI abgedeckt&lt;/b&gt; durch %Ln Szene in {parts}.</numerusform>
            <numerusform>&lt;b&gt;{percent} des AOI abgedeckt&lt;/b&gt; durch %Ln Szenen in {parts}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_plan.py" line="261"/>
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln Bestellung</numerusform>
            <numerusform>%Ln Bestellungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_estimate.py" line="76"/>
        <source>SCENES is a coverage plan: %Ln part(s), each ordered over its own polygon.</source>
        <translation>
            <numerusform>SCENES ist ein Abdeckungsplan: %Ln Teil, über sein eigenes Polygon bestellt.</numerusform>
            <numerusform>SCENES ist ein Abdeckungsplan: %Ln Teile, jeder über sein eigenes Polygon bestellt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_estimate.py" line="98"/>
        <source>Estimating %Ln scene(s).</source>
        <translation>
            <numerusform>%Ln Szene wird geschätzt.</numerusform>
            <numerusform>%Ln Szenen werden geschätzt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_estimate.py" line="178"/>
        <source>Total: {credits} credits for %Ln scene(s) ({refused} refused).</source>
        <translation>
            <numerusform>Gesamt: {credits} Credits für %Ln Szene ({refused} abgelehnt).</numerusform>
            <numerusform>Gesamt: {credits} Credits für %Ln Szenen ({refused} abgelehnt).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_order.py" line="118"/>
        <source>Placing %Ln order(s) for {credits} credits (MAX_CREDITS {most}).</source>
        <translation>
            <numerusform>%Ln Bestellung für {credits} Credits wird aufgegeben (MAX_CREDITS {most}).</numerusform>
            <numerusform>%Ln Bestellungen für {credits} Credits werden aufgegeben (MAX_CREDITS {most}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_order.py" line="193"/>
        <source>%Ln scene(s) already on order in the workspace (same scene, data product and area): {orders}. Nothing was ordered; set ALLOW_DUPLICATES=true to order them again.</source>
        <translation>
            <numerusform>%Ln Szene ist im Workspace bereits bestellt (gleiche Szene, gleiches Datenprodukt und Gebiet): {orders}. Es wurde nichts bestellt; setzen Sie ALLOW_DUPLICATES=true, um sie erneut zu bestellen.</numerusform>
            <numerusform>%Ln Szenen sind im Workspace bereits bestellt (gleiche Szene, gleiches Datenprodukt und Gebiet): {orders}. Es wurde nichts bestellt; setzen Sie ALLOW_DUPLICATES=true, um sie erneut zu bestellen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_plan.py" line="202"/>
        <source>Planning with %Ln scene(s); priorities: {order}.</source>
        <translation>
            <numerusform>Planung mit %Ln Szene; Prioritäten: {order}.</numerusform>
            <numerusform>Planung mit %Ln Szenen; Prioritäten: {order}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_plan.py" line="261"/>
        <source>Plan: %Ln scene(s) in {parts}, {planned} for an area of {aoi}, {percent} covered.</source>
        <translation>
            <numerusform>Plan: %Ln Szene in {parts}, {planned} für ein Gebiet von {aoi}, {percent} abgedeckt.</numerusform>
            <numerusform>Plan: %Ln Szenen in {parts}, {planned} für ein Gebiet von {aoi}, {percent} abgedeckt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_quotations.py" line="183"/>
        <source>Quotations: %Ln; feasibility studies: {studies}; decided now: {decided}.</source>
        <translation>
            <numerusform>Angebote: %Ln; Machbarkeitsstudien: {studies}; jetzt entschieden: {decided}.</numerusform>
            <numerusform>Angebote: %Ln; Machbarkeitsstudien: {studies}; jetzt entschieden: {decided}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_quotations.py" line="315"/>
        <source>unknown: check it</source>
        <translation>unbekannt: bitte prüfen</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_task.py" line="218"/>
        <source>Placing %Ln tasking order(s) for {product}; the price comes as a quotation.</source>
        <translation>
            <numerusform>%Ln Tasking-Bestellung für {product} wird aufgegeben; der Preis kommt als Angebot.</numerusform>
            <numerusform>%Ln Tasking-Bestellungen für {product} werden aufgegeben; der Preis kommt als Angebot.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_task.py" line="233"/>
        <source>%Ln tasking order(s) placed: {ids}</source>
        <translation>
            <numerusform>%Ln Tasking-Bestellung aufgegeben: {ids}</numerusform>
            <numerusform>%Ln Tasking-Bestellungen aufgegeben: {ids}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/sinks.py" line="26"/>
        <source>Could not write %Ln feature(s) to the output: {reason}</source>
        <translation>
            <numerusform>%Ln Objekt konnte nicht in die Ausgabe geschrieben werden: {reason}</numerusform>
            <numerusform>%Ln Objekte konnten nicht in die Ausgabe geschrieben werden: {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/tasks/planning.py" line="62"/>
        <source>UP42: planning the coverage of %Ln scene(s)</source>
        <translation>
            <numerusform>UP42: Abdeckung mit %Ln Szene wird geplant</numerusform>
            <numerusform>UP42: Abdeckung mit %Ln Szenen wird geplant</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/toolbelt/messages.py" line="217"/>
        <source>%Ln scene(s) skipped: UP42 sent them malformed ({why}).</source>
        <translation>
            <numerusform>%Ln Szene übersprungen: UP42 hat sie fehlerhaft gesendet ({why}).</numerusform>
            <numerusform>%Ln Szenen übersprungen: UP42 hat sie fehlerhaft gesendet ({why}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/toolbelt/plan_messages.py" line="15"/>
        <source>No scene covers any of the area of interest (%Ln scene(s) checked).</source>
        <translation>
            <numerusform>Keine Szene deckt einen Teil des Interessengebiets ab (%Ln Szene geprüft).</numerusform>
            <numerusform>Keine Szene deckt einen Teil des Interessengebiets ab (%Ln Szenen geprüft).</numerusform>
        </translation>
    </message>
</context>
</TS>
