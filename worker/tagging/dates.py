"""When an event happened, resolved against the article's publication date.

Weekdays, relative words ("hier", "last week"), holidays, explicit day-month(-year)
dates and month names are resolved here from data/date_lexicon.json rather than by
dateparser: these few forms cover news prose, and the arithmetic is exact and costs
microseconds (a sentence with no date word is rejected by one compiled regex).

Decisions:
- a weekday means the most recent such day on or before the publication date
  ("last Friday"/"vendredi dernier": strictly before); "next Friday" is ignored;
- "dans la nuit de samedi à dimanche" / "the night of Saturday to Sunday" is the
  Saturday, the day the night starts on, as ACLED codes overnight events, unless an
  hour after midnight is given ("vers 1 heure", "around 2 a.m."): then the Sunday;
- "last week" is publication minus 7 days and "earlier this week" the Monday of the
  publication week, "over the weekend"/"le week-end dernier" the Saturday of the last
  weekend begun before publication, all with precision "week"; "two days ago"/"il y a
  trois jours" is exact (day), weeks and months ago give week and month precision;
  "earlier this month"/"last month" the first of that month, precision "month"; "in May"
  the first of the latest May on or before publication, precision "month";
- a range ("18-19 June", "du 3 au 5 juin", "la nuit du 3 au 4") gives its first day (a week's
  range, "du 6 au 12 juin", only at week precision);
  numeric dates are read day-first in French only ("18/06/2022"), being ambiguous in English;
- a day and month without a year take the publication year, or the year before if that
  date is more than 60 days ahead ("le 30 décembre" published 2 January); a date 1-60
  days ahead is a future reference ("elections on 20 December") and is dropped;
- nothing after the publication date is ever returned.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from .numbers import alternation, parse_number
from .regex import factor, literal
from .text import quoted_spans

_DATA = Path(__file__).resolve().parent / "data" / "date_lexicon.json"
_FUTURE_WINDOW_DAYS = 60
# a year written out, alone ("in 2016", "over 2016 Nampala attack")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_LAST_YEAR = re.compile(r"\s*(?:last year|of last year|de l['’]année dernière|de l['’]an dernier|l['’]an dernier|"
                        r"l['’]année dernière|de l['’]année passée)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateMention:
    date: dt.date
    precision: str            # day | week | month
    start: int
    end: int
    surface: str
    rule: str


@cache
def _lexicon() -> dict[str, Any]:
    with _DATA.open(encoding="utf-8") as f:
        return json.load(f)


def _alt(phrases: Any) -> str:
    return alternation(phrases)


@dataclass(frozen=True)
class _Patterns:
    gate: re.Pattern[str]
    kinds: dict[str, str]      # what the gate matched -> wd, mo, rel, hol or ago
    iso: re.Pattern[str]
    night: re.Pattern[str]
    night_days: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str] | None
    holiday: re.Pattern[str]
    month_only: re.Pattern[str]
    relative: re.Pattern[str]
    weekday: re.Pattern[str]
    weekdays: dict[str, int]
    months: dict[str, int]
    numeric: re.Pattern[str] | None
    ago: re.Pattern[str]
    ago_units: dict[str, int]
    night_word: str            # every overnight pattern holds it ("night", "nuit")
    past: frozenset[str]       # weekday markers: "last Friday", "vendredi dernier"
    future: frozenset[str]     # "next Friday", "vendredi prochain"


@cache
def _patterns(language: str) -> _Patterns:
    lex = _lexicon()
    lang = language if language in ("en", "fr") else "en"
    weekdays = {w: i for i, w in enumerate(lex["weekdays"][lang])}
    months = lex["months"][lang]
    if lang == "en":
        # English copy quotes French communiqués: "attaque complexe ce dimanche 26 mai 2024"
        months = {**{m: n for m, n in lex["months"]["fr"].items() if m not in ("mars",)}, **months}
    wd, mo = _alt(weekdays), _alt(months)
    rel, hol = _alt(lex["relative"][lang]), _alt(lex["holidays"][lang])
    past, future = _alt(lex["past_markers"][lang]), _alt(lex["future_markers"][lang])
    lead = _alt(lex["month_lead"][lang])
    day = r"(?P<day>[0-3]?\d)(?:er|st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    b, e = r"(?<![\w’'-])", r"(?![\w’'-])"
    flags = 0      # every pattern runs on the lower-cased sentence: much faster than IGNORECASE
    # a range ("18-19 June", "between 18 and 19 June", "du 3 au 4 novembre") gives its first day
    span = r"(?:\s*(?:-|–|and|to|et|au)\s*(?:(?:" + wd + r")\s+)?(?P<to>[0-3]?\d)(?:er|st|nd|rd|th)?)?"
    if lang == "fr":
        night = rf"{b}nuit\s+(?:de|du)\s+(?P<wd1>{wd})\s+(?:au|à)\s+(?P<wd2>{wd}){e}"
        night_days = (rf"{b}nuit\s+du\s+(?:(?:{wd})\s+)?(?P<day>[0-3]?\d)(?:er)?(?:\s+(?P<first_month>{mo})\.?"
                      r"(?:\s+(?P<first_year>(?:19|20)\d\d))?)?\s+au\s+"
                      rf"(?:(?:{wd})\s+)?[0-3]?\d(?:er)?\s+(?P<month>{mo})\.?(?:\s+{year})?{e}")
        month_day = None
        numeric = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[01]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
    else:
        night = rf"{b}(?:night|overnight)\s+(?:of\s+|from\s+)?(?P<wd1>{wd})\s+(?:to|into|and)\s+(?P<wd2>{wd}){e}"
        night_days = (rf"{b}night\s+of\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:\s+(?P<first_month>{mo})\.?"
                      r"(?:,?\s+(?P<first_year>(?:19|20)\d\d))?)?\s+(?:to|into)\s+"
                      rf"[0-3]?\d(?:st|nd|rd|th)?\s+(?P<month>{mo})\.?(?:,?\s+{year})?{e}")
        month_day = re.compile(rf"{b}(?:(?P<wd>{wd}),?\s+)?(?P<month>{mo})\.?\s+{day}{span}(?:,?\s+{year})?{e}", flags)
        # 06/11/2019 is ambiguous in English news (US or day-first): read only when one reading alone
        # is a recent past day (see _either_way)
        numeric = re.compile(r"(?<![\d/])(?P<day>[0-3]?\d)/(?P<month>[0-3]?\d)/(?P<year>(?:19|20)\d\d)(?![\d/])")
    ago = lex["ago"][lang]
    kinds: dict[str, str] = {}
    for kind, phrases in (("wd", weekdays), ("mo", months), ("rel", lex["relative"][lang]),
                          ("hol", lex["holidays"][lang]), ("ago", ("ago", "il y a"))):
        for phrase in phrases:
            kinds.setdefault(phrase, kind)
    return _Patterns(
        gate=re.compile(rf"\b{factor(_longest_first(weekdays, months, lex['relative'][lang], lex['holidays'][lang], ('ago', 'il y a')))}\b"),
        kinds=kinds,
        # the no-digit-before check after the first digit: the engine skips straight to 1s and 2s
        iso=re.compile(r"(?P<year>(?:1(?<!\d1)9|2(?<!\d2)0)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
        night=re.compile(night, flags),
        night_days=re.compile(night_days, flags),
        day_month=re.compile(rf"{b}(?:(?P<wd>{wd}),?\s+)?{day}{span}\s+(?:of\s+)?(?P<month>{mo})\.?(?:,?\s+{year})?{e}", flags),
        month_day=month_day,
        holiday=re.compile(rf"{b}(?P<hol>{hol}){e}", flags),
        month_only=re.compile(rf"{b}(?:(?P<lead>{lead})\s*(?P<month>{mo})(?:\s+{year})?|(?P<month2>{mo})\s+(?P<year2>(?:19|20)\d\d)){e}"
                              rf"(?:\s+(?P<past>{past})(?!\s+year))?", flags),
        relative=re.compile(rf"{b}(?P<rel>{rel}){e}", flags),
        weekday=re.compile(rf"{b}(?:(?P<pre>{past}|{future}|this|ce)\s+)?(?P<wd>{wd})(?:['’]s)?(?:\s+(?P<post>{past}|{future}))?{e}", flags),
        weekdays=weekdays, months=months, numeric=numeric,
        ago=re.compile(rf"{b}{ago['pattern']}{e}"), ago_units=ago["units"],
        night_word="nuit" if lang == "fr" else "night",
        past=frozenset(w.lower() for w in lex["past_markers"][lang]),
        future=frozenset(w.lower() for w in lex["future_markers"][lang]),
    )


def _longest_first(*groups: Any) -> list[str]:
    """The phrases in the order `alternation(group) | ...` tries them: group by group, each
    group's longest phrase first (its trie is greedy), as literal regex alternatives."""
    return [literal(p) for group in groups for p in sorted(set(group), key=len, reverse=True)]


def _pub_date(published: dt.datetime | dt.date) -> dt.date:
    return published.date() if isinstance(published, dt.datetime) else published


def _last_weekday(pub: dt.date, weekday: int, strictly_before: bool = False) -> dt.date:
    delta = (pub.weekday() - weekday) % 7
    if strictly_before and delta == 0:
        delta = 7
    return pub - dt.timedelta(days=delta)


def _day_month(pub: dt.date, day: int, month: int, year: int | None) -> dt.date | None:
    try:
        if year is not None:
            d = dt.date(year, month, day)
            return d if d <= pub else None
        d = dt.date(pub.year, month, day)
        if d <= pub:
            return d
        if (d - pub).days <= _FUTURE_WINDOW_DAYS:
            return None
        return dt.date(pub.year - 1, month, day)
    except ValueError:
        return None


_RECENT_DAYS = 92


def _either_way(pub: dt.date, first: int, second: int, year: int) -> dt.date | None:
    """An English "10/03/2022": the day-first or the month-first reading, whichever alone falls in
    the three months before publication (a police release of 11 March 2022 means 10 March)."""
    readings = {d for d in (_day_month(pub, first, second, year), _day_month(pub, second, first, year))
                if d is not None and (pub - d).days <= _RECENT_DAYS}
    return readings.pop() if len(readings) == 1 else None


def _month_start(pub: dt.date, month: int, year: int | None) -> dt.date | None:
    if year is not None:
        d = dt.date(year, month, 1)
        return d if d <= pub else None
    return dt.date(pub.year if month <= pub.month else pub.year - 1, month, 1)


_FRENCH_ONLY_MONTHS = frozenset(_lexicon()["months"]["fr"]) - frozenset(_lexicon()["months"]["en"])


def _is_month_word(m: re.Match[str], group: str, sentence: str, language: str) -> bool:
    """English "May"/"March" are months only when capitalised ("may" is a verb); a French month
    quoted in English copy ("ce dimanche 26 mai 2024") is one in lower case."""
    return language != "en" or m.group(group) is None or sentence[m.start(group)].isupper() \
        or m.group(group).lower() in _FRENCH_ONLY_MONTHS


def find_dates(sentence: str, published: dt.datetime | dt.date, language: str) -> list[DateMention]:
    """Every date expression in `sentence`, resolved, never after `published`."""
    p = _patterns(language)
    lowered = sentence.lower()
    if len(lowered) != len(sentence):    # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    iso = "-" in sentence and p.iso.search(sentence) or p.numeric is not None and "/" in sentence \
        and p.numeric.search(sentence)
    phrases = p.gate.findall(lowered)
    this_month = language == "fr" and ("courant" in lowered or "ce mois" in lowered or "en cours" in lowered)
    brief = language == "en" and _BRIEF_WEEKDAY.search(lowered)
    if not iso and not phrases and not this_month and not brief:
        return []
    # the gate's phrases are the lexicon's words: what it matched tells which kind it is
    kinds = {p.kinds[phrase] for phrase in phrases}
    if iso:
        kinds.add("iso")
    pub = _pub_date(published)
    found: list[DateMention] = []

    def add(m: re.Match[str], date: dt.date | None, precision: str, rule: str,
            span: tuple[int, int] | None = None) -> None:
        if date is None or date > pub:
            return
        start, end = span or m.span()
        if any(f.start < end and start < f.end for f in found):
            return
        found.append(DateMention(date, precision, start, end, sentence[start:end], rule))

    # most specific forms first: an overlapping vaguer reading is then skipped
    if "iso" in kinds:
        for m in p.iso.finditer(sentence):
            add(m, _day_month(pub, int(m["day"]), int(m["month"]), int(m["year"])), "day", "date:iso")
        for m in p.numeric.finditer(sentence) if p.numeric is not None else ():
            a, b, year = int(m["day"]), int(m["month"]), int(m["year"])
            read = _day_month(pub, a, b, year) if language == "fr" else _either_way(pub, a, b, year)
            add(m, read, "day", "date:numeric")
    if "mo" in kinds and _DIGIT.search(lowered):
        _explicit_dates(lowered, sentence, p, pub, language, add)
    if this_month:
        for m in _THIS_MONTH.finditer(lowered):
            day = int(m["day"])
            add(m, pub.replace(day=day) if day <= pub.day else None, "day", "date:day-of-this-month")
    if "wd" in kinds and p.night_word in lowered:
        for m in p.night.finditer(lowered):
            # the night's first day (ACLED), the latest one whose night has ended by publication;
            # the second day when the text gives an hour after midnight ("vers 1 heure")
            first = _last_weekday(pub - dt.timedelta(days=1), p.weekdays[m["wd1"].lower()])
            shift = _after_midnight(lowered, m.start(), m.end())
            add(m, first + dt.timedelta(days=shift), "day", _night_rule("date:night-of-weekdays", shift, lowered, m.end()))
    if brief:
        for m in _BRIEF_WEEKDAY.finditer(lowered):
            add(m, _last_weekday(pub, _BRIEF_DAYS.index(m["wd"][:3])), "day", "date:weekday-abbreviation")
    if "hol" in kinds:
        _holidays(lowered, p, pub, language, add)
    if "mo" in kinds:
        _months(lowered, sentence, p, pub, language, add)
    if "wd" in kinds and ("week" in lowered or "semaine" in lowered):
        _weekdays_of_last_week(lowered, p, pub, add)
    if "rel" in kinds:
        _relative(lowered, p, pub, language, add)
    if "ago" in kinds:
        _ago(lowered, p, pub, language, add)
    if "wd" in kinds:
        _weekdays(lowered, p, pub, language, add)
    found.sort(key=lambda d: d.start)
    return _day_after_incident(_outside_quoted_today(_not_since(found, lowered), sentence), lowered)


# "Depuis mercredi, plusieurs centaines de personnes ont trouvé refuge", "3,400 people have arrived since
# Friday": the day a state began (flight, sweeps, a blockade), not an incident's
_SINCE_BEFORE = re.compile(r"(?<!\w)(?:depuis|since)\s+(?:le\s+|ce\s+|last\s+)?$")


_AFTERMATH = re.compile(r"(?<!\w)(?:refuge|arriv\w*|fled|fui|fuient|déplac\w*|displac\w*|ratissages?|sweeps?|"
                        r"opérations?|operations?|patrols?|patrouilles?|renforts|reinforcements|blockade|blocus)(?!\w)")


def _not_since(found: list[DateMention], lowered: str) -> list[DateMention]:
    """Days "since" which people have fled or troops have swept (not "no contact since yesterday")."""
    if "depuis" not in lowered and "since" not in lowered or not _AFTERMATH.search(lowered):
        return found
    return [d for d in found
            if d.precision != "day" or not _SINCE_BEFORE.search(lowered, max(0, d.start - 12), d.start)]


# "« nous aurions aujourd'hui à pleurer des dizaines de morts »": a quoted today is the speaker's, and
# rhetorical, not a day the story dates
_TODAY = frozenset({"aujourd'hui", "aujourd’hui", "today"})


def _outside_quoted_today(found: list[DateMention], sentence: str) -> list[DateMention]:
    if not any(d.surface.lower() in _TODAY for d in found):
        return found
    quoted = quoted_spans(sentence)
    return [d for d in found if not (d.surface.lower() in _TODAY and any(lo <= d.start < hi for lo, hi in quoted))]


# "Jeudi, au lendemain de l'enlèvement, les familles ont reçu un appel": the day told is the day after
# the incident's
_DAY_AFTER_INCIDENT = re.compile(
    r"\s*,?\s*(?:au|le) lendemain (?:de l['’]|du |de la |des )(?:attaque|enlèvement|assaut|embuscade|attentat|tuerie|"
    r"massacre|rapt|incident|drame|explosion|frappe|raid|enlèvements|attaques|tueries|massacres)"
    r"|\s*,?\s*(?:the|a) day after the (?:attack|abduction|kidnapping|ambush|raid|massacre|killings?|bombing|blast|strike)")


def _day_after_incident(found: list[DateMention], lowered: str) -> list[DateMention]:
    if "lendemain" not in lowered and "day after" not in lowered:
        return found
    out = []
    for d in found:
        m = _DAY_AFTER_INCIDENT.match(lowered, d.end) if d.precision == "day" else None
        out.append(DateMention(d.date - dt.timedelta(days=1), "day", d.start, d.end, d.surface,
                               f"date:day-before ('{d.surface}', {m.group(0).strip(' ,')})") if m else d)
    return out


# "le 3 courant", "du 12 de ce mois": a day of the publication's month, as French officialese writes it
_THIS_MONTH = re.compile(r"(?<!\w)(?:le|du|au|depuis le)\s+(?P<day>[0-3]?\d)(?:er)?\s+"
                         r"(?:courant|du mois courant|du mois en cours|de ce mois)(?!\w)")


# security briefs' "Wed approx 1030 local", "late Tue (approx 2200 local)": an abbreviated day, read
# only before a time, as "sat", "wed" and "sun" are words too
_BRIEF_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# (the word-start check after the first letter lets the engine skip to the days' first letters)
_BRIEF_WEEKDAY = re.compile(r"(?P<wd>m(?<![\w’'-].)on|t(?<![\w’'-].)(?:ues?|hu(?:rs?)?)|w(?<![\w’'-].)ed|f(?<![\w’'-].)ri|"
                            r"s(?<![\w’'-].)(?:at|un))\.?(?=\s+(?:\(\s*)?(?:approx\.?\s+)?"
                            r"(?:[0-2]\d[0-5]\d\b|[0-2]?\d[:h][0-5]\d|[01]?\d\s*[ap]\.?m\b|night|morning|evening|afternoon))")


# a day of the month is written in digits: without one, no explicit date can match
_DIGIT = re.compile(r"\d")


# "vers 1 heure", "à 2h du matin", "around 3 a.m.": an overnight event after midnight
# ("01:00 local time", "02h30": the 24-hour clock)
_SMALL_HOUR = (r"(?:(?:vers|à|a|aux environs de|aux environs d['’]|peu après|peu avant|juste avant|around|at|about|"
               r"shortly after|shortly before|just before|approx\.?|approximately|environ)\s*"
               # ... "approx. 0300 hrs", as security reports write the time
               r"(?:(?:0?[0-5])\s*(?:h\b|heures?\b)|(?:0?[1-5]|12)(?::\d\d)?\s*a\.?m\b|0[0-5][:h][0-5]\d(?!\s*p\.?m)"
               # ... "at around 0200 on Tuesday": a leading zero makes it no year
               r"|0[0-5][0-5]\d(?:\s*(?:hrs|hr|hours|h))?\b"
               r"|(?:une|deux|trois|quatre|cinq)\s+heures?\b|(?:one|two|three|four|five)\s+o['’]clock\s+(?:on\s+\w+\s+)?"
               r"(?:in\s+the\s+)?morning\b)"
               r"|(?:une|deux|trois|quatre|cinq)\s+heures?\s+du\s+matin\b|(?:one|two|three|four|five)\s+(?:o['’]clock\s+)?in\s+the\s+morning\b"
               r"|(?:peu|juste|bien)\s+après\s+minuit|(?:shortly|just|soon|well)\s+after\s+midnight)")
_SMALL_HOURS = re.compile(rf"[^.;]{{0,30}}?(?<!\w){_SMALL_HOUR}")


# "peu avant minuit", "around 11 p.m.", "vers 22 heures": the night's first day for certain
_LATE_EVENING = re.compile(r"[^.;]{0,30}?(?<!\w)(?:(?:peu\s+)?avant minuit|(?:shortly\s+)?before midnight|"
                           r"(?:vers|à|a|around|at|about)\s+(?:(?:1[89]|2[0-3])\s*(?:h\b|heures?\b)|(?:9|10|11)(?::\d\d)?\s*p\.?m\b))")


def _night_rule(rule: str, after_midnight: int, lowered: str, end: int) -> str:
    """The rule of a night's date, saying when the hour given settles the day: after
    midnight (the second day, already counted) or late in the evening (the first)."""
    if after_midnight:
        return rule + ":after-midnight"
    return rule + ":evening" if _LATE_EVENING.match(lowered, end) else rule


_HOUR_ANYWHERE = re.compile(rf"(?<!\w){_SMALL_HOUR}")
_HOUR_BEFORE = re.compile(rf"(?<!\w){_SMALL_HOUR}\.?(?:\s+du matin)?[^.;]{{0,25}}$")


def hour_after_midnight(sentence: str) -> bool:
    """The sentence gives an hour between midnight and 6 ("arrivés vers 2 heures du matin"):
    told right after a night's mention, it settles that night's day."""
    return bool(_HOUR_ANYWHERE.search(sentence.lower()))


def unsettled_night(mention: DateMention) -> bool:
    """A night ("dans la nuit de samedi à dimanche") whose own sentence gave no hour."""
    return mention.rule.startswith("date:night") and not mention.rule.endswith((":after-midnight", ":evening"))


def settle_night(mention: DateMention) -> DateMention:
    """The night's second day, for a night whose hour the next sentence gives; the mention as it
    is when it is no night or its own sentence gave the hour."""
    if not unsettled_night(mention):
        return mention
    return replace(mention, date=mention.date + dt.timedelta(days=1), rule=mention.rule + ":after-midnight")


# "La veille, ses combattants avaient pris d'assaut la brigade", "the day before, gunmen had ...":
# the day before the date the story just gave ("la veille de l'élection" is another day's eve)
_EVE = re.compile(r"(?<!\w)(?:la veille(?!\s+(?:de|du|des|d['’]|au(?!\s+(?:cours|soir|matin))))"
                  r"|the day before(?!\s+(?:the|a|an|his|her|their|its|"
                  r"yesterday)\b)|the previous day|a day earlier|the night before(?!\s+(?:the|a|an|his|her|their|its)\b)|"
                  r"un jour plus tôt)(?!\w)", re.IGNORECASE)
_EVE_WORDS = ("veille", "before", "previous day", "day earlier", "plus tôt")
# where the phrase dates the whole sentence: at its opening, or set off by commas
_OPENING = re.compile(r"\s*(?:(?:and|but|et|mais|or|yet)\s+)?", re.IGNORECASE)
_SET_OFF = re.compile(r"\s*,")
# ... or ending the sentence ("confirmed that bandits abducted 40 travellers on the road the day before.")
_SENTENCE_END = re.compile(r"(?:\s+(?:au soir|au matin|in the (?:evening|morning|afternoon)|at night))?"
                           r"\s*[.!?…]?[\s\"”»’']*$", re.IGNORECASE)
# ... or right after the act it dates: "the victims were attacked the day before as they fished",
# "l'attaque a eu lieu la veille"
_ACT_BEFORE = re.compile(r"(?<!\w)(?:attacked|killed|abducted|kidnapped|ambushed|shot|struck|raided|happened|occurred|"
                         r"took place|carried out|neutrali[sz]ed|executed|tuée?s?|attaquée?s?|enlevée?s?|abattue?s?|"
                         r"neutralisée?s?|exécutée?s?|survenue?s?|produite?s?|"
                         r"eu lieu|perpétrée?s?|commise?s?|trouvé la mort|perdu la vie|died|lost their lives)\s*$", re.IGNORECASE)


def may_be_eve(sentence: str) -> bool:
    """Whether `sentence` holds a word of "la veille", "the day before" (a cheap test first)."""
    return any(w in sentence for w in _EVE_WORDS)


def eve_of(sentence: str, anchor: DateMention) -> DateMention | None:
    """The day before `anchor` (a day told in a sentence just before), when `sentence` says "la
    veille" or "the day before"; else None."""
    if anchor.precision != "day":
        return None
    m = _EVE.search(sentence)
    if m is None or not (_OPENING.fullmatch(sentence, 0, m.start()) or _SET_OFF.match(sentence, m.end())
                         and sentence[:m.start()].rstrip().endswith(",")
                         or _ACT_BEFORE.search(sentence, max(0, m.start() - 20), m.start())
                         or _SENTENCE_END.match(sentence, m.end())):
        return None     # "des vivres distribués la veille": another act's day
    return DateMention(anchor.date - dt.timedelta(days=1), "day", m.start(), m.end(), m.group(0),
                       f"date:eve-of ('{anchor.surface}')")


def _after_midnight(lowered: str, start: int, end: int) -> int:
    """1 when an hour between midnight and 6 follows the night's mention, or comes just before it
    ("vers 1 heure du matin, dans la nuit du lundi 28 février au mardi 1er mars"), or dawn
    follows it ("dans la nuit de dimanche à lundi, peu avant l'aube", not "jusqu'à l'aube"), else 0."""
    if _SMALL_HOURS.match(lowered, end) or _HOUR_BEFORE.search(lowered, max(0, start - 60), start):
        return 1
    dawn = _DAWN.match(lowered, end)
    return 1 if dawn and not _UNTIL.search(lowered, end, dawn.end()) else 0


_DAWN_WORDS = r"(?:à l['’]aube|au petit matin|avant l['’]aube|at dawn|before dawn|at daybreak|in the (?:early|small) hours)"
_DAWN = re.compile(rf"[^.;]{{0,20}}?(?<!\w){_DAWN_WORDS}(?!\w)")
_UNTIL = re.compile(r"(?<!\w)(?:jusqu|until|till|through)")
# the same told before the day: "at about 3 a.m. on Sunday", "vers 4 heures du matin, dimanche",
# "à l'aube de dimanche"; or the day itself said to be when ("dans la journée du mardi 1er janvier")
_WHEN_BEFORE = re.compile(rf"(?<!\w)(?:{_SMALL_HOUR}(?:\s+du matin)?\.?|{_DAWN_WORDS})[\s,]*(?:on|de|du|le)?\s*$"
                          r"|(?<!\w)(?:(?:dans|pendant|durant) la journée d[eu]|during the day on)\s*$")


def in_small_hours(lowered: str, start: int, end: int) -> bool:
    """The day named at lowered[start:end] comes with an hour between midnight and 6, or dawn
    ("jeudi vers 3 heures", "at about 3 a.m. on Sunday", "samedi à l'aube"), or is said to be
    the day it happened ("dans la journée du mardi"): the second day of a night, when the
    violence happened."""
    return bool(_SMALL_HOURS.match(lowered, end) or _DAWN.match(lowered, end)
                or _WHEN_BEFORE.search(lowered, max(0, start - 40), start)
                and not _FOLLOW_UP.search(lowered, max(0, start - 70), start))


# "les ratissages effectués dans la journée de dimanche", "sweeps during the day on Sunday": what
# the troops did after the night, not when it happened
_FOLLOW_UP = re.compile(r"(?<!\w)(?:ratissages?|fouilles?|poursuites?|sweeps?|combing|search(?:es)?|pursuit)(?!\w)[^.;]*$")


def _explicit_dates(lowered: str, sentence: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    for m in p.night_days.finditer(lowered) if p.night_word in lowered else ():
        # "la nuit du 31 décembre au 1er janvier 2026": the year is the second day's
        own_month = m["first_month"]
        year = int(m["first_year"]) if m["first_year"] else int(m["year"]) if m["year"] and not own_month else None
        first = _day_month(pub, int(m["day"]), p.months[(own_month or m["month"]).lower()], year)
        shift = _after_midnight(lowered, m.start(), m.end())
        if first is not None:
            first += dt.timedelta(days=shift)
        add(m, first, "day", _night_rule("date:night-of-days", shift, lowered, m.end()))
    for rx, rule in ((p.day_month, "date:day-month"), (p.month_day, "date:month-day")):
        for m in rx.finditer(lowered) if rx is not None else ():
            if _is_month_word(m, "month", sentence, language):
                year = int(m["year"]) if m["year"] else None
                # a week's bulletin ("semaine du 6 au 12 juin") dates no day: its incidents do
                days = int(m["to"]) - int(m["day"]) if m["to"] else 0
                precision = "day" if days <= 2 else "week" if days <= 7 else "month"
                add(m, _day_month(pub, int(m["day"]), p.months[m["month"].lower()], year), precision,
                    rule if precision == "day" else rule + ":range")


_AFTER_FEAST = re.compile(r"(?<!\w)(?:après|after|following)\s+(?:les\s+|the\s+)?(?:(?:festivités|célébrations|fêtes|"
                          r"celebrations|festivities)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|of\s+|for\s+)?(?:the\s+)?"
                          r"|la\s+|l['’])?$")


# "au lendemain du Nouvel An", "the day after Christmas"; "à la veille de la Tabaski", "on the eve of Eid"
_HOLIDAY_NEXT_DAY = re.compile(r"(?<!\w)(?:lendemain\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+)|day\s+after\s+(?:the\s+)?)$")
_HOLIDAY_EVE = re.compile(r"(?<!\w)(?:veille\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+)|eve\s+of\s+(?:the\s+)?)$")


def _holidays(lowered: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    table = _lexicon()["holidays"]["fr" if language == "fr" else "en"]
    for m in p.holiday.finditer(lowered):
        if _AFTER_FEAST.search(lowered, max(0, m.start() - 50), m.start()):
            continue        # "quelques heures après les festivités de la Saint-Sylvestre": a day before the event
        month, day = table[m["hol"].lower()]
        shift, rule = 0, "date:holiday"
        if _HOLIDAY_NEXT_DAY.search(lowered, max(0, m.start() - 25), m.start()):
            shift, rule = 1, "date:day-after-holiday"
        elif _HOLIDAY_EVE.search(lowered, max(0, m.start() - 25), m.start()):
            shift, rule = -1, "date:eve-of-holiday"
        feast = _day_month(pub + dt.timedelta(days=-shift), day, month, None) or _day_month(pub, day, month, pub.year - 1)
        add(m, feast + dt.timedelta(days=shift) if feast else None, "day", rule)


def _months(lowered: str, sentence: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    for m in p.month_only.finditer(lowered):
        word = m["month"] or m["month2"]
        if not _is_month_word(m, "month" if m["month"] else "month2", sentence, language):
            continue
        year_text = m["year"] or m["year2"]
        year = int(year_text) if year_text else None
        if year is None and _LAST_YEAR.match(lowered, m.end()):
            year = pub.year - 1          # "in June last year", "en juin de l'année dernière"
        add(m, _month_start(pub, p.months[word.lower()], year), "month", "date:month")


def _relative(lowered: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    table = _lexicon()["relative"]["fr" if language == "fr" else "en"]
    for m in p.relative.finditer(lowered):
        unit, offset = table[m["rel"].lower()]
        if unit == "day":
            add(m, pub + dt.timedelta(days=offset), "day", "date:relative")
        elif unit == "weekend":
            # the Saturday of the last weekend that has begun before publication
            add(m, _last_weekday(pub - dt.timedelta(days=1), 5), "week", "date:relative-weekend")
        elif unit == "week":
            monday = pub - dt.timedelta(days=pub.weekday())
            add(m, pub + dt.timedelta(days=offset) if offset else monday, "week", "date:relative-week")
        else:
            first = pub.replace(day=1)
            add(m, first if offset == 0 else (first - dt.timedelta(days=1)).replace(day=1), "month",
                "date:relative-month")


def _ago(lowered: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    """"two days ago", "il y a trois semaines": days give a day, weeks and months a week/month."""
    for m in p.ago.finditer(lowered):
        n = 1 if m["n"] in ("a", "an") else parse_number(m["n"], language)     # "a week ago"
        factor = p.ago_units[m["unit"]]
        if n is None or n > 400:
            continue
        precision = "day" if factor == 1 else "week" if factor == 7 else "month"
        add(m, pub - dt.timedelta(days=n * factor), precision, "date:ago")


# "mardi de la semaine dernière", "Tuesday of last week": the day in the week before publication's
_OF_LAST_WEEK = re.compile(r"\s+(?:de\s+la\s+semaine\s+(?:dernière|passée|précédente)|of\s+last\s+week|last\s+week)(?!\w)")
# "last week on Tuesday", "la semaine dernière, mardi": the same day, told the other way round
_LAST_WEEK_THEN = re.compile(r"(?<!\w)(?:last\s+week|la\s+semaine\s+(?:dernière|passée)),?\s+(?:on\s+|le\s+)?$")


def _weekdays_of_last_week(lowered: str, p: _Patterns, pub: dt.date, add: Any) -> None:
    """A weekday of the week before publication's, read before "last week" alone can take
    the words ("on Tuesday last week" is a day, not a week)."""
    for m in p.weekday.finditer(lowered):
        after = _OF_LAST_WEEK.match(lowered, m.end("wd"))
        before = None if after else _LAST_WEEK_THEN.search(lowered, max(0, m.start() - 24), m.start())
        if after or before:
            weekday = p.weekdays[m["wd"].lower()]
            # the whole phrase is the mention: "last week" in it is no date of its own
            span = (m.start(), after.end()) if after else (before.start(), m.end())  # type: ignore[union-attr]
            add(m, pub - dt.timedelta(days=pub.weekday() + 7 - weekday), "day", "date:weekday-of-last-week", span)


_NIGHT_AFTER = re.compile(r"\s+(?:night|soir)\b")


def _weekdays(lowered: str, p: _Patterns, pub: dt.date, language: str, add: Any) -> None:
    for m in p.weekday.finditer(lowered):
        markers = {(m["pre"] or "").lower(), (m["post"] or "").lower()}
        weekday = p.weekdays[m["wd"].lower()]
        if not markers & p.future:
            day = _last_weekday(pub, weekday, bool(markers & p.past))
            night = _NIGHT_AFTER.match(lowered, m.end())
            if night and _after_midnight(lowered, m.start(), night.end()) and day < pub:
                # "late on Sunday night, at about 12:30 a.m.": the small hours are Monday's
                add(m, day + dt.timedelta(days=1), "day", "date:weekday-night:after-midnight")
            else:
                add(m, day, "day", "date:weekday")
