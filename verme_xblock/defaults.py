"""The Verme defaults of a new block (see the domain notes): target groups, session templates,
reflection items and prompts, good-practice tags. `defaults_for(language)` gives them in English,
Finnish or Swedish; ids are stable across languages so answers and settings survive a translation.
"""
import copy

STANDARD_AGENDA_EN = [
    {"minute": 0, "text": "Check-in round (scale 0–10)"},
    {"minute": 15, "text": "Recap and today's goal"},
    {"minute": 25, "text": "Theme, part 1"},
    {"minute": 85, "text": "Break"},
    {"minute": 100, "text": "Theme, part 2"},
    {"minute": 150, "text": "What will I try?"},
    {"minute": 170, "text": "Closing round and reflection"},
]

ENGLISH = {
    "target_groups": [
        {"id": "new_teachers", "label": "New teachers at the start of their career"},
        {"id": "study_counsellors", "label": "Study counsellors"},
        {"id": "work_life_coordinators", "label": "Work-life coordinators"},
        {"id": "special_needs", "label": "Special-needs education staff"},
        {"id": "experienced", "label": "Experienced staff over 55"},
    ],
    "session_templates": [
        {
            "title": "Getting started and a shared direction",
            "goal": "Trust, ground rules and the group's progress plan.",
            "methods": "Introductions; expectations round; agree ground rules (everyone is an equal participant "
            "and every voice is heard; what is shared in the group stays in the group); choose themes; draft "
            "the progress plan; baseline scaling.",
        },
        {
            "title": "Success stories",
            "goal": "Make strengths and tacit knowledge visible.",
            "methods": "Success stories in threes with listeners naming strengths; exception questions; harvest "
            "good practices to the shared bank.",
        },
        {
            "title": "Case clinic",
            "goal": "Dialogue on a real problem.",
            "methods": "Dialogue rules; reflecting team (case 10 min, clarifying questions 10, team reflection 20, "
            "owner's response 10), two rounds.",
        },
        {
            "title": "Wellbeing and sharing know-how",
            "goal": "Coping at work and passing on expertise.",
            "methods": "Miracle question and scaling; pair interviews \"what do you know that others should?\"; "
            "resource map.",
        },
        {
            "title": "Remembering the future and closing",
            "goal": "Consolidate and plan onward.",
            "methods": "Future-recall rounds; personal follow-on plan; final evaluation.",
        },
    ],
    "likert_items": [
        {"id": "learned", "text": "I have learned new ideas or practices from other members."},
        {"id": "tried", "text": "I have tried something we discussed in my own work."},
        {"id": "confidence", "text": "The group has strengthened my confidence as a professional."},
        {"id": "wellbeing", "text": "Taking part supports my work wellbeing."},
        {"id": "shared", "text": "I have been able to share my expertise with others."},
        {"id": "network", "text": "My professional network has grown."},
        {"id": "safety", "text": "The atmosphere is safe; I can speak openly."},
        {"id": "heard", "text": "Everyone's voice is heard."},
    ],
    "open_prompts": [
        {"id": "went_well", "text": "What has gone well since last time, and what made it possible?"},
        {"id": "scale", "text": "On a scale of 0–10, where are you now? What would one step higher look like?"},
        {"id": "learned_from", "text": "What did you learn from a colleague?"},
        {"id": "next_step", "text": "What is your smallest next step?"},
    ],
    "tags": [
        "Teaching and guidance",
        "Work-life cooperation",
        "Special needs support",
        "Work wellbeing",
        "Networks",
        "Assessment",
        "Digital tools",
        "Induction of new staff",
    ],
}
for _template in ENGLISH["session_templates"]:
    _template["agenda"] = copy.deepcopy(STANDARD_AGENDA_EN)

BY_LANGUAGE = {"en": ENGLISH}


def defaults_for(language):
    """A fresh copy of the defaults in a language (English where a language has none)."""
    return copy.deepcopy(BY_LANGUAGE.get(language, ENGLISH))
