package articlestest

// The corpus generator's vocabulary (the sample generator's is in sample.go).

// The vocabularies below are ordinary English news words and names; they
// are listed most frequent first where zipf picks from them.

var firstNames = splitWords(`James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth
William Barbara Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy
Matthew Betty Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald Stephanie Edward
Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy Nicholas Angela Eric Shirley
Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott Nicole Brandon Helen Benjamin Samantha Samuel
Katherine Gregory Christine Alexander Debra Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine
Dennis Maria Jerry Heather Tyler Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia
Douglas Victoria Zachary Kelly Peter Lauren Kyle Christina Ethan Joan Walter Evelyn Noah Judith Jeremy
Megan Christian Andrea Keith Cheryl Roger Hannah Terry Jacqueline Gerald Martha Harold Gloria Sean Teresa
Austin Ann Carl Sara Arthur Madison Lawrence Frances Dylan Kathryn Jesse Janice Jordan Jean Bryan Abigail
Billy Alice Joe Judy Bruce Sophia Gabriel Grace Logan Denise Albert Amber Willie Doris Alan Marilyn Juan
Danielle Wayne Beverly Elijah Isabella Randy Theresa Roy Diana Vincent Natalie Ralph Brittany Eugene
Charlotte Russell Marie Bobby Kayla Mason Alexis Philip Lori Lloyd Yoav Benjamin Antony Kamala Olaf Ursula
Emmanuel Rishi Keir Giorgia Volodymyr Recep Narendra Xi Fumio Anthony Ahmed Fatima Omar Layla Yusuf Amira
Hassan Leila Mohammed Noor Ali Zainab Ibrahim Mariam Khalid Salma Tariq Yasmin Dmitri Olga Sergei Natasha
Ivan Svetlana Hiroshi Yuki Kenji Aiko Wei Mei Jun Lin Raj Priya Arjun Ananya Carlos Lucia Diego Sofia
Miguel Valentina Pierre Camille Hans Greta Lars Ingrid Pedro Ines Kwame Amara Chinedu Ngozi`)

var lastNames = splitWords(`Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez
Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White
Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores
Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz
Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper
Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett
Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell
Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons
Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant
Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson
Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner
Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson Nichols
Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Vazquez Hansen
Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews
Alvarado Ray Delgado Berry Perkins Hoffman Johnston Matthews Pena Richards Contreras Willis Carpenter
Lawrence Sandoval Austin Gallant Netanyahu Blinken Harris Scholz Leyen Macron Sunak Starmer Meloni
Zelensky Erdogan Modi Kishida Haddad Khalil Mansour Nasser Rahman Saleh Farouk Hussein Aziz Karimi
Petrov Ivanova Volkov Sokolov Tanaka Suzuki Watanabe Yamamoto Wang Zhang Liu Chen Sharma Gupta Singh
Rossi Ferrari Dubois Laurent Muller Schneider Larsen Andersen Silva Costa Okafor Mensah Adeyemi Osei`)

var places = splitWords(`Gaza Rafah Washington Israel Jerusalem Ramallah Cairo Amman Beirut Damascus
Baghdad Tehran Riyadh Doha Dubai Ankara Istanbul Athens Rome Paris London Berlin Madrid Lisbon Brussels
Amsterdam Vienna Prague Warsaw Kyiv Kharkiv Odesa Moscow Minsk Vilnius Riga Tallinn Helsinki Stockholm
Oslo Copenhagen Dublin Edinburgh Geneva Zurich Milan Naples Barcelona Valencia Marseille Lyon Munich
Hamburg Frankfurt Budapest Bucharest Sofia Belgrade Zagreb Sarajevo Tirana Skopje Chisinau Tbilisi Yerevan
Baku Kabul Islamabad Karachi Lahore Delhi Mumbai Kolkata Chennai Dhaka Kathmandu Colombo Yangon Bangkok
Hanoi Manila Jakarta Singapore Beijing Shanghai Taipei Seoul Pyongyang Tokyo Osaka Sydney Melbourne
Auckland Ottawa Toronto Montreal Vancouver Chicago Boston Atlanta Houston Dallas Denver Phoenix Seattle
Miami Detroit Philadelphia Baltimore Mexico Havana Bogota Caracas Lima Quito Santiago Montevideo Brasilia
Lagos Abuja Accra Dakar Nairobi Addis Khartoum Tripoli Tunis Algiers Rabat Kinshasa Luanda Harare Lusaka
Johannesburg Pretoria Mogadishu Kampala Kigali Juba Sudan Ukraine Russia Syria Lebanon Jordan Egypt Iran
Iraq Yemen Qatar Turkey Greece Italy France Germany Spain Poland Hungary Romania Serbia Georgia Armenia
Azerbaijan Afghanistan Pakistan India China Japan Korea Vietnam Indonesia Australia Canada Brazil
Argentina Chile Colombia Venezuela Nigeria Ghana Kenya Ethiopia Somalia Libya Tunisia Morocco Algeria
Europe Africa Asia Sinai Negev Galilee Crimea Donbas Kashmir Tibet Xinjiang Darfur Sahel Balkans Caucasus`)

var roles = splitWords(`minister spokesperson senator ambassador governor mayor president envoy
secretary chancellor commander analyst director chairman economist negotiator adviser`)

var weekdays = splitWords(`Monday Tuesday Wednesday Thursday Friday Saturday Sunday`)

var nouns = splitWords(`government talks war ceasefire aid border election economy market plan
agreement deal conflict crisis meeting policy report budget council army forces troops police court
city region country people officials leaders families workers schools hospitals roads prices
inflation trade exports energy oil gas power water food fuel housing shelter support pressure
security strategy decision resolution vote campaign parliament coalition opposition party mission
delegation visit summit agency ministry commission inquiry investigation evidence witness trial
sanctions tariffs taxes jobs wages pensions debt bonds currency bank banks investors companies
industry factories farmers harvest drought floods storm fire earthquake damage recovery rebuilding
refugees camps convoy route corridor crossing checkpoint airport port railway bridge tunnel network
system data research study survey poll results figures numbers growth decline increase cuts reforms
protest strike rally demonstrators students teachers doctors nurses patients vaccine virus outbreak
climate emissions targets technology internet phones satellites weapons missiles drones ships aircraft`)

var adjectives = splitWords(`new latest major key local national international regional military
political economic humanitarian diplomatic public private senior former current recent proposed
emergency temporary permanent limited broad narrow fragile stable urgent critical significant serious
heavy light early late final initial official unofficial independent joint rival northern southern
eastern western central coastal rural urban border remote growing falling rising sharp steady modest
strong weak`)

var verbs = splitWords(`support review expand reduce resume delay approve reject consider discuss
address extend restore protect deliver secure strengthen ease limit monitor assess rebuild reopen
suspend announce oppose demand request accept defend challenge improve replace`)

var pastVerbs = splitWords(`said announced warned reported confirmed denied urged rejected approved
agreed welcomed criticised questioned proposed signed delayed expanded reduced resumed suspended
reviewed discussed demanded promised launched ended started raised cut`)

var prepositions = splitWords(`over across along near inside outside beyond against despite amid
during before after around between`)

var syllables = splitWords(`con pro tra ver ment ing al ic ist ure ter par com dis pre
re in ex ab sub inter trans mar lan gen sta vel mon dor kel fin bar cal den fal gor han jor kir lom
nor pel quin ros sal tor ul vin wes yor zan bri cro dra fle gla pla sca ste tri fro spo cla gri blo
ori ana eli ura ina ola ema ire ase ode une ato ite ust ond arm ent ast ern`)

func splitWords(s string) []string {
	var out []string
	word := ""
	for _, r := range s + " " {
		if r == ' ' || r == '\n' || r == '\t' {
			if word != "" {
				out = append(out, word)
			}
			word = ""
			continue
		}
		word += string(r)
	}
	return out
}
