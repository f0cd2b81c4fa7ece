package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/finlint/finlint/internal/ident"
)

// A city is where a company or a person is: its address parts, and a phone
// template (one integer verb, below phoneN) whose every number is valid in
// its country.
type city struct {
	name, sub, postal string
	streets           []street
	phone             string
	phoneN            int
}

// A street is written as it is locally and as its ASCII transliteration,
// which the API wants beside any non-ASCII line.
type street struct{ local, en string }

// A form is a legal form: the suffix of the company name and the entity
// type it is.
type form struct{ suffix, entity string }

type country struct {
	alpha3, alpha2 string
	cities         []city
	forms          []form // the last is the listed company's
	mic            string // the main stock exchange, for listed companies
	lou            string // the first four characters of the country's LEIs
	taxType        string
	taxID          func(r *rand.Rand) string
	personTaxType  string
	personTaxID    func(r *rand.Rand) string
	first, last    []name
	domain         string
}

// A name as written in the country and as transliterated.
type name struct{ local, en string }

func digits(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func letters(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('A' + r.IntN(26))
	}
	return string(b)
}

func ascii(ss ...string) []name {
	out := make([]name, len(ss))
	for i, s := range ss {
		out[i] = name{s, s}
	}
	return out
}

func plain(ss ...string) []street {
	out := make([]street, len(ss))
	for i, s := range ss {
		out[i] = street{s, s}
	}
	return out
}

func tin(n int) func(r *rand.Rand) string { return func(r *rand.Rand) string { return digits(r, n) } }

var countries = []country{
	{
		alpha3: "USA", alpha2: "US", mic: "XNYS", lou: "5493", domain: "example.com",
		cities: []city{
			{"New York", "US-NY", "10118", plain("%d Fifth Avenue", "%d West 34th Street", "%d Madison Avenue"), "+1212555%04d", 10000},
			{"San Francisco", "US-CA", "94105", plain("%d Market Street", "%d Mission Street"), "+1415555%04d", 10000},
			{"Austin", "US-TX", "78701", plain("%d Congress Avenue", "%d Lavaca Street"), "+1512555%04d", 10000},
			{"Chicago", "US-IL", "60601", plain("%d North Michigan Avenue", "%d West Wacker Drive"), "+1312555%04d", 10000},
			{"Seattle", "US-WA", "98101", plain("%d Pine Street", "%d Second Avenue"), "+1206555%04d", 10000},
		},
		forms:   []form{{"Inc.", "CORPORATION"}, {"LLC", "LIMITED_LIABILITY_COMPANY"}, {"LP", "PARTNERSHIP"}, {"Corp.", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "EIN", taxID: func(r *rand.Rand) string { return fmt.Sprintf("%02d-%s", 10+r.IntN(89), digits(r, 7)) },
		personTaxType: "SSN", personTaxID: func(r *rand.Rand) string {
			return fmt.Sprintf("%03d-%02d-%04d", 100+r.IntN(565), 10+r.IntN(89), 1000+r.IntN(9000))
		},
		first: ascii("Jane", "Michael", "Olivia", "Daniel", "Emily", "Marcus", "Grace", "Robert"),
		last:  ascii("Doe", "Johnson", "Williams", "Brown", "Davis", "Miller", "Wilson", "Moore"),
	},
	{
		alpha3: "CAN", alpha2: "CA", mic: "XTSE", lou: "5493", domain: "example.ca",
		cities: []city{
			{"Toronto", "CA-ON", "M5H 2N2", plain("%d Bay Street", "%d King Street West"), "+1416555%04d", 10000},
			{"Vancouver", "CA-BC", "V6C 3E8", plain("%d Burrard Street", "%d West Georgia Street"), "+1604555%04d", 10000},
		},
		forms:   []form{{"Inc.", "CORPORATION"}, {"Ltd.", "LIMITED_LIABILITY_COMPANY"}, {"Corporation", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "BN", taxID: tin(9), personTaxType: "SIN", personTaxID: func(r *rand.Rand) string {
			return fmt.Sprintf("%s-%s-%s", digits(r, 3), digits(r, 3), digits(r, 3))
		},
		first: ascii("Liam", "Chloe", "Noah", "Emma", "Ethan", "Ava"),
		last:  ascii("Tremblay", "Roy", "Gagnon", "MacDonald", "Campbell", "Wong"),
	},
	{
		alpha3: "GBR", alpha2: "GB", mic: "XLON", lou: "2138", domain: "example.co.uk",
		cities: []city{
			{"London", "GB-LND", "EC2V 7HH", plain("%d Gresham Street", "%d Cheapside", "%d Old Broad Street"), "+4420794%05d", 100000},
			{"Manchester", "GB-MAN", "M2 3WQ", plain("%d Deansgate", "%d King Street"), "+44161496%04d", 10000},
		},
		forms:   []form{{"Ltd", "LIMITED_LIABILITY_COMPANY"}, {"LLP", "PARTNERSHIP"}, {"plc", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "UTR", taxID: tin(10), personTaxType: "NINO", personTaxID: func(r *rand.Rand) string {
			return "QQ" + digits(r, 6) + "C"
		},
		first: ascii("Oliver", "Amelia", "George", "Isla", "Harry", "Poppy"),
		last:  ascii("Smith", "Taylor", "Evans", "Thomas", "Roberts", "Walker"),
	},
	{
		alpha3: "DEU", alpha2: "DE", mic: "XETR", lou: "3912", domain: "example.de",
		cities: []city{
			{"Berlin", "DE-BE", "10117", []street{{"Friedrichstraße %d", "Friedrichstrasse %d"}, {"Unter den Linden %d", "Unter den Linden %d"}}, "+4930%08d", 100000000},
			{"Munich", "DE-BY", "80331", []street{{"Maximilianstraße %d", "Maximilianstrasse %d"}, {"Sendlinger Straße %d", "Sendlinger Strasse %d"}}, "+4989%08d", 100000000},
		},
		forms:   []form{{"GmbH", "LIMITED_LIABILITY_COMPANY"}, {"KG", "PARTNERSHIP"}, {"AG", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "TIN", taxID: tin(13), personTaxType: "STEUER-ID", personTaxID: tin(11),
		first: []name{{"Jürgen", "Juergen"}, {"Anna", "Anna"}, {"Lukas", "Lukas"}, {"Sophie", "Sophie"}, {"Maximilian", "Maximilian"}},
		last:  []name{{"Müller", "Mueller"}, {"Schmidt", "Schmidt"}, {"Koenig", "Koenig"}, {"Weiß", "Weiss"}, {"Becker", "Becker"}},
	},
	{
		alpha3: "FRA", alpha2: "FR", mic: "XPAR", lou: "9695", domain: "example.fr",
		cities: []city{
			{"Paris", "FR-75C", "75008", plain("%d rue du Faubourg Saint-Honore", "%d avenue de l'Opera"), "+331%08d", 100000000},
			{"Lyon", "FR-69", "69002", []street{{"%d rue de la République", "%d rue de la Republique"}, {"%d quai Saint-Antoine", "%d quai Saint-Antoine"}}, "+33478%06d", 1000000},
		},
		forms:   []form{{"SAS", "CORPORATION"}, {"SARL", "LIMITED_LIABILITY_COMPANY"}, {"SA", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "TIN", taxID: tin(9), personTaxType: "SPI", personTaxID: tin(13),
		first: []name{{"Amélie", "Amelie"}, {"Louis", "Louis"}, {"Chloé", "Chloe"}, {"Hugo", "Hugo"}, {"Léa", "Lea"}},
		last:  []name{{"Lefèvre", "Lefevre"}, {"Martin", "Martin"}, {"Dubois", "Dubois"}, {"Moreau", "Moreau"}, {"Girard", "Girard"}},
	},
	{
		alpha3: "IND", alpha2: "IN", mic: "XNSE", lou: "3358", domain: "example.in",
		cities: []city{
			{"Mumbai", "IN-MH", "400001", plain("%d Nariman Point", "%d Marine Drive"), "+91226%07d", 10000000},
			{"Bengaluru", "IN-KA", "560001", plain("%d MG Road", "%d Residency Road"), "+9180%08d", 100000000},
		},
		forms:   []form{{"Private Limited", "LIMITED_LIABILITY_COMPANY"}, {"LLP", "PARTNERSHIP"}, {"Limited", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "PAN", taxID: func(r *rand.Rand) string { return letters(r, 3) + "C" + letters(r, 1) + digits(r, 4) + letters(r, 1) },
		personTaxType: "PAN", personTaxID: func(r *rand.Rand) string { return letters(r, 3) + "P" + letters(r, 1) + digits(r, 4) + letters(r, 1) },
		first: ascii("Priya", "Arjun", "Ananya", "Rohan", "Kavya", "Vikram"),
		last:  ascii("Reddy", "Sharma", "Iyer", "Patel", "Nair", "Gupta"),
	},
	{
		alpha3: "MEX", alpha2: "MX", mic: "XMEX", lou: "4469", domain: "example.mx",
		cities: []city{
			{"Ciudad de Mexico", "MX-CMX", "06600", []street{{"Paseo de la Reforma %d", "Paseo de la Reforma %d"}, {"Avenida Insurgentes Sur %d", "Avenida Insurgentes Sur %d"}}, "+5255%08d", 100000000},
			{"Guadalajara", "MX-JAL", "44100", []street{{"Avenida Juárez %d", "Avenida Juarez %d"}, {"Avenida Vallarta %d", "Avenida Vallarta %d"}}, "+5233%08d", 100000000},
		},
		forms:   []form{{"S.A. de C.V.", "CORPORATION"}, {"S. de R.L. de C.V.", "LIMITED_LIABILITY_COMPANY"}, {"S.A.B. de C.V.", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "RFC", taxID: func(r *rand.Rand) string { return letters(r, 3) + digits(r, 6) + letters(r, 2) + digits(r, 1) },
		personTaxType: "RFC", personTaxID: func(r *rand.Rand) string { return letters(r, 4) + digits(r, 6) + letters(r, 2) + digits(r, 1) },
		first: []name{{"Sofía", "Sofia"}, {"José", "Jose"}, {"Valentina", "Valentina"}, {"Mateo", "Mateo"}, {"Camila", "Camila"}},
		last:  []name{{"Hernández", "Hernandez"}, {"García", "Garcia"}, {"López", "Lopez"}, {"Ramírez", "Ramirez"}, {"Torres", "Torres"}},
	},
	{
		alpha3: "JPN", alpha2: "JP", mic: "XTKS", lou: "3538", domain: "example.jp",
		cities: []city{
			{"Tokyo", "JP-13", "100-0005", []street{{"丸の内%d-1-1", "Marunouchi %d-1-1"}, {"2-%d Otemachi", "2-%d Otemachi"}}, "+8133%07d", 10000000},
			{"Osaka", "JP-27", "530-0001", []street{{"梅田%d-3-1", "Umeda %d-3-1"}, {"1-%d Dojima", "1-%d Dojima"}}, "+8166%07d", 10000000},
		},
		forms:   []form{{"K.K.", "CORPORATION"}, {"G.K.", "LIMITED_LIABILITY_COMPANY"}, {"Holdings K.K.", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "TIN", taxID: tin(13), personTaxType: "TIN", personTaxID: tin(12),
		first: []name{{"裕貴", "Yuki"}, {"Haruto", "Haruto"}, {"Aoi", "Aoi"}, {"Sota", "Sota"}, {"Hina", "Hina"}},
		last:  []name{{"田中", "Tanaka"}, {"Sato", "Sato"}, {"Suzuki", "Suzuki"}, {"Takahashi", "Takahashi"}, {"Watanabe", "Watanabe"}},
	},
	{
		alpha3: "AUS", alpha2: "AU", mic: "XASX", lou: "5299", domain: "example.com.au",
		cities: []city{
			{"Sydney", "AU-NSW", "2000", plain("%d George Street", "%d Pitt Street"), "+6128%07d", 10000000},
			{"Melbourne", "AU-VIC", "3000", plain("%d Collins Street", "%d Bourke Street"), "+6139%07d", 10000000},
		},
		forms:   []form{{"Pty Ltd", "LIMITED_LIABILITY_COMPANY"}, {"Partners", "PARTNERSHIP"}, {"Limited", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "ABN", taxID: tin(11), personTaxType: "TFN", personTaxID: tin(9),
		first: ascii("Charlotte", "Jack", "Matilda", "William", "Ruby", "Lachlan"),
		last:  ascii("Nguyen", "Kelly", "Ryan", "Murphy", "Clarke", "Young"),
	},
	{
		alpha3: "SGP", alpha2: "SG", mic: "XSES", lou: "5493", domain: "example.sg",
		cities: []city{
			{"Singapore", "SG-01", "048583", plain("%d Raffles Place", "%d Robinson Road", "%d Cecil Street"), "+6562%06d", 1000000},
		},
		forms:   []form{{"Pte. Ltd.", "LIMITED_LIABILITY_COMPANY"}, {"Limited", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "TIN", taxID: func(r *rand.Rand) string { return "20" + digits(r, 7) + letters(r, 1) },
		personTaxType: "NRIC", personTaxID: func(r *rand.Rand) string { return "S" + digits(r, 7) + letters(r, 1) },
		first: ascii("Wei Ling", "Jun Jie", "Hui Min", "Kai", "Mei", "Ravi"),
		last:  ascii("Tan", "Lim", "Lee", "Ng", "Ong", "Kumar"),
	},
	{
		alpha3: "NLD", alpha2: "NL", mic: "XAMS", lou: "7245", domain: "example.nl",
		cities: []city{
			{"Amsterdam", "NL-NH", "1017 CE", plain("Herengracht %d", "Keizersgracht %d", "Damrak %d"), "+3120%07d", 10000000},
		},
		forms:   []form{{"B.V.", "LIMITED_LIABILITY_COMPANY"}, {"V.O.F.", "PARTNERSHIP"}, {"N.V.", "PUBLICLY_LISTED_COMPANY"}},
		taxType: "TIN", taxID: tin(9), personTaxType: "BSN", personTaxID: tin(9),
		first: ascii("Daan", "Emma", "Sem", "Julia", "Finn", "Tess"),
		last:  []name{{"de Vries", "de Vries"}, {"Jansen", "Jansen"}, {"Bakker", "Bakker"}, {"Visser", "Visser"}, {"Smit", "Smit"}},
	},
}

// An industry is a trade: a word for the company name, its NAICS 2022 code,
// and what such a company says it does.
type industry struct{ word, naics, description string }

var industries = []industry{
	{"Software", "541511", "Custom software development and systems integration for %s companies."},
	{"Systems", "541512", "Design and integration of computer systems for %s companies."},
	{"Consulting", "541611", "Management consulting and process improvement for %s companies."},
	{"Logistics", "488510", "Freight forwarding and customs brokerage for %s companies."},
	{"Freight", "484121", "Long-distance truckload freight for %s companies."},
	{"Engineering", "541330", "Structural and mechanical engineering services for %s companies."},
	{"Bakery", "311811", "Artisan bread and pastries, baked daily, with catering for %s companies."},
	{"Kitchen", "722511", "Full-service restaurants and corporate catering for %s companies."},
	{"Pharma", "325412", "Generic pharmaceutical preparations supplied to %s companies."},
	{"Builders", "236220", "Commercial building construction and fit-out for %s companies."},
	{"Machining", "332710", "Precision machine shop work for %s companies."},
	{"Staffing", "561320", "Temporary staffing for %s companies."},
	{"Hardware", "423430", "Wholesale of computers and peripherals to %s companies."},
	{"Apps", "513210", "Subscription software published for %s companies."},
}

var (
	brandWords = []string{"Harbor Point", "Summit", "Northwind", "Bluefin", "Cedar Ridge", "Granite", "Lumen", "Atlas",
		"Meridian", "Juniper", "Kestrel", "Orchid", "Pioneer", "Quarry Lane", "Riverside", "Silverline", "Tidewater",
		"Vantage", "Willow Creek", "Zephyr"}
	clients     = []string{"logistics", "retail", "healthcare", "manufacturing", "hospitality", "energy", "media", "agriculture"}
	designation = []string{"Chief Executive Officer", "Managing Director", "Chief Financial Officer", "Founder", "Partner", "Director"}
	middles     = []string{"Marie", "James", "Lee", "Ann", "Alexander"}
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

// BusinessPayload returns payload i of the business corpus for seed: a
// valid Create Business Customer V2 payload, or (one in five) one with a
// mistake a real pipeline makes.
func BusinessPayload(seed uint64, i int) map[string]any {
	doc, _ := business(seed, i)
	return doc
}

// Business mistakes, by the rule finlint reports each under. The first
// five break the JSON Schema too; the others break only a rule beyond it.
var businessMistakes = []string{
	"country-code",       // an alpha-2 country in the incorporated address
	"phone-format",       // a phone written for people, not in E.164
	"field-type",         // registration_number written as a number
	"date-format",        // an incorporation date that is no calendar date
	"required-field",     // legal_name misspelt
	"email-lowercase",    // the company email in mixed case
	"ownership-over-100", // shares that add up to more than 100
	"risk-split",         // a customer risk split that is not 100
	"state-subdivision",  // state and subdivision_code disagree
	"age-range",          // a party under 18
}

// business returns payload i and the rule its mistake breaks, or "" when
// it has none.
func business(seed uint64, i int) (map[string]any, string) {
	r := rand.New(rand.NewPCG(seed, uint64(i)^0xb05e55))
	c := &countries[r.IntN(len(countries))]
	ind := pick(r, industries)
	fm := c.forms[r.IntN(len(c.forms))]
	// Listed companies are few in any real book of business.
	if fm.entity == "PUBLICLY_LISTED_COMPANY" && r.IntN(3) != 0 {
		fm = c.forms[0]
	}
	brand := pick(r, brandWords)
	legal := fmt.Sprintf("%s %s %s", brand, ind.word, fm.suffix)
	host := strings.ToLower(strings.ReplaceAll(brand, " ", "")) + strings.ToLower(ind.word) + fmt.Sprint(i)
	domain := host + "." + c.domain
	home := pick(r, c.cities)
	incorporated := date(r, 1990, 2023)
	basic := map[string]any{
		"legal_name":               legal,
		"legal_name_en":            legal,
		"trade_name":               brand,
		"trade_name_en":            brand,
		"description":              fmt.Sprintf(ind.description, pick(r, clients)),
		"entity_type":              fm.entity,
		"email":                    pick(r, []string{"finance", "accounts", "info", "compliance"}) + "@" + domain,
		"phone":                    fmt.Sprintf(home.phone, r.IntN(home.phoneN)),
		"incorporation_date":       incorporated,
		"country_of_incorporation": c.alpha3,
		"registration_number":      digits(r, 6+r.IntN(4)),
		"is_dao":                   false,
		"tax_info":                 []any{map[string]any{"country_code": c.alpha3, "document_type": c.taxType, "document_id": c.taxID(r)}},
		"websites":                 []any{"https://www." + domain},
	}
	if r.IntN(2) == 0 {
		basic["legal_entity_identifier"] = lei(r, c.lou)
	}
	revenue := 100_000 + r.IntN(50_000_000)
	monthly := revenue / 12
	financial := map[string]any{
		"purpose_id":                       3,
		"source_of_fund_ids":               pick(r, [][]any{{1}, {1, 5}}),
		"source_of_wealth_ids":             pick(r, [][]any{{2}, {2, 7}}),
		"estimated_annual_revenue_usd":     revenue,
		"expected_monthly_deposits_usd":    monthly * (70 + r.IntN(30)) / 100,
		"expected_monthly_withdrawals_usd": monthly * (60 + r.IntN(30)) / 100,
		"expected_transaction_value_usd":   1_000 + r.IntN(50_000),
		"third_party_fund_usage":           r.IntN(10) == 0,
	}
	if r.IntN(5) == 0 {
		financial["purpose_id"] = 10
		financial["purpose_remarks"] = "Paying suppliers abroad and receiving client invoices"
	}
	addresses := map[string]any{
		"is_incorporated_address_same": true,
		"incorporated_address":         address(r, home, c.alpha3),
	}
	if len(c.cities) > 1 && r.IntN(4) == 0 {
		addresses["is_incorporated_address_same"] = false
		addresses["physical_address"] = address(r, pick(r, c.cities), c.alpha3)
	}
	// A corporate shareholder takes its share out of what the people hold,
	// so that the total stays under 100 as the vendor asks.
	holding := map[string]any{"has_material_intermediary_ownership": false}
	corporate := 0
	if r.IntN(4) == 0 {
		corporate = 5 + r.IntN(10)
		holding = map[string]any{
			"has_material_intermediary_ownership": true,
			"corporate_shareholders":              []any{shareholder(r, c, brand, corporate)},
		}
	}
	doc := map[string]any{
		"verification_type":  "STANDARD",
		"industry_codes":     []any{ind.naics},
		"basic_info":         basic,
		"financial_profile":  financial,
		"addresses":          addresses,
		"associated_parties": parties(r, c, domain, incorporated, 80+r.IntN(16)-corporate),
		"holding_structure":  holding,
		"meta_data":          map[string]any{"reference": fmt.Sprintf("biz-%08d", i)},
	}
	if fm.entity == "PUBLICLY_LISTED_COMPANY" {
		doc["public_listings"] = []any{map[string]any{"mic": c.mic, "isin": isin(r, c.alpha2), "ticker_symbol": strings.ToUpper(brand[:3]) + ind.word[:1]}}
	}
	if r.IntN(2) == 0 {
		doc["compliance"] = compliance(r)
	}
	if r.IntN(5) != 0 {
		return doc, ""
	}
	mistake := businessMistakes[r.IntN(len(businessMistakes))]
	switch mistake {
	case "country-code":
		addresses["incorporated_address"].(map[string]any)["country"] = c.alpha2
	case "phone-format":
		basic["phone"] = formatPhone(basic["phone"].(string))
	case "field-type":
		basic["registration_number"] = 1_000_000 + r.IntN(9_000_000)
	case "date-format":
		basic["incorporation_date"] = fmt.Sprintf("%d-02-30", 1990+r.IntN(30))
	case "required-field":
		basic["legal_nmae"] = basic["legal_name"]
		delete(basic, "legal_name")
	case "email-lowercase":
		basic["email"] = strings.ToUpper(basic["email"].(string)[:1]) + basic["email"].(string)[1:]
	case "ownership-over-100":
		// Each share stays within 0 to 100, so that only their sum is wrong.
		doc["holding_structure"] = map[string]any{
			"has_material_intermediary_ownership": true,
			"corporate_shareholders":              []any{shareholder(r, c, brand, 30)},
		}
	case "risk-split":
		cp, ok := doc["compliance"].(map[string]any)
		if !ok {
			cp = compliance(r)
			doc["compliance"] = cp
		}
		split := cp["aml"].(map[string]any)["customer_risk_split"].(map[string]any)
		split["high_risk"] = split["high_risk"].(int) + 5
	case "state-subdivision":
		// The state of another city is a real subdivision code, so that only
		// the disagreement is wrong.
		ad := addresses["incorporated_address"].(map[string]any)
		for _, other := range c.cities {
			if other.sub != home.sub {
				ad["state"] = other.sub
				break
			}
		}
		if ad["state"] == home.sub {
			ad["state"] = home.sub[:3] + "ZZ"
		}
	case "age-range":
		party := doc["associated_parties"].([]any)[0].(map[string]any)
		party["basic_info"].(map[string]any)["dob"] = date(r, 2015, 2020)
	}
	return doc, mistake
}

func date(r *rand.Rand, from, to int) string {
	return fmt.Sprintf("%d-%02d-%02d", from+r.IntN(to-from+1), 1+r.IntN(12), 1+r.IntN(28))
}

func address(r *rand.Rand, c city, alpha3 string) map[string]any {
	st := pick(r, c.streets)
	n := 1 + r.IntN(400)
	ad := map[string]any{
		"street_line_1":    fmt.Sprintf(st.local, n),
		"street_line_1_en": fmt.Sprintf(st.en, n),
		"city":             c.name,
		"state":            c.sub,
		"subdivision_code": c.sub,
		"postal_code":      c.postal,
		"country":          alpha3,
	}
	if r.IntN(3) == 0 {
		ad["street_line_2"] = fmt.Sprintf("Suite %d", 100+r.IntN(4000))
	}
	return ad
}

// parties returns one to three associated parties whose shares add up to
// left, the first of them both shareholder and ubo as the vendor
// asks of at least one.
func parties(r *rand.Rand, c *country, domain, incorporated string, left int) []any {
	n := 1 + r.IntN(3)
	out := make([]any, 0, n)
	used := map[string]bool{}
	for k := range n {
		first, last := pick(r, c.first), pick(r, c.last)
		for used[first.en+last.en] {
			first, last = pick(r, c.first), pick(r, c.last)
		}
		used[first.en+last.en] = true
		share := left
		if k < n-1 {
			share = 10 + r.IntN(left-10*(n-k))
		}
		left -= share
		roles := []any{"shareholder", "ubo"}
		if k > 0 && share < 25 {
			roles = []any{"shareholder"}
		}
		home := pick(r, c.cities)
		bi := map[string]any{
			"first_name":           first.local,
			"first_name_en":        first.en,
			"last_name":            last.local,
			"last_name_en":         last.en,
			"dob":                  date(r, 1950, 1995),
			"email":                lower(strings.ReplaceAll(first.en+"."+last.en, " ", "")) + "@" + domain,
			"phone":                fmt.Sprintf(home.phone, r.IntN(home.phoneN)),
			"country_of_residence": c.alpha3,
			"primary_nationality":  c.alpha3,
			"tax_info":             []any{map[string]any{"country_code": c.alpha3, "document_type": c.personTaxType, "document_id": c.personTaxID(r)}},
		}
		if r.IntN(4) == 0 {
			m := pick(r, middles)
			bi["middle_name"], bi["middle_name_en"] = m, m
		}
		out = append(out, map[string]any{
			"ref":        fmt.Sprintf("party-%03d", k+1),
			"basic_info": bi,
			"address":    address(r, home, c.alpha3),
			"roles":      roles,
			"ownership_info": map[string]any{
				"designation":                     pick(r, designation),
				"percentage_of_ownership":         share,
				"relationship_establishment_date": incorporated,
				"has_control":                     k == 0,
				"is_signer":                       k == 0 || r.IntN(2) == 0,
				"is_director":                     r.IntN(2) == 0,
			},
		})
	}
	return out
}

func shareholder(r *rand.Rand, c *country, brand string, share int) map[string]any {
	name := brand + " Holdings " + c.forms[0].suffix
	return map[string]any{
		"entity_name":               name,
		"entity_name_en":            name,
		"registration_country_code": c.alpha3,
		"ownership_percentage":      share,
		"registration_number":       digits(r, 8),
		"entity_type":               c.forms[0].entity,
		"incorporation_date":        date(r, 1980, 2015),
	}
}

func compliance(r *rand.Rand) map[string]any {
	low := 60 + r.IntN(35)
	medium := r.IntN(100 - low + 1)
	profile := map[string]any{
		"high_risk_activities":            []any{},
		"conducts_money_services":         false,
		"conducts_money_services_via_fin": false,
	}
	if r.IntN(3) == 0 {
		profile["high_risk_activities"] = []any{"cross_border_payments"}
		profile["high_risk_activities_explanation"] = "We pay contractors abroad every month by wire transfer."
	}
	return map[string]any{
		"operates_in_prohibited_countries": false,
		"risk_profile":                     profile,
		"aml": map[string]any{
			"has_appointed_mlro":                                   r.IntN(2) == 0,
			"customer_risk_split":                                  map[string]any{"low_risk": low, "medium_risk": medium, "high_risk": 100 - low - medium},
			"prohibits_anonymous_or_fictitious_accounts":           true,
			"prohibits_accounts_for_unlicensed_or_shell_customers": true,
			"confirms_no_service_to_sanctioned_countries":          true,
		},
	}
}

// lei returns a well-formed LEI of the given issuer prefix whose ISO 17442
// check digits hold.
func lei(r *rand.Rand, lou string) string {
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	b := []byte(lou + "00")
	for range 12 {
		b = append(b, alnum[r.IntN(len(alnum))])
	}
	check, _ := ident.LEICheckDigits(string(b))
	return string(b) + check
}

// isin returns an ISIN of the country with a valid check digit.
func isin(r *rand.Rand, alpha2 string) string {
	prefix := alpha2 + digits(r, 9)
	check, _ := ident.ISINCheckDigit(prefix)
	return prefix + string(check)
}

// formatPhone writes an E.164 number as people do: spaces and a hyphen.
func formatPhone(e164 string) string {
	d := e164[1:]
	return "+" + d[:2] + " (" + d[2:5] + ") " + d[5:8] + "-" + d[8:]
}
