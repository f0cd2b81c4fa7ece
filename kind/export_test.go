package kind

import "github.com/finlint/finlint/internal/jsondoc"

// Scores returns each kind's score of root, one kind at a time and from
// the merged tree, for the test that holds them equal.
func Scores(root *jsondoc.Value, kinds []*Kind) (oneByOne, merged []int) {
	merged = make([]int, len(kinds))
	mergedFor(kinds).count(root, 0, merged)
	for i, k := range kinds {
		oneByOne = append(oneByOne, k.score(root))
		merged[i] += k.markerScore(root)
	}
	return oneByOne, merged
}
