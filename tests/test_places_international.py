"""The places stage on international news forms, with invented sentences:
people and language words, seats of power, common-word regions, region
demonyms and places inside organisations' names.

``RESOLVE`` holds sentences with one ``[[marked]]`` span each and the point
it names (resolved as a given span, within 161 km); ``DETECT`` holds
sentences whose ``[[marked]]`` spans the stage must find exactly (and
``NOT_FOUND`` words it must not take for places)."""

from __future__ import annotations

import re

import pytest
from spacy.tokens import Span

from newsledger.gazetteer import haversine_km
from newsledger.nlp.places import find_places, resolve_spans

LONDON = (51.51, -0.13)
PARIS = (48.86, 2.35)
MANCHESTER = (53.48, -2.24)
JERUSALEM = (31.78, 35.21)
WASHINGTON = (38.9, -77.04)
BERLIN = (52.52, 13.40)

#: (sentence with one [[span]], expected (lat, lon)); None: no point at all
RESOLVE = [
    # a compass word and a town's noun before "of": a town of the land the text is about
    ("TEGUCIGALPA, Honduras (AP) — Residents of the northern port of [[Trujillo]] and the southern city of "
     "Choluteca reported looting.", (15.92, -85.95)),
    ("LIMA, Peru — Residents of the northern city of [[Trujillo]] protested on Monday.", (-8.12, -79.03)),
    # a state's name after "the" that modifies no noun is the river named like it
    # (a river stands at its mouth, as GeoNames places a stream)
    ("River traffic on the [[Mississippi]] slowed to a crawl as the water fell.", (29.15, -89.25)),
    ("Barges on the [[Ohio]] waited a week for the water to rise.", (36.99, -89.13)),
    # (not where it modifies a noun: the state, a guard)
    ("A bill before the [[Mississippi]] legislature would fund rural roads.", (32.75, -89.75)),
    # "County" after a name is no US state's
    ("Roads to towns such as Greenville and Harper in [[Maryland County]] are cut off in the rainy season.",
     (4.64, -7.73)),
    # a division's name with its kind after "in" holds the town its code holds, not a great namesake near it
    ("The mayor has no connection to the satellite city of [[Gwangju]] in Gyeonggi Province.", (37.41, 127.26)),
    # a great division stands at its middle, not at its capital's point
    ("The singer was born in the port city of Santos, on the coast of [[São Paulo]] state.", (-22.2, -48.8)),
    ("Floods hit the [[Sverdlovsk region]] on Monday, the emergencies ministry said.", (58.7, 61.3)),
    # a people's word between "the" and the name tells a town from its namesake abroad
    ("Steelworkers from the Canadian [[Hamilton]] visited Motherwell and Glasgow this week, the union said.",
     (43.25, -79.85)),
    ("Farmers in Lahore and Multan said wheat prices in the Indian [[Punjab]] had risen.", (30.9, 75.4)),
    # a region's people word before a division's kind holds it ("the English county of Somerset")
    ("SOMERSET, Pa. — The borough, named after the English county of [[Somerset]], marked its "
     "bicentennial with a parade through Uptown and Friedens.", (51.10, -3.00)),
    # the biggest town named like the province that holds it outweighs its small namesakes
    # at home, whatever the text's other names have near them
    ("Shipyard workers in [[Nagasaki]] cheered the order, while officials in Tokyo said the deal "
     "would bring jobs.", (32.75, 129.88)),
    # a land's possessive after the comma owns something else ("Iran's foreign ministry")
    ("Two were expected to return to Tehran via [[Doha]], Iran's foreign ministry said.", (25.29, 51.53)),
    # "in" and a part of a land holds the name ("Tripoli in northern Lebanon")
    ("An observer for the Arab League, whose family comes from [[Tripoli]] in northern Lebanon, said he "
     "was fielding calls from Libya.", (34.44, 35.85)),
    # a village with a big city's own name only as another of its names is not the city's namesake
    ("The group, from a congregation in Lebanon, Ohio, was freed near Mirebalais. They were flown to "
     "[[Miami]] on Sunday.", (25.76, -80.19)),
    # names listed only with one another, each a capital of its own country, are the capitals
    ("MACHIAS, Maine — Clam diggers from Washington County met on Monday to talk about the closed flats "
     "near Jonesport. \"Nobody in Ottawa or [[Washington]] ever asks us,\" said a digger from Addison.",
     (38.9, -77.04)),
    # a state named like its great city is the city in a text of other countries' places ...
    ("Arabica futures in [[New York]] rose 4% on Tuesday, as frost hit Minas Gerais and growers in "
     "Colombia held back beans.", (40.71, -74.01)),
    # ... but the state where the text says so, or names one of the state's bodies
    ("Students from the State University of [[New York]] joined digs in Peru and Bolivia this summer.",
     (43.0, -75.5)),
    ("Engineers of the [[New York]] Power Authority visited dams in Brazil and Paraguay.", (43.0, -75.5)),
    ("Protesters marched in upstate [[New York]], while in Toronto and Montreal crowds were smaller.",
     (43.0, -75.5)),
    # a country named as the neighbour across a border ("on the border with Argentina")
    # does not make its paragraph's towns its own
    ("MONTEVIDEO, Uruguay — Floodwaters rose again on Sunday, the emergency agency said.\n\n"
     "In [[Salto]], on the border with Argentina, 400 people left their homes.\n\n"
     "Brazil sent two helicopters.", (-31.39, -57.96)),
    # a people word or a land before the kind of place and "of" holds the name, whatever
    # else the text names
    ("Growers in Texas said the quarantine around McAllen and Edinburg did not apply to the "
     "Canadian city of [[Mission]], east of Vancouver.", (49.13, -122.31)),
    ("Farmers in Ecuador, from Loja to Azogues, sell to buyers in the Spanish city of [[Cuenca]].",
     (40.07, -2.14)),
    ("Fighting near Lecce and Otranto is rare; in 1915 it was the Turkish peninsula of [[Gallipoli]].",
     (40.41, 26.67)),
    ("Traders cross daily into the Guangxi city of [[Pingxiang]] with fruit.", (22.09, 106.76)),
    # a village named like a city of half a million abroad, no town of the text its neighbour,
    # in a text mostly about another country: its state named elsewhere does not speak for it
    ("MUZO, Colombia — Emerald miners in Boyacá say trade is back. \"The buyers come from Bogotá, "
     "from Jaipur, from [[Antwerp]],\" said one dealer. The largest stone will be auctioned in New York.",
     (51.22, 4.40)),
    # (it keeps its own against the other mentions of the name; so does a division after a people word)
    ("Valencia, Spain's third city, hosted the talks. A second cell, based in the Venezuelan city of "
     "[[Valencia]], arranged the flights from Valencia's port.", (10.16, -68.00)),
    ("Rain flattened wheat around Lahore, Multan and Faisalabad in Punjab. Across the border in the "
     "Indian state of [[Punjab]], farmers were spared.", (31.15, 75.34)),
    # a river's short name after "the" that our table holds with its article, not a town
    # having the bare name as another of its names
    ("Fog lay thick over the [[Po]] on Monday morning, delaying ferries near Cremona.", (45.0, 10.5)),
    # 1. people forms of cities and regions
    ("[[Parisians]] queued for bread on Sunday while the mayor of Houston visited Texas.", PARIS),
    ("[[Mancunians]] braved the cold as snow fell across the city.", MANCHESTER),
    ("[[Londoners]] woke to heavy rain on Monday.", LONDON),
    ("[[Berliners]] marched against rising rents in the city centre.", BERLIN),
    ("Thousands of [[Chicagoans]] lined the lakefront for the parade.", (41.88, -87.63)),
    ("[[Viennese]] cafes reopened after the lockdown ended.", (48.21, 16.37)),
    ("Many [[Glaswegians]] turned out to vote in the referendum.", (55.86, -4.25)),
    ("[[Angelenos]] faced another week of smoke from the fires.", (34.05, -118.24)),
    ("Older [[Tokyoites]] stayed home during the heatwave.", (35.69, 139.69)),
    ("[[Californians]] will vote on the measure in November.", (37.0, -120.0)),
    ("[[Sydneysiders]] were told to save water as the drought deepened.", (-33.87, 151.21)),
    ("[[Neapolitans]] celebrated the title in the streets all night.", (40.85, 14.27)),
    # 2. seats of power and landmarks
    ("The [[Knesset]] rejected the bill, and officials in Dallas said nothing.", JERUSALEM),
    ("The [[White House]] said the president would travel to Ohio next week.", WASHINGTON),
    ("[[Downing Street]] said the prime minister would not resign.", LONDON),
    ("Officials in [[Whitehall]] were said to be furious about the leak.", LONDON),
    ("The [[Pentagon]] said troops would leave Syria by the spring.", WASHINGTON),
    ("The [[Elysee]] said the French president would visit Berlin.", PARIS),
    ("Protesters gathered in [[Tahrir Square]] for a third night.", (30.04, 31.24)),
    ("Shares fell sharply on [[Wall Street]] after the report.", (40.71, -74.01)),
    ("The [[Blue House]] said talks with Pyongyang would resume.", (37.57, 126.98)),
    ("The deal was announced at [[Zhongnanhai]] after a closed meeting.", (39.91, 116.39)),
    ("Lawmakers at [[Stormont]] failed to elect a speaker.", (54.6, -5.93)),
    ("Crowds filled [[Trafalgar Square]] for the parade.", LONDON),
    # 3. languages and short demonyms
    ("The statement was published in [[Arabic]] and English.", (25.0, 45.0)),
    ("The film was dubbed into [[Mandarin]] for its release in Shanghai.", (35.0, 105.0)),
    ("Signs in the station are written in [[Hindi]] and English.", (22.0, 79.0)),
    ("The broadcast switched to [[Swahili]] for listeners in the region.", (-6.0, 35.0)),
    ("[[Brits]] flocked to Spain for their summer holidays.", (54.0, -2.5)),
    ("[[Kiwis]] and Australians watched the rugby final.", (-42.0, 174.0)),
    ("\"[[Aotearoa]] has always had cyclones,\" the forecaster said.", (-42.0, 174.0)),
    # big towns and districts the GeoNames lists leave out; a region of New Zealand
    ("Fans filled the stadium in [[El Alto]] on Sunday as the home side won.", (-16.50, -68.19)),
    ("The final will be played in [[Luque]] on Saturday, officials in Asunción said.", (-25.27, -57.49)),
    ("Farmers in [[Canterbury]] said the drought had cut yields, and Christchurch officials agreed.",
     (-43.5, 171.8)),
    # islands, mountains and straits of world news from our own table
    ("Ferries between the islands of the [[Azores]] were cancelled.", (38.5, -28.0)),
    ("Tourists flew home from [[Lanzarote]] after the strike.", (29.04, -13.63)),
    ("Climbers were stranded on [[Annapurna]] for three days.", (28.6, 83.82)),
    ("Boats crossed the [[Torres Strait]] in heavy seas.", (-10.2, 142.3)),
    ("[[Aussies]] were warned about the bushfire risk.", (-25.0, 135.0)),
    ("Support among [[Hispanic]] voters grew, the poll in Arizona found.", (-10.0, -65.0)),
    ("The newspaper is printed in [[Farsi]] in Tehran and London.", (32.0, 53.0)),
    # 4. common-word regions read in context
    ("Tankers crossed the [[Gulf]] after Iran and Qatar agreed a truce.", (27.0, 51.0)),
    ("Oil rigs in the [[Gulf]] were evacuated as the storm neared Louisiana and Texas.", (25.0, -90.0)),
    ("Leaders in [[the West]] condemned the strikes on the capital.", None),
    ("Voters in [[the North]] turned against the ruling party.", None),
    # 5. places inside organisations' names, region demonyms
    ("Students at the University of [[Michigan]] Center for Global Health met on Friday.", (44.3, -85.5)),
    ("Flights from [[London]] City airport were cancelled because of fog.", LONDON),
    ("[[South East Asian]] nations met in Jakarta to discuss the haze.", (10.0, 106.0)),
    ("[[Latin American]] leaders arrived for the summit.", (-10.0, -65.0)),
    ("[[West African]] troops were sent to the border.", (12.0, -2.0)),
    # literal places and demonyms the stage already knew (must stay right)
    ("The [[British]] government said it would send aid.", (54.0, -2.5)),
    ("Veterans of the [[Iraq]] war met in Chicago.", (33.0, 44.0)),
    ("[[Norwegians]] voted in regional elections on Sunday.", (62.0, 10.0)),
    ("[[Paris]] said it would respond to the sanctions.", PARIS),
    ("The talks in [[Geneva]] ended without a deal.", (46.2, 6.15)),
    # 6. English exonyms: GeoNames alternate names of big cities whose main
    # names are local ("Köln", "Sevilla", "Makkah"), each also the main name
    # of a small town elsewhere; the famous city must keep winning
    ("The trade fair in [[Cologne]] drew record crowds this spring.", (50.94, 6.96)),
    ("Flamenco dancers performed in [[Seville]] on the last night.", (37.38, -5.97)),
    ("Millions of pilgrims arrived in [[Mecca]] for the hajj.", (21.42, 39.83)),
    ("Floods cut the railway between [[Calcutta]] and the coast.", (22.57, 88.36)),
    ("The court in [[Madras]] heard the petition on Tuesday.", (13.08, 80.27)),
    # an ocean outranks the towns named after it
    ("The convoy crossed the [[Atlantic]] in the winter of 1942.", (10.0, -30.0)),
    ("Typhoons in the western [[Pacific]] grew stronger.", (0.0, -160.0)),
    # provinces and states whose only centre was their country's
    ("Police in Hyderabad said riots had spread across [[Telangana]].", (17.8, 79.0)),
    ("Colombian troops fought rebels in the hills of [[Cauca]].", (2.5, -76.8)),
    ("Militants attacked a gas project in [[Cabo Delgado]] on Friday.", (-12.3, 39.5)),
    ("Police in [[Gauteng]] arrested 40 people after the riots.", (-26.2, 28.1)),
    ("Floods swept through [[KwaZulu-Natal]], South African officials said.", (-28.9, 30.9)),
    ("Indian farmers in [[Punjab]] marched on New Delhi over the new laws.", (30.9, 75.4)),
    # islands and cities the gazetteer knew under other names only
    ("Dust from the Sahara reached the [[Canary Islands]].", (28.3, -15.6)),
    # bare "Congo" is the larger Democratic Republic unless the text says otherwise
    ("Rebels seized Goma in eastern [[Congo]].", (-2.5, 23.5)),
    ("The president of [[Congo]] spoke in Brazzaville.", (-1.0, 15.0)),
    # an apposition that says where the town lies
    ("Storms flooded [[Victoria]], the capital of British Columbia.", (48.43, -123.37)),
    ("Storms flooded [[Victoria]], capital of the Seychelles.", (-4.62, 55.46)),
    # a curated mountain or river, not a hamlet or a city named like it
    ("Climbers were stranded on [[Everest]] as storms hit the Himalayas.", (27.99, 86.93)),
    # provinces and states whose only centre was their country's, or a town's
    ("Fighting resumed in [[South Kordofan]] after the rains.", (11.0, 30.0)),
    ("Forest fires raged across [[Kalimantan]] for a month.", (0.0, 114.0)),
    ("Farmers in [[Mato Grosso]] planted more soy this year.", (-13.0, -56.0)),
    ("Gunmen attacked diamond diggers in [[Kasai]].", (-5.0, 21.5)),
    ("Fighting in [[Shan]] state displaced thousands.", (21.5, 98.0)),
    ("Coca growers in [[Chapare]] blocked the highway.", (-16.8, -65.3)),
    ("Landslides in [[Gorno-Badakhshan]] cut the mountain road.", (38.4, 73.0)),
    ("Shelling was reported along the [[Line of Control]] overnight.", (34.0, 74.0)),
    ("Thousands of migrants walked through the [[Darien Gap]] this year.", (8.0, -77.5)),
    ("Illegal gold miners poured into [[Madre de Dios]] last year.", (-11.8, -70.8)),
    ("Cattle raids spread across [[Karamoja]] in the dry season.", (2.8, 34.3)),
    ("Herders and farmers clashed again in the [[Middle Belt]].", (9.0, 8.5)),
    ("Record numbers of tourists visited [[Angkor Wat]] in March.", (13.41, 103.87)),
    # a West Bank town under its usual English spelling, not a Polish village
    ("Israeli troops raided [[Jenin]] before dawn.", (32.46, 35.30)),
    ("Shares in Banco do [[Brasil]] fell on Monday.", (-10.0, -55.0)),
    # counties and provinces at their own centres, not a namesake town abroad
    ("Bird flu was found on a farm in [[Suffolk]], England, on Friday.", (52.2, 1.0)),
    ("A dead swan was found near a harbour in [[Fife]], Scotland.", (56.3, -3.1)),
    ("The first case of the disease was reported in the UK. It involves a cow at a farm near "
     "[[Ipswich]], Suffolk.", (52.06, 1.16)),
    ("Cases rose in the Brazilian state of [[Tocantins]] last week.", (-10.2, -48.3)),
    ("Floods hit the province of [[Gironde]] on Tuesday.", (44.9, -0.6)),
    # a country's own name, not its capital's or a town's other name
    ("Officials in [[Mexico]] asked people to stay home. Hospitals in Mexico City are full.", (23.0, -102.0)),
    ("The health secretary of [[Mexico]] said most of the dead lived in Mexico City.", (23.0, -102.0)),
    # a state in a list of states, not the capital or a town named like it
    ("Cases were found in Arizona, Ohio, Oregon, Utah and [[Washington]].", (47.5, -120.5)),
    ("Officials are investigating cases in [[Washington]], Pennsylvania and California.", (47.5, -120.5)),
    ("The festival drew bands from Paris, London and [[Washington]].", (38.9, -77.04)),
    # former states and provinces that older reports still name
    ("Scientists in the [[Soviet Union]] studied the virus in secret.", (60.0, 100.0)),
    ("Cholera spread in [[Nyanza]] after the floods, officials in Kisumu said.", (-0.6, 34.6)),
    ("The outbreak began in [[Kasai Occidental]] province in June.", (-5.0, 21.5)),
    ("Bird flu was found in a pond in [[Jutland]], the veterinary office in Copenhagen said.", (56.0, 9.0)),
    # a state's own name, not another name of a town far from it
    ("Of the new cases, nine are in Sao Paulo, seven in Rio de Janeiro and four in [[Santa Catarina]].",
     (-27.2, -50.3)),
    # the smaller Congo under its name without the article
    ("Nine people have died of Ebola in the [[Republic of Congo]] this month.", (-1.0, 15.0)),
    # a country in a list of countries, and a small namesake of a country in a
    # text mostly about other countries
    ("Officials in Dayton and Cincinnati said flights from Spain, Japan and [[Lebanon]] were screened.",
     (33.8, 35.8)),
    ("Ohio and Indiana reported more cases; Bulgaria, Chile and [[Lebanon]] reported their first.",
     (33.8, 35.8)),
    # an ocean by its short name, not a small town named after it
    ("El Nino warms the tropical [[Pacific]] and brings floods to Peru and droughts to Indonesia.",
     (0.0, -160.0)),
    # a list of towns with their states is no list of states
    ("Officials in [[Washington]], Pennsylvania, and Wheeling, West Virginia, said the bridge would close.",
     (40.17, -80.25)),
    # a big place spelt otherwise keeps its point, far from the text's other places
    ("The State Department in Washington said rockets hit [[Zaporizhia]] overnight.", (47.84, 35.14)),
    # a great city, not its small namesake, in a text about many countries
    ("Flights from Mexico, Spain, China and Canada were checked at [[Cairo]] airport and in New York.",
     (30.04, 31.24)),
    # a name given with its division's word: the division, not its capital
    ("Wildfires spread across the [[Krasnoyarsk region]] as smoke reached Novosibirsk.", (63.3, 97.1)),
    ("Gunmen kidnapped two farmers in [[Kano State]], police said.", (11.9, 8.5)),
    ("Rescuers searched villages in [[Krasnoyarsk Krai]] after the floods.", (63.3, 97.1)),
    ("Drones hit an oil depot in [[the Belgorod region]] overnight.", (50.7, 37.6)),
    ("Troops were sent to the Syrian [[Deir ez-Zor province]] after the attack.", (35.0, 40.2)),
    # a name the gazetteer does not know is put in the place the text puts it
    ("Officials in Nairobi said on Monday that Nairobi hospitals were full and that food ran short "
     "in the [[Oloitiptip Ndege]] refugee camp near Garissa.", (-0.45, 39.66)),
    # a small namesake far from all the text's places, in a country it never names, is no reading
    ("A bomb hit a police post in the [[Haram]] district of Giza on Friday, a day after clashes "
     "in Cairo and Alexandria.", (30.01, 31.21)),
    # a name opening a treaty's or a film festival's name is the famous place, whatever the text's area
    ("Actors from Los Angeles and Santa Monica flew in; the film won an award at the [[Venice]] "
     "International Film Festival.", (45.44, 12.33)),
    ("Leaders from Texas and Ohio backed the [[Paris]] Agreement targets.", PARIS),
    # (a town's own fair is left to the context)
    ("Crowds filled the square in Lebanon, Tennessee, for the [[Lebanon]] Strawberry Festival "
     "in Wilson County.", (36.21, -86.29)),
    # provinces known in English by a translated name
    ("An earthquake shook [[West Sumatra]] and was felt in Singapore.", (-0.6, 100.6)),
    ("Snow closed the autobahn across [[Hesse]] on Tuesday.", (50.6, 9.0)),
    # what only a country has: the country, not the US state
    ("The president of [[Georgia]] arrived in Geneva on Tuesday for the summit.", (42.0, 43.5)),
    ("[[Georgia]]'s prime minister resigned after the protests.", (42.0, 43.5)),
    ("The [[Georgia]] national team arrived in Tbilisi on Monday.", (42.0, 43.5)),
    ("[[Georgia]] and Armenia signed a transit agreement.", (42.0, 43.5)),
    # "pro-Russian" names a side, not the country the text is in
    ("Pro-Russian separatists seized buildings in [[Donetsk]].", (48.02, 37.8)),
    # lands of the news without a division of that English name
    ("Rebels in [[Casamance]] laid down their arms after talks in Dakar.", (12.8, -15.6)),
    ("Village fairs across [[Transylvania]] were cancelled this summer.", (46.4, 24.4)),
    ("Pilgrims crossed the [[Hejaz]] on their way to the holy cities.", (23.5, 39.5)),
    # region demonyms of our own table
    ("\"It's special doing it in front of a [[West Australian]] crowd,\" he said.", (-25.0, 122.0)),
    ("A [[Queenslander]] won the race on Sunday.", (-20.0, 145.0)),
    ("[[Breton]] farmers blocked the roads to the port.", (48.2, -2.9)),
    ("[[Gazan]] families fled south after the warning.", (31.42, 34.37)),
    # a town's short name, without the river or qualifier of its full one
    ("Doctors in [[Newcastle]] have developed the treatment, the UK regulator said.", (54.97, -1.61)),
    ("American tourists were kidnapped in [[Matamoros]], officials said.", (25.88, -97.5)),
    # a people's word after the comma is no region the town lies in
    ("American drones struck a convoy near [[Jilib]], Somali officials said.", (0.49, 42.79)),
    # a country's initials and its short English name
    ("[[NZ]] police arrested two men in Auckland.", (-42.0, 174.0)),
    ("Papua New Guinea and the [[Solomons]] were hit by the tsunami.", (-8.0, 159.0)),
    # a great city whose country the text names, in a story from near a small namesake
    ("LEXINGTON, Ky. (AP) - A Georgetown nurse on holiday in France was hurt when a car hit a "
     "crowd in [[Paris]] on Friday. She will return to Kentucky next week.", PARIS),
    ("AUSTIN, Texas - A Texas couple touring France saw the fire at the cathedral in [[Paris]], "
     "they told reporters in Dallas.", PARIS),
    # ... but not one named with its state, here or in the dateline
    ("The mayor of [[Paris]], Texas, said a delegation from France would visit the town in May.",
     (33.66, -95.56)),
    ("PARIS, Tenn. - The [[Paris]] city council voted on Monday to twin with a town in France.",
     (36.30, -88.33)),
    # a village named like a great city of its own country, near the text's
    # other places, without its state after it ... and with it
    ("PERTH, Australia - The [[Perth]] Scorchers beat the Hobart Hurricanes, who had won twice in "
     "Tasmania this season.", (-31.95, 115.86)),
    ("The council of [[Perth]], Tasmania, met in Launceston and Hobart on Monday.", (-41.57, 147.17)),
    # ... or a town near the text's places that has the name only as another of its names
    ("Sundowns face Cape Town City on Wednesday, and a late penalty gave AmaZulu a 1-0 victory "
     "in [[Durban]].", (-29.86, 31.03)),
    # islands and British lands of our own table
    ("The storm would cross southern [[Luzon]] before heading towards Vietnam.", (16.0, 121.0)),
    ("Ferries to [[Majorca]] and Ibiza were cancelled.", (39.6, 2.95)),
    ("Flood warnings were issued across [[Perthshire]] after the rain.", (56.6, -3.9)),
    ("Floods hit villages after the [[Senegal River]] burst its banks, officials in Dakar said.",
     (15.85, -16.5)),
    # a name the gazetteer lacks, owned by the place before it
    ("GEORGETOWN, Ky. - A Lexington family visiting France was near the blast on Paris' famous "
     "[[Rue Rivoli]] on Tuesday.", PARIS),
    ("CHICAGO - Protesters marched along Nairobi's busy [[Moi Avenue]] on Monday, a Chicago aid "
     "group said, and in Lagos too.", (-1.29, 36.82)),
    # a great city of half a million, not a village of its country that the
    # text's other state speaks for; a village abroad only with something local
    ("Passengers on a flight from New York were stranded in [[Boston]] overnight.", (42.36, -71.06)),
    ("The Hawks, who grew up in Harrisburg, Pennsylvania, fly to [[Denver]] on Sunday.",
     (39.74, -104.98)),
    ("Boston host the [[Toronto]] Raptors on Friday; the guard grew up in Richmond, Virginia.",
     (43.65, -79.38)),
    ("The mill in [[Toronto]], Ohio, will close, Steubenville officials said.", (40.46, -80.60)),
    ("The designer showed at a [[Milan]] label's show before flying back to New York.", (45.46, 9.19)),
    # a town's name before a lower-case "river": the river of that name
    ("Villages along the [[Juba]] river were left exposed, officials in Mogadishu said.", (0.8, 42.5)),
    # capes, shoals and valleys of our own table
    ("Tankers were rerouted around the [[Cape of Good Hope]] after attacks near Yemen.", (-34.36, 18.47)),
    ("Coast guard ships blocked a supply boat near [[Second Thomas Shoal]], Manila said.", (9.73, 115.86)),
    ("Power stations in the [[Latrobe Valley]] will close by 2035, Melbourne officials said.",
     (-38.2, 146.4)),
    # a country's great part holding no town of its name: not a small town named after it
    ("Wheat farmers across [[Sonora]] lost half their crop, Mexico's farm ministry said.", (29.3, -110.7)),
    ("Coal trucks clogged the roads of [[Mpumalanga]] as South Africa's ports struggled.", (-25.9, 30.2)),
    ("Rescuers from Caracas and [[Miranda]] searched the hillside for survivors.", (10.25, -66.42)),
    ("Police in [[Durango]] arrested two men, Mexico's attorney general said.", (24.02, -104.66)),
    # the name after "Town, " holds the town ("Puebla, Mexico" in a New York story)
    ("PULASKI, N.Y. — A taco stand in Oswego run by a family from Puebla, [[Mexico]], opened near "
     "Syracuse; Albany officials came.", (23.6, -102.5)),
    # a great city of the text's country by its own name, not a town that has it as its short form
    ("Party leaders in [[Brasília]] backed the candidate, who toured Montes Claros, Uberlândia and "
     "Belo Horizonte in Minas Gerais.", (-15.78, -47.93)),
    # a list closed by its divisions' kind in the plural
    ("Guerrillas from Tibú and Ocaña crossed into [[Zulia]] and Táchira states, Colombian officials "
     "in Cúcuta said.", (10.1, -71.9)),
    # "the governor of X": the region, not its town of that name
    ("The governor of [[Agadez]] ordered the desert road closed after the ambush, Niger's army said.",
     (19.4, 10.7)),
    # a country by the name its neighbour's press gives it
    ("Smugglers crossed into [[Niger Republic]] near Illela, officials in Sokoto said.", (17.6, 8.1)),
    # a dateline's state speaks for the name though two villages there have it as another name
    ("SPRINGFIELD, Mo. — A Greene County jury convicted the driver. The crash in [[Springfield]] "
     "killed two; his lawyer, from Springfield, Ill., will appeal.", (37.22, -93.29)),
    # a name the gazetteer lacks that opens a longer name of the text it knows
    ("Rhino poaching fell in Kruger National Park last year. Rangers in [[Kruger]] credit dogs.",
     (-24.0, 31.5)),
    # ... but the town where the text is ("SONORA, Calif.")
    ("SONORA, Calif. — The [[Sonora]] city council met on Tuesday.", (37.98, -120.38)),
    # a former state's name in a history piece, and its people's word
    ("In 1984 the army renamed [[Upper Volta]] and the president spoke of a new start.", (12.5, -1.67)),
    ("Many [[Rhodesian]] farmers left for South Africa in the 1970s.", (-19.0, 29.75)),
    ("In 1936 Italian troops entered [[Abyssinia]] and the emperor fled.", (9.0, 39.5)),
    # an ancient city of our table in a story of its country, against the
    # towns named after it
    ("Excavators at [[Troy]], near the Dardanelles in western Turkey, found a layer of burned mudbrick.",
     (39.96, 26.24)),
    # a district of a great city, in our table without population: the text's city decides
    ("Traders in [[Eastleigh]] shut their shops on Friday after Nairobi county officers raided the market.",
     (-1.27, 36.85)),
    # a lonely namesake gives way to the great town of the name among the text's places
    ("The caravan left the quays of [[Venice]] in February and reached Albania, Istanbul and Konya "
     "by spring.", (45.44, 12.33)),
    # a misspelt name matches no great city abroad ("Swat River" is no "Salt River" of Phoenix)
    ("Villagers along the [[Swat River]] fled as it rose, officials in Mingora said.", (35.2, 72.4)),
    # ... and a misspelt name's reading abroad does not keep a namesake there
    ("Landslides blocked the road from Mingora to [[Kalam]], and villages in Shangla were cut off, "
     "officials in Peshawar said.", (35.5, 72.6)),
    # two states named together in the plural
    ("A blizzard roared across the [[Dakotas]] and Minnesota, closing interstates for two days.", (46.0, -100.5)),
    ("Tornado warnings covered much of the [[Carolinas]] on Tuesday night.", (35.0, -80.0)),
    # wine regions and world regions of our table, and their people's words
    ("Winemakers from [[Champagne]] to the Rhône complain that the rules came too late.", (49.0, 4.0)),
    ("Cooks argue over hummus, a dish that belongs to the whole [[Levant]], not to one country.", (33.5, 36.0)),
    ("A [[Burgundian]] grower said the frost had taken half his crop.", (47.0, 4.5)),
    # a small namesake at home gives way to a city of half a million abroad in a story about the world
    ("Officials in Washington watched closely as ports from Piraeus to Marseille competed. [[Rotterdam]] "
     "handles more containers than any other port on the continent.", (51.92, 4.48)),
    # ... and to a city of 150,000
    ("Ministers from Kenya, Ethiopia and Uganda met in [[Geneva]] on Monday; Washington sent an observer.",
     (46.20, 6.15)),
    # a capital named like a state of its country, acting for its government
    ("Fighting spread across Darfur this week. The UN office in Geneva warned of famine in Sudan, and "
     "[[Washington]] has called for a truce.", (38.90, -77.04)),
    # a list after "X, including" lies in X
    ("The storm dumped snow on Fargo, Aberdeen and Sioux Falls before it closed schools across southern "
     "Manitoba, including Winnipeg, [[Brandon]] and Steinbach.", (49.85, -99.95)),
    # a misspelt name's small namesake in a country the text never names is no reading of it
    ("Flamingos returned to the [[Albufera]] lagoon this spring, officials in Valencia, Spain, said.",
     (39.33, -0.35)),
    # a division's name with its kind, a whole name abroad, is the text's country's division of the bare name
    ("Cocoa farmers in the [[Western Region]] say smugglers pay more across the border, Ghana's cocoa "
     "board said.", (5.43, -2.13)),
    # a state of a country the text never names gives way to the province of the text's country
    ("Floods in Uruguay forced hundreds from their homes in Durazno and Canelones, and soldiers from a base "
     "in [[Florida]] helped move families, officials in Montevideo said.", (-34.0, -56.1)),
    # a town's paragraph names its country (a roundup's item), though the text names another's town nearby
    ("CUSCO, Peru — Trains resumed on Sunday after farmers lifted a blockade near the city.\n\n"
     "VALPARAÍSO, Chile — Lawmakers approved a royalty bill, which now goes to the president in "
     "[[Santiago]] for signature.", (-33.46, -70.65)),
    # (a country's own name stays the country's, though its paragraph names it: no town of its name)
    ("MAPUTO, Mozambique — Floods cut the main road north.\n\nBEIRA, Mozambique — Trucks bound for "
     "[[Mozambique]]'s interior waited at the port, officials in Malawi said.", (-18.25, 35.0)),
    # two names read as one foreign village by another of its names do not speak for each other
    ("Diamond diggers in [[Kono]] say the new licences cost too much. Traders in Koidu, the capital of "
     "[[Kono District]], agree; Koidu and Kenema have lost buyers, officials in Sierra Leone said.",
     (8.64, -10.97)),
    # dams, crossings, lakes by another name and ancient cities of our table
    ("Turkey filled the reservoir behind the [[Ilisu Dam]] and farmers downstream in Iraq felt it.",
     (37.53, 41.85)),
    ("Trucks waited for days at the [[Ras Jedir]] crossing on the Libyan border.", (33.16, 11.56)),
    ("Tourists crowded the temples of [[Karnak]] on the east bank of the Nile, Egypt's antiquities ministry "
     "said.", (25.72, 32.66)),
    ("Fishermen on [[Lake Niassa]] in northern Mozambique said the catch had fallen.", (-12.0, 34.5)),
    # a division abroad given with its kind, which the gazetteer knows by its bare name
    ("Farmers blocked roads across [[Lubelskie Voivodeship]] on Monday, police said.", (51.2, 22.9)),
    ("Floods cut off villages in [[Tulcea County]] near the Danube delta.", (45.0, 28.8)),
    # English counties and Welsh regions our table adds to pycountry's divisions
    ("Gales closed roads across [[Cheshire]] and Berkshire on Sunday, the Met Office said.", (53.2, -2.55)),
    ("Gales closed roads across Cheshire and [[Berkshire]] on Sunday, the Met Office said.", (51.45, -1.05)),
    # a people's name in lower case before its country's
    ("Pickers from Tanna and [[ni-Vanuatu]] crews worked the harvest.", (-16.0, 167.0)),
    # a river's bare name after its bank ("down the Wye"), not the town named like it
    ("Canoeists paddled down the [[Wye]] past Monmouth on Sunday.", (51.9, -2.6)),
    # a dateline's town of two words: a great town's English name, or its
    # namesake whose own name it is when its state follows
    ("[[PANAMA CITY]] (AP) — The canal authority will lift its limits on ships, officials said.", (8.99, -79.52)),
    ("[[PANAMA CITY]], Fla. (AP) — A hurricane warning was posted for the coast on Monday.", (30.16, -85.66)),
    # a country's own name in a text that names other countries abroad is the
    # country, not a town of the text's state named after it; a local story's
    # town keeps its own, though it names a war abroad
    ("HOUSTON (AP) — Grain trains from Amarillo and Lubbock, Texas, are heading to Laredo and Beaumont. "
     "Shipments bound for [[China]] still depend on the river, and buyers are turning to Brazil.", (35.0, 105.0)),
    ("LEBANON, Ohio — Warren County deputies said a Lebanon man who served in Iraq was charged on Monday, "
     "and [[Lebanon]] schools closed early.", (39.44, -84.21)),
    # the country after a town's name holds it, whatever the rest of the text is about
    ("Pilgrims walked from Albuquerque and Española in New Mexico. A visiting priest from "
     "[[Santa Fe]], Argentina, said he had come to see the sanctuary.", (-31.63, -60.7)),
    # (not a hamlet named like a country before "U.S. officials")
    ("Steele worked for the agency in London. His reports on Trump's entanglements in [[Russia]], "
     "U.S. officials said on Wednesday, were passed to the bureau.", (60.0, 100.0)),
    # a county the text writes before "County", which our divisions name bare
    ("Residents asked for talks with [[Kerry]] County Council on Monday.", (52.1, -9.6)),
    # a dependent territory's town paired with the country it belongs to
    ("The coast guard towed the trawler into [[Longyearbyen]], Norway, on Sunday.", (78.22, 15.65)),
    ("Fishermen in [[Nuuk]], Denmark, said the fjord had not frozen.", (64.18, -51.72)),
    # a town with the country after "in" keeps it, whatever the text's other namesake
    ("A comedian from Perth, Scotland, won the prize. Fans who thought she meant [[Perth]] in Australia "
     "asked for refunds.", (-31.95, 115.86)),
    # (not a month after "in")
    ("Her show in [[Perth]] in October sold out, the comedian from Perth, Scotland, said.", (56.40, -3.43)),
    # a bare name of a story of one country keeps its town there, though another
    # mention, with a country after it, names a namesake in a land the text only visits
    ("Chip designers in [[Hyderabad]] and Bengaluru won new orders, Indian officials in New Delhi said. "
     "A trader from Hyderabad, Pakistan, also bid. Exporters in Chennai and Pune expect more work.", (17.38, 78.48)),
    ("Flooding closed roads around [[Valencia]] and Alicante, Spanish officials said, while a plane from "
     "Valencia, Venezuela, was diverted to Madrid. Trains from Murcia were cancelled.", (39.47, -0.38)),
    # ... and in a text of two countries, neither holding half its places, the
    # country a mention's state names is only visited when its share is small
    ("Divers from Dubrovnik and Zadar flew to Western Australia this week. Friends in Zagreb had asked whether "
     "it was the Perth in Scotland. The team will spend a month diving off [[Perth]] and near Broome, and the "
     "Croatian club in Perth will host them.", (-31.95, 115.86)),
    # (a province named after it still speaks for it in a story of both sides of a border)
    ("Snow closed roads in [[Brandon]] and Dauphin, Manitoba officials said. Schools in Minot and Fargo, "
     "North Dakota, shut too. Farther west, Brandon, Manitoba, had 40 cm.", (49.85, -99.95)),
    # (nor a town a tenth the size of the great city of the name: Gwangju of Gyeonggi beside Seoul)
    ("Fans travelled from Seoul and Incheon to the biennale in [[Gwangju]] on Friday.", (35.15, 126.92)),
    # a province by its own name, not a hamlet named after it near the text's
    # other towns, though the paragraph names the country
    ("MONTERREY, Mexico — A battery maker will build a plant near Saltillo and Escobedo, officials in "
     "[[Nuevo León]] said on Thursday.", (25.9, -99.9)),
    # a city of 400,000, not a ward of a metropolis the text names that has its name
    ("NAGASAKI, Japan — [[Nagasaki]] marked 200 years since the doctor's arrival. He taught at a school "
     "outside Nagasaki and travelled to Edo, the shogun's capital now called Tokyo. Ships reached the "
     "harbour from Batavia and from Hirado.", (32.75, 129.88)),
    # a name the gazetteer does not know is no namesake by one letter 500 km
    # off ("Mulgund"): it stands where the text is
    ("Trains stopped at [[Mulund]] and Thane as rain flooded Mumbai on Tuesday.", (19.17, 72.96)),
    # a river the text names whole is the one its bare name after "the" means
    # (not Tartu, which "Tay" is another name of)
    ("Homes in Perth were evacuated as the River Tay burst its banks. Upstream, the [[Tay]] washed over "
     "the road at Dunkeld.", (56.5, -3.5)),
    # a great city's own name abroad is no village at home that has it as the
    # short form of its name (Krakow am See, 3,450 people), the text far from it
    # a division named by a number abroad ("District 1" of Tunisia) is no
    # reading in a text that never names its country
    ("Towers rose in [[District 1]] of Ho Chi Minh City as the metro opened to Thu Duc.", (10.78, 106.70)),
    # a big town in the state named after it, however much the text is about
    # its namesake abroad
    ("PERTH, Scotland — Commuters across Perth and Perthshire were stranded on Monday. Services linking "
     "Perth with Dundee, Crieff, Pitlochry and Blairgowrie stopped, and pupils in Dunkeld, Stanley and "
     "Bankfoot stayed home. Trains from Perth to Edinburgh and Stirling were packed. Bus workers in "
     "[[Perth]], Western Australia, sent messages of support to the pickets in Perth.", (-31.95, 115.86)),
    # a colony's former name is the colony's where the text names its country,
    # and the great town's elsewhere
    ("Tourism on the [[Gold Coast]] rebounded last year, the council said.", (-28.0, 153.43)),
    ("Rents in Heidelberg have climbed. Anna Kowalska, a student from [[Kraków]], found a room in Mannheim "
     "after weeks of searching, and Karlsruhe is no cheaper, she said.", (50.06, 19.94)),
    # a great town's short name, though provinces abroad have it as their own
    # ("León" of León de los Aldama in a text that names Mexico)
    ("Buses will be banned from [[Leon]] city centre in Mexico next year.", (21.12, -101.68)),
    ("Ranchers in the [[Big Bend]] country sold cattle early.", (29.25, -103.25)),
    # Western Australia's Kimberley where the text is Australian; the South African town elsewhere
    ("A boat landed on a beach in the [[Kimberley]] on Wednesday, Western Australia police said.", (-17.0, 125.5)),
    ("Diamonds were found near [[Kimberley]] in 1871.", (-28.73, 24.76)),
    # the bare name of a county the text writes Ireland's way ("Co. Clare"),
    # where the county's country has no town of the name
    ("Sean Hehir, late of Kilkee, Co. Clare, and of Dorchester and Boston, died on Monday. He never missed a "
     "[[Clare]] hurling final and visited England often.", (52.85, -9.0)),
    # a town of 20,000 in the nation named after it, whatever the rest of the text is about
    ("A gin distiller from [[Perth]], [[Scotland]], chaired the spirits panel for judges from [[Tasmania]], "
     "[[Victoria]], [[Queensland]] and [[Western Australia]], who scored reds from the [[Clare Valley]], "
     "[[McLaren Vale]] and [[Coonawarra]], before flying on to [[Perth]] and [[Fremantle]].", (56.40, -3.43)),
    # a state's two letters: the state of the text's country, not a town called so abroad
    ("The [[WA]] wheat crop will be the largest on record, growers across [[Australia]] said.", (-25.0, 122.0)),
    ("Apple growers in [[WA]] expect a smaller crop around [[Yakima]] and [[Wenatchee]].", (47.5, -120.5)),
    # a capital's people word in the singular, as an adjective
    ("Tailors in Lagos copied the wide [[Parisian]]-style trousers.", PARIS),
    ("A [[Parisian]] bakery opened a branch in Osaka.", PARIS),
    # English counties in an English story, not the Maryland towns named after them
    # (a county's towns near its centre speak for it: Chelmsford for Essex)
    ("[[Essex]] drew with [[Somerset]] in [[Chelmsford]] as rain swept [[England]] on Thursday. [[Yorkshire]] lost "
     "a day at [[Scarborough]], [[Lancashire]] never batted at [[Old Trafford]] and the [[Severn]] flooded the "
     "ground in [[Worcester]]; play at [[Taunton]] and [[Chester-le-Street]] began after tea.", (51.77, 0.55)),
    # (the Massachusetts town in its own local news: a guard)
    ("[[Somerset]] police said a [[Swansea]] man was arrested near [[Fall River]] after a crash in [[Seekonk]].",
     (41.77, -71.13)),
    # the Caribbean's island groups, and French Polynesia's of the same names in a story of theirs
    ("Hurricane warnings were posted for the [[Leeward Islands]], from Antigua to Anguilla.", (17.3, -62.3)),
    ("The [[Leeward Islands]] of [[French Polynesia]], including [[Bora Bora]] and [[Raiatea]], lost their ferries "
     "to [[Tahiti]].", (-16.63, -151.5)),
    # wine, food and farm regions and a swamp (data)
    ("Fortified wine from [[Madeira]] and the [[Douro Valley]] sold well in [[Lisbon]].", (32.75, -16.98)),
    ("Cooks across [[Acadiana]] stuff boudin with crawfish from the [[Atchafalaya Basin]].", (30.2, -92.0)),
    ("Fruit growers in the [[Riverland]] and [[Coonawarra]] lost vines to frost.", (-34.25, 140.6)),
    # a river by its name in its own country's languages
    ("Pilgrims bathed in the [[Ganga]] at Varanasi on Monday.", (23.23, 90.6)),
    # a small land's parishes lie as close together as a county's towns, whose
    # namesakes elsewhere cluster too
    ("Schools from [[Manchester]], [[Clarendon]] and [[Westmoreland]] met in [[Mandeville]], [[Jamaica]]; "
     "a coach from [[Florida]] came too.", (18.05, -77.51)),
    # Japan's regions, an old town and a region of Quebec (data)
    ("Snow closed roads across the [[Tohoku]] region on Sunday.", (39.0, 140.9)),
    ("Rail lines in [[Kansai]] reopened after the typhoon passed [[Osaka]].", (34.7, 135.5)),
    ("[[Stone Town]] was packed as ferries from [[Dar es Salaam]] arrived.", (-6.16, 39.19)),
    ("Dairy farms in the [[Beauce]], south of [[Quebec City]], lost power.", (46.2, -70.8)),
    # a township the gazetteer knows by its bare name only, in full or abbreviated
    ("Four [[Pennsauken Township]] pupils won the state spelling bee.", (39.96, -75.06)),
    ("The [[Bensalem Twp.]] council voted on Monday.", (40.10, -74.95)),
    # (a township whose namesakes lie far from the text's towns stands among them: a guard)
    ("Voters in [[Jerome Township]], near [[Marysville]], Ohio, approved the fire levy.", (40.12, -83.30)),
    # a state by its nickname, as teams carry it; a province merged away, at its own centre (data)
    ("The [[Golden State]] Warriors beat Phoenix 112-104.", (37.25, -119.75)),
    ("Factories in [[Binh Duong]] shut as the storm neared [[Ho Chi Minh City]].", (11.15, 106.65)),
    # coasts, historic provinces and wine regions (data)
    ("Hotels on the [[Costa del Sol]] and in the [[Algarve]] were full in August.", (36.55, -4.65)),
    ("Villas in the [[Algarve]] sold fast last year.", (37.15, -8.0)),
    ("Distillers in [[Speyside]] expect a record year.", (57.45, -3.25)),
    ("Frost hit vineyards in [[Friuli]] and the [[Veneto]].", (46.1, 13.1)),
    # a capital named like its country's state, in a text that names no town of the state
    ("Ranchers around Gardiner, Livingston and Big Timber in Montana say wolves have killed 40 calves since "
     "spring. Hunters in Idaho and Wyoming want a longer season. The quarrel has reached [[Washington]], where "
     "the Interior Department is reviewing whether the wolves of Montana, Idaho and Wyoming still need "
     "protection. Visitors from Germany and Japan come to Yellowstone to see them.", (38.9, -77.04)),
    # (the state among its towns: a guard)
    ("Apple growers near Yakima and Wenatchee said [[Washington]] had its best harvest in years.", (47.5, -120.5)),
    # stations, camps and a capital territory of the news (data)
    ("Health officials in the [[Federal Capital Territory]] recorded 12 new cases, Nigeria's disease centre said.",
     (9.0, 7.3)),
    ("Engineers at [[Goonhilly]] in Cornwall tracked the lander as it descended.", (50.05, -5.18)),
    ("Rangers at [[Skukuza]] said the elephants had crossed into Mozambique.", (-24.99, 31.59)),
    # a great city abroad, not a village of the text's state far from the text's towns
    ("The tailor's shop on Main Street in Buffalo, New York, opened in 1998. \"My sisters are in [[Lisbon]] "
     "and Warsaw,\" said its owner, who grew up in Senegal.", (38.72, -9.14)),
    # (the village among its neighbours: a guard)
    ("The barn fire in [[Lisbon]] spread toward Ogdensburg and Canton on Tuesday, New York state police said.",
     (44.72, -75.27)),
    # a state's name opening its body's, in a text of the river named after it
    ("Barges waited for days on the Missouri River near Jefferson City. A spokesman for the [[Missouri]] "
     "Department of Natural Resources said the water would rise.", (38.25, -92.5)),
    ("Fishermen along the Ohio River near Cincinnati complained, and the [[Ohio]] Environmental Protection "
     "Agency opened an inquiry.", (40.25, -82.75)),
    # a state after a town and a comma, the sentence opened by a preposition
    ("Trucks queued at the crossing into Arizona and Texas on Monday. In Agua Prieta, [[Sonora]], the assembly "
     "plants stopped work.", (29.33, -110.67)),
    # historic and cultural regions of Europe, not the American towns named after them
    ("Walkers from Inverness set out for the [[Highlands]] at dawn.", (57.5, -5.0)),
    ("The family left [[Swabia]] for Pennsylvania in 1750.", (48.4, 9.9)),
    ("Crofters in [[Sutherland]] were cleared from the glens in the 1810s.", (58.25, -4.4)),
    ("The ferry to [[Skye]] from Mallaig was cancelled.", (57.3, -6.2)),
    ("His great-grandmother was born in [[Pomerania]] and sailed from Hamburg to Baltimore.", (54.0, 16.0)),
    ("The crew moved on to the ice lagoon at [[Jökulsárlón]] on Tuesday.", (64.05, -16.18)),
    ("Dockers in [[Leith]] voted to strike, union officials in Edinburgh said.", (55.975, -3.17)),
    ("The tango clubs of [[San Telmo]] reopened, Buenos Aires officials said.", (-34.621, -58.373)),
    ("Patients in Caithness, Shetland and [[Orkney]] wait longest for scans, NHS Scotland figures show.",
     (59.0, -3.0)),
    ("The terminals at [[Laem Chabang]] handled a record volume, Thai port officials said.", (13.08, 100.88)),
    ("Rents in [[Gangnam]] rose again, Seoul's housing office said.", (37.498, 127.028)),
    # (the bare river after "the": a guard)
    ("Fishermen along the Ohio River near Cincinnati complained that the [[Ohio]] had turned brown.", (36.99, -89.13)),
    # rivers of flood and drought news by their bare or other names
    ("Thousands fled when the [[Tana]] burst its banks near Garissa, Kenya's disaster agency said.", (-2.53, 40.53)),
    ("Fish died in their thousands as the [[Baaka]] stopped flowing near Menindee, New South Wales.",
     (-34.11, 141.92)),
    ("Farmers in Chihuahua say the [[Conchos]] has never been so low.", (29.58, -104.42)),
    ("Sandbags lined the embankments as the [[Arno]] rose through Florence.", (43.75, 11.0)),
    ("Oil workers in Ahvaz said the [[Karun]] was lower than anyone could remember.", (31.6, 48.9)),
    # regions by their popular names
    ("Fire crews from Knysna were sent along the [[Garden Route]] as the blaze spread.", (-34.0, 22.8)),
    ("Soy farms are eating into the [[Cerrado]], Brazil's vast savanna, researchers warned.", (-15.0, -48.0)),
    ("Snow closed roads across the [[Kootenays]] and the Okanagan on Monday.", (49.5, -117.3)),
    # districts of great cities, heritage sites and rivers of the table
    ("Rents in [[Bandra]] have doubled in five years, Mumbai brokers say.", (19.06, 72.83)),
    ("Planners in Riyadh say [[AlUla]] will get two new resorts.", (26.62, 37.92)),
    # a list of great cities in several countries: the great city of the name
    ("KURASHIKI, Japan — Tourists from Seoul, Taipei and [[Melbourne]] queue for denim. Buyers from Florida, "
     "Texas and Ohio come too, and American brands send designers every spring, the US trade office said.",
     (-37.81, 144.96)),
    ("Winemakers in Ohio and Michigan say the grapes of Lake Erie suit them. Cuttings came from Vienna, "
     "Budapest and [[Athens]] in the 1880s, the Ohio historian said.", (37.98, 23.73)),
    ("Dealers in Miami, New York and [[London]] sold the gold, Peruvian officials in Lima said. Police in "
     "Ohio and Florida helped trace it.", (51.51, -0.13)),
    # a small namesake of a great town inside a metropolis the text names has no evidence from its districts
    ("Fans who travelled from [[Gwangju]] packed bars in Gangnam and along the Han River, Seoul police said.",
     (35.15, 126.92)),
    # a dateline's country that holds only namesakes of its own speaks for the name against a later region
    ("MÉRIDA, Mexico — The King of Spain arrives on Thursday from Mexico City and Cancún. The city was named "
     "after Mérida in Extremadura. Crowds from Campeche and Valladolid gathered in [[Mérida]]'s main square.",
     (20.97, -89.62)),
    # capitals naming a land are the land, no village of the same letters
    ("TANGIER, Morocco — Car exports rose again. Suppliers from Cergy, Pontoise and Mantes-la-Jolie near Paris "
     "opened plants.\n- Main investors by country: Spain, France, Japan, China, [[US]]", (39.76, -98.5)),
    # a lonely small town gives way to a mountain of the table named so
    ("MENDOZA, Argentina — Rescuers reached the climbers near Plaza de Mulas on Aconcagua. One of them had "
     "climbed Denali and [[Elbrus]] before, the Mendoza police said.", (43.35, 42.44)),
    # a capital's list mate is a capital
    ("BOGOTÁ, Colombia — A collector from Valencia, Venezuela, who lives between Caracas and [[Madrid]], bought "
     "two paintings of the Magdalena River at the Bogotá fair.", (40.42, -3.70)),
    # two villages abroad far apart do not back each other in a story of other places
    ("Power cuts hit Aberdeenshire on Friday. Ballater and [[Braemar]] were cut off, engineers in Aberdeen said. "
     "Farms around Allendale, near Hexham in Northumberland, were also dark.", (57.01, -3.40)),
    # (nor do towns of a country that lie together: a guard)
    ("A Boston family traced its roots to [[Cahir]]. Relatives still farm near Tipperary and Clonmel, "
     "the family said in Boston.", (52.37, -7.93)),
    # (a list of towns of one state keeps them: a guard)
    ("The storm cut power in [[Athens]], Lancaster and Marietta, Ohio officials said.", (39.33, -82.10)),
    # a people word before "from" gives the town's country
    ("COLUMBUS, Ohio — The Ohio State Fair opened on Friday in Columbus. The pie contest was won by an "
     "Irishman from [[Dublin]], who beat two women from Toledo and Dayton.", (53.33, -6.25)),
    ("HALIFAX, N.S. — Fishermen in Nova Scotia protested on Monday. The protest was led by an Australian "
     "from [[Sydney]] who moved to Halifax in 2001.", (-33.87, 151.21)),
    # a river named like rivers of other lands, where the text's places are
    ("Officials in Da Nang and Hue sent boats to families along the [[Red River]] in the north of Vietnam.",
     (21.03, 105.85)),
    # a ward of Tokyo that GeoNames files under another prefecture
    ("Tokyo police said the fire broke out in an office block in [[Shinagawa]] on Monday.", (35.61, 139.73)),
    # a town named like a far greater one, where the text's places are
    ("Insurgents attacked [[Palma]] again, officials in Pemba and Mocímboa da Praia said.", (-10.78, 40.47)),
    ("Exhausted runners reached [[Westville]] after the long climb from Pietermaritzburg, a Cape Town club said.",
     (-29.83, 30.93)),
    # a town abroad read by a name only another of its own, far from the text's places
    ("In [[Suba]], the most populous locality of Bogotá, the race is close, Colombian pollsters said.",
     (4.74, -74.08)),
    # (a world city's English name stays its own: a guard)
    ("Russian officials said Moscow and St Petersburg were quiet, while [[Kiev]] protested.", (50.45, 30.52)),
    # a sea's own name is the sea, not a division named after it, unless the division's word follows
    ("HURGHADA, Egypt — Divers flocked to the [[Red Sea]] this winter, Cairo tourism officials said.", (20.0, 38.5)),
    ("HURGHADA, Egypt — The [[Red Sea]] governorate said the port would open in May.", (25.59, 34.17)),
    # a great city's quarter named like a far greater town, in a text of the city
    ("BUENOS AIRES — Polo fans packed the stands in [[Palermo]] on Saturday, Argentine officials said.",
     (-34.58, -58.43)),
    # (the greater town elsewhere: a guard)
    ("Tourists in [[Palermo]] visited the cathedral and the markets, and then drove to Catania.", (38.12, 13.36)),
    # a great town of its own name in the province the sentence names, not a
    # town nearer the text's dateline once called so
    ("RIBEIRÃO PRETO, Brazil — Farmers came from São Paulo state. Cooperatives from western Paraná, "
     "led by a group from [[Cascavel]], brought grain dryers.", (-24.96, -53.46)),
    # a small town far from the text's places, in a land a people's word of its sentence names
    ("Utica has been reviving itself on the back of Bosnian families who fled the war, many of them survivors "
     "of [[Srebrenica]]. Later came Burmese families from camps in Thailand and Nepal.", (44.11, 19.30)),
    # a great city's English name that GeoNames gives a small commune of another country
    ("The exhibition moves to [[Bruges]] next spring, the museum said.", (51.21, 3.22)),
    # an oil town on a border, away from the capitals the text names
    ("Oil stopped flowing at [[Heglig]] after drone strikes, Khartoum and Juba said.", (10.0, 29.4)),
    # Labrador of Canada, whatever the dateline
    ("TOWNSVILLE — Miners from [[Labrador]] and northern Quebec visited the plant.", (53.5, -61.0)),
    # a list's state counts among its countries
    ("KINGSTON, Jamaica — The painter has shown her work in Toronto, New York and [[London]], the gallery "
     "in Kingston said.", (51.51, -0.13)),
    # a great city before ", State and": a list, not the state's village of the name
    ("The yard in Maine lives on orders from wealthy buyers from [[Boston]], New York and beyond.",
     (42.36, -71.06)),
    # (a town of some size, or the great city in its own state: pairs still, guards)
    ("He moved from [[Paris]], Texas and settled in Dallas.", (33.66, -95.56)),
    ("The band plays [[Portland]], Oregon and Seattle next month.", (45.52, -122.68)),
    # a head word alone is the place the text names by it ("the Shenandoah Valley ... the Valley"),
    # else no small town of the word abroad: the text's focus
    ("Wineries of the Shenandoah Valley say the frost was the worst in years. Orchards across [[the Valley]] "
     "cut shifts.", (38.6, -78.7)),
    ("HARLINGEN, Texas — Immigration courts across [[the Valley]], from Brownsville to McAllen, are "
     "overwhelmed, lawyers said.", (26.2, -97.9)),
    # (the capital of Anguilla and the village of Anglesey keep their names)
    ("Protesters gathered in [[The Valley]], the capital of Anguilla, on Monday.", (18.22, -63.06)),
    ("The ferry from Holyhead was late, and the road through [[Valley]] was shut.", (53.28, -4.56)),
    # a small town of the state after its comma, in a story of a namesake abroad
    ("Peebles relegated as Borders rivals celebrate\n\nPEEBLES, Scotland — Peebles Rovers slipped into the "
     "bottom tier on Saturday after a 2-0 defeat at Galashiels. Fans in Peebles, Selkirk and Hawick had feared "
     "the worst. The name has travelled: a supporters group in [[Peebles]], Ohio, follows the club online.",
     (38.95, -83.41)),
    # a part of a city named by the city's possessive: its other mentions too
    ("Dhaka's Old Town district shuts its lanes to lorries at night. Traders in [[Old Town]] say sales rose.",
     (23.71, 90.41)),
    # a dateline's town by another of its names, where a town abroad has that name as its own
    ("[[MECCA]], Saudi Arabia (Reuters) — Pilgrims collapsed in the heat on Sunday.", (21.42, 39.83)),
    # a division's kind and "of" before its name: the division, not its capital city
    ("Mendoza, Neuquén and the province of [[Buenos Aires]] have all restructured bonds.", (-36.68, -60.56)),
    # the island of a territory named without "(French part)"
    ("The squad took a ferry to Marigot, on the French side of [[Saint Martin]], and flew on.", (18.07, -63.06)),
    # a town's own name without its bracketed qualifier ("Halle (Saale)"), not a smaller namesake's own
    ("Police have guarded synagogues since a gunman tried to storm one in [[Halle]] in 2019, the council in "
     "Berlin said.", (51.48, 11.97)),
    # a great city's area named "Greater"
    ("Traffic in [[Greater Cairo]] slowed on Monday.", (30.04, 31.24)),
    # an abbreviation of a Mexican state after a dateline's town
    ("SAN PEDRO GARZA GARCÍA, [[N.L.]] — Demonstrators threw stones at the consulate.", (25.59, -99.99)),
    # a territory's province named like a Sri Lankan province, in a story of its territory
    ("Gunmen attacked voters in the [[Southern Province]], officials in Nouméa said.", (-22.0, 166.3)),
    # a world body's seat after "in", in a story of a state that has a small namesake
    ("The panel will send its findings to the UN Human Rights Council in [[Geneva]] in March, the Alabama group "
     "said after its meeting in Montgomery.", (46.20, 6.15)),
    # (not one with its state after a comma)
    ("A delegation of the International Rescue Committee in [[Geneva]], Ala., met the governor in Montgomery.",
     (31.03, -85.86)),
    # an Indian state's dotted abbreviation, not Michigan's peninsula
    ("Officers handed him to [[U.P.]] police at the border post near Gorakhpur.", (27.0, 80.5)),
    # Western Australia's dotted abbreviation after a town's comma
    ("Officers in Broome, [[W.A.]], intercepted six boats on Tuesday.", (-25.0, 122.0)),
]

#: (sentence with [[spans]] the stage must find exactly)
DETECT = [
    # a great town after a verb of a journey and "to", though a person of the text bears its name
    "\"We arrive, play and leave,\" said Alfonso Monterrey, the team director. After the match, the [[Mexican]] "
    "squad will fly directly to [[Monterrey]] for a home qualifier.",
    # one of a town's people, a town's hub, its farms before "of"
    "The [[Polish]] contractor, a resident of [[Łańcut]], is accused of selling data.",
    "Polling officials in the tourism hub of [[Nungwi]] said hotel staff had been given time off to vote.",
    "Wells have dried up around the strawberry farms of [[Lucena del Puerto]] and [[Moguer]].",
    # a region's people by their plural word, subject of a verb
    "Chief Minister Sarah Moloney said [[Territorians]] should stay alert.",
    "Tens of thousands of [[Thuringian]] voters stayed home.",
    # a town's bare name and "City", as the Philippines name chartered cities (not "London City airport")
    "In [[Basilan]], voters in [[Isabela City]] were asked to join the region.",
    "[[MALAYBALAY CITY]], [[Bukidnon]] — Three airmen were injured on Monday.",
    "Flights from [[London]] City airport resumed.",
    "[[CORK]], [[Ireland]] — The docklands plan is led by [[Cork]] City Council. A site was once earmarked for "
    "[[Cork]] City FC.",
    # a country's people's word inside the model's law or date, before a common noun
    "Article 119 of the [[Iraqi]] constitution allows provinces to form a region.",
    "\"We came out of an [[Irish]] summer of 18 degrees into 39,\" he said.",
    # a feature's part between "the" and its name
    "Walkers were asked to avoid the upper [[Usk]] valley.",
    # a country's people's word and a common noun the model took for one place
    "Gulnara Isakova, a schoolteacher in a [[Kyrgyz]] village on the road, said families were cautious.",
    # a people's word after "of" inside a body's name
    "The National Association of [[Nigerian]] Students called for protests.",
    # a treaty or a battle named after its place
    "Its boundary was fixed in the 1866 Treaty of [[Bayonne]].",
    # a land's word opening the sentence before a country named as islands
    "Neighbouring [[Solomon Islands]] has a moratorium on seabed mining.",
    # a territory's people
    "Many [[Cook Islanders]] live in [[Auckland]].",
    # a headline's run of capitalised words the model took for a person holds no surname
    "Vanuatu Lawmakers Back West Papua Recognition Motion, [[Jakarta]] Fumes\n\n[[PORT VILA]], [[Vanuatu]] "
    "(AFP) — [[Vanuatu]]'s parliament on Friday passed a motion. [[Vanuatu]] has long championed the cause.",
    # a great city's area named "Greater", which the gazetteer does not know
    "Traffic in [[Greater Cairo]] slowed on Monday.",
    # a river of our table after "the", named like a town of 177,000 that has it as another name
    "Mills were built on the banks of the [[Hooghly]]. At the [[Haldia]] dock complex, about 120 km "
    "downstream on the [[Hooghly]], work stopped.",
    # (a place's name after a company's noun stays a place: only unknown names are the company's)
    "The line runs to the old heart of [[Saigon]]. The name survives in the retail chain [[Saigon]] Co.op, which "
    "is opening supermarkets.",
    # a state's people's word that means an era elsewhere, in a text of its country
    "[[MELBOURNE]], [[Australia]] — The [[Victorian]] government said it was disappointed. Many [[Victorian]] "
    "farmers looked west. \"I must be a [[Victorian]],\" he said.",
    # regions' and a country's people's words of our tables
    "[[Oaxacan]] officials say a coastal safety plan is ready.",
    "The [[Hellenic]] Coast Guard said the boat had left [[Tobruk]].",
    "Several [[Cumbrian]] farmers came to the sale. The [[Balearic]] government said it wanted more say.",
    "A storm surge tore through the [[Ligurian]] coast overnight. [[Istrian]] olive oil is rated among the best.",
    "Ferry delays cost [[Hebridean]] businesses a million pounds.",
    # a dateline's town whose own name holds its river in brackets
    "[[FRANKFURT (ODER)]], [[Germany]] — Police arrested two men on Sunday.",
    # (a dateline's short name in capitals is its name: its later mentions are the town)
    "[[OSH]], [[Kyrgyzstan]] (Reuters) — Traders in [[Osh]] said prices rose.",
    # a smaller territory's initials in a text of its country
    "[[DARWIN]], [[Australia]] — Aboriginal people in the [[NT]] develop kidney failure at high rates. The [[NT]] "
    "Government said it would fund clinics in [[Alice Springs]].",
    # a boat's fate off a coast's town
    "[[KALAMATA]], [[Greece]] — Nine crew of a fishing trawler that sank off [[Pylos]] went on trial on Monday.",
    # a first-level division listed with another of its country, an article opening the "person" of its party
    "The Sabah People's Front quit on Thursday. \"For sixty years, [[Sabah]] and [[Sarawak]] have been treated "
    "like a piggy bank,\" he said.",
    # a town's people by their trade before "of"
    "\"You cannot ask the workers of [[Sfax]] and the miners of [[Gafsa]] to pay,\" the union leader said.",
    # a region's noun before "known as" vouches for our short alias after it
    "[[BANGKOK]], [[Thailand]] — He flew to the northeastern region known as [[Isan]]. \"Every prime minister "
    "comes to [[Isan]] and promises water,\" a farmer said.",
    # another name after "call"
    "Protests spread to the port of [[Toamasina]], which many residents still call [[Tamatave]], and to "
    "[[Mahajanga]].",
    # a city by its usual English spelling, listed with others, though a person of the text bears it
    "\"Not for the stones,\" said Eleni Larissa, 45. Rallies were also held in [[Patras]], [[Larissa]] and "
    "[[Volos]].",
    # a dateline's country before the agency's bracket, whoever of the text bears its name
    "\"It hurts,\" said Rebecca Jordan, an analyst.\n\n[[RAMTHA]], [[Jordan]] (Reuters) — Trucks queued on Sunday.",
    # a country that owns "its" border, a county after "across", though people of the text bear their names
    "\"It hurts,\" said Rebecca Jordan, an analyst. [[Jordan]] closed its main border crossing with [[Syria]].",
    "[[DOVER]], [[England]] — Sarah Kent, a policy director, spoke. Lorries queued for miles across [[Kent]] "
    "on Monday.",
    # a town's apposition with a capitalised word, though a person of the text bears its name
    "\"Ships are re-flagged within weeks,\" said Marta Colón, a lawyer. In [[Colón]], the [[Caribbean]] port "
    "city that hosts the free zone, traders worried.",
    # a seat of government speaking; a special city by its name of today
    "Exports fell sharply. [[La Paz]] said it would respect the decision of the court.",
    "The ship vanishes for a week near [[Rason]] or [[Chongjin]] and reappears in [[North Korea]].",
    # a people's word opening a list of them, which the model took for a person
    "The suspects, who include [[Nigerien]], [[Chadian]] and [[Sudanese]] nationals, were transferred.",
    # a region's people's word
    "Helen Darwin, an expert on [[Melanesian]] politics, spoke in [[Canberra]].",
    # a works named after its town, past its lower-case words
    "[[HELSINKI]], [[Finland]] — Strikers shut the [[Tornio]] stainless steel works on the border with [[Sweden]].",
    "Trucks arrive at the [[Mbera]] refugee camp in [[Mauritania]] every evening.",
    # a way towards a town
    "Armoured vehicles arrived at dawn from the direction of [[Djenné]], residents of [[Mopti]] said.",
    # a land's word the model took into a person, which makes no surname
    "Tiny Aitutaki hosts the leaders this week.\n\nDelegates flew in small planes to [[Aitutaki]] on Monday.",
    # a great town's whole name is no short form of the region opened by it
    "Air raid sirens sounded across the border regions of [[Belgorod]] and [[Kursk]]. Schools closed.",
    # a country the model took for a person after a land's part and "of", or a land's word
    "The new river port will serve the interior of [[Mali]], officials said. Landlocked [[Mali]] moves most of "
    "its imports by road.",
    # a country's plural possessive inside the model's place
    "Tuna boats unload at a cannery town in the [[Solomon Islands]]' [[Western Province]].",
    # two peoples' words joined by a hyphen, which the model took for one person
    "Villages counted the damage after [[Kyrgyz]]-[[Tajik]] gunfire broke the truce.",
    # another name given after "known as", which the gazetteer has only for small places far off,
    # or after "officially named"
    "Garment factories in [[Maputsoe]] and [[Teyateyaneng]], known locally as [[TY]], have shed jobs.",
    "Police in [[Derry]] made arrests. [[Derry]], officially named [[Londonderry]], sits on the [[River Foyle]].",
    # a settlement's noun in an apposition after a town a person of the text bears as a surname
    "\"We depend on this land,\" said Lucía Lorca, a spokeswoman. In [[Lorca]], the inland town rebuilt after "
    "an earthquake, farmers marched.",
    # England's regions by their compass names
    "Leaders fight for the seats of the [[North East]] as [[Hartlepool]] votes.",
    # a town's full name going on past the model's place, another name of the same town
    "Officials in [[Tuxtla Gutiérrez]] said the returns were voluntary.",
    # an abbreviation in capitals leaves the sentence's full stop out
    "Tom is a reporter based in [[Alice Springs]], [[NT]].",
    # a people's word naming a country's money, inside the model's sum
    "Farmers earned 40 [[Namibian]] dollars per bag near [[Windhoek]].",
    # a title of rank before a given name makes a surname, not a trade's or kin's word before a
    # name ("Coast Guard District", "Mother Nature")
    "Coast Guard District [[Western Visayas]] commander Capt. Ramon Dela Cruz said 31 people were rescued.",
    "A member of Mother Nature [[Cambodia]] said the boats changed their names.",
    # a land's own stretch before "of" ("the high plateau of Boyacá")
    "He is a climber from the high plateau of [[Boyacá]], officials said.",
    # a people's word after the crown's in a state's service
    "Officers of the Royal [[Canadian]] Mounted Police arrested him, and the Royal [[Thai]] Navy sent "
    "two frigates.",
    # a first-level division's name with its kind capitalised after it, a whole the model
    # calls a body ("the Stavropol Territory" as ORG): the division, not its namesake town
    "Hailstorms flattened wheat across the [[Stavropol Territory]] and the [[Altai Territory]] this week.",
    "A bear mauled a fisherman in the [[Kamchatka Territory]], and floods hit the [[Yukon Territory]].",
    # a province the model takes for a people ("across the Peloponnese" as NORP)
    "Olive growers in the [[Peloponnese]] fear a poor harvest after the drought.",
    # a people's word opening a state's body the model takes for a town's name
    "The two attachés, both assigned to the [[Russian]] Embassy, were told to leave within a week.",
    # a region's people's word before its government, left untagged at a sentence's start
    "[[Welsh]] Government ministers in [[Cardiff]] said they had not been told of the closure.",
    # a kind's word alone after "the" for the one place the text names whole by it
    "Courts in the [[Northern Territory]] lack interpreters. The [[Territory]]'s chief magistrate "
    "said video links had helped.",
    "Aid lorries entered the [[Gaza Strip]] on Monday. Across the [[Strip]], families queued for flour.",
    # (a vessel's noun before a preposition, and an airline's name, keep their places)
    "The ferry to [[Oban]] was cancelled, and a ship from [[Hamburg]] docked.",
    "The carrier [[Kenya]] Airways cut flights to [[Lagos]].",
    # a feature's own name of two words that the model takes for a person, its town of another spelling
    # ranking first ("Machupicchu")
    "[[Peru]] closes [[Machu Picchu]] trail after rockfall.",
    # a town opening a club's name is no person's given name ("Longford Town")
    "Supporters of [[Athlone]] Town and [[Longford]] Town will meet in the derby on Friday night.",
    # a province named after "the state of" is no given name of the text's person of its name
    "Water is short across the northern state of [[Sonora]], said Sonora Martínez, a farmer near "
    "[[Hermosillo]]. [[Sonora]] has had no rain since May.",
    "Farmers in the province of [[Mendoza]] face drought, said Mendoza Ruiz, who grows grapes. [[Mendoza]] "
    "has had no rain since May.",
    # an English or Irish county opening its council's name, not a Michigan county of "X County";
    # in a story of the United States the county of the council's name
    "The bypass was approved by [[Kent]] County Council on Tuesday, officials in [[Maidstone]], [[England]], "
    "said.",
    "The beach rules were approved by [[Volusia County]] Council, officials in [[Daytona Beach]], [[Florida]], "
    "said.",
    # a person's home town by another of its names, closing what the model took for the
    # person or a body, its country after it
    "The women's race was won by Anjali Rai of [[Darjeeling]], [[India]], in 34 hours 5 minutes.",
    "He beat Mathis Girard of [[Chamonix]], [[France]], by four minutes in a sprint.",
    # a dateline in capitals whose last word the model took alone for a place: the whole name
    ("Church registers turn up at auction\n\n[[SANTO DOMINGO YANHUITLÁN]], [[Mexico]] — Three "
     "16th-century baptism registers were returned on Monday."),
    # a demonym of two words before a lower-case word the model called a proper noun
    "Gem mining is old here, and [[Sri Lankan]] blue sapphires command premium prices in [[Bangkok]].",
    # a short other name of our table with no vowel, which no word has
    "Miners in [[Qld]] pay lower fees than those in [[New South Wales]], Kent noted.",
    # (and a list's line found so vouches for the lines after it, as the first found did)
    ("Longest waits for a repair crew (days)\n[[Winton]] ([[Qld]]) — 14\n[[Charleville]] ([[Qld]]) — 12\n"
     "[[Bourke]] ([[NSW]]) — 11\n[[Ceduna]] ([[SA]]) — 8\n[[Fitzroy Crossing]] ([[WA]]) — 7\n\n"
     "Source: network operator"),
    # a town's own name of two words ending in a feature's word, whatever the model made of it
    "\"[[Broken Hill]] and [[Moree]] cannot match what the bigger cities offer,\" she said.",
    "Groundwater is pumped to supply [[Walvis Bay]] and the mining industry.",
    # a name with an apostrophe inside it before a small letter
    "Fighting spread to the outskirts of [[Sana'a]] on Tuesday.",
    "Farmers in [[Murang'a]] say the export ban hurts them most.",
    # a place after its land or its works and "of"
    "Herders move their flocks each spring from the lower hills of [[Kangra]] to the high pastures.",
    "Trucks bring sulphuric acid from the chemical plants of [[Monzón]] to the coast.",
    # a ship's name is no person's: its place word is no surname elsewhere in the text
    ("The Norwegian Coast Guard vessel KV Svalbard delivered fuel to the station. The Governor of "
     "[[Svalbard]] said sea ice had been thin this winter."),
    # an abbreviation ending a sentence keeps the full stop the tokenizer split from it
    "Dulcimer players came from across the [[U.S.]]. It was the biggest festival yet.",
    "A cyclist set off from Norman to [[D.C.]]. He is a long way from home.",
    "The ferry route ran from Sarnia across the border to [[Port Huron]], [[Mich.]]. Residents were pleased.",
    # (not an Australian state's short name, written without a stop: the stop is the sentence's)
    "\"We need help, not just from far north [[Qld]].\" The crews left [[Cairns]] on Monday.",
    # a town after a route's preposition inside what the model took for one body's name
    ("Hauliers in [[Galway]] want the disused railway south from [[Claremorris]] through [[Tuam]] reopened "
     "for freight."),
    # a place as far as something reaches
    "Hotels were full in Napier, and rooms were booked as far away as [[Gisborne]] and [[Wairoa]].",
    "His client, a shearer, had \"never been further than [[Oudtshoorn]]\" since arriving in South Africa, "
    "the attorney said.",
    # a town before "and" and a name no person's opens is no couple's first name
    "Ore trains run from the Pilbara mines to [[Dampier]] and [[Cape Lambert]] each day.",
    # a place's parts listed after the model's place and ", including"
    "Northern Arizona, including [[Flagstaff]] and the tribal lands, leans the other way this year.",
    # a town's name joined by hyphens and small words, whatever the model took of it
    "The rally passed [[Saint-Jean-de-Luz]] and ended at [[Saint-Pée-sur-Nivelle]].",
    # places inside a "body" the model read over a verb
    "And after 1945 Danzig became [[Gdańsk]], [[Breslau]] became Wrocław, both in Poland, and Königsberg "
    "became Kaliningrad.",
    # (with its dot before a word it is the state: a guard)
    "[[Mass.]] legislators put off debate on the gas tax.",
    # a state's dotted abbreviation after a dateline's town
    "GRIFFITH, [[N.S.W.]] — Rice growers met on Monday.",
    # a town named like a general word or a statesman, paired with a place found or reached "via"
    "Commuters on the Lakeshore West line from [[Hamilton]] and Burlington were hit.",
    "Passengers on the train from New York via [[Buffalo]] were told to expect delays.",
    # a river of our table after a lower-case "the", no town's way of being named
    "Rowers trained on a quiet stretch of the [[Thames]] near Oxford before the race.",
    "A farmer near Bhagalpur said the water would reach the [[Ganges]] by Tuesday.",
    # communes of a great city, of our table
    "Opposition supporters gathered in [[Yopougon]] and [[Cocody]] on Sunday, Abidjan police said.",
    # a great city's business district of our table
    "Bankers in [[Nariman Point]] said the deal would close by March.",
    # (a body opened by a land: a guard)
    "[[Georgia]] Power said the outage hit Atlanta.",
    # a district GeoNames lists without people, and a town of our table
    "Ships waited three weeks to berth at [[Apapa]], the Lagos port authority said.",
    "Cocoa farmers outside [[Ejisu]] said the rains came late, Ghanaian officials said.",
    # a town of the text's country owning a person's full name
    "The race was won by Kenji Sato in 7:58:02, ahead of [[Whakatane]]'s Tama Wiremu and a German, "
    "New Zealand officials said.",
    # a feature named after its town is no person the town's name is a given name of
    "Officials said the [[Kakamega Forest]] would reopen to walkers. Traders in [[Kakamega]] welcomed the news.",
    # a country opening a headline after a page's label
    "Related: [[Seychelles]] limits yacht moorings",
    ("The clinic is two hours outside [[Port St Johns]], on the [[Wild Coast]]."),
    "[[Parisians]] queued for bread on Sunday.",
    "[[Londoners]] woke to heavy rain on Monday.",
    "[[Mancunians]] braved the cold.",
    "[[Berliners]] marched against rents.",
    "[[Kiwis]] and [[Aussies]] watched the rugby final.",
    "The statement was published in [[Arabic]] and [[English]].",
    "Students at the University of [[Michigan]] Center for Global Health met on Friday.",
    "Flights from [[London]] City airport were cancelled.",
    "[[South East Asian]] nations met in [[Jakarta]].",
    "Reporters from the [[New York]] Times visited the camp.",
    "The [[British]] government and [[Norwegians]] in [[Oslo]].",
    "Ever since the New Haven Police Chief spoke, [[New Haveners]] have asked why. Crime in [[New Haven]] fell.",
    # an adjective before a people word is no name ("New Londoners" is)
    "Angry [[Londoners]] protested outside the station.",
    # a people word the model took for a product or a body
    "Police said two [[Londoners]] were arrested.",
    # an older English name of a great city, taken for a person
    "The separatists blamed [[Kiev]] for the shelling.",
    # a country's initials inside an organisation's name
    "A spokesman for the [[US]] Army declined to comment.",
    "The [[UK]] Border Force seized the boat.",
    # a demonym opening an organisation's name the model took for a place
    "Celtic beat Real Madrid, and the [[Syrian]] Observatory for Human Rights counted 20 dead.",
    # a region's adjective the model left untagged, a country's taken for a body
    "[[Welsh]] farmers drove their tractors to the capital.",
    "[[Emirati]] officials said the talks failed.",
    # a great city closing a club's or body's name
    "Celtic beat Real [[Madrid]] in the final.",
    "Fans of Metro [[Vancouver]] clubs cheered.",
    # a great city opening a club's name the model took for a person
    "[[Manchester]] United lost at home on Saturday.",
    # a capital the model took for a date
    "The [[Uruguayan]] president spoke in [[Montevideo]].",
    # a city under its usual English spelling
    "Flights to [[Mekelle]] in [[Tigray]] resumed.",
    "Air strikes hit the port of [[Hodeidah]] overnight.",
    # a region's adjective before a noun and its noun; a demonym taken for a person
    "[[Welsh]] rugby fans travelled to the match.",
    "Kyrgyz and [[Tajik]] forces clashed overnight.",
    # (a standings list's points after a club's town: a guard)
    "Standings: [[Liverpool]], 45, Arsenal, 42, Chelsea, 40.",
    # a listed language the model left untagged or took for a body
    "Radio broadcasts in [[Pashto]] reached the border areas.",
    "Textbooks were translated into [[Amharic]] last year.",
    "Most villagers there speak [[Quechua]] at home.",
    # a country's name the model split in two
    "Countries hit by cholera: Burkina Faso, [[Guinea]], [[Guinea-Bissau]], [[Liberia]] and [[Mali]].",
    "Plague has killed 61 people as of February 15 in the [[Democratic Republic of the Congo]], "
    "according to the World Health Organization.",
    "One case each was found in [[Rio Grande do Sul]] and [[Minas Gerais]].",
    "The campaign covers [[Benin]], [[Cape Verde]], [[Central African Republic]], [[Gambia]] and [[Ghana]].",
    # a province's name without the word after it the model took in
    "[[Indonesia]]'s [[Aceh]] province alone may have as many as 80,000 dead.",
    "[[Henan]] province has registered seven deaths.",
    "Cases were found along the [[Indian Ocean]] coast.",
    # provinces and counties in a list the model tagged as bodies or persons
    "[[Norway]] told farmers in [[Rogaland]], [[Vestfold]], [[Buskerud]], [[Telemark]] and [[Akershus]] "
    "to keep birds indoors.",
    # a whole name with a lower-case word is kept whole
    "Casinos in [[Atlantic city]] reopened on Friday.",
    # the place a disease is named after, where the text says so
    "Scientists study the Marburg virus, first found in [[Marburg]] in 1967.",
    # a big state's initials the model took for a body
    "The [[NSW]] government has confirmed infections at the quarantine station.",
    # a border's whole name, not its first word
    "Shelling was reported along the [[Line of Control]] overnight.",
    # a town of the country whose possessive comes before it
    "Refugees in Kenya's overcrowded [[Dadaab]] camps need help.",
    # a great city, though the text's demonym makes a small namesake first
    "Pro-Russian separatists seized [[Donetsk]].",
    # a town's name the model cut after its first word
    "Aid workers in [[Goz Beida]] said the camps were full.",
    # a province's English name, not the island it lies on
    "A volcano erupted in [[Central Java]], and ash fell on Yogyakarta.",
    # names the model cut at a hyphen or at a small word
    "Fighting resumed near [[Mazar-i-Sharif]] on Friday, the governor said.",
    "The festival moves to [[Stratford-upon-Avon]] this summer.",
    "Officials in [[Port of Spain]] said the talks would resume next week.",
    # English names of more than one word that GeoNames files as other names
    "The vote in [[Rhineland-Palatinate]] was close.",
    "Shelling hit a school in [[Khan Younis]] on Tuesday.",
    # demonyms the model took for a place, a person or a body
    "[[Ukrainian]] troops crossed the river overnight.",
    "The [[Moldovan]] foreign minister criticised the decision.",
    "[[Sri Lankan]] troops crossed the border overnight, the ministry said.",
    "The [[Sierra Leonean]] foreign minister criticised the decision.",
    "[[Papua New Guinean]] troops crossed the border overnight.",
    # capitals the model took for a body, or spelt as our country table does
    "[[Valletta]] said the migrants would not be allowed to land.",
    "Officials in [[Ulaanbaatar]] said on Monday that the talks would resume.",
    "[[Montevideo]] said the sanctions were illegal and would be challenged.",
    "[[Tunis]] extended the state of emergency by a month.",
    # a big town opening the sentence before "police", read as an adjective
    "[[Peshawar]] police said two people were killed in the blast.",
    "[[Kharkiv]] residents queued for water after the strike.",
    # a great city closing a club's name the model took for a place or a building
    "German champions Bayern [[Munich]] had already qualified.",
    "Paris Saint-Germain also progressed after a 4-1 win over Red Star [[Belgrade]] in Serbia.",
    # the "'s" that ends a place's own name, not a possessive
    "Snow buried [[St. John's]] on Friday, the Newfoundland capital.",
    # ... but the land with its article is a place
    "Fires burned across the [[Amazon]] this summer.",
    # the article that is part of the name
    "The court in [[The Hague]] ruled on Friday.",
    # Irish counties, the county word first
    "Flooding closed roads in [[County Clare]] and [[Co. Kerry]] on Monday.",
    "Farmers in [[County Armagh]] feared new checks on the border.",
    # peoples the model took for a date, a person or a team
    "Thousands of [[Greeks]] have left the islands since the fires began.",
    "Many [[Nepalis]] have found work in the Gulf.",
    "The [[Cypriots]] won the match 2-1 on Saturday.",
    # a province's name with a small word inside; a division's name before its kind
    "PORTO ALEGRE, Brazil (Reuters) - Floodwaters in [[Rio Grande do Sul]] began to recede on Monday.",
    "Thousands of people were evacuated across the [[Bicol]] region, including in Albay.",
    # a town before "-born"; a province's abbreviation cut from its stop in a dateline
    "Jai Prentice, a [[Bunbury]]-born seamer, took four wickets.",
    "HAMILTON, [[Ont.]] - Police in Hamilton said on Monday that two men were arrested.",
    # web text: a name the model joined with the next line's first word
    "Related: Indonesian volcano eruption forces evacuations on [[Java]]\nShare this article",
    "ROCKHAMPTON, [[Qld]]\nCattle producers across central Queensland face weeks of delays.",
    # a headline's division the model took for a person with its kind ("Kano State"), its word kept
    "[[Kano State]] begins fertiliser sales as farmers struggle\nBy Aminu Bello, Kano\nKANO -\n"
    "The [[Kano State]] government said on Monday.",
    # English metropolitan counties and Indian regions of our own table
    "The firm will withdraw eleven routes across [[West Yorkshire]].",
    "A heatwave alert was issued for [[Vidarbha]] on Monday.",
    # a person's home town after "of"
    "Sen. Tom Lincoln of [[Eau Claire]] called the vote a disgrace.",
    # rivers of our own table
    "Clashes broke out near the main bridge over the [[Ibar]] river on Sunday.",
    # lakes of our own table; a county's name the model cut into two places
    "Thousands fled along the shore of [[Lake Kivu]] toward Bukavu.",
    "Residents in Osakis and across the line in [[Otter Tail County]] were asked to save water.",
    # a town of the text's country opening a headline after a web page's label
    "Rain eases across Queensland after a wet week\nBy Jo Reed\nFarmers near Toowoomba welcomed the "
    "break.\nRead more: [[Dalby]] growers count the cost of hail\nRelated: [[Chinchilla]] council "
    "lifts water limits",
    "Storm damage in Kerala\nAlso read: [[Thrissur]] traders count losses after floods",
    "Hockey news from Saskatchewan\nRelated: [[Moose Jaw]] approves new curling rink",
    # a feature named after a place: the whole is the toponym, known or not
    "Kenya floods\nRead more: Rising waters of [[Lake Naivasha]] force more families out",
    "Boats were banned above [[Cumberland Falls]] in Kentucky after the rain.",
    # (not a body's or a paper's name that goes on after the feature's word)
    "The [[Texas]] Reservoir Authority said levels were low.",
    "Subscribe to the [[Wausau]] Valley Herald for more news from Wausau.",
    # a division's name and its capitalised kind, alone or opening a body's name
    "Bandits crossed the border with [[Kebbi State]]. Security analysts say gangs have spread.",
    "Roads were flooded after the rain. The [[Oyo State]] Emergency Management Agency said boats arrived.",
    # a town's municipality; a town the model took for a building, below a height
    "About 40 residents were moved on Monday night, [[Knysna]] Municipality said.",
    "Smoke hung over the mountains above [[Stellenbosch]] by Tuesday morning.",
    # a river our table knows by its full name only
    "Floods swept villages along the [[Ravi]] river near Lahore.",
    # two towns after a word of place are no couple ("Brent and Lynnette Hain")
    "Roads towards [[Gopeng]] and [[Tanjung Malim]] were closed in Malaysia.",
    # a town listed after a town inside what the model took for one name
    "Farmers lost crops around [[Córdoba]] and [[Jaén]]. Reservoirs in the south are low.",
    # a dateline's short form of a town's name
    "[[FRANKFURT]] (Reuters) - Shares in airlines rose on Tuesday.",
    # a country's own name of several words, whatever the model made of its parts
    "Cruise ships returned to [[Antigua and Barbuda]] after the storm.",
    # a place and the one it lies in, taken by the model as one name
    "A cargo boat sank in the Detroit River near [[Windsor]], [[Ontario]], on Monday.",
    # a people's word opening a country's name, cut by the model
    "Aid agencies warned that food prices in [[French Guiana]] had doubled since March.",
    "[[French Polynesia]]'s government announced new elections for the spring.",
    # a big town opening a sentence, that the model read as a determiner, a
    # pronoun, a common noun or a person with the police
    "[[Lusaka]] police said two people were killed in the blast.",
    "[[Trujillo]] police said two people were killed in the blast.",
    "[[Kanpur]] police said two people were killed in the blast.",
    "[[Port-au-Prince]] police said two people were killed in the blast.",
    "[[Dar es Salaam]] police said two people were killed in the blast.",
    # capitals speaking, one spelt as our country table spells it
    "[[Port of Spain]] said the sanctions were illegal and would be challenged.",
    "[[Ulaanbaatar]] said the sanctions were illegal and would be challenged.",
    # a lake's name the model took for a person's does not make its country a surname
    "BLANTYRE, [[Malawi]] (Reuters) — Boats on Lake Malawi were grounded as storms hit Mangochi and Zomba.",
    # a capitalised preposition the model took into the name
    "Across [[Kerala]], schools were shut for a second day.",
    # a name holding a possessive, cut by the model at the "'s"
    "Flood warnings were issued for [[Hawke's Bay]] and Gisborne on Friday.",
    # a stop word opening a town's name of two words
    "Buses between Old Harbour and [[May Pen]] were suspended on Monday.",
    # a people's word and the word after it that are together a town's name
    "Traders in [[Spanish Town]] protested against the new fees.",
    # a people's word before a full name the model took in
    "[[Kenyan]] Faith Chepngetich won the race in Chicago.",
    # clubs named by their towns in a match's result
    "[[Kilmarnock]] 2-1 [[Motherwell]]: late goal settles derby",
    "Hearts drew 0-0 with [[Kilmarnock]] while [[Motherwell]] beat St Mirren 3-1.",
    # a town of the text's country by its English name, after a place's cue
    "PIRAEUS, Greece — Ferries were halted as smoke rose over the island of [[Rhodes]] on Sunday.",
    # a province of the text's country by its English name inside a body's name
    "LARISSA, Greece — Yields fell by a third, said Eleni Markou of the University of [[Thessaly]].",
    # a big town's other name of two words, before its mayor's name
    "Traffic eased beyond the city limits. [[Talisay City]] Mayor Ana Cruz said the road would reopen on Monday.",
    # a place's adjective, the sea off a coast's town, a lower-case feature word after a name
    "Floodwater covered the plains. In neighbouring [[Hastings]], the council said homes had power again.",
    "Aid reached villages in southern [[Chikwawa]] on Tuesday.",
    "BRISBANE, Australia — Divers mapped the coral reefs off [[Gladstone]] last month.",
    "Heavy rain hit the [[Coromandel]] peninsula and Auckland on Friday.",
    # a place noun in the plural before "of" and a list
    "The towns of [[Sehwan]] and Dadu were at risk from rising water.",
    # a feature's whole name, found before the model's pieces of it; by a name no place has
    "The ascent of the [[Hai Van Pass]] is steep.",
    "Residents of the [[Esk Valley]] began clearing silt.",
    "Hikers were rescued from the [[Korvanen Gorge]] on Sunday after a storm.",
    "Climbers reached the summit of [[Mount Orvalen]] on Friday.",
    "Rangers said fires had burnt much of [[Tamberu National Park]] by Monday.",
    # an apposition whose head is a place noun
    "The end of the road is [[Skoura]], a village on the edge of the palm groves.",
    # the model's place entity closed by a feature's word, after "the"
    "Boats crossed the [[Korvan Strait]] in heavy seas.",
    # (not the end of a longer name)
    "[[Turks and Caicos Islands]]'s government announced new elections for the spring.",
    # a country's great part after a place's cue, whatever the model made of
    # it, and a region after "the governor of"
    "Storms flooded farms across [[Molise]] on Tuesday, [[Italy]]'s civil protection said.",
    "The governor of [[Tocantins]] said [[Brazil]] would send more firefighters.",
    # three towns of the text's country listed together; a state's
    # abbreviation after any town, its dot kept before a comma
    "In [[Peru]]'s southern highlands the governor carried [[Ilave]], [[Juli]] and [[Yunguyo]] by wide margins.",
    "The firm, based in [[Brattleboro]], [[Vt.]], will open a second plant next year.",
    "Related: [[Guelph]], [[Ont.]], council approves new transit plan",
    "She moved to [[Sherbrooke]], [[Que.]], and opened a bakery.",
    # a person's home town after the age ("Name, 38, of Town"); a district by its short name
    "Dana Whitfield, 38, of [[Killen]], was charged with theft on Friday, police said.",
    "Girls' schools reopened in [[Swat]] after a week, [[Pakistani]] officials said.",
    # a dateline's town by another of its names, in the country after it
    "[[HAWASSA]], [[Ethiopia]] — Traders said fuel prices rose again on Monday.",
    # a town's name with a small word before its river ("upon", "on", "am")
    "Fans travelled overnight from [[Kingston upon Hull]] for the final.",
    # a town whose own name opens with its article, inside a sentence
    "Officials in [[The Dalles]] said the bridge would reopen, [[Oregon]] transport officials said.",
    "A press conference was held in [[A Coruña]] on Monday, [[Spanish]] media reported.",
    # two places the model took for one entity ("Windsor and Falmouth" as one place)
    "A section of Highway 101 between [[Windsor]] and [[Falmouth]] was closed for nearly nine hours, "
    "[[Nova Scotia]] officials said.",
    # a name refused before the place listed after it was found
    "Troops said they would retake [[Mocímboa da Praia]] and [[Palma]] before the rains, "
    "[[Mozambique]]'s army said.",
    # a name of two words the model cut before its kind ("Lao" + "Cai City")
    "Floods swept through [[Yen Bai]] City and [[Lao Cai]] City before reaching [[Hanoi]].",
    # ... or after its first word ("Mae" + "Hong Son")
    "Smoke from fires in [[Mae Hong Son]] province drifted over [[Chiang Mai]].",
    # a town's full name with its river, after small words or in brackets
    "Flights were diverted to [[Frankfurt am Main]] after the storm, [[German]] officials said.",
    "Trains through [[Frankfurt (Oder)]] were cancelled on Sunday, the operator said.",
    # a division of the text's country by a name of hyphens, or with its kind after it
    "Extra crews were sent from the [[Alpes-Maritimes]] and from [[Marseille]], [[France]]'s interior "
    "ministry said.",
    "Farmers across the [[Lot-et-Garonne]] lost their plums to hail, [[French]] officials said.",
    "Villages in the south of the [[Dordogne]] département were evacuated, [[France]]'s fire service said.",
    # a great city abroad the model took for a person, though the text's country has a small namesake
    "Officials in [[Washington]] watched closely. [[Rotterdam]] handles more containers than any other "
    "port on the continent.",
    # a dateline's compass and region the model took for a person lend it no person's words
    "Sukabumi, W Java (ANTARA) - Search teams worked through the night. The agency warned of more rain "
    "across much of [[Java]] and southern [[Sumatra]] this week.",
    # a big town the model read as a common noun, a word the text never writes in lower case
    "Traffic clogged the roads into the mountains. [[Oradea]], often held up as a model, has built bike "
    "lanes in [[Romania]].",
    # a town's own name that says what it is, whatever the model made of it
    "The heat hit 49.1C in the north, while [[Port Augusta]] at the head of the gulf hit 48.3C.",
    "We're seeing coastal places like [[Port Lincoln]] get to 44C.",
    # two towns of the text's country, each of 10,000 people or more, listed together
    "Heavy rain hit [[Poland]] on Sunday. [[Nysa]] and [[Brzeg]] were cut off for hours.",
    # a town closing a club's name opened by its letters; a club's name is no person's
    "In [[Sweden]] the story is more nostalgic. IFK [[Göteborg]], the club most fans know, won.",
    "SJK from [[Seinäjoki]] and FC Inter [[Turku]] have invested in new pitches.",
    "Residents poured into towns south of [[Valencia]] on Thursday. [[Valencia]] CF postponed its match.",
    # a place the gazetteer lacks, whose name the model cut after its first word
    "Buyers must register plots in [[Kampong Phluk]] commune before the dry season.",
    # a weather bulletin's towns with their states' abbreviations
    "Record highs on Monday:\n\n- [[Renmark]], [[SA]]: 47.0C\n- [[Mildura]], [[Vic]]: 47.4C\n"
    "- [[Launceston]], [[Tas]]: 40.1C",
    # an Arabic name with its article, whatever the model made of it
    "Aid convoys reached [[al-Mukalla]] in eastern [[Yemen]] on Sunday, officials said.",
    "[[AR-RAMADI]], [[Iraq]] (AP) — Contractors began clearing rubble on Monday.",
    "Farmers in [[al-Hasakah]] province say the wells have dried up across [[Syria]].",
    # datelines in capitals: a name of three words, a saint's abbreviation, after a roundup's label
    "Rail strikes continue.\n\n[[NEWCASTLE UPON TYNE]] — Plans for a new tram line were approved on Monday.",
    "Ferries resumed.\n\n[[ST. JOHN'S]] — The coast guard said the trawler was safe.",
    "Around the world\n\nHEAT — [[SEVILLE]], [[Spain]]: Temperatures hit 44C on Sunday.",
    # a list of towns of the text's country, one of them by another of its names
    "Vanilla prices fell in Madagascar. Its main towns: [[Sambava]], [[Antalaha]], [[Vohemar]] and [[Andapa]].",
    # a province's name of two joined by "and" that the model took for two persons
    "Aid lorries reached towns across neighbouring [[Sistan and Baluchestan]] on Tuesday.",
    # a town of 20,000 abroad after "to" or "in", whatever the model made of it
    "Tourism in Jordan has recovered. The resort of Aqaba looks across the water to [[Eilat]].",
    # results written team by team, the towns of the second teams
    "Weekend football. Premier League: Everton 0 [[Brighton]] 1. Bundesliga: Bayer Leverkusen 3 [[Stuttgart]] 1.",
    # a town with its figures in a table, taken in by the model's entity
    "TODAY'S FORECASTS\nCairo 36/22 sunny\n[[Lisbon]] 27/16 sunny\nKathmandu 28/19 showers",
    # a people's word opening what the model took for a person's name of common nouns
    "Exporters complained that the levy made [[Malagasy]] vanilla uncompetitive abroad.",
    # a town after "the oasis of", "the resort of"
    "Date growers in the desert oasis of [[Tozeur]] say the springs are failing, officials in [[Tunisia]] said.",
    # a county that says what it is by its ending, whatever its namesakes
    "Schools across [[Flintshire]] and [[Denbighshire]] closed because of snow.",
    # a newspaper's name lends the town it serves no surname
    "Bolton Advertiser › News\n\nShops in [[Bolton]] closed early on Saturday as the river rose.",
    # a town named like a statesman or a thing, right after "in" or "near"
    "Councillors in [[Hamilton]] voted on Tuesday to close the library.",
    "Flooding near [[Reading]] closed the motorway for six hours.",
    "The gown was made by a [[Bath]]-based designer, her spokesman said.",
    # an Irish county with its word first, without the dot, the model's person;
    # it makes the text Ireland's for the towns after it
    "Death of Mary Keane, Kilrush, [[Co Clare]]. She trained in [[Ennistymon]] and nursed in Boston, "
    "Massachusetts, for years. She is missed by her brother in Lagos, Nigeria.",
    # a great town of the text's country by a short other spelling
    "Grain lorries from Belarus queued for hours outside [[Homel]] on Friday, drivers said.",
    # a list whose middle item is no place still joins its last to its first
    "The buses run from the city to [[Dandenong]], Sunshine and [[Werribee]] every hour.",
    # a people in the plural, whatever the model says; a people's name holding its country's
    "The fruit was picked by 4,000 [[Solomon Islanders]] who arrived in March.",
    "Many [[I-Kiribati]] families and [[ni-Vanuatu]] pickers spent the winter in [[Hawke's Bay]].",
    # a town's name ending in a word no surname ends in, the model's person
    "Nobody she met had been further than [[Alice Springs]], she said.",
    "Rail links between [[Teesside]] and [[Tyneside]] were cut by the storm.",
    # a town of 10,000 of the text's countries the model took for a lone surname
    "Moldova and Romania signed the deal. The new bridge links [[Ungheni]] with Iasi across the river.",
    # a place's former name, said to be one
    "Khujand, formerly [[Leninabad]], is the second city of [[Tajikistan]].",
    # (a kin word before a place's preposition leaves the place alone)
    "Her son works in [[Paris]] and her daughter, a nurse, in [[Lagos]].",
    # a great town's own name spelt another way, in the text or its dateline
    "Spain's olive harvest fell again this year. Growers between [[Córdoba]] and [[Seville]] blamed the heat.",
    "[[MYKOLAIV]]: Shelling cut power to the port overnight, the regional governor said.",
    # a dateline's town of two words in capitals closed by its agency's bracket
    # or its province's comma, though the model takes its first word alone
    "[[PANAMA CITY]] (AP) — The canal authority will lift its limits on ships, officials in [[Panama]] said.",
    "[[CAMBRIDGE BAY]], [[Nunavut]] — By the time the sea ice breaks up, the town is ready.",
    # a ship's home port after "out of"; a town said to lie near another
    "The second supply ship, chartered out of [[Fremantle]], will sail in March.",
    "Australia's supply ship was repaired last year. [[Fremantle]], near [[Perth]], will host it again in March.",
    # the people's word of a smaller state, which our table lists
    "The [[Tasmanian]] government says the polar sector supports 1,000 jobs.",
    # a division's kind capitalised after its name is part of the name
    "Floods hit [[Kumamoto Prefecture]] in southern [[Japan]] on Sunday.",
    "Shelling hit [[Sumy Oblast]] overnight, the governor said.",
    # a province by its English name of several words, acting; a town of the
    # text's country by another name of several words after a place's cue
    "[[Lower Saxony]] said it would examine the ruling.",
    "Most returnees arrive in [[Afghanistan]] through [[Islam Qala]] in Herat province.",
    # an Irish county opening its council's name; places given as examples
    "Residents asked for talks with [[Kerry]] County Council on Monday.",
    "Storms in [[France]] cut off villages such as [[Plouha]] on Sunday.",
    # a great city's older English name inside a body's name; a town of
    # 100,000 closing a club's name of three words
    "Shares fell 1.4 percent on the [[Bombay]] Stock Exchange.",
    "Similar cases are pending before the [[Madras]] High Court.",
    "Red Bull [[Salzburg]] said it expected the authorities to act.",
    # a church's seat after its bishop's title
    "The Archbishop of [[Tuam]] celebrated Mass at the shrine on Sunday.",
    # a province's own name opening its council's name, whole
    "[[North Yorkshire]] Council said the road would reopen on Friday.",
    # two provinces of one country listed together, both missed by the model
    "The typhoon then swept over [[Albay]] and [[Camarines Sur]], where floodwaters rose.",
    # a great town the model reads as a place elsewhere is no surname for
    # closing a club it took for a person; nor is a great town's name of
    # several words a person's
    "Local football club Lechia Gdańsk wore a badge. Sirens sounded across [[Gdańsk]] at dawn. "
    "In 1939 [[Gdańsk]] was a free city.",
    "Known formally as [[Heroica Puebla de Zaragoza]], the city marked the battle. Later [[Puebla]] held a parade.",
    # a county after the town it holds, whole
    "Police said the crash happened at [[Battle]], [[East Sussex]], on Friday night.",
    # a town opening a firm's name the model took for a person's ("Waterloo AI"),
    # and twin towns it took for one person: no surname found elsewhere
    "[[Waterloo]] AI firm opens office. Engineers will remain in [[Waterloo]], where the company was founded.",
    "Kestrel employs 600 people in Kitchener-[[Waterloo]]. Its engineers will remain in [[Waterloo]], "
    "where the firm began.",
    # a club opened by its dotted letters is no person named after the town
    "[[Monterrey]] lands a battery plant. Water shortages hit [[Monterrey]] last year.\n"
    "Read more: C.F. Monterrey fans celebrate",
    # a region of our table whose words the model reads as common ones, after a preposition
    "Storms rolled across the [[Top End]] overnight, flooding roads near [[Katherine]].",
    # a town's former name after "still called"
    "The report came from [[Mthatha]] — still called [[Umtata]] in the police files — on Monday.",
    # former states and homelands of our table
    "His body was taken to [[Transkei]] in a closed coffin.",
    "In 1939 [[Gdańsk]] was the [[Free City of Danzig]], a city-state.",
    # business districts and battle sites of our table
    "Bankers in [[Sandton]] cheered the rate cut.",
    "Wreaths were laid at [[Westerplatte]] at dawn.",
    # a base named after its town, though the model reads "Base Darwin" as a person
    "Fighter jets flew out of RAAF Base [[Darwin]] on Monday for the exercise.",
    # a great town's name that opens a person's is a given name, no surname:
    # the text puts the town in place elsewhere ("In Rosario", "from San
    # Antonio and Austin", "in central Glasgow")
    "“We have waited long enough,” said Rosario Quispe, a weaver from [[Cusco]]. In [[Rosario]], the port "
    "workers joined the stoppage.",
    "Rescuers flown from [[San Antonio]] and [[Austin]] reached the camp at dawn, said Austin Pryor, a spokesman.",
    # a town after a place's preposition is the town, though a "person" of the text opens with its name
    "Crews in [[Lexington]] said Lexington Parks will reopen the trails.",
    # a town opening its police's name, named like a common word
    "Late on Friday the [[Concord]] Police closed two streets near the river.",
    # a "person" ending in a town's quarter word gives no surname ("Greenwood Station")
    "[[Greenwood]], [[South Carolina]]. With 25,000 people, [[Greenwood]]'s council runs the lake park. The old "
    "depot district, known locally as Greenwood Station, is being restored, and [[Greenwood]] also hosts a tyre plant.",
    # a town opening its fire service's name where the model makes a "person" of
    # the service or of a fire station ("Huntsville Fire Station 2")
    "The burn ban began after a meeting between [[Huntsville]] Fire Chief Dana Webb and county commissioners. "
    "Permits can be picked up at [[Huntsville]] Fire Station 2 or 3, said Carla Ruiz of the [[Huntsville]] Fire "
    "Department.",
    # a town of 50,000 the model calls a body, before a place's noun, in a text
    # that has so far named another country only
    "The driver, who was born in [[Mexico]], was detained by [[Danbury]] police late on Saturday.",
    # a town named like a legislature where the text does not call the assembly so
    "Rebels held [[Duma]], east of [[Damascus]], for six years.",
    # a town of the text's country after a verb of war, whatever the model
    # made of it (a product, a body, nothing), or among a town's ruins (a person)
    "[[Ukraine]]'s army said its troops pulled back overnight. [[Russian]] units have advanced since capturing "
    "[[Vuhledar]] in October, and [[Ukrainian]] brigades are still defending [[Kurakhove]] to the north.",
    "The [[Ukrainian]] general staff said its forces were holding [[Toretsk]] despite heavy losses.",
    "In eastern [[Ukraine]], soldiers dug trenches among the ruins of [[Chasiv Yar]] as winter came.",
    # a town's name opened by a month or a number word the model reads as a
    # date or a count; a town's own name of several words the model reads as
    # common words; a town named right after "its capital"
    "In [[May Pen]], the parish council said on Monday that the bridge would reopen.",
    "Bus fares rose across [[Jamaica]] this week, and commuters in [[Half Way Tree]] queued for an hour.",
    "The [[Dominican]] province of [[La Altagracia]] and its capital [[Higüey]] have grown fast since the new "
    "airport opened.",
    # a town inside a longer "place" of the model's that the gazetteer does
    # not know; a town of 10,000 after a place's cue, read as a common word
    "The Blue Bombers sealed a win over the [[Calgary]] Stampeders in the last minute.",
    "Bronze hoard found by metal detectorist near [[Dumfries]]",
    # a town's name that ends in "City" after "said" is no speaker
    "Tran Minh Khoa runs a noodle shop. The sign at the station said [[Ho Chi Minh City]], he recalled.",
    # a great town closing a club's name opened by a club's word, the model's "person"
    "He played eight years with Hertha and Borussia [[Dortmund]], before finishing his career at home.",
    # a town of 20,000 of the text's country by its own name that the model
    # left out; a town of 20,000 abroad listed with places found
    "Ice broke early across [[Alaska]] this spring. A [[Fairbanks]] retiree who guessed the minute won the pot.",
    "Snow fell across [[Ireland]] overnight. Councillor Mary Dunne of [[Portlaoise]] asked for gritters.",
    "From the beach at Haql the lights of [[Aqaba]] in [[Jordan]] and [[Eilat]] are visible on clear nights.",
    # a district of Nepal, which pycountry and the city lists lack, in our table
    "Monsoon rains in [[Nepal]] cut the highway, and rescuers reached villages in [[Dhading]] and [[Rasuwa]] on foot.",
    # a fault of earthquake news, in our table
    "Seismologists said the quake ruptured a segment of the [[East Anatolian Fault]] near [[Malatya]].",
    # camps, suburbs and towns of war news that the city lists lack, in our table
    "Aid trucks reached [[Zamzam]], south of [[El Fasher]] in [[Sudan]]'s [[Darfur]], for the first time in months.",
    "[[Israeli]] jets struck [[Dahiyeh]] overnight, [[Lebanese]] officials said.",
    "Families who fled [[Walikale]] are sheltering in [[Goma]], aid workers said.",
    # a country's name opening a company's is still the country's
    "[[Qatar]] Holdings bought the tower. Flights to [[Qatar]] were full.",
    # regions, a new capital and lakes of our table
    "Steel towns across the [[Ruhr]] braced for job cuts on Monday.",
    "Flash floods swept through the [[Texas Hill Country]] overnight.",
    "Classes were suspended across [[Metro Manila]] as the typhoon neared.",
    "Ministries began moving to [[Nusantara]] in August.",
    "A trawler with 180 people aboard drifted in the [[Andaman Sea]] for a week.",
    "Water trucks reached [[Dagahaley]] and [[Hagadera]] after the floods.",
    # a sea's name opened by a people's word the model reads as a language
    "Migrants tried to cross the [[English Channel]] from [[Calais]].",
    # a province's abbreviation keeps the full stop the tokenizer cut at the
    # end of a sentence; a town's own name does not take one
    "The shelter is in [[Lacolle]], [[Que.]]",
    "Wolves killed sheep near [[Cody]], [[Wyo.]]\n\nPhoto: a ranch.",
    "Troops will train east of [[Alta]]. Officials in [[Oslo]] agreed.",
    # a town's own name holding "in" ("San Giovanni in Fiore"), which the model cuts
    "Pilgrims walked from [[Cosenza]] to [[San Giovanni in Fiore]] this week.",
    "Cranes fill the [[Glasgow]] skyline. Tenants who work in central [[Glasgow]] commute from [[Paisley]]. "
    "[[Glasgow]] Rangers has unveiled plans for 2,000 flats.",
    # a small town that a relative "where" describes; not the end of a longer name
    "Councillors in [[Galway]] asked again about the flood scheme for [[Dunmore]], where the square "
    "flooded twice last winter.",
    "Ferries run from [[Barreiro]] to Terreiro do Paço, where the tourists leave.",
    # a lower-case "city" after a town is no part of its name, though the
    # gazetteer knows "Perth City" as another of its names ("Atlantic City" is one)
    "Traders in [[Perth]] city centre said rents doubled.",
    "Protesters blocked [[Puebla]] city centre for a week.",
    # a division's own name of two names joined by "and", which the model cuts
    "Two libraries will shut as [[Perth and Kinross]] Council cuts spending.",
    "The ferry to [[Argyll and Bute]] was cancelled.",
    "Nurses in [[Newfoundland and Labrador]] voted to strike.",
    "Trains from [[Perth]] and [[Dundee]] were cancelled.",
    # a river's bare name after "the", where the text has named it whole
    "Anglers gathered on the [[River Severn]] at dawn. Levels on the [[Severn]] rose overnight.",
    # reserves by their kind's two words
    "Rangers counted 40 tigers in the [[Sundar Bera Tiger Reserve]] last year.",
    "Elephants left the [[Kasungu Forest Reserve]] for farms.",
    "Hunters crowded the [[Ottawa National Forest]] and the [[Sylvania Wilderness]] in November.",
    "Hikers were rescued in the [[Kettle Moraine State Forest]] on Sunday.",
    # a township by its abbreviated kind, whatever the model made of it
    "Voters in [[Hanover Twp.]] and [[Lower Macungie Twp.]] approved the school levy.",
    "Crews from [[Union Twp]] cleared the road.",
    # a province's own name going on after the model's "person" with a small word
    "Soy farmers in [[Mato Grosso]] and [[Mato Grosso do Sul]] sold early this year.",
    # a county's bare name where the text has written it Ireland's way
    "Born near [[Castlebar]], [[Co. Mayo]], she emigrated to [[Toronto]] in 1961, worked in [[Hamilton]] and "
    "[[Guelph]], and came home to [[Mayo]] every summer.",
    "Born in [[County Kerry]], he moved to [[Boston]] and [[Springfield]], and went back to [[Kerry]] each August.",
    # a county's particle glued where the gazetteer writes it apart
    "Members of the [[DeBaca County]] Commission voted on Tuesday to close the landfill.",
    # a big state's or province's two letters in a text of its country
    "The [[WA]] wheat crop will be the largest on record, growers across [[Australia]] said.",
    "The herd in [[BC]] is the smallest in years, ranchers across [[Canada]] said.",
    "Tailors in [[Lagos]] copied the wide [[Parisian]]-style trousers.",
    # a great town's short name opening a body's ("Frankfurt" of Frankfurt am Main)
    "The carmaker's bonds trade on the [[Frankfurt]] Stock Exchange, and its shares in [[Milan]].",
    # a province of the text's country the model took for a lone surname
    "[[PEKANBARU]], [[Indonesia]] — A new bus service linking [[Pekanbaru]] with [[Jambi]] began on Monday.",
    # (a town whose own name ends in "Park": a guard)
    "Flooding closed roads in [[Tinley Park]] and [[Orland Park]] on Monday.",
    # a people's word opening a province's own name, whatever entity the model cut
    "New track would be laid through the [[Scottish Borders]] to [[Carlisle]].",
    # a town, or a province, opening what the model took for a person, that the
    # text puts in place elsewhere ("from", "in", "to X, Senegal")
    "Dakar Rally organisers met on Monday. The route once went from [[Lisbon]] to [[Dakar]], [[Senegal]].",
    "Boyacá Raza de Campeones signed two riders. Both grew up in [[Boyacá]], and [[Boyacá]] will host the "
    "final stage.",
    # a person's town after "of" is no word of the person's name
    "The climb passed [[Paipa]] and [[Sogamoso]]. He won by 40 seconds from Brayan Parra of Sogamoso and "
    "58 seconds from Diego Ruiz of Tunja.",
    # a town named like a statesman or a thing, in a list with two places found
    "Schools from [[Hastings]], [[Hamilton]], [[Napier]] and [[Gisborne]] sent teams.",
    "The tour visits [[Kingston]], [[Hamilton]], [[Guelph]] and [[London]] in March.",
    "The bus runs up the coast to [[Bath]], [[Rockland]] and [[Camden]] twice a day.",
    # a dateline's town of words joined by hyphens, and its province's abbreviation
    "[[SAINT-JÉRÔME]], [[Que.]] — Workers walked off the job on Monday.",
    "[[WILKES-BARRE]], [[Pa.]] — A bridge closed on Monday after an inspection.",
    # a division of the text's country by its own name, though a small town abroad has it too
    "Nurses moved to [[Fife]] and [[Lothian]] after the hospital in [[Scotland]] closed.",
    # a province's own name opened by a compass word, whatever the model made of it
    "[[Central Visayas]] finished third after beating the hosts.",
    "Photo: [[Western Visayas]] guard Paolo Reyes drives to the basket.",
    # no person is "-based", though one of the text bears the town's name
    "The [[Savannah]]-based chain, run by Savannah Reed, will close.",
    # (a country after a headline's compass letter is no team sheet's name: a guard)
    "Trade: S [[Korea]], [[Japan]] agree on chips",
    # a place's other or older name given after "known ... as" or "called", which lies where a place found does
    "[[Thessaloniki]], known to Ottoman travellers as [[Salonica]], hosted the fair.",
    "The port of [[Gdansk]], called [[Danzig]] before 1945, reopened its yard.",
    # a place's parts after "including" (the first no given name of a couple's)
    "Aid convoys reached [[Pakistan]]'s [[Swat Valley]], including [[Mingora]] and [[Saidu Sharif]], on Sunday.",
    # (streets named together are no list of places: a guard)
    "The road is closed between Fifth and Herman streets until Friday.",
    # (a state in a dateline's brackets is a place still: a guard)
    "[[DEVONPORT]] ([[Tasmania]]) — Ferries to the mainland were cancelled on Friday.",
    # (a town named like a planet, its state after it, in a text about space: a guard)
    "The space company moved to [[Jupiter]], [[Florida]], where the rocket parts are built.",
    # a place before the word that opens an institution's name with the next, not a longer name
    "The [[Bombay]] High Court on Friday stayed the order.",
    "She works at a research lab at [[Washington]] State University in [[Pullman]].",
    # (the oil field by its own name: a guard)
    "Output at [[Bombay High]] fell 4% as the field aged.",
    # a town opening a team's name that the model took for a person's, a team's noun before it or its venue after
    "The bank ended its sponsorship of A-League club [[Perth]] Glory for three more years.",
    "Read more: [[London]] Knights arena lease extended to 2035",
    # a state's abbreviation the model read as a number; a town before "Centre" inside a longer
    # body's name; a big town opening an event's name the model read as a person's
    "\"We will come back,\" said [[NSW]] National Parks and Wildlife Service ranger Tom Hill.",
    "said Dr Jane Cole, a researcher with the [[Oxford]] Centre for Maritime Archaeology.",
    "The [[Chilean]] rider leads the [[Dakar]] Rally after stage nine.",
    # a police force's region (data), not the river of its name
    "[[Thames Valley]] Police said the man was arrested near [[Reading]].",
    # an older English name of a great city, in a text of its country, though a town abroad bears it
    "Shoe makers in [[Guangdong]] said orders thinned ahead of the [[Canton]] Fair, the trade show held each "
    "spring in southern [[China]].",
    "The festival was founded in 1996 as the [[Pusan]] International Film Festival, long before [[Busan]] took "
    "its new spelling.",
    # (the town abroad in its own state's text: a guard)
    "Police in [[Canton]], [[Ohio]], closed two streets for the parade.",
    # a town refused alone, listed after a cue with places found before it
    "Hay bales were trucked to farms around [[Clarksville]] and [[Bogata]] after the drought in [[Texas]].",
    "Mezcal makers in the valleys between [[Tlacolula]] and [[Miahuatlán]] say agave prices have doubled in "
    "[[Mexico]].",
    "Farmers in the area between [[Carnarvon]], [[Williston]] and [[Brandvlei]] in [[South Africa]] lost sheep "
    "to the drought, a reporter from [[Caernarfon]] in [[Wales]] found.",
    # a town's name of several words before "municipality" in a list of a page
    "Villages evacuated in [[Portugal]] on Tuesday:\n\n- [[Castanheira de Pera]] municipality: three hamlets\n"
    "- [[Figueiró dos Vinhos]] municipality: two hamlets",
    # a feature's name opened by its word in Portuguese or Spanish, found whole, no word of it alone
    "The fire spread north into the [[Serra da Lousã]] on Sunday, officials in [[Portugal]] said.",
    "Drilling resumed at the [[Salar de Maricunga]] in northern [[Chile]].",
    "The observatory on [[Cerro Tololo]] has operated since 1967.",
    # (the town of that name, its state after it: a guard)
    "Police in [[Hurricane]], [[Utah]], closed the road.",
    # the two ends of a route joined by a dash, one of them a town of 50,000 or found
    "Engineers reopened the [[Leeds]]–[[Harrogate]] line after the flood.",
    "Rail staff on the [[Skipton]]–[[Lancaster]] route walked out.",
    # (the pair the model takes in whole: a guard)
    "Commuters on the [[Durban]]-[[Pietermaritzburg]] service waited two hours.",
    # a capital's name written as one word though the table keeps its words apart
    "[[Naypyidaw]] rejected the report on Monday, state media said.",
    # (and a great town's name whose words run together: a guard)
    "Supporters of the club travelled from [[Ha Noi]] by train.",
    # a name of letters the model read as a number
    "Ships now carry the rice to the port of [[Mawlamyine]] instead.",
    # a region's name opened by a compass word, found whole
    "Coffee growers in the [[Central Highlands]] of [[Vietnam]] expect a smaller crop.",
    "Unemployment in [[Mecklenburg-Western Pomerania]] fell to 7.4%.",
    # a town after a settlement's noun and "of", whatever else its name is (a brand, a word)
    "Workers commuted to the car plants in [[Hamamatsu]] and the city of [[Toyota]], in [[Aichi]] prefecture.",
    "Floodwater cut off the town of [[Hope]] overnight.",
    # a province by its own name in a list, its town better known by another name
    "Sorghum prices rose in [[Sudan]], with [[Kassala]] and [[Gedaref]] in the east the worst hit.",
    # a great town closing a club's name the model took for a person's, in a match's result
    "Gamba [[Osaka]] beat Shimizu 2-0 to climb the league table.",
    "Relegation-threatened Hapoel [[Haifa]] drew 1-1 with Maccabi [[Netanya]], and Olimpia [[Asunción]] lost 2-1 "
    "in the league.",
    "The striker's goal helped Persija [[Jakarta]] beat [[Bali]] United 3-1 on Saturday.",
    # a great town after a preposition no person takes, though a person of the text bears its name
    "\"It was a shock,\" said Ana Valencia. Flooded groves south of [[Valencia]] will take years to recover.",
    "Karen Bolton, 44, was charged on Monday. Bolton, who grew up in [[Bolton]], denied the offence.",
    # a name alone in a list's or a table's line, places found in the lines about it
    "Drought index by county in [[Kenya]], 2024:\n1. [[Turkana]] — 31.2\n2. [[Mandera]] — 28.4\n"
    "3. [[Wajir]] — 26.9\n4. [[Marsabit]] — 25.0",
    "Stations of the deep-space network:\nAntenna | Town | Country\nDSS-63 | [[Madrid]] | [[Spain]]\n"
    "ESA-2 | [[Cebreros]] | [[Spain]]\nESA-3 | [[Malargüe]] | [[Argentina]]",
    "Provincial pass rates\n[[Free State]] – 91.0%\n[[KwaZulu-Natal]] – 89.5%\n[[Gauteng]] – 88.4%",
    # a province's name that takes "the", after a preposition of place and the article
    "In the [[Free State]], the provincial education department said results improved.",
    "Factories across the [[Midlands]] closed early on Friday.",
    # ports of trade news by their own names
    "Ships queued off [[Tanjung Pelepas]] in [[Johor]] on Monday.",
    "The new deep-sea port at [[Ibeju-Lekki]], east of [[Lagos]], is busy.",
    # a county's people's word ("Cornish")
    "[[Cornish]] pasty makers met in [[Truro]] on Monday.",
    # a great town by its English name of old, the main name of no place
    "Tourists from [[Fez]] and [[Rabat]] crowded the souk.",
    "Flights from [[Trivandrum]] and [[Cochin]] were delayed.",
    "Heavy rain hit [[Mangalore]] and [[Mysore]] on Sunday.",
    "Ferries leave [[Patras]] for [[Bari]] daily.",
    "The hills of the [[Dandenong Ranges]] lost power again, [[Victoria]]'s grid operator said.",
    "Garment workers marched to [[Yeouido]], home to the National Assembly.",
    "Taps ran dry in [[Orlando East]] and [[Diepkloof]], [[Soweto]] residents said.",
    "Tourists crowded the narrow lanes of [[Gion]], [[Kyoto]]'s geisha quarter, on Sunday.",
    "Villages flooded as the [[Mahanadi]] rose near [[Cuttack]].",
    # a country in brackets that the model took into a person's name
    "Final standings\n1. Sydney Okafor ([[Nigeria]]) — 26 wins\n2. Chukwudi Eze ([[Nigeria]]) — 24 wins",
    "Visitors who cannot get tickets for [[Machu Picchu]] stay longer in [[Cusco]].",
    "Temperatures in the [[Goldfields]] regularly pass 40C, miners in [[Kalgoorlie]] say.",
    # shores, sounds and districts of the table; an older name of Kozhikode
    "Families were moved from [[Guet Ndar]], on the [[Langue de Barbarie]], to new homes.",
    "A bridge over the [[Pamlico Sound]] replaced the washed-out road.",
    "Fans in [[Kozhikode]], still [[Calicut]] to many, queued for tickets.",
    # a name closed by an elided article's word; a suspended compound's first town
    "Cocoa farmers in [[Côte d’Ivoire]] and [[Ghana]] held their crop back.",
    "Saturday — departs for [[Abidjan]], [[Côte d'Ivoire]]",
    "The delegation includes executives from [[Bergen]]- and [[Stavanger]]-based firms.",
    "The fact that the king is coming to the [[Yucatán]], and not only to the capital, says a lot.",
    # names listed before a division's kind in the plural
    "The bank signed up 30,000 merchants in the [[Futian]] and [[Luohu]] districts of [[Shenzhen]].",
    "Displaced families came from rural districts of the [[Bay]] and [[Bakool]] regions, aid workers said.",
    # a US state's postal code after a town of it and a comma
    "Production moved from Smyrna, [[TN]] to Lafayette, [[IN]] last year.",
    "Plant | Units\nSmyrna, [[TN]] | 71,300\nGeorgetown, [[KY]] | 52,100",
    # older English names of great towns, in a place's or a body's name or untagged
    "Old-timers in [[Mumbai]] still speak of the [[Bombay]] season, when the mills closed.",
    "Her grandfather left [[Silesia]] when the city, then [[Breslau]], was still German.",
    "The archive of the [[French]] Institute of [[Pondicherry]] holds the photographs.",
    # a team's name the text shows for one once, opened by its town, wherever it stands
    "Twenty thousand fans watched as the [[Gwangju]] Eagles broke the record. Final table:\n"
    "1. [[Seoul]] Dynasty, 15-3\n2. [[Gwangju]] Eagles, 14-4\nGame 1: [[Gwangju]] Eagles win (31 min)",
    # a town named like a statesman, said to lie in its own country
    "The first guests were Aroha and Mike Tane from [[Hamilton]] in [[New Zealand]], who stayed a week.",
    # a town opening a team's name after its fans, or one with "of" in a football result
    "Fans of [[Perth]] Scorchers queued for hours outside the ground.",
    "Kotoko came from behind to beat [[Accra]] Hearts of Oak 2-1 with a late goal on Sunday.",
    # a great town before a comma and its own country, though a person of the text bears its name
    "[[SANTOS]], [[Brazil]] — Police found cocaine in a container bound for [[Valencia]], [[Spain]]. "
    "The suspect, Jhon Valencia, 34, lived in [[Guarujá]].",
    # a dateline's town closing a club's name is no surname
    "[[VALENCIA]], [[Spain]] — Customs officers found six tonnes of cocaine in banana boxes.\n"
    "One of the suspects once played in the youth teams of Levante Valencia, local media reported. "
    "[[Algeciras]] reported 40 tonnes last year, while [[Valencia]] recorded about 59 tonnes. "
    "The men appeared before a magistrate in [[Valencia]] on Thursday.",
    # a person's name ends before a number ("Garissa 39.8 C." of a list of readings)
    "The north of [[Kenya]] was far hotter: Lodwar recorded 40.2 C, and [[Garissa]] 39.8 C.\n\nRationing began.",
    # a province of the text's country by its English name, and one before a place's noun
    "Officials in [[Bari]], the capital of [[Apulia]], want a single ticket for [[Italy]]'s caves.",
    "The novel is set in a small [[Meghalaya]] town near [[Shillong]], in [[India]]'s north-east.",
    # a person's home town closing the model's person
    '- "High Water", by Janice Kowalchuk of [[Winnipeg]], about the great flood of 1950.',
    # a village of 500 after a cue, near a town the text names
    "[[KALGOORLIE]], [[Western Australia]] — Some delegates are sleeping in [[Coolgardie]], 40 minutes' drive away.",
    # a headline's town in a bulleted list under a page's label, and a province opening a headline
    "[[GALASHIELS]], [[Scotland]] — The wool mill will close in May, its owners said. Workers in [[Hawick]] and "
    "[[Peebles]] fear more closures.\n\nRead more:\n- [[Selkirk]] bakery named best in the region\n"
    "- Mill workers vote on pay",
    "[[ABEOKUTA]], [[Nigeria]] — Officials in [[Abeokuta]] and [[Lagos]] welcomed the listing of the grove in "
    "[[Osogbo]].\nALSO READ: [[Ekiti]] unveils plan to restore ancient market",
    # an older English name of a great town the model took for a person
    "Feeder ships bring cargo in from [[Chennai]], [[Thoothukudi]], [[Chittagong]] and the [[Maldives]].",
    # a town the model took for a building, said to lie in its country
    "Since rates have risen by about a third, [[Walvis Bay]] in [[Namibia]] has signed new deals.",
    # towns closing a list before a plural apposition of place nouns
    "[[CÓRDOBA]], [[Argentina]] — Fires burned on the edges of [[Río Ceballos]], [[Salsipuedes]] and "
    "[[Unquillo]], small towns in the hills that have grown quickly.",
    # a province's name before its police's capitalised word
    "[[MALTON]], [[England]] — Anyone with information is asked to contact [[North Yorkshire]] Police.",
    # a headline's town before a common noun, though a person of the text bears its name
    "[[SPRINGBORO]], [[Ohio]] — The levy passed, said board member Ruth Dayton.\n\n"
    "Related: [[Dayton]] airport cargo growth puts pressure on the interstate",
    # headlines on their own lines under a page's label, with no bullets
    "[[YORK]], [[England]] — The council plan was approved on Tuesday.\n\nRead more:\n"
    "Bus station upgrade moves a step closer\n[[Selby]] councillor suspended over expenses claims",
    # a province's own name of several words, and a town after a verb of travel
    "[[LEGAZPI CITY]], [[Philippines]] — The typhoon crossed the sea, hitting [[Camarines Sur]] a few hours later.",
    "[[BEITBRIDGE]], [[Zimbabwe]] — \"We left [[Masvingo]] at 2am and we have been queueing since,\" a fan said.",
    # a town of several words of the text's country the model took for a body acting
    "[[ZAKOPANE]], [[Poland]] — Smog returned to the valleys of the Tatras. On Monday, [[Nowy Targ]] recorded the "
    "highest reading in the country.",
    # the ends of a route named before its noun
    "Storms cancelled sailings again on Friday. The [[Oban]] to [[Craignure]] route, the busiest on the network, "
    "did not run.",
    # a province of the text's country by its English name, left untagged, acting
    "GÖRLITZ, Germany — Both towns have lost a fifth of their population since 1990, as young people left for "
    "Dresden, Berlin and Wrocław, the city that older Germans still call Breslau. [[Saxony]] and Lower Silesia "
    "have pledged joint funding for a cross-border tram line.",
    # a Canadian province's code after a town and a comma; a state's code is no county's abbreviation
    "Tour dates:\nSept. 10 — Morrison, CO — Red Rocks Amphitheatre\nSept. 18 — [[Toronto]], [[ON]] — "
    "Danforth Music Hall",
    # a town the model took for a person, its country in brackets after it
    "Below are the main pairs of border towns.\n\n1. [[Chiang Khong]] ([[Thailand]]) – Houayxay ([[Laos]])\n"
    "Busiest: Friday evening.",
    # a town's own name going on after a small word, the model's two persons between
    "The festival in [[Petrolina]], across the river, is not to be confused with [[Juazeiro do Norte]], the "
    "pilgrimage city in [[Ceará]].",
    # a quarter named after a country's people gives no surname: the country stays a place
    "About 300 people gathered on the stretch of 116th Street known as Little Senegal. [[Senegal]] has long "
    "been seen as a stable democracy.",
    # a fixture's sides the model took for one name, cut at its "v"
    "[[LEEDS]] — The league leaders won again on Saturday. Next Saturday: Killinghall v [[Ripley]]; "
    "[[Harrogate]] v Knaresborough.",
    # a great town of a million inside a school's name
    "Duke [[Kunshan]] University, between [[Shanghai]] and [[Suzhou]], opened its doors in 2014.",
    # a province of the text's country by its English name, acting
    "[[SUHL]], [[Germany]] — The reception centre in [[Suhl]] is full again. \"We are complaining that "
    "[[Thuringia]] is left alone with them,\" a social worker in [[Erfurt]] said.",
    # a town's own name "X of Y" the model split into a person and a place
    "Most visitors are staying on the mainland and crossing each day from [[Kyle of Lochalsh]].",
    # a province of the text's country before the people who work its land
    "[[GORE]], [[New Zealand]] — Tractors rolled through the town on Friday as [[Southland]] farmers joined "
    "protests across the country.",
    # (a sentence opening on a place before a man or an animal in apposition: guards)
    "In [[Jaffna]], a man was detained for handing out leaflets near a polling station in [[Sri Lanka]].",
    "At the market in [[Sheberghan]], a fat-tailed ram that sold for 9,000 afghanis last spring fetches half that.",
    # a division of the text's country before its kind as an adjective (the model calls it a people's word)
    "TOYOOKA, Japan — The count was compiled by the [[Hyogo]] prefectural government and a museum.",
    # Nguni names written with their small prefix
    "DURBAN, South Africa — Flooding closed roads across [[eThekwini]] on Monday, and homes in [[uMhlanga]] "
    "and [[eMalahleni]] lost power.",
    # a region's adjective before a noun the model called proper ("lamb"), or taken alone for a person
    "Prices for [[Welsh]] lamb fell in March.",
    "In Trevelin, descendants of [[Welsh]] settlers who arrived in the 1860s still run tea houses.",
    # a dateline's town GeoNames knows by another name, without a population, its country and agency after it
    "[[MINQIN]], [[China]] (Reuters) — Squeezed between two deserts, the oasis county of [[Minqin]] has become "
    "a symbol of the fight against sand.",
    # a dateline's name of several words opened by a word of two letters
    "[[LA RONGE]], [[Sask.]] (CP) — Dr. Pieter van Wyk had never seen a lake freeze solid.",
    # a town listed after another, each with its year
    "The dam was to be removed after the disasters at [[Mariana]] in 2015 and [[Brumadinho]] in 2019.",
    "Floods hit [[Valencia]] in 2024 and [[Derna]] in 2023, killing thousands.",
    # a place's older name given right after it, the gazetteer's or not
    "Its capital is [[Antsiranana]], the former [[Diego-Suarez]].",
    "Officials in [[N'Djamena]] — known as [[Fort-Lamy]] until 1973 — have appealed for help.",
    "In [[Semey]], the former [[Semipalatinsk]], temperatures fell to minus 38.",
    # a capitalised "Nearer" the model takes into a person with the city after it
    "Harvests failed in the south. Nearer [[Harare]], farmers planted late.",
    # the dateline's town is no given name of the headline's "person" ("Fano Sprays"): its later bare
    # name is the town
    "Fano Sprays by Night as Outbreak Grows\n\nFANO, Italy — Pest control crews sprayed parks on Monday. "
    "As a precaution, blood donations from residents of [[Fano]] have been suspended.",
    # a dateline's country and the same name opening the story, one "person" across the dash for the
    # model: no surname, so the country's later mentions stay places
    "PORT VILA, Vanuatu — [[Vanuatu]] recalled its envoy to [[Canberra]] on Monday. The people of [[Vanuatu]] "
    "backed the move.",
    # a town before a lower-case office and its holder's name, whatever the model made of the town
    "\"We will not be intimidated,\" [[Avignon]] prosecutor Hélène Marchal told reporters.",
    # a country's people's word before a lower-case noun the model tagged as a name
    "The line will carry [[Nigerien]] uranium, onions and livestock south.",
    # two places and the clause between them, one place for the model
    "Ministry spokeswoman Amina Bello said in [[Abuja]] that [[Nigeria]] would reopen the border.",
    # a headline's run of capitalised words the model took for a person: a country and a battlefield
    "[[Bolivia]] Marks [[Boquerón]] Anniversary With Parade on Historic Battlefield\n\nLA PAZ — Veterans of the "
    "1932 Battle of [[Boquerón]] were honoured.",
    # a province's bare name before a lower-case "province", as geo dev marks it
    "Two others were recaptured within days in [[Malleco]] province.",
    # a country's people's word after a firm's letters, or closing a name after the crown's word
    "The order came from FLX [[Estonian]] Airways on Monday, a spokesman said.",
    "Royal [[Bhutanese]] added three weekly flights from Paro to Bangkok.",
    # a statesman's name that is a town's, before its council's words or "-born"
    "[[Hamilton]] city council voted on Tuesday to close two libraries.",
    "The [[Lincoln]]-born violinist played in Leeds last week.",
    # a Persian or Urdu name of several parts glued by hyphens, which the model cut
    "Sana Rafiq, a teacher who lives in [[Gulshan-e-Iqbal]], said the tanker came late.",
    # (a body's word after a place is no surname, though the text has it speak: "Somerset Police said")
    "Officers of Avon and [[Somerset]] Police said the road was closed. Police, who arrived at noon, said "
    "two cars had collided.",
    # ... or after a preposition, before a comma and the land of a namesake of 20,000 that has it as its own
    "Maureen Pohatu, 61, a teacher from [[Hamilton]], New Zealand, had a knee replaced in Bangkok in March.",
    # a country's name of two parts joined by "&"
    "The visitors from [[Antigua & Barbuda]] arrived on Friday for the regional games.",
]

#: (sentence, word that must not be found as a place)
NOT_FOUND = [
    # (the era's word elsewhere, and before an era's noun in a text of its country)
    ("LONDON — The Victorian terrace in Hackney sold for a million. Victorian values were praised.", "Victorian"),
    ("MELBOURNE, Australia — The Victorian-era station reopened on Monday.", "Victorian"),
    # (a company's name the text introduces after its noun, wherever the model takes it for a place)
    ("Chile moves to fold a private copper mine into Codelco. The bill would allow state copper giant Codelco "
     "to take control.", "Codelco"),
    # (a state company the news names more often than the village of its name)
    ("Pemex reported roughly 6,800 illegal taps nationwide in Mexico. In Salamanca, the Guanajuato city that "
     "hosts another Pemex refinery, prosecutors charged 11 people.", "Pemex"),
    # (a kind's generic words before "of" are no place of their own)
    ("The law covers the Natural Park of the Coral Sea, one of the largest marine protected areas.",
     "Natural Park"),
    # (a report sent "to" a person of the text is no journey to a town)
    ("\"It works,\" said Ana Santiago, the coach. The report was sent to Santiago on Monday.", "Santiago"),
    # (nor outside a text of its country; nor, found, in another case: "Watch and Act")
    ("The NT edition of the Bible was printed in Boston.", "NT"),
    ("CANBERRA, Australia — Fires burned in the ACT on Monday. Residents were told to Watch and Act before noon.",
     "Act"),
    # a body's letters after its name, which closes with a place, or after a name holding one
    ("The Football Association of Indonesia, known as PSSI, has urged clubs to act.", "PSSI"),
    ("Five years after the Trans Adriatic Pipeline, known as TAP, began delivering gas, its owners want more. "
     "TAP picks up gas at the border.", "TAP"),
    # a town's noun in an apposition that names another town
    ("Ruins line the coast near Taranto.\n\nInland, the abandoned hill town of Craco draws visitors.", "Inland"),
    # a body's name opened by "River", a ship after "carrier", a body's head noun before "of"
    ("Kanya Sirirat of the Bangkok-based River Network Alliance said the threshold was too high.",
     "River Network Alliance"),
    ("It said the aircraft carrier Shandong was operating east of Hualien.", "Shandong"),
    ("Streets emptied as the Confederation of South African Trade Unions staged a national strike.",
     "Confederation"),
    # a full name the model took for a body, its possessive owning a person's things: no towns, nor later
    ("The bell rang once for each year of Tyler Brandt's life. A former Marine who served with Brandt drove "
     "across the country to speak.", "Brandt"),
    ("The bell rang once for each year of Tyler Brandt's life.", "Tyler"),
    # a great town's name that the text's person bears, whose possessive owns a person's things
    ("Jerome Toledo, 58, hosts a talk program in Dumaguete. A mayor who accused Toledo of lying filed the "
     "complaint. Toledo's lawyer said the warrant was void.", "Toledo"),
    # (a person's camp is no place's)
    ("The Trump camp said it would appeal the ruling.", "Trump"),
    # a small town named by common words only, opening a body's name, is no place on that word alone
    ("Warnings came from rescue agencies and the National Park Service as crowds arrived in Nags Head.",
     "National Park"),
    # a title of rank or office and a given name before a town's name make it a surname
    ("Air Vice Marshal Ibrahim Bauchi, who commands the air component, spoke in Maiduguri.", "Bauchi"),
    ("Air Commodore Olusola Akure spoke in Abuja.", "Akure"),
    # a particle of an Arabic name opening a group's name is no town
    ("The men were released by suspected Abu Sayyaf gunmen in the mountains of Sulu province.", "Abu"),
    # a region's compass name qualifying the name after it is no region ("North West Bicester")
    ("Councillors backed the move to put North West Bicester before the Government.", "North West"),
    # a name the text uses for a language before "interpreters" is no town anywhere in it
    ("The accused was tried in Ixil, the only language he speaks; the court has four Ixil interpreters.",
     "Ixil"),
    # a vessel's name after its noun, or between commas after it with "the"
    ("The tanker Hamburg was detained off Gdansk on Friday.", "Hamburg"),
    ("The cargo ship Kenya sank off Mombasa.", "Kenya"),
    ("Her yacht, the Valencia, was seized in Palma last week.", "Valencia"),
    # a person's surname that is a club's word after a given name no town bears
    ("The station's director, Brian Town, said the signal would return on Friday.", "Brian"),
    # a place word after a ship's prefix names the ship
    ("The coast guard vessel KV Andenes left port on Monday with fuel for the islands.", "Andenes"),
    # a feast the model took for a place
    ("The old beach houses are due to be demolished before Easter, the council said.", "Easter"),
    # a person named like a land, whom the model took for a body: after a title, or said with ", a ..."
    ("Hospital spokeswoman Georgia Lynch said demand rose in Tamworth.", "Georgia"),
    ("\"It was quiet and cheap,\" said Georgia Mills, a retired teacher from Leeds.", "Georgia"),
    # (a feature's name that goes on past a small word: a guard)
    ("Growers on the slopes of the Pico de Tancítaro said avocado prices rose.", "Pico"),
    # a general word a town's name folds to once its apostrophe goes ("Lin'e" of China)
    ("Workers held a stoppage on Monday on Line A, which carries passengers to the suburbs.", "Line"),
    # (statesmen paired: a guard)
    ("A letter from Hamilton and Jefferson was read aloud at the museum.", "Hamilton"),
    # (a person owning another, the text calling someone by the name: a guard)
    ("Senator Lincoln spoke first. Later Lincoln's John Hay agreed, the Nebraska paper said.", "Lincoln"),
    # a state's abbreviation that is an English word, with no town's comma before it nor a word after its dot
    ("Father Okafor said the small parishes will no longer have a weekly Sunday Mass.", "Mass."),
    ("Parishioners were told the news at Masses over the weekend.", "Masses"),
    # (a person as far as something goes: a guard)
    ("As far as Clayton is concerned, the matter is closed, his lawyer said.", "Clayton"),
    # a sovereign's title after "the", named like a town of the text's country
    ("Royal tour: where the King and Queen will be in Canada\n\nThe King and Queen arrive in Ottawa on Monday. "
     "On Thursday they visit London, Ontario. Palace officials joked that it would be \"the first time the King "
     "has gone to Windsor without going home\".", "King"),
    # (words before a plural kind that name no division or town: a guard)
    ("Voters in the Red and Blue states differ on the question.", "Red"),
    # (two capitals after a town that has no namesake in the state they name: a guard)
    ("Sales rose in Leeds, KY and in Dublin, OH, the chain said.", "KY"),
    # a byline's name before "in" and the place it was filed from
    ("Soweto nights: the new jazz clubs\n\nBy Naledi Khumalo in Johannesburg\n\nThe scene is thriving.",
     "Naledi"),
    # a firm's name ending in "Co." after a county's name is the firm's
    ("Southwestern Electric Power Co. said crews had restored service in Texarkana.", "Power Co."),
    # a line named after two men, both small towns' names
    ("The Mason–Dixon line once divided slave and free states.", "Mason"),
    # a country's name with a person's age after it, or kin before it
    ("\"It was worth the wait,\" said Jordan, 58, who trains horses near Lexington.", "Jordan"),
    ("Their son, Jordan, a software engineer, flew in from Denver.", "Jordan"),
    # (a player named like a great town in a match's result: guards)
    ("Naomi Osaka beat Coco Gauff 6-3 6-4 in the final.", "Osaka"),
    ("Brandon Biggers beat the goalie to make it 2-1 on the power play, his third goal of the season.", "Brandon"),
    # (a division's name opening a longer one after "across the": a guard)
    ("Ferry traffic across the Gulf of Salerno rose.", "Gulf"),
    # (the person's name after "confidence in": a guard)
    ("Investors showed confidence in Bolton after the results, said Amy Bolton's brother.", "Bolton"),
    # a nickname's plural after "the City of"
    ("Udaipur, the City of Lakes, welcomed the wedding guests.", "Lakes"),
    # the rest of a province's name opened by a compass word, inside a firm's name
    ("Shares of Eastern Highlands Tea rose on Friday.", "Highlands"),
    # an American state before "State" is a university or its team
    ("Fans of Ohio State celebrated in Columbus on Saturday.", "Ohio State"),
    # a headline opened by a person's name, not a town's
    ("Police appeal in Ohio\nRead more: Smith wins county fair prize", "Smith"),
    ("Storm in Texas\nRead more: Jackson says he will run again", "Jackson"),
    # a title in quotation marks is no street
    ('Her single "Ocean Drive" topped the charts in Lagos.', "Ocean Drive"),
    ("Leaders in the West condemned the strikes.", "West"),
    # a country's leader after its possessive, though the model calls him a place
    ("France's Macron met Germany's Scholz on the sidelines.", "Macron"),
    ("Spain moved its clocks to Central European Time in 1940.", "Central European"),
    ("Hispanic voters in Arizona backed the measure.", "Hispanic"),
    ("Shiites and Sunnis prayed together in the mosque.", "Shiites"),
    # other names of great cities that are people's names
    ("A statue of Gorky stood in the square.", "Gorky"),
    # an ocean's name inside a company's name
    ("Union Pacific raised its freight rates.", "Pacific"),
    # a disease named after a place is no place, anywhere in the text
    ("Marburg virus was found in Angola, and Marburg cases rose.", "Marburg"),
    ("West Nile virus was found in birds in Texas.", "Nile"),
    # a title's initials with its number
    ("Rockstar said GTA 6 will launch next year.", "GTA"),
    # months stay dates
    ("The talks were postponed until March.", "March"),
    # the Arabic article opening a broadcaster's name is no town
    ("Al Jazeera reported from Doha on Tuesday.", "Al"),
    ("St. Paul's mayor said the budget was tight.", "St. Paul's"),
    # a news agency's name with its kind; a couple's first name
    ("Among those hurt, 12 were badly injured, Xinhua news agency reported.", "Xinhua"),
    ("Retired rail workers Brent and Lynnette Hain believe the cat is their pet.", "Brent"),
    # a company the model took for a body, named like a land
    ("Amazon and Microsoft also reported results on Thursday.", "Amazon"),
    # a web page's furniture opening a line
    ("Media playback is unsupported on your device Media caption Residents of Aleppo describe "
     "the bombing", "Media"),
    # a byline's author at a line's start
    ("Island life in the Hebrides\n\nBy Regina Cole | Travel | 3 May 2024\n\nThe ferry left at dawn.",
     "Regina"),
    ("Storms lash the coast\nBy Chester Banks | News\nThe ferry left at dawn.", "Chester"),
    # an apposition of an office, not of a place
    ("Ahmed Skoura, a town councillor, said the road was closed.", "Skoura"),
    # a body's name that goes on after a feature's word
    ("Silicon Valley Bank collapsed in March.", "Silicon Valley Bank"),
    # a vote's tally is no match's score
    ("The council voted 27-10 on Tuesday, and Jackson said he would appeal.", "Jackson"),
    # (a band's or a charity's name opened by "The")
    ("The show closes with Jody Nix and The Texas Cowboys at nine.", "The Texas"),
    ("She volunteered at The Woodlands for years before she retired.", "The Woodlands"),
    # a capitalised common noun opening a headline, written in lower case elsewhere in the text
    ("Tsunami warnings sweep South Pacific\n\nNUKU'ALOFA, Tonga (AFP) — Warnings were issued across the "
     "region. The tsunami reached Tonga.", "Tsunami"),
    # a common noun the model took for a facility, named like a town abroad
    ("Mayors met in Porto at the launch of a new metro line.", "metro"),
    # a family name the model cut from the given name before it
    ("\"Rates will stay high,\" said strategist Min-jun Park.", "Park"),
    # (a number after a name is no result without another team's number)
    ("The Apollo 11 Moon landing was watched in Houston.", "Moon"),
    # (a town's name of two words joined by a hyphen is no roundup's label)
    ("Coalition talks\n\nBy Ana Pop\nCLUJ-NAPOCA, Romania\nThe council met on Monday.", "NAPOCA"),
    # (a person's name opened by the article, as speaker or after a first name)
    ("Al-Sadr said on Friday that his followers in Iraq would boycott the vote.", "Al-Sadr"),
    ("The cleric Moqtada al-Sadr called for calm in Baghdad and across Iraq.", "al-Sadr"),
    # a capitalised common noun the model took for a facility, before a lower-case noun
    ("Plans for a new Metro line were approved by the council in Leeds.", "Metro"),
    # (a province's name opening a longer name is not the province)
    ("She was stabbed while jogging on Molise Vista Court, police said.", "Molise"),
    # (a statesman's name after "in" with its possessive or a longer name)
    ("The mayor said the statue was moved in Lincoln's honour.", "Lincoln"),
    ("Crowds gathered in Jackson Square for the parade.", "Jackson"),
    # (a lone surname in apposition or in a list of surnames stays a person)
    ("Moldova signed the deal. Her stepchildren are Dana and her husband, Ungheni, a driver.", "Ungheni"),
    # (a former name that is a person's or a firm's)
    ("The artist formerly known as Prince played two nights in Minneapolis.", "Prince"),
    ("The company, formerly known as Hudson Holdings, moved to Ohio.", "Hudson"),
    # family members named like places, after the kin word that introduces them
    ("He leaves his wife, Florence, and two sons in Leeds.", "Florence"),
    ("Their daughters Sydney and Chelsea flew home for the funeral.", "Sydney"),
    ("Her youngest son, Dallas, 9, plays football in Texas.", "Dallas"),
    # a letter put on a great town's name is no other spelling of it ("Trento")
    ("Trent scored twice as Leeds won at home.", "Trent"),
    # (nor is a surname the model reads as one, though it spells a great town's)
    ("The fisheries director of the province, W.A. Chandana Perera, said the nets were banned.", "Perera"),
    # (not "State" after an American state: a university)
    ("Fans of Ohio State cheered in Columbus after the game.", "Ohio State"),
    ("He studied at Kumamoto Prefecture University before moving to Osaka.", "Kumamoto Prefecture"),
    # (not a town of 100,000 closing a person's name the model took for a body's)
    ("By Aminu Bello, Kano\n\nAminu Bello is the paper's correspondent.", "Bello"),
    # a byline's surname after the given name is no town
    ("By Kenji Ota | Staff Writer\n\nNAHA, Okinawa — Japan will deploy missiles.", "Ota"),
    # a month's short name before the day under a byline is no town
    ("Posted Nov 18, 2025\n\nNAHA, Okinawa — Japan will deploy missiles.", "Nov"),
    # an event's noun before "of" and its place is no town named Battle
    ("Historians gathered to discuss the Battle of Hastings and the Siege of Orleans.", "Battle"),
    # a company's name the text introduces as one, wherever the text repeats it
    ("The company, Southgate Resources, said profits rose. The Perth-based mining firm Southgate "
     "Resources will build a plant. Southgate said so.", "Southgate"),
    # a given name the text never puts in place stays the person's; so does
    # one listed after a place inside the person's whole name
    ("Colleagues of Vladimir Kuznetsov said Vladimir had left the firm in March.", "Vladimir"),
    # the surname of the text's person where it speaks or is given an age,
    # though the model takes it for a town
    ("Carla Rojas runs a farm outside Salta. \"The river is dry,\" said Rojas, 46, on Friday.", "Rojas"),
    # a force's word opening its name is no town
    ("Two cars collided downtown, Metro Police said, and one driver was taken to hospital in Las Vegas.", "Metro"),
    # a legislature's name after "the" or its country's word, wherever the text repeats it
    ("Deputies in the State Duma voted on Wednesday, and the Duma's speaker praised the result.", "Duma"),
    # a small town's name that is the surname of the text's person, without a place's cue
    ("The mill was bought in 1951 by Harold Ripley, a Scots engineer. Ripley had the looms replaced within a "
     "year, and Ripley's sons ran it until 1990.", "Ripley"),
    ("Councillor Ann Bosworth opened the fair. Visitors praised Bosworth for the new playground.", "Bosworth"),
    # a small town's name opening a company's that ends in a company's word is
    # the firm's wherever the text repeats it
    ("Alpine Holdings bought the mill on Friday. Alpine will cut 40 jobs, the union said.", "Alpine"),
    ("Buses from Leeds and Lisbon Torres, 17, arrived at noon. Lisbon said the trip was long.", "Lisbon"),
    # a speaker's full name after "said" and before ", who", whatever the model made of it
    ("Flights to Denver leave at dawn, said Georgia Rowe, who lives by the runway.", "Georgia"),
    ("The noise is worse at night, said Georgia Blake, 61, a retired teacher in Joplin.", "Georgia"),
    # a relative "where" after the end of a longer name is no cue for its last word
    ("Ferries run from Barreiro to Terreiro do Paço, where the tourists leave.", "Paço"),
    # a word the text writes before "Club", unknown to the gazetteer, is the club's wherever it stands
    ("The Oamaru Rotary Club turns 60. Everyone in Oamaru knew who was in Rotary because we all wore the "
     "badge, said June Hill.", "Rotary"),
    # the full name signing a text: a byline's, a press release's contact's
    ("By Georgia Banks, Health Reporter\n\nHospitals in Leeds cancelled operations on Monday.", "Georgia"),
    ("Press contact:\nSydney Hale, Communications Manager, Harbour Foods, Auckland", "Sydney"),
    ("By María Toledo Vega | Politics\n\nLIMA — Congress met on Sunday.", "Toledo"),
    ("By Ana Marina Braga\n\nPORTO, Portugal — Judges met on Monday.", "Braga"),
    # a town's name opening a sports ground's the model took for a facility
    ("The visitors lost 3-1 at Rugby Park in Invercargill.", "Rugby"),
    ("The Lions play at Kensington Oval in Bridgetown on Friday after a 2-1 win.", "Kensington"),
    # a road's number or a sum's, whatever the model made of it
    ("Appeal after cyclist hurt in M40 crash near Banbury\n\nBy Tom Reed, Reporter", "M40"),
    ("Kidnappers demanded ransoms of between N5m and N20m in Lagos.", "N5"),
    # (an era's two letters, though a province has them: a guard)
    ("Tools from 9600 BC were found near Jericho in Canada's museum of history.", "BC"),
    # (a singular people word of a city that is no capital, or of none: guards)
    ("Permian drillers idled rigs near Midland on Monday.", "Permian"),
    ("Adrian said the bakery in Osaka was full.", "Adrian"),
    # the text's person named like a town, speaking or described alone ("Toledo, who ...")
    ("Gabriel Toledo drives for the Sauber team. Toledo, who grew up near the track, scored twice.", "Toledo"),
    ("\"It was hard,\" said Gabriel Toledo. Toledo, who grew up in Brazil, is 24.", "Toledo"),
    ("Right-hander Kenta Nagano threw 120 pitches. Nagano, who grew up in Osaka, will turn pro.", "Nagano"),
    ("On Sunday, Kenta Nagano threw 148 pitches. Nagano, who grew up in Sendai, will turn pro.", "Nagano"),
    # ... and one closing a name of two words the model left unmarked
    ("Starter Haruto Fukui threw 121 pitches. In the dugout Fukui, who grew up in Osaka, said his arm was fine.",
     "Fukui"),
    ("Starter Haruto Nagano threw 121 pitches, striking out 9. Nagano said his arm was fine.", "Nagano"),
    # a team sheet's names, initials without their full stops
    ("Kirkcaldy High: P Hamilton; T Carlisle, J Preston, R Lancaster; M Buxton, S Kendal (capt).", "Preston"),
    ("Kirkcaldy High: P Hamilton; T Carlisle, J Preston, R Lancaster; M Buxton, S Kendal (capt).", "Lancaster"),
    # (compass words alone are no province's own name: a riding's, here; a guard)
    ("The Edmonton-South West member spoke first in the debate.", "South West"),
    # (a name that goes on in a list is no statesman's town alone: a guard)
    ("Roads in Columbus, Pleasant Township, Madison Township and Grove City were closed.", "Madison"),
    # a team's common-noun name the model made a place, and a firm named by its trade
    ("Fans from Moose Jaw cheered as the Eagles won their first title since 1987.", "Eagles"),
    ("Tipton Brands cut 40 jobs in Ohio. Tipton will close its plant next year.", "Tipton"),
    # a town's name opening a street's inside the model's "place"
    ("The 52-year-old, of Colton Way, was fined.", "Colton"),
    # a news agency's credit between a dateline and its dash, named like a town
    ("QINGDAO, China (Xinhua) — A teenager broke the national record on Tuesday.", "Xinhua"),
    # (a person named like a town, before a verb of a match: a guard)
    ("Sydney Adams beat the defending champion in straight sets.", "Sydney"),
    ("The forward joined Dallas Roberts in the lineup.", "Dallas"),
    # (a number word in capitals is a number: a guard)
    ("The ONE Championship card in Singapore was moved to Friday.", "ONE"),
    # a news agency's name, named like a town, wherever the text names it
    ("CHENGDU -- Dozens of people are missing after floods swept through a mountain valley in western China, "
     "officials said.\nAbout 30 houses were destroyed in Wenchuan county in Sichuan province, the Xinhua news "
     "agency reported.\nThe water reached the village at dawn and cut the main road, according to Xinhua.\n"
     "In neighbouring Gansu, two herders died and five were hurt, Xinhua reported.\n", "Xinhua"),
    # no word of a refused name of several words joined by "de" is a place of its own
    ("The state capital's full name is Oaxaca de Juárez, after the president, and its market sells mezcal "
     "from across Mexico.", "Juárez"),
    # (a person with a given name like a feature's word: a guard)
    ("Isla Grant, the distillery manager, said the casks need time.", "Isla Grant"),
    # a storm's word before its name or a weather body's, though a town bears it
    ("Hurricane Tobias made landfall on Tuesday, the National Hurricane Center in Miami said.", "Hurricane"),
    # (a village of 500 after a cue, far from the text's places: a guard)
    ("ODESSA, Texas — Science fair set at Story. Odessa Independent School District will host it.", "Story"),
    # (a province's name as a breed's or a man's, where the text names places of its country: guards)
    ("ABERDEEN, Scotland — Highland cattle were sold at the Thainstone mart near Inverurie.", "Highland"),
    ("The couple married in Perth in 1852. Angus's future wife, Mary, came from Dundee.", "Angus"),
    # a state's code after a comma is no county's abbreviation ("Morrison, CO" is no Morrison County)
    ("Tour dates:\nSept. 10 — Morrison, CO — Red Rocks Amphitheatre\nSept. 18 — Toronto, ON — Danforth Music "
     "Hall\nSept. 19 — Halifax, NS — The Marquee\nSept. 21 — Portland, OR — Crystal Ballroom", "Morrison, CO"),
    # (a surname alone the model took for a body acting: a guard)
    ("The movement was founded in Los Angeles. It was there in 1973 that Colton experienced what her followers "
     "call a revelation.", "Colton"),
    # (a verb's object before "in" and a state holding a town of the name: a guard)
    ("He met Jackson in Mississippi last week to talk about the bill.", "Jackson"),
    # (a plural surname in a result is no team's: a guard)
    ("In the league final Sydney Adams beat Charlotte Jones 6-4 6-2 after a late goal.", "Sydney"),
    # a pet named like a place, in apposition with its kind; a breed's, a meeting's or an order's word
    ("Kuttan, a four-year-old brown dog, slipped his lead at Thrissur station in Kerala.", "Kuttan"),
    ("The best known of Scotland's Highland games is held at Braemar in September.", "Highland"),
    ("The Dominican friars who built the church in Oaxaca also planted its orchards.", "Dominican"),
    ("STIRLING — An Aberdeen-Angus bull from a herd near Huntly sold for a record price on Monday.", "Angus"),
    # "the former" before a name that modifies a noun gives no other name of the place before it
    ("In Boston, the former Celtics star said he would stay.", "Celtics"),
    ("In Ohio, the former Kasich aide said nothing.", "Kasich"),
    # (nor a team's nickname after its town's name)
    ("The bank renewed its sponsorship of football club Monterrey, known as Rayados, through 2028.", "Rayados"),
    # (nor "called" alone after a place: the thing called, not the place)
    ("They run a youth club in Mill Road, Cambridge, called Parent Free Zone.", "Parent Free Zone"),
    # a planet in a text about space
    ("The orbiter will reach Mars next year; the rover's launch was delayed, NASA said.", "Mars"),
    ("A rocket carrying the probe left for Jupiter, whose moons may hide oceans.", "Jupiter"),
    # a person's full name with an age after it, whatever the model made of it: its words are surnames
    ("The fugitive, Héctor Valdivia Pailahueque, 45, was detained on Tuesday at a cabin near the lake, and "
     "police said Valdivia had crossed the mountains on foot.", "Valdivia"),
    # a lower-case trade before a name the model took for a body's
    ("\"Nobody comes here anymore,\" said bus driver Wilmer Andrade.", "Wilmer"),
    ("\"Whoever controls the port controls the river,\" said federal police delegate Cláudio Natal, who "
     "leads a task force in the region.", "Natal"),
    ("His solicitor, Niall Boston, said his client would fight extradition.", "Boston"),
    # a given name before "and" and the model's person of two words: a couple
    ("Among those caught out were Sabine and Jürgen Haller, who had driven six hours.", "Sabine"),
    ("Among the passengers were Adelaide and Tom Fischer, who had driven six hours.", "Adelaide"),
    # a vessel's name after a lower-case noun of one
    ("The patrol boat gave chase after the cutter Alcantara fired warning shots.", "Alcantara"),
    # a state's dotted abbreviation opening a person's name with the model: the person's initials
    ("From the harbour wall where W.A. Gunasekara has landed his catch for years, cranes rise.", "W.A."),
    # a given name before a surname the text then uses alone for the person
    ("The comedy about a crab-boat crew in an Oregon coastal town was directed by Dallas Whitcombe. "
     "Whitcombe, who lives in Portland, said the cast were fishermen.", "Dallas"),
    # a nickname in quotation marks between a given name and a surname
    ('Chinedu "Ghana" Obi, a 31-year-old welder from Onitsha, won the first round.', "Ghana"),
    ("The drummer Lloyd 'Cuba' Barnett lives in Croydon now.", "Cuba"),
]


def _marked(line: str) -> tuple[str, list[tuple[int, int]]]:
    text, spans, pos = "", [], 0
    for m in re.finditer(r"\[\[(.+?)\]\]", line):
        text += line[pos:m.start()]
        spans.append((len(text), len(text) + len(m.group(1))))
        text += m.group(1)
        pos = m.end()
    return text + line[pos:], spans


@pytest.fixture(scope="module")
def nlp():
    from newsledger.nlp.model_loader import load_model

    return load_model()


@pytest.mark.parametrize("line,point", RESOLVE, ids=[r[0][:40] for r in RESOLVE])
def test_resolves_international_forms(nlp, line, point):
    text, spans = _marked(line)
    got = resolve_spans(nlp(text), spans)[0]
    if point is None:
        assert got is None or got.lat is None
    else:
        assert got is not None and got.lat is not None
        assert haversine_km(got.lat, got.lon, *point) <= 161, (got.name, got.lat, got.lon)


@pytest.mark.parametrize("line", DETECT, ids=[d[:40] for d in DETECT])
def test_detects_international_forms(nlp, line):
    text, spans = _marked(line)
    found = {(p.start, p.end) for p in find_places(nlp(text))}
    for s, e in spans:
        assert (s, e) in found, (text[s:e], sorted(found))
    # (and no place found overlaps another)
    ordered = sorted(found)
    assert all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])), ordered


@pytest.mark.parametrize("line,word", NOT_FOUND, ids=[n[1] for n in NOT_FOUND])
def test_not_places(nlp, line, word):
    assert word not in {p.text for p in find_places(nlp(line))}


def test_people_words_never_fuzzy_match(nlp):
    # "Londoners" is no misspelt "Londonderry", "Arabic" no "Arabi"
    text = "Londoners and speakers of Arabic met in a hall."
    got = resolve_spans(nlp(text), [(0, 9), (26, 32)])
    assert got[0] is not None and got[0].country == "GB" and abs(got[0].lat - 51.5) < 0.5
    assert got[1] is not None and got[1].country == "SA"


def test_compass_word_the_text_makes_a_town(nlp):
    # "the West" is no town, but "the town of West" and "West, Texas" are
    for text in ("The explosion in the town of West, near Waco, killed 15.",
                 "A fertilizer plant in West, Texas exploded."):
        s = text.index("West")
        got = resolve_spans(nlp(text), [(s, s + 4)])[0]
        assert got is not None and got.country == "US" and abs(got.lat - 31.8) < 0.5, text


def test_people_word_lookup_does_not_depend_on_case_order():
    from newsledger.gazetteer import get_gazetteer

    g = get_gazetteer()
    assert g.place_for_people_word("londoners") is None
    hit = g.place_for_people_word("Londoners")
    assert hit is not None and hit.country == "GB"


def test_landmarks_keep_local_namesakes(nlp):
    # a US town named like a landmark stays itself in a US local story
    text = ("Whitehall police said the fire began on Main Street. Columbus and Bexley "
            "crews helped, and the Ohio fire marshal is investigating.")
    got = resolve_spans(nlp(text), [(0, 9)])[0]
    assert got is not None and got.country == "US"


def test_plural_demonym_after_locative_is_the_town(nlp):
    text = "The mine near Rustenburg and the factory in Brits closed, South African officials said."
    s = text.index("Brits")
    got = resolve_spans(nlp(text), [(s, s + 5)])[0]
    assert got is not None and got.country == "ZA"


def test_people_word_rule_needs_a_big_place():
    from newsledger.gazetteer import get_gazetteer

    g = get_gazetteer()
    assert g.place_for_people_word("Walker") is None  # a surname, not a town's people
    assert g.place_for_people_word("Meridian") is None  # a town's own name
    assert g.place_for_people_word("Republicans") is None
    assert g.place_for_people_word("Londoners").country == "GB"
    assert g.place_for_people_word("Ohioans").name == "Ohio"
    assert g.place_for_people_word("Latin American").name == "Latin America"


def test_river_word_after_a_name_picks_the_river(nlp):
    # "the Dnipro river" is the river, not the city of Dnipro
    text = "Ukrainian forces pushed back along the Dnipro river near Kherson."
    s = text.index("Dnipro")
    got = resolve_spans(nlp(text), [(s, s + 6)])[0]
    assert got is not None and got.kind == "feature", (got.name, got.kind)


def test_misspelt_name_keeps_no_namesake_far_from_the_text(nlp):
    # "Warab" is no spelling of Warabi, Japan, in a text about South Sudan: the
    # name stands at the text's own places instead
    text = "The governor of Warab state in South Sudan said cattle raids had spread to Rumbek and Wau."
    start = text.index("Warab")
    (place,) = resolve_spans(nlp(text), [(start, start + len("Warab"))])
    assert place is not None and place.country == "SS"


def test_unknown_name_keeps_the_place_one_of_its_mentions_gives(nlp):
    line = ("DENVER - Fans in Italy filled Rome's ancient [[Circo Massimo]] on Sunday. Later, "
            "[[Circo Massimo]] emptied as rain fell, Denver and Boulder fans said.")
    text, spans = _marked(line)
    got = resolve_spans(nlp(text), spans)
    assert all(p is not None and haversine_km(p.lat, p.lon, 41.89, 12.48) <= 161 for p in got), got


def test_town_unknown_in_its_named_region_stands_at_the_region(nlp):
    # the gazetteer knows no Stroud in Ontario: the town is put in Ontario (a
    # stand-in without a GeoNames id), not at Stroud in England
    text = "A truck was stopped on Highway 11 in Stroud, Ontario, on Friday night."
    start = text.index("Stroud")
    (place,) = resolve_spans(nlp(text), [(start, start + len("Stroud"))])
    assert place is not None and place.country == "CA" and place.geonameid is None
    # in a list of places the name after the comma is the next item, not a region
    text = "Shells fell on Aleppo, Idlib, Hama and Homs overnight."
    start = text.index("Aleppo")
    (place,) = resolve_spans(nlp(text), [(start, start + len("Aleppo"))])
    assert place is not None and haversine_km(place.lat, place.lon, 36.2, 37.16) < 50


def test_feature_named_after_a_place_keeps_its_point_not_its_id(nlp):
    doc = nlp("Boats were banned above Cumberland Falls in Kentucky after the rain.")
    falls = [p for p in find_places(doc) if p.text == "Cumberland Falls"]
    assert len(falls) == 1
    assert falls[0].name == "Cumberland Falls" and falls[0].kind == "feature" and falls[0].geonameid is None
    assert haversine_km(falls[0].lat, falls[0].lon, 36.84, -84.34) < 161


def test_feature_no_place_names_is_a_feature_without_a_point(nlp):
    doc = nlp("Hikers were rescued from the Korvanen Gorge on Sunday after a storm.")
    (gorge,) = [p for p in find_places(doc) if p.text == "Korvanen Gorge"]
    assert gorge.kind == "feature" and gorge.lat is None and gorge.geonameid is None


def test_division_before_its_capitalised_kind_is_no_country(nlp):
    # a text naming the country Niger and, later, Nigeria's Niger State: one
    # name, two places (the later one cannot be the country)
    doc = nlp("Traders from Niger and Chad crossed the border. The laboratory was found in "
              "Minna, the Niger State capital.")
    nigers = [p for p in find_places(doc) if p.text.startswith("Niger")]
    assert [(p.text, p.country) for p in nigers] == [("Niger", "NE"), ("Niger State", "NG")]


def test_village_with_the_name_only_as_another_is_no_reading_abroad(nlp):
    # "Tawila" is a Yemeni village's other name; a story about Sudan that
    # names the Red Sea does not make it that village
    text = "Convoys from Port Sudan and the Red Sea hills reached Tawila on Monday, aid workers in Kassala said."
    start = text.index("Tawila")
    got = resolve_spans(nlp(text), [(start, start + len("Tawila"))])[0]
    assert got is not None and got.country == "SD"


def test_town_listed_with_others_lies_where_they_do(nlp):
    # a text about Brazil does not make the Porto of Lisbon's list, or the
    # Santiago of a list of capitals, a Brazilian town
    for line, name, point in [
        ("The singer, born in [[Santos]], will tour [[Brazil]]: [[São Paulo]], [[Recife]] and [[Curitiba]] in "
         "March, then shows in [[Lisbon]] and [[Porto]] in June.", "Porto", (41.15, -8.61)),
        ("The [[Brazilian]] band plays [[São Paulo]] and [[Rio]] in April; foreign dates include "
         "[[Buenos Aires]], [[Montevideo]] and [[Santiago]] in May.", "Santiago", (-33.45, -70.67)),
        # (not a capital listed with another country's capital)
        ("Mining companies in [[Peru]] drew criticism from campaigners in [[London]] and [[Washington]] after "
         "the spill near Cusco.", "Washington", (38.9, -77.04)),
        # (not two places set against each other: "between Washington and Moscow")
        ("Flights between [[New York]] and [[St. Petersburg]] start in May, the airline's [[Russian]] "
         "chief executive said.", "St. Petersburg", (59.94, 30.31)),
    ]:
        text, spans = _marked(line)
        got = resolve_spans(nlp(text), spans)
        place = got[[text[s:e] for s, e in spans].index(name)]
        assert place is not None and haversine_km(place.lat, place.lon, *point) <= 161, (name, place)


def test_abbreviation_glued_to_a_word_is_a_place_inside_its_token(nlp):
    # the tokenizer keeps "U.S.-backed" and "U.K.-Norway" whole: the place
    # inside is a mention of its own, and an organisation's letters are none
    text = ("The U.S.-backed militia held the ridge, a U.K.-based monitor said; the U.N.-run camp "
            "near the U.K.-Norway gas pipeline stayed shut.")
    got = {(p.text, p.start, p.country) for p in find_places(nlp(text))}
    assert ("U.S.", text.index("U.S."), "US") in got
    assert ("U.K.", text.index("U.K."), "GB") in got
    assert ("Norway", text.index("Norway"), "NO") in got
    assert not any(name.startswith("U.N") for name, _, _ in got)


@pytest.mark.parametrize("text", [
    # the model reads the full name as an organisation's, then the surname alone as a town
    "The archive will reopen, said Galina Petrova, who runs it. \"We need money,\" Petrova said.",
    # ... or the full name as a place's
    "Half the reels are lost, said Marina Petrova, head of the film archive in Kazan. "
    "The rest were copied in 1990, Petrova said.",
])
def test_surname_of_a_mislabelled_name_that_speaks_alone_is_no_place(nlp, text):
    assert "Petrova" not in [p.text for p in find_places(nlp(text))]


def test_river_word_of_one_mention_speaks_for_the_name(nlp):
    # "the bank of the Rio Grande" is the river, and so is the bare mention
    # before it, though the text's Mexican towns speak for a town of the name
    line = ("Families from Zacatecas and Durango waited in Ciudad Acuña, Mexico. Agents patrol 200 miles of the "
            "[[Rio Grande]] there. A soldier walked on the bank of the [[Rio Grande]] at dawn.")
    text, spans = _marked(line)
    got = resolve_spans(nlp(text), spans)
    assert [p.kind for p in got] == ["feature", "feature"]


def test_firm_named_like_its_town_is_no_place_by_repetition(nlp):
    # the town after "the city of" is found; the firm's name later is not
    # made a place because the text found the town once
    text = "The plant in the city of Toyota builds engines. Toyota's own team won the relay."
    got = [(p.text, p.start) for p in find_places(nlp(text))]
    assert got == [("Toyota", text.index("Toyota"))]


def test_great_place_named_person_the_text_calls_by_it_is_no_place(nlp):
    # a girl named like a state, then called by her given name alone
    text = ("Ten-year-old Georgia Wells won the regional spelling bee in Dayton on Saturday. Georgia began reading "
            "at three, and Georgia's mother drove her to every contest. \"I practised every night,\" said Georgia.")
    assert [p.text for p in find_places(nlp(text))] == ["Dayton"]


def test_country_named_like_a_reporter_still_speaks_for_its_government(nlp):
    # (a guard: "said Chad now hosts ..." is the country's government, though
    # the reporter is named Chad)
    text = ("Reporting by Chad Whitfield in Geneva. Aid agencies said Chad now hosts more than a million refugees, "
            "and Chad has asked donors for help.")
    assert [p.text for p in find_places(nlp(text))].count("Chad") == 2


def test_month_and_ward_in_a_list_of_places_are_no_places(nlp):
    # (guards of the list rule: a date or a ward's number opening the line)
    text = "Tour dates:\nMarch 6 — Aberdeen\nMarch 7 — Glasgow\nWard 17 — Leeds"
    assert [p.text for p in find_places(nlp(text))] == ["Aberdeen", "Glasgow", "Leeds"]


def test_two_towns_the_model_took_for_one_person_are_places(nlp):
    # "Laramie and Rawlins" read as one person's name: both towns, and
    # neither a surname wherever the text repeats it
    text = ("Interstate reopens after blizzard, pileup between Laramie and Rawlins\n\nBy Mara Quill\nStaff writer\n\n"
            "Ambulances from Laramie took the injured to hospitals in Laramie and Rawlins. The stretch between "
            "Laramie and Rawlins, which crosses the high country, is notorious for wind.")
    got = [p.text for p in find_places(nlp(text))]
    assert got.count("Laramie") == 4 and got.count("Rawlins") == 3


@pytest.mark.parametrize("text, name, count", [
    ("Yorkshire Water said the ban would start on Friday. Customers across Yorkshire were told to save water, "
     "and Yorkshire Water will fine those who do not.", "Yorkshire", 3),
    ("NAIROBI, Kenya (AP) — Kenya Railways will run a second train to Mombasa. Kenya Railways said tickets "
     "sold out.", "Kenya", 3),
    # (a guard: a person surnamed like a utility's word keeps no place)
    ("Samantha Power, the former ambassador, spoke in Boston on Tuesday.", "Samantha", 0),
])
def test_place_opening_a_utility_name_is_the_place(nlp, text, name, count):
    assert [p.text for p in find_places(nlp(text))].count(name) == count


def test_country_codes_of_a_results_list_are_countries(nlp):
    text = ("Women's 10,000m: 1. Norah Kiplimo (KEN) 30:41.2; 2. Almaz Tesfaye (ETH) 30:45.9; "
            "3. Lena Vogt (GER) 31:02.4; 4. Aoife Byrne (IRL) 31:10.0. Bantamweight: Finn Matthews "
            "(Hamilton, NZL) beat Sione Taufa (TGA).")
    doc = nlp(text)
    got = [(p.text, p.country, p.kind) for p in find_places(doc)]
    assert [g for g in got if g[0].isupper()] == [("KEN", "KE", "country"), ("ETH", "ET", "country"),
                                                 ("GER", "DE", "country"), ("IRL", "IE", "country"),
                                                 ("NZL", "NZ", "country"), ("TGA", "TO", "country")]
    # the same reading for a span given from outside (the evaluation's gold spans)
    spans = [(text.index(code), text.index(code) + 3) for code in ("KEN", "GER")]
    assert [p.country for p in resolve_spans(doc, spans)] == ["KE", "DE"]


@pytest.mark.parametrize("text", [
    # (guards: a party list's letters, and one code alone, are no results list)
    "Count, North ward: Helen Price (LAB) 1,204; Tom Ward (CON) 988; Ann Lee (IND) 311.",
    "The runner Eliud Kerio (KEN) said he would race again in the spring.",
])
def test_bracketed_capitals_outside_a_results_list_are_no_countries(nlp, text):
    assert not [p for p in find_places(nlp(text)) if p.text.isupper()]


def test_great_city_spelt_exactly_beats_accented_hamlets(nlp):
    # a text of Mexican towns: "Los Angeles" as written is the city of
    # millions, no Mexican village Los Ángeles
    line = ("Boxers from Guadalajara, Tijuana and Culiacán fill the card in Monterrey. Ramos lost twice in "
            "[[Los Angeles]] before he moved his camp to Hermosillo, Sonora.")
    text, spans = _marked(line)
    got = resolve_spans(nlp(text), spans)
    assert got[0].country == "US"


@pytest.mark.parametrize("text, names", [
    # a road named by the two towns it joins: the towns, not a street
    ("A tanker exploded on the Nairobi-Nakuru Highway near Naivasha on Monday.", ["Nairobi", "Nakuru", "Naivasha"]),
    ("Five dead as bus overturns on Abuja-Kaduna Expressway", ["Abuja", "Kaduna"]),
    # (a guard: a street named after two small places or persons stays a street)
    ("Crews repaved Hyland-Croy Road in Dublin, Ohio, last week.", ["Hyland-Croy Road", "Dublin", "Ohio"]),
])
def test_road_named_by_two_towns_gives_the_towns(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, name, count", [
    # a distance in apposition says a place, though a person of the text bears its name
    ("Kevin George runs the hostel. Most guests drive up from George, about 430 kilometres to the east, "
     "on Fridays.", "George", 1),
    ("Captain Ruth Haines said the run was calm.\n\nHaines, just 15 miles down the canal, sees fewer ships.",
     "Haines", 1),
    ("Surfers camp at Avalon, about 15 miles up the coast from the county seat.", "Avalon", 1),
    # (a guard: a person's age is no distance)
    ("Paul Preston, 40, walked 20 miles to raise money for the hospital.", "Preston", 0),
])
def test_place_with_a_distance_in_apposition(nlp, text, name, count):
    assert [p.text for p in find_places(nlp(text))].count(name) == count


@pytest.mark.parametrize("text, name, count", [
    # a place's noun names the town, whoever of the text bears its name
    ("\"Prices are up,\" said Shane Dalby, an agent at the yards. He grew up west of the ranges and has "
     "only driven through the town of Dalby.", "Dalby", 1),
    ("Our guide, Laura Stanley, met us at the jetty. Stanley, the islands' capital, has two pubs and a "
     "cathedral.", "Stanley", 1),
    ("The mayor thanked Mr Pedro Cáceres for the boat. The delegation then visited the provincial capital, "
     "Cáceres, and the regional capital.", "Cáceres", 1),
    # (a guard: a person's office in apposition is no place's)
    ("Mr Jim Stanley, the party's leader, spoke at the rally.", "Stanley", 0),
])
def test_town_named_by_a_place_noun(nlp, text, name, count):
    assert [p.text for p in find_places(nlp(text))].count(name) == count


@pytest.mark.parametrize("town", ["Tyler", "Jackson"])
def test_compass_word_opening_a_person_gives_no_surname(nlp, town):
    # the model's person "west Tyler" is one capitalised word: no surname
    # the text's other mentions of the town would read as
    text = (f"{town}, Ind. — Boil-water notices went out in {town} on Wednesday. Pressure fell in south and "
            f"west {town} shortly before 5 a.m., and officials said {town} loses half its treated water.")
    assert [p.text for p in find_places(nlp(text))].count(town) == 4


@pytest.mark.parametrize("text, names", [
    # a zone's letters after a time of day are no country's nor state's code
    ("Posted: 7:00 a.m. PT\n\nSANTA ANA — The consulate opened its doors on Monday.", ["SANTA ANA"]),
    # (a guard: a state's code after its town stays)
    ("The storm reached Hartford, CT on Monday at 7 a.m.", ["Hartford", "CT"]),
])
def test_time_zone_after_a_time_is_no_place(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, names", [
    # the persons of a credit line after "by", named like places
    ("Prices rose again in Lima on Friday.\n\n(Reporting by Isabel Madrid in Lima; Editing by Victoria Holt)",
     ["Lima", "Lima"]),
    ("Wine from Reims | Photos by Paris Lemoine\n\nThe harvest began early.", ["Reims"]),
])
def test_credited_persons_are_no_places(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, name, count", [
    # a town before ", in" and its own country, wherever the model left it
    ("Port caps spread along the coast.\n\n- Kotor, in Montenegro, introduced a berth booking system.",
     "Kotor", 1),
    # a town closing "between" a place found and "and", though a person bears its name
    ("The consul, Rachel Cairns, arrived on Monday. Direct flights between Lae and Cairns do not exist.",
     "Cairns", 1),
    # (a guard: two persons between whom something lies)
    ("The talks between Mr Brown and Cairns went badly, said Rachel Cairns.", "Cairns", 0),
])
def test_town_in_its_land_or_between_places(nlp, text, name, count):
    assert [p.text for p in find_places(nlp(text))].count(name) == count


@pytest.mark.parametrize("text, name", [
    # a town's own name joined by a small word, whatever the model made of its parts
    ("If you are looking for Neustadt in Holstein on the Baltic coast, this is not our town.",
     "Neustadt in Holstein"),
    ("Look for Neustadt bei Coburg in Bavaria instead.", "Neustadt bei Coburg"),
    ("Players filled the Wijk aan Zee sports hall as the final began.", "Wijk aan Zee"),
])
def test_town_named_in_full_with_a_joining_word(nlp, text, name):
    assert name in [p.text for p in find_places(nlp(text))]


def test_joining_word_makes_no_town_of_two_places(nlp):
    # (a guard: "Paris in Texas" is the town and its state, no town of that name)
    assert [p.text for p in find_places(nlp("Paris in Texas is small."))] == ["Paris", "Texas"]


def test_list_of_one_lands_towns_with_one_found(nlp):
    # a list's lines of towns of one country, one of them found: the others are places too
    text = ("Our route up the coast:\n"
            "- Tasiilaq — a walk to the flower valley behind the settlement.\n"
            "- Aasiaat — a community visit and a football match.\n"
            "- Sisimiut — the end of the hiking trail.\n"
            "- Nuuk — the capital, where the voyage ended.")
    got = [p.text for p in find_places(nlp(text))]
    assert {"Aasiaat", "Sisimiut", "Nuuk"} <= set(got)


def test_list_of_persons_with_one_place_gives_no_towns(nlp):
    # (a guard: a list of persons beside one town stays a list of persons)
    text = ("Speakers:\n- Nuuk — opening address.\n- Ms Sarah Hamilton — trade.\n"
            "- Mr Tom Preston — fisheries.\n- Ms Ann Bolton — tourism.")
    got = [p.text for p in find_places(nlp(text))]
    assert "Hamilton" not in got and "Preston" not in got and "Bolton" not in got


@pytest.mark.parametrize("text, names", [
    # a saint's name before a church's, school's or hospital's word, or before "Day", is no town
    ("Doctors at St. Paul's Hospital in downtown Vancouver said the ward was full.", ["Vancouver"]),
    ("Pupils from St. Michael's Catholic School and St. Mary's High School joined in.", []),
    ("FIVE men have appeared in court on St Patrick's Day violence charges.", []),
    ("Mass was said at Saint Paul Coptic Orthodox Church in Cairo.", ["Cairo"]),
    # (guards: a saint's town stays one, a great one before a church's word too)
    ("She moved to St. John's, Newfoundland, in 1990.", ["St. John's", "Newfoundland"]),
    ("Fans packed St. Petersburg Cathedral square on Sunday.", ["St. Petersburg"]),
])
def test_saints_houses_and_feasts_are_no_towns(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, names", [
    # a place's or a people's word opening a bird's species name is the species'
    ("Counters at the point logged 1,190 American kestrels, Cape May warblers and a Baltimore oriole.", []),
    ("Wardens near Nanchang recorded 5,240 Siberian cranes and a Pallas's grasshopper warbler.", ["Nanchang"]),
    # (guards: a bird's noun as a modifier, or a verb between, leaves the place)
    ("Chinese duck farms near Nanjing grew, and shrinking Poyang Lake pushes rare cranes south.",
     ["Chinese", "Nanjing", "Poyang Lake"]),
    ("Vets fear for Europe's vultures.", ["Europe"]),
])
def test_birds_species_names_are_no_places(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_province_of_several_words_joined_by_of(nlp):
    # a province's own name of words joined by "of", in a text of its country
    text = "The clinic serves patients in Cornwall and on the Isles of Scilly."
    assert [p.text for p in find_places(nlp(text))] == ["Cornwall", "Isles of Scilly"]


@pytest.mark.parametrize("text, names", [
    # a town's name after another place's, before a club's word, is the club's nickname
    ("The Wellington Phoenix football club cancelled training on Monday.", ["Wellington"]),
    # (a guard: a place after another place, no club's word after them, stays)
    ("Flights from Auckland to Wellington Phoenix-bound fans were full.", ["Auckland", "Wellington"]),
])
def test_club_nickname_after_its_town_is_no_place(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))][:2] == names


def test_feature_by_full_name_beats_a_town_named_after_it(nlp):
    # a feature of our table by its full name opened by a feature's word is no town named after it
    got = find_places(nlp("Drivers take the A82 along the west bank of Loch Lomond to Tarbet."))
    assert [(p.text, p.country) for p in got][0] == ("Loch Lomond", "GB")


def test_park_named_after_a_mountain_gives_no_surname(nlp):
    # the model's "person" closed by a park's words gives no surname to the mountain's other mentions
    text = "Tourism to Huascarán National Park fell. Climbers attempt Huascarán each year."
    assert [p.text for p in find_places(nlp(text))][-1] == "Huascarán"


@pytest.mark.parametrize("text, names", [
    # a town's own name said twice is no person's
    ("Wagga Wagga and Albury, both served by larger carriers, are not affected.", ["Wagga Wagga", "Albury"]),
    # two towns the model took together for one body, joined by "to"
    ("Drivers can take a ferry from Gourock to Dunoon instead.", ["Gourock", "Dunoon"]),
    # (a guard: a person's name of two different words stays a person's)
    ("Albury Smith said the flights were full.", []),
])
def test_doubled_town_names_and_towns_joined_by_to(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, names", [
    # the model's place "the City of Cape Town": the town's name, the municipality's words left out
    ("Strong winds are expected over the City of Cape Town tonight.", ["Cape Town"]),
    # (a guard: a town's nickname after "City of" is no town)
    ("The City of Lakes has hosted its share of celebrity weddings.", []),
])
def test_city_of_a_town_gives_the_town(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, name", [
    # a town opening or closing "between ... and" or "from ... to" beside a place found
    ("Thembi George said the road was shut. The N2 between George and Wilderness will stay closed.", "George"),
    ("Mark Bowen said so. Warnings cover communities from Cairns to Bowen.", "Bowen"),
])
def test_town_paired_with_a_place_by_between_or_from(nlp, text, name):
    assert [p.text for p in find_places(nlp(text))].count(name) == 1


def test_table_of_towns_with_figures_closing_their_lines(nlp):
    # a table's lines of a town and a figure, two of the towns found: the others are places too
    text = "Rainfall in the 24 hours to 9am (mm)\nInnisfail 164\nTully 151\nCairns 88\nIngham 73\nTownsville 21"
    assert {"Tully", "Cairns", "Ingham", "Townsville"} <= {p.text for p in find_places(nlp(text))}


def test_family_notices_name_persons_not_places(nlp):
    # a family notices' page: the families' names in capitals opening a notice,
    # given names before kin, maiden names and couples "of" their home are persons
    text = ("ENGAGEMENTS\n\nKENDAL–SHIPLEY — The engagement is announced between Thomas, son of Richard and "
            "Anne Kendal of Embsay, and Rachel, daughter of David and Helen Shipley of Ilkley.\n\nBIRTHS\n\n"
            "PRESTON — To Chloe (née Lancaster) and Ben, of Cononley, a son.\n\n"
            "MOSS — To Hannah and Daniel, of Hebden Bridge, a daughter.")
    got = {p.text for p in find_places(nlp(text))}
    assert not got & {"KENDAL", "SHIPLEY", "Thomas", "Rachel", "PRESTON", "Chloe", "Lancaster", "MOSS",
                      "Hannah", "Daniel"}
    assert "Ilkley" in got


def test_dateline_without_family_notices_stays(nlp):
    # (a guard: a dateline in capitals stays a town where no family notices' heading stands)
    got = [p.text for p in find_places(nlp("PRESTON — Council workers began repairs on Monday."))]
    assert got == ["PRESTON"]


@pytest.mark.parametrize("text, names", [
    # letters the text defines for a body's name are the body's, not a place's other name
    ("The All Progressives Congress (APC) has won the seat in Surulere, Lagos.\n\nRESULT\nAPC — 3,412\n"
     "LP — 2,870", ["Surulere", "Lagos"]),
    # (a guard: letters defined for a place's name stay the place's)
    ("Flights from the United Arab Emirates (UAE) resumed, and the UAE said more would follow.",
     ["United Arab Emirates", "UAE", "UAE"]),
])
def test_letters_defined_for_a_body_are_no_place(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_town_before_comma_in_and_its_state(nlp):
    # ", in" and a state after a town hold it, as ", State" does
    text = "From November it will fly twice a week from Recife to Bonito, in Mato Grosso do Sul, a small town."
    got = {p.text: p for p in find_places(nlp(text))}
    assert got["Bonito"].lat < -20  # Bonito of Mato Grosso do Sul, not of Pernambuco


def test_region_by_its_own_name_beats_a_town_that_has_it_as_another(nlp):
    # a region's own name of our table is no other name of a town far from it
    got = find_places(nlp("Heat in Recife and Natal broke records, and growers as far as Madeira worried."))
    assert [(p.text, p.country) for p in got][-1] == ("Madeira", "PT")


def test_town_joined_by_a_norwegian_i(nlp):
    # a town's own name joined by the Norwegian "i" ("in"), written in full
    text = "Route | Status\nBodø–Røst | continues\nMo i Rana–Mosjøen–Trondheim | new"
    assert "Mo i Rana" in [p.text for p in find_places(nlp(text))]


@pytest.mark.parametrize("text, names", [
    # a town's name opened by a capitalised small word ("Can", "An") the model read as one
    ("Mills in An Giang, Dong Thap and Can Tho said prices rose.", ["An Giang", "Dong Thap", "Can Tho"]),
    # (a guard: an article opening a name stays out of it)
    ("The Bangladesh Inland Water Transport Authority suspended launches.", ["Bangladesh"]),
])
def test_names_opened_by_a_small_capitalised_word(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_town_before_its_police_station(nlp):
    # the model's person "Athlone Garda Station": the town and its police's station
    got = [p.text for p in find_places(nlp("Anyone with information is asked to contact Athlone Garda Station."))]
    assert got == ["Athlone"]


def test_dateline_town_opening_a_person_gives_no_given_name(nlp):
    # a great town the dateline names is no given name where the model's person opens with it
    text = ("KIEL, Germany (dpa) — Kiel Week opened on Saturday. Lena Holstein, 23, of the Kiel Yacht Club, "
            "won the first race.")
    assert [p.text for p in find_places(nlp(text))].count("Kiel") >= 1


@pytest.mark.parametrize("text, names", [
    # a village of 500 after a place's cue, which the model left unlabelled
    ("The surfers drove north from Barnstaple and stopped at Woolacombe for the afternoon tide.",
     ["Barnstaple", "Woolacombe"]),
    # (a guard: an office's title is no village however small)
    ("Rex Tillerson is the leading candidate for Secretary of State, aides said in Washington.", ["Washington"]),
])
def test_village_after_a_places_cue(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_both_ends_of_a_stage_before_its_length(nlp):
    # two places joined by a spaced dash before the run's length: a stage's or a day's two ends
    text = "Stage 3 — Cáceres – Plasencia, 145 km\nStage 4 — Ávila – Toledo, 140 km"
    assert [p.text for p in find_places(nlp(text))] == ["Cáceres", "Plasencia", "Ávila", "Toledo"]


def test_capital_abroad_is_no_lonely_namesake(nlp):
    # a land's capital by its own name stands, however far from the text's other places
    text = ("DURBAN — Dancers paraded along the beachfront in Durban on Saturday. The city of Durban said the "
            "festival could one day rival those in Salvador and Port of Spain. Troupes came from Umlazi and "
            "Chatsworth.")
    got = {p.text: p for p in find_places(nlp(text))}
    assert got["Port of Spain"].country == "TT"


def test_team_after_a_clubs_noun_gives_no_surname(nlp):
    # the model's person after "club" is a team: its town's name is no surname
    text = ("Further north, Münster opened two shelters for residents. Third-division club Preussen Münster "
            "postponed its match, and in Münster the river kept rising.")
    assert [p.text for p in find_places(nlp(text))].count("Münster") == 2


def test_pass_named_after_a_range_gives_no_surname(nlp):
    # the model's person closed by a pass's, a range's or a canyon's word is the feature: no surname
    text = ("Avalanche control closed Highway 3 over Kootenay Pass, and Parks Canada shut Yoho and Kootenay "
            "national parks to visitors.")
    assert [p.text for p in find_places(nlp(text))] == ["Kootenay Pass", "Canada", "Yoho", "Kootenay"]


@pytest.mark.parametrize("text, names", [
    # a horse race named like a town is no place
    ("The Kentucky-bred colt won the UAE Derby at Meydan, and two Derby winners ran in Derby last year.",
     ["Kentucky", "UAE", "Derby"]),
    # (a guard: the town after a preposition opening a sentence stays)
    ("In Derby, the council met to discuss the new station.", ["Derby"]),
])
def test_races_named_like_towns_are_no_places(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_great_region_the_dateline_names_is_no_given_name(nlp):
    # a region of our table as big as a great town, opening the model's person, is no given name
    text = ("JEJU — When Jeju Olle opened its first route, few walkers came. Now Jeju draws a million hikers a "
            "year, and flights to Jeju are full.")
    assert [p.text for p in find_places(nlp(text))] == ["JEJU", "Jeju", "Jeju"]


def test_list_of_countries_holds_no_town_of_the_next(nlp):
    # a country in a list of countries is no town of the country named after it ("Colombia, Cuba")
    text = "Most of the new citizens came from Peru, Colombia, Cuba and Haiti, the ministry said."
    got = [(p.text, p.country) for p in find_places(nlp(text))]
    assert got == [("Peru", "PE"), ("Colombia", "CO"), ("Cuba", "CU"), ("Haiti", "HT")]


@pytest.mark.parametrize("text, name, country", [
    # a village named like a world city abroad, no place of the text its neighbour, is not meant
    ("VARANASI — Families in Azamgarh, Jaunpur and Ghazipur depend on money sent home by sons working in "
     "Dubai. A new weekly flight from Varanasi to Dubai starts in March, and agents in Jaunpur expect it to "
     "fill quickly.", "Dubai", "AE"),
    # (a guard: the village among its neighbours stays)
    ("The Grady County commission met in Cairo on Monday, and residents from Whigham and Thomasville spoke "
     "against the landfill.", "Cairo", "US"),
])
def test_village_named_like_a_world_city_needs_a_neighbour(nlp, text, name, country):
    got = [p.country for p in find_places(nlp(text)) if p.text == name]
    assert got and set(got) == {country}


@pytest.mark.parametrize("text, names", [
    # a town's name the model cut at its small words is one name
    ("Buses leave San Cristóbal de las Casas at dawn, and tourists from Tuxtla join them.",
     ["San Cristóbal de las Casas", "Tuxtla"]),
    ("The pump maker was founded in 1952 in Esslingen am Neckar and moved to Stuttgart.",
     ["Esslingen am Neckar", "Stuttgart"]),
    # (a guard: a person's name over small words stays a person's)
    ("The poet Juan de la Cruz wrote his verses in Ávila.", ["Ávila"]),
])
def test_town_name_cut_at_its_small_words(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_results_codes_beside_a_wire_services_letters(nlp):
    # a wire service's letters after the dateline are no party's letters: the codes stay countries
    text = ("ELDORET, Kenya (AFP) — Kenyan runners swept the podium on Sunday.\n\n"
            "Results: 1. Mercy Wanjiru (KEN) 2:21:04; 2. Tigist Bekele (ETH) 2:21:40; 3. Ruth Chelimo (UGA) 2:22:15.")
    got = [(p.text, p.country) for p in find_places(nlp(text))]
    assert got[-3:] == [("KEN", "KE"), ("ETH", "ET"), ("UGA", "UG")]


def test_two_provinces_the_model_took_for_people(nlp):
    # two provinces of the text's country listed together, no person of the text bearing either name
    text = "The Philippines' coast guard said trucks bound for Samar and Leyte waited at the port of Matnog."
    assert [p.text for p in find_places(nlp(text))] == ["Philippines", "Samar", "Leyte", "Matnog"]


@pytest.mark.parametrize("text, names", [
    # the model took the surname alone for a person, the given name left out: the person speaks by it later
    ("After the pump in Chimwemwe Banda's village broke in May, families near Dowa walked to the river. "
     "\"Water is water,\" said Banda.", ["Dowa"]),
    # (a guard: a country's name the model took alone for a person stays a place)
    ("Rival Airtel Kenya said it would cut its prices in Nairobi next month.", ["Kenya", "Nairobi"]),
])
def test_surname_the_model_cut_from_its_given_name(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_country_before_another_country_is_no_town_of_it(nlp):
    # "Laos, Vietnam": two countries listed, no town of Vietnam named Laos
    text = ("Swarms of bamboo locusts flew out of northern Laos into Yunnan this summer. For decades the insect "
            "was a nuisance in the hills of Laos, Vietnam and southern China.")
    assert {p.country for p in find_places(nlp(text)) if p.text == "Laos"} == {"LA"}


@pytest.mark.parametrize("text, names", [
    # God is no place, whatever cue stands before the name ("gives to God" is no Göd)
    ("\"He said God gave to the town, so the town gives to God,\" said the guide in Taxco.", ["Taxco"]),
    # (a guard: the town by its own accented name stays)
    ("Göd, a town north of Budapest, voted on Sunday.", ["Göd", "Budapest"]),
])
def test_god_is_no_place(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_possessive_place_name_the_model_cut(nlp):
    # the model's person before "'s" and a place's word: the whole is a place's own name
    text = "Slips closed the highway between Arthur's Pass and Greymouth overnight."
    assert [p.text for p in find_places(nlp(text))] == ["Arthur's Pass", "Greymouth"]
    # (a guard: a firm's possessive name is no place's whole name)
    names = [p.text for p in find_places(nlp("Hudson's Bay Company stores in Winnipeg closed early."))]
    assert "Hudson's Bay" not in names and "Winnipeg" in names


def test_model_place_cut_at_a_joining_preposition(nlp):
    # the model's one place over "past" (set here as the model wrote it in a longer text): two names
    doc = nlp("Holiday queues stretched from Karawang in West Java past Cirebon overnight.")
    start = next(t.i for t in doc if t.text == "West")
    doc.ents = [e for e in doc.ents if e.end <= start] + [Span(doc, start, start + 4, label="GPE")]
    assert [p.text for p in find_places(doc)] == ["Karawang", "West Java", "Cirebon"]


def test_journeys_end_after_bound_for(nlp):
    # "bound for" ends a journey at a place, whatever the model made of the name
    text = "The walkers were bound for Santiago de Compostela."
    assert [p.text for p in find_places(nlp(text))] == ["Santiago de Compostela"]


@pytest.mark.parametrize("text, name", [
    # a sentence's full stop that the tokenizer gave a name's last word (read as "Pa.", "Conn.") is no part of it
    ("Buses climb from Lao Cai to Sa Pa. The trip takes an hour.", "Sa Pa"),
    ("Anglers fished for trout in Lough Conn. The season opens in March.", "Lough Conn"),
    # (a guard: an abbreviation's own full stop stays)
    ("He moved to Washington, D.C. last year.", "D.C."),
])
def test_sentence_full_stop_is_no_part_of_the_name(nlp, text, name):
    found = [(p.text, text[p.start:p.end]) for p in find_places(nlp(text))]
    assert (name, name) in found


@pytest.mark.parametrize("text, names", [
    # the name is the subject of "is", "was", "remains" and a place's noun: a town, whatever the model made of it
    ("Kirkwall was one of the fastest-growing towns in the north last year.", ["Kirkwall"]),
    ("Wacken is now a village of about 2,000 people for most of the year.", ["Wacken"]),
    ("Few visitors know that Tobermory is a fishing village as well as a harbour.", ["Tobermory"]),
    # (guards: the place's noun opening a longer noun, a person's trade)
    ("Lerwick is a town councillor's dream, he joked.", []),
    ("Clare was a village schoolteacher for thirty years.", []),
])
def test_name_said_to_be_a_town(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


@pytest.mark.parametrize("text, names", [
    # a place's noun in the plural and "of" open a list of places, whatever the model made of the names
    ("New buses link the ski resorts of Laax and Flims this winter.", ["Laax", "Flims"]),
    ("Tourists crowd the beach resorts of Negril and Runaway Bay each winter.", ["Negril", "Runaway Bay"]),
    # (a guard: a nickname's plural names no place)
    ("The cities of Gold and Silver are a legend.", []),
])
def test_places_listed_after_a_plural_place_noun(nlp, text, names):
    assert [p.text for p in find_places(nlp(text))] == names


def test_great_towns_own_name_before_another_towns_other_name(nlp):
    # "Visakhapatnam" is a city of a million's own name and another town's other name in the
    # gazetteer: the model's body opening a train's name ("the Visakhapatnam-Palasa passenger")
    # is the great town's, as its own name says (the model's label set here as it may fall)
    doc = nlp("The Visakhapatnam-Palasa passenger train was delayed in Andhra Pradesh.")
    doc.ents = [e for e in doc.ents if e.start > 1] + [Span(doc, 1, 2, label="ORG")]
    found = [(p.text, p.name) for p in find_places(doc)]
    assert ("Visakhapatnam", "Visakhapatnam") in found


@pytest.mark.parametrize("text, name", [
    # the model's entity left out the name's first word ("Saigon" of "Little Saigon", "DEL PLATA" after
    # the one-word "MAR"): the word before it joins it where the two are a place's own name
    ("Queues formed outside shops in Little Saigon on Sunday.", "Little Saigon"),
    ("MAR DEL PLATA, Argentina — Fishing boats stayed in port on Friday.", "MAR DEL PLATA"),
])
def test_name_the_model_cut_after_its_first_word(nlp, text, name):
    found = [p.text for p in find_places(nlp(text))]
    assert name in found and name.split(" ", 1)[1] not in found


def test_cut_opening_joins_a_place_not_a_person_or_a_number(nlp):
    # set here as the model may read them: "La province" (a place), "Niño" (a person), "3" (a number)
    doc = nlp("Roads into Son La province reopened after Santo Niño Day, said District 3 officials.")
    pos = {t.text: t.i for t in doc}
    doc.ents = [Span(doc, pos["La"], pos["La"] + 2, label="GPE"),
                Span(doc, pos["Niño"], pos["Niño"] + 1, label="PERSON"),
                Span(doc, pos["3"], pos["3"] + 1, label="CARDINAL")]
    names = [p.text for p in find_places(doc)]
    assert "Son La" in names and "La" not in names
    assert not any("Niño" in n or "District" in n for n in names)


@pytest.mark.parametrize("text, found, not_found", [
    # an Arabic valley's or mountain's word opens a feature's name ("Oued Ziz"), and is no town alone
    ("Rain filled the Oued Ziz near Errachidia on Tuesday.", ["Oued Ziz", "Errachidia"], []),
    ("Rangers in the Wadi Shawka protected area counted more birds this year.", [], ["Wadi"]),
])
def test_arabic_feature_words_open_a_name(nlp, text, found, not_found):
    names = [p.text for p in find_places(nlp(text))]
    assert all(n in names for n in found) and not any(n in names for n in not_found)


@pytest.mark.parametrize("text, people_word", [
    # a people's word the model took for a person, joined by "and" to another before a common noun
    ("Kyrgyz and Tajik herders share the high pastures in summer.", "Kyrgyz"),
    ("Malagasy and Mozambican fishers met in Toliara for a workshop.", "Malagasy"),
])
def test_peoples_word_paired_with_another(nlp, text, people_word):
    assert people_word in [p.text for p in find_places(nlp(text))]


@pytest.mark.parametrize("text, name", [
    # the model cut a town's own name at German's "bei" or at "or": the gazetteer's whole name is one place
    ("The spa joins Baden bei Wien in Austria and Vichy in France on the list.", "Baden bei Wien"),
    ("Officials in Truth or Consequences, N.M., agreed to the compact.", "Truth or Consequences"),
])
def test_town_name_with_bei_or_or(nlp, text, name):
    assert name in [p.text for p in find_places(nlp(text))]


def test_trade_words_are_no_towns_people():
    # a vowel put back before "-ers" would make a trade's plural a city's people ("Ranchers" of Ranchi)
    from newsledger.gazetteer import get_gazetteer

    g = get_gazetteer()
    assert g.place_for_people_word("Ranchers") is None
    assert g.place_for_people_word("Londoners").name == "London"
    assert g.place_for_people_word("Dubliners").name == "Dublin"


def test_feature_of_the_texts_country_before_a_small_town_abroad(nlp):
    # a river of our table in the text's country ranks before a town of 6,000 abroad of its name
    text = ("Officials in Dhaka and New Delhi met on Monday. The Ganges treaty, which governs the flow "
            "at Farakka in India, expires next year.")
    found = {p.text: p.country for p in find_places(nlp(text))}
    assert found.get("Ganges") == "IN"


def test_later_authors_of_a_byline_are_people(nlp):
    text = "By Inês Lamego in Lisbon and Pablo Ruiz in Madrid\nWater talks between the two capitals resumed."
    names = [p.text for p in find_places(nlp(text))]
    assert "Lisbon" in names and "Madrid" in names
    assert "Pablo" not in names and "Ruiz" not in names


def test_a_name_given_an_age_is_a_person_wherever_it_stands_alone(nlp):
    text = ("Haruto Chiba, 64, has fished these waters for forty years. Chiba, whose family moved here "
            "in 1950, sells his catch in Choshi.")
    assert [p.text for p in find_places(nlp(text))] == ["Choshi"]


def test_town_named_grade_or_contract_is_no_place(nlp):
    # "Brent futures": an oil contract named after a place, not the London borough
    names = [p.text for p in find_places(nlp("Brent futures rose 71 cents on the exchange in London."))]
    assert "Brent" not in names and "London" in names


@pytest.mark.parametrize("text, centre", [
    # "the Centre": a federal government in Indian usage, not a town named Centre
    ("The state government in Lucknow has asked the Centre for a new terminal.", False),
    # (a guard: a division named Centre, its kind after it)
    ("Farmers in the Centre region of Burkina Faso harvested early.", True),
])
def test_the_centre_is_a_government(nlp, text, centre):
    assert ("Centre" in [p.text for p in find_places(nlp(text))]) == centre


@pytest.mark.parametrize("text", [
    # a person the model took for a body: after a trade's word, or as a picture's credit
    "Analyst Georgia Evans of Lakeshore Capital said freight costs rose.",
    "Lanterns lit the riverside in Hoi An on Tuesday. (Georgia Evans)\nRead more: lantern makers",
])
def test_person_read_as_a_body_opened_by_a_place_name(nlp, text):
    assert "Georgia" not in [p.text for p in find_places(nlp(text))]


@pytest.mark.parametrize("text, name", [
    # a short other name of a river of our table, after "the"
    ("The river, which the ancient Greeks called the Oxus, is still governed by a Soviet-era deal.", "Oxus"),
    ("Water flows in the Tajo fell to a record low near Toledo.", "Tajo"),
])
def test_short_river_name_after_the(nlp, text, name):
    assert name in [p.text for p in find_places(nlp(text))]


def test_district_seat_without_population_near_a_named_place(nlp):
    # GeoNames lists a district's seat without a population: after a cue, beside a town named, a place
    text = "Health workers in Sepahua and Atalaya, two river towns of Ucayali, ran out of vaccines."
    assert "Sepahua" in [p.text for p in find_places(nlp(text))]


def test_name_after_a_naming_noun_is_no_speaking_person(nlp):
    # the parse makes the town the subject of "say"; the capital's noun before it says what it is
    text = "Angolan officials in the provincial capital Menongue say the bridge will reopen."
    assert "Menongue" in [p.text for p in find_places(nlp(text))]


@pytest.mark.parametrize("text, names", [
    ("Parts of Doboj were flooded when the river burst its banks in Bosnia.", {"Doboj"}),
    ("Parts of Doboj and Maglaj were flooded when the Bosna burst its banks.", {"Doboj", "Maglaj"}),
])
def test_parts_of_a_place(nlp, text, names):
    assert names <= {p.text for p in find_places(nlp(text))}


def test_people_word_closing_a_measure(nlp):
    # the model reads "250 kg German" as one quantity
    text = "Workers dug up a 250 kg German bomb on the building site in Kent."
    assert "German" in [p.text for p in find_places(nlp(text))]


def test_unknown_place_given_an_age_is_a_person(nlp):
    doc = nlp("Before dawn in the village of Bab Taza, Rahma Bouzid, 51, milks her goats.")
    doc.ents = [Span(doc, 6, 8, label="GPE"), Span(doc, 9, 11, label="GPE")]
    assert [p.text for p in find_places(doc)] == ["Bab Taza"]


def test_place_opening_a_name_given_an_age_or_a_trade_is_a_person(nlp):
    assert "Paris" not in [p.text for p in find_places(
        nlp("On a steep slope above the river, Paris Okafor, 34, plants coffee seedlings."))]
    doc = nlp("Deforestation is rising, and Ana Carolina Fontes, a researcher at the university, mapped it.")
    doc.ents = [Span(doc, 5, 8, label="ORG")]
    assert "Carolina" not in [p.text for p in find_places(doc)]


def test_first_of_two_authors_of_a_byline_is_a_person(nlp):
    text = "By Li Wei and Anna Berg\n\nSHANGHAI — Prices of sand rose again."
    assert [p.text for p in find_places(nlp(text))] == ["SHANGHAI"]


@pytest.mark.parametrize("text, name", [
    # a ship's name after its prefix, a person's after "Ibn"
    ("The crew of HMS Belfast waved from the deck.", "Belfast"),
    ("Students at Ibn Zohr University in Agadir marched on Monday.", "Zohr"),
])
def test_ship_and_patronym_names_are_no_places(nlp, text, name):
    assert name not in [p.text for p in find_places(nlp(text))]


def test_capitalised_preposition_opens_no_feature(nlp):
    text = "Near Tsavo East National Park, herders watered their cattle at a dam."
    assert [p.text for p in find_places(nlp(text))] == ["Tsavo East National Park"]


def test_river_named_with_a_romance_word(nlp):
    text = "Dredgers have lowered the bed of the Rio Lempa by two metres, farmers in El Salvador say."
    assert "Rio Lempa" in [p.text for p in find_places(nlp(text))]
    # (not a longer name that goes on with a small word, nor a road joining two towns)
    names = [p.text for p in find_places(nlp("Floods hit Rio Grande do Sul and closed the Rio-Santos highway."))]
    assert "Rio Grande do Sul" in names and "Rio Grande" not in names


def test_common_word_opening_a_sentence_is_no_town(nlp):
    text = ("Hail shreds apple crop in the valley\n\nHail fell for twenty minutes on Tuesday evening, "
            "and growers said the hail was the worst in years.")
    assert "Hail" not in [p.text for p in find_places(nlp(text))]


def test_given_name_the_model_took_for_a_town(nlp):
    text = "GREENVILLE, Miss. — Dallas Whitfield has worked towboats on the river for 38 years."
    assert "Dallas" not in [p.text for p in find_places(nlp(text))]
    # (a guard: a team's town before its plural name stays a place)
    assert "Montreal" in [p.text for p in find_places(nlp("A boy in a Montreal Canadiens jersey waved."))]


def test_last_of_two_authors_closing_a_byline_is_a_person(nlp):
    text = "By Sengphet Vongsa and Li Wei\n\nLUANG NAMTHA, Laos — On a hillside above town, rubber trees stand."
    assert "Li Wei" not in [p.text for p in find_places(nlp(text))]


@pytest.mark.parametrize("text, found, not_found", [
    # a channel after a place's name is the feature's
    ("Tourists cross the Chacao Channel by ferry.", "Chacao Channel", "Chacao"),
    # a feature's word opening the name names no place of its own
    ("Climbers head for Island Peak from Chhukung.", "Island Peak", "Island"),
    # a hyphenated name is read whole, not from its last part
    ("Visitors to the Mosi-oa-Tunya National Park stay in Livingstone.", "Mosi-oa-Tunya National Park",
     "Tunya National Park"),
    # a body's word closing "River ..." makes it the body's name
    ("The River Administration of the Lower Danube in Galati said it would dredge.", "Galati",
     "River Administration"),
    # (a guard: a broadcaster's channel is no feature)
    ("The series aired on the Discovery Channel in Cambridge last year.", "Cambridge", "Discovery Channel"),
    # a university's word in Spanish is no town
    ("Paula Opazo, a glaciologist at the Universidad Austral de Chile in Valdivia, said the lake drained.",
     "Valdivia", "Universidad"),
])
def test_feature_names_and_their_words(nlp, text, found, not_found):
    names = [p.text for p in find_places(nlp(text))]
    assert found in names and not_found not in names


@pytest.mark.parametrize("text, found, not_found", [
    # a monarch's name before a regnal number
    ("Riders will qualify for the Hassan II trophy in Rabat.", "Rabat", "Hassan"),
    # a gulf after a place's name is the feature's
    ("Ships crossed the Moro Gulf at night.", "Moro Gulf", "Moro"),
    # "National Reserve" closes a feature's name; "Pico de" opens one
    ("Miners camped on the edge of the Tambopata National Reserve.", "Tambopata National Reserve", "Tambopata"),
    ("Water rises on the flank of the Pico de Tancítaro.", "Pico de Tancítaro", "Tancítaro"),
    # a Portuguese article inside a feature's name
    ("Women work the shores of the Baía de Todos os Santos near Salvador.", "Baía de Todos os Santos", "Santos"),
    # (a guard: "Gulf" after a common word the gazetteer knows as a town makes no feature)
    ("Divers sold Natural Gulf pearls in the souk near Manama.", "Manama", "Natural Gulf"),
])
def test_monarchs_gulfs_reserves_and_peaks(nlp, text, found, not_found):
    names = [p.text for p in find_places(nlp(text))]
    assert found in names and not_found not in names


def test_university_word_the_model_took_for_a_town(nlp):
    text = "Researchers at the Universidad Tecnológica del Chocó tested 180 fish."
    assert "Universidad" not in [p.text for p in find_places(nlp(text))]


def test_town_named_given_name_before_a_surname_and_an_age(nlp):
    text = "In the cells, Paris Alcantara, 33, an investigator with the commission, said the cells were full."
    assert "Paris" not in [p.text for p in find_places(nlp(text))]


def _with_ents(nlp, text: str, *spans: tuple[str, str]):
    """``text`` parsed, its entities replaced by ``spans`` (words, label), each
    taken at its first occurrence that no span before it holds."""
    doc = nlp(text)
    ents = []
    used: list[tuple[int, int]] = []
    for words, label in spans:
        start = text.index(words)
        while any(s < start + len(words) and start < e for s, e in used):
            start = text.index(words, start + 1)
        used.append((start, start + len(words)))
        span = doc.char_span(start, start + len(words))
        ents.append(Span(doc, span.start, span.end, label=label))
    doc.ents = sorted(ents, key=lambda ent: ent.start)
    return doc


def test_person_holding_a_preposition_gives_no_surnames(nlp):
    # the model's "Dubrovnik with Mljet" is no person: Mljet stays a place later on
    text = ("The catamaran, which links Dubrovnik with Mljet, Korčula and Lastovo, has been cut back to one "
            "sailing. Fares to Mljet will rise, and the Mljet school may close.")
    assert [p.text for p in find_places(nlp(text))].count("Mljet") == 3


def test_two_towns_joined_by_with_the_model_took_for_one_person(nlp):
    doc = _with_ents(nlp, "A new ferry linking Troon with Ayr starts in May.", ("Troon with Ayr", "PERSON"))
    assert [p.text for p in find_places(doc)] == ["Troon", "Ayr"]


def test_age_after_a_persons_home_town_is_the_persons(nlp):
    text = ("Bonavista clinic to close\n\nThe clinic in Bonavista will close next month. "
            "Mayor Ruth Keel of Bonavista, 61, said the town would appeal.")
    assert [p.text for p in find_places(nlp(text))].count("Bonavista") == 3


def test_quote_the_model_took_for_a_title(nlp):
    text = '"People in Tobermory and Dervaig are paying the same fares as people in Glasgow," he said.'
    assert "Tobermory" in [p.text for p in find_places(nlp(text))]


def test_two_neighbouring_towns_named_together(nlp):
    doc = _with_ents(nlp, "OULU, Finland — Pudasjärvi and Taivalkoski have merged their mobile library routes.",
                     ("OULU", "GPE"), ("Finland", "GPE"), ("Taivalkoski", "ORG"))
    assert "Pudasjärvi" in [p.text for p in find_places(doc)]


@pytest.mark.parametrize("text, found", [
    # a modifier joined by hyphens before the apposition's place noun
    ("Staff are shared with Cobar, a copper-mining town to the west.", "Cobar"),
    # an example of places after "like"
    ("The runways at places like Oymyakon are still gravel.", "Oymyakon"),
    # a place that something lies off, after a comma
    ("Divers on Ranguana Caye, off Placencia, counted fewer fish.", "Placencia"),
    # a town listed before a name that no person's opens ("Puerto ...")
    ("The bakeries in Esquel, Gaiman and Puerto Madryn are closing.", "Gaiman"),
    # a division before its kind, though the text writes its name in lower case too
    ("Clinics in the Centre region of Burkina Faso reported cases, and a health centre in Ouagadougou "
     "ran out of tests.", "Centre"),
    # the "'s" of a name that owns nothing
    ("The schooner left Carriacou in Grenada and sailed on to St George's.", "St George's"),
])
def test_cues_and_forms_of_places(nlp, text, found):
    assert found in [p.text for p in find_places(nlp(text))]


def test_abbreviated_saint_the_model_cut_from_its_name(nlp):
    doc = _with_ents(nlp, "ST. CLOUD, Minn. (AP) — Doctors said the clinics were full.",
                     ("ST", "GPE"), ("CLOUD", "GPE"), ("Minn.", "GPE"))
    names = [p.text for p in find_places(doc)]
    assert "ST. CLOUD" in names and "ST" not in names


def test_place_entity_closing_on_a_preposition(nlp):
    doc = _with_ents(nlp, "The ferry runs from Nassau to Dunmore Town on Harbour Island twice a day.",
                     ("Nassau", "GPE"), ("Dunmore Town on", "GPE"), ("Harbour Island", "GPE"))
    assert [p.text for p in find_places(doc)] == ["Nassau", "Dunmore Town", "Harbour Island"]


def test_hyphenated_town_the_model_took_for_a_person(nlp):
    doc = _with_ents(nlp, "QUEBEC — Clinics in the region have cut hours, while Rouyn-Noranda opened a new one.",
                     ("QUEBEC", "GPE"), ("Rouyn-Noranda", "PERSON"))
    assert "Rouyn-Noranda" in [p.text for p in find_places(doc)]
    # (a guard: a double-barrelled surname is no town)
    doc = _with_ents(nlp, "QUEBEC — Clinics have cut hours, said Marie Tremblay-Gagnon.",
                     ("QUEBEC", "GPE"), ("Marie Tremblay-Gagnon", "PERSON"))
    assert [p.text for p in find_places(doc)] == ["QUEBEC"]


@pytest.mark.parametrize("text, found", [
    # a place a pasture or a slope lies above
    ("At one pasture above Valtournenche, a wolf pack killed 27 sheep.", "Valtournenche"),
    # what only a place owns, after its possessive
    ("Volunteers run a book exchange in a railway shed, and Hokitika's library, run by the district council, "
     "has longer hours.", "Hokitika"),
])
def test_heights_and_possessions_of_places(nlp, text, found):
    assert found in [p.text for p in find_places(nlp(text))]


def test_height_cue_asks_for_the_whole_name(nlp):
    # (a guard: the opening word of a longer name is no place of its own)
    text = "Queues form for fondue on the terraces above Lac de la Gruyère, the reservoir."
    assert "Lac" not in [p.text for p in find_places(nlp(text))]


def test_name_glued_to_a_small_word_by_a_hyphen(nlp):
    text = "Tour buses crowd the lanes of Shirakawa-go every winter, and the Shirakawa-go farmhouses fill with guests."
    assert [p.text for p in find_places(nlp(text))] == ["Shirakawa-go", "Shirakawa-go"]


@pytest.mark.parametrize("text, found", [
    ("Cherry growers in the Jerte valley lost half their crop.", "Jerte"),
    ("Health workers travelled by boat to the Cuyo islands after a village reported cases.", "Cuyo"),
])
def test_name_between_the_and_a_feature_noun(nlp, text, found):
    assert found in [p.text for p in find_places(nlp(text))]


def test_outer_and_a_features_name_make_no_person(nlp):
    doc = _with_ents(nlp, "Outer Vesterålen ferries cut\n\nGuides lead walkers to the Vesterålen peaks each summer.",
                     ("Outer Vesterålen", "PERSON"), ("Vesterålen peaks", "PERSON"))
    doc.ents = [doc.ents[0], Span(doc, doc.ents[1].start, doc.ents[1].start + 1, label="PERSON")]
    assert "Vesterålen" in [p.text for p in find_places(doc)]


def test_region_of_our_table_opened_by_a_stop_word(nlp):
    text = "Unlike in the south, most stations in the Top End are unfenced."
    assert "Top End" in [p.text for p in find_places(nlp(text))]


def test_office_after_a_towns_name_makes_no_person(nlp):
    # the model's "Kullu Superintendent" (of Police) makes no given name of the town
    text = ("KULLU — A bus fell into a gorge near Banjar, said Kullu Superintendent of Police Anil Rana. "
            "The injured were taken to hospitals in Kullu and Mandi.")
    doc = _with_ents(nlp, text, ("KULLU", "GPE"), ("Banjar", "GPE"), ("Kullu Superintendent", "PERSON"),
                     ("Anil Rana", "PERSON"), ("Kullu", "PERSON"), ("Mandi", "GPE"))
    assert [p.text for p in find_places(doc)].count("Kullu") == 1


@pytest.mark.parametrize("text, found", [
    ("The old bridge between Onitsha in Anambra State and Asaba in Delta State will close.",
     ["Anambra State", "Delta State"]),
    ("Fighting spread to Blue Nile State, where aid workers left Damazin.", ["Blue Nile State"]),
])
def test_state_of_a_country_named_with_its_word(nlp, text, found):
    names = [p.text for p in find_places(nlp(text))]
    assert all(f in names for f in found)


def test_word_opening_a_council_is_placed(nlp):
    # "Kent" opens its council's name, so the model's "Kent Downs" makes no given name of it
    text = ("Kent's councils to be merged\n\nMinisters approved a plan to abolish Kent County Council. "
            "Towns from Dover to Kent Downs villages will be covered.")
    doc = _with_ents(nlp, text, ("Kent", "PERSON"), ("Kent County Council", "ORG"), ("Dover", "GPE"),
                     ("Kent Downs", "PERSON"))
    assert [p.text for p in find_places(doc)][:1] == ["Kent"]


def test_campaign_name_is_no_person(nlp):
    text = ("Campaigners from Save Padstow handed out leaflets to visitors in Padstow on Saturday.")
    doc = _with_ents(nlp, text, ("Save Padstow", "PERSON"))
    assert "Padstow" in [p.text for p in find_places(doc)]


def test_great_towns_short_name_after_its_long_one(nlp):
    text = ("Street sweepers in Rio de Janeiro went on strike on Wednesday. Officials in Niterói said they "
            "had lent Rio four trucks.")
    doc = _with_ents(nlp, text, ("Rio de Janeiro", "GPE"), ("Niterói", "GPE"), ("Rio", "ORG"))
    places = [(p.text, p.country) for p in find_places(doc)]
    assert ("Rio", "BR") in places


def test_river_the_text_writes_after_the_is_no_surname(nlp):
    text = ("The farms lie between the main channel of the Danube and its Moson Danube branch. "
            "How the disease reached farms on the Danube is unclear.")
    doc = _with_ents(nlp, text, ("Danube", "PERSON"), ("Moson Danube", "PERSON"), ("Danube", "PERSON"))
    assert [p.text for p in find_places(doc)].count("Danube") >= 2


def test_lakes_bare_name_after_its_whole_one(nlp):
    text = ("The relay team crossed Lake Baikal in 14 hours. \"Baikal is different,\" the captain said.")
    assert [p.text for p in find_places(nlp(text))].count("Baikal") == 1


def test_article_opening_a_name_inside_a_sentence(nlp):
    text = "The shadow will reach the coast near A Coruña and Oviedo on the same evening."
    doc = _with_ents(nlp, text, ("Coruña", "GPE"), ("Oviedo", "GPE"))
    assert [p.text for p in find_places(doc)] == ["A Coruña", "Oviedo"]


def test_plural_kind_after_the_last_of_listed_divisions(nlp):
    # (a guard: "states" closing a list is no part of the last state's name)
    text = "Most of the raids were in rural markets in Katsina and Jigawa states, officials said."
    doc = _with_ents(nlp, text, ("Katsina", "GPE"), ("Jigawa states", "GPE"))
    assert [p.text for p in find_places(doc)] == ["Katsina", "Jigawa"]


def test_headline_noun_of_a_towns_people_after_its_name(nlp):
    text = ("Oamaru Grandmother Completes Cook Strait Swim\n\nWELLINGTON — A 64-year-old grandmother from "
            "Oamaru became the oldest woman to swim the strait.")
    doc = _with_ents(nlp, text, ("Oamaru Grandmother", "PERSON"), ("Cook Strait", "LOC"), ("WELLINGTON", "GPE"),
                     ("Oamaru", "GPE"))
    assert [p.text for p in find_places(doc)][:1] == ["Oamaru"]


def test_islands_own_name_opening_a_bodys_name(nlp):
    text = "Barges were cancelled, the Coochiemudlo Island Progress Association said on Sunday."
    doc = _with_ents(nlp, text, ("the Coochiemudlo Island Progress Association", "ORG"))
    assert [p.text for p in find_places(doc)] == ["Coochiemudlo Island"]


def test_valleys_name_is_no_persons(nlp):
    # the model's "Val Lavertezzo" makes no surname of the village the valley is named after
    text = ("Voters in the hamlet-strewn Val Lavertezzo said no. In Lavertezzo, 71 percent voted in favour; "
            "Lavertezzo residents said the result was clear.")
    doc = _with_ents(nlp, text, ("Val Lavertezzo", "PERSON"), ("Lavertezzo", "GPE"), ("Lavertezzo", "PERSON"))
    assert [p.text for p in find_places(doc)].count("Lavertezzo") == 2


def test_neighbouring_town_that_speaks_is_no_person(nlp):
    text = ("Rubbish piled up across Johannesburg. Neighbouring Ekurhuleni, where collections are running "
            "normally, said it could not spare trucks.")
    doc = _with_ents(nlp, text, ("Johannesburg", "GPE"), ("Ekurhuleni", "PERSON"))
    assert "Ekurhuleni" in [p.text for p in find_places(doc)]


def test_province_listed_with_provinces_of_one_country(nlp):
    text = "Argentina's wool exports fell. Sheep farmers in Chubut and Santa Cruz fear a dry winter."
    places = {p.text: p.country for p in find_places(nlp(text))}
    assert places.get("Santa Cruz") == "AR"


def test_headline_person_closing_the_text(nlp):
    # (a guard: a "person" of a town and a people's noun that ends the text reads no word past it)
    doc = _with_ents(nlp, "Oamaru Grandmother", ("Oamaru Grandmother", "PERSON"))
    assert [p.text for p in find_places(doc)] == []


def test_great_town_in_a_list_of_places_though_a_person_bears_its_name(nlp):
    text = "Reporter Jane Salerno wrote the story. The ferries link Naples, Sorrento and Salerno in summer."
    assert [p.text for p in find_places(nlp(text))] == ["Naples", "Sorrento", "Salerno"]
    # (a guard: a list of people with no place in it stays people)
    assert [p.text for p in find_places(nlp("Coaches Pat Smith, Tom Jones and Ann Salerno met on Friday."))] == []


def test_country_possessive_holds_the_name(nlp):
    # "Cameroon's Adamawa" is Cameroon's region, not Nigeria's bigger state of the name
    text = "In Cameroon's Adamawa, herders sell cattle to pay ransoms. Kidnappings have spread across the region."
    assert {p.text: p.country for p in find_places(nlp(text))}.get("Adamawa") == "CM"
    # (a guard: the other country's possessive keeps its own)
    assert {p.text: p.country for p in find_places(nlp("Nigeria's Adamawa state was hit by floods."))}.get(
        "Adamawa") == "NG"


def test_a_name_asked_again_is_not_taken_inside_one_found_just_before(nlp):
    # two refused names asked again as the list grows: "Rudnik nad Sanem" taken,
    # its last word "Sanem" (a namesake abroad) is then no mention of its own
    text = ("Willow is grown in Podkarpackie. Several manufacturers in Rudnik nad Sanem and nearby "
            "Ulanów have bought land near the river.")
    found = [(p.start, p.end, p.text) for p in find_places(nlp(text))]
    assert "Rudnik nad Sanem" in [f[2] for f in found]
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:])), found  # no two overlap


def test_a_state_in_a_list_of_places_found_is_no_couples_first_name(nlp):
    # the model's "Haryana" and "Madhya Pradesh" persons read like "Brent and Lynnette Hain"
    doc = _with_ents(nlp, "Farmers in Punjab, Haryana and Madhya Pradesh have complained.",
                     ("Punjab", "NORP"), ("Haryana", "PERSON"), ("Madhya Pradesh", "PERSON"))
    assert [p.text for p in find_places(doc)] == ["Punjab", "Haryana", "Madhya Pradesh"]
    # (a guard: a couple in a list of people, no place found beside them, stays people)
    doc = _with_ents(nlp, "Guests were Jane Smith, Victoria and Lynnette Hain.",
                     ("Jane Smith", "PERSON"), ("Victoria", "PERSON"), ("Lynnette Hain", "PERSON"))
    assert [p.text for p in find_places(doc)] == []
    # (nor a state's name a person of the text bears: "Judge David Holstein" ... "McKinney, Holstein and ...")
    doc = nlp("County Judge David Holstein spoke first. McKinney, Holstein and Commissioner Ronny Lawrence were opposed.")
    assert "Holstein" not in [p.text for p in find_places(doc)]


def test_continents_own_name_is_the_continent_in_a_story_of_its_namesakes_land(nlp):
    # a town of Negros is called Asia: the text's land and places speak for it, not for the continent
    text = ("KABANKALAN, Philippines — Sugar planters in Kabankalan, Sipalay and Cauayan in southern Negros "
            "Occidental say the island, once called the sugar bowl of Asia, has lost half its mills. "
            "Buyers in Bacolod and Iloilo now pay less.")
    asia = [p for p in find_places(nlp(text)) if p.text == "Asia"]
    assert asia and asia[0].kind == "region" and asia[0].country is None
    # (a guard: the town named with its province stays the town)
    text = "Asia, a town of Negros Occidental, held its fiesta; visitors came from Cauayan and Kabankalan."
    assert {p.text: p.country for p in find_places(nlp(text))}.get("Asia") == "PH"


def test_compass_word_before_an_ocean_in_a_story_of_its_namesake_town(nlp):
    # Pacific, Washington lies by Tacoma and Auburn; "the northeast Pacific" is the ocean
    text = ("Salmon returns to rivers near Tacoma, Auburn and Puyallup fell again this year, a drop "
            "scientists link to warm water in the northeast Pacific.")
    pacific = [p for p in find_places(nlp(text)) if p.text == "Pacific"]
    assert pacific and pacific[0].kind == "feature" and pacific[0].country is None


def test_common_noun_opening_a_sentence_before_of_is_no_part_of_a_features_name(nlp):
    text = "Nurses in Cooktown said so. Residents of Lockhart River and the islands of the Torres Strait asked for more."
    assert "Lockhart River" in [p.text for p in find_places(nlp(text))]
    # (a guard: a feature's own name with "of" in it stays whole)
    assert "Cliffs of Moher" in [p.text for p in find_places(nlp("Tourists visited the Cliffs of Moher and Doolin."))]


def test_short_form_of_a_village_beside_a_town_that_has_the_name_as_its_own(nlp):
    # "Saint-Nazaire" opens Saint-Nazaire-en-Royans (500 people, nearer the text's other towns),
    # but it is the own name of the port of 67,000
    text = ("Anglers in Langeac, Brioude and Vichy say the salmon they catch were born far away; the young "
            "fish swim down to the sea in Saint-Nazaire, where the Loire meets the Atlantic.")
    port = [p for p in find_places(nlp(text)) if p.text == "Saint-Nazaire"]
    assert port and port[0].lat > 47.0
    # (a guard: among the village's neighbours the village keeps its reading)
    text = "Farmers of Pont-en-Royans and Saint-Jean-en-Royans met in Saint-Nazaire on Monday."
    village = [p for p in find_places(nlp(text)) if p.text == "Saint-Nazaire"]
    assert village and village[0].lat < 46.0


def test_name_the_model_left_out_before_a_lower_case_river(nlp):
    text = ("A century after they began to vanish from the upper Allier river, wild salmon are again "
            "spawning in its headwaters near Langeac and Brioude.")
    assert "Allier" in [p.text for p in find_places(nlp(text))]
    # (though the model read the name as a person's in the headline)
    text = "Allier salmon hatchery sees first fruits of dam overhaul\n\nCHANTEUGES, France — " + text
    assert "Allier" in [p.text for p in find_places(nlp(text))]


def test_town_of_the_texts_country_in_a_list_of_places_is_no_couples_first_name(nlp):
    # "Taveta and Lunga Lunga" reads like "Brent and Lynnette Hain"; Taveta is a Kenyan town of 22,000
    text = ("Kenya and Tanzania opened a new bus route. Traffic grew, helped by the expanded border posts at "
            "Namanga, Taveta and Lunga Lunga on the coast road.")
    assert "Taveta" in [p.text for p in find_places(nlp(text))]
    # (a guard: a list of people with no place in it stays people)
    assert "Taveta" not in [p.text for p in find_places(nlp("Guests at Jane Smith's party were Paul, Taveta and Lunga Lunga."))]


def test_county_in_camel_case_after_in_holds_the_town(nlp):
    # "DeSoto" is no title-case word, but "Arcadia in DeSoto County" is the Florida town
    text = ("The drought hit Pasadena and Glendale. A cooperative near Arcadia in DeSoto County lost a third "
            "of its trees.")
    arcadia = [p for p in find_places(nlp(text)) if p.text == "Arcadia"]
    assert arcadia and arcadia[0].lat < 30.0


def test_names_in_a_list_closed_by_rivers_are_rivers(nlp):
    # "the Fraser and Thompson rivers": the Fraser is the river, not the Alberta town of 5,000
    text = ("Salmon counts fell again this autumn at the confluence of the Fraser and Thompson rivers, "
            "biologists in Kamloops, British Columbia, said.")
    fraser = [p for p in find_places(nlp(text)) if p.text == "Fraser"]
    assert fraser and fraser[0].kind == "feature" and fraser[0].lon < -120.0


def test_name_after_a_rivers_reach_is_the_river(nlp):
    # "the upper Volga" is the river, not the village of Volga in Yaroslavl oblast
    text = "Pilgrims walked to the old bell tower near Tver, Russia, as low water on the upper Volga exposed it."
    volga = [p for p in find_places(nlp(text)) if p.text == "Volga"]
    assert volga and volga[0].kind == "feature"
    # (a guard: a quarter's name of two words after "the upper" is no river, nor a name joined by a hyphen)
    assert all(p.kind != "feature" for p in find_places(nlp("Rents rose on the Upper West Side of Manhattan.")))
    text = "Almaty officials plan new ski lifts in the upper Kok-Zhailau area, south of the city in Kazakhstan."
    assert "Kok" not in [p.text for p in find_places(nlp(text))]


def test_name_before_department_abroad_is_the_division(nlp):
    # "the neighbouring Lot department" is the French department, not Lot in Belgium
    text = ("Castles sell slowly in the Dordogne, France. Across the border in the neighbouring Lot department, "
            "a keep found a buyer from Leuven. Belgians, Parisians and Berliners bid on three others near Brussels.")
    lot = [p for p in find_places(nlp(text)) if p.text == "Lot"]
    assert lot and lot[0].country == "FR"


def test_country_after_a_bodys_acronym_is_no_surname(nlp):
    # the model reads "WWF Nepal" as a person, which made "Nepal" a surname everywhere else
    text = ("KATHMANDU — Five rhinos reached the far west this week.\n\n"
            "Nepal's rhino count has grown for a decade. WWF Nepal, which paid for the move, said more would follow.")
    found = [p.text for p in find_places(nlp(text))]
    assert found.count("Nepal") >= 2


def test_country_before_and_and_another_country_is_no_couple(nlp):
    # "Mali and Burkina Faso" reads like "Brent and Lynnette Hain"
    text = "Armed groups are active north of Niamey and along the borders with Mali and Burkina Faso, officials said."
    assert "Mali" in [p.text for p in find_places(nlp(text))]


#: towns listed each with a reading, the last figure glued to its full stop ("47.9C.")
_READINGS_TEXT = ("Across Rajasthan, Churu touched 49.1C on Tuesday, Sri Ganganagar 48.4C and Bikaner 47.9C. "
                  "Jaisalmer and Barmer, closer to the border with Pakistan, were cooler.")


def test_towns_listed_each_with_its_figure(nlp):
    # "Sri Ganganagar 48.4C and Bikaner 47.9C": a list of readings, the figures between the names
    assert "Bikaner" in [p.text for p in find_places(nlp(_READINGS_TEXT))]
    # (a guard: a bare whole number is a score, and a team's name is no town's: "Tyler Legacy 38, Rockwall-Heath 31")
    text = "Week 6 results in East Texas: Tyler Legacy 38, Rockwall-Heath 31; Longview 24, Marshall 7."
    assert "Legacy" not in [p.text for p in find_places(nlp(text))]


def test_figure_the_model_joined_to_a_person_is_no_name_before_a_town(nlp):
    # "Bikaner 47.9C. Jaisalmer" was read as one person: the figure is no part of a name
    assert "Jaisalmer" in [p.text for p in find_places(nlp(_READINGS_TEXT))]


def test_village_said_to_lie_in_its_state_after_a_preposition(nlp):
    # "shares with Onslow in Western Australia": Onslow, of 1,100 people, the model left out
    text = "Oodnadatta came within a degree of the national record, which it shares with Onslow in Western Australia."
    assert "Onslow" in [p.text for p in find_places(nlp(text))]


def test_name_before_a_list_of_countries_is_no_place_of_the_first(nlp):
    # "Cornwall, Finland, Serbia and Ireland" is a list, not a Cornwall of Finland nor the
    # Pennsylvania town a story of the United States would make of it
    # (a guard: a country's name listed with countries stays the country, "Lebanon, Syria and Iraq")
    text = ("BUTTE, Mont. — The city drew miners from Cornwall, Finland, Serbia and, above all, Ireland. Others "
            "came later from Bisbee, in southern Arizona, and from Calumet in Michigan's Upper Peninsula. Copper "
            "from Butte wired homes from Ohio to Texas.")
    cornwall = [p for p in find_places(nlp(text)) if p.text == "Cornwall"]
    assert cornwall and cornwall[0].country == "GB"
    text = "AMMAN — Exporters in the city ship to Lebanon, Syria and Iraq, the trade office said."
    assert [p.kind for p in find_places(nlp(text)) if p.text == "Lebanon"] == ["country"]


def test_town_of_20000_the_model_read_as_a_verb_near_a_place_named(nlp):
    # "Écija, long nicknamed ...": the model tags "Écija" a verb; a town of 40,000 of the text's country
    text = ('MONTORO, Spain — The heat was widespread across Andalusia. Écija, long nicknamed "the frying pan", '
            'reached 45.9C on Monday.')
    assert "Écija" in [p.text for p in find_places(nlp(text))]
    # (a guard: a word of a travel box, far from the text's places, is no town of 20,000 abroad)
    text = "Getting there: buses leave Buenos Aires twice a day for Mendoza. Best time: November to March."
    assert "Best" not in [p.text for p in find_places(nlp(text))]


def test_town_said_to_lie_in_a_part_of_its_state(nlp):
    # "Bisbee, in southern Arizona,": the compass word between "in" and the state
    text = ("Butte wants to follow other copper towns that reinvented themselves. Bisbee, in southern Arizona, "
            "became an artists' colony after its mines closed.")
    assert "Bisbee" in [p.text for p in find_places(nlp(text))]


def test_county_written_co_without_a_point_makes_the_bare_name_a_place(nlp):
    # "DINGLE, Co Kerry": Irish papers drop the point; the later bare "Kerry", taken by the
    # model for a person, is the county
    text = ("DINGLE, Co Kerry — The peninsula's second brewery opened on Friday. Kerry now has six craft "
            "brewers, the county council said.")
    kerry = [p for p in find_places(nlp(text)) if p.text == "Kerry"]
    assert kerry and kerry[0].country == "IE"


def test_short_form_of_a_small_town_named_in_full_before(nlp):
    # "San Vicente de Alcántara ... San Vicente": the short name is the town named in full,
    # not a namesake in another province
    text = ("The cork boilers of San Vicente de Alcántara, near Badajoz, work through the summer. "
            "San Vicente has about 30 cork firms.")
    short = [p for p in find_places(nlp(text)) if p.text == "San Vicente"]
    assert short and haversine_km(short[0].lat, short[0].lon, 39.36, -7.14) <= 50
    # (a guard: a great city's short name is its own, "Rio" after "Rio de Janeiro")
    text = "Flights from Rio de Janeiro resumed. Rio has two airports."
    rio = [p for p in find_places(nlp(text)) if p.text == "Rio"]
    assert all(haversine_km(p.lat, p.lon, -22.9, -43.2) <= 50 for p in rio if p.lat is not None)



def test_town_of_a_big_state_without_a_state_code_keeps_its_reading(nlp):
    # "BIRDSVILLE, Queensland": the town's GeoNames entry gives no state code and lies 870 km
    # from Queensland's point; it is still the Queensland town, not a stand-in at the state's point
    text = "BIRDSVILLE, Queensland — The races drew 7,000 people to the outback town this year."
    got = resolve_spans(nlp(text), [(0, 10)])[0]
    assert got is not None and got.lat is not None and haversine_km(got.lat, got.lon, -25.90, 139.35) <= 50


def test_town_listed_beside_a_country_is_not_placed_in_it(nlp):
    # "buyers in Halifax, Vancouver and the United States": the country closing the list is
    # the town's peer, so its paragraph names no country of Vancouver's (not Vancouver, Washington)
    text = ("CHARLOTTETOWN, P.E.I. — A knitting shop in Canada's smallest province has doubled its sales.\n\n"
            "Its sweaters now go to buyers in Halifax, Vancouver and the United States, the owner said.")
    town = [p for p in find_places(nlp(text)) if p.text == "Vancouver"]
    assert town and haversine_km(town[0].lat, town[0].lon, 49.25, -123.12) <= 50


def test_university_named_after_a_town_is_in_its_great_town(nlp):
    # "the University of Münster" in a story from Bavaria: the city of 300,000, not the
    # Bavarian village of 1,000 the text's other places lie near
    text = ("AUGSBURG, Germany — Farmers near Augsburg and Donauwörth lost most of their maize to hail on "
            "Sunday.\n\n\"The storm cells were unusually large,\" said Anna Weber, a climatologist at the "
            "University of Münster.")
    town = [p for p in find_places(nlp(text)) if p.text == "Münster"]
    assert town and haversine_km(town[0].lat, town[0].lon, 51.96, 7.63) <= 50


def test_english_name_of_a_european_city_is_the_city(nlp):
    # "via Rotterdam and Ghent": GeoNames has "Ghent" as the main name of American hamlets
    # only and as another name of Gent; the English name is the Belgian city's
    text = "Most of the juice leaves the port of Santos for Europe via Rotterdam and Ghent, traders said."
    town = [p for p in find_places(nlp(text)) if p.text == "Ghent"]
    assert town and town[0].lat is not None and haversine_km(town[0].lat, town[0].lon, 51.05, 3.72) <= 50


def test_other_name_the_gazetteer_lacks_stands_for_the_place_before_it(nlp):
    # "Shangri-La, the town formerly known as Zhongdian": the older name is the town's
    text = "In Shangri-La, the town formerly known as Zhongdian, families rise at three to pick mushrooms."
    old = [p for p in find_places(nlp(text)) if p.text == "Zhongdian"]
    assert old and old[0].lat is not None and haversine_km(old[0].lat, old[0].lon, 27.83, 99.71) <= 50


def test_land_after_in_holds_a_small_town_in_a_story_of_its_great_namesake(nlp):
    # "Trujillo in Spain" (9,000 people) in a story of Trujillo, Peru: "in" names the land that holds it
    text = ("HUANCHACO, Peru — Surfers came from Lima, Chiclayo and Trujillo, the regional capital, to ride reed "
            "boats off the Peruvian coast. A delegation from Trujillo in Spain, a sister town, also came.")
    towns = [p for p in find_places(nlp(text)) if p.text == "Trujillo"]
    assert len(towns) == 2 and haversine_km(towns[0].lat, towns[0].lon, -8.11, -79.03) <= 50
    assert haversine_km(towns[1].lat, towns[1].lon, 39.46, -5.88) <= 50


@pytest.mark.parametrize("text,name,point", [
    # a part of a city named with the city's possessive: the namesake abroad loses to the city's part
    ("Street-food vendors in Bangkok's Chinatown will be allowed to trade until 2 a.m.", "Chinatown",
     (13.74, 100.51)),
    # (a region's name where a word makes it the city's district)
    ("The national laboratory in Kinshasa's Gombe district confirmed 1,910 cases.", "Gombe", (-4.30, 15.30)),
    # (or "the" with the city's name and a part's kind before "of")
    ("Ferries leave every half hour for the Auckland seaside suburb of Devonport.", "Devonport",
     (-36.83, 174.80)),
])
def test_part_of_a_city_named_with_its_possessive(nlp, text, name, point):
    part = [p for p in find_places(nlp(text)) if p.text == name]
    assert part and part[0].lat is not None and haversine_km(part[0].lat, part[0].lon, *point) <= 50


@pytest.mark.parametrize("text,name,point", [
    # (a region's name without such a word, a great city's, a far state's city: as before)
    ("Critics said Beijing's Xinjiang policy had hardened.", "Xinjiang", (41.5, 85.5)),
    ("Officials said Moscow's Kyiv embassy would stay shut.", "Kyiv", (50.45, 30.52)),
    ("Traffic into New York's Albany was slow on Monday.", "Albany", (42.65, -73.76)),
    ("Basel's Rhine swimmers float downstream on hot afternoons.", "Rhine", (51.98, 4.08)),
    # (the kind's phrase naming the part first: the city after "of" is no part of the district)
    ("Chantal Mwamba runs a small restaurant in the Kasulo neighbourhood of Kolwezi, in Lualaba province.",
     "Kolwezi", (-10.72, 25.47)),
])
def test_possessive_of_a_city_leaves_regions_great_cities_and_states_towns(nlp, text, name, point):
    place = [p for p in find_places(nlp(text)) if p.text == name]
    assert place and place[0].lat is not None and haversine_km(place[0].lat, place[0].lon, *point) <= 161


def test_county_after_in_holds_a_small_town_in_a_story_of_its_great_namesake(nlp):
    # "Launceston in Cornwall" (9,000 people) in a story of Launceston, Tasmania (90,000)
    text = ("BALLARAT, Australia — Bands from Launceston, Hobart and Burnie in Tasmania and from Bendigo, Geelong "
            "and Shepparton in Victoria played on the shore of Lake Wendouree on Sunday. The Launceston band won "
            "the A Grade. Its secretary said it once received a booking for a summer fete in Launceston in "
            "Cornwall.")
    towns = [p for p in find_places(nlp(text)) if p.text == "Launceston"]
    assert len(towns) == 3 and haversine_km(towns[0].lat, towns[0].lon, -41.44, 147.14) <= 50
    assert haversine_km(towns[2].lat, towns[2].lon, 50.64, -4.36) <= 50


def test_small_town_held_by_in_speaks_for_itself_alone(nlp):
    # "not to be confused with the resort of Manali in Himachal Pradesh": the town "in" holds is that
    # mention's reading only; the story's Manali stays the suburb of Chennai
    text = ("CHENNAI, India — Oil from the refinery belt at Manali reached Ennore creek on Sunday, fishers said. "
            "The industrial suburb of Manali — not to be confused with the mountain resort of Manali in Himachal "
            "Pradesh — is home to a cluster of refineries.")
    towns = [p for p in find_places(nlp(text)) if p.text == "Manali"]
    assert len(towns) == 3 and haversine_km(towns[0].lat, towns[0].lon, 13.17, 80.27) <= 50
    assert haversine_km(towns[2].lat, towns[2].lon, 32.24, 77.19) <= 50


def test_small_town_held_by_in_without_contrast_speaks_for_the_text(nlp):
    # "Tourists walk through Gion in Kyoto": "in" names the text's own Gion, for its other mentions too
    text = ("Lanterns lit the lanes of Gion on Friday as the festival's floats were readied.\n\nPhoto: Tourists "
            "walk through Gion in Kyoto, western Japan.")
    towns = [p for p in find_places(nlp(text)) if p.text == "Gion"]
    assert len(towns) == 2 and all(haversine_km(t.lat, t.lon, 35.00, 135.78) <= 50 for t in towns)


def test_division_named_with_its_kind_leaves_the_bare_name_its_town(nlp):
    # "the province of Buenos Aires" is the province; the bare "Buenos Aires" of the same text stays the city
    text = ("The governor of the province of Buenos Aires met bondholders on Monday. Later in the week, Buenos "
            "Aires prepared its own payment.")
    found = [p for p in find_places(nlp(text)) if p.text == "Buenos Aires"]
    assert len(found) == 2
    assert haversine_km(found[0].lat, found[0].lon, -36.68, -60.56) <= 161
    assert haversine_km(found[1].lat, found[1].lon, -34.61, -58.38) <= 50


def test_surname_opening_a_body_named_after_its_person_is_no_place(nlp):
    # "Aminu Kano International Airport": a person's full name opens the airport's; the text's bare
    # "Kano" later is the city, and its repeat does not bring back the person's word
    text = "Pilgrims waited for hours at Aminu Kano International Airport on Friday. In Kano, traders shut shops."
    found = [p.start for p in find_places(nlp(text)) if p.text == "Kano"]
    assert found == [text.rindex("Kano")]


@pytest.mark.parametrize("text,name,point", [
    # a lower-case "island" after the name: the island, not a town named like it
    ("Fishermen on Margarita island said the catch had fallen by half.", "Margarita", (11.0, -63.95)),
    ("PUERTO AYORA, Ecuador — Rangers on Santa Cruz island counted sharks.", "Santa Cruz", (-0.62, -90.37)),
    # an older English name of a great city in a story of its country, though a
    # country the text names once has a small town of that main name
    ("Strikes closed the airports serving Hamburg, Bremen, Hanover and Dresden on Monday, the German union "
     "said. Some travellers flew on to Toronto and Montreal.", "Hanover", (52.37, 9.74)),
    # (a US town of the name keeps its state after a comma)
    ("Police in Hanover, N.H., said the road was closed.", "Hanover", (43.70, -72.29)),
])
def test_island_cue_and_older_english_names_at_home(nlp, text, name, point):
    text_spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)][:1]
    got = resolve_spans(nlp(text), text_spans)[0]
    assert got is not None and got.lat is not None
    assert haversine_km(got.lat, got.lon, *point) <= 161, (got.name, got.lat, got.lon)


#: sentences whose [[marked]] spans are exactly the places found (nothing else)
EXACTLY = [
    # an island people's name of a word, a hyphen and the country's name gives no surname
    "[[Canberra]] pledged aid for recovery, but [[Ni-Vanuatu]] officials say only a third has been spent. "
    "Each year workers from [[Vanuatu]] travel to pick fruit.",
    # a person's surname: what only a person owns after its possessive, a saying verb after a phrase
    # between commas
    "Foreign Minister Helen Albany promised to look closely at both requests. Albany's office confirmed "
    "the call. Later, Albany, in a statement, said the scheme was valued.",
    "A parent, Javier Toledo, moved to [[Menorca]] from [[Valladolid]]. Toledo, speaking by telephone, "
    "said he had received insults.",
    # a water's bare word is no place's name (Seattle's code is "SEA")
    "The tribunal, set up under the United Nations Convention on the Law of the Sea, has handled a dozen cases.",
    # a storm's name, whole or after its capitalised word
    "Her family lost its house in Cyclone Pam in 2015, and his in Typhoon Haiyan.",
    # a trade's capital opening what the model took for a body; the school's town all the same
    "Lawyer Mirta Concepción said the ruling went further. Anthropologist Rubén Toledo of the National "
    "University of [[Concepción]] said the ruling also ordered protection.",
    # a people's word the model took for a person before an office's title
    "External Affairs Minister Arjun Mehra and [[Nepali]] Foreign Minister Sushila Bhattarai reviewed ties.",
    # a province's name after "the" before what the model took for a person
    "The [[Maharashtra]] Ekikaran Samiti has campaigned for decades.",
    # a full name listed after a person's, read as a place
    "The court has convicted two other warlords, Thomas Lubanga and Germain Katanga, for crimes.",
    # a big town the model took for a language
    "The port at [[Thoothukudi]] has expanded to take bigger ships.",
    # a region of our table after a preposition and "the", read as a body
    "Farmers in this college town on the rolling hills of the [[Palouse]] have grown used to jokes.",
    # "Neighbouring" opening a sentence is a place's cue
    "The event drew crowds. Neighbouring [[Krabi]] has asked for a role in hosting side events.",
    # a common adjective before a noun, though a small town bears it
    "We are two hours up the range from the Olympic city, we have the showgrounds.",
    # a town GeoNames spells in its own Latin letters, by its English name, the model's body
    "The typical guest did [[Samarkand]], [[Bukhara]] and [[Khiva]] in ten days and left.",
    # a region's word at a sentence's end keeps its full stop out
    "Health visits run in the [[Bekaa]]. \"Their mothers come,\" she said.",
    # a great town's name as the text's person speaking, though the text names the town too
    "[[JOS]], [[Nigeria]] (AP) — Officials relaxed a curfew imposed on [[Jos]]. The announcement, read on "
    "state radio by the commissioner for information, Danladi Kaduna, followed a meeting.\n\n"
    "\"We have seen calm return,\" Kaduna told reporters.\n\n"
    "A trader said lorries from [[Kaduna]] and [[Abuja]] had refused to enter the city.",
    # "Neighbouring" opening a sentence, whatever the model reads
    "Schools reopened on Monday. Neighbouring [[Racine]], which had imposed its own curfew, lifted it on Friday.",
    # a great town someone or something comes from, though a person of the text bears its name
    "\"Before, a young person from [[Lyon]] had to go to a visa centre,\" said Claire Lyon, a [[French]] teacher.",
    "Tankers were being sent by road from [[Valencia]]. \"We have an incident every year,\" said Marta Valencia.",
    # "the Cape" alone on the shipping route round Africa; no name of a cape's word before another
    "Carriers rerouted via the [[Cape]], adding ten days to voyages to [[Europe]].",
    "The wind that locals call the Cape Doctor closed the anchorage. The hunt went ahead at Cape Cross, "
    "where 60,000 Cape fur seal pups live.",
    # a river of our table after "the", which the model left out
    "Downstream, the river winds past sugar estates before joining the [[Zambezi]] in [[Mozambique]].",
    # "X East and X West districts"
    "Authorities lifted the curfew in [[Imphal East]] and [[Imphal West]] districts.",
    # the second of two people's words the model took for a person ("guards" read as a verb)
    "Two killed as [[Kyrgyz]] and [[Tajik]] guards trade fire near [[Vorukh]] enclave",
    # a full name the model took for a body after a title and a comma, or after a saying verb
    "The bank's project director, Lucas Adelaide, said the design included new sluice gates.",
    "A ministry spokesman, Dawit Gojjam, said services would return.",
    "\"We cannot wait,\" said Helena Paris, the state's secretary for reconstruction.",
    # a given name described by a person's age after a comma
    "For eleven years, Marcus, a 31-year-old graphic designer, has lived within sight of [[Singapore]]. "
    "Marcus, who asked that his surname not be published, is one of many.",
    # a language of our table after another ("in Dari and Pashto"), after "in" ("in Malayalam"), after a
    # capitalised word after "in" ("in Samoan and Māori"), after "learning"
    "Officials in [[Kabul]] issued the notice in [[Dari]] and [[Pashto]] on Tuesday.",
    "The pastor preached in [[Samoan]] and [[Māori]] to a packed hall.",
    "Leaflets were printed in [[Malayalam]] for the fishing villages.",
    "She has been learning [[Twi]] at evening classes since the move.",
    # (not the last word of a longer name, nor a given name)
    "It drew 38,000 spectators, according to the [[Dakshina Kannada]] district police.",
    "Outside the supermarket on [[Cromwell Street]], manager Shona MacLeod, 38, said deliveries from [[Oban]] "
    "had stopped.",
    # a people's word before a sport's noun is the sport's
    "Crowds came for Nordic skiing in [[Lillehammer]] this winter.",
    # a photograph's credit after an agency's name and a slash
    "Fishing boats in the harbour at [[Essaouira]], [[Morocco]]. (AFP / Paula Lima)",
    # a sea's short name after "the" or before a shore's word
    "Fishermen on the [[Caspian]] coast say catches have fallen. The seabed of the [[Caspian]] holds old pipes.",
    # ... or before a noun of the lands about it
    "\"That debate is happening in [[Dushanbe]] and [[Bishkek]] right now.\" Several [[Pacific]] neighbours "
    "have similar needs on a smaller scale.",
    "[[Russia]] and [[Iran]] objected, and other [[Caspian]] states asked for a study.",
    # a body of two words that speaks, its second word no body's: a person
    "\"Our son is a teacher, not a smuggler,\" Adelaide Ferrand said at a press conference in [[Lyon]].",
    # a name of two words that a trade's apposition or a caption's place describes, though the model
    # left it out or took it for a work's title
    "The pipeline near [[Rustavi]] is behind schedule. \"This is not a box to tick,\" Georgia Mallory, a "
    "[[London]]-based bank adviser, said.",
    "The dam near [[Cooma]] is under construction, well over budget.\n\nAdelaide Moore, a retired engineer "
    "who lives in [[Canberra]], said the costs kept rising.",
    "[[DENVER]] — Savannah Ruiz had been in [[Nepal]] for ten days when the bus crashed. Savannah Ruiz, left, "
    "with her sister at the airport.",
    # a storm's name alone after the storm was named with its word
    "[[Tonga]] cleared debris two days after Severe Tropical Cyclone Nadi passed over the islands. "
    "Forecasters in [[Suva]] said Nadi had intensified quickly.",
    # a town of Valais by its usual name; a great town that speaks, no person of the text bearing its name
    "The council in [[Zurich]] agreed. A spokesman in [[Sion]] said the cantonal government would appeal.",
    "The venue announced it would close for roof repairs. [[Edinburgh]] said it would help the club find a "
    "new hall.",
    "Councillor Lena Houston opened the fair on Friday. Houston said the stalls would stay until Sunday.",
    "[[SANTOS]], [[Brazil]] — Officials seized fake shirts at the port. \"They follow within weeks,\" said "
    "customs auditor Marcelo Santos. Santos said the containers were chosen by risk.",
    # a people's word before an office's title though the model's person goes on over its first word
    "\"We cannot wait for the next budget,\" said [[Estonian]] Defence Minister Hanno Pevkur on Tuesday.",
    # a great region by its English name (pycountry's Pelopónnisos)
    "Migrants picking oranges near [[Argos]] in the eastern [[Peloponnese]] were detained on Monday.",
    # a great town inside the model's DATE with a small word after it
    "[[Chilean]] exporters lost millions. A shipping agent in [[Rosario]] said two vessels bound for "
    "[[Paranaguá]] had been told to skip the port and call at [[Montevideo]] first.",
    # a region's people's word as a language: after a verb of speech, before "-medium"
    "Most pupils in [[Gwynedd]] can speak [[Welsh]], and two more [[Welsh]]-medium schools opened there this year.",
    # a listed language the model took for a date after "in", or for a building before "and" and a language
    "The community station now broadcasts eight hours a day in [[Māori]], including the rugby commentary.",
    "Only [[Swahili]] and [[English]] are used in most classrooms, teachers in [[Marsabit]] said.",
    # a language named like its people: a place after "in", not as the people's adjective
    "The radio station in [[Juchitán]] broadcasts in [[Zapotec]] and [[Spanish]]. A Zapotec legend says the "
    "tree is older than the town.",
    # a common adjective the model took for a place
    "Children died of rabies in Indigenous communities near the border with [[Ecuador]], and Indigenous "
    "leaders criticised the response.",
    # a name no place has, described as a person's after "the"
    "Parliament elected Karam, the former army commander, as president on Monday after months of deadlock "
    "in [[Beirut]].",
    # a country's people's word of two words joined by a hyphen; a territory by its short plural name
    "Among the anxious were [[Bissau-Guinean]] students abroad, who called home every night.",
    "The territory's premier said the [[Caymans]] had some of the strictest rules in the region.",
    # a name of two words no place has, described as a person's (not a lake's opened by its word)
    "\"We came for a fund and got a panel,\" said Marina Salvador, a climate lawyer who attended the talks in "
    "[[Nairobi]].",
    "Near the shores of [[Lake Ilopango]], a mother who asked to be identified only by her first name said her "
    "son was held.",
    # a language named like its people after a verb of learning or speech, not before a noun
    "Children learn [[Sorbian]] at school, and some speak [[Sorbian]] at home. Sorbian village schools are closing.",
    # a rank and a name no place has, or such a name after "-designate": a person's, whose surname repeats
    "[[BEIRUT]] — Capitals across the [[Middle East]] welcomed the election of General Fouad Karam as "
    "[[Lebanon]]'s president on Thursday.\n\n[[Washington]] said it looked forward to working with Karam on "
    "extending state authority.\n\nKaram was sworn in at parliament.",
    "Leaders signalled they would compete for influence with Prime Minister-designate Farzana Haque Talukder "
    "after her alliance won. Crowds gathered in [[Dhaka]] and in Talukder's home district of [[Sylhet]].",
    # a name after a kin word and a comma, though no place has it
    "The engineer had married his college sweetheart, Sherin, in January, and the couple flew to [[Malé]] in "
    "March.",
    # a people's word the model took alone for a person: before a hyphen's compound, after "every"
    "Residents of [[Varnița]], which lies on the [[Moldovan]]-controlled side of the river, voted early. The "
    "winner thanked every [[Moldovan]] who voted.",
    # a town or a land before its weather reading, whatever the model made of it (not a person's)
    "Across the border, [[Swiss]] authorities evacuated villages in the canton of [[Ticino]]. MeteoSwiss said "
    "[[Lugano]] had received 120 mm of rain in six hours.",
    "[[Sicily]] recorded 46.3C at a station near [[Siracusa]], and fires burned in the hills behind [[Palermo]].",
    "Hannah Brooks recorded 32 mm in her garden gauge near [[Leeds]].",
    # a land's own name the tagger read as an adverb by its "-ly"
    "[[Sicily]] lost power on Monday, officials in [[Rome]] said.",
    # a land or a town opening a newspaper's name the model took for a person's
    "The rival [[Fiji]] Sun focused on the budget. The [[Busan]] Ilbo, whose city is home to the port, agreed.",
    # a region's people's word of two words
    "[[Nova Scotian]] officials said no injuries had been reported. A [[British Columbian]] firm won the contract.",
    # a small club's name ("Stars") is no person's, whose first word would read as a given name
    "He was a minor footballer with [[Tuam]] Stars and travelled to [[Majorca]] with six friends from [[Tuam]] "
    "and [[Athenry]] to celebrate.",
    # a listed language beside a word the model read as a people's or a language's
    "On the train from [[Johannesburg]], [[Xhosa]] and [[Afrikaans]] mixed with the sound of the rails.",
    "Children at the mission school sing in [[Shona]] and [[Ndebele]].",
    "Announcements at the airport are made in [[Malay]], [[English]] and [[Tamil]].",
    # an airline's name of "Air" and a place, which the model took for a person's
    "Air [[Bukhara]] chief executive Dilnoza Karimova said the first flight would leave in May.",
    # a town after a club's prefix word or letters, or before a basketball or volleyball club's word
    "The forward spent two seasons with Virtus [[Bologna]] and one with Olympiacos [[Piraeus]] before returning "
    "home.",
    "The guard, who plays for [[Valencia]] Basket, was named captain.",
    "He scored five goals for KAA [[Gent]] in the spring, before the move abroad.",
    # (a club's name the model took for a place, opened by its prefix word)
    "The winger returns from Celta [[Vigo]] after a loan spell, the federation said.",
    # (a town's name opening a club's name before "de" and another town: see below; elsewhere the town)
    "He grew up in [[Vitória]], the capital of [[Espírito Santo]], and moved to [[Lisbon]] at 19.",
    # a byline's name after a dateline's dash; a surname after its particles
    "[[MINDELO]], [[Cape Verde]] — By Helena Tavares, sports reporter. Old men gather every morning on the "
    "harbour wall.",
    "[[Indonesia]]'s coach, the [[Dutchman]] Frank van der Velde, named four new players on Monday.",
    # a country's people's word of three words opening a body's name
    "Fighting between the rebels and the [[Papua New Guinean]] Defence Force lasted nine years.",
    # a club's prefix word named like a town
    "The midfielder is a regular at Sparta [[Rotterdam]], his agent said.",
    # a town of 20,000 after "from", "at" or "via", whatever the model made of it
    "[[China]] has a naval base in [[Djibouti]] and a hand in port projects from [[Gwadar]] to [[Dar es Salaam]].",
    # a given name named like a capital, opening a name the model took for a body whose
    # last word is the surname of a person named in full: a relative's
    "[[WARSAW]], [[Poland]] — On Saturdays, nine-year-old Sofia Kovalenko walks with her grandmother along the "
    "river. \"We switched in one day,\" said Sofia's mother, Iryna Kovalenko, 38. For Sofia, [[Warsaw]] is simply "
    "home.",
    # a school's name before "University of" and its town
    "She teaches Pacific studies at Victoria University of [[Wellington]], where she studied.",
    # hills and a town of this pass's rows
    "Residents of [[Omeo]] received their first warning forty minutes after the fire crossed the ridge.",
    "Veterans laid wreaths at [[Mount Tumbledown]] and [[Wireless Ridge]] on Sunday.",
]


@pytest.mark.parametrize("text,word", [
    ("The striker finished as top scorer at Vitória de Guimarães last season.", "Vitória"),
    ("Further west, along the Campo de Gibraltar, the towns were quiet.", "Campo"),
])
def test_town_named_first_word_before_de_and_a_town_is_no_place(nlp, text, word):
    # "Vitória de Guimarães" is a club of Guimarães, not of Vitória in Brazil
    found = [text[p.start:p.end] for p in find_places(nlp(text))]
    assert word not in found, found


@pytest.mark.parametrize("line", EXACTLY, ids=[d[:40] for d in EXACTLY])
def test_finds_exactly_the_marked_places(nlp, line):
    text, spans = _marked(line)
    found = sorted((p.start, p.end) for p in find_places(nlp(text)))
    assert found == sorted(spans), [text[s:e] for s, e in found]


@pytest.mark.parametrize("line,point", [
    # a hamlet at home named like a city of 150,000 abroad, nothing of the text near it
    ("Growers in the Barossa Valley and Adelaide sell wine to China. Officials in Canberra said the "
     "Australian case was strong. The panel's report, circulated to members in [[Geneva]] on Wednesday, "
     "found against Beijing.", (46.20, 6.15)),
    # an ocean's name without its word, no town of it near the text's places
    ("Students in Port Vila gathered. [[Pacific]] neighbours joined in the celebration, and officials in "
     "Fiji and Tuvalu issued statements. A US State Department spokesperson said Washington was reviewing "
     "the opinion.", (0.0, -160.0)),
    # a bare "Delta" in a story of a land with one delta of our table; a university's great town though
    # no place of the text lies near it
    ("CAIRO, Egypt — \"Go to a factory in the [[Delta]] or in Alexandria,\" he said.", (30.9, 31.0)),
    ("CAIRO, Egypt — \"Go to a factory in the Delta or in Alexandria,\" he said. The killing in Cairo of an "
     "Italian doctoral student from the University of [[Cambridge]] still angers Rome today.", (52.2, 0.12)),
    # a people's word before a town's kind and a comma holds the town
    ("SANTIAGO DE CUBA, Cuba — Protests spread across eastern Cuba. Residents said power had been off in some "
     "neighbourhoods of Santiago for a week. Far to the south, in the Chilean capital, [[Santiago]], exiles "
     "rallied outside the Cuban embassy.", (-33.45, -70.67)),
    # "the Cape" in a text that names one cape's place in full
    ("HYANNIS, Mass. — Ferries to Nantucket ran late. Visitors to Cape Cod were fewer. Shoppers from the "
     "lower [[Cape]] towns of Chatham and Orleans were pleased.", (41.7, -70.2)),
    # (a town of it stays where the text's places lie about it)
    ("Shoppers in Atlantic, Iowa and Griswold lined up. A mill in [[Atlantic]] closed.", (41.40, -95.01)),
    # a people's word of a region of our table; an island of the Caribbean Netherlands at its own point
    ("The project is funded by a [[Nordic]] development agency and the World Bank, officials in Nairobi said.",
     (63.0, 15.0)),
    ("The Dutch government in The Hague said [[Bonaire]] would receive new funds for its harbour.", (12.2, -68.26)),
    # a range of our table in the text's land, though a range of another land has the name too
    ("Bushwalkers from Sydney headed across the [[Blue Mountains]] towards Bathurst and the Macquarie River "
     "valley.", (-33.62, 150.35)),
    # "the Gulf" of world news in a text that names none of its lands nor the Gulf of Mexico's
    ("An official in Malé said the islands had another supply of diesel from the [[Gulf]] and would not run "
     "short.", (27.0, 51.0)),
    ("Refineries in Houston and Lake Charles said tankers in the [[Gulf]] were waiting for the storm to pass.",
     (25.0, -90.0)),
    # a state by the short name its people call it
    ("State authorities in [[Edomex]], as residents call the state, said the road would reopen.", (19.35, -99.63)),
    # an apposition after the town that names its land by a people's or a country's word
    ("KUALA LUMPUR, Malaysia — Regulators in Penang and Kuala Lumpur opened an inquiry. The fund's trustees sat "
     "in [[George Town]], the Cayman capital, the records show.", (19.29, -81.37)),
    ("BEIRUT, Lebanon — A Lebanese bank held the accounts of a firm that did business in [[Tripoli]], the "
     "Libyan capital, during the war, the records show. Beirut prosecutors declined to comment.", (32.89, 13.19)),
    ("The records came from a corporate services provider based in [[Victoria]], the Seychelles capital, and "
     "from Port Louis. Melbourne lawyers said they knew nothing.", (-4.62, 55.45)),
    # a great capital alone in a dateline, though the text names a state with a namesake village
    ("[[PARIS]] (AFP) — Extreme weather battered every continent this week. In Springfield, Missouri, cooling "
     "centres stayed open overnight, and storms cut power in Kansas City.", (48.85, 2.35)),
    # (a local paper's dateline without an agency is its own town)
    ("[[PERTH]] — Councillors in Perth and Kinross have approved a package of repairs to the flood walls on "
     "the Tay.", (56.40, -3.43)),
    # a people's word before a centre's word and "of"
    ("MANILA, Philippines — A provincial businessman from Cebu opened firms in Hong Kong and the Malaysian "
     "offshore centre of [[Labuan]], according to leaked records. Officials in Davao declined to comment.",
     (5.28, 115.25)),
    # a land's possessive three words before the town's kind
    ("TRIPOLI, Libya — Parliament in Tripoli met on Monday. In the northern city of [[Tripoli]], Lebanon's "
     "poorest major city, celebratory gunfire injured two people.", (34.43, 35.84)),
    # "the Gulf" where the text names the United States but none of its Gulf states
    ("LAGOS, Nigeria — The former governor left after his bail expired. American prosecutors separately seized "
     "a flat bought with public money. He flew first to Accra and then to the [[Gulf]].", (27.0, 51.0)),
    # a capital acting for its government, though the text's land has a namesake
    ("PORT SUDAN, Sudan (AP) — Governments traded accusations on Tuesday after a truce in Sudan collapsed, with "
     "shelling reported in Omdurman and an offensive closing in on El Obeid.\n\nThe truce, brokered in the "
     "Saudi city of Jeddah, was meant to open aid corridors into Darfur and North Kordofan. Both sides blamed "
     "each other for the breakdown.\n\n[[Riyadh]] said it was \"deeply disappointed\" and called on both "
     "sides to return to talks. Cairo issued a statement warning that Egypt would not accept any threat to "
     "Sudan's unity.", (24.69, 46.72)),
    # ... where no country has the name ("The Vatican" is the city-state's, not its capital's)
    ("NAKURU, Kenya (AP) — Catholics packed a showground on the edge of Nakuru. The [[Vatican]] announced the "
     "appointment in March.", (41.9, 12.45)),
    # a capital's own name before a great city's other name, where the text names the capital's land
    ("JAKARTA, Indonesia — Congratulations came from Canberra and Beijing. New Delhi sent a message. In "
     "[[Dili]], the president of Timor-Leste called the result a win for the region.", (-8.56, 125.57)),
    # ... unless the text is more about the other's land
    ("SANTO DOMINGO, Dominican Republic — Growers in Baní and in the Cibao valley were worried. Growers in "
     "[[Santiago]] — the country's second city, not the Chilean capital — said they hoped to export more.",
     (19.45, -70.69)),
    # a great city's own name, in a text more about its land, though a suburb of a city the
    # text names near its other places has it as an old other name (North Hollywood's "Toluca")
    ("Mexico's coach named a squad with many home-based players: four from Monterrey, three from [[Toluca]] "
     "and three from Pachuca. The team opens in Houston, then plays in Santa Clara and Arlington, in Texas and "
     "California, where many Mexican-American fans live, before a friendly in Los Angeles.", (19.29, -99.65)),
    # a town's part named before its town and a comma, though a town abroad has its name
    ("The grandmother speaks with her son in Minneapolis every Sunday from her flat in [[Eastleigh]], Nairobi.",
     (-1.27, 36.85)),
    # (not a list's town before another: "Dayton, Columbus and Cleveland")
    ("Ohio's finalists were [[Dayton]], Columbus and Cleveland, the state's commerce office said.",
     (39.76, -84.19)),
    # places of this pass's rows: a reservoir, a province whose name a far town has, a settlement, a town
    ("Families of soldiers missing since the battle of the [[Chosin Reservoir]] met officials from Pyongyang "
     "and Seoul.", (40.50, 127.25)),
    ("Aid convoys reached the coast of Yemen's eastern [[Mahra]] province, near the border with Oman.",
     (16.50, 51.70)),
    ("Veterans from Britain laid wreaths at [[Goose Green]] on Sunday.", (-51.83, -58.97)),
    ("Veterans of the brigade remembered the retreat through [[Kunu-ri]] in the winter of 1950.", (39.68, 125.87)),
    ("The fire burned across the high country of [[East Gippsland]] for four days.", (-37.50, 148.00)),
    # a great capital alone in the dateline speaks for its bare name, a pair elsewhere keeping its own
    # an apposition with an adjective of its own places the town ("the tiny capital of")
    ("The cheapest rents were found in [[Victoria]], the tiny capital of the Seychelles, the report said.",
     (-4.62, 55.45)),
    # places of this pass's rows and languages
    ("Rents in [[Leopoldstadt]] rose by a fifth, the city's housing office said.", (48.22, 16.40)),
    ("Diplomats favour the large gardens of [[Kileleshwa]], the agents said.", (-1.28, 36.78)),
    ("The folk singer answered the judges in [[Tulu]], the language of her coast.", (12.9, 75.0)),
    ("She sang two songs in [[Seselwa]], the islands' creole.", (-4.68, 55.49)),
    # the land after ", in" past a part of it, and an apposition with a noun of its own
    ("MEXICO CITY — The carmaker's Mexican plants need moulds, so it buys them from a small workshop in "
     "[[Córdoba]], in southern Spain, which also supplies the navy.", (37.88, -4.78)),
    ("LAGOS, Nigeria — Estate agents in Lekki first offered him holiday villas in [[Lagos]], the resort town "
     "in Portugal's Algarve, he said.", (37.10, -8.67)),
    # (not a noun that is no town's word before "of": "the largest buyer of U.S. corn")
    ("Exports of corn to Asia are up. [[Mexico]], the largest buyer of U.S. corn, takes most of it, "
     "traders in Chicago said.", (23.0, -102.0)),
    # a dateline's pair speaks for the bare name before a headline's pair; a small capital by its own
    # name is its country's pair ("HAMILTON, Bermuda —")
    ("Liquidators chase assets from Nassau to Hamilton, Ontario\nBy Derek Simmons\n\nHAMILTON, Bermuda — "
     "Court-appointed liquidators said on Monday they had traced funds to Canada. Police in [[Hamilton]] said "
     "the case was referred to them.", (32.29, -64.78)),
    # a great city alone in a wire's dateline with its date ("SYDNEY, Feb 3 (Reuters) -")
    ("SYDNEY, Feb 3 (Reuters) - Shares rose in Sydney. Analysts in [[Sydney]] said the rally would last, "
     "while traders in Sydney, Nova Scotia, were less sure.", (-33.87, 151.21)),
    ("ROME (AP) — Rome was named the most visited city in Europe again. The news brought calls to Rome, "
     "Georgia, a city of 37,000 outside Atlanta, where the mayor laughed it off. Hotels in [[Rome]] were full.",
     (41.89, 12.51)),
])
def test_resolves_hamlets_waters_and_english_spellings(nlp, line, point):
    text, spans = _marked(line)
    got = resolve_spans(nlp(text), spans)[0]
    assert got is not None and got.lat is not None
    assert haversine_km(got.lat, got.lon, *point) <= 161, (got.name, got.lat, got.lon)
