// Demo library: materials advisers really need, some in three languages, some waiting for a
// translation, one for trainers only, one for one organisation, one draft; three learning paths.

type Block =
  | { h: string }
  | { p: string }
  | { ul: string[] }
  | { ol: string[] }
  | { callout: string; tone?: 'info' | 'warning' }
  | { table: string[][] };

export type DemoVersion = { note: string; daysAgo: number; title?: string; blocks: Block[] };
export type DemoTranslation = {
  language: 'fi' | 'sv' | 'en';
  title: string;
  summary: string;
  versions: DemoVersion[];
  pdf?: { name: string; lines: string[] };
};
export type DemoMaterial = {
  key: string;
  type: 'guide' | 'checklist' | 'handout' | 'slides' | 'video' | 'exercise';
  level?: 'new' | 'experienced';
  devices?: ('android' | 'iphone' | 'tablet' | 'computer')[];
  topics: string[];
  eservices?: string[];
  audience?: 'all' | 'trainers' | { organisation: string };
  videos?: string;
  draftOnly?: boolean;
  translations: DemoTranslation[];
};

export const DEMO_MATERIALS: DemoMaterial[] = [
  {
    key: 'omakanta',
    type: 'guide',
    devices: ['android', 'iphone', 'computer'],
    topics: ['tunnistautuminen', 'terveys'],
    eservices: ['omakanta'],
    videos: 'Näin kirjaudut OmaKantaan (Kanta.fi) https://www.kanta.fi/omakanta',
    translations: [
      {
        language: 'fi',
        title: 'OmaKanta: kirjautuminen ja reseptin uusiminen',
        summary:
          'Vaihe vaiheelta: kirjautuminen pankkitunnuksilla tai mobiilivarmenteella ja reseptin uusimispyyntö.',
        pdf: {
          name: 'omakanta_kirjautuminen.pdf',
          lines: [
            'OmaKanta - kirjautuminen asukkaan kanssa',
            'Avaa osoite omakanta.fi ja valitse Kirjaudu.',
            'Valitse tunnistustapa: pankkitunnukset tai mobiilivarmenne.',
            'Reseptien uusiminen: Lääkemääräykset - Uusimispyyntö.',
          ],
        },
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 60,
            blocks: [
              { h: 'Ennen kuin aloitat' },
              {
                p: 'Varmista, että asukkaalla on omat pankkitunnukset tai mobiilivarmenne. Opastaja ei koskaan kirjaudu asukkaan puolesta.',
              },
              { h: 'Kirjautuminen' },
              {
                ol: [
                  'Avaa omakanta.fi.',
                  'Valitse Kirjaudu OmaKantaan.',
                  'Valitse pankki tai mobiilivarmenne ja anna asukkaan tunnistautua itse.',
                ],
              },
              { h: 'Reseptin uusiminen' },
              { p: 'Valitse Lääkemääräykset, rastita uusittava resepti ja valitse Lähetä uusimispyyntö.' },
            ],
          },
          {
            note: 'OmaKannan uusi kirjautumisnäkymä (marraskuu 2026)',
            daysAgo: 3,
            blocks: [
              { h: 'Ennen kuin aloitat' },
              {
                p: 'Varmista, että asukkaalla on omat pankkitunnukset tai mobiilivarmenne. Opastaja ei koskaan kirjaudu asukkaan puolesta.',
              },
              {
                callout:
                  'Marraskuusta 2026 alkaen kirjautumispainike on sivun oikeassa yläkulmassa ja sen nimi on "Kirjaudu".',
                tone: 'info',
              },
              { h: 'Kirjautuminen' },
              {
                ol: [
                  'Avaa omakanta.fi.',
                  'Valitse oikeasta yläkulmasta Kirjaudu.',
                  'Valitse pankki tai mobiilivarmenne ja anna asukkaan tunnistautua itse.',
                ],
              },
              { h: 'Reseptin uusiminen' },
              {
                p: 'Valitse Lääkemääräykset, rastita uusittava resepti ja valitse Lähetä uusimispyyntö. Vastaus tulee yleensä muutamassa päivässä.',
              },
            ],
          },
        ],
      },
      {
        language: 'sv',
        title: 'Mina Kanta-sidor: inloggning och förnyande av recept',
        summary: 'Steg för steg: logga in med bankkoder eller mobilcertifikat och be om förnyat recept.',
        versions: [
          {
            note: 'Första versionen',
            daysAgo: 40,
            blocks: [
              { h: 'Innan du börjar' },
              {
                p: 'Kontrollera att invånaren har egna bankkoder eller mobilcertifikat. Handledaren loggar aldrig in för invånarens räkning.',
              },
              {
                ol: [
                  'Öppna omakanta.fi/sv.',
                  'Välj Logga in.',
                  'Välj bank eller mobilcertifikat och låt invånaren identifiera sig själv.',
                ],
              },
              {
                p: 'Förnyande av recept: välj Recept, kryssa för receptet och välj Skicka begäran om förnyelse.',
              },
            ],
          },
        ],
      },
      {
        language: 'en',
        title: 'My Kanta Pages: logging in and renewing a prescription',
        summary:
          'Step by step: logging in with online banking codes or a mobile certificate, and asking for a prescription renewal.',
        versions: [
          {
            note: 'First version',
            daysAgo: 30,
            blocks: [
              {
                p: "Make sure the resident has their own banking codes or mobile certificate. An adviser never logs in on a resident's behalf.",
              },
              {
                ol: [
                  'Open omakanta.fi/en.',
                  'Choose Log in.',
                  'Choose a bank or the mobile certificate and let the resident identify themselves.',
                ],
              },
              {
                p: 'To renew a prescription, open Prescriptions, tick the prescription and choose Send renewal request.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'tunnistautuminen',
    type: 'guide',
    devices: ['android', 'iphone'],
    topics: ['tunnistautuminen', 'pankkiasiointi'],
    eservices: ['suomi-fi', 'pankit'],
    translations: [
      {
        language: 'fi',
        title: 'Vahva tunnistautuminen: pankkitunnukset ja mobiilivarmenne',
        summary:
          'Mitä vahva tunnistautuminen on, mitä vaihtoehtoja asukkaalla on ja miten autat ilman, että näet tunnuksia.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 90,
            blocks: [
              {
                p: 'Vahvalla tunnistautumisella asukas todistaa henkilöllisyytensä verkossa. Yleisimmät tavat ovat pankin tunnistussovellus ja mobiilivarmenne.',
              },
              {
                table: [
                  ['Tapa', 'Mitä tarvitaan', 'Huomio'],
                  ['Pankin sovellus', 'Älypuhelin ja pankkisopimus', 'Sovellus pyytää PIN-koodin'],
                  ['Mobiilivarmenne', 'Puhelinliittymä ja varmenne-SIM', 'Toimii myös peruspuhelimessa'],
                ],
              },
              {
                callout:
                  'Älä koskaan kysy, kirjoita tai katso asukkaan tunnuslukuja. Käännä katse pois, kun asukas näppäilee.',
                tone: 'warning',
              },
            ],
          },
        ],
      },
      {
        language: 'sv',
        title: 'Stark autentisering: bankkoder och mobilcertifikat',
        summary:
          'Vad stark autentisering är, vilka alternativ invånaren har och hur du hjälper utan att se koderna.',
        versions: [
          {
            note: 'Första versionen',
            daysAgo: 80,
            blocks: [
              {
                p: 'Med stark autentisering bevisar invånaren sin identitet på nätet. De vanligaste sätten är bankens identifieringsapp och mobilcertifikat.',
              },
              {
                callout:
                  'Fråga, skriv eller titta aldrig på invånarens koder. Titta bort när invånaren slår in dem.',
                tone: 'warning',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'huijaukset',
    type: 'checklist',
    level: 'new',
    devices: ['android', 'iphone', 'computer'],
    topics: ['turvallisuus', 'huijaukset'],
    translations: [
      {
        language: 'fi',
        title: 'Huijausviestin tunnistaminen – muistilista',
        summary: 'Viisi merkkiä, joista tunnistat huijausviestin, ja mitä tehdä, jos asukas on jo klikannut.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 50,
            blocks: [
              {
                ul: [
                  'Viesti kiirehtii tai uhkaa.',
                  'Linkki vie oudolle osoitteelle.',
                  'Viestissä pyydetään pankkitunnuksia.',
                  'Lähettäjä on tuntematon tai tekeytyy tutuksi.',
                  'Kieli on kömpelöä.',
                ],
              },
              {
                callout:
                  'Jos asukas on antanut pankkitunnuksensa, soita heti pankin sulkupalveluun: 020 333.',
                tone: 'warning',
              },
            ],
          },
        ],
      },
      {
        language: 'en',
        title: 'Recognising a scam message – checklist',
        summary: 'Five signs of a scam message, and what to do if the resident has already clicked.',
        versions: [
          {
            note: 'First version',
            daysAgo: 45,
            blocks: [
              {
                ul: [
                  'The message rushes or threatens.',
                  'The link goes to a strange address.',
                  'It asks for banking codes.',
                  'The sender is unknown or pretends to be someone familiar.',
                  'The language is clumsy.',
                ],
              },
              {
                callout:
                  "If the resident has given away their banking codes, call the banks' blocking service at once: 020 333.",
                tone: 'warning',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'etiikka',
    type: 'guide',
    level: 'new',
    topics: ['etiikka'],
    translations: [
      {
        language: 'fi',
        title: 'Digituen eettiset periaatteet',
        summary:
          'Asukas tekee itse, opastaja neuvoo: itsemääräämisoikeus, luottamuksellisuus ja omien rajojen tunteminen.',
        versions: [
          {
            note: 'Verkoston yhteinen versio',
            daysAgo: 120,
            blocks: [
              { h: 'Asukas tekee itse' },
              { p: 'Opastaja neuvoo ja näyttää, mutta asukas tekee valinnat ja painaa painikkeet itse.' },
              { h: 'Luottamuksellisuus' },
              {
                p: 'Se, mitä näet asukkaan laitteella, jää sinun ja asukkaan väliseksi. Älä ota kuvia asukkaan näytöstä.',
              },
              { h: 'Omat rajat' },
              { p: 'Jos asia vaatii valtuutusta tai ammattilaista, ohjaa asukas oikeaan paikkaan.' },
            ],
          },
        ],
      },
      {
        language: 'sv',
        title: 'Etiska principer för digitalt stöd',
        summary:
          'Invånaren gör själv, handledaren ger råd: självbestämmande, sekretess och att känna sina gränser.',
        versions: [
          {
            note: 'Nätverkets gemensamma version',
            daysAgo: 110,
            blocks: [
              { p: 'Handledaren ger råd och visar, men invånaren gör valen och trycker på knapparna själv.' },
              { p: 'Det du ser på invånarens enhet stannar mellan er. Ta inga bilder av invånarens skärm.' },
            ],
          },
        ],
      },
      {
        language: 'en',
        title: 'Ethical principles of digital support',
        summary:
          'The resident does it, the adviser advises: self-determination, confidentiality and knowing your limits.',
        versions: [
          {
            note: "The network's shared version",
            daysAgo: 100,
            blocks: [
              {
                p: 'The adviser explains and shows, but the resident makes the choices and presses the buttons.',
              },
              {
                p: "What you see on the resident's device stays between you. Never photograph the resident's screen.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'salasanat',
    type: 'guide',
    topics: ['etiikka', 'turvallisuus'],
    translations: [
      {
        language: 'fi',
        title: 'Asukkaan salasanat: mitä opastaja saa tehdä',
        summary:
          'Salasanoja ei kirjoiteta muistiin opastajan toimesta eikä niitä tallenneta. Näin autat turvallisesti.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 70,
            blocks: [
              {
                p: 'Opastaja ei kirjoita asukkaan salasanoja paperille eikä tallenna niitä omaan laitteeseensa.',
              },
              { p: 'Voit neuvoa salasanan valinnassa: pitkä lause on parempi kuin lyhyt sana.' },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'hsl',
    type: 'handout',
    devices: ['android', 'iphone'],
    topics: ['liikkuminen'],
    eservices: ['hsl-sovellus'],
    translations: [
      {
        language: 'fi',
        title: 'HSL-sovellus: kertalipun ostaminen',
        summary:
          'Tulostettava ohje asukkaalle: sovelluksen asentaminen, maksukortin lisääminen ja lipun ostaminen.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 20,
            blocks: [
              {
                ol: [
                  'Asenna HSL-sovellus sovelluskaupasta.',
                  'Lisää maksukortti kohdassa Maksutavat.',
                  'Valitse Osta lippu, vyöhykkeet ja Kertalippu.',
                  'Näytä lippu tarkastajalle puhelimen näytöltä.',
                ],
              },
            ],
          },
        ],
      },
      {
        language: 'en',
        title: 'HSL app: buying a single ticket',
        summary: 'A handout for residents: installing the app, adding a payment card and buying a ticket.',
        versions: [
          {
            note: 'First version',
            daysAgo: 18,
            blocks: [
              {
                ol: [
                  'Install the HSL app from the app store.',
                  'Add a payment card under Payment methods.',
                  'Choose Buy ticket, the zones and Single ticket.',
                  'Show the ticket on your phone screen to the inspector.',
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'valtuudet',
    type: 'guide',
    level: 'experienced',
    devices: ['computer'],
    topics: ['tunnistautuminen', 'valtuudet'],
    eservices: ['suomi-fi'],
    translations: [
      {
        language: 'fi',
        title: 'Suomi.fi-valtuudet: asioiminen toisen puolesta',
        summary: 'Kun omainen haluaa hoitaa asukkaan asioita: valtuutuksen antaminen Suomi.fi-palvelussa.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 35,
            blocks: [
              { p: 'Valtuuttaja kirjautuu Suomi.fi-palveluun ja valitsee Valtuudet – Anna valtuus.' },
              {
                p: 'Jos asukas ei voi tunnistautua, valtuutusta haetaan Digi- ja väestötietovirastosta lomakkeella.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'kela',
    type: 'guide',
    devices: ['computer'],
    topics: ['etuudet'],
    eservices: ['kela'],
    translations: [
      {
        language: 'sv',
        title: 'Kelas e-tjänst: ansöka om allmänt bostadsbidrag',
        summary: 'Hur invånaren loggar in i Kelas e-tjänst och fyller i ansökan om bostadsbidrag.',
        versions: [
          {
            note: 'Första versionen',
            daysAgo: 25,
            blocks: [
              { p: 'Logga in på kela.fi/e-tjanst med bankkoder eller mobilcertifikat.' },
              {
                p: 'Välj Ansök om förmån – Allmänt bostadsbidrag och följ stegen. Bifoga hyresavtalet som bild eller PDF.',
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'ensimmainen-vuoro',
    type: 'checklist',
    level: 'new',
    topics: ['perehdytys'],
    translations: [
      {
        language: 'fi',
        title: 'Ensimmäinen opastusvuoro – muistilista',
        summary: 'Mitä ottaa mukaan, keneen olla yhteydessä ja miten kirjata opastukset.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 75,
            blocks: [
              {
                ul: [
                  'Tarkista vuoron aika ja paikka tukipisteen sivulta.',
                  'Esittäydy henkilökunnalle.',
                  'Pidä mukana laturi ja nimikyltti.',
                  'Kirjaa jokainen opastus vuoron jälkeen.',
                ],
              },
            ],
          },
        ],
      },
      {
        language: 'en',
        title: 'Your first guidance shift – checklist',
        summary: 'What to bring, whom to contact and how to log the sessions.',
        versions: [
          {
            note: 'First version',
            daysAgo: 70,
            blocks: [
              {
                ul: [
                  "Check the time and place on the support point's page.",
                  'Introduce yourself to the staff.',
                  'Bring a charger and your name tag.',
                  'Log every session after the shift.',
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'kouluttajadiat',
    type: 'slides',
    topics: ['koulutus'],
    audience: 'trainers',
    translations: [
      {
        language: 'fi',
        title: 'Kouluttajan diat: syksyn koulutuspäivä 2026',
        summary: 'Koulutuspäivän runko ja diat kouluttajille. Ei jaeta opastajille ennen koulutusta.',
        versions: [
          {
            note: 'Koulutuspäivän versio',
            daysAgo: 10,
            blocks: [{ p: 'Runko: avaus, tunnistautumisen muutokset, ryhmätyöt, kysymykset.' }],
          },
        ],
      },
    ],
  },
  {
    key: 'enter-perehdytys',
    type: 'guide',
    level: 'new',
    topics: ['perehdytys'],
    audience: { organisation: 'enter-ry' },
    translations: [
      {
        language: 'fi',
        title: 'Enter ry: vapaaehtoisen perehdytys',
        summary: 'Enter ry:n omat käytännöt: vuorolistat, yhteyshenkilöt ja vakuutukset.',
        versions: [
          {
            note: 'Ensimmäinen versio',
            daysAgo: 15,
            blocks: [
              { p: 'Vuorolistat ovat yhdistyksen jäsensivuilla. Yhteyshenkilö vastaa vakuutusasioista.' },
            ],
          },
        ],
      },
    ],
  },
  {
    key: 'kanta-sovellus',
    type: 'guide',
    topics: ['terveys'],
    eservices: ['omakanta'],
    draftOnly: true,
    translations: [
      {
        language: 'fi',
        title: 'Kanta-sovellus puhelimeen (luonnos)',
        summary: 'Uusi Kanta-sovellus julkaistaan keväällä 2027.',
        versions: [
          {
            note: '',
            daysAgo: 1,
            blocks: [{ p: 'Luonnos: sovelluksen asentaminen ja ensimmäinen kirjautuminen.' }],
          },
        ],
      },
    ],
  },
];

export const DEMO_PATHS = [
  {
    slug: 'uusi-opastaja',
    titleFi: 'Uuden opastajan perehdytys',
    titleSv: 'Introduktion för nya handledare',
    titleEn: 'New adviser onboarding',
    descriptionFi: 'Aloita tästä: ensimmäinen vuoro, eettiset periaatteet, huijaukset ja tunnistautuminen.',
    descriptionSv: 'Börja här: det första passet, etiska principer, bedrägerier och autentisering.',
    descriptionEn: 'Start here: your first shift, ethical principles, scams and identification.',
    materials: ['ensimmainen-vuoro', 'etiikka', 'huijaukset', 'tunnistautuminen'],
  },
  {
    slug: 'digituen-etiikka',
    titleFi: 'Digituen etiikka',
    titleSv: 'Etik i digitalt stöd',
    titleEn: 'Digital support ethics',
    descriptionFi: 'Asukkaan itsemääräämisoikeus, luottamuksellisuus ja salasanat.',
    descriptionSv: 'Invånarens självbestämmande, sekretess och lösenord.',
    descriptionEn: "The resident's self-determination, confidentiality and passwords.",
    materials: ['etiikka', 'salasanat'],
  },
  {
    slug: 'vahva-tunnistautuminen',
    titleFi: 'Auttaminen vahvassa tunnistautumisessa',
    titleSv: 'Att hjälpa med stark autentisering',
    titleEn: 'Helping with strong identification',
    descriptionFi: 'Pankkitunnukset, mobiilivarmenne, OmaKanta ja Suomi.fi-valtuudet.',
    descriptionSv: 'Bankkoder, mobilcertifikat, Mina Kanta-sidor och Suomi.fi-fullmakter.',
    descriptionEn: 'Banking codes, the mobile certificate, My Kanta Pages and Suomi.fi authorisations.',
    materials: ['tunnistautuminen', 'omakanta', 'valtuudet'],
  },
];

/** Editor JSON from the short block notation above. */
export function demoDoc(blocks: Block[]) {
  const text = (t: string) => [{ type: 'text', text: t }];
  const para = (t: string) => ({ type: 'paragraph', content: text(t) });
  return {
    type: 'doc',
    content: blocks.map((b) => {
      if ('h' in b) return { type: 'heading', attrs: { level: 2 }, content: text(b.h) };
      if ('p' in b) return para(b.p);
      if ('ul' in b)
        return { type: 'bulletList', content: b.ul.map((i) => ({ type: 'listItem', content: [para(i)] })) };
      if ('ol' in b)
        return { type: 'orderedList', content: b.ol.map((i) => ({ type: 'listItem', content: [para(i)] })) };
      if ('callout' in b)
        return { type: 'callout', attrs: { tone: b.tone ?? 'info' }, content: [para(b.callout)] };
      return {
        type: 'table',
        content: b.table.map((row, r) => ({
          type: 'tableRow',
          content: row.map((cell) => ({
            type: r === 0 ? 'tableHeader' : 'tableCell',
            content: [para(cell)],
          })),
        })),
      };
    }),
  };
}
