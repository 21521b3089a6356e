"""The Verme defaults of a new block (see the domain notes): target groups, session templates,
reflection items and prompts, good-practice tags. `defaults_for(language)` gives them in English,
Finnish or Swedish; ids are stable across languages so answers and settings survive a translation.

How a block gets them "in the language of the course author": a list field left empty means "the
defaults", filled in by `ConfigurationFields.config(language)` for whoever reads it, so a block that
nobody has configured still works in every language. The Studio editor shows the defaults of the
author's language for each empty list and writes them with the first save; from then on the block
keeps the author's text. "Reset to the defaults" in the editor puts a list back to the defaults of
the author's current language (saved when the author saves).
"""
import copy

from .method_cards import cards_for_template, cards_in, feedback_items_in

LIST_SETTINGS = (
    "target_groups", "session_templates", "likert_items", "open_prompts", "tags", "method_cards", "feedback_items",
)

# (minute from the start, text) of a three-hour session; shared by every template.
AGENDA_MINUTES = (0, 15, 25, 85, 100, 150, 170)
# The check-in round (line 0) scales where everyone is; the theme's two parts (lines 2 and 4) use
# the template's own exercises. The card ids are the same in every language.
CHECK_IN_CARD = "scaling"
CHECK_IN_LINE, THEME_LINES = 0, (2, 4)
TEMPLATE_IDS = ("start", "success_stories", "case_clinic", "wellbeing", "future_recall")
TARGET_GROUP_IDS = ("new_teachers", "study_counsellors", "work_life_coordinators", "special_needs", "experienced")
LIKERT_IDS = ("learned", "tried", "confidence", "wellbeing", "shared", "network", "safety", "heard")
PROMPT_IDS = ("went_well", "scale", "learned_from", "next_step")

TEXTS = {
    "en": {
        "agenda": (
            "Check-in round (scale 0–10)",
            "Recap and today's goal",
            "Theme, part 1",
            "Break",
            "Theme, part 2",
            "What will I try?",
            "Closing round and reflection",
        ),
        "target_groups": (
            "New teachers at the start of their career",
            "Study counsellors",
            "Work-life coordinators",
            "Special-needs education staff",
            "Experienced staff over 55",
        ),
        "session_templates": (
            (
                "Getting started and a shared direction",
                "Trust, ground rules and the group's progress plan.",
                "Introductions; expectations round; agree ground rules (everyone is an equal participant "
                "and every voice is heard; what is shared in the group stays in the group); choose themes; "
                "draft the progress plan; baseline scaling.",
            ),
            (
                "Success stories",
                "Make strengths and tacit knowledge visible.",
                "Success stories in threes with listeners naming strengths; exception questions; harvest "
                "good practices to the shared bank.",
            ),
            (
                "Case clinic",
                "Dialogue on a real problem.",
                "Dialogue rules; reflecting team (case 10 min, clarifying questions 10, team reflection 20, "
                "owner's response 10), two rounds.",
            ),
            (
                "Wellbeing and sharing know-how",
                "Coping at work and passing on expertise.",
                "Miracle question and scaling; pair interviews \"what do you know that others should?\"; "
                "resource map.",
            ),
            (
                "Remembering the future and closing",
                "Consolidate and plan onward.",
                "Future-recall rounds; personal follow-on plan; final evaluation.",
            ),
        ),
        "likert_items": (
            "I have learned new ideas or practices from other members.",
            "I have tried something we discussed in my own work.",
            "The group has strengthened my confidence as a professional.",
            "Taking part supports my work wellbeing.",
            "I have been able to share my expertise with others.",
            "My professional network has grown.",
            "The atmosphere is safe; I can speak openly.",
            "Everyone's voice is heard.",
        ),
        "open_prompts": (
            "What has gone well since last time, and what made it possible?",
            "On a scale of 0–10, where are you now? What would one step higher look like?",
            "What did you learn from a colleague?",
            "What is your smallest next step?",
        ),
        "tags": (
            "Teaching and guidance",
            "Work-life cooperation",
            "Special needs support",
            "Work wellbeing",
            "Networks",
            "Assessment",
            "Digital tools",
            "Induction of new staff",
        ),
    },
    "fi": {
        "agenda": (
            "Kuulumiskierros (asteikko 0–10)",
            "Kertaus ja päivän tavoite",
            "Teema, osa 1",
            "Tauko",
            "Teema, osa 2",
            "Mitä kokeilen?",
            "Loppukierros ja reflektio",
        ),
        "target_groups": (
            "Uransa alussa olevat opettajat",
            "Opinto-ohjaajat",
            "Työelämäkoordinaattorit",
            "Erityisopetuksen henkilöstö",
            "Kokeneet konkarit (yli 55-vuotiaat)",
        ),
        "session_templates": (
            (
                "Aloitus ja yhteinen suunta",
                "Luottamus, pelisäännöt ja ryhmän etenemissuunnitelma.",
                "Esittäytyminen; odotuskierros; pelisääntöjen sopiminen (jokainen on tasavertainen osallistuja "
                "ja jokaisen ääni tulee kuulluksi; ryhmässä jaettu jää ryhmään); teemojen valinta; "
                "etenemissuunnitelman luonnos; lähtötilanteen skaalaus.",
            ),
            (
                "Onnistumistarinat",
                "Vahvuudet ja hiljainen tieto näkyviksi.",
                "Onnistumistarinat kolmen hengen ryhmissä, kuuntelijat nimeävät vahvuuksia; poikkeuskysymykset; "
                "hyvien käytäntöjen kokoaminen yhteiseen pankkiin.",
            ),
            (
                "Tapauskonsultaatio",
                "Dialogi todellisesta ongelmasta.",
                "Dialogin säännöt; reflektoiva tiimi (tapauksen kuvaus 10 min, tarkentavat kysymykset 10, "
                "tiimin reflektio 20, tapauksen tuojan vastaus 10), kaksi kierrosta.",
            ),
            (
                "Työhyvinvointi ja osaamisen jakaminen",
                "Työssä jaksaminen ja osaamisen siirtäminen eteenpäin.",
                "Ihmekysymys ja skaalaus; parihaastattelut \"mitä osaat, mitä muidenkin pitäisi osata?\"; "
                "voimavarakartta.",
            ),
            (
                "Tulevaisuuden muistelu ja päätös",
                "Opitun vahvistaminen ja jatkon suunnittelu.",
                "Tulevaisuuden muistelun kierrokset; henkilökohtainen jatkosuunnitelma; loppuarviointi.",
            ),
        ),
        "likert_items": (
            "Olen oppinut muilta ryhmäläisiltä uusia ajatuksia tai toimintatapoja.",
            "Olen kokeillut työssäni jotakin ryhmässä käsiteltyä.",
            "Ryhmä on vahvistanut luottamustani itseeni ammattilaisena.",
            "Osallistuminen tukee työhyvinvointiani ja jaksamistani.",
            "Olen voinut jakaa osaamistani muille.",
            "Ammatillinen verkostoni on laajentunut.",
            "Ilmapiiri on turvallinen; voin puhua avoimesti.",
            "Ryhmässä jokaisen ääni tulee kuulluksi.",
        ),
        "open_prompts": (
            "Mikä on onnistunut edellisen kerran jälkeen, ja mikä teki sen mahdolliseksi?",
            "Asteikolla 0–10 missä olet nyt? Miltä näyttäisi yksi askel ylöspäin?",
            "Mitä opit kollegalta?",
            "Mikä on pienin seuraava askeleesi?",
        ),
        "tags": (
            "Opetus ja ohjaus",
            "Työelämäyhteistyö",
            "Erityinen tuki",
            "Työhyvinvointi",
            "Verkostot",
            "Arviointi",
            "Digitaaliset työkalut",
            "Perehdytys",
        ),
    },
    "sv": {
        "agenda": (
            "Incheckningsrunda (skala 0–10)",
            "Återblick och dagens mål",
            "Tema, del 1",
            "Paus",
            "Tema, del 2",
            "Vad ska jag pröva?",
            "Avslutande runda och reflektion",
        ),
        "target_groups": (
            "Nya lärare i början av karriären",
            "Studiehandledare",
            "Arbetslivskoordinatorer",
            "Personal inom specialundervisningen",
            "Erfarna kolleger över 55 år",
        ),
        "session_templates": (
            (
                "Start och en gemensam riktning",
                "Förtroende, spelregler och gruppens framstegsplan.",
                "Presentationsrunda; förväntningsrunda; vi kommer överens om spelreglerna (alla deltar på "
                "lika villkor och allas röst blir hörd; det som delas i gruppen stannar i gruppen); vi väljer "
                "teman; utkast till framstegsplan; skalning av utgångsläget.",
            ),
            (
                "Framgångsberättelser",
                "Att synliggöra styrkor och tyst kunskap.",
                "Framgångsberättelser i grupper om tre där lyssnarna sätter ord på styrkor; undantagsfrågor; "
                "goda exempel samlas i den gemensamma banken.",
            ),
            (
                "Fallkonsultation",
                "Dialog kring ett verkligt problem.",
                "Dialogens regler; reflekterande team (fallet 10 min, klargörande frågor 10, teamets reflektion "
                "20, fallägarens svar 10), två rundor.",
            ),
            (
                "Välbefinnande i arbetet och att dela kunnande",
                "Att orka i arbetet och föra kunnandet vidare.",
                "Mirakelfrågan och skalning; parintervjuer \"vad kan du som andra också borde kunna?\"; "
                "resurskarta.",
            ),
            (
                "Att minnas framtiden och avslutning",
                "Att befästa det vi lärt oss och planera framåt.",
                "Rundor där vi minns framtiden; personlig plan för fortsättningen; slututvärdering.",
            ),
        ),
        "likert_items": (
            "Jag har lärt mig nya tankar eller arbetssätt av de andra i gruppen.",
            "Jag har prövat något som vi tagit upp i gruppen i mitt eget arbete.",
            "Gruppen har stärkt mitt självförtroende som yrkesperson.",
            "Deltagandet stöder mitt välbefinnande i arbetet och min ork.",
            "Jag har kunnat dela med mig av mitt kunnande till andra.",
            "Mitt yrkesnätverk har vuxit.",
            "Stämningen är trygg; jag kan tala öppet.",
            "I gruppen blir allas röst hörd.",
        ),
        "open_prompts": (
            "Vad har gått bra sedan förra gången, och vad gjorde det möjligt?",
            "Var befinner du dig nu på en skala 0–10? Hur skulle ett steg uppåt se ut?",
            "Vad lärde du dig av en kollega?",
            "Vilket är ditt minsta nästa steg?",
        ),
        "tags": (
            "Undervisning och handledning",
            "Samarbete med arbetslivet",
            "Särskilt stöd",
            "Välbefinnande i arbetet",
            "Nätverk",
            "Bedömning",
            "Digitala verktyg",
            "Introduktion av ny personal",
        ),
    },
}


def _items(ids, texts):
    return [{"id": ident, "text": text} for ident, text in zip(ids, texts, strict=True)]


def agenda_cards(template_id, cards):
    """{line index: card id} of a default agenda: scaling at check-in, the template's own cards for the theme."""
    linked = [card["id"] for card in cards_for_template(cards, template_id) if card["id"] != CHECK_IN_CARD]
    chosen = {CHECK_IN_LINE: CHECK_IN_CARD}
    if linked:
        chosen[THEME_LINES[0]] = linked[0]
        chosen[THEME_LINES[1]] = linked[1] if len(linked) > 1 else linked[0]
    return chosen


def _agenda(texts, template_id, cards):
    """The standard agenda; a line with a method card carries its id under "card" (no key: no card)."""
    chosen = agenda_cards(template_id, cards)
    lines = []
    for index, (minute, text) in enumerate(zip(AGENDA_MINUTES, texts["agenda"], strict=True)):
        line = {"minute": minute, "text": text}
        if index in chosen:
            line["card"] = chosen[index]
        lines.append(line)
    return lines


def _build(texts, cards):
    return {
        "target_groups": [
            {"id": ident, "label": label} for ident, label in zip(TARGET_GROUP_IDS, texts["target_groups"], strict=True)
        ],
        "session_templates": [
            {"id": ident, "title": title, "goal": goal, "methods": methods, "agenda": _agenda(texts, ident, cards)}
            for ident, (title, goal, methods) in zip(TEMPLATE_IDS, texts["session_templates"], strict=True)
        ],
        "likert_items": _items(LIKERT_IDS, texts["likert_items"]),
        "open_prompts": _items(PROMPT_IDS, texts["open_prompts"]),
        "tags": list(texts["tags"]),
    }


BY_LANGUAGE = {
    language: {**_build(texts, cards_in(language)), "method_cards": cards_in(language),
               "feedback_items": feedback_items_in(language)}
    for language, texts in TEXTS.items()
}
ENGLISH = BY_LANGUAGE["en"]
STANDARD_AGENDA_EN = ENGLISH["session_templates"][0]["agenda"]


def _defaults(language):
    code = (language or "en").lower().replace("_", "-").split("-")[0]
    return BY_LANGUAGE.get(code, ENGLISH)


def defaults_for(language):
    """A fresh copy of the defaults in a language ('fi-fi' -> Finnish; English where a language has none)."""
    return copy.deepcopy(_defaults(language))


def default_list(language, name):
    """A fresh copy of one list of the defaults (`LIST_SETTINGS`), without copying the others."""
    return copy.deepcopy(_defaults(language)[name])


def default_tags(language):
    """The default good-practice tags in a language (a tuple of strings: nothing to copy)."""
    return tuple(_defaults(language)["tags"])
