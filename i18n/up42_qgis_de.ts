<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Up42</name>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="159"/>
        <source>The AOI is empty.</source>
        <translation>Das Interessengebiet (AOI) ist leer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="117"/>
        <source>The AOI is not a valid polygon (it crosses itself or has bad rings).</source>
        <translation>Das AOI ist kein gültiges Polygon (es schneidet sich selbst oder hat fehlerhafte Ringe).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="161"/>
        <source>The AOI must be a polygon.</source>
        <translation>Das AOI muss ein Polygon sein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="119"/>
        <source>The AOI has too many vertices; simplify it.</source>
        <translation>Das AOI hat zu viele Stützpunkte; bitte vereinfachen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="120"/>
        <source>The AOI is too small.</source>
        <translation>Das AOI ist zu klein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="123"/>
        <source>The AOI cannot be used.</source>
        <translation>Das AOI kann nicht verwendet werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="176"/>
        <source>There is no repaired geometry.</source>
        <translation>Es gibt keine reparierte Geometrie.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="202"/>
        <source>Select a polygon layer in the Layers panel first.</source>
        <translation>Wählen Sie zuerst einen Polygonlayer im Layerbedienfeld.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="204"/>
        <source>The layer “{name}” has no polygons.</source>
        <translation>Der Layer „{name}“ enthält keine Polygone.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="207"/>
        <source>Select one or more features of “{name}” first.</source>
        <translation>Wählen Sie zuerst ein oder mehrere Objekte von „{name}“.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="287"/>
        <source>UP42</source>
        <translation>UP42</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="122"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="91"/>
        <source>Collection</source>
        <translation>Kollektion</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="27"/>
        <source>Cloud %</source>
        <translation>Wolken %</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="30"/>
        <source>Scene id</source>
        <translation>Szenen-ID</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="42"/>
        <source>Estimated credits for the current AOI (100 credits = 1 EUR)</source>
        <translation>Geschätzte Credits für das aktuelle AOI (100 Credits = 1 EUR)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="188"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="215"/>
        <source>Provider scene: {name}</source>
        <translation>Szene des Anbieters: {name}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="41"/>
        <source>Search, order and download UP42 imagery</source>
        <translation>UP42-Bilddaten suchen, bestellen und herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="125"/>
        <source>&amp;UP42</source>
        <translation>&amp;UP42</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="77"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="104"/>
        <source>{algorithm} failed unexpectedly: {error} (details in the UP42 log)</source>
        <translation>{algorithm} ist unerwartet fehlgeschlagen: {error} (Details im UP42-Protokoll)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="128"/>
        <source>Area of interest as an extent (or give AOI)</source>
        <translation>Interessengebiet als Ausdehnung (oder AOI angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="133"/>
        <source>Area of interest as polygons (or give EXTENT)</source>
        <translation>Interessengebiet als Polygone (oder EXTENT angeben)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="157"/>
        <source>Both EXTENT and AOI are given: using the AOI polygons.</source>
        <translation>EXTENT und AOI sind beide angegeben: Die AOI-Polygone werden verwendet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="159"/>
        <source>Give the area of interest: EXTENT or an AOI polygon layer.</source>
        <translation>Geben Sie das Interessengebiet an: EXTENT oder einen AOI-Polygonlayer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="168"/>
        <source>Unusable area of interest: {reason}</source>
        <translation>Unbrauchbares Interessengebiet: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="183"/>
        <source>The AOI layer could not be read.</source>
        <translation>Der AOI-Layer konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="199"/>
        <source>The AOI layer has no polygon to use as the area.</source>
        <translation>Der AOI-Layer enthält kein Polygon, das als Gebiet dienen kann.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="201"/>
        <source>AOI: the union of {n} polygons.</source>
        <translation>AOI: die Vereinigung von {n} Polygonen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="204"/>
        <source>The AOI polygons could not be combined.</source>
        <translation>Die AOI-Polygone konnten nicht vereinigt werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="182"/>
        <source>The order has no files to download yet.</source>
        <translation>Die Bestellung hat noch keine Dateien zum Herunterladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="251"/>
        <source>Download cancelled. It resumes where it stopped when you download again.</source>
        <translation>Download abgebrochen. Beim erneuten Herunterladen wird er an der Abbruchstelle fortgesetzt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/downloads.py" line="27"/>
        <source>UP42: downloading {name}</source>
        <translation>UP42: {name} wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="37"/>
        <source>UP42: estimating {n} orders</source>
        <translation>UP42: {n} Bestellungen werden geschätzt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="63"/>
        <source>UP42: placing {n} orders</source>
        <translation>UP42: {n} Bestellungen werden aufgegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="99"/>
        <source>Not sent: {reason}</source>
        <translation>Nicht gesendet: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="89"/>
        <source>UP42: reading orders</source>
        <translation>UP42: Bestellungen werden gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="117"/>
        <source>UP42: cancelling an order</source>
        <translation>UP42: Bestellung wird storniert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="129"/>
        <source>UP42: reading a delivery</source>
        <translation>UP42: Lieferung wird gelesen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="43"/>
        <source>UP42: searching the catalog</source>
        <translation>UP42: Katalog wird durchsucht</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="43"/>
        <source>UP42: loading result page {n}</source>
        <translation>UP42: Ergebnisseite {n} wird geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="82"/>
        <source>UP42: loading collections</source>
        <translation>UP42: Kollektionen werden geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="97"/>
        <source>UP42: loading the preview of {scene}</source>
        <translation>UP42: Vorschau von {scene} wird geladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/clients.py" line="35"/>
        <source>No UP42 account is configured. Sign in under Settings &gt; Options &gt; UP42 (or set UP42_USERNAME and UP42_PASSWORD for headless runs).</source>
        <translation>Es ist kein UP42-Konto eingerichtet. Melden Sie sich unter Einstellungen &gt; Optionen &gt; UP42 an (oder setzen Sie UP42_USERNAME und UP42_PASSWORD für Läufe ohne Oberfläche).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/clients.py" line="104"/>
        <source>The UP42 account (authentication configuration {id}) cannot be read. Choose or create it again under Settings &gt; Options &gt; UP42.</source>
        <translation>Das UP42-Konto (Authentifizierungskonfiguration {id}) kann nicht gelesen werden. Wählen oder erstellen Sie es erneut unter Einstellungen &gt; Optionen &gt; UP42.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/credentials.py" line="32"/>
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
        <location filename="../up42_qgis/gui/aoi.py" line="103"/>
        <source>The AOI covers {area} km²; a search allows at most {limit} km². Zoom in or draw a smaller area.</source>
        <translation>Das AOI umfasst {area} km²; eine Suche erlaubt höchstens {limit} km². Zoomen Sie hinein oder zeichnen Sie ein kleineres Gebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="108"/>
        <source>The AOI covers {area} km²; it must cover at least {limit} km².</source>
        <translation>Das AOI umfasst {area} km²; es muss mindestens {limit} km² umfassen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="112"/>
        <source>The AOI has {n} vertices; UP42 accepts at most {limit}. Simplify it.</source>
        <translation>Das AOI hat {n} Stützpunkte; UP42 akzeptiert höchstens {limit}. Bitte vereinfachen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="121"/>
        <source>The AOI is too large for a search; zoom in or draw a smaller one.</source>
        <translation>Das AOI ist für eine Suche zu groß; zoomen Sie hinein oder zeichnen Sie ein kleineres.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="34"/>
        <source>Delivery</source>
        <translation>Lieferung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="56"/>
        <source>Download and add to project</source>
        <translation>Herunterladen und zum Projekt hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="58"/>
        <source>Stop download</source>
        <translation>Download anhalten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="60"/>
        <source>Open folder</source>
        <translation>Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="88"/>
        <source>Select an order to see its delivery.</source>
        <translation>Wählen Sie eine Bestellung, um ihre Lieferung zu sehen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="90"/>
        <source>The files can be downloaded once the order is fulfilled.</source>
        <translation>Die Dateien können heruntergeladen werden, sobald die Bestellung ausgeliefert ist.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="90"/>
        <source>This order has no delivery.</source>
        <translation>Diese Bestellung hat keine Lieferung.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="109"/>
        <source>Reading the delivery…</source>
        <translation>Lieferung wird gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="125"/>
        <source>Could not read the delivery: {error}</source>
        <translation>Die Lieferung konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="142"/>
        <source>{n} files delivered.</source>
        <translation>{n} Dateien geliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="144"/>
        <source>No files delivered yet.</source>
        <translation>Noch keine Dateien geliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/delivery_panel.py" line="182"/>
        <source>Downloaded to {folder}</source>
        <translation>Heruntergeladen nach {folder}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="100"/>
        <source>Estimate</source>
        <translation>Schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="102"/>
        <source>Estimate the credits for the selected scenes</source>
        <translation>Die Credits für die ausgewählten Szenen schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="103"/>
        <source>Order…</source>
        <translation>Bestellen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="105"/>
        <source>Review and place orders for the selected scenes</source>
        <translation>Bestellungen für die ausgewählten Szenen prüfen und aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="162"/>
        <source>No orderable data product</source>
        <translation>Kein bestellbares Datenprodukt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="169"/>
        <source>{collection}:</source>
        <translation>{collection}:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="245"/>
        <source>Select scenes that have an orderable data product.</source>
        <translation>Wählen Sie Szenen mit einem bestellbaren Datenprodukt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="267"/>
        <source>Estimate cancelled.</source>
        <translation>Schätzung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="269"/>
        <source>Estimate failed: {error}</source>
        <translation>Schätzung fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="231"/>
        <source>{scene}: {error}</source>
        <translation>{scene}: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="302"/>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="375"/>
        <source>Select scenes to estimate or order them.</source>
        <translation>Wählen Sie Szenen aus, um sie zu schätzen oder zu bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="73"/>
        <source>Confirm UP42 order</source>
        <translation>UP42-Bestellung bestätigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="93"/>
        <source>Order name</source>
        <translation>Bestellname</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="93"/>
        <source>Data product</source>
        <translation>Datenprodukt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="31"/>
        <source>Credits</source>
        <translation>Credits</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="93"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="117"/>
        <source>no estimate</source>
        <translation>keine Schätzung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="118"/>
        <source>Not ordered: {reason}</source>
        <translation>Nicht bestellt: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="131"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="132"/>
        <source>Area of interest: {area}&lt;br&gt;&lt;b&gt;Estimated total: {credits} credits&lt;/b&gt;</source>
        <translation>Interessengebiet: {area}&lt;br&gt;&lt;b&gt;Geschätzte Summe: {credits} Credits&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="169"/>
        <source>Credits are charged when an order is fulfilled.</source>
        <translation>Credits werden berechnet, wenn eine Bestellung ausgeliefert ist.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="104"/>
        <source>Download and add to the project when fulfilled</source>
        <translation>Nach der Auslieferung herunterladen und zum Projekt hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="183"/>
        <source>Place order</source>
        <translation>Bestellung aufgeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="231"/>
        <source>Placing the orders… Please wait.</source>
        <translation>Die Bestellungen werden aufgegeben … Bitte warten.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="250"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="82"/>
        <source>Placed: {id}</source>
        <translation>Aufgegeben: {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="81"/>
        <source>Placed (confirmed after a lost answer): {id}</source>
        <translation>Aufgegeben (nach verlorener Antwort bestätigt): {id}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="85"/>
        <source>Failed: {error}</source>
        <translation>Fehlgeschlagen: {error}</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/order_dialog.py" line="260"/>
        <source>%Ln order(s) placed. Follow them in the Orders tab.</source>
        <translation>
            <numerusform>%Ln Bestellung aufgegeben. Verfolgen Sie sie im Reiter Bestellungen.</numerusform>
            <numerusform>%Ln Bestellungen aufgegeben. Verfolgen Sie sie im Reiter Bestellungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="262"/>
        <source>{n} could not be placed; see the reasons above.</source>
        <translation>{n} konnten nicht aufgegeben werden; die Gründe stehen oben.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="20"/>
        <source>All orders</source>
        <translation>Alle Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="20"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="40"/>
        <source>Fulfilled</source>
        <translation>Ausgeliefert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="45"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="46"/>
        <source>Cancelled</source>
        <translation>Storniert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="30"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="30"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="35"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="30"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="36"/>
        <source>Being placed</source>
        <translation>Wird aufgegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="37"/>
        <source>Placed</source>
        <translation>Aufgegeben</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="38"/>
        <source>Being fulfilled</source>
        <translation>Wird ausgeliefert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="41"/>
        <source>Placement failed</source>
        <translation>Aufgeben fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="44"/>
        <source>Failed permanently</source>
        <translation>Endgültig fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="64"/>
        <source>The provider could not deliver this order. No credits are charged. Contact UP42 support with the order id {id} if you need to know why.</source>
        <translation>Der Anbieter konnte diese Bestellung nicht liefern. Es werden keine Credits berechnet. Wenden Sie sich mit der Bestell-ID {id} an den UP42-Support, wenn Sie den Grund wissen möchten.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="69"/>
        <source>This order was cancelled.</source>
        <translation>Diese Bestellung wurde storniert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="71"/>
        <source>Fulfilled: the files are ready to download.</source>
        <translation>Ausgeliefert: Die Dateien können heruntergeladen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="72"/>
        <source>In progress ({status}). The plugin checks it regularly.</source>
        <translation>In Bearbeitung ({status}). Das Plugin prüft sie regelmäßig.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="64"/>
        <source>Show:</source>
        <translation>Anzeigen:</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="71"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="102"/>
        <source>Cancel order…</source>
        <translation>Bestellung stornieren …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="141"/>
        <source>Reading orders…</source>
        <translation>Bestellungen werden gelesen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="155"/>
        <source>Could not read the orders: {error}</source>
        <translation>Die Bestellungen konnten nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="160"/>
        <source>Reading the orders was cancelled.</source>
        <translation>Das Lesen der Bestellungen wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="166"/>
        <source>{n} orders in the workspace.</source>
        <translation>{n} Bestellungen im Workspace.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="222"/>
        <source>Estimated when the order was placed</source>
        <translation>Geschätzt beim Aufgeben der Bestellung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="306"/>
        <source>Cancel order</source>
        <translation>Bestellung stornieren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="41"/>
        <source>Map extent</source>
        <translation>Kartenausdehnung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="42"/>
        <source>Use the visible map as the area of interest</source>
        <translation>Die sichtbare Karte als Interessengebiet verwenden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="43"/>
        <source>Draw</source>
        <translation>Zeichnen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="45"/>
        <source>Click to add vertices, right-click to finish, Esc to cancel</source>
        <translation>Klicken fügt Stützpunkte hinzu, Rechtsklick beendet, Esc bricht ab</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="48"/>
        <source>Selection</source>
        <translation>Auswahl</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="49"/>
        <source>Use the selected features of the active polygon layer (parts are merged)</source>
        <translation>Die ausgewählten Objekte des aktiven Polygonlayers verwenden (Teile werden vereinigt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="52"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="189"/>
        <source>No area of interest yet.</source>
        <translation>Noch kein Interessengebiet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="70"/>
        <source>Use repaired geometry</source>
        <translation>Reparierte Geometrie verwenden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="191"/>
        <source>AOI: {area} km²</source>
        <translation>AOI: {area} km²</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_aoi.py" line="169"/>
        <source>Click to add vertices, right-click to finish, Esc to cancel.</source>
        <translation>Klicken fügt Stützpunkte hinzu, Rechtsklick beendet, Esc bricht ab.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="56"/>
        <source>Check the internet connection and the proxy in Settings ▸ Options ▸ Network.</source>
        <translation>Prüfen Sie die Internetverbindung und den Proxy unter Einstellungen ▸ Optionen ▸ Netzwerk.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="58"/>
        <source>UP42 is receiving too many requests; wait a moment and try again.</source>
        <translation>UP42 erhält zu viele Anfragen; warten Sie einen Moment und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="60"/>
        <source>UP42 has a problem right now; try again in a few minutes.</source>
        <translation>UP42 hat gerade ein Problem; versuchen Sie es in ein paar Minuten erneut.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="71"/>
        <source>An unexpected error; the UP42 tab of the Log Messages panel has the details.</source>
        <translation>Ein unerwarteter Fehler; Details stehen im Reiter UP42 des Protokollbedienfelds.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="32"/>
        <source>UP42 server error</source>
        <translation>UP42-Serverfehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="45"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="64"/>
        <source>Optical</source>
        <translation>Optisch</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="65"/>
        <source>Radar (SAR)</source>
        <translation>Radar (SAR)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="66"/>
        <source>Elevation</source>
        <translation>Höhenmodell</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="67"/>
        <source>Hyperspectral</source>
        <translation>Hyperspektral</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="70"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="77"/>
        <source>{value} m</source>
        <translation>{value} m</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="124"/>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="132"/>
        <source>Collections load once you are signed in.</source>
        <translation>Die Kollektionen werden geladen, sobald Sie angemeldet sind.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="119"/>
        <source>100 % means no cloud filter</source>
        <translation>100 % bedeutet keinen Wolkenfilter</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="123"/>
        <source>Cloud cover</source>
        <translation>Wolkenbedeckung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="126"/>
        <source>Descending</source>
        <translation>Absteigend</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="127"/>
        <source>Ascending</source>
        <translation>Aufsteigend</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="136"/>
        <source>Scenes per page; “Load more” fetches the next page</source>
        <translation>Szenen pro Seite; „Mehr laden“ holt die nächste Seite</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="142"/>
        <source>Acquired</source>
        <translation>Aufgenommen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="143"/>
        <source>Max. cloud</source>
        <translation>Max. Wolken</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="92"/>
        <source>Sort by</source>
        <translation>Sortieren nach</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="145"/>
        <source>Page size</source>
        <translation>Seitengröße</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="191"/>
        <source>{n} collections; check the ones to search.</source>
        <translation>{n} Kollektionen; markieren Sie die zu durchsuchenden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="195"/>
        <source>No searchable collections in this account.</source>
        <translation>Dieses Konto hat keine durchsuchbaren Kollektionen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="234"/>
        <source>The collections have not loaded yet.</source>
        <translation>Die Kollektionen sind noch nicht geladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="236"/>
        <source>Check at least one collection.</source>
        <translation>Markieren Sie mindestens eine Kollektion.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_filters.py" line="238"/>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="43"/>
        <source>Area of interest</source>
        <translation>Interessengebiet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="47"/>
        <source>Filters</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="79"/>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="53"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="75"/>
        <source>Open UP42 settings…</source>
        <translation>UP42-Einstellungen öffnen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_layout.py" line="80"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/layers/quicklook.py" line="94"/>
        <source>Quicklook</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="87"/>
        <source>No UP42 account is configured.</source>
        <translation>Es ist kein UP42-Konto eingerichtet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="134"/>
        <source>Loading collections…</source>
        <translation>Kollektionen werden geladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="145"/>
        <source>Loading the collections was cancelled.</source>
        <translation>Das Laden der Kollektionen wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="170"/>
        <source>Choose an area of interest: map extent, draw or selection.</source>
        <translation>Wählen Sie ein Interessengebiet: Kartenausdehnung, Zeichnen oder Auswahl.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="241"/>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="262"/>
        <source>The footprints could not be saved: {error}</source>
        <translation>Die Footprints konnten nicht gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_footprints.py" line="53"/>
        <source>UP42 search {time}</source>
        <translation>UP42-Suche {time}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="300"/>
        <source>No search yet. Choose an area of interest and press Search.</source>
        <translation>Noch keine Suche. Wählen Sie ein Interessengebiet und klicken Sie auf Suchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="301"/>
        <source>Not signed in to UP42. Add your account in the settings.</source>
        <translation>Nicht bei UP42 angemeldet. Fügen Sie Ihr Konto in den Einstellungen hinzu.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="302"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="303"/>
        <source>No scenes match; widen the dates, the area or the cloud limit.</source>
        <translation>Keine passenden Szenen; erweitern Sie den Zeitraum, das Gebiet oder die Wolkengrenze.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_panel.py" line="321"/>
        <source>{shown} of {total} scenes</source>
        <translation>{shown} von {total} Szenen</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/gui/search_panel.py" line="325"/>
        <source>%Ln scene(s)</source>
        <translation>
            <numerusform>%Ln Szene</numerusform>
            <numerusform>%Ln Szenen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="70"/>
        <source>Select a scene to see its quicklook.</source>
        <translation>Wählen Sie eine Szene, um ihre Vorschau zu sehen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="44"/>
        <source>Show on map</source>
        <translation>Auf der Karte zeigen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="45"/>
        <source>Add the quicklook as a layer over its footprint</source>
        <translation>Die Vorschau als Layer über ihrem Footprint hinzufügen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="77"/>
        <source>This scene has no quicklook.</source>
        <translation>Diese Szene hat keine Vorschau.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="80"/>
        <source>Loading the quicklook…</source>
        <translation>Vorschau wird geladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="108"/>
        <source>The quicklook is empty.</source>
        <translation>Die Vorschau ist leer.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="121"/>
        <source>The quicklook is not an image QGIS can show.</source>
        <translation>Die Vorschau ist kein Bild, das QGIS anzeigen kann.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/search_quicklook.py" line="143"/>
        <source>Cannot show the quicklook on the map: {error}</source>
        <translation>Die Vorschau kann nicht auf der Karte gezeigt werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="93"/>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="101"/>
        <source>Same as the API origin</source>
        <translation>Wie der API-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="105"/>
        <source>UP42 region</source>
        <translation>UP42-Region</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="234"/>
        <source>API origin</source>
        <translation>API-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="234"/>
        <source>Auth origin</source>
        <translation>Auth-Ursprung</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="115"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="117"/>
        <source>The account is kept in the QGIS authentication database (a Basic configuration with your e-mail and password); only its id is saved in the settings.</source>
        <translation>Das Konto wird in der QGIS-Authentifizierungsdatenbank gespeichert (eine Basic-Konfiguration mit Ihrer E-Mail-Adresse und Ihrem Passwort); in den Einstellungen steht nur ihre ID.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="131"/>
        <source>Sign in…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="133"/>
        <source>Create the authentication configuration from e-mail and password</source>
        <translation>Die Authentifizierungskonfiguration aus E-Mail-Adresse und Passwort erstellen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="136"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="148"/>
        <source>Save account</source>
        <translation>Konto speichern</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="149"/>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="150"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="169"/>
        <source>Orders and downloads</source>
        <translation>Bestellungen und Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="173"/>
        <source>Folder for UP42 downloads</source>
        <translation>Ordner für UP42-Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="176"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="177"/>
        <source>How often open orders are checked</source>
        <translation>Wie oft offene Bestellungen geprüft werden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="180"/>
        <source>Download and add to the project when an order is fulfilled</source>
        <translation>Herunterladen und zum Projekt hinzufügen, wenn eine Bestellung ausgeliefert ist</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="96"/>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="184"/>
        <source>Check orders every</source>
        <translation>Bestellungen prüfen alle</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="185"/>
        <source>Parallel downloads</source>
        <translation>Parallele Downloads</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="233"/>
        <source>Enter the API origin of the custom UP42 installation.</source>
        <translation>Geben Sie den API-Ursprung der eigenen UP42-Installation ein.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="258"/>
        <source>Account saved. Test the connection to check it.</source>
        <translation>Konto gespeichert. Testen Sie die Verbindung, um es zu prüfen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="303"/>
        <source>Connecting to {origin}…</source>
        <translation>Verbindung zu {origin} wird hergestellt …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="313"/>
        <source>Connection test cancelled.</source>
        <translation>Verbindungstest abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="315"/>
        <source>Connection failed: {message}</source>
        <translation>Verbindung fehlgeschlagen: {message}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="320"/>
        <source>Connected as {email}, workspace {workspace}</source>
        <translation>Verbunden als {email}, Workspace {workspace}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="82"/>
        <source>Orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="57"/>
        <source>Download orders</source>
        <translation>Bestellungen herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="60"/>
        <source>Downloads the deliveries of ORDER_IDS (comma-separated) into FOLDER, one folder per order, unpacks them and returns the rasters as FILES. With WAIT it first waits until every order is fulfilled or has failed, at most TIMEOUT seconds, asking UP42 every POLL_INTERVAL seconds. Files already downloaded are not fetched again. In QGIS the rasters are added to the project.</source>
        <translation>Lädt die Lieferungen von ORDER_IDS (durch Kommas getrennt) nach FOLDER herunter, einen Ordner pro Bestellung, entpackt sie und gibt die Raster als FILES zurück. Mit WAIT wird zuerst gewartet, bis jede Bestellung ausgeliefert oder fehlgeschlagen ist, höchstens TIMEOUT Sekunden, wobei UP42 alle POLL_INTERVAL Sekunden gefragt wird. Bereits heruntergeladene Dateien werden nicht erneut geholt. In QGIS werden die Raster zum Projekt hinzugefügt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="77"/>
        <source>Order ids (comma-separated)</source>
        <translation>Bestell-IDs (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="72"/>
        <source>Wait until the orders are fulfilled</source>
        <translation>Warten, bis die Bestellungen ausgeliefert sind</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="77"/>
        <source>Longest wait (seconds)</source>
        <translation>Längste Wartezeit (Sekunden)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="86"/>
        <source>Seconds between status checks</source>
        <translation>Sekunden zwischen Statusabfragen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="97"/>
        <source>Downloaded rasters</source>
        <translation>Heruntergeladene Raster</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="107"/>
        <source>ORDER_IDS is empty: give the ids to download.</source>
        <translation>ORDER_IDS ist leer: Geben Sie die herunterzuladenden IDs an.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="117"/>
        <source>Cannot create FOLDER {folder}: {error}</source>
        <translation>FOLDER {folder} kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="135"/>
        <source>Cancelled: the downloaded files stay in {folder}.</source>
        <translation>Abgebrochen: Die heruntergeladenen Dateien bleiben in {folder}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="214"/>
        <source>order {id}: {error}</source>
        <translation>Bestellung {id}: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="144"/>
        <source>order {id} delivered no raster.</source>
        <translation>Bestellung {id} hat kein Raster geliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="155"/>
        <source>Downloaded {n} rasters into {folder}.</source>
        <translation>{n} Raster nach {folder} heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="182"/>
        <source>Order {id}: {status}</source>
        <translation>Bestellung {id}: {status}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="203"/>
        <source>Cancelled while waiting for the orders.</source>
        <translation>Beim Warten auf die Bestellungen abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="215"/>
        <source>order {id} is not in this workspace&apos;s order list.</source>
        <translation>Bestellung {id} steht nicht in der Bestellliste dieses Workspaces.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="225"/>
        <source>order {id} ended as {status}: nothing to download.</source>
        <translation>Bestellung {id} endete als {status}: nichts herunterzuladen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="229"/>
        <source>order {id} is still {status} after {s} s (TIMEOUT).</source>
        <translation>Bestellung {id} ist nach {s} s immer noch {status} (TIMEOUT).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="232"/>
        <source>order {id} is {status}, not fulfilled yet (set WAIT to wait for it).</source>
        <translation>Bestellung {id} ist {status}, noch nicht ausgeliefert (setzen Sie WAIT, um darauf zu warten).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="260"/>
        <source>Downloading order {id}…</source>
        <translation>Bestellung {id} wird heruntergeladen …</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="88"/>
        <source>Estimating {n} scenes.</source>
        <translation>{n} Szenen werden geschätzt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="98"/>
        <source>Estimate order cost</source>
        <translation>Bestellkosten schätzen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="101"/>
        <source>Estimates the credits to order each scene of SCENES (its selected features when it has a selection) clipped to EXTENT or the AOI polygons. DATA_PRODUCT is a data product id or name; by default each scene&apos;s collection&apos;s first orderable product. Scenes UP42 refuses get their reason in the &apos;error&apos; column. Nothing is ordered.</source>
        <translation>Schätzt die Credits für die Bestellung jeder Szene aus SCENES (bei einer Auswahl nur der ausgewählten Objekte), zugeschnitten auf EXTENT oder die AOI-Polygone. DATA_PRODUCT ist eine Datenprodukt-ID oder ein Name; standardmäßig das erste bestellbare Produkt der Kollektion jeder Szene. Für Szenen, die UP42 ablehnt, steht der Grund in der Spalte 'error'. Es wird nichts bestellt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="111"/>
        <source>Total credits</source>
        <translation>Credits gesamt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="145"/>
        <source>Total: {credits} credits for {n} scenes ({refused} refused).</source>
        <translation>Gesamt: {credits} Credits für {n} Szenen ({refused} abgelehnt).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="56"/>
        <source>Order scenes</source>
        <translation>Szenen bestellen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="59"/>
        <source>Estimates the scenes like 'Estimate order cost', then places one order per scene — but only when the total is at most MAX_CREDITS: above it nothing is placed. Every order is sent once and never retried. Scenes UP42 refuses get their reason in the 'error' column. ORDER_IDS (comma-separated) feeds 'Download orders'.</source>
        <translation>Schätzt die Szenen wie 'Bestellkosten schätzen' und gibt dann eine Bestellung pro Szene auf — aber nur, wenn die Summe höchstens MAX_CREDITS beträgt: darüber wird nichts aufgegeben. Jede Bestellung wird genau einmal gesendet und nie wiederholt. Für Szenen, die UP42 ablehnt, steht der Grund in der Spalte 'error'. ORDER_IDS (durch Kommas getrennt) dient als Eingabe für 'Bestellungen herunterladen'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="68"/>
        <source>Most credits to spend (nothing is ordered above it)</source>
        <translation>Höchstens auszugebende Credits (darüber wird nichts bestellt)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="86"/>
        <source>MAX_CREDITS is required: the most credits to spend.</source>
        <translation>MAX_CREDITS ist erforderlich: die höchstens auszugebenden Credits.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="91"/>
        <source>The estimate is {total} credits, above MAX_CREDITS {most}: nothing was ordered.</source>
        <translation>Die Schätzung beträgt {total} Credits, mehr als MAX_CREDITS {most}: Es wurde nichts bestellt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="103"/>
        <source>UP42 refused every scene, nothing was ordered: {reason}</source>
        <translation>UP42 hat jede Szene abgelehnt, es wurde nichts bestellt: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="108"/>
        <source>Placing {n} orders for {credits} credits (MAX_CREDITS {most}).</source>
        <translation>{n} Bestellungen für {credits} Credits werden aufgegeben (MAX_CREDITS {most}).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="118"/>
        <source>No order was placed: {reason}</source>
        <translation>Es wurde keine Bestellung aufgegeben: {reason}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="98"/>
        <source>Not ordered: cancelled.</source>
        <translation>Nicht bestellt: abgebrochen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="138"/>
        <source>{scene}: order {order} placed.</source>
        <translation>{scene}: Bestellung {order} aufgegeben.</translation>
    </message>
    <message numerus="yes">
        <location filename="../up42_qgis/processing/alg_order.py" line="186"/>
        <source>%Ln order(s) placed: {ids}</source>
        <translation>
            <numerusform>%Ln Bestellung aufgegeben: {ids}</numerusform>
            <numerusform>%Ln Bestellungen aufgegeben: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="57"/>
        <source>Search scenes</source>
        <translation>Szenen suchen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="60"/>
        <source>Searches the UP42 catalog for scenes over EXTENT or the AOI polygons and writes their footprints (scene_id, collection, acquired, cloud_cover, resolution, …). COLLECTIONS is a comma-separated list of collection names (empty: all); dates are ISO dates (YYYY-MM-DD); newest scenes come first unless SORT_BY says cloud or resolution (best first). The layer feeds 'Estimate' and 'Order'.</source>
        <translation>Durchsucht den UP42-Katalog nach Szenen über EXTENT oder den AOI-Polygonen und schreibt ihre Footprints (scene_id, collection, acquired, cloud_cover, resolution, …). COLLECTIONS ist eine durch Kommas getrennte Liste von Kollektionsnamen (leer: alle); Datumsangaben sind ISO-Daten (JJJJ-MM-TT); die neuesten Szenen kommen zuerst, außer SORT_BY nennt Wolken oder Auflösung (beste zuerst). Der Layer dient als Eingabe für 'Schätzen' und 'Bestellen'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="70"/>
        <source>Collections (comma-separated names; empty: all)</source>
        <translation>Kollektionen (durch Kommas getrennte Namen; leer: alle)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="75"/>
        <source>Acquired from</source>
        <translation>Aufgenommen ab</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="75"/>
        <source>Acquired until</source>
        <translation>Aufgenommen bis</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="81"/>
        <source>Maximum cloud cover (%)</source>
        <translation>Maximale Wolkenbedeckung (%)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="101"/>
        <source>Most scenes</source>
        <translation>Höchstens Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="140"/>
        <source>Scene {id} has no usable footprint; skipped.</source>
        <translation>Szene {id} hat keinen brauchbaren Footprint; übersprungen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="152"/>
        <source>Cancelled: keeping the {n} scenes found.</source>
        <translation>Abgebrochen: Die {n} gefundenen Szenen bleiben erhalten.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="153"/>
        <source>Found {n} scenes.</source>
        <translation>{n} Szenen gefunden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="167"/>
        <source>START_DATE {start} is after END_DATE {end}.</source>
        <translation>START_DATE {start} liegt nach END_DATE {end}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="200"/>
        <source>{name} must be an ISO date (YYYY-MM-DD), not &apos;{value}&apos;.</source>
        <translation>{name} muss ein ISO-Datum (JJJJ-MM-TT) sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="223"/>
        <source>Unknown collection(s): {unknown}. Known: {known}.</source>
        <translation>Unbekannte Kollektion(en): {unknown}. Bekannt: {known}.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/provider.py" line="23"/>
        <source>UP42 satellite imagery: search, estimate, order, download</source>
        <translation>UP42-Satellitenbilder: suchen, schätzen, bestellen, herunterladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="44"/>
        <source>Scenes (a layer made by &apos;Search scenes&apos;; its selection, if any)</source>
        <translation>Szenen (ein Layer aus 'Szenen suchen'; gegebenenfalls seine Auswahl)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="54"/>
        <source>Data product id or name (empty: the first orderable one of each collection)</source>
        <translation>Datenprodukt-ID oder -Name (leer: das erste bestellbare jeder Kollektion)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="91"/>
        <source>SCENES could not be read.</source>
        <translation>SCENES konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="95"/>
        <source>SCENES lacks the field(s) {fields}: use a layer made by &apos;Search scenes&apos;.</source>
        <translation>SCENES fehlen die Felder {fields}: Verwenden Sie einen Layer aus 'Szenen suchen'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="106"/>
        <source>SCENES has no scene with a scene_id and a collection.</source>
        <translation>SCENES enthält keine Szene mit scene_id und collection.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="154"/>
        <source>Unknown collection &apos;{name}&apos;.</source>
        <translation>Unbekannte Kollektion '{name}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="158"/>
        <source>Collection &apos;{name}&apos; has no orderable data product.</source>
        <translation>Kollektion '{name}' hat kein bestellbares Datenprodukt.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="167"/>
        <source>Data product &apos;{product}&apos; belongs to {owners}, not to &apos;{name}&apos;.</source>
        <translation>Datenprodukt '{product}' gehört zu {owners}, nicht zu '{name}'.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="170"/>
        <source>Collection &apos;{name}&apos; has no data product &apos;{product}&apos; (it has: {has}).</source>
        <translation>Kollektion '{name}' hat kein Datenprodukt '{product}' (sie hat: {has}).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="172"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/scenes.py" line="220"/>
        <source>{scene}: {credits} credits ({size} {unit})</source>
        <translation>{scene}: {credits} Credits ({size} {unit})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="198"/>
        <source>Enter an origin such as https://api.up42.com (http:// or https://, a host).</source>
        <translation>Geben Sie einen Ursprung wie https://api.up42.com ein (http:// oder https://, ein Host).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="200"/>
        <source>An origin has no query string or fragment.</source>
        <translation>Ein Ursprung hat keinen Query-String und kein Fragment.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/settings.py" line="221"/>
        <source>The custom UP42 origin &quot;{origin}&quot; cannot be used. {problem}</source>
        <translation>Der eigene UP42-Ursprung &quot;{origin}&quot; kann nicht verwendet werden. {problem}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/connection.py" line="27"/>
        <source>UP42: testing the connection</source>
        <translation>UP42: Verbindung wird getestet</translation>
    </message>
    <message>
        <location filename="../up42_qgis/bridge/network.py" line="162"/>
        <source>QGIS is set to use a SOCKS5 proxy, which the UP42 plugin can only use with the PySocks package: install it into QGIS&apos;s Python (pip install PySocks), or choose an HTTP proxy in Settings &gt; Options &gt; Network.</source>
        <translation>QGIS ist auf einen SOCKS5-Proxy eingestellt, den das UP42-Plugin nur mit dem Paket PySocks nutzen kann: Installieren Sie es in das Python von QGIS (pip install PySocks) oder wählen Sie einen HTTP-Proxy unter Einstellungen &gt; Optionen &gt; Netzwerk.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="254"/>
        <source>Estimating… (scenes: {n})</source>
        <translation>Schätzung läuft … (Szenen: {n})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="288"/>
        <source>Estimate: {credits} for {n} of {total} scenes</source>
        <translation>Schätzung: {credits} für {n} von {total} Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/formatting.py" line="46"/>
        <source>≈ {euros} € (estimate)</source>
        <translation>≈ {euros} € (Schätzung)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/formatting.py" line="55"/>
        <source>{credits} credits ({euros})</source>
        <translation>{credits} Credits ({euros})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="303"/>
        <source>Not orderable ({n}):</source>
        <translation>Nicht bestellbar ({n}):</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_bar.py" line="377"/>
        <source>Selected scenes: {n}</source>
        <translation>Ausgewählte Szenen: {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="28"/>
        <source>GSD (m)</source>
        <translation>GSD (m)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="29"/>
        <source>Incid. (°)</source>
        <translation>Einfallsw. (°)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="37"/>
        <source>Acquisition date and time (UTC)</source>
        <translation>Aufnahmedatum und -uhrzeit (UTC)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="38"/>
        <source>Cloud cover in percent</source>
        <translation>Wolkenbedeckung in Prozent</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="39"/>
        <source>Ground sample distance (resolution) in metres</source>
        <translation>Bodenauflösung (GSD) in Metern</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="40"/>
        <source>Incidence angle in degrees</source>
        <translation>Einfallswinkel in Grad</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="41"/>
        <source>UP42 scene id</source>
        <translation>UP42-Szenen-ID</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="62"/>
        <source>Europe (EU)</source>
        <translation>Europa (EU)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="62"/>
        <source>South America (SA)</source>
        <translation>Südamerika (SA)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/settings_page.py" line="62"/>
        <source>Custom origins (e.g. the sandbox)</source>
        <translation>Eigene Ursprünge (z. B. die Sandbox)</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_estimate.py" line="110"/>
        <source>UP42 estimates</source>
        <translation>UP42-Schätzungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_order.py" line="76"/>
        <source>UP42 orders</source>
        <translation>UP42-Bestellungen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_search.py" line="111"/>
        <source>UP42 scenes</source>
        <translation>UP42-Szenen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="242"/>
        <source>Downloaded {name} to {folder}; raster layers added: {n}</source>
        <translation>{name} nach {folder} heruntergeladen; hinzugefügte Rasterlayer: {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="253"/>
        <source>Cancelled: {files}. The other files are downloaded; downloading again resumes the cancelled ones.</source>
        <translation>Abgebrochen: {files}. Die übrigen Dateien sind heruntergeladen; erneutes Herunterladen setzt die abgebrochenen fort.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="85"/>
        <source>Orders to place (one per scene, tagged “qgis”): {n}</source>
        <translation>Zu platzierende Bestellungen (eine pro Szene, mit dem Tag „qgis“): {n}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="141"/>
        <source>Budget left: {credits} credits ({name})</source>
        <translation>Verbleibendes Budget: {credits} Credits ({name})</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="161"/>
        <source>Warning: the estimated total ({credits} credits) is more than any budget has left.</source>
        <translation>Warnung: Die geschätzte Summe ({credits} Credits) übersteigt das verbleibende Guthaben jedes Budgets.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="306"/>
        <source>Cancel the order “{name}”? This cannot be undone.</source>
        <translation>Bestellung „{name}“ stornieren? Das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="329"/>
        <source>Cancelling “{name}”…</source>
        <translation>„{name}“ wird storniert…</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="342"/>
        <source>Could not cancel “{name}”: {error}</source>
        <translation>„{name}“ konnte nicht storniert werden: {error}</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/orders_panel.py" line="354"/>
        <source>“{name}” is cancelled.</source>
        <translation>„{name}“ ist storniert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="242"/>
        <source>Order “{name}” is fulfilled.</source>
        <translation>Bestellung „{name}“ ist ausgeliefert.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="87"/>
        <source>Order “{name}” failed ({status}). No credits are charged.</source>
        <translation>Bestellung „{name}“ ist fehlgeschlagen ({status}). Es werden keine Credits berechnet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="213"/>
        <source>Radar (SAR) sees through clouds: cloud cover does not apply.</source>
        <translation>Radar (SAR) sieht durch Wolken: Bewölkung spielt keine Rolle.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_dialog.py" line="242"/>
        <source>Placing failed: {error} Check the Orders tab before trying again.</source>
        <translation>Aufgeben fehlgeschlagen: {error} Prüfen Sie den Reiter Bestellungen, bevor Sie es erneut versuchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="39"/>
        <source>Downloaded by UP42</source>
        <translation>Von UP42 heruntergeladen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="42"/>
        <source>Download failed at UP42</source>
        <translation>Download bei UP42 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="43"/>
        <source>Delivery could not start</source>
        <translation>Lieferung konnte nicht starten</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="53"/>
        <source>UP42 could not place this order with the provider yet and may still resolve it; the plugin keeps checking. No credits are charged. Cancel it to close it, then order the scene again if you still need it.</source>
        <translation>UP42 konnte diese Bestellung noch nicht beim Anbieter aufgeben und kann das Problem noch beheben; das Plugin prüft weiter. Es werden keine Credits berechnet. Stornieren Sie sie, um sie abzuschließen, und bestellen Sie die Szene erneut, falls Sie sie noch brauchen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/order_status_text.py" line="59"/>
        <source>UP42 reports a problem ({status}) and may still resolve it; the plugin keeps checking.</source>
        <translation>UP42 meldet ein Problem ({status}) und kann es noch beheben; das Plugin prüft weiter.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/alg_download.py" line="220"/>
        <source>order {id} failed to be placed (PLACEMENT_FAILED); UP42 may still resolve it, or cancel it in the UP42 panel.</source>
        <translation>Bestellung {id} konnte nicht aufgegeben werden (PLACEMENT_FAILED); UP42 kann das noch beheben, oder stornieren Sie sie im UP42-Bedienfeld.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="258"/>
        <source>Download failed: {error} Downloading again resumes it.</source>
        <translation>Download fehlgeschlagen: {error} Erneutes Herunterladen setzt ihn fort.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="79"/>
        <source>Order “{name}” could not be placed yet (PLACEMENT_FAILED). UP42 may still resolve it; you can also cancel it in the Orders tab. No credits are charged.</source>
        <translation>Bestellung „{name}“ konnte noch nicht aufgegeben werden (PLACEMENT_FAILED). UP42 kann das noch beheben; Sie können sie auch im Reiter Bestellungen stornieren. Es werden keine Credits berechnet.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="84"/>
        <source>Order “{name}” has a problem ({status}); UP42 may still resolve it.</source>
        <translation>Bestellung „{name}“ hat ein Problem ({status}); UP42 kann es noch beheben.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="24"/>
        <source>UP42 sign-in failed</source>
        <translation>Anmeldung bei UP42 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="26"/>
        <source>UP42 refused access</source>
        <translation>UP42 hat den Zugriff verweigert</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="28"/>
        <source>Licence or access needed</source>
        <translation>Lizenz oder Zugang erforderlich</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="30"/>
        <source>UP42 is limiting requests</source>
        <translation>UP42 begrenzt die Anfragen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="34"/>
        <source>Could not reach UP42</source>
        <translation>UP42 ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="36"/>
        <source>Not found on UP42</source>
        <translation>Bei UP42 nicht gefunden</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="38"/>
        <source>UP42 refused the request</source>
        <translation>UP42 hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="40"/>
        <source>The order may exist</source>
        <translation>Die Bestellung existiert möglicherweise</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="42"/>
        <source>Download failed</source>
        <translation>Download fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="44"/>
        <source>UP42 error</source>
        <translation>UP42-Fehler</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="51"/>
        <source>Check the UP42 account in Settings ▸ Options ▸ UP42 (outside QGIS: UP42_USERNAME and UP42_PASSWORD).</source>
        <translation>Prüfen Sie das UP42-Konto unter Einstellungen ▸ Optionen ▸ UP42 (außerhalb von QGIS: UP42_USERNAME und UP42_PASSWORD).</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="62"/>
        <source>Check the account&apos;s permissions in the UP42 console.</source>
        <translation>Prüfen Sie die Berechtigungen des Kontos in der UP42-Konsole.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="64"/>
        <source>Accept the data product&apos;s licence (EULA) in the UP42 console first.</source>
        <translation>Akzeptieren Sie zuerst die Lizenz (EULA) des Datenprodukts in der UP42-Konsole.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="66"/>
        <source>Please check the AOI and the filters.</source>
        <translation>Bitte prüfen Sie das AOI und die Filter.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="68"/>
        <source>Check the Orders tab before ordering again.</source>
        <translation>Prüfen Sie den Reiter Bestellungen, bevor Sie erneut bestellen.</translation>
    </message>
    <message>
        <location filename="../up42_qgis/toolbelt/messages.py" line="79"/>
        <source>{title}: {message}.</source>
        <translation>{title}: {message}.</translation>
    </message>
</context>
</TS>
