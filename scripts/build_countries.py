"""Generate ``src/dyad/actors/data/countries.yaml`` from pycountry plus dyad's additions.

Run once (and again when the additions change): ``python scripts/build_countries.py``.
It also writes ``src/dyad/geo/data/demonyms.tsv``, the national demonyms alone, which the
geo stage reads (it sits below the actor stage and cannot read the actor knowledge base).
pycountry gives the ISO 3166 names and codes; the additions below give what news text
actually uses: demonyms, short forms, capitals and seats of government. PLOVER folds
dependencies into their controlling state (Falklands → GBR), keeps Palestine, Hong Kong
and Taiwan, and codes Kosovo as KOS, which is not in ISO 3166.
"""

from __future__ import annotations

from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "actors" / "data" / "countries.yaml"
GEO_OUT = Path(__file__).resolve().parents[1] / "src" / "dyad" / "geo" / "data" / "demonyms.tsv"

# PLOVER: dependencies are coded as their controlling state.
FOLDED = {
    "ALA": "FIN",
    "ASM": "USA",
    "AIA": "GBR",
    "ABW": "NLD",
    "BMU": "GBR",
    "BES": "NLD",
    "BVT": "NOR",
    "IOT": "GBR",
    "CYM": "GBR",
    "CXR": "AUS",
    "CCK": "AUS",
    "COK": "NZL",
    "CUW": "NLD",
    "FLK": "GBR",
    "FRO": "DNK",
    "GUF": "FRA",
    "PYF": "FRA",
    "ATF": "FRA",
    "GIB": "GBR",
    "GRL": "DNK",
    "GLP": "FRA",
    "GUM": "USA",
    "GGY": "GBR",
    "HMD": "AUS",
    "IMN": "GBR",
    "JEY": "GBR",
    "MAC": "CHN",
    "MTQ": "FRA",
    "MYT": "FRA",
    "MSR": "GBR",
    "NCL": "FRA",
    "NIU": "NZL",
    "NFK": "AUS",
    "MNP": "USA",
    "PCN": "GBR",
    "PRI": "USA",
    "REU": "FRA",
    "BLM": "FRA",
    "SHN": "GBR",
    "MAF": "FRA",
    "SPM": "FRA",
    "SXM": "NLD",
    "SGS": "GBR",
    "SJM": "NOR",
    "TKL": "NZL",
    "TCA": "GBR",
    "UMI": "USA",
    "VGB": "GBR",
    "VIR": "USA",
    "WLF": "FRA",
    "ESH": "MAR",
}

# code: (extra names, demonyms, capitals/seats of government)
ADDITIONS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "AFG": ([], ["Afghan", "Afghans", "Afghani"], ["Kabul"]),
    "ALB": ([], ["Albanian", "Albanians"], ["Tirana"]),
    "DZA": ([], ["Algerian", "Algerians"], ["Algiers"]),
    "AGO": ([], ["Angolan", "Angolans"], ["Luanda"]),
    "ARG": ([], ["Argentine", "Argentinian", "Argentines"], ["Buenos Aires"]),
    "ARM": ([], ["Armenian", "Armenians"], ["Yerevan"]),
    "AUS": ([], ["Australian", "Australians"], ["Canberra"]),
    "AUT": ([], ["Austrian", "Austrians"], ["Vienna"]),
    "AZE": ([], ["Azerbaijani", "Azeri", "Azerbaijanis"], ["Baku"]),
    "BHR": ([], ["Bahraini", "Bahrainis"], ["Manama"]),
    "BGD": ([], ["Bangladeshi", "Bangladeshis"], ["Dhaka"]),
    "BLR": (["Belarus"], ["Belarusian", "Belarusians"], ["Minsk"]),
    "BEL": ([], ["Belgian", "Belgians"], ["Brussels"]),
    "BEN": ([], ["Beninese"], ["Porto-Novo"]),
    "BOL": (["Bolivia"], ["Bolivian", "Bolivians"], ["La Paz"]),
    "BIH": (["Bosnia", "Bosnia-Herzegovina"], ["Bosnian", "Bosnians"], ["Sarajevo"]),
    "BRA": ([], ["Brazilian", "Brazilians"], ["Brasilia"]),
    "BGR": ([], ["Bulgarian", "Bulgarians"], ["Sofia"]),
    "BFA": ([], ["Burkinabe"], ["Ouagadougou"]),
    "BDI": ([], ["Burundian", "Burundians"], ["Bujumbura", "Gitega"]),
    "KHM": (["Kampuchea"], ["Cambodian", "Cambodians", "Kampuchean", "Khmer"], ["Phnom Penh"]),
    "CMR": ([], ["Cameroonian", "Cameroonians"], ["Yaounde"]),
    "CAN": ([], ["Canadian", "Canadians"], ["Ottawa"]),
    "CAF": ([], ["Central African"], ["Bangui"]),
    "TCD": ([], ["Chadian", "Chadians"], ["N'Djamena"]),
    "CHL": ([], ["Chilean", "Chileans"], ["Santiago"]),
    "CHN": (["PRC", "People's Republic of China", "mainland China"], ["Chinese"], ["Beijing", "Peking"]),
    "COL": ([], ["Colombian", "Colombians"], ["Bogota"]),
    "COD": (
        ["Congo-Kinshasa", "DR Congo", "DRC", "Democratic Republic of Congo", "Zaire"],
        ["Congolese", "Zairean"],
        ["Kinshasa"],
    ),
    "COG": (["Congo-Brazzaville", "Republic of Congo"], [], ["Brazzaville"]),
    "CRI": ([], ["Costa Rican"], ["San Jose"]),
    "CIV": (["Ivory Coast", "Cote d'Ivoire"], ["Ivorian", "Ivorians"], ["Abidjan", "Yamoussoukro"]),
    "HRV": ([], ["Croatian", "Croat", "Croats", "Croatians"], ["Zagreb"]),
    "CUB": ([], ["Cuban", "Cubans"], ["Havana"]),
    "CYP": ([], ["Cypriot", "Cypriots"], ["Nicosia"]),
    "CZE": (["Czech Republic", "Czechia"], ["Czech", "Czechs"], ["Prague"]),
    "DNK": ([], ["Danish", "Dane", "Danes"], ["Copenhagen"]),
    "DJI": ([], ["Djiboutian"], []),
    "DOM": ([], ["Dominican"], ["Santo Domingo"]),
    "ECU": ([], ["Ecuadorian", "Ecuadorean"], ["Quito"]),
    "EGY": ([], ["Egyptian", "Egyptians"], ["Cairo"]),
    "SLV": ([], ["Salvadoran", "Salvadorean"], ["San Salvador"]),
    "ERI": ([], ["Eritrean", "Eritreans"], ["Asmara"]),
    "EST": ([], ["Estonian", "Estonians"], ["Tallinn"]),
    "ETH": (["Ethopia"], ["Ethiopian", "Ethiopians"], ["Addis Ababa"]),
    "FIN": ([], ["Finnish", "Finn", "Finns"], ["Helsinki"]),
    "FRA": ([], ["French", "Frenchman"], ["Paris", "the Elysee", "Elysee Palace", "Quai d'Orsay"]),
    "GAB": ([], ["Gabonese"], ["Libreville"]),
    "GMB": (["Gambia"], ["Gambian", "Gambians"], ["Banjul"]),
    "GEO": ([], ["Georgian", "Georgians"], ["Tbilisi"]),
    "DEU": (
        ["West Germany", "East Germany"],
        ["German", "Germans", "West German", "East German"],
        ["Berlin", "Bonn"],
    ),
    "GHA": ([], ["Ghanaian", "Ghanaians", "Ghanian", "Ghanians"], ["Accra"]),
    "GRC": ([], ["Greek", "Greeks"], ["Athens"]),
    "GTM": ([], ["Guatemalan", "Guatemalans"], ["Guatemala City"]),
    "GIN": ([], ["Guinean", "Guineans"], ["Conakry"]),
    "HTI": ([], ["Haitian", "Haitians"], ["Port-au-Prince"]),
    "HND": ([], ["Honduran", "Hondurans"], ["Tegucigalpa"]),
    "HKG": ([], ["Hong Konger"], []),
    "HUN": ([], ["Hungarian", "Hungarians"], ["Budapest"]),
    "ISL": ([], ["Icelandic", "Icelander"], ["Reykjavik"]),
    "IND": ([], ["Indian", "Indians"], ["New Delhi"]),
    "IDN": ([], ["Indonesian", "Indonesians"], ["Jakarta"]),
    "IRN": (["Iran", "Persia"], ["Iranian", "Iranians", "Persian"], ["Tehran", "Teheran"]),
    "IRQ": ([], ["Iraqi", "Iraqis"], ["Baghdad"]),
    "IRL": (["Ireland", "Irish Republic"], ["Irish"], ["Dublin"]),
    "ISR": ([], ["Israeli", "Israelis"], ["Jerusalem", "the Knesset"]),
    "ITA": ([], ["Italian", "Italians"], ["Rome"]),
    "JPN": ([], ["Japanese"], ["Tokyo"]),
    "JOR": ([], ["Jordanian", "Jordanians"], ["Amman"]),
    "KAZ": ([], ["Kazakh", "Kazakhstani"], ["Astana", "Almaty"]),
    "KEN": ([], ["Kenyan", "Kenyans"], ["Nairobi"]),
    "PRK": (["North Korea", "DPRK"], ["North Korean", "North Koreans"], ["Pyongyang"]),
    "KOR": (["South Korea", "ROK"], ["South Korean", "South Koreans"], ["Seoul"]),
    "KWT": ([], ["Kuwaiti", "Kuwaitis"], ["Kuwait City"]),
    "KGZ": (["Kyrgyzstan", "Kirghizia"], ["Kyrgyz"], ["Bishkek"]),
    "LAO": (["Laos"], ["Laotian", "Lao"], ["Vientiane"]),
    "LVA": ([], ["Latvian", "Latvians"], ["Riga"]),
    "LBN": ([], ["Lebanese"], ["Beirut"]),
    "LBR": ([], ["Liberian", "Liberians"], ["Monrovia"]),
    "LBY": ([], ["Libyan", "Libyans"], ["Tripoli"]),
    "LTU": ([], ["Lithuanian", "Lithuanians"], ["Vilnius"]),
    "MKD": (["Macedonia", "North Macedonia"], ["Macedonian", "Macedonians"], ["Skopje"]),
    "MDG": ([], ["Malagasy"], ["Antananarivo"]),
    "MWI": ([], ["Malawian"], ["Lilongwe"]),
    "MYS": ([], ["Malaysian", "Malaysians"], ["Kuala Lumpur"]),
    "MLI": ([], ["Malian", "Malians"], ["Bamako"]),
    "MRT": ([], ["Mauritanian", "Mauritanians"], ["Nouakchott"]),
    "MEX": ([], ["Mexican", "Mexicans"], ["Mexico City"]),
    "MDA": (["Moldova", "Moldovia"], ["Moldovan", "Moldovans"], ["Chisinau"]),
    "MNG": ([], ["Mongolian", "Mongolians"], ["Ulan Bator", "Ulaanbaatar"]),
    "MNE": ([], ["Montenegrin", "Montenegrins"], ["Podgorica"]),
    "MAR": ([], ["Moroccan", "Moroccans"], ["Rabat"]),
    "MOZ": ([], ["Mozambican", "Mozambicans"], ["Maputo"]),
    "MMR": (["Burma"], ["Burmese", "Myanmarese"], ["Rangoon", "Yangon", "Naypyidaw"]),
    "NAM": ([], ["Namibian", "Namibians"], ["Windhoek"]),
    "NPL": ([], ["Nepali", "Nepalese"], ["Kathmandu", "Khatmandu"]),
    "NLD": (["Holland", "the Netherlands"], ["Dutch"], ["Amsterdam", "The Hague"]),
    "NZL": ([], ["New Zealander", "New Zealanders"], ["Wellington"]),
    "NIC": ([], ["Nicaraguan", "Nicaraguans"], ["Managua"]),
    "NER": ([], ["Nigerien", "Nigeriens"], ["Niamey"]),
    "NGA": ([], ["Nigerian", "Nigerians"], ["Abuja", "Lagos"]),
    "NOR": ([], ["Norwegian", "Norwegians"], ["Oslo"]),
    "OMN": ([], ["Omani", "Omanis"], ["Muscat"]),
    "PAK": ([], ["Pakistani", "Pakistanis"], ["Islamabad"]),
    "PSE": (
        ["Palestine", "Palestinian territories", "West Bank", "Gaza", "Gaza Strip", "Palestinian Authority"],
        ["Palestinian", "Palestinians"],
        ["Ramallah"],
    ),
    "PAN": ([], ["Panamanian", "Panamanians"], ["Panama City"]),
    "PRY": ([], ["Paraguayan", "Paraguayans"], ["Asuncion"]),
    "PER": ([], ["Peruvian", "Peruvians"], ["Lima"]),
    "PHL": (["Phillippines"], ["Filipino", "Filipinos", "Philippine"], ["Manila"]),
    "POL": ([], ["Polish", "Pole", "Poles"], ["Warsaw"]),
    "PRT": ([], ["Portuguese"], ["Lisbon"]),
    "QAT": (["Quatar"], ["Qatari", "Qataris"], ["Doha"]),
    "ROU": (["Rumania"], ["Romanian", "Romanians", "Rumanian"], ["Bucharest"]),
    "RUS": (
        ["Russia", "Soviet Union", "USSR"],
        ["Russian", "Russians", "Soviet", "Soviets"],
        ["Moscow", "the Kremlin", "Kremlin"],
    ),
    "RWA": ([], ["Rwandan", "Rwandans", "Rwandese"], ["Kigali"]),
    "SAU": (["Saudi"], ["Saudi", "Saudis", "Saudi Arabian"], ["Riyadh"]),
    "SEN": ([], ["Senegalese"], ["Dakar"]),
    "SRB": (["Yugoslavia"], ["Serbian", "Serb", "Serbs", "Yugoslav"], ["Belgrade"]),
    "SLE": ([], ["Sierra Leonean", "Sierra Leoneans"], ["Freetown"]),
    "SGP": ([], ["Singaporean", "Singaporeans"], []),
    "SVK": ([], ["Slovak", "Slovakian", "Slovaks"], ["Bratislava"]),
    "SVN": ([], ["Slovenian", "Slovene", "Slovenes"], ["Ljubljana"]),
    "SOM": ([], ["Somali", "Somalis"], ["Mogadishu"]),
    "ZAF": (["S. Africa"], ["South African", "South Africans"], ["Pretoria", "Cape Town"]),
    "SSD": ([], ["South Sudanese"], ["Juba"]),
    "ESP": ([], ["Spanish", "Spaniard", "Spaniards"], ["Madrid"]),
    "LKA": (["Ceylon"], ["Sri Lankan", "Sri Lankans"], ["Colombo"]),
    "SDN": ([], ["Sudanese"], ["Khartoum"]),
    "SWE": ([], ["Swedish", "Swede", "Swedes"], ["Stockholm"]),
    "CHE": ([], ["Swiss"], ["Bern", "Berne"]),
    "SYR": (["Syria"], ["Syrian", "Syrians"], ["Damascus"]),
    "TWN": (["Taiwan", "Republic of China"], ["Taiwanese"], ["Taipei"]),
    "TJK": ([], ["Tajik", "Tajiks"], ["Dushanbe"]),
    "TZA": (["Tanzania"], ["Tanzanian", "Tanzanians"], ["Dar es Salaam", "Dodoma"]),
    "THA": ([], ["Thai"], ["Bangkok"]),
    "TGO": ([], ["Togolese"], ["Lome"]),
    "TUN": ([], ["Tunisian", "Tunisians"], ["Tunis"]),
    "TUR": (["Turkey", "Turkiye"], ["Turkish", "Turk", "Turks"], ["Ankara"]),
    "TKM": ([], ["Turkmen"], ["Ashgabat"]),
    "UGA": ([], ["Ugandan", "Ugandans"], ["Kampala"]),
    "UKR": ([], ["Ukrainian", "Ukrainians"], ["Kyiv", "Kiev"]),
    "ARE": (["UAE", "U.A.E.", "Emirates", "United Arab Emirates"], ["Emirati", "Emiratis"], ["Abu Dhabi"]),
    "GBR": (
        ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales", "Northern Ireland"],
        ["British", "Briton", "Britons", "English", "Scottish", "Welsh"],
        ["London", "Downing Street", "Whitehall"],
    ),
    "USA": (
        ["United States", "U.S.", "US", "USA", "U.S.A.", "America", "United States of America"],
        ["American", "Americans"],
        ["Washington"],
    ),
    "URY": ([], ["Uruguayan", "Uruguayans"], ["Montevideo"]),
    "UZB": ([], ["Uzbek", "Uzbeks"], ["Tashkent"]),
    "VEN": (["Venezuela"], ["Venezuelan", "Venezuelans"], ["Caracas"]),
    "VNM": (["Vietnam", "Viet Nam"], ["Vietnamese"], ["Hanoi"]),
    "YEM": ([], ["Yemeni", "Yemenis"], ["Sanaa", "Sana'a"]),
    "ZMB": ([], ["Zambian", "Zambians"], ["Lusaka"]),
    "ZWE": ([], ["Zimbabwean", "Zimbabweans"], ["Harare"]),
}

# Seats of government and state bodies named without their country: phrase → sectors.
INSTITUTIONS: dict[str, dict[str, list[str]]] = {
    "USA": {
        "the White House": ["GOV"],
        "State Department": ["GOV"],
        "the Pentagon": ["MIL"],
        "Capitol Hill": ["LEG"],
        "CIA": ["SPY"],
        "FBI": ["COP"],
        "Oval Office": ["GOV"],
    },
    "RUS": {
        "the Kremlin": ["GOV"],
        "the Duma": ["LEG"],
        "State Duma": ["LEG"],
        "FSB": ["SPY"],
        "KGB": ["SPY"],
    },
    "ISR": {
        "the Knesset": ["LEG"],
        "Mossad": ["SPY"],
        "Shin Bet": ["SPY"],
        "IDF": ["MIL"],
        "Israel Defense Forces": ["MIL"],
    },
    "GBR": {
        "Downing Street": ["GOV"],
        "Whitehall": ["GOV"],
        "Foreign Office": ["GOV"],
        "MI6": ["SPY"],
        "House of Commons": ["LEG"],
    },
    "FRA": {"the Elysee": ["GOV"], "Elysee Palace": ["GOV"], "Quai d'Orsay": ["GOV"]},
    "IRN": {
        "IRGC": ["MIL"],
        "Revolutionary Guards": ["MIL"],
        "Islamic Revolutionary Guard Corps": ["MIL"],
        "Quds Force": ["MIL"],
        "Majlis": ["LEG"],
    },
    "CHN": {"Zhongnanhai": ["GOV"], "People's Liberation Army": ["MIL"], "PLA": ["MIL"]},
    "TUR": {"Grand National Assembly": ["LEG"]},
}

# Kurds live in four states; the demonym is kept, with its ethnicity as an attribute.
DEMONYM_ATTRIBUTES = {
    "Kurdish": "ethnicity:kurdish",
    "Kurds": "ethnicity:kurdish",
    "Kurd": "ethnicity:kurdish",
}


# Ethnic and regional groups whose homeland lies in one state: the demonym gives that
# country, and the group is kept as an attribute ("Yoruba leaders" -> NGA, ethnicity:yoruba).
# Groups spread over several states (Pashtuns, Baloch, Tamils, Hutus) are left out: a
# country would be a guess.
GROUP_DEMONYMS: dict[str, list[tuple[str, str]]] = {
    "NGA": [
        *((t, "ethnicity:yoruba") for t in ("Yoruba", "Yorubas")),
        *((t, "ethnicity:hausa") for t in ("Hausa", "Hausas")),
        *((t, "ethnicity:igbo") for t in ("Igbo", "Igbos", "Ibo", "Ibos")),
        *((t, "ethnicity:ijaw") for t in ("Ijaw", "Ijaws")),
        *((t, "ethnicity:ogoni") for t in ("Ogoni",)),
    ],
    "RUS": [*((t, "ethnicity:chechen") for t in ("Chechen", "Chechens")), ("Ingush", "ethnicity:ingush")],
    "CHN": [
        *((t, "ethnicity:uyghur") for t in ("Uighur", "Uighurs", "Uyghur", "Uyghurs")),
        *((t, "ethnicity:tibetan") for t in ("Tibetan", "Tibetans")),
    ],
    "ESP": [
        *((t, "ethnicity:basque") for t in ("Basque", "Basques")),
        *((t, "region:catalonia") for t in ("Catalan", "Catalans")),
    ],
    "GBR": [
        *((t, "region:scotland") for t in ("Scottish", "Scot", "Scots")),
        *((t, "region:wales") for t in ("Welsh",)),
        ("Northern Irish", "region:northern-ireland"),
    ],
    "LKA": [*((t, "ethnicity:sinhalese") for t in ("Sinhalese", "Sinhala"))],
    "SDN": [*((t, "region:darfur") for t in ("Darfuri", "Darfuris"))],
    "ZWE": [*((t, "ethnicity:ndebele") for t in ("Ndebele",))],
}

# States that seceded: before the date their names meant the state they left. The role
# the name has on the event's date counts, so "Juba" in a 2005 story is Sudan's.
SUCCESSION = {
    "SSD": ("SDN", "2011-07-09"),
    "ERI": ("ETH", "1993-05-24"),
}


def build() -> dict[str, list[dict[str, object]]]:
    """Return the countries document."""
    countries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        code = country.alpha_3
        if code in FOLDED:
            continue
        names = [country.name]
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and value not in names:
                names.append(value)
        extra_names, demonyms, capitals = ADDITIONS.get(code, ([], [], []))
        names += [n for n in extra_names if n not in names]
        entry: dict[str, object] = {
            "code": code,
            "name": getattr(country, "common_name", None) or country.name,
            "names": names,
        }
        if demonyms:
            entry["demonyms"] = demonyms
        if capitals:
            entry["places"] = capitals
        if code in INSTITUTIONS:
            entry["institutions"] = INSTITUTIONS[code]
        if code == "IRQ":
            # Kurds live in four states; Iraq's Kurdistan Region is where news most often means them.
            entry["demonyms"] = demonyms + [
                {"text": t, "attributes": [a]} for t, a in DEMONYM_ATTRIBUTES.items()
            ]
            entry["note"] = "Kurdish/Kurds default to IRQ with ethnicity:kurdish; override per corpus."
        if code in GROUP_DEMONYMS:
            existing = entry.get("demonyms") or []
            assert isinstance(existing, list)
            entry["demonyms"] = existing + [{"text": t, "attributes": [a]} for t, a in GROUP_DEMONYMS[code]]
        if code in SUCCESSION:
            before, until = SUCCESSION[code]
            entry["formerly"] = {"country": before, "until": until}
        countries.append(entry)
    countries.append(
        {
            "code": "KOS",
            "name": "Kosovo",
            "names": ["Kosovo"],
            "demonyms": ["Kosovar", "Kosovars", "Kosovan"],
            "places": ["Pristina"],
        }
    )
    # Dependencies fold into their controlling state (PLOVER country rules).
    by_code = {c["code"]: c for c in countries}
    for dep, owner in sorted(FOLDED.items()):
        found = pycountry.countries.get(alpha_3=dep)
        if found is not None:
            names_list = by_code[owner]["names"]
            if isinstance(names_list, list):
                names_list.append(found.name)
    return {"countries": countries}


def demonym_rows(document: dict[str, list[dict[str, object]]]) -> list[str]:
    """Return the geo table's lines: each country's plain demonyms, not the group ones.

    A group demonym carries its group as an attribute ("Kurdish", "Catalan"): the group's
    country is the actor's, not a place the word names.
    """
    lines = []
    for entry in document["countries"]:
        plain = [d for d in entry.get("demonyms") or [] if isinstance(d, str)]  # type: ignore[union-attr]
        if plain:
            lines.append(f"{entry['code']}\t{entry['name']}\t{'|'.join(plain)}\n")
    return lines


def main() -> None:
    """Write the countries file and the geo demonym table."""
    header = (
        "# Generated by scripts/build_countries.py from pycountry plus dyad's additions; edit the script.\n"
        "# Each country: code (ISO alpha-3), name, names, demonyms, places (capitals/seats: GOV),\n"
        "# institutions (phrase -> sectors).\n"
    )
    document = build()
    OUT.write_text(
        header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=110), encoding="utf-8"
    )
    GEO_OUT.write_text(
        "# Generated by scripts/build_countries.py (national demonyms of the actor knowledge base);\n"
        "# edit the script. Columns (tab-separated): country (alpha-3), name, demonyms (|-separated).\n"
        "country\tname\tdemonyms\n" + "".join(demonym_rows(document)),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
