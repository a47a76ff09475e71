"""Word lists the attribution rules use: reporting cues, source nouns, titles, names.

Plain frozensets so membership tests are O(1); everything is lower-case.
"""
from __future__ import annotations

import json
from pathlib import Path


def _forms(*groups: str) -> dict[str, str]:
    """{'said': 'say', ...} from 'say says said saying' style groups (first word is the lemma)."""
    out: dict[str, str] = {}
    for g in groups:
        words = g.split()
        for w in words:
            out[w] = words[0]
    return out


# Reporting verbs a reporter uses to credit a statement to a source.
CUE_VERBS = _forms(
    "say says said saying",
    "tell tells told telling",
    "add adds added adding",
    "state states stated stating",
    "announce announces announced announcing",
    "claim claims claimed claiming",
    "report reports reported reporting",
    "estimate estimates estimated estimating",
    "warn warns warned warning",
    "accuse accuses accused accusing",
    "call calls called calling",
    "describe describes described describing",
    "insist insists insisted insisting",
    "deny denies denied denying",
    "confirm confirms confirmed confirming",
    "argue argues argued arguing",
    "note notes noted noting",
    "explain explains explained explaining",
    "write writes wrote written writing",
    "tweet tweets tweeted tweeting",
    "assert asserts asserted asserting",
    "acknowledge acknowledges acknowledged acknowledging",
    "admit admits admitted admitting",
    "observe observes observed observing",
    "comment comments commented commenting",
    "suggest suggests suggested suggesting",
    "predict predicts predicted predicting",
    "reply replies replied replying",
    "respond responds responded responding",
    "ask asks asked asking",
    "allege alleges alleged alleging",
    "declare declares declared declaring",
    "stress stresses stressed stressing",
    "emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising",
    "concede concedes conceded conceding",
    "maintain maintains maintained maintaining",
    "contend contends contended contending",
    "complain complains complained complaining",
    "criticize criticizes criticized criticizing criticise criticises criticised criticising",
    "urge urges urged urging",
    "promise promises promised promising",
    "vow vows vowed vowing",
    "pledge pledges pledged pledging",
    "threaten threatens threatened threatening",
    "conclude concludes concluded concluding",
    "reveal reveals revealed revealing",
    "disclose discloses disclosed disclosing",
    "recall recalls recalled recalling",
    "mention mentions mentioned mentioning",
    "testify testifies testified testifying",
    "charge charges charged charging",
    "characterize characterizes characterized characterizing characterise characterises characterised",
    "dub dubs dubbed dubbing",
    "theorize theorizes theorized theorizing theorise theorised",
    "blame blames blamed blaming",
    "continue continues continued",
    "remark remarks remarked",
    "point points pointed",
    "counter counters countered",
    "quip quips quipped",
    "joke jokes joked",
    "boast boasts boasted",
    "caution cautions cautioned",
    "recount recounts recounted",
    "repeat repeats repeated",
    "reiterate reiterates reiterated",
    "agree agrees agreed",
    "announce",
    "find finds found",
    "show shows showed shown",
    "indicate indicates indicated",
    "conclude",
    "calculate calculates calculated",
    "project projects projected",
    "forecast forecasts forecasted",
    "rate rates rated",
    "believe believes believed",
    "recommend recommends recommended",
    "cite cites cited citing",
    "reason reasons reasoned",
    "read reads",
    "clarify clarifies clarified clarifying",
    "appeal appeals appealed appealing",
    "encourage encourages encouraged encouraging",
    "justify justifies justified justifying",
    "express expresses expressed expressing",
    "voice voices voiced voicing",
    "give gives gave giving",
    "advise advises advised advising",
    "expect expects expected expecting",
    "dismiss dismisses dismissed dismissing",
)

# Cues that are ordinary verbs as often as reporting ones ("maintained a policy",
# "called the police"): a sentence takes one of them only when it has no stronger cue.
WEAK_CUES = frozenset(
    "maintain call describe continue agree believe think feel hope fear expect charge blame point "
    "counter repeat rate project forecast show find indicate conclude mention recall promise vow "
    "pledge threaten urge criticize complain predict suggest reason cite read recommend appeal encourage justify "
    "express voice advise".split()
)
# Cues that credit a document or a study ("the study found") but are ordinary verbs for
# people and things ("police found a body"): they need a document as their source.
DOCUMENT_CUES = frozenset(
    "find show indicate calculate project forecast rate read".split()
)
# Cues of belief: sources only when the subject is a named person or a generic source
# ("analysts believe"), never with "it".
BELIEF_CUES = frozenset("believe think feel hope fear expect agree".split())
# Cues that need a particle to be reporting ("pointed out", "called for").
PARTICLE_CUES = {"point": {"out"}}
# Objects that make "call" convening, not describing: "called the 48-hour strike", "called
# a snap election", "called police"
CONVENED = frozenset("strike strikes election elections meeting meetings vote referendum halt truce ceasefire "
                     "conference session summit protest protests walkout boycott police ambulance emergency "
                     "inquiry hearing recess timeout time-out helpline hotline".split())
# Objects that make "charge" a legal act, not a statement: "charged four men", "charged him"
# Objects that make "declare" an act: "declared a quarterly dividend", "declared a state of emergency"
DECLARED = frozenset("dividend dividends emergency holiday winner curfew disaster".split())
CHARGED = frozenset("him her them man woman men women person people teenager teenagers youth boy girl suspect "
                    "suspects driver officer anyone anybody nobody".split())
# Objects that make "admit" a plea, not a statement: "admitted 14 counts of fraud"
ADMITTED = frozenset("count counts charge charges offence offences offense offenses fraud theft manslaughter "
                     "murder assault burglary robbery bribery negligence".split())
# Cues that report only when a statement follows them ("encouraged 20 players to train"
# is no statement; "appealed: 'stay home'" and "justified that..." are)
CLAUSE_CUES = frozenset("appeal encourage justify".split())
# Cues that report only with one of these objects: "expressed concern that", "voiced its hope"
OBJECT_CUES = {"express": frozenset("concern concerns hope hopes fear fears regret doubt doubts confidence optimism "
                                    "alarm dismay disappointment frustration surprise support".split()),
               "voice": frozenset("concern concerns hope hopes fear fears doubt doubts support opposition "
                                  "frustration".split()),
               # "gave a count of 116 injured", "gave a figure of £2m": a figure stated
               "give": frozenset("count figure figures toll estimate estimates tally breakdown total".split())}
# Nouns that are also verb forms: a cue only when a subject stands right before them.
NOUN_LIKE = frozenset(
    "reports claims states calls notes estimates shows finds charges comments remarks counters reasons reads cites "
    "promises pledges threatens fears hopes points rates projects forecasts repeats".split()
)
# Verbs that can stand after their quotation with the subject after them: '"...," said X'.
INVERTIBLE = frozenset(
    "say add write ask explain note continue recall reply respond tell insist argue "
    "declare announce warn observe remark quip joke counter concede admit acknowledge "
    "tweet state comment conclude suggest stress emphasize recount reiterate report".split()
)

# Auxiliaries and adverbs that belong to the cue as written ("has said", "also told").
AUX = frozenset(
    "has have had will would could can may might should shall must did does do "
    "is was are were be been being 's".split()
)
BE = frozenset("is was are were be been being".split())
NEG = frozenset("not never n't".split())
CUE_ADVERBS = frozenset(
    "also later previously recently often repeatedly then earlier now still publicly "
    "reportedly allegedly once further separately similarly frequently privately openly "
    "first initially subsequently again already explicitly bluntly flatly angrily simply "
    "quickly immediately formally officially proudly strongly correctly rightly wrongly "
    "falsely even just only long since always never not n't".split()
)
# Time words that may sit between a subject and its cue ("Smith on Tuesday said").
TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
    "on last this week month year morning afternoon evening night earlier late early".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)

PRONOUNS = {
    "he": "m", "she": "f", "it": "n", "they": "p",
}
# possessives and object pronouns that stand for a source: "Her message was blunt:", "according to him"
AS_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they", "him": "he", "them": "they"}
OTHER_PRONOUNS = frozenset("i we you me us him her them who which that this these those".split())

DETERMINERS = frozenset(
    "the a an one another some many several most few two three four five six seven eight nine ten "
    "other both all each every any its his her their our your my this that these those such no "
    "dozens hundreds thousands numerous various multiple".split()
)

# Words that never start or continue a source noun phrase.
STOPWORDS = frozenset(
    "and or but nor so yet if then than as when while where whereas because since though although "
    "after before until unless that which who whom whose what why how there here to of in on at by for "
    "with from into onto about over under between against through during without within upon across "
    "is was are were be been being has have had do does did will would could can may might should "
    "shall must not no it he she they we i you him her them us me his its their our my your this "
    "these those also however meanwhile moreover furthermore instead indeed yes thus hence still "
    "just even only very more less much already again now later too well perhaps maybe "
    "said says say told added noted".split()
)

# Heads of common noun phrases that can be a source ("officials", "the study").
SOURCE_NOUNS = frozenset(
    """
    assessment evaluation analyses calculations projections forecasts modelling modeling bulletins notices papers
    opposition tribunal tribunals inspectorate ombudsman hall official officials spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen
    councillor councillors councilor councilors
    representative representatives source sources analyst analysts expert experts critic critics
    resident residents witness witnesses observer observers researcher researchers scientist
    scientists author authors authority authorities police government governments administration
    campaign company companies firm firms agency ministry department office court judge judges jury
    prosecutor prosecutors lawyer lawyers attorney attorneys minister ministers secretary president
    leader leaders chief director manager chairman chairwoman chair member members commission
    committee council board panel group groups union organisation organization organizers
    organisers party parties family families friend friends colleague colleagues aide aides adviser
    advisers advisor advisors staff staffer staffers employee employees worker workers doctor
    doctors nurse nurses teacher teachers student students parent parents mother father wife
    husband son daughter brother sister man woman men women people person activist activists
    widow widower grandson granddaughter grandmother grandfather grandparents nephew niece cousin uncle
    aunt fiance fiancee stepfather stepmother sibling siblings
    shepherd shepherds chef chefs guide guides priest priests imam imams midwife midwives landlord landlords
    landlady vet vets cook cooks clerk clerks nun nuns monk monks mechanic mechanics pastor rabbi bishop vicar
    cleric clerics pilot pilots surgeon surgeons pharmacist baker butcher pupil pupils
    notice bulletin advisory guidance briefing forecast ruling judgment judgement minutes transcript
    manifesto prospectus tally dossier
    coastguard coastguards militia junta regime presidency brigade utility prosecution defence defense
    legislature municipality treasury diocese laboratory museum guild chamber broadcaster supermarket
    city county giant maker chain delegation delegations negotiator negotiators mediator mediators caucus faction bloc
    supporter supporters opponent opponents protester protesters protestors demonstrators voter voters
    relative relatives locals plaintiff plaintiffs veteran veterans academic academics boss bosses guest guests delegate delegates
    inmate inmates hostage hostages youth youths graduate graduates architect architects magistrate magistrates
    marshal marshals deputy deputies captain captains athlete athletes umpire umpires jockey jockeys
    lawmaker lawmakers legislator legislators senator senators congressman congresswoman governor
    mayor candidate candidates nominee democrats republicans economist economists strategist
    strategists pollster pollsters commentator commentators columnist columnists reporter reporters
    journalist journalists editor editors correspondent host anchor newspaper paper magazine
    journal network station outlet website site blog post posting poster posts message letter
    statement release report reports study studies survey surveys poll polls research analysis
    data figures census review audit investigation inquiry document documents memo filing filings accounts complaint
    lawsuit ruling indictment paper article book estimate estimates findings model forecast
    charity hospital university school college institute army military troops forces navy rebels
    militants insurgents fighters soldiers soldier commander commanders general officer officers
    diplomat diplomats envoy ambassador ministry insiders individuals someone others many several
    fans owners owner founder cofounder co-founder ceo executive executives investor investors
    bank banks regulator regulators inspector inspectors investigators investigator coach player
    players team spokesmen citizens villagers locals survivors victims relatives neighbours neighbors
    correspondents producers producer manufacturer retailer user users customers clients patients
    engineers engineer developers developer historian historians professor professors academics
    scholar scholars authors writer writers blogger bloggers media speaker speakers attendee
    attendees participant participants organiser organizer results
    policeman policemen policewoman policewomen fireman firemen firefighter firefighters passenger passengers
    driver drivers farmer farmers shopkeeper shopkeepers trader traders fisherman fishermen pilot pilots guard
    guards medic medics paramedic paramedics rescuer rescuers volunteer volunteers refugee refugees migrant
    migrants tourist tourists eyewitness eyewitnesses bystander bystanders child children pupil pupils
    villager local survivor victim neighbour neighbor citizen shopper shoppers commuter commuters
    businessman businessmen businesswoman businesswomen entrepreneur entrepreneurs commissioner commissioners
    narrator announcer presenter clip video videos ad ads advert advertisement slide slides sign banner
    sheriff sheriffs coroner coroners detective detectives trooper troopers constable constables warden
    wardens principal superintendent dean chancellor premier treasurer auditor auditors ranger rangers
    meteorologist meteorologists forecaster forecasters seismologist seismologists physician physicians
    surgeon surgeons pharmacist pharmacists epidemiologist epidemiologists
    airline airlines carrier carriers broker brokers insurer insurers lender lenders petition petitions
    """.split()
)
# Document sources: subjects that can "find" or "show".
DOCUMENT_NOUNS = frozenset(
    """
    study studies survey surveys poll polls research report reports analysis analyses data figures calculations
    modelling modeling
    census review audit investigation inquiry paper papers findings statistics estimate estimates
    model models test tests trial trials experiment experiments assessment evaluation document
    documents records record researchers scientists authors index results statement letter memo
    website site post posting message release petition petitions accounts filing filings
    notice notices bulletin bulletins advisory guidance briefing forecast forecasts projections ruling
    judgment judgement minutes transcript manifesto prospectus tally dossier plan blueprint
    """.split()
)

# Lower-case role words that can stand before a name ("press secretary Jen Psaki").
ROLE_NOUNS = frozenset(
    """
    secretary spokesman spokeswoman spokesperson chief minister president director official
    adviser advisor analyst professor prosecutor attorney senator governor mayor leader chairman
    chairwoman chair executive candidate nominee member coach founder co-founder cofounder creator
    lawyer judge manager commissioner ambassador economist researcher scientist author editor
    correspondent reporter columnist host expert strategist aide general head captain commander
    officer representative rep. sen. gov. congressman congresswoman speaker activist student
    teacher doctor physician surgeon nurse writer blogger poster father mother son daughter wife
    husband brother sister pastor priest bishop rabbi imam cardinal deputy vice assistant
    counsel partner owner ceo cfo coo chancellor premier king queen prince princess emperor
    dictator general colonel lieutenant sergeant major admiral inspector detective investigator
    superintendent principal dean provost historian pollster consultant director-general
    secretary-general boss actor actress musician singer star player striker midfielder defender
    goalkeeper manager referee anchor journalist photographer filmmaker producer artist
    councillor councilor councilman councilwoman alderman alderwoman lawmaker legislator mp mep
    assemblyman assemblywoman magistrate constable sheriff coroner registrar ombudsman trustee
    climatologist demographer hydrologist meteorologist seismologist epidemiologist virologist
    geologist archaeologist glaciologist oceanographer volcanologist criminologist sociologist
    psychologist biologist ecologist toxicologist cardiologist oncologist pathologist radiologist
    neurologist zoologist anthropologist physicist chemist astronomer botanist entomologist
    ornithologist palaeontologist paleontologist agronomist statistician nutritionist pharmacist
    engineer architect veterinarian
    """.split()
)

# Title words that a canonical person name drops ("President Joe Biden" -> "Joe Biden").
TITLES = frozenset(
    """
    president vice secretary minister prime senator sen. sen rep. rep representative gov. gov
    governor mayor judge justice chairman chairwoman chief director ambassador professor prof.
    prof dr. dr mr. mr mrs. mrs ms. ms miss general gen. gen col. col colonel major maj. captain
    capt. lt. lt lieutenant sgt. sergeant admiral adm. commander spokesman spokeswoman speaker
    leader candidate nominee king queen prince princess pope rev. rev reverend father sister
    bishop cardinal archbishop sheikh chancellor premier deputy attorney commissioner inspector
    councillor councilor councilman councilwoman alderman alderwoman assemblyman assemblywoman
    sheriff constable
    detective superintendent coach sir dame lord lady press state foreign defense defence
    interior home finance health justice education treasury homeland security former acting
    interim then-president u.s. us russian american british french german chinese ukrainian
    afghan australian canadian indian israeli iranian iraqi syrian turkish japanese korean
    north south east west new democratic republican labour conservative liberal senior
    executive ceo founder co-founder creator team member federal national
    """.split()
)

# Letters after a person's name (honours, the bar, parliament, degrees): no part of the name,
# and no sign of a body ("Giles de Courcy KC" is a person, where "NATO" is a body).
POSTNOMINALS = frozenset("KC QC SC MP MEP MSP TD OBE MBE CBE KBE DBE Jr Sr PhD MD".split())

# A company's trade written before its name, as wire copy does ("Carmaker Volstad said",
# "Drugmaker Novaxis"): a description, not part of the name. (Not "carrier" or "utility",
# which begin real companies' names.)
TRADE_DESCRIPTORS = frozenset(
    """
    carmaker automaker chipmaker drugmaker planemaker steelmaker toymaker phonemaker shipbuilder
    housebuilder homebuilder insurer reinsurer retailer e-tailer lender miner brewer distiller
    airline grocer supermarket conglomerate broadcaster refiner manufacturer
    """.split()
)

# Title words that only qualify (a nationality, a place, a party, a field): before a single
# word they are part of a body's name, not a person's title ("National Grid", "British Airways",
# "Federal Express"), where "President Macron" keeps its title.
QUALIFIER_TITLES = frozenset(
    """
    press state foreign defense defence interior home finance health education treasury homeland
    security u.s. us russian american british french german chinese ukrainian afghan australian
    canadian indian israeli iranian iraqi syrian turkish japanese korean north south east west new
    democratic republican labour conservative liberal federal national
    """.split()
)


# Capitalised words that are not names when they open a sentence or a phrase.
CAP_STOP = frozenset(
    """
    the a an and but or so yet if then when while as after before since because although though
    in on at by for with from to of into about over under between during without also however
    meanwhile moreover furthermore instead indeed yes no thus still there here this that these
    those it he she they we i you his her its their our my your what why how who which where
    according asked speaking earlier later last next first today yesterday tonight
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    mr mrs ms dr
    """.split()
)

# Heads that mark an organisation rather than a person.
ORG_WORDS = frozenset(
    """
    house department ministry office agency council committee commission party court church
    university college school institute institution foundation association union league
    federation organisation organization corporation corp corp. inc inc. ltd ltd. llc co co.
    company group bank news times post journal herald tribune telegraph guardian press network
    broadcasting radio television tv service services police force forces army navy
    government administration campaign board bureau authority center centre society club team
    fund trust hospital clinic parliament senate congress assembly cabinet kremlin pentagon
    secretariat embassy consulate mission nations org magazine wiki microsoft google apple
    facebook twitter amazon reuters afp ap bbc cnn nbc abc cbs fox msnbc politifact study report
    survey census world weekly daily network agency department alliance coalition initiative
    partnership consortium taskforce observatory watchdog regulator operator provider producer
    manufacturer insurer lender retailer developer supplier exporter importer carrier
    museum library gallery laboratory academy archive archives zoo orchestra
    """.split()
)

# the trades a company's name ends in: "Kardex Energy", "Halden Pharma", "Nordvik Steel" are
# companies, not people, and "the company" may be one of them (not "Capital", "Partners":
# the analysts' and investors' firms quoted about the company)
COMPANY_TRADES = frozenset(
    """
    industries motors airlines airways air aviation technologies systems energy power oil petroleum
    gas mining minerals resources steel metals chemicals pharma pharmaceuticals therapeutics biotech
    labs laboratories foods brands retail stores logistics shipping freight software solutions
    electronics telecom communications media entertainment studios networks properties homes
    construction engineering automotive kitchen kitchens bakery bakeries dairy dairies farms brewery
    breweries distillers beverages drinks textiles apparel furniture cement packaging plastics rail
    railways
    """.split()
)

COUNTRIES = frozenset(
    """
    afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh
    belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china
    colombia congo croatia cuba cyprus czechia denmark egypt england eritrea estonia ethiopia
    finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india
    indonesia iran iraq ireland israel italy japan jordan kazakhstan kenya korea kosovo kuwait
    laos latvia lebanon libya lithuania malaysia mali mexico moldova mongolia montenegro morocco
    myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda scotland serbia
    singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan
    tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela
    vietnam wales yemen zambia zimbabwe moscow washington beijing kyiv kiev tehran pyongyang
    seoul tokyo london paris berlin brussels nato un eu
    """.split()
)

# Common first names, for a cheap guess at a person's gender.
FEMALE_NAMES = frozenset(
 """
 mary patricia jennifer jen linda elizabeth barbara susan jessica sarah karen nancy lisa betty
 margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
 stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
 nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
 heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith
 megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice
 jean alice madison doris abigail julia judy grace denise amber marilyn beverly danielle
 theresa sophia marie diana brittany natalie isabella charlotte rose alexis kayla hillary
 theresa angela nicola sylvia elizabeth kamala nancy
 condoleezza madeleine michele jill melania ivanka chelsea huma kellyanne hope sheryl marissa
 oprah beyonce taylor greta jacinda ursula christine federica angela yulia svetlana natalia
 olga irina tatiana elena anastasia marine segolene theresa nicola priti liz ruth sonia indira
 benazir aung fatima aisha layla leila nadia yasmin zainab malala loretta janet susan
 samantha nikki sarah tulsi elizabeth amy kirsten dianne barbara lisa patty maxine ilhan
 alexandria rashida ayanna deb jeanne mazie tammy debbie kate katie kathy sue ellen jane
 """.split()
)
MALE_NAMES = frozenset(
 """
 james john robert michael william david richard joseph thomas charles christopher daniel
 matthew anthony antony mark donald steven steve paul andrew joshua kenneth kevin brian george
 timothy ronald edward jason jeffrey jeff ryan jacob gary nicholas eric jonathan stephen larry
 justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
 jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
 christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan
 bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent
 ralph eugene russell bobby mason philip louis barack bill ahmed
 mohamed muhammad mohammed marc mark tom jens vladimir sergei dmitry boris emmanuel francois
 nicolas jacques angelo matteo silvio giuseppe recep bashar hassan ali omar osama ayman
 kim xi hu jiang shinzo narendra imran nawaz benjamin bibi ehud ariel yitzhak mahmoud yasser
 tony gordon david nigel jeremy keir rishi theresa justin stephen pierre jean hugo fidel raul
 mike mitch chuck nancy ted marco rand newt jeb rudy chris rick ben lindsey orrin harry
 dick colin condoleezza rex hope kellyanne reince steve sean anthony kevin paul jim tim cory
 bernie beto pete joe hunter beau kirk jason daniel jeff tom marc
 """.split()
)
FEMALE_ROLES = frozenset(
    "mrs mrs. ms ms. miss spokeswoman chairwoman congresswoman businesswoman woman mother wife "
    "daughter sister actress queen princess lady dame girl grandmother aunt niece widow granddaughter".split()
)
MALE_ROLES = frozenset(
    "mr mr. spokesman chairman congressman businessman man father husband son brother actor king "
    "prince lord sir boy grandfather uncle nephew widower grandson".split()
)

MALE_NAMES = MALE_NAMES - FEMALE_NAMES
# the larger international lists in first_names.json (predominantly one gender, no everyday
# English words), on top of the hand-kept ones above
_MORE_NAMES = json.loads((Path(__file__).with_name("first_names.json")).read_text(encoding="utf-8"))
FEMALE_NAMES = FEMALE_NAMES | (frozenset(_MORE_NAMES["female"]) - MALE_NAMES)
MALE_NAMES = MALE_NAMES | (frozenset(_MORE_NAMES["male"]) - FEMALE_NAMES)
