<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Up42</name>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="143"/>
        <source>The AOI is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="101"/>
        <source>The AOI is not a valid polygon (it crosses itself or has bad rings).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="145"/>
        <source>The AOI must be a polygon.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="103"/>
        <source>The AOI has too many vertices; simplify it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="104"/>
        <source>The AOI is too small.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="105"/>
        <source>The AOI is too large for a catalog search; zoom in or draw a smaller one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="107"/>
        <source>The AOI cannot be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="161"/>
        <source>There is no repaired geometry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="178"/>
        <source>Select a polygon layer in the Layers panel first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="180"/>
        <source>The layer “{name}” has no polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/aoi.py" line="187"/>
        <source>Select one or more features of “{name}” first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="279"/>
        <source>UP42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="25"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="26"/>
        <source>Collection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="27"/>
        <source>Cloud %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="28"/>
        <source>Resolution (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="29"/>
        <source>Incidence (°)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="30"/>
        <source>Scene id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="31"/>
        <source>Est. credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="118"/>
        <source>Estimated credits for the current AOI (100 credits = 1 EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="155"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/gui/results_model.py" line="180"/>
        <source>Provider scene: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="38"/>
        <source>Search, order and download UP42 imagery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/plugin.py" line="74"/>
        <source>&amp;UP42</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="67"/>
        <source>UP42 sign-in failed: {message}. Check the account in the UP42 plugin settings, or UP42_USERNAME and UP42_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="72"/>
        <source>UP42 refused access: {message}. Check the account&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="74"/>
        <source>{message}. Accept the data product&apos;s licence (EULA) in the UP42 console.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="76"/>
        <source>UP42 is limiting requests: {message}. Try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="78"/>
        <source>UP42 server error: {message}. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="80"/>
        <source>Could not reach UP42: {message}. Check the connection and proxy settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="82"/>
        <source>Not found on UP42: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="84"/>
        <source>UP42 refused the request: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="86"/>
        <source>{message}. The order may exist: check the orders list before ordering again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="88"/>
        <source>Download failed: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="181"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="154"/>
        <source>{algorithm} failed unexpectedly: {error} (details in the UP42 log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="169"/>
        <source>No UP42 account is configured ({reason}). Set one in the UP42 plugin settings, or set UP42_USERNAME and UP42_PASSWORD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="185"/>
        <source>Area of interest as an extent (or give AOI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="190"/>
        <source>Area of interest as polygons (or give EXTENT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="214"/>
        <source>Both EXTENT and AOI are given: using the AOI polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="216"/>
        <source>Give the area of interest: EXTENT or an AOI polygon layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="225"/>
        <source>Unusable area of interest: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="240"/>
        <source>The AOI layer could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="253"/>
        <source>The AOI layer has no polygon to use as the area.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="255"/>
        <source>AOI: the union of {n} polygons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/processing/common.py" line="258"/>
        <source>The AOI polygons could not be combined.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="176"/>
        <source>The order has no files to download yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="233"/>
        <source>Downloaded {name} to {folder} ({n} layers added)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="242"/>
        <source>Download cancelled. It resumes where it stopped when you download again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/downloads.py" line="244"/>
        <source>Download failed: {error}. Downloading again resumes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="231"/>
        <source>Order u201c{name}u201d is fulfilled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="239"/>
        <source>Order u201c{name}u201d could not be placed (PLACEMENT_FAILED). Cancel it in the Orders tab; no credits are charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/services/tracker.py" line="244"/>
        <source>Order u201c{name}u201d failed ({status}). No credits are charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/downloads.py" line="33"/>
        <source>UP42: downloading {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="39"/>
        <source>UP42: estimating {n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="64"/>
        <source>UP42: placing {n} orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="77"/>
        <source>Not sent: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="107"/>
        <source>UP42: reading orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="135"/>
        <source>UP42: cancelling an order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/orders.py" line="147"/>
        <source>UP42: reading a delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="32"/>
        <source>UP42: searching the catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="32"/>
        <source>UP42: loading result page {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="58"/>
        <source>UP42: loading collections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../up42_qgis/tasks/search.py" line="73"/>
        <source>UP42: loading the preview of {scene}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
