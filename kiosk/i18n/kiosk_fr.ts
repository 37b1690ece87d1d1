<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccessibilityButton</name>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <source>Speech, larger text, high contrast, controls within reach, more time</source>
        <translation>Lecture vocale, texte plus grand, contraste élevé, commandes à portée, plus de temps</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <source>Accessibility</source>
        <translation>Accessibilité</translation>
    </message>
    <message>
        <source>What you switch on here stays on until you leave: the next person starts without it.</source>
        <translation>Ce que vous activez ici le reste jusqu’à votre départ&#xa0;: la personne suivante commence sans.</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Lecture vocale</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contraste élevé</translation>
    </message>
    <message>
        <source>Everything within reach</source>
        <translation>Tout à portée de main</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>Plus de temps</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Taille du texte</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Grand</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Très grand</translation>
    </message>
    <message>
        <source>More choices below: slide the list up</source>
        <translation>D’autres choix plus bas&#xa0;: faites glisser la liste vers le haut</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a choice and its state or value: &apos;Speech: On&apos;</comment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normale</translation>
    </message>
    <message>
        <source>Speech rate</source>
        <translation>Vitesse de la voix</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Plus lent</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Plus rapide</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1&#xa0;%</translation>
    </message>
    <message>
        <source>Speech volume</source>
        <translation>Volume de la voix</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Moins fort</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Plus fort</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>On</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>non</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin mode</source>
        <translation>Mode administration</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Envois refusés</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal technique</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Close admin mode</source>
        <translation>Fermer le mode administration</translation>
    </message>
    <message>
        <source>Restart the app</source>
        <translation>Redémarrer l’application</translation>
    </message>
    <message>
        <source>Leave to the desktop</source>
        <translation>Quitter vers le bureau</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>%1 (in the future: check the clock)</source>
        <translation>%1 (dans le futur : vérifiez l’horloge)</translation>
    </message>
    <message>
        <source>%1, %2 ago</source>
        <translation>%1, il y a %2</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n seconde</numerusform>
            <numerusform>%n secondes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
</context>
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
    <message>
        <source>Start in English</source>
        <translation>Commencer en français</translation>
    </message>
</context>
<context>
    <name>BackInStockScreen</name>
    <message>
        <source>Please tick the box to agree that we e-mail you about this item.</source>
        <translation>Cochez la case pour accepter que nous vous écrivions au sujet de cet article.</translation>
    </message>
    <message>
        <source>This needs a connection to our server, and the kiosk has none just now. Please try again later, or ask a member of staff.</source>
        <translation>Il faut pour cela une connexion à notre serveur, et la borne n&apos;en a pas pour le moment. Réessayez plus tard, ou demandez à un vendeur.</translation>
    </message>
    <message>
        <source>We cannot take alerts by e-mail at the moment. A member of staff can help you.</source>
        <translation>Nous ne pouvons pas prendre d&apos;alerte par e-mail pour le moment. Un vendeur peut vous aider.</translation>
    </message>
    <message>
        <source>Your alert could not be recorded. A member of staff can help you.</source>
        <translation>Votre alerte n&apos;a pas pu être enregistrée. Un vendeur peut vous aider.</translation>
    </message>
    <message>
        <source>Tell me when it&apos;s back</source>
        <translation>Prévenez-moi de son retour</translation>
    </message>
    <message numerus="yes">
        <source>I agree to receive one e-mail about this item. My address is erased once that e-mail is sent, or after %n day(s) if the item is not back by then.</source>
        <translation>
            <numerusform>J&apos;accepte de recevoir un e-mail au sujet de cet article. Mon adresse est effacée dès que cet e-mail est envoyé, ou au bout de %n jour si l&apos;article n&apos;est pas revenu d&apos;ici là.</numerusform>
            <numerusform>J&apos;accepte de recevoir un e-mail au sujet de cet article. Mon adresse est effacée dès que cet e-mail est envoyé, ou au bout de %n jours si l&apos;article n&apos;est pas revenu d&apos;ici là.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copies of the e-mails we send are erased %n day(s) after sending.</source>
        <translation>
            <numerusform>Les copies des e-mails que nous envoyons sont effacées %n jour après leur envoi.</numerusform>
            <numerusform>Les copies des e-mails que nous envoyons sont effacées %n jours après leur envoi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where should it be back?</source>
        <translation>Où doit-il revenir ?</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>Dans ce magasin</translation>
    </message>
    <message>
        <source>In any store</source>
        <translation>Dans n&apos;importe quel magasin</translation>
    </message>
    <message>
        <source>I agree to receive one e-mail about this item, and that my address is kept for this alert only, then erased.</source>
        <translation>J&apos;accepte de recevoir un e-mail au sujet de cet article, et que mon adresse soit gardée pour cette alerte seulement, puis effacée.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Almost done: we have sent you an e-mail. Follow its link to confirm your alert; we write only once you have.</source>
        <translation>C&apos;est presque fini : nous vous avons envoyé un e-mail. Suivez son lien pour confirmer votre alerte ; nous ne vous écrirons qu&apos;une fois confirmée.</translation>
    </message>
</context>
<context>
    <name>BasketLimits</name>
    <message numerus="yes">
        <source>You can order up to %n of the same item.</source>
        <translation>
            <numerusform>Vous pouvez commander jusqu’à %n fois le même article.</numerusform>
            <numerusform>Vous pouvez commander jusqu’à %n fois le même article.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An order can hold up to %n items.</source>
        <translation>
            <numerusform>Une commande peut contenir jusqu’à %n article.</numerusform>
            <numerusform>Une commande peut contenir jusqu’à %n articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An order can hold up to %n different items.</source>
        <translation>
            <numerusform>Une commande peut contenir jusqu’à %n article différent.</numerusform>
            <numerusform>Une commande peut contenir jusqu’à %n articles différents.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketRow</name>
    <message>
        <source>%1 each · %2</source>
        <translation>%1 l’unité · %2</translation>
    </message>
    <message numerus="yes">
        <source>Quantity: %n</source>
        <translation>
            <numerusform>Quantité : %n</numerusform>
            <numerusform>Quantité : %n</numerusform>
        </translation>
    </message>
    <message>
        <source>One less %1</source>
        <translation>Un de moins : %1</translation>
    </message>
    <message>
        <source>One more %1</source>
        <translation>Un de plus : %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
</context>
<context>
    <name>BasketScreen</name>
    <message numerus="yes">
        <source>%n item(s) · %1 before delivery</source>
        <translation>
            <numerusform>%n article · %1 hors livraison</numerusform>
            <numerusform>%n articles · %1 hors livraison</numerusform>
        </translation>
    </message>
    <message>
        <source>Your home delivery</source>
        <translation>Votre livraison à domicile</translation>
    </message>
    <message>
        <source>We deliver these items to your home. You pay at the till or by the link we e-mail you.</source>
        <translation>Nous livrons ces articles chez vous. Vous payez en caisse ou avec le lien que nous vous envoyons par e-mail.</translation>
    </message>
    <message>
        <source>Your basket is empty. Choose an item and tap “Deliver to my home”.</source>
        <translation>Votre panier est vide. Choisissez un article et touchez « Livrer à mon domicile ».</translation>
    </message>
    <message>
        <source>Keep shopping</source>
        <translation>Continuer mes achats</translation>
    </message>
    <message>
        <source>Enter delivery details</source>
        <translation>Saisir mes coordonnées</translation>
    </message>
</context>
<context>
    <name>BusyStrip</name>
    <message>
        <source>Working on it…</source>
        <translation>Un instant…</translation>
    </message>
</context>
<context>
    <name>CategoryScreen</name>
    <message>
        <source>Filters and sort</source>
        <translation>Filtres et tri</translation>
    </message>
    <message numerus="yes">
        <source>Filters and sort · %n products</source>
        <translation>
            <numerusform>Filtres et tri · %n produit</numerusform>
            <numerusform>Filtres et tri · %n produits</numerusform>
        </translation>
    </message>
    <message>
        <source>Filtered by: {filters}</source>
        <translation>Filtres&#xa0;: {filters}</translation>
    </message>
    <message>
        <source>Products in this category</source>
        <translation>Produits de cette catégorie</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>Vous êtes ici</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Category not found</source>
        <translation>Catégorie introuvable</translation>
    </message>
    <message>
        <source>Loading the products…</source>
        <translation>Chargement des produits…</translation>
    </message>
    <message>
        <source>We could not find this category. It may have left the catalogue: please go back and choose another one.</source>
        <translation>Nous ne trouvons pas cette catégorie. Elle a peut-être quitté le catalogue&#xa0;: revenez en arrière et choisissez-en une autre.</translation>
    </message>
    <message>
        <source>There are no products in this category at the moment.</source>
        <translation>Il n’y a aucun produit dans cette catégorie pour le moment.</translation>
    </message>
    <message>
        <source>No product matches these filters.</source>
        <translation>Aucun produit ne correspond à ces filtres.</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>Le catalogue n’est pas disponible pour le moment. Merci de vous adresser à un vendeur.</translation>
    </message>
</context>
<context>
    <name>CompareScreen</name>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>Le catalogue est momentanément indisponible. Merci de vous adresser à un vendeur.</translation>
    </message>
    <message>
        <source>Loading the comparison…</source>
        <translation>Chargement du comparatif…</translation>
    </message>
    <message>
        <source>Add at least two products to compare them side by side: tap “Add to compare” on a product&apos;s page.</source>
        <translation>Ajoutez au moins deux produits pour les comparer côte à côte : touchez « Ajouter au comparateur » sur la page d’un produit.</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove {name} from the comparison</source>
        <translation>Retirer {name} du comparateur</translation>
    </message>
    <message>
        <source>{row}: differs</source>
        <translation>{row} : diffère</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparatif</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Tailles</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Couleurs</translation>
    </message>
    <message>
        <source>{mark} marks what differs between the products</source>
        <translation>{mark} signale ce qui diffère d’un produit à l’autre</translation>
    </message>
    <message>
        <source>Rows that differ between the products are marked</source>
        <translation>Les lignes qui diffèrent d’un produit à l’autre sont signalées</translation>
    </message>
    <message>
        <source>Find products</source>
        <translation>Chercher des produits</translation>
    </message>
</context>
<context>
    <name>CompareTrayBar</name>
    <message numerus="yes">
        <source>Compare (%n)</source>
        <translation>
            <numerusform>Comparer (%n)</numerusform>
            <numerusform>Comparer (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {name} from the comparison</source>
        <translation>Retirer {name} du comparateur</translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>Read from %1</source>
        <translation>Lue dans %1</translation>
    </message>
    <message>
        <source>The effective config</source>
        <translation>La configuration en vigueur</translation>
    </message>
    <message>
        <source>The file was refused; the running config is kept. Problems:</source>
        <translation>Le fichier est refusé ; la configuration en cours est conservée. Problèmes :</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Le fichier n’a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Reloaded: nothing changed.</source>
        <translation>Rechargée : rien n’a changé.</translation>
    </message>
    <message>
        <source>Reloaded.</source>
        <translation>Rechargée.</translation>
    </message>
    <message>
        <source>In effect now: %1</source>
        <translation>En vigueur dès maintenant : %1</translation>
    </message>
    <message>
        <source>In effect after a restart: %1</source>
        <translation>En vigueur après un redémarrage : %1</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Recharger depuis le disque</translation>
    </message>
</context>
<context>
    <name>ConfirmationScreen</name>
    <message>
        <source>Thank you, your order is placed</source>
        <translation>Merci, votre commande est passée</translation>
    </message>
    <message>
        <source>It is on its way to our order service.</source>
        <translation>Elle part vers notre service commandes.</translation>
    </message>
    <message>
        <source>This terminal is offline at the moment: your order is saved here and will be sent to our order service as soon as the connection is back.</source>
        <translation>Cette borne est hors ligne pour le moment : votre commande est enregistrée ici et partira vers notre service commandes dès le retour de la connexion.</translation>
    </message>
    <message>
        <source>Your order reference</source>
        <translation>Votre numéro de commande</translation>
    </message>
    <message>
        <source>QR code of your order&apos;s page</source>
        <translation>Code QR de la page de votre commande</translation>
    </message>
    <message>
        <source>Scan this code with your phone to follow your order.</source>
        <translation>Scannez ce code avec votre téléphone pour suivre votre commande.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) · total %1</source>
        <translation>
            <numerusform>%n article · total %1</numerusform>
            <numerusform>%n articles · total %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered to your home by %1</source>
        <translation>Livrée chez vous au plus tard le %1</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>Et maintenant ?</translation>
    </message>
    <message>
        <source>Follow your order on its page: scan the QR code above.</source>
        <translation>Suivez votre commande sur sa page : scannez le code QR ci-dessus.</translation>
    </message>
    <message>
        <source>Keep your order reference: the store&apos;s staff can tell you where your order stands.</source>
        <translation>Gardez votre numéro de commande : le personnel du magasin peut vous dire où en est votre commande.</translation>
    </message>
    <message>
        <source>We send your items once the order is paid.</source>
        <translation>Nous expédions vos articles dès le paiement reçu.</translation>
    </message>
    <message>
        <source>You will receive an e-mail confirming your order, with a link to pay.</source>
        <translation>Vous allez recevoir un e-mail de confirmation avec un lien de paiement.</translation>
    </message>
    <message>
        <source>You will receive an e-mail confirming your order.</source>
        <translation>Vous allez recevoir un e-mail de confirmation.</translation>
    </message>
    <message>
        <source>Once this terminal has sent your order, you will receive an e-mail confirming it, with a link to pay.</source>
        <translation>Dès que cette borne aura transmis votre commande, vous recevrez un e-mail de confirmation avec un lien de paiement.</translation>
    </message>
    <message>
        <source>Once this terminal has sent your order, you will receive an e-mail confirming it.</source>
        <translation>Dès que cette borne aura transmis votre commande, vous recevrez un e-mail de confirmation.</translation>
    </message>
    <message>
        <source>We send your items once the order is paid, and e-mail you when they leave.</source>
        <translation>Nous expédions vos articles dès le paiement reçu et vous prévenons par e-mail à leur départ.</translation>
    </message>
    <message>
        <source>How to pay</source>
        <translation>Comment payer</translation>
    </message>
    <message>
        <source>At the till of this store: show your order reference or its QR code. Or online: use the payment link in the e-mail. This terminal never asks for your card.</source>
        <translation>En caisse dans ce magasin : montrez votre numéro de commande ou son code QR. Ou en ligne : utilisez le lien de paiement de l’e-mail. Cette borne ne vous demande jamais votre carte.</translation>
    </message>
    <message>
        <source>At the till of this store: show your order reference or its QR code. This terminal never asks for your card.</source>
        <translation>En caisse dans ce magasin : montrez votre numéro de commande ou son code QR. Cette borne ne vous demande jamais votre carte.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>CustomerFormScreen</name>
    <message numerus="yes">
        <source>Please check %n field(s).</source>
        <translation>
            <numerusform>Vérifiez %n champ, s’il vous plaît.</numerusform>
            <numerusform>Vérifiez %n champs, s’il vous plaît.</numerusform>
        </translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone portable</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Apartment, building, floor (optional)</source>
        <translation>Appartement, bâtiment, étage (facultatif)</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Code postal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>Delivery instructions (optional)</source>
        <translation>Instructions de livraison (facultatif)</translation>
    </message>
    <message>
        <source>Please enter your first name.</source>
        <translation>Indiquez votre prénom.</translation>
    </message>
    <message>
        <source>Please enter your last name.</source>
        <translation>Indiquez votre nom.</translation>
    </message>
    <message>
        <source>Please enter your e-mail address.</source>
        <translation>Indiquez votre adresse e-mail.</translation>
    </message>
    <message>
        <source>Please enter your mobile phone number.</source>
        <translation>Indiquez votre numéro de portable.</translation>
    </message>
    <message>
        <source>Please enter the street and number.</source>
        <translation>Indiquez le numéro et la rue.</translation>
    </message>
    <message>
        <source>Please enter the postal code.</source>
        <translation>Indiquez le code postal.</translation>
    </message>
    <message>
        <source>Please enter the city.</source>
        <translation>Indiquez la ville.</translation>
    </message>
    <message numerus="yes">
        <source>This is too long: %n characters at most.</source>
        <translation>
            <numerusform>C’est trop long : %n caractère au plus.</numerusform>
            <numerusform>C’est trop long : %n caractères au plus.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please use only letters, digits and punctuation.</source>
        <translation>Utilisez seulement des lettres, des chiffres et de la ponctuation.</translation>
    </message>
    <message>
        <source>Please write it with letters.</source>
        <translation>Écrivez-le en lettres, s’il vous plaît.</translation>
    </message>
    <message>
        <source>An e-mail address contains an @, as in marie@example.fr.</source>
        <translation>Une adresse e-mail contient un @, comme marie@example.fr.</translation>
    </message>
    <message>
        <source>Please complete the part after the @, as in marie@example.fr.</source>
        <translation>Complétez la partie après le @, comme marie@example.fr.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid. Example: marie@example.fr.</source>
        <translation>Cette adresse e-mail n’est pas valide. Exemple : marie@example.fr.</translation>
    </message>
    <message>
        <source>This phone number is not valid. Example: 06 12 34 56 78.</source>
        <translation>Ce numéro n’est pas valide. Exemple : 06 12 34 56 78.</translation>
    </message>
    <message>
        <source>Please give a mobile number: the carrier texts you before delivering.</source>
        <translation>Indiquez un numéro de portable : le livreur vous envoie un SMS avant de passer.</translation>
    </message>
    <message>
        <source>A postal code has five digits, as in 69003.</source>
        <translation>Un code postal a cinq chiffres, comme 69003.</translation>
    </message>
    <message>
        <source>This postal code does not exist in France.</source>
        <translation>Ce code postal n’existe pas en France.</translation>
    </message>
    <message>
        <source>Delivery details</source>
        <translation>Vos coordonnées de livraison</translation>
    </message>
    <message>
        <source>Who should we deliver to? Tap a field to type.</source>
        <translation>À qui livrons-nous ? Touchez un champ pour écrire.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
</context>
<context>
    <name>DeadLettersPage</name>
    <message>
        <source>No dead letters: the server took everything.</source>
        <translation>Aucun envoi refusé : le serveur a tout accepté.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n tentative</numerusform>
            <numerusform>%n tentatives</numerusform>
        </translation>
    </message>
    <message>
        <source>Server&apos;s reason: %1</source>
        <translation>Motif du serveur : %1</translation>
    </message>
    <message>
        <source>Queued again: it is sent at the next sync.</source>
        <translation>Remis en file : il part à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>This item is no longer a dead letter.</source>
        <translation>Cet élément n’est plus un envoi refusé.</translation>
    </message>
    <message>
        <source>Discarded. It stays in the journal, marked, with your reason.</source>
        <translation>Abandonné. Il reste dans le journal, marqué, avec votre motif.</translation>
    </message>
    <message>
        <source>The journal could not be written: %1</source>
        <translation>Le journal n’a pas pu être écrit : %1</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Envois refusés</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Abandonner…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Why discard it? (required)</source>
        <translation>Pourquoi l’abandonner ? (obligatoire)</translation>
    </message>
    <message>
        <source>Reason for discarding</source>
        <translation>Motif de l’abandon</translation>
    </message>
    <message>
        <source>Discard this item for good? It will never be sent, and stays in the journal marked as discarded.</source>
        <translation>Abandonner cet élément pour de bon ? Il ne sera jamais envoyé et reste dans le journal, marqué comme abandonné.</translation>
    </message>
    <message>
        <source>Yes, discard it</source>
        <translation>Oui, l’abandonner</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>touched</source>
        <translation>touchée</translation>
    </message>
    <message>
        <source>not touched</source>
        <translation>pas touchée</translation>
    </message>
    <message>
        <source>Cell %1, %2: %3</source>
        <translation>Case %1, %2 : %3</translation>
    </message>
    <message>
        <source>Nothing scanned yet: scan any barcode now.</source>
        <translation>Rien de scanné : scannez un code-barres maintenant.</translation>
    </message>
    <message>
        <source>a valid EAN/UPC barcode</source>
        <translation>un code-barres EAN/UPC valide</translation>
    </message>
    <message>
        <source>NOT valid: the check digit is wrong (a misread or a damaged label)</source>
        <translation>NON valide : la clé de contrôle est fausse (mauvaise lecture ou étiquette abîmée)</translation>
    </message>
    <message>
        <source>a product code (SKU)</source>
        <translation>un code article (SKU)</translation>
    </message>
    <message>
        <source>NOT readable: check the scanner&apos;s keyboard layout</source>
        <translation>NON lisible : vérifiez la disposition de clavier du scanner</translation>
    </message>
    <message>
        <source>Last code read: %1 — %2</source>
        <translation>Dernier code lu : %1 — %2</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Périphériques</translation>
    </message>
    <message>
        <source>Scanner test</source>
        <translation>Test du scanner</translation>
    </message>
    <message>
        <source>Touch test: touch every cell; each lights up with a tick</source>
        <translation>Test tactile : touchez chaque case ; elle s’allume avec une coche</translation>
    </message>
    <message>
        <source>Clear the grid</source>
        <translation>Effacer la grille</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters and sort</source>
        <translation>Filtres et tri</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Prix</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilité</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Trier par</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Pertinence</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>Prix croissant</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>Prix décroissant</translation>
    </message>
    <message>
        <source>Show the products</source>
        <translation>Voir les produits</translation>
    </message>
    <message>
        <source>No product matches</source>
        <translation>Aucun produit ne correspond</translation>
    </message>
    <message numerus="yes">
        <source>Show %n products</source>
        <translation>
            <numerusform>Voir %n produit</numerusform>
            <numerusform>Voir %n produits</numerusform>
        </translation>
    </message>
    <message>
        <source>In stock in this store</source>
        <translation>En stock dans ce magasin</translation>
    </message>
    <message>
        <source>Up to {price}</source>
        <translation>Jusqu’à {price}</translation>
    </message>
    <message>
        <source>Over {price}</source>
        <translation>Plus de {price}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>De {low} à {high}</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Search for a product…</source>
        <translation>Rechercher un produit…</translation>
    </message>
    <message>
        <source>Search for a product</source>
        <translation>Rechercher un produit</translation>
    </message>
    <message>
        <source>You can also scan a product&apos;s barcode at the scanner.</source>
        <translation>Vous pouvez aussi scanner le code-barres d’un produit au lecteur.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Rayons</translation>
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
        <source>Rate your visit</source>
        <translation>Notez votre visite</translation>
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
        <source>The code could not be read. Please scan it again.</source>
        <translation>Le code n’a pas pu être lu. Merci de le scanner à nouveau.</translation>
    </message>
    <message>
        <source>We do not know this product. A member of staff can help you.</source>
        <translation>Nous ne connaissons pas ce produit. Un vendeur peut vous aider.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. The kiosk is starting again.</source>
        <translation>Désolé, un problème est survenu. La borne redémarre.</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Everything is lower down, within reach.</source>
        <translation>Tout est plus bas, à portée de main.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>The log is empty.</source>
        <translation>Le journal technique est vide.</translation>
    </message>
    <message numerus="yes">
        <source>Log: the last %n line(s)</source>
        <translation>
            <numerusform>Journal technique : la dernière ligne</numerusform>
            <numerusform>Journal technique : les %n dernières lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>The log&apos;s last lines</source>
        <translation>Les dernières lignes du journal technique</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>You have more time.</source>
        <translation>Vous avez plus de temps.</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>indisponible</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vide</translation>
    </message>
    <message>
        <source>button</source>
        <translation>bouton</translation>
    </message>
    <message>
        <source>check box</source>
        <translation>case à cocher</translation>
    </message>
    <message>
        <source>radio button</source>
        <translation>bouton radio</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>champ de saisie</translation>
    </message>
    <message>
        <source>list</source>
        <translation>liste</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>élément de liste</translation>
    </message>
    <message>
        <source>list of choices</source>
        <translation>liste de choix</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>curseur</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>onglet</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tableau</translation>
    </message>
    <message>
        <source>scroll bar</source>
        <translation>barre de défilement</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>cochée</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>non cochée</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>sélectionné</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>non sélectionné</translation>
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
    <name>OptionChips</name>
    <message>
        <source>here</source>
        <translation>ici</translation>
    </message>
    <message>
        <source>other stores</source>
        <translation>autres magasins</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>épuisé</translation>
    </message>
    <message>
        <source>{option}, in stock here</source>
        <translation>{option}, en stock ici</translation>
    </message>
    <message>
        <source>{option}, only in other stores</source>
        <translation>{option}, seulement dans d’autres magasins</translation>
    </message>
    <message>
        <source>{option}, sold out in every store</source>
        <translation>{option}, épuisé dans tous les magasins</translation>
    </message>
</context>
<context>
    <name>PageDots</name>
    <message>
        <source>Picture {number} of {count}</source>
        <translation>Image {number} sur {count}</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Scan this code with your phone&apos;s camera to open this product&apos;s page</source>
        <translation>Scannez ce code avec l’appareil photo de votre téléphone pour ouvrir la page de ce produit</translation>
    </message>
    <message>
        <source>QR code of the product&apos;s web page</source>
        <translation>QR code de la page web du produit</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a pause.</source>
        <translation>
            <numerusform>Code erroné. Encore %n essai avant une pause.</numerusform>
            <numerusform>Code erroné. Encore %n essais avant une pause.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Trop de codes erronés. Réessayez dans %1.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) typed</source>
        <translation>
            <numerusform>%n chiffre saisi</numerusform>
            <numerusform>%n chiffres saisis</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff access: enter the PIN</source>
        <translation>Accès du personnel : saisissez le code</translation>
    </message>
    <message>
        <source>Erase a digit</source>
        <translation>Effacer un chiffre</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
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
    <message>
        <source>%1 instead of %2</source>
        <translation>%1 au lieu de %2</translation>
    </message>
</context>
<context>
    <name>ProductScreen</name>
    <message>
        <source>Loading the product…</source>
        <translation>Chargement du produit…</translation>
    </message>
    <message>
        <source>Sorry, this product is no longer in our catalogue.</source>
        <translation>Désolé, ce produit n’est plus à notre catalogue.</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>Le catalogue est momentanément indisponible. Merci de vous adresser à un vendeur.</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Votre choix</translation>
    </message>
    <message>
        <source>from {price}</source>
        <translation>à partir de {price}</translation>
    </message>
    <message>
        <source>{price} instead of {regular}</source>
        <translation>{price} au lieu de {regular}</translation>
    </message>
    <message>
        <source>Special price until {date}</source>
        <translation>Prix spécial jusqu’au {date}</translation>
    </message>
    <message>
        <source>Special price</source>
        <translation>Prix spécial</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>En stock ici</translation>
    </message>
    <message numerus="yes">
        <source>Only %n left here</source>
        <translation>
            <numerusform>Plus que %n en stock ici</numerusform>
            <numerusform>Plus que %n en stock ici</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in stock here</source>
        <translation>Pas en stock ici</translation>
    </message>
    <message>
        <source>Sold out in every store</source>
        <translation>Épuisé dans tous les magasins</translation>
    </message>
    <message>
        <source>In stock here in {options}</source>
        <translation>En stock ici en {options}</translation>
    </message>
    <message>
        <source>Size {size}</source>
        <translation>Taille {size}</translation>
    </message>
    <message>
        <source>Choose a size and a colour</source>
        <translation>Choisissez une taille et une couleur</translation>
    </message>
    <message>
        <source>Choose a size</source>
        <translation>Choisissez une taille</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Choisissez une couleur</translation>
    </message>
    <message>
        <source>In your basket · view</source>
        <translation>Dans votre panier · voir</translation>
    </message>
    <message>
        <source>Deliver to my home</source>
        <translation>Livrer à mon domicile</translation>
    </message>
    <message>
        <source>In comparison</source>
        <translation>Dans le comparateur</translation>
    </message>
    <message>
        <source>Add to compare</source>
        <translation>Ajouter au comparateur</translation>
    </message>
    <message numerus="yes">
        <source>You can compare up to %n products. Remove one from the comparison to add this one.</source>
        <translation>
            <numerusform>Vous pouvez comparer jusqu’à %n produit. Retirez-en un du comparateur pour ajouter celui-ci.</numerusform>
            <numerusform>Vous pouvez comparer jusqu’à %n produits. Retirez-en un du comparateur pour ajouter celui-ci.</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Available here instead</source>
        <translation>Disponible ici à la place</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Caractéristiques</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Autres magasins</translation>
    </message>
    <message>
        <source>Tell me when it&apos;s back</source>
        <translation>Prévenez-moi de son retour</translation>
    </message>
    <message>
        <source>Reserve at %1</source>
        <translation>Réserver à %1</translation>
    </message>
    <message>
        <source>See it on your phone</source>
        <translation>Voir sur votre téléphone</translation>
    </message>
    <message>
        <source>Pictures of the product</source>
        <translation>Photos du produit</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message numerus="yes">
        <source>Your basket holds %n item(s) not ordered yet</source>
        <translation>
            <numerusform>Votre panier contient %n article pas encore commandé</numerusform>
            <numerusform>Votre panier contient %n articles pas encore commandés</numerusform>
        </translation>
    </message>
    <message>
        <source>Rating your visit ends it, and your basket is then emptied.</source>
        <translation>Noter votre visite la termine, et votre panier est alors vidé.</translation>
    </message>
    <message>
        <source>Keep my basket</source>
        <translation>Garder mon panier</translation>
    </message>
    <message>
        <source>Empty my basket and rate</source>
        <translation>Vider mon panier et noter</translation>
    </message>
    <message>
        <source>How was your visit?</source>
        <translation>Comment s’est passée votre visite ?</translation>
    </message>
    <message>
        <source>Very unhappy</source>
        <translation>Très mécontent</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Mécontent</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Très content</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>Non merci</translation>
    </message>
    <message>
        <source>If you like, choose one or more answers. You can also skip this question.</source>
        <translation>Si vous le souhaitez, choisissez une ou plusieurs réponses. Vous pouvez aussi passer cette question.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Passer</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Merci !</translation>
    </message>
    <message>
        <source>Your opinion helps us do better.</source>
        <translation>Votre avis nous aide à nous améliorer.</translation>
    </message>
</context>
<context>
    <name>ReservationScreen</name>
    <message>
        <source>Please tick the box to agree that the store keeps your details for this reservation.</source>
        <translation>Cochez la case pour accepter que le magasin garde vos coordonnées pour cette réservation.</translation>
    </message>
    <message>
        <source>Reserving with the store…</source>
        <translation>Réservation auprès du magasin…</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Veuillez saisir votre nom.</translation>
    </message>
    <message>
        <source>Please give a mobile number or an e-mail address.</source>
        <translation>Indiquez un numéro de mobile ou une adresse e-mail.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>C&apos;est trop long.</translation>
    </message>
    <message>
        <source>Please remove the unusual characters.</source>
        <translation>Veuillez retirer les caractères inhabituels.</translation>
    </message>
    <message>
        <source>Please write it with letters.</source>
        <translation>Veuillez l&apos;écrire en lettres.</translation>
    </message>
    <message>
        <source>An e-mail address contains an @.</source>
        <translation>Une adresse e-mail contient un @.</translation>
    </message>
    <message>
        <source>Please complete the part after the @.</source>
        <translation>Veuillez compléter la partie après le @.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid.</source>
        <translation>Cette adresse e-mail n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>This phone number is not valid.</source>
        <translation>Ce numéro de téléphone n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>Please give a mobile number.</source>
        <translation>Veuillez indiquer un numéro de mobile.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Veuillez vérifier ce champ.</translation>
    </message>
    <message>
        <source>Reserved at %1 until %2. Give this reference in the store.</source>
        <translation>Réservé au magasin %1 jusqu&apos;au %2. Donnez cette référence en magasin.</translation>
    </message>
    <message>
        <source>Sorry, the last one has just been reserved. You can still order it for home delivery.</source>
        <translation>Désolé, le dernier vient d&apos;être réservé. Vous pouvez toujours le commander en livraison à domicile.</translation>
    </message>
    <message>
        <source>Reserving needs a connection to our stores, which is not available right now. You can order it for home delivery instead.</source>
        <translation>La réservation demande une connexion avec nos magasins, indisponible pour le moment. Vous pouvez le commander en livraison à domicile.</translation>
    </message>
    <message>
        <source>Reserve at %1</source>
        <translation>Réserver à %1</translation>
    </message>
    <message>
        <source>I agree that the store keeps my details for this reservation only as long as needed, then erases them.</source>
        <translation>J&apos;accepte que le magasin garde mes coordonnées pour cette réservation, seulement le temps nécessaire, puis les efface.</translation>
    </message>
    <message numerus="yes">
        <source>I agree that the store keeps my details for this reservation. They are erased %n day(s) after it is collected, cancelled or expires.</source>
        <translation>
            <numerusform>J&apos;accepte que le magasin garde mes coordonnées pour cette réservation. Elles sont effacées %n jour après son retrait, son annulation ou son expiration.</numerusform>
            <numerusform>J&apos;accepte que le magasin garde mes coordonnées pour cette réservation. Elles sont effacées %n jours après son retrait, son annulation ou son expiration.</numerusform>
        </translation>
    </message>
    <message>
        <source>We put it aside for you to try or buy in the store. Tap a field to type.</source>
        <translation>Nous le mettons de côté pour que vous l&apos;essayiez ou l&apos;achetiez en magasin. Touchez un champ pour écrire.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Téléphone mobile</translation>
    </message>
    <message>
        <source>E-mail (or a mobile phone)</source>
        <translation>E-mail (ou un téléphone mobile)</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <source>Order for home delivery</source>
        <translation>Commander en livraison à domicile</translation>
    </message>
</context>
<context>
    <name>ReservationsPage</name>
    <message>
        <source>The central server could not be asked: %1</source>
        <translation>Le serveur central n&apos;a pas pu être interrogé : %1</translation>
    </message>
    <message>
        <source>No reservation to hand over.</source>
        <translation>Aucune réservation à remettre.</translation>
    </message>
    <message>
        <source>%1 — %2 ×%3 — %4 — until %5</source>
        <translation>%1 — %2 ×%3 — %4 — jusqu&apos;au %5</translation>
    </message>
    <message>
        <source>%1 is marked collected.</source>
        <translation>%1 est marquée retirée.</translation>
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation>%1 est annulée.</translation>
    </message>
    <message>
        <source>Reservations to hand over in this store</source>
        <translation>Réservations à remettre dans ce magasin</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Retirée</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Standard delivery</source>
        <translation>Livraison standard</translation>
    </message>
    <message>
        <source>Express delivery</source>
        <translation>Livraison express</translation>
    </message>
    <message>
        <source>free</source>
        <translation>gratuite</translation>
    </message>
    <message>
        <source>delivered by %1</source>
        <translation>livrée au plus tard le %1</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Articles : %1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Livraison : %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total : %1</translation>
    </message>
    <message>
        <source>Tick the box above to confirm your order.</source>
        <translation>Cochez la case ci-dessus pour confirmer votre commande.</translation>
    </message>
    <message>
        <source>Sorry, your order could not be saved, so nothing was ordered. Please ask a member of staff.</source>
        <translation>Désolés, votre commande n’a pas pu être enregistrée : rien n’a été commandé. Adressez-vous à un vendeur, s’il vous plaît.</translation>
    </message>
    <message>
        <source>Check and confirm</source>
        <translation>Vérifier et confirmer</translation>
    </message>
    <message numerus="yes">
        <source>Our order service keeps them for %n day(s) after delivery or cancellation, then erases them.</source>
        <translation>
            <numerusform>Notre service commandes les conserve %n jour après la livraison ou l’annulation, puis les efface.</numerusform>
            <numerusform>Notre service commandes les conserve %n jours après la livraison ou l’annulation, puis les efface.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Livraison</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Vos articles</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>Livré à</translation>
    </message>
    <message>
        <source>Your personal data</source>
        <translation>Vos données personnelles</translation>
    </message>
    <message numerus="yes">
        <source>We use your name, address, e-mail and phone number only to deliver this order and to keep you informed about it. This terminal deletes them %n day(s) after our order service has received them. You can ask to see, correct or erase them at any time.</source>
        <translation>
            <numerusform>Nous utilisons vos nom, adresse, e-mail et numéro de téléphone uniquement pour livrer cette commande et vous en informer. Cette borne les efface %n jour après leur réception par notre service commandes. Vous pouvez à tout moment demander à les consulter, les corriger ou les effacer.</numerusform>
            <numerusform>Nous utilisons vos nom, adresse, e-mail et numéro de téléphone uniquement pour livrer cette commande et vous en informer. Cette borne les efface %n jours après leur réception par notre service commandes. Vous pouvez à tout moment demander à les consulter, les corriger ou les effacer.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan this code to read our privacy notice on your phone.</source>
        <translation>Scannez ce code pour lire notre politique de confidentialité sur votre téléphone.</translation>
    </message>
    <message>
        <source>You pay at the store&apos;s till by showing your order&apos;s QR code, or by the payment link we e-mail you. This terminal never asks for your card.</source>
        <translation>Vous payez en caisse du magasin en montrant le code QR de votre commande, ou avec le lien de paiement envoyé par e-mail. Cette borne ne vous demande jamais votre carte.</translation>
    </message>
    <message>
        <source>I agree that my data is used to deliver this order.</source>
        <translation>J’accepte que mes données servent à livrer cette commande.</translation>
    </message>
    <message>
        <source>QR code of the privacy notice</source>
        <translation>Code QR de la politique de confidentialité</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Modifier mes coordonnées</translation>
    </message>
    <message>
        <source>Confirm the order</source>
        <translation>Confirmer la commande</translation>
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
        <translation>Nous n’avons rien trouvé pour «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Browse a department, or one of our popular products.</source>
        <translation>Parcourez un rayon, ou l’un de nos produits populaires.</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>Résultats pour «&#xa0;%1&#xa0;»</translation>
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
    <name>Speech</name>
    <message>
        <source>dash</source>
        <translation>tiret</translation>
    </message>
    <message>
        <source>No digit typed</source>
        <translation>Aucun chiffre saisi</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>Chiffre %1</translation>
    </message>
    <message>
        <source>Digit %1 of %2</source>
        <translation>Chiffre %1 sur %2</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1 : champ vide</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: filled</source>
        <translation>%1 : champ rempli</translation>
    </message>
</context>
<context>
    <name>SpokenPrice</name>
    <message numerus="yes">
        <source>%n euro(s)</source>
        <translation>
            <numerusform>%n euro</numerusform>
            <numerusform>%n euros</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusPage</name>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Magasin</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Borne</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>Version de l’application</translation>
    </message>
    <message>
        <source>Network addresses</source>
        <translation>Adresses réseau</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Serveur central</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en ligne</translation>
    </message>
    <message>
        <source>offline — %1</source>
        <translation>hors ligne — %1</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Dernière réception</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <source>Clock drift</source>
        <translation>Décalage d’horloge</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>File d’attente</translation>
    </message>
    <message>
        <source>Cursor moved</source>
        <translation>Curseur avancé</translation>
    </message>
    <message>
        <source>no cursor yet</source>
        <translation>pas encore de curseur</translation>
    </message>
    <message>
        <source>Orders waiting</source>
        <translation>Commandes en attente</translation>
    </message>
    <message>
        <source>Ratings waiting</source>
        <translation>Avis en attente</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Événements en attente</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Envois refusés</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>Disque libre</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Taille du cache</translation>
    </message>
    <message>
        <source>Journal size</source>
        <translation>Taille du journal</translation>
    </message>
    <message>
        <source>Cache check</source>
        <translation>Contrôle du cache</translation>
    </message>
    <message>
        <source>Journal check</source>
        <translation>Contrôle du journal</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alerte</translation>
    </message>
    <message>
        <source>%1 (raised %2)</source>
        <translation>%1 (signalée %2)</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>aucun configuré</translation>
    </message>
    <message>
        <source>trying…</source>
        <translation>essai…</translation>
    </message>
    <message>
        <source>reachable in %1 ms</source>
        <translation>joignable en %1 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>pas encore mesuré</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>moins d’une seconde</translation>
    </message>
    <message>
        <source>%1 ahead of the server</source>
        <translation>%1 d’avance sur le serveur</translation>
    </message>
    <message>
        <source>%1 behind the server</source>
        <translation>%1 de retard sur le serveur</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>contrôle en cours…</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>pas encore contrôlé</translation>
    </message>
    <message>
        <source>sound (checked %1)</source>
        <translation>sain (contrôlé %1)</translation>
    </message>
    <message>
        <source>DAMAGED (checked %1): %2</source>
        <translation>ENDOMMAGÉ (contrôlé %1) : %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Check the databases</source>
        <translation>Contrôler les bases</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Vous êtes toujours là ?</translation>
    </message>
    <message numerus="yes">
        <source>Touch the screen or press any key to continue. Otherwise everything will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Touchez l’écran ou appuyez sur une touche pour continuer. Sinon, tout sera effacé dans %n seconde.</numerusform>
            <numerusform>Touchez l’écran ou appuyez sur une touche pour continuer. Sinon, tout sera effacé dans %n secondes.</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>Je suis toujours là</translation>
    </message>
</context>
<context>
    <name>StoreCard</name>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (ce magasin)</translation>
    </message>
    <message>
        <source>%1 · %2 km</source>
        <translation>%1 · %2 km</translation>
    </message>
    <message>
        <source>Address and opening hours</source>
        <translation>Adresse et horaires</translation>
    </message>
    <message>
        <source>Address and opening hours of %1</source>
        <translation>Adresse et horaires de %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>fermé</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>StoresScreen</name>
    <message>
        <source>Reserve at %1</source>
        <translation>Réserver à %1</translation>
    </message>
    <message>
        <source>Checking the latest figures with our stores…</source>
        <translation>Vérification des derniers chiffres auprès de nos magasins…</translation>
    </message>
    <message>
        <source>Live figures could not be fetched: these are the last we received, with their age.</source>
        <translation>Impossible d’obtenir les chiffres en direct : voici les derniers reçus, avec leur ancienneté.</translation>
    </message>
    <message>
        <source>Stock in our stores</source>
        <translation>Stock dans nos magasins</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>No central server is configured: nothing to sync.</source>
        <translation>Aucun serveur central configuré : rien à synchroniser.</translation>
    </message>
    <message>
        <source>Sync has not started yet.</source>
        <translation>La synchronisation n’a pas encore démarré.</translation>
    </message>
    <message>
        <source>Syncing: sending what waits here, then fetching changes…</source>
        <translation>Synchronisation : envoi de ce qui attend ici, puis réception des changements…</translation>
    </message>
    <message>
        <source>No sync round has ended yet.</source>
        <translation>Aucune synchronisation terminée pour l’instant.</translation>
    </message>
    <message>
        <source>Last round done: the server is reachable.</source>
        <translation>Dernière synchronisation faite : le serveur est joignable.</translation>
    </message>
    <message>
        <source>Last round stopped: %1</source>
        <translation>Dernière synchronisation interrompue : %1</translation>
    </message>
    <message>
        <source>Orders sent</source>
        <translation>Commandes envoyées</translation>
    </message>
    <message>
        <source>Ratings sent</source>
        <translation>Avis envoyés</translation>
    </message>
    <message>
        <source>Events sent</source>
        <translation>Événements envoyés</translation>
    </message>
    <message>
        <source>Pages received</source>
        <translation>Pages reçues</translation>
    </message>
    <message>
        <source>Changes received</source>
        <translation>Changements reçus</translation>
    </message>
    <message>
        <source>Images fetched</source>
        <translation>Images reçues</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Dernière réception</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Dernier envoi</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>%1 orders, %2 ratings, %3 events, %4 dead letters</source>
        <translation>%1 commandes, %2 avis, %3 événements, %4 envois refusés</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Sessions</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>lecture…</translation>
    </message>
    <message>
        <source>no rating yet</source>
        <translation>pas encore d’avis</translation>
    </message>
    <message>
        <source>%1 out of 4</source>
        <translation>%1 sur 4</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Recherches</translation>
    </message>
    <message>
        <source>Searches that found nothing</source>
        <translation>Recherches sans résultat</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Commandes</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Avis</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Note moyenne</translation>
    </message>
    <message>
        <source>Today on this terminal</source>
        <translation>Aujourd’hui sur cette borne</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
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
    <message numerus="yes">
        <source>Basket (%n)</source>
        <translation>
            <numerusform>Panier (%n)</numerusform>
            <numerusform>Panier (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Basket, %n item(s)</source>
        <translation>
            <numerusform>Panier, %n article</numerusform>
            <numerusform>Panier, %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TroubleDetails</name>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Afficher les détails</translation>
    </message>
</context>
<context>
    <name>TroubleWords</name>
    <message>
        <source>server unreachable: check the network and the server</source>
        <translation>serveur injoignable : vérifiez le réseau et le serveur</translation>
    </message>
    <message>
        <source>server name not found: check the address and the DNS</source>
        <translation>nom du serveur introuvable : vérifiez l&apos;adresse et le DNS</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>le serveur n&apos;a pas répondu à temps</translation>
    </message>
    <message>
        <source>the server refused this terminal&apos;s token: IT must renew it</source>
        <translation>le serveur refuse le jeton de ce terminal : l&apos;informatique doit le renouveler</translation>
    </message>
    <message>
        <source>secure connection failed: certificate not trusted, or not https</source>
        <translation>échec de la connexion sécurisée : certificat non reconnu, ou serveur sans https</translation>
    </message>
    <message>
        <source>fault on the server&apos;s side; the terminal will try again</source>
        <translation>panne du côté du serveur ; le terminal réessaiera</translation>
    </message>
    <message>
        <source>answer not understood: is this the central server&apos;s address?</source>
        <translation>réponse incompréhensible : est-ce bien l&apos;adresse du serveur central ?</translation>
    </message>
    <message>
        <source>unexpected problem: see the details</source>
        <translation>problème inattendu : voir les détails</translation>
    </message>
    <message>
        <source>token refused by the server: nothing is lost, sync waits for IT</source>
        <translation>jeton refusé par le serveur : rien n&apos;est perdu, la synchronisation attend l&apos;informatique</translation>
    </message>
    <message>
        <source>the journal was damaged: it was set aside and a new one started</source>
        <translation>le journal était endommagé : il a été mis de côté et un nouveau a été commencé</translation>
    </message>
</context>
<context>
    <name>_StockWords</name>
    <message>
        <source>In stock</source>
        <translation>En stock</translation>
    </message>
    <message numerus="yes">
        <source>Only %n left</source>
        <translation>
            <numerusform>Plus que %n</numerusform>
            <numerusform>Plus que %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Épuisé</translation>
    </message>
    <message>
        <source>No stock figure</source>
        <translation>Stock inconnu</translation>
    </message>
    <message>
        <source>Counted just now</source>
        <translation>Vérifié à l’instant</translation>
    </message>
    <message numerus="yes">
        <source>Counted %n min ago</source>
        <translation>
            <numerusform>Vérifié il y a %n min</numerusform>
            <numerusform>Vérifié il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted %n hour(s) ago</source>
        <translation>
            <numerusform>Vérifié il y a %n heure</numerusform>
            <numerusform>Vérifié il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted %n day(s) ago</source>
        <translation>
            <numerusform>Vérifié il y a %n jour</numerusform>
            <numerusform>Vérifié il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n min ago</source>
        <translation>
            <numerusform>Peut avoir changé — vérifié il y a %n min</numerusform>
            <numerusform>Peut avoir changé — vérifié il y a %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n hour(s) ago</source>
        <translation>
            <numerusform>Peut avoir changé — vérifié il y a %n heure</numerusform>
            <numerusform>Peut avoir changé — vérifié il y a %n heures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n day(s) ago</source>
        <translation>
            <numerusform>Peut avoir changé — vérifié il y a %n jour</numerusform>
            <numerusform>Peut avoir changé — vérifié il y a %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>May have changed</source>
        <translation>Peut avoir changé</translation>
    </message>
    <message>
        <source>Back on %1</source>
        <translation>De retour le %1</translation>
    </message>
</context>
</TS>
