// The demo e-service catalogue: city services and the national ones residents bring to the
// support points. Slugs double as the e-service tags of forum threads and library materials.

export type DemoEService = {
  slug: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
  owner: string;
  status: 'planned' | 'pilot' | 'launched' | 'retired';
  launchDate?: string;
  publicUrl: string;
  helpFi: string;
  helpSv: string;
  helpEn: string;
};

const svc = (
  slug: string,
  names: [string, string, string],
  owner: string,
  publicUrl: string,
  help: [string, string, string],
  status: DemoEService['status'] = 'launched',
  launchDate?: string,
): DemoEService => ({
  slug,
  nameFi: names[0],
  nameSv: names[1],
  nameEn: names[2],
  owner,
  status,
  launchDate,
  publicUrl,
  helpFi: help[0],
  helpSv: help[1],
  helpEn: help[2],
});

export const ESERVICES: DemoEService[] = [
  svc(
    'omakanta',
    ['OmaKanta', 'MinaKanta', 'My Kanta Pages'],
    'Kela / Kanta-palvelut',
    'https://www.kanta.fi/omakanta',
    [
      'Kirjautuminen vaatii vahvan tunnistautumisen. Tarkista ensin, että asukkaalla on pankkitunnukset tai mobiilivarmenne. Reseptin uusiminen löytyy kohdasta Reseptit.',
      'Inloggningen kräver stark autentisering. Kontrollera först att invånaren har bankkoder eller mobilcertifikat. Förnyelse av recept finns under Recept.',
      'Logging in needs strong identification. First check that the resident has online banking codes or a mobile certificate. Renewing a prescription is under Prescriptions.',
    ],
  ),
  svc(
    'kela',
    ['Kelan asiointipalvelu', 'FPA:s e-tjänst', 'Kela online service'],
    'Kela',
    'https://www.kela.fi/asiointi',
    [
      'Hakemukset ja liitteet lähetetään asiointipalvelussa. Pyydä asukasta ottamaan liitteet valmiiksi kuvina tai PDF-tiedostoina.',
      'Ansökningar och bilagor skickas i e-tjänsten. Be invånaren ha bilagorna färdiga som bilder eller PDF-filer.',
      'Applications and attachments are sent in the online service. Ask the resident to have attachments ready as photos or PDF files.',
    ],
  ),
  svc(
    'suomi-fi',
    [
      'Suomi.fi-viestit ja -valtuudet',
      'Suomi.fi-meddelanden och -fullmakter',
      'Suomi.fi Messages and e-Authorizations',
    ],
    'Digi- ja väestötietovirasto',
    'https://www.suomi.fi',
    [
      'Valtuudella asukas voi antaa toisen hoitaa asioitaan. Valtuuttaminen tehdään Suomi.fi-palvelussa vahvasti tunnistautuneena.',
      'Med en fullmakt kan invånaren låta någon annan sköta ärenden. Fullmakten ges i Suomi.fi efter stark autentisering.',
      'With an authorization the resident can let someone else handle their affairs. It is given in Suomi.fi after strong identification.',
    ],
  ),
  svc(
    'pankit',
    [
      'Pankkitunnukset ja tunnistussovellukset',
      'Bankkoder och identifieringsappar',
      'Bank IDs and identification apps',
    ],
    'Pankit',
    'https://www.finanssiala.fi',
    [
      'Tunnistautuminen tehdään pankin omalla sovelluksella. Älä koskaan kirjaudu asukkaan puolesta; neuvo häntä tekemään itse.',
      'Identifieringen görs i bankens egen app. Logga aldrig in för invånaren; handled hen att göra det själv.',
      "Identification is done in the bank's own app. Never log in for the resident; guide them to do it themselves.",
    ],
  ),
  svc(
    'hsl-sovellus',
    ['HSL-sovellus', 'HRT-appen', 'HSL app'],
    'Helsingin seudun liikenne',
    'https://www.hsl.fi/sovellus',
    [
      'Lippu ostetaan sovelluksessa maksukortilla tai MobilePaylla. Kausilipun voi ladata matkakortille myös verkkokaupassa.',
      'Biljetten köps i appen med betalkort eller MobilePay. Periodbiljett kan också laddas på resekortet i nätbutiken.',
      'Tickets are bought in the app with a payment card or MobilePay. A season ticket can also be loaded on the travel card online.',
    ],
  ),
  svc(
    'maksuton-terveysneuvonta',
    [
      'Helsingin terveysasemien ajanvaraus',
      'Tidsbokning vid Helsingfors hälsostationer',
      'Helsinki health station appointments',
    ],
    'Helsingin kaupunki, sosiaali-, terveys- ja pelastustoimiala',
    'https://www.hel.fi/terveysasemat',
    [
      'Ajan voi varata verkossa vahvasti tunnistautuneena tai soittaa terveysasemalle. Kiireellisissä asioissa neuvo soittamaan.',
      'Tid kan bokas på nätet efter stark autentisering eller per telefon. I brådskande ärenden, be hen ringa.',
      'Appointments can be booked online after strong identification or by phone. For urgent matters, advise calling.',
    ],
  ),
  svc(
    'maisa',
    ['Maisa-asiointipalvelu', 'Maisa e-tjänst', 'Maisa client portal'],
    'Apotti / Helsingin kaupunki',
    'https://www.maisa.fi',
    [
      'Maisassa näkyvät Helsingin sosiaali- ja terveyspalvelujen ajanvaraukset, viestit ja tulokset.',
      'I Maisa syns tidsbokningar, meddelanden och resultat från Helsingfors social- och hälsovårdstjänster.',
      'Maisa shows appointments, messages and results from Helsinki social and health services.',
    ],
  ),
  svc(
    'helmet',
    ['Helmet-kirjastojen verkkopalvelu', 'Helmet-bibliotekens webbtjänst', 'Helmet libraries online'],
    'Helsingin kaupunginkirjasto',
    'https://www.helmet.fi',
    [
      'Varaukset ja lainojen uusiminen onnistuvat kirjastokortin numerolla ja PIN-koodilla. Unohtuneen PIN-koodin saa kirjastosta henkilökorttia näyttämällä.',
      'Reserveringar och förnyelser görs med lånekortets nummer och PIN-kod. En glömd PIN-kod fås på biblioteket mot legitimation.',
      'Reservations and renewals use the library card number and PIN. A forgotten PIN is given at the library on showing ID.',
    ],
  ),
  svc(
    'varaamo',
    ['Varaamo', 'Varaamo', 'Varaamo'],
    'Helsingin kaupunki, kulttuurin ja vapaa-ajan toimiala',
    'https://varaamo.hel.fi',
    [
      'Tiloja ja laitteita varataan kirjautuneena. Maksullisissa varauksissa tarvitaan maksukortti.',
      'Lokaler och utrustning bokas inloggad. För avgiftsbelagda bokningar behövs betalkort.',
      'Rooms and equipment are booked when logged in. Paid bookings need a payment card.',
    ],
  ),
  svc(
    'palvelukartta',
    ['Palvelukartta', 'Servicekarta', 'Service Map'],
    'Helsingin kaupunki',
    'https://palvelukartta.hel.fi',
    [
      'Hae palvelua osoitteella tai nimellä. Esteettömyystiedot löytyvät jokaisen toimipisteen kohdalta.',
      'Sök tjänst med adress eller namn. Tillgänglighetsuppgifter finns för varje verksamhetsställe.',
      'Search by address or name. Accessibility information is shown for every location.',
    ],
  ),
  svc(
    'wilma',
    ['Wilma', 'Wilma', 'Wilma'],
    'Helsingin kaupunki, kasvatuksen ja koulutuksen toimiala',
    'https://helsinki.inschool.fi',
    [
      'Huoltajan tunnukset luodaan vahvalla tunnistautumisella. Viestit ja poissaoloilmoitukset löytyvät etusivulta.',
      'Vårdnadshavarens koder skapas med stark autentisering. Meddelanden och frånvaroanmälningar finns på startsidan.',
      'Guardian accounts are created with strong identification. Messages and absence notices are on the front page.',
    ],
  ),
  svc('verohallinto', ['OmaVero', 'MinSkatt', 'MyTax'], 'Verohallinto', 'https://www.vero.fi/omavero', [
    'Veroilmoituksen tarkistus ja verokortin muutos tehdään OmaVerossa. Muistuta tarkistamaan tiedot ennen lähettämistä.',
    'Skattedeklarationen granskas och skattekortet ändras i MinSkatt. Påminn om att granska uppgifterna innan de skickas.',
    'Tax returns are checked and tax cards changed in MyTax. Remind the resident to check details before sending.',
  ]),
  svc(
    'digi-ja-vaestotieto-mobiilivarmenne',
    ['Mobiilivarmenne', 'Mobilcertifikat', 'Mobile certificate'],
    'Teleoperaattorit',
    'https://www.mobiilivarmenne.fi',
    [
      'Mobiilivarmenne tilataan omalta operaattorilta. Se toimii, vaikka asukkaalla ei olisi pankkitunnuksia.',
      'Mobilcertifikat beställs från den egna operatören. Det fungerar även utan bankkoder.',
      "The mobile certificate is ordered from one's own operator. It works even without bank codes.",
    ],
  ),
  svc(
    'asukaspysakointi',
    ['Asukaspysäköintitunnus', 'Invånarparkeringstillstånd', 'Resident parking permit'],
    'Helsingin kaupunki, kaupunkiympäristön toimiala',
    'https://www.hel.fi/pysakointi',
    [
      'Tunnus haetaan ja maksetaan verkossa. Auton rekisteriote ja osoitetiedot tarkistetaan automaattisesti.',
      'Tillståndet söks och betalas på nätet. Bilens registeruppgifter och adress kontrolleras automatiskt.',
      'The permit is applied for and paid online. Vehicle register and address details are checked automatically.',
    ],
  ),
  svc(
    'helsinki-sovellus',
    ['Helsinki-sovellus', 'Helsingfors-appen', 'Helsinki app'],
    'Helsingin kaupunki',
    'https://www.hel.fi/sovellus',
    [
      'Uusi sovellus kokoaa kaupungin palvelut yhteen. Esittele kirjautuminen ja ilmoitusasetukset.',
      'Den nya appen samlar stadens tjänster. Visa inloggningen och aviseringsinställningarna.',
      "The new app brings the city's services together. Show the login and notification settings.",
    ],
    'pilot',
    '2027-02-01',
  ),
  svc(
    'sahkoinen-ajanvaraus-neuvolat',
    [
      'Neuvoloiden sähköinen ajanvaraus',
      'Elektronisk tidsbokning till rådgivningen',
      'Child health clinic online booking',
    ],
    'Helsingin kaupunki, sosiaali-, terveys- ja pelastustoimiala',
    'https://www.hel.fi/neuvolat',
    [
      'Ajanvaraus siirtyy Maisaan. Ohjaa perheitä kirjautumaan Maisaan ja tarkistamaan lapsen tiedot.',
      'Tidsbokningen flyttar till Maisa. Hänvisa familjer att logga in i Maisa och kontrollera barnets uppgifter.',
      "Booking moves to Maisa. Guide families to log in to Maisa and check their child's details.",
    ],
    'planned',
    '2027-03-15',
  ),
];
