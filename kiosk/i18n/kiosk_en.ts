<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccessibilityButton</name>
    <message>
        <source>Accessibility</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <source>Speech, larger text, high contrast, controls within reach, more time</source>
        <translation>Speech, larger text, high contrast, controls within reach, more time</translation>
    </message>
</context>
<context>
    <name>AccessibilityPanel</name>
    <message>
        <source>Accessibility</source>
        <translation>Accessibility</translation>
    </message>
    <message>
        <source>What you switch on here stays on until you leave: the next person starts without it.</source>
        <translation>What you switch on here stays on until you leave: the next person starts without it.</translation>
    </message>
    <message>
        <source>Speech</source>
        <translation>Speech</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Everything within reach</source>
        <translation>Everything within reach</translation>
    </message>
    <message>
        <source>More time</source>
        <translation>More time</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>Largest</translation>
    </message>
    <message>
        <source>More choices below: slide the list up</source>
        <translation>More choices below: slide the list up</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a choice and its state or value: &apos;Speech: On&apos;</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Speech rate</source>
        <translation>Speech rate</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>Slower</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>Faster</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Speech volume</source>
        <translation>Speech volume</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Quieter</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Louder</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <source>Admin mode</source>
        <translation>Admin mode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Reservations</translation>
    </message>
    <message>
        <source>Close admin mode</source>
        <translation>Close admin mode</translation>
    </message>
    <message>
        <source>Restart the app</source>
        <translation>Restart the app</translation>
    </message>
    <message>
        <source>Leave to the desktop</source>
        <translation>Leave to the desktop</translation>
    </message>
</context>
<context>
    <name>AdminWords</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>%1 (in the future: check the clock)</source>
        <translation>%1 (in the future: check the clock)</translation>
    </message>
    <message>
        <source>%1, %2 ago</source>
        <translation>%1, %2 ago</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
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
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>Find any product of the chain, see where it is in stock, and order it for home delivery.</source>
        <translation>Find any product of the chain, see where it is in stock, and order it for home delivery.</translation>
    </message>
    <message>
        <source>Touch to start</source>
        <translation>Touch to start</translation>
    </message>
    <message>
        <source>Start in English</source>
        <translation>Start in English</translation>
    </message>
</context>
<context>
    <name>BackInStockScreen</name>
    <message>
        <source>Please tick the box to agree that we e-mail you about this item.</source>
        <translation>Please tick the box to agree that we e-mail you about this item.</translation>
    </message>
    <message>
        <source>This needs a connection to our server, and the kiosk has none just now. Please try again later, or ask a member of staff.</source>
        <translation>This needs a connection to our server, and the kiosk has none just now. Please try again later, or ask a member of staff.</translation>
    </message>
    <message>
        <source>We cannot take alerts by e-mail at the moment. A member of staff can help you.</source>
        <translation>We cannot take alerts by e-mail at the moment. A member of staff can help you.</translation>
    </message>
    <message>
        <source>Your alert could not be recorded. A member of staff can help you.</source>
        <translation>Your alert could not be recorded. A member of staff can help you.</translation>
    </message>
    <message>
        <source>Tell me when it&apos;s back</source>
        <translation>Tell me when it&apos;s back</translation>
    </message>
    <message numerus="yes">
        <source>I agree to receive one e-mail about this item. My address is erased once that e-mail is sent, or after %n day(s) if the item is not back by then.</source>
        <translation>
            <numerusform>I agree to receive one e-mail about this item. My address is erased once that e-mail is sent, or after %n day if the item is not back by then.</numerusform>
            <numerusform>I agree to receive one e-mail about this item. My address is erased once that e-mail is sent, or after %n days if the item is not back by then.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copies of the e-mails we send are erased %n day(s) after sending.</source>
        <translation>
            <numerusform>Copies of the e-mails we send are erased %n day after sending.</numerusform>
            <numerusform>Copies of the e-mails we send are erased %n days after sending.</numerusform>
        </translation>
    </message>
    <message>
        <source>Where should it be back?</source>
        <translation>Where should it be back?</translation>
    </message>
    <message>
        <source>In this store</source>
        <translation>In this store</translation>
    </message>
    <message>
        <source>In any store</source>
        <translation>In any store</translation>
    </message>
    <message>
        <source>I agree to receive one e-mail about this item, and that my address is kept for this alert only, then erased.</source>
        <translation>I agree to receive one e-mail about this item, and that my address is kept for this alert only, then erased.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Almost done: we have sent you an e-mail. Follow its link to confirm your alert; we write only once you have.</source>
        <translation>Almost done: we have sent you an e-mail. Follow its link to confirm your alert; we write only once you have.</translation>
    </message>
</context>
<context>
    <name>BasketLimits</name>
    <message numerus="yes">
        <source>You can order up to %n of the same item.</source>
        <translation>
            <numerusform>You can order up to %n of the same item.</numerusform>
            <numerusform>You can order up to %n of the same item.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An order can hold up to %n items.</source>
        <translation>
            <numerusform>An order can hold up to %n item.</numerusform>
            <numerusform>An order can hold up to %n items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>An order can hold up to %n different items.</source>
        <translation>
            <numerusform>An order can hold up to %n different item.</numerusform>
            <numerusform>An order can hold up to %n different items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasketRow</name>
    <message>
        <source>%1 each · %2</source>
        <translation>%1 each · %2</translation>
    </message>
    <message numerus="yes">
        <source>Quantity: %n</source>
        <translation>
            <numerusform>Quantity: %n</numerusform>
            <numerusform>Quantity: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>One less %1</source>
        <translation>One less %1</translation>
    </message>
    <message>
        <source>One more %1</source>
        <translation>One more %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>BasketScreen</name>
    <message numerus="yes">
        <source>%n item(s) · %1 before delivery</source>
        <translation>
            <numerusform>%n item · %1 before delivery</numerusform>
            <numerusform>%n items · %1 before delivery</numerusform>
        </translation>
    </message>
    <message>
        <source>Your home delivery</source>
        <translation>Your home delivery</translation>
    </message>
    <message>
        <source>We deliver these items to your home. You pay at the till or by the link we e-mail you.</source>
        <translation>We deliver these items to your home. You pay at the till or by the link we e-mail you.</translation>
    </message>
    <message>
        <source>Your basket is empty. Choose an item and tap “Deliver to my home”.</source>
        <translation>Your basket is empty. Choose an item and tap “Deliver to my home”.</translation>
    </message>
    <message>
        <source>Keep shopping</source>
        <translation>Keep shopping</translation>
    </message>
    <message>
        <source>Enter delivery details</source>
        <translation>Enter delivery details</translation>
    </message>
</context>
<context>
    <name>BusyStrip</name>
    <message>
        <source>Working on it…</source>
        <translation>Working on it…</translation>
    </message>
</context>
<context>
    <name>CategoryScreen</name>
    <message>
        <source>Filters and sort</source>
        <translation>Filters and sort</translation>
    </message>
    <message numerus="yes">
        <source>Filters and sort · %n products</source>
        <translation>
            <numerusform>Filters and sort · %n product</numerusform>
            <numerusform>Filters and sort · %n products</numerusform>
        </translation>
    </message>
    <message>
        <source>Filtered by: {filters}</source>
        <translation>Filtered by: {filters}</translation>
    </message>
    <message>
        <source>Products in this category</source>
        <translation>Products in this category</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>You are here</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Category not found</source>
        <translation>Category not found</translation>
    </message>
    <message>
        <source>Loading the products…</source>
        <translation>Loading the products…</translation>
    </message>
    <message>
        <source>We could not find this category. It may have left the catalogue: please go back and choose another one.</source>
        <translation>We could not find this category. It may have left the catalogue: please go back and choose another one.</translation>
    </message>
    <message>
        <source>There are no products in this category at the moment.</source>
        <translation>There are no products in this category at the moment.</translation>
    </message>
    <message>
        <source>No product matches these filters.</source>
        <translation>No product matches these filters.</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>The catalogue is not available at the moment. Please ask a member of staff.</translation>
    </message>
</context>
<context>
    <name>CompareScreen</name>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>The catalogue is not available at the moment. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>Loading the comparison…</source>
        <translation>Loading the comparison…</translation>
    </message>
    <message>
        <source>Add at least two products to compare them side by side: tap “Add to compare” on a product&apos;s page.</source>
        <translation>Add at least two products to compare them side by side: tap “Add to compare” on a product&apos;s page.</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Not stated</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove {name} from the comparison</source>
        <translation>Remove {name} from the comparison</translation>
    </message>
    <message>
        <source>{row}: differs</source>
        <translation>{row}: differs</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Sizes</source>
        <translation>Sizes</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colours</translation>
    </message>
    <message>
        <source>{mark} marks what differs between the products</source>
        <translation>{mark} marks what differs between the products</translation>
    </message>
    <message>
        <source>Rows that differ between the products are marked</source>
        <translation>Rows that differ between the products are marked</translation>
    </message>
    <message>
        <source>Find products</source>
        <translation>Find products</translation>
    </message>
</context>
<context>
    <name>CompareTrayBar</name>
    <message numerus="yes">
        <source>Compare (%n)</source>
        <translation>
            <numerusform>Compare (%n)</numerusform>
            <numerusform>Compare (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove {name} from the comparison</source>
        <translation>Remove {name} from the comparison</translation>
    </message>
</context>
<context>
    <name>ConfigPage</name>
    <message>
        <source>Read from %1</source>
        <translation>Read from %1</translation>
    </message>
    <message>
        <source>The effective config</source>
        <translation>The effective config</translation>
    </message>
    <message>
        <source>The file was refused; the running config is kept. Problems:</source>
        <translation>The file was refused; the running config is kept. Problems:</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>The file could not be read: %1</translation>
    </message>
    <message>
        <source>Reloaded: nothing changed.</source>
        <translation>Reloaded: nothing changed.</translation>
    </message>
    <message>
        <source>Reloaded.</source>
        <translation>Reloaded.</translation>
    </message>
    <message>
        <source>In effect now: %1</source>
        <translation>In effect now: %1</translation>
    </message>
    <message>
        <source>In effect after a restart: %1</source>
        <translation>In effect after a restart: %1</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Reload from disk</source>
        <translation>Reload from disk</translation>
    </message>
</context>
<context>
    <name>ConfirmationScreen</name>
    <message>
        <source>Thank you, your order is placed</source>
        <translation>Thank you, your order is placed</translation>
    </message>
    <message>
        <source>It is on its way to our order service.</source>
        <translation>It is on its way to our order service.</translation>
    </message>
    <message>
        <source>This terminal is offline at the moment: your order is saved here and will be sent to our order service as soon as the connection is back.</source>
        <translation>This terminal is offline at the moment: your order is saved here and will be sent to our order service as soon as the connection is back.</translation>
    </message>
    <message>
        <source>Your order reference</source>
        <translation>Your order reference</translation>
    </message>
    <message>
        <source>QR code of your order&apos;s page</source>
        <translation>QR code of your order&apos;s page</translation>
    </message>
    <message>
        <source>Scan this code with your phone to follow your order.</source>
        <translation>Scan this code with your phone to follow your order.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) · total %1</source>
        <translation>
            <numerusform>%n item · total %1</numerusform>
            <numerusform>%n items · total %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivered to your home by %1</source>
        <translation>Delivered to your home by %1</translation>
    </message>
    <message>
        <source>What happens next</source>
        <translation>What happens next</translation>
    </message>
    <message>
        <source>Follow your order on its page: scan the QR code above.</source>
        <translation>Follow your order on its page: scan the QR code above.</translation>
    </message>
    <message>
        <source>Keep your order reference: the store&apos;s staff can tell you where your order stands.</source>
        <translation>Keep your order reference: the store&apos;s staff can tell you where your order stands.</translation>
    </message>
    <message>
        <source>We send your items once the order is paid.</source>
        <translation>We send your items once the order is paid.</translation>
    </message>
    <message>
        <source>You will receive an e-mail confirming your order, with a link to pay.</source>
        <translation>You will receive an e-mail confirming your order, with a link to pay.</translation>
    </message>
    <message>
        <source>You will receive an e-mail confirming your order.</source>
        <translation>You will receive an e-mail confirming your order.</translation>
    </message>
    <message>
        <source>Once this terminal has sent your order, you will receive an e-mail confirming it, with a link to pay.</source>
        <translation>Once this terminal has sent your order, you will receive an e-mail confirming it, with a link to pay.</translation>
    </message>
    <message>
        <source>Once this terminal has sent your order, you will receive an e-mail confirming it.</source>
        <translation>Once this terminal has sent your order, you will receive an e-mail confirming it.</translation>
    </message>
    <message>
        <source>We send your items once the order is paid, and e-mail you when they leave.</source>
        <translation>We send your items once the order is paid, and e-mail you when they leave.</translation>
    </message>
    <message>
        <source>How to pay</source>
        <translation>How to pay</translation>
    </message>
    <message>
        <source>At the till of this store: show your order reference or its QR code. Or online: use the payment link in the e-mail. This terminal never asks for your card.</source>
        <translation>At the till of this store: show your order reference or its QR code. Or online: use the payment link in the e-mail. This terminal never asks for your card.</translation>
    </message>
    <message>
        <source>At the till of this store: show your order reference or its QR code. This terminal never asks for your card.</source>
        <translation>At the till of this store: show your order reference or its QR code. This terminal never asks for your card.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CustomerFormScreen</name>
    <message numerus="yes">
        <source>Please check %n field(s).</source>
        <translation>
            <numerusform>Please check %n field.</numerusform>
            <numerusform>Please check %n fields.</numerusform>
        </translation>
    </message>
    <message>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Apartment, building, floor (optional)</source>
        <translation>Apartment, building, floor (optional)</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Delivery instructions (optional)</source>
        <translation>Delivery instructions (optional)</translation>
    </message>
    <message>
        <source>Please enter your first name.</source>
        <translation>Please enter your first name.</translation>
    </message>
    <message>
        <source>Please enter your last name.</source>
        <translation>Please enter your last name.</translation>
    </message>
    <message>
        <source>Please enter your e-mail address.</source>
        <translation>Please enter your e-mail address.</translation>
    </message>
    <message>
        <source>Please enter your mobile phone number.</source>
        <translation>Please enter your mobile phone number.</translation>
    </message>
    <message>
        <source>Please enter the street and number.</source>
        <translation>Please enter the street and number.</translation>
    </message>
    <message>
        <source>Please enter the postal code.</source>
        <translation>Please enter the postal code.</translation>
    </message>
    <message>
        <source>Please enter the city.</source>
        <translation>Please enter the city.</translation>
    </message>
    <message numerus="yes">
        <source>This is too long: %n characters at most.</source>
        <translation>
            <numerusform>This is too long: %n character at most.</numerusform>
            <numerusform>This is too long: %n characters at most.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please use only letters, digits and punctuation.</source>
        <translation>Please use only letters, digits and punctuation.</translation>
    </message>
    <message>
        <source>Please write it with letters.</source>
        <translation>Please write it with letters.</translation>
    </message>
    <message>
        <source>An e-mail address contains an @, as in marie@example.fr.</source>
        <translation>An e-mail address contains an @, as in marie@example.fr.</translation>
    </message>
    <message>
        <source>Please complete the part after the @, as in marie@example.fr.</source>
        <translation>Please complete the part after the @, as in marie@example.fr.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid. Example: marie@example.fr.</source>
        <translation>This e-mail address is not valid. Example: marie@example.fr.</translation>
    </message>
    <message>
        <source>This phone number is not valid. Example: 06 12 34 56 78.</source>
        <translation>This phone number is not valid. Example: 06 12 34 56 78.</translation>
    </message>
    <message>
        <source>Please give a mobile number: the carrier texts you before delivering.</source>
        <translation>Please give a mobile number: the carrier texts you before delivering.</translation>
    </message>
    <message>
        <source>A postal code has five digits, as in 69003.</source>
        <translation>A postal code has five digits, as in 69003.</translation>
    </message>
    <message>
        <source>This postal code does not exist in France.</source>
        <translation>This postal code does not exist in France.</translation>
    </message>
    <message>
        <source>Delivery details</source>
        <translation>Delivery details</translation>
    </message>
    <message>
        <source>Who should we deliver to? Tap a field to type.</source>
        <translation>Who should we deliver to? Tap a field to type.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>DeadLettersPage</name>
    <message>
        <source>No dead letters: the server took everything.</source>
        <translation>No dead letters: the server took everything.</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Rating</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message numerus="yes">
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n attempt</numerusform>
            <numerusform>%n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>Server&apos;s reason: %1</source>
        <translation>Server&apos;s reason: %1</translation>
    </message>
    <message>
        <source>Queued again: it is sent at the next sync.</source>
        <translation>Queued again: it is sent at the next sync.</translation>
    </message>
    <message>
        <source>This item is no longer a dead letter.</source>
        <translation>This item is no longer a dead letter.</translation>
    </message>
    <message>
        <source>Discarded. It stays in the journal, marked, with your reason.</source>
        <translation>Discarded. It stays in the journal, marked, with your reason.</translation>
    </message>
    <message>
        <source>The journal could not be written: %1</source>
        <translation>The journal could not be written: %1</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>Discard…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Why discard it? (required)</source>
        <translation>Why discard it? (required)</translation>
    </message>
    <message>
        <source>Reason for discarding</source>
        <translation>Reason for discarding</translation>
    </message>
    <message>
        <source>Discard this item for good? It will never be sent, and stays in the journal marked as discarded.</source>
        <translation>Discard this item for good? It will never be sent, and stays in the journal marked as discarded.</translation>
    </message>
    <message>
        <source>Yes, discard it</source>
        <translation>Yes, discard it</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>touched</source>
        <translation>touched</translation>
    </message>
    <message>
        <source>not touched</source>
        <translation>not touched</translation>
    </message>
    <message>
        <source>Cell %1, %2: %3</source>
        <translation>Cell %1, %2: %3</translation>
    </message>
    <message>
        <source>Nothing scanned yet: scan any barcode now.</source>
        <translation>Nothing scanned yet: scan any barcode now.</translation>
    </message>
    <message>
        <source>a valid EAN/UPC barcode</source>
        <translation>a valid EAN/UPC barcode</translation>
    </message>
    <message>
        <source>NOT valid: the check digit is wrong (a misread or a damaged label)</source>
        <translation>NOT valid: the check digit is wrong (a misread or a damaged label)</translation>
    </message>
    <message>
        <source>a product code (SKU)</source>
        <translation>a product code (SKU)</translation>
    </message>
    <message>
        <source>NOT readable: check the scanner&apos;s keyboard layout</source>
        <translation>NOT readable: check the scanner&apos;s keyboard layout</translation>
    </message>
    <message>
        <source>Last code read: %1 — %2</source>
        <translation>Last code read: %1 — %2</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Scanner test</source>
        <translation>Scanner test</translation>
    </message>
    <message>
        <source>Touch test: touch every cell; each lights up with a tick</source>
        <translation>Touch test: touch every cell; each lights up with a tick</translation>
    </message>
    <message>
        <source>Clear the grid</source>
        <translation>Clear the grid</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Filters and sort</source>
        <translation>Filters and sort</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Availability</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>Relevance</source>
        <translation>Relevance</translation>
    </message>
    <message>
        <source>Price: low to high</source>
        <translation>Price: low to high</translation>
    </message>
    <message>
        <source>Price: high to low</source>
        <translation>Price: high to low</translation>
    </message>
    <message>
        <source>Show the products</source>
        <translation>Show the products</translation>
    </message>
    <message>
        <source>No product matches</source>
        <translation>No product matches</translation>
    </message>
    <message numerus="yes">
        <source>Show %n products</source>
        <translation>
            <numerusform>Show %n product</numerusform>
            <numerusform>Show %n products</numerusform>
        </translation>
    </message>
    <message>
        <source>In stock in this store</source>
        <translation>In stock in this store</translation>
    </message>
    <message>
        <source>Up to {price}</source>
        <translation>Up to {price}</translation>
    </message>
    <message>
        <source>Over {price}</source>
        <translation>Over {price}</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} to {high}</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Search for a product…</source>
        <translation>Search for a product…</translation>
    </message>
    <message>
        <source>Search for a product</source>
        <translation>Search for a product</translation>
    </message>
    <message>
        <source>You can also scan a product&apos;s barcode at the scanner.</source>
        <translation>You can also scan a product&apos;s barcode at the scanner.</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Categories</translation>
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
        <source>Rate your visit</source>
        <translation>Rate your visit</translation>
    </message>
    <message>
        <source>Loading the catalogue…</source>
        <translation>Loading the catalogue…</translation>
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
    <name>KioskApp</name>
    <message>
        <source>The code could not be read. Please scan it again.</source>
        <translation>The code could not be read. Please scan it again.</translation>
    </message>
    <message>
        <source>We do not know this product. A member of staff can help you.</source>
        <translation>We do not know this product. A member of staff can help you.</translation>
    </message>
    <message>
        <source>Sorry, something went wrong. The kiosk is starting again.</source>
        <translation>Sorry, something went wrong. The kiosk is starting again.</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <source>Everything is lower down, within reach.</source>
        <translation>Everything is lower down, within reach.</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>The log is empty.</source>
        <translation>The log is empty.</translation>
    </message>
    <message numerus="yes">
        <source>Log: the last %n line(s)</source>
        <translation>
            <numerusform>Log: the last line</numerusform>
            <numerusform>Log: the last %n lines</numerusform>
        </translation>
    </message>
    <message>
        <source>The log&apos;s last lines</source>
        <translation>The log&apos;s last lines</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>Narrator</name>
    <message>
        <source>You have more time.</source>
        <translation>You have more time.</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>button</source>
        <translation>button</translation>
    </message>
    <message>
        <source>check box</source>
        <translation>check box</translation>
    </message>
    <message>
        <source>radio button</source>
        <translation>radio button</translation>
    </message>
    <message>
        <source>text field</source>
        <translation>text field</translation>
    </message>
    <message>
        <source>list</source>
        <translation>list</translation>
    </message>
    <message>
        <source>list item</source>
        <translation>list item</translation>
    </message>
    <message>
        <source>list of choices</source>
        <translation>list of choices</translation>
    </message>
    <message>
        <source>slider</source>
        <translation>slider</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tab</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>table</source>
        <translation>table</translation>
    </message>
    <message>
        <source>scroll bar</source>
        <translation>scroll bar</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>checked</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>not checked</translation>
    </message>
    <message>
        <source>selected</source>
        <translation>selected</translation>
    </message>
    <message>
        <source>not selected</source>
        <translation>not selected</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <source>Keyboard</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <source>Shift</source>
        <comment>key label</comment>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Delete</source>
        <comment>key label</comment>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <source>Clear all</source>
        <comment>key label</comment>
        <translation>Clear all</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>123</source>
        <comment>key label</comment>
        <translation>123</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>ABC</source>
        <comment>key label</comment>
        <translation>ABC</translation>
    </message>
    <message>
        <source>Letters</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apostrophe</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Hyphen</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Comma</translation>
    </message>
    <message>
        <source>Full stop</source>
        <translation>Full stop</translation>
    </message>
    <message>
        <source>At sign</source>
        <translation>At sign</translation>
    </message>
    <message>
        <source>Underscore</source>
        <translation>Underscore</translation>
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
        <translation>here</translation>
    </message>
    <message>
        <source>other stores</source>
        <translation>other stores</translation>
    </message>
    <message>
        <source>sold out</source>
        <translation>sold out</translation>
    </message>
    <message>
        <source>{option}, in stock here</source>
        <translation>{option}, in stock here</translation>
    </message>
    <message>
        <source>{option}, only in other stores</source>
        <translation>{option}, only in other stores</translation>
    </message>
    <message>
        <source>{option}, sold out in every store</source>
        <translation>{option}, sold out in every store</translation>
    </message>
</context>
<context>
    <name>PageDots</name>
    <message>
        <source>Picture {number} of {count}</source>
        <translation>Picture {number} of {count}</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>Scan this code with your phone&apos;s camera to open this product&apos;s page</source>
        <translation>Scan this code with your phone&apos;s camera to open this product&apos;s page</translation>
    </message>
    <message>
        <source>QR code of the product&apos;s web page</source>
        <translation>QR code of the product&apos;s web page</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message numerus="yes">
        <source>Wrong PIN. %n attempt(s) left before a pause.</source>
        <translation>
            <numerusform>Wrong PIN. %n attempt left before a pause.</numerusform>
            <numerusform>Wrong PIN. %n attempts left before a pause.</numerusform>
        </translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1.</source>
        <translation>Too many wrong PINs. Try again in %1.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s) typed</source>
        <translation>
            <numerusform>%n digit typed</numerusform>
            <numerusform>%n digits typed</numerusform>
        </translation>
    </message>
    <message>
        <source>Staff access: enter the PIN</source>
        <translation>Staff access: enter the PIN</translation>
    </message>
    <message>
        <source>Erase a digit</source>
        <translation>Erase a digit</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
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
    <message>
        <source>%1 instead of %2</source>
        <translation>%1 instead of %2</translation>
    </message>
</context>
<context>
    <name>ProductScreen</name>
    <message>
        <source>Loading the product…</source>
        <translation>Loading the product…</translation>
    </message>
    <message>
        <source>Sorry, this product is no longer in our catalogue.</source>
        <translation>Sorry, this product is no longer in our catalogue.</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>The catalogue is not available at the moment. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>Your choice</source>
        <translation>Your choice</translation>
    </message>
    <message>
        <source>from {price}</source>
        <translation>from {price}</translation>
    </message>
    <message>
        <source>{price} instead of {regular}</source>
        <translation>{price} instead of {regular}</translation>
    </message>
    <message>
        <source>Special price until {date}</source>
        <translation>Special price until {date}</translation>
    </message>
    <message>
        <source>Special price</source>
        <translation>Special price</translation>
    </message>
    <message>
        <source>In stock here</source>
        <translation>In stock here</translation>
    </message>
    <message numerus="yes">
        <source>Only %n left here</source>
        <translation>
            <numerusform>Only %n left here</numerusform>
            <numerusform>Only %n left here</numerusform>
        </translation>
    </message>
    <message>
        <source>Not in stock here</source>
        <translation>Not in stock here</translation>
    </message>
    <message>
        <source>Sold out in every store</source>
        <translation>Sold out in every store</translation>
    </message>
    <message>
        <source>In stock here in {options}</source>
        <translation>In stock here in {options}</translation>
    </message>
    <message>
        <source>Size {size}</source>
        <translation>Size {size}</translation>
    </message>
    <message>
        <source>Choose a size and a colour</source>
        <translation>Choose a size and a colour</translation>
    </message>
    <message>
        <source>Choose a size</source>
        <translation>Choose a size</translation>
    </message>
    <message>
        <source>Choose a colour</source>
        <translation>Choose a colour</translation>
    </message>
    <message>
        <source>In your basket · view</source>
        <translation>In your basket · view</translation>
    </message>
    <message>
        <source>Deliver to my home</source>
        <translation>Deliver to my home</translation>
    </message>
    <message>
        <source>In comparison</source>
        <translation>In comparison</translation>
    </message>
    <message>
        <source>Add to compare</source>
        <translation>Add to compare</translation>
    </message>
    <message numerus="yes">
        <source>You can compare up to %n products. Remove one from the comparison to add this one.</source>
        <translation>
            <numerusform>You can compare up to %n product. Remove one from the comparison to add this one.</numerusform>
            <numerusform>You can compare up to %n products. Remove one from the comparison to add this one.</numerusform>
        </translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Available here instead</source>
        <translation>Available here instead</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Other stores</source>
        <translation>Other stores</translation>
    </message>
    <message>
        <source>Tell me when it&apos;s back</source>
        <translation>Tell me when it&apos;s back</translation>
    </message>
    <message>
        <source>Reserve at %1</source>
        <translation>Reserve at %1</translation>
    </message>
    <message>
        <source>See it on your phone</source>
        <translation>See it on your phone</translation>
    </message>
    <message>
        <source>Pictures of the product</source>
        <translation>Pictures of the product</translation>
    </message>
</context>
<context>
    <name>RatingScreen</name>
    <message numerus="yes">
        <source>Your basket holds %n item(s) not ordered yet</source>
        <translation>
            <numerusform>Your basket holds %n item not ordered yet</numerusform>
            <numerusform>Your basket holds %n items not ordered yet</numerusform>
        </translation>
    </message>
    <message>
        <source>Rating your visit ends it, and your basket is then emptied.</source>
        <translation>Rating your visit ends it, and your basket is then emptied.</translation>
    </message>
    <message>
        <source>Keep my basket</source>
        <translation>Keep my basket</translation>
    </message>
    <message>
        <source>Empty my basket and rate</source>
        <translation>Empty my basket and rate</translation>
    </message>
    <message>
        <source>How was your visit?</source>
        <translation>How was your visit?</translation>
    </message>
    <message>
        <source>Very unhappy</source>
        <translation>Very unhappy</translation>
    </message>
    <message>
        <source>Unhappy</source>
        <translation>Unhappy</translation>
    </message>
    <message>
        <source>Happy</source>
        <translation>Happy</translation>
    </message>
    <message>
        <source>Very happy</source>
        <translation>Very happy</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>No thanks</translation>
    </message>
    <message>
        <source>If you like, choose one or more answers. You can also skip this question.</source>
        <translation>If you like, choose one or more answers. You can also skip this question.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>Thank you!</source>
        <translation>Thank you!</translation>
    </message>
    <message>
        <source>Your opinion helps us do better.</source>
        <translation>Your opinion helps us do better.</translation>
    </message>
</context>
<context>
    <name>ReservationScreen</name>
    <message>
        <source>Please tick the box to agree that the store keeps your details for this reservation.</source>
        <translation>Please tick the box to agree that the store keeps your details for this reservation.</translation>
    </message>
    <message>
        <source>Reserving with the store…</source>
        <translation>Reserving with the store…</translation>
    </message>
    <message>
        <source>Please enter your name.</source>
        <translation>Please enter your name.</translation>
    </message>
    <message>
        <source>Please give a mobile number or an e-mail address.</source>
        <translation>Please give a mobile number or an e-mail address.</translation>
    </message>
    <message>
        <source>This is too long.</source>
        <translation>This is too long.</translation>
    </message>
    <message>
        <source>Please remove the unusual characters.</source>
        <translation>Please remove the unusual characters.</translation>
    </message>
    <message>
        <source>Please write it with letters.</source>
        <translation>Please write it with letters.</translation>
    </message>
    <message>
        <source>An e-mail address contains an @.</source>
        <translation>An e-mail address contains an @.</translation>
    </message>
    <message>
        <source>Please complete the part after the @.</source>
        <translation>Please complete the part after the @.</translation>
    </message>
    <message>
        <source>This e-mail address is not valid.</source>
        <translation>This e-mail address is not valid.</translation>
    </message>
    <message>
        <source>This phone number is not valid.</source>
        <translation>This phone number is not valid.</translation>
    </message>
    <message>
        <source>Please give a mobile number.</source>
        <translation>Please give a mobile number.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Please check this field.</translation>
    </message>
    <message>
        <source>Reserved at %1 until %2. Give this reference in the store.</source>
        <translation>Reserved at %1 until %2. Give this reference in the store.</translation>
    </message>
    <message>
        <source>Sorry, the last one has just been reserved. You can still order it for home delivery.</source>
        <translation>Sorry, the last one has just been reserved. You can still order it for home delivery.</translation>
    </message>
    <message>
        <source>Reserving needs a connection to our stores, which is not available right now. You can order it for home delivery instead.</source>
        <translation>Reserving needs a connection to our stores, which is not available right now. You can order it for home delivery instead.</translation>
    </message>
    <message>
        <source>Reserve at %1</source>
        <translation>Reserve at %1</translation>
    </message>
    <message>
        <source>I agree that the store keeps my details for this reservation only as long as needed, then erases them.</source>
        <translation>I agree that the store keeps my details for this reservation only as long as needed, then erases them.</translation>
    </message>
    <message numerus="yes">
        <source>I agree that the store keeps my details for this reservation. They are erased %n day(s) after it is collected, cancelled or expires.</source>
        <translation>
            <numerusform>I agree that the store keeps my details for this reservation. They are erased %n day after it is collected, cancelled or expires.</numerusform>
            <numerusform>I agree that the store keeps my details for this reservation. They are erased %n days after it is collected, cancelled or expires.</numerusform>
        </translation>
    </message>
    <message>
        <source>We put it aside for you to try or buy in the store. Tap a field to type.</source>
        <translation>We put it aside for you to try or buy in the store. Tap a field to type.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Mobile phone</source>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <source>E-mail (or a mobile phone)</source>
        <translation>E-mail (or a mobile phone)</translation>
    </message>
    <message>
        <source>Reserve</source>
        <translation>Reserve</translation>
    </message>
    <message>
        <source>Order for home delivery</source>
        <translation>Order for home delivery</translation>
    </message>
</context>
<context>
    <name>ReservationsPage</name>
    <message>
        <source>The central server could not be asked: %1</source>
        <translation>The central server could not be asked: %1</translation>
    </message>
    <message>
        <source>No reservation to hand over.</source>
        <translation>No reservation to hand over.</translation>
    </message>
    <message>
        <source>%1 — %2 ×%3 — %4 — until %5</source>
        <translation>%1 — %2 ×%3 — %4 — until %5</translation>
    </message>
    <message>
        <source>%1 is marked collected.</source>
        <translation>%1 is marked collected.</translation>
    </message>
    <message>
        <source>%1 is cancelled.</source>
        <translation>%1 is cancelled.</translation>
    </message>
    <message>
        <source>Reservations to hand over in this store</source>
        <translation>Reservations to hand over in this store</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Collected</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Standard delivery</source>
        <translation>Standard delivery</translation>
    </message>
    <message>
        <source>Express delivery</source>
        <translation>Express delivery</translation>
    </message>
    <message>
        <source>free</source>
        <translation>free</translation>
    </message>
    <message>
        <source>delivered by %1</source>
        <translation>delivered by %1</translation>
    </message>
    <message>
        <source>%1 × %2 · %3</source>
        <translation>%1 × %2 · %3</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Items: %1</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>Delivery: %1</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Tick the box above to confirm your order.</source>
        <translation>Tick the box above to confirm your order.</translation>
    </message>
    <message>
        <source>Sorry, your order could not be saved, so nothing was ordered. Please ask a member of staff.</source>
        <translation>Sorry, your order could not be saved, so nothing was ordered. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>Check and confirm</source>
        <translation>Check and confirm</translation>
    </message>
    <message numerus="yes">
        <source>Our order service keeps them for %n day(s) after delivery or cancellation, then erases them.</source>
        <translation>
            <numerusform>Our order service keeps them for %n day after delivery or cancellation, then erases them.</numerusform>
            <numerusform>Our order service keeps them for %n days after delivery or cancellation, then erases them.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <source>Your items</source>
        <translation>Your items</translation>
    </message>
    <message>
        <source>Delivered to</source>
        <translation>Delivered to</translation>
    </message>
    <message>
        <source>Your personal data</source>
        <translation>Your personal data</translation>
    </message>
    <message numerus="yes">
        <source>We use your name, address, e-mail and phone number only to deliver this order and to keep you informed about it. This terminal deletes them %n day(s) after our order service has received them. You can ask to see, correct or erase them at any time.</source>
        <translation>
            <numerusform>We use your name, address, e-mail and phone number only to deliver this order and to keep you informed about it. This terminal deletes them %n day after our order service has received them. You can ask to see, correct or erase them at any time.</numerusform>
            <numerusform>We use your name, address, e-mail and phone number only to deliver this order and to keep you informed about it. This terminal deletes them %n days after our order service has received them. You can ask to see, correct or erase them at any time.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scan this code to read our privacy notice on your phone.</source>
        <translation>Scan this code to read our privacy notice on your phone.</translation>
    </message>
    <message>
        <source>You pay at the store&apos;s till by showing your order&apos;s QR code, or by the payment link we e-mail you. This terminal never asks for your card.</source>
        <translation>You pay at the store&apos;s till by showing your order&apos;s QR code, or by the payment link we e-mail you. This terminal never asks for your card.</translation>
    </message>
    <message>
        <source>I agree that my data is used to deliver this order.</source>
        <translation>I agree that my data is used to deliver this order.</translation>
    </message>
    <message>
        <source>QR code of the privacy notice</source>
        <translation>QR code of the privacy notice</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Change the details</translation>
    </message>
    <message>
        <source>Confirm the order</source>
        <translation>Confirm the order</translation>
    </message>
</context>
<context>
    <name>SearchScreen</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>A product, a colour, a code…</source>
        <translation>A product, a colour, a code…</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Departments</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Popular products</source>
        <translation>Popular products</translation>
    </message>
    <message>
        <source>The catalogue is not available at the moment. Please ask a member of staff.</source>
        <translation>The catalogue is not available at the moment. Please ask a member of staff.</translation>
    </message>
    <message>
        <source>We found nothing for “%1”.</source>
        <translation>We found nothing for “%1”.</translation>
    </message>
    <message>
        <source>Browse a department, or one of our popular products.</source>
        <translation>Browse a department, or one of our popular products.</translation>
    </message>
    <message>
        <source>Results for “%1”</source>
        <translation>Results for “%1”</translation>
    </message>
    <message numerus="yes">
        <source>More than %n products</source>
        <translation>
            <numerusform>More than %n product</numerusform>
            <numerusform>More than %n products</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n products</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Speech</name>
    <message>
        <source>dash</source>
        <translation>dash</translation>
    </message>
    <message>
        <source>No digit typed</source>
        <translation>No digit typed</translation>
    </message>
    <message>
        <source>Digit %1</source>
        <translation>Digit %1</translation>
    </message>
    <message>
        <source>Digit %1 of %2</source>
        <translation>Digit %1 of %2</translation>
    </message>
    <message>
        <source>%1: empty</source>
        <translation>%1: empty</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: filled</source>
        <translation>%1: filled</translation>
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
        <translation>reading…</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <source>App version</source>
        <translation>App version</translation>
    </message>
    <message>
        <source>Network addresses</source>
        <translation>Network addresses</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Central server</source>
        <translation>Central server</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>offline — %1</source>
        <translation>offline — %1</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Last pull</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Last push</translation>
    </message>
    <message>
        <source>Clock drift</source>
        <translation>Clock drift</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>Cursor moved</source>
        <translation>Cursor moved</translation>
    </message>
    <message>
        <source>no cursor yet</source>
        <translation>no cursor yet</translation>
    </message>
    <message>
        <source>Orders waiting</source>
        <translation>Orders waiting</translation>
    </message>
    <message>
        <source>Ratings waiting</source>
        <translation>Ratings waiting</translation>
    </message>
    <message>
        <source>Events waiting</source>
        <translation>Events waiting</translation>
    </message>
    <message>
        <source>Dead letters</source>
        <translation>Dead letters</translation>
    </message>
    <message>
        <source>Disk free</source>
        <translation>Disk free</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Cache size</source>
        <translation>Cache size</translation>
    </message>
    <message>
        <source>Journal size</source>
        <translation>Journal size</translation>
    </message>
    <message>
        <source>Cache check</source>
        <translation>Cache check</translation>
    </message>
    <message>
        <source>Journal check</source>
        <translation>Journal check</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>%1 (raised %2)</source>
        <translation>%1 (raised %2)</translation>
    </message>
    <message>
        <source>none configured</source>
        <translation>none configured</translation>
    </message>
    <message>
        <source>trying…</source>
        <translation>trying…</translation>
    </message>
    <message>
        <source>reachable in %1 ms</source>
        <translation>reachable in %1 ms</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>not measured yet</translation>
    </message>
    <message>
        <source>under a second</source>
        <translation>under a second</translation>
    </message>
    <message>
        <source>%1 ahead of the server</source>
        <translation>%1 ahead of the server</translation>
    </message>
    <message>
        <source>%1 behind the server</source>
        <translation>%1 behind the server</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>not checked yet</translation>
    </message>
    <message>
        <source>sound (checked %1)</source>
        <translation>sound (checked %1)</translation>
    </message>
    <message>
        <source>DAMAGED (checked %1): %2</source>
        <translation>DAMAGED (checked %1): %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Check the databases</source>
        <translation>Check the databases</translation>
    </message>
</context>
<context>
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Still there?</translation>
    </message>
    <message numerus="yes">
        <source>Touch the screen or press any key to continue. Otherwise everything will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Touch the screen or press any key to continue. Otherwise everything will be cleared in %n second.</numerusform>
            <numerusform>Touch the screen or press any key to continue. Otherwise everything will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>I&apos;m still here</translation>
    </message>
</context>
<context>
    <name>StoreCard</name>
    <message>
        <source>%1 (this store)</source>
        <translation>%1 (this store)</translation>
    </message>
    <message>
        <source>%1 · %2 km</source>
        <translation>%1 · %2 km</translation>
    </message>
    <message>
        <source>Address and opening hours</source>
        <translation>Address and opening hours</translation>
    </message>
    <message>
        <source>Address and opening hours of %1</source>
        <translation>Address and opening hours of %1</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>StoresScreen</name>
    <message>
        <source>Reserve at %1</source>
        <translation>Reserve at %1</translation>
    </message>
    <message>
        <source>Checking the latest figures with our stores…</source>
        <translation>Checking the latest figures with our stores…</translation>
    </message>
    <message>
        <source>Live figures could not be fetched: these are the last we received, with their age.</source>
        <translation>Live figures could not be fetched: these are the last we received, with their age.</translation>
    </message>
    <message>
        <source>Stock in our stores</source>
        <translation>Stock in our stores</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>No central server is configured: nothing to sync.</source>
        <translation>No central server is configured: nothing to sync.</translation>
    </message>
    <message>
        <source>Sync has not started yet.</source>
        <translation>Sync has not started yet.</translation>
    </message>
    <message>
        <source>Syncing: sending what waits here, then fetching changes…</source>
        <translation>Syncing: sending what waits here, then fetching changes…</translation>
    </message>
    <message>
        <source>No sync round has ended yet.</source>
        <translation>No sync round has ended yet.</translation>
    </message>
    <message>
        <source>Last round done: the server is reachable.</source>
        <translation>Last round done: the server is reachable.</translation>
    </message>
    <message>
        <source>Last round stopped: %1</source>
        <translation>Last round stopped: %1</translation>
    </message>
    <message>
        <source>Orders sent</source>
        <translation>Orders sent</translation>
    </message>
    <message>
        <source>Ratings sent</source>
        <translation>Ratings sent</translation>
    </message>
    <message>
        <source>Events sent</source>
        <translation>Events sent</translation>
    </message>
    <message>
        <source>Pages received</source>
        <translation>Pages received</translation>
    </message>
    <message>
        <source>Changes received</source>
        <translation>Changes received</translation>
    </message>
    <message>
        <source>Images fetched</source>
        <translation>Images fetched</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>Still waiting</translation>
    </message>
    <message>
        <source>Last pull</source>
        <translation>Last pull</translation>
    </message>
    <message>
        <source>Last push</source>
        <translation>Last push</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 orders, %2 ratings, %3 events, %4 dead letters</source>
        <translation>%1 orders, %2 ratings, %3 events, %4 dead letters</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
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
        <translation>reading…</translation>
    </message>
    <message>
        <source>no rating yet</source>
        <translation>no rating yet</translation>
    </message>
    <message>
        <source>%1 out of 4</source>
        <translation>%1 out of 4</translation>
    </message>
    <message>
        <source>Searches</source>
        <translation>Searches</translation>
    </message>
    <message>
        <source>Searches that found nothing</source>
        <translation>Searches that found nothing</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Ratings</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Average rating</translation>
    </message>
    <message>
        <source>Today on this terminal</source>
        <translation>Today on this terminal</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message numerus="yes">
        <source>Basket (%n)</source>
        <translation>
            <numerusform>Basket (%n)</numerusform>
            <numerusform>Basket (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Basket, %n item(s)</source>
        <translation>
            <numerusform>Basket, %n item</numerusform>
            <numerusform>Basket, %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TroubleDetails</name>
    <message>
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
</context>
<context>
    <name>TroubleWords</name>
    <message>
        <source>server unreachable: check the network and the server</source>
        <translation>server unreachable: check the network and the server</translation>
    </message>
    <message>
        <source>server name not found: check the address and the DNS</source>
        <translation>server name not found: check the address and the DNS</translation>
    </message>
    <message>
        <source>the server did not answer in time</source>
        <translation>the server did not answer in time</translation>
    </message>
    <message>
        <source>the server refused this terminal&apos;s token: IT must renew it</source>
        <translation>the server refused this terminal&apos;s token: IT must renew it</translation>
    </message>
    <message>
        <source>secure connection failed: certificate not trusted, or not https</source>
        <translation>secure connection failed: certificate not trusted, or not https</translation>
    </message>
    <message>
        <source>fault on the server&apos;s side; the terminal will try again</source>
        <translation>fault on the server&apos;s side; the terminal will try again</translation>
    </message>
    <message>
        <source>answer not understood: is this the central server&apos;s address?</source>
        <translation>answer not understood: is this the central server&apos;s address?</translation>
    </message>
    <message>
        <source>unexpected problem: see the details</source>
        <translation>unexpected problem: see the details</translation>
    </message>
    <message>
        <source>token refused by the server: nothing is lost, sync waits for IT</source>
        <translation>token refused by the server: nothing is lost, sync waits for IT</translation>
    </message>
    <message>
        <source>the journal was damaged: it was set aside and a new one started</source>
        <translation>the journal was damaged: it was set aside and a new one started</translation>
    </message>
</context>
<context>
    <name>_StockWords</name>
    <message>
        <source>In stock</source>
        <translation>In stock</translation>
    </message>
    <message numerus="yes">
        <source>Only %n left</source>
        <translation>
            <numerusform>Only %n left</numerusform>
            <numerusform>Only %n left</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of stock</source>
        <translation>Out of stock</translation>
    </message>
    <message>
        <source>No stock figure</source>
        <translation>No stock figure</translation>
    </message>
    <message>
        <source>Counted just now</source>
        <translation>Counted just now</translation>
    </message>
    <message numerus="yes">
        <source>Counted %n min ago</source>
        <translation>
            <numerusform>Counted %n min ago</numerusform>
            <numerusform>Counted %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted %n hour(s) ago</source>
        <translation>
            <numerusform>Counted %n hour ago</numerusform>
            <numerusform>Counted %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Counted %n day(s) ago</source>
        <translation>
            <numerusform>Counted %n day ago</numerusform>
            <numerusform>Counted %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n min ago</source>
        <translation>
            <numerusform>May have changed — counted %n min ago</numerusform>
            <numerusform>May have changed — counted %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n hour(s) ago</source>
        <translation>
            <numerusform>May have changed — counted %n hour ago</numerusform>
            <numerusform>May have changed — counted %n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>May have changed — counted %n day(s) ago</source>
        <translation>
            <numerusform>May have changed — counted %n day ago</numerusform>
            <numerusform>May have changed — counted %n days ago</numerusform>
        </translation>
    </message>
    <message>
        <source>May have changed</source>
        <translation>May have changed</translation>
    </message>
    <message>
        <source>Back on %1</source>
        <translation>Back on %1</translation>
    </message>
</context>
</TS>
