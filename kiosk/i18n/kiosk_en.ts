<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Loading the catalogue…</translation>
    </message>
    <message>
        <source>Our selection</source>
        <translation>Our selection</translation>
    </message>
    <message>
        <source>Featured products</source>
        <translation>Featured products</translation>
    </message>
    <message>
        <source>The catalogue is not available yet. Please ask a member of staff.</source>
        <translation>The catalogue is not available yet. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>This terminal is out of order for a moment. Please ask a member of staff.</source>
        <translation>This terminal is out of order for a moment. Please ask a member of staff.</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <source>In stock here</source>
        <translation>In stock here</translation>
    </message>
    <message>
        <source>Not in stock here</source>
        <translation>Not in stock here</translation>
    </message>
</context>
</TS>