"""The raw material of the demo network: companies, titles, events, notes (names are in
``demo.names``). All invented for netkeep.
"""

from __future__ import annotations

#: (company name, email domain, industry) — all invented.
COMPANIES: list[tuple[str, str, str]] = [
    ("Northwind Analytics", "northwind.io", "data"),
    ("Bluefin Robotics", "bluefinrobotics.com", "robotics"),
    ("Lumen Health", "lumenhealth.org", "healthcare"),
    ("Cedar & Pine Design", "cedarpine.design", "design"),
    ("Harbor Payments", "harborpay.com", "fintech"),
    ("Quillstone Press", "quillstone.com", "media"),
    ("Tidewater Energy", "tidewater.energy", "climate"),
    ("Orbital Freight", "orbitalfreight.com", "logistics"),
    ("Granite Cloud", "granitecloud.dev", "cloud"),
    ("Saffron Foods", "saffronfoods.com", "food"),
    ("Kestrel Security", "kestrelsec.com", "security"),
    ("Mosaic Learning", "mosaiclearning.org", "edtech"),
    ("Juniper Bank", "juniperbank.com", "finance"),
    ("Atlas Civic Labs", "atlascivic.org", "gov"),
    ("Brightline Games", "brightline.games", "games"),
    ("Vantage Biotech", "vantagebio.com", "biotech"),
    ("Fathom Ocean Data", "fathomdata.io", "data"),
    ("Redwood Legal", "redwoodlegal.com", "legal"),
    ("Copperleaf Ventures", "copperleaf.vc", "venture"),
    ("Sparrow Mobile", "sparrowmobile.app", "mobile"),
    ("Meridian Consulting", "meridianco.com", "consulting"),
    ("Helix Materials", "helixmaterials.com", "manufacturing"),
    ("Open Harbor Foundation", "openharbor.org", "nonprofit"),
    ("Polaris Maps", "polarismaps.com", "geo"),
    ("Riverbend Hospital", "riverbendhealth.org", "healthcare"),
    ("Nimbus Weather", "nimbusweather.com", "climate"),
    ("Ironclad Devices", "ironclad.dev", "hardware"),
    ("Lantern Media", "lanternmedia.tv", "media"),
    ("Sable Insurance", "sableins.com", "insurance"),
    ("Wildflower Retail", "wildflower.shop", "retail"),
    ("Crescent AI", "crescent.ai", "ml"),
    ("Summit Transit Authority", "summittransit.gov", "gov"),
    ("Paperkite Software", "paperkite.io", "software"),
    ("Evergreen University", "evergreen.edu", "education"),
    ("Stonebridge Capital", "stonebridgecap.com", "finance"),
    ("Marigold Studios", "marigoldstudios.com", "design"),
    ("Quantum Leaf Farms", "quantumleaf.farm", "agtech"),
    ("Beacon Talent Partners", "beacontalent.com", "recruiting"),
    ("Driftwood Travel", "driftwood.travel", "travel"),
    ("Foxglove Pharma", "foxglovepharma.com", "biotech"),
    ("Keystone Robotics", "keystonerobotics.com", "robotics"),
    ("Silverline Telecom", "silverline.net", "telecom"),
    ("Tessellate Labs", "tessellate.dev", "software"),
    ("Windrose Aerospace", "windrose.aero", "aerospace"),
    ("Cobalt Commerce", "cobaltcommerce.com", "retail"),
    ("Hearth Home Care", "hearthcare.org", "healthcare"),
    ("Nova Grid", "novagrid.energy", "climate"),
    ("Pinecrest Partners", "pinecrest.partners", "consulting"),
]

TITLES: dict[str, tuple[str, ...]] = {
    "engineering": (
        "Software Engineer",
        "Senior Software Engineer",
        "Staff Engineer",
        "Engineering Manager",
        "Site Reliability Engineer",
        "Backend Engineer",
        "Frontend Developer",
        "Principal Engineer",
        "Director of Engineering",
    ),
    "data": (
        "Data Scientist",
        "Data Analyst",
        "Machine Learning Engineer",
        "Analytics Lead",
        "Research Scientist",
    ),
    "product": ("Product Manager", "Senior Product Manager", "Head of Product", "Technical Program Manager"),
    "design": ("Product Designer", "UX Researcher", "Design Lead", "Content Designer"),
    "people": ("Technical Recruiter", "Talent Partner", "University Recruiter", "People Operations Manager"),
    "business": (
        "Account Executive",
        "Marketing Manager",
        "Operations Analyst",
        "Business Development Lead",
        "Financial Analyst",
        "Consultant",
        "Policy Advisor",
        "Founder",
        "Chief of Staff",
    ),
    "academic": ("Professor", "Career Advisor", "PhD Candidate", "Lab Manager"),
}

CITIES = (
    "Boston",
    "Austin",
    "Toronto",
    "Berlin",
    "London",
    "Chicago",
    "Seattle",
    "Lagos",
    "Bangalore",
    "São Paulo",
    "Singapore",
    "Denver",
    "New York",
    "San Francisco",
    "Nairobi",
    "Madrid",
    "Dublin",
    "Melbourne",
    "Atlanta",
    "Remote",
)

#: (event name pattern, how met). ``{year}`` is the year of the meeting.
EVENTS: list[tuple[str, str]] = [
    ("Fall Career Fair {year}", "career fair"),
    ("Spring Career Fair {year}", "career fair"),
    ("PyCon US {year}", "conference"),
    ("Alumni Mixer {city}", "alumni event"),
    ("Women in Tech Meetup", "meetup"),
    ("Data Science Meetup {city}", "meetup"),
    ("Product Managers Breakfast", "meetup"),
    ("Climate Tech Summit {year}", "conference"),
    ("Hack the Harbor {year}", "hackathon"),
    ("Design Systems Night", "meetup"),
    ("Open Source Sprint", "meetup"),
    ("Graduate School Info Session", "info session"),
    ("Employer Panel: Careers in Data", "panel"),
    ("Startup Pitch Night", "meetup"),
    ("Regional Engineering Conference {year}", "conference"),
]

OTHER_WAYS = (
    "LinkedIn message",
    "former colleague",
    "classmate",
    "cold email",
    "informational interview request",
    "volunteering",
    "neighbour",
    "online course",
)

TAGS = (
    "python",
    "design",
    "fintech",
    "hiring",
    "mentor",
    "climate",
    "ml",
    "product",
    "remote",
    "alumni",
    "recruiter",
    "referral",
    "data",
    "security",
    "healthcare",
    "startup",
    "nonprofit",
    "ux",
    "devrel",
    "gov",
    "research",
    "edtech",
    "frontend",
    "backend",
    "cloud",
    "speaker",
    "writer",
    "open-source",
    "career-changer",
    "bootcamp",
)

NEEDS = (
    "a designer for a side project",
    "two backend engineers for the payments team",
    "speakers for the spring meetup",
    "beta testers for a new mobile app",
    "an intro to someone in climate policy",
    "advice on moving into product management",
    "volunteers for a coding workshop",
    "a co-founder with sales experience",
    "feedback on a conference talk",
    "a data analyst for a three-month contract",
    "mentors for the alumni programme",
    "a referral at a healthcare company",
    "help reviewing a grant application",
    "an apartment in Berlin next spring",
    "recommendations for a UX research course",
    "contacts in the Toronto startup scene",
    "reviewers for an open-source library",
    "a part-time tutor for statistics",
)

TOPICS = (
    "the move from consulting into tech",
    "how their team runs design reviews",
    "what a typical week looks like",
    "breaking into data science without a PhD",
    "the hiring timeline for new graduates",
    "remote work and time zones",
    "their path from bootcamp to senior engineer",
    "climate tech funding this year",
    "what makes a strong portfolio",
    "how product and engineering split decisions",
    "the on-call rotation and burnout",
    "mentoring junior colleagues",
    "public sector technology projects",
    "negotiating a first offer",
    "graduate school versus industry experience",
    "their favourite Python tooling",
    "building accessible interfaces",
    "moving to a new city for work",
    "the reorg at their company",
    "writing and speaking at conferences",
    "how they prepare for system design interviews",
    "startups versus big companies",
)

ADVICE = (
    "Lead the resume with projects, not coursework.",
    "Ask for a referral only after a real conversation.",
    "Follow the team's engineering blog before applying.",
    "Cut the resume to one page.",
    "Practise the two-minute version of your story.",
    "Talk to someone on the support team too.",
    "Apply in the first week the role is posted.",
    "Show one project in depth rather than five briefly.",
    "Quantify the impact of each bullet on the resume.",
    "Join the community Slack and answer questions.",
)

NOTE_BITS = (
    "Grew up in {city}; happy to talk about relocating.",
    "Prefers email to calls.",
    "Has two kids and coaches youth football.",
    "Runs a small newsletter on {topic}.",
    "Was a teacher before switching careers.",
    "Plays in a jazz trio on weekends.",
    "Very generous with introductions.",
    "Studying for a part-time MBA.",
    "Recently moved from {city}.",
    "Interested in {topic}.",
    "Mentioned a book on negotiation worth reading.",
    "Goes to most local Python meetups.",
    "Speaks four languages.",
    "Said to ping her again after the spring hiring freeze.",
)

#: Interaction kind -> (weight, summary patterns).
KINDS: dict[str, tuple[int, tuple[str, ...]]] = {
    "email": (
        26,
        (
            "Sent a note about {topic}.",
            "Shared an article on {topic}.",
            "Asked about openings on their team.",
            "Congratulated them on the new role.",
            "Sent my updated resume.",
            "Followed up on {topic}.",
        ),
    ),
    "message": (
        18,
        (
            "Quick LinkedIn message about {topic}.",
            "Said hello after seeing their post.",
            "Asked if they had time for a call.",
            "Shared a job posting they might like.",
        ),
    ),
    "coffee": (10, ("Coffee: talked about {topic}.", "Coffee near their office; {topic}.")),
    "call": (10, ("Call about {topic}.", "Phone catch-up; {topic}.")),
    "meeting": (8, ("Met at their office; {topic}.", "Lunch: {topic}.")),
    "informational interview": (
        7,
        ("Informational interview: {topic}.", "Asked about {topic} and their career path."),
    ),
    "event": (7, ("Saw them at {event}.", "Ran into them at {event}.")),
    "note": (6, ("They mentioned {topic}.", "Heard from a friend they are hiring.")),
    "thank-you": (4, ("Thanked them for the time and the advice.", "Thank-you note after our conversation.")),
    "update": (
        3,
        (
            "Told them about my job interviews.",
            "Shared news of my new role.",
            "Updated them on how the referral went.",
        ),
    ),
}

REMINDERS = (
    "Ask about the referral",
    "Send the article on {topic}",
    "Check in after their launch",
    "Congratulate them on the promotion",
    "Ask how the move went",
    "Share my portfolio link",
    "Invite them to the alumni mixer",
)

COMMITMENTS_MINE = (
    "Send them my updated resume",
    "Introduce them to a designer I know",
    "Share the notes from the talk",
    "Read the book they recommended",
    "Apply to the role they mentioned",
)
COMMITMENTS_THEIRS = (
    "Introduce me to their hiring manager",
    "Send the team's interview guide",
    "Forward my resume to the recruiter",
    "Share the list of meetups",
)

REFLECTION_NOTES = (
    "They want to hear back after my next interview.",
    "Less hands-on than I expected; more planning and people.",
    "Gave me three names to contact.",
    "I talked too much about myself.",
    "The field sounds more stable than I thought.",
    "Should prepare sharper questions next time.",
)

THANK_YOU = (
    "Hi {given},\n\nThank you for taking the time to talk with me on {day}. "
    "What you said about {topic} gave me a lot to think about, and I have already "
    "started acting on your advice.\n\nI will let you know how things go.\n\n"
    "With thanks,"
)
