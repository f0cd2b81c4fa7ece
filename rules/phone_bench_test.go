package rules

import (
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// phoneBenchNumbers are valid numbers of plans shared by many regions
// (+1, +7, +44) and of large single-region ones, each with the country of
// residence phone-country weighs it against.
var phoneBenchNumbers = []struct{ name, phone, residence string }{
	{"US", "+14155552671", "US"},
	{"CA", "+16135550123", "US"},
	{"JM", "+18765550123", "US"},
	{"PR", "+17875550123", "PR"},
	{"GB", "+442079460958", "GB"},
	{"GG", "+447781123456", "GB"},
	{"RU", "+74951234567", "RU"},
	{"KZ", "+77012345678", "RU"},
	{"DE", "+4930901820", "DE"},
	{"IN", "+919876543210", "IN"},
	{"CN", "+8613912345678", "CN"},
	{"FR", "+33123456789", "FR"},
}

// benchPhoneLibrary is what the two phone rules asked of the library for
// one number: Parse and IsValidNumber (shared by both), Format for
// phone-format, GetRegionCodeForNumber and IsValidNumberForRegion for
// phone-country.
func benchPhoneLibrary(phone, residence string) bool {
	num, err := phonenumbers.Parse(phone, "ZZ")
	if err != nil || !phonenumbers.IsValidNumber(num) {
		return false
	}
	if phonenumbers.Format(num, phonenumbers.E164) != phone {
		return false
	}
	region := phonenumbers.GetRegionCodeForNumber(num)
	return region == residence || phonenumbers.IsValidNumberForRegion(num, residence)
}

// benchPhoneCompiled is the same through phone_plan.go.
func benchPhoneCompiled(phone, residence string) bool {
	ph := readPhone(phone)
	if !ph.valid || ph.e164 != phone {
		return false
	}
	return ph.region == residence || ph.validForRegion(residence)
}

func BenchmarkPhone(b *testing.B) {
	for _, path := range []struct {
		name string
		fn   func(phone, residence string) bool
	}{{"library", benchPhoneLibrary}, {"compiled", benchPhoneCompiled}} {
		b.Run(path.name, func(b *testing.B) {
			for _, n := range phoneBenchNumbers {
				if !readPhone(n.phone).valid {
					b.Fatalf("%s: %s is not valid", n.name, n.phone)
				}
				if path.fn(n.phone, n.residence) != benchPhoneLibrary(n.phone, n.residence) {
					b.Fatalf("%s: the paths disagree", n.name)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, n := range phoneBenchNumbers {
					path.fn(n.phone, n.residence)
				}
			}
		})
	}
}

func BenchmarkPhoneByNumber(b *testing.B) {
	for _, n := range phoneBenchNumbers {
		for _, path := range []struct {
			name string
			fn   func(phone, residence string) bool
		}{{"library", benchPhoneLibrary}, {"compiled", benchPhoneCompiled}} {
			b.Run(n.name+"/"+path.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					path.fn(n.phone, n.residence)
				}
			})
		}
	}
}
