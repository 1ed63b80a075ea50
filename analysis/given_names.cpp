#include "analysis/given_names.hpp"

#include <unordered_set>

namespace graf::analysis {

bool is_given_name(std::string_view w) {
    // clang-format off
    static const std::unordered_set<std::string_view> k = {
        // English, men
        "aaron", "adam", "adrian", "alan", "albert", "alec", "alex", "alexander", "alfred",
        "alistair", "allan", "allen", "alastair", "andrew", "andy", "angus", "anthony", "antony",
        "archie", "arnold", "arthur", "barry", "ben", "benjamin", "bernard", "bernie", "bill",
        "billy", "bob", "bobby", "brad", "bradley", "brendan", "brian", "bruce", "bryan", "calvin",
        "carl", "cecil", "charles", "charlie", "chris", "christopher", "chuck", "clarence",
        "claude", "clayton", "clifford", "clint", "clive", "colin", "craig", "curtis", "dale",
        "damian", "damien", "dan", "daniel", "danny", "darren", "dave", "david", "dean", "dennis",
        "denis", "derek", "des", "desmond", "dick", "don", "donald", "douglas", "duncan", "dwight",
        "eamon", "eamonn", "ed", "eddie", "edgar", "edmund", "edward", "edwin", "eric", "ernest",
        "eugene", "frank", "frankie", "fred", "freddie", "frederick", "gary", "gareth", "gavin",
        "geoff", "geoffrey", "george", "gerald", "gerard", "gerry", "gilbert", "glen", "glenn",
        "gordon", "graham", "graeme", "grant", "greg", "gregory", "guy", "hal", "harold", "harry",
        "harvey", "henry", "herbert", "howard", "hugh", "hugo", "iain", "ian", "jack", "jacob",
        "jake", "james", "jamie", "jason", "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy",
        "joe", "joel", "john", "johnny", "jon", "jonathan", "jonny", "joseph", "josh", "joshua",
        "keith", "ken", "kenneth", "kevin", "kieran", "kirk", "kyle", "lance", "larry", "lawrence",
        "lee", "len", "leonard", "leslie", "lewis", "liam", "lloyd", "louis", "luke", "malcolm",
        "marcus", "mark", "martin", "matt", "matthew", "maurice", "max", "melvin", "michael",
        "mick", "mickey", "mike", "miles", "mitchell", "murray", "nathan", "neil", "nicholas",
        "nick", "nigel", "noel", "norman", "oliver", "ollie", "oscar", "owen", "patrick", "paul",
        "percy", "pete", "peter", "phil", "philip", "phillip", "ralph", "randy", "ray", "raymond",
        "reg", "reginald", "richard", "rick", "ricky", "rob", "robbie", "robert", "robin",
        "rodney", "roger", "roland", "ron", "ronald", "ronnie", "ross", "roy", "rupert", "russell",
        "ryan", "sam", "samuel", "scott", "sean", "seb", "sebastian", "shane", "shaun", "sid",
        "simon", "stan", "stanley", "stephen", "steve", "steven", "stewart", "stuart", "ted",
        "terence", "terry", "theo", "thomas", "tim", "timothy", "toby", "todd", "tom", "tommy",
        "tony", "trevor", "victor", "vince", "vincent", "wallace", "walter", "warren", "wayne",
        "wesley", "will", "william", "willie", "willy", "wilson",
        // English, women
        "abigail", "alice", "alison", "amanda", "amy", "andrea", "angela", "ann", "anna", "anne",
        "annie", "audrey", "barbara", "beatrice", "betty", "beverley", "brenda", "bridget",
        "carol", "caroline", "carolyn", "catherine", "charlotte", "cheryl", "christine", "clare",
        "claire", "cynthia", "dawn", "debbie", "deborah", "denise", "diana", "diane", "donna",
        "doris", "dorothy", "edith", "eileen", "elaine", "eleanor", "elizabeth", "ellen", "emily",
        "emma", "fiona", "frances", "gail", "gillian", "gloria", "hannah", "harriet", "hazel",
        "heather", "helen", "helena", "hilary", "hillary", "irene", "jackie", "jacqueline", "jan",
        "jane", "janet", "janice", "jean", "jennifer", "jenny", "jessica", "jill", "jo", "joan",
        "joanna", "joanne", "josephine", "joy", "joyce", "judith", "judy", "julia", "julie",
        "karen", "kate", "katherine", "kathleen", "kathryn", "katie", "kay", "kelly", "kim",
        "kirsty", "laura", "lauren", "linda", "lindsay", "lisa", "liz", "lorraine", "louise",
        "lucy", "lynn", "lynne", "madeleine", "maggie", "margaret", "maria", "marie", "marion",
        "martha", "mary", "maureen", "megan", "melanie", "michelle", "miriam", "molly", "nancy",
        "natalie", "nicola", "nicole", "nora", "norma", "olivia", "pamela", "patricia", "paula",
        "pauline", "peggy", "penny", "rachel", "rebecca", "rita", "rose", "rosemary", "ruth",
        "sally", "samantha", "sandra", "sarah", "sharon", "sheila", "shirley", "sonia", "sophie",
        "stella", "sue", "susan", "suzanne", "sylvia", "tessa", "theresa", "tina", "tracey",
        "tracy", "valerie", "vanessa", "vera", "victoria", "virginia", "wendy", "yvonne", "zoe",
        // Irish, Scottish, Welsh
        "aidan", "ciaran", "conor", "cormac", "declan", "donal", "dylan",
        "eoin", "fergus", "gethin", "gwyn", "ieuan", "niall", "padraig", "rhodri",
        "rhys", "ronan", "seamus", "siobhan", "aoife", "niamh", "sinead", 
        // French
        "alain", "andre", "antoine", "bernadette", "christophe", "claude", "didier", "dominique",
        "edouard", "emmanuel", "fabien", "francois", "francoise", "frederic", "gerard", "gilles",
        "guillaume", "henri", "jacques", "jean", "jerome", "julien", "laurent", "lionel", "marcel",
        "michel", "nicolas", "olivier", "philippe", "pierre", "raymond", "rene", "serge",
        "sylvain", "thierry", "valery", "xavier", "yves", "arsene", "amelie", "brigitte",
        "catherine", "claudine", "helene", "isabelle", "martine", "monique", "nathalie",
        "segolene", "simone", "sylvie", "veronique",
        // German, Dutch, Scandinavian
        "bernd", "dieter", "dirk", "erich", "ernst", "franz", "friedrich", "gerhard", "gunther",
        "hans", "heinrich", "heinz", "helmut", "helmuth", "horst", "jurgen", "karl", "klaus",
        "kurt", "lothar", "manfred", "otto", "rainer", "reinhard", "rolf", "rudolf", "stefan",
        "ulrich", "uwe", "werner", "wolfgang", "angela", "gisela", "ingrid", "renate", "ursula",
        "arjan", "dennis", "edgar", "hendrik", "jaap", "jan", "johan", "kees", "marco", "pieter",
        "ruud", "wim", "willem", "anders", "bjorn", "erik", "lars", "magnus", "nils", "olaf",
        "sven", "henrik", "jens", "jonas", "mats", "ole", "per", "stig", "annika", "birgitta",
        "karin", "kristin", "kristina", "ulrika",
        // Italian, Spanish, Portuguese
        "alberto", "alessandro", "andrea", "antonio", "carlo", "carlos", "claudio", "diego",
        "enrico", "fabio", "federico", "fernando", "filippo", "francesco", "francisco", "gianni",
        "giorgio", "giovanni", "giulio", "giuseppe", "jose", "juan", "luca", "luciano", "luigi",
        "luis", "luiz", "manuel", "marcelo", "mario", "massimo", "matteo", "mauro", "miguel",
        "paolo", "pedro", "pablo", "rafael", "raul", "ricardo", "roberto", "romano",
        "rodrigo", "salvatore", "sergio", "silvio", "stefano", "tommaso", "umberto", "vicente",
        "vittorio", "alfredo", "gustavo", "jaime", "javier", "jorge", "julio", "inacio", "joao",
        "alvaro", "felipe", "gonzalo", "ignacio", "ernesto", "eduardo", "enrique", "hugo",
        "ruben", "santiago", "adriano", "ronaldo", "cristian", "gonzalo", 
        "ana", "carmen", "cristina", "elena", "francesca", "giulia", "isabel", "laura", "lucia",
        "luisa", "marta", "monica", "paola", "rosa", "silvia", "sofia", "teresa", "dilma",
        "corazon", "imelda", "leonardo", "roman", "martina", "serena", "venus",
        // Slavic, Greek, Baltic
        "aleksandr", "alexei", "anatoly", "andrei", "boris", "dmitry", "dmitri", "dominik",
        "gennady", "igor", "ivan", "leonid", "mikhail", "nikolai", "oleg", "pavel", "sergei",
        "vaclav", "viktor", "vladimir", "vladislav", "yuri", "yevgeny", "slobodan",
        "goran", "marat", "marko", "milan", "tomas", "jiri", "lech", "jerzy", "janusz", "petr",
        "daniela", "elena", "irina", "katerina", "lyudmila", "maria", "natalia", "olga",
        "svetlana", "tatiana", "yulia", "anastasia", "kostas", "costas", "nikos", "giorgos",
        "andreas", "dimitris", "yiannis", "leszek", "radek", "mario",
        // Arabic, Persian, Turkish, South Asian
        "abdul", "abdullah", "ahmed", "ahmad", "ali", "amir", "fahd", "faisal", "hamid",
        "hassan", "hosni", "hussein", "ibrahim", "ismail", "khalid", "mahmoud",
        "mohamed", "mohammad", "mohammed", "muhammad", "mustafa", "nabil", "omar", "osama",
        "rashid", "saddam", "salman", "tariq", "yasser", "yousef", "youssef", "recep",
        "amitabh", "anil", "arun", "atal", "manmohan", "rahul", "rajiv", "sachin", "sanjay",
        "sonia", "sunil", "vijay", "benazir", "pervez", "nawaz", "imran",
        // East Asian given names news uses often
        "junichiro", "ryutaro", "noboru", "toshiki",
        "takeshi", "akira", "hiroshi", "kenji", "shinzo", "taro", "yoshihiko", "kim", 
        // African, Caribbean, other
        "kofi", "nelson", "thabo", "jacob", "desmond", "robert", "olusegun", "kenenisa",
        "haile", "jonah", "ariel", "benjamin", "shimon", "yitzhak", "ehud",
        "mahmoud", "brian", "jaime", "hosni",
    };
    // clang-format on
    return k.count(w) != 0;
}

}  // namespace graf::analysis
