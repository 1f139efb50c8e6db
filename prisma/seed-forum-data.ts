// The forum's demo content: the categories the network asked for and threads like the ones
// its Workplace group had, in Finnish, Swedish and English. Authors are demo e-mail prefixes.

export const FORUM_CATEGORIES = [
  {
    slug: 'alypuhelimet-ja-tabletit',
    nameFi: 'Älypuhelimet ja tabletit',
    nameSv: 'Smarttelefoner och surfplattor',
    nameEn: 'Smartphones and tablets',
    description: {
      fi: 'Asetukset, päivitykset, sovelluskaupat ja laitteen perusteet.',
      sv: 'Inställningar, uppdateringar, appbutiker och grunderna i enheten.',
      en: 'Settings, updates, app stores and device basics.',
    },
  },
  {
    slug: 'pankki-ja-tunnistautuminen',
    nameFi: 'Pankkiasiat ja vahva tunnistautuminen',
    nameSv: 'Bankärenden och stark autentisering',
    nameEn: 'Banking and strong identification',
    description: {
      fi: 'Pankkitunnukset, tunnuslukusovellukset ja mobiilivarmenne.',
      sv: 'Bankkoder, kodappar och mobilcertifikat.',
      en: 'Online banking codes, authenticator apps and mobile certificates.',
    },
  },
  {
    slug: 'kela-omakanta-suomifi',
    nameFi: 'Kela / OmaKanta / Suomi.fi',
    nameSv: 'FPA / Mina Kanta-sidor / Suomi.fi',
    nameEn: 'Kela / OmaKanta / Suomi.fi',
    description: {
      fi: 'Valtakunnalliset asiointipalvelut ja valtuudet.',
      sv: 'Nationella e-tjänster och fullmakter.',
      en: 'National e-services and authorisations.',
    },
  },
  {
    slug: 'kaupungin-asiointipalvelut',
    nameFi: 'Kaupungin asiointipalvelut',
    nameSv: 'Stadens e-tjänster',
    nameEn: 'City e-services',
    description: {
      fi: 'Helsingin kaupungin sähköiset palvelut ja sovellukset.',
      sv: 'Helsingfors stads e-tjänster och appar.',
      en: "The City of Helsinki's online services and apps.",
    },
  },
  {
    slug: 'huijaukset-ja-turvallisuus',
    nameFi: 'Huijaukset ja turvallisuus',
    nameSv: 'Bedrägerier och säkerhet',
    nameEn: 'Scams and safety',
    description: {
      fi: 'Huijausviestit, tietoturva ja mitä tehdä, kun jotain on jo tapahtunut.',
      sv: 'Bedrägerimeddelanden, datasäkerhet och vad man gör när något redan hänt.',
      en: 'Scam messages, security and what to do when something has already happened.',
    },
  },
  {
    slug: 'verkoston-kaytannot',
    nameFi: 'Verkoston käytännöt',
    nameSv: 'Nätverkets praxis',
    nameEn: 'Network practicalities',
    description: {
      fi: 'Tukipisteiden arki, vuorot, tilat ja yhteiset sopimukset.',
      sv: 'Vardagen vid stödpunkterna, turer, lokaler och gemensamma överenskommelser.',
      en: 'Everyday life at the support points: shifts, rooms and shared agreements.',
    },
  },
] as const;

type Reply = { by: string; text: string; verifiedBy?: string };
export type DemoThread = {
  category: (typeof FORUM_CATEGORIES)[number]['slug'];
  by: string;
  language: 'fi' | 'sv' | 'en';
  title: string;
  text: string;
  devices?: string[];
  tags?: string[];
  daysAgo: number;
  replies: Reply[];
  accepted?: number;
};

export const DEMO_THREADS: DemoThread[] = [
  {
    category: 'kela-omakanta-suomifi',
    by: 'adviser',
    language: 'fi',
    title: 'OmaKanta-kirjautuminen ei onnistu vanhalla iPhonella',
    text: 'Asukkaalla on iPhone 7. Kirjastossa kokeiltiin kirjautua OmaKantaan pankkitunnuksilla, mutta tunnistautumisen jälkeen sivu jää valkoiseksi.\n\nOnko muilla ollut samaa? Auttaako Safarin välimuistin tyhjentäminen?',
    devices: ['iphone'],
    tags: ['omakanta'],
    daysAgo: 2,
    replies: [
      {
        by: 'raili.laine',
        text: 'Meillä sama Kontulassa viime viikolla. iOS 15 on liian vanha: OmaKanta vaatii nykyään uudemman Safarin.',
      },
      {
        by: 'trainer',
        text: 'Toimiva ratkaisu: Asetukset > Safari > Tyhjennä historia ja verkkosivustodata, ja jos se ei auta, kirjautuminen tietokoneella kirjastossa. iPhone 7:ään ei saa uudempaa iOS:ää.',
        verifiedBy: 'trainer',
      },
    ],
    accepted: 1,
  },
  {
    category: 'pankki-ja-tunnistautuminen',
    by: 'birgitta.holmstrom',
    language: 'sv',
    title: 'Bankkoder på papper upphör – hur hjälper vi äldre kunder?',
    text: 'En kund på Arbis fick brev om att bankkoderna på papper slutar fungera. Hon har ingen smarttelefon. Vilka alternativ har ni använt?',
    tags: ['bank'],
    daysAgo: 5,
    replies: [
      {
        by: 'camilla.sjoberg',
        text: 'Banken erbjuder en kodapparat (nyckellista ersätts av en liten dosa). Kunden kan beställa den via kundtjänsten per telefon.',
      },
      {
        by: 'anna.nystrom',
        text: 'Bra tips! Mobilcertifikat fungerar också på en vanlig mobiltelefon utan appar.',
      },
    ],
    accepted: 0,
  },
  {
    category: 'huijaukset-ja-turvallisuus',
    by: 'fatima.hassan',
    language: 'en',
    title: 'Resident clicked a fake parcel-delivery text message',
    text: 'A resident clicked a link in an SMS about a parcel and typed in her card details. What should we do first when this happens at the support point?',
    devices: ['android'],
    tags: ['scam'],
    daysAgo: 1,
    replies: [
      {
        by: 'coordinator',
        text: 'First call the bank and close the card (the bank’s 24 h number). Then report the crime to the police online. Save the message as evidence before deleting it.',
      },
    ],
  },
  {
    category: 'alypuhelimet-ja-tabletit',
    by: 'erkki.heinonen',
    language: 'fi',
    title: 'Androidin päivitys täytti muistin – sovellukset eivät aukea',
    text: 'Samsungin puhelimessa muisti on täynnä ja WhatsApp ei enää avaudu. Miten kannattaa lähteä vapauttamaan tilaa ilman, että kuvat katoavat?',
    devices: ['android'],
    daysAgo: 3,
    replies: [],
  },
  {
    category: 'kaupungin-asiointipalvelut',
    by: 'antti.leinonen',
    language: 'fi',
    title: 'Varaamo-palvelussa ei näy kirjaston tiloja',
    text: 'Asukas yritti varata kirjastosta ryhmätilan Varaamossa, mutta hakutulokset ovat tyhjiä. Onko palvelussa häiriö?',
    devices: ['computer'],
    tags: ['varaamo'],
    daysAgo: 9,
    replies: [
      {
        by: 'matti.koivisto',
        text: 'Hakusuodattimessa on oletuksena "vain tänään". Kun päivämäärävalinnan poistaa, tilat näkyvät. Korjaus on tulossa seuraavaan päivitykseen.',
      },
    ],
    accepted: 0,
  },
  {
    category: 'verkoston-kaytannot',
    by: 'jari.kettunen',
    language: 'fi',
    title: 'Tiistain opastusvuorot Oodissa joulukuussa',
    text: 'Oodin tiistaivuoroihin tarvitaan joulukuussa kaksi opastajaa lisää. Kirjoita tähän, jos pääset – kirjastossa on tarjolla kahvia!',
    daysAgo: 0,
    replies: [{ by: 'marjatta.koskinen', text: 'Pääsen 8.12. ja 15.12. iltapäivällä.' }],
  },
  {
    category: 'kela-omakanta-suomifi',
    by: 'niklas.gronroos',
    language: 'sv',
    title: 'Fullmakt i Suomi.fi för en anhörig',
    text: 'Hur hjälper man en kund att ge sin dotter fullmakt att sköta FPA-ärenden? Kunden har bankkoder men ingen dator hemma.',
    tags: ['suomi.fi', 'fpa'],
    daysAgo: 14,
    replies: [
      {
        by: 'trainer',
        text: 'Logga in på Suomi.fi på stödpunktens dator, välj Fullmakter > Ge fullmakt, och välj ärendet "Ansöka om FPA-förmåner". Dottern måste godkänna i sin egen Suomi.fi.',
        verifiedBy: 'trainer',
      },
    ],
    accepted: 0,
  },
  {
    category: 'alypuhelimet-ja-tabletit',
    by: 'olena.kovalenko',
    language: 'en',
    title: 'Changing the phone language back to Finnish',
    text: 'A resident’s grandchild changed the phone language to English and now she cannot find the settings. Where is the language setting on a Xiaomi phone?',
    devices: ['android'],
    daysAgo: 20,
    replies: [
      {
        by: 'amira.yusuf',
        text: 'Settings > Additional settings > Languages & input > Languages. Drag Suomi to the top.',
      },
    ],
    accepted: 0,
  },
];
