import type { ORGANISATION_CATEGORIES, PROJECT_CATEGORIES } from '../model/graph-model.js';
import type { Random } from './random.js';

/**
 * Names that read like the reports' names: London places, NHS and council bodies, charities,
 * programmes, projects, people. Sorting and search are tested on them, so they vary in their first
 * words, carry aliases (abbreviations, short forms), and some have letters beyond ASCII (é, ë, ’).
 */

export interface Named {
  readonly name: string;
  readonly aliases: readonly string[];
}

type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];
type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

const PLACES = [
  'Barking and Dagenham',
  'Barnet',
  'Bexley',
  'Brent',
  'Bromley',
  'Camden',
  'Croydon',
  'Ealing',
  'Enfield',
  'Greenwich',
  'Hackney',
  'Hammersmith and Fulham',
  'Haringey',
  'Harrow',
  'Havering',
  'Hillingdon',
  'Hounslow',
  'Islington',
  'Kensington and Chelsea',
  'Kingston upon Thames',
  'Lambeth',
  'Lewisham',
  'Merton',
  'Newham',
  'Redbridge',
  'Richmond upon Thames',
  'Southwark',
  'Sutton',
  'Tower Hamlets',
  'Waltham Forest',
  'Wandsworth',
  'Westminster',
  'City of London',
  'North Central London',
  'North East London',
  'North West London',
  'South East London',
  'South West London',
  'Bromley-by-Bow',
  'King’s Cross',
  'Shepherd’s Bush',
  'Earl’s Court',
  'St John’s Wood',
  'Crouch End',
  'Stoke Newington',
  'Elephant and Castle',
  'Canary Wharf',
  'Walthamstow',
  'Peckham',
  'Brixton',
  'Tottenham',
  'Wembley',
  'Stratford',
  'Deptford',
  'Woolwich',
  'Acton',
  'Dalston',
  'Bow',
  'Poplar',
  'Southall',
  'Edmonton',
];

const TOPICS = [
  'Mental Health',
  'Urgent and Emergency Care',
  'Cancer',
  'Children and Young People’s Health',
  'Prevention',
  'Digital Health',
  'Primary Care',
  'Homeless Health',
  'Estates',
  'Workforce',
  'Personalisation and Participation',
  'Dementia',
  'Diabetes',
  'Maternity',
  'End of Life Care',
  'Social Prescribing',
  'Air Quality',
  'Healthy Weight',
  'Tobacco Control',
  'Suicide Prevention',
  'Sexual Health',
  'Falls Prevention',
  'Carers',
  'Learning Disabilities',
  'Frailty',
  'Respiratory Health',
  'Cardiovascular Disease',
  'Oral Health',
  'Healthy Schools',
  'Physical Activity',
  'Self-care',
  'Perinatal Mental Health',
  'Long-term Conditions',
  'Musculoskeletal Health',
  'Stroke',
  'Asthma',
  'Pharmacy',
  'Population Health',
  'Health Inequalities',
  'Community Services',
  'Sickle Cell',
  'Neonatal Care',
  'Eye Health',
  'Wellbeing at Work',
  'Crisis Care',
  'Loneliness',
  'Alcohol Harm',
];

const ADJECTIVES = [
  'Healthy',
  'Better',
  'Connected',
  'Bright',
  'Open',
  'Safe',
  'Thriving',
  'Active',
  'Green',
  'Strong',
  'Calm',
  'Clear',
  'Kind',
  'Bold',
  'Shared',
  'Joined-up',
  'Resilient',
  'Inclusive',
  'Caring',
  'Vital',
];

const NOUNS = [
  'Minds',
  'Futures',
  'Steps',
  'Lives',
  'Hearts',
  'Communities',
  'Neighbours',
  'Horizons',
  'Voices',
  'Pathways',
  'Bridges',
  'Roots',
  'Spaces',
  'Circles',
  'Streets',
  'Journeys',
  'Connections',
  'Starts',
];

/** Brand-like words of flagship projects and charities, a few with accents as real brands have. */
const BRANDS = [
  'Good Thinking',
  'Thrive',
  'Café Santé',
  'Bien-être',
  'Zest',
  'Kintsugi',
  'Noël',
  'Ensemble',
  'Mosaic',
  'Harbour',
  'Compass',
  'Lantern',
  'Beacon',
  'Kaleidoscope',
  'Anchor',
  'Tapestry',
  'Crème',
  'Fiesta',
  'Éclat',
  'Jubilee',
  'Meridian',
  'Orchard',
  'Riverside',
  'Solace',
  'Umbrella',
  'Wayfinder',
];

const FIRST_NAMES = [
  'Amara',
  'Ben',
  'Chloé',
  'Dev',
  'Eleanor',
  'Farah',
  'George',
  'Hélène',
  'Imran',
  'Jo',
  'Kwame',
  'Laura',
  'Mohammed',
  'Niamh',
  'Olu',
  'Priya',
  'Quentin',
  'Rosa',
  'Siobhán',
  'Tomás',
  'Uma',
  'Vikram',
  'Wendy',
  'Xavier',
  'Yasmin',
  'Zoë',
  'Aoife',
  'Björn',
  'Céline',
  'David',
  'Emma',
  'Fatima',
  'Grace',
  'Hamza',
  'Isla',
  'James',
  'Kate',
  'Liam',
  'Maya',
  'Nikhil',
  'Oliver',
  'Paul',
  'Renée',
  'Sarah',
  'Tariq',
  'Victoria',
  'William',
  'José',
  'Ana',
  'Michał',
  'Łucja',
  'Søren',
  'Anaïs',
  'Raphaël',
];

const SURNAMES = [
  'Adeyemi',
  'Brown',
  'Chaudhry',
  'Danielli',
  'Evans',
  'Fernández',
  'Green',
  'Hughes',
  'Iqbal',
  'Jones',
  'Khan',
  'Lewis',
  'Mensah',
  'Nguyen',
  'O’Connor',
  'Patel',
  'Quinn',
  'Robinson',
  'Smith',
  'Taylor',
  'Underwood',
  'Vaughan',
  'Williams',
  'Xu',
  'Young',
  'Zielińska',
  'Brontë',
  'Müller',
  'Núñez',
  'Dvořák',
  'Ó Briain',
  'D’Souza',
  'McKenzie',
  'Okafor',
  'Singh',
  'Ahmed',
  'Begum',
  'Campbell',
  'Davies',
  'Edwards',
  'Fraser',
  'Gordon',
  'Hall',
  'Irwin',
  'Jackson',
  'Kowalski',
  'Lambert',
  'Morris',
  'Nash',
  'Owen',
  'Price',
  'Reid',
  'Stewart',
  'Thomas',
  'Walker',
  'Wright',
  'Åberg',
  'Lefèvre',
  'Çelik',
  'Sørensen',
];

const GROUPS = [
  'older people',
  'children',
  'young people',
  'carers',
  'people who are homeless',
  'new mothers',
  'people with dementia',
  'people with learning disabilities',
  'rough sleepers',
  'people with diabetes',
  'Londoners',
  'NHS staff',
  'students',
  'people in crisis',
  'families',
  'veterans',
  'refugees',
];

const SERVICES = [
  'mental health support',
  'urgent care',
  'GP appointments',
  'cancer screening',
  'talking therapies',
  'community pharmacy',
  'social prescribing',
  'specialist care',
  'digital services',
  'maternity care',
];

const PERSON_TITLES = [
  'Programme Director',
  'Clinical Lead',
  'Chief Executive',
  'Senior Responsible Officer',
  'Chair',
  'Director of Public Health',
  'Head of Transformation',
  'Programme Manager',
  'Medical Director',
  'Chief Nurse',
  'Project Lead',
  'Deputy Mayor for Health',
  'Clinical Director',
  'Policy Adviser',
];

function pick<T>(random: Random, items: readonly T[]): T {
  return random.pick(items);
}

/**
 * The abbreviation the reports would use: the initials of the capitalised words, "and" and "of"
 * left out (North Central London Clinical Commissioning Group -> NCLCCG). Null when under two letters.
 */
export function initials(name: string): string | null {
  const letters = name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.normalize('NFD').charAt(0).toUpperCase())
    .join('');
  return letters.length >= 2 ? letters : null;
}

function withAliases(name: string, ...candidates: (string | null | undefined)[]): Named {
  const aliases: string[] = [];
  for (const alias of candidates)
    if (alias && alias !== name && !aliases.includes(alias) && alias.length <= 150) aliases.push(alias);
  return { name, aliases };
}

/** An organisation's name for its category, with an abbreviation or short form as alias now and then. */
export function organisationName(category: OrganisationCategory, random: Random): Named {
  const place = pick(random, PLACES);
  const topic = pick(random, TOPICS);
  const surname = pick(random, SURNAMES);
  const alias = random.chance(0.25);
  switch (category) {
    case 'ccg': {
      const name = `NHS ${place} Clinical Commissioning Group`;
      return withAliases(name, alias ? `${place} CCG` : null);
    }
    case 'council':
      return random.chance(0.5)
        ? withAliases(`London Borough of ${place}`, alias ? `LB ${place}` : null)
        : withAliases(`${place} Council`);
    case 'trust': {
      const kind = pick(random, [
        'Hospitals',
        'Healthcare',
        'Community Health',
        'Mental Health',
        'University Hospitals',
      ]);
      const name = `${place} ${kind} NHS ${random.chance(0.6) ? 'Foundation ' : ''}Trust`;
      return withAliases(name, alias ? initials(name) : null);
    }
    case 'primary_care':
      return random.chance(0.5)
        ? withAliases(`${place} GP Federation`)
        : withAliases(`The ${surname} Medical Practice`, alias ? `${surname} Practice` : null);
    case 'charity': {
      const name = pick(random, [
        `Mind in ${place}`,
        `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)} Trust`,
        `${pick(random, BRANDS)} Foundation`,
        `Friends of ${place} Hospital`,
        `${place} ${topic} Charity`,
        `${topic} UK`,
        `Age Concern ${place}`,
      ]);
      return withAliases(name, alias ? initials(name) : null);
    }
    case 'company':
      return random.chance(0.5)
        ? withAliases(`${surname} & ${pick(random, SURNAMES)} Ltd`)
        : withAliases(`${pick(random, BRANDS)} Health Ltd`, alias ? pick(random, BRANDS) : null);
    case 'university':
      return random.chance(0.5)
        ? withAliases(`University of ${place}`, alias ? initials(`University of ${place}`) : null)
        : withAliases(`${place} College London`);
    case 'network':
      return withAliases(`${place} ${topic} Network`, alias ? `${topic} Network` : null);
    case 'partnership':
      return withAliases(
        `${place} ${topic} Partnership`,
        alias ? initials(`${place} ${topic} Partnership`) : null,
      );
    case 'public_health':
      return withAliases(`${place} Public Health`);
    case 'emergency_service':
      return random.chance(0.5)
        ? withAliases(`${place} Fire and Rescue Service`)
        : withAliases(`${place} Ambulance Service`, alias ? initials(`${place} Ambulance Service`) : null);
    case 'stp_ics':
      return withAliases(`${place} Integrated Care System`, alias ? `${place} ICS` : null);
    case 'nhs_london':
      return withAliases(`NHS ${place} ${topic} Commissioning Hub`);
    case 'london_body':
      return withAliases(`London ${topic} Board`, alias ? initials(`London ${topic} Board`) : null);
    default:
      return withAliases(
        `${place} ${topic} ${pick(random, ['Forum', 'Alliance', 'Collaborative', 'Institute', 'Council'])}`,
      );
  }
}

/** A programme's name, as a report would head it. */
export function programmeName(random: Random): Named {
  const topic = pick(random, TOPICS);
  const suffix = pick(random, [
    'Transformation Programme',
    'Programme',
    'Improvement Programme',
    'Collaborative',
    'Alliance',
    'Strategy',
    'Initiative',
    'Partnership',
    '',
    '',
  ]);
  const place = random.chance(0.3) ? `${pick(random, PLACES)} ` : '';
  const name = `${place}${topic}${suffix ? ` ${suffix}` : ''}`;
  return withAliases(name, random.chance(0.2) ? initials(name) : random.chance(0.1) ? topic : null);
}

const PROJECT_WORDS: Readonly<Record<ProjectCategory, readonly string[]>> = {
  flagship: [''],
  campaign: ['campaign', 'awareness week', 'poster campaign'],
  digital_service: ['app', 'online hub', 'portal', 'chatbot', 'website'],
  pilot: ['pilot', 'test bed', 'trial'],
  toolkit: ['toolkit', 'resource pack'],
  guidance: ['guidance', 'commissioning guide', 'best practice guide'],
  service: ['service', 'clinic', 'hub'],
  network: ['network', 'community of practice'],
  training: ['e-learning', 'training programme', 'masterclass'],
  event: ['summit', 'conference', 'roadshow'],
  research: ['audit', 'evaluation', 'needs assessment'],
  standard: ['charter', 'standard', 'quality mark'],
  deliverable: ['deliverables', 'work programme', 'roll-out'],
  other: ['project', 'scheme'],
};

/** A project's or product's name for its category (flagships get a brand name). */
export function projectName(category: ProjectCategory, random: Random): Named {
  if (category === 'flagship') {
    const brand = pick(random, BRANDS);
    const name = random.chance(0.5)
      ? `${brand} ${pick(random, ['LDN', 'London', 'Together', 'Plus'])}`
      : `${brand} ${pick(random, NOUNS)}`;
    return withAliases(name, random.chance(0.3) ? brand : null);
  }
  const topic = pick(random, TOPICS);
  const word = pick(random, PROJECT_WORDS[category]);
  const lead = random.chance(0.4) ? `${pick(random, ADJECTIVES)} ${pick(random, NOUNS)}: ` : '';
  const where = random.chance(0.25) ? ` in ${pick(random, PLACES)}` : '';
  const name = `${lead}${topic} ${word}${where}`;
  return withAliases(name, random.chance(0.1) ? initials(name) : null);
}

/** An outcome, phrased as the reports phrase impacts. */
export function outcomeName(random: Random): Named {
  const group = pick(random, GROUPS);
  const service = pick(random, SERVICES);
  const name = pick(random, [
    `Fewer emergency admissions for ${group}`,
    `Better experience for ${group}`,
    `Reduced waiting times for ${service}`,
    `More ${group} supported at home`,
    `Improved access to ${service}`,
    `Fewer suicides among ${group}`,
    `Earlier diagnosis for ${group}`,
    `Lower spending on ${service}`,
    `Healthier lives for ${group}`,
  ]);
  return withAliases(name, random.chance(0.05) ? name.replace(/^(\S+ \S+).*/, '$1') : null);
}

/** A person's name and title; now and then an alias such as "Dr Patel". */
export function personName(random: Random): Named & { readonly title: string } {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, SURNAMES);
  const name = random.chance(0.1) ? `${first} ${pick(random, SURNAMES)}-${last}` : `${first} ${last}`;
  const alias = random.chance(0.15) ? `${pick(random, ['Dr', 'Professor', 'Dame', 'Sir'])} ${last}` : null;
  return { ...withAliases(name, alias), title: pick(random, PERSON_TITLES) };
}

/** A role as stated for a person who leads, or works for, something. */
export function personRole(random: Random): string {
  return pick(random, PERSON_TITLES).toLowerCase();
}

/** Letters that do not decompose into an ASCII letter and a mark. */
const LETTERS: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O' };

/**
 * The lower-case, dash-joined words of a name, accents dropped (Café Santé -> cafe-sante), as the
 * seed ids are written. Apostrophes join their letters (King’s -> kings).
 */
export function slug(name: string): string {
  // Most names are ASCII; decomposing accents is the slow part, so only the others pay for it.
  const ascii = /^[\x20-\x7e]*$/.test(name)
    ? name
    : name
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/’/g, '')
        .replace(/[łŁøØ]/g, (c) => LETTERS[c] ?? '');
  return ascii
    .replace(/'/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-', 8)
    .join('-');
}
