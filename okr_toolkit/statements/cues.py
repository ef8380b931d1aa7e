"""What a line says besides its verb: ongoing cues, milestones, service levels."""

from __future__ import annotations

import re

_MILESTONE_NOUNS = frozenset(
    "certification certified compliance compliant accreditation accredited audit approval "
    "approved go-live launch release mvp beta prototype migration license licence patent "
    "soc iso gdpr hipaa".split()
)
_HEALTH_WORDS = frozenset("uptime availability sla slas slo slos".split())
_ONGOING_CUES = (
    "let",
    "all t",
    "always",
    "consist",
    "continu",
    "constant",
    "every",
    "each",
    "ongoing",
    "throughout",
    "after",
    "over",
    "wow",
    "mom",
    "year-round",
    "exception",
    "never",
)
_ONGOING = re.compile(
    r"\b(?:at\s+all\s+times|all\s+the\s+time|always|consistently|continuously|constantly"
    r"|every\s+(?:single\s+)?(?:day|week|month|quarter|sprint|release|year|cycle)"
    r"|each\s+(?:day|week|month|quarter|sprint|release|year|cycle)|ongoing|on\s+an\s+ongoing"
    r"|throughout\s+(?:the\s+)?(?:year|quarter|period|cycle)|month\s+after\s+month"
    r"|week\s+after\s+week|(?:week|month)[-\s]over[-\s](?:week|month)|wow|mom|year-round"
    r"|in\s+every\s+(?:month|week|quarter)|without\s+exception|never|(?:don't|do\s+not)\s+let)\b"
)
_LIVE = re.compile(
    r"\blive\b(?!\s+(?:chat|chats|stream|streams|event|events|demo|demos|video|videos|agent"
    r"|agents|data|traffic|users|customers|support|sessions?))"
)
