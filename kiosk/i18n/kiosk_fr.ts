<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AttractScreen</name>
    <message>
        <source>Find any product of the chain, see where it is in stock, and order it for home delivery.</source>
        <translation>Trouvez tous les produits de l’enseigne, voyez où ils sont en stock et faites-vous-les livrer à domicile.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Touchez l’écran pour commencer</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Our selection</source>
        <translation>Notre sélection</translation>
    </message>
    <message>
        <source>Featured products</source>
        <translation>Produits à la une</translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Chargement du catalogue…</translation>
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
    <name>KioskApp</name>
    <message>
        <source>Sorry, something went wrong. The kiosk is starting again.</source>
        <translation>Désolé, un problème est survenu. La borne redémarre.</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <source>Shift</source>
        <comment>key label</comment>
        <translation>Maj</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Majuscule</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>key label</comment>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retour arrière</translation>
    </message>
    <message>
        <source>Clear all</source>
        <comment>key label</comment>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Espace</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>123</source>
        <comment>key label</comment>
        <translation>123</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Chiffres</translation>
    </message>
    <message>
        <source>ABC</source>
        <comment>key label</comment>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Lettres</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apostrophe</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Trait d’union</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Virgule</translation>
    </message>
    <message>
        <source>Full stop</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>Arobase</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Tiret bas</translation>
    </message>
    <message>
        <source>Plus</source>
        <translation>Plus</translation>
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
<context>
    <name>SearchScreen</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>A product, a colour, a code…</source>
        <translation>Un produit, une couleur, une référence…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Effacer la recherche</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Rayons</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de la recherche</translation>
    </message>
    <message>
        <source>Popular products</source>
        <translation>Produits populaires</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>Le catalogue n’est pas disponible pour le moment. Merci de vous adresser à un vendeur.</translation>
    </message>
    <message>
        <source>We found nothing for “%1”.</source>
        <translation>Nous n’avons rien trouvé pour « %1 ».</translation>
    </message>
    <message>
        <source>Browse a department, or one of our popular products.</source>
        <translation>Parcourez un rayon, ou l’un de nos produits populaires.</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>Résultats pour « %1 »</translation>
    </message>
    <message numerus="yes">
        <source>More than %n products</source>
        <translation>
            <numerusform>Plus de %n produit</numerusform>
            <numerusform>Plus de %n produits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n products</source>
        <translation>
            <numerusform>%n produit</numerusform>
            <numerusform>%n produits</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Vous êtes toujours là ?</translation>
    </message>
    <message numerus="yes">
        <source>Touch the screen to continue. Otherwise everything will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Touchez l’écran pour continuer. Sinon, tout sera effacé dans %n seconde.</numerusform>
            <numerusform>Touchez l’écran pour continuer. Sinon, tout sera effacé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Je suis toujours là</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Retour</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Accueil</translation>
    </message>
</context>
</TS>
