// Demo data that looks like Helsinki's digital-support network. Fictional people.
import type { RoleKey } from '~/auth/roles';

export const ORGANISATIONS = [
  {
    slug: 'helsinki-kulttuuri-vapaa-aika',
    name: 'Helsingin kaupunki – kulttuurin ja vapaa-ajan toimiala',
    kind: 'city_unit',
  },
  { slug: 'enter-ry', name: 'Enter ry', kind: 'association' },
  { slug: 'helsinkimissio', name: 'HelsinkiMissio', kind: 'association' },
  { slug: 'helsingin-saastopankki', name: 'Helsingin Seudun Säästöpankki', kind: 'company' },
  { slug: 'stadin-aikuisopisto', name: 'Stadin ammatti- ja aikuisopisto', kind: 'education' },
] as const;

type OrgSlug = (typeof ORGANISATIONS)[number]['slug'];

export const SUPPORT_POINTS = [
  {
    slug: 'oodi',
    name: 'Keskustakirjasto Oodi',
    kind: 'library',
    address: 'Töölönlahdenkatu 4',
    district: 'Keskusta',
  },
  {
    slug: 'itakeskus-kirjasto',
    name: 'Itäkeskuksen kirjasto',
    kind: 'library',
    address: 'Turunlinnantie 1',
    district: 'Itäkeskus',
  },
  {
    slug: 'kallio-kirjasto',
    name: 'Kallion kirjasto',
    kind: 'library',
    address: 'Viides linja 11',
    district: 'Kallio',
  },
  {
    slug: 'malmi-kirjasto',
    name: 'Malmin kirjasto',
    kind: 'library',
    address: 'Ala-Malmin tori 1',
    district: 'Malmi',
  },
  {
    slug: 'pasila-kirjasto',
    name: 'Pasilan kirjasto',
    kind: 'library',
    address: 'Kellosilta 9',
    district: 'Pasila',
  },
  {
    slug: 'toolo-kirjasto',
    name: 'Töölön kirjasto',
    kind: 'library',
    address: 'Topeliuksenkatu 6',
    district: 'Töölö',
  },
  {
    slug: 'vuosaari-kirjasto',
    name: 'Vuosaaren kirjasto',
    kind: 'library',
    address: 'Mosaiikkitori 2',
    district: 'Vuosaari',
  },
  {
    slug: 'myllypuro-mediakirjasto',
    name: 'Myllypuron mediakirjasto',
    kind: 'library',
    address: 'Kiviparintie 2',
    district: 'Myllypuro',
  },
  {
    slug: 'kannelmaki-kirjasto',
    name: 'Kannelmäen kirjasto',
    kind: 'library',
    address: 'Klaneettitie 5',
    district: 'Kannelmäki',
  },
  {
    slug: 'herttoniemi-kirjasto',
    name: 'Herttoniemen kirjasto',
    kind: 'library',
    address: 'Linnanrakentajantie 2',
    district: 'Herttoniemi',
  },
  {
    slug: 'maunula-kirjasto',
    name: 'Maunulan kirjasto (Maunula-talo)',
    kind: 'library',
    address: 'Metsäpurontie 4',
    district: 'Maunula',
  },
  {
    slug: 'lauttasaari-kirjasto',
    name: 'Lauttasaaren kirjasto',
    kind: 'library',
    address: 'Pajalahdentie 10',
    district: 'Lauttasaari',
  },
  {
    slug: 'munkkiniemi-kirjasto',
    name: 'Munkkiniemen kirjasto',
    kind: 'library',
    address: 'Riihitie 22',
    district: 'Munkkiniemi',
  },
  {
    slug: 'kontula-palvelukeskus',
    name: 'Kontulan palvelukeskus',
    kind: 'service_centre',
    address: 'Ostostie 4',
    district: 'Kontula',
  },
  {
    slug: 'kinapori-palvelukeskus',
    name: 'Kinaporin palvelukeskus',
    kind: 'service_centre',
    address: 'Kinaporinkatu 9',
    district: 'Kallio',
  },
  {
    slug: 'kamppi-palvelukeskus',
    name: 'Kampin palvelukeskus',
    kind: 'service_centre',
    address: 'Salomonkatu 21',
    district: 'Kamppi',
  },
  {
    slug: 'myllypuro-palvelukeskus',
    name: 'Myllypuron palvelukeskus',
    kind: 'service_centre',
    address: 'Myllypurontie 30',
    district: 'Myllypuro',
  },
  {
    slug: 'syystie-palvelukeskus',
    name: 'Syystien palvelukeskus',
    kind: 'service_centre',
    address: 'Syystie 17',
    district: 'Malmi',
  },
  {
    slug: 'riistavuori-palvelukeskus',
    name: 'Riistavuoren palvelukeskus',
    kind: 'service_centre',
    address: 'Isonnevantie 28',
    district: 'Haaga',
  },
  {
    slug: 'asukastalo-kaarna',
    name: 'Asukastalo Kaarna',
    kind: 'resident_house',
    address: 'Tapulikaupungintie 39',
    district: 'Tapulikaupunki',
  },
  {
    slug: 'asukastalo-luotsi',
    name: 'Asukastalo Luotsi',
    kind: 'resident_house',
    address: 'Kahvikuja 3',
    district: 'Vuosaari',
  },
  {
    slug: 'itakeskus-nuorisotalo',
    name: 'Itäkeskuksen nuorisotalo',
    kind: 'youth_centre',
    address: 'Turunlinnantie 1',
    district: 'Itäkeskus',
  },
  {
    slug: 'tyovaenopisto-dagmarinkatu',
    name: 'Helsingin työväenopisto, Dagmarinkatu',
    kind: 'college',
    address: 'Dagmarinkatu 3',
    district: 'Töölö',
  },
  {
    slug: 'arbis',
    name: 'Arbis – Helsingfors arbetarinstitut',
    kind: 'college',
    address: 'Dagmarsgatan 3',
    district: 'Tölö',
  },
] as const;

type Person = {
  name: string;
  email: string;
  role: RoleKey;
  org: OrgSlug;
  locale: 'fi' | 'sv' | 'en';
  advise: string[];
  points: string[];
};

export const DEMO_ACCOUNTS: Person[] = [
  {
    name: 'Aino Virtanen',
    email: 'adviser@demo.tukiverkko.test',
    role: 'adviser',
    org: 'enter-ry',
    locale: 'fi',
    advise: ['fi', 'en'],
    points: ['oodi', 'kallio-kirjasto'],
  },
  {
    name: 'Mikael Lindqvist',
    email: 'trainer@demo.tukiverkko.test',
    role: 'trainer',
    org: 'helsinki-kulttuuri-vapaa-aika',
    locale: 'sv',
    advise: ['sv', 'fi', 'en'],
    points: ['arbis', 'toolo-kirjasto'],
  },
  {
    name: 'Sanna Korhonen',
    email: 'eservice_rep@demo.tukiverkko.test',
    role: 'eservice_rep',
    org: 'helsinki-kulttuuri-vapaa-aika',
    locale: 'fi',
    advise: ['fi'],
    points: [],
  },
  {
    name: 'Pekka Nieminen',
    email: 'org_admin@demo.tukiverkko.test',
    role: 'org_admin',
    org: 'enter-ry',
    locale: 'fi',
    advise: ['fi'],
    points: ['kontula-palvelukeskus'],
  },
  {
    name: 'Johanna Berg',
    email: 'coordinator@demo.tukiverkko.test',
    role: 'coordinator',
    org: 'helsinki-kulttuuri-vapaa-aika',
    locale: 'fi',
    advise: ['fi', 'sv', 'en'],
    points: ['oodi'],
  },
  {
    name: 'Olli Mäkelä',
    email: 'admin@demo.tukiverkko.test',
    role: 'admin',
    org: 'helsinki-kulttuuri-vapaa-aika',
    locale: 'en',
    advise: ['fi', 'en'],
    points: [],
  },
];

// [name, organisation, role, locale, advise languages, support points]
const MORE: [string, OrgSlug, RoleKey, 'fi' | 'sv' | 'en', string[], string[]][] = [
  ['Raili Laine', 'enter-ry', 'adviser', 'fi', ['fi'], ['kontula-palvelukeskus']],
  ['Erkki Heinonen', 'enter-ry', 'adviser', 'fi', ['fi'], ['malmi-kirjasto', 'syystie-palvelukeskus']],
  ['Marjatta Koskinen', 'enter-ry', 'adviser', 'fi', ['fi', 'en'], ['itakeskus-kirjasto']],
  ['Seppo Järvinen', 'enter-ry', 'adviser', 'fi', ['fi'], ['vuosaari-kirjasto', 'asukastalo-luotsi']],
  ['Ulla Lehtonen', 'enter-ry', 'adviser', 'fi', ['fi', 'sv'], ['herttoniemi-kirjasto']],
  ['Kari Saarinen', 'enter-ry', 'adviser', 'fi', ['fi'], ['kannelmaki-kirjasto']],
  ['Birgitta Holmström', 'enter-ry', 'adviser', 'sv', ['sv', 'fi'], ['arbis', 'toolo-kirjasto']],
  ['Hannu Salminen', 'enter-ry', 'adviser', 'fi', ['fi', 'ru'], ['myllypuro-mediakirjasto']],
  ['Tuula Hämäläinen', 'enter-ry', 'trainer', 'fi', ['fi'], ['oodi']],
  ['Leena Tanskanen', 'enter-ry', 'org_admin', 'fi', ['fi'], []],
  ['Anna Nyström', 'helsinkimissio', 'adviser', 'sv', ['sv', 'fi', 'en'], ['kinapori-palvelukeskus']],
  ['Jussi Rantanen', 'helsinkimissio', 'adviser', 'fi', ['fi'], ['kamppi-palvelukeskus']],
  [
    'Fatima Hassan',
    'helsinkimissio',
    'adviser',
    'en',
    ['so', 'ar', 'en', 'fi'],
    ['itakeskus-kirjasto', 'itakeskus-nuorisotalo'],
  ],
  ['Olena Kovalenko', 'helsinkimissio', 'adviser', 'en', ['uk', 'ru', 'en'], ['kontula-palvelukeskus']],
  ['Päivi Aaltonen', 'helsinkimissio', 'org_admin', 'fi', ['fi'], []],
  ['Timo Räsänen', 'helsingin-saastopankki', 'adviser', 'fi', ['fi'], ['pasila-kirjasto']],
  ['Camilla Sjöberg', 'helsingin-saastopankki', 'adviser', 'sv', ['sv', 'fi'], ['lauttasaari-kirjasto']],
  ['Ville Hakkarainen', 'helsingin-saastopankki', 'eservice_rep', 'fi', ['fi'], []],
  ['Maria Ekholm', 'helsingin-saastopankki', 'org_admin', 'sv', ['sv', 'fi'], []],
  ['Eetu Ahonen', 'stadin-aikuisopisto', 'adviser', 'fi', ['fi', 'en'], ['tyovaenopisto-dagmarinkatu']],
  ['Amira Yusuf', 'stadin-aikuisopisto', 'adviser', 'en', ['so', 'en', 'fi'], ['myllypuro-palvelukeskus']],
  ['Niklas Grönroos', 'stadin-aikuisopisto', 'adviser', 'sv', ['sv', 'en'], ['arbis']],
  ['Kaisa Turunen', 'stadin-aikuisopisto', 'trainer', 'fi', ['fi', 'et'], ['tyovaenopisto-dagmarinkatu']],
  ['Heikki Rinne', 'stadin-aikuisopisto', 'org_admin', 'fi', ['fi'], []],
  ['Satu Kinnunen', 'helsinki-kulttuuri-vapaa-aika', 'adviser', 'fi', ['fi'], ['maunula-kirjasto']],
  [
    'Elina Forsman',
    'helsinki-kulttuuri-vapaa-aika',
    'adviser',
    'sv',
    ['sv', 'fi', 'en'],
    ['munkkiniemi-kirjasto'],
  ],
  ['Antti Leinonen', 'helsinki-kulttuuri-vapaa-aika', 'adviser', 'fi', ['fi', 'en'], ['oodi']],
  ['Riikka Peltonen', 'helsinki-kulttuuri-vapaa-aika', 'adviser', 'fi', ['fi'], ['asukastalo-kaarna']],
  ['Juha Mustonen', 'helsinki-kulttuuri-vapaa-aika', 'trainer', 'fi', ['fi', 'en'], ['pasila-kirjasto']],
  ['Linnea Wikström', 'helsinki-kulttuuri-vapaa-aika', 'eservice_rep', 'sv', ['sv', 'fi'], []],
  ['Matti Koivisto', 'helsinki-kulttuuri-vapaa-aika', 'eservice_rep', 'fi', ['fi'], []],
  ['Helena Lundgren', 'helsinki-kulttuuri-vapaa-aika', 'coordinator', 'sv', ['sv', 'fi'], ['arbis']],
  ['Jari Kettunen', 'helsinki-kulttuuri-vapaa-aika', 'coordinator', 'fi', ['fi'], []],
  ['Sirkka Vainio', 'enter-ry', 'adviser', 'fi', ['fi'], ['riistavuori-palvelukeskus']],
];

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');

export const OTHER_MEMBERS: Person[] = MORE.map(([name, org, role, locale, advise, points]) => ({
  name,
  email: `${ascii(name)}@demo.tukiverkko.test`,
  role,
  org,
  locale,
  advise,
  points,
}));

/** A member the seed makes deactivated, so lists and filters show both states. */
export const DEACTIVATED_EMAIL = 'sirkka.vainio@demo.tukiverkko.test';

// For the national-scale generator.
export const FIRST_NAMES = [
  'Aino',
  'Eino',
  'Helmi',
  'Väinö',
  'Sofia',
  'Leo',
  'Ella',
  'Oliver',
  'Aada',
  'Elias',
  'Linnea',
  'Onni',
  'Kerttu',
  'Toivo',
  'Saga',
  'Hugo',
  'Maija',
  'Pentti',
  'Raija',
  'Ilmari',
  'Ebba',
  'Axel',
  'Stina',
  'Johan',
  'Tuulikki',
  'Arvo',
  'Liisa',
  'Olavi',
  'Mirja',
  'Kalevi',
];
export const LAST_NAMES = [
  'Virtanen',
  'Korhonen',
  'Mäkinen',
  'Nieminen',
  'Mäkelä',
  'Hämäläinen',
  'Laine',
  'Heikkinen',
  'Koskinen',
  'Järvinen',
  'Lehtonen',
  'Lehtinen',
  'Saarinen',
  'Salminen',
  'Heinonen',
  'Niemi',
  'Heikkilä',
  'Kinnunen',
  'Salonen',
  'Turunen',
  'Lindholm',
  'Nyberg',
  'Holmberg',
  'Sundström',
  'Blomqvist',
  'Eklund',
  'Lindroos',
  'Grönlund',
  'Åberg',
  'Söderström',
];
export const DISTRICTS = [
  'Keskusta',
  'Kallio',
  'Vuosaari',
  'Malmi',
  'Itäkeskus',
  'Pasila',
  'Kontula',
  'Haaga',
  'Töölö',
  'Lauttasaari',
  'Herttoniemi',
  'Myllypuro',
  'Kannelmäki',
  'Maunula',
];
