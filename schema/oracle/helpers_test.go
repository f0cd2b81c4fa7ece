package oracle_test

import "strings"

func stringsReader(s string) *strings.Reader { return strings.NewReader(s) }

const validPayload = `{
  "verification_type": "STANDARD",
  "basic_info": {
    "first_name": "Maria", "middle_name": "Elena", "last_name": "Garcia",
    "dob": "1990-04-15", "email": "maria.garcia@example.com", "phone": "+14155552671",
    "country_of_residence": "USA", "primary_nationality": "USA", "secondary_nationality": "MEX",
    "gender": "FEMALE",
    "tax_info": [{"country_code": "USA", "document_type": "SSN", "document_id": "123-45-6789"}]
  },
  "address": {"street_line_1": "123 Market Street", "street_line_2": "Apt 4B", "city": "San Francisco",
    "subdivision_code": "US-CA", "postal_code": "94103", "country": "USA"},
  "financial_profile": {"employment_status": "EMPLOYED", "occupation_id": 42, "purpose_id": 3,
    "source_of_fund_ids": [1, 5], "monthly_volume_usd": 5000},
  "meta_data": {"reference": "client-ref-abc-001", "anything": {"goes": true}}
}`
