// Helsinki's districts as residents name them, each once with its Finnish and Swedish name
// (English uses the Finnish one). A support point stores the Finnish name; pages show the
// reader's. One list, so that "Töölö" and "Tölö" can never be two districts (issue 21).
// Client-safe: the form, the filter and the pages use it.

export type District = { fi: string; sv: string };

export const DISTRICTS: readonly District[] = [
  { fi: 'Alppiharju', sv: 'Åshöjden' },
  { fi: 'Arabianranta', sv: 'Arabiastranden' },
  { fi: 'Eira', sv: 'Eira' },
  { fi: 'Haaga', sv: 'Haga' },
  { fi: 'Hakaniemi', sv: 'Hagnäs' },
  { fi: 'Hermanni', sv: 'Hermanstad' },
  { fi: 'Herttoniemi', sv: 'Hertonäs' },
  { fi: 'Itäkeskus', sv: 'Östra centrum' },
  { fi: 'Jakomäki', sv: 'Jakobacka' },
  { fi: 'Jätkäsaari', sv: 'Busholmen' },
  { fi: 'Kaartinkaupunki', sv: 'Gardesstaden' },
  { fi: 'Kalasatama', sv: 'Fiskehamnen' },
  { fi: 'Kallio', sv: 'Berghäll' },
  { fi: 'Kamppi', sv: 'Kampen' },
  { fi: 'Kannelmäki', sv: 'Gamlas' },
  { fi: 'Katajanokka', sv: 'Skatudden' },
  { fi: 'Keskusta', sv: 'Centrum' },
  { fi: 'Kluuvi', sv: 'Gloet' },
  { fi: 'Konala', sv: 'Kånala' },
  { fi: 'Kontula', sv: 'Gårdsbacka' },
  { fi: 'Koskela', sv: 'Forsby' },
  { fi: 'Kruununhaka', sv: 'Kronohagen' },
  { fi: 'Kulosaari', sv: 'Brändö' },
  { fi: 'Käpylä', sv: 'Kottby' },
  { fi: 'Laajasalo', sv: 'Degerö' },
  { fi: 'Lauttasaari', sv: 'Drumsö' },
  { fi: 'Malmi', sv: 'Malm' },
  { fi: 'Malminkartano', sv: 'Malmgård' },
  { fi: 'Maunula', sv: 'Månsas' },
  { fi: 'Meilahti', sv: 'Mejlans' },
  { fi: 'Mellunmäki', sv: 'Mellungsbacka' },
  { fi: 'Munkkiniemi', sv: 'Munksnäs' },
  { fi: 'Myllypuro', sv: 'Kvarnbäcken' },
  { fi: 'Oulunkylä', sv: 'Åggelby' },
  { fi: 'Pakila', sv: 'Baggböle' },
  { fi: 'Paloheinä', sv: 'Svedängen' },
  { fi: 'Pasila', sv: 'Böle' },
  { fi: 'Pihlajamäki', sv: 'Rönnbacka' },
  { fi: 'Pitäjänmäki', sv: 'Sockenbacka' },
  { fi: 'Puistola', sv: 'Parkstad' },
  { fi: 'Pukinmäki', sv: 'Bocksbacka' },
  { fi: 'Punavuori', sv: 'Rödbergen' },
  { fi: 'Roihuvuori', sv: 'Kasberget' },
  { fi: 'Ruoholahti', sv: 'Gräsviken' },
  { fi: 'Ruskeasuo', sv: 'Brunakärr' },
  { fi: 'Suomenlinna', sv: 'Sveaborg' },
  { fi: 'Suutarila', sv: 'Skomakarböle' },
  { fi: 'Sörnäinen', sv: 'Sörnäs' },
  { fi: 'Tapanila', sv: 'Mosabacka' },
  { fi: 'Tapulikaupunki', sv: 'Stapelstaden' },
  { fi: 'Toukola', sv: 'Majstad' },
  { fi: 'Töölö', sv: 'Tölö' },
  { fi: 'Ullanlinna', sv: 'Ulrikasborg' },
  { fi: 'Vallila', sv: 'Vallgård' },
  { fi: 'Vartiokylä', sv: 'Botby' },
  { fi: 'Viikki', sv: 'Vik' },
  { fi: 'Vuosaari', sv: 'Nordsjö' },
  { fi: 'Östersundom', sv: 'Östersundom' },
];

export const DISTRICT_KEYS = DISTRICTS.map((d) => d.fi);

/** A district's name for a reader; a stored name not on the list (older data) as it is. */
export function districtName(stored: string, language: string): string {
  const district = DISTRICTS.find((d) => d.fi === stored);
  if (!district) return stored;
  return language === 'sv' ? district.sv : district.fi;
}

/** The stored (Finnish) names of the districts whose name in either language contains `text`. */
export function districtsMatching(text: string): string[] {
  const needle = text.toLocaleLowerCase('fi');
  return DISTRICTS.filter(
    (d) => d.fi.toLocaleLowerCase('fi').includes(needle) || d.sv.toLocaleLowerCase('sv').includes(needle),
  ).map((d) => d.fi);
}
