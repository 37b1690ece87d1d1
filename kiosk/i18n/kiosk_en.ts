<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
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
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Our selection</source>
        <translation>Our selection</translation>
    </message>
    <message>
        <source>Featured products</source>
        <translation>Featured products</translation>
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
        <source>Sorry, something went wrong. The kiosk is starting again.</source>
        <translation>Sorry, something went wrong. The kiosk is starting again.</translation>
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
    <name>StillThereOverlay</name>
    <message>
        <source>Still there?</source>
        <translation>Still there?</translation>
    </message>
    <message numerus="yes">
        <source>Touch the screen to continue. Otherwise everything will be cleared in %n second(s).</source>
        <translation>
            <numerusform>Touch the screen to continue. Otherwise everything will be cleared in %n second.</numerusform>
            <numerusform>Touch the screen to continue. Otherwise everything will be cleared in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>I&apos;m still here</source>
        <translation>I&apos;m still here</translation>
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
</context>
</TS>
