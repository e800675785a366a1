"""The default scope of EVENT-SCHEMA.md and scopes built from settings."""

from worker.tagging.scope import DEFAULT_SCOPE, Scope


def test_core_country_is_covered_everywhere():
    assert DEFAULT_SCOPE.covers("ML", None)
    assert DEFAULT_SCOPE.covers("BF", "Cascades")
    assert DEFAULT_SCOPE.covers("TD", "Lac")


def test_borno_is_covered_but_lagos_is_not():
    assert DEFAULT_SCOPE.covers("NG", "Borno")
    assert not DEFAULT_SCOPE.covers("NG", "Lagos")


def test_nigeria_without_a_state_is_not_covered():
    assert not DEFAULT_SCOPE.covers("NG", None)


def test_niger_state_is_covered_as_nigerian_admin1():
    assert DEFAULT_SCOPE.covers("NG", "Niger")


def test_far_north_is_covered_in_any_spelling_but_littoral_is_not():
    assert DEFAULT_SCOPE.covers("CM", "Far North")
    assert DEFAULT_SCOPE.covers("CM", "Extrême-Nord")
    assert not DEFAULT_SCOPE.covers("CM", "Littoral")


def test_northern_benin_and_togo_savanes_are_covered():
    assert DEFAULT_SCOPE.covers("BJ", "Alibori")
    assert not DEFAULT_SCOPE.covers("BJ", "Littoral")
    assert DEFAULT_SCOPE.covers("TG", "Savanes")
    assert not DEFAULT_SCOPE.covers("TG", "Maritime")


def test_countries_outside_the_scope_are_not_covered():
    assert not DEFAULT_SCOPE.covers("SO", None)
    assert not DEFAULT_SCOPE.covers("SD", "North Darfur")


def test_scope_from_settings_lists():
    scope = Scope.from_config(core=["ml", "BF"], spillover={"ne": ["Tillabéri"]})
    assert scope.covers("ML", None)
    assert not scope.covers("TD", None)
    assert scope.covers("NE", "Tillaberi")
    assert not scope.covers("NE", "Agadez")
