import re

from hypothesis import given
from hypothesis import strategies as st

from kiosk_contract.richtext import (
    ALLOWED_TAGS,
    clean_label,
    html_to_text,
    plain_lines,
    sanitize,
    sanitize_html,
)


def test_only_structural_tags_survive_without_attributes():
    source = ('<p class="x" style="color:red">Hello <b onclick="evil()">bold</b></p>'
              '<ul><li>one</li><li>two</li></ul><a href="http://x">link</a>')
    assert sanitize_html(source) == "<p>Hello <b>bold</b></p><ul><li>one</li><li>two</li></ul>link"


def test_scripts_styles_and_remote_content_are_dropped_with_their_content():
    source = ('<p>Safe</p><script>alert(1)</script><style>p{}</style>'
              '<img src="http://tracker/x.gif"><iframe src="http://x">inner</iframe>')
    assert sanitize_html(source) == "<p>Safe</p>"


def test_unclosed_tags_are_closed_and_text_is_escaped():
    assert sanitize_html("<p>A &lt; B <b>bold") == "<p>A &lt; B <b>bold</b></p>"
    assert sanitize_html("1 < 2 & 3") == "1 &lt; 2 &amp; 3"


def test_plain_text_keeps_paragraphs_as_lines_and_decodes_entities():
    text = html_to_text("<p>Light&trade; tee</p><ul><li>Cotton&bull;soft</li></ul>")
    assert text == "Light™ tee\n• Cotton•soft"


def test_a_closing_br_breaks_the_line_as_a_browser_does():
    # The demo catalog's Juno jacket writes its bullets' line breaks as </br>.
    source = ("<p>&bull; Adjustable hood.</br>&bull; Fleece-lined, zippered hand pockets."
              "</br>&bull; Thumbhole cuffs.</p>")
    rich, plain = sanitize(source)
    assert rich == ("<p>• Adjustable hood.<br>• Fleece-lined, zippered hand pockets.<br>"
                    "• Thumbhole cuffs.</p>")
    assert plain.splitlines() == ["• Adjustable hood.",
                                  "• Fleece-lined, zippered hand pockets.",
                                  "• Thumbhole cuffs."]


def test_list_items_keep_their_own_lines_with_a_bullet_or_a_number():
    rich, plain = sanitize("<p>Features:</p><ul><li>Hood</li><li>Zip<br>pockets</li></ul>"
                           "<ol><li>Wash</li><li>Dry</li></ol>")
    assert rich == ("<p>Features:</p><ul><li>Hood</li><li>Zip<br>pockets</li></ul>"
                    "<ol><li>Wash</li><li>Dry</li></ol>")
    assert plain == "Features:\n• Hood\n• Zip\npockets\n1. Wash\n2. Dry"


def test_an_item_bringing_its_own_bullet_keeps_one_and_a_minus_sign_stays():
    assert html_to_text("<ul><li>&bull; Hood</li><li>- Zip</li><li>-5 °C</li></ul>") \
        == "• Hood\n• Zip\n• -5 °C"


def test_items_outside_any_list_are_put_in_one_that_ends_with_them():
    rich, plain = sanitize("<div><li>Hood</li> <li>Zip</li></div><p>Machine wash.</p>")
    assert rich == "<ul><li>Hood</li> <li>Zip</li></ul><p>Machine wash.</p>"
    assert plain == "• Hood\n• Zip\nMachine wash."


def test_labels_lose_tags_entities_and_extra_spaces():
    assert clean_label("  Mach Street   Sweatshirt ") == "Mach Street Sweatshirt"
    assert clean_label("Aether Gym Pant&trade;") == "Aether Gym Pant™"


def test_tricky_markup_never_yields_a_tag_or_attribute_that_was_not_allowed():
    hostile = [
        '<scr<script>ipt>alert(1)</script>', '<img src=x onerror=alert(1)//',
        '<p/onmouseover=alert(1)>x', '<!--<script>-->alert(2)', '<SCRIPT>bad()</SCRIPT>ok',
        '<a href="javascript:x">y</a>', '<p>a<style>b</p>c', '<<p>>', '<p title=">">t</p>',
        '&lt;script&gt;alert(3)&lt;/script&gt;',
    ]
    allowed = {f"<{t}>" for t in ALLOWED_TAGS} | {f"</{t}>" for t in ALLOWED_TAGS}
    for source in hostile:
        rich = sanitize_html(source)
        tags = re.findall(r"<[^<>]*>", rich)
        assert set(tags) <= allowed, (source, rich)
        # Once the allowed bare tags are removed, not one '<' is left: the rest is text.
        assert "<" not in re.sub("|".join(map(re.escape, allowed)), "", rich), (source, rich)
    assert sanitize_html("<scr<script>ipt>alert(1)</script>") == "ipt&gt;alert(1)"
    assert sanitize_html("<!--<script>-->alert(2)") == "alert(2)"


# Every kind of blank the plain text may hold: ASCII ones, line separators, no-break
# spaces (from &nbsp;), and a few letters between them.
_BLANKS_AND_LETTERS = st.text(alphabet=" \t\n\r\f\v\x1c\x85\xa0\u2028\u3000ab", max_size=40)


@given(_BLANKS_AND_LETTERS)
def test_plain_lines_matches_the_regular_expressions_it_replaces(text):
    spaces_merged = re.sub(r"[ \t\r\f\v]+", " ", text)
    assert plain_lines(text) == re.sub(r"\s*\n\s*", "\n", spaces_merged).strip()
