<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>KioskWindow</name>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Chargement du catalogue…</translation>
    </message>
    <message>
        <source>Our selection</source>
        <translation>Notre sélection</translation>
    </message>
    <message>
        <source>Featured products</source>
        <translation>Produits à la une</translation>
    </message>
    <message>
        <source>The catalogue is not available yet. Please ask a member of staff.</source>
        <translation>Le catalogue n’est pas encore disponible. Merci de vous adresser à un vendeur.</translation>
    </message>
    <message>
        <source>This terminal is out of order for a moment. Please ask a member of staff.</source>
        <translation>Cette borne est momentanément indisponible. Merci de vous adresser à un vendeur.</translation>
    </message>
</context>
<context>
    <name>ProductCard</name>
    <message>
        <source>In stock here</source>
        <translation>En stock ici</translation>
    </message>
    <message>
        <source>Not in stock here</source>
        <translation>Pas en stock ici</translation>
    </message>
</context>
</TS>