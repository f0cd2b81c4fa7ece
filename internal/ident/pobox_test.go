package ident

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFindPOBoxPositives(t *testing.T) {
	for _, tc := range []struct{ line, match string }{
		{"P.O. Box 123", "P.O. Box"},
		{"PO Box 123", "PO Box"},
		{"P O Box 123", "P O Box"},
		{"P. O. Box 123", "P. O. Box"},
		{"P.O.Box 123", "P.O.Box"},
		{"P.O Box 123", "P.O Box"},
		{"PO. Box 123", "PO. Box"},
		{"PO.Box 123", "PO.Box"},
		{"p.o. box 123", "p.o. box"},
		{"po box 123", "po box"},
		{"PO BOX 123", "PO BOX"},
		{"Po Box 123", "Po Box"},
		{"PO  Box 123", "PO  Box"},
		{"PO\tBox 123", "PO\tBox"},
		{"PO\u00a0Box 123", "PO\u00a0Box"},
		{"P.O.\u00a0Box 123", "P.O.\u00a0Box"},
		{"PO Box", "PO Box"},
		{"PO Box12", "PO Box"},
		{"PO Box #12", "PO Box"},
		{"PO Box No. 12", "PO Box"},
		{"Suite 5, PO Box 12", "PO Box"},
		{"Suite 5,PO Box 12", "PO Box"},
		{"Acme Ltd (P.O. Box 9)", "P.O. Box"},
		{"12 Main St / PO Box 3", "PO Box"},
		{"c/o Smith, P.O. Box 77", "P.O. Box"},
		{"POBox 12", "POBox"},
		{"POBox12", "POBox"},
		{"pobox #12", "pobox"},
		{"Post Office Box 45", "Post Office Box"},
		{"POST OFFICE BOX 45", "POST OFFICE BOX"},
		{"post office box 45", "post office box"},
		{"Post-Office Box 45", "Post-Office Box"},
		{"Post Office Box", "Post Office Box"},
		{"Postfach 10 01 23", "Postfach"},
		{"Postfach", "Postfach"},
		{"POSTFACH 1234", "POSTFACH"},
		{"Postfach1234", "Postfach"},
		{"Postfach-Nr. 12", "Postfach"},
		{"Firma GmbH, Postfach 12", "Postfach"},
		{"Apartado 1234", "Apartado"},
		{"Apartado de Correos 55", "Apartado"},
		{"Apartado de correos", "Apartado"},
		{"Apartado Postal 45", "Apartado"},
		{"Apartado Aéreo 1234", "Apartado"},
		{"Apartado Aereo 1234", "Apartado"},
		{"APARTADO 9", "APARTADO"},
		{"Apartado No. 9", "Apartado"},
		{"Apartado nº 9", "Apartado"},
		{"Apartado #9", "Apartado"},
		{"Oficina 3, Apartado 1234", "Apartado"},
		{"Apdo. 123", "Apdo."},
		{"Apdo 123", "Apdo"},
		{"APDO. 123", "APDO."},
		{"apdo.123", "apdo."},
		{"Apdo. Postal 45", "Apdo."},
		{"Apdo", "Apdo"},
	} {
		m, ok := FindPOBox(tc.line)
		assert.True(t, ok, "%q", tc.line)
		assert.Equal(t, tc.match, m, "%q", tc.line)
	}
}

func TestFindPOBoxNegatives(t *testing.T) {
	for _, line := range []string{
		"",
		"123 Main Street",
		"Boxwood Rd",
		"12 Boxwood Road",
		"Box Hill Road",
		"Pobox Street",
		"12 Pobox Street",
		"POBox Lane",
		"Postfachstraße 3",
		"Postfachweg 3",
		"Postfächer 1",
		"Hippo Box Ltd, 5 High St",
		"Expo Box Center",
		"Depot Boxes, 1 Dock Rd",
		"P.O. Boxer Street",
		"PO Boxes 1-5",
		"Post Office Street 4",
		"Post Office Road",
		"Old Post Office Lane",
		"Post Office Boxer Lane",
		"Calle Apartado",
		"Apartado, Antioquia", // also a town (Apartadó); no number follows
		"Carrera 100, Apartadó",
		"Apartados 5",
		"Apartadoes",
		"Apdos",
		"Apdon Road",
		"Polo Box Ave",
		"Apollo Boxing Club",
		"RR 2 Box 152",
		"Box 123",
		"HC 1 Box 12",
		"PMB 123, 4 Main St",
		"POB 12",
		"Post Box 12",
		"Port Box Rd",
		"1 Pointe Ave",
		"Bahnhofstrasse 1",
		"Calle Mayor 5, 3º",
		"Suite 5, Tower B",
		"P.O.",
		"Mipo Box",
		"Apo Box 1",
		"14PO Box",
	} {
		m, ok := FindPOBox(line)
		assert.False(t, ok, "%q matched %q", line, m)
		assert.Empty(t, m)
	}
}
