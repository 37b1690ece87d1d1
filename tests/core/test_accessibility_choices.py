"""A shopper's accessibility choices: steps, bounds and the time they buy."""

from types import SimpleNamespace

from kiosk.core.accessibility import TEXT_SCALES, AccessibilityChoices


def test_a_session_starts_from_the_terminals_voice_and_text_with_nothing_switched_on():
    config = SimpleNamespace(text_scale=1.5, speech_rate=-0.3, speech_volume=0.6)
    choices = AccessibilityChoices.from_config(config)
    assert (choices.text_scale, choices.speech_rate, choices.speech_volume) == (1.5, -0.3, 0.6)
    assert not (choices.speech or choices.high_contrast or choices.reach or choices.more_time)


def test_larger_text_steps_up_to_twice_the_size_then_back_to_the_smallest():
    choices = AccessibilityChoices()
    seen = []
    for _ in range(len(TEXT_SCALES) + 1):
        choices = choices.next_text_scale()
        seen.append(choices.text_scale)
    assert seen == [1.5, 2.0, 1.0, 1.5]


def test_rate_and_volume_stay_within_what_the_engine_takes():
    choices = AccessibilityChoices().with_rate(3.0).with_volume(-1.0)
    assert (choices.speech_rate, choices.speech_volume) == (1.0, 0.0)


def test_time_limits_grow_only_for_a_shopper_who_asked_or_listens():
    assert AccessibilityChoices().time_multiplier(2.0) == 1.0
    assert AccessibilityChoices(more_time=True).time_multiplier(2.0) == 2.0
    assert AccessibilityChoices(speech=True).time_multiplier(3.0) == 3.0
